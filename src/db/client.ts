// The database edge. The only module family that talks to PostgreSQL.
//
// A request is TWO prepared statements sent in one write on one connection of the request pool
// (Strata's own protocol client, ./wire): [set accountability + role, the statement] and one
// Sync, so they are one implicit transaction and one round trip. The settings are session-level
// and simply overwritten by the next request on that connection, which always sets its own
// first. Non-admin requests run as role strata_request, so row-level security applies to every
// table read or written; admins reset to the connecting (owner) role, which bypasses it.
// Internal queries (auth lookups, bootstrap, transactions) use a separate small postgres.js pool
// that never carries a request's role or settings.
import postgres from 'postgres';
import type { Accountability } from '../auth/accountability.js';
import { fromPgError } from './errors.js';
import { WirePool } from './wire/pool.js';
import { parseUrl } from './wire/url.js';

export type Row = Record<string, unknown>;

/** The statement that gives a request's connection its accountability and role. */
export const CONTEXT = "select set_config('strata.accountability', $1, false), set_config('role', $2, false)";

/** The PostgreSQL role non-admin requests run as (sql/fixtures/strata/access/request_role.sql). */
const REQUEST_ROLE = 'strata_request';

export interface RequestOptions {
  /** how a value PostgreSQL can't cast is reported: a bad filter value in a read is INVALID_QUERY */
  valueErrors?: 'INVALID_QUERY' | 'INVALID_PAYLOAD';
}

export interface Db {
  /** Internal query without request context (bootstrap, auth lookups). */
  query<T extends Row = Row>(text: string, params?: unknown[]): Promise<T[]>;
  /**
   * Runs `text` as a prepared statement after setting the request's accountability, and
   * returns the first column of the first row (the response body for reads), or null.
   */
  request(accountability: Accountability, text: string, params: unknown[], opts?: RequestOptions): Promise<string | null>;
  /** request() returning the bytes PostgreSQL sent, undecoded (response bodies go to the socket as they are) */
  requestBytes(accountability: Accountability, text: string, params: unknown[], opts?: RequestOptions): Promise<Buffer | null>;
  /** Several internal statements in one transaction. */
  transaction<T>(fn: (query: Db['query']) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

// The claims part of the context is the same for every request of a user: it is serialized once
// per resolved access (keyed by its policies array, which the authenticator's cache shares).
const claimsJson = new WeakMap<string[], string>();

/** The accountability claims PostgreSQL sees, as one JSON setting (read by strata.accountability()). */
export function contextJson(a: Accountability): string {
  let claims = claimsJson.get(a.policies);
  if (claims === undefined) {
    claims = JSON.stringify({ user: a.user, role: a.role, roles: a.roles, policies: a.policies, admin: a.admin, app: a.app }).slice(0, -1);
    claimsJson.set(a.policies, claims);
  }
  return `${claims},"ip":${JSON.stringify(a.ip)},"user_agent":${JSON.stringify(a.userAgent)},"origin":${JSON.stringify(a.origin)}}`;
}

const pool = (url: string, max: number, name: string, settings: Record<string, string> = {}) => postgres(url, {
  max,
  prepare: true,
  onnotice: () => {},
  connection: { application_name: name, ...settings },
  // json and jsonb stay text: row data is never parsed in Node
  types: {},
});

export interface ConnectOptions {
  /** plan_cache_mode of the request pool (see Config.planCacheMode) */
  planCacheMode?: string;
}

export function connect(url: string, max: number, opts: ConnectOptions = {}): Db {
  const requests = new WirePool(parseUrl(url, { application_name: 'strata', plan_cache_mode: opts.planCacheMode ?? 'force_generic_plan' }), max);
  const sql = pool(url, Math.min(max, 3), 'strata-internal');

  const mapErrors = <T>(p: Promise<T>, opts: RequestOptions = {}): Promise<T> =>
    p.catch((err) => {
      throw fromPgError(err, opts.valueErrors) ?? err;
    });

  const query = <T extends Row>(text: string, params: unknown[] = []) =>
    mapErrors(sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }) as unknown as Promise<T[]>);

  const requestBytes: Db['requestBytes'] = (accountability, text, params, opts) => mapErrors(requests.run([
    { text: CONTEXT, params: [contextJson(accountability), accountability.admin ? 'none' : REQUEST_ROLE] },
    { text, params },
  ], 1), opts);

  return {
    query,
    request: async (accountability, text, params, opts) => (await requestBytes(accountability, text, params, opts))?.toString() ?? null,
    requestBytes,
    transaction: (fn) =>
      mapErrors(sql.begin((tx) => fn((text, params = []) => tx.unsafe(text, params as postgres.ParameterOrJSON<never>[]) as never)) as Promise<never>),
    close: async () => {
      await Promise.all([requests.end(5), sql.end({ timeout: 5 })]);
    },
  };
}
