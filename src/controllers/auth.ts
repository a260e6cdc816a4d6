// /auth/login, /auth/refresh, /auth/logout (local provider) in json, cookie and session modes.
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import { DirectusError, invalidCredentials, invalidPayload } from '../errors.js';
import type { Router } from '../http/router.js';
import { json, noContent, type ApiRequest, type ApiResponse } from '../http/types.js';
import { objectBody } from '../request/body.js';
import type { Access } from '../auth/accountability.js';
import type { AccessCache } from '../auth/authenticate.js';
import type { Jwt } from '../auth/jwt.js';
import { dummyHash, verifyPassword } from '../auth/password.js';
import { parseCookies, REFRESH_COOKIE, SESSION_COOKIE } from '../auth/token.js';

type Mode = 'json' | 'cookie' | 'session';
/** Directus's SESSION_REFRESH_GRACE_PERIOD: concurrent refreshes of one token get the same new one. */
const REFRESH_GRACE_MS = 10_000;

export function authRoutes(router: Router, config: Config, db: Db, jwt: Jwt, cache: AccessCache) {
  const newToken = () => randomBytes(48).toString('base64url').slice(0, 64);

  async function accessOf(user: string): Promise<Access> {
    const [row] = await db.query<{ access: string | null }>('select strata.access_for_user($1::uuid)::text as access', [user]);
    if (!row?.access) throw invalidCredentials();
    return JSON.parse(row.access);
  }

  function cookie(name: string, value: string, maxAgeMs: number): string {
    const parts = [`${name}=${encodeURIComponent(value)}`, 'Path=/', 'HttpOnly', `Max-Age=${Math.floor(maxAgeMs / 1000)}`, `SameSite=${cap(config.cookieSameSite)}`];
    if (config.cookieSecure) parts.push('Secure');
    return parts.join('; ');
  }

  /** Issues the answer for a session identified by its refresh token, per mode. */
  async function tokensResponse(user: string, refreshToken: string, mode: Mode): Promise<ApiResponse> {
    const access = await accessOf(user);
    const claims = { id: user, role: access.role, app_access: access.app, admin_access: access.admin };
    if (mode === 'session') {
      const token = await jwt.sign({ ...claims, session: refreshToken }, config.sessionCookieTtlMs);
      return json(JSON.stringify({ data: { expires: config.sessionCookieTtlMs } }), 200, {
        'set-cookie': cookie(SESSION_COOKIE, token, config.sessionCookieTtlMs),
      });
    }
    const accessToken = await jwt.sign(claims, config.accessTokenTtlMs);
    if (mode === 'cookie') {
      return json(JSON.stringify({ data: { access_token: accessToken, expires: config.accessTokenTtlMs } }), 200, {
        'set-cookie': cookie(REFRESH_COOKIE, refreshToken, config.refreshTokenTtlMs),
      });
    }
    return json(JSON.stringify({ data: { access_token: accessToken, expires: config.accessTokenTtlMs, refresh_token: refreshToken } }));
  }

  function sessionTtl(mode: Mode) {
    return mode === 'session' ? config.sessionCookieTtlMs : config.refreshTokenTtlMs;
  }

  router.post('/auth/login', async ({ req }) => {
    const started = Date.now();
    const body = objectBody(req);
    const mode = parseMode(body.mode, 'json');
    if (typeof body.email !== 'string' || body.email === '') throw invalidPayload('"email" is required');
    if (typeof body.password !== 'string' || body.password === '') throw invalidPayload('"password" is required');
    try {
      const [user] = await db.query<{ id: string; password: string | null; status: string; provider: string }>(
        'select id, password, status, provider from directus_users where lower(email) = lower($1)',
        [body.email],
      );
      // The same argon2 work whether or not the user exists.
      const ok = await verifyPassword(user?.password ?? (await dummyHash()), body.password);
      if (!user || !ok || user.provider !== 'default') throw invalidCredentials();
      if (user.status === 'suspended') throw new DirectusError('USER_SUSPENDED', 'User suspended.');
      if (user.status !== 'active') throw invalidCredentials();
      const refreshToken = newToken();
      await db.query(
        `insert into directus_sessions (token, "user", expires, ip, user_agent, origin)
         values ($1, $2, now() + make_interval(secs => $3::double precision / 1000), $4, $5, $6)`,
        [refreshToken, user.id, sessionTtl(mode), req.ip, req.headers['user-agent'] ?? null, req.headers.origin ?? null],
      );
      await db.query('update directus_users set last_access = now() where id = $1', [user.id]);
      return await tokensResponse(user.id, refreshToken, mode);
    } finally {
      await stall(started, config.loginStallTimeMs);
    }
  });

  router.post('/auth/refresh', async ({ req }) => {
    const body = objectBody(req);
    const mode = parseMode(body.mode, typeof body.refresh_token === 'string' ? 'json' : 'cookie');
    const token = refreshTokenOf(req, body, mode);
    const [session] = await db.query<{ user: string; next_token: string | null }>(
      'select "user", next_token from directus_sessions where token = $1 and expires > now()',
      [token],
    );
    if (!session) throw invalidCredentials();
    if (session.next_token) return tokensResponse(session.user, session.next_token, mode);
    const next = newToken();
    await db.transaction(async (q) => {
      await q(
        `insert into directus_sessions (token, "user", expires, ip, user_agent, origin)
         values ($1, $2, now() + make_interval(secs => $3::double precision / 1000), $4, $5, $6)`,
        [next, session.user, sessionTtl(mode), req.ip, req.headers['user-agent'] ?? null, req.headers.origin ?? null],
      );
      await q(
        `update directus_sessions set next_token = $2, expires = least(expires, now() + make_interval(secs => $3::double precision / 1000))
         where token = $1`,
        [token, next, REFRESH_GRACE_MS],
      );
    });
    return tokensResponse(session.user, next, mode);
  });

  router.post('/auth/logout', async ({ req }) => {
    const body = objectBody(req);
    const mode = parseMode(body.mode, typeof body.refresh_token === 'string' ? 'json' : 'cookie');
    const token = refreshTokenOf(req, body, mode);
    const deleted = await db.query('delete from directus_sessions where token = $1 returning "user"', [token]);
    if (deleted.length === 0) throw invalidCredentials();
    cache.clear();
    const res = noContent();
    if (mode !== 'json') {
      res.headers = { 'set-cookie': [cookie(REFRESH_COOKIE, '', 0), cookie(SESSION_COOKIE, '', 0)] };
    }
    return res;
  });
}

function parseMode(raw: unknown, fallback: Mode): Mode {
  if (raw === undefined || raw === null) return fallback;
  if (raw === 'json' || raw === 'cookie' || raw === 'session') return raw;
  throw invalidPayload('"mode" must be one of [json, cookie, session]');
}

function refreshTokenOf(req: ApiRequest, body: Record<string, unknown>, mode: Mode): string {
  const cookies = parseCookies(req.headers.cookie);
  let token: string | undefined;
  if (mode === 'json') token = typeof body.refresh_token === 'string' ? body.refresh_token : undefined;
  else if (mode === 'cookie') token = cookies[REFRESH_COOKIE];
  else {
    const session = cookies[SESSION_COOKIE];
    // the session JWT carries the refresh token in its `session` claim
    try {
      token = session ? JSON.parse(Buffer.from(session.split('.')[1], 'base64url').toString()).session : undefined;
    } catch {
      token = undefined;
    }
  }
  if (!token) throw invalidPayload('The refresh token is required in either the payload or cookie');
  return token;
}

function cap(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

async function stall(startedMs: number, stallMs: number) {
  const wait = stallMs - (Date.now() - startedMs);
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
}
