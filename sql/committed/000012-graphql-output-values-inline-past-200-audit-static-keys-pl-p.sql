--! Previous: sha1:f7a235f01a0bce6a601ee0dec5356e2814d657b7
--! Hash: sha1:7f704ae541ecfb8b6668ce4fa6c940f6f51b9f6f
--! Message: GraphQL output, values inline past 200, audit static keys, PL/pgSQL accountability, m2a item as key

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000012-….sql.
--! Included strata/read/once.sql
-- A value expression that depends on no row (a request value read from $1 and cast, a LIKE
-- pattern, a dynamic variable) as an uncorrelated scalar subquery: PostgreSQL computes it once
-- per statement (an InitPlan) instead of once per candidate row, as it would for the bare
-- expression in a generic plan's filter; an index condition on the column still uses it.
-- p_values: not null while a permission's filter is compiled (strata.param): its values are
-- literals, which PostgreSQL folds to constants by itself, so they stay as they are.
-- A query with very many values (strata.compile_read sets strata.values_inline) keeps them bare:
-- planning a statement's InitPlans grows with their square (10,000 of them: 11 s to plan, 90 ms
-- bare), while a few hundred extractions per row stay cheap.
create or replace function strata.once(p_expr text, p_values jsonb default null)
returns text
language sql
stable
security invoker
as $$
  select case when p_values is null and current_setting('strata.values_inline', true) is distinct from 'on'
    then format('(select %s)', p_expr) else p_expr end
$$;
--! EndIncluded strata/read/once.sql
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

  -- (a projection and its dynamic statement cost ~0.2 ms to build and plan, and save ~0.03 ms
  -- per row: worth it from 8 rows on)
  -- (nested: new_rows exists only in an INSERT's or UPDATE's trigger)
  if TG_OP = 'INSERT' and v_api and v_mode = 'all' then
    if (select count(*) from (select from new_rows limit 8) x) = 8 then
      v_proj := strata.revision_projection(TG_TABLE_NAME, v_kinds, v_only, 'n');
    end if;
  end if;
  if v_proj is not null then
    -- the API's bulk creates (the written columns are the same for every row): the revision's
    -- JSON is one json_build_object per row, built once for the statement
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
--! Included strata/auth/accountability.sql
-- The current request's accountability, as the gateway set it for this transaction
-- (strata.accountability setting, JSON). The claims can never give more than the PostgreSQL
-- role already has (README "Security"):
--   * a missing or unparsable context in a role that can't see every row (strata_request) is
--     anonymous with no policies; in a role that can (a superuser, BYPASSRLS, or the role that
--     installed Strata: the DBA in psql) it is admin, which that role is anyway;
--   * an admin claim is honoured only in such a role: admin requests run as strata_admin, so
--     an `admin: true` set by anything running as strata_request is ignored.
-- strata.as_user() sets it to a user's, to see what that user sees. Called several times per
-- statement: the role is looked at only when the answer depends on it.
-- PL/pgSQL, not SQL: a SQL function that can't be inlined (this one reads its value once, in a
-- FROM) sets up an executor on every call, ~30 µs, paid by every RLS policy's InitPlan of every
-- statement; PL/pgSQL evaluates these expressions with plans cached for the session (~7 µs).
create or replace function strata.accountability()
returns jsonb
language plpgsql
stable
parallel safe
security invoker
as $$
declare
  v jsonb := strata.jsonb_or_null(current_setting('strata.accountability', true));
begin
  if v is null then
    return case when strata.role_sees_all() then '{"user":null,"role":null,"roles":[],"policies":[],"admin":true,"app":true}'::jsonb
                else '{"user":null,"role":null,"roles":[],"policies":[],"admin":false,"app":false}'::jsonb end;
  end if;
  if jsonb_typeof(v -> 'admin') = 'boolean' and (v ->> 'admin')::boolean and not strata.role_sees_all() then
    return v || '{"admin":false}'::jsonb;
  end if;
  return v;
end;
$$;
--! EndIncluded strata/auth/accountability.sql
--! Included strata/access/has_policy.sql
-- Whether the request's accountability includes a policy (requests with app access also hold
-- the built-in app-access policy). RLS policies call it as (select strata.has_policy(...)) so
-- PostgreSQL evaluates it once per statement (an InitPlan), not once per row. PL/pgSQL reads the
-- accountability once (inlined, the SQL form read it twice: 67 µs per InitPlan, now 15).
create or replace function strata.has_policy(p_policy uuid)
returns boolean
language plpgsql
stable
parallel safe
security invoker
as $$
declare
  a jsonb := strata.accountability();
