// /collections: list, one, create (object or array), update (one or a batch), delete.
import type { Services } from './services.js';
import type { Router } from '../router.js';
import type { RouteContext } from '../types.js';
import { jsonBody } from '../request/body.js';
import { bodyParam, schemaRead, schemaWrite } from './schema.js';

export function collectionsRoutes(router: Router, s: Services) {
  const list = (ctx: RouteContext) => schemaRead(s, ctx, 'select strata.collections_info()::text', []);
  router.get('/collections', list);
  router.search('/collections', list);

  router.get('/collections/:collection', (ctx) =>
    schemaRead(s, ctx, 'select strata.collection_info($1)::text', [ctx.params.collection]));

  router.post('/collections', (ctx) =>
    schemaWrite(s, ctx, 'select strata.create_collection($1::text::jsonb)::text', [bodyParam(jsonBody(ctx.req))]));

  router.patch('/collections', (ctx) =>
    schemaWrite(s, ctx, 'select strata.update_collections($1::text::jsonb)::text', [bodyParam(jsonBody(ctx.req))]));

  router.patch('/collections/:collection', (ctx) =>
    schemaWrite(s, ctx, 'select strata.update_collection($1, $2::text::jsonb)::text', [ctx.params.collection, bodyParam(jsonBody(ctx.req))]));

  router.delete('/collections/:collection', (ctx) =>
    schemaWrite(s, ctx, 'select strata.delete_collection($1)::text', [ctx.params.collection]));
}
