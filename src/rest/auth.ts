// /auth/login, /auth/refresh, /auth/logout (local provider) in json, cookie and session modes,
// and /auth/password/request + /auth/password/reset. Sessions live in directus_sessions; the core
// (src/engine/auth-store.ts: login / refresh / logout, one strata.session_* SQL function each) does each change in one call.
import type { Services } from './services.js';
import type { Router } from '../router.js';
import { type ApiRequest, type ApiResponse } from '../types.js';
import { json, noContent } from './response.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { passwordLogin, refreshLogin } from '../auth/login.js';
import { passwordRoutes } from './auth-password.js';
import { stall } from '../auth/stall.js';
import { clearCookie, parseCookies } from '../auth/token.js';
import { loginPayload, type Mode } from '../auth/validate.js';
import { currentRefreshToken, issueTokens } from '../auth/tokens.js';
import { shareTokens } from '../auth/shares.js';
import * as authStore from '../engine/auth-store.js';
import { clientOf as client } from './auth-password.js';


export function authRoutes(router: Router, s: Services) {
  const { config, db, jwt } = s;

  /** The answer for a session identified by its refresh token, per mode (same for login and refresh). */
  async function tokensResponse(req: ApiRequest, user: string, refreshToken: string, mode: Mode, type: 'login' | 'refresh'): Promise<ApiResponse> {
    const [ip, userAgent, origin] = client(req);
    const { cookie, ...data } = await issueTokens(db, jwt, config, user, refreshToken, mode, { ip, userAgent, origin }, type);
    return json(JSON.stringify({ data }), 200, cookie ? { 'set-cookie': cookie } : undefined);
  }

  // The login providers the app offers (Directus's AUTH_PROVIDERS): Strata has only the local
  // (email + password) provider, which Directus lists by leaving it out; `disableDefault` false
  // keeps the app's email/password form. `?sessionOnly` asks the same list.
  router.get('/auth', () => json(JSON.stringify({ data: [], disableDefault: false })));

  router.post('/auth/login', async ({ req }) => {
    const payload = loginPayload(jsonBody(req) ?? {});
    const started = Date.now();
    try {
      // the local provider's checks (credentials, status, attempts, OTP) are the core's: src/auth/login.ts
      const { user, refreshToken } = await passwordLogin(db, payload.email, payload.password, payload.otp, config.refreshTokenTtlMs, client(req));
      return await tokensResponse(req, user, refreshToken, payload.mode, 'login');
    } finally {
      await stall(started, config.loginStallTimeMs);
    }
  });

  router.post('/auth/refresh', async ({ req }) => {
    const { mode, token } = await refreshTokenOf(req);
    const session = mode === 'session';
    const result = await refreshLogin(db, token, session ? config.sessionCookieTtlMs : config.refreshTokenTtlMs, session,
      config.sessionRefreshGraceMs, client(req), config.loginStallTimeMs, true);
    if (result.share) {
      // a share's session (POST /shares/auth): share tokens again
      const [ip, userAgent, origin] = client(req);
      const { cookie, ...data } = await shareTokens(jwt, config, result.share, result.refreshToken, mode,
        { db, type: 'refresh', user: null, provider: null, client: { ip, userAgent, origin } });
      return json(JSON.stringify({ data }), 200, cookie ? { 'set-cookie': cookie } : undefined);
    }
    return tokensResponse(req, result.user, result.refreshToken, mode, 'refresh');
  });

  router.post('/auth/logout', async ({ req }) => {
    const { token } = await refreshTokenOf(req);
    await authStore.logout(db, token, client(req));
    const cookies = parseCookies(req.headers.cookie);
    const clear = [config.refreshCookie, config.sessionCookie].filter((c) => c.name in cookies).map(clearCookie);
    const res = noContent();
    if (clear.length) res.headers = { 'set-cookie': clear };
    return res;
  });

  passwordRoutes(router, s);

  /** the session a refresh or logout is about (src/auth/tokens.ts has Directus's rules) */
  function refreshTokenOf(req: ApiRequest): Promise<{ mode: Mode; token: string }> {
    const raw = jsonBody(req);
    return currentRefreshToken(jwt, config, isPlainObject(raw) ? raw : {}, req.headers.cookie);
  }
}