begin
  return coalesce(a -> 'policies' ? p_policy::text, false)
      or (p_policy = strata.app_access_policy() and coalesce((a ->> 'app')::boolean, false));
end;
$$;
--! EndIncluded strata/access/has_policy.sql
--! Included strata/read/compile_select.sql
-- One level of a read: SELECT <fields as named columns> FROM <collection> <alias> WHERE ...
-- ORDER BY ... LIMIT ... OFFSET ..., with relational fields as correlated subqueries that
-- build their JSON in the same statement (no N+1: PostgreSQL runs them per row, by index).
-- p_ctx (strata.select_context) says which level; each requested field is compiled by the
-- function of its kind: strata.select_column, select_function, select_m2o, select_o2m,
-- select_m2a (the relational ones call back here for the related level).
drop function if exists strata.compile_select(text, jsonb, jsonb, text[], text, text, int, jsonb, text, text, text, text);
create or replace function strata.compile_select(p_ctx strata.select_context)
returns text
language plpgsql
stable
security invoker
as $$
declare
  entry jsonb;
  f jsonb;
  fn jsonb;
  cols text[] := '{}';
  expr text;
  a2 text;
  i int := 0;
  v_alias jsonb := coalesce(p_ctx.q -> (p_ctx.pfx || 'alias'), '{}');
  v_where text[] := '{}';
  v_mask text;
  v_order text;
  v_sql text;
  v_pk text := strata.primary_key(p_ctx.collection);
  v_backlink text;
  v_source text;
  v_sort jsonb; -- the sort array, aliases resolved
  v_joined jsonb; -- the page's order with many-to-one sort paths joined (strata.page_order)
  v_tail text; -- order by, limit, offset
  v_page text; -- the keys of the page's rows (late materialization, below)
