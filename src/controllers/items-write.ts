// /items/:collection writes: POST (object or array), PATCH (one, batch, {keys|query, data},
// singleton upsert), DELETE (one, array of keys, {keys}, {query}). Each request is ONE
// statement (strata.write_request) that writes and re-reads the written items with the
// request's query parameters; an empty or forbidden re-read is a 204, as in Directus.
import type { Services } from '../app.js';
import { forbidden, invalidPayload } from '../errors.js';
import type { Router } from '../http/router.js';
import { json, noContent, timed, type ApiResponse, type RouteContext } from '../http/types.js';
import { jsonBody, isPlainObject } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery } from '../request/query.js';
import type { Writer, WriteAction } from '../engine/writer.js';

/** Directus serves system collections only through their own endpoints. */
function userCollection(name: string): string {
  if (name.startsWith('directus_')) throw forbidden();
  return name;
}

const respond = (body: string | null): ApiResponse => (body === null ? noContent() : json(body));

export function itemsWriteRoutes(router: Router, s: Services, writer: Writer) {
  const limits = { limitDefault: s.config.queryLimitDefault, limitMax: s.config.queryLimitMax };
  const urlQuery = (ctx: RouteContext, list: boolean) =>
    timed(ctx.timing, 'parse', () => normalizeQuery(parseQueryString(ctx.req.query), limits, { list }));
  const body = (ctx: RouteContext) => {
    const b = jsonBody(ctx.req);
    if (b === undefined) throw invalidPayload('"value" must be of type object');
    return b;
  };
  const run = async (ctx: RouteContext, action: WriteAction, args: Record<string, unknown>, mode: 'one' | 'list' | null) => {
    const collection = userCollection(ctx.params.collection);
    const read = mode ? { query: await urlQuery(ctx, mode === 'list'), mode } : null;
    // hashAll: a value that already looks like a hash is hashed too, as Directus does
    return respond(await writer.write(ctx.accountability, collection, action, args, read, ctx.timing,
      { path: ctx.req.path.replace(/^\/items(?=\/)/, '') }, { hashAll: true }));
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
    const b = body(ctx);
    if (Array.isArray(b)) return run(ctx, 'delete', { keys: b }, null);
    if (!isPlainObject(b)) throw invalidPayload('"value" must be of type object');
    const unknown = Object.keys(b).find((k) => k !== 'keys' && k !== 'query');
    if (unknown) throw invalidPayload(`"${unknown}" is not allowed`);
    if (b.keys !== undefined && b.query !== undefined) throw invalidPayload('"value" contains a conflict between exclusive peers [query, keys]');
    if (b.keys !== undefined) {
      if (!Array.isArray(b.keys)) throw invalidPayload('"keys" must be an array');
      return run(ctx, 'delete', { keys: b.keys }, null);
    }
    if (b.query !== undefined) {
      if (!isPlainObject(b.query)) throw invalidPayload('"query" must be of type object');
      return run(ctx, 'delete_query', { query: normalizeQuery(b.query, limits) }, null);
    }
    throw invalidPayload('"value" must contain at least one of [query, keys]');
  });

  router.delete('/items/:collection/:id', async (ctx) => run(ctx, 'delete', { key: ctx.params.id }, null));
}
