--! Previous: sha1:96d848c0be9c18ae05d8b5e52e4a73440b844aef
--! Hash: sha1:d1022c94ec827124743766b4ce4a03b84ae67d0a
--! Message: Review: access_for_role, audit kinds once

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000009-….sql.
--! Included strata/auth/access_for_role.sql
-- What a role may do without a user (a flow's item operation that runs "as" a role): the role
-- tree (parents) and its policies, with the admin/app flags they grant, as strata.access_for_user
-- shapes them (user null). Null when the role does not exist.
create or replace function strata.access_for_role(p_role uuid)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  with recursive tree(id, depth) as (
    select id, 0 from public.directus_roles where id = p_role
    union all
    select r.parent, t.depth + 1 from public.directus_roles r join tree t on r.id = t.id
    where r.parent is not null and t.depth < 64
  ), pol as (
    select p.id, p.admin_access, p.app_access from public.directus_policies p
    where p.id in (select a.policy from public.directus_access a where a.role in (select id from tree))
  )
  select case when exists (select from tree) then jsonb_build_object(
    'user', null,
    'role', p_role,
    'roles', (select jsonb_agg(id order by depth) from tree),
    'policies', coalesce((select jsonb_agg(id order by id) from pol), '[]'),
    'admin', coalesce((select bool_or(admin_access) from pol), false),
    'app', coalesce((select bool_or(app_access or admin_access) from pol), false)
  ) end
$$;
--! EndIncluded strata/auth/access_for_role.sql
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

  v_kinds := coalesce(v_kinds, strata.revision_kinds(TG_TABLE_NAME)); -- (already read when deliveries were queued)
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
