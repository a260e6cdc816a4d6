// /files writes: POST multipart (uploads) or JSON (a metadata-only record), PATCH (one, batch),
// DELETE (one, batch) removing the stored bytes too. Reads (GET/SEARCH /files) are the REST
// front end's generic system-collection reads. Every row is written as the caller, so
// directus_files permissions (row-level security, write checks) decide.
import { forbidden, invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import type { ApiResponse, RouteContext } from '../types.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery, type Query, type QueryLimits } from '../request/query.js';
import type { ReadMode } from '../engine/reader.js';
import type { WriteAction } from '../engine/writer.js';
import { existingFiles, fileLocations, mayWriteFiles } from '../engine/files.js';
import type { FilesDeps } from './deps.js';
import { readMultipart } from './multipart.js';
import { removeStored, storageFor, storeUpload, uploadTooLarge } from './upload.js';
import { batchFields, clientFields, newFileRecord } from '../engine/file-records.js';
import type { Accountability, Timing } from '../types.js';

/** Most parts (fields and files) one multipart request may have. */
const MAX_PARTS = 1000;

export const json = (body: string | Buffer, status = 200): ApiResponse =>
  ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body });

export const limitsOf = (d: FilesDeps): QueryLimits => ({
  limitDefault: d.config.queryLimitDefault, limitMax: d.config.queryLimitMax, maxFields: d.config.maxQueryFields, maxFilterNodes: d.config.maxFilterNodes,
});

const urlQuery = (ctx: RouteContext, limits: QueryLimits, list: boolean): Query =>
  normalizeQuery(parseQueryString(ctx.req.query), limits, { list });

/** The written files re-read as the caller with the request's query (204 when unreadable). */
async function readBack(d: FilesDeps, ctx: RouteContext, ids: string[], many: boolean): Promise<ApiResponse> {
  const limits = limitsOf(d);
  const query = urlQuery(ctx, limits, many);
  const body = many
    ? await d.reader.readBytes(ctx.accountability, 'directus_files', { ...query, limit: -1, keys: ids }, 'list', ctx.timing)
    : await d.reader.readBytes(ctx.accountability, 'directus_files', { ...query, key: ids[0] }, 'one', ctx.timing);
  return body === null ? { status: 204 } : json(body);
}

/** A JSON body collected from a stream route (POST /files without multipart), capped at MAX_PAYLOAD_SIZE. */
async function collectJson(d: FilesDeps, ctx: RouteContext): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of ctx.stream ?? []) {
    size += chunk.length;
    if (size > d.config.maxPayloadSize) throw uploadTooLarge();
    chunks.push(chunk);
  }
  return jsonBody({ ...ctx.req, body: Buffer.concat(chunks, size) });
}

async function* emptyBody(): AsyncIterable<Buffer> {}

const isMultipart = (contentType: string) => /^multipart\/form-data\b/i.test(contentType);

const multipartLimits = (d: FilesDeps) => ({ fileSize: d.config.files.maxUploadSize, fieldSize: d.config.maxPayloadSize, parts: MAX_PARTS });

