// The database edge. The only module family that talks to PostgreSQL.
//
// A request is TWO prepared statements sent in one write on one connection of the request pool
// (Strata's own protocol client, ./wire): [set accountability + role, the statement] and one
// Sync, so they are one implicit transaction and one round trip. Both settings are
// transaction-local: they end with the Sync, so nothing of a request outlives it on the
// connection. Non-admin requests run as role strata_request, so row-level security applies to
// every table read or written; admins run as strata_admin, which bypasses it without being a
// superuser (README "Security"). Internal queries (auth lookups, bootstrap, transactions) use a
// separate small postgres.js pool as the connecting role, with constant SQL text only.
import postgres from 'postgres';
import type { Accountability } from '../types.js';
import { fromPgError, isPgError } from './errors.js';
import { WirePool, type PoolStats } from './wire/pool.js';
import { parseUrl } from './wire/url.js';
import { postgresJsTls, type Statement } from './wire/connection.js';

export type Row = Record<string, unknown>;

/**
 * The statement that gives a request's connection its accountability, the same claims' policies
 * as a list (strata.has_policy's fast path) and its role: contextParams' values.
 */
export const CONTEXT = "select set_config('strata.accountability', $1, true), set_config('strata.policies', $3, true), set_config('role', $2, true)";

/** The PostgreSQL roles requests run as (sql/fixtures/strata/access/request_role.sql). */
export const REQUEST_ROLE = 'strata_request';
export const ADMIN_ROLE = 'strata_admin';

export interface RequestOptions {
  /** how a value PostgreSQL can't cast is reported: a bad filter value in a read is INVALID_QUERY */
  valueErrors?: 'INVALID_QUERY' | 'INVALID_PAYLOAD';
  /** aborting it cancels the request's statement in PostgreSQL (it then fails with 57014) */
  signal?: AbortSignal;
}

export interface Db {
  /**
   * An internal query as the connecting role (bootstrap, auth lookups, sessions): no request
   * context, no row-level security. The name says so at every call site; SQL text is constant.
   */
  queryAsOwner<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `text` as a prepared statement after setting the request's accountability, and
   * returns the first column of the first row (the response body for reads), or null.
   */
  request(accountability: Accountability, text: string, params: unknown[], opts?: RequestOptions): Promise<string | null>;
  /** request() returning the bytes PostgreSQL sent, undecoded (response bodies go to the socket as they are) */
  requestBytes(accountability: Accountability, text: string, params: unknown[], opts?: RequestOptions): Promise<Buffer | null>;
  /**
   * Several statements of one request in one flight (one round trip, one implicit transaction:
   * a failing statement undoes them all), after the request's context as request() sets it; the
   * first column of the first row of each, undecoded, in order (null: no row, or NULL). The
   * root fields of one GraphQL operation are one flight.
   */
  requestMany(accountability: Accountability, statements: Statement[], opts?: RequestOptions): Promise<(Buffer | null)[]>;
  /**
   * Statements of different callers in one flight per pool (one round trip instead of one each):
   * each runs after its own caller's context, and answers its first value, in order. One
   * implicit transaction: a failing statement fails them all (the caller may then run them one
   * by one). For reads only; realtime re-reads a batch's groups with it.
   */
  requestEach(items: { accountability: Accountability; text: string; params: unknown[] }[], opts?: RequestOptions): Promise<(Buffer | null)[]>;
  /**
   * Statements of one request run one after another in one transaction, on one connection, as
   * the caller (a streamed import writes its rows batch by batch as they arrive): `fn` runs them
   * through `run`; the transaction commits when `fn` resolves and rolls back when it throws.
   */
  requestTransaction<T>(accountability: Accountability, fn: (run: (text: string, params: unknown[]) => Promise<string | null>) => Promise<T>): Promise<T>;
  /** Several internal statements in one transaction, as the connecting role. */
  transaction<T>(fn: (query: Db['queryAsOwner']) => Promise<T>): Promise<T>;
  /** the request pools' connections (one entry per pool: `request`, and `admin` when admins have their own) */
  poolStats(): Record<string, PoolStats>;
  close(): Promise<void>;
}

// The claims part of the context, and the same claims' policies as strata.has_policy's list,
// are the same for every request of a user: built once per resolved access (keyed by its
// policies array, which the authenticator's cache shares).
const claimsCache = new WeakMap<string[], { json: string; policies: string }>();

