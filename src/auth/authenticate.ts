// Authentication runs for every request (Directus semantics: a bad token fails even on public
// routes). JWTs are verified in Node; the user's policies come from the database, cached
// briefly so a hot path costs no extra round trip.
import type { Db } from '../db/client.js';
import type { CookieConfig } from '../config.js';
import { invalidCredentials } from '../errors.js';
import { timed, type Access, type Accountability, type ApiRequest, type Timing } from '../types.js';
import { withRequest } from './accountability.js';
import { isDirectusJwt, type Jwt } from './jwt.js';
import { clearCookie, extractToken } from './token.js';

/** Resolved accesses kept (per user or token, and IP); past it the least recently used go. */
const CACHE_MAX = 10_000;
/**
 * Unknown tokens kept apart, in a smaller LRU: a flood of made-up tokens evicts only other
 * unknown tokens, never a real user's entry (which would cost a query per request again).
 */
const NEGATIVE_MAX = 1_000;

interface Entry {
  access: Access | null;
  expires: number;
}

/** A Map in recency order (a hit moves the key to the end): evicts the least recently used. */
class Lru {
  private entries = new Map<string, Entry>();
  constructor(private max: number) {}

  get(key: string, now: number): Entry | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (hit.expires <= now) return undefined;
    this.entries.set(key, hit);
    return hit;
  }

  set(key: string, entry: Entry): void {
    this.entries.delete(key);
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Resolved accesses for the TTL: found ones, and answers of "no such user or token" too. */
export class AccessCache {
  private found: Lru;
  private missing: Lru;
  constructor(private ttlMs: number, max = CACHE_MAX, negativeMax = NEGATIVE_MAX) {
    this.found = new Lru(max);
    this.missing = new Lru(negativeMax);
  }

  async get(key: string, load: () => Promise<Access | null>): Promise<Access | null> {
    const now = Date.now();
    const hit = this.found.get(key, now) ?? this.missing.get(key, now);
    if (hit) return hit.access;
    const access = await load();
    (access ? this.found : this.missing).set(key, { access, expires: now + this.ttlMs });
    return access;
  }

  /** entries held (found, missing): for tests */
  get sizes(): { found: number; missing: number } {
    return { found: this.found.size, missing: this.missing.size };
  }

  /** After writes to users, roles, policies or access rows. */
  clear(): void {
    this.found.clear();
    this.missing.clear();
  }
}

export function createAuthenticator(db: Db, jwt: Jwt, cache: AccessCache, sessionCookie: CookieConfig) {
  // Policies depend on the client's IP (directus_policies.ip_access), so it is part of every key.
  const load = async (sql: string, ...params: unknown[]): Promise<Access | null> => {
    const rows = await db.queryAsOwner<{ access: string | null }>(sql, params);
    return rows[0]?.access ? (JSON.parse(rows[0].access) as Access) : null;
  };

  async function resolve(req: ApiRequest): Promise<Accountability> {
    const found = extractToken(req, sessionCookie.name);
    if (!found) {
      const access = await cache.get(`public@${req.ip}`, () => load('select strata.access_public($1)::text as access', req.ip));
      return withRequest(access!, req.ip, req.headers, req.signal);
    }
    const { token, source } = found;
    if (isDirectusJwt(token)) {
      const claims = await jwt.verify(token);
      if (claims.session !== undefined) {
        // A session JWT lives only as long as its session row (logout ends it at once).
        const live = await db.queryAsOwner('select 1 from directus_sessions where token = $1 and expires >= now()', [String(claims.session)]);
        if (live.length === 0) {
          const err = invalidCredentials();
          if (source === 'cookie') err.headers = { 'set-cookie': clearCookie(sessionCookie) };
          throw err;
        }
      }
      const access = await cache.get(`user:${claims.id}@${req.ip}`, () => load('select strata.access_for_user($1::uuid, $2)::text as access', claims.id, req.ip));
      if (!access) throw invalidCredentials();
      return withRequest(access, req.ip, req.headers, req.signal);
    }
    const access = await cache.get(`token:${token}@${req.ip}`, () => load('select strata.access_for_token($1, $2)::text as access', token, req.ip));
    if (!access) throw invalidCredentials();
    return withRequest(access, req.ip, req.headers, req.signal);
  }

  return (req: ApiRequest, timing: Timing) => timed(timing, 'auth', () => resolve(req));
}
