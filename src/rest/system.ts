// Reads of system collections through their own endpoints (/users, /roles, /files, ...), with
// the same read engine as /items: one compiled statement per request, under the caller's own
// permissions (row-level security on directus_* tables filters rows; app-access users hold
// Directus's minimal system permissions; no permission at all is Directus's 403).
import type { Services } from './services.js';
import { invalidCredentials } from '../errors.js';
import type { Router } from '../router.js';
import type { Reader } from '../engine/reader.js';
import { queryLimits, readResponse, searchQuery, urlQuery } from './common.js';
import { json } from './response.js';

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
  notifications: 'directus_notifications',
  translations: 'directus_translations',
  dashboards: 'directus_dashboards',
  panels: 'directus_panels',
  flows: 'directus_flows',
  operations: 'directus_operations',
  webhooks: 'directus_webhooks',
  shares: 'directus_shares',
  versions: 'directus_versions',
};

export function systemRoutes(router: Router, s: Services, reader: Reader) {
  const limits = queryLimits(s);

  // /users/me: the accountability's own user; anonymous callers have no user
  router.get('/users/me', async (ctx) => {
    // a share token has no user: Directus answers its share
    if (ctx.accountability.share) return json(JSON.stringify({ data: { share: ctx.accountability.share } }));
    if (!ctx.accountability.user) throw invalidCredentials();
    const query = await urlQuery(ctx, limits, false);
    return readResponse(reader, ctx, 'users', 'directus_users', { ...query, key: ctx.accountability.user }, 'one');
  });

  router.get('/settings', async (ctx) =>
    readResponse(reader, ctx, 'settings', 'directus_settings', await urlQuery(ctx, limits, false), 'singleton'));

  for (const [endpoint, collection] of Object.entries(SYSTEM_ENDPOINTS)) {
    router.get(`/${endpoint}`, async (ctx) =>
      readResponse(reader, ctx, endpoint, collection, await urlQuery(ctx, limits, true), 'list'));

    router.search(`/${endpoint}`, async (ctx) =>
      readResponse(reader, ctx, endpoint, collection, await searchQuery(ctx, limits), 'list'));

    router.get(`/${endpoint}/:id`, async (ctx) =>
      readResponse(reader, ctx, endpoint, collection, { ...(await urlQuery(ctx, limits, false)), key: ctx.params.id }, 'one'));
  }
}
