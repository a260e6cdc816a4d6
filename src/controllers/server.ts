// /server/ping, /server/info, /server/health.
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { forbidden } from '../errors.js';
import type { Router } from '../http/router.js';
import { json } from '../http/types.js';
import { version } from '../version.js';

export function serverRoutes(router: Router, config: Config, db: Db) {
  // Directus answers ping before authentication, as text/html.
  router.get('/server/ping', () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: 'pong' }), { skipAuth: true });

  router.get('/server/info', async ({ accountability }) => {
    const [settings] = await db.query<{ project: string }>('select strata.project_info()::text as project');
    const project = JSON.parse(settings.project);
    const info: Record<string, unknown> = { project };
    if (accountability.user) {
      info.rateLimit = false;
      info.rateLimitGlobal = false;
      info.queryLimit = { default: config.queryLimitDefault, max: Number.isFinite(config.queryLimitMax) ? config.queryLimitMax : -1 };
      info.websocket = false;
      info.extensions = { limit: null };
      info.uploads = null;
      if (accountability.admin) info.version = version;
    }
    return json(JSON.stringify({ data: info }));
  });

  router.get('/server/health', async ({ accountability }) => {
    const started = performance.now();
    let ok = true;
    try {
      await db.query('select 1');
    } catch {
      ok = false;
    }
    const observed = Math.round((performance.now() - started) * 1000) / 1000;
    const status = ok ? 'ok' : 'error';
    const body: Record<string, unknown> = { status };
    if (accountability.admin) {
      body.releaseId = version;
      body.serviceId = config.publicUrl;
      body.checks = {
        'pg:responseTime': [{ status: ok ? (observed > 150 ? 'warn' : 'ok') : 'error', componentType: 'datastore', observedValue: observed, observedUnit: 'ms', threshold: 150 }],
        'pg:connectionsAvailable': [{ status, componentType: 'datastore', observedValue: config.dbPoolMax }],
      };
    }
    return { status: ok ? 200 : 503, headers: { 'content-type': 'application/health+json; charset=utf-8', 'cache-control': 'no-cache' }, body: JSON.stringify(body) };
  });
}

export const requireAdmin = (admin: boolean) => {
  if (!admin) throw forbidden();
};
