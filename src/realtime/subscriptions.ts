// Permission-exact, multiplexed delivery of change events to subscriptions. The hub listens to
// the gateway's EventStream while it has subscriptions; for each batch of events it groups the
// subscriptions by (collection, access, query shape, item) and re-reads the changed keys of ALL
// the batch's events ONCE per group through the Reader, as that access: the same compiled
// statement, RLS and field permissions as a GET, so a subscriber receives exactly the rows (and
// fields) it could read. The rows are then split by event: one message per event, in commit
// order, as Directus sends them. No row readable: no message. Deletes carry keys only (the rows
// are gone), as in Directus.
import type { Accountability } from '../types.js';
import type { Query } from '../request/query.js';
import type { Reader } from '../engine/reader.js';
import type { EventStream, ChangeEvent } from '../engine/events.js';
import type { Logger } from '../log.js';
import { subscriptionFrame } from './messages.js';
import { DirectusError } from '../errors.js';

export type EventName = 'create' | 'update' | 'delete';

export interface Subscription {
  collection: string;
  query: Query;
  /** the one item watched (`item`): data is then an object, or the key on delete */
  item?: unknown;
  /** only this action (`event`) */
  event?: EventName;
  /** how the changed rows are re-read (default 'value'; GraphQL's: keys as strings) */
  output?: 'value' | 'graphql';
  /** echoed as a string, as Directus does */
  uid?: string;
  /** the subscriber's current access (null: not authenticated: nothing is delivered) */
  access(): Accountability | null;
  /** Directus's frames (the realtime protocol) */
  send?(text: string): void;
  /** runs `fn` with its sends written together (the socket's cork) */
  cork?(fn: () => void): void;
  /** frames held back until the `init` answer is sent */
  pending?: string[];
  /** events up to this id were committed before the subscription: its `init` shows them (see add) */
  after?: number;
  /**
   * A front end that writes its own messages (GraphQL's `next`) takes each change here instead
   * of Directus's frame: `data` is the rows re-read for it (the row, with `item`), or the deleted keys.
   */
  deliver?(event: EventName, data: unknown): void;
}

/** subscriptions that see the same rows: one access, query and item */
interface Group {
  collection: string;
  access: Accountability;
  query: Query;
  item: unknown;
  output: 'value' | 'graphql';
  /** the keys of the batch's events this group hears of (text -> as the event has it) */
  keys: Map<string, unknown>;
  /** what its read returned, in the read's order (undefined: the read failed) */
  rows?: { key: string; row: unknown }[];
  /** its subscriptions, by the action they hear of (`event`) */
  subs: Record<EventName, Subscription[]>;
}

/** one event of a batch: the subscribers of its delete, or per group the subscribers of its rows */
interface Step {
  event: ChangeEvent;
  deletes: Subscription[];
  members: Map<Group, Subscription[]>;
}

const ACTIONS: EventName[] = ['create', 'update', 'delete'];

/** the name the primary key is read under (an alias no subscription's own fields can clash with) */
const ROW_KEY = '__strata_key';

export class SubscriptionHub {
  private byCollection = new Map<string, Set<Subscription>>();
  private size = 0;
  private off: (() => void) | undefined;
  private chain: Promise<void> = Promise.resolve();
  /** the events of a delivery queued but not started yet: later batches join it (see accept) */
  private open: ChangeEvent[] | undefined;
  /** change messages handed to subscribers since start (a frame, or a GraphQL `next`), for /metrics */
  private messages = 0;
  /** each collection's last grouping (see groupsOf); dropped when one of its subscriptions comes or goes, and by every job */
  private grouping = new Map<string, { members: [Subscription, Accountability | null][]; groups: Map<string, Group> }>();

  constructor(private events: EventStream, private reader: Reader, private log: Logger,
    private primaryKey: (collection: string) => Promise<string | null>) {}

