// Runs the deliveries of flows and webhooks: action flows and Directus 9 webhooks on item events,
// action flows on the gateway's own events (auth.login, files.upload, server.*: events.ts),
// schedule ticks. Two sources, one concurrency limit (FLOWS_DELIVERY_CONCURRENCY):
//   - item events: a change event that flows or webhooks listen to names them (strata.events),
//     and one gateway at a time, the holder of the delivery cursor, reads those past it in id
//     order, runs each item for its listeners, and records the outcomes while moving the cursor
//     past what finished (one statement a round: strata.claim_events, hooks/delivery_cursor.sql;
//     the gateway's side of it: delivery-cursor.ts).
//     Woken by NOTIFY strata_events (sent by the writing transaction's commit) while flows or
//     webhooks listen to item events;
//   - queued rows (strata.deliveries: the gateway's own events, schedule ticks, retries of
//     item events): claimed with a lease (FOR UPDATE SKIP LOCKED, so gateways share the work and
//     each row runs once while its lease holds), run, and their outcome recorded. Woken by NOTIFY
//     strata_deliveries and by a timer for retries and expired leases.
// A failure (a webhook's non-2xx answer or unreachable receiver, a flow whose last operation
// rejected) is retried with exponential backoff up to FLOWS_DELIVERY_ATTEMPTS, then recorded as
// failed; only the listeners that failed are tried again. Leases (the cursor's, and the rows'
// still running) are renewed; a gateway that dies mid-delivery stops renewing, its lease
// expires and another one delivers again, so delivery is at least once; receivers get an
// Idempotency-Key to recognise repeats.
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { FlowsConfig } from '../config.js';
import type { Accountability } from '../types.js';
import { denyList, headersFrom, readBody, ResponseTooLarge, sendAllowed } from '../util/outgoing.js';
import { nextDue, pruneDeliveries, recordAndClaim, renewLeases, type Delivery, type Outcome } from '../engine/flow-store.js';
import { DeliveryCursor, type CursorItem } from './delivery-cursor.js';
import { itemEvent, type FlowRegistry } from './registry.js';
import type { FlowRunner } from './runner.js';

/** the longest wait between retries */
const MAX_BACKOFF_MS = 3_600_000;

/**
 * what wakes the dispatcher: listened item events, queued rows, either (a timer, a reconnect),
 * or 'again': the cursor's batch window ended
 */
export type Wake = 'events' | 'rows' | 'again' | undefined;

export class Dispatcher {
  /** outcomes of queued rows not yet recorded (drain records them with its next claim, one statement per round) */
  private done: Outcome[] = [];
  private draining: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  /** the next due time must be asked of the database (see armTimer) */
  private askDue = true;
  private pruneTimer: NodeJS.Timeout | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  /** the queued rows this gateway is running: their leases are renewed while they run */
  private running = new Set<string>();
  /** queued rows may be due (a notification or the timer said so, and the last claim was full) */
  private rowsDue = true;
  /** item events, read through the delivery cursor */
  private readonly cursor: DeliveryCursor;
  private runningItems = 0;
  private closed = false;
  private readonly deny;
  /** delivery attempts finished since start, one per listener, by outcome (for /metrics) */
  readonly stats = { delivered: 0, failed: 0 };

  /** deliveries running now */
  get runningCount(): number {
    return this.running.size + this.runningItems;
  }

  constructor(private db: Db, private log: Logger, private config: FlowsConfig, private registry: FlowRegistry, private runner: FlowRunner,
    batchWindowMs = 0) {
    this.deny = denyList(config.ipDenyList, 'FLOWS_IP_DENY_LIST');
    this.cursor = new DeliveryCursor(db, log, config, batchWindowMs, (due) => this.wake(due ? 'events' : 'again'));
    // a long run (a flow that sleeps, a slow receiver) keeps its lease: only a gateway that
    // stopped renewing (it died) lets another one take the delivery over
    this.renewTimer = setInterval(() => {
      if (this.running.size > 0) void renewLeases(db, [...this.running], config.deliveryLeaseMs).catch(() => {});
      this.cursor.renew();
    }, Math.max(config.deliveryLeaseMs / 3, 50)).unref();
    if (config.deliveryRetentionMs > 0) {
      const every = Math.min(Math.max(config.deliveryRetentionMs / 10, 1000), 3_600_000);
      this.pruneTimer = setInterval(() => void pruneDeliveries(db, config.deliveryRetentionMs).catch(() => {}), every).unref();
    }
  }