function claimsOf(a: Accountability): { json: string; policies: string } {
  let claims = claimsCache.get(a.policies);
  if (claims === undefined) {
    claims = {
      // share, share_collection, share_item: only share tokens have them (undefined is left out)
      json: JSON.stringify({ user: a.user, role: a.role, roles: a.roles, policies: a.policies, admin: a.admin, app: a.app,
        share: a.share, share_collection: a.share_collection, share_item: a.share_item }).slice(0, -1),
      // ',<id>,<id>,' then 'app,' with app access; '' (has_policy then reads the claims) should an id hold a comma
      policies: a.policies.some((p) => p.includes(',')) ? '' : `,${a.policies.map((p) => `${p},`).join('')}${a.app ? 'app,' : ''}`,
    };
    claimsCache.set(a.policies, claims);
  }
  return claims;
}

/** CONTEXT's parameters for a request's accountability. */
export function contextParams(a: Accountability): [string, string, string] {
  return [contextJson(a), a.admin ? ADMIN_ROLE : REQUEST_ROLE, claimsOf(a).policies];
}

/** The accountability claims PostgreSQL sees, as one JSON setting (read by strata.accountability()). */
export function contextJson(a: Accountability): string {
  return `${claimsOf(a).json},"ip":${JSON.stringify(a.ip)},"user_agent":${JSON.stringify(a.userAgent)},"origin":${JSON.stringify(a.origin)}}`;
}

const pool = (url: string, max: number, name: string, settings: Record<string, string> = {}) => {
  // the same TLS rules as the request pools (libpq's sslmode); postgres.js would otherwise send
  // sslrootcert/sslcert/sslkey to the server as settings
  const { url: plain, ssl } = postgresJsTls(url, parseUrl(url));
  return postgres(plain, {
    ssl,
    max,
    prepare: true,
    onnotice: () => {},
    connection: { application_name: name, ...settings },
    // json and jsonb stay text: row data is never parsed in Node
    types: {},
  });
};

export interface ConnectOptions {
  /** plan_cache_mode of the request pools (see Config.planCacheMode) */
  planCacheMode?: string;
  /** statement_timeout of the request pools, in ms (0: none) */
  statementTimeoutMs?: number;
  /** how requests take on their role (requestRoles()); by default SET ROLE on the connecting role's session */
  roles?: RequestRoles;
}

/** The logins of the request roles, or null where requests switch roles with SET ROLE. */
export type RequestRoles = { request: string; admin: string } | null;

/**
 * The passwords the gateway logs in as strata_request and strata_admin with (kept by the
 * installer in strata.role_credentials), or null when this database has none: the roles could
 * not be set up, or another Strata database of the cluster owns them (README "Security").
 */
