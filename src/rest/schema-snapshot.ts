// Schema as code: GET /schema/snapshot (JSON, or a download with ?export=json|yaml),
// POST /schema/diff (a snapshot as JSON, or a JSON/YAML file in a multipart body; `force` skips
// the version and vendor check) and POST /schema/apply ({hash, diff}: all of it in one
// transaction, refused when the schema changed since the diff). Admins only, as in Directus.
// The snapshot and diff logic is the core's (engine/snapshot.ts); here: bodies and answers.
import { Busboy, type BusboyInstance } from '@fastify/busboy';
import YAML from 'yaml';
import type { Services } from './services.js';
import type { Router } from '../router.js';
import type { ApiRequest, ApiResponse, RouteContext } from '../types.js';
import { forbidden, invalidPayload, unsupportedMediaType } from '../errors.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import { isForbiddenKey, parseJsonSafely } from '../request/safe-keys.js';
import {
  DIRECTUS_VERSION, VENDOR, applyWithHash, diffSnapshots, isEmptyDiff, snapshotHash, takeSnapshot, type Snapshot, type SnapshotDiff,
} from '../engine/snapshot.js';
import { json, noContent } from './response.js';

const admin = (ctx: RouteContext) => {
  if (!ctx.accountability.admin) throw forbidden();
};
const forced = (ctx: RouteContext) => {
  const force = parseQueryString(ctx.req.query).force;
  return force !== undefined && force !== 'false';
};

/** Directus's export file name: `Export <yyyyMMdd-Hmmss>.<ext>` */
function exportName(ext: string, d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `Export ${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}-${d.getHours()}${p(d.getMinutes())}${p(d.getSeconds())}.${ext}`;
}

/** YAML or JSON text to a value, with the same prototype-key rules as every JSON body. */
function parseDocument(text: string): unknown {
  try {
    const trimmed = text.trimStart();
    if (trimmed.startsWith('{') || trimmed.startsWith('[')) return parseJsonSafely(text);
    // YAML's own objects are re-read through the safe JSON parser (no prototype keys survive);
    // aliases are capped by the yaml library (maxAliasCount), so no "billion laughs"
    return parseJsonSafely(JSON.stringify(YAML.parse(text, { maxAliasCount: 100 }) ?? null));
  } catch (err) {
    throw invalidPayload(`The snapshot could not be read: ${(err as Error).message.split('\n')[0].replace(/\.$/, '')}`);
  }
}

/** The `file` part of a multipart body that was already read whole (MAX_PAYLOAD_SIZE applies). */
function multipartFile(req: ApiRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    let parser: BusboyInstance;
    try {
      parser = new Busboy({ headers: { 'content-type': req.headers['content-type'] }, limits: { files: 1, fields: 20 } });
    } catch (err) {
      return reject(invalidPayload((err as Error).message.replace(/\.$/, '')));
    }
    const chunks: Buffer[] = [];
    let found = false;
    parser.on('file', (_name, stream) => {
      found = true;
      stream.on('data', (c: Buffer) => chunks.push(c));
    });
    parser.on('error', (err) => reject(invalidPayload((err as Error).message.replace(/\.$/, ''))));
    parser.on('finish', () => (found ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(invalidPayload('No file was included in the body'))));
    parser.end(req.body ?? Buffer.alloc(0));
  });
}

async function snapshotBody(req: ApiRequest): Promise<unknown> {
  const type = req.headers['content-type'] ?? '';
  if (/^multipart\/form-data\b/i.test(type)) return parseDocument(await multipartFile(req));
  if (req.body && req.body.length > 0 && !/json/i.test(type)) throw unsupportedMediaType(type.split(';')[0].trim());
  return jsonBody(req);
}

const isString = (v: unknown) => typeof v === 'string';

/** Directus's checks of a snapshot body, in its order and words. */
function validateSnapshot(body: unknown): Snapshot {
  if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
  if (typeof body.version !== 'number') throw invalidPayload(body.version === undefined ? '"version" is required' : '"version" must be a number');
  for (const k of ['directus', 'vendor'] as const) {
    if (body[k] === undefined) throw invalidPayload(`"${k}" is required`);
    if (!isString(body[k])) throw invalidPayload(`"${k}" must be a string`);
  }
  const lists: [keyof Snapshot, string[]][] = [['collections', ['collection']], ['fields', ['collection', 'field']], ['systemFields', ['collection', 'field']], ['relations', ['collection', 'field']]];
  for (const [list, keys] of lists) {
    const rows = body[list];
    if (rows === undefined && list === 'systemFields') {
      body.systemFields = [];
      continue;
    }
    if (rows === undefined) throw invalidPayload(`"${list}" is required`);
    if (!Array.isArray(rows)) throw invalidPayload(`"${list}" must be an array`);
    rows.forEach((row, i) => {
      if (!isPlainObject(row)) throw invalidPayload(`"${list}[${i}]" must be of type object`);
      for (const k of keys) if (!isString(row[k])) throw invalidPayload(`"${list}[${i}].${k}" ${row[k] === undefined ? 'is required' : 'must be a string'}`);
    });
  }
  return body as unknown as Snapshot;
}

