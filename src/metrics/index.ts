// Prometheus metrics (METRICS_ENABLED) at GET /metrics, as Directus serves them: admins may read
// them, and so may a scraper sending `Authorization: Metrics <token>` with one of METRICS_TOKENS.
// prom-client keeps the registry and writes the exposition format. What is counted: every HTTP
// answer (by method, route pattern and status) and its latency, the request pools' connections,
// the compiled-SQL cache, compiled writes, the change events (read from strata.events, delivered to realtime and
// GraphQL subscribers, and the flow/webhook deliveries they cause) and the process itself.
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Reader } from '../engine/reader.js';
import type { EventStream } from '../engine/events.js';
import { forbidden } from '../errors.js';
import type { Router } from '../router.js';
import type { Accountability, ApiRequest } from '../types.js';

export interface MetricsDeps {
  config: Config;
  db: Db;
  reader: Reader;
  /** writes by compiled statement, by outcome (src/engine/compiled-writes.ts) */
  compiledWrites: { compiled: number; retried: number; uncovered: number };
  /** the gateway's change-event stream (strata.events) */
  events: EventStream;
  /** the realtime WebSocket's counters (absent: WEBSOCKETS_REST_ENABLED off) */
  realtime?: () => { connections: number; subscriptions: number; messages: number };
  /** GraphQL subscriptions' counters (absent: WEBSOCKETS_GRAPHQL_ENABLED off) */
  graphqlSubscriptions?: () => { subscriptions: number; messages: number };
  /** the flow and webhook delivery queue's counters on this gateway */
  deliveries: () => { delivered: number; failed: number; running: number };
}

export interface Metrics {
  /** HttpServerDeps.observe */
  observe(method: string, route: string | undefined, status: number, seconds: number): void;
  routes(router: Router): Router;
}

export function createMetrics(deps: MetricsDeps): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'strata_' });
  const requests = new Counter({
    name: 'strata_http_requests_total', help: 'HTTP requests answered', labelNames: ['method', 'route', 'status'], registers: [registry],
  });
  const latency = new Histogram({
    name: 'strata_http_request_duration_seconds', help: 'Time from the request to its answer', labelNames: ['method', 'route'],
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5], registers: [registry],
  });
  new Gauge({
    name: 'strata_db_pool_connections', help: 'Request pool connections by state (open, idle) and requests waiting for one',
    labelNames: ['pool', 'state'], registers: [registry],
    collect() {
      this.reset();
      for (const [pool, s] of Object.entries(deps.db.poolStats())) {
        this.set({ pool, state: 'open' }, s.open);
        this.set({ pool, state: 'idle' }, s.idle);
        this.set({ pool, state: 'waiting' }, s.waiting);
      }
    },
  });
  new Gauge({
    name: 'strata_compiled_sql_cache_lookups', help: 'Compiled-SQL cache lookups since start, by result (a counter read at scrape time)',
    labelNames: ['result'], registers: [registry],
    collect() {
      this.set({ result: 'hit' }, deps.reader.cacheStats.hits);
      this.set({ result: 'miss' }, deps.reader.cacheStats.misses);
    },
  });
  new Gauge({
    name: 'strata_compiled_writes', help: 'One-item admin writes since start, by outcome: compiled (one statement), retried (the statement failed; the write functions wrote it), uncovered (a shape only the write functions write) (a counter read at scrape time)',
    labelNames: ['outcome'], registers: [registry],
    collect() {
      for (const [outcome, n] of Object.entries(deps.compiledWrites)) this.set({ outcome }, n);
    },
  });
  changeEventMetrics(registry, deps);

  const tokens = deps.config.metrics.tokens.map((t) => Buffer.from(t));
  /** admins, or the `Metrics <token>` scheme with a configured token (compared in constant time) */
  const allowed = (req: ApiRequest, acc: Accountability): boolean => {
    if (acc.admin) return true;
    const m = /^metrics\s+(\S+)$/i.exec(req.headers.authorization?.trim() ?? '');
    if (!m) return false;
    const given = Buffer.from(m[1]);
    return tokens.some((t) => t.length === given.length && timingSafeEqual(t, given));
  };

  return {
    observe(method, route, status, seconds) {
      const r = route ?? 'unmatched';
      requests.inc({ method, route: r, status: String(status) });
      latency.observe({ method, route: r }, seconds);
    },
    routes(router) {
      return router.get('/metrics', async (ctx) => {
        if (!allowed(ctx.req, ctx.accountability)) throw forbidden();
        return {
          status: 200,
          headers: { 'content-type': registry.contentType, 'cache-control': 'no-cache', vary: 'Origin, Cache-Control' },
          body: await registry.metrics(),
        };
      }, { body: 'none' });
    },
  };
}

/**
 * Change events on this gateway, read at scrape time from the counters the stream, the
 * subscription hubs and the delivery queue keep: how many events the stream read from the
 * outbox and handed on, subscriptions and the change messages sent to them by front end, and
 * deliveries by outcome. Counters since the gateway started; a scraper computes rates.
 */
function changeEventMetrics(registry: Registry, deps: MetricsDeps): void {
  new Counter({
    name: 'strata_change_events_total', help: 'Change events the gateway read from strata.events, and handed to its subscribers, by stage',
    labelNames: ['stage'], registers: [registry],
    collect() {
      this.reset();
      this.inc({ stage: 'read' }, deps.events.stats.read);
      this.inc({ stage: 'delivered' }, deps.events.stats.delivered);
    },
  });
  new Gauge({
    name: 'strata_change_event_last_id', help: 'Id of the last change event the gateway read (compare with strata.events to see its lag)', registers: [registry],
    collect() {
      this.set(deps.events.lastId);
    },
  });
  const fronts = () => [
    ...(deps.realtime ? [['realtime', deps.realtime()] as const] : []),
    ...(deps.graphqlSubscriptions ? [['graphql', deps.graphqlSubscriptions()] as const] : []),
  ];
  new Gauge({
    name: 'strata_subscriptions', help: 'Change subscriptions held now, by front end (realtime WebSocket, GraphQL subscriptions)',
    labelNames: ['front'], registers: [registry],
    collect() {
      for (const [front, s] of fronts()) this.set({ front }, s.subscriptions);
    },
  });
  new Counter({
    name: 'strata_subscription_messages_total', help: 'Change messages sent to subscribers (realtime frames, GraphQL next messages), by front end',
    labelNames: ['front'], registers: [registry],
    collect() {
      this.reset();
      for (const [front, s] of fronts()) this.inc({ front }, s.messages);
    },
  });
  new Gauge({
    name: 'strata_realtime_connections', help: 'Open realtime WebSocket connections', registers: [registry],
    collect() {
      this.set(deps.realtime?.().connections ?? 0);
    },
  });
  new Counter({
    name: 'strata_flow_deliveries_total', help: 'Flow and webhook delivery attempts this gateway finished (one per listener of an event), by result', labelNames: ['result'], registers: [registry],
    collect() {
      const d = deps.deliveries();
      this.reset();
      this.inc({ result: 'delivered' }, d.delivered);
      this.inc({ result: 'failed' }, d.failed);
    },
  });
  new Gauge({
    name: 'strata_flow_deliveries_running', help: 'Flow and webhook deliveries running on this gateway now', registers: [registry],
    collect() {
      this.set(deps.deliveries().running);
    },
  });
}
