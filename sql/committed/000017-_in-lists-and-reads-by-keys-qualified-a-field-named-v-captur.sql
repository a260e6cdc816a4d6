--! Previous: sha1:c0ace5885f3056da2815ef32aa530d3f24f8c795
--! Hash: sha1:09abcd07af8dcc5d1365fdee63eb4c02a4d0a6e5
--! Message: _in lists and reads by keys qualified (a field named v captured them)

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000017-….sql.
--! Included strata/read/list_expr.sql
-- A subquery yielding the values of an _in/_nin list, cast to the compared column's type: the
-- request's array at p_path, an array-valued dynamic variable ($CURRENT_ROLES,
-- $CURRENT_POLICIES), or every value of a dynamic path ($CURRENT_USER.policies.policy). p_values: see strata.param.
drop function if exists strata.list_expr(jsonb, text[], text);
create or replace function strata.list_expr(p_shape jsonb, p_path text[], p_cast text, p_values jsonb default null)
returns text
language sql
stable
security invoker
as $$
  select case
    when jsonb_typeof(p_shape) = 'string' and strata.dynamic_path_query(p_shape #>> '{}') is not null
      then format('(select x.v::%s from (%s) x)', p_cast, strata.dynamic_path_query(p_shape #>> '{}'))
    when jsonb_typeof(p_shape) = 'string' and p_shape not in ('"$CURRENT_ROLES"', '"$CURRENT_POLICIES"') and strata.dynamic_value(p_shape #>> '{}') is not null
      then format('(select (%s)::%s)', strata.dynamic_value(p_shape #>> '{}'), p_cast)
    -- (the element qualified by its own alias: a bare `v` named the function's whole row only
    -- when no column of an outer scope was called v; a collection with a field `v` captured it)
    else format('(select l.value::%s from jsonb_array_elements_text(%s) l)', p_cast,
    case
      when p_shape = '"$CURRENT_ROLES"' then 'strata.accountability() -> ''roles'''
      when p_shape = '"$CURRENT_POLICIES"' then 'strata.accountability() -> ''policies'''
      else strata.param_json(p_path, p_values)
    end)
  end
$$;
--! EndIncluded strata/read/list_expr.sql
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
    perform strata.collection_forbidden(p_collection);
  end if;
  v_pk := strata.primary_key(p_collection);
  perform strata.check_relational_depth(p_query, coalesce((p_opts ->> 'max_depth')::int, 10));
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
    strata.on_flows_change, strata.queue_deliveries, strata.record_and_claim, strata.on_version_save,
    strata.access_for_share, strata.share_login, strata.share_info, strata.share_password, strata.share_check';
  -- executable by strata_admin (and the installing role) only
  v_schema text := 'strata.create_collection, strata.update_collection, strata.update_collections, strata.delete_collection,
    strata.create_field, strata.update_field, strata.update_fields, strata.delete_field,
    strata.create_relation, strata.update_relation, strata.delete_relation, strata.set_system_field_index,
    strata.lock_schema_version';
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
