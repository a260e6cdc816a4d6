// Reads of system collections through their own endpoints (/users, /roles, /files, ...), with
// the same read engine as /items: one compiled statement per request, under the caller's own
// permissions (row-level security on directus_* tables filters rows; app-access users hold
// Directus's minimal system permissions; no permission at all is Directus's 403).
import type { Services } from '../app.js';
import { forbidden, invalidCredentials, invalidPayload } from '../errors.js';
import type { Router } from '../http/router.js';
import { json, type RouteContext } from '../http/types.js';
import { jsonBody, isPlainObject } from '../request/body.js';
import { normalizeQuery, type Query } from '../request/query.js';
import { queryLimits, urlQuery as parseUrlQuery } from './common.js';
import type { Reader, ReadMode } from '../engine/reader.js';
import { exportResponse } from '../engine/export.js';

/** endpoint -> collection, in Directus's vocabulary */
export const SYSTEM_ENDPOINTS: Record<string, string> = {
  users: 'directus_users',
  roles: 'directus_roles',
  policies: 'directus_policies',
  permissions: 'directus_permissions',
  access: 'directus_access',
  files: 'directus_files',
  folders: 'directus_folders',
  activity: 'directus_activity',
  revisions: 'directus_revisions',
  presets: 'directus_presets',
  comments: 'directus_comments',
};

export function systemRoutes(router: Router, s: Services, reader: Reader) {
  const limits = queryLimits(s);
  const urlQuery = (ctx: RouteContext, list: boolean) => parseUrlQuery(ctx, limits, list);

  async function read(ctx: RouteContext, endpoint: string, collection: string, query: Query & { key?: unknown; keys?: unknown[] }, mode: ReadMode) {
    const body = await reader.read(ctx.accountability, collection, query, mode, ctx.timing);
    if (mode === 'one') {
      if (body === null) throw forbidden();
      const wrapped = `{"data":${body}}`;
      return query.export ? exportResponse(query.export, endpoint, wrapped) : json(wrapped);
    }
    return query.export ? exportResponse(query.export, endpoint, body!) : json(body!);
  }

  // /users/me: the accountability's own user; anonymous callers have no user
  router.get('/users/me', async (ctx) => {
    if (!ctx.accountability.user) throw invalidCredentials();
    const query = await urlQuery(ctx, false);
    return read(ctx, 'users', 'directus_users', { ...query, key: ctx.accountability.user }, 'one');
  });

  router.get('/settings', async (ctx) => {
    return read(ctx, 'settings', 'directus_settings', await urlQuery(ctx, false), 'singleton');
  });

  for (const [endpoint, collection] of Object.entries(SYSTEM_ENDPOINTS)) {
    router.get(`/${endpoint}`, async (ctx) => {
      return read(ctx, endpoint, collection, await urlQuery(ctx, true), 'list');
    });

    router.search(`/${endpoint}`, async (ctx) => {
      const body = jsonBody(ctx.req) ?? {};
      if (!isPlainObject(body)) throw invalidPayload('Payload must be an object');
      if (body.query !== undefined && body.keys !== undefined) throw invalidPayload('"query" and "keys" can\'t be used together');
      if (body.keys !== undefined) {
        if (!Array.isArray(body.keys)) throw invalidPayload('"keys" must be an array');
        return read(ctx, endpoint, collection, { ...(await urlQuery(ctx, true)), keys: body.keys.map(String) }, 'list');
      }
      if (body.query !== undefined && !isPlainObject(body.query)) throw invalidPayload('"query" must be an object');
      const query = body.query !== undefined ? normalizeQuery(body.query, limits) : await urlQuery(ctx, true);
      return read(ctx, endpoint, collection, query, 'list');
    });

    router.get(`/${endpoint}/:id`, async (ctx) => {
      return read(ctx, endpoint, collection, { ...(await urlQuery(ctx, false)), key: ctx.params.id }, 'one');
    });
  }
}
