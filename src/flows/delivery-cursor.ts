// The gateway's side of the delivery cursor (sql/fixtures/strata/hooks/delivery_cursor.sql,
// claim_events.sql): the listened item events read past it, not yet started (the backlog) or not
// yet finished, the outcomes not yet recorded, and when to read again. One round is one
// statement (strata.claim_events: record, move on, read), at most one per batch window. The
// Dispatcher runs the items it hands out and reports each one's outcome back.
import { randomUUID } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { FlowsConfig } from '../config.js';
import { claimEvents, releaseCursor, renewCursor, type EventOutcome, type ListenedEvent } from '../engine/flow-store.js';
import { StartWindow } from '../util/start-window.js';

/** events the cursor reads per round (those nobody listens to only move it on) */
const EVENT_BATCH = 500;
/**
 * how soon to look again for event ids missing below the read position (a transaction still
 * running holds them, or an aborted one left them unused): doubled while they stay missing, up
 * to GAP_RETRY_MAX_MS (a late commit wakes the dispatcher with its own notification)
 */
const GAP_RETRY_MS = 50;
const GAP_RETRY_MAX_MS = 2000;

/** An item handed out to run; `holding` tells whether the cursor was lost meanwhile. */
export interface CursorItem {
  event: ListenedEvent;
  item: number;
  holding: number;
}

export class DeliveryCursor {
  /** this gateway's name as the cursor's holder */
  private readonly holder = randomUUID();
  /** the cursor may have events to read */
  private due = true;
  /** the database has no delivery cursor (see round) */
  private missing = false;
  /** another gateway holds the cursor (or a round failed): not read before this time */
  private waitUntil = 0;
  private timer: NodeJS.Timeout | undefined;
  /** the read position while this gateway holds the cursor; null: it starts from the cursor's last_id */
  private after: string | null = null;
  /** items read and not started yet */
  private backlog: { event: ListenedEvent; item: number }[] = [];
  /** items read and not finished, per event id */
  private unfinished = new Map<string, number>();
  /** the next look for missing event ids (see GAP_RETRY_MS) */
  private gapRetryMs = GAP_RETRY_MS;
  /** item outcomes not yet recorded (recorded with the next round) */
  private outcomes: EventOutcome[] = [];
  /** counts the times the cursor was lost: an item read before then is another gateway's now */
  private holding = 0;
  /** spaces the rounds (STRATA_EVENTS_BATCH_WINDOW): under load each one records and reads a batch */
  private window: StartWindow;
  private closed = false;

  /** `wake`: asks the dispatcher for a round (a window ended, a gap or a wait is over) */
  constructor(private db: Db, private log: Logger, private config: FlowsConfig, batchWindowMs: number, private wake: (due: boolean) => void) {
    this.window = new StartWindow(batchWindowMs);
  }

  /** Listened events may have been committed (or it is not known: a timer, a reconnect). */
  markDue(): void {
    this.due = true;
  }

  /** whether a round would read events now: nothing read waits to start, and none is held back */
  get readable(): boolean {
    return this.backlog.length === 0 && this.due && !this.closed && !this.missing && Date.now() >= this.waitUntil;
  }

  /** whether a round has something to do: outcomes to record or events to read */
  get wanted(): boolean {
    return this.readable || this.outcomes.length > 0;
  }

  /** One round now, or false: the batch window holds it back (its end asks for one). */
  async roundInWindow(): Promise<boolean> {
    if (!this.window.admit(() => this.wake(false))) return false;
    await this.round(this.readable);
    return true;
  }

  /** The next item to run, if any was read. */
  next(): CursorItem | undefined {
    const next = this.backlog.shift();
    return next && { ...next, holding: this.holding };
  }

  /** An item's outcome, recorded with the next round (after losing the cursor, dropped: the new holder delivers again). */
  finished(item: CursorItem, outcome: Omit<EventOutcome, 'event' | 'item'>): void {
    if (item.holding !== this.holding) return;
    const id = item.event.id;
    const left = this.unfinished.get(id) ?? 1;
    if (left > 1) this.unfinished.set(id, left - 1);
    else this.unfinished.delete(id);
    this.outcomes.push({ event: id, item: item.item, ...outcome });
  }

  /** Extends the lease while items read through the cursor are running. */
  renew(): void {
    if (this.unfinished.size > 0) void renewCursor(this.db, this.holder, this.config.deliveryLeaseMs).catch(() => {});
  }

  /** Reads no more (a stopping gateway): what runs still finishes, and `release` records it. */
  stop(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.window.clear();
  }

  /** Records what finished here, and lets another gateway take the cursor over at once. */
  async release(): Promise<void> {
    if (this.after === null) return;
    if (this.outcomes.length > 0) await this.round(false);
    await releaseCursor(this.db, this.holder).catch(() => {});
  }

  /** One round of the delivery cursor (strata.claim_events): record, move on, read. */
  private async round(read: boolean): Promise<void> {
    const outcomes = this.outcomes.splice(0).filter((o) => !o.ok || this.config.deliveryLog === 'all');
    // (an event that appeared in a gap has a lower id than others read before it)
    let lowest = Infinity;
    for (const id of this.unfinished.keys()) lowest = Math.min(lowest, Number(id));
    const doneTo = lowest === Infinity ? this.after : String(lowest - 1);
    let claim;
    try {
      claim = await claimEvents(this.db, this.holder, this.after, doneTo, outcomes, read ? EVENT_BATCH : 0, this.config.deliveryLeaseMs);
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (code === '42883' || code === '42P01') {
        // a database whose migrations predate the delivery cursor (a production start before the
        // migration that adds it is committed): item events are not delivered until it is applied
        this.log.warn('no delivery cursor (strata.claim_events): flows and webhooks on item events are off until the migration that adds it is applied');
        this.missing = true;
        return;
      }
      // the failures are recorded with the next round (the cursor stays where it was until then)
      this.outcomes.unshift(...outcomes);
      this.log.error('could not read or record item event deliveries', { recorded: outcomes.length, err: (err as Error).message });
      this.waitFor(1000);
      return;
    }
    if (!claim.held) {
      // another gateway delivers: what was read here and not finished is its to deliver again
      this.after = null;
      this.backlog = [];
      this.unfinished.clear();
      this.holding++;
      this.waitFor(claim.wait);
      return;
    }
    this.after = claim.after;
    for (const event of claim.events) {
      this.unfinished.set(event.id, event.items.length);
      for (let item = 0; item < event.items.length; item++) this.backlog.push({ event, item });
    }
    if (read) this.due = claim.more;
    if (claim.gaps > 0) {
      this.retry(this.gapRetryMs);
      this.gapRetryMs = Math.min(this.gapRetryMs * 2, GAP_RETRY_MAX_MS);
    } else this.gapRetryMs = GAP_RETRY_MS;
  }

  /** Reads the cursor again after `ms`, and not before (another gateway's lease, an error). */
  private waitFor(ms: number): void {
    this.waitUntil = Date.now() + ms;
    this.retry(ms);
  }

  /** A round in `ms` (sooner if woken): missing ids are looked for again. */
  private retry(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.waitUntil = 0;
      this.wake(true);
    }, ms).unref();
  }
}