const KINDS = new Set(['N', 'D', 'E', 'A']);

/** A diff as /schema/diff answers it: four lists of {collection, field?, diff: deep-diff changes}. */
function validateDiff(body: Record<string, unknown>): SnapshotDiff {
  const diff = body.diff;
  if (diff === undefined) throw invalidPayload('"diff" is required');
  if (!isPlainObject(diff)) throw invalidPayload('"diff" must be of type object');
  for (const list of ['collections', 'fields', 'systemFields', 'relations']) {
    const rows = diff[list];
    if (rows === undefined) throw invalidPayload(`"diff.${list}" is required`);
    if (!Array.isArray(rows)) throw invalidPayload(`"diff.${list}" must be an array`);
    rows.forEach((row, i) => {
      const at = `diff.${list}[${i}]`;
      if (!isPlainObject(row)) throw invalidPayload(`"${at}" must be of type object`);
      if (!isString(row.collection)) throw invalidPayload(`"${at}.collection" must be a string`);
      if (list !== 'collections' && !isString(row.field)) throw invalidPayload(`"${at}.field" must be a string`);
      if (!Array.isArray(row.diff) || row.diff.length === 0) throw invalidPayload(`"${at}.diff" must be a non-empty array`);
      for (const change of row.diff) {
        if (!isPlainObject(change) || !KINDS.has(change.kind as string)) throw invalidPayload(`"${at}.diff" must contain changes of kind N, D, E or A`);
        // a path walks into the current schema's objects when applied: no prototype machinery
        if (change.path !== undefined && (!Array.isArray(change.path) || !change.path.every((p) => (isString(p) && !isForbiddenKey(p)) || Number.isInteger(p)))) {
          throw invalidPayload(`"${at}.diff" has an invalid path`);
        }
      }
    });
  }
  return diff as unknown as SnapshotDiff;
}

export function schemaSnapshotRoutes(router: Router, s: Services) {
  router.get('/schema/snapshot', async (ctx): Promise<ApiResponse> => {
    admin(ctx);
    const snapshot = await takeSnapshot(s.db, ctx.accountability);
    const format = parseQueryString(ctx.req.query).export;
    if (format === undefined) return json(JSON.stringify({ data: snapshot }));
    if (format === 'yaml') {
      return {
        status: 200,
        headers: { 'content-type': 'text/yaml; charset=utf-8', 'content-disposition': `attachment; filename="${exportName('yaml')}"` },
        body: YAML.stringify(snapshot),
      };
    }
    return json(JSON.stringify(snapshot, null, 4), 200, { 'content-disposition': `attachment; filename="${exportName('json')}"` });
  });

  router.post('/schema/diff', async (ctx) => {
    admin(ctx);
    const target = validateSnapshot(await snapshotBody(ctx.req));
    if (!forced(ctx)) {
      const bypass = 'You can bypass this check by passing the "force" query parameter';
      if (target.directus !== DIRECTUS_VERSION) {
        throw invalidPayload(`Provided snapshot's directus version ${target.directus} does not match the current instance's version ${DIRECTUS_VERSION}. ${bypass}`);
      }
      if (target.vendor !== VENDOR) throw invalidPayload(`Provided snapshot's vendor ${target.vendor} does not match the current instance's vendor ${VENDOR}. ${bypass}`);
    }
    const current = await takeSnapshot(s.db, ctx.accountability);
    const diff = diffSnapshots(current, target);
    if (isEmptyDiff(diff)) return noContent();
    return json(JSON.stringify({ data: { hash: snapshotHash(current), diff } }));
  });

  router.post('/schema/apply', async (ctx) => {
    admin(ctx);
    const body = jsonBody(ctx.req);
    if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
    if (body.hash === undefined) throw invalidPayload('"hash" is required');
    if (!isString(body.hash)) throw invalidPayload('"hash" must be a string');
    const diff = validateDiff(body);
    if (isEmptyDiff(diff)) return noContent();
    try {
      await applyWithHash(s.db, ctx.accountability, body.hash, diff, forced(ctx));
    } finally {
      s.catalog.schemaChanged();
    }
    return noContent();
  });
}
