// /fields: all, per collection, one; create; update (one or a batch); delete.
import type { Services } from './services.js';
import type { Router } from '../router.js';
import { jsonBody } from '../request/body.js';
import * as schema from '../engine/schema.js';
import { schemaRead, schemaWrite } from './schema.js';

export function fieldsRoutes(router: Router, s: Services) {
  router.get('/fields', (ctx) => schemaRead(s, ctx, schema.allFields));

  router.get('/fields/:collection', (ctx) =>
    schemaRead(s, ctx, schema.fields, ctx.params.collection));

  router.get('/fields/:collection/:field', (ctx) =>
    schemaRead(s, ctx, schema.field, ctx.params.collection, ctx.params.field));

  router.post('/fields/:collection', (ctx) =>
    schemaWrite(s, ctx, schema.createField, ctx.params.collection, jsonBody(ctx.req)));

  router.patch('/fields/:collection', (ctx) =>
    schemaWrite(s, ctx, schema.updateFields, ctx.params.collection, jsonBody(ctx.req)));

  router.patch('/fields/:collection/:field', (ctx) =>
    schemaWrite(s, ctx, schema.updateField, ctx.params.collection, ctx.params.field, jsonBody(ctx.req)));

  router.delete('/fields/:collection/:field', (ctx) =>
    schemaWrite(s, ctx, schema.deleteField, ctx.params.collection, ctx.params.field));
}
