// Authentication runs for every request (Directus semantics: a bad token fails even on public
// routes), in two steps: a front end finds the token (HTTP: extractToken), resolveAccess turns
// it into an accountability. JWTs are verified in Node; the user's policies come from the
// database (engine/access-store), cached briefly so a hot path costs no extra round trip.
import type { Db } from '../db/client.js';
import type { CookieConfig } from '../config.js';
import { invalidCredentials } from '../errors.js';
import { timed, type Access, type Accountability, type ApiRequest, type Timing } from '../types.js';
import { accessForShare, accessForToken, accessForUser, accessPublic, sessionIsLive } from '../engine/access-store.js';
import { withClient, type Client } from './accountability.js';
import { isDirectusJwt, type Jwt } from './jwt.js';
import { clearCookie, extractToken, type Token } from './token.js';

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

/** Resolves a token (or none: the public policies) into the accountability of one request. */
export type ResolveAccess = (token: Token | null, client: Client) => Promise<Accountability>;

/**
 * Access resolution for every front end: an HTTP request's token (extractToken), a WebSocket
 * `auth` message's token. A JWT is verified here; the access itself comes from the database
 * (engine/access-store), cached per user or token and IP.
 */
export function createAccessResolver(db: Db, jwt: Jwt, cache: AccessCache, sessionCookie: CookieConfig): ResolveAccess {
  return async (found, client) => {
    // Policies depend on the client's IP (directus_policies.ip_access), so it is part of every key.
    const { ip } = client;
    if (!found) {
      const access = await cache.get(`public@${ip}`, () => accessPublic(db, ip));
      return withClient(access!, client);
    }
    const { token, source } = found;
    if (isDirectusJwt(token)) {
      const claims = await jwt.verify(token);
      // A session JWT lives only as long as its session row (logout ends it at once).
      if (claims.session !== undefined && !(await sessionIsLive(db, String(claims.session)))) {
        const err = invalidCredentials();
        if (source === 'cookie') err.headers = { 'set-cookie': clearCookie(sessionCookie) };
        throw err;
      }
      const access = claims.share !== undefined
        ? await cache.get(`share:${claims.share}@${ip}`, () => accessForShare(db, claims.share!, ip))
        : await cache.get(`user:${claims.id}@${ip}`, () => accessForUser(db, claims.id!, ip));
      if (!access) throw invalidCredentials();
      return withClient(access, client);
    }
    const access = await cache.get(`token:${token}@${ip}`, () => accessForToken(db, token, ip));
    if (!access) throw invalidCredentials();
    return withClient(access, client);
  };
}

/** The HTTP edge's authentication: the request's token (header, query, cookie), then resolveAccess. */
export function httpAuthenticator(resolveAccess: ResolveAccess, sessionCookie: CookieConfig) {
  return (req: ApiRequest, timing: Timing): Promise<Accountability> =>
    timed(timing, 'auth', () => resolveAccess(extractToken(req, sessionCookie.name), httpClient(req)));
}

export function httpClient(req: ApiRequest): Client {
  return { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, origin: req.headers.origin ?? null, signal: req.signal };
}

/** Both at once (bench/ builds its own gateway this way). */
export function createAuthenticator(db: Db, jwt: Jwt, cache: AccessCache, sessionCookie: CookieConfig) {
  return httpAuthenticator(createAccessResolver(db, jwt, cache, sessionCookie), sessionCookie);
}
