// /server/ping, /server/info, /server/health, as Directus 12 answers them.
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { forbidden } from '../errors.js';
import type { Router } from '../router.js';
import { json } from './response.js';
import { openApiSpec } from '../engine/oas.js';
import { license, serverHealth, serverInfo } from '../engine/server-info.js';

export function serverRoutes(router: Router, config: Config, db: Db) {
  // Directus answers ping before authentication, as text/html.
  router.get('/server/ping', () => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: 'pong' }), { skipAuth: true });

  // Anyone: the public project settings; signed-in users more (src/engine/server-info.ts).
  router.get('/server/info', async ({ accountability }) => json(JSON.stringify({ data: await serverInfo(config, db, accountability) })));

  // Admins: the license and its usage (the Data Studio's data model and settings pages read it).
  router.get('/license', async ({ accountability }) => json(JSON.stringify({ data: await license(db, accountability) })));

  // Anyone: an OpenAPI 3 document of what the caller may do (src/engine/oas.ts).
  router.get('/server/specs/oas', async ({ accountability }) => json(JSON.stringify(await openApiSpec(db, config, accountability))));

  if (!config.healthcheckEnabled) return;
  // Anonymous callers are refused; signed-in users see the status, admins every check.
  router.get('/server/health', async ({ accountability }) => {
    const { ok, body } = await serverHealth(config, db, accountability);
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
