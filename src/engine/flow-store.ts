// Every SQL statement of flows and webhooks (src/flows), as named functions (values are
// parameters; the SQL text is constant). The definitions (directus_flows, directus_operations, directus_webhooks) and
// the delivery queue (strata.deliveries: sql/fixtures/strata/hooks/) are read and written as the
// connecting role: the queue is the gateways' own, no request role can touch it.
import type { Db } from '../db/client.js';

export interface OperationRow {
  id: string;
  key: string;
  type: string;
  options: Record<string, unknown> | null;
  resolve: string | null;
  reject: string | null;
}

export interface FlowRow {
  id: string;
  name: string;
  status: string;
  trigger: string | null;
  accountability: string | null;
  options: Record<string, unknown> | null;
  operation: string | null;
  operations: OperationRow[];
}

export interface WebhookRow {
  id: number;
  name: string;
  method: string;
  url: string;
  status: string;
  data: boolean;
  headers: { header?: unknown; value?: unknown }[] | null;
}

export interface Delivery {
  id: string;
  /** what its idempotency keys are made of (a retried item event's stay those of its first attempt) */
  key: string;
  /** 'event': one change for every listener in `listeners`; 'flow'/'webhook': for `target` alone */
  kind: 'flow' | 'webhook' | 'event';
  target: string | null;
  event: string;
  collection: string | null;
  keys: unknown[] | null;
  payload: unknown;
  accountability: Record<string, unknown> | null;
  /** the listeners still to deliver to ("flow:<id>", "webhook:<id>"), for kind 'event' */
  listeners: string[] | null;
  attempts: number;
}

// (json comes from this client as text: each statement returns its rows as one JSON value)
const parsed = async <T>(rows: Promise<{ j: string | null }[]>): Promise<T> => JSON.parse((await rows)[0]?.j ?? 'null') as T;

/** The active flows, each with its operations. */
export const loadFlows = async (db: Db): Promise<FlowRow[]> =>
  (await parsed<FlowRow[] | null>(db.queryAsOwner(
    `select json_agg(json_build_object('id', f.id, 'name', f.name, 'status', f.status, 'trigger', f.trigger,
              'accountability', f.accountability, 'options', f.options, 'operation', f.operation,
              'operations', coalesce((select json_agg(json_build_object('id', o.id, 'key', o.key, 'type', o.type, 'options', o.options,
                                                                         'resolve', o.resolve, 'reject', o.reject))
                                      from public.directus_operations o where o.flow = f.id), '[]')))::text as j
     from public.directus_flows f where f.status = 'active'`))) ?? [];

/** The active webhooks (Directus 9). */
export const loadWebhooks = async (db: Db): Promise<WebhookRow[]> =>
  (await parsed<WebhookRow[] | null>(db.queryAsOwner(
    `select json_agg(w)::text as j from (select id, name, method, url, status, data, headers from public.directus_webhooks where status = 'active') w`))) ?? [];

export interface Outcome {
  id: string;
  ok: boolean;
  /** kind 'event': the listeners that got it now, and those that failed (only they are tried again) */
  done?: string[];
  failed?: string[];
  /** retry after this many ms; null: no retry (delivered, or failed for good) */
  retryMs: number | null;
  status: number | null;
  error: string | null;
}

/**
 * One round of a gateway's dispatcher, in one statement (strata.record_and_claim): records the
 * outcomes of the deliveries it finished and claims up to `limit` due deliveries for `leaseMs`.
 */
export const recordAndClaim = async (db: Db, outcomes: Outcome[], limit: number, leaseMs: number): Promise<Delivery[]> =>
  (await db.queryAsOwner<{ j: string }>(`select j from strata.record_and_claim($1::jsonb -> 'list', $2, $3) j`,
    // (an object: this client sends a JS array as a PostgreSQL array, an object as JSON)
    [{ list: outcomes.map((o) => ({ id: o.id, ok: o.ok, retry: o.retryMs, status: o.status, error: o.error, done: o.done ?? null, failed: o.failed ?? null })) },
      limit, leaseMs])).map((r) => JSON.parse(r.j) as Delivery);

/** An item event listened to, as the delivery cursor reads it (strata.claim_events). */
export interface ListenedEvent {
  id: string;
  collection: string;
  action: 'create' | 'update' | 'delete';
  /** what each listener is handed: a create per row, an update per distinct payload, a delete per statement */
  items: { keys: unknown[]; payload: unknown }[];
  listeners: string[];
  accountability: Record<string, unknown> | null;
}

export interface EventOutcome {
  event: string;
  item: number;
  ok: boolean;
  done: string[];
  failed: string[];
  retryMs: number | null;
  status: number | null;
  error: string | null;
}

export type EventClaim =
  | { held: false; /** ms left of the holder's lease */ wait: number }
  | { held: true; /** the new read position */ after: string; events: ListenedEvent[]; /** ids still missing below it */ gaps: number; /** the read was full */ more: boolean };

/**
 * One round of the event deliveries, in one statement (strata.claim_events): keeps (or takes)
 * the delivery cursor, records the outcomes of the items finished and moves the cursor to
 * `doneTo`, and reads up to `limit` events after `after` (null: from the cursor).
 */
export const claimEvents = async (db: Db, holder: string, after: string | null, doneTo: string | null, outcomes: EventOutcome[],
  limit: number, leaseMs: number): Promise<EventClaim> =>
  JSON.parse((await db.queryAsOwner<{ j: string }>(
    'select strata.claim_events($1, $2::bigint, $3::bigint, $4::jsonb -> \'list\', $5, $6)::text as j',
    [holder, after, doneTo, { list: outcomes.map((o) => ({ event: o.event, item: o.item, ok: o.ok, retry: o.retryMs, status: o.status, error: o.error, done: o.done, failed: o.failed })) },
      limit, leaseMs]))[0].j) as EventClaim;

