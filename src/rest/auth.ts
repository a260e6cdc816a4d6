// /auth/login, /auth/refresh, /auth/logout (local provider) in json, cookie and session modes,
// and /auth/password/request + /auth/password/reset. Sessions live in directus_sessions; the core
// (src/engine/auth-store.ts: login / refresh / logout, one strata.session_* SQL function each) does each change in one call.
import { accessForUser } from '../engine/access-store.js';
import type { Services } from './services.js';
import { invalidCredentials, invalidPayload, userSuspended } from '../errors.js';
import type { Router } from '../router.js';
import { type ApiRequest, type ApiResponse } from '../types.js';
import { json, noContent } from './response.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import type { Access } from '../types.js';
import { isDirectusJwt } from '../auth/jwt.js';
import { newToken, passwordLogin } from '../auth/login.js';
import { passwordRoutes } from './auth-password.js';
import { stall } from '../auth/stall.js';
import { clearCookie, parseCookies, setCookie } from '../auth/token.js';
import { loginPayload, type Mode } from '../auth/validate.js';
import * as authStore from '../engine/auth-store.js';
import { clientOf as client } from './auth-password.js';


export function authRoutes(router: Router, s: Services) {
  const { config, db, jwt } = s;
  /** The user's access from the client's IP (policies whose ip_access excludes it left out). */
  async function accessOf(user: string, ip: string): Promise<Access> {
    const access = await accessForUser(db, user, ip);
    if (!access) throw invalidCredentials();
    return access;
  }

  /** The answer for a session identified by its refresh token, per mode (same for login and refresh). */
  async function tokensResponse(user: string, refreshToken: string, mode: Mode, ip: string): Promise<ApiResponse> {
    const access = await accessOf(user, ip);
    const claims = { id: user, role: access.role, app_access: access.app, admin_access: access.admin };
    if (mode === 'session') {
      const token = await jwt.sign({ ...claims, session: refreshToken }, config.sessionCookieTtlMs);
      return json(JSON.stringify({ data: { expires: config.sessionCookieTtlMs } }), 200, {
        'set-cookie': setCookie(config.sessionCookie, token, config.sessionCookieTtlMs),
      });
    }
    const accessToken = await jwt.sign(claims, config.accessTokenTtlMs);
    if (mode === 'cookie') {
      return json(JSON.stringify({ data: { expires: config.accessTokenTtlMs, access_token: accessToken } }), 200, {
        'set-cookie': setCookie(config.refreshCookie, refreshToken, config.refreshTokenTtlMs),
      });
    }
    return json(JSON.stringify({ data: { expires: config.accessTokenTtlMs, refresh_token: refreshToken, access_token: accessToken } }));
  }

  router.post('/auth/login', async ({ req }) => {
    const payload = loginPayload(jsonBody(req) ?? {});
    const started = Date.now();
    try {
      // the local provider's checks (credentials, status, attempts, OTP) are the core's: src/auth/login.ts
      const { user, refreshToken } = await passwordLogin(db, payload.email, payload.password, payload.otp, config.refreshTokenTtlMs, client(req));
      return await tokensResponse(user, refreshToken, payload.mode, req.ip);
    } finally {
      await stall(started, config.loginStallTimeMs);
    }
  });

  router.post('/auth/refresh', async ({ req }) => {
    const { mode, token } = await currentRefreshToken(req);
    const started = Date.now();
    const session = mode === 'session';
    const result = await authStore.refresh(db, token, newToken(), session ? config.sessionCookieTtlMs : config.refreshTokenTtlMs, session,
      config.sessionRefreshGraceMs, client(req));
    if (!result) throw invalidCredentials();
    if (!result.user || !result.token) {
      await stall(started, config.loginStallTimeMs);
      throw result.status === 'suspended' ? userSuspended() : invalidCredentials();
    }
    return tokensResponse(result.user, result.token, mode, req.ip);
  });

  router.post('/auth/logout', async ({ req }) => {
    const { token } = await currentRefreshToken(req);
    await authStore.logout(db, token, client(req));
    const cookies = parseCookies(req.headers.cookie);
    const clear = [config.refreshCookie, config.sessionCookie].filter((c) => c.name in cookies).map(clearCookie);
    const res = noContent();
    if (clear.length) res.headers = { 'set-cookie': clear };
    return res;
  });

  /**
   * Directus's rules: the mode is the body's `mode`, else json when the body has a
   * refresh_token, else cookie; the token comes from the body (json), the refresh cookie
   * (cookie) or the `session` claim of the verified session cookie (session).
   */
  passwordRoutes(router, s);

  async function currentRefreshToken(req: ApiRequest): Promise<{ mode: Mode; token: string }> {
    const raw = jsonBody(req);
    const body = isPlainObject(raw) ? raw : {};
    const mode = (body.mode ? body.mode : body.refresh_token ? 'json' : 'cookie') as Mode;
    const cookies = parseCookies(req.headers.cookie);
    let token: unknown;
    if (mode === 'json') token = body.refresh_token;
    else if (mode === 'cookie') token = cookies[config.refreshCookie.name];
    else if (mode === 'session') {
      const jwtToken = cookies[config.sessionCookie.name];
      if (jwtToken && isDirectusJwt(jwtToken)) token = (await jwt.verify(jwtToken)).session;
    }
    if (!token) throw invalidPayload('The refresh token is required in either the payload or cookie');
    return { mode, token: String(token) };
  }
}
