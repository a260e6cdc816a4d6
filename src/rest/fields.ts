// /fields: all, per collection, one; create; update (one or a batch); delete.
import type { Services } from './services.js';
import type { Router } from '../router.js';
import { jsonBody } from '../request/body.js';
import { bodyParam, schemaRead, schemaWrite } from './schema.js';

export function fieldsRoutes(router: Router, s: Services) {
  router.get('/fields', (ctx) => schemaRead(s, ctx, 'select strata.fields_info()::text', []));

  router.get('/fields/:collection', (ctx) =>
    schemaRead(s, ctx, 'select strata.fields_info($1)::text', [ctx.params.collection]));

  router.get('/fields/:collection/:field', (ctx) =>
    schemaRead(s, ctx, 'select strata.field_info($1, $2)::text', [ctx.params.collection, ctx.params.field]));

  router.post('/fields/:collection', (ctx) =>
    schemaWrite(s, ctx, 'select strata.create_field($1, $2::text::jsonb)::text', [ctx.params.collection, bodyParam(jsonBody(ctx.req))]));

  router.patch('/fields/:collection', (ctx) =>
    schemaWrite(s, ctx, 'select strata.update_fields($1, $2::text::jsonb)::text', [ctx.params.collection, bodyParam(jsonBody(ctx.req))]));

  router.patch('/fields/:collection/:field', (ctx) =>
    schemaWrite(s, ctx, 'select strata.update_field($1, $2, $3::text::jsonb)::text',
      [ctx.params.collection, ctx.params.field, bodyParam(jsonBody(ctx.req))]));

  router.delete('/fields/:collection/:field', (ctx) =>
    schemaWrite(s, ctx, 'select strata.delete_field($1, $2)::text', [ctx.params.collection, ctx.params.field]));
}
