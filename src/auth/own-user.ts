// What a signed-in user may do to their own user, for any front end (REST's PATCH /users/me and
// /users/me/tfa/*, GraphQL's update_users_me and users_me_tfa_*): the rules of a profile update,
// and two-factor setup. The writes themselves go through the Writer as the user (their
// permissions apply); a new tfa_secret, password or email ends their sessions (the
// strata_user_sessions trigger).
import { randomBytes } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Catalog } from '../engine/catalog.js';
import type { Writer } from '../engine/writer.js';
import { forbidden, invalidCredentials, invalidPayload } from '../errors.js';
import type { Accountability, Timing } from '../types.js';
import * as authStore from '../engine/auth-store.js';
import * as settings from '../engine/system.js';
import { verifyPassword } from './password.js';
import { checkPasswordPolicy } from './password-policy.js';
import { base32Encode, verifyTotp } from './totp.js';

/** The caller's user id; anonymous callers have none (401 INVALID_CREDENTIALS). */
export function ownUser(acc: Accountability): string {
  if (!acc.user) throw invalidCredentials();
  return acc.user;
}

/** Refuses what a user may not change of their own profile, and checks a new password against the policy. */
export async function checkOwnUpdate(db: Db, acc: Accountability, data: Record<string, unknown>): Promise<void> {
  if (data.tfa_secret !== undefined) throw invalidPayload(`You can't change the "tfa_secret" value manually`);
  if (!acc.admin) {
    for (const key of ['provider', 'external_identifier']) {
      if (data[key] !== undefined) throw invalidPayload(`You can't change the "${key}" value manually`);
    }
  }
  // the Writer hashes it, whatever it looks like (a string shaped like a hash is a password too)
  if (typeof data.password === 'string' && data.password !== '') checkPasswordPolicy(await settings.passwordPolicy(db), data.password);
}

// strata.write_request lets only the two-factor routes set tfa_secret: they name themselves by
// REST's paths, whichever front end asks (GraphQL's users_me_tfa_enable|disable too)
const TFA_ENABLE = { path: '/users/me/tfa/enable' };
const TFA_DISABLE = { path: '/users/me/tfa/disable' };

export interface OwnUserDeps {
  db: Db;
  writer: Writer;
  catalog: Catalog;
}

/** A new TOTP secret and its otpauth URL (nothing is stored until tfaEnable). */
export async function tfaGenerate(db: Db, acc: Accountability, password: unknown): Promise<{ secret: string; otpauth_url: string }> {
  const user = ownUser(acc);
  const row = await authStore.credentials(db, user);
  const requiresPassword = row?.provider === 'default';
  if (requiresPassword && !password) throw invalidPayload('"password" is required');
  if (requiresPassword && !(await verifyPassword(row.password, String(password)))) throw invalidCredentials();
  if (!row || row.tfa_secret !== null) throw invalidPayload('TFA Secret is already set for this user');
  if (requiresPassword && !row.email) throw invalidPayload('User must have a valid email to enable TFA');
  const projectName = await settings.projectName(db);
  const secret = base32Encode(randomBytes(10));
  const issuer = encodeURIComponent(projectName || 'Directus');
  const account = encodeURIComponent(row.email || row.external_identifier || `user_${user}`);
  return { secret, otpauth_url: `otpauth://totp/${issuer}:${account}?secret=${secret}&period=30&digits=6&algorithm=SHA1&issuer=${issuer}` };
}

/** Stores `secret` once `otp` proves the user's authenticator has it. */
export async function tfaEnable(d: OwnUserDeps, acc: Accountability, secret: unknown, otp: unknown, timing: Timing): Promise<void> {
  const user = ownUser(acc);
  if (!secret) throw invalidPayload('"secret" is required');
  if (!otp) throw invalidPayload('"otp" is required');
  const row = await authStore.credentials(d.db, user);
  if (!row || row.tfa_secret !== null) throw invalidPayload('TFA Secret is already set for this user');
  if (!verifyTotp(String(secret), String(otp))) throw invalidPayload('"otp" is invalid');
  await d.writer.write(acc, 'directus_users', 'update', { key: user, data: { tfa_secret: String(secret) } }, null, timing, TFA_ENABLE);
  d.catalog.accessChanged();
}

/** Removes the user's secret, given a current code. */
export async function tfaDisable(d: OwnUserDeps, acc: Accountability, otp: unknown, timing: Timing): Promise<void> {
  const user = ownUser(acc);
  if (!otp) throw invalidPayload('"otp" is required');
  const row = await authStore.credentials(d.db, user);
  if (!row?.tfa_secret) throw invalidPayload(`User "${user}" doesn't have TFA enabled`);
  if (!verifyTotp(row.tfa_secret, String(otp))) throw invalidPayload('"otp" is invalid');
  await d.writer.write(acc, 'directus_users', 'update', { key: user, data: { tfa_secret: null } }, null, timing, TFA_DISABLE);
  d.catalog.accessChanged();
}

/**
 * POST /users/:id/tfa/disable: an admin removes a user's second factor (a lost authenticator),
 * without a code: the admin's own update of that user (the write checks it in SQL too).
 */
export async function tfaDisableFor(d: OwnUserDeps, acc: Accountability, user: string, timing: Timing): Promise<void> {
  if (!acc.user) throw invalidCredentials();
  if (!acc.admin) throw forbidden();
  await d.writer.write(acc, 'directus_users', 'update', { key: user, data: { tfa_secret: null } }, null, timing, { path: `/users/${user}/tfa/disable` });
  d.catalog.accessChanged();
}
