// /relations: list, per collection, one; create; update; delete.
import type { Services } from './services.js';
import type { Router } from '../router.js';
import { jsonBody } from '../request/body.js';
import * as schema from '../engine/schema.js';
import { schemaRead, schemaWrite } from './schema.js';

export function relationsRoutes(router: Router, s: Services) {
  router.get('/relations', (ctx) => schemaRead(s, ctx, schema.allRelations));

  router.get('/relations/:collection', (ctx) =>
    schemaRead(s, ctx, schema.relations, ctx.params.collection));

  router.get('/relations/:collection/:field', (ctx) =>
    schemaRead(s, ctx, schema.relation, ctx.params.collection, ctx.params.field));

  router.post('/relations', (ctx) =>
    schemaWrite(s, ctx, schema.createRelation, jsonBody(ctx.req)));

  router.patch('/relations/:collection/:field', (ctx) =>
    schemaWrite(s, ctx, schema.updateRelation, ctx.params.collection, ctx.params.field, jsonBody(ctx.req)));

  router.delete('/relations/:collection/:field', (ctx) =>
    schemaWrite(s, ctx, schema.deleteRelation, ctx.params.collection, ctx.params.field));
}