  /** Deliveries may be due: claim and run them (one drain at a time, one more after it). */
  wake(what?: Wake): void {
    if (this.closed) return;
    if (what !== 'rows' && what !== 'again') this.cursor.markDue();
    if (what !== 'events' && what !== 'again') this.rowsDue = true;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().catch((err) => this.log.error('flow deliveries', { err: (err as Error).message })).finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.wake('again'); // (the wake-ups meanwhile set what they found due)
      } else void this.armTimer();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.cursor.stop();
    clearInterval(this.pruneTimer);
    clearInterval(this.renewTimer);
    await this.draining;
    await this.cursor.release();
  }

  private async drain(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    const start = (p: Promise<void>) => {
      const q = p.finally(() => inFlight.delete(q));
      inFlight.add(q);
    };
    const room = () => (this.closed ? 0 : this.config.deliveryConcurrency - inFlight.size);
    for (;;) {
      // queued rows: one statement a round for the outcomes of all that finished since the
      // last round and new claims (when some may be due)
      const done = this.done.splice(0);
      const limit = this.rowsDue ? Math.max(room(), 0) : 0;
      if (limit > 0 || done.length > 0) {
        const claimed = await recordAndClaim(this.db, done, limit, this.config.deliveryLeaseMs).catch((err) => {
          // unrecorded outcomes: their leases run out and other attempts follow (at least once)
          this.log.error('could not record or claim deliveries', { recorded: done.length, err: (err as Error).message });
          return [];
        });
        if (claimed.length < limit) this.rowsDue = false;
        for (const d of claimed) start(this.deliver(d));
      }
      // item events: one statement a round, when there are outcomes to record or events to
      // read, at most one per batch window (its end wakes the dispatcher again)
      const held = this.cursor.wanted && !(await this.cursor.roundInWindow());
      for (let item; room() > 0 && (item = this.cursor.next());) start(this.deliverItem(item));
      const more = this.done.length > 0 || (!held && this.cursor.wanted);
      if (inFlight.size === 0 && !more) return;
      if (!more) await Promise.race(inFlight);
      // let the deliveries that finish at about the same time land in the same round
      await new Promise((r) => setImmediate(r));
    }
  }

  /**
   * Wakes again when the next pending row falls due. The database is asked (the earliest
   * pending next_at or expired lease: a scan of the pending rows) only when that can have
   * changed without a notification: at start (retries left by a gateway that stopped), after
   * this gateway recorded a retry, and when the timer fires; new rows come with their
   * notification. Otherwise the timer armed stays, or the gateway polls once per lease period
   * (a lease another gateway let expire, the cursor's included). Asking after every round was a
   * statement per write under load, over a partial index full of rows that just left the
   * pending state.
   */
  private async armTimer(): Promise<void> {
    if (this.closed) return;
    let wait = this.config.deliveryLeaseMs;
    if (this.askDue) {
      this.askDue = false;
      const due = await nextDue(this.db).catch(() => {
        this.askDue = true;
        return null;
      });
      if (this.closed) return;
      if (due) wait = Math.min(Math.max(due.getTime() - Date.now(), 10), wait);
    } else if (this.timer) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.askDue = true;
      this.wake(undefined);
    }, wait).unref();
  }

  private retryAfter(attempts: number, ok: boolean): number | null {
    return ok || attempts >= this.config.deliveryAttempts ? null
      : Math.min(this.config.deliveryBackoffMs * 2 ** (attempts - 1), MAX_BACKOFF_MS);
  }

  private count(outcome: Result & { done?: string[]; failed?: string[] }): void {
    // an event fans out to several listeners: each one's outcome counts
    if (outcome.done || outcome.failed) {
      this.stats.delivered += outcome.done?.length ?? 0;
      this.stats.failed += outcome.failed?.length ?? 0;
    } else this.stats[outcome.ok ? 'delivered' : 'failed']++;
  }

  private async deliver(d: Delivery): Promise<void> {
    let outcome: Result & { done?: string[]; failed?: string[] };
    this.running.add(d.id);
    try {
      outcome = d.kind === 'event' ? await this.fanOut(d) : await this.deliverTo(d, d.kind, d.target ?? '');
    } catch (err) {
      outcome = { ok: false, status: null, error: (err as Error).message ?? String(err) };
    } finally {
      this.running.delete(d.id);
    }
    const retry = this.retryAfter(d.attempts, outcome.ok);
    if (retry !== null) this.askDue = true;
    this.count(outcome);
    if (!outcome.ok) this.log.warn('flow delivery failed', { id: d.id, kind: d.kind, target: d.target, attempt: d.attempts, error: outcome.error, retryMs: retry });
    this.done.push({ id: d.id, ok: outcome.ok, retryMs: retry, status: outcome.status, error: outcome.error, done: outcome.done, failed: outcome.failed });
  }

  /** An item of an event read through the cursor, to each of its listeners (first attempt). */
  private async deliverItem(cursorItem: CursorItem): Promise<void> {
    const { event, item } = cursorItem;
    const { keys, payload } = event.items[item];
    const d: Delivery = {
      id: event.id, key: `event:${event.id}:${item}`, kind: 'event', target: null, event: `items.${event.action}`, collection: event.collection,
      keys, payload, accountability: event.accountability, listeners: event.listeners, attempts: 1,
    };
    this.runningItems++;
    let outcome: Result & { done: string[]; failed: string[] };
    try {
      outcome = await this.fanOut(d);
    } finally {
      this.runningItems--;
    }
    const retry = this.retryAfter(1, outcome.ok);
    // (a retry is a queued row: the timer must learn when it falls due)
    if (retry !== null) this.askDue = true;
    this.count(outcome);
    if (!outcome.ok) this.log.warn('flow delivery failed', { event: event.id, item, error: outcome.error, retryMs: retry });
    this.cursor.finished(cursorItem, { ok: outcome.ok, done: outcome.done, failed: outcome.failed, retryMs: retry, status: outcome.status, error: outcome.error });
  }

  /** One change to each listener still to get it (at once); the failures are what is left to retry. */
  private async fanOut(d: Delivery): Promise<Result & { done: string[]; failed: string[] }> {
    const listeners = d.listeners ?? [];
    const results = await Promise.all(listeners.map(async (listener) => {
      const colon = listener.indexOf(':');
      const kind = listener.slice(0, colon);
      try {
        return await this.deliverTo(d, kind, listener.slice(colon + 1), listener);
      } catch (err) {
        return { ok: false, status: null, error: (err as Error).message ?? String(err) };
      }
    }));
    const failed = listeners.filter((_, i) => !results[i].ok);
    const errors = results.map((r, i) => (r.ok ? null : `${listeners[i]}: ${r.error}`)).filter((e) => e !== null);
    const lastFailure = results.filter((r) => !r.ok).at(-1);
    return {
      ok: failed.length === 0, status: lastFailure?.status ?? results.at(-1)?.status ?? null, error: errors.length > 0 ? errors.join('; ') : null,
      done: listeners.filter((_, i) => results[i].ok), failed,
    };
  }

  /** `listener` names the listener inside an 'event' row (its idempotency keys then name it too). */
  private deliverTo(d: Delivery, kind: string, target: string, listener?: string): Promise<Result> {
    const key = listener ? `${d.key}-${listener.replace(':', '-')}` : d.key;
    if (kind === 'webhook') return this.sendWebhook(d, target, key);
    if (kind === 'flow') return this.runFlow(d, target, key);
    return Promise.resolve({ ok: true, status: null, error: `no such listener: ${kind}` });
  }

  private async runFlow(d: Delivery, target: string, key: string): Promise<Result> {
    await this.registry.ready();
    const flow = this.registry.get(target);
    // deactivated or deleted since the change: nothing to run (recorded, not retried)
    if (!flow) return { ok: true, status: null, error: 'the flow is no longer active' };
    const run = await this.runner.run(flow, triggerOf(d), { accountability: accountabilityOf(d.accountability), deliveryId: key });
    return run.rejected ? { ok: false, status: null, error: `the flow's last operation rejected: ${JSON.stringify(run.data.$last)?.slice(0, 500)}` }
      : { ok: true, status: null, error: null };
  }

  /** Directus 9's webhook request: {event, accountability: {user, role}, payload, key|keys, collection} */
  private async sendWebhook(d: Delivery, target: string, key: string): Promise<Result> {
    await this.registry.ready();
    const hook = this.registry.webhook(target);
    if (!hook) return { ok: true, status: null, error: 'the webhook is no longer active' };
    const [, action] = d.event.split('.');
    const acc = d.accountability;
    const body = {
      event: d.event, accountability: acc ? { user: acc.user ?? null, role: acc.role ?? null } : null,
      payload: d.payload, ...(action === 'create' ? { key: d.keys?.[0] } : { keys: d.keys }), collection: d.collection,
    };
    const headers = headersFrom(hook.headers);
    headers['idempotency-key'] = `strata-${key}`;
    const method = (hook.method || 'POST').toUpperCase();
    let payload: string | undefined;
    if (hook.data !== false && method !== 'GET' && method !== 'HEAD') {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const timeoutMs = this.config.requestTimeoutMs;
    const res = await sendAllowed(new URL(hook.url), this.deny, { method, headers, body: payload, timeoutMs, deadlineMs: timeoutMs });
    // the answer's body is not used: past FLOWS_REQUEST_MAX_RESPONSE_SIZE it is cut (the status
    // decides), but an exchange that outlasts FLOWS_REQUEST_TIMEOUT is a failure (retried)
    await readBody(res, this.config.requestMaxResponseSize).catch((err) => {
      if (!(err instanceof ResponseTooLarge)) throw err;
    });
    const status = res.statusCode ?? 0;
    return { ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `status ${status}` };
  }
}

