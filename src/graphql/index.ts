// The GraphQL front end: GET and POST /graphql (items) and /graphql/system (system.ts), as Directus serves them.
// It plugs into the core (reader, catalog, db) and is registered on the router like REST.
import type { Router } from '../router.js';
import type { ApiResponse, RouteContext } from '../types.js';
import type { Catalog } from '../engine/catalog.js';
import { objectBody } from '../request/body.js';
import { parseJsonSafely } from '../request/safe-keys.js';
import { executeOperation, GraphqlValidationError, type GraphqlDeps, type GraphqlIo, type GraphqlOptions, type GraphqlRequest } from './execute.js';
import { Schemas } from './schemas.js';
import { printSchema } from 'graphql';
import { forbidden } from '../errors.js';
import * as settings from '../engine/system.js';
import { systemSchemaScope, systemScope, type SystemServices } from './system.js';

export type GraphqlServices = Omit<GraphqlDeps, 'schemas' | 'options' | 'scope'> & {
  catalog: Catalog; options?: Partial<GraphqlOptions>;
  /** what /graphql/system needs besides (absent: /graphql/system is not served) */
  system?: Omit<SystemServices, 'db' | 'catalog' | 'writer' | 'sdl'>;
};

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

const built = new WeakMap<GraphqlServices, GraphqlDeps>();

/** The front end's dependencies, built once per services: the HTTP routes and the WebSocket (ws.ts) share one schema cache. */
export function graphqlDeps(s: GraphqlServices): GraphqlDeps {
  let deps = built.get(s);
  if (!deps) {
    built.set(s, (deps = { db: s.db, reader: s.reader, writer: s.writer, limits: s.limits,
      options: { ...DEFAULTS, ...s.options }, schemas: new Schemas(s.db, s.catalog) }));
  }
  return deps;
}

export function graphqlRoutes(router: Router, s: GraphqlServices): Router {
  const deps = graphqlDeps(s);

  // /graphql/system: its own schema cache (the system catalog) and root fields (system.ts)
  const systemSchemas = s.system && new Schemas(s.db, s.catalog, systemSchemaScope);
  const system: GraphqlDeps | undefined = s.system && systemSchemas && {
    ...deps,
    schemas: systemSchemas,
    scope: systemScope({ ...s.system, db: s.db, catalog: s.catalog, writer: s.writer,
      sdl: (scope) => (scope === 'system' ? systemSchemas : deps.schemas) }),
  };

  const answer = async (ctx: RouteContext, req: GraphqlRequest, scope = deps): Promise<ApiResponse> => {
    try {
      // the request's cookies in (auth_refresh, auth_logout), Set-Cookie out (auth_login in cookie or session mode)
      const io: GraphqlIo = { method: ctx.req.method, cookieHeader: ctx.req.headers.cookie, setCookies: [] };
      const body = await executeOperation(scope, ctx.accountability, req, ctx.timing, io);
      const res = json(body);
      if (io.setCookies.length > 0) res.headers!['set-cookie'] = io.setCookies;
      return res;
    } catch (err) {
      if (!(err instanceof GraphqlValidationError)) throw err;
      return json(JSON.stringify({ errors: [{ message: err.message, extensions: { errors: err.errors.map((e) => e.toJSON()), code: 'GRAPHQL_VALIDATION' } }] }), 400);
    }
  };

  const fromQueryString = (ctx: RouteContext): GraphqlRequest => {
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
    return { query: params.get('query') ?? undefined, variables: parsed, operationName: params.get('operationName') ?? undefined };
  };
  router.get('/graphql', (ctx) => answer(ctx, fromQueryString(ctx)));
  router.post('/graphql', (ctx) => answer(ctx, objectBody(ctx.req)));
  if (system) {
    router.get('/graphql/system', (ctx) => answer(ctx, fromQueryString(ctx), system));
    router.post('/graphql/system', (ctx) => answer(ctx, objectBody(ctx.req), system));
  }

  // The caller's schema as SDL, downloaded as Directus names the file: <project name>_<date>.graphql.
  const sdl = async (ctx: RouteContext, scope: string): Promise<ApiResponse> => {
    const schemas = scope === 'items' ? deps.schemas : scope === 'system' ? system?.schemas : undefined;
    if (!schemas) throw forbidden();
    const [{ schema }, project] = await Promise.all([schemas.forCaller(ctx.accountability), settings.projectInfo(s.db)]);
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
