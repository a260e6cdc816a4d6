// Writes to the system collections Strata owns the rules of: /users, /roles, /policies,
// /access, /permissions (POST object or array; PATCH one, batch array, {keys|query, data};
// DELETE one, array of keys, {keys}, {query}) and PATCH /settings. The same Writer as /items,
// through strata.system_write_request, which adds Directus's per-collection rules (v9/10 role
// permissions and flags, role nesting and deletion, user checks, "an admin must remain").
// Responses are Directus's: the written items re-read with the request's query (204 when
// nothing may be read back), 204 for deletes.
import type { Services } from './services.js';
import { forbidden, invalidPayload } from '../errors.js';
import { noContent } from './response.js';
import type { Router } from '../router.js';
import type { RouteContext } from '../types.js';
import { isPlainObject } from '../request/body.js';
import { normalizeQuery } from '../request/query.js';
import { deleteTarget, queryLimits, requireBody as body, respond, writeReadQuery } from './common.js';
import type { WriteAction } from '../engine/writer.js';
import type { ReadMode } from '../engine/reader.js';
import { checkUserPasswords, systemWritten, WRITABLE_SYSTEM_ENDPOINTS } from '../auth/system-writes.js';

export function systemWriteRoutes(router: Router, s: Services) {
  const limits = queryLimits(s);
  const checkPasswords = (collection: string, items: unknown[]) => checkUserPasswords(s.db, collection, items);

  async function run(ctx: RouteContext, collection: string, action: WriteAction, args: Record<string, unknown>, mode: ReadMode | null) {
    const read = mode ? { query: await writeReadQuery(ctx, limits), mode } : null;
    // a password is hashed whatever it looks like: a client can't store a hash of its choosing
    const result = await s.writer.write(ctx.accountability, collection, action, args, read, ctx.timing, { path: ctx.req.path },
      { system: true });
    // this gateway sees its own change at once (src/auth/system-writes.ts)
    systemWritten(s.catalog, collection);
    return respond(result);
  }

  for (const [endpoint, collection] of Object.entries(WRITABLE_SYSTEM_ENDPOINTS)) {
    router.post(`/${endpoint}`, async (ctx) => {
      const payload = body(ctx);
      if (!isPlainObject(payload) && !Array.isArray(payload)) throw invalidPayload('Payload must be an object or an array');
      await checkPasswords(collection, Array.isArray(payload) ? payload : [payload]);
      return run(ctx, collection, 'create', { payload }, Array.isArray(payload) ? 'list' : 'one');
    });

    router.patch(`/${endpoint}`, async (ctx) => {
      const data = body(ctx);
      if (Array.isArray(data)) await checkPasswords(collection, data);
      else if (isPlainObject(data)) {
        if (isPlainObject(data.query)) data.query = normalizeQuery(data.query, limits);
        await checkPasswords(collection, [data.data]);
      }
      return run(ctx, collection, 'patch_collection', { data }, 'list');
    });

    router.patch(`/${endpoint}/:id`, async (ctx) => {
      const data = body(ctx);
      if (!isPlainObject(data)) throw invalidPayload('"value" must be of type object');
      await checkPasswords(collection, [data]);
      return run(ctx, collection, 'update', { key: ctx.params.id, data }, 'one');
    });

    router.delete(`/${endpoint}`, async (ctx) => {
      const target = deleteTarget(body(ctx), limits);
      return run(ctx, collection, target.action, target.args, null);
    });

    router.delete(`/${endpoint}/:id`, (ctx) => run(ctx, collection, 'delete', { key: ctx.params.id }, null));
  }

  // the settings singleton: PATCH updates its one row (created when missing)
  router.patch('/settings', async (ctx) => {
    const data = body(ctx);
    if (!isPlainObject(data)) throw invalidPayload('"value" must be of type object');
    return run(ctx, 'directus_settings', 'patch_collection', { data }, 'singleton');
  });

  // the Data Studio's owner registration: Directus stores these four settings (with the caller's
  // permissions on directus_settings) and then tells its own servers, which Strata does not do;
  // other keys are ignored. A body with none of them changes nothing (Directus: a 500).
  router.post('/settings/owner', async (ctx) => {
    const payload = body(ctx) ?? {};
    if (!isPlainObject(payload)) throw invalidPayload('"value" must be of type object');
    const data = Object.fromEntries(OWNER_KEYS.filter((k) => payload[k] !== undefined).map((k) => [k, payload[k]]));
    if (Object.keys(data).length === 0) {
      if (!ctx.accountability.admin) throw forbidden();
      return noContent();
    }
    return run(ctx, 'directus_settings', 'patch_collection', { data }, null);
  });
}

const OWNER_KEYS = ['project_owner', 'project_usage', 'org_name', 'product_updates'];