/** Extends the holder's lease on the delivery cursor while its deliveries run. */
export const renewCursor = async (db: Db, holder: string, leaseMs: number): Promise<void> => {
  await db.queryAsOwner(`update strata.delivery_cursor set lease_until = now() + $2::int * interval '1 millisecond' where holder = $1`, [holder, leaseMs]);
};

/** Lets another gateway take the delivery cursor over at once (a stopping gateway). */
export const releaseCursor = async (db: Db, holder: string): Promise<void> => {
  await db.queryAsOwner('update strata.delivery_cursor set lease_until = null where holder = $1', [holder]);
};

/**
 * Queues an event the gateway raises itself (auth.login, files.upload) for its listeners: one
 * 'event' row, like the audit trigger's, and the dispatchers' wake-up.
 */
export const queueEvent = async (db: Db, event: string, trigger: Record<string, unknown>, accountability: Record<string, unknown> | null,
  listeners: string[]): Promise<void> => {
  await db.queryAsOwner(
    `with queued as (insert into strata.deliveries (kind, event, collection, keys, payload, accountability, listeners, done)
                     values ('event', $1, $2::jsonb ->> 'collection', $2::jsonb -> 'keys', $2::jsonb -> 'payload', $2::jsonb -> 'accountability',
                             $2::jsonb -> 'listeners', '[]') returning 1)
     select pg_notify('strata_deliveries', '') from queued`,
    // (one object: this client sends a JS array as a PostgreSQL array, an object as JSON)
    [event, { collection: typeof trigger.collection === 'string' ? trigger.collection : null, keys: trigger.key === undefined ? null : [trigger.key],
      payload: trigger, accountability, listeners }]);
};

/** Extends the leases of deliveries still running here (a gateway that died stops extending them). */
export const renewLeases = async (db: Db, ids: string[], leaseMs: number): Promise<void> => {
  await db.queryAsOwner(
    `update strata.deliveries set lease_until = now() + $2::int * interval '1 millisecond'
     where id in (select (jsonb_array_elements_text($1::jsonb -> 'ids'))::bigint) and status = 'pending'`, [{ ids }, leaseMs]);
};

/** When the next pending delivery falls due (null: none pending), for the retry timer. */
export const nextDue = async (db: Db): Promise<Date | null> =>
  (await db.queryAsOwner<{ at: Date | null }>(
    `select min(greatest(next_at, coalesce(lease_until, next_at))) as at from strata.deliveries where status = 'pending'`))[0].at;

/** A schedule tick's run, queued once however many gateways tick (dedupe on flow and time). */
export const queueTick = async (db: Db, flow: string, at: Date): Promise<void> => {
  await db.queryAsOwner(
    `insert into strata.deliveries (kind, target, event, dedupe) values ('flow', $1, 'schedule', 'schedule:' || $1 || ':' || $2)
     on conflict (dedupe) do nothing`, [flow, at.toISOString()]);
};

/** Deletes finished (delivered or failed) deliveries older than `olderThanMs`; returns how many. */
export const pruneDeliveries = async (db: Db, olderThanMs: number): Promise<number> =>
  Number((await db.queryAsOwner<{ n: string }>(
    `with gone as (delete from strata.deliveries where status <> 'pending' and updated_at < now() - $1::bigint * interval '1 millisecond' returning 1)
     select count(*)::text as n from gone`, [olderThanMs]))[0].n);

export interface DeliveryListing {
  status?: string;
  kind?: string;
  target?: string;
  limit: number;
}

/** GET /flows/deliveries: the queue as an admin reads it, newest first. */
export const listDeliveries = async (db: Db, q: DeliveryListing): Promise<unknown[]> =>
  (await parsed<unknown[] | null>(db.queryAsOwner(
    `select json_agg(d order by d.id desc)::text as j from (
       select id, kind, target, event, collection, keys, listeners, done, status, attempts, next_at, lease_until, last_status, last_error, created_at, updated_at
       from strata.deliveries
       where ($1::text is null or status = $1)
         -- a flow or webhook's deliveries: its own rows, and the events it listens to
         and ($2::text is null or kind = $2 or exists (select from jsonb_array_elements_text(coalesce(listeners, '[]') || coalesce(done, '[]')) l
                                                      where split_part(l, ':', 1) = $2 and ($3::text is null or substr(l, length($2) + 2) = $3)))
         and ($3::text is null or target = $3 or exists (select from jsonb_array_elements_text(coalesce(listeners, '[]') || coalesce(done, '[]')) l
                                                         where substr(l, strpos(l, ':') + 1) = $3))
       order by id desc limit $4) d`, [q.status ?? null, q.kind ?? null, q.target ?? null, q.limit]))) ?? [];

export interface RunLog {
  flow: string;
  accountability: { user: string | null; ip: string | null; userAgent: string | null; origin: string | null } | null;
  /** the revision's data ({steps, data}); null: activity only */
  revision: unknown;
}

/** A flow run in directus_activity ('run') and, for accountability 'all', directus_revisions. */
export const logRun = async (db: Db, run: RunLog): Promise<void> => {
  const a = run.accountability;
  await db.queryAsOwner(
    `with a as (insert into public.directus_activity (action, "user", ip, user_agent, origin, collection, item)
                values ('run', $1::uuid, $2, $3, $4, 'directus_flows', $5) returning id)
     insert into public.directus_revisions (activity, collection, item, data)
     select a.id, 'directus_flows', $5, $6::json from a where $6::json is not null`,
    [a?.user ?? null, a?.ip ?? null, a?.userAgent ?? null, a?.origin ?? null, run.flow, run.revision === null ? null : JSON.stringify(run.revision)]);
};
