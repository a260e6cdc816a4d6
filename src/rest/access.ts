// What the caller may do: /permissions/me and /policies/me/globals, answered by PostgreSQL
// from the same permission rows that generate the row-level-security policies.
import type { Services } from './services.js';
import { DirectusError, invalidCredentials, forbidden } from '../errors.js';
import type { Router } from '../router.js';
import type { Db } from '../db/client.js';
import { type Accountability, type RouteContext } from '../types.js';
import { data, json } from './response.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery } from '../request/query.js';
import { queryLimits } from './common.js';
import * as system from '../engine/system.js';

export function accessRoutes(router: Router, s: Services) {
  const limits = queryLimits(s);
  /** a question of the core about the caller, answered as the `data` value */
  const ask = async (ctx: RouteContext, question: (db: Db, acc: Accountability) => Promise<string | null>) =>
    data((await question(s.db, ctx.accountability))!);

  router.get('/permissions/me', (ctx) => {
    if (!ctx.accountability.user) throw forbidden();
    return ask(ctx, system.permissionsMe);
  });

  // the caller's role and its ancestors, read with the caller's permissions (just the ids when
  // the caller may not read roles, as Directus answers)
  router.get('/roles/me', async (ctx) => {
    const { user, role, roles } = ctx.accountability;
    if (!user && !role) throw forbidden();
    const query = normalizeQuery(parseQueryString(ctx.req.query), limits, { list: true });
    try {
      return json((await s.reader.read(ctx.accountability, 'directus_roles', { ...query, limit: -1, keys: roles }, 'list', ctx.timing))!);
    } catch (err) {
      if (err instanceof DirectusError && err.code === 'FORBIDDEN') return json(JSON.stringify({ data: roles.map((id) => ({ id })) }));
      throw err;
    }
  });

  // whether the caller may update, delete and share an item (or the collection)
  const itemPermissions = (ctx: RouteContext) => {
    if (!ctx.accountability.user) throw forbidden();
    return system.itemPermissions(s.db, ctx.accountability, ctx.params.collection, ctx.params.pk ?? null)
      .then((body) => data(body!));
  };
  router.get('/permissions/me/:collection', itemPermissions);
  router.get('/permissions/me/:collection/:pk', itemPermissions);

  router.get('/policies/me/globals', (ctx) => {
    if (!ctx.accountability.user) throw invalidCredentials();
    return ask(ctx, system.policiesMeGlobals);
  });
}