  /**
   * Adds a subscription; resolves once every event committed from now on will reach it (frames
   * are held in `pending` until the caller has sent `init`, see release).
   */
  async add(sub: Subscription): Promise<void> {
    sub.pending = [];
    // nothing reaches it until it knows where it starts
    sub.after = Infinity;
    this.grouping.delete(sub.collection);
    let set = this.byCollection.get(sub.collection);
    if (!set) this.byCollection.set(sub.collection, (set = new Set()));
    set.add(sub);
    this.size++;
    this.off ??= this.events.subscribe((batch) => this.accept(batch));
    const compiled = this.compileReRead(sub);
    await this.events.positioned();
    // what was committed before now, but not read yet (the stream's batch window), is read now:
    // the subscription starts after it, as its `init` will show it
    await this.events.catchUp();
    sub.after = this.events.lastId;
    await compiled;
  }

  /**
   * Compiles the statement that will re-read the subscription's changed rows, before its first
   * event: compiling takes PostgreSQL tens of ms for each query shape and policy set, which
   * the first events after a subscription otherwise waited for (in the fan-out bench, every
   * latency over 100 ms came from the first 0.3 s). A failure is left for the event's read to
   * meet and report.
   */
  private async compileReRead(sub: Subscription): Promise<void> {
    const access = sub.access();
    if (!access) return;
    try {
      const pk = await this.primaryKey(sub.collection);
      if (pk) await this.reader.sqlFor(access, sub.collection, reReadQuery(sub.query, pk, []), 'list', sub.output ?? 'value');
    } catch (err) {
      this.log.debug('realtime: compiling the re-read ahead failed', { collection: sub.collection, err: String(err) });
    }
  }

  /** subscriptions held now, and change messages sent since start (for /metrics) */
  get stats(): { subscriptions: number; messages: number } {
    return { subscriptions: this.size, messages: this.messages };
  }

  /** Runs `job` in order with deliveries (e.g. an access change between two events). */
  enqueue(job: () => Promise<void>): void {
    this.schedule(async () => {
      try {
        await job();
      } finally {
        this.grouping.clear(); // what the job changed regroups the next delivery
      }
    });
  }

  private schedule(job: () => Promise<void>): void {
    this.open = undefined; // events arriving after this job are delivered after it
    this.chain = this.chain.then(job).catch((err) => this.log.error('realtime delivery', { err: String(err) }));
  }

  /**
   * A batch from the stream: it joins the delivery still waiting its turn, if any, so while one
   * delivery's reads run the next batches pile into one (a read per group for all of them, not
   * per batch). Idle, a batch is delivered at once; busy, the batches grow with the load.
   */
  private accept(batch: ChangeEvent[]): void {
    if (this.open) {
      this.open.push(...batch);
      return;
    }
    const events = [...batch];
    this.schedule(() => {
      if (this.open === events) this.open = undefined;
      return this.deliver(events);
    });
    this.open = events;
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
    this.grouping.delete(sub.collection);
    this.size--;
    if (set.size === 0) this.byCollection.delete(sub.collection);
    // nobody listens: the stream stops reading (a write then costs only its outbox row)
    if (this.size === 0 && this.off) {
      this.off();
      this.off = undefined;
    }
  }

