--! Previous: sha1:4064fd76366aa9e24eb80f73a9c2caff55a7a80a
--! Hash: sha1:eda3ccf814bee7ada7fcc33f682541d0a68340f1
--! Message: Flows and webhooks

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000007-….sql.
--! Included system/directus_webhooks.sql
-- directus_webhooks: Directus 9's webhooks (removed from Directus 11, whose migration turned
-- them into flows). Strata still serves /webhooks and delivers them, so a Directus 9 project's
-- webhooks run unchanged. `actions` and `collections` are comma-separated lists; `headers` is
-- [{header, value}].
create table if not exists directus_webhooks (
  id serial primary key,
  name varchar(255) not null,
  method varchar(10) not null default 'POST',
  url varchar(255) not null,
  status varchar(10) not null default 'active',
  data boolean not null default true,
  actions varchar(100) not null,
  collections varchar(255) not null,
  headers json,
  was_active_before_deprecation boolean not null default false,
  migrated_flow uuid
);
--! EndIncluded system/directus_webhooks.sql
--! Included strata/catalog/system_meta_flows.sql
-- System meta of flows, as Directus defines it in code: who created a flow or operation is
-- filled in on create, and a flow lists its operations (the o2m alias `operations`, deleted with
-- it by the foreign key's cascade). Directus 9's webhooks take their actions and collections as
-- lists (stored comma-separated).
insert into strata.system_fields (collection, field, special) values
  ('directus_flows', 'user_created', 'user-created'),
  ('directus_operations', 'user_created', 'user-created'),
  ('directus_webhooks', 'actions', 'cast-csv'),
  ('directus_webhooks', 'collections', 'cast-csv')
on conflict (collection, field) do nothing;

insert into strata.system_relations (many_collection, many_field, one_collection, one_field, junction_field, sort_field) values
  ('directus_operations', 'flow', 'directus_flows', 'operations', null, null)
on conflict do nothing;

-- an operation left out of a flow's `operations` is deleted (it can't exist without its flow)
update strata.system_relations set one_deselect_action = 'delete'
where many_collection = 'directus_operations' and many_field = 'flow' and one_deselect_action <> 'delete';

-- a flow's first operation is a many-to-one without a foreign key (operations reference their
-- flow, so a key back would make a cycle): a system relation with no one-to-many alias, which
-- the table's original primary key (with one_field) could not hold
alter table strata.system_relations drop constraint if exists system_relations_pkey;
alter table strata.system_relations alter column one_field drop not null;
create unique index if not exists system_relations_key on strata.system_relations (many_collection, many_field, coalesce(one_field, ''));
insert into strata.system_relations (many_collection, many_field, one_collection, one_field) values
  ('directus_flows', 'operation', 'directus_operations', null)
