// What the caller may do: /permissions/me and /policies/me/globals, answered by PostgreSQL
// from the same permission rows that generate the row-level-security policies.
import type { Services } from '../app.js';
import { invalidCredentials, forbidden } from '../errors.js';
import type { Router } from '../http/router.js';
import { data, type RouteContext } from '../http/types.js';

export function accessRoutes(router: Router, s: Services) {
  const ask = async (ctx: RouteContext, sql: string) => data((await s.db.request(ctx.accountability, sql, []))!);

  router.get('/permissions/me', (ctx) => {
    if (!ctx.accountability.user) throw forbidden();
    return ask(ctx, 'select strata.permissions_me()::text');
  });

  router.get('/policies/me/globals', (ctx) => {
    if (!ctx.accountability.user) throw invalidCredentials();
    return ask(ctx, 'select strata.policies_me_globals()::text');
  });
}
