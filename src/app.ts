// The composition root: the edges (HTTP, database), the core (authentication, reader, writer)
// and the front ends' routes (src/rest), wired together.
// `createApp` is what main.ts runs and what every test file starts on its own database.
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { connect, requestRoles, type Db } from './db/client.js';
import { Router } from './router.js';
import { restRoutes } from './rest/index.js';
import { graphqlDeps, graphqlRoutes } from './graphql/index.js';
import { graphqlSocket } from './graphql/ws.js';
import type { Services } from './rest/services.js';
import { startHttpServer, type HttpServer } from './http/server.js';
import { Jwt } from './auth/jwt.js';
import { AccessCache, authenticateEvent, createAccessResolver, httpAuthenticator } from './auth/authenticate.js';
import { createRateLimit } from './auth/rate-limiter.js';
import { Reader } from './engine/reader.js';
import { listenForChanges } from './db/schema-listener.js';
import { Catalog } from './engine/catalog.js';
import { Writer } from './engine/writer.js';
import { EventStream } from './engine/events.js';
import { fileRoutes, fileService } from './files/index.js';
import { exportText } from './rest/export.js';
import { createStorage } from './storage/index.js';
import { realtime } from './realtime/index.js';
import { SubscriptionHub } from './realtime/subscriptions.js';
import { createMetrics } from './metrics/index.js';
import { flows } from './flows/index.js';
import { createMailer } from './mail/mailer.js';
import { projectFacts } from './mail/render.js';
import { notificationMails } from './mail/notifications.js';
import { appRoutes } from './app-serve/index.js';
import { emitAction, emitFilter, hears } from './engine/emitter.js';
import { requestFacts } from './request/facts.js';

export interface App {
  port: number;
  db: Db;
  /** change events (strata.events) committed since start, in order: realtime, flows and webhooks subscribe */
  events: EventStream;
  close(): Promise<void>;
}

