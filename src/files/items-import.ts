// POST /utils/import/:collection: items from an uploaded CSV or JSON file (a multipart body's file
// part, as Directus takes it; any other body is 415), created by the caller as the file streams
// in: its rows are written in batches, in one transaction (permissions, validation, presets,
// revisions and events as for POST /items; all rows or none), so an import holds one batch in
// memory, never the file. CSV is parsed by csv-parse, JSON arrays element by element
// (./json-array.ts); cells of JSON and relational fields are read as JSON, so nested relational
// values import as Directus imports them. A failed validation names the rows, as Directus does:
// `rows: [{type: 'lines', rows}, {type: 'range', start, end}]`.
import { pipeline, Readable } from 'node:stream';
import { parse as csvParse } from 'csv-parse';
import { DirectusError, invalidPayload, unsupportedMediaType } from '../errors.js';
import type { Router } from '../router.js';
import type { Accountability, Timing } from '../types.js';
import { isPlainObject } from '../request/body.js';
import { isForbiddenKey, parseJsonSafely } from '../request/safe-keys.js';
import { importTarget } from '../engine/files.js';
import type { FilesDeps } from './deps.js';
import { jsonArrayElements } from './json-array.js';
import { readMultipart } from './multipart.js';
import { noCollection } from './names.js';
import { SERVER_FIELDS, uploadTooLarge, type IncomingFile } from './upload.js';

type Row = Record<string, unknown>;


export function itemsImportRoutes(router: Router, d: FilesDeps): Router {
  const slots = new ImportSlots(Math.max(1, Math.floor(d.config.dbPoolMax / 2)));
  router.post('/utils/import/:collection', async (ctx) => {
    const collection = ctx.params.collection;
    const target = await importTarget(d.db, collection);
    // Directus checks existence (not permissions: the write decides those) before the body
    if (!target.exists) throw noCollection(collection);
    const contentType = ctx.req.headers['content-type'] ?? '';
    if (!/^multipart\/form-data\b/i.test(contentType)) throw unsupportedMediaType(contentType);
    const max = d.config.files.importMaxSize;
    const imported = await readMultipart(contentType, ctx.stream ?? Readable.from([]), { fileSize: max, fieldSize: d.config.maxPayloadSize, parts: 100, files: 1 },
      (_fields, file) => importFile(d, slots, { accountability: ctx.accountability, timing: ctx.timing, path: ctx.req.path }, collection, target.jsonFields, file));
    if (imported.length === 0) throw invalidPayload('No file was included in the request');
    return { status: 200, body: Buffer.alloc(0) };
  }, { body: 'stream', maxBody: Number.MAX_SAFE_INTEGER });
  return router;
}

/** a batch is written once it has this many rows, or this many bytes of the file's text */
const BATCH_ROWS = 1000;
const BATCH_BYTES = 4 * 1024 * 1024;

interface ImportRequest {
  accountability: Accountability;
  timing: Timing;
  path: string;
}

/**
 * Writes the rows of an uploaded file (by its declared type: Directus takes JSON or CSV, others
 * 415) batch by batch in one transaction. The transaction opens with the first full batch, so
 * a small file is one write, as if posted at once; it waits for one of the import slots.
 */
async function importFile(d: FilesDeps, slots: ImportSlots, req: ImportRequest, collection: string, jsonFields: Set<string>, file: IncomingFile): Promise<void> {
  const type = (file.mimeType || 'application/octet-stream').split(';')[0].trim().toLowerCase();
  if (type !== 'application/json' && type !== 'text/csv') throw unsupportedMediaType(file.mimeType, 'file import');
  const rows = sizeChecked(type === 'text/csv' ? csvRows(file.data, jsonFields) : jsonRows(file.data), file);
  // system collections' server-only fields (directus_files: where the bytes are) are never imported
  const batches = inBatches(rows, collection === 'directus_files' ? withoutServerFields : (r) => r)[Symbol.asyncIterator]();
  let next = await batches.next();
  if (next.done) {
    if (file.truncated()) throw uploadTooLarge();
    return;
  }
  await slots.run(() => d.writer.writeInTransaction(req.accountability, async (write) => {
    let first = 1; // the batch's first row, counted from 1 as Directus names rows
    for (; !next.done; next = await batches.next()) {
      const batch = next.value;
      try {
        await write(collection, 'create', { payload: batch }, req.timing, { path: req.path });
      } catch (err) {
        throw await withRows(err, batch, first, batches);
      }
      first += batch.length;
    }
    // (a file cut at the size limit may end in a partial row: nothing of it commits)
    if (file.truncated()) throw uploadTooLarge();
  }));
}

