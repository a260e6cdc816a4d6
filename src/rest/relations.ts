// /relations: list, per collection, one; create; update; delete.
import type { Services } from './services.js';
import type { Router } from '../router.js';
import { jsonBody } from '../request/body.js';
import { bodyParam, schemaRead, schemaWrite } from './schema.js';

export function relationsRoutes(router: Router, s: Services) {
  router.get('/relations', (ctx) => schemaRead(s, ctx, 'select strata.relations_info()::text', []));

  router.get('/relations/:collection', (ctx) =>
    schemaRead(s, ctx, 'select strata.relations_info($1)::text', [ctx.params.collection]));

  router.get('/relations/:collection/:field', (ctx) =>
    schemaRead(s, ctx, 'select strata.relation_info($1, $2)::text', [ctx.params.collection, ctx.params.field]));

  router.post('/relations', (ctx) =>
    schemaWrite(s, ctx, 'select strata.create_relation($1::text::jsonb)::text', [bodyParam(jsonBody(ctx.req))]));

  router.patch('/relations/:collection/:field', (ctx) =>
    schemaWrite(s, ctx, 'select strata.update_relation($1, $2, $3::text::jsonb)::text',
      [ctx.params.collection, ctx.params.field, bodyParam(jsonBody(ctx.req))]));

  router.delete('/relations/:collection/:field', (ctx) =>
    schemaWrite(s, ctx, 'select strata.delete_relation($1, $2)::text', [ctx.params.collection, ctx.params.field]));
}
