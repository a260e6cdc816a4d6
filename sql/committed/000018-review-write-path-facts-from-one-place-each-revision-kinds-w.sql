--! Previous: sha1:09abcd07af8dcc5d1365fdee63eb4c02a4d0a6e5
--! Hash: sha1:954cac587dad9815ef411a7dbe64b7b1155bf7e3
--! Message: Review: write-path facts from one place each (revision kinds, written columns, schema version check, the key's sequence)

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000018-….sql.
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
--          system collections of hooks/track_system.sql the change event and the deliveries are
--          all it does (no activity or revisions).
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
  v_written jsonb := nullif(current_setting('strata.delta_cols', true), '')::jsonb;
  v_api boolean := v_written ->> 'table' = TG_TABLE_NAME;
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
  v_listened boolean;
  v_meta boolean;
begin
  -- what this statement needs to know about the table, in one statement: its key, whether
  -- flows or webhooks listen to this action, its accountability mode (directus_collections).
  -- Looked up, not cached in a session setting: the request roles can write those, and
  -- this security-definer trigger must not let them choose what is audited
  select (select a.attname from pg_index i
            join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
           where i.indrelid = TG_RELID and i.indisprimary),
         exists (select from strata.event_hooks h where h.collection = TG_TABLE_NAME and h.action = v_action),
         c.collection is not null, c.accountability
    into v_pk, v_listened, v_meta, v_mode
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
  if v_keys is not null then
    insert into strata.events (collection, action, keys, accountability)
    values (TG_TABLE_NAME, v_action, v_keys, v_acc)
    returning id into v_event;
    perform pg_notify('strata_events', v_event::text);
  end if;

  -- flows and webhooks listening to this change: what each of them is handed
  if v_keys is not null and current_setting('strata.emit_events', true) is distinct from 'off'
     and v_listened then
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
  if not v_meta then
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
--! Included strata/write/update_items.sql
-- Updates the items with the given keys with one payload (PATCH /items/c/:id, {keys, data},
-- {query, data}): nested many-to-one values are written once, the row update is ONE statement
-- for all keys (one per group of items whose permissions give them different presets),
-- one-to-many values are applied per key. Returns the keys. The statements by key run in the
-- update's write scope (strata.write_scope): rows the caller may update but not read are
-- updated, as Directus does; what is answered is re-read with the read permission.
-- p_link: the foreign key strata.write_o2m_fields adds to a child's payload (not one of the
-- fields the caller set, so not named in the 403).
drop function if exists strata.update_items(text, jsonb, jsonb, int);
create or replace function strata.update_items(p_collection text, p_keys jsonb, p_payload jsonb, p_depth int default 0, p_link text default null)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  m jsonb := strata.write_meta(p_collection);
  v_pk text := m ->> 'pk';
  v_payload jsonb;
  v_checked jsonb;
  v_prep jsonb;
  v_groups jsonb[];
  v_group jsonb;
  v_row jsonb;
  v_key jsonb;
  v_mark int;
  v_list text;
  v_written jsonb;
  v_sql text;
  v_arg jsonb;
  v_count int;
  v_fk_detail text;
  v_named jsonb;
  v_admin boolean := coalesce((strata.accountability() ->> 'admin')::boolean, false);
