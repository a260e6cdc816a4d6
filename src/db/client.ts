// The database edge: a postgres.js pool. The only module family that imports `postgres`.
// A request runs as [begin, set accountability + role, one statement, commit], all queued
// before any is awaited so postgres.js pipelines them in ONE network round trip. The settings
// are transaction-local: nothing leaks to the next user of the pooled connection. Non-admin
// requests run as role strata_request, so row-level security applies to every table read or
// written; admins keep the connecting (owner) role, which bypasses it.
import postgres from 'postgres';
import type { Accountability } from '../auth/accountability.js';
import { fromPgError } from './errors.js';

export type Row = Record<string, unknown>;

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
  /** Several internal statements in one transaction. */
  transaction<T>(fn: (query: Db['query']) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The accountability claims PostgreSQL sees, as one JSON setting (read by strata.accountability()). */
export function contextJson(a: Accountability): string {
  return JSON.stringify({
    user: a.user, role: a.role, roles: a.roles, policies: a.policies,
    admin: a.admin, app: a.app, ip: a.ip, user_agent: a.userAgent, origin: a.origin,
  });
}

export function connect(url: string, max: number): Db {
  const sql = postgres(url, {
    max,
    prepare: true,
    onnotice: () => {},
    connection: { application_name: 'strata' },
    // json and jsonb stay text: row data is never parsed in Node
    types: {},
  });

  const mapErrors = <T>(p: Promise<T>, opts: RequestOptions = {}): Promise<T> =>
    p.catch((err) => {
      throw fromPgError(err, opts.valueErrors) ?? err;
    });

  const query = <T extends Row>(text: string, params: unknown[] = []) =>
    mapErrors(sql.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }) as unknown as Promise<T[]>);

  return {
    query,
    async request(accountability, text, params, opts) {
      const conn = await sql.reserve();
      try {
        const settled = await Promise.allSettled([
          conn.unsafe('begin'),
          conn.unsafe("select set_config('strata.accountability', $1, true), set_config('role', $2, true)",
            [contextJson(accountability), accountability.admin ? 'none' : REQUEST_ROLE], { prepare: true }),
          conn.unsafe(text, params as postgres.ParameterOrJSON<never>[], { prepare: true }),
          // after a failed statement this ends the aborted transaction (a rollback)
          conn.unsafe('commit'),
        ]);
        const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
        if (failed) await mapErrors(Promise.reject(failed.reason), opts);
        const rows = (settled[2] as PromiseFulfilledResult<Row[]>).value;
        const first = rows[0];
        if (!first) return null;
        for (const k in first) return first[k] as string | null;
        return null;
      } finally {
        conn.release();
      }
    },
    transaction: (fn) =>
      mapErrors(sql.begin((tx) => fn((text, params = []) => tx.unsafe(text, params as postgres.ParameterOrJSON<never>[]) as never)) as Promise<never>),
    close: () => sql.end({ timeout: 5 }),
  };
}
