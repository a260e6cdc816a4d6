// /server/ping, /server/info, /server/health, as Directus 12 answers them.
import { websocketInfo, type Config } from '../config.js';
import type { Db } from '../db/client.js';
import { forbidden } from '../errors.js';
import type { Router } from '../router.js';
import { json } from './response.js';
import { version } from '../version.js';
import * as system from '../engine/system.js';

export function serverRoutes(router: Router, config: Config, db: Db) {
  // Directus answers ping before authentication, as text/html.
  router.get('/server/ping', () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: 'pong' }), { skipAuth: true });

  // Anyone: the public project settings. Signed-in users: limits and features. Version: signed-in users.
  router.get('/server/info', async ({ accountability }) => {
    const info: Record<string, unknown> = { project: JSON.parse(await system.projectInfo(db)) };
    if (accountability.user) {
      info.rateLimit = false;
      info.rateLimitGlobal = false;
      info.extensions = { limit: null };
      info.queryLimit = { default: config.queryLimitDefault, max: Number.isFinite(config.queryLimitMax) ? config.queryLimitMax : -1 };
      info.websocket = websocketInfo(config.websockets);
      info.version = version;
    }
    return json(JSON.stringify({ data: info }));
  });

  if (!config.healthcheckEnabled) return;
  // Anonymous callers are refused; signed-in users see the status, admins every check.
  router.get('/server/health', async ({ accountability }) => {
    if (!accountability.user && !accountability.role) throw forbidden();
    const started = performance.now();
    let ok = true;
    try {
      await system.ping(db);
    } catch {
      ok = false;
    }
    const observed = Math.round((performance.now() - started) * 1000) / 1000;
    const threshold = config.dbHealthcheckThresholdMs;
    const check: Record<string, unknown> = {
      status: !ok ? 'error' : observed > threshold ? 'warn' : 'ok',
      componentType: 'datastore', observedUnit: 'ms', observedValue: observed, threshold,
    };
    if (!ok) check.output = "Can't connect to the database.";
    const status = check.status as string;
    const body: Record<string, unknown> = { status };
    if (accountability.admin) {
      body.releaseId = version;
      body.serviceId = config.publicUrl;
      body.checks = {
        'pg:responseTime': [check],
        'pg:connectionsAvailable': [{ status: 'ok', componentType: 'datastore', observedValue: config.dbPoolMax }],
      };
    }
    return {
      status: ok ? 200 : 503,
      headers: { 'content-type': 'application/health+json; charset=utf-8', 'cache-control': 'no-cache' },
      body: JSON.stringify(body),
    };
  });
}

export const requireAdmin = (admin: boolean) => {
  if (!admin) throw forbidden();
};