interface Result {
  ok: boolean;
  status: number | null;
  error: string | null;
}

/** Keys of the gateway's own events' $trigger, in Directus's order (the row's JSON keeps none). */
const TRIGGER_ORDER = ['payload', 'key', 'keys', 'collection', 'status', 'user', 'provider', 'error'];

/** A delivery's $trigger: Directus's shapes of item events, schedule ticks (null) and the gateway's events. */
function triggerOf(d: Delivery): unknown {
  if (d.event === 'schedule') return null;
  if (/^items\.(create|update|delete)$/.test(d.event)) {
    const action = d.event.slice(6);
    const collection = d.collection ?? '';
    const event = itemEvent(collection, action);
    return action === 'create' ? { event, payload: d.payload, key: d.keys?.[0], collection } : { event, payload: d.payload, keys: d.keys, collection };
  }
  const rest = (d.payload ?? {}) as Record<string, unknown>;
  const out: Record<string, unknown> = { event: d.event };
  for (const k of TRIGGER_ORDER) if (Object.hasOwn(rest, k)) out[k] = rest[k];
  for (const [k, v] of Object.entries(rest)) if (!Object.hasOwn(out, k) && k !== '__proto__') out[k] = v;
  return out;
}

/** The writing statement's accountability (strata.accountability) as a flow's trigger had it; null for plain SQL. */
function accountabilityOf(a: Record<string, unknown> | null): Accountability | null {
  if (!a) return null;
  const s = (v: unknown) => (typeof v === 'string' ? v : null);
  return {
    user: s(a.user), role: s(a.role), roles: Array.isArray(a.roles) ? a.roles as string[] : [],
    policies: Array.isArray(a.policies) ? a.policies as string[] : [], admin: a.admin === true, app: a.app === true,
    ip: s(a.ip) ?? '', userAgent: s(a.user_agent), origin: s(a.origin),
  };
}