begin
  if jsonb_typeof(p_payload) is distinct from 'object' then
    perform strata.invalid_payload('"data" must be an object');
  end if;
  if jsonb_typeof(p_keys) is distinct from 'array' then
    perform strata.invalid_payload('"keys" must be an array');
  end if;
  if jsonb_array_length(p_keys) = 0 then
    return '[]';
  end if;
  if not v_admin then
    -- the fields the caller set, for a refusal's words (strata.check_affected)
    v_named := (select coalesce(jsonb_agg(k), '[]') from jsonb_object_keys(p_payload - coalesce(p_link, '')) k);
  end if;
  v_payload := p_payload;
  -- Directus's rules of the system collections (users, roles, policies, permissions), at any depth
  if p_collection in ('directus_users', 'directus_roles', 'directus_policies', 'directus_permissions') then
    v_payload := strata.system_item(p_collection, v_payload, p_keys);
  end if;
  if p_collection in ('directus_users', 'directus_roles', 'directus_policies', 'directus_access') then
    perform strata.admins_may_change();
  end if;
  v_mark := strata.revision_mark(p_depth);
  -- the request's permissions, item by item: each item's presets are those of the grants
  -- that allow it, so items may differ in the presets they get (admins: the payload as given)
  if v_admin then
    null; -- (v_checked is read only for validation rules, below)
  else
    v_checked := strata.check_write(m, 'update',
      (select jsonb_agg(jsonb_build_object('key', k, 'payload', v_payload)) from jsonb_array_elements(p_keys) k));
  end if;
  -- the fields' validation rules, on the payload as given (with each item's presets)
  if m -> 'validation' <> '[]' then
    perform strata.check_validation(m, case when v_admin then jsonb_build_array(v_payload)
      else (select jsonb_agg(p) from (select distinct c -> 'payload' as p from jsonb_array_elements(v_checked) c) d) end);
  end if;
  v_prep := strata.prepare_row(m, v_payload - v_pk, p_depth);
  -- the items grouped by the presets they get (admins: none, one group, no statement)
  if v_admin then
    v_groups := array[jsonb_build_object('presets', '{}'::jsonb, 'keys', p_keys)];
  else
    v_groups := array(select jsonb_build_object('presets', g.presets, 'keys', g.keys) from (
      select ((c -> 'payload') - array(select jsonb_object_keys(v_payload))) - v_pk as presets, jsonb_agg(c -> 'key') as keys
      from jsonb_array_elements(v_checked) c
      group by 1) g);
  end if;
  foreach v_group in array v_groups loop
    v_row := v_prep -> 'row';
    if (v_group -> 'presets') <> '{}' then
      v_row := (strata.prepare_row(m, (v_group -> 'presets'), p_depth) -> 'row') || v_row;
    end if;
    -- (the guards skip calls that would do nothing: a call costs more than its test)
    if m -> 'not_null' <> '[]' then
      perform strata.check_required(m, jsonb_build_array(v_row), false);
    end if;
    if v_row <> '{}' then
      v_row := v_row || (m -> 'on_update');
      if jsonb_path_exists(v_row, 'strict $.* ? (@.type() == "array" || @.type() == "object")') then
        v_row := strata.text_json_values(m, jsonb_build_array(v_row)) -> 0;
      end if;
      if nullif(current_setting('strata.max_batch_mutation', true), '') is not null then
        perform strata.count_mutations(jsonb_array_length((v_group -> 'keys')));
      end if;
      select string_agg(format('%I = p.%I', k, k), ', ' order by o), jsonb_agg(k order by o) into v_list, v_written
        from jsonb_object_keys(v_row) with ordinality x(k, o) where (m -> 'columns') ? k;
      perform set_config('strata.depth', p_depth::text, true);
      perform strata.written_columns(p_collection, v_written);
      v_sql := format('update public.%I t set %s from jsonb_populate_record(null::public.%I, $1 -> ''row'') p '
                      'where t.%I = any(array(select jsonb_array_elements_text($1 -> ''keys''))::%s[])',
                      p_collection, v_list, p_collection, v_pk, m ->> 'pk_type');
      -- prepared once per connection and set of columns (strata.prepared); a non-admin's
      -- update counts the rows it could change (`returning 1` reads no column back), an
      -- admin's needs no count (and its CTE costs as much as the update)
      v_arg := jsonb_build_object('row', v_row, 'keys', (v_group -> 'keys'));
      if current_setting('strata.convert_errors', true) = 'off' then
        -- (no subtransaction: the gateway converts a failure by trying again, strata.write_request)
        if v_admin then
          perform strata.exec_prepared(v_sql, v_arg);
        else
          perform strata.write_scope(p_collection, 'update');
          v_count := strata.run_prepared(format('with u as (%s returning 1) select count(*) from u', v_sql), v_arg)::int;
          perform strata.write_scope(p_collection, null);
        end if;
      else
        begin
          if v_admin then
            perform strata.exec_prepared(v_sql, v_arg);
          else
            -- (the scope is closed again by the error that leaves this block, with its subtransaction)
            perform strata.write_scope(p_collection, 'update');
            v_count := strata.run_prepared(format('with u as (%s returning 1) select count(*) from u', v_sql), v_arg)::int;
            perform strata.write_scope(p_collection, null);
          end if;
        exception when string_data_right_truncation or numeric_value_out_of_range or invalid_text_representation
                       or invalid_datetime_format or datetime_field_overflow or invalid_parameter_value
                       or invalid_binary_representation or datatype_mismatch then
          perform strata.value_error(m, jsonb_build_array(v_row));
          raise;
        when foreign_key_violation then
          get stacked diagnostics v_fk_detail = pg_exception_detail;
          perform strata.foreign_key_error(p_collection, jsonb_build_array(v_row), v_fk_detail);
          raise;
        end;
      end if;
      perform strata.written_columns(p_collection, null);
      if not v_admin then perform strata.check_affected(v_count, (v_group -> 'keys'), p_collection, 'update', v_named); end if;
    else
      -- nothing to write in the rows themselves (only one-to-many values, or nothing): the
      -- caller must still be allowed to update every item, or children could be attached to
      -- items they can't update. SELECT ... FOR UPDATE applies the row filters of the update
      -- permissions (row-level security's UPDATE policies) without writing; in the write scope,
      -- as the UPDATE, it finds the items the caller may update but not read (only counted).
      perform strata.write_scope(p_collection, 'update');
      v_count := strata.run_prepared(format('select count(*) from (select from public.%I t where t.%I = any(array(select jsonb_array_elements_text($1))::%s[]) for update) s',
                                            p_collection, v_pk, m ->> 'pk_type'), (v_group -> 'keys'))::int;
      perform strata.write_scope(p_collection, null);
      if not v_admin then perform strata.check_affected(v_count, (v_group -> 'keys'), p_collection, 'update', v_named); end if;
    end if;
  end loop;
  if v_prep -> 'o2m' <> '{}' then
    for v_key in select value from jsonb_array_elements(p_keys) loop
      perform strata.write_o2m_fields(m, v_key, v_prep -> 'o2m', p_depth);
    end loop;
  end if;
  if nullif(current_setting('strata.revs_' || (p_depth + 1), true), '') is not null then
    perform strata.link_revisions(p_depth, v_mark);  -- (only when nested writes wrote revisions)
  end if;
  if p_depth = 0 and current_setting('strata.admins_may_change', true) = 'on' then
    perform strata.check_admins_after_write();
  end if;
  return p_keys;
end;
$$;
--! EndIncluded strata/write/update_items.sql
--! Included strata/write/insert_rows.sql
-- INSERT of prepared rows: one statement per distinct set of columns given (a column left out
-- gets its default, as in Directus; a column given as null is null). Values are cast by
-- jsonb_populate_recordset; a value the column refuses becomes Directus's error for it.
create or replace function strata.insert_rows(p_meta jsonb, p_rows jsonb, p_depth int)
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_collection text := p_meta ->> 'collection';
  v_cols text[];
  v_groups jsonb[];
  v_group jsonb;
  v_list text;
  v_written jsonb;
  -- the generated key is a value the request did not give
  v_auto_pk text := case when coalesce(p_meta ->> 'pk_default', p_meta ->> 'pk_sequence') is not null then p_meta ->> 'pk' end;
  v_fk_detail text;
  v_sql text;
begin
  if jsonb_array_length(p_rows) = 0 then
    return;
  end if;
  perform set_config('strata.depth', p_depth::text, true);
  -- the rows grouped by the columns they give (one row, the usual request: one group, no statement)
  if jsonb_array_length(p_rows) = 1 then
    v_groups := array[p_rows];
  else
    v_groups := array(select jsonb_agg(x.r order by x.o)
                      from (select r, o, array(select k from jsonb_object_keys(r) k where (p_meta -> 'columns') ? k order by k) as cols
                            from jsonb_array_elements(p_rows) with ordinality e(r, o)) x
                      group by x.cols order by x.cols);
  end if;
  foreach v_group in array v_groups loop
    -- the columns, their list, and those the revision names: not the values the request did
    -- not give (automatic values, generated keys); in jsonb's key order, the same for the same
    -- columns, so the statement's text is too (strata.prepared)
    select coalesce(array_agg(c), '{}'), string_agg(format('%I', c), ', '),
           coalesce(jsonb_agg(c) filter (
             where not (p_meta -> 'on_create') ? c and not (p_meta -> 'uuid') ? c and c is distinct from v_auto_pk), '[]')
      into v_cols, v_list, v_written
      from jsonb_object_keys(v_group -> 0) c where (p_meta -> 'columns') ? c;
    perform strata.written_columns(v_collection, v_written);
    if cardinality(v_cols) = 0 then
      for i in 1 .. jsonb_array_length(v_group) loop
        execute format('insert into public.%I default values', v_collection);
      end loop;
      continue;
    end if;
    if jsonb_path_exists(v_group, 'strict $[*].* ? (@.type() == "array" || @.type() == "object")') then
      v_group := strata.text_json_values(p_meta, v_group);
    end if;
    -- prepared once per connection and set of columns (strata.prepared)
    v_sql := format('insert into public.%I (%s) overriding system value select %s from jsonb_populate_recordset(null::public.%I, $1)',
                    v_collection, v_list, v_list, v_collection);
    if current_setting('strata.convert_errors', true) = 'off' then
      -- (no subtransaction: the gateway converts a failure by trying again, strata.write_request)
      perform strata.exec_prepared(v_sql, v_group);
      continue;
    end if;
    begin
      perform strata.exec_prepared(v_sql, v_group);
    exception when string_data_right_truncation or numeric_value_out_of_range or invalid_text_representation
                   or invalid_datetime_format or datetime_field_overflow or invalid_parameter_value
                   or invalid_binary_representation or datatype_mismatch then
      perform strata.value_error(p_meta, v_group);
      raise;
    when foreign_key_violation then
      get stacked diagnostics v_fk_detail = pg_exception_detail;
      perform strata.foreign_key_error(v_collection, v_group, v_fk_detail);
      raise;
    end;
  end loop;
  perform strata.written_columns(v_collection, null);
end;
$$;
--! EndIncluded strata/write/insert_rows.sql
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
--             convert_errors (false: PostgreSQL's value and foreign-key errors as they are, see below),
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
  v_pk text;
  v_existing jsonb;
  v_body_in jsonb := p_args -> 'data';
  v_read text := p_read_sql;
  v_singleton boolean;
  v_settings text[];
begin
  perform strata.check_schema_version(p_opts ->> 'schema_version');
  -- whether the collection is a singleton, and the request's settings, in one statement
  select coalesce((select singleton from public.directus_collections where collection = p_collection), false),
         array[set_config('strata.max_batch_mutation', coalesce(p_opts ->> 'max_batch_mutation', ''), true),
          set_config('strata.mutations', '0', true),
          -- the top level's revisions (strata.link_revisions) are this write's: a transaction
          -- of many writes would otherwise grow the list that every nested write parses
          set_config('strata.revs_0', '', true),
          set_config('strata.write_path', '[]', true),
          set_config('strata.emit_events', case when (p_opts -> 'emit_events') = 'false' then 'off' else '' end, true),
          -- convert_errors false (the gateway's first try): value and foreign-key errors are
          -- PostgreSQL's own, without a subtransaction per statement to catch them; the gateway
          -- tries once more with them converted to Directus's (src/engine/writer.ts)
          set_config('strata.convert_errors', case when (p_opts -> 'convert_errors') = 'false' then 'off' else '' end, true),
  -- the gateway's own two-factor routes (POST /users/me/tfa/enable|disable) set the caller's
  -- tfa_secret once they verified the OTP, and an admin's POST /users/:id/tfa/disable clears a
  -- user's; any other payload setting it is refused (strata.check_user_payload), at any depth
          set_config('strata.tfa_route',
    case when p_collection = 'directus_users' and p_action = 'update'
              and (select array_agg(k) from jsonb_object_keys(p_args -> 'data') k) = '{tfa_secret}'
              and ((p_opts ->> 'path' in ('/users/me/tfa/enable', '/users/me/tfa/disable')
                    and p_args ->> 'key' = strata.accountability() ->> 'user')
                or (p_opts ->> 'path' = format('/users/%s/tfa/disable', p_args ->> 'key')
                    and (strata.accountability() ->> 'admin')::boolean is true
                    and jsonb_typeof(p_args -> 'data' -> 'tfa_secret') = 'null'))
         then 'on' else '' end, true)]
    into v_singleton, v_settings;
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
    return strata.run_prepared(v_read, coalesce(p_query, '{}') - 'limit');
  end if;
  if p_opts ->> 'read_mode' = 'one' then
    -- (the re-read is prepared once per connection: planning it cost more than running it)
    return strata.run_prepared(v_read, coalesce(p_query, '{}') || jsonb_build_object('key', v_keys #>> '{}'));  -- null (204) when the item can't be read
  end if;
  return strata.run_prepared(v_read, coalesce(p_query, '{}') || jsonb_build_object('keys', (select coalesce(jsonb_agg(value #>> '{}'), '[]') from jsonb_array_elements(v_keys))));
end;
$$;
--! EndIncluded strata/write/write_request.sql
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
  -- the sequence a generated key is drawn from, when the key's default is a plain nextval or
  -- an identity (most keys): strata.create_items draws from it without a statement of its own
  v_out := v_out || jsonb_build_object('pk_serial', coalesce(substring(v_out ->> 'pk_default' from '^nextval\(''([^'']+)''::regclass\)$'),
                                                           case when v_out ->> 'pk_default' is null then v_out ->> 'pk_sequence' end));
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
--! Included strata/write/create_items.sql
-- Creates one item (payload object -> its key) or many (array -> array of keys, in order), with
-- everything nested in them. Set-based: keys are made up front (the key column's default or
-- sequence, evaluated once for all rows), then one INSERT ... SELECT FROM
-- jsonb_populate_recordset per distinct set of given fields, so N flat items cost a constant
-- number of statements. Items with relational fields are written one by one (their nested
-- writes need the key, and their revisions get their own `parent`).
create or replace function strata.create_items(p_collection text, p_payload jsonb, p_depth int default 0)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  m jsonb := strata.write_meta(p_collection);
  v_pk text := m ->> 'pk';
  v_items jsonb;
  v_rows jsonb := '[]';
  v_nested jsonb := '[]';  -- positions of items with nested relational values
  v_item jsonb;
  v_prep jsonb;
  v_missing int;
  v_new jsonb;
  v_field text;
  v_keys jsonb;
  v_mark int;
  v_checked jsonb;  -- the request's permissions, item by item (strata.check_write)
  v_seq text;
  i int := 0;
begin
  if jsonb_typeof(p_payload) = 'object' then
    v_items := jsonb_build_array(p_payload);
  elsif jsonb_typeof(p_payload) = 'array' then
    v_items := p_payload;
  else
    perform strata.invalid_payload('Payload must be an object or an array');
  end if;

  if jsonb_typeof(p_payload) = 'array' and exists (select from jsonb_array_elements(v_items) e where jsonb_typeof(e) <> 'object') then
    perform strata.invalid_payload('Items must be objects');
  end if;
  -- Directus's rules of the system collections (users, roles, policies, permissions), at any depth
  if p_collection in ('directus_users', 'directus_roles', 'directus_policies', 'directus_permissions') then
    select jsonb_agg(strata.system_item(p_collection, e, null) order by o) into v_items
      from jsonb_array_elements(v_items) with ordinality x(e, o);
    if p_collection = 'directus_users' then perform strata.check_user_batch(v_items); end if;
  end if;
  -- the request's permissions, per item: allowed fields, presets, validation (not for admins);
  -- the row filters are checked once the items exist (strata.check_created)
  if not coalesce((strata.accountability() ->> 'admin')::boolean, false) then
    v_checked := strata.check_write(m, 'create',
      (select jsonb_agg(jsonb_build_object('key', null, 'payload', e) order by o) from jsonb_array_elements(v_items) with ordinality x(e, o)));
    select jsonb_agg(c -> 'payload' order by o) into v_items from jsonb_array_elements(v_checked) with ordinality x(c, o);
  end if;
  -- the fields' validation rules, on the payloads as given (with presets), before anything is written
  if m -> 'validation' <> '[]' then
    perform strata.check_validation(m, v_items);
  end if;
  -- automatic values, then which items carry nested relational values (set-based, no per-row loop)
  select jsonb_agg(e || (m -> 'on_create')
                    || (select coalesce(jsonb_object_agg(f, gen_random_uuid()), '{}') from jsonb_array_elements_text(m -> 'uuid') f
                        where coalesce(jsonb_typeof(e -> f), 'null') = 'null') order by o),
         coalesce(jsonb_agg(o - 1) filter (where exists (
           select from jsonb_each(e) x where (m -> 'relational') ? x.key
             and (m -> 'relational' -> x.key ->> 'kind' = 'o2m' or jsonb_typeof(x.value) = 'object'))), '[]')
    into v_rows, v_nested
    from jsonb_array_elements(v_items) with ordinality x(e, o);
  if jsonb_array_length(m -> 'csv') > 0 then
    select jsonb_agg(case when not v_nested @> to_jsonb(o - 1) and e ?| array(select jsonb_array_elements_text(m -> 'csv'))
                          then strata.prepare_row(m, e, p_depth) -> 'row' else e end order by o)
      into v_rows from jsonb_array_elements(v_rows) with ordinality x(e, o);
  end if;

  -- keys for rows that have none, from the key column's default (sequence, uuid function...)
  -- (one item, the usual request: plain expressions instead of statements over the array)
  if jsonb_array_length(v_rows) = 1 then
    v_missing := case when coalesce(jsonb_typeof(v_rows -> 0 -> v_pk), 'null') = 'null' then 1 else 0 end;
  else
    select count(*) into v_missing from jsonb_array_elements(v_rows) r where coalesce(jsonb_typeof(r -> v_pk), 'null') = 'null';
  end if;
  if v_missing > 0 and coalesce(m ->> 'pk_default', m ->> 'pk_sequence') is not null then
    v_seq := m ->> 'pk_serial';
    if v_seq is not null and v_missing = 1 then
      -- a serial key (the usual case): its sequence, with no statement to prepare
      v_new := jsonb_build_array(to_jsonb(nextval(v_seq::regclass)));
    elsif v_seq is not null then
      v_new := (select jsonb_agg(to_jsonb(nextval(v_seq::regclass))) from generate_series(1, v_missing));
    else
      v_new := strata.run_prepared(format('select jsonb_agg(to_jsonb(%s)) from generate_series(1, ($1 #>> ''{}'')::int)', m ->> 'pk_default'),
                                   to_jsonb(v_missing));
    end if;
    if jsonb_array_length(v_rows) = 1 then
      v_rows := jsonb_build_array((v_rows -> 0) || jsonb_build_object(v_pk, v_new -> 0));
    else
      select jsonb_agg(case when x.missing then x.r || jsonb_build_object(v_pk, v_new -> (x.n - 1)::int) else x.r end order by x.o)
        into v_rows
        from (select r, o, coalesce(jsonb_typeof(r -> v_pk), 'null') = 'null' as missing,
                     count(*) filter (where coalesce(jsonb_typeof(r -> v_pk), 'null') = 'null') over (order by o) as n
              from jsonb_array_elements(v_rows) with ordinality e(r, o)) x;
    end if;
  end if;
  if jsonb_array_length(v_rows) = 1 then
    v_keys := jsonb_build_array(v_rows -> 0 -> v_pk);
  else
    v_keys := (select jsonb_agg(r -> v_pk order by o) from jsonb_array_elements(v_rows) with ordinality e(r, o));
  end if;
  -- (the guards below skip calls that would do nothing: a call costs more than its test)
  if m -> 'not_null' <> '[]' then
    perform strata.check_required(m, v_rows, true);
  end if;

  if nullif(current_setting('strata.max_batch_mutation', true), '') is not null then
    perform strata.count_mutations(jsonb_array_length(v_rows));
  end if;
  if jsonb_array_length(v_nested) = 0 then
    perform strata.insert_rows(m, v_rows, p_depth);
  else
    -- flat rows together, nested rows one by one with their one-to-many values after them
    perform strata.insert_rows(m, (select coalesce(jsonb_agg(r order by o), '[]') from jsonb_array_elements(v_rows) with ordinality e(r, o)
                                   where not v_nested @> to_jsonb(o - 1)), p_depth);
    for i in select value::int from jsonb_array_elements(v_nested) loop
      v_mark := strata.revision_mark(p_depth);
      -- m2o/m2a objects first (the row needs their keys), then the row, then its o2m values
      v_prep := strata.prepare_row(m, v_rows -> i, p_depth);
      perform strata.insert_rows(m, jsonb_build_array(v_prep -> 'row'), p_depth);
      perform strata.write_o2m_fields(m, v_rows -> i -> v_pk, v_prep -> 'o2m', p_depth);
      perform strata.link_revisions(p_depth, v_mark);
    end loop;
  end if;

  if v_checked is not null then
    perform strata.check_created(m, v_checked, v_keys);
  end if;
  if p_depth = 0 and current_setting('strata.admins_may_change', true) = 'on' then
    perform strata.check_admins_after_write();
  end if;

  if jsonb_typeof(p_payload) = 'object' then
    return v_keys -> 0;
  end if;
  return coalesce(v_keys, '[]');
end;
$$;
--! EndIncluded strata/write/create_items.sql
