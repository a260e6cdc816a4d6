// What a signed-in session hands out, for any front end (REST's /auth/login and /auth/refresh,
// GraphQL's auth_login and auth_refresh): per mode, the access token, the refresh token and the
// cookie that carries one of them, and which refresh token a refresh or logout is about.
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { accessForUser } from '../engine/access-store.js';
import { invalidCredentials, invalidPayload } from '../errors.js';
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

/** The tokens of the session `refreshToken` of `user`, per mode (the same for login and refresh). */
export async function issueTokens(db: Db, jwt: Jwt, config: TokenConfig, user: string, refreshToken: string, mode: Mode,
  ip: string): Promise<IssuedTokens> {
  // the user's access from the client's IP (policies whose ip_access excludes it left out)
  const access = await accessForUser(db, user, ip);
  if (!access) throw invalidCredentials();
  return tokensFor(jwt, config, { id: user, role: access.role, app_access: access.app, admin_access: access.admin }, refreshToken, mode);
}

/** The tokens of a session with these claims, per mode (users' sessions and shares' alike). */
export async function tokensFor(jwt: Jwt, config: TokenConfig, claims: TokenClaims, refreshToken: string, mode: Mode): Promise<IssuedTokens> {
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