export async function requestRoles(url: string): Promise<RequestRoles> {
  const sql = pool(url, 1, 'strata-setup');
  try {
    const rows = await sql<{ role: string; password: string }[]>`select role, password from strata.role_credentials`
      .catch((err) => {
        // a database installed before the request roles could log in: SET ROLE mode
        if ((err as { code?: string }).code === '42P01') return [];
        throw err;
      });
    const request = rows.find((r) => r.role === REQUEST_ROLE)?.password;
    const admin = rows.find((r) => r.role === ADMIN_ROLE)?.password;
    return request && admin ? { request, admin } : null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** deadlock_detected, serialization_failure: the transaction was undone and may simply run again */
const RETRIED = new Set(['40P01', '40001']);
/** runs of a flight PostgreSQL undid for one of those (see connect's mapErrors) */
const FLIGHT_ATTEMPTS = 3;

export function connect(url: string, max: number, opts: ConnectOptions = {}): Db {
  const params = {
    application_name: 'strata',
    plan_cache_mode: opts.planCacheMode ?? 'force_generic_plan',
    statement_timeout: String(opts.statementTimeoutMs ?? 0),
  };
  // one pool per role when the roles can log in (nothing can switch back from them); else both
  // kinds of request share the connecting role's pool and switch with SET ROLE
  const roles = opts.roles ?? null;
  const target = parseUrl(url, params);
  const requests = new WirePool(roles ? { ...target, user: REQUEST_ROLE, password: roles.request } : target, max);
  // (each pool opens connections on demand, up to DB_POOL__MAX: an admin-only or user-only load
  // gets the whole pool size)
  const admins = roles ? new WirePool({ ...target, user: ADMIN_ROLE, password: roles.admin }, max) : requests;
  const sql = pool(url, Math.min(max, 3), 'strata-internal');

  /**
   * Runs a flight (one transaction) with PostgreSQL's errors as Directus's. A flight PostgreSQL
   * undid as a deadlock or a serialization failure (e.g. a read meeting the policy DDL of a
   * permission change) changed nothing, so it runs again, up to `attempts` times in all.
   */
  const mapErrors = async <T>(run: () => Promise<T>, opts: RequestOptions = {}, attempts = FLIGHT_ATTEMPTS): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await run();
      } catch (err) {
        if (attempt < attempts && isPgError(err) && RETRIED.has(err.code!)) continue;
        throw fromPgError(err, opts.valueErrors) ?? err;
      }
    }
  };

  const query = <T extends Row>(text: string, params: unknown[] = []) =>
    mapErrors(() => sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }) as unknown as Promise<T[]>);

  // every request statement runs after its caller's context, on its role's pool (admins may have
  // a login of their own)
  const contextOf = (a: Accountability) => ({ text: CONTEXT, params: contextParams(a) });
  const poolOf = (a: Accountability) => (a.admin ? admins : requests);

  const requestBytes: Db['requestBytes'] = (accountability, text, params, opts) =>
    mapErrors(() => poolOf(accountability).run([contextOf(accountability), { text, params }], 1, opts?.signal ?? accountability.signal), opts);

  const requestMany: Db['requestMany'] = async (accountability, statements, opts) => {
    const values = await mapErrors(() => poolOf(accountability).runAll([contextOf(accountability), ...statements], opts?.signal ?? accountability.signal), opts);
    return values.slice(1); // the context statement's own value is not the caller's
  };

  const requestEach: Db['requestEach'] = async (items, opts) => {
    const out: (Buffer | null)[] = new Array(items.length).fill(null);
    const flights = new Map<WirePool, number[]>(); // one flight per pool
    items.forEach((item, i) => {
      const wire = poolOf(item.accountability);
      (flights.get(wire) ?? flights.set(wire, []).get(wire)!).push(i);
    });
    await Promise.all([...flights].map(async ([wire, indexes]) => {
      const statements = indexes.flatMap((i) => [contextOf(items[i].accountability), { text: items[i].text, params: items[i].params }]);
      const values = await mapErrors(() => wire.runAll(statements, opts?.signal), opts);
      indexes.forEach((i, k) => (out[i] = values[2 * k + 1]));
    }));
    return out;
  };

  const requestTransaction: Db['requestTransaction'] = (accountability, fn) => {
    const signal = accountability.signal;
    return poolOf(accountability).hold(signal, async (conn) => {
      // (each flight is part of the transaction: none runs again on its own)
      const run = (statements: Statement[], sig?: AbortSignal) => mapErrors(() => conn.run(statements, statements.length - 1, sig), {}, 1);
      try {
        await run([{ text: 'begin', params: [] }, contextOf(accountability)], signal);
        const out = await fn(async (text, params) => (await run([{ text, params }], signal))?.toString() ?? null);
        await run([{ text: 'commit', params: [] }]);
        return out;
      } catch (err) {
        // never back in the pool inside a transaction: a connection that can't roll back is dropped
        await conn.run([{ text: 'rollback', params: [] }], 0).catch(() => conn.destroy());
        throw err;
      }
    });
  };

  return {
    queryAsOwner: query,
    requestTransaction,
    request: async (accountability, text, params, opts) => (await requestBytes(accountability, text, params, opts))?.toString() ?? null,
    requestBytes,
    requestMany,
    requestEach,
    // (not run again: `fn` may do more than its statements)
    transaction: (fn) =>
      mapErrors(() => sql.begin((tx) => fn((text, params = []) => tx.unsafe(text, params as postgres.ParameterOrJSON<never>[]) as never)) as Promise<never>, {}, 1),
    poolStats: () => {
      const stats: Record<string, PoolStats> = { request: requests.stats() };
      if (admins !== requests) stats.admin = admins.stats();
      return stats;
    },
    close: async () => {
      await Promise.all([requests.end(5), admins === requests ? undefined : admins.end(5), sql.end({ timeout: 5 })]);
    },
  };
}
