// The gateway's reader of the change-event outbox (strata.events, written in the writing
// transaction by the audit triggers: sql/fixtures/strata/events/). The table is the truth and
// NOTIFY strata_events only a wake-up: the stream reads every row above the last id it
// delivered, in id order, whenever it is woken (a notification, the listener reconnecting after
// notifications may have been lost, a slow safety poll), and hands each batch to its
// subscribers. Each event is delivered once, in id order.
//
// Ids come from a sequence when the trigger runs, not at commit, so a row with a higher id can
// become visible before one with a lower id whose transaction is still running. Delivering it
// and moving on would lose the lower one for good. So the stream delivers only a gap-free run of
// ids. At a gap it takes a transaction id R assigned after the reading statement's snapshot:
// the transaction holding a missing id had its id before (it wrote its row before it drew the
// event id, drawn before the visible higher one), so once a later snapshot's xmin reaches R
// every such transaction has ended, and ids still missing then belonged to aborted ones and are
// skipped. (The snapshot's own xmax is no such bound: it is the latest *completed* id + 1, and
// running transactions can have higher ids; relying on it lost events under concurrent
// writes.) Until then it retries on a short timer, so an aborted write never stalls delivery
// for longer than that.
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import { StartWindow } from '../util/start-window.js';
import { lastEventId, nextTransactionId, pruneEvents, readEventsAfter, type EventRow } from './event-store.js';

export interface ChangeEvent {
  id: number;
  collection: string;
  action: 'create' | 'update' | 'delete';
  /** the primary keys the statement touched */
  keys: unknown[];
  /** the writing statement's accountability (user, role, ip, ...); null for plain SQL */
  accountability: Record<string, unknown> | null;
  /** the writing transaction's id (xid8, as text) */
  txid: string;
  createdAt: Date;
}

export type EventSubscriber = (events: ChangeEvent[]) => void;

export interface EventStreamOptions {
  /** rows read per statement */
  batchSize?: number;
  /** retry delay while a gap (a running or aborted transaction's id) holds delivery back */
  gapRetryMs?: number;
  /** safety poll, in case a wake-up was lost without a reconnect (0: none) */
  pollMs?: number;
  /** STRATA_EVENTS_RETENTION: events older than this are pruned (0: never) */
  retentionMs?: number;
  /**
   * STRATA_EVENTS_BATCH_WINDOW: a read starts at least this long after the previous one started,
   * so a steady stream of writes is read in batches (every subscriber group's re-read then covers
   * many events in one statement) instead of one read per commit (0: read on every wake-up)
   */
  batchWindowMs?: number;
  log?: Logger;
}

export class EventStream {
  private last = 0;
  private started = false;
  private closed = false;
  private reading: Promise<void> | undefined;
  private again = false;
  /** wake-ups were skipped for want of subscribers (see subscribe) */
  private idle = false;
  private resuming: Promise<void> | undefined;
  /**
   * a gap: ids up to maxId still missing once a snapshot's xmin reaches `horizon` (a transaction
   * id assigned after the read that saw the gap) are never coming
   */
  private gap: { horizon?: bigint; maxId: number } | undefined;
  private gapTimer: NodeJS.Timeout | undefined;
  private window: StartWindow;
  /** the next read starts at once, whatever the window (see catchUp) */
  private urgent = false;
  /** callers of catchUp, resolved when the next read that starts has handed its batch on */
  private catchingUp: (() => void)[] = [];
  private timers: NodeJS.Timeout[] = [];
  private subscribers = new Set<EventSubscriber>();
  private readonly batchSize: number;
  private readonly gapRetryMs: number;
  /** events read from strata.events, and handed to subscribers, since start (for /metrics) */
  readonly stats = { read: 0, delivered: 0 };

  constructor(private db: Db, private opts: EventStreamOptions = {}) {
    this.batchSize = opts.batchSize ?? 1000;
    this.gapRetryMs = opts.gapRetryMs ?? 100;
    this.window = new StartWindow(opts.batchWindowMs ?? 0);
  }

  /** Starts from the current last event: a gateway delivers what is committed after it started. */
  async start(): Promise<void> {
    try {
      this.last = await lastEventId(this.db);
    } catch (err) {
      // a database whose migrations predate the outbox (a production start before the migration
      // that adds it is committed): the API works, there are just no events to deliver
      if ((err as { code?: string }).code !== '42P01') throw err;
      this.opts.log?.warn('no strata.events table: change events are off until the migration that adds it is applied');
      return;
    }
    this.started = true;
    const { pollMs = 30_000, retentionMs = 0 } = this.opts;
    if (pollMs > 0) this.timers.push(setInterval(() => this.wake(), pollMs).unref());
    if (retentionMs > 0) {
      // pruning more often than a tenth of the retention (or hourly) buys nothing
      const every = Math.min(Math.max(retentionMs / 10, 1000), 3_600_000);
      this.timers.push(setInterval(() => void this.prune(), every).unref());
    }
    this.wake();
  }

