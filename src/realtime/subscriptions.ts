// Permission-exact, multiplexed delivery of change events to subscriptions. The hub listens to
// the gateway's EventStream while it has subscriptions; for each event it groups the
// subscriptions on that collection by (access, query shape, item) and re-reads the changed keys
// ONCE per group through the Reader, as that access: the same compiled statement, RLS and field
// permissions as a GET, so a subscriber receives exactly the rows (and fields) it could read.
// No row readable: no message. Deletes carry keys only (the rows are gone), as in Directus.
// Events are handled one at a time in commit order, so each subscriber sees them in that order.
import type { Accountability } from '../types.js';
import type { Query } from '../request/query.js';
import type { Reader } from '../engine/reader.js';
import type { EventStream, ChangeEvent } from '../engine/events.js';
import type { Logger } from '../log.js';
import { subscriptionFrame } from './messages.js';

export type EventName = 'create' | 'update' | 'delete';

export interface Subscription {
  collection: string;
  query: Query;
  /** the one item watched (`item`): data is then an object, or the key on delete */
  item?: unknown;
  /** only this action (`event`) */
  event?: EventName;
  /** echoed as a string, as Directus does */
  uid?: string;
  /** the subscriber's current access (null: not authenticated: nothing is delivered) */
  access(): Accountability | null;
  /** Directus's frames (the realtime protocol) */
  send?(text: string): void;
  /** frames held back until the `init` answer is sent */
  pending?: string[];
  /**
   * A front end that writes its own messages (GraphQL's `next`) takes each change here instead
   * of Directus's frame: `data` is the rows re-read for it (the row, with `item`), or the deleted keys.
   */
  deliver?(event: EventName, data: unknown): void;
}

export class SubscriptionHub {
  private byCollection = new Map<string, Set<Subscription>>();
  private size = 0;
  private off: (() => void) | undefined;
  private chain: Promise<void> = Promise.resolve();

  constructor(private events: EventStream, private reader: Reader, private log: Logger) {}

  /**
   * Adds a subscription; resolves once every event committed from now on will reach it (frames
   * are held in `pending` until the caller has sent `init`, see release).
   */
  async add(sub: Subscription): Promise<void> {
    sub.pending = [];
    let set = this.byCollection.get(sub.collection);
    if (!set) this.byCollection.set(sub.collection, (set = new Set()));
    set.add(sub);
    this.size++;
    this.off ??= this.events.subscribe((batch) => this.enqueue(() => this.deliver(batch)));
    await this.events.positioned();
  }

  /** Runs `job` in order with deliveries (e.g. an access change between two events). */
  enqueue(job: () => Promise<void>): void {
    this.chain = this.chain.then(job).catch((err) => this.log.error('realtime delivery', { err: String(err) }));
  }

  /** Sends what arrived while `init` was being read, then delivers directly. */
  release(sub: Subscription): void {
    const held = sub.pending ?? [];
    sub.pending = undefined;
    for (const text of held) sub.send?.(text);
  }

  remove(sub: Subscription): void {
    const set = this.byCollection.get(sub.collection);
    if (!set?.delete(sub)) return;
    this.size--;
    if (set.size === 0) this.byCollection.delete(sub.collection);
    // nobody listens: the stream stops reading (a write then costs only its outbox row)
    if (this.size === 0 && this.off) {
      this.off();
      this.off = undefined;
    }
  }

  private async deliver(batch: ChangeEvent[]): Promise<void> {
    for (const event of batch) {
      const subs = this.byCollection.get(event.collection);
      if (!subs) continue;
      const groups = new Map<string, { access: Accountability; subs: Subscription[] }>();
      for (const sub of subs) {
        if (sub.event && sub.event !== event.action) continue;
        if (sub.item !== undefined && !event.keys.some((k) => String(k) === String(sub.item))) continue;
        const access = sub.access();
        if (!access) continue;
        if (event.action === 'delete') {
          this.emit(sub, 'delete', sub.item !== undefined ? sub.item : event.keys);
          continue;
        }
        const key = `${accessKey(access)}\u0000${sub.item === undefined ? '' : String(sub.item)}\u0000${queryKey(sub.query)}`;
        let group = groups.get(key);
        if (!group) groups.set(key, (group = { access, subs: [] }));
        group.subs.push(sub);
      }
      await Promise.all([...groups.values()].map((g) => this.readFor(event, g.access, g.subs)));
    }
  }

  /** One read of the event's rows for a group sharing access, query and item. */
  private async readFor(event: ChangeEvent, access: Accountability, subs: Subscription[]): Promise<void> {
    const first = subs[0];
    // the subscription's fields, filter and deep apply; its window (limit, offset) does not: every changed row it matches is news
    const { limit: _l, offset: _o, meta: _m, ...query } = first.query;
    const keys = first.item !== undefined ? [first.item] : event.keys;
    let rows: unknown[];
    try {
      const bytes = await this.reader.readValue(access, event.collection, { ...query, keys, limit: -1 }, 'list', {});
      rows = bytes ? (JSON.parse(bytes.toString()) as unknown[]) : [];
    } catch (err) {
      // e.g. the subscriber lost access to the collection, or a field of its query is gone
      this.log.debug('realtime re-read failed', { collection: event.collection, err: String(err) });
      return;
    }
    if (!Array.isArray(rows) || rows.length === 0) return;
    const data = first.item !== undefined ? rows[0] : rows;
    // the group's data is serialized once, not once per subscriber
    const dataJson = JSON.stringify(data);
    for (const sub of subs) this.emit(sub, event.action, data, dataJson);
  }

  /** One change to one subscriber, as its front end writes it (`dataJson`: `data` already serialized). */
  private emit(sub: Subscription, event: EventName, data: unknown, dataJson?: string): void {
    if (sub.deliver) sub.deliver(event, data);
    else this.send(sub, subscriptionFrame(event, dataJson ?? JSON.stringify(data), sub.uid));
  }

  private send(sub: Subscription, text: string): void {
    if (sub.pending) sub.pending.push(text);
    else sub.send?.(text);
  }
}

// Grouping runs for every subscription on every event: the keys are computed once per access
// and per query object (both are replaced, never mutated, when they change)
const accessKeys = new WeakMap<Accountability, string>();
const queryKeys = new WeakMap<Query, string>();

/** Subscribers sharing this key see the same rows: admin, or the same user, role and policies ($CURRENT_USER in filters). */
function accessKey(a: Accountability): string {
  let key = accessKeys.get(a);
  if (key === undefined) {
    key = a.admin ? `*${a.user ?? ''}` : `${a.user ?? ''}\u0000${a.role ?? ''}\u0000${[...a.policies].sort().join(',')}`;
    accessKeys.set(a, key);
  }
  return key;
}

function queryKey(q: Query): string {
  let key = queryKeys.get(q);
  if (key === undefined) queryKeys.set(q, (key = JSON.stringify(q)));
  return key;
}
