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

const DELIVERY_JSON = `json_build_object('id', id::text, 'kind', kind, 'target', target, 'event', event, 'collection', collection,
  'keys', keys, 'payload', payload, 'accountability', accountability, 'listeners', listeners, 'attempts', attempts)::text as j`;

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
 * One round of a gateway's dispatcher, in one statement: records the outcomes of the deliveries
 * it finished (delivered, a retry at now + retryMs, or failed; an 'event' row's listeners that
 * got it move to `done`, the others stay for the retry), and claims up to `limit` due deliveries
 * for `leaseMs` (rows another gateway holds are skipped, and a lease that ran out is claimable
 * again: its gateway died or stalled).
 */
export const recordAndClaim = async (db: Db, outcomes: Outcome[], limit: number, leaseMs: number): Promise<Delivery[]> =>
  (await db.queryAsOwner<{ j: string }>(
    `with o as (select * from jsonb_to_recordset($1::jsonb -> 'list')
                  as o(id bigint, ok boolean, retry int, status int, error text, done jsonb, failed jsonb)),
     finished as (
       update strata.deliveries d set status = case when o.ok then 'delivered' when o.retry is null then 'failed' else 'pending' end,
         next_at = case when o.retry is null then d.next_at else now() + o.retry * interval '1 millisecond' end,
         listeners = case when o.failed is null then d.listeners else o.failed end,
         done = case when o.done is null then d.done else coalesce(d.done, '[]') || o.done end,
         lease_until = null, last_status = o.status, last_error = left(o.error, 2000), updated_at = now()
       from o where d.id = o.id
     )
     update strata.deliveries d set lease_until = now() + $3::int * interval '1 millisecond', attempts = d.attempts + 1, updated_at = now()
     where d.id in (select id from strata.deliveries
                    where status = 'pending' and next_at <= now() and (lease_until is null or lease_until <= now())
                      and id not in (select id from o) -- (one statement changes a row once: those are the CTE's)
                    order by id limit $2 for update skip locked)
     returning ${DELIVERY_JSON}`,
    // (an object: this client sends a JS array as a PostgreSQL array, an object as JSON)
    [{ list: outcomes.map((o) => ({ id: o.id, ok: o.ok, retry: o.retryMs, status: o.status, error: o.error, done: o.done ?? null, failed: o.failed ?? null })) },
      limit, leaseMs])).map((r) => JSON.parse(r.j) as Delivery);

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