  /**
   * Adds a subscriber of event batches; returns its unsubscribe. A stream nobody listens to reads
   * nothing (a write then costs the outbox row and the NOTIFY, not a read per wake-up); the
   * first subscriber after such a pause starts from the events committed after it subscribed.
   */
  subscribe(fn: EventSubscriber): () => void {
    this.subscribers.add(fn);
    if (this.idle) {
      this.idle = false;
      this.resuming = lastEventId(this.db).then((id) => {
        this.last = Math.max(this.last, id);
      }, (err) => this.opts.log?.error('event stream', { err: (err as Error).message })).finally(() => {
        this.resuming = undefined;
        this.wake();
      });
    }
    return () => this.subscribers.delete(fn);
  }

  /**
   * Resolves once the stream knows where a subscriber added now starts: events committed after
   * this resolves reach it. A caller that acknowledges a subscription (the realtime protocol's
   * "subscribed") awaits this first.
   */
  positioned(): Promise<void> {
    return this.resuming ?? Promise.resolve();
  }

  /**
   * Reads what is committed now, without waiting for the batch window, and resolves once that
   * read has handed its batch on: events up to `lastId` then are what was committed before the
   * call (a new subscription's `init` shows them; see SubscriptionHub.add).
   */
  catchUp(): Promise<void> {
    if (!this.started || this.closed || this.subscribers.size === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.catchingUp.push(resolve);
      this.urgent = true;
      this.wake();
    });
  }

  /** The last event id delivered (or known never to come). */
  get lastId(): number {
    return this.last;
  }

  /**
   * New events may be committed: read them (coalesced: one read at a time, one more after it, and
   * no sooner than the batch window after the last one started).
   */
  wake(): void {
    if (!this.started || this.closed || this.resuming) return;
    if (this.subscribers.size === 0) {
      this.idle = true;
      return;
    }
    if (this.reading) {
      this.again = true;
      return;
    }
    if (!this.urgent && !this.window.admit(() => this.wake())) return;
    this.urgent = false;
    const caughtUp = this.catchingUp.splice(0);
    this.reading = this.drain().finally(() => {
      this.reading = undefined;
      for (const resolve of caughtUp) resolve();
      if (this.again) {
        this.again = false;
        this.wake();
      }
    });
  }

  /** Deletes events older than the retention; returns how many. */
  async prune(): Promise<number> {
    if (!this.opts.retentionMs) return 0;
    try {
      return await pruneEvents(this.db, this.opts.retentionMs);
    } catch (err) {
      this.opts.log?.error('event prune failed', { err: (err as Error).message });
      return 0;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearInterval(t);
    clearTimeout(this.gapTimer);
    this.window.clear();
    await this.reading;
    for (const resolve of this.catchingUp.splice(0)) resolve();
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const rows = await readEventsAfter(this.db, this.last, this.batchSize);
        if (this.closed || rows.length === 0) return;
        const { batch, blocked } = this.deliverable(rows);
        this.stats.read += batch.length;
        if (batch.length > 0) {
          this.last = batch[batch.length - 1].id;
          if (this.gap && this.last >= this.gap.maxId) this.gap = undefined; // filled by commits meanwhile
          this.publish(batch);
        }
        if (blocked) {
          if (this.gap && this.gap.horizon === undefined) this.gap.horizon = await nextTransactionId(this.db);
          clearTimeout(this.gapTimer);
          this.gapTimer = setTimeout(() => this.wake(), this.gapRetryMs).unref();
          return;
        }
        if (rows.length < this.batchSize) return;
      }
    } catch (err) {
      // read again from the same id soon: the notification that woke this read is spent, and the
      // listener may not reconnect (only a pool connection was lost), so don't wait for the poll
      if (this.closed) return;
      this.opts.log?.error('event read failed', { err: (err as Error).message });
      clearTimeout(this.gapTimer);
      this.gapTimer = setTimeout(() => this.wake(), this.gapRetryMs * 5).unref();
    }
  }

  /** The gap-free run of rows from the last delivered id (see the file comment). */
  private deliverable(rows: EventRow[]): { batch: ChangeEvent[]; blocked: boolean } {
    const { snap_xmin } = rows[0];
    // every transaction that held a missing id at the gap's read has ended: those ids never come
    let skipUpTo = this.last;
    if (this.gap?.horizon !== undefined && BigInt(snap_xmin) >= this.gap.horizon) {
      skipUpTo = this.gap.maxId;
      this.gap = undefined;
    }
    const batch: ChangeEvent[] = [];
    let next = this.last + 1;
    for (const r of rows) {
      const id = Number(r.id);
      if (id !== next && id > skipUpTo + 1) {
        // ids next..id-1 are held by transactions running at this snapshot (or aborted)
        this.gap ??= { maxId: Number(rows[rows.length - 1].id) };
        return { batch, blocked: true };
      }
      batch.push({
        id, collection: r.collection, action: r.action, keys: JSON.parse(r.keys) as unknown[],
        accountability: r.accountability === null ? null : JSON.parse(r.accountability) as Record<string, unknown>,
        txid: r.txid, createdAt: r.created_at,
      });
      next = id + 1;
    }
    return { batch, blocked: false };
  }

  private publish(batch: ChangeEvent[]): void {
    if (this.subscribers.size > 0) this.stats.delivered += batch.length;
    for (const fn of this.subscribers) {
      try {
        fn(batch);
      } catch (err) {
        this.opts.log?.error('event subscriber failed', { err: (err as Error).message });
      }
    }
  }
}
