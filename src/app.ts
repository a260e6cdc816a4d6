// Wires the pipeline: routes (controllers) on the HTTP edge, authentication, and the database.
// `createApp` is what main.ts runs and what every test file starts on its own database.
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { connect, requestRoles, type Db } from './db/client.js';
import { Router } from './http/router.js';
import { startHttpServer, type HttpServer } from './http/server.js';
import { Jwt } from './auth/jwt.js';
import { AccessCache, createAuthenticator } from './auth/authenticate.js';
import { serverRoutes } from './controllers/server.js';
import { authRoutes } from './controllers/auth.js';
import { usersAuthRoutes } from './controllers/users-auth.js';
import { createRateLimit } from './auth/rate-limiter.js';
import { itemsRoutes } from './controllers/items.js';
import { accessRoutes } from './controllers/access.js';
import { collectionsRoutes } from './controllers/collections.js';
import { fieldsRoutes } from './controllers/fields.js';
import { relationsRoutes } from './controllers/relations.js';
import { Reader } from './engine/reader.js';
import { listenForSchemaChanges } from './db/schema-listener.js';
import { systemRoutes } from './controllers/system.js';
import { systemWriteRoutes } from './controllers/system-write.js';
import { Writer } from './engine/writer.js';
import { itemsWriteRoutes } from './controllers/items-write.js';
import { revisionsRoutes } from './controllers/revisions.js';
import { commentsRoutes } from './controllers/comments.js';

export interface App {
  port: number;
  db: Db;
  close(): Promise<void>;
}

export interface Services {
  config: Config;
  log: Logger;
  db: Db;
  jwt: Jwt;
  accessCache: AccessCache;
  reader: Reader;
  writer: Writer;
  /** call after any change to collections, fields or relations: drops compiled SQL */
  schemaChanged(): void;
}

export function buildRouter(s: Services): Router {
  const router = new Router();
  serverRoutes(router, s.config, s.db);
  authRoutes(router, s);
  usersAuthRoutes(router, s);
  itemsRoutes(router, s, s.reader);
  itemsWriteRoutes(router, s, s.writer);
  revisionsRoutes(router, s);
  commentsRoutes(router, s);
  collectionsRoutes(router, s);
  fieldsRoutes(router, s);
  relationsRoutes(router, s);
  accessRoutes(router, s);
  systemWriteRoutes(router, s);
  // last: its "/<endpoint>/:id" routes must not shadow more specific ones ("/permissions/me")
  systemRoutes(router, s, s.reader);
  return router;
}

export async function createApp(config: Config, log: Logger, databaseUrl: string): Promise<App> {
  const roles = await requestRoles(databaseUrl);
  if (!roles) log.warn('strata_request/strata_admin have no login for this database: requests switch roles with SET ROLE on the connecting role (README "Security")');
  const db = connect(databaseUrl, config.dbPoolMax, { planCacheMode: config.planCacheMode, statementTimeoutMs: config.statementTimeoutMs, roles });
  const reader = new Reader(db, {
    defaultLimit: config.queryLimitDefault, maxDepth: config.maxRelationalDepth, cacheSize: config.compileCacheSize,
    maxFields: config.maxQueryFields, maxSqlSize: config.maxSqlSize,
  });
  const services: Services = {
    config, log, db,
    jwt: new Jwt(config.secret),
    accessCache: new AccessCache(config.authCacheTtlMs),
    reader,
    writer: new Writer(db, reader, { maxBatchMutation: config.maxBatchMutation, defaultLimit: config.queryLimitDefault }),
    schemaChanged: () => { services.reader.invalidate(); services.writer.invalidate(); },
  };
  // compiled SQL is dropped whenever the schema changes, through the API or not
  const schemaListener = await listenForSchemaChanges(databaseUrl, () => services.schemaChanged(),
    (err) => log.error('schema listener', { err: err.message }), () => services.accessCache.clear());
  let http: HttpServer;
  try {
    http = await startHttpServer({
      config,
      log,
      router: buildRouter(services),
      authenticate: createAuthenticator(db, services.jwt, services.accessCache, config.sessionCookie),
      rateLimit: createRateLimit(config.rateLimiter, config.rateLimiterGlobal),
    });
  } catch (err) {
    await schemaListener.close();
    await db.close();
    throw err;
  }
  return {
    port: http.port,
    db,
    async close() {
      await http.close();
      await schemaListener.close();
      await db.close();
    },
  };
}
