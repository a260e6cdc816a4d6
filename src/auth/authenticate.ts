// Authentication runs for every request (Directus semantics: a bad token fails even on public
// routes), in two steps: a front end finds the token (HTTP: extractToken), resolveAccess turns
// it into an accountability. JWTs are verified in Node; the user's policies come from the
// database (engine/access-store), cached briefly so a hot path costs no extra round trip.
// Directus's `authenticate` filter runs first over HTTP when a flow listens (authenticateEvent):
// a flow may hand the request another accountability; otherwise it costs one Map lookup.
import type { Db } from '../db/client.js';
import type { CookieConfig } from '../config.js';
import { invalidCredentials } from '../errors.js';
import { timed, type Access, type Accountability, type ApiRequest, type Timing } from '../types.js';
import { accessForRole, accessForShare, accessForToken, accessForUser, accessPublic, sessionIsLive } from '../engine/access-store.js';
import { emitFilter, hears } from '../engine/emitter.js';
import { isPlainObject } from '../request/body.js';
import { requestFacts } from '../request/facts.js';
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
  }
}

/**
 * An accountability a flow chose for a request (authenticateEvent): undefined at once when no
 * flow listens (nothing awaited), else a promise of it (undefined: the token decides).
 */
export type CustomAccess = (req: ApiRequest) => Promise<Accountability | undefined> | undefined;

/** The HTTP edge's authentication: the `authenticate` event's choice, else the request's token (header, query, cookie) through resolveAccess. */
export function httpAuthenticator(resolveAccess: ResolveAccess, sessionCookie: CookieConfig, custom?: CustomAccess) {
  const byToken = (req: ApiRequest) => resolveAccess(extractToken(req, sessionCookie.name), httpClient(req));
  return (req: ApiRequest, timing: Timing): Promise<Accountability> =>
    timed(timing, 'auth', () => {
      const chosen = custom?.(req);
      return chosen ? chosen.then((a) => a ?? byToken(req)) : byToken(req);
    });
}

/** The same JSON data (a script's answer comes back without Object's prototype: that is no difference). */
function sameData(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameData(x, b[i]));
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => Object.hasOwn(b, k) && sameData((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Directus's `authenticate` filter (HTTP requests; skipped at once when no flow listens): flows
 * get Directus's default accountability ({role, user, roles, admin, app, ip, userAgent?,
 * origin?}) and `req`; an answer that differs from it is the request's accountability and the
 * token is not read. Unlike Directus, which takes the answer as it is, the access is the
 * database's for the user (or else the role) it names, as for a token, so PostgreSQL's access
 * rules stay the only authority: a flow can say who is asking, not invent an admin flag. An
 * unknown user or role is INVALID_CREDENTIALS; neither: the public access.
 */
export function authenticateEvent(db: Db): CustomAccess {
  return (req) => (hears(db, 'authenticate') ? chosenAccess(db, req) : undefined);
}

async function chosenAccess(db: Db, req: ApiRequest): Promise<Accountability | undefined> {
  const client = httpClient(req);
  const given: Record<string, unknown> = { role: null, user: null, roles: [], admin: false, app: false, ip: client.ip,
    ...(client.userAgent ? { userAgent: client.userAgent.slice(0, 1024) } : {}), ...(client.origin ? { origin: client.origin } : {}) };
  const out = await emitFilter<unknown>(db, 'authenticate', given, { event: 'authenticate', req: requestFacts(req, false) }, null);
  if (!isPlainObject(out) || sameData(out, given)) return undefined;
  const id = (v: unknown) => (typeof v === 'string' && UUID.test(v) ? v : v === null || v === undefined ? null : false);
  const user = id(out.user);
  const role = id(out.role);
  if (user === false || role === false) throw invalidCredentials();
  const access = user ? await accessForUser(db, user, client.ip) : role ? await accessForRole(db, role) : await accessPublic(db, client.ip);
  if (!access) throw invalidCredentials();
  return withClient(access, client);
}

export function httpClient(req: ApiRequest): Client {
  return { ip: req.ip, userAgent: req.headers['user-agent'] ?? null, origin: req.headers.origin ?? null, signal: req.signal };
}

/** Both at once (bench/ builds its own gateway this way). */
export function createAuthenticator(db: Db, jwt: Jwt, cache: AccessCache, sessionCookie: CookieConfig) {
  return httpAuthenticator(createAccessResolver(db, jwt, cache, sessionCookie), sessionCookie);
}
