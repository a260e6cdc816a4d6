// What /server/info and /server/health answer, for any front end (REST's routes, GraphQL's
// server_info and server_health on /graphql/system), as Directus 12 answers them.
import { websocketInfo, type Config } from '../config.js';
import type { Db } from '../db/client.js';
import { forbidden } from '../errors.js';
import type { Access } from '../types.js';
import { version } from '../version.js';
import * as system from './system.js';

export type ServerConfig = Pick<Config, 'queryLimitDefault' | 'queryLimitMax' | 'websockets' | 'dbHealthcheckThresholdMs' | 'publicUrl' | 'dbPoolMax'>
  & { files: Pick<Config['files'], 'mimeTypeAllowList'> };

/**
 * The Directus version whose API Strata answers: what /server/info reports as `version` (the
 * Data Studio shows it in its footer and matches its features to it). Strata's own version is
 * the health check's `releaseId`.
 */
export const directusVersion = '12.4.0';

/**
 * The license keys of /server/info, as Directus 12.4 answers them without a license key (to
 * anyone): no source (unlicensed), production use allowed, "Powered by Directus" shown.
 */
const licenseInfo = () => ({ source: null, entitlements: { production_enabled: true, ai_translations_enabled: false, display_powered_by: 'DIRECTUS' } });

/**
 * Anyone: the public project settings and the license. Signed-in users: limits, features and
 * the version. Strata has no AI, MCP nor project-owner onboarding: those features are off (the
 * app then hides them instead of offering what would fail).
 */
export async function serverInfo(config: ServerConfig, db: Db, acc: Access): Promise<Record<string, unknown>> {
  const info: Record<string, unknown> = { project: JSON.parse(await system.projectInfo(db)) };
  if (acc.user) {
    info.project_owner_enabled = false;
    info.mcp_enabled = false;
    info.ai_enabled = false;
    info.mcp_oauth_enabled = false;
    info.mcp_oauth_dcr_enabled = false;
    info.mcp_oauth_cimd_enabled = false;
    info.autoSave = { revisionInterval: 300 };
    info.ai_providers = [];
    info.files = { mimeTypeAllowList: config.files.mimeTypeAllowList };
    info.rateLimit = false;
    info.rateLimitGlobal = false;
    info.extensions = { limit: null };
    info.queryLimit = { default: config.queryLimitDefault, max: Number.isFinite(config.queryLimitMax) ? config.queryLimitMax : -1 };
    info.websocket = websocketInfo(config.websockets);
    info.version = directusVersion;
  }
  info.license = licenseInfo();
  return info;
}

/**
 * GET /license (admins): what Directus 12.4 answers without a license key ("Core"), with the
 * usage counted on this project. The entitlements are Directus's unlicensed ones on purpose: the
 * app's license terms forbid working around its license-key functionality, so Strata tells the
 * app no more than an unlicensed Directus would (README "The Data Studio"). They bind the app's
 * screens only: Strata's API itself enforces no seat, collection or flow limit.
 */
export async function license(db: Db, acc: Access): Promise<Record<string, unknown>> {
  if (!acc.admin) throw forbidden();
  return {
    name: 'Core', editable: true, status: 'active', source: null, downgrade_reason: null, expires_at: -1,
    entitlements: {
      seats: { limit: 3 }, collections: { limit: 25 }, flows: { limit: 5 },
      sso_enabled: { default: false },
      activity_historical_timeframe: { limit: 2592000 }, revision_historical_timeframe: { limit: 2592000 },
      telemetry_required: { default: true }, offline_enabled: { default: true },
      custom_llms_enabled: { default: false }, custom_permission_rules_enabled: { default: false },
      display_powered_by: 'DIRECTUS', production_enabled: { default: true }, ai_translations_enabled: { default: false },
    },
    grace_period: -1,
    offline: true,
    usage: await licenseUsage(db),
  };
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

/** what counts against a license: active users, the project's tables and views (not directus_*), flows */
async function licenseUsage(db: Db): Promise<{ seats: number; collections: number; flows: number }> {
  const [row] = await db.queryAsOwner<{ seats: number; collections: number; flows: number }>(
    `select (select count(*) from public.directus_users where status = 'active')::int as seats,
            (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
              where c.relkind in ('r', 'p', 'v', 'm', 'f') and c.relname not like 'directus\\_%')::int as collections,
            (select count(*) from public.directus_flows)::int as flows`);
  return row;
}