/**
 * At most `max` imports hold a transaction at once, the others wait their turn: an import's
 * transaction keeps a database connection while the rest of its file arrives, so slow uploads
 * must not take the whole pool from other requests (half of DB_POOL__MAX).
 */
class ImportSlots {
  private active = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly max: number) {}

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.max) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve)); // (the slot is handed over)
    try {
      return await fn();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** The rows, or 413 when the file was cut at the size limit (its last row may be cut too). */
async function* sizeChecked(rows: AsyncIterable<SizedRow>, file: IncomingFile): AsyncGenerator<SizedRow> {
  try {
    yield* rows;
  } catch (err) {
    throw file.truncated() ? uploadTooLarge() : err;
  }
}

/** Rows grouped into batches of BATCH_ROWS rows or BATCH_BYTES bytes of text, whichever comes first. */
async function* inBatches(rows: AsyncIterable<SizedRow>, map: (r: Row) => Row): AsyncGenerator<Row[]> {
  let batch: Row[] = [];
  let bytes = 0;
  for await (const { row, bytes: size } of rows) {
    batch.push(map(row));
    bytes += size;
    if (batch.length >= BATCH_ROWS || bytes >= BATCH_BYTES) {
      yield batch;
      [batch, bytes] = [[], 0];
    }
  }
  if (batch.length > 0) yield batch;
}

interface SizedRow {
  row: Row;
  /** the size of its text in the file, about */
  bytes: number;
}

async function* jsonRows(data: AsyncIterable<Buffer>): AsyncGenerator<SizedRow> {
  // an entry that is not an object is an item without values (Directus: "Value is required" for it)
  for await (const { value, bytes } of jsonArrayElements(data)) yield { row: isPlainObject(value) ? value : {}, bytes };
}

/**
 * CSV with a header row: an empty cell is null, a cell of a JSON or relational field is parsed
 * as JSON when it is JSON (else kept as text), any other cell is text (the database casts it).
 */
async function* csvRows(data: AsyncIterable<Buffer>, jsonFields: Set<string>): AsyncGenerator<SizedRow> {
  const parser = csvParse({ bom: true, skip_empty_lines: true, relax_column_count: true });
  pipeline(Readable.from(data), parser, () => undefined);
  let header: string[] | undefined;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record.map((h) => h.trim());
        const bad = header.find(isForbiddenKey);
        if (bad !== undefined) throw invalidPayload(`Field "${bad}" is not allowed`);
        continue;
      }
      const row: Row = Object.create(null);
      let bytes = 0;
      header.forEach((field, i) => {
        if (field === '' || i >= record.length) return;
        row[field] = cell(record[i], jsonFields.has(field));
        bytes += record[i].length + 1;
      });
      yield { row, bytes };
    }
  } catch (err) {
    if (err instanceof DirectusError) throw err;
    throw invalidPayload(String((err as Error).message ?? err).replace(/\.$/, ''));
  } finally {
    parser.destroy(); // an import that stopped early (a failed write) stops parsing too
  }
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
 * The engine names the field and the kind of failure for the batch that failed (the batches
 * before it passed); which rows fail it is read off that batch and the rest of the file, which
 * is read to its end for this (nothing more is written).
 */
async function withRows(err: unknown, batch: Row[], first: number, rest: AsyncIterator<Row[]>): Promise<unknown> {
  if (!(err instanceof DirectusError) || err.code !== 'FAILED_VALIDATION') return err;
  const checks = [err, ...err.more].map((e) => {
    const { field, type, path } = e.extensions as { field?: string; type?: string; path?: unknown[] };
    if (typeof field !== 'string' || (path && path.length > 0) || (type !== 'required' && type !== 'nnull')) return { e };
    const fails = (r: Row) => (type === 'required' ? !(field in r) : field in r && r[field] === null);
    return { e, field, type, fails, rows: [] as number[] };
  });
  let n = first;
  const scan = (rows: Row[]) => {
    for (const r of rows) {
      for (const c of checks) if (c.fails?.(r)) c.rows!.push(n);
      n++;
    }
  };
  scan(batch);
  try {
    for (let next = await rest.next(); !next.done; next = await rest.next()) scan(next.value);
  } catch {
    // the rest of the file does not parse: the rows named are those read so far
  }
  const [head, ...more] = checks.map((c) => (c.fails ? new DirectusError('FAILED_VALIDATION', c.e.message, { field: c.field, type: c.type, rows: rowGroups(c.rows!) }) : c.e));
  head.more = more;
  return head;
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