begin
  if p_ctx.depth > coalesce((p_ctx.opts ->> 'max_depth')::int, 10) then
    perform strata.invalid_query('Max relational depth exceeded');
  end if;

  -- backlink=false: wildcards don't expand the field leading back to the parent row
  if p_ctx.opts ->> 'backlink' = 'false' then v_backlink := p_ctx.opts ->> 'backlink_field'; end if;
  -- a singleton without its row reads from a row of defaults instead of its table
  v_source := coalesce(p_ctx.opts ->> 'source', format('public.%I', p_ctx.collection));

  for entry in select jsonb_array_elements(strata.field_tree(p_ctx.collection, p_ctx.fields, v_alias, v_backlink)) loop
    i := i + 1;
    a2 := p_ctx.alias || '_' || i;
    fn := strata.parse_function(entry ->> 'field');
    f := strata.resolve_field(p_ctx.collection, coalesce(fn ->> 'field', entry ->> 'field'));
    if f is null then
      perform strata.field_error(p_ctx.collection, coalesce(fn ->> 'field', entry ->> 'field'), p_ctx.rel_path);
    end if;

    if fn is not null then
      expr := strata.select_function(p_ctx, fn, f, a2);
    elsif f ->> 'kind' = 'alias' then
      continue; -- presentation fields hold no data
    elsif f ->> 'kind' = 'o2m' and (entry ->> 'wildcard')::boolean and not strata.collection_permitted(f ->> 'related') then
      continue; -- `*` leaves out lists of a collection the request can't read
    elsif f ->> 'kind' = 'o2m' then
      expr := strata.select_o2m(p_ctx, entry, f, a2);
    elsif f ->> 'kind' = 'm2a' then
      expr := strata.select_m2a(p_ctx, entry, f, a2);
    elsif f ->> 'related' is not null and jsonb_array_length(entry -> 'sub') > 0 then
      expr := strata.select_m2o(p_ctx, entry, f, a2);
    else
      expr := strata.select_column(p_ctx, entry, f);
      if p_ctx.opts ->> 'output' = 'graphql' and f ->> 'field' = v_pk then
        expr := format('(%s)::text', expr); -- GraphQL's ID
      end if;
      -- reading one item and naming a field readable only on some rows: Directus answers 403
      -- for an item outside them, so the item must match the field's condition to be found
      if p_ctx.depth = 1 and p_ctx.opts ->> 'mode' = 'one' and not (entry ->> 'wildcard')::boolean then
        v_mask := strata.field_mask(p_ctx.collection, p_ctx.alias, f ->> 'field');
        if v_mask is not null then v_where := v_where || v_mask; end if;
      end if;
    end if;

    cols := cols || format('%s as %I', expr, entry ->> 'key');
  end loop;

  if p_ctx.join_on is not null then v_where := v_where || p_ctx.join_on; end if;
  if p_ctx.q ? (p_ctx.pfx || 'filter') then
    v_where := v_where || strata.compile_filter(p_ctx.collection, p_ctx.alias, p_ctx.q -> (p_ctx.pfx || 'filter'), p_ctx.qpath || (p_ctx.pfx || 'filter'), p_ctx.rel_path);
  end if;
  if p_ctx.q ? (p_ctx.pfx || 'search') then
    v_where := v_where || strata.compile_search(p_ctx.collection, p_ctx.alias, p_ctx.qpath || (p_ctx.pfx || 'search'));
  end if;

  v_sql := format('select %s from %s %s', coalesce(nullif(array_to_string(cols, ', '), ''), ''), v_source, p_ctx.alias);
  if cardinality(v_where) > 0 then
    v_sql := v_sql || ' where ' || array_to_string(v_where, ' and ');
  end if;

  if p_ctx.kind <> 'm2o' then
    -- sorting by an alias sorts by what it names (a field or a function such as json())
    v_sort := (
      select jsonb_agg(case when v_alias ? ltrim(s, '-')
                         then to_jsonb(case when left(s, 1) = '-' then '-' else '' end || (v_alias ->> ltrim(s, '-')))
                         else to_jsonb(s) end order by o)
      from jsonb_array_elements_text(case when jsonb_typeof(p_ctx.q -> (p_ctx.pfx || 'sort')) = 'array' then p_ctx.q -> (p_ctx.pfx || 'sort') end)
        with ordinality x(s, o));
    v_order := strata.compile_sort(p_ctx.collection, p_ctx.alias, v_sort, p_ctx.rel_path);
    if v_order is null then
      v_order := format('%s.%I', p_ctx.alias, coalesce(p_ctx.default_sort,
        case when p_ctx.kind = 'root' then (select sort_field from public.directus_collections where collection = p_ctx.collection) end,
        v_pk));
    end if;
    v_tail := ' order by ' || v_order;
    if p_ctx.q ? (p_ctx.pfx || 'limit') then
      v_tail := v_tail || format(' limit nullif((%s)::int, -1)', strata.param(p_ctx.qpath || (p_ctx.pfx || 'limit')));
    elsif p_ctx.kind = 'o2m' then
      v_tail := v_tail || format(' limit %s', coalesce((p_ctx.opts ->> 'default_limit')::int, 100));
    end if;
    if p_ctx.q ? (p_ctx.pfx || 'offset') then
      v_tail := v_tail || format(' offset (%s)::int', strata.param(p_ctx.qpath || (p_ctx.pfx || 'offset')));
    end if;
    -- Late materialization: a root list whose order no index gives (the first sort key is no
    -- plain column leading an index) finds its page by key first, then reads and formats only
    -- the page's rows (to_char, casts, masks, relations), in the page's order; otherwise every
    -- candidate row would be formatted, and carried whole through the sort, to keep a few.
    -- The page's rows are the same rows: the same filter, order, limit and offset pick their
    -- keys, in the same snapshot, under the same row-level security.
    if p_ctx.kind = 'root' and p_ctx.opts ->> 'source' is null and v_pk is not null and p_ctx.q ? (p_ctx.pfx || 'limit')
       and not strata.index_ordered(p_ctx.collection, p_ctx.alias, v_order) then
      -- sorts through a many-to-one: the related rows joined to the candidates (strata.page_order)
      v_joined := strata.page_order(p_ctx.collection, p_ctx.alias, v_sort, p_ctx.rel_path);
      v_page := format('select %s.%I as k from %s %s%s', p_ctx.alias, v_pk, v_source, p_ctx.alias, coalesce(v_joined ->> 'from', ''))
        || case when cardinality(v_where) > 0 then ' where ' || array_to_string(v_where, ' and ') else '' end;
      if v_joined is not null then
        v_tail := ' order by ' || (v_joined ->> 'order') || substr(v_tail, length(' order by ' || v_order) + 1);
      end if;
      -- the keys as an array (computed once), unnested in order: PostgreSQL then looks each row
      -- up by its key, never hashing the whole table for a page it can't size in a generic plan
      v_sql := format('select %1$s from unnest(array(%3$s)) with ordinality as %2$s(k, n) join %4$s %5$s on %5$s.%6$I = %2$s.k order by %2$s.n',
        coalesce(nullif(array_to_string(cols, ', '), ''), ''), p_ctx.alias || '_page', v_page || v_tail, v_source, p_ctx.alias, v_pk);
    else
      v_sql := v_sql || v_tail;
    end if;
  end if;
  return v_sql;