  private async deliver(batch: ChangeEvent[]): Promise<void> {
    // 1. who hears of what. Subscriptions are grouped once per batch and collection (access and
    // query cannot change within a delivery: changes are enqueued between deliveries), so each
    // event costs a pass over the groups, not over every subscription
    const grouped = new Map<string, Map<string, Group>>();
    const steps: Step[] = [];
    for (const event of batch) {
      let groups = grouped.get(event.collection);
      if (!groups) grouped.set(event.collection, (groups = this.groupsOf(event.collection)));
      if (groups.size === 0) continue;
      const step: Step = { event, deletes: [], members: new Map() };
      for (const group of groups.values()) {
        if (group.item !== undefined && !event.keys.some((k) => String(k) === String(group.item))) continue;
        const subs = group.subs[event.action];
        if (subs.length === 0) continue;
        if (event.action === 'delete') {
          step.deletes.push(...subs);
          continue;
        }
        step.members.set(group, subs);
        for (const k of group.item !== undefined ? [group.item] : event.keys) group.keys.set(String(k), k);
      }
      steps.push(step);
    }
    // 2. one read per group for all the batch's events: a burst of writes costs a read per group, not per event
    const reading = [...grouped.values()].flatMap((groups) => [...groups.values()].filter((g) => g.keys.size > 0));
    await this.readGroups(reading);
    // 3. in commit order, each event's rows to its subscribers; frames are collected per subscriber
    const frames = new Map<Subscription, string[]>();
    for (const { event, deletes, members } of steps) {
      for (const sub of deletes) {
        if (event.id > (sub.after ?? 0)) this.emit(frames, sub, 'delete', sub.item !== undefined ? sub.item : event.keys);
      }
      for (const [group, subs] of members) {
        if (!group.rows) continue;
        const wanted = new Set((group.item !== undefined ? [group.item] : event.keys).map(String));
        const rows = group.rows.filter((r) => wanted.has(r.key)).map((r) => r.row);
        if (rows.length === 0) continue;
        const data = group.item !== undefined ? rows[0] : rows;
        // the group's data is serialized once per event, and its frame built once per uid, not once per subscriber
        const dataJson = JSON.stringify(data);
        const texts = new Map<string | undefined, string>();
        for (const sub of subs) {
          if (event.id <= (sub.after ?? 0)) continue;
          this.messages++;
          if (sub.deliver) {
            sub.deliver(event.action, data);
            continue;
          }
          let text = texts.get(sub.uid);
          if (text === undefined) texts.set(sub.uid, (text = subscriptionFrame(event.action, dataJson, sub.uid)));
          this.queue(frames, sub, text);
        }
      }
    }
    // 4. each subscriber's frames of the batch in one corked write: at hundreds of events a second
    // the frames, not the reads, are the cost, and uncorked each one is a syscall of its own
    for (const [sub, texts] of frames) {
      const flush = () => {
        for (const text of texts) sub.send?.(text);
      };
      if (sub.cork) sub.cork(flush);
      else flush();
    }
  }

  /**
   * The collection's subscriptions that see the same rows, each group's members by the action
   * they hear of. The grouping is kept between batches while no subscription came or went and
   * every member's access is still the one it was grouped by (a re-auth or an expiry replaces
   * the access object): under load that is a pass over the members, not a regrouping.
   */
  private groupsOf(collection: string): Map<string, Group> {
    const subs = this.byCollection.get(collection);
    const kept = this.grouping.get(collection);
    if (kept && kept.members.every(([sub, access]) => sub.access() === access)) {
      return new Map([...kept.groups].map(([key, g]) => [key, { ...g, keys: new Map(), rows: undefined }]));
    }
    const groups = new Map<string, Group>();
    const members: [Subscription, Accountability | null][] = [];
    for (const sub of subs ?? []) {
      const access = sub.access();
      members.push([sub, access]);
      if (!access) continue;
      const output = sub.output ?? 'value';
      const key = `${accessKey(access)}\u0000${sub.item === undefined ? '' : String(sub.item)}\u0000${output}\u0000${queryKey(sub.query)}`;
      let group = groups.get(key);
      if (!group) {
        groups.set(key, (group = { collection, access, query: sub.query, item: sub.item, output, keys: new Map(),
          subs: { create: [], update: [], delete: [] } }));
      }
      for (const action of ACTIONS) if (!sub.event || sub.event === action) group.subs[action].push(sub);
    }
    this.grouping.set(collection, { members, groups });
    return new Map([...groups].map(([key, g]) => [key, { ...g, keys: new Map() }]));
  }

