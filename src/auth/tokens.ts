// What a signed-in session hands out, for any front end (REST's /auth/login and /auth/refresh,
// GraphQL's auth_login and auth_refresh): per mode, the access token, the refresh token and the
// cookie that carries one of them, and which refresh token a refresh or logout is about. Before an
// access token is signed, Directus's `auth.jwt` filter runs when a flow listens: its answer
// becomes the claims (a flow may add claims), except the session claim, which stays the
// session's own (the flow is shown it redacted: it is the refresh token, a secret).
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { accessForUser } from '../engine/access-store.js';
import * as authStore from '../engine/auth-store.js';
import { invalidCredentials, invalidPayload } from '../errors.js';
import { emitFilter, listens } from '../engine/emitter.js';
import { isPlainObject } from '../request/body.js';
import { nobody, type Client } from './accountability.js';
import { isDirectusJwt, type Jwt, type TokenClaims } from './jwt.js';
import { parseCookies, setCookie } from './token.js';
import type { Mode } from './validate.js';

export type TokenConfig = Pick<Config, 'accessTokenTtlMs' | 'refreshTokenTtlMs' | 'sessionCookieTtlMs' | 'refreshCookie' | 'sessionCookie'>;

export interface IssuedTokens {
  /** ms the access token (session mode: the session cookie) lives */
  expires: number;
  access_token?: string;
  /** json mode only: in cookie mode it travels in `cookie` */
  refresh_token?: string;
  /** a Set-Cookie value (cookie and session modes) */
  cookie?: string;
}

/** What a token is signed for, as Directus's auth.jwt event tells it. */
export interface JwtEvent {
  db: Db;
  type: 'login' | 'refresh';
  user: string | null;
  /** the user's auth provider ('default'); null for a share */
  provider: string | null;
  client: Pick<Client, 'ip' | 'userAgent' | 'origin'>;
}

/** The tokens of the session `refreshToken` of `user`, per mode (the same for login and refresh). */
export async function issueTokens(db: Db, jwt: Jwt, config: TokenConfig, user: string, refreshToken: string, mode: Mode,
  client: JwtEvent['client'], type: JwtEvent['type']): Promise<IssuedTokens> {
  // the user's access from the client's IP (policies whose ip_access excludes it left out)
  const access = await accessForUser(db, user, client.ip);
  if (!access) throw invalidCredentials();
  return tokensFor(jwt, config, { id: user, role: access.role, app_access: access.app, admin_access: access.admin }, refreshToken, mode,
    { db, type, user, provider: 'default', client });
}

const REDACTED = '--redacted--';

/** The claims after the auth.jwt filter flows (only when one listens): theirs, the session claim left to the caller. */
async function customClaims(e: JwtEvent, claims: TokenClaims, mode: Mode): Promise<TokenClaims> {
  if (!(await listens(e.db, 'auth.jwt'))) return claims;
  const given = mode === 'session' ? { ...claims, session: REDACTED } : claims;
  const out = await emitFilter<unknown>(e.db, 'auth.jwt', given, { event: 'auth.jwt', status: 'pending', user: e.user, provider: e.provider, type: e.type },
    nobody(e.client));
  const { session: _session, ...rest } = (isPlainObject(out) ? out : claims) as TokenClaims;
  return rest;
}

/** The tokens of a session with these claims, per mode (users' sessions and shares' alike); `event`: run auth.jwt. */
export async function tokensFor(jwt: Jwt, config: TokenConfig, claims: TokenClaims, refreshToken: string, mode: Mode,
  event?: JwtEvent): Promise<IssuedTokens> {
  if (event) {
    try {
      claims = await customClaims(event, claims, mode);
    } catch (err) {
      // refused: the session just opened (or rotated) for these tokens ends with them
      await authStore.logout(event.db, refreshToken, [event.client.ip, event.client.userAgent, event.client.origin]).catch(() => undefined);
      throw err;
    }
  }
  if (mode === 'session') {
    const token = await jwt.sign({ ...claims, session: refreshToken }, config.sessionCookieTtlMs);
    return { expires: config.sessionCookieTtlMs, cookie: setCookie(config.sessionCookie, token, config.sessionCookieTtlMs) };
  }
  const accessToken = await jwt.sign(claims, config.accessTokenTtlMs);
  if (mode === 'cookie') {
    return { expires: config.accessTokenTtlMs, access_token: accessToken, cookie: setCookie(config.refreshCookie, refreshToken, config.refreshTokenTtlMs) };
  }
  return { expires: config.accessTokenTtlMs, refresh_token: refreshToken, access_token: accessToken };
}

/**
 * The refresh token a refresh or logout is about, by Directus's rules: the mode is `mode`, else
 * json when a refresh_token is given, else cookie; the token comes from `refresh_token` (json),
 * the refresh cookie (cookie) or the `session` claim of the verified session cookie (session).
 */
export async function currentRefreshToken(jwt: Jwt, config: TokenConfig, input: { mode?: unknown; refresh_token?: unknown },
  cookieHeader: string | undefined): Promise<{ mode: Mode; token: string }> {
  const mode = (input.mode ? input.mode : input.refresh_token ? 'json' : 'cookie') as Mode;
  const cookies = parseCookies(cookieHeader);
  let token: unknown;
  if (mode === 'json') token = input.refresh_token;
  else if (mode === 'cookie') token = cookies[config.refreshCookie.name];
  else if (mode === 'session') {
    const jwtToken = cookies[config.sessionCookie.name];
    if (jwtToken && isDirectusJwt(jwtToken)) token = (await jwt.verify(jwtToken)).session;
  }
  if (!token) throw invalidPayload('The refresh token is required in either the payload or cookie');
  return { mode, token: String(token) };
}
