// /items/:collection writes: POST (object or array), PATCH (one, batch, {keys|query, data},
// singleton upsert), DELETE (one, array of keys, {keys}, {query}). Each request is ONE
// statement (strata.write_request) that writes and re-reads the written items with the
// request's query parameters; an empty or forbidden re-read is a 204, as in Directus.
import type { Services } from './services.js';
import { invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import type { RouteContext } from '../types.js';
import { isPlainObject } from '../request/body.js';
import { normalizeQuery } from '../request/query.js';
import type { Writer, WriteAction } from '../engine/writer.js';
import { deleteTarget, queryLimits, requireBody as body, respond, userCollection, writeReadQuery } from './common.js';

export function itemsWriteRoutes(router: Router, s: Services, writer: Writer) {
  const limits = queryLimits(s);
  const run = async (ctx: RouteContext, action: WriteAction, args: Record<string, unknown>, mode: 'one' | 'list' | null) => {
    const collection = userCollection(ctx.params.collection);
    const read = mode ? { query: await writeReadQuery(ctx, limits), mode } : null;
    return respond(await writer.write(ctx.accountability, collection, action, args, read, ctx.timing,
      { path: ctx.req.path.replace(/^\/items(?=\/)/, '') }));
  };

  router.post('/items/:collection', async (ctx) => {
    const payload = body(ctx);
    if (!isPlainObject(payload) && !Array.isArray(payload)) throw invalidPayload('Payload must be an object or an array');
    return run(ctx, 'create', { payload }, Array.isArray(payload) ? 'list' : 'one');
  });

  router.patch('/items/:collection', async (ctx) => {
    const data = body(ctx);
    // {query, data}: the query is normalized like a read's (the database decides the rest)
    if (isPlainObject(data) && isPlainObject(data.query)) data.query = normalizeQuery(data.query, limits);
    return run(ctx, 'patch_collection', { data }, 'list');
  });

  router.patch('/items/:collection/:id', async (ctx) => {
    const data = body(ctx);
    if (!isPlainObject(data)) throw invalidPayload('"value" must be of type object');
    return run(ctx, 'update', { key: ctx.params.id, data }, 'one');
  });

  router.delete('/items/:collection', async (ctx) => {
    const target = deleteTarget(body(ctx), limits);
    return run(ctx, target.action, target.args, null);
  });

  router.delete('/items/:collection/:id', async (ctx) => run(ctx, 'delete', { key: ctx.params.id }, null));
}
