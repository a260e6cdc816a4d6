// The account endpoints of /users: PATCH /users/me (own profile and password), two-factor
// setup (/users/me/tfa/generate|enable|disable), invitations (/users/invite, /users/invite/accept)
// and public registration (/users/register, /users/register/verify-email). Reads of /users are
// in system.ts; writes go through the same Writer as /items, so permissions hold here too.
import type { Services } from './services.js';
import { invalidCredentials, invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import { timed, type ApiResponse, type RouteContext } from '../types.js';
import { json, noContent } from './response.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery } from '../request/query.js';
import { checkOwnUpdate, tfaDisable, tfaDisableFor, tfaEnable, tfaGenerate } from '../auth/own-user.js';
import { accounts } from '../auth/accounts.js';
import { objectBody } from '../auth/validate.js';
import { clientOf } from './auth-password.js';
import { trackPage } from '../engine/track-page.js';

export function usersAuthRoutes(router: Router, s: Services) {
  const { config, db } = s;
  const limits = { limitDefault: config.queryLimitDefault, limitMax: config.queryLimitMax };

  const me = (ctx: RouteContext): string => {
    if (!ctx.accountability.user) throw invalidCredentials();
    return ctx.accountability.user;
  };
  const body = (ctx: RouteContext) => {
    const b = jsonBody(ctx.req);
    return isPlainObject(b) ? b : {};
  };

  /** An update of the caller's own user through the Writer (their permissions apply); the re-read or null. */
  const updateSelf = async (ctx: RouteContext, user: string, data: Record<string, unknown>, reRead: boolean) => {
    const read = reRead ? { query: await timed(ctx.timing, 'parse', () => normalizeQuery(parseQueryString(ctx.req.query), limits, { list: false })), mode: 'one' as const } : null;
    const result = await s.writer.write(ctx.accountability, 'directus_users', 'update', { key: user, data }, read, ctx.timing, { path: ctx.req.path });
    s.catalog.accessChanged();
    return result;
  };

  const own = { db, writer: s.writer, catalog: s.catalog };

  // the Data Studio's last page of the caller (src/engine/track-page.ts): 204, as Directus
  router.patch('/users/me/track/page', async (ctx) => {
    const user = me(ctx);
    const data = body(ctx);
    if (!Object.hasOwn(data, 'last_page')) throw invalidPayload('"last_page" key is required');
    const page = data.last_page;
    if (page !== null && typeof page === 'object') throw invalidPayload('"last_page" must be a string');
    await trackPage(db, user, page === null ? null : String(page));
    return noContent();
  });

  // the rules of a profile update and two-factor setup are the core's (src/auth/own-user.ts)
  router.patch('/users/me', async (ctx) => {
    const user = me(ctx);
    const data = objectBody(jsonBody(ctx.req));
    await checkOwnUpdate(db, ctx.accountability, data);
    // A new password or email ends the user's sessions (the strata_user_sessions trigger).
    const result = await updateSelf(ctx, user, data, true);
    return result === null ? json('{"data":null}') : json(result);
  });

  router.post('/users/me/tfa/generate', async (ctx) =>
    json(JSON.stringify({ data: await tfaGenerate(db, ctx.accountability, body(ctx).password) })));

  router.post('/users/me/tfa/enable', async (ctx) => {
    const b = body(ctx);
    await tfaEnable(own, ctx.accountability, b.secret, b.otp, ctx.timing);
    return noContent();
  });

  router.post('/users/me/tfa/disable', async (ctx) => {
    await tfaDisable(own, ctx.accountability, body(ctx).otp, ctx.timing);
    return noContent();
  });

  router.post('/users/:id/tfa/disable', async (ctx) => {
    await tfaDisableFor(own, ctx.accountability, ctx.params.id, ctx.timing);
    return noContent();
  });

  // invitations and registration are the core's (src/auth/accounts.ts)
  const flows = accounts(config, db, s.log);

  router.post('/users/invite', async (ctx) => {
    await flows.invite(jsonBody(ctx.req), ctx.accountability, clientOf(ctx.req));
    s.catalog.accessChanged();
    return noContent();
  });

  router.post('/users/invite/accept', async (ctx) => {
    await flows.acceptInvite(jsonBody(ctx.req), clientOf(ctx.req));
    s.catalog.accessChanged();
    return noContent();
  });

  router.post('/users/register', async (ctx) => {
    await flows.register(jsonBody(ctx.req), clientOf(ctx.req));
    return noContent();
  });

  router.get('/users/register/verify-email', async (ctx) => {
    const id = await flows.verifyRegistration(new URLSearchParams(ctx.req.query).get('token') ?? '', clientOf(ctx.req));
    s.catalog.accessChanged();
    return redirect(`/admin/users/${id}`);
  });
}

const redirect = (location: string): ApiResponse => ({ status: 302, headers: { location } });

