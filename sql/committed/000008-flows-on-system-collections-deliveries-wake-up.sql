--! Previous: sha1:eda3ccf814bee7ada7fcc33f682541d0a68340f1
--! Hash: sha1:96d848c0be9c18ae05d8b5e52e4a73440b844aef
--! Message: Flows on system collections, deliveries wake-up

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000008-….sql.
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
--          a flow's item operation without "emit events": strata.emit_events = off). On the
--          system collections flows may listen to (hooks/track_system.sql) that is all it does.
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
  -- the hooks-only triggers of a system collection (hooks/track_system.sql): only flows and
  -- webhooks hear of its changes
  v_system boolean := TG_NAME like 'strata\_hooks\_%';
begin
  if v_system and not exists (select from strata.event_hooks h where h.collection = TG_TABLE_NAME and h.action = v_action) then
    return null;
  end if;
  select a.attname into v_pk from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
    where i.indrelid = TG_RELID and i.indisprimary;
  if v_pk is null then
    return null; -- Directus needs a primary key to name an item
  end if;

  -- the change event (the key column's name comes from the catalog, quoted; no value is SQL text)
  execute format('select jsonb_agg(to_jsonb(t.%I)) from %I t', v_pk, case when TG_OP = 'DELETE' then 'old_rows' else 'new_rows' end)
    into v_keys;
  if v_keys is not null and not v_system then
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
            -- a sign-in's last_access is bookkeeping, not a change of the user (Directus emits nothing)
            where v_api or TG_TABLE_NAME <> 'directus_users' or p.payload - 'last_access' <> '{}'::jsonb
            group by p.payload) g;
    else
      v_items := jsonb_build_array(jsonb_build_object('keys', v_keys, 'payload', v_keys));
    end if;
    perform strata.queue_deliveries(TG_TABLE_NAME, v_action, v_acc, coalesce(v_items, '[]'));
  end if;
  if v_system then
    return null;
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
--! Included strata/hooks/track_system.sql
-- The system collections whose changes flows and webhooks may listen to ("users.create", ... in
-- Directus's names) get the audit triggers too; on them strata.audit only queues deliveries, and
-- only while something listens (one index probe per statement otherwise). Not activity,
-- revisions or sessions: their own bookkeeping would feed itself. A system table that already
-- has the full audit triggers (strata_audit_*: directus_files in databases installed before
-- system collections kept their own bookkeeping) queues its deliveries through those.
do $$
declare
  t text;
begin
  foreach t in array array['directus_users', 'directus_roles', 'directus_policies', 'directus_access', 'directus_permissions',
                           'directus_files', 'directus_folders', 'directus_comments', 'directus_notifications', 'directus_presets',
                           'directus_dashboards', 'directus_panels', 'directus_translations', 'directus_shares', 'directus_versions',
                           'directus_settings', 'directus_collections', 'directus_fields', 'directus_relations']
  loop
    continue when to_regclass('public.' || t) is null;
    if exists (select from pg_trigger where tgrelid = to_regclass('public.' || t) and tgname = 'strata_audit_insert') then
      execute format('drop trigger if exists strata_hooks_insert on public.%1$I; drop trigger if exists strata_hooks_update on public.%1$I; '
                     'drop trigger if exists strata_hooks_delete on public.%1$I', t);
      continue;
    end if;
    execute format('create or replace trigger strata_hooks_insert after insert on public.%I '
                   'referencing new table as new_rows for each statement execute function strata.audit()', t);
    execute format('create or replace trigger strata_hooks_update after update on public.%I '
                   'referencing old table as old_rows new table as new_rows for each statement execute function strata.audit()', t);
    execute format('create or replace trigger strata_hooks_delete after delete on public.%I '
                   'referencing old table as old_rows for each statement execute function strata.audit()', t);
  end loop;
end;
$$;
--! EndIncluded strata/hooks/track_system.sql
--! Included strata/hooks/queue_deliveries.sql
-- Queues the deliveries of one statement's change (called by strata.audit, which knows the rows):
-- one row per listener of (collection, action) and item of p_items ([{keys, payload}]), and
-- wakes the gateways' dispatchers (NOTIFY strata_deliveries, sent at commit) when there are any.
-- Internal: executable by the installing role only.
create or replace function strata.queue_deliveries(p_collection text, p_action text, p_accountability jsonb, p_items jsonb)
returns void
language sql
volatile
security invoker
set search_path = pg_catalog
as $$
  with queued as (
    insert into strata.deliveries (kind, target, event, collection, keys, payload, accountability)
    select h.kind, h.target, 'items.' || p_action, p_collection, i -> 'keys', i -> 'payload', p_accountability
    from strata.event_hooks h cross join jsonb_array_elements(p_items) i
    where h.collection = p_collection and h.action = p_action
    returning 1
  )
  select pg_notify('strata_deliveries', '') where exists (select from queued)
$$;
--! EndIncluded strata/hooks/queue_deliveries.sql