  /**
   * One read per group of the rows of all its events, as the group's access, keyed for splitting
   * per event; every group's read goes in one round trip (Reader.readValues).
   */
  private async readGroups(groups: Group[]): Promise<void> {
    const reads: { group: Group; query: Query & { keys: unknown[] } }[] = [];
    for (const group of groups) {
      const pk = await this.primaryKey(group.collection).catch((err) => {
        this.log.warn('realtime re-read failed: the group misses these events', { collection: group.collection, err: String(err) });
        return null;
      });
      if (!pk) continue;
      reads.push({ group, query: reReadQuery(group.query, pk, [...group.keys.values()]) });
    }
    const read = (r: (typeof reads)[number]) => ({ accountability: r.group.access, collection: r.group.collection, query: r.query, mode: 'list' as const, output: r.group.output });
    const results = await this.reader.readValues(reads.map(read));
    await Promise.all(reads.map(async (r, i) => {
      let result = results[i];
      // a read that fails for the database's reasons (a connection lost, a statement cancelled
      // under load) is tried again before the group's subscribers miss these events for good;
      // Directus errors (access lost, a field gone) are answers, not accidents
      if ('error' in result && !(result.error instanceof DirectusError)) {
        this.log.warn('realtime re-read failed, trying again', { collection: r.group.collection, err: String(result.error) });
        result = (await this.reader.readValues([read(r)]))[0];
      }
      if ('error' in result) {
        // e.g. the subscriber lost access to the collection, or a field of its query is gone
        const log = result.error instanceof DirectusError ? this.log.debug : this.log.warn;
        log.call(this.log, 'realtime re-read failed: the group misses these events', { collection: r.group.collection, err: String(result.error) });
        return;
      }
      const rows = result.value ? (JSON.parse(result.value.toString()) as Record<string, unknown>[]) : [];
      if (Array.isArray(rows)) r.group.rows = rows.map(({ [ROW_KEY]: key, ...row }) => ({ key: String(key), row }));
    }));
  }

  /**
   * One change to one subscriber, as its front end writes it: Directus's frame goes to `frames`
   * (or is held back until `init`, see release).
   */
  private emit(frames: Map<Subscription, string[]>, sub: Subscription, event: EventName, data: unknown): void {
    this.messages++;
    if (sub.deliver) return sub.deliver(event, data);
    this.queue(frames, sub, subscriptionFrame(event, JSON.stringify(data), sub.uid));
  }

  private queue(frames: Map<Subscription, string[]>, sub: Subscription, text: string): void {
    if (sub.pending) sub.pending.push(text);
    else (frames.get(sub) ?? frames.set(sub, []).get(sub)!).push(text);
  }
}

/**
 * A group's re-read of its changed rows: the subscription's fields, filter and deep apply; its
 * window (limit, offset) does not: every changed row it matches is news. The key is read under
 * a name of its own (the subscription's fields may leave it out).
 */
function reReadQuery(subscribed: Query, pk: string, keys: unknown[]): Query & { keys: unknown[] } {
  const { limit: _l, offset: _o, meta: _m, ...query } = subscribed;
  return { ...query, fields: [...(query.fields ?? ['*']), ROW_KEY], alias: { ...query.alias, [ROW_KEY]: pk }, keys, limit: -1 };
}

// Grouping runs for every subscription on every batch: the keys are computed once per access
// and per query object (both are replaced, never mutated, when they change)
const accessKeys = new WeakMap<Accountability, string>();
const queryKeys = new WeakMap<Query, string>();

/**
 * Subscribers sharing this key see the same rows: admin, or the same user, role and policies ($CURRENT_USER in filters),
 * and the same share (a share token sees only its item: row-level security reads the share from the context).
 */
function accessKey(a: Accountability): string {
  let key = accessKeys.get(a);
  if (key === undefined) {
    key = a.admin ? `*${a.user ?? ''}` : `${a.user ?? ''}\u0000${a.role ?? ''}\u0000${[...a.policies].sort().join(',')}\u0000${a.share ?? ''}`;
    accessKeys.set(a, key);
  }
  return key;
}

function queryKey(q: Query): string {
  let key = queryKeys.get(q);
  if (key === undefined) queryKeys.set(q, (key = JSON.stringify(q)));
  return key;
}
