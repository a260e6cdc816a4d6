// Runs the queued deliveries (strata.deliveries, see sql/fixtures/strata/hooks/): action flows
// on item events, Directus 9 webhooks, schedule ticks. Woken when deliveries are queued (NOTIFY
// strata_deliveries, sent by the writing transaction's commit) and by a timer for retries and
// expired leases; it claims due rows with a lease (FOR UPDATE SKIP LOCKED, so gateways share the work
// and each row runs once while its lease holds), runs them, and records the outcome. A failure
// (a webhook's non-2xx answer or unreachable receiver, a flow whose last operation rejected)
// is retried with exponential backoff up to FLOWS_DELIVERY_ATTEMPTS, then recorded as failed.
// Leases of deliveries still running are renewed; a gateway that dies mid-delivery stops
// renewing, its lease expires and another one delivers again, so delivery is at least once;
// receivers get an Idempotency-Key to recognise repeats.
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { FlowsConfig } from '../config.js';
import type { Accountability } from '../types.js';
import { denyList, headersFrom, readBody, sendAllowed } from '../util/outgoing.js';
import { claimDeliveries, finishDeliveries, nextDue, pruneDeliveries, renewLeases, type Delivery, type Outcome } from '../engine/flow-store.js';
import { itemEvent, type FlowRegistry } from './registry.js';
import type { FlowRunner } from './runner.js';

/** the longest wait between retries */
const MAX_BACKOFF_MS = 3_600_000;

export class Dispatcher {
  /** outcomes not yet recorded (drain records them in one statement per round) */
  private done: Outcome[] = [];
  private draining: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private pruneTimer: NodeJS.Timeout | undefined;
  private renewTimer: NodeJS.Timeout | undefined;
  /** the deliveries this gateway is running: their leases are renewed while they run */
  private running = new Set<string>();
  private closed = false;
  private readonly deny;

  constructor(private db: Db, private log: Logger, private config: FlowsConfig, private registry: FlowRegistry, private runner: FlowRunner) {
    this.deny = denyList(config.ipDenyList, 'FLOWS_IP_DENY_LIST');
    // a long run (a flow that sleeps, a slow receiver) keeps its lease: only a gateway that
    // stopped renewing (it died) lets another one take the delivery over
    this.renewTimer = setInterval(() => {
      if (this.running.size > 0) void renewLeases(db, [...this.running], config.deliveryLeaseMs).catch(() => {});
    }, Math.max(config.deliveryLeaseMs / 3, 50)).unref();
    if (config.deliveryRetentionMs > 0) {
      const every = Math.min(Math.max(config.deliveryRetentionMs / 10, 1000), 3_600_000);
      this.pruneTimer = setInterval(() => void pruneDeliveries(db, config.deliveryRetentionMs).catch(() => {}), every).unref();
    }
  }

