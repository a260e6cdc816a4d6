// /collections: list, one, create (object or array), update (one or a batch), delete.
import type { Services } from './services.js';
import type { Router } from '../router.js';
import type { RouteContext } from '../types.js';
import { jsonBody } from '../request/body.js';
import * as schema from '../engine/schema.js';
import { schemaRead, schemaWrite } from './schema.js';

export function collectionsRoutes(router: Router, s: Services) {
  const list = (ctx: RouteContext) => schemaRead(s, ctx, schema.collections);
  router.get('/collections', list);
  router.search('/collections', list);

  router.get('/collections/:collection', (ctx) =>
    schemaRead(s, ctx, schema.collection, ctx.params.collection));

  router.post('/collections', (ctx) =>
    schemaWrite(s, ctx, schema.createCollection, jsonBody(ctx.req)));

  router.patch('/collections', (ctx) =>
    schemaWrite(s, ctx, schema.updateCollections, jsonBody(ctx.req)));

  router.patch('/collections/:collection', (ctx) =>
    schemaWrite(s, ctx, schema.updateCollection, ctx.params.collection, jsonBody(ctx.req)));

  router.delete('/collections/:collection', (ctx) =>
    schemaWrite(s, ctx, schema.deleteCollection, ctx.params.collection));
}
