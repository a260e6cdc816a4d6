// /folders writes (reads are the REST front end's generic system reads): POST one or many,
// PATCH one or a batch, DELETE one or a batch, as the caller through directus_folders
// permissions. Deleting a folder moves its files to the root (the foreign key's `on delete set
// null`, so a DBA's delete behaves the same); a folder that still has sub-folders can only be
// deleted together with them (Directus 12 fails the same way, with a 500; Strata answers 400).
import { invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import type { RouteContext } from '../types.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery } from '../request/query.js';
import type { ReadMode } from '../engine/reader.js';
import type { WriteAction } from '../engine/writer.js';
import type { FilesDeps } from './deps.js';
import { json, limitsOf } from './files.js';

export function foldersRoutes(router: Router, d: FilesDeps): Router {
  const write = async (ctx: RouteContext, action: WriteAction, args: Record<string, unknown>, mode: ReadMode | null) => {
    const read = mode ? { query: normalizeQuery(parseQueryString(ctx.req.query), limitsOf(d), { list: mode === 'list' }), mode } : null;
    const body = await d.writer.write(ctx.accountability, 'directus_folders', action, args, read, ctx.timing, { path: ctx.req.path });
    return body === null ? { status: 204 } : json(body);
  };
  const body = (ctx: RouteContext) => {
    const b = jsonBody(ctx.req);
    if (b === undefined) throw invalidPayload('"value" must be of type object');
    return b;
  };

  router.post('/folders', (ctx) => {
    const payload = body(ctx);
    if (!isPlainObject(payload) && !Array.isArray(payload)) throw invalidPayload('Payload must be an object or an array');
    return write(ctx, 'create', { payload }, Array.isArray(payload) ? 'list' : 'one');
  });
  router.patch('/folders/:id', (ctx) => {
    const data = body(ctx);
    if (!isPlainObject(data)) throw invalidPayload('"value" must be of type object');
    return write(ctx, 'update', { key: ctx.params.id, data }, 'one');
  });
  router.patch('/folders', (ctx) => {
    const data = body(ctx);
    if (isPlainObject(data) && isPlainObject(data.query)) data.query = normalizeQuery(data.query, limitsOf(d));
    return write(ctx, 'patch_collection', { data }, 'list');
  });
  router.delete('/folders/:id', (ctx) => write(ctx, 'delete', { key: ctx.params.id }, null));
  router.delete('/folders', (ctx) => {
    const b = body(ctx);
    if (Array.isArray(b)) return write(ctx, 'delete', { keys: b }, null);
    if (!isPlainObject(b)) throw invalidPayload('"value" must be of type object');
    if (b.keys !== undefined && b.query !== undefined) throw invalidPayload('"value" contains a conflict between exclusive peers [query, keys]');
    if (Array.isArray(b.keys)) return write(ctx, 'delete', { keys: b.keys }, null);
    if (isPlainObject(b.query)) return write(ctx, 'delete_query', { query: normalizeQuery(b.query, limitsOf(d)) }, null);
    throw invalidPayload('"value" must contain at least one of [query, keys]');
  });
  return router;
}
