// The GraphQL front end (items scope, read side): GET and POST /graphql, as Directus serves them.
// It plugs into the core (reader, catalog, db) and is registered on the router like REST.
import type { Router } from '../router.js';
import type { ApiResponse, RouteContext } from '../types.js';
import type { Catalog } from '../engine/catalog.js';
import { objectBody } from '../request/body.js';
import { parseJsonSafely } from '../request/safe-keys.js';
import { executeOperation, GraphqlValidationError, type GraphqlDeps, type GraphqlOptions, type GraphqlRequest } from './execute.js';
import { Schemas } from './schemas.js';
import { printSchema } from 'graphql';
import { forbidden } from '../errors.js';
import * as system from '../engine/system.js';

export type GraphqlServices = Omit<GraphqlDeps, 'schemas' | 'options'> & { catalog: Catalog; options?: Partial<GraphqlOptions> };

const DEFAULTS: GraphqlOptions = { introspection: true, tokenLimit: 5000, maxRelationalDepth: 10 };

const json = (body: string | Buffer, status = 200): ApiResponse => ({
  status, headers: { 'content-type': 'application/json; charset=utf-8' }, body,
});

const SDL_TYPE = 'application/octet-stream';

/** `attachment; filename="..."` with a plain-ASCII fallback and RFC 5987's filename* when the name needs it */
function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '?');
  return ascii === filename ? `attachment; filename="${filename}"`
    : `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

export function graphqlRoutes(router: Router, s: GraphqlServices): Router {
  const deps: GraphqlDeps = { db: s.db, reader: s.reader, writer: s.writer, limits: s.limits,
    options: { ...DEFAULTS, ...s.options }, schemas: new Schemas(s.db, s.catalog) };

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

  // The caller's schema as SDL, downloaded as Directus names the file: <project name>_<date>.graphql.
  // The system scope has no schema of its own yet: it answers the items schema too.
  const sdl = async (ctx: RouteContext, scope: string): Promise<ApiResponse> => {
    if (scope !== 'items' && scope !== 'system') throw forbidden();
    const [{ schema }, project] = await Promise.all([deps.schemas.forCaller(ctx.accountability), system.projectInfo(s.db)]);
    const name = (JSON.parse(project) as { project_name?: string | null }).project_name ?? 'Directus';
    const filename = `${name}_${new Date().toISOString().slice(0, 10)}.graphql`;
    return {
      status: 200,
      headers: { 'content-type': SDL_TYPE, 'content-disposition': contentDisposition(filename) },
      body: printSchema(schema),
    };
  };
  router.get('/server/specs/graphql', (ctx) => sdl(ctx, 'items'));
  router.get('/server/specs/graphql/:scope', (ctx) => sdl(ctx, ctx.params.scope));
  return router;
}