export async function createApp(config: Config, log: Logger, databaseUrl: string): Promise<App> {
  const roles = await requestRoles(databaseUrl);
  if (!roles) log.warn('strata_request/strata_admin have no login for this database: requests switch roles with SET ROLE on the connecting role (README "Security")');
  const db = connect(databaseUrl, config.dbPoolMax, { planCacheMode: config.planCacheMode, statementTimeoutMs: config.statementTimeoutMs, roles });
  const reader = new Reader(db, {
    defaultLimit: config.queryLimitDefault, maxDepth: config.maxRelationalDepth, cacheSize: config.compileCacheSize,
    maxFields: config.maxQueryFields, maxSqlSize: config.maxSqlSize,
  });
  const accessCache = new AccessCache(config.authCacheTtlMs);
  // the caches that depend on the schema or on access rules subscribe to the one catalog, which
  // hears of every change (through the API or with plain SQL) from one LISTEN connection
  const catalog = new Catalog(db);
  const writer = new Writer(db, reader, catalog, { maxBatchMutation: config.maxBatchMutation, defaultLimit: config.queryLimitDefault, compiled: config.compiledWrites });
  catalog.onSchemaChange(() => {
    reader.invalidate();
    writer.compiled.invalidate();
  });
  catalog.onAccessChange(() => accessCache.clear());
  const events = new EventStream(db, { retentionMs: config.eventsRetentionMs, batchWindowMs: config.eventsBatchWindowMs, log });
  catalog.onEvents(() => events.wake());
  await events.start();
  const services: Services = {
    config, log, db, catalog, reader,
    jwt: new Jwt(config.secret),
    writer,
  };
  const schemaListener = await listenForChanges(databaseUrl, catalog, (err) => log.error('schema listener', { err: err.message }));
  const resolveAccess = createAccessResolver(db, services.jwt, accessCache, config.sessionCookie);
  const limits = { limitDefault: config.queryLimitDefault, limitMax: config.queryLimitMax, maxFields: config.maxQueryFields, maxFilterNodes: config.maxFilterNodes };
  // the realtime WebSocket (Directus's protocol): the same reader, writer and access resolution as REST
  const live = config.websockets.rest.enabled ? realtime({ config, log, db, reader, writer: services.writer, events, resolveAccess, limits,
    primaryKey: (c) => catalog.primaryKey(c) }) : undefined;
  if (live) catalog.onAccessChange(() => live.accessChanged()); // after accessCache.clear(): sockets re-resolve fresh
  // the files front end's deps; its byte side (imports, deletes) is also GraphQL's (/graphql/system files mutations)
  const filesDeps = { ...services, storage: createStorage(config.files), exportText };
  const gql = { db, reader, writer: services.writer, catalog, options: { ...config.graphql, maxRelationalDepth: config.maxRelationalDepth }, limits,
    system: { config, jwt: services.jwt, log, reader, files: fileService(filesDeps) } };
  // GraphQL subscriptions (graphql-transport-ws): the realtime front end's delivery, the GraphQL front end's schema and plans
  const gqlFeed = new SubscriptionHub(events, reader, log, (c) => catalog.primaryKey(c));
  const gqlSocket = config.websockets.graphql.enabled ? graphqlSocket({ graphql: graphqlDeps(gql), feed: gqlFeed,
    resolveAccess, log, options: { ...config.websockets.graphql, sessionCookie: config.sessionCookie.name } }) : undefined;
  if (gqlSocket) catalog.onAccessChange(() => gqlSocket.accessChanged());
  // flows and webhooks: filter flows in every write, deliveries of action flows, webhooks and schedules
  const automation = flows({ config, log, db, reader, writer: services.writer, catalog, limits });
  const metrics = config.metrics.enabled ? createMetrics({
    config, db, reader, events,
    compiledWrites: writer.compiled.stats,
    realtime: live ? () => live.stats() : undefined,
    graphqlSubscriptions: gqlSocket ? () => gqlFeed.stats : undefined,
    deliveries: automation.deliveries,
  }) : undefined;
  // notifications are mailed to recipients who want it, after the write committed (src/mail/notifications.ts)
  services.writer.afterWrite = notificationMails({ db, log, mailer: createMailer(config.email, log, db, projectFacts(db, config.publicUrl)), publicUrl: config.publicUrl });
  let http: HttpServer;
  try {
    http = await startHttpServer({
      config,
      log,
      // files front end last: /files and /folders reads are REST's generic system reads
      // (flow routes before REST's: /flows/deliveries is not /flows/:id)
      // the Data Studio at /admin and the root redirect last (SERVE_APP, ROOT_REDIRECT: src/app-serve)
      router: appRoutes(fileRoutes(restRoutes(graphqlRoutes(automation.routes(metrics?.routes(new Router()) ?? new Router()), gql), services), filesDeps), config, log),
      // tokens from the HTTP request; resolveAccess itself serves any front end (a WebSocket auth message)
      authenticate: httpAuthenticator(resolveAccess, config.sessionCookie, authenticateEvent(db)),
      rateLimit: createRateLimit(config.rateLimiter, config.rateLimiterGlobal),
      sockets: [...(live ? [live.endpoint] : []), ...(gqlSocket ? [gqlSocket.endpoint] : [])],
      observe: metrics?.observe,
      // Directus's request.not_found filter (a flow may answer another error; a 404 otherwise, as
      // Strata has no handler a flow could claim the request for) and response action
      notFound: async (req, acc) => {
        if (hears(db, 'request.not_found')) await emitFilter(db, 'request.not_found', false, { event: 'request.not_found', request: requestFacts(req, false) }, acc);
      },
      responses: { wanted: () => hears(db, 'response'), answered: (facts, acc) => void emitAction(db, 'response', { ...facts }, acc) },
    });
  } catch (err) {
    live?.close();
    gqlSocket?.close();
    await automation.close();
    await schemaListener.close();
    await events.close();
    await db.close();
    throw err;
  }
  return {
    port: http.port,
    db,
    events,
    async close() {
      live?.close();
      gqlSocket?.close();
      await http.close();
      await automation.close();
      await schemaListener.close();
      await events.close();
      await db.close();
    },
  };
}
