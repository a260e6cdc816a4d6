// What /server/info and /server/health answer, for any front end (REST's routes, GraphQL's
// server_info and server_health on /graphql/system), as Directus 12 answers them.
import { websocketInfo, type Config } from '../config.js';
import type { Db } from '../db/client.js';
import { forbidden } from '../errors.js';
import type { Access } from '../types.js';
import { version } from '../version.js';
import * as system from './system.js';

export type ServerConfig = Pick<Config, 'queryLimitDefault' | 'queryLimitMax' | 'websockets' | 'dbHealthcheckThresholdMs' | 'publicUrl' | 'dbPoolMax'>;

/** Anyone: the public project settings. Signed-in users: limits and features. Version: signed-in users. */
export async function serverInfo(config: ServerConfig, db: Db, acc: Access): Promise<Record<string, unknown>> {
  const info: Record<string, unknown> = { project: JSON.parse(await system.projectInfo(db)) };
  if (acc.user) {
    info.rateLimit = false;
    info.rateLimitGlobal = false;
    info.extensions = { limit: null };
    info.queryLimit = { default: config.queryLimitDefault, max: Number.isFinite(config.queryLimitMax) ? config.queryLimitMax : -1 };
    info.websocket = websocketInfo(config.websockets);
    info.version = version;
  }
  return info;
}

/**
 * The health report: anonymous callers are refused; signed-in users see the status, admins
 * every check. `ok` false: the database did not answer (HTTP 503).
 */
export async function serverHealth(config: ServerConfig, db: Db, acc: Access): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  if (!acc.user && !acc.role) throw forbidden();
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
  const body: Record<string, unknown> = { status: check.status };
  if (acc.admin) {
    body.releaseId = version;
    body.serviceId = config.publicUrl;
    body.checks = {
      'pg:responseTime': [check],
      'pg:connectionsAvailable': [{ status: 'ok', componentType: 'datastore', observedValue: config.dbPoolMax }],
    };
  }
  return { ok, body };
}
