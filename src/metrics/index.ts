// Prometheus metrics (METRICS_ENABLED) at GET /metrics, as Directus serves them: admins may read
// them, and so may a scraper sending `Authorization: Metrics <token>` with one of METRICS_TOKENS.
// prom-client keeps the registry and writes the exposition format. What is counted: every HTTP
// answer (by method, route pattern and status) and its latency, the request pools' connections,
// the compiled-SQL cache and the process itself.
import { timingSafeEqual } from 'node:crypto';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Reader } from '../engine/reader.js';
import { forbidden } from '../errors.js';
import type { Router } from '../router.js';
import type { Accountability, ApiRequest } from '../types.js';

export interface MetricsDeps {
  config: Config;
  db: Db;
  reader: Reader;
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
