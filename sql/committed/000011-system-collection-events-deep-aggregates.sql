--! Previous: sha1:62fdc17651a5f631d824dbc38186b0f2ef57077d
--! Hash: sha1:f7a235f01a0bce6a601ee0dec5356e2814d657b7
--! Message: System collection events, deep aggregates

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000011-….sql.
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
  -- the events-only triggers of a system collection (hooks/track_system.sql): realtime
  -- subscribers, flows and webhooks hear of its changes; no activity or revisions
  v_system boolean := TG_NAME like 'strata\_hooks\_%';
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
--! Included strata/read/compile_aggregate.sql
-- `aggregate` (+ `groupBy`) as one grouped SELECT: group columns first (function columns as
-- "<field>_<fn>"), then one column per aggregate function, an object keyed by field
-- ({"sum": {"views": ...}}) except count(*), which is a plain value. Counts, and sums/averages
-- of integer and decimal fields, are strings as Directus returns them on PostgreSQL.
-- A secret (strata.field_secret) is neither grouped by nor aggregated, for anyone: it answers
-- like a field the caller may not read (groups, counts of distinct values and min/max order
-- are oracles of its value); count(*) / countAll never read a field.
-- Nested in a one-to-many field (`deep[<field>][_aggregate]`, strata.select_o2m): p_pfx '_'
-- reads the deep node's _aggregate/_groupBy/_filter/... whose values sit at p_qpath, p_join
-- correlates the rows with the parent row, and the group column p_hide (the relation's field
-- back to the parent) is grouped by but not answered, as Directus answers it.
drop function if exists strata.compile_aggregate(text, jsonb, text, text);
create or replace function strata.compile_aggregate(p_collection text, p_q jsonb, p_alias text, p_where text default null,
  p_qpath text[] default '{}', p_pfx text default '', p_join text default null, p_hide text default null)
returns text
language plpgsql
stable
security invoker
as $$
declare
  g text;
  fn jsonb;
  f jsonb;
  key text;
  gexpr text;
  agg text;
  fields jsonb;
  fld text;
  cols text[] := '{}';
  groups text[] := '{}';
  gkeys text[] := '{}';
  pairs text[];
  item text;
  sql_fn text;
  v_order text;
  s text;
begin
  for g in select jsonb_array_elements_text(coalesce(p_q -> (p_pfx || 'groupBy'), '[]')) loop
    fn := strata.parse_function(g);
    if fn ->> 'fn' = 'json' then
      -- Directus does not group by json(): a valid call reads as a field named by its arguments
      perform strata.json_path(fn ->> 'path');
      perform strata.field_error(p_collection, fn ->> 'args', p_where);
    end if;
    f := strata.resolve_field(p_collection, coalesce(fn ->> 'field', g));
    if f is null or f ->> 'kind' <> 'column' or strata.field_secret(p_collection, f ->> 'field', f ->> 'special') then
      perform strata.field_error(p_collection, coalesce(fn ->> 'field', g), p_where);
    end if;
    if fn is null then
      gexpr := strata.column_ref(p_collection, p_alias, g);
      key := g;
      if g is distinct from p_hide then
        cols := cols || format('%s as %I', strata.output_expr(gexpr, f ->> 'type', f ->> 'special'), key);
      end if;
    else
      gexpr := strata.function_expr(fn ->> 'fn', strata.column_ref(p_collection, p_alias, fn ->> 'field'), f ->> 'type');
      if gexpr is null then
        perform strata.invalid_query(format('Function "%s" can''t be used on field "%s"', fn ->> 'fn', fn ->> 'field'));
      end if;
      key := (fn ->> 'field') || '_' || (fn ->> 'fn');
      cols := cols || format('(%s)::text as %I', gexpr, key);
    end if;
    groups := groups || gexpr;
    gkeys := gkeys || key;
  end loop;

  -- in request order (aggregateOrder) when the normalizer gave it: jsonb sorts object keys
  for agg, fields in select e.key, e.value from jsonb_each(coalesce(p_q -> (p_pfx || 'aggregate'), '{}')) e
      left join lateral (select o.ord from jsonb_array_elements_text(coalesce(p_q -> (p_pfx || 'aggregateOrder'), '[]')) with ordinality o(k, ord)
                         where o.k = e.key) o on true
      order by o.ord nulls last, e.key loop
    if agg not in ('count', 'countDistinct', 'countAll', 'sum', 'sumDistinct', 'avg', 'avgDistinct', 'min', 'max') then
      perform strata.invalid_query(format('Unknown aggregate function "%s"', agg));
    end if;
    if agg = 'countAll' or (agg = 'count' and fields @> '["*"]') then
      cols := cols || format('count(*)::text as %I', agg);
      continue;
    end if;
    pairs := '{}';
    for fld in select jsonb_array_elements_text(fields) loop
      f := strata.resolve_field(p_collection, fld);
      if f is null or f ->> 'kind' <> 'column' or strata.field_secret(p_collection, fld, f ->> 'special') then
        perform strata.field_error(p_collection, fld, p_where);
      end if;
      item := strata.column_ref(p_collection, p_alias, fld);
      sql_fn := case agg
        when 'count' then format('count(%s)::text', item)
        when 'countDistinct' then format('count(distinct %s)::text', item)
        when 'sum' then format('sum(%s)', item)
        when 'sumDistinct' then format('sum(distinct %s)', item)
        when 'avg' then format('avg(%s)', item)
        when 'avgDistinct' then format('avg(distinct %s)', item)
        when 'min' then format('min(%s)', item)
        when 'max' then format('max(%s)', item)
      end;
      if agg in ('sum', 'sumDistinct', 'avg', 'avgDistinct') then
        if f ->> 'type' not in ('integer', 'bigInteger', 'float', 'decimal') then
          perform strata.invalid_query(format('Can''t apply "%s" to non-numeric field "%s"', agg, fld));
        end if;
        if f ->> 'type' <> 'float' then sql_fn := sql_fn || '::text'; end if;
      elsif agg in ('min', 'max') then
        sql_fn := strata.output_expr(sql_fn, f ->> 'type', f ->> 'special');
      end if;
      pairs := pairs || format('%L, %s', fld, sql_fn);
    end loop;
    cols := cols || format('json_build_object(%s) as %I', array_to_string(pairs, ', '), agg);
  end loop;

  -- sort: by group columns only (aggregates without groupBy are one row)
  if cardinality(groups) > 0 then
    if p_q ? (p_pfx || 'sort') then
      v_order := '';
      for s in select jsonb_array_elements_text(p_q -> (p_pfx || 'sort')) loop
        if not ltrim(s, '-') = any(gkeys) and not ltrim(s, '-') = any(array(select jsonb_array_elements_text(p_q -> (p_pfx || 'groupBy')))) then
          perform strata.invalid_query(format('Can''t sort by "%s": it is not grouped', ltrim(s, '-')));
        end if;
      end loop;
      v_order := strata.compile_sort(p_collection, p_alias, p_q -> (p_pfx || 'sort'), p_where);
    else
      v_order := groups[1];
    end if;
  end if;

  return format('select %s from public.%I %s%s%s%s%s%s',
    array_to_string(cols, ', '), p_collection, p_alias,
    case when p_join is not null or p_q ? (p_pfx || 'filter') or p_q ? (p_pfx || 'search') then ' where ' || concat_ws(' and ', p_join,
      case when p_q ? (p_pfx || 'filter') then strata.compile_filter(p_collection, p_alias, p_q -> (p_pfx || 'filter'), p_qpath || (p_pfx || 'filter'), p_where) end,
      case when p_q ? (p_pfx || 'search') then strata.compile_search(p_collection, p_alias, p_qpath || (p_pfx || 'search')) end) else '' end,
    case when cardinality(groups) > 0 then ' group by ' || array_to_string(groups, ', ') else '' end,
    case when v_order is not null then ' order by ' || v_order else '' end,
    case when p_q ? (p_pfx || 'limit') and cardinality(groups) > 0 then format(' limit nullif((%s)::int, -1)', strata.param(p_qpath || (p_pfx || 'limit'))) else '' end,
    case when p_q ? (p_pfx || 'offset') and cardinality(groups) > 0 then format(' offset (%s)::int', strata.param(p_qpath || (p_pfx || 'offset'))) else '' end);