on conflict do nothing;
--! EndIncluded strata/catalog/system_meta_flows.sql
--! Included strata/hooks/deliveries_table.sql
-- The delivery queue of flows and webhooks: one row per (change, listener), written by the audit
-- trigger in the writing transaction (strata.queue_deliveries), so a committed change always has
-- its deliveries and an aborted one has none; schedule ticks are rows too (`dedupe` makes one
-- row per flow and tick however many gateways tick). Gateways claim due rows with a lease
-- (FOR UPDATE SKIP LOCKED: one claimant per row), run them, and record the outcome: delivered,
-- or a retry at `next_at` with exponential backoff, or failed after the last attempt. A gateway
-- that dies mid-delivery leaves a lease that expires, and another gateway delivers again: at
-- least once. Only the installing role reads or writes it (access/install.sql); admins read it
-- through GET /flows/deliveries.
--   kind/target: 'flow' and the flow's id, or 'webhook' and the webhook's id
--   event: Directus's event name ('items.create', ...; 'schedule' for a tick)
--   keys: the keys the delivery is about (one for a create, as Directus runs a flow per item)
--   payload: what was written, in the items API's formats (the columns a request wrote; for
--            plain SQL the new row or the changed columns); the keys for a delete
create table if not exists strata.deliveries (
  id bigserial primary key,
  kind text not null check (kind in ('flow', 'webhook')),
  target text not null,
  event text not null,
  collection text,
  keys jsonb,
  payload jsonb,
  accountability jsonb,
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
create index if not exists deliveries_due on strata.deliveries (next_at) where status = 'pending';
create index if not exists deliveries_done on strata.deliveries (updated_at) where status <> 'pending';
--! EndIncluded strata/hooks/deliveries_table.sql
--! Included strata/hooks/event_hooks.sql
-- Which collections and actions have listeners (active action flows on items.<action> events,
-- active webhooks), one row per (collection, action, listener): the audit trigger looks here
-- once per statement (an index probe), so a write nobody listens to costs nothing more.
-- Rebuilt from directus_flows and directus_webhooks by a trigger on each (and on
-- directus_operations), in the writing transaction, so a listener added by plain SQL counts from
-- its commit on; the same trigger tells the gateways (NOTIFY strata_flows) to reload their flows.
create table if not exists strata.event_hooks (
  collection text not null,
  action text not null,
  kind text not null,
  target text not null,
  primary key (collection, action, kind, target)
);

create or replace function strata.on_flows_change()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  delete from strata.event_hooks;
  insert into strata.event_hooks (collection, action, kind, target)
  select distinct c.value, split_part(s.value, '.', 2), 'flow', f.id::text
  from public.directus_flows f
  cross join lateral jsonb_array_elements_text(case jsonb_typeof(f.options::jsonb -> 'scope') when 'array' then f.options::jsonb -> 'scope'
                                                    when 'string' then jsonb_build_array(f.options::jsonb -> 'scope') else '[]' end) s
  cross join lateral jsonb_array_elements_text(case jsonb_typeof(f.options::jsonb -> 'collections') when 'array' then f.options::jsonb -> 'collections'
                                                    when 'string' then jsonb_build_array(f.options::jsonb -> 'collections') else '[]' end) c
  where f.status = 'active' and f.trigger = 'event' and f.options::jsonb ->> 'type' = 'action'
    and s.value in ('items.create', 'items.update', 'items.delete')
  union
  select distinct trim(c), trim(a), 'webhook', w.id::text
  from public.directus_webhooks w
  cross join lateral unnest(string_to_array(w.collections, ',')) c
  cross join lateral unnest(string_to_array(w.actions, ',')) a
  where w.status = 'active' and trim(a) in ('create', 'update', 'delete') and trim(c) <> ''
  on conflict do nothing;
  perform pg_notify('strata_flows', tg_table_name);
  return null;
end;
$$;

create or replace trigger strata_event_hooks after insert or update or delete or truncate on public.directus_flows
  for each statement execute function strata.on_flows_change();
create or replace trigger strata_event_hooks after insert or update or delete or truncate on public.directus_webhooks
  for each statement execute function strata.on_flows_change();
create or replace trigger strata_event_hooks after insert or update or delete or truncate on public.directus_operations
  for each statement execute function strata.on_flows_change();
--! EndIncluded strata/hooks/event_hooks.sql
--! Included strata/hooks/queue_deliveries.sql
-- Queues the deliveries of one statement's change (called by strata.audit, which knows the rows):
-- one row per listener of (collection, action) and item of p_items ([{keys, payload}]).
-- Internal: executable by the installing role only.
create or replace function strata.queue_deliveries(p_collection text, p_action text, p_accountability jsonb, p_items jsonb)
returns void
language sql
volatile
security invoker
set search_path = pg_catalog
as $$
  insert into strata.deliveries (kind, target, event, collection, keys, payload, accountability)
  select h.kind, h.target, 'items.' || p_action, p_collection, i -> 'keys', i -> 'payload', p_accountability
  from strata.event_hooks h cross join jsonb_array_elements(p_items) i
  where h.collection = p_collection and h.action = p_action
$$;
--! EndIncluded strata/hooks/queue_deliveries.sql
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
--   deliveries: when flows or webhooks listen to this collection and action (strata.event_hooks),
--          the items they get (a create per row, an update per distinct written payload, a
--          delete per statement) are queued in strata.deliveries, in this transaction too (not for
--          a flow's item operation without "emit events": strata.emit_events = off).
--   nested writes: the write functions set strata.depth before each statement; the ids of the
--          revisions written at depth d are appended to strata.revs_<d>, which the write
--          functions read to set `parent` (strata.link_revisions).
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
  v_acc jsonb := nullif(current_setting('strata.accountability', true), '')::jsonb;
  v_depth text := nullif(current_setting('strata.depth', true), '');
  v_user uuid;
  v_ip text;
  v_ua text;
  v_origin text;
  v_ids int[];
  v_seq regclass := pg_get_serial_sequence('public.directus_activity', 'id')::regclass;
  v_written jsonb := nullif(current_setting('strata.delta_cols', true), '')::jsonb;
  v_api boolean := v_written ->> 'table' = TG_TABLE_NAME;
  v_only text[] := array(select jsonb_array_elements_text(v_written -> 'columns'));
  v_kinds jsonb;
  v_proj text;
  v_keys jsonb;
  v_event bigint;
  v_action text := case TG_OP when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end;
  v_items jsonb;
begin
  select a.attname into v_pk from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
    where i.indrelid = TG_RELID and i.indisprimary;
  if v_pk is null then
    return null; -- Directus needs a primary key to name an item
  end if;

  -- the change event (the key column's name comes from the catalog, quoted; no value is SQL text)
  execute format('select jsonb_agg(to_jsonb(t.%I)) from %I t', v_pk, case when TG_OP = 'DELETE' then 'old_rows' else 'new_rows' end)
    into v_keys;
  if v_keys is not null then
    insert into strata.events (collection, action, keys, accountability)
    values (TG_TABLE_NAME, v_action, v_keys, v_acc)
    returning id into v_event;
    perform pg_notify('strata_events', v_event::text);
  end if;

  -- flows and webhooks listening to this change: what each of them is handed
  if v_keys is not null and current_setting('strata.emit_events', true) is distinct from 'off'
     and exists (select from strata.event_hooks h where h.collection = TG_TABLE_NAME and h.action = v_action) then
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
            group by p.payload) g;
    else
      v_items := jsonb_build_array(jsonb_build_object('keys', v_keys, 'payload', v_keys));
    end if;
    perform strata.queue_deliveries(TG_TABLE_NAME, v_action, v_acc, v_items);
  end if;

  -- a DBA's bulk load: `set strata.audit = off` for the session; never for a request's session
  -- (the request roles could set it themselves)
  if current_setting('strata.audit', true) = 'off' and session_user::text not in ('strata_request', 'strata_admin') then
    return null;
  end if;
  select c.accountability into v_mode from directus_collections c where c.collection = TG_TABLE_NAME;
  if not found then
    v_mode := 'all';
  elsif v_mode is null then
    return null;
  end if;

  v_kinds := strata.revision_kinds(TG_TABLE_NAME);
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

  if TG_OP = 'INSERT' and v_api and v_mode = 'all' then
    v_proj := strata.revision_projection(TG_TABLE_NAME, v_kinds, v_only, 'n');
  end if;
  if v_proj is not null then
    -- the API's creates (the written columns are the same for every row): the revision's JSON
    -- is one json_build_object per row, built once for the statement
    execute format('with r as materialized (select nextval(%L::regclass) as aid, left((n.%I)::text, 255) as item, %s as d from new_rows n), '
                   'a as (insert into public.directus_activity (id, action, "user", ip, user_agent, origin, collection, item) '
                   '      select r.aid, ''create'', $1, left($2, 50), $3, left($4, 255), %L, r.item from r), '
                   'v as (insert into public.directus_revisions (activity, collection, item, data, delta) '
                   '      select r.aid, %L, r.item, r.d, r.d from r order by r.aid returning id) '
                   'select array_agg(id order by id) from v',
                   v_seq, v_pk, v_proj, TG_TABLE_NAME, TG_TABLE_NAME)
      into v_ids using v_user, v_ip, v_ua, v_origin;
  elsif TG_OP = 'INSERT' then
    -- activity ids are drawn up front so each revision names its activity without a join
    with r as materialized (select nextval(v_seq) as aid, row_to_json(n.*) as j from new_rows n),
    a as (
      insert into directus_activity (id, action, "user", ip, user_agent, origin, collection, item)
      select r.aid, 'create', v_user, left(v_ip, 50), v_ua, left(v_origin, 255), TG_TABLE_NAME, left(r.j ->> v_pk, 255) from r
    ),
    v as (
      insert into directus_revisions (activity, collection, item, data, delta)
      select r.aid, TG_TABLE_NAME, left(r.j ->> v_pk, 255), f.d, f.d
      from r cross join lateral (select strata.revision_json(v_kinds, r.j, case when v_api then v_only end) as d) f
      where v_mode = 'all'
      order by r.aid
      returning id
    )
    select array_agg(id order by id) into v_ids from v;
  elsif TG_OP = 'UPDATE' then
    with r as materialized (
      select nextval(v_seq) as aid, nn.j,
             case when v_api then v_only
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
      select r.aid, TG_TABLE_NAME, left(r.j ->> v_pk, 255), strata.revision_json(v_kinds, r.j), strata.revision_json(v_kinds, r.j, r.changed) from r
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
--! Included strata/write/write_request.sql
-- The gateway's one statement per write request: performs the write, then re-reads the written
-- items with the request's query in the same statement (p_read_sql: the compiled read the
-- gateway has cached for that query's shape; null = no re-read, e.g. DELETE). Returns what
-- that read returns, as it is (the compiler builds the envelope, p_opts.output), or null for 204.
--   p_action: create | update | patch_collection | delete | delete_query
--   p_args:   create {payload}; update {keys|key, data}; patch_collection {data: the body of
--             PATCH /items/c: an array of items, {keys, data}, {query, data}, or for a singleton
--             the item}; delete {keys|key}; delete_query {query}
--   p_opts:   max_batch_mutation, default_limit, read_mode ('one' | 'list'), path (for 404s),
--             schema_version (the gateway's, see strata.check_schema_version),
--             output (of the compiled read, see strata.compile_read: 'envelope' for REST),
--             emit_events (false: a flow's item operation without "emit events": no flow or
--             webhook hears of this write; realtime still does)
create or replace function strata.write_request(p_action text, p_collection text, p_args jsonb, p_read_sql text, p_query jsonb, p_opts jsonb)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_keys jsonb;
  v_body text;
  v_pk text;
  v_existing jsonb;
  v_body_in jsonb := p_args -> 'data';
  v_read text := p_read_sql;
  v_singleton boolean := coalesce((select singleton from public.directus_collections where collection = p_collection), false);
begin
  perform strata.check_schema_version(p_opts ->> 'schema_version');
  perform set_config('strata.max_batch_mutation', coalesce(p_opts ->> 'max_batch_mutation', ''), true);
  perform set_config('strata.mutations', '0', true);
  perform set_config('strata.write_path', '[]', true);
  perform set_config('strata.emit_events', case when (p_opts -> 'emit_events') = 'false' then 'off' else '' end, true);
  -- the gateway's own two-factor routes (POST /users/me/tfa/enable|disable) set the caller's
  -- tfa_secret once they verified the OTP, and an admin's POST /users/:id/tfa/disable clears a
  -- user's; any other payload setting it is refused (strata.check_user_payload), at any depth
  perform set_config('strata.tfa_route',
    case when p_collection = 'directus_users' and p_action = 'update'
              and (select array_agg(k) from jsonb_object_keys(p_args -> 'data') k) = '{tfa_secret}'
              and ((p_opts ->> 'path' in ('/users/me/tfa/enable', '/users/me/tfa/disable')
                    and p_args ->> 'key' = strata.accountability() ->> 'user')
                or (p_opts ->> 'path' = format('/users/%s/tfa/disable', p_args ->> 'key')
                    and (strata.accountability() ->> 'admin')::boolean is true
                    and jsonb_typeof(p_args -> 'data' -> 'tfa_secret') = 'null'))
         then 'on' else '' end, true);
  if v_singleton and (p_action = 'create' or (p_action = 'update' and p_args ? 'key')) then
    -- Directus has no such routes for singletons
    perform strata.raise('ROUTE_NOT_FOUND', format('Route %s doesn''t exist.', p_opts ->> 'path'), jsonb_build_object('path', p_opts ->> 'path'));
  end if;
  if p_action = 'patch_collection' then
    if v_singleton then
      p_action := 'upsert_singleton';
      v_read := strata.compile_request(p_collection, coalesce(p_query, '{}') - 'limit', p_opts || '{"mode":"list"}');
    elsif jsonb_typeof(v_body_in) = 'array' then
      p_action := 'update_batch';
    elsif jsonb_typeof(v_body_in) <> 'object' then
      perform strata.invalid_payload('"value" must be of type object');
    elsif v_body_in ? 'keys' and v_body_in ? 'query' then
      perform strata.invalid_payload('"value" contains a conflict between exclusive peers [query, keys]');
    elsif not v_body_in ? 'keys' and not v_body_in ? 'query' then
      perform strata.invalid_payload('"value" must contain at least one of [query, keys]');
    elsif not v_body_in ? 'data' then
      perform strata.invalid_payload('"data" is required');
    elsif v_body_in ? 'keys' then
      p_action := 'update';
      p_args := jsonb_build_object('keys', v_body_in -> 'keys', 'data', v_body_in -> 'data');
    else
      p_action := 'update_query';
      p_args := jsonb_build_object('query', v_body_in -> 'query', 'data', v_body_in -> 'data');
    end if;
  end if;

  case p_action
    when 'create' then
      v_keys := strata.create_items(p_collection, p_args -> 'payload', 0);
    when 'update' then
      v_keys := strata.update_items(p_collection, coalesce(p_args -> 'keys', jsonb_build_array(p_args -> 'key')), p_args -> 'data', 0);
      if not p_args ? 'keys' then v_keys := v_keys -> 0; end if;
    when 'update_batch' then
      v_keys := strata.update_batch(p_collection, p_args -> 'data', 0);
    when 'update_query' then
      v_keys := strata.update_items(p_collection, strata.keys_by_query(p_collection, p_args -> 'query', p_opts), p_args -> 'data', 0);
    when 'upsert_singleton' then
      v_pk := strata.primary_key(p_collection);
      execute format('select to_jsonb(%I) from public.%I limit 1', v_pk, p_collection) into v_existing;
      if v_existing is null then
        v_keys := strata.create_items(p_collection, p_args -> 'data', 0);
      else
        v_keys := strata.update_items(p_collection, jsonb_build_array(v_existing), p_args -> 'data', 0) -> 0;
      end if;
    when 'delete' then
      v_keys := strata.delete_items(p_collection, coalesce(p_args -> 'keys', jsonb_build_array(p_args -> 'key')), 0);
    when 'delete_query' then
      v_keys := strata.delete_items(p_collection, strata.keys_by_query(p_collection, p_args -> 'query', p_opts), 0);
    else
      perform strata.invalid_payload(format('Unknown write action "%s"', p_action));
  end case;

  if v_read is null then
    return null;
  end if;
  if p_action = 'upsert_singleton' then
    execute v_read into v_body using coalesce(p_query, '{}') - 'limit';
    return v_body;
  end if;
  if p_opts ->> 'read_mode' = 'one' then
    execute v_read into v_body using coalesce(p_query, '{}') || jsonb_build_object('key', v_keys #>> '{}');
    return v_body;  -- null (204) when the item can't be read
  end if;
  execute v_read into v_body using coalesce(p_query, '{}') || jsonb_build_object('keys', (select coalesce(jsonb_agg(value #>> '{}'), '[]') from jsonb_array_elements(v_keys)));
  return v_body;
end;
$$;
--! EndIncluded strata/write/write_request.sql
--! Included strata/write/keys_by_query.sql
-- The keys of the items a Directus query selects ({query, data} updates, {query} deletes),
-- through the read compiler (so filters, search, sort, limit mean what they mean for reads).
create or replace function strata.keys_by_query(p_collection text, p_query jsonb, p_opts jsonb default '{}')
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_pk text := strata.primary_key(p_collection);
  v_query jsonb := coalesce(p_query, '{}') || jsonb_build_object('fields', jsonb_build_array(v_pk));
  v_body text;
  v_sql text;
  v_action text := current_setting('strata.field_action', true);
begin
  -- compiled with the request's read field permissions (a filter, search or sort on a field
  -- the caller can't read is Directus's 403, not an oracle telling which items it matched)
  perform set_config('strata.field_action', 'read', true);
  -- (always the envelope: the write's own re-read may be compiled for bare values)
  v_sql := strata.compile_read(p_collection, v_query, p_opts || '{"mode":"list","output":"envelope"}');
  perform set_config('strata.field_action', coalesce(v_action, ''), true);
  execute v_sql into v_body using v_query;
  return (select coalesce(jsonb_agg(e -> v_pk), '[]') from jsonb_array_elements(v_body::jsonb -> 'data') e);
end;
$$;
--! EndIncluded strata/write/keys_by_query.sql
--! Included strata/write/write_meta.sql
-- What the write functions need to know about a collection (strata.collection_meta), cached
-- per connection in a session setting keyed by strata.schema_version (bumped by any DDL and
-- any change to directus_collections/fields/relations), plus the request's automatic values
-- (date-created/updated, user-created/updated). 403 when the collection does not exist, worded
-- as Directus words it for writes as for reads.
create or replace function strata.write_meta(p_collection text)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_version text := (select version::text from strata.schema_version);
  v_name text := 'strata.meta_' || md5(p_collection);
  v_cached text := current_setting(v_name, true);
  m jsonb;
  v_now jsonb := to_jsonb(now());
  v_user jsonb := strata.accountability() -> 'user';
begin
  if v_cached is not null and v_version is not null and starts_with(v_cached, v_version || '|') then
    m := substr(v_cached, length(v_version) + 2)::jsonb;
  else
    m := strata.collection_meta(p_collection);
    if m is null then
      perform strata.raise('FORBIDDEN', format('You don''t have permission to access collection "%s" or it does not exist. Queried in root.', p_collection),
        jsonb_build_object('reason', format('You don''t have permission to access collection "%s" or it does not exist. Queried in root.', p_collection)));
    end if;
    if v_version is not null then
      perform set_config(v_name, v_version || '|' || m::text, false);
    end if;
  end if;
  return m || jsonb_build_object(
    'on_create', (select coalesce(jsonb_object_agg(f, v_now), '{}') from jsonb_array_elements_text(m -> 'date_created') f)
              || (select coalesce(jsonb_object_agg(f, v_user), '{}') from jsonb_array_elements_text(m -> 'user_created') f),
    'on_update', (select coalesce(jsonb_object_agg(f, v_now), '{}') from jsonb_array_elements_text(m -> 'date_updated') f)
              || (select coalesce(jsonb_object_agg(f, v_user), '{}') from jsonb_array_elements_text(m -> 'user_updated') f));
end;
$$;
--! EndIncluded strata/write/write_meta.sql
--! Included strata/read/compile_read.sql
-- The read compiler's entry point: a normalized Directus query (or its shape: the same query
-- with values replaced, see src/engine/shape.ts) to ONE statement returning the whole
-- response body as text. The statement reads every value from its single jsonb parameter $1
-- (the full query), so equal shapes give equal SQL and share a prepared plan.
--   p_opts.mode: 'list' -> the items (or, for aggregate/groupBy, the groups); 'one' -> the item
--                with key $1->'key', SQL null when it can't be read; 'singleton' -> the one row
--                (a singleton collection reads so in any mode), its fields' defaults with no row
--   p_opts.output: how the statement wraps that value; the one place Directus's envelope is built
--                'envelope' (default): the REST body: {"meta":{...},"data":[...]} for lists
--                  (meta only when asked), {"data":{...}} for one item and singletons (still
--                  SQL null for an unreadable item, which REST answers 403 and writes 204)
--                'value': the value alone, for front ends without an envelope (GraphQL root
--                  fields, realtime): [...], {...} or SQL null, {...}. `meta` is REST's and is
--                  ignored (GraphQL asks for counts with an aggregate query)
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
  v_envelope boolean := coalesce(p_opts ->> 'output', 'envelope') = 'envelope';
  v_rows text;
  v_join text;
  v_pk text;
  v_meta text[] := '{}';
  v_key text;
  v_where text;
  msg text;
  v_pk_type text;
  v_singleton boolean;
  v_opts jsonb := p_opts || jsonb_build_object('backlink', coalesce(p_query -> 'backlink', 'true'));
  v_defaults text;
  v_ctx strata.select_context; -- the root level of the read (strata.compile_select)
  v_done text[] := '{}';
  -- every statement names its parameter, even a query without values, so it always has one
  v_from constant text := ' from (select $1::jsonb) as params';
begin
  if coalesce(p_opts ->> 'output', 'envelope') not in ('envelope', 'value') then
    raise exception 'strata.compile_read: unknown output "%"', p_opts ->> 'output';
  end if;
  -- json() and _json path syntax is checked first, as Directus checks it while parsing
  perform strata.validate_json_paths(p_query);
  if not strata.collection_exists(p_collection) then
    msg := format('You don''t have permission to access collection "%s" or it does not exist. Queried in root.', p_collection);
    perform strata.raise('FORBIDDEN', msg, jsonb_build_object('reason', msg));
  end if;
  v_pk := strata.primary_key(p_collection);
  if not (p_query ? 'aggregate' or p_query ? 'groupBy') then
    perform strata.check_query_fields(p_collection, p_query, p_opts);
  end if;

  v_pk_type := (select udt from strata.columns where collection = p_collection and field = v_pk);
  v_singleton := v_mode = 'singleton' or coalesce((select singleton from public.directus_collections where collection = p_collection), false);
  if v_mode = 'one' then
    -- a key that can't be one of this type names no item: 403 as Directus answers, not a cast error
    v_join := format('r.%I = (%s)::%s', v_pk, case
      when v_pk_type = 'uuid' then format('case when %1$s ~* %2$L then %1$s end', strata.param('{key}'), '^\{?[0-9a-f]{8}-?([0-9a-f]{4}-?){3}[0-9a-f]{12}\}?$')
      when v_pk_type in ('int2', 'int4', 'int8') then format('case when %1$s ~ %2$L then %1$s end', strata.param('{key}'), '^\s*[-+]?[0-9]{1,18}\s*$')
      else strata.param('{key}') end, v_pk_type);
  elsif p_query ? 'keys' then
    -- SEARCH {"keys": [...]}
    v_join := format('r.%I in (select v::%s from jsonb_array_elements_text($1::jsonb -> ''keys'') v)', v_pk, v_pk_type);
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
--! Included strata/write/check_required.sql
-- Directus validates required fields before writing: a column that can't be null and has no
-- default must be given when creating ("Value is required."), and no such column may be set to
-- null ("Value can't be null."). FAILED_VALIDATION with the field, Directus's `type` (required,
-- nnull) and `path`: the relational fields leading to this item from the request's top level
-- (strata.write_path, kept by the nested write functions). Every failing field of the first
-- failing item is reported, as Directus reports them.
create or replace function strata.check_required(p_meta jsonb, p_rows jsonb, p_create boolean)
returns void
language plpgsql
stable
security invoker
as $$
declare
  v_errs jsonb;
  v_path jsonb;
  v_at text;
begin
  -- every failing field of the first failing item, in column order (Directus lists them all)
  select jsonb_agg(jsonb_build_object('field', x.f, 'type', x.t) order by x.fo) into v_errs
  from (
    select f, fo, case when r ? f then 'nnull' else 'required' end as t, dense_rank() over (order by o) as item
    from jsonb_array_elements(p_rows) with ordinality x(r, o)
    cross join lateral jsonb_array_elements_text(p_meta -> 'not_null') with ordinality n(f, fo)
    where (r ? f and jsonb_typeof(r -> f) = 'null')
       or (p_create and not r ? f and (p_meta -> 'required') ? f)
  ) x
  where x.item = 1;
  if v_errs is null then
    return;
  end if;
  v_path := coalesce(nullif(current_setting('strata.write_path', true), '')::jsonb, '[]');
  v_at := case when v_path = '[]' then '' else format(' at "%s"', (select string_agg(p, '.') from jsonb_array_elements_text(v_path) p)) end;
  -- the first error is raised; the others ride along in `more` (src/db/errors.ts)
  perform strata.raise('FAILED_VALIDATION',
    format('Validation failed for field "%s"%s. %s', v_errs -> 0 ->> 'field', v_at,
           case v_errs -> 0 ->> 'type' when 'required' then 'Value is required.' else 'Value can''t be null.' end),
    jsonb_build_object('field', v_errs -> 0 ->> 'field', 'path', v_path, 'type', v_errs -> 0 ->> 'type')
    || case when jsonb_array_length(v_errs) > 1 then jsonb_build_object('more', (
         select jsonb_agg(jsonb_build_object(
           'message', format('Validation failed for field "%s"%s. %s', e ->> 'field', v_at,
                             case e ->> 'type' when 'required' then 'Value is required.' else 'Value can''t be null.' end),
           'extensions', jsonb_build_object('field', e ->> 'field', 'path', v_path, 'type', e ->> 'type')) order by o)
         from jsonb_array_elements(v_errs) with ordinality y(e, o) where o > 1))
       else '{}'::jsonb end);
end;
$$;
--! EndIncluded strata/write/check_required.sql
--! Included strata/write/collection_meta.sql
-- The static part of strata.write_meta: a collection's key, columns, special fields and
-- relational fields, from one pass over strata.columns and one over strata.relations.
create or replace function strata.collection_meta(p_collection text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  v_out jsonb;
  v_pk text;
begin
  select jsonb_build_object(
    'collection', p_collection,
    'pk', (array_agg(c.field order by c.position) filter (where c.is_primary_key))[1],
    'pk_type', (array_agg(c.data_type order by c.position) filter (where c.is_primary_key))[1],
    'pk_default', (array_agg(c.default_expr order by c.position) filter (where c.is_primary_key))[1],
    'pk_udt', (array_agg(c.udt order by c.position) filter (where c.is_primary_key))[1],
    'columns', coalesce(jsonb_agg(c.field) filter (where not c.is_generated), '[]'),
    'types', coalesce(jsonb_object_agg(c.field, c.data_type), '{}'),
    'uuid', coalesce(jsonb_agg(c.field) filter (where 'uuid' = any(string_to_array(c.special, ','))), '[]'),
    'csv', coalesce(jsonb_agg(c.field) filter (where 'cast-csv' = any(string_to_array(c.special, ','))), '[]'),
    'date_created', coalesce(jsonb_agg(c.field) filter (where 'date-created' = any(string_to_array(c.special, ','))), '[]'),
    'user_created', coalesce(jsonb_agg(c.field) filter (where 'user-created' = any(string_to_array(c.special, ','))), '[]'),
    'date_updated', coalesce(jsonb_agg(c.field) filter (where 'date-updated' = any(string_to_array(c.special, ','))), '[]'),
    'user_updated', coalesce(jsonb_agg(c.field) filter (where 'user-updated' = any(string_to_array(c.special, ','))), '[]'),
    -- FAILED_VALIDATION before writing (strata.check_required), as Directus validates
    -- (in column order: the order Directus reports them in)
    'not_null', coalesce(jsonb_agg(c.field order by c.position) filter (where not c.is_nullable and not c.is_generated and not c.has_auto_increment), '[]'),
    'required', coalesce(jsonb_agg(c.field order by c.position) filter (where not c.is_nullable and not c.is_generated and not c.has_auto_increment
                                                      and c.default_expr is null), '[]'))
  into v_out
  from strata.columns c where c.collection = p_collection;
  v_pk := v_out ->> 'pk';
  if v_pk is null then
    return null;
  end if;
  v_out := v_out || jsonb_build_object('pk_sequence', pg_get_serial_sequence(format('public.%I', p_collection), v_pk),
    -- the fields' validation rules (strata.check_validation); [] for most collections
    'validation', strata.field_validation_rules(p_collection));
  -- a uuid key without a default is generated, as Directus does for system collections
  if v_out ->> 'pk_udt' = 'uuid' and v_out ->> 'pk_default' is null and not (v_out -> 'uuid') ? v_pk then
    v_out := jsonb_set(v_out, '{uuid}', (v_out -> 'uuid') || to_jsonb(v_pk));
  end if;

  select v_out || jsonb_build_object('relational', coalesce(jsonb_object_agg(f.field, f.info), '{}'))
  into v_out
  from (
    select r.many_field as field,
           case when r.one_collection is null and r.one_allowed_collections is not null
                then jsonb_build_object('kind', 'm2a', 'allowed', to_jsonb(r.one_allowed_collections), 'collection_field', r.one_collection_field)
                else jsonb_build_object('kind', 'column', 'related', r.one_collection) end as info
    from strata.relations r where r.many_collection = p_collection
    union all
    select r.one_field, jsonb_build_object('kind', 'o2m', 'related', r.many_collection, 'related_field', r.many_field,
             'related_pk', strata.primary_key(r.many_collection), 'junction_field', r.junction_field,
             'sort_field', r.sort_field, 'deselect', r.one_deselect_action)
    from strata.relations r where r.one_collection = p_collection and r.one_field is not null
  ) f;
  return v_out;
end;
$$;
--! EndIncluded strata/write/collection_meta.sql
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
  v_internal text := 'strata.access_for_user, strata.access_for_token, strata.access_public, strata.bootstrap_admin,
    strata.session_login, strata.session_refresh, strata.session_logout, strata.login_failed, strata.login_suspend,
    strata.is_last_admin, strata.password_reset, strata.invite_user, strata.invite_accept, strata.register_user,
    strata.register_verify, strata.audit_user_change, strata.on_user_change, strata.as_user,
    strata.protect, strata.protect_all, strata.protect_view, strata.grant_table, strata.sync_policies, strata.run_ddl,
    strata.grant_rows, strata.item_readable,
    strata.on_create_table, strata.on_alter_table, strata.on_field_meta_change, strata.on_permissions_change,
    strata.on_access_change, strata.audit, strata.track, strata.track_ddl, strata.bump_schema_version_ddl,
    strata.notify_schema_change, strata.notify_meta_change, strata.prune_events,
    strata.on_flows_change, strata.queue_deliveries';
  -- executable by strata_admin (and the installing role) only
  v_schema text := 'strata.create_collection, strata.update_collection, strata.update_collections, strata.delete_collection,
    strata.create_field, strata.update_field, strata.update_fields, strata.delete_field,
    strata.create_relation, strata.update_relation, strata.delete_relation, strata.set_system_field_index';
begin
  grant execute on all functions in schema strata to strata_request;
  execute format('revoke execute on function %s, %s from strata_request', v_internal, v_schema);
  if not exists (select from pg_roles where rolname = 'strata_admin') then return; end if;
  -- admins read and write every row (BYPASSRLS), through the same functions as requests plus
  -- the schema functions; auth and access-control machinery and credentials stay internal
  grant select, insert, update, delete, truncate, references on all tables in schema public to strata_admin;
  grant usage, select, update on all sequences in schema public to strata_admin;
  grant select, insert, update, delete on all tables in schema strata to strata_admin;
  revoke all on strata.login_attempts, strata.role_credentials, strata.events, strata.deliveries, strata.event_hooks from strata_admin;
  grant usage, select on all sequences in schema strata to strata_admin;
  revoke all on sequence strata.events_id_seq, strata.deliveries_id_seq from strata_admin; -- change events are the gateway's (events/events_table.sql)
  grant execute on all functions in schema strata to strata_admin;
  execute format('revoke execute on function %s from strata_admin', v_internal);
end;
$$;
--! EndIncluded strata/access/install.sql
