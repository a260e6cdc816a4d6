// POST /utils/import/:collection: items from an uploaded CSV or JSON file (a multipart body's file
// part, as Directus takes it; any other body is 415), created by the caller in one write (one
// statement, one transaction: permissions, validation, presets, revisions and events as for
// POST /items). CSV is parsed as it streams in (csv-parse); cells of JSON and relational fields
// are read as JSON, so nested relational values import as Directus imports them. A failed
// validation names the rows, as Directus does: `rows: [{type: 'lines', rows}, {type: 'range', start, end}]`.
import { pipeline, Readable } from 'node:stream';
import { parse as csvParse } from 'csv-parse';
import { DirectusError, invalidPayload, unsupportedMediaType } from '../errors.js';
import type { Router } from '../router.js';
import { isPlainObject } from '../request/body.js';
import { isForbiddenKey, parseJsonSafely } from '../request/safe-keys.js';
import { importTarget } from '../engine/files.js';
import type { FilesDeps } from './deps.js';
import { readMultipart } from './multipart.js';
import { noCollection } from './names.js';
import { SERVER_FIELDS, uploadTooLarge, type IncomingFile } from './upload.js';

type Row = Record<string, unknown>;


export function itemsImportRoutes(router: Router, d: FilesDeps): Router {
  router.post('/utils/import/:collection', async (ctx) => {
    const collection = ctx.params.collection;
    const target = await importTarget(d.db, collection);
    // Directus checks existence (not permissions: the write decides those) before the body
    if (!target.exists) throw noCollection(collection);
    const contentType = ctx.req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\b/i.test(contentType)) throw unsupportedMediaType(contentType);
    const max = d.config.files.importMaxSize;
    const parsed = await readMultipart(contentType, ctx.stream ?? Readable.from([]), { fileSize: max, fieldSize: d.config.maxPayloadSize, parts: 100, files: 1 },
      (_fields, file) => rowsOf(file, target.jsonFields));
    if (parsed.length === 0) throw invalidPayload('No file was included in the request');
    // system collections' server-only fields (directus_files: where the bytes are) are never imported
    const rows = collection === 'directus_files' ? parsed[0].map(withoutServerFields) : parsed[0];
    if (rows.length > 0) {
      try {
        await d.writer.write(ctx.accountability, collection, 'create', { payload: rows }, null, ctx.timing, { path: ctx.req.path });
      } catch (err) {
        throw withRows(err, rows);
      }
    }
    return { status: 200, body: Buffer.alloc(0) };
  }, { body: 'stream', maxBody: Number.MAX_SAFE_INTEGER });
  return router;
}

/** The rows of an uploaded file, by its declared type (Directus: JSON or CSV, others 415). */
async function rowsOf(file: IncomingFile, jsonFields: Set<string>): Promise<Row[]> {
  const type = (file.mimeType || 'application/octet-stream').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/csv') throw unsupportedMediaType(file.mimeType, 'file import');
  const rows = type === 'text/csv' ? await csvRows(file.data, jsonFields) : await jsonRows(file.data);
  if (file.truncated()) throw uploadTooLarge();
  return rows;
}

async function jsonRows(data: AsyncIterable<Buffer>): Promise<Row[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of data) chunks.push(chunk);
  let value: unknown;
  try {
    value = parseJsonSafely(Buffer.concat(chunks).toString('utf8'));
  } catch (err) {
    throw invalidPayload((err as Error).message.replace(/\.$/, ''));
  }
  if (!Array.isArray(value)) throw invalidPayload('Top-level object should be an array.');
  // an entry that is not an object is an item without values (Directus: "Value is required" for it)
  return value.map((v) => (isPlainObject(v) ? v : {}));
}

/**
 * CSV with a header row: an empty cell is null, a cell of a JSON or relational field is parsed
 * as JSON when it is JSON (else kept as text), any other cell is text (the database casts it).
 */
async function csvRows(data: AsyncIterable<Buffer>, jsonFields: Set<string>): Promise<Row[]> {
  const parser = csvParse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  pipeline(Readable.from(data), parser, () => undefined);
  let header: string[] | undefined;
  const rows: Row[] = [];
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((h) => h.trim());
        const bad = header.find(isForbiddenKey);
        if (bad !== undefined) throw invalidPayload(`Field "${bad}" is not allowed`);
        continue;
      }
      const row: Row = Object.create(null);
      header.forEach((field, i) => {
        if (field === '' || i >= record.length) return;
        row[field] = cell(record[i], jsonFields.has(field));
      });
      rows.push(row);
    }
  } catch (err) {
    if (err instanceof DirectusError) throw err;
    throw invalidPayload(String((err as Error).message ?? err).replace(/\.$/, ''));
  }
  return rows;
}

function cell(text: string, json: boolean): unknown {
  if (text === '') return null;
  if (!json) return text;
  try {
    JSON.parse(text);
  } catch {
    return text;
  }
  return parseJsonSafely(text); // JSON: refused keys and nesting are checked as for any request body
}

function withoutServerFields(row: Row): Row {
  const out: Row = Object.create(null);
  for (const [k, v] of Object.entries(row)) if (!SERVER_FIELDS.includes(k) && k !== 'storage') out[k] = v;
  return out;
}

/**
 * A failed required/not-null validation of the import's own rows, answered as Directus answers
 * it for imports: per field, the rows (1-based) that fail it, runs of four or more as a range.
 * The engine names the field and the kind of failure; which rows fail it is read off the rows.
 */
function withRows(err: unknown, rows: Row[]): unknown {
  if (!(err instanceof DirectusError) || err.code !== 'FAILED_VALIDATION') return err;
  const errors = [err, ...err.more].map((e) => {
    const { field, type, path } = e.extensions as { field?: string; type?: string; path?: unknown[] };
    if (typeof field !== 'string' || (path && path.length > 0) || (type !== 'required' && type !== 'nnull')) return e;
    const failing = rows.flatMap((r, i) => ((type === 'required' ? !(field in r) : field in r && r[field] === null) ? [i + 1] : []));
    return new DirectusError('FAILED_VALIDATION', e.message, { field, type, rows: rowGroups(failing) });
  });
  const [first, ...more] = errors;
  first.more = more;
  return first;
}

type RowGroup = { type: 'lines'; rows: number[] } | { type: 'range'; start: number; end: number };

/** 1-based row numbers as Directus groups them: runs of four or more as ranges, the rest as lists of lines. */
export function rowGroups(rows: number[]): RowGroup[] {
  const out: RowGroup[] = [];
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    if (j - i + 1 >= 4) out.push({ type: 'range', start: rows[i], end: rows[j] });
    else {
      const last = out[out.length - 1];
      const run = rows.slice(i, j + 1);
      if (last?.type === 'lines') last.rows.push(...run);
      else out.push({ type: 'lines', rows: run });
    }
    i = j + 1;
  }
  return out;
}
