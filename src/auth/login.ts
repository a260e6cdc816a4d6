// Signing in with the local provider, for any front end: REST's /auth/login and /auth/refresh,
// the realtime `auth` message. Each answers the user and the session's (new) refresh token; the
// front end decides what to hand out (tokens, cookies). The sessions themselves live in the
// database (engine/auth-store).
import { randomBytes } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { Db } from '../db/client.js';
import { invalidCredentials, invalidOtp, userSuspended } from '../errors.js';
import * as authStore from '../engine/auth-store.js';
import { dummyHash, verifyPassword } from './password.js';
import { verifyTotp } from './totp.js';
import { isDirectusJwt } from './jwt.js';
import { stall } from './stall.js';
import { withLoginEvents } from './login-events.js';

/** A 64-character URL-safe random token, like Directus's nanoid(64). */
export const newToken = () => randomBytes(48).toString('base64url');

export interface Session {
  user: string;
  refreshToken: string;
  /** a share's session (POST /shares/auth; `user` is then empty): only when refreshLogin is asked for shares */
  share?: string;
}

/** email + password (+ otp) -> a new session; INVALID_CREDENTIALS / INVALID_OTP otherwise (or a filter flow's refusal). */
export const passwordLogin = (db: Db, email: string, password: string, otp: string | undefined, refreshTtlMs: number,
  client: authStore.Client): Promise<Session> =>
  withLoginEvents(db, { email, password, otp }, client, (p) => verifyLogin(db, p.email, p.password, p.otp, refreshTtlMs, client));

async function verifyLogin(db: Db, email: string, password: string, otp: string | undefined, refreshTtlMs: number,
  client: authStore.Client): Promise<Session> {
  const user = await authStore.loginCandidate(db, email);
  // The same argon2 work whether or not the user exists (no user enumeration by timing).
  const passwordOk = await verifyPassword(user?.password ?? (await dummyHash()), password);
  // Directus 12 answers INVALID_CREDENTIALS for any user who is not active, suspended included.
  if (!user || user.status !== 'active' || user.provider !== 'default') throw invalidCredentials();
  // auth_login_attempts = N: the attempt after N consecutive failures suspends the user. (Directus
  // still lets that attempt in when its password is right, leaving a suspended user signed in.)
  if (user.allowed !== null && user.allowed > 0 && user.failures >= user.allowed) {
    await authStore.suspendLogin(db, user.id, client);
    throw invalidCredentials();
  }
  const otpOk = !user.tfa_secret || (otp !== undefined && verifyTotp(user.tfa_secret, otp));
  if (!passwordOk || !otpOk) {
    if (user.allowed !== null && user.allowed > 0) await authStore.loginFailed(db, user.id);
    throw passwordOk ? invalidOtp() : invalidCredentials();
  }
  const refreshToken = newToken();
  await authStore.login(db, user.id, refreshToken, refreshTtlMs, client);
  return { user: user.id, refreshToken };
}

/**
 * A refresh token -> the same session under a rotated token; INVALID_CREDENTIALS / USER_SUSPENDED
 * otherwise. A refusal of a known session's user is padded to `stallMs` (LOGIN_STALL_TIME).
 */
export async function refreshLogin(db: Db, token: string, ttlMs: number, session: boolean, graceMs: number,
  client: authStore.Client, stallMs = 0, shares = false): Promise<Session> {
  const started = Date.now();
  const result = await authStore.refresh(db, token, newToken(), ttlMs, session, graceMs, client);
  if (!result) throw invalidCredentials();
  if (result.share && result.token) {
    if (shares) return { user: '', refreshToken: result.token, share: result.share };
    throw invalidCredentials();
  }
  if (!result.user || !result.token) {
    await stall(started, stallMs);
    throw result.status === 'suspended' ? userSuspended() : invalidCredentials();
  }
  return { user: result.user, refreshToken: result.token };
}

/** When a (verified) access token expires, in ms since the epoch; null for static tokens. */
export function tokenExpiresAt(token: string): number | null {
  if (!isDirectusJwt(token)) return null;
  const { exp } = decodeJwt(token);
  return typeof exp === 'number' ? exp * 1000 : null;
}
