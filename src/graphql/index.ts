// The GraphQL front end (items scope, read side): GET and POST /graphql, as Directus serves them.
// It plugs into the core (reader, catalog, db) and is registered on the router like REST.
import type { Router } from '../router.js';
import type { ApiResponse, RouteContext } from '../types.js';
import type { Catalog } from '../engine/catalog.js';
import { objectBody } from '../request/body.js';
import { parseJsonSafely } from '../request/safe-keys.js';
import { executeOperation, GraphqlValidationError, type GraphqlDeps, type GraphqlRequest } from './execute.js';
import { Schemas } from './schemas.js';

export type GraphqlServices = Omit<GraphqlDeps, 'schemas'> & { catalog: Catalog };

const json = (body: string | Buffer, status = 200): ApiResponse => ({
  status, headers: { 'content-type': 'application/json; charset=utf-8' }, body,
});

export function graphqlRoutes(router: Router, s: GraphqlServices): Router {
  const deps: GraphqlDeps = { db: s.db, reader: s.reader, limits: s.limits, schemas: new Schemas(s.db, s.catalog) };

  const answer = async (ctx: RouteContext, req: GraphqlRequest): Promise<ApiResponse> => {
    try {
      return json(await executeOperation(deps, ctx.accountability, req, ctx.timing));
    } catch (err) {
      if (!(err instanceof GraphqlValidationError)) throw err;
      return json(JSON.stringify({ errors: [{ message: err.message, extensions: { errors: err.errors.map((e) => e.toJSON()), code: 'GRAPHQL_VALIDATION' } }] }), 400);
    }
  };

  router.get('/graphql', (ctx) => {
    const params = new URLSearchParams(ctx.req.query);
    const variables = params.get('variables');
    let parsed: unknown;
    if (variables) {
      try {
        parsed = parseJsonSafely(variables);
      } catch {
        parsed = variables; // refused as "Variables must be provided as an Object ..."
      }
    }
    return answer(ctx, { query: params.get('query') ?? undefined, variables: parsed, operationName: params.get('operationName') ?? undefined });
  });
  router.post('/graphql', (ctx) => answer(ctx, objectBody(ctx.req)));
  return router;
}
