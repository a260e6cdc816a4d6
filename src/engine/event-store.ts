// Every SQL statement the event stream sends (src/engine/events.ts), as named functions. The
// outbox strata.events is written by the audit triggers (sql/fixtures/strata/events/); the
// gateway only reads and prunes it, as the connecting role (the request roles have no
// privilege on it). Values are parameters; the SQL text is constant.
import type { Db } from '../db/client.js';

export interface EventRow {
  id: string;
  collection: string;
  action: 'create' | 'update' | 'delete';
  /** JSON text (json stays text in this client): the primary keys */
  keys: string;
  /** JSON text, or null for plain SQL */
  accountability: string | null;
  txid: string;
  created_at: Date;
  /** the reading statement's snapshot's xmin (pg_current_snapshot): the oldest transaction still running */
  snap_xmin: string;
}

/**
 * Events with an id above `afterId`, in id order, at most `limit`, each carrying the snapshot
 * of the statement that read them (the stream uses it to tell an id still held by a running
 * transaction from one an aborted transaction left unused).
 */
export const readEventsAfter = (db: Db, afterId: number, limit: number): Promise<EventRow[]> =>
  db.queryAsOwner<EventRow & Record<string, unknown>>(
    `select e.id::text as id, e.collection, e.action, e.keys::text as keys, e.accountability::text as accountability, e.txid::text as txid, e.created_at,
            pg_snapshot_xmin(s.snap)::text as snap_xmin
     from (select pg_current_snapshot() as snap) s, strata.events e
     where e.id > $1 order by e.id limit $2`, [afterId, limit]);

/**
 * A transaction id above every one assigned so far: it assigns one to the (one-statement)
 * transaction that asks. A snapshot's xmax can't serve: it is the latest *completed* id + 1,
 * and transactions with higher ids may be running (PostgreSQL's documentation of pg_snapshot).
 */
export const nextTransactionId = async (db: Db): Promise<bigint> =>
  BigInt((await db.queryAsOwner<{ xid: string }>('select pg_current_xact_id()::text as xid'))[0].xid);

/** The highest event id so far (0 when there is none): where a starting gateway begins. */
export const lastEventId = async (db: Db): Promise<number> =>
  Number((await db.queryAsOwner<{ id: string }>('select coalesce(max(id), 0)::text as id from strata.events'))[0].id);

/** Deletes events older than `olderThanMs`; returns how many. */
export const pruneEvents = async (db: Db, olderThanMs: number): Promise<number> =>
  Number((await db.queryAsOwner<{ n: string }>("select strata.prune_events($1::bigint * interval '1 millisecond')::text as n", [olderThanMs]))[0].n);