end;
$$;
--! EndIncluded strata/read/compile_select.sql
--! Included strata/read/compile_filter.sql
-- A Directus filter object as a SQL boolean expression over the row aliased p_alias.
-- Values are read from $1 at p_path (the filter's location in the request), so only the
-- filter's structure shapes the SQL. Relations: m2o paths and o2m/m2m `_some`/`_none`
-- (implicit `_some`) become EXISTS subqueries; `count(o2m)` a correlated count.
-- p_known: what the members of an enclosing _and/_or (same collection, same row) already know
-- of their fields, {"<field>": {"field": strata.resolve_field, "ref": strata.column_ref}}, so a
-- 10,000-member _or reads the catalog once per distinct field, not once per member.
-- p_values: null for a request (values are read from $1); the document values are embedded
-- from as literals while a permission's filter is compiled (strata.permission_sql, strata.param).
drop function if exists strata.compile_filter(text, text, jsonb, text[], text);
drop function if exists strata.compile_filter(text, text, jsonb, text[], text, jsonb);
create or replace function strata.compile_filter(p_collection text, p_alias text, p_filter jsonb, p_path text[], p_where text default null,
  p_known jsonb default null, p_values jsonb default null)
returns text
language plpgsql
stable
security invoker
as $$
declare
  k text;
  v jsonb;
  parts text[] := '{}';
  subs text[];
  v_known jsonb;
  i int;
  n int := 0;
  f jsonb;
  fn jsonb;
  fname text;
  a2 text;
  ref text;
  child_pk text;
  scope text;
  op text;
begin
  if p_filter is null or p_filter = 'null'::jsonb then return 'true'; end if;
  if jsonb_typeof(p_filter) <> 'object' then
    perform strata.invalid_query('Invalid filter object');
  end if;

  for k, v in select * from jsonb_each(p_filter) loop
    n := n + 1;
    if k in ('_and', '_or') then
      if jsonb_typeof(v) <> 'array' then
        perform strata.invalid_query(format('"%s" must be an array', k));
      end if;
      -- the members' plain field names, resolved once for all of them (functions, m2a scopes
      -- and operators are left to each member)
      v_known := coalesce(p_known, '{}') || coalesce((
        select jsonb_object_agg(key, jsonb_build_object('field', r.f,
          'ref', case when r.f ->> 'kind' = 'column' then strata.column_ref(p_collection, p_alias, key) end))
        from (select distinct jsonb_object_keys(m) key from jsonb_array_elements(v) m where jsonb_typeof(m) = 'object') keys,
          strata.resolve_field(p_collection, key) r(f)
        where left(key, 1) <> '_' and position('(' in key) = 0 and position(':' in key) = 0 and not coalesce(p_known, '{}') ? key), '{}');
      subs := '{}';
      for i in 0 .. jsonb_array_length(v) - 1 loop
        subs := subs || strata.compile_filter(p_collection, p_alias, v -> i, p_path || k || i::text, p_where, v_known, p_values);
      end loop;
      if cardinality(subs) > 0 then
        parts := parts || ('(' || array_to_string(subs, case k when '_and' then ' and ' else ' or ' end) || ')');
      end if;
      continue;
    end if;
    if left(k, 1) = '_' then
      perform strata.invalid_query(format('"%s" is not a field', k));
    end if;

    -- `$FOLLOW(collection, field)`: an undeclared one-to-many (catalog/follow_field.sql)
    fn := case when left(k, 8) = '$FOLLOW(' then null else strata.parse_function(k) end;
    if fn ->> 'fn' = 'json' then
      -- json() is not a filter key in Directus (the _json operator is): it reads as a field
      -- named by the call's arguments, which does not exist
      perform strata.field_error(p_collection, fn ->> 'args', p_where);
    end if;
    fname := coalesce(fn ->> 'field', k);
    scope := null;
    if fn is null and position(':' in k) > 0 then
      -- "item:<collection>": a path through a many-to-any item into one of its collections
      fname := split_part(k, ':', 1);
      scope := substr(k, length(fname) + 2);
    end if;
    f := case when left(k, 8) = '$FOLLOW(' then strata.follow_field(p_collection, k)
              when p_known ? fname then nullif(p_known #> array[fname, 'field'], 'null') else strata.resolve_field(p_collection, fname) end;
    if f is null or (scope is not null and (f ->> 'kind' <> 'm2a' or not (f -> 'allowed') ? scope or not strata.collection_exists(scope))) then
      perform strata.field_error(p_collection, k, p_where);
    end if;
    -- aliases of nested subqueries extend the row's alias, so they never shadow an outer one
    a2 := p_alias || 'f' || n;
    -- a secret is only tested for presence
    perform strata.check_secret_filter(p_collection, f, k, v, p_where);

    if fn is not null then
      if fn ->> 'fn' = 'count' and f ->> 'kind' = 'o2m' then
        ref := strata.o2m_count_expr(p_collection, p_alias, f, a2);
      else
        ref := strata.function_expr(fn ->> 'fn', strata.column_ref(p_collection, p_alias, fname), f ->> 'type');
        if ref is null then
          perform strata.invalid_query(format('Function "%s" can''t be used on field "%s"', fn ->> 'fn', fname));
        end if;
      end if;
      parts := parts || strata.compile_operators(ref, 'integer', 'int8', v, p_path || k, p_values);

    elsif f ->> 'kind' = 'o2m' then
      child_pk := strata.primary_key(p_collection);
      if jsonb_typeof(v) = 'object' and (v ? '_some' or v ? '_none') then
        for k, v in select * from jsonb_each(v) loop
          if k not in ('_some', '_none') then
            perform strata.invalid_query('"_some" and "_none" can''t be combined with other keys');
          end if;
          parts := parts || format('(%sexists (select 1 from public.%I %s where %s and %s))',
            case k when '_none' then 'not ' else '' end, f ->> 'related', a2 || k, strata.o2m_join(p_collection, p_alias, f, a2 || k),
            strata.compile_filter(f ->> 'related', a2 || k, v, p_path || fname || k, fname, null, p_values));
        end loop;
      else
        parts := parts || format('(exists (select 1 from public.%I %s where %s and %s))',
          f ->> 'related', a2, strata.o2m_join(p_collection, p_alias, f, a2),
          strata.compile_filter(f ->> 'related', a2, v, p_path || fname, fname, null, p_values));
      end if;

    elsif f ->> 'kind' = 'column' and f ->> 'related' is not null and jsonb_typeof(v) = 'object'
          and exists (select from jsonb_object_keys(v) key where left(key, 1) <> '_' or key in ('_and', '_or')) then
      -- a path through a many-to-one relation
      parts := parts || format('(exists (select 1 from public.%I %s where %s.%I = %s and %s))',
        f ->> 'related', a2, a2, f ->> 'related_pk', strata.column_ref(p_collection, p_alias, fname),
        strata.compile_filter(f ->> 'related', a2, v, p_path || fname, fname, null, p_values));

    elsif scope is not null then
      -- the junction row's collection and item through strata.column_ref (per-row field masks)
      parts := parts || format('(%s = %L and exists (select 1 from public.%I %s where %s.%I::text = %s and %s))',
        strata.column_ref(p_collection, p_alias, f ->> 'collection_field'), scope, scope, a2, a2, strata.primary_key(scope),
        strata.column_ref(p_collection, p_alias, fname),
        strata.compile_filter(scope, a2, v, p_path || k, k, null, p_values));

    elsif f ->> 'kind' = 'm2a' and p_where is null and jsonb_typeof(v) = 'object'
          and not exists (select from jsonb_object_keys(v) o where left(o, 1) <> '_') then
      -- operators on the item itself compare its stored key, as Directus does at the query's
      -- root (through a relation it wants a collection scope, as below)
      parts := parts || strata.compile_operators(strata.column_ref(p_collection, p_alias, fname),
        f ->> 'type', f ->> 'udt', v, p_path || fname, p_values);

    elsif f ->> 'kind' = 'm2a' then
      perform strata.invalid_query('You have to provide a collection scope when sorting or filtering on a many-to-any item');

    elsif f ->> 'kind' = 'column' then
      parts := parts || strata.compile_operators(coalesce(p_known #>> array[fname, 'ref'], strata.column_ref(p_collection, p_alias, fname)),
        f ->> 'type', f ->> 'udt', v, p_path || fname, p_values);

    else
      perform strata.invalid_query(format('Field "%s" can''t be filtered on', fname));
    end if;
  end loop;

  if cardinality(parts) = 0 then return 'true'; end if;
  return array_to_string(parts, ' and ');
end;
$$;
--! EndIncluded strata/read/compile_filter.sql
--! Included strata/read/sort_expr.sql
-- The SQL expression to sort by for one sort key (without its "-"): a field, a function of a
-- field ("year(date)"), or a path through many-to-one relations ("author.name"), which becomes
-- a correlated scalar subquery. Every column is read through strata.column_ref (per-row field
-- masks), and a secret (strata.field_secret) is refused like a field the caller may not read:
-- an order is an oracle that gives its value away, for admins too.
create or replace function strata.sort_expr(p_collection text, p_alias text, p_key text, p_where text default null)
returns text
language plpgsql
stable
security invoker
as $$
declare
  head text := split_part(p_key, '.', 1);
  rest text := nullif(substr(p_key, length(split_part(p_key, '.', 1)) + 2), '');
  fn jsonb;
  f jsonb;
  a2 text := p_alias || 's';
  expr text;
begin
  if left(p_key, 5) = 'json(' then
    -- a json() call: its path's "."s are not relations
    head := p_key;
    rest := null;
  end if;
  if rest is null then
    fn := strata.parse_function(head);
    f := strata.resolve_field(p_collection, coalesce(fn ->> 'field', head));
    if f ->> 'kind' = 'm2a' and fn is null then
      return strata.column_ref(p_collection, p_alias, head); -- the stored key, as Directus sorts it
    elsif f ->> 'kind' = 'm2a' then
      perform strata.invalid_query('You have to provide a collection scope when sorting or filtering on a many-to-any item');
    end if;
    if f is null or f ->> 'kind' not in ('column', 'o2m') then
      perform strata.field_error(p_collection, coalesce(fn ->> 'field', head), p_where);
    end if;
    if f ->> 'kind' = 'column' and strata.field_secret(p_collection, f ->> 'field', f ->> 'special') then
      perform strata.field_error(p_collection, coalesce(fn ->> 'field', head), p_where);
    end if;
    if fn is null then
      if f ->> 'kind' <> 'column' then perform strata.field_error(p_collection, head, p_where); end if;
      return strata.column_ref(p_collection, p_alias, head);
    end if;
    if fn ->> 'fn' = 'json' then
      -- sorted by the value's text (json has no ordering), as Directus does
      return strata.json_function_expr(p_collection, p_alias, fn, true, p_where);
    end if;
    if fn ->> 'fn' = 'count' and f ->> 'kind' = 'o2m' then
      return strata.o2m_count_expr(p_collection, p_alias, f, a2);
    end if;
    expr := strata.function_expr(fn ->> 'fn', strata.column_ref(p_collection, p_alias, fn ->> 'field'), f ->> 'type');
    if expr is null then
      perform strata.invalid_query(format('Function "%s" can''t be used on field "%s"', fn ->> 'fn', fn ->> 'field'));
    end if;
    return expr;
  end if;

  f := strata.resolve_field(p_collection, head);
  if f is null or f ->> 'kind' <> 'column' or f ->> 'related' is null
     or strata.field_secret(p_collection, head, f ->> 'special') then
    perform strata.field_error(p_collection, head, p_where);
  end if;
  if left(rest, 5) = 'json(' then
    -- Directus does not sort by json() through a relation: the call reads as a field named by
    -- its arguments, which does not exist
    perform strata.field_error(f ->> 'related', strata.parse_function(rest) ->> 'args', head);
  end if;
  return format('(select %s from public.%I %s where %s.%I = %s)',
    strata.sort_expr(f ->> 'related', a2, rest, head), f ->> 'related', a2, a2, f ->> 'related_pk',
    strata.column_ref(p_collection, p_alias, head));
end;
$$;
--! EndIncluded strata/read/sort_expr.sql
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
    -- (a many-to-any item groups and counts by its stored key, as Directus)
    if f is null or f ->> 'kind' not in ('column', 'm2a') or strata.field_secret(p_collection, f ->> 'field', f ->> 'special') then
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
      if f is null or f ->> 'kind' not in ('column', 'm2a') or strata.field_secret(p_collection, fld, f ->> 'special') then
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
