// Authentication runs for every request (Directus semantics: a bad token fails even on public
// routes). JWTs are verified in Node; the user's policies come from the database, cached
// briefly so a hot path costs no extra round trip.
import type { Db } from '../db/client.js';
import type { CookieConfig } from '../config.js';
import { invalidCredentials } from '../errors.js';
import type { ApiRequest, Timing } from '../http/types.js';
import { timed } from '../http/types.js';
import { withRequest, type Access, type Accountability } from './accountability.js';
import { isDirectusJwt, type Jwt } from './jwt.js';
import { clearCookie, extractToken } from './token.js';

const CACHE_MAX = 10_000;

export class AccessCache {
  private entries = new Map<string, { access: Access | null; expires: number }>();
  constructor(private ttlMs: number) {}

  async get(key: string, load: () => Promise<Access | null>): Promise<Access | null> {
    const hit = this.entries.get(key);
    const now = Date.now();
    if (hit && hit.expires > now) return hit.access;
    const access = await load();
    if (this.entries.size >= CACHE_MAX) this.entries.clear();
    this.entries.set(key, { access, expires: now + this.ttlMs });
    return access;
  }

  /** After writes to users, roles, policies or access rows. */
  clear(): void {
    this.entries.clear();
  }
}

export function createAuthenticator(db: Db, jwt: Jwt, cache: AccessCache, sessionCookie: CookieConfig) {
  // Policies depend on the client's IP (directus_policies.ip_access), so it is part of every key.
  const load = async (sql: string, ...params: unknown[]): Promise<Access | null> => {
    const rows = await db.query<{ access: string | null }>(sql, params);
    return rows[0]?.access ? (JSON.parse(rows[0].access) as Access) : null;
  };

  async function resolve(req: ApiRequest): Promise<Accountability> {
    const found = extractToken(req, sessionCookie.name);
    if (!found) {
      const access = await cache.get(`public@${req.ip}`, () => load('select strata.access_public($1)::text as access', req.ip));
      return withRequest(access!, req.ip, req.headers);
    }
    const { token, source } = found;
    if (isDirectusJwt(token)) {
      const claims = await jwt.verify(token);
      if (claims.session !== undefined) {
        // A session JWT lives only as long as its session row (logout ends it at once).
        const live = await db.query('select 1 from directus_sessions where token = $1 and expires >= now()', [String(claims.session)]);
        if (live.length === 0) {
          const err = invalidCredentials();
          if (source === 'cookie') err.headers = { 'set-cookie': clearCookie(sessionCookie) };
          throw err;
        }
      }
      const access = await cache.get(`user:${claims.id}@${req.ip}`, () => load('select strata.access_for_user($1::uuid, $2)::text as access', claims.id, req.ip));
      if (!access) throw invalidCredentials();
      return withRequest(access, req.ip, req.headers);
    }
    const access = await cache.get(`token:${token}@${req.ip}`, () => load('select strata.access_for_token($1, $2)::text as access', token, req.ip));
    if (!access) throw invalidCredentials();
    return withRequest(access, req.ip, req.headers);
  }

  return (req: ApiRequest, timing: Timing) => timed(timing, 'auth', () => resolve(req));
}
