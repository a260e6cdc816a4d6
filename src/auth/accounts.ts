// Accounts made by invitation or registration, for any front end (REST's /users/invite,
// /users/invite/accept, /users/register, /users/register/verify-email; GraphQL's users_invite,
// users_invite_accept, users_register, users_register_verify). Mailed links carry JWTs signed with
// SECRET (scopes "invite", "pending-registration"). One instance per configuration, so every
// front end counts registrations against the same RATE_LIMITER_REGISTRATION window.
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import { DirectusError, forbidden, invalidPayload } from '../errors.js';
import { isPlainObject } from '../request/body.js';
import { createMailer } from '../mail/mailer.js';
import * as authStore from '../engine/auth-store.js';
import * as settings from '../engine/system.js';
import { ScopedJwt } from './jwt.js';
import { hashPassword } from './password.js';
import { checkPasswordPolicy } from './password-policy.js';
import { FixedWindowLimiter, requestsExceeded } from './rate-limiter.js';
import { stall } from './stall.js';
import { isUrlAllowed, publicPath, withToken } from './urls.js';
import { invitePayload, objectBody, registerPayload, requiredString } from './validate.js';

const invalidInvite = () => new DirectusError('INVALID_INVITE', 'This invite is no longer valid.');

export interface Accounts {
  /** admins: creates invited users (status "invited") and mails them a link; the caller drops cached access */
  invite(body: unknown, inviter: { admin: boolean; user: string | null }, client: authStore.Client): Promise<void>;
  /** an invitation's token + a password -> an active user */
  acceptInvite(body: unknown, client: authStore.Client): Promise<void>;
  /** public registration (directus_settings.public_registration*), rate limited per client IP */
  register(body: unknown, client: authStore.Client): Promise<void>;
  /** the registration link's token -> the user's id (null: no such pending registration) */
  verifyRegistration(token: string, client: authStore.Client): Promise<string>;
}

const instances = new WeakMap<Config, Accounts>();

export function accounts(config: Config, db: Db, log: Logger): Accounts {
  let made = instances.get(config);
  if (made) return made;
  const tokens = new ScopedJwt(config.secret);
  const mailer = createMailer(config.email, log, db);
  const registrations = config.rateLimiterRegistration.enabled
    ? new FixedWindowLimiter(config.rateLimiterRegistration.points, config.rateLimiterRegistration.durationMs)
    : undefined;
  made = {
    async invite(body, inviter, client) {
      const { emails, role, inviteUrl } = invitePayload(body);
      // Inviting creates users: admins only (Directus answers a 204 and does nothing otherwise;
      // Strata says no).
      if (!inviter.admin) throw forbidden();
      if (inviteUrl && !isUrlAllowed(inviteUrl, config.userInviteUrlAllowList)) throw invalidPayload(`URL "${inviteUrl}" can't be used to invite users`);
      for (const email of emails) {
        if (!(await authStore.invite(db, email, role, inviter.user, client))) continue;
        const token = await tokens.sign({ email, scope: 'invite' }, config.userInviteTokenTtlMs);
        const link = withToken(inviteUrl ?? publicPath(config.publicUrl, 'admin', 'accept-invite'), token);
        void mailer.send({
          to: email,
          subject: "You've been invited",
          text: `You have been invited to ${config.projectName}.\n\nTo accept the invitation and choose a password, open:\n${link}\n`,
        });
      }
    },

    async acceptInvite(body, client) {
      const b = objectBody(body ?? {});
      const token = requiredString(b, 'token');
      const password = requiredString(b, 'password');
      const claims = await tokens.verify(token, 'invite');
      checkPasswordPolicy(await settings.passwordPolicy(db), password);
      const id = await authStore.acceptInvite(db, claims.email, await hashPassword(password), client);
      if (!id) throw invalidInvite();
    },

    async register(body, client) {
      if (registrations) {
        const now = Date.now();
        const r = registrations.consume(client[0], now);
        if (!r.ok) throw requestsExceeded(registrations.points, r.msBeforeNext, now);
      }
      const input = registerPayload(body ?? {});
      if (input.verificationUrl && !isUrlAllowed(input.verificationUrl, config.userRegisterUrlAllowList)) {
        throw invalidPayload(`URL "${input.verificationUrl}" can't be used to verify registered users`);
      }
      const started = Date.now();
      try {
        const registration = await settings.registrationSettings(db);
        if (registration?.filter && !emailPassesFilter(input.email, JSON.parse(registration.filter))) throw forbidden();
        checkPasswordPolicy(registration?.policy, input.password);
        // Existing emails are not revealed: same answer, same time (REGISTER_STALL_TIME).
        if (await authStore.register(db, input.email, await hashPassword(input.password), input.firstName ?? null, input.lastName ?? null, client)) {
          const token = await tokens.sign({ email: input.email, scope: 'pending-registration' }, config.emailVerificationTokenTtlMs);
          const link = withToken(input.verificationUrl ?? publicPath(config.publicUrl, 'users', 'register', 'verify-email'), token);
          void mailer.send({
            to: input.email,
            subject: 'Verify your email address',
            text: `Welcome to ${config.projectName}.\n\nTo verify your email address and activate your account, open:\n${link}\n`,
          });
        }
      } finally {
        await stall(started, config.registerStallTimeMs);
      }
    },

    async verifyRegistration(token, client) {
      const claims = await tokens.verify(token, 'pending-registration');
      const id = await authStore.verifyRegistration(db, claims.email, client);
      if (!id) throw invalidPayload('Invalid verification code');
      return id;
    },
  };
  instances.set(config, made);
  return made;
}

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
