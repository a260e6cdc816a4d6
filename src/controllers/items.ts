// /items/:collection reads: GET (list, singleton), GET /:id, SEARCH. Each is one compiled
// statement; the JSON PostgreSQL builds is written to the socket as it is.
import type { Services } from '../app.js';
import { forbidden, invalidPayload } from '../errors.js';
import type { Router } from '../http/router.js';
import { json, type RouteContext } from '../http/types.js';
import { jsonBody, isPlainObject } from '../request/body.js';
import { normalizeQuery, type Query } from '../request/query.js';
import type { Reader } from '../engine/reader.js';
import { exportResponse } from '../engine/export.js';
import { queryLimits, urlQuery as parseUrlQuery, userCollection } from './common.js';

export function itemsRoutes(router: Router, s: Services, reader: Reader) {
  const limits = queryLimits(s);
  const urlQuery = (ctx: RouteContext, list: boolean) => parseUrlQuery(ctx, limits, list);

  async function list(ctx: RouteContext, query: Query & { keys?: unknown[] }) {
    const body = await reader.read(ctx.accountability, userCollection(ctx.params.collection), query, 'list', ctx.timing);
    if (query.export) return exportResponse(query.export, ctx.params.collection, body!);
    return json(body!);
  }

  router.get('/items/:collection', async (ctx) => list(ctx, await urlQuery(ctx, true)));

  router.search('/items/:collection', async (ctx) => {
    const body = jsonBody(ctx.req) ?? {};
    if (!isPlainObject(body)) throw invalidPayload('Payload must be an object');
    if (body.query !== undefined && body.keys !== undefined) throw invalidPayload('"query" and "keys" can\'t be used together');
    if (body.keys !== undefined) {
      if (!Array.isArray(body.keys)) throw invalidPayload('"keys" must be an array');
      const query = await urlQuery(ctx, true);
      return list(ctx, { ...query, keys: body.keys.map(String) });
    }
    if (body.query !== undefined && !isPlainObject(body.query)) throw invalidPayload('"query" must be an object');
    // the body's query replaces the URL's
    const query = body.query !== undefined ? normalizeQuery(body.query, limits) : await urlQuery(ctx, true);
    return list(ctx, query);
  });

  router.get('/items/:collection/:id', async (ctx) => {
    const query = await urlQuery(ctx, false);
    const item = await reader.read(ctx.accountability, userCollection(ctx.params.collection), { ...query, key: ctx.params.id }, 'one', ctx.timing);
    if (item === null) throw forbidden();
    if (query.export) return exportResponse(query.export, ctx.params.collection, `{"data":${item}}`);
    return json(`{"data":${item}}`);
  });
}
