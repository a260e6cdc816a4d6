--! Previous: sha1:02d1c166a61d0a413c21d5b04982cc853c0c4b06
--! Hash: sha1:db7ff09069d6f06699927c9198d816cd5b26b149
--! Message: compiled writes answer from their own statement; item events delivered through a cursor on the change events

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000020-….sql.
--! Included strata/read/compile_read.sql
-- The read compiler's entry point: a normalized Directus query (or its shape: the same query
-- with values replaced, see src/engine/shape.ts) to ONE statement returning the whole
-- response body as text. The statement reads every value from its single jsonb parameter $1
-- (the full query), so equal shapes give equal SQL and share a prepared plan.
--   p_opts.mode: 'list' -> the items (or, for aggregate/groupBy, the groups); 'one' -> the item
--                with key $1->'key', SQL null when it can't be read; 'singleton' -> the one row
--                (a singleton collection reads so in any mode), its fields' defaults with no row;
--                'written' -> 'one' for the item a compiled write (strata.compile_write) has just
--                written in this transaction: its key is the setting `strata.written_key`
--                'returning' -> 'one' for the row a compiled write's statement returns, read
--                from its CTE `w` (the INSERT's or UPDATE's RETURNING) in that same statement,
--                not through row-level security (compiled writes are an admin's). SQL null
--                when the read reaches the written collection itself through a relation:
--                subqueries of a statement see the rows as they were before it, so that
--                row's new values would be missed (the gateway re-reads with 'written' then)
--   p_opts.output: how the statement wraps that value; the one place Directus's envelope is built
--                'envelope' (default): the REST body: {"meta":{...},"data":[...]} for lists
--                  (meta only when asked), {"data":{...}} for one item and singletons (still
--                  SQL null for an unreadable item, which REST answers 403 and writes 204)
--                'value': the value alone, for front ends without an envelope (GraphQL root
--                  fields, realtime): [...], {...} or SQL null, {...}. `meta` is REST's and is
--                  ignored (GraphQL asks for counts with an aggregate query)
--                'graphql': 'value' with every level's primary key as a JSON string (GraphQL's
--                  ID type is serialized as a string: Directus answers "id": "1")
--   p_opts.default_limit: per-parent limit of nested o2m lists (QUERY_LIMIT_DEFAULT)
--   p_opts.max_depth: MAX_RELATIONAL_DEPTH
--   p_opts.max_fields: STRATA_MAX_QUERY_FIELDS, the most output fields the query may expand to
--                (strata.check_query_fields, counted before compiling; default 1000)
--   p_opts.max_sql_size: STRATA_MAX_SQL_SIZE, the most bytes of SQL the query may compile to
--                (default 1 MB); both answer 400 INVALID_QUERY, so no query can make the
--                compiler build, and the gateway cache, an unbounded statement
create or replace function strata.compile_read(p_collection text, p_query jsonb, p_opts jsonb default '{}')
returns text
language plpgsql
stable
security invoker
as $$
declare
  v_mode text := coalesce(p_opts ->> 'mode', 'list');
  -- the item's key: the query's, or the one a compiled write left (mode 'written')
  v_key_value text := case when v_mode = 'written' then 'nullif(pg_catalog.current_setting(''strata.written_key'', true), '''')'
                           else strata.param('{key}') end;
  v_envelope boolean := coalesce(p_opts ->> 'output', 'envelope') = 'envelope';
  v_rows text;
  v_join text;
  v_pk text;
  v_meta text[] := '{}';
  v_key text;
  v_where text;
  v_pk_type text;
  v_singleton boolean;
  v_opts jsonb := p_opts || jsonb_build_object('backlink', coalesce(p_query -> 'backlink', 'true'));
  v_defaults text;
  v_ctx strata.select_context; -- the root level of the read (strata.compile_select)
  v_done text[] := '{}';
  -- every statement names its parameter, even a query without values, so it always has one
  v_from constant text := ' from (select $1::jsonb) as params';
  v_returning boolean := v_mode = 'returning';
begin
  if v_mode in ('written', 'returning') then
    v_mode := 'one';
    v_opts := v_opts || '{"mode":"one"}';
  end if;
  if coalesce(p_opts ->> 'output', 'envelope') not in ('envelope', 'value', 'graphql') then
    raise exception 'strata.compile_read: unknown output "%"', p_opts ->> 'output';
  end if;
  -- json() and _json path syntax is checked first, as Directus checks it while parsing
  perform strata.validate_json_paths(p_query);
  -- how strata.once compiles this query's values: once per statement, unless there are more than
  -- 200 (planning that many InitPlans costs more than reading the values per row: see once.sql)
  perform set_config('strata.values_inline', case when (select count(*) from jsonb_path_query(p_query, 'strict $.**') v
    where jsonb_typeof(v) not in ('object', 'array')) > 200 then 'on' else 'off' end, true);
  if not strata.collection_exists(p_collection) then
    perform strata.collection_forbidden(p_collection);
  end if;
  v_pk := strata.primary_key(p_collection);
  perform strata.check_relational_depth(p_query, coalesce((p_opts ->> 'max_depth')::int, 10));
  if not (p_query ? 'aggregate' or p_query ? 'groupBy') then
    perform strata.check_query_fields(p_collection, p_query, p_opts);
  end if;

  v_pk_type := (select udt from strata.columns where collection = p_collection and field = v_pk);
  v_singleton := v_mode = 'singleton' or coalesce((select singleton from public.directus_collections where collection = p_collection), false);
  if v_returning then
    v_opts := v_opts || '{"source":"w"}';  -- (one row, or none: no key to join on)
  elsif v_mode = 'one' then
    -- a key that can't be one of this type names no item: 403 as Directus answers, not a cast error
    v_join := format('r.%I = (%s)::%s', v_pk, case
      when v_pk_type = 'uuid' then format('case when %1$s ~* %2$L then %1$s end', v_key_value, '^\{?[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}\}?$')
      when v_pk_type in ('int2', 'int4', 'int8') then format('case when %1$s ~ %2$L then %1$s end', v_key_value, '^\s*[-+]?[0-9]{1,18}\s*$')
      else v_key_value end, v_pk_type);
  elsif p_query ? 'keys' then
    -- SEARCH {"keys": [...]}, and the re-reads of written rows and of realtime's changed rows.
    -- `= any (array(...))`: the keys are an array computed once, and the primary key's index is
    -- searched for each; `in (select ...)` was planned (generic plan: the keys are unknown) as
    -- a merge join walking the index from the lowest key, every row up to the newest one
    -- (k.value, qualified: a bare name would be captured by a column of the collection so named)
    v_join := format('r.%I = any (array(select k.value::%s from jsonb_array_elements_text($1::jsonb -> ''keys'') k))', v_pk, v_pk_type);
  end if;

  if p_query ? 'aggregate' or p_query ? 'groupBy' then
    v_rows := strata.compile_aggregate(p_collection, p_query, 'r');
  else
    v_ctx.collection := p_collection;
    v_ctx.fields := p_query -> 'fields';
    v_ctx.q := p_query;
    v_ctx.qpath := '{}';
    v_ctx.pfx := '';
    v_ctx.alias := 'r';
    v_ctx.depth := 1;
    v_ctx.opts := v_opts;
    v_ctx.join_on := v_join;
    v_ctx.kind := case when v_mode = 'list' then 'root' else 'm2o' end;
    v_rows := strata.compile_select(v_ctx);
  end if;

  -- (the name as a whole: `public.articles` in `public.articles_tags` is another table)
  if v_returning and v_rows ~ (regexp_replace(format('public.%I', p_collection), '[^A-Za-z0-9_]', '\\\&', 'g') || '(?![A-Za-z0-9_$])') then
    return null;
  end if;
  if v_mode = 'one' then
    -- null || text is null: an unreadable item stays SQL null in both outputs
    return strata.check_sql_size(format(case when v_envelope then 'select ''{"data":'' || (select row_to_json(x.*) from (%s) x limit 1)::text || ''}''%s'
      else 'select (select row_to_json(x.*) from (%s) x limit 1)::text%s' end, v_rows, v_from), p_opts);
  end if;
  if v_singleton and not p_query ? 'aggregate' then
    -- a singleton reads as its one object; with no row yet, its fields' defaults
    -- the same selection over one row of the fields' defaults (the key null), so requested
    -- fields, their order and their formats are the same either way
    v_ctx.opts := v_opts || jsonb_build_object('source', format('(select * from json_populate_record(null::public.%I, %L::json))',
      p_collection, strata.singleton_defaults(p_collection)::text));
    v_ctx.join_on := null;
    v_ctx.kind := 'm2o';
    v_defaults := strata.compile_select(v_ctx);
    return strata.check_sql_size(format(case when v_envelope then 'select ''{"data":'' || coalesce((select row_to_json(x.*) from (%s) x limit 1), (select row_to_json(x.*) from (%s) x))::text || ''}''%s'
      else 'select coalesce((select row_to_json(x.*) from (%s) x limit 1), (select row_to_json(x.*) from (%s) x))::text%s' end,
      v_rows, v_defaults, v_from), p_opts);
  end if;

  if v_singleton and v_envelope then
    -- over REST, an aggregate on a singleton answers its first row as the object, as Directus;
    -- with no row (groups of no rows), the object of the key alone (GraphQL keeps its list)
    return strata.check_sql_size(format('select ''{"data":'' || coalesce((select row_to_json(x.*) from (%s) x limit 1), %L::json)::text || ''}''%s',
      v_rows, jsonb_build_object(v_pk, null)::text, v_from), p_opts);
  end if;

  if not v_envelope then
    return strata.check_sql_size(format('select coalesce((select array_to_json(array_agg(x.*)) from (%s) x)::text, ''[]'')%s', v_rows, v_from), p_opts);
  end if;

  for v_key in select jsonb_array_elements_text(coalesce(p_query -> 'meta', '[]')) loop
    if v_key in ('total_count', '*') and not 'total_count' = any(v_done) then
      v_done := v_done || 'total_count'::text;
      v_meta := v_meta || format('''"total_count":'' || (select count(*) from public.%I)', p_collection);
    end if;
    if v_key in ('filter_count', '*') and not 'filter_count' = any(v_done) then
      v_done := v_done || 'filter_count'::text;
      v_where := concat_ws(' and ',
        case when p_query ? 'filter' then strata.compile_filter(p_collection, 'r', p_query -> 'filter', '{filter}') end,
        case when p_query ? 'search' then strata.compile_search(p_collection, 'r', '{search}') end);
      v_meta := v_meta || format('''"filter_count":'' || (select count(*) from public.%I r%s)', p_collection,
        case when v_where <> '' then ' where ' || v_where else '' end);
    end if;
  end loop;

  -- Directus writes "meta" before "data"
  return strata.check_sql_size(format('select ''{''%s || ''"data":'' || coalesce((select array_to_json(array_agg(x.*)) from (%s) x)::text, ''[]'') || ''}''%s',
    case when cardinality(v_meta) > 0 then ' || ''"meta":{'' || ' || array_to_string(v_meta, ' || '','' || ') || ' || ''},''' else '' end,
    v_rows, v_from), p_opts);