export function filesRoutes(router: Router, d: FilesDeps): Router {
  // FILES_MAX_UPLOAD_SIZE applies per file (multipart.ts), as in Directus: the body itself is uncapped
  const maxBody = Number.MAX_SAFE_INTEGER;

  router.post('/files', async (ctx) => {
    const contentType = ctx.req.headers['content-type'] ?? '';
    if (isMultipart(contentType)) {
      // refused before a byte of the body is read: no create permission on directus_files at all
      if (!(await mayWriteFiles(d.db, ctx.accountability, 'create'))) throw forbidden();
      const ids: string[] = await readMultipart(contentType, ctx.stream ?? emptyBody(), multipartLimits(d),
        (fields, file) => storeUpload(d, ctx, fields, file));
      if (ids.length === 0) throw invalidPayload('No files were included in the body');
      return readBack(d, ctx, ids, ids.length > 1);
    }
    // JSON: a file record without bytes (Directus's "import later" records, embeds)
    const body = await collectJson(d, ctx);
    if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
    const payload = newFileRecord(body, ctx.accountability, storageFor(d, body.storage));
    await d.writer.write(ctx.accountability, 'directus_files', 'create', { payload }, null, ctx.timing);
    return readBack(d, ctx, [payload.id], false);
  }, { body: 'stream', maxBody });

  const write = async (ctx: RouteContext, action: WriteAction, args: Record<string, unknown>, mode: ReadMode | null) => {
    const read = mode ? { query: urlQuery(ctx, limitsOf(d), false), mode } : null; // every written file comes back (no default limit)
    const body = await d.writer.write(ctx.accountability, 'directus_files', action, args, read, ctx.timing, { path: ctx.req.path });
    return body === null ? { status: 204 } : json(body);
  };

  router.patch('/files/:id', async (ctx) => {
    const contentType = ctx.req.headers['content-type'] ?? '';
    if (isMultipart(contentType)) return replaceFile(ctx);
    const data = await collectJson(d, ctx);
    if (!isPlainObject(data)) throw invalidPayload('"value" must be of type object');
    return write(ctx, 'update', { key: ctx.params.id, data: clientFields(data) }, 'one');
  }, { body: 'stream', maxBody });

  /** PATCH /files/:id multipart: metadata fields and one file whose bytes replace the stored ones. */
  const replaceFile = async (ctx: RouteContext): Promise<ApiResponse> => {
    if (!(await mayWriteFiles(d.db, ctx.accountability, 'update'))) throw forbidden();
    const id = ctx.params.id;
    // the caller must see the file (as for any update: unknown or unreadable is 403)
    const visible = /^[0-9a-f-]{36}$/i.test(id)
      ? await d.reader.readValue(ctx.accountability, 'directus_files', { fields: ['id'], key: id }, 'one', ctx.timing) : null;
    const existing = visible !== null && visible.toString() !== 'null' ? (await fileLocations(d.db, [id]))[0] : undefined;
    if (!existing) throw forbidden();
    let stored = 0;
    await readMultipart(ctx.req.headers['content-type']!, ctx.stream ?? emptyBody(), { ...multipartLimits(d), files: 1 }, async (fields, file) => {
      stored++;
      return storeUpload(d, ctx, fields, file, existing);
    });
    if (stored === 0) throw invalidPayload('No files were included in the body');
    return readBack(d, ctx, [id], false);
  };

  router.patch('/files', async (ctx) => {
    const data = jsonBody(ctx.req);
    if (Array.isArray(data)) return write(ctx, 'patch_collection', { data: data.map(batchFields) }, 'list');
    if (!isPlainObject(data)) throw invalidPayload('"value" must be of type object');
    if (isPlainObject(data.query)) data.query = normalizeQuery(data.query, limitsOf(d));
    return write(ctx, 'patch_collection', { data: { ...data, data: clientFields(data.data) } }, 'list');
  });

  const remove = async (ctx: RouteContext, keys: unknown[]) => {
    await removeFiles(d, ctx.accountability, keys, ctx.timing, { path: ctx.req.path });
    return { status: 204 };
  };

  router.delete('/files/:id', (ctx) => remove(ctx, [ctx.params.id]));

  router.delete('/files', async (ctx) => {
    const body = jsonBody(ctx.req);
    if (Array.isArray(body)) return remove(ctx, body);
    if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
    if (Array.isArray(body.keys) && body.query === undefined) return remove(ctx, body.keys);
    if (isPlainObject(body.query) && body.keys === undefined) {
      // the keys the caller's query selects (read as the caller), then those are deleted
      const query = normalizeQuery({ ...body.query, fields: ['id'] }, limitsOf(d));
      const rows = await d.reader.readValue(ctx.accountability, 'directus_files', query, 'list', ctx.timing);
      const keys = (JSON.parse(rows?.toString() ?? '[]') as { id: string }[]).map((r) => r.id);
      return keys.length ? remove(ctx, keys) : { status: 204 };
    }
    throw invalidPayload('"value" must contain at least one of [query, keys]');
  });
  return router;
}

/** Deletes the rows as the caller, then the bytes (and cached transforms) of rows that are gone. */
export async function removeFiles(d: FilesDeps, acc: Accountability, keys: unknown[], timing: Timing, context: { path?: string } = {}): Promise<void> {
  const ids = keys.filter((k): k is string => typeof k === 'string' && /^[0-9a-f-]{36}$/i.test(k));
  const before = ids.length ? await fileLocations(d.db, ids) : [];
  await d.writer.write(acc, 'directus_files', 'delete', { keys }, null, timing, context);
  const left = before.length ? await existingFiles(d.db, before.map((f) => f.id)) : new Set<string>();
  await Promise.all(before.filter((f) => !left.has(f.id)).map((f) => removeStored(d, f)));
}