end;
$$;
--! EndIncluded strata/read/compile_aggregate.sql
--! Included strata/read/select_o2m.sql
-- A one-to-many (or many-to-many) field of one level of a read: the related rows as a JSON
-- array built by a correlated subquery (their keys when no child field is named), limited by
-- the relation's default limit unless `deep` says otherwise; with `deep[<field>][_aggregate]`,
-- the aggregated groups of those rows instead. p_entry: the field's node of
-- strata.field_tree; p_f: the resolved field; p_a2: the alias of the related rows.
create or replace function strata.select_o2m(p_ctx strata.select_context, p_entry jsonb, p_f jsonb, p_a2 text)
returns text
language plpgsql
stable
security invoker
as $$
declare
  v_sub jsonb := p_entry -> 'sub';
  v_rel_pk text := p_f ->> 'related_pk';
  v_child strata.select_context := strata.select_child(p_ctx, p_entry ->> 'key', p_entry ->> 'key');
  expr text;
  v_mask text;
begin
  v_child.collection := p_f ->> 'related';
  v_child.fields := case when jsonb_array_length(v_sub) = 0 then jsonb_build_array(v_rel_pk) else v_sub end;
  v_child.alias := p_a2;
  v_child.opts := v_child.opts || jsonb_build_object('backlink_field', p_f ->> 'related_field');
  v_child.join_on := strata.o2m_join(p_ctx.collection, p_ctx.alias, p_f, p_a2, false);
  v_child.kind := 'o2m';
  v_child.default_sort := p_f ->> 'sort_field';
  if v_child.q ? '_aggregate' then
    -- deep[<field>][_aggregate] (+ _groupBy): the related rows' groups, as a root aggregate
    -- reads them, of this parent's rows only; the child fields are not read
    expr := format('(select coalesce(array_to_json(array_agg(x.*)), ''[]''::json) from (%s) x)',
      strata.compile_aggregate(v_child.collection, v_child.q, p_a2, v_child.rel_path, v_child.qpath, '_',
        v_child.join_on, p_f ->> 'related_field'));
  elsif jsonb_array_length(v_sub) = 0 then
    expr := format('(select coalesce(array_to_json(array_agg(x.%I)), ''[]''::json) from (%s) x)', v_rel_pk, strata.compile_select(v_child));
  else
    expr := format('(select coalesce(array_to_json(array_agg(x.*)), ''[]''::json) from (%s) x)', strata.compile_select(v_child));
  end if;
  -- a list the request may read only on some rows is null on the others (strata.field_mask)
  v_mask := strata.field_mask(p_ctx.collection, p_ctx.alias, p_f ->> 'field');
  if v_mask is not null then expr := format('(case when %s then %s end)', v_mask, expr); end if;
  return expr;
end;
$$;
--! EndIncluded strata/read/select_o2m.sql
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
    strata.on_flows_change, strata.queue_deliveries, strata.on_version_save,
    strata.access_for_share, strata.share_login, strata.share_info, strata.share_password, strata.share_check';
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