end;
$$;
--! EndIncluded strata/read/compile_read.sql
--! Included strata/events/events_table.sql
-- The change-event outbox: one row per statement and action that changed a managed collection
-- (the strata.audit triggers write it, for API writes and plain SQL alike, in the writing
-- transaction: an aborted transaction leaves nothing). Realtime, flows and webhooks read it in
-- id order from the last id they saw (src/engine/events.ts); `NOTIFY strata_events, '<id>'` is
-- only a wake-up hint, the table is the truth. Pruned by strata.prune_events
-- (STRATA_EVENTS_RETENTION). Only the installing role reads or writes it: the request roles
-- have no privilege on it (access/install.sql).
--   keys: the primary keys of the rows the statement touched, as JSON values (a number for
--         integer keys, a string for uuid/string keys), in the transition table's order.
--   accountability: the statement's strata.accountability (user, role, roles, policies, admin,
--         app, ip, user_agent, origin); null for plain SQL.
--   txid: the writing transaction (pg_current_xact_id()).
--   listeners, items: set only when flows or webhooks listened to this collection and action at
--         the write (strata.event_listeners): listeners ["flow:<id>", "webhook:<id>", ...] of
--         that moment, and items [{keys, payload}], what each of them is handed (a create per
--         row, an update per distinct written payload, a delete per statement). The gateways'
--         dispatcher reads them in id order through the delivery cursor
--         (hooks/delivery_cursor.sql): a listened write costs these two values, not a queue row.
create table if not exists strata.events (
  id bigserial primary key,
  collection text not null,
  action text not null check (action in ('create', 'update', 'delete')),
  keys jsonb not null,
  accountability jsonb,
  txid xid8 not null default pg_current_xact_id(),
  created_at timestamptz not null default now()
);
alter table strata.events add column if not exists listeners jsonb, add column if not exists items jsonb;
create index if not exists events_created_at on strata.events (created_at);
--! EndIncluded strata/events/events_table.sql
--! Included strata/hooks/delivery_cursor.sql
-- Where the gateways' dispatchers are in strata.events: one row. Item events that flows or
-- webhooks listen to are not queued one row each: the change-event row carries its listeners and
-- items (events/events_table.sql), and one gateway at a time (the holder, while its lease runs)
-- reads the events past the cursor in id order, runs their deliveries, and records the outcomes
-- (strata.claim_events). A gateway that dies leaves a lease that runs out; the next holder
-- starts again from last_id, so what the dead one had not finished is delivered again (at
-- least once).
--   last_id: every delivery of every event up to this id has finished (and is recorded), and no
--         id up to it is still missing
--   holder, lease_until: the gateway delivering now (its dispatcher's random id), and until when
--   gaps, gap_horizons: ids the holder's reads found missing below ids that were there (event
--         ids are drawn before commit): a transaction still running holds each, or an aborted
--         one left it unused. Reads go on past them; every round looks for them again, and
--         delivers those that appeared. Each one's horizon is a transaction id assigned after
--         the read that missed it (0 until the next round names one); once every transaction
--         before its horizon has ended (a snapshot's xmin reaches it), an id still missing is
--         dropped. last_id stays below the lowest of them.
create table if not exists strata.delivery_cursor (
  id boolean primary key default true check (id),
  last_id bigint not null,
  holder text,
  lease_until timestamptz,
  gaps bigint[] not null default '{}',
  gap_horizons bigint[] not null default '{}',
  updated_at timestamptz not null default now()
);
-- (from the newest event on: the events before this table were queued as delivery rows)
insert into strata.delivery_cursor (last_id) select coalesce(max(id), 0) from strata.events on conflict do nothing;
--! EndIncluded strata/hooks/delivery_cursor.sql
--! Included strata/events/prune_events.sql
-- Deletes change events older than p_older_than (the gateway calls it periodically with
-- STRATA_EVENTS_RETENTION); returns how many it deleted. A reader that was away longer than the
-- retention misses what was pruned, except the flows and webhooks: an event they listen to
-- stays until its deliveries have finished (past the delivery cursor, hooks/delivery_cursor.sql).
-- Internal: executable by the installing role only.
create or replace function strata.prune_events(p_older_than interval)
returns bigint
language sql
volatile
security invoker
set search_path = pg_catalog
as $$
  with gone as (delete from strata.events
                where created_at < now() - p_older_than
                  and (listeners is null or id <= (select c.last_id from strata.delivery_cursor c))
                returning 1)
  select count(*) from gone
$$;
--! EndIncluded strata/events/prune_events.sql
--! Included strata/hooks/deliveries_table.sql
-- The delivery record and retry queue of flows and webhooks. Item events are not queued here
-- by the writing transaction: their change event names the listeners (events/events_table.sql)
-- and the dispatcher holding the delivery cursor runs them (hooks/delivery_cursor.sql), then
-- records each item here in one statement per round (strata.claim_events): one row per item,
-- whatever the number of its listeners (kind 'event'), 'delivered', or 'pending' with the
-- listeners that failed still in `listeners` (those that got it are in `done`, and are not run
-- again because another one failed), or 'failed'. Events the gateway raises itself
-- (auth.login, files.upload: src/flows/events.ts) are 'event' rows queued here, pending, right
-- after what caused them. One-listener rows: schedule ticks (kind 'flow'; `dedupe` makes one
-- row per flow and tick however many gateways tick) and rows queued before listeners were kept
-- in one row. `dedupe` also names an item event's retry ('event:<event id>:<item>'): its
-- idempotency keys stay those of the first attempt.
-- Gateways claim due pending rows with a lease (FOR UPDATE SKIP LOCKED: one claimant per row), run them,
-- and record the outcome: delivered, or a retry of the listeners left at `next_at` with
-- exponential backoff, or failed after the last attempt. A gateway that dies mid-delivery leaves
-- a lease that expires, and another gateway delivers again (to the listeners not yet in `done`):
-- at least once. Only the installing role reads or writes it (access/install.sql); admins read
-- it through GET /flows/deliveries.
--   kind/target: 'event' (target null: see listeners), or 'flow' and the flow's id, or 'webhook'
--                and the webhook's id
--   event: Directus's event name ('items.create', 'auth.login', ...; 'schedule' for a tick)
--   keys: the keys the delivery is about (one for a create, as Directus runs a flow per item)
--   payload: what was written, in the items API's formats (the columns a request wrote; for
--            plain SQL the new row or the changed columns); the keys for a delete; for the
--            gateway's events, their $trigger without `event`
--   listeners: ["flow:<id>", "webhook:<id>", ...] still to deliver to; done: those delivered
create table if not exists strata.deliveries (
  id bigserial primary key,
  kind text not null check (kind in ('flow', 'webhook', 'event')),
  target text,
  event text not null,
  collection text,
  keys jsonb,
  payload jsonb,
  accountability jsonb,
  listeners jsonb,
  done jsonb,
  dedupe text unique,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts int not null default 0,
  next_at timestamptz not null default now(),
  lease_until timestamptz,
  last_status int,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- (the queue as migration 000007 made it: one row per listener)
alter table strata.deliveries add column if not exists listeners jsonb, add column if not exists done jsonb,
  alter column target drop not null,
  drop constraint if exists deliveries_kind_check,
  add constraint deliveries_kind_check check (kind in ('flow', 'webhook', 'event'));
-- The pending rows in id order: the dispatchers' claim (src/engine/flow-store.ts's
-- recordAndClaim) walks them with an ordered index scan, which marks the entries of rows that
-- left the pending state dead as it passes them, so the next claim skips them. (An index on
-- next_at, which the claim's `next_at <= now()` picked, was read as a bitmap scan that fetched
-- every such row from the heap again, until vacuum: a few ms a claim under load.)
drop index if exists strata.deliveries_due;
create index if not exists deliveries_pending on strata.deliveries (id) where status = 'pending';
create index if not exists deliveries_done on strata.deliveries (updated_at) where status <> 'pending';
--! EndIncluded strata/hooks/deliveries_table.sql
--! Included strata/hooks/event_listeners.sql
-- The flows and webhooks listening to an item event of this collection and action now
-- (strata.event_hooks), as ["flow:<id>", "webhook:<id>", ...] in a stable order; null when none
-- listens, or when the request asked for no events (a flow's item operation without "emit
-- events": strata.emit_events = off). One index probe: the audit trigger and strata.record_event
-- (compiled writes) call it on every write. Internal: executable by the installing role only
-- (access/install.sql); both callers are security definer.
create or replace function strata.event_listeners(p_collection text, p_action text)
returns jsonb
language sql
stable
security invoker
set search_path = pg_catalog
as $$
  select jsonb_agg(h.kind || ':' || h.target order by h.kind, h.target)
  from strata.event_hooks h
  where h.collection = p_collection and h.action = p_action
    and current_setting('strata.emit_events', true) is distinct from 'off'
$$;
--! EndIncluded strata/hooks/event_listeners.sql
--! Included strata/events/record_event.sql
-- The change event of a compiled write (strata.compile_write), which records its own rows in
-- its statement instead of leaving them to the audit trigger: the same strata.events row the
-- trigger writes (the keys, the request's accountability; when flows or webhooks listen now,
-- their names and what they are handed: one item, the keys and p_payload, the written columns
-- in the items API's formats) and its NOTIFY wake-up, in the caller's transaction.
-- Security definer: the request roles may not write strata.events themselves; executable by
-- strata_admin only (access/install.sql), the role compiled writes run as.
drop function if exists strata.record_event(text, text, jsonb);
drop function if exists strata.record_event(text, text, jsonb, jsonb);
create or replace function strata.record_event(p_collection text, p_action text, p_keys jsonb, p_payload json default null)
returns bigint
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_id bigint;
  v_listeners jsonb := strata.event_listeners(p_collection, p_action);
begin
  insert into strata.events (collection, action, keys, accountability, listeners, items)
  values (p_collection, p_action, p_keys, nullif(current_setting('strata.accountability', true), '')::jsonb, v_listeners,
          case when v_listeners is not null then jsonb_build_array(jsonb_build_object('keys', p_keys, 'payload', p_payload::jsonb)) end)
  returning id into v_id;
  perform pg_notify('strata_events', v_id::text);
  return v_id;
end;
$$;
--! EndIncluded strata/events/record_event.sql
--! Included strata/hooks/record_and_claim.sql
-- One round of a gateway's flow dispatcher (src/flows/dispatcher.ts, through
-- src/engine/flow-store.ts): records the outcomes of the deliveries it finished (delivered, a
-- retry after p_outcomes' `retry` ms, or failed; an 'event' row's listeners that got it move
-- to `done`, the others stay for the retry), and claims up to p_limit due deliveries for
-- p_lease_ms (rows another gateway holds are skipped, and a lease that ran out is claimable
-- again: its gateway died or stalled). Answers the claimed rows as JSON.
-- Bitmap scans are off for it: the claim must walk deliveries_pending with an ordered index
-- scan, which marks the entries of rows that left the pending state dead as it passes them
-- (a bitmap scan can't, and fetched each of them from the heap on every claim until vacuum).
create or replace function strata.record_and_claim(p_outcomes jsonb, p_limit int, p_lease_ms int)
returns setof text
language sql
volatile
set enable_bitmapscan = off
set search_path = pg_catalog, public
as $$
  with o as (select * from jsonb_to_recordset(p_outcomes)
               as o(id bigint, ok boolean, retry int, status int, error text, done jsonb, failed jsonb)),
  finished as (
    update strata.deliveries d set status = case when o.ok then 'delivered' when o.retry is null then 'failed' else 'pending' end,
      next_at = case when o.retry is null then d.next_at else now() + o.retry * interval '1 millisecond' end,
      listeners = case when o.failed is null then d.listeners else o.failed end,
      done = case when o.done is null then d.done else coalesce(d.done, '[]') || o.done end,
      lease_until = null, last_status = o.status, last_error = left(o.error, 2000), updated_at = now()
    from o where d.id = o.id
  )
  update strata.deliveries d set lease_until = now() + p_lease_ms * interval '1 millisecond', attempts = d.attempts + 1, updated_at = now()
  where d.id in (select id from strata.deliveries
                 where status = 'pending' and next_at <= now() and (lease_until is null or lease_until <= now())
                   and id not in (select id from o) -- (one statement changes a row once: those are the CTE's)
                 order by id limit p_limit for update skip locked)
  -- (key: what its idempotency keys are made of; an item event's retry keeps its first attempt's)
  returning json_build_object('id', id::text, 'key', case when starts_with(dedupe, 'event:') then dedupe else id::text end, 'kind', kind, 'target', target, 'event', event, 'collection', collection,
    'keys', keys, 'payload', payload, 'accountability', accountability, 'listeners', listeners, 'attempts', attempts)::text
$$;
--! EndIncluded strata/hooks/record_and_claim.sql
--! Included strata/hooks/claim_events.sql
-- One round of a gateway's event deliveries (src/flows/dispatcher.ts, through
-- src/engine/flow-store.ts's claimEvents), in one statement:
--   1. takes or keeps the delivery cursor (hooks/delivery_cursor.sql) for p_lease_ms, unless
--      another gateway holds it: then answers {"held": false, "wait": <ms left of its lease>};
--   2. as the holder, records the outcomes of the event items it finished (p_outcomes:
--      [{event, item, ok, retry, status, error, done, failed}]): one strata.deliveries row per
--      item, 'delivered', or 'pending' with the listeners that failed for a retry after `retry`
--      ms (the queue's claim runs it, strata.record_and_claim), or 'failed' after the last
--      attempt; and moves last_id to p_done_to (every item up to it finished), but never past a
--      gap;
--   3. looks for the gaps again: hands over those that appeared, names the horizon of new ones,
--      drops those whose transaction has ended;
--   4. reads up to p_limit event ids after p_after (the holder's read position; a new holder
--      starts from last_id) in id order, keeping the missing ones as gaps, and answers the
--      listened events among them and among the gaps that appeared:
--      {"held": true, "after": <the new read position>, "events": [...], "gaps": <ids still
--      missing>, "more": <the read was full>}.
-- So a transaction that stays open (or aborts) does not hold the deliveries of later commits
-- back, and its events are delivered when it commits.
-- Internal: executable by the installing role only.
-- (It replaces the queue row per listened item event that strata.queue_deliveries wrote.)
drop function if exists strata.queue_deliveries(text, text, jsonb, jsonb);
create or replace function strata.claim_events(p_holder text, p_after bigint, p_done_to bigint, p_outcomes jsonb, p_limit int, p_lease_ms int)
returns json
language plpgsql
volatile
security invoker
set search_path = pg_catalog
as $$
declare
  c strata.delivery_cursor;
  v_after bigint := p_after;
  v_from bigint;             -- where this round's read starts
  v_xmin bigint;             -- the oldest transaction still running, before the gaps are looked at
  v_appeared bigint[] := '{}';
  v_gaps bigint[] := '{}';   -- the gaps kept, and those found by this round's read
  v_horizons bigint[] := '{}';
  v_events json;
  v_read int := 0;
  i int;
  r record;
begin
  -- (waits while another round, or the holder's lease renewal, has the row: a round is short,
  -- and skipping it would make the holder believe it lost the cursor)
  select * into c from strata.delivery_cursor for update;
  if c.holder is distinct from p_holder and c.lease_until > now() then
    return json_build_object('held', false, 'wait', ceil(extract(epoch from c.lease_until - now()) * 1000));
  end if;
  if c.holder is distinct from p_holder or p_after is null then
    -- taking over: from the last event whose deliveries all finished (below every gap, which
    -- the read finds again)
    v_after := c.last_id;
    c.gaps := '{}';
    c.gap_horizons := '{}';
  else
    if jsonb_array_length(p_outcomes) > 0 then
      insert into strata.deliveries (kind, event, collection, keys, payload, accountability, listeners, done, dedupe,
                                     status, attempts, next_at, last_status, last_error)
      select 'event', 'items.' || e.action, e.collection, e.items -> o.item -> 'keys', e.items -> o.item -> 'payload', e.accountability,
             coalesce(o.failed, '[]'), coalesce(o.done, '[]'),
             -- (a retry keeps the item's idempotency keys: the dispatcher derives them from it)
             case when not o.ok then 'event:' || o.event || ':' || o.item end,
             case when o.ok then 'delivered' when o.retry is null then 'failed' else 'pending' end, 1,
             now() + coalesce(o.retry, 0) * interval '1 millisecond', o.status, left(o.error, 2000)
      from jsonb_to_recordset(p_outcomes) as o(event bigint, item int, ok boolean, retry int, status int, error text, done jsonb, failed jsonb)
      join strata.events e on e.id = o.event
      on conflict (dedupe) do nothing; -- (an item delivered again after a takeover is retried once)
    end if;
    c.last_id := greatest(c.last_id, least(p_done_to, p_after));
  end if;

  -- the gaps of earlier rounds: an id that appeared is handed over now; one still missing gets
  -- its horizon (this transaction's id: assigned after the round that missed it read), or is
  -- dropped once every transaction before its horizon has ended (xmin taken before the look,
  -- so a transaction that ended by then and committed is seen by it)
  if cardinality(c.gaps) > 0 then
    v_xmin := pg_snapshot_xmin(pg_current_snapshot())::text::bigint;
    v_appeared := array(select e.id from strata.events e where e.id = any(c.gaps));
    for i in 1 .. cardinality(c.gaps) loop
      continue when c.gaps[i] = any(v_appeared) or (c.gap_horizons[i] > 0 and c.gap_horizons[i] <= v_xmin);
      v_gaps := v_gaps || c.gaps[i];
      v_horizons := v_horizons || case when c.gap_horizons[i] > 0 then c.gap_horizons[i] else pg_current_xact_id()::text::bigint end;
    end loop;
  end if;

  -- the read: ids only (an index-only scan); the ids it steps over are gaps (at most 10,000
  -- kept: a longer run of missing ids is events pruned while no gateway read, not transactions)
  v_from := v_after;
  for r in select e.id from strata.events e where e.id > v_after order by e.id limit p_limit loop
    v_read := v_read + 1;
    if r.id > v_after + 1 and cardinality(v_gaps) < 10000 then
      v_gaps := v_gaps || array(select generate_series(v_after + 1, least(r.id - 1, v_after + 10000 - cardinality(v_gaps))));
      v_horizons := v_horizons || array_fill(0::bigint, array[cardinality(v_gaps) - cardinality(v_horizons)]);
    end if;
    v_after := r.id;
  end loop;
  if cardinality(v_gaps) > 0 then
    c.last_id := least(c.last_id, (select min(g) from unnest(v_gaps) g) - 1);
  end if;

  -- (json, not jsonb: the answer is only sent, and building jsonb cost three times as much)
  select coalesce(json_agg(json_build_object('id', e.id::text, 'collection', e.collection, 'action', e.action,
           'items', e.items, 'listeners', e.listeners, 'accountability', e.accountability) order by e.id), '[]')
    into v_events
    from strata.events e
   where ((e.id > v_from and e.id <= v_after) or e.id = any(v_appeared)) and e.listeners is not null
     -- (an id the read missed may have committed since: it stays a gap, handed over next round)
     and not e.id = any(v_gaps);

  update strata.delivery_cursor set last_id = c.last_id, holder = p_holder, lease_until = now() + p_lease_ms * interval '1 millisecond',
    gaps = v_gaps, gap_horizons = v_horizons, updated_at = now();
  return json_build_object('held', true, 'after', v_after::text, 'events', v_events, 'gaps', cardinality(v_gaps),
    'more', p_limit > 0 and v_read = p_limit);
end;
$$;
--! EndIncluded strata/hooks/claim_events.sql
--! Included strata/audit/audit.sql
-- The trigger behind revisions and activity: statement-level, with transition tables, on every
-- managed collection (see strata.track). One INSERT into directus_activity and one into
-- directus_revisions per statement, however many rows it touched, for API writes and plain SQL
-- alike. Honours directus_collections.accountability: 'all' (also the default for tables that
-- have no directus_collections row), 'activity' (no revisions), null (nothing).
--   actor: the request's accountability (strata.accountability setting); a session without it
--          is plain SQL: user null, origin 'sql', user_agent = application_name.
--   revisions as Directus writes them, in the items API's formats (strata.revision_json):
--          the write functions name the columns the request wrote in strata.delta_cols
--          ({table, columns}, set right before each statement, cleared after it). create: data = delta = those columns;
--          update: data = the whole row after the change, delta = those columns (a revision
--          even when nothing changed, as Directus). Plain SQL (no strata.delta_cols): create
--          data = delta = the whole row; update delta = the columns whose value changed, and
--          an update that changes nothing writes activity but no revision.
--   `set strata.audit = off` in a session skips the bookkeeping (bulk loads by a DBA).
--   change events: first of all, one strata.events row per statement (the keys it touched, the
--          accountability) and a NOTIFY strata_events wake-up, for every managed collection with
--          a primary key, whatever its accountability mode and even with strata.audit = off:
--          realtime subscribers must not silently miss a change (events/events_table.sql).
--   deliveries: when flows or webhooks listen to this collection and action
--          (strata.event_listeners), the change event also names them and carries the items
--          they get (a create per row, an update per distinct written payload, a delete per
--          statement): the gateways deliver them from there (hooks/delivery_cursor.sql), woken by
--          the event's NOTIFY strata_events. Not for a flow's item operation without "emit
--          events" (strata.emit_events = off). On the system collections of
--          hooks/track_system.sql the change event is all it writes (no activity or revisions).
--   nested writes: the write functions set strata.depth before each statement; the ids of the
--          revisions written at depth d are appended to strata.revs_<d>, which the write
--          functions read to set `parent` (strata.link_revisions).
--   compiled writes (strata.compile_write) record their own row in their statement (activity,
--          revision, change event: what this trigger would write) and say so in
--          strata.recorded = the table's name, honoured only in the sessions
--          strata.trusted_recorder names (the gateway's): this trigger then does nothing (the
--          statement's change event names the listening flows and webhooks itself).
create or replace function strata.audit()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_mode text;
  v_pk text;
  v_acc jsonb;
  v_depth text;
  v_user uuid;
  v_ip text;
  v_ua text;
  v_origin text;
  v_ids int[];
  v_written jsonb;
  v_api boolean;
  v_only text[];  -- the written columns as an array, where a statement needs one (set below)
  v_kinds jsonb;
  v_proj text;
  v_keys jsonb;
  v_event bigint;
  v_action text := case TG_OP when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end;
  v_items jsonb;
  -- the events-only triggers of a system collection (hooks/track_system.sql): realtime
  -- subscribers, flows and webhooks hear of its changes; no activity or revisions
  v_system boolean := TG_NAME like 'strata\_hooks\_%';
  v_listeners jsonb;
  v_meta boolean;
begin
  if current_setting('strata.recorded', true) = TG_TABLE_NAME then
    perform set_config('strata.recorded', '', true);  -- (this statement's, not the next one's)
    if strata.trusted_recorder() then
      return null;
    end if;
  end if;
  -- (read after the early return above: a compiled write's statement needs none of it)
  v_acc := nullif(current_setting('strata.accountability', true), '')::jsonb;
  v_depth := nullif(current_setting('strata.depth', true), '');
  v_written := nullif(current_setting('strata.delta_cols', true), '')::jsonb;
  v_api := v_written ->> 'table' = TG_TABLE_NAME;
  -- what this statement needs to know about the table, in one statement: its key, the flows and
  -- webhooks listening to this action, its accountability mode (directus_collections).
  -- Looked up, not cached in a session setting: the request roles can write those, and
  -- this security-definer trigger must not let them choose what is audited
  select (select a.attname from pg_index i
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
           where i.indrelid = TG_RELID and i.indisprimary),
         strata.event_listeners(TG_TABLE_NAME, v_action),
         c.collection is not null, c.accountability
    into v_pk, v_listeners, v_meta, v_mode
    from (select) x left join directus_collections c on c.collection = TG_TABLE_NAME;
  if v_pk is null then
    return null; -- Directus needs a primary key to name an item
  end if;

  -- the change event's keys (static statements: PL/pgSQL plans them once per table, where a
  -- dynamic one is planned on every write)
  if TG_OP = 'DELETE' then
    select jsonb_agg(to_jsonb(o.*) -> v_pk) into v_keys from old_rows o;
  else
    select jsonb_agg(to_jsonb(n.*) -> v_pk) into v_keys from new_rows n;
  end if;
  -- (a sign-in's last_access and the app's last_page are bookkeeping of the user's own, not
  -- changes of the user: Directus emits nothing for them)
  -- (nested: old_rows exists only in an UPDATE's trigger, and PL/pgSQL plans a whole condition)
  if v_keys is not null and v_system and TG_TABLE_NAME = 'directus_users' and TG_OP = 'UPDATE' and v_api is not true then
    if not exists (select from (select to_jsonb(n.*) as j from new_rows n) nn
                   join (select to_jsonb(o.*) as j from old_rows o) oo on oo.j -> v_pk = nn.j -> v_pk
                   where nn.j - 'last_access' - 'last_page' is distinct from oo.j - 'last_access' - 'last_page') then
      return null;
    end if;
  end if;
  -- flows and webhooks listening to this change: what each of them is handed
  if v_keys is not null and v_listeners is not null then
    v_only := array(select jsonb_array_elements_text(v_written -> 'columns'));
    v_kinds := strata.revision_kinds(TG_TABLE_NAME);
    if TG_OP = 'INSERT' then
      select jsonb_agg(jsonb_build_object('keys', jsonb_build_array(r.j::jsonb -> v_pk),
                                          'payload', strata.revision_json(v_kinds, r.j, case when v_api then v_only end)))
        into v_items from (select row_to_json(n.*) as j from new_rows n) r;
    elsif TG_OP = 'UPDATE' then
      select jsonb_agg(jsonb_build_object('keys', g.keys, 'payload', g.payload)) into v_items
      from (select jsonb_agg(nn.j::jsonb -> v_pk) as keys, p.payload
            from (select row_to_json(n.*) as j from new_rows n) nn
            join (select to_jsonb(o.*) as d from old_rows o) oo on (oo.d ->> v_pk) = (nn.j ->> v_pk)
            cross join lateral (select strata.revision_json(v_kinds, nn.j, case when v_api then v_only
                                  else array(select e.key from jsonb_each(nn.j::jsonb) e where e.value is distinct from oo.d -> e.key) end)::jsonb as payload) p
            -- a sign-in's last_access is bookkeeping, not a change of the user (Directus emits nothing)
            where v_api or TG_TABLE_NAME <> 'directus_users' or p.payload - 'last_access' <> '{}'::jsonb
            group by p.payload) g;
    else
      v_items := jsonb_build_array(jsonb_build_object('keys', v_keys, 'payload', v_keys));
    end if;
    if v_items is null then
      v_listeners := null; -- (nothing to hand them)
    end if;
  end if;
  if v_keys is not null then
    insert into strata.events (collection, action, keys, accountability, listeners, items)
    values (TG_TABLE_NAME, v_action, v_keys, v_acc, v_listeners, v_items)
    returning id into v_event;
    perform pg_notify('strata_events', v_event::text);
  end if;
  if v_system then
    return null;
  end if;

  -- a DBA's bulk load: `set strata.audit = off` for the session; never for a request's session
  -- (the request roles could set it themselves)
  if current_setting('strata.audit', true) = 'off' and session_user::text not in ('strata_request', 'strata_admin') then
    return null;
  end if;
  if not v_meta then
    v_mode := 'all';
  elsif v_mode is null then
    return null;
  end if;

  v_kinds := coalesce(v_kinds, strata.revision_kinds(TG_TABLE_NAME)); -- (already read for the listeners' items)
  if v_acc is null then
    v_ip := host(inet_client_addr());
    v_ua := nullif(current_setting('application_name', true), '');
    v_origin := 'sql';
  else
    v_user := (v_acc ->> 'user')::uuid;
    v_ip := v_acc ->> 'ip';
    v_ua := v_acc ->> 'user_agent';
    v_origin := v_acc ->> 'origin';
  end if;

  -- (a projection and its dynamic statement cost ~0.2 ms to build and plan, and save ~0.03 ms
  -- per row: worth it from 8 rows on)
  -- (nested: new_rows exists only in an INSERT's or UPDATE's trigger)
  if TG_OP = 'INSERT' and v_api and v_mode = 'all' then
    if (select count(*) from (select from new_rows limit 8) x) = 8 then
      v_proj := strata.revision_projection(TG_TABLE_NAME, v_kinds, array(select jsonb_array_elements_text(v_written -> 'columns')), 'n');
    end if;
  end if;
  if v_proj is not null then
    -- the API's bulk creates (the written columns are the same for every row): the revision's
    -- JSON is one json_build_object per row, built once for the statement
    execute format('with r as materialized (select nextval(''public.directus_activity_id_seq''::regclass) as aid, left((n.%I)::text, 255) as item, %s as d from new_rows n), '
                   'a as (insert into public.directus_activity (id, action, "user", ip, user_agent, origin, collection, item) '
                   '      select r.aid, ''create'', $1, left($2, 50), $3, left($4, 255), %L, r.item from r), '
                   'v as (insert into public.directus_revisions (activity, collection, item, data, delta) '
                   '      select r.aid, %L, r.item, r.d, r.d from r order by r.aid returning id) '
                   'select array_agg(id order by id) from v',
                   v_pk, v_proj, TG_TABLE_NAME, TG_TABLE_NAME)
      into v_ids using v_user, v_ip, v_ua, v_origin;
  elsif TG_OP = 'INSERT' then
    -- activity ids are drawn up front so each revision names its activity without a join;
    -- the revision's JSON is strata.revision_json's, written out so PostgreSQL inlines
    -- strata.revision_value (a function call per row cost more than the rest of the statement)
    with r as materialized (select nextval('public.directus_activity_id_seq'::regclass) as aid, row_to_json(n.*) as j from new_rows n),
    a as (
      insert into directus_activity (id, action, "user", ip, user_agent, origin, collection, item)
      select r.aid, 'create', v_user, left(v_ip, 50), v_ua, left(v_origin, 255), TG_TABLE_NAME, left(r.j ->> v_pk, 255) from r
    ),
    v as (
      insert into directus_revisions (activity, collection, item, data, delta)
      select r.aid, TG_TABLE_NAME, left(r.j ->> v_pk, 255), f.d, f.d
      from r cross join lateral (
        select coalesce(json_object_agg(e.key, strata.revision_value(v_kinds ->> e.key, e.value) order by e.ord), '{}'::json) as d
        from json_each(r.j) with ordinality e(key, value, ord)
        where v_api is not true or (v_written -> 'columns') ? e.key) f
      where v_mode = 'all'
      order by r.aid
      returning id
    )
    select array_agg(id order by id) into v_ids from v;
  elsif TG_OP = 'UPDATE' then
    with r as materialized (
      select nextval('public.directus_activity_id_seq'::regclass) as aid, nn.j,
             case when v_api then null  -- (the written columns, v_written)
                  else array(select e.key from jsonb_each(nn.j::jsonb) e where e.value is distinct from oo.d -> e.key) end as changed
      from (select row_to_json(n.*) as j from new_rows n) nn
      join (select to_jsonb(o.*) as d from old_rows o) oo on (oo.d ->> v_pk) = (nn.j ->> v_pk)
    ),
    a as (
      insert into directus_activity (id, action, "user", ip, user_agent, origin, collection, item)
      select r.aid, 'update', v_user, left(v_ip, 50), v_ua, left(v_origin, 255), TG_TABLE_NAME, left(r.j ->> v_pk, 255) from r
    ),
    v as (
      insert into directus_revisions (activity, collection, item, data, delta)
      select r.aid, TG_TABLE_NAME, left(r.j ->> v_pk, 255), f.data, f.delta
      from r cross join lateral (
        -- data: the whole row, delta: the changed columns (strata.revision_json's, one pass for both)
        select coalesce(json_object_agg(e.key, e.v order by e.ord), '{}'::json) as data,
               coalesce(json_object_agg(e.key, e.v order by e.ord) filter (
                 where case when v_api then (v_written -> 'columns') ? e.key else e.key = any(r.changed) end), '{}'::json) as delta
        from (select e.key, e.ord, strata.revision_value(v_kinds ->> e.key, e.value) as v
              from json_each(r.j) with ordinality e(key, value, ord)) e) f
      where v_mode = 'all' and (v_api or cardinality(r.changed) > 0)
      order by r.aid
      returning id
    )
    select array_agg(id order by id) into v_ids from v;
  else
    insert into directus_activity (action, "user", ip, user_agent, origin, collection, item)
    select 'delete', v_user, left(v_ip, 50), v_ua, left(v_origin, 255), TG_TABLE_NAME, left(to_jsonb(o.*) ->> v_pk, 255)
    from old_rows o;
  end if;

  if v_depth is not null and v_ids is not null then
    perform set_config('strata.revs_' || v_depth,
      concat_ws(',', nullif(current_setting('strata.revs_' || v_depth, true), ''), array_to_string(v_ids, ',')), true);
  end if;
  return null;
end;
$$;
--! EndIncluded strata/audit/audit.sql
--! Included strata/audit/trusted_recorder.sql
-- Whether this session's compiled writes record themselves (strata.compile_write) and the audit
-- trigger believes their `strata.recorded` (strata.audit): a session logged in as strata_admin
-- (the gateway's admin pool, which runs no SQL but its own) or as the owner of strata.audit, the
-- installing role (the gateway's sessions where the request roles can't log in, README
-- "Security"; a role that may disable the trigger anyway). One test for both sides, so they
-- can't disagree. A plain SQL function: PostgreSQL inlines it where it is used.
create or replace function strata.trusted_recorder()
returns boolean
language sql
stable
security invoker
as $$
  select session_user = 'strata_admin'
      or session_user = (select pg_catalog.pg_get_userbyid(f.proowner) from pg_catalog.pg_proc f where f.oid = 'strata.audit()'::regprocedure)
$$;
--! EndIncluded strata/audit/trusted_recorder.sql
--! Included strata/write/compile_write.sql
-- A compiled write: ONE statement for the most common write, an admin's create of one item or
-- update of one item by key whose payload names plain columns only, in place of the write
-- functions (strata.write_request -> create_items/update_items -> insert_rows: some forty
-- PL/pgSQL statements per request). The gateway caches the text per collection, action, set
-- of fields and answer, as it caches compiled reads, and runs it as a prepared statement. It
-- answers with the item itself (p_answer: the re-read compiled with mode 'returning', which
-- reads the statement's own RETURNING), or, where it can't (a table with triggers of its own,
-- which could change the row after the RETURNING; a read that reaches the written collection
-- through a relation, for which mode 'returning' gives no SQL), it leaves the key in
-- `strata.written_key` for the re-read compiled with mode 'written', sent after it in the same
-- flight (one implicit transaction).
-- The statement records the write itself, in its own CTEs (the activity row, the revision and
-- the change event, naming the flows and webhooks listening: what the audit trigger would
-- write, as it would write them) and tells the trigger so (`strata.recorded`, believed in the
-- gateway's sessions only: see strata.trusted_recorder), which then does nothing. Where that can't be (another session user, a table with triggers of its
-- own, a revision projection too wide), the trigger records it as it records every other write. Either way the statement
-- names the written columns (`strata.delta_cols`), as the write functions do.
--   p_action: 'create' | 'update'
--   p_fields: the payload's keys (a jsonb array of strings)
--   p_answer: the answer's SQL (strata.compile_read, mode 'returning'), or null
-- Returns {"sql": <the statement>, "answered": <whether it answers with p_answer>}, or null
-- when the write is not one this form covers, and the gateway uses the write
-- functions: a system or singleton collection, a field that is not a plain column (relational
-- aliases, many-to-any, `cast-csv`, generated or unknown fields), validation rules, an update
-- naming the key. The caller decides the rest (an admin, one object of scalar values; see
-- src/engine/compiled-writes.ts).
-- What the write functions would do and this statement does too: automatic values
-- (date/user-created on create, date/user-updated on update: strata.write_meta's on_create and
-- on_update), uuid fields generated when not given, the key's default, values cast by
-- jsonb_populate_record, the schema-version check (strata.check_schema_version). What it
-- leaves to PostgreSQL and the gateway: a value a column refuses, a null in a NOT NULL
-- column, a duplicate key. The statement then fails (nothing was written) and the gateway
-- writes once more through the write functions, which answer with Directus's error.
-- Statement parameters: $1 the answer's query (jsonb: the read's $1; named when unused too,
-- so both forms take the same parameters), $2 the payload (jsonb), $3 the gateway's schema
-- version (text); updates: $4 the key (text).
drop function if exists strata.compile_write(text, text, jsonb);
create or replace function strata.compile_write(p_action text, p_collection text, p_fields jsonb, p_answer text default null)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  m jsonb;
  v_fields text[];
  v_auto text[];      -- automatic values: date/user-created (create), date/user-updated (update)
  v_auto_expr text;   -- ... as a jsonb object merged over the payload, as write_meta's are
  v_uuid text[];      -- create: uuid fields (the key among them when it has no default) made when not given
  v_cols text[];
  v_written text[];   -- what the revision's delta names (see strata.insert_rows, update_items)
  v_pk text;
  v_write text;       -- the INSERT or UPDATE
  v_record text;      -- the CTEs recording it (activity, revision, change event), or null
  v_singleton boolean;
  v_mode text;        -- directus_collections.accountability: 'all', 'activity' or null (nothing)
  v_kinds jsonb;
  v_data text;
  v_delta text;
  v_own_triggers boolean;  -- triggers of the table's own (not Strata's), which the statement can't see through
begin
  if p_action not in ('create', 'update') or jsonb_typeof(p_fields) is distinct from 'array'
     or jsonb_array_length(p_fields) = 0 or starts_with(p_collection, 'directus_') then
    return null;
  end if;
  m := strata.collection_meta(p_collection);
  -- whether it is a singleton, and its accountability mode (a table without a row: 'all')
  select coalesce(c.singleton, false), case when c.collection is null then 'all' else c.accountability end
    into v_singleton, v_mode
    from (select) x left join public.directus_collections c on c.collection = p_collection;
  if m is null or m -> 'validation' <> '[]' or v_singleton then
    return null;
  end if;
  v_pk := m ->> 'pk';
  v_fields := array(select jsonb_array_elements_text(p_fields));
  if exists (select from unnest(v_fields) f
             where not (m -> 'columns') ? f or (m -> 'csv') ? f
                or coalesce(m -> 'relational' -> f ->> 'kind', 'column') <> 'column'
                or (p_action = 'update' and f = v_pk)) then
    return null;
  end if;

  v_auto := array(select jsonb_array_elements_text(m -> case p_action when 'create' then 'date_created' else 'date_updated' end))
         || array(select jsonb_array_elements_text(m -> case p_action when 'create' then 'user_created' else 'user_updated' end));
  v_auto_expr := case when cardinality(v_auto) > 0 then ' || jsonb_build_object(' || (
    select string_agg(format('%L, %s', f, case when (m -> 'date_created') ? f or (m -> 'date_updated') ? f
                                               then 'to_jsonb(now())' else 'strata.accountability() -> ''user''' end), ', ')
    from unnest(v_auto) f) || ')' else '' end;
  if p_action = 'create' then
    v_uuid := array(select jsonb_array_elements_text(m -> 'uuid'));
    v_cols := array(select distinct c from unnest(v_fields || v_auto || v_uuid) c where (m -> 'columns') ? c order by c);
    v_written := array(select f from unnest(v_fields) f where not f = any(v_auto) and not f = any(v_uuid)
                         and (f <> v_pk or coalesce(m ->> 'pk_default', m ->> 'pk_sequence') is null));
    v_write := format('insert into public.%I (%s) overriding system value select %s from v, jsonb_populate_record(null::public.%I, $2::jsonb%s%s) r returning *',
      p_collection,
      (select string_agg(format('%I', c), ', ') from unnest(v_cols) c),
      (select string_agg(format('r.%I', c), ', ') from unnest(v_cols) c),
      p_collection, v_auto_expr,
      -- a uuid field the payload leaves out or gives as null is made here, as strata.create_items makes it
      coalesce(' || jsonb_build_object(' || (select string_agg(format('%1$L, coalesce(nullif($2::jsonb -> %1$L, ''null''), to_jsonb(gen_random_uuid()))', u), ', ')
                                              from unnest(v_uuid) u) || ')', ''));
  else
    v_written := v_fields || array(select f from unnest(v_auto) f where not f = any(v_fields));
    v_write := format('update public.%I t set %s from v, jsonb_populate_record(null::public.%I, $2::jsonb%s) p where t.%I = ($4::text)::%s returning t.*',
      p_collection,
      (select string_agg(format('%1$I = p.%1$I', c), ', ' order by c) from unnest(v_written) c),
      p_collection, v_auto_expr, v_pk, m ->> 'pk_type');
  end if;

  -- the write records itself, as the audit trigger would (strata.audit: activity and revision as
  -- the collection's accountability mode says, and the change event), where the trigger
  -- believes it (strata.trusted_recorder), on a table with no trigger of its own that could write it
  -- again within the statement, and with each revision JSON one projection
  -- (strata.revision_projection: up to 50 columns)
  v_own_triggers := exists (select from pg_catalog.pg_trigger g where g.tgrelid = format('public.%I', p_collection)::regclass
                              and not g.tgisinternal and not starts_with(g.tgname, 'strata_'));
  if strata.trusted_recorder() and not v_own_triggers then
    v_kinds := strata.revision_kinds(p_collection);
    v_delta := strata.revision_projection(p_collection, v_kinds, v_written, 'w');
    v_data := case when p_action = 'create' then v_delta
                   else strata.revision_projection(p_collection, v_kinds, array(select c.field from strata.columns c where c.collection = p_collection), 'w') end;
    if v_delta is not null and v_data is not null then
      -- p: the revision's delta, built once: it is also what listening flows and webhooks are
      -- handed (strata.record_event stores it only when someone listens)
      v_record := format(', p as (select w.%3$I as k, %4$s as delta from w), e as (select strata.record_event(%1$L, %2$L, jsonb_build_array(p.k), p.delta) as id from p)',
                         p_collection, p_action, v_pk, v_delta);
      if v_mode is not null then
        v_record := v_record || format(', a as (insert into public.directus_activity (action, "user", ip, user_agent, origin, collection, item) '
          'select %L, (c.acc ->> ''user'')::uuid, left(c.acc ->> ''ip'', 50), c.acc ->> ''user_agent'', left(c.acc ->> ''origin'', 255), %L, left(w.%I::text, 255) '
          'from w, (select nullif(pg_catalog.current_setting(''strata.accountability'', true), '''')::jsonb as acc) c returning id, item)',
          p_action, p_collection, v_pk);
      end if;
      if v_mode = 'all' then
        -- (a create's data and delta are the same projection)
        v_record := v_record || case when p_action = 'create'
          then format(', r as (insert into public.directus_revisions (activity, collection, item, data, delta) '
                      'select a.id, %L, a.item, p.delta, p.delta from a, p)', p_collection)
          else format(', r as (insert into public.directus_revisions (activity, collection, item, data, delta) '
                      'select a.id, %L, a.item, %s, p.delta from a, w, p)', p_collection, v_data) end;
      end if;
    end if;
  end if;

  -- (the schema-version check calls its function only when the versions differ, to raise)
  return jsonb_build_object('answered', p_answer is not null and not v_own_triggers, 'sql', format(
    'with v as materialized (select $1::jsonb is null as no_query, case when (select s.version::text from strata.schema_version s) is distinct from $3::text '
    'then strata.check_schema_version($3::text) end as checked, set_config(''strata.delta_cols'', %L, true) as delta%s), '
    'w as (%s)%s select %s from w%s',
    jsonb_build_object('table', p_collection, 'columns', to_jsonb(v_written)),
    case when v_record is not null then format(', set_config(''strata.recorded'', %L, true) as recorded', p_collection) else '' end,
    v_write, coalesce(v_record, ''),
    case when p_answer is not null and not v_own_triggers then format('(%s)', p_answer)
         else format('set_config(''strata.written_key'', w.%I::text, true)', v_pk) end,
    case when v_record is not null then ', e' else '' end));
end;
$$;
--! EndIncluded strata/write/compile_write.sql
--! Included strata/access/install.sql
-- Wires access control: the permissions trigger, the event trigger for new tables (needs a
-- superuser; without one, tables created outside the schema API need strata.protect(name)),
-- and protection of every existing table.
create or replace trigger strata_permissions_sync
  after insert or update or delete on public.directus_permissions
  for each row execute function strata.on_permissions_change();

do $$
begin
  if not exists (select from pg_event_trigger where evtname = 'strata_protect_new_tables') then
    create event trigger strata_protect_new_tables on ddl_command_end
      when tag in ('CREATE TABLE') execute function strata.on_create_table();
  end if;
exception when insufficient_privilege then
  raise warning 'strata: no event trigger (needs a superuser): run select strata.protect(''<table>'') for tables created outside the schema API';
end;
$$;

select strata.protect_all();

create or replace trigger strata_access_changed after insert or update or delete or truncate on public.directus_access
  for each statement execute function strata.on_access_change();
create or replace trigger strata_access_changed after insert or update or delete or truncate on public.directus_policies
  for each statement execute function strata.on_access_change();
create or replace trigger strata_access_changed after insert or update or delete or truncate on public.directus_roles
  for each statement execute function strata.on_access_change();
create or replace trigger strata_access_changed after update of role, status, token, password or delete on public.directus_users
  for each statement execute function strata.on_access_change();

-- Columns added later, and fields newly marked conceal/hash, get their column privileges at once.
do $$
begin
  if not exists (select from pg_event_trigger where evtname = 'strata_grant_altered_tables') then
    create event trigger strata_grant_altered_tables on ddl_command_end
      when tag in ('ALTER TABLE') execute function strata.on_alter_table();
  end if;
exception when insufficient_privilege then
  raise warning 'strata: no event trigger (needs a superuser): run select strata.grant_table(''<table>'') after adding columns with plain SQL';
end;
$$;
create or replace trigger strata_field_grants after insert or delete or update of special on public.directus_fields
  for each row execute function strata.on_field_meta_change();

-- What the request roles may execute (README "Security"). Nothing is executable by PUBLIC; the
-- request roles get every function of schema strata except the internal ones below. The
-- internal ones are auth, bootstrap and access-control machinery that only the gateway's own
-- connection (the role that installed Strata) calls, and trigger functions. The schema
-- functions (DDL, security definer) are for strata_admin only. test/security-roles.test.ts
-- lists the security-definer functions strata_request can execute: a new one must be added
-- there on purpose.
revoke execute on all functions in schema strata from public;
alter default privileges in schema strata revoke execute on functions from public;
do $$
declare
  -- executable by the installing role only
  v_internal text := 'strata.access_for_user, strata.access_for_role, strata.access_for_token, strata.access_public, strata.bootstrap_admin,
    strata.session_login, strata.session_refresh, strata.session_logout, strata.login_failed, strata.login_suspend,
    strata.is_last_admin, strata.password_reset, strata.invite_user, strata.invite_accept, strata.register_user,
    strata.register_verify, strata.audit_user_change, strata.on_user_change, strata.as_user,
    strata.protect, strata.protect_all, strata.protect_view, strata.grant_table, strata.sync_policies, strata.run_ddl,
    strata.grant_rows, strata.item_readable,
    strata.on_create_table, strata.on_alter_table, strata.on_field_meta_change, strata.on_permissions_change,
    strata.on_access_change, strata.audit, strata.track, strata.track_ddl, strata.bump_schema_version_ddl,
    strata.notify_schema_change, strata.notify_meta_change, strata.notify_settings_change, strata.prune_events,
    strata.on_flows_change, strata.event_listeners, strata.claim_events, strata.record_and_claim, strata.on_version_save,
    strata.access_for_share, strata.share_login, strata.share_info, strata.share_password, strata.share_check';
  -- executable by strata_admin (and the installing role) only
  v_schema text := 'strata.create_collection, strata.update_collection, strata.update_collections, strata.delete_collection,
    strata.create_field, strata.update_field, strata.update_fields, strata.delete_field,
    strata.create_relation, strata.update_relation, strata.delete_relation, strata.set_system_field_index,
    strata.lock_schema_version, strata.record_event';
begin
  grant execute on all functions in schema strata to strata_request;
  execute format('revoke execute on function %s, %s from strata_request', v_internal, v_schema);
  if not exists (select from pg_roles where rolname = 'strata_admin') then return; end if;
  -- admins read and write every row (BYPASSRLS), through the same functions as requests plus
  -- the schema functions; auth and access-control machinery and credentials stay internal
  grant select, insert, update, delete, truncate, references on all tables in schema public to strata_admin;
  grant usage, select, update on all sequences in schema public to strata_admin;
  grant select, insert, update, delete on all tables in schema strata to strata_admin;
  revoke all on strata.login_attempts, strata.role_credentials, strata.events, strata.deliveries, strata.event_hooks, strata.delivery_cursor from strata_admin;
  grant usage, select on all sequences in schema strata to strata_admin;
  revoke all on sequence strata.events_id_seq, strata.deliveries_id_seq from strata_admin; -- change events are the gateway's (events/events_table.sql)
  grant execute on all functions in schema strata to strata_admin;
  execute format('revoke execute on function %s from strata_admin', v_internal);
end;
$$;
--! EndIncluded strata/access/install.sql
