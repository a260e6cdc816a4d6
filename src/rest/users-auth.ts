// The account endpoints of /users: PATCH /users/me (own profile and password), two-factor
// setup (/users/me/tfa/generate|enable|disable), invitations (/users/invite, /users/invite/accept)
// and public registration (/users/register, /users/register/verify-email). Reads of /users are
// in system.ts; writes go through the same Writer as /items, so permissions hold here too.
import { randomBytes } from 'node:crypto';
import type { Services } from './services.js';
import { DirectusError, forbidden, invalidCredentials, invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import { timed, type ApiResponse, type RouteContext } from '../types.js';
import { json, noContent } from './response.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery } from '../request/query.js';
import { ScopedJwt } from '../auth/jwt.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { checkPasswordPolicy } from '../auth/password-policy.js';
import { base32Encode, verifyTotp } from '../auth/totp.js';
import { isUrlAllowed, publicPath, withToken } from '../auth/urls.js';
import { FixedWindowLimiter, requestsExceeded } from '../auth/rate-limiter.js';
import { stall } from '../auth/stall.js';
import { invitePayload, objectBody, registerPayload, requiredString } from '../auth/validate.js';
import { createMailer } from '../mail/mailer.js';
import { clientOf } from './auth-password.js';
import * as authStore from '../engine/auth-store.js';
import * as settings from '../engine/system.js';

const invalidInvite = () => new DirectusError('INVALID_INVITE', 'This invite is no longer valid.');

export function usersAuthRoutes(router: Router, s: Services) {
  const { config, db } = s;
  const tokens = new ScopedJwt(config.secret);
  const mailer = createMailer(config.email, s.log);
  const limits = { limitDefault: config.queryLimitDefault, limitMax: config.queryLimitMax };
  const registrations = config.rateLimiterRegistration.enabled
    ? new FixedWindowLimiter(config.rateLimiterRegistration.points, config.rateLimiterRegistration.durationMs)
    : undefined;

  const me = (ctx: RouteContext): string => {
    if (!ctx.accountability.user) throw invalidCredentials();
    return ctx.accountability.user;
  };
  const body = (ctx: RouteContext) => {
    const b = jsonBody(ctx.req);
    return isPlainObject(b) ? b : {};
  };
  const passwordPolicy = () => settings.passwordPolicy(db);
  const userRow = (id: string) => authStore.credentials(db, id);

  /** An update of the caller's own user through the Writer (their permissions apply); the re-read or null. */
  const updateSelf = async (ctx: RouteContext, user: string, data: Record<string, unknown>, reRead: boolean) => {
    const read = reRead ? { query: await timed(ctx.timing, 'parse', () => normalizeQuery(parseQueryString(ctx.req.query), limits, { list: false })), mode: 'one' as const } : null;
    const result = await s.writer.write(ctx.accountability, 'directus_users', 'update', { key: user, data }, read, ctx.timing, { path: ctx.req.path });
    s.catalog.accessChanged();
    return result;
  };

  router.patch('/users/me', async (ctx) => {
    const user = me(ctx);
    const data = objectBody(jsonBody(ctx.req));
    if (data.tfa_secret !== undefined) throw invalidPayload(`You can't change the "tfa_secret" value manually`);
    if (!ctx.accountability.admin) {
      for (const key of ['provider', 'external_identifier']) {
        if (data[key] !== undefined) throw invalidPayload(`You can't change the "${key}" value manually`);
      }
    }
    // the Writer hashes it, whatever it looks like (a string shaped like a hash is a password too)
    if (typeof data.password === 'string' && data.password !== '') checkPasswordPolicy(await passwordPolicy(), data.password);
    // A new password or email ends the user's sessions (the strata_user_sessions trigger).
    const result = await updateSelf(ctx, user, data, true);
    return result === null ? json('{"data":null}') : json(result);
  });

  router.post('/users/me/tfa/generate', async (ctx) => {
    const user = me(ctx);
    const b = body(ctx);
    const row = await userRow(user);
    const requiresPassword = row?.provider === 'default';
    if (requiresPassword && !b.password) throw invalidPayload('"password" is required');
    if (requiresPassword && !(await verifyPassword(row.password, String(b.password)))) throw invalidCredentials();
    if (!row || row.tfa_secret !== null) throw invalidPayload('TFA Secret is already set for this user');
    if (requiresPassword && !row.email) throw invalidPayload('User must have a valid email to enable TFA');
    const projectName = await settings.projectName(db);
    const secret = base32Encode(randomBytes(10));
    const issuer = encodeURIComponent(projectName || 'Directus');
    const account = encodeURIComponent(row.email || row.external_identifier || `user_${user}`);
    const otpauthUrl = `otpauth://totp/${issuer}:${account}?secret=${secret}&period=30&digits=6&algorithm=SHA1&issuer=${issuer}`;
    return json(JSON.stringify({ data: { secret, otpauth_url: otpauthUrl } }));
  });

  router.post('/users/me/tfa/enable', async (ctx) => {
    const user = me(ctx);
    const b = body(ctx);
    if (!b.secret) throw invalidPayload('"secret" is required');
    if (!b.otp) throw invalidPayload('"otp" is required');
    const row = await userRow(user);
    if (!row || row.tfa_secret !== null) throw invalidPayload('TFA Secret is already set for this user');
    if (!verifyTotp(String(b.secret), String(b.otp))) throw invalidPayload('"otp" is invalid');
    await updateSelf(ctx, user, { tfa_secret: String(b.secret) }, false);
    return noContent();
  });

  router.post('/users/me/tfa/disable', async (ctx) => {
    const user = me(ctx);
    const b = body(ctx);
    if (!b.otp) throw invalidPayload('"otp" is required');
    const row = await userRow(user);
    if (!row?.tfa_secret) throw invalidPayload(`User "${user}" doesn't have TFA enabled`);
    if (!verifyTotp(row.tfa_secret, String(b.otp))) throw invalidPayload('"otp" is invalid');
    await updateSelf(ctx, user, { tfa_secret: null }, false);
    return noContent();
  });

  router.post('/users/invite', async (ctx) => {
    const { emails, role, inviteUrl } = invitePayload(jsonBody(ctx.req));
    // Inviting creates users: admins only (Directus answers a 204 and does nothing otherwise;
    // Strata says no).
    if (!ctx.accountability.admin) throw forbidden();
    if (inviteUrl && !isUrlAllowed(inviteUrl, config.userInviteUrlAllowList)) throw invalidPayload(`URL "${inviteUrl}" can't be used to invite users`);
    for (const email of emails) {
      if (!(await authStore.invite(db, email, role, ctx.accountability.user, clientOf(ctx.req)))) continue;
      const token = await tokens.sign({ email, scope: 'invite' }, config.userInviteTokenTtlMs);
      const link = withToken(inviteUrl ?? publicPath(config.publicUrl, 'admin', 'accept-invite'), token);
      void mailer.send({
        to: email,
        subject: "You've been invited",
        text: `You have been invited to ${config.projectName}.\n\nTo accept the invitation and choose a password, open:\n${link}\n`,
      });
    }
    s.catalog.accessChanged();
    return noContent();
  });

  router.post('/users/invite/accept', async (ctx) => {
    const b = objectBody(jsonBody(ctx.req) ?? {});
    const token = requiredString(b, 'token');
    const password = requiredString(b, 'password');
    const claims = await tokens.verify(token, 'invite');
    checkPasswordPolicy(await passwordPolicy(), password);
    const id = await authStore.acceptInvite(db, claims.email, await hashPassword(password), clientOf(ctx.req));
    if (!id) throw invalidInvite();
    s.catalog.accessChanged();
    return noContent();
  });

  router.post('/users/register', async (ctx) => {
    if (registrations) {
      const now = Date.now();
      const r = registrations.consume(ctx.req.ip, now);
      if (!r.ok) throw requestsExceeded(registrations.points, r.msBeforeNext, now);
    }
    const input = registerPayload(jsonBody(ctx.req) ?? {});
    if (input.verificationUrl && !isUrlAllowed(input.verificationUrl, config.userRegisterUrlAllowList)) {
      throw invalidPayload(`URL "${input.verificationUrl}" can't be used to verify registered users`);
    }
    const started = Date.now();
    try {
      const registration = await settings.registrationSettings(db);
      if (registration?.filter && !emailPassesFilter(input.email, JSON.parse(registration.filter))) throw forbidden();
      checkPasswordPolicy(registration?.policy, input.password);
      // Existing emails are not revealed: same answer, same time (REGISTER_STALL_TIME).
      if (await authStore.register(db, input.email, await hashPassword(input.password), input.firstName ?? null, input.lastName ?? null, clientOf(ctx.req))) {
        const token = await tokens.sign({ email: input.email, scope: 'pending-registration' }, config.emailVerificationTokenTtlMs);
        const link = withToken(input.verificationUrl ?? publicPath(config.publicUrl, 'users', 'register', 'verify-email'), token);
        void mailer.send({
          to: input.email,
          subject: 'Verify your email address',
          text: `Welcome to ${config.projectName}.\n\nTo verify your email address and activate your account, open:\n${link}\n`,
        });
      }
      return noContent();
    } finally {
      await stall(started, config.registerStallTimeMs);
    }
  });

  router.get('/users/register/verify-email', async (ctx) => {
    const token = new URLSearchParams(ctx.req.query).get('token') ?? '';
    const claims = await tokens.verify(token, 'pending-registration');
    const id = await authStore.verifyRegistration(db, claims.email, clientOf(ctx.req));
    if (!id) throw invalidPayload('Invalid verification code');
    s.catalog.accessChanged();
    return redirect(`/admin/users/${id}`);
  });
}

const redirect = (location: string): ApiResponse => ({ status: 302, headers: { location } });

/**
 * directus_settings.public_registration_email_filter against {email}: the filter operators
 * that make sense on one string field (_eq, _neq, _contains, _ncontains, _icontains,
 * _starts_with, _ends_with and their negations, _in, _nin, _regex) combined with _and / _or.
 * An operator Strata does not know here refuses the registration (fail closed).
 */
export function emailPassesFilter(email: string, filter: unknown): boolean {
  if (!isPlainObject(filter)) return true;
  return Object.entries(filter).every(([key, value]) => {
    if (key === '_and') return Array.isArray(value) && value.every((f) => emailPassesFilter(email, f));
    if (key === '_or') return Array.isArray(value) && value.some((f) => emailPassesFilter(email, f));
    if (key !== 'email' || !isPlainObject(value)) return false;
    return Object.entries(value).every(([op, arg]) => emailOperator(email, op, arg));
  });
}

function emailOperator(email: string, op: string, arg: unknown): boolean {
  const a = String(arg);
  const lower = email.toLowerCase();
  switch (op) {
    case '_eq': return email === a;
    case '_neq': return email !== a;
    case '_contains': return email.includes(a);
    case '_ncontains': return !email.includes(a);
    case '_icontains': return lower.includes(a.toLowerCase());
    case '_nicontains': return !lower.includes(a.toLowerCase());
    case '_starts_with': return email.startsWith(a);
    case '_nstarts_with': return !email.startsWith(a);
    case '_istarts_with': return lower.startsWith(a.toLowerCase());
    case '_ends_with': return email.endsWith(a);
    case '_nends_with': return !email.endsWith(a);
    case '_iends_with': return lower.endsWith(a.toLowerCase());
    case '_niends_with': return !lower.endsWith(a.toLowerCase());
    case '_in': return Array.isArray(arg) && arg.map(String).includes(email);
    case '_nin': return Array.isArray(arg) && !arg.map(String).includes(email);
    case '_regex': {
      const wrapped = a.length > 1 && a.startsWith('/') && a.endsWith('/');
      try {
        return new RegExp(wrapped ? a.slice(1, -1) : a).test(email);
      } catch {
        return false;
      }
    }
    default: return false;
  }
}