  /** Deliveries may be due: claim and run them (one drain at a time, one more after it). */
  wake(): void {
    if (this.closed) return;
    if (this.draining) {
      this.again = true;
      return;
    }
    this.draining = this.drain().catch((err) => this.log.error('flow deliveries', { err: (err as Error).message })).finally(() => {
      this.draining = undefined;
      if (this.again) {
        this.again = false;
        this.wake();
      } else void this.armTimer();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    clearInterval(this.pruneTimer);
    clearInterval(this.renewTimer);
    await this.draining;
  }

  private async drain(): Promise<void> {
    const inFlight = new Set<Promise<void>>();
    for (;;) {
      // outcomes are recorded together, one statement for all that finished since the last round
      await this.flush();
      const room = this.config.deliveryConcurrency - inFlight.size;
      const claimed = room > 0 && !this.closed ? await claimDeliveries(this.db, room, this.config.deliveryLeaseMs) : [];
      for (const d of claimed) {
        const p = this.deliver(d).finally(() => inFlight.delete(p));
        inFlight.add(p);
      }
      if (inFlight.size === 0) return;
      await Promise.race(inFlight);
      // let the deliveries that finish at about the same time land in the same round
      await new Promise((r) => setImmediate(r));
    }
  }

  private async flush(): Promise<void> {
    const done = this.done.splice(0);
    if (done.length === 0) return;
    await finishDeliveries(this.db, done).catch((err) =>
      // their leases run out and other attempts follow: at least once
      this.log.error('could not record deliveries', { count: done.length, err: (err as Error).message }));
  }

  /** wakes again when the next pending delivery falls due (a retry, or a lease another gateway let expire) */
  private async armTimer(): Promise<void> {
    clearTimeout(this.timer);
    if (this.closed) return;
    const due = await nextDue(this.db).catch(() => null);
    if (!due || this.closed) return;
    const wait = Math.min(Math.max(due.getTime() - Date.now(), 10), this.config.deliveryLeaseMs);
    this.timer = setTimeout(() => this.wake(), wait).unref();
  }

  private async deliver(d: Delivery): Promise<void> {
    let outcome: { ok: boolean; status: number | null; error: string | null };
    this.running.add(d.id);
    try {
      outcome = d.kind === 'webhook' ? await this.sendWebhook(d) : await this.runFlow(d);
    } catch (err) {
      outcome = { ok: false, status: null, error: (err as Error).message ?? String(err) };
    } finally {
      this.running.delete(d.id);
    }
    const retry = outcome.ok || d.attempts >= this.config.deliveryAttempts ? null
      : Math.min(this.config.deliveryBackoffMs * 2 ** (d.attempts - 1), MAX_BACKOFF_MS);
    if (!outcome.ok) this.log.warn('flow delivery failed', { id: d.id, kind: d.kind, target: d.target, attempt: d.attempts, error: outcome.error, retryMs: retry });
    this.done.push({ id: d.id, ok: outcome.ok, retryMs: retry, status: outcome.status, error: outcome.error });
  }

  private async runFlow(d: Delivery) {
    await this.registry.ready();
    const flow = this.registry.get(d.target);
    // deactivated or deleted since the change: nothing to run (recorded, not retried)
    if (!flow) return { ok: true, status: null, error: 'the flow is no longer active' };
    const [, action] = d.event.split('.');
    const collection = d.collection ?? '';
    const event = itemEvent(collection, action);
    const trigger = d.event === 'schedule' ? null
      : action === 'create' ? { event, payload: d.payload, key: d.keys?.[0], collection }
      : { event, payload: d.payload, keys: d.keys, collection };
    const run = await this.runner.run(flow, trigger, { accountability: accountabilityOf(d.accountability), deliveryId: d.id });
    return run.rejected ? { ok: false, status: null, error: `the flow's last operation rejected: ${JSON.stringify(run.data.$last)?.slice(0, 500)}` }
      : { ok: true, status: null, error: null };
  }

  /** Directus 9's webhook request: {event, accountability: {user, role}, payload, key|keys, collection} */
  private async sendWebhook(d: Delivery) {
    await this.registry.ready();
    const hook = this.registry.webhook(d.target);
    if (!hook) return { ok: true, status: null, error: 'the webhook is no longer active' };
    const [, action] = d.event.split('.');
    const acc = d.accountability;
    const body = {
      event: d.event, accountability: acc ? { user: acc.user ?? null, role: acc.role ?? null } : null,
      payload: d.payload, ...(action === 'create' ? { key: d.keys?.[0] } : { keys: d.keys }), collection: d.collection,
    };
    const headers = headersFrom(hook.headers);
    headers['idempotency-key'] = `strata-${d.id}`;
    const method = (hook.method || 'POST').toUpperCase();
    let payload: string | undefined;
    if (hook.data !== false && method !== 'GET' && method !== 'HEAD') {
      payload = JSON.stringify(body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await sendAllowed(new URL(hook.url), this.deny, { method, headers, body: payload, timeoutMs: this.config.requestTimeoutMs });
    await readBody(res, this.config.requestMaxResponseSize).catch(() => undefined);
    const status = res.statusCode ?? 0;
    return { ok: status >= 200 && status < 300, status, error: status >= 200 && status < 300 ? null : `status ${status}` };
  }
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
