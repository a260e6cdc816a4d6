--! Previous: sha1:33816951518fd0cec3e162e200a847e7ad0be17e
--! Hash: sha1:da595617aafbc05dffbd5c44ee7b436affcfc82a
--! Message: Schema API bodies in Directus's key order, unreadable-collection 403s naming the path, versions delta picked, revisions/activity item indexes

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000014-….sql.
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
--! Included strata/shares/share_check.sql
-- Who may create a share (Directus): the collection must exist, and a non-admin needs a
-- `share` permission on it whose filter the item satisfies (an item that does not exist
-- satisfies none); moving a share to another item is checked the same way. Any front end's
-- write of directus_shares goes through this trigger (the
-- caller's create permission on directus_shares is checked by the write itself, first). The
-- creator is recorded as the request's user, whatever the payload says.
create or replace function strata.share_check()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_acc jsonb := strata.accountability();
  v_pk text;
  v_expr text;
  v_ok boolean;
  v_msg text;
begin
  if v_acc ->> 'share' is not null then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  if tg_op = 'INSERT' and v_acc ->> 'user' is not null then
    new.user_created := (v_acc ->> 'user')::uuid;
  end if;
  if new.collection is null or not exists (select from strata.columns c where c.collection = new.collection) then
    perform strata.collection_forbidden(coalesce(new.collection, 'undefined'));
  end if;
  if coalesce((v_acc ->> 'admin')::boolean, false) then
    return new;
  end if;
  v_pk := strata.primary_key(new.collection);
  select string_agg(format('(%s)', strata.permission_sql(new.collection, 'r', p.permissions)), ' or ')
    into v_expr
  from strata.permissions p
  where p.collection = new.collection and p.action = 'share' and strata.has_policy(p.policy);
  if v_expr is null or v_pk is null then
    perform strata.collection_forbidden(new.collection);
  end if;
  execute format('select exists (select 1 from public.%I r where r.%I::text = $1 and (%s))', new.collection, v_pk, v_expr)
    into v_ok using new.item;
  if not v_ok then
    v_msg := format('You don''t have permission to perform "share" for collection "%s" or it does not exist.',
                                             new.collection);
    perform strata.raise('FORBIDDEN', v_msg, jsonb_build_object('reason', v_msg));
  end if;
  return new;
end;
$$;

create or replace trigger strata_share_check before insert or update of collection, item on public.directus_shares
  for each row execute function strata.share_check();

-- a share changed or deleted: gateways re-resolve its tokens' access (scope, role) at once
create or replace trigger strata_access_changed after update or delete or truncate on public.directus_shares
  for each statement execute function strata.on_access_change();
--! EndIncluded strata/shares/share_check.sql
--! Included strata/schema/schema_forbidden.sql
-- The FORBIDDEN answers of the schema endpoints, worded as Directus words them:
--   'read'    permission to read a collection is missing (or it does not exist)
--   'access'  a collection named in the path is unknown or hidden
--   null      the plain "You don't have permission to access this."
create or replace function strata.schema_forbidden(p_kind text, p_collection text default null)
returns void
language plpgsql
stable
security invoker
as $$
declare
  v_message text := case p_kind
    when 'read' then format('You don''t have permission to perform "read" for collection "%s" or it does not exist.', p_collection)
  end;
begin
  if p_kind = 'access' then
    perform strata.collection_forbidden(p_collection);
  end if;
  if v_message is null then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  perform strata.raise('FORBIDDEN', v_message, jsonb_build_object('reason', v_message));
end;
$$;
--! EndIncluded strata/schema/schema_forbidden.sql
--! Included strata/catalog/system_studio_meta.sql
-- What the Data Studio (Directus's app) needs to know about the system collections, as Directus
-- 12.4 declares it: the app metadata of their fields (interface, options, display, width, sort,
-- groups; the alias and presentation fields: o2m lists, dividers, groups, notices) and of the
-- collections (icons, notes, display templates), recorded from the real server into
-- system_studio_meta_data.sql (scripts/record-directus-system.ts). Presentation only: what a
-- system field does (its `special` flags for reads and writes) stays in strata.system_fields.
-- meta is json, not jsonb: kept as Directus wrote it, keys in its order at every level (the
-- schema API answers it as it is). position: the field's place among the system fields in
-- Directus's GET /fields (its order of the alias fields).
create table if not exists strata.system_field_meta (
  collection text not null,
  field text not null,
  type text not null,
  meta json not null,
  position integer,
  primary key (collection, field)
);
create table if not exists strata.system_collection_meta (
  collection text primary key,
  meta json not null
);
-- installs from before both (the data fixture, run after this, writes the values again)
alter table strata.system_field_meta add column if not exists position integer;
do $$
begin
  if (select atttypid from pg_attribute where attrelid = 'strata.system_field_meta'::regclass and attname = 'meta') = 'jsonb'::regtype then
    alter table strata.system_field_meta alter column meta type json using meta::json;
    alter table strata.system_collection_meta alter column meta type json using meta::json;
  end if;
end;
$$;

-- Relations Directus declares for its system collections without a foreign key in the schema
-- (or with one-to-many aliases a foreign key can't name), so reads through them work
-- (`user.first_name` on /activity, `avatar.*` on /users) within the caller's permissions.
-- directus_fields.group (a field name within the same collection, not a key) is left out: no
-- read can follow it.
insert into strata.system_relations (many_collection, many_field, one_collection, one_field, junction_field, sort_field) values
  ('directus_users', 'avatar', 'directus_files', null, null, null),
  ('directus_activity', 'user', 'directus_users', null, null, null),
  ('directus_comments', 'collection', 'directus_collections', null, null, null),
  ('directus_fields', 'collection', 'directus_collections', 'fields', null, null),
  ('directus_deployment_projects', 'deployment', 'directus_deployments', 'projects', null, null),
  ('directus_deployment_runs', 'project', 'directus_deployment_projects', 'runs', null, null),
  ('directus_oauth_tokens', 'client', 'directus_oauth_clients', 'tokens', null, null)
on conflict do nothing;
-- a deployment's projects and a project's runs can't exist without their parent
update strata.system_relations set one_deselect_action = 'delete'
where (many_collection, many_field) in (('directus_deployment_projects', 'deployment'), ('directus_deployment_runs', 'project'))
  and one_deselect_action <> 'delete';

-- read by the catalog functions a request runs (field_rows, collection_rows); the role exists
-- once the access fixtures ran (a fresh install grants here on its next migration)
do $$
begin
  if exists (select from pg_roles where rolname = 'strata_request') then
    grant select on strata.system_field_meta, strata.system_collection_meta to strata_request;
  end if;
  if exists (select from pg_roles where rolname = 'strata_admin') then
    grant select on strata.system_field_meta, strata.system_collection_meta to strata_admin;
  end if;
end;
$$;
--! EndIncluded strata/catalog/system_studio_meta.sql
--! Included strata/catalog/system_studio_meta_data.sql
-- Generated by scripts/record-directus-system.ts from Directus 12.4.0's answers (GET /fields,
-- GET /collections): the app metadata of the system collections and their fields. Data, not code:
-- re-record it rather than editing it. Read by strata.field_rows and strata.collection_rows.
insert into strata.system_field_meta (collection, field, type, meta, position) values
  ('directus_access', 'id', 'uuid', '{"system":true,"collection":"directus_access","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 0),
  ('directus_access', 'role', 'uuid', '{"system":true,"collection":"directus_access","field":"role","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 1),
  ('directus_access', 'user', 'uuid', '{"system":true,"collection":"directus_access","field":"user","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 2),
  ('directus_access', 'policy', 'uuid', '{"system":true,"collection":"directus_access","field":"policy","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 3),
  ('directus_access', 'sort', 'integer', '{"system":true,"collection":"directus_access","field":"sort","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 4),
  ('directus_activity', 'id', 'integer', '{"system":true,"collection":"directus_activity","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 5),
  ('directus_activity', 'item', 'string', '{"system":true,"collection":"directus_activity","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 12),
  ('directus_activity', 'action', 'string', '{"system":true,"collection":"directus_activity","field":"action","special":null,"interface":null,"options":null,"display":"labels","display_options":{"choices":[{"text":"$t:field_options.directus_activity.create","value":"create","foreground":"var(--theme--primary)","background":"var(--theme--primary-subdued)"},{"text":"$t:field_options.directus_activity.update","value":"update","foreground":"var(--blue)","background":"var(--blue-25)"},{"text":"$t:field_options.directus_activity.delete","value":"delete","foreground":"var(--theme--danger)","background":"var(--danger-25)"},{"text":"$t:field_options.directus_activity.login","value":"login","foreground":"var(--purple)","background":"var(--purple-25)"}]},"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 6),
  ('directus_activity', 'collection', 'string', '{"system":true,"collection":"directus_activity","field":"collection","special":null,"interface":null,"options":null,"display":"collection","display_options":{"icon":true},"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 11),
  ('directus_activity', 'timestamp', 'timestamp', '{"system":true,"collection":"directus_activity","field":"timestamp","special":["date-created","cast-timestamp"],"interface":null,"options":{"relative":true},"display":"datetime","display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 8),
  ('directus_activity', 'user', 'uuid', '{"system":true,"collection":"directus_activity","field":"user","special":null,"interface":null,"options":null,"display":"user","display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 7),
  ('directus_activity', 'user_agent', 'text', '{"system":true,"collection":"directus_activity","field":"user_agent","special":null,"interface":null,"options":null,"display":"formatted-value","display_options":{"font":"monospace"},"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 10),
  ('directus_activity', 'origin', 'string', '{"system":true,"collection":"directus_activity","field":"origin","special":null,"interface":null,"options":null,"display":"formatted-value","display_options":{"font":"monospace"},"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 13),
  ('directus_activity', 'ip', 'string', '{"system":true,"collection":"directus_activity","field":"ip","special":null,"interface":null,"options":null,"display":"formatted-value","display_options":{"font":"monospace"},"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 9),
  ('directus_activity', 'revisions', 'alias', '{"system":true,"collection":"directus_activity","field":"revisions","special":["o2m"],"interface":"list-o2m","options":{"fields":["collection","item"]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 411),
  ('directus_collections', 'collection_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"collection_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"box","title":"$t:field_options.directus_collections.collection_setup"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 412),
  ('directus_collections', 'collection', 'string', '{"system":true,"collection":"directus_collections","field":"collection","special":null,"interface":"input","options":{"font":"monospace"},"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 14),
  ('directus_collections', 'note', 'text', '{"system":true,"collection":"directus_collections","field":"note","special":null,"interface":"input","options":{"placeholder":"$t:field_options.directus_collections.note_placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 16),
  ('directus_collections', 'status', 'string', '{"system":true,"collection":"directus_collections","field":"status","special":null,"interface":"select-dropdown","options":{"choices":[{"text":"$t:active","value":"active"},{"text":"$t:inactive","value":"inactive"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 34),
  ('directus_collections', 'icon', 'string', '{"system":true,"collection":"directus_collections","field":"icon","special":null,"interface":"select-icon","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 15),
  ('directus_collections', 'color', 'string', '{"system":true,"collection":"directus_collections","field":"color","special":null,"interface":"select-color","options":{"placeholder":"$t:interfaces.select-color.placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 27),
  ('directus_collections', 'display_template', 'string', '{"system":true,"collection":"directus_collections","field":"display_template","special":null,"interface":"system-display-template","options":{"collectionField":"collection"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 17),
  ('directus_collections', 'hidden', 'boolean', '{"system":true,"collection":"directus_collections","field":"hidden","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:field_options.directus_collections.hidden_label"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 18),
  ('directus_collections', 'singleton', 'boolean', '{"system":true,"collection":"directus_collections","field":"singleton","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:singleton_label"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 19),
  ('directus_collections', 'translations', 'json', '{"system":true,"collection":"directus_collections","field":"translations","special":["cast-json"],"interface":"list","options":{"template":"{{ translation }} ({{ language }})","fields":[{"field":"language","name":"$t:language","type":"string","schema":{"default_value":"en-US"},"meta":{"interface":"system-language","width":"half","required":true}},{"field":"translation","name":"$t:field_options.directus_collections.collection_name","type":"string","meta":{"interface":"input","width":"half","required":true,"options":{"placeholder":"$t:field_options.directus_collections.translation_placeholder"}}},{"field":"singular","name":"$t:field_options.directus_collections.singular_unit","type":"string","meta":{"interface":"input","width":"half","options":{"placeholder":"$t:field_options.directus_collections.translation_placeholder"}}},{"field":"plural","name":"$t:field_options.directus_collections.plural_unit","type":"string","meta":{"interface":"input","width":"half","options":{"placeholder":"$t:field_options.directus_collections.translation_placeholder"}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":"$t:field_options.directus_collections.collection_naming_translations_note","conditions":null,"required":false,"searchable":true}', 20),
  ('directus_collections', 'content_translations_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"content_translations_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"translate","title":"$t:field_options.directus_collections.content_translations_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 413),
  ('directus_collections', 'translations_enable_helper', 'alias', '{"system":true,"collection":"directus_collections","field":"translations_enable_helper","special":["alias","no-data"],"interface":"system-collections-translations","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 414),
  ('directus_collections', 'preview_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"preview_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"preview","title":"$t:field_options.directus_collections.preview_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 415),
  ('directus_collections', 'preview_url', 'string', '{"system":true,"collection":"directus_collections","field":"preview_url","special":null,"interface":"system-display-template","options":{"collectionField":"collection","injectVersionField":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":14,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 32),
  ('directus_collections', 'content_versioning_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"content_versioning_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"published_with_changes","title":"$t:field_options.directus_collections.content_versioning_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":15,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 416),
  ('directus_collections', 'versioning', 'boolean', '{"system":true,"collection":"directus_collections","field":"versioning","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:field_options.directus_collections.enable_versioning"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":16,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 33),
  ('directus_collections', 'autosave_revision_interval', 'float', '{"system":true,"collection":"directus_collections","field":"autosave_revision_interval","special":null,"interface":"select-dropdown","options":{"choices":[{"text":"$t:field_options.directus_collections.interval_default","value":null},{"text":"30s","value":30},{"text":"1m","value":60},{"text":"5m","value":300},{"text":"10m","value":600}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":17,"width":"half","group":null,"translations":null,"note":null,"conditions":[{"rule":{"_or":[{"versioning":{"_neq":true}},{"accountability":{"_neq":"all"}}]},"readonly":true}],"required":false,"searchable":true}', 35),
  ('directus_collections', 'archive_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"archive_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"archive","title":"$t:field_options.directus_collections.archive_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":18,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 417),
  ('directus_collections', 'archive_field', 'string', '{"system":true,"collection":"directus_collections","field":"archive_field","special":null,"interface":"system-field","options":{"collectionField":"collection","allowNone":true,"placeholder":"$t:field_options.directus_collections.archive_field_placeholder","typeAllowList":["string","boolean"]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":19,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 21),
  ('directus_collections', 'archive_app_filter', 'boolean', '{"system":true,"collection":"directus_collections","field":"archive_app_filter","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:field_options.directus_collections.archive_app_filter"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":20,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 22),
  ('directus_collections', 'archive_value', 'string', '{"system":true,"collection":"directus_collections","field":"archive_value","special":null,"interface":"input","options":{"font":"monospace","iconRight":"archive","placeholder":"$t:field_options.directus_collections.archive_value"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":21,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 23),
  ('directus_collections', 'unarchive_value', 'string', '{"system":true,"collection":"directus_collections","field":"unarchive_value","special":null,"interface":"input","options":{"font":"monospace","iconRight":"unarchive","placeholder":"$t:field_options.directus_collections.unarchive_value"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":22,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 24),
  ('directus_collections', 'sort_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"sort_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"sort","title":"$t:field_options.directus_collections.sort_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":23,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 418),
  ('directus_collections', 'sort_field', 'string', '{"system":true,"collection":"directus_collections","field":"sort_field","special":null,"interface":"system-field","options":{"collectionField":"collection","placeholder":"$t:field_options.directus_collections.sort_field","typeAllowList":["float","decimal","integer"],"allowNone":true,"allowPrimaryKey":false,"allowForeignKeys":false},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":24,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 25),
  ('directus_collections', 'accountability_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"accountability_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"admin_panel_settings","title":"$t:field_options.directus_collections.accountability_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":25,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 419),
  ('directus_collections', 'accountability', 'string', '{"system":true,"collection":"directus_collections","field":"accountability","special":null,"interface":"select-dropdown","options":{"choices":[{"text":"$t:field_options.directus_collections.track_activity_revisions","value":"all"},{"text":"$t:field_options.directus_collections.only_track_activity","value":"activity"},{"text":"$t:field_options.directus_collections.do_not_track_anything","value":null}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":26,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 26),
  ('directus_collections', 'duplication_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"duplication_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"content_copy","title":"$t:field_options.directus_collections.duplication_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":27,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 420),
  ('directus_collections', 'item_duplication_fields', 'json', '{"system":true,"collection":"directus_collections","field":"item_duplication_fields","special":["cast-json"],"interface":"system-field-tree","options":{"collectionField":"collection"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":28,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 28),
  ('directus_collections', 'sort', 'integer', '{"system":true,"collection":"directus_collections","field":"sort","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":29,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 29),
  ('directus_collections', 'group', 'string', '{"system":true,"collection":"directus_collections","field":"group","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":30,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 30),
  ('directus_collections', 'collapse', 'string', '{"system":true,"collection":"directus_collections","field":"collapse","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":31,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 31),
  ('directus_comments', 'id', 'uuid', '{"system":true,"collection":"directus_comments","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 36),
  ('directus_comments', 'collection', 'string', '{"system":true,"collection":"directus_comments","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 37),
  ('directus_comments', 'item', 'string', '{"system":true,"collection":"directus_comments","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 38),
  ('directus_comments', 'comment', 'text', '{"system":true,"collection":"directus_comments","field":"comment","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 39),
  ('directus_comments', 'date_created', 'timestamp', '{"system":true,"collection":"directus_comments","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 40),
  ('directus_comments', 'date_updated', 'timestamp', '{"system":true,"collection":"directus_comments","field":"date_updated","special":["date-updated","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 41),
  ('directus_comments', 'user_created', 'uuid', '{"system":true,"collection":"directus_comments","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 42),
  ('directus_comments', 'user_updated', 'uuid', '{"system":true,"collection":"directus_comments","field":"user_updated","special":["user-updated"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 43),
  ('directus_dashboards', 'id', 'uuid', '{"system":true,"collection":"directus_dashboards","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 44),
  ('directus_dashboards', 'name', 'string', '{"system":true,"collection":"directus_dashboards","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 45),
  ('directus_dashboards', 'icon', 'string', '{"system":true,"collection":"directus_dashboards","field":"icon","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 46),
  ('directus_dashboards', 'panels', 'alias', '{"system":true,"collection":"directus_dashboards","field":"panels","special":["o2m"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 421),
  ('directus_dashboards', 'date_created', 'timestamp', '{"system":true,"collection":"directus_dashboards","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 48),
  ('directus_dashboards', 'user_created', 'uuid', '{"system":true,"collection":"directus_dashboards","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 49),
  ('directus_dashboards', 'note', 'text', '{"system":true,"collection":"directus_dashboards","field":"note","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 47),
  ('directus_dashboards', 'color', 'string', '{"system":true,"collection":"directus_dashboards","field":"color","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 50),
  ('directus_deployment_projects', 'id', 'uuid', '{"system":true,"collection":"directus_deployment_projects","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 51),
  ('directus_deployment_projects', 'deployment', 'uuid', '{"system":true,"collection":"directus_deployment_projects","field":"deployment","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 52),
  ('directus_deployment_projects', 'external_id', 'string', '{"system":true,"collection":"directus_deployment_projects","field":"external_id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 53),
  ('directus_deployment_projects', 'name', 'string', '{"system":true,"collection":"directus_deployment_projects","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 54),
  ('directus_deployment_projects', 'url', 'string', '{"system":true,"collection":"directus_deployment_projects","field":"url","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 57),
  ('directus_deployment_projects', 'framework', 'string', '{"system":true,"collection":"directus_deployment_projects","field":"framework","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 58),
  ('directus_deployment_projects', 'deployable', 'boolean', '{"system":true,"collection":"directus_deployment_projects","field":"deployable","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 59),
  ('directus_deployment_projects', 'runs', 'alias', '{"system":true,"collection":"directus_deployment_projects","field":"runs","special":["o2m"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 464),
  ('directus_deployment_projects', 'date_created', 'timestamp', '{"system":true,"collection":"directus_deployment_projects","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 55),
  ('directus_deployment_projects', 'user_created', 'uuid', '{"system":true,"collection":"directus_deployment_projects","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 56),
  ('directus_deployment_runs', 'id', 'uuid', '{"system":true,"collection":"directus_deployment_runs","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 60),
  ('directus_deployment_runs', 'project', 'uuid', '{"system":true,"collection":"directus_deployment_runs","field":"project","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 61),
  ('directus_deployment_runs', 'external_id', 'string', '{"system":true,"collection":"directus_deployment_runs","field":"external_id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 62),
  ('directus_deployment_runs', 'target', 'string', '{"system":true,"collection":"directus_deployment_runs","field":"target","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 63),
  ('directus_deployment_runs', 'status', 'string', '{"system":true,"collection":"directus_deployment_runs","field":"status","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 66),
  ('directus_deployment_runs', 'url', 'string', '{"system":true,"collection":"directus_deployment_runs","field":"url","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 67),
  ('directus_deployment_runs', 'started_at', 'timestamp', '{"system":true,"collection":"directus_deployment_runs","field":"started_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 68),
  ('directus_deployment_runs', 'completed_at', 'timestamp', '{"system":true,"collection":"directus_deployment_runs","field":"completed_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 69),
  ('directus_deployment_runs', 'date_created', 'timestamp', '{"system":true,"collection":"directus_deployment_runs","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 64),
  ('directus_deployment_runs', 'user_created', 'uuid', '{"system":true,"collection":"directus_deployment_runs","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 65),
  ('directus_deployments', 'id', 'uuid', '{"system":true,"collection":"directus_deployments","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 70),
  ('directus_deployments', 'provider', 'string', '{"system":true,"collection":"directus_deployments","field":"provider","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 71),
  ('directus_deployments', 'credentials', 'text', '{"system":true,"collection":"directus_deployments","field":"credentials","special":["encrypt"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 72),
  ('directus_deployments', 'options', 'json', '{"system":true,"collection":"directus_deployments","field":"options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 73),
  ('directus_deployments', 'projects', 'alias', '{"system":true,"collection":"directus_deployments","field":"projects","special":["o2m"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 463),
  ('directus_deployments', 'webhook_ids', 'json', '{"system":true,"collection":"directus_deployments","field":"webhook_ids","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 76),
  ('directus_deployments', 'last_synced_at', 'timestamp', '{"system":true,"collection":"directus_deployments","field":"last_synced_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 78),
  ('directus_deployments', 'date_created', 'timestamp', '{"system":true,"collection":"directus_deployments","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 74),
  ('directus_deployments', 'user_created', 'uuid', '{"system":true,"collection":"directus_deployments","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 75),
  ('directus_extensions', 'id', 'uuid', '{"system":true,"collection":"directus_extensions","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 80),
  ('directus_extensions', 'folder', 'string', '{"system":true,"collection":"directus_extensions","field":"folder","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 81),
  ('directus_extensions', 'source', 'string', '{"system":true,"collection":"directus_extensions","field":"source","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 82),
  ('directus_extensions', 'bundle', 'uuid', '{"system":true,"collection":"directus_extensions","field":"bundle","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 83),
  ('directus_extensions', 'enabled', 'boolean', '{"system":true,"collection":"directus_extensions","field":"enabled","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 79),
  ('directus_fields', 'id', 'integer', '{"system":true,"collection":"directus_fields","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 84),
  ('directus_fields', 'collection', 'string', '{"system":true,"collection":"directus_fields","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 85),
  ('directus_fields', 'field', 'string', '{"system":true,"collection":"directus_fields","field":"field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 86),
  ('directus_fields', 'special', 'csv', '{"system":true,"collection":"directus_fields","field":"special","special":["cast-csv"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 87),
  ('directus_fields', 'interface', 'string', '{"system":true,"collection":"directus_fields","field":"interface","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 88),
  ('directus_fields', 'options', 'json', '{"system":true,"collection":"directus_fields","field":"options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 89),
  ('directus_fields', 'display', 'string', '{"system":true,"collection":"directus_fields","field":"display","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 90),
  ('directus_fields', 'display_options', 'json', '{"system":true,"collection":"directus_fields","field":"display_options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 91),
  ('directus_fields', 'readonly', 'boolean', '{"system":true,"collection":"directus_fields","field":"readonly","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 92),
  ('directus_fields', 'hidden', 'boolean', '{"system":true,"collection":"directus_fields","field":"hidden","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 93),
  ('directus_fields', 'required', 'boolean', '{"system":true,"collection":"directus_fields","field":"required","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 99),
  ('directus_fields', 'searchable', 'boolean', '{"system":true,"collection":"directus_fields","field":"searchable","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 103),
  ('directus_fields', 'sort', 'integer', '{"system":true,"collection":"directus_fields","field":"sort","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 94),
  ('directus_fields', 'width', 'string', '{"system":true,"collection":"directus_fields","field":"width","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":14,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 95),
  ('directus_fields', 'group', 'string', '{"system":true,"collection":"directus_fields","field":"group","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":15,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 100),
  ('directus_fields', 'translations', 'json', '{"system":true,"collection":"directus_fields","field":"translations","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":16,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 96),
  ('directus_fields', 'note', 'text', '{"system":true,"collection":"directus_fields","field":"note","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":17,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 97),
  ('directus_fields', 'conditions', 'json', '{"system":true,"collection":"directus_fields","field":"conditions","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":18,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 98),
  ('directus_fields', 'validation', 'json', '{"system":true,"collection":"directus_fields","field":"validation","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":19,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 101),
  ('directus_fields', 'validation_message', 'text', '{"system":true,"collection":"directus_fields","field":"validation_message","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":20,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 102),
  ('directus_files', 'id', 'uuid', '{"system":true,"collection":"directus_files","field":"id","special":["uuid"],"interface":"input","options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 104),
  ('directus_files', 'title', 'string', '{"system":true,"collection":"directus_files","field":"title","special":null,"interface":"input","options":{"iconRight":"title","placeholder":"$t:field_options.directus_files.title"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 108),
  ('directus_files', 'description', 'text', '{"system":true,"collection":"directus_files","field":"description","special":null,"interface":"input-multiline","options":{"placeholder":"$t:field_options.directus_files.description"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 121),
  ('directus_files', 'tags', 'json', '{"system":true,"collection":"directus_files","field":"tags","special":["cast-json"],"interface":"tags","options":{"iconRight":"local_offer"},"display":"labels","display_options":{"choices":null,"format":false},"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 123),
  ('directus_files', 'location', 'text', '{"system":true,"collection":"directus_files","field":"location","special":null,"interface":"input","options":{"iconRight":"place","placeholder":"$t:field_options.directus_files.location"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 122),
  ('directus_files', 'storage', 'string', '{"system":true,"collection":"directus_files","field":"storage","special":null,"interface":"input","options":{"iconRight":"storage"},"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 105),
  ('directus_files', 'focal_point_divider', 'alias', '{"system":true,"collection":"directus_files","field":"focal_point_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"image_search","title":"$t:field_options.directus_files.focal_point_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 422),
  ('directus_files', 'focal_point_x', 'integer', '{"system":true,"collection":"directus_files","field":"focal_point_x","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 125),
  ('directus_files', 'focal_point_y', 'integer', '{"system":true,"collection":"directus_files","field":"focal_point_y","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 126),
  ('directus_files', 'storage_divider', 'alias', '{"system":true,"collection":"directus_files","field":"storage_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"insert_drive_file","title":"$t:field_options.directus_files.storage_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 423),
  ('directus_files', 'filename_disk', 'string', '{"system":true,"collection":"directus_files","field":"filename_disk","special":null,"interface":"input","options":{"iconRight":"publish","placeholder":"$t:field_options.directus_files.filename_disk"},"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 106),
  ('directus_files', 'filename_download', 'string', '{"system":true,"collection":"directus_files","field":"filename_download","special":null,"interface":"input","options":{"iconRight":"get_app","placeholder":"$t:field_options.directus_files.filename_download"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 107),
  ('directus_files', 'metadata', 'json', '{"system":true,"collection":"directus_files","field":"metadata","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 124),
  ('directus_files', 'type', 'string', '{"system":true,"collection":"directus_files","field":"type","special":null,"interface":null,"options":null,"display":"mime-type","display_options":null,"readonly":true,"hidden":false,"sort":14,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 109),
  ('directus_files', 'filesize', 'bigInteger', '{"system":true,"collection":"directus_files","field":"filesize","special":null,"interface":null,"options":null,"display":"filesize","display_options":null,"readonly":true,"hidden":false,"sort":15,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 116),
  ('directus_files', 'created_on', 'timestamp', '{"system":true,"collection":"directus_files","field":"created_on","special":["date-created"],"interface":"datetime","options":null,"display":"datetime","display_options":null,"readonly":true,"hidden":false,"sort":16,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 112),
  ('directus_files', 'modified_by', 'uuid', '{"system":true,"collection":"directus_files","field":"modified_by","special":["user-updated"],"interface":"select-dropdown-m2o","options":{"template":"{{avatar.$thumbnail}} {{first_name}} {{last_name}}"},"display":"user","display_options":null,"readonly":true,"hidden":false,"sort":17,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 113),
  ('directus_files', 'modified_on', 'timestamp', '{"system":true,"collection":"directus_files","field":"modified_on","special":["date-created","date-updated"],"interface":"datetime","options":null,"display":"datetime","display_options":null,"readonly":true,"hidden":false,"sort":18,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 114),
  ('directus_files', 'embed', 'string', '{"system":true,"collection":"directus_files","field":"embed","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":19,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 120),
  ('directus_files', 'uploaded_by', 'uuid', '{"system":true,"collection":"directus_files","field":"uploaded_by","special":["user-created"],"interface":null,"options":null,"display":"user","display_options":null,"readonly":false,"hidden":true,"sort":20,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 111),
  ('directus_files', 'uploaded_on', 'timestamp', '{"system":true,"collection":"directus_files","field":"uploaded_on","special":null,"interface":null,"options":null,"display":"datetime","display_options":null,"readonly":false,"hidden":true,"sort":21,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 129),
  ('directus_files', 'folder', 'uuid', '{"system":true,"collection":"directus_files","field":"folder","special":["m2o"],"interface":null,"options":null,"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":true,"hidden":false,"sort":22,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 110),
  ('directus_files', 'width', 'integer', '{"system":true,"collection":"directus_files","field":"width","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":23,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 117),
  ('directus_files', 'height', 'integer', '{"system":true,"collection":"directus_files","field":"height","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":24,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 118),
  ('directus_files', 'charset', 'string', '{"system":true,"collection":"directus_files","field":"charset","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":25,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 115),
  ('directus_files', 'duration', 'integer', '{"system":true,"collection":"directus_files","field":"duration","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":26,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 119),
  ('directus_files', 'tus_id', 'string', '{"system":true,"collection":"directus_files","field":"tus_id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":27,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 127),
  ('directus_files', 'tus_data', 'json', '{"system":true,"collection":"directus_files","field":"tus_data","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":28,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 128),
  ('directus_flows', 'id', 'uuid', '{"system":true,"collection":"directus_flows","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 130),
  ('directus_flows', 'name', 'string', '{"system":true,"collection":"directus_flows","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 131),
  ('directus_flows', 'icon', 'string', '{"system":true,"collection":"directus_flows","field":"icon","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 132),
  ('directus_flows', 'color', 'string', '{"system":true,"collection":"directus_flows","field":"color","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 133),
  ('directus_flows', 'description', 'text', '{"system":true,"collection":"directus_flows","field":"description","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 134),
  ('directus_flows', 'status', 'string', '{"system":true,"collection":"directus_flows","field":"status","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 135),
  ('directus_flows', 'trigger', 'string', '{"system":true,"collection":"directus_flows","field":"trigger","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 136),
  ('directus_flows', 'accountability', 'string', '{"system":true,"collection":"directus_flows","field":"accountability","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 137),
  ('directus_flows', 'options', 'json', '{"system":true,"collection":"directus_flows","field":"options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 138),
  ('directus_flows', 'operation', 'uuid', '{"system":true,"collection":"directus_flows","field":"operation","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 139),
  ('directus_flows', 'operations', 'alias', '{"system":true,"collection":"directus_flows","field":"operations","special":["o2m"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 424),
  ('directus_flows', 'date_created', 'timestamp', '{"system":true,"collection":"directus_flows","field":"date_created","special":["date-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 140),
  ('directus_flows', 'user_created', 'uuid', '{"system":true,"collection":"directus_flows","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 141),
  ('directus_flows', 'folder', 'uuid', '{"system":true,"collection":"directus_flows","field":"folder","special":["m2o"],"interface":null,"options":null,"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":true,"hidden":false,"sort":14,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 142),
  ('directus_folders', 'id', 'uuid', '{"system":true,"collection":"directus_folders","field":"id","special":["uuid"],"interface":"input","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 143),
  ('directus_folders', 'parent', 'uuid', '{"system":true,"collection":"directus_folders","field":"parent","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 145),
  ('directus_folders', 'name', 'string', '{"system":true,"collection":"directus_folders","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 144),
  ('directus_folders', 'type', 'string', '{"system":true,"collection":"directus_folders","field":"type","special":null,"interface":"select-dropdown","options":{"choices":[{"value":"files","text":"$t:file_library"},{"value":"flows","text":"$t:flows"}]},"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 146),
  ('directus_migrations', 'version', 'string', '{"system":true,"collection":"directus_migrations","field":"version","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 147),
  ('directus_migrations', 'name', 'string', '{"system":true,"collection":"directus_migrations","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 148),
  ('directus_migrations', 'timestamp', 'timestamp', '{"system":true,"collection":"directus_migrations","field":"timestamp","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 149),
  ('directus_notifications', 'id', 'integer', '{"system":true,"collection":"directus_notifications","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 150),
  ('directus_notifications', 'timestamp', 'timestamp', '{"system":true,"collection":"directus_notifications","field":"timestamp","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 151),
  ('directus_notifications', 'status', 'string', '{"system":true,"collection":"directus_notifications","field":"status","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 152),
  ('directus_notifications', 'recipient', 'uuid', '{"system":true,"collection":"directus_notifications","field":"recipient","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 153),
  ('directus_notifications', 'sender', 'uuid', '{"system":true,"collection":"directus_notifications","field":"sender","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 154),
  ('directus_notifications', 'subject', 'string', '{"system":true,"collection":"directus_notifications","field":"subject","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 155),
  ('directus_notifications', 'message', 'text', '{"system":true,"collection":"directus_notifications","field":"message","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 156),
  ('directus_notifications', 'collection', 'string', '{"system":true,"collection":"directus_notifications","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 157),
  ('directus_notifications', 'item', 'string', '{"system":true,"collection":"directus_notifications","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 158),
  ('directus_oauth_clients', 'client_name', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"client_name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 160),
  ('directus_oauth_clients', 'redirect_uris', 'json', '{"system":true,"collection":"directus_oauth_clients","field":"redirect_uris","special":["cast-json"],"interface":null,"options":null,"display":"labels","display_options":{"format":false},"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 161),
  ('directus_oauth_clients', 'grant_types', 'json', '{"system":true,"collection":"directus_oauth_clients","field":"grant_types","special":["cast-json"],"interface":null,"options":null,"display":"labels","display_options":{"format":false},"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 162),
  ('directus_oauth_clients', 'date_created', 'timestamp', '{"system":true,"collection":"directus_oauth_clients","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 173),
  ('directus_oauth_clients', 'client_id', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"client_id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 159),
  ('directus_oauth_clients', 'token_endpoint_auth_method', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"token_endpoint_auth_method","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 163),
  ('directus_oauth_clients', 'client_secret_hash', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"client_secret_hash","special":["conceal"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 164),
  ('directus_oauth_clients', 'tokens', 'alias', '{"system":true,"collection":"directus_oauth_clients","field":"tokens","special":["o2m"],"interface":"list-o2m","options":{"fields":["user","expires_at","date_created"]},"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 465),
  ('directus_oauth_clients', 'registration_type', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"registration_type","special":null,"interface":null,"options":null,"display":"labels","display_options":{"choices":[{"text":"$t:field_options.directus_oauth_clients.registration_type_dcr","value":"dcr","foreground":"var(--theme--primary)","background":"var(--theme--primary-subdued)"},{"text":"$t:field_options.directus_oauth_clients.registration_type_cimd","value":"cimd","foreground":"var(--blue)","background":"var(--blue-25)"}]},"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 165),
  ('directus_oauth_clients', 'client_uri', 'text', '{"system":true,"collection":"directus_oauth_clients","field":"client_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 166),
  ('directus_oauth_clients', 'logo_uri', 'text', '{"system":true,"collection":"directus_oauth_clients","field":"logo_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 167),
  ('directus_oauth_clients', 'tos_uri', 'text', '{"system":true,"collection":"directus_oauth_clients","field":"tos_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 168),
  ('directus_oauth_clients', 'policy_uri', 'text', '{"system":true,"collection":"directus_oauth_clients","field":"policy_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":13,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 169),
  ('directus_oauth_clients', 'metadata_fetched_at', 'timestamp', '{"system":true,"collection":"directus_oauth_clients","field":"metadata_fetched_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":14,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 170),
  ('directus_oauth_clients', 'metadata_expires_at', 'timestamp', '{"system":true,"collection":"directus_oauth_clients","field":"metadata_expires_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":15,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 171),
  ('directus_oauth_clients', 'metadata_etag', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"metadata_etag","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":16,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 172),
  ('directus_oauth_codes', 'id', 'uuid', '{"system":true,"collection":"directus_oauth_codes","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 174),
  ('directus_oauth_codes', 'code_hash', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"code_hash","special":["conceal"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 175),
  ('directus_oauth_codes', 'client', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"client","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 176),
  ('directus_oauth_codes', 'user', 'uuid', '{"system":true,"collection":"directus_oauth_codes","field":"user","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 177),
  ('directus_oauth_codes', 'redirect_uri', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"redirect_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 178),
  ('directus_oauth_codes', 'resource', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"resource","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 179),
  ('directus_oauth_codes', 'code_challenge', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"code_challenge","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 180),
  ('directus_oauth_codes', 'code_challenge_method', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"code_challenge_method","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 181),
  ('directus_oauth_codes', 'scope', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"scope","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 182),
  ('directus_oauth_codes', 'expires_at', 'timestamp', '{"system":true,"collection":"directus_oauth_codes","field":"expires_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 183),
  ('directus_oauth_codes', 'used_at', 'timestamp', '{"system":true,"collection":"directus_oauth_codes","field":"used_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 184),
  ('directus_oauth_consents', 'id', 'uuid', '{"system":true,"collection":"directus_oauth_consents","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 185),
  ('directus_oauth_consents', 'user', 'uuid', '{"system":true,"collection":"directus_oauth_consents","field":"user","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 186),
  ('directus_oauth_consents', 'client', 'string', '{"system":true,"collection":"directus_oauth_consents","field":"client","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 187),
  ('directus_oauth_consents', 'redirect_uri', 'string', '{"system":true,"collection":"directus_oauth_consents","field":"redirect_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 188),
  ('directus_oauth_consents', 'scope', 'string', '{"system":true,"collection":"directus_oauth_consents","field":"scope","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 189),
  ('directus_oauth_consents', 'date_created', 'timestamp', '{"system":true,"collection":"directus_oauth_consents","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 190),
  ('directus_oauth_consents', 'date_updated', 'timestamp', '{"system":true,"collection":"directus_oauth_consents","field":"date_updated","special":["date-updated","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 191),
  ('directus_oauth_tokens', 'id', 'uuid', '{"system":true,"collection":"directus_oauth_tokens","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 192),
  ('directus_oauth_tokens', 'client', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"client","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 193),
  ('directus_oauth_tokens', 'user', 'uuid', '{"system":true,"collection":"directus_oauth_tokens","field":"user","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 194),
  ('directus_oauth_tokens', 'session', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"session","special":["conceal"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 195),
  ('directus_oauth_tokens', 'previous_session', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"previous_session","special":["conceal"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 196),
  ('directus_oauth_tokens', 'resource', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"resource","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 197),
  ('directus_oauth_tokens', 'code_hash', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"code_hash","special":["conceal"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 198),
  ('directus_oauth_tokens', 'scope', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"scope","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 199),
  ('directus_oauth_tokens', 'expires_at', 'timestamp', '{"system":true,"collection":"directus_oauth_tokens","field":"expires_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 200),
  ('directus_oauth_tokens', 'date_created', 'timestamp', '{"system":true,"collection":"directus_oauth_tokens","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 201),
  ('directus_operations', 'id', 'uuid', '{"system":true,"collection":"directus_operations","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 202),
  ('directus_operations', 'name', 'string', '{"system":true,"collection":"directus_operations","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 203),
  ('directus_operations', 'key', 'string', '{"system":true,"collection":"directus_operations","field":"key","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 204),
  ('directus_operations', 'type', 'string', '{"system":true,"collection":"directus_operations","field":"type","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 205),
  ('directus_operations', 'position_x', 'integer', '{"system":true,"collection":"directus_operations","field":"position_x","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 206),
  ('directus_operations', 'position_y', 'integer', '{"system":true,"collection":"directus_operations","field":"position_y","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 207),
  ('directus_operations', 'options', 'json', '{"system":true,"collection":"directus_operations","field":"options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 208),
  ('directus_operations', 'resolve', 'uuid', '{"system":true,"collection":"directus_operations","field":"resolve","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 209),
  ('directus_operations', 'reject', 'uuid', '{"system":true,"collection":"directus_operations","field":"reject","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 210),
  ('directus_operations', 'flow', 'uuid', '{"system":true,"collection":"directus_operations","field":"flow","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 211),
  ('directus_operations', 'date_created', 'timestamp', '{"system":true,"collection":"directus_operations","field":"date_created","special":["date-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 212),
  ('directus_operations', 'user_created', 'uuid', '{"system":true,"collection":"directus_operations","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 213),
  ('directus_panels', 'id', 'uuid', '{"system":true,"collection":"directus_panels","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 214),
  ('directus_panels', 'name', 'string', '{"system":true,"collection":"directus_panels","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 216),
  ('directus_panels', 'icon', 'string', '{"system":true,"collection":"directus_panels","field":"icon","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 217),
  ('directus_panels', 'color', 'string', '{"system":true,"collection":"directus_panels","field":"color","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 218),
  ('directus_panels', 'note', 'text', '{"system":true,"collection":"directus_panels","field":"note","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 220),
  ('directus_panels', 'type', 'string', '{"system":true,"collection":"directus_panels","field":"type","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 221),
  ('directus_panels', 'show_header', 'boolean', '{"system":true,"collection":"directus_panels","field":"show_header","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 219),
  ('directus_panels', 'position_x', 'integer', '{"system":true,"collection":"directus_panels","field":"position_x","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 222),
  ('directus_panels', 'position_y', 'integer', '{"system":true,"collection":"directus_panels","field":"position_y","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 223),
  ('directus_panels', 'width', 'integer', '{"system":true,"collection":"directus_panels","field":"width","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 224),
  ('directus_panels', 'height', 'integer', '{"system":true,"collection":"directus_panels","field":"height","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 225),
  ('directus_panels', 'options', 'json', '{"system":true,"collection":"directus_panels","field":"options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 226),
  ('directus_panels', 'date_created', 'timestamp', '{"system":true,"collection":"directus_panels","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 227),
  ('directus_panels', 'user_created', 'uuid', '{"system":true,"collection":"directus_panels","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":14,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 228),
  ('directus_panels', 'dashboard', 'uuid', '{"system":true,"collection":"directus_panels","field":"dashboard","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":15,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 215),
  ('directus_permissions', 'permissions', 'json', '{"system":true,"collection":"directus_permissions","field":"permissions","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 232),
  ('directus_permissions', 'presets', 'json', '{"system":true,"collection":"directus_permissions","field":"presets","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 234),
  ('directus_permissions', 'policy', 'uuid', '{"system":true,"collection":"directus_permissions","field":"policy","special":["m2o"],"interface":"select-dropdown-m2o","options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 236),
  ('directus_permissions', 'collection', 'string', '{"system":true,"collection":"directus_permissions","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 230),
  ('directus_permissions', 'id', 'integer', '{"system":true,"collection":"directus_permissions","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 229),
  ('directus_permissions', 'fields', 'csv', '{"system":true,"collection":"directus_permissions","field":"fields","special":["cast-csv"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 235),
  ('directus_permissions', 'action', 'string', '{"system":true,"collection":"directus_permissions","field":"action","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 231),
  ('directus_permissions', 'validation', 'json', '{"system":true,"collection":"directus_permissions","field":"validation","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 233),
  ('directus_policies', 'id', 'uuid', '{"system":true,"collection":"directus_policies","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 237),
  ('directus_policies', 'name', 'string', '{"system":true,"collection":"directus_policies","field":"name","special":null,"interface":null,"options":null,"display":"formatted-value","display_options":{"translate":true},"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":true,"searchable":true}', 238),
  ('directus_policies', 'icon', 'string', '{"system":true,"collection":"directus_policies","field":"icon","special":null,"interface":"select-icon","options":null,"display":"icon","display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 239),
  ('directus_policies', 'description', 'text', '{"system":true,"collection":"directus_policies","field":"description","special":null,"interface":"input","options":{"placeholder":"$t:field_options.directus_policies.description"},"display":"formatted-value","display_options":{"translate":true},"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 240),
  ('directus_policies', 'permissions', 'alias', '{"system":true,"collection":"directus_policies","field":"permissions","special":["o2m"],"interface":"system-permissions","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 425),
  ('directus_policies', 'app_access', 'boolean', '{"system":true,"collection":"directus_policies","field":"app_access","special":["cast-boolean"],"interface":"boolean","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 244),
  ('directus_policies', 'admin_access', 'boolean', '{"system":true,"collection":"directus_policies","field":"admin_access","special":["cast-boolean"],"interface":"boolean","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 243),
  ('directus_policies', 'ip_access', 'csv', '{"system":true,"collection":"directus_policies","field":"ip_access","special":["cast-csv"],"interface":"tags","options":{"placeholder":"$t:field_options.directus_policies.ip_access"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 241),
  ('directus_policies', 'enforce_tfa', 'boolean', '{"system":true,"collection":"directus_policies","field":"enforce_tfa","special":["cast-boolean"],"interface":"boolean","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":"$t:field_options.directus_policies.enforce_tfa","conditions":null,"required":false,"searchable":true}', 242),
  ('directus_policies', 'assigned_to_divider', 'alias', '{"system":true,"collection":"directus_policies","field":"assigned_to_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"title":"$t:field_options.directus_policies.assigned_to"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 426),
  ('directus_policies', 'users', 'alias', '{"system":true,"collection":"directus_policies","field":"users","special":["m2m"],"interface":"list-m2m","options":{"template":"{{ user.first_name }} {{ user.last_name }}","junctionFilter":{"user":{"_nnull":true}}},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 427),
  ('directus_policies', 'roles', 'alias', '{"system":true,"collection":"directus_policies","field":"roles","special":["m2m"],"interface":"list-m2m","options":{"template":"{{ role.name }}","junctionFilter":{"role":{"_nnull":true}}},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 428),
  ('directus_presets', 'filter', 'json', '{"system":true,"collection":"directus_presets","field":"filter","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 255),
  ('directus_presets', 'layout_query', 'json', '{"system":true,"collection":"directus_presets","field":"layout_query","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 252),
  ('directus_presets', 'layout_options', 'json', '{"system":true,"collection":"directus_presets","field":"layout_options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 253),
  ('directus_presets', 'role', 'uuid', '{"system":true,"collection":"directus_presets","field":"role","special":["m2o"],"interface":null,"options":null,"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 248),
  ('directus_presets', 'user', 'uuid', '{"system":true,"collection":"directus_presets","field":"user","special":["m2o"],"interface":null,"options":null,"display":"related-values","display_options":{"template":"{{ email }}"},"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 247),
  ('directus_presets', 'id', 'integer', '{"system":true,"collection":"directus_presets","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 245),
  ('directus_presets', 'bookmark', 'string', '{"system":true,"collection":"directus_presets","field":"bookmark","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 246),
  ('directus_presets', 'icon', 'string', '{"system":true,"collection":"directus_presets","field":"icon","special":null,"interface":null,"options":null,"display":"icon","display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 256),
  ('directus_presets', 'color', 'string', '{"system":true,"collection":"directus_presets","field":"color","special":null,"interface":null,"options":null,"display":"color","display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 257),
  ('directus_presets', 'search', 'string', '{"system":true,"collection":"directus_presets","field":"search","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 250),
  ('directus_presets', 'collection', 'string', '{"system":true,"collection":"directus_presets","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 249),
  ('directus_presets', 'layout', 'string', '{"system":true,"collection":"directus_presets","field":"layout","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 251),
  ('directus_presets', 'refresh_interval', 'integer', '{"system":true,"collection":"directus_presets","field":"refresh_interval","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 254),
  ('directus_relations', 'id', 'integer', '{"system":true,"collection":"directus_relations","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 258),
  ('directus_relations', 'many_collection', 'string', '{"system":true,"collection":"directus_relations","field":"many_collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 259),
  ('directus_relations', 'many_field', 'string', '{"system":true,"collection":"directus_relations","field":"many_field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 260),
  ('directus_relations', 'one_collection', 'string', '{"system":true,"collection":"directus_relations","field":"one_collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 261),
  ('directus_relations', 'one_field', 'string', '{"system":true,"collection":"directus_relations","field":"one_field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 262),
  ('directus_relations', 'one_collection_field', 'string', '{"system":true,"collection":"directus_relations","field":"one_collection_field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 263),
  ('directus_relations', 'one_allowed_collections', 'csv', '{"system":true,"collection":"directus_relations","field":"one_allowed_collections","special":["cast-csv"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 264),
  ('directus_relations', 'junction_field', 'string', '{"system":true,"collection":"directus_relations","field":"junction_field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 265),
  ('directus_relations', 'sort_field', 'string', '{"system":true,"collection":"directus_relations","field":"sort_field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 266),
  ('directus_relations', 'one_deselect_action', 'string', '{"system":true,"collection":"directus_relations","field":"one_deselect_action","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 267),
  ('directus_revisions', 'id', 'integer', '{"system":true,"collection":"directus_revisions","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 268),
  ('directus_revisions', 'activity', 'integer', '{"system":true,"collection":"directus_revisions","field":"activity","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 269),
  ('directus_revisions', 'collection', 'string', '{"system":true,"collection":"directus_revisions","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 270),
  ('directus_revisions', 'item', 'string', '{"system":true,"collection":"directus_revisions","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 271),
  ('directus_revisions', 'data', 'json', '{"system":true,"collection":"directus_revisions","field":"data","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 272),
  ('directus_revisions', 'delta', 'json', '{"system":true,"collection":"directus_revisions","field":"delta","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 273),
  ('directus_revisions', 'parent', 'integer', '{"system":true,"collection":"directus_revisions","field":"parent","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 274),
  ('directus_revisions', 'version', 'uuid', '{"system":true,"collection":"directus_revisions","field":"version","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 275),
  ('directus_roles', 'id', 'uuid', '{"system":true,"collection":"directus_roles","field":"id","special":["uuid"],"interface":"input","options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 276),
  ('directus_roles', 'name', 'string', '{"system":true,"collection":"directus_roles","field":"name","special":null,"interface":"input","options":{"placeholder":"$t:field_options.directus_roles.name"},"display":"formatted-value","display_options":{"translate":true},"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":true,"searchable":true}', 277),
  ('directus_roles', 'icon', 'string', '{"system":true,"collection":"directus_roles","field":"icon","special":null,"interface":"select-icon","options":null,"display":"icon","display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 278),
  ('directus_roles', 'description', 'text', '{"system":true,"collection":"directus_roles","field":"description","special":null,"interface":"input","options":{"placeholder":"$t:field_options.directus_roles.description"},"display":"formatted-value","display_options":{"translate":true},"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 279),
  ('directus_roles', 'parent', 'uuid', '{"system":true,"collection":"directus_roles","field":"parent","special":["m2o"],"interface":"select-dropdown-m2o","options":{"template":"{{ name }}","filter":{"id":{"_neq":"{{ id }}"}}},"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":"$t:field_options.directus_roles.parent_note","conditions":null,"required":false,"searchable":true}', 280),
  ('directus_roles', 'children', 'alias', '{"system":true,"collection":"directus_roles","field":"children","special":["o2m"],"interface":"list-o2m-tree-view","options":{"displayTemplate":"{{ name }}","enableCreate":false,"fields":["name"],"filter":{"id":{"_neq":"{{ id }}"}}},"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":false,"hidden":true,"sort":6,"width":"full","group":null,"translations":null,"note":"$t:field_options.directus_roles.children_note","conditions":null,"required":false,"searchable":true}', 429),
  ('directus_roles', 'policies', 'alias', '{"system":true,"collection":"directus_roles","field":"policies","special":["m2m"],"interface":"list-m2m","options":{"layout":"list"},"display":"related-values","display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 430),
  ('directus_roles', 'users_group', 'alias', '{"system":true,"collection":"directus_roles","field":"users_group","special":["alias","no-data","group"],"interface":"group-raw","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 431),
  ('directus_roles', 'users_divider', 'alias', '{"system":true,"collection":"directus_roles","field":"users_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"people_alt","title":"$t:users"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":"users_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 432),
  ('directus_roles', 'users', 'alias', '{"system":true,"collection":"directus_roles","field":"users","special":["o2m"],"interface":"list-o2m","options":{"fields":["first_name","last_name"]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":"users_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 433),
  ('directus_sessions', 'token', 'string', '{"system":true,"collection":"directus_sessions","field":"token","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 281),
  ('directus_sessions', 'user', 'uuid', '{"system":true,"collection":"directus_sessions","field":"user","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 282),
  ('directus_sessions', 'expires', 'timestamp', '{"system":true,"collection":"directus_sessions","field":"expires","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 283),
  ('directus_sessions', 'ip', 'string', '{"system":true,"collection":"directus_sessions","field":"ip","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 284),
  ('directus_sessions', 'user_agent', 'text', '{"system":true,"collection":"directus_sessions","field":"user_agent","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 285),
  ('directus_sessions', 'origin', 'string', '{"system":true,"collection":"directus_sessions","field":"origin","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 287),
  ('directus_sessions', 'share', 'uuid', '{"system":true,"collection":"directus_sessions","field":"share","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 286),
  ('directus_sessions', 'next_token', 'string', '{"system":true,"collection":"directus_sessions","field":"next_token","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 288),
  ('directus_sessions', 'oauth_client', 'string', '{"system":true,"collection":"directus_sessions","field":"oauth_client","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 289),
  ('directus_settings', 'id', 'integer', '{"system":true,"collection":"directus_settings","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 290),
  ('directus_settings', 'project_name', 'string', '{"system":true,"collection":"directus_settings","field":"project_name","special":null,"interface":"input","options":{"iconRight":"title","placeholder":"$t:field_options.directus_settings.project_name_placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 291),
  ('directus_settings', 'project_descriptor', 'string', '{"system":true,"collection":"directus_settings","field":"project_descriptor","special":null,"interface":"input","options":{"iconRight":"title","placeholder":"$t:field_options.directus_settings.project_name_placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 307),
  ('directus_settings', 'project_url', 'string', '{"system":true,"collection":"directus_settings","field":"project_url","special":null,"interface":"input","options":{"iconRight":"link","placeholder":"https://example.com"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 292),
  ('directus_settings', 'default_language', 'string', '{"system":true,"collection":"directus_settings","field":"default_language","special":null,"interface":"system-language","options":{"iconRight":"language","placeholder":"en-US"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 308),
  ('directus_settings', 'default_save_action', 'string', '{"system":true,"collection":"directus_settings","field":"default_save_action","special":null,"interface":"select-dropdown","options":{"placeholder":"$t:save_and_quit","choices":[{"value":"save-and-quit","text":"$t:save_and_quit"},{"value":"save-and-stay","text":"$t:save_and_stay"},{"value":"save-and-create-new","text":"$t:save_and_create_new"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":"$t:default_save_action_note","conditions":null,"required":false,"searchable":true}', 356),
  ('directus_settings', 'project_owner', 'string', '{"system":true,"collection":"directus_settings","field":"project_owner","special":null,"interface":"system-owner","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 330),
  ('directus_settings', 'project_usage', 'string', '{"system":true,"collection":"directus_settings","field":"project_usage","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 331),
  ('directus_settings', 'org_name', 'string', '{"system":true,"collection":"directus_settings","field":"org_name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 332),
  ('directus_settings', 'product_updates', 'boolean', '{"system":true,"collection":"directus_settings","field":"product_updates","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 333),
  ('directus_settings', 'project_status', 'string', '{"system":true,"collection":"directus_settings","field":"project_status","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 334),
  ('directus_settings', 'modules_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"modules_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"menu_open","title":"$t:modules"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 434),
  ('directus_settings', 'module_bar', 'json', '{"system":true,"collection":"directus_settings","field":"module_bar","special":["cast-json"],"interface":"system-modules","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 306),
  ('directus_settings', 'visual_editor_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"visual_editor_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"edit_square","title":"$t:visual_editor"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":14,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 435),
  ('directus_settings', 'visual_editor_urls', 'json', '{"system":true,"collection":"directus_settings","field":"visual_editor_urls","special":["cast-json"],"interface":"list","options":{"template":"{{url}}","fields":[{"field":"url","name":"$t:url","schema":{"is_nullable":false},"meta":{"interface":"system-display-template","required":true,"options":{"placeholder":"https://example.com/?version={{$version}}","fields":[{"field":"$version","name":"$t:version","collection":"","key":"$version","path":"$version","type":"string"}]}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":15,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 323),
  ('directus_settings', 'security_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"security_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"shield","title":"$t:security"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":16,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 436),
  ('directus_settings', 'auth_password_policy', 'string', '{"system":true,"collection":"directus_settings","field":"auth_password_policy","special":null,"interface":"select-dropdown","options":{"choices":[{"value":null,"text":"$t:field_options.directus_settings.auth_password_policy.none_text"},{"value":"/^.{8,}$/","text":"$t:field_options.directus_settings.auth_password_policy.weak_text"},{"value":"/(?=^.{8,}$)(?=.*\\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%^&*()_+}{'';''?>.<,])(?!.*\\s).*$/","text":"$t:field_options.directus_settings.auth_password_policy.strong_text"}],"allowOther":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":17,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 299),
  ('directus_settings', 'auth_login_attempts', 'integer', '{"system":true,"collection":"directus_settings","field":"auth_login_attempts","special":null,"interface":"input","options":{"iconRight":"lock","placeholder":"$t:unlimited"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":18,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 298),
  ('directus_settings', 'public_registration_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"public_registration_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"person_add","title":"$t:fields.directus_settings.public_registration"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":19,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 437),
  ('directus_settings', 'public_registration', 'boolean', '{"system":true,"collection":"directus_settings","field":"public_registration","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":20,"width":"half","group":null,"translations":null,"note":"$t:fields.directus_settings.public_registration_note","conditions":null,"required":false,"searchable":true}', 319),
  ('directus_settings', 'public_registration_role', 'uuid', '{"system":true,"collection":"directus_settings","field":"public_registration_role","special":["m2o"],"interface":"select-dropdown-m2o","options":{"template":"{{ name }}"},"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":false,"hidden":false,"sort":21,"width":"half","group":null,"translations":null,"note":"$t:fields.directus_settings.public_registration_role_note","conditions":null,"required":false,"searchable":true}', 321),
  ('directus_settings', 'public_registration_verify_email', 'boolean', '{"system":true,"collection":"directus_settings","field":"public_registration_verify_email","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":22,"width":"half","group":null,"translations":null,"note":"$t:fields.directus_settings.public_registration_verify_email_note","conditions":null,"required":false,"searchable":true}', 320),
  ('directus_settings', 'public_registration_email_filter', 'json', '{"system":true,"collection":"directus_settings","field":"public_registration_email_filter","special":["cast-json"],"interface":"system-filter","options":{"collectionName":"directus_users","collectionField":"email","fieldName":"email"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":23,"width":"half","group":null,"translations":null,"note":"$t:fields.directus_settings.public_registration_email_filter_note","conditions":null,"required":false,"searchable":true}', 322),
  ('directus_settings', 'files_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"files_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"folder","title":"$t:fields.directus_settings.files_and_thumbnails"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":24,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 438),
  ('directus_settings', 'storage_asset_transform', 'string', '{"system":true,"collection":"directus_settings","field":"storage_asset_transform","special":null,"interface":"select-dropdown","options":{"choices":[{"value":"all","text":"$t:fields.directus_settings.transformations_all"},{"value":"none","text":"$t:fields.directus_settings.transformations_none"},{"value":"presets","text":"$t:fields.directus_settings.transformations_presets"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":25,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 300),
  ('directus_settings', 'storage_default_folder', 'uuid', '{"system":true,"collection":"directus_settings","field":"storage_default_folder","special":null,"interface":"system-folder","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":26,"width":"half","group":null,"translations":null,"note":"$t:interfaces.system-folder.field_hint","conditions":null,"required":false,"searchable":true}', 303),
  ('directus_settings', 'storage_asset_presets', 'json', '{"system":true,"collection":"directus_settings","field":"storage_asset_presets","special":["cast-json"],"interface":"list","options":{"fields":[{"field":"key","name":"$t:key","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","options":{"slug":true,"onlyOnCreate":false},"width":"full","required":true}},{"field":"fit","name":"$t:field_options.directus_settings.storage_asset_presets.fit_label","type":"string","schema":{"is_nullable":false},"meta":{"interface":"select-dropdown","options":{"choices":[{"value":"contain","text":"$t:field_options.directus_settings.storage_asset_presets.fit.contain_text"},{"value":"cover","text":"$t:field_options.directus_settings.storage_asset_presets.fit.cover_text"},{"value":"inside","text":"$t:field_options.directus_settings.storage_asset_presets.fit.fit_text"},{"value":"outside","text":"$t:field_options.directus_settings.storage_asset_presets.fit.outside_text"}]},"width":"half"}},{"field":"width","name":"$t:width","type":"integer","schema":{"is_nullable":false},"meta":{"interface":"input","width":"half"}},{"field":"height","name":"$t:height","type":"integer","schema":{"is_nullable":false},"meta":{"interface":"input","width":"half"}},{"field":"quality","type":"integer","name":"$t:quality","schema":{"default_value":80,"is_nullable":false},"meta":{"interface":"slider","options":{"max":100,"min":0,"step":1},"width":"half"}},{"field":"withoutEnlargement","name":"$t:field_options.directus_settings.storage_asset_presets.upscaling","type":"boolean","schema":{"default_value":false},"meta":{"interface":"boolean","width":"half","options":{"label":"$t:no_upscale"}}},{"field":"format","name":"$t:format","type":"string","schema":{"is_nullable":false,"default_value":""},"meta":{"interface":"select-dropdown","options":{"allowNone":true,"choices":[{"value":"auto","text":"Auto"},{"value":"jpeg","text":"JPEG"},{"value":"png","text":"PNG"},{"value":"webp","text":"WebP"},{"value":"tiff","text":"Tiff"},{"value":"avif","text":"AVIF"}]},"width":"half"}},{"field":"transforms","name":"$t:field_options.directus_settings.additional_transforms","type":"json","schema":{"is_nullable":false,"default_value":[]},"meta":{"note":"$t:field_options.directus_settings.transforms_note","interface":"json","options":{"template":"[\n  [\"blur\", 45],\n  [\"grayscale\"],\n  [\"extend\", { \"right\": 500, \"background\": \"rgb(255, 0, 0)\" }]\n]\n","placeholder":"[\n  [\"blur\", 45],\n  [\"grayscale\"],\n  [\"extend\", { \"right\": 500, \"background\": \"rgb(255, 0, 0)\" }]\n]\n"},"width":"full"}}],"template":"{{key}}"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":27,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 301),
  ('directus_settings', 'reporting_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"reporting_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"feedback","title":"$t:fields.directus_settings.reporting"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":28,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 439),
  ('directus_settings', 'report_feature_url', 'string', '{"system":true,"collection":"directus_settings","field":"report_feature_url","special":null,"interface":"input","options":{"iconRight":"link","placeholder":"https://example.com/feature"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":29,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 318),
  ('directus_settings', 'report_bug_url', 'string', '{"system":true,"collection":"directus_settings","field":"report_bug_url","special":null,"interface":"input","options":{"iconRight":"link","placeholder":"https://example.com/bug"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":30,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 317),
  ('directus_settings', 'report_error_url', 'string', '{"system":true,"collection":"directus_settings","field":"report_error_url","special":null,"interface":"system-display-template","options":{"placeholder":"https://example.com/error","fields":[{"name":"Error","field":"error","key":"error","path":"error","children":[{"name":"Name","field":"name","key":"error.name","path":"error.name"},{"name":"Message","field":"message","key":"error.message","path":"error.message"}]},{"name":"Navigator","field":"navigator","key":"navigator","path":"navigator","children":[{"name":"Language","field":"language","key":"navigator.language","path":"navigator.language"},{"name":"User Agent","field":"userAgent","key":"navigator.userAgent","path":"navigator.userAgent"}]},{"name":"Route","field":"route","key":"route","path":"route","children":[{"name":"Full Path","field":"fullPath","key":"route.fullPath","path":"route.fullPath"},{"name":"Hash","field":"hash","key":"route.hash","path":"route.hash"},{"name":"Name","field":"name","key":"route.name","path":"route.name"},{"name":"Path","field":"path","key":"route.path","path":"route.path"},{"name":"Query","field":"query","key":"route.query","path":"route.query"}]},{"name":"User","field":"user","key":"user","path":"user","children":[{"name":"ID","field":"id","key":"user.id","path":"user.id"},{"name":"First Name","field":"first_name","key":"user.first_name","path":"user.first_name"},{"name":"Last Name","field":"last_name","key":"user.last_name","path":"user.last_name"},{"name":"Status","field":"status","key":"user.status","path":"user.status"},{"name":"Title","field":"title","key":"user.title","path":"user.title"},{"name":"Description","field":"description","key":"user.description","path":"user.description"},{"name":"Location","field":"location","key":"user.location","path":"user.location"}]},{"name":"Role","field":"role","key":"role","path":"role","children":[{"name":"ID","field":"id","key":"role.id","path":"role.id"},{"name":"Name","field":"name","key":"role.name","path":"role.name"}]}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":31,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 316),
  ('directus_settings', 'collaborative_editing_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"collaborative_editing_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"podcasts","title":"$t:fields.directus_settings.collaborative_editing"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":32,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 440),
  ('directus_settings', 'collaborative_editing_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"collaborative_editing_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":33,"width":"half","group":null,"translations":null,"note":"$t:fields.directus_settings.collaborative_editing_note","conditions":null,"required":false,"searchable":true}', 347),
  ('directus_settings', 'map_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"map_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"map","title":"$t:fields.directus_settings.mapping"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":34,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 441),
  ('directus_settings', 'mapbox_key', 'string', '{"system":true,"collection":"directus_settings","field":"mapbox_key","special":null,"interface":"input","options":{"icon":"key","title":"$t:field_options.directus_settings.mapbox_key","placeholder":"$t:field_options.directus_settings.mapbox_placeholder","iconLeft":"vpn_key","font":"monospace"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":35,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 305),
  ('directus_settings', 'basemaps', 'json', '{"system":true,"collection":"directus_settings","field":"basemaps","special":["cast-json"],"interface":"list","options":{"template":"{{name}}","fields":[{"field":"name","name":"$t:name","schema":{"is_nullable":false},"meta":{"interface":"text-input","required":true,"options":{"placeholder":"$t:field_options.directus_settings.basemaps_name_placeholder"}}},{"field":"type","name":"$t:type","meta":{"interface":"select-dropdown","options":{"choices":[{"value":"raster","text":"$t:field_options.directus_settings.basemaps_raster"},{"value":"tile","text":"$t:field_options.directus_settings.basemaps_tile"},{"value":"style","text":"$t:field_options.directus_settings.basemaps_style"}]}}},{"field":"url","name":"$t:url","schema":{"is_nullable":false},"meta":{"interface":"text-input","options":{"placeholder":"http://{a-c}.tile.openstreetmap.org/{z}/{x}/{y}.png"}}},{"field":"tileSize","name":"$t:tile_size","type":"integer","schema":{"is_nullable":true},"meta":{"interface":"input","options":{"placeholder":"512"},"conditions":[{"name":"typeNeqRaster","rule":{"type":{"_neq":"raster"}},"hidden":true}]}},{"field":"attribution","name":"$t:fields.directus_settings.attribution","type":"string","schema":{"is_nullable":true},"meta":{"interface":"input","options":{"placeholder":"$t:fields.directus_settings.attribution_placeholder"}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":36,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 304),
  ('directus_settings', 'image_editor', 'alias', '{"system":true,"collection":"directus_settings","field":"image_editor","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"image","title":"$t:fields.directus_settings.image_editor"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":37,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 442),
  ('directus_settings', 'custom_aspect_ratios', 'json', '{"system":true,"collection":"directus_settings","field":"custom_aspect_ratios","special":["cast-json"],"interface":"list","options":{"template":"{{text}}","fields":[{"field":"text","name":"$t:text","type":"string","meta":{"interface":"text-input","width":"half","required":true,"options":{"placeholder":"$t:text"}}},{"field":"value","name":"$t:value","type":"float","meta":{"interface":"input","width":"half","required":true,"options":{"placeholder":"$t:value"}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":38,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 309),
  ('directus_settings', 'project_id', 'uuid', '{"system":true,"collection":"directus_settings","field":"project_id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":39,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 324),
  ('directus_settings', 'theming_group', 'alias', '{"system":true,"collection":"directus_settings","field":"theming_group","special":["alias","no-data","group"],"interface":"group-raw","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":40,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 443),
  ('directus_settings', 'branding_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"branding_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"palette","title":"$t:fields.directus_settings.branding"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":41,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 444),
  ('directus_settings', 'project_color', 'string', '{"system":true,"collection":"directus_settings","field":"project_color","special":null,"interface":"select-color","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":42,"width":"half","group":"theming_group","translations":null,"note":"$t:field_options.directus_settings.project_color_note","conditions":null,"required":false,"searchable":true}', 293),
  ('directus_settings', 'project_logo', 'uuid', '{"system":true,"collection":"directus_settings","field":"project_logo","special":null,"interface":"file","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":43,"width":"half","group":"theming_group","translations":null,"note":"$t:field_options.directus_settings.project_logo_note","conditions":null,"required":false,"searchable":true}', 294),
  ('directus_settings', 'public_foreground', 'uuid', '{"system":true,"collection":"directus_settings","field":"public_foreground","special":null,"interface":"file","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":44,"width":"half","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 295),
  ('directus_settings', 'public_background', 'uuid', '{"system":true,"collection":"directus_settings","field":"public_background","special":null,"interface":"file","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":45,"width":"half","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 296),
  ('directus_settings', 'public_favicon', 'uuid', '{"system":true,"collection":"directus_settings","field":"public_favicon","special":null,"interface":"file","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":46,"width":"half","group":"theming_group","translations":null,"note":"$t:field_options.directus_settings.project_favicon_note","conditions":null,"required":false,"searchable":true}', 310),
  ('directus_settings', 'public_note', 'text', '{"system":true,"collection":"directus_settings","field":"public_note","special":null,"interface":"input","options":{"placeholder":"$t:field_options.directus_settings.public_note_placeholder","iconRight":"info"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":47,"width":"half","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 297),
  ('directus_settings', 'theming_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"theming_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"palette","title":"$t:fields.directus_settings.theming"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":48,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 445),
  ('directus_settings', 'default_appearance', 'string', '{"system":true,"collection":"directus_settings","field":"default_appearance","special":null,"interface":"select-dropdown","options":{"choices":[{"value":"auto","text":"$t:appearance_auto"},{"value":"light","text":"$t:appearance_light"},{"value":"dark","text":"$t:appearance_dark"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":49,"width":"half","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 311),
  ('directus_settings', 'default_theme_light', 'string', '{"system":true,"collection":"directus_settings","field":"default_theme_light","special":null,"interface":"system-theme","options":{"appearance":"light"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":50,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 312),
  ('directus_settings', 'theme_light_overrides', 'json', '{"system":true,"collection":"directus_settings","field":"theme_light_overrides","special":["cast-json"],"interface":"system-theme-overrides","options":{"appearance":"light"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":51,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 313),
  ('directus_settings', 'default_theme_dark', 'string', '{"system":true,"collection":"directus_settings","field":"default_theme_dark","special":null,"interface":"system-theme","options":{"appearance":"dark"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":52,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 314),
  ('directus_settings', 'theme_dark_overrides', 'json', '{"system":true,"collection":"directus_settings","field":"theme_dark_overrides","special":["cast-json"],"interface":"system-theme-overrides","options":{"appearance":"dark"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":53,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 315),
  ('directus_settings', 'custom_css', 'text', '{"system":true,"collection":"directus_settings","field":"custom_css","special":null,"interface":"input-code","options":{"language":"css","lineNumber":true,"template":"#app, #main-content, body {\n  --v-button-background-color: #6644FF !important;\n  --v-button-background-color-hover: #5E41EC !important;\n}\n"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":54,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 302),
  ('directus_settings', 'ai_group', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_group","special":["alias","no-data","group"],"interface":"group-raw","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":55,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 446),
  ('directus_settings', 'ai_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"chat","title":"$t:ai_assistant"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":56,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 447),
  ('directus_settings', 'ai_notice', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_notice","special":["alias","no-data"],"interface":"presentation-notice","options":{"icon":"info","text":"$t:fields.directus_settings.ai_notice"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":57,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 448),
  ('directus_settings', 'ai_openai_api_key', 'text', '{"system":true,"collection":"directus_settings","field":"ai_openai_api_key","special":["encrypt"],"interface":"input-hash","options":{"iconRight":"lock","masked":true,"autocomplete":"off"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":58,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 335),
  ('directus_settings', 'ai_openai_allowed_models', 'json', '{"system":true,"collection":"directus_settings","field":"ai_openai_allowed_models","special":["cast-json"],"interface":"select-multiple-dropdown","options":{"allowOther":true,"choices":[{"text":"GPT-4o Mini","value":"gpt-4o-mini"},{"text":"GPT-4.1 Nano","value":"gpt-4.1-nano"},{"text":"GPT-4.1 Mini","value":"gpt-4.1-mini"},{"text":"GPT-4.1","value":"gpt-4.1"},{"text":"GPT-5 Nano","value":"gpt-5-nano"},{"text":"GPT-5 Mini","value":"gpt-5-mini"},{"text":"GPT-5","value":"gpt-5"},{"text":"GPT-5.1","value":"gpt-5.1"},{"text":"GPT-5.1 Chat","value":"gpt-5.1-chat-latest"},{"text":"GPT-5.2","value":"gpt-5.2"},{"text":"GPT-5.2 Chat","value":"gpt-5.2-chat-latest"},{"text":"GPT-5.2 Pro","value":"gpt-5.2-pro"},{"text":"GPT-5.4 Nano","value":"gpt-5.4-nano"},{"text":"GPT-5.4 Mini","value":"gpt-5.4-mini"},{"text":"GPT-5.4","value":"gpt-5.4"},{"text":"GPT-5.4 Pro","value":"gpt-5.4-pro"},{"text":"GPT-5.5","value":"gpt-5.5"},{"text":"GPT-5.5 Pro","value":"gpt-5.5-pro"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":59,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 344),
  ('directus_settings', 'ai_anthropic_api_key', 'text', '{"system":true,"collection":"directus_settings","field":"ai_anthropic_api_key","special":["encrypt"],"interface":"input-hash","options":{"iconRight":"lock","masked":true,"autocomplete":"off"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":60,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 336),
  ('directus_settings', 'ai_anthropic_allowed_models', 'json', '{"system":true,"collection":"directus_settings","field":"ai_anthropic_allowed_models","special":["cast-json"],"interface":"select-multiple-dropdown","options":{"allowOther":true,"choices":[{"text":"Claude Haiku 4.5","value":"claude-haiku-4-5"},{"text":"Claude Sonnet 4.6","value":"claude-sonnet-4-6"},{"text":"Claude Opus 4.7","value":"claude-opus-4-7"},{"text":"Claude Opus 4.6","value":"claude-opus-4-6"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":61,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 345),
  ('directus_settings', 'ai_google_api_key', 'text', '{"system":true,"collection":"directus_settings","field":"ai_google_api_key","special":["encrypt"],"interface":"input-hash","options":{"iconRight":"lock","masked":true,"autocomplete":"off"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":62,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 338),
  ('directus_settings', 'ai_google_allowed_models', 'json', '{"system":true,"collection":"directus_settings","field":"ai_google_allowed_models","special":["cast-json"],"interface":"select-multiple-dropdown","options":{"allowOther":true,"choices":[{"text":"Gemini 3 Pro Preview","value":"gemini-3-pro-preview"},{"text":"Gemini 3 Flash Preview","value":"gemini-3-flash-preview"},{"text":"Gemini 2.5 Pro","value":"gemini-2.5-pro"},{"text":"Gemini 2.5 Flash","value":"gemini-2.5-flash"},{"text":"Gemini 3.1 Pro Preview","value":"gemini-3.1-pro-preview"},{"text":"Gemini 3.1 Flash Lite Preview","value":"gemini-3.1-flash-lite-preview"},{"text":"Gemini 2.5 Flash Lite","value":"gemini-2.5-flash-lite"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":63,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 346),
  ('directus_settings', 'ai_system_prompt', 'text', '{"system":true,"collection":"directus_settings","field":"ai_system_prompt","special":null,"interface":"input-rich-text-md","options":{"label":"$t:fields.directus_settings.ai_system_prompt"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":64,"width":"full","group":"ai_group","translations":null,"note":"$t:fields.directus_settings.ai_system_prompt_note","conditions":null,"required":false,"searchable":true}', 337),
  ('directus_settings', 'ai_translation_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_translation_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"inlineTitle":true,"color":"var(--theme--foreground-subdued)","title":"$t:translation"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":65,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 449),
  ('directus_settings', 'ai_translations_notice', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_translations_notice","special":["alias","no-data"],"interface":"presentation-notice","options":{"icon":"diamond","text":"$t:fields.directus_settings.ai_translations_notice"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":66,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 450),
  ('directus_settings', 'ai_translation_default_model', 'text', '{"system":true,"collection":"directus_settings","field":"ai_translation_default_model","special":null,"interface":"select-dropdown","options":{"allowNone":true,"choices":[]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":67,"width":"half","group":"ai_group","translations":null,"note":"$t:fields.directus_settings.ai_translation_default_model_note","conditions":null,"required":false,"searchable":true}', 348),
  ('directus_settings', 'ai_translation_glossary', 'json', '{"system":true,"collection":"directus_settings","field":"ai_translation_glossary","special":["cast-json"],"interface":"list","options":{"template":"{{term}}","limit":200,"fields":[{"field":"term","name":"$t:fields.directus_settings.ai_glossary_term","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","required":true,"width":"half","options":{"placeholder":"$t:fields.directus_settings.ai_glossary_term_placeholder"}}},{"field":"translation_note","name":"$t:fields.directus_settings.ai_glossary_note","type":"string","schema":{"is_nullable":true},"meta":{"interface":"input","required":false,"width":"half","options":{"placeholder":"$t:fields.directus_settings.ai_glossary_note_placeholder"}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":68,"width":"full","group":"ai_group","translations":null,"note":"$t:fields.directus_settings.ai_translation_glossary_note","conditions":null,"required":false,"searchable":true}', 349),
  ('directus_settings', 'ai_translation_style_guide', 'text', '{"system":true,"collection":"directus_settings","field":"ai_translation_style_guide","special":null,"interface":"input-rich-text-md","options":{"label":"$t:fields.directus_settings.ai_translation_style_guide","placeholder":"$t:fields.directus_settings.ai_translation_style_guide_placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":69,"width":"full","group":"ai_group","translations":null,"note":"$t:fields.directus_settings.ai_translation_style_guide_note","conditions":null,"required":false,"searchable":true}', 350),
  ('directus_settings', 'ai_openai_compatible_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"inlineTitle":true,"color":"var(--theme--foreground-subdued)","title":"$t:fields.directus_settings.ai_openai_compatible"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":70,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 451),
  ('directus_settings', 'ai_openai_compatible_notice', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_notice","special":["alias","no-data"],"interface":"presentation-notice","options":{"icon":"diamond","text":"$t:fields.directus_settings.ai_openai_compatible_notice"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":71,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 452),
  ('directus_settings', 'ai_openai_compatible_name', 'text', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_name","special":null,"interface":"input","options":{"placeholder":"LM Studio, Ollama, etc."},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":72,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 341),
  ('directus_settings', 'ai_openai_compatible_base_url', 'text', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_base_url","special":null,"interface":"input","options":{"placeholder":"http://localhost:1234/v1"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":73,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 340),
  ('directus_settings', 'ai_openai_compatible_api_key', 'text', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_api_key","special":["encrypt"],"interface":"input-hash","options":{"iconRight":"lock","masked":true,"autocomplete":"off"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":74,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 339),
  ('directus_settings', 'ai_openai_compatible_headers', 'json', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_headers","special":["cast-json"],"interface":"list","options":{"template":"{{header}}","fields":[{"field":"header","name":"$t:fields.directus_settings.ai_header_name","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","required":true,"width":"half","options":{"placeholder":"X-Custom-Header"}}},{"field":"value","name":"$t:value","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","required":true,"width":"half","options":{"placeholder":"header-value"}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":75,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 343),
  ('directus_settings', 'ai_openai_compatible_models', 'json', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_models","special":["cast-json"],"interface":"list","options":{"template":"{{name}}","fields":[{"field":"id","name":"$t:fields.directus_settings.ai_model_id","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","required":true,"width":"half","options":{"placeholder":"llama3.2"}}},{"field":"name","name":"$t:name","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","required":true,"width":"half","options":{"placeholder":"Llama 3.2"}}},{"field":"context","name":"$t:fields.directus_settings.ai_context_limit","type":"integer","schema":{"is_nullable":true},"meta":{"interface":"input","width":"half","options":{"placeholder":"128000"}}},{"field":"output","name":"$t:fields.directus_settings.ai_output_limit","type":"integer","schema":{"is_nullable":true},"meta":{"interface":"input","width":"half","options":{"placeholder":"16000"}}},{"field":"attachment","name":"$t:fields.directus_settings.ai_supports_attachments","type":"boolean","schema":{"is_nullable":true,"default_value":false},"meta":{"interface":"boolean","width":"half"}},{"field":"reasoning","name":"$t:fields.directus_settings.ai_supports_reasoning","type":"boolean","schema":{"is_nullable":true,"default_value":false},"meta":{"interface":"boolean","width":"half"}},{"field":"providerOptions","name":"$t:fields.directus_settings.ai_provider_options","type":"json","schema":{"is_nullable":true},"meta":{"interface":"input-code","width":"full","options":{"language":"json","placeholder":"{ \"customOption\": \"value\" }"},"note":"$t:fields.directus_settings.ai_provider_options_note"}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":76,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 342),
  ('directus_settings', 'mcp_group', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_group","special":["alias","no-data","group"],"interface":"group-raw","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":77,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 453),
  ('directus_settings', 'mcp_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"automation","title":"$t:model_context_protocol"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":78,"width":"full","group":"mcp_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 454),
  ('directus_settings', 'mcp_notice', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_notice","special":["alias","no-data"],"interface":"presentation-notice","options":{"icon":"info","text":"$t:fields.directus_settings.mcp_notice"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":79,"width":"full","group":"mcp_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 455),
  ('directus_settings', 'mcp_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":80,"width":"half","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_enabled_note","conditions":null,"required":false,"searchable":true}', 325),
  ('directus_settings', 'mcp_allow_deletes', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_allow_deletes","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:fields.directus_settings.mcp_allow_deletes"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":81,"width":"half","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_allow_deletes_note","conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"readonly":true}],"required":false,"searchable":true}', 326),
  ('directus_settings', 'mcp_prompts_collection', 'string', '{"system":true,"collection":"directus_settings","field":"mcp_prompts_collection","special":null,"interface":"system-collection","options":{"includeSingleton":false,"allowNone":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":82,"width":"half","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_prompts_collection_note","conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"readonly":true}],"required":false,"searchable":true}', 327),
  ('directus_settings', 'mcp_prompts_collection_validation', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_prompts_collection_validation","special":["alias","no-data"],"interface":"system-mcp-prompts-collection-validation","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":83,"width":"half","group":"mcp_group","translations":null,"note":null,"conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"hidden":true}],"required":false,"searchable":true}', 456),
  ('directus_settings', 'mcp_oauth_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_oauth_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:fields.directus_settings.mcp_oauth_enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":84,"width":"half","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_oauth_enabled_note","conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"readonly":true}],"required":false,"searchable":true}', 353),
  ('directus_settings', 'mcp_oauth_dcr_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_oauth_dcr_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:fields.directus_settings.mcp_oauth_dcr_enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":85,"width":"half","group":"mcp_group","translations":null,"note":"Allow MCP clients to register automatically using the OAuth 2.0 Dynamic Client Registration protocol (RFC 7591).","conditions":[{"name":"mcp_oauth_disabled","rule":{"mcp_oauth_enabled":{"_neq":true}},"hidden":true}],"required":false,"searchable":true}', 354),
  ('directus_settings', 'mcp_oauth_cimd_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_oauth_cimd_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:fields.directus_settings.mcp_oauth_cimd_enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":86,"width":"half","group":"mcp_group","translations":null,"note":"Allow MCP clients to identify themselves using an HTTPS URL that hosts their metadata (IETF draft-oauth-client-id-metadata-document).","conditions":[{"name":"mcp_oauth_disabled","rule":{"mcp_oauth_enabled":{"_neq":true}},"hidden":true}],"required":false,"searchable":true}', 355),
  ('directus_settings', 'mcp_oauth_clients_link', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_oauth_clients_link","special":["alias","no-data"],"interface":"presentation-links","options":{"links":[{"label":"$t:manage_registered_clients","icon":"key","type":"normal","actionType":"url","url":"/settings/mcp-oauth-clients"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":87,"width":"half","group":"mcp_group","translations":null,"note":null,"conditions":[{"name":"mcp_oauth_disabled","rule":{"mcp_oauth_enabled":{"_neq":true}},"hidden":true}],"required":false,"searchable":true}', 457),
  ('directus_settings', 'mcp_system_prompt_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_system_prompt_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"inlineTitle":true,"color":"var(--theme--foreground-subdued)","title":"$t:fields.directus_settings.mcp_system_prompt_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":88,"width":"full","group":"mcp_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 458),
  ('directus_settings', 'mcp_system_prompt_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_system_prompt_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":89,"width":"half-left","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_system_prompt_enabled_note","conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"readonly":true}],"required":false,"searchable":true}', 328),
  ('directus_settings', 'mcp_system_prompt', 'text', '{"system":true,"collection":"directus_settings","field":"mcp_system_prompt","special":null,"interface":"input-rich-text-md","options":{"label":"$t:fields.directus_settings.mcp_system_prompt"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":90,"width":"full","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_system_prompt_note","conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"readonly":true},{"name":"mcp_system_prompt_enabled","rule":{"mcp_system_prompt_enabled":{"_neq":true}},"readonly":true}],"required":false,"searchable":true}', 329),
  ('directus_settings', 'license_key', 'string', '{"system":true,"collection":"directus_settings","field":"license_key","special":["encrypt"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":91,"width":"full","group":"license_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 351),
  ('directus_settings', 'license_token', 'text', '{"system":true,"collection":"directus_settings","field":"license_token","special":["encrypt"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":92,"width":"full","group":"license_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 352),
  ('directus_shares', 'id', 'uuid', '{"system":true,"collection":"directus_shares","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 357),
  ('directus_shares', 'name', 'string', '{"system":true,"collection":"directus_shares","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 358),
  ('directus_shares', 'collection', 'string', '{"system":true,"collection":"directus_shares","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 359),
  ('directus_shares', 'item', 'string', '{"system":true,"collection":"directus_shares","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 360),
  ('directus_shares', 'role', 'uuid', '{"system":true,"collection":"directus_shares","field":"role","special":null,"interface":"select-dropdown-m2o","options":{"template":"{{name}}"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 361),
  ('directus_shares', 'password', 'hash', '{"system":true,"collection":"directus_shares","field":"password","special":["hash","conceal"],"interface":"input-hash","options":{"iconRight":"lock","masked":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":"$t:shared_leave_blank_for_passwordless_access","conditions":null,"required":false,"searchable":true}', 362),
  ('directus_shares', 'date_start', 'timestamp', '{"system":true,"collection":"directus_shares","field":"date_start","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":"$t:shared_leave_blank_for_unlimited","conditions":null,"required":false,"searchable":true}', 365),
  ('directus_shares', 'date_end', 'timestamp', '{"system":true,"collection":"directus_shares","field":"date_end","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":"$t:shared_leave_blank_for_unlimited","conditions":null,"required":false,"searchable":true}', 366),
  ('directus_shares', 'max_uses', 'integer', '{"system":true,"collection":"directus_shares","field":"max_uses","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":"$t:shared_leave_blank_for_unlimited","conditions":null,"required":false,"searchable":true}', 368),
  ('directus_shares', 'times_used', 'integer', '{"system":true,"collection":"directus_shares","field":"times_used","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 367),
  ('directus_shares', 'date_created', 'timestamp', '{"system":true,"collection":"directus_shares","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":[{"name":"notCreatedYet","rule":{"id":{"_null":true}},"hidden":true}],"required":false,"searchable":true}', 364),
  ('directus_shares', 'user_created', 'uuid', '{"system":true,"collection":"directus_shares","field":"user_created","special":["user-created"],"interface":"select-dropdown-m2o","options":{"template":"{{avatar.$thumbnail}} {{first_name}} {{last_name}}"},"display":"user","display_options":null,"readonly":true,"hidden":false,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":[{"name":"notCreatedYet","rule":{"id":{"_null":true}},"hidden":true}],"required":false,"searchable":true}', 363),
  ('directus_translations', 'id', 'uuid', '{"system":true,"collection":"directus_translations","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 369),
  ('directus_translations', 'key', 'string', '{"system":true,"collection":"directus_translations","field":"key","special":null,"interface":"input","options":{"font":"monospace","placeholder":"$t:translation_key_placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":true,"searchable":true}', 371),
  ('directus_translations', 'language', 'string', '{"system":true,"collection":"directus_translations","field":"language","special":null,"interface":"system-language","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":true,"searchable":true}', 370),
  ('directus_translations', 'value', 'text', '{"system":true,"collection":"directus_translations","field":"value","special":null,"interface":"input-multiline","options":{"placeholder":"$t:enter_a_value"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":true,"searchable":true}', 372),
  ('directus_users', 'first_name', 'string', '{"system":true,"collection":"directus_users","field":"first_name","special":null,"interface":"input","options":{"iconRight":"account_circle"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 374),
  ('directus_users', 'last_name', 'string', '{"system":true,"collection":"directus_users","field":"last_name","special":null,"interface":"input","options":{"iconRight":"account_circle"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 375),
  ('directus_users', 'email', 'string', '{"system":true,"collection":"directus_users","field":"email","special":null,"interface":"input","options":{"iconRight":"email"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 376),
  ('directus_users', 'password', 'hash', '{"system":true,"collection":"directus_users","field":"password","special":["hash","conceal"],"interface":"input-hash","options":{"iconRight":"lock","masked":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 377),
  ('directus_users', 'avatar', 'uuid', '{"system":true,"collection":"directus_users","field":"avatar","special":null,"interface":"file","options":null,"display":"image","display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 382),
  ('directus_users', 'location', 'string', '{"system":true,"collection":"directus_users","field":"location","special":null,"interface":"input","options":{"iconRight":"place"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 378),
  ('directus_users', 'title', 'string', '{"system":true,"collection":"directus_users","field":"title","special":null,"interface":"input","options":{"iconRight":"work"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 379),
  ('directus_users', 'description', 'text', '{"system":true,"collection":"directus_users","field":"description","special":null,"interface":"input-multiline","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 380),
  ('directus_users', 'tags', 'json', '{"system":true,"collection":"directus_users","field":"tags","special":["cast-json"],"interface":"tags","options":{"iconRight":"local_offer"},"display":"labels","display_options":{"choices":null,"format":false},"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 381),
  ('directus_users', 'preferences_divider', 'alias', '{"system":true,"collection":"directus_users","field":"preferences_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"face","title":"$t:fields.directus_users.user_preferences"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 459),
  ('directus_users', 'language', 'string', '{"system":true,"collection":"directus_users","field":"language","special":null,"interface":"system-language","options":{"includeProjectDefault":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 383),
  ('directus_users', 'text_direction', 'string', '{"system":true,"collection":"directus_users","field":"text_direction","special":null,"interface":"select-dropdown","options":{"choices":[{"value":"auto","text":"$t:text_direction_auto"},{"value":"ltr","text":"$t:text_direction_ltr"},{"value":"rtl","text":"$t:text_direction_rtl"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 399),
  ('directus_users', 'tfa_secret', 'string', '{"system":true,"collection":"directus_users","field":"tfa_secret","special":["conceal"],"interface":"system-mfa-setup","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 384),
  ('directus_users', 'email_notifications', 'boolean', '{"system":true,"collection":"directus_users","field":"email_notifications","special":["cast-boolean"],"interface":"boolean","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":14,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 393),
  ('directus_users', 'theming_divider', 'alias', '{"system":true,"collection":"directus_users","field":"theming_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"palette","title":"$t:theme"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":15,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 460),
  ('directus_users', 'appearance', 'string', '{"system":true,"collection":"directus_users","field":"appearance","special":null,"interface":"select-dropdown","options":{"choices":[{"value":null,"text":"$t:default_sync_with_project"},{"value":"auto","text":"$t:appearance_auto"},{"value":"light","text":"$t:appearance_light"},{"value":"dark","text":"$t:appearance_dark"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":16,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 394),
  ('directus_users', 'theme_light', 'string', '{"system":true,"collection":"directus_users","field":"theme_light","special":null,"interface":"system-theme","options":{"appearance":"light","includeNull":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":17,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 396),
  ('directus_users', 'theme_light_overrides', 'json', '{"system":true,"collection":"directus_users","field":"theme_light_overrides","special":["cast-json"],"interface":"system-theme-overrides","options":{"appearance":"light"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":18,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 397),
  ('directus_users', 'theme_dark', 'string', '{"system":true,"collection":"directus_users","field":"theme_dark","special":null,"interface":"system-theme","options":{"appearance":"dark","includeNull":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":19,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 395),
  ('directus_users', 'theme_dark_overrides', 'json', '{"system":true,"collection":"directus_users","field":"theme_dark_overrides","special":["cast-json"],"interface":"system-theme-overrides","options":{"appearance":"dark"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":20,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 398),
  ('directus_users', 'admin_divider', 'alias', '{"system":true,"collection":"directus_users","field":"admin_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"verified_user","title":"$t:fields.directus_users.admin_options","color":"var(--theme--danger)"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":21,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 461),
  ('directus_users', 'status', 'string', '{"system":true,"collection":"directus_users","field":"status","special":null,"interface":"select-dropdown","options":{"choices":[{"text":"$t:fields.directus_users.status_draft","value":"draft"},{"text":"$t:fields.directus_users.status_invited","value":"invited"},{"text":"$t:fields.directus_users.status_unverified","value":"unverified"},{"text":"$t:fields.directus_users.status_active","value":"active"},{"text":"$t:fields.directus_users.status_suspended","value":"suspended"},{"text":"$t:fields.directus_users.status_archived","value":"archived"},{"text":"$t:fields.directus_users.status_inactive_license_exceeded","value":"inactive-license"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":22,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 385),
  ('directus_users', 'role', 'uuid', '{"system":true,"collection":"directus_users","field":"role","special":["m2o"],"interface":"select-dropdown-m2o","options":{"template":"{{ name }}"},"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":false,"hidden":false,"sort":23,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 386),
  ('directus_users', 'policies', 'alias', '{"system":true,"collection":"directus_users","field":"policies","special":["m2m"],"interface":"list-m2m","options":{"layout":"list"},"display":"related-values","display_options":null,"readonly":false,"hidden":false,"sort":24,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 462),
  ('directus_users', 'token', 'string', '{"system":true,"collection":"directus_users","field":"token","special":["conceal"],"interface":"system-token","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":25,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 387),
  ('directus_users', 'id', 'uuid', '{"system":true,"collection":"directus_users","field":"id","special":["uuid"],"interface":"input","options":{"iconRight":"vpn_key"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":26,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 373),
  ('directus_users', 'last_page', 'string', '{"system":true,"collection":"directus_users","field":"last_page","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":27,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 389),
  ('directus_users', 'last_access', 'timestamp', '{"system":true,"collection":"directus_users","field":"last_access","special":null,"interface":null,"options":null,"display":"datetime","display_options":null,"readonly":true,"hidden":false,"sort":28,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 388),
  ('directus_users', 'provider', 'string', '{"system":true,"collection":"directus_users","field":"provider","special":null,"interface":"select-dropdown","options":{"choices":[]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":29,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 390),
  ('directus_users', 'external_identifier', 'string', '{"system":true,"collection":"directus_users","field":"external_identifier","special":null,"interface":"input","options":{"iconRight":"account_circle"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":30,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 391),
  ('directus_users', 'auth_data', 'json', '{"system":true,"collection":"directus_users","field":"auth_data","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":31,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 392),
  ('directus_versions', 'id', 'uuid', '{"system":true,"collection":"directus_versions","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 400),
  ('directus_versions', 'key', 'string', '{"system":true,"collection":"directus_versions","field":"key","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 401),
  ('directus_versions', 'name', 'string', '{"system":true,"collection":"directus_versions","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 402),
  ('directus_versions', 'collection', 'string', '{"system":true,"collection":"directus_versions","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 403),
  ('directus_versions', 'item', 'string', '{"system":true,"collection":"directus_versions","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 404),
  ('directus_versions', 'hash', 'string', '{"system":true,"collection":"directus_versions","field":"hash","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":true,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 405),
  ('directus_versions', 'date_created', 'timestamp', '{"system":true,"collection":"directus_versions","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 406),
  ('directus_versions', 'date_updated', 'timestamp', '{"system":true,"collection":"directus_versions","field":"date_updated","special":["date-updated","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 407),
  ('directus_versions', 'user_created', 'uuid', '{"system":true,"collection":"directus_versions","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 408),
  ('directus_versions', 'user_updated', 'uuid', '{"system":true,"collection":"directus_versions","field":"user_updated","special":["user-updated"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 409),
  ('directus_versions', 'delta', 'json', '{"system":true,"collection":"directus_versions","field":"delta","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}', 410)
on conflict (collection, field) do update set type = excluded.type, meta = excluded.meta, position = excluded.position;

insert into strata.system_collection_meta (collection, meta) values
  ('directus_access', '{"collection":"directus_access","hidden":false,"singleton":false,"icon":"admin_panel_settings","note":"$t:directus_collection.directus_access","translations":null,"display_template":"{{ policy.name }}","accountability":"all","sort_field":"sort","system":true}'),
  ('directus_activity', '{"collection":"directus_activity","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_activity","translations":null,"display_template":null,"accountability":null,"system":true}'),
  ('directus_collections', '{"collection":"directus_collections","hidden":false,"singleton":false,"icon":"database","note":"$t:directus_collection.directus_collections","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_comments', '{"collection":"directus_comments","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_comments","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_dashboards', '{"collection":"directus_dashboards","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_dashboards","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_deployment_projects', '{"collection":"directus_deployment_projects","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_deployment_projects","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_deployment_runs', '{"collection":"directus_deployment_runs","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_deployment_runs","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_deployments', '{"collection":"directus_deployments","hidden":false,"singleton":false,"icon":"cloud_upload","note":"$t:directus_collection.directus_deployments","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_extensions', '{"collection":"directus_extensions","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_extensions","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_fields', '{"collection":"directus_fields","hidden":false,"singleton":false,"icon":"input","note":"$t:directus_collection.directus_fields","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_files', '{"collection":"directus_files","hidden":false,"singleton":false,"icon":"folder","note":"$t:directus_collection.directus_files","translations":null,"display_template":"{{ $thumbnail }} {{ title }}","accountability":"all","system":true}'),
  ('directus_flows', '{"collection":"directus_flows","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_flows","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_folders', '{"collection":"directus_folders","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_folders","translations":null,"display_template":"{{ name }}","accountability":"all","system":true}'),
  ('directus_migrations', '{"collection":"directus_migrations","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_migrations","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_notifications', '{"collection":"directus_notifications","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_notifications","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_oauth_clients', '{"collection":"directus_oauth_clients","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_oauth_clients","translations":null,"display_template":null,"accountability":null,"system":true}'),
  ('directus_oauth_codes', '{"collection":"directus_oauth_codes","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_oauth_codes","translations":null,"display_template":null,"accountability":null,"system":true}'),
  ('directus_oauth_consents', '{"collection":"directus_oauth_consents","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_oauth_consents","translations":null,"display_template":null,"accountability":null,"system":true}'),
  ('directus_oauth_tokens', '{"collection":"directus_oauth_tokens","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_oauth_tokens","translations":null,"display_template":null,"accountability":null,"system":true}'),
  ('directus_operations', '{"collection":"directus_operations","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_operations","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_panels', '{"collection":"directus_panels","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_panels","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_permissions', '{"collection":"directus_permissions","hidden":false,"singleton":false,"icon":"admin_panel_settings","note":"$t:directus_collection.directus_permissions","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_policies', '{"collection":"directus_policies","hidden":false,"singleton":false,"icon":"admin_panel_settings","note":"$t:directus_collection.directus_policies","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_presets', '{"collection":"directus_presets","hidden":false,"singleton":false,"icon":"bookmark","note":"$t:directus_collection.directus_presets","translations":null,"display_template":null,"accountability":null,"system":true}'),
  ('directus_relations', '{"collection":"directus_relations","hidden":false,"singleton":false,"icon":"merge_type","note":"$t:directus_collection.directus_relations","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_revisions', '{"collection":"directus_revisions","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_revisions","translations":null,"display_template":null,"accountability":null,"system":true}'),
  ('directus_roles', '{"collection":"directus_roles","hidden":false,"singleton":false,"icon":"supervised_user_circle","note":"$t:directus_collection.directus_roles","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_sessions', '{"collection":"directus_sessions","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_sessions","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_settings', '{"collection":"directus_settings","hidden":false,"singleton":true,"icon":null,"note":"$t:directus_collection.directus_settings","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_shares', '{"collection":"directus_shares","hidden":false,"singleton":false,"icon":"share","note":"$t:directus_collection.directus_shares","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_translations', '{"collection":"directus_translations","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_translations","translations":null,"display_template":null,"accountability":"all","system":true}'),
  ('directus_users', '{"collection":"directus_users","hidden":false,"singleton":false,"icon":"people_alt","note":"$t:directus_collection.directus_users","translations":null,"display_template":"{{ first_name }} {{ last_name }}","accountability":"all","archive_field":"status","archive_value":"archived","unarchive_value":"draft","system":true}'),
  ('directus_versions', '{"collection":"directus_versions","hidden":false,"singleton":false,"icon":null,"note":"$t:directus_collection.directus_versions","translations":null,"display_template":null,"accountability":"all","system":true}')
on conflict (collection) do update set meta = excluded.meta;
--! EndIncluded strata/catalog/system_studio_meta_data.sql
--! Included strata/schema/save_meta.sql
-- Upserts one metadata row (directus_collections, directus_fields, directus_relations): the row
-- matching p_match gets the columns named in p_data; when there is none, a row of p_match and
-- p_data is inserted and the other columns take their defaults. Keys that are not columns are
-- ignored, as Directus ignores them. Values reach the table only through jsonb_populate_record,
-- except that a json column (options, translations, ...) named in p_raw, the payload's meta as
-- the client sent it, takes that value as written: its keys keep the client's order, which
-- Directus answers back (jsonb would sort them).
drop function if exists strata.save_meta(regclass, jsonb, jsonb);
create or replace function strata.save_meta(p_table regclass, p_match jsonb, p_data jsonb, p_raw json default null)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_all jsonb := coalesce(p_data, '{}') || p_match;
  v_raw json;
  v_cols text[];
  v_vals text[];
  v_sets text;
  v_cond text;
  v_row jsonb;
begin
  -- only the json columns' values are read from p_raw (nothing else is converted from it)
  if json_typeof(p_raw) = 'object' then
    select json_object_agg(e.key, e.value) into v_raw
    from json_each(p_raw) e
    join pg_attribute a on a.attrelid = p_table and a.attname = e.key and a.attnum > 0 and not a.attisdropped
    where a.atttypid = 'json'::regtype and not p_match ? e.key;
  end if;
  select array_agg(a.attname::text order by a.attnum),
         array_agg(format(case when v_raw -> a.attname::text is not null then 'r.%I' else 'p.%I' end, a.attname) order by a.attnum)
    into v_cols, v_vals
  from pg_attribute a
  where a.attrelid = p_table and a.attnum > 0 and not a.attisdropped and v_all ? a.attname::text;

  select string_agg(format('t.%I = p.%I', k, k), ' and ') into v_cond from jsonb_object_keys(p_match) k;
  select string_agg(format('%I = %s', c, v), ', ') into v_sets from unnest(v_cols, v_vals) x(c, v) where not p_match ? c;

  if v_sets is not null then
    execute format('update %s t set %s from jsonb_populate_record(null::%s, $1) p, json_populate_record(null::%s, $2) r where %s returning to_jsonb(t)',
                   p_table, v_sets, p_table, p_table, v_cond) into v_row using v_all, coalesce(v_raw, '{}');
  else
    execute format('select to_jsonb(t) from %s t, jsonb_populate_record(null::%s, $1) p where %s limit 1',
                   p_table, p_table, v_cond) into v_row using v_all;
  end if;

  if v_row is null then
    execute format('insert into %s as t (%s) select %s from jsonb_populate_record(null::%s, $1) p, json_populate_record(null::%s, $2) r returning to_jsonb(t)',
                   p_table,
                   (select string_agg(format('%I', k), ', ') from unnest(v_cols) k),
                   array_to_string(v_vals, ', '),
                   p_table, p_table) into v_row using v_all, coalesce(v_raw, '{}');
  end if;
  return v_row;
end;
$$;
--! EndIncluded strata/schema/save_meta.sql
--! Included strata/schema/field_schema.sql
-- A column's `schema` object as Directus reports it (its keys follow information_schema's
-- vocabulary: data_type, max_length, numeric_precision, numeric_scale, ...), read from the live
-- catalog so columns made with plain SQL are described the same way. json, keys in Directus's order.
drop function if exists strata.field_schema(oid, int2);
create function strata.field_schema(p_table oid, p_attnum int2)
returns json
language sql
stable
security invoker
as $$
  select json_build_object(
    'name', a.attname::text,
    'table', c.relname::text,
    'data_type', format_type(a.atttypid, null),
    'default_value', case when a.attgenerated = '' then strata.default_value(pg_get_expr(d.adbin, d.adrelid), t.typname::text) end,
    'generation_expression', case when a.attgenerated <> '' then pg_get_expr(d.adbin, d.adrelid) end,
    'max_length', information_schema._pg_char_max_length(a.atttypid, a.atttypmod),
    'numeric_precision', information_schema._pg_numeric_precision(a.atttypid, a.atttypmod),
    'numeric_scale', information_schema._pg_numeric_scale(a.atttypid, a.atttypmod),
    'is_generated', a.attgenerated <> '',
    'is_nullable', not a.attnotnull,
    'is_unique', exists (select from pg_index i where i.indrelid = c.oid and i.indisunique
                           and i.indnkeyatts = 1 and i.indkey[0] = a.attnum),
    'is_indexed', exists (select from pg_index i where i.indrelid = c.oid and not i.indisunique
                            and i.indnkeyatts = 1 and i.indkey[0] = a.attnum),
    'is_primary_key', exists (select from pg_index i where i.indrelid = c.oid and i.indisprimary
                                and a.attnum = any(i.indkey)),
    'has_auto_increment', a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false),
    'foreign_key_schema', fk.schema,
    'foreign_key_table', fk.tbl,
    'foreign_key_column', fk.col,
    'comment', col_description(c.oid, a.attnum))
  from pg_class c
  join pg_attribute a on a.attrelid = c.oid and a.attnum = p_attnum
  join pg_type t on t.oid = a.atttypid
  left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
  left join lateral (
    select rn.nspname::text as schema, rc.relname::text as tbl, ra.attname::text as col
    from pg_constraint con
    join pg_class rc on rc.oid = con.confrelid
    join pg_namespace rn on rn.oid = rc.relnamespace
    join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = con.confkey[1]
    where con.conrelid = c.oid and con.contype = 'f' and con.conkey = array[a.attnum]
    order by con.conname
    limit 1
  ) fk on true
  where c.oid = p_table
$$;
--! EndIncluded strata/schema/field_schema.sql
--! Included strata/schema/field_meta.sql
-- A directus_fields row as the API shows it: its columns in table order (Directus's), `special`
-- a list (stored as csv text).
drop function if exists strata.field_meta(jsonb);
create or replace function strata.field_meta(p_row json)
returns json
language sql
immutable
security invoker
as $$
  select json_object_agg(e.key, case
      when e.key <> 'special' then e.value
      when e.value #>> '{}' is null or e.value #>> '{}' = '' then null
      else to_json(string_to_array(e.value #>> '{}', ',')) end
    order by e.n)
  from json_each(p_row) with ordinality e(key, value, n)
$$;
--! EndIncluded strata/schema/field_meta.sql
--! Included strata/schema/field_rows.sql
-- Every field of one collection (or of all, p_collection null) in Directus's shape: its `type`,
-- `schema` and `meta` (json, keys in Directus's order), for strata.field_object to put together.
-- Columns from the live schema joined with their meta row, then alias fields (meta rows without
-- a column: o2m/m2m/m2a lists, presentation fields). Fields of system tables, which Directus
-- describes in code, get the meta Directus declares (strata.system_field_meta) or, for columns
-- it doesn't know, a minimal meta marked system. grp and ord order them as Directus lists them:
-- every column (by collection, then table order), then the alias fields of directus_fields (by
-- id), then those Directus declares for its system collections (in its order).
drop function if exists strata.field_rows(text);
create or replace function strata.field_rows(p_collection text default null)
returns table (collection text, field text, type text, sort integer, grp integer, ord integer, schema json, meta json)
language sql
stable
security invoker
as $$
  select c.collection, c.field, c.type, f.sort, 0, c.position::int,
    strata.field_schema(c.table_oid, c.position),
    case
      when f.id is not null then strata.field_meta(to_json(f))
      when sm.meta is not null then sm.meta
      when c.collection like 'directus\_%' then json_build_object(
        'system', true, 'collection', c.collection, 'field', c.field, 'special', null, 'interface', null,
        'options', null, 'display', null, 'display_options', null, 'readonly', false, 'hidden', false,
        'sort', c.position, 'width', 'full', 'group', null, 'translations', null, 'note', null, 'conditions', null,
        'required', false, 'searchable', true, 'id', null, 'validation', null, 'validation_message', null)
    end
  from strata.columns c
  left join public.directus_fields f on f.collection = c.collection and f.field = c.field
  -- system columns: the app metadata Directus declares (catalog/system_studio_meta.sql)
  left join strata.system_field_meta sm on sm.collection = c.collection and sm.field = c.field
  where p_collection is null or c.collection = p_collection
  union all
  select f.collection::text, f.field::text, 'alias', f.sort, 1, f.id, null, strata.field_meta(to_json(f))
  from public.directus_fields f
  where (p_collection is null or f.collection = p_collection)
    and not exists (select from strata.columns c where c.collection = f.collection and c.field = f.field)
    and strata.collection_known(f.collection)
  union all
  -- the alias fields Directus declares for its system collections (o2m lists, dividers, groups, notices)
  select sm.collection, sm.field, 'alias', (sm.meta->>'sort')::int, 2, coalesce(sm.position, 0), null, sm.meta
  from strata.system_field_meta sm
  where sm.type = 'alias' and (p_collection is null or sm.collection = p_collection)
    and not exists (select from public.directus_fields f where f.collection = sm.collection and f.field = sm.field)
    and exists (select from strata.columns c where c.collection = sm.collection)
    and not exists (select from strata.columns c where c.collection = sm.collection and c.field = sm.field)
$$;
--! EndIncluded strata/schema/field_rows.sql
--! Included strata/schema/field_json.sql
-- One field in Directus's shape, or null when the collection has no such field (no checks).
-- Directus answers one field {collection, field, type, meta, schema}, and a list of them with
-- schema before meta (strata.fields_info).
drop function if exists strata.field_json(text, text);
create or replace function strata.field_json(p_collection text, p_field text)
returns json
language sql
stable
security invoker
as $$
  select json_build_object('collection', r.collection, 'field', r.field, 'type', r.type, 'meta', r.meta, 'schema', r.schema)
  from strata.field_rows(p_collection) r where r.field = p_field limit 1
$$;
--! EndIncluded strata/schema/field_json.sql
--! Included strata/schema/fields_info.sql
-- GET /fields and GET /fields/:collection: the fields the caller may see, as Directus lists them
-- (strata.field_rows: columns, then alias fields; the app sorts by meta.sort itself), each
-- {collection, field, type, schema, meta}. The list of all fields leaves out directus_webhooks'
-- as GET /collections leaves out the collection (collections_info.sql).
drop function if exists strata.fields_info(text);
create or replace function strata.fields_info(p_collection text default null)
returns json
language plpgsql
stable
security invoker
as $$
begin
  if strata.schema_access() = 'none' then
    perform strata.schema_forbidden('read', 'directus_fields');
  end if;
  if p_collection is not null then
    if not strata.collection_known(p_collection) then
      perform strata.schema_forbidden('access', p_collection);
    end if;
    if not strata.collection_readable(p_collection) then
      perform strata.schema_forbidden(null);
    end if;
  end if;
  return coalesce((
    select json_agg(json_build_object('collection', r.collection, 'field', r.field, 'type', r.type, 'schema', r.schema, 'meta', r.meta)
                    order by r.grp, case when r.grp = 0 then r.collection end, r.ord)
    from strata.field_rows(p_collection) r
    where p_collection is not null or (strata.collection_readable(r.collection) and r.collection <> 'directus_webhooks')
  ), '[]');
end;
$$;
--! EndIncluded strata/schema/fields_info.sql
--! Included strata/schema/field_info.sql
-- GET /fields/:collection/:field.
drop function if exists strata.field_info(text, text);
create or replace function strata.field_info(p_collection text, p_field text)
returns json
language plpgsql
stable
security invoker
as $$
declare
  v_info json;
begin
  if strata.schema_access() = 'none' then
    perform strata.schema_forbidden('read', p_collection);
  end if;
  if not strata.collection_known(p_collection) then
    perform strata.schema_forbidden('access', p_collection);
  end if;
  if not strata.collection_readable(p_collection) then
    perform strata.schema_forbidden(null);
  end if;
  v_info := strata.field_json(p_collection, p_field);
  if v_info is null then
    perform strata.schema_forbidden(null);
  end if;
  return v_info;
end;
$$;
--! EndIncluded strata/schema/field_info.sql
--! Included strata/schema/collection_rows.sql
-- Every collection in Directus's shape {collection, meta, schema} (json, keys in Directus's
-- order): registered collections and folders (meta from directus_collections; folders have
-- schema null), the system collections (meta marked system, as Directus describes them in code),
-- and tables or views made with plain SQL in schema public (meta null). grp orders the list the
-- way Directus does.
drop function if exists strata.collection_rows();
create or replace function strata.collection_rows()
returns table (collection text, grp integer, info json)
language sql
stable
security invoker
as $$
  with tables as (
    select c.relname::text as name, obj_description(c.oid, 'pg_class') as comment
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    where c.relkind in ('r', 'p', 'v', 'm', 'f')
  ), metas as (
    select m.collection::text as name, to_json(m) as meta from public.directus_collections m
  )
  select coalesce(t.name, m.name),
    case when m.name is not null then 0 when t.name like 'directus\_%' then 1 else 2 end,
    json_build_object(
      'collection', coalesce(t.name, m.name),
      'meta', coalesce(m.meta, sm.meta, case when t.name like 'directus\_%' then json_build_object(
        'collection', t.name, 'hidden', false, 'singleton', t.name = 'directus_settings', 'icon', null,
        'note', null, 'translations', null, 'display_template', null,
        'accountability', case when t.name in ('directus_activity', 'directus_presets', 'directus_revisions') then null else 'all' end,
        'system', true) end),
      'schema', case when t.name is not null then json_build_object('schema', 'public', 'name', t.name, 'comment', t.comment) end)
  from tables t
  full join metas m on m.name = t.name
  -- system collections: the app metadata Directus declares (catalog/system_studio_meta.sql)
  left join strata.system_collection_meta sm on sm.collection = t.name
$$;
--! EndIncluded strata/schema/collection_rows.sql
--! Included strata/schema/collection_json.sql
-- One collection in Directus's shape, or null when it is unknown (no checks).
drop function if exists strata.collection_json(text);
create or replace function strata.collection_json(p_collection text)
returns json
language sql
stable
security invoker
as $$
  select info from strata.collection_rows() where collection = p_collection
$$;
--! EndIncluded strata/schema/collection_json.sql
--! Included strata/schema/collections_info.sql
-- GET /collections: the collections the caller may see. directus_webhooks (Directus 9's webhooks,
-- which Strata still runs) is left out as Directus 12 has no such collection: the Data Studio
-- knows its system collections by name and would list this one in the content module as a
-- collection of the user's, whose items /items refuses (an error page). /webhooks serves it.
drop function if exists strata.collections_info();
create or replace function strata.collections_info()
returns json
language plpgsql
stable
security invoker
as $$
begin
  if strata.schema_access() = 'none' then
    perform strata.schema_forbidden('access', 'directus_collections');
  end if;
  return coalesce((
    select json_agg(r.info order by r.grp, r.collection)
    from strata.collection_rows() r
    where strata.collection_readable(r.collection) and r.collection <> 'directus_webhooks'
  ), '[]');
end;
$$;
--! EndIncluded strata/schema/collections_info.sql
--! Included strata/schema/collection_info.sql
-- GET /collections/:collection.
drop function if exists strata.collection_info(text);
create or replace function strata.collection_info(p_collection text)
returns json
language plpgsql
stable
security invoker
as $$
declare
  v_info json;
begin
  if not strata.collection_readable(p_collection) then
    perform strata.schema_forbidden('read', p_collection);
  end if;
  v_info := strata.collection_json(p_collection);
  if v_info is null then
    perform strata.schema_forbidden(null);
  end if;
  return v_info;
end;
$$;
--! EndIncluded strata/schema/collection_info.sql
--! Included strata/schema/create_field.sql
-- POST /fields/:collection (and each field of POST /collections): adds the column with the type,
-- size, nullability, default, key, uniqueness and index asked for, and the meta row when there
-- is meta to keep. Alias types (alias, o2m, m2m, m2a, ...) only get a meta row. The payload is
-- json: meta values are stored with the client's key order (strata.save_meta).
drop function if exists strata.create_field(text, jsonb);
create or replace function strata.create_field(p_collection text, p_body json)
returns json
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  p_payload jsonb := p_body::jsonb;
  v_field text;
  v_type text;
  v_schema jsonb;
  v_meta jsonb;
  v_alias boolean;
  v_primary boolean;
  v_sql_type text;
  v_plain_type text;
  v_ddl text;
  v_special text;
begin
  perform strata.require_admin();
  if jsonb_typeof(p_payload) is distinct from 'object' then
    perform strata.invalid_payload('Payload must be an object');
  end if;
  if not strata.collection_known(p_collection) then
    perform strata.schema_forbidden('access', p_collection);
  end if;

  if p_payload->'field' is null or jsonb_typeof(p_payload->'field') = 'null' then
    perform strata.invalid_payload('"field" is required');
  end if;
  v_field := p_payload->>'field';
  if jsonb_typeof(p_payload->'field') <> 'string' or v_field = '' then
    perform strata.invalid_payload('"field" must be a non-empty string');
  end if;
  if octet_length(v_field) > 63 then
    perform strata.invalid_payload('"field" must be at most 63 bytes long');
  end if;
  v_type := p_payload->>'type';
  if v_type is null then
    perform strata.invalid_payload('"type" is required');
  end if;
  if not v_type = any(strata.field_types()) then
    perform strata.invalid_payload(format('"type" must be one of [%s]', array_to_string(strata.field_types(), ', ')));
  end if;
  if strata.field_json(p_collection, v_field) is not null then
    perform strata.invalid_payload(format('Field "%s" already exists in collection "%s"', v_field, p_collection));
  end if;

  v_schema := case when jsonb_typeof(p_payload->'schema') = 'object' then p_payload->'schema' end;
  v_meta := case when jsonb_typeof(p_payload->'meta') = 'object' then p_payload->'meta' end;
  v_alias := v_type in ('alias', 'o2m', 'm2m', 'm2a', 'o2a', 'files', 'translations');

  if not v_alias then
    if not strata.collection_exists(p_collection) then
      perform strata.invalid_payload(format('Collection "%s" is a folder and has no table for field "%s"', p_collection, v_field));
    end if;
    v_primary := coalesce((v_schema->>'is_primary_key')::boolean, false);
    v_sql_type := strata.column_type(v_type, v_schema);
    v_plain_type := strata.column_type(v_type, coalesce(v_schema, '{}') - 'has_auto_increment');
    v_ddl := format('alter table public.%I add column %I %s', p_collection, v_field, v_sql_type);
    if v_primary then
      v_ddl := v_ddl || ' primary key';
    elsif v_schema->>'is_nullable' = 'false' then
      v_ddl := v_ddl || ' not null';
    end if;
    if v_sql_type not in ('serial', 'bigserial') and strata.default_sql(v_type, v_plain_type, v_schema->'default_value') is not null then
      v_ddl := v_ddl || ' default ' || strata.default_sql(v_type, v_plain_type, v_schema->'default_value');
    end if;
    perform strata.run_ddl(v_ddl, p_collection, v_field);
    if not v_primary and (v_schema->>'is_unique')::boolean then
      perform strata.run_ddl(format('alter table public.%I add constraint %I unique (%I)', p_collection,
                                    left(p_collection || '_' || v_field || '_unique', 63), v_field), p_collection, v_field);
    end if;
    if (v_schema->>'is_indexed')::boolean then
      perform strata.run_ddl(format('create index %I on public.%I (%I)', left(p_collection || '_' || v_field || '_index', 63),
                                    p_collection, v_field), p_collection, v_field);
    end if;
    if v_schema->>'comment' is not null then
      execute format('comment on column public.%I.%I is %L', p_collection, v_field, v_schema->>'comment');
    end if;
  end if;

  -- Directus keeps a meta row when meta is given, and for types that need a special flag.
  v_special := strata.field_special(v_type, v_meta->'special');
  if v_meta is not null or v_alias or v_special is not null then
    v_meta := coalesce(v_meta, '{}') - 'id' - 'collection' - 'field' || jsonb_build_object('special', v_special);
    if v_meta->'sort' is null or jsonb_typeof(v_meta->'sort') = 'null' then
      v_meta := v_meta || jsonb_build_object('sort',
        (select coalesce(max(f.sort), 0) + 1 from public.directus_fields f where f.collection = p_collection));
    end if;
    perform strata.save_meta('public.directus_fields', jsonb_build_object('collection', p_collection, 'field', v_field), v_meta,
                             p_body -> 'meta');
  end if;
  return strata.field_json(p_collection, v_field);
end;
$$;
--! EndIncluded strata/schema/create_field.sql
--! Included strata/schema/create_collection.sql
-- POST /collections: one collection (object) or several (array). With `schema` an object (or
-- `fields` given) it creates the table, injecting an `id` integer auto-increment primary key
-- when no field is a primary key; with `schema: null` it registers a folder (meta only). Meta is
-- stored when given (always for folders). Returns the created collection(s).
drop function if exists strata.create_collection(jsonb);
create or replace function strata.create_collection(p_body json)
returns json
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  p_payload jsonb := p_body::jsonb;
  v_name text;
  v_fields jsonb;
  v_meta jsonb;
  v_table boolean;
  v_item json;
  v_raw_fields json[];
  v_out json[] := '{}';
begin
  perform strata.require_admin();
  if json_typeof(p_body) = 'array' then
    for v_item in select value from json_array_elements(p_body) loop
      v_out := v_out || strata.create_collection(v_item);
    end loop;
    return array_to_json(v_out);
  end if;
  if jsonb_typeof(p_payload) is distinct from 'object' then
    perform strata.invalid_payload('Payload must be an object or an array');
  end if;

  if p_payload->'collection' is null or jsonb_typeof(p_payload->'collection') = 'null' then
    perform strata.invalid_payload('"collection" is required');
  end if;
  v_name := p_payload->>'collection';
  if jsonb_typeof(p_payload->'collection') <> 'string' or v_name = '' then
    perform strata.invalid_payload('"collection" must be a non-empty string');
  end if;
  if v_name like 'directus\_%' then
    perform strata.invalid_payload('"collection" can''t start with "directus_"');
  end if;
  if octet_length(v_name) > 63 then
    perform strata.invalid_payload('"collection" must be at most 63 bytes long');
  end if;
  if strata.collection_known(v_name)
     or exists (select from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relname = v_name) then
    perform strata.invalid_payload(format('Collection "%s" already exists', v_name));
  end if;
  -- field rows left behind by a table dropped outside the API (Directus keeps them, and then
  -- shows the old meta) are stale: the new collection's fields start clean
  delete from public.directus_fields where collection = v_name;
  if p_payload ? 'schema' and jsonb_typeof(p_payload->'schema') not in ('object', 'null') then
    perform strata.invalid_payload('"schema" must be an object or null');
  end if;
  if p_payload ? 'meta' and jsonb_typeof(p_payload->'meta') not in ('object', 'null') then
    perform strata.invalid_payload('"meta" must be an object or null');
  end if;
  v_fields := coalesce(p_payload->'fields', '[]');
  if jsonb_typeof(v_fields) = 'null' then
    v_fields := '[]';
  elsif jsonb_typeof(v_fields) <> 'array' then
    perform strata.invalid_payload('"fields" must be an array');
  end if;

  -- Without a `schema` key Directus creates nothing at all; fields imply a table, otherwise a folder.
  v_table := case when p_payload ? 'schema' then jsonb_typeof(p_payload->'schema') = 'object'
                  else jsonb_array_length(v_fields) > 0 end;
  v_meta := case when jsonb_typeof(p_payload->'meta') = 'object' then p_payload->'meta' end;

  -- the fields as sent (json: strata.create_field keeps their meta's key order)
  v_raw_fields := case when jsonb_array_length(v_fields) > 0 then array(select json_array_elements(p_body -> 'fields')) else '{}' end;
  if v_table then
    if not exists (select from jsonb_array_elements(v_fields) f
                   where jsonb_typeof(f) = 'object' and f->'schema'->>'is_primary_key' = 'true') then
      v_raw_fields := json_build_object(
        'field', 'id', 'type', 'integer',
        'meta', json_build_object('interface', 'numeric', 'readonly', true, 'hidden', true),
        'schema', json_build_object('is_primary_key', true, 'has_auto_increment', true)) || v_raw_fields;
    end if;
    execute format('create table public.%I ()', v_name);
    if p_payload->'schema'->>'comment' is not null then
      execute format('comment on table public.%I is %L', v_name, p_payload->'schema'->>'comment');
    end if;
  end if;
  if v_meta is not null or not v_table then
    perform strata.save_meta('public.directus_collections', jsonb_build_object('collection', v_name),
                             coalesce(v_meta, '{}') - 'collection', p_body -> 'meta');
  end if;
  foreach v_item in array v_raw_fields loop
    perform strata.create_field(v_name, v_item);
  end loop;
  return strata.collection_json(v_name);
end;
$$;
--! EndIncluded strata/schema/create_collection.sql
--! Included strata/schema/update_collection.sql
-- PATCH /collections/:collection: updates the collection's meta (creating the meta row of a
-- table made with plain SQL) and its table comment (`schema.comment`). System collections are
-- described by Strata itself and cannot be changed.
drop function if exists strata.update_collection(text, jsonb);
create or replace function strata.update_collection(p_collection text, p_body json)
returns json
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  p_payload jsonb := p_body::jsonb;
begin
  perform strata.require_admin();
  if jsonb_typeof(p_payload) is distinct from 'object' then
    perform strata.invalid_payload('Payload must be an object');
  end if;
  if not strata.collection_known(p_collection) or p_collection like 'directus\_%' then
    perform strata.schema_forbidden(null);
  end if;
  if p_payload ? 'meta' and jsonb_typeof(p_payload->'meta') not in ('object', 'null') then
    perform strata.invalid_payload('"meta" must be an object or null');
  end if;
  if jsonb_typeof(p_payload->'meta') = 'object' then
    perform strata.save_meta('public.directus_collections', jsonb_build_object('collection', p_collection),
                             (p_payload->'meta') - 'collection', p_body -> 'meta');
  end if;
  if jsonb_typeof(p_payload->'schema') = 'object' and p_payload->'schema' ? 'comment'
     and strata.collection_exists(p_collection) then
    execute format('comment on table public.%I is %L', p_collection, p_payload->'schema'->>'comment');
  end if;
  return strata.collection_json(p_collection);
end;
$$;
--! EndIncluded strata/schema/update_collection.sql
--! Included strata/schema/update_collections.sql
-- PATCH /collections: a list of {collection, meta} changes, applied together.
drop function if exists strata.update_collections(jsonb);
create or replace function strata.update_collections(p_body json)
returns json
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_item json;
  v_out json[] := '{}';
begin
  perform strata.require_admin();
  if json_typeof(p_body) is distinct from 'array' then
    perform strata.invalid_payload('Input should be an array of collection changes');
  end if;
  for v_item in select value from json_array_elements(p_body) loop
    if json_typeof(v_item) <> 'object' or json_typeof(v_item->'collection') is distinct from 'string' then
      perform strata.invalid_payload('"collection" is required');
    end if;
    v_out := v_out || strata.update_collection(v_item->>'collection', v_item);
  end loop;
  return array_to_json(v_out);
end;
$$;
--! EndIncluded strata/schema/update_collections.sql
--! Included strata/schema/update_field.sql
-- PATCH /fields/:collection/:field: changes the column (type, size, nullability, default,
-- uniqueness, index, comment) as far as the payload asks, then merges the meta. A type change
-- converts the existing values with a cast and keeps the special flags in step with the type.
drop function if exists strata.update_field(text, text, jsonb);
create or replace function strata.update_field(p_collection text, p_field text, p_body json)
returns json
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  p_payload jsonb := p_body::jsonb;
  col record;
  v_meta_row public.directus_fields;
  v_type text;
  v_schema jsonb;
  v_meta jsonb;
  v_current jsonb;
  v_sql_type text;
  v_special jsonb;
  r record;
begin
  perform strata.require_admin();
  if jsonb_typeof(p_payload) is distinct from 'object' then
    perform strata.invalid_payload('Payload must be an object');
  end if;
  if not strata.collection_known(p_collection) then
    perform strata.schema_forbidden('access', p_collection);
  end if;
  select * into col from strata.columns c where c.collection = p_collection and c.field = p_field;
  select * into v_meta_row from public.directus_fields f where f.collection = p_collection and f.field = p_field limit 1;
  -- unknown fields are off limits
  if col.field is null and v_meta_row.id is null then
    perform strata.schema_forbidden(null);
  end if;
  -- a system collection's own fields (no meta row): only their index may change, as in Directus
  if p_collection like 'directus\_%' and v_meta_row.id is null
     and not ((p_payload - 'field' - 'collection') ?& array['schema'] and (p_payload - 'field' - 'collection' - 'schema') = '{}'
              and jsonb_typeof(p_payload -> 'schema') = 'object' and (p_payload -> 'schema') ?& array['is_indexed']
              and ((p_payload -> 'schema') - 'is_indexed') = '{}' and jsonb_typeof(p_payload #> '{schema,is_indexed}') = 'boolean') then
    perform strata.invalid_payload('Only "schema.is_indexed" may be modified for system fields');
  elsif p_collection like 'directus\_%' and v_meta_row.id is null then
    perform strata.set_system_field_index(p_collection, p_field, (p_payload #>> '{schema,is_indexed}')::boolean);
    return strata.field_json(p_collection, p_field);
  end if;
  v_schema := case when jsonb_typeof(p_payload->'schema') = 'object' then p_payload->'schema' else '{}' end;
  v_meta := case when jsonb_typeof(p_payload->'meta') = 'object' then p_payload->'meta' end;
  v_type := coalesce(p_payload->>'type', col.type, 'alias');
  if not v_type = any(strata.field_types()) then
    perform strata.invalid_payload(format('"type" must be one of [%s]', array_to_string(strata.field_types(), ', ')));
  end if;

  if col.field is not null then
    if strata.column_type(v_type, '{}') is null then
      perform strata.invalid_payload(format('Field "%s" has a column and can''t become type "%s"', p_field, v_type));
    end if;
    v_current := strata.field_schema(col.table_oid, col.position)::jsonb;
    if v_type <> col.type or v_schema ?| array['max_length', 'numeric_precision', 'numeric_scale'] then
      v_sql_type := strata.column_type(v_type, jsonb_build_object(
        'max_length', coalesce(v_schema->'max_length', case when v_type = col.type then v_current->'max_length' end),
        'numeric_precision', coalesce(v_schema->'numeric_precision', case when v_type = col.type then v_current->'numeric_precision' end),
        'numeric_scale', coalesce(v_schema->'numeric_scale', case when v_type = col.type then v_current->'numeric_scale' end)));
      if v_sql_type is distinct from col.data_type then
        -- convert directly where PostgreSQL has a cast (or one side is a string); otherwise go
        -- through the text form (integer -> json, boolean -> integer, ...)
        perform strata.run_ddl(format('alter table public.%I alter column %I type %s using %I::%s%s',
                                      p_collection, p_field, v_sql_type, p_field,
                                      case when exists (select from pg_cast k, pg_attribute a
                                                        where a.attrelid = col.table_oid and a.attnum = col.position
                                                          and k.castsource = a.atttypid and k.casttarget = v_sql_type::regtype)
                                             or (select t.typcategory from pg_type t where t.oid = v_sql_type::regtype) = 'S'
                                             or (select t.typcategory from pg_type t join pg_attribute a on a.atttypid = t.oid
                                                 where a.attrelid = col.table_oid and a.attnum = col.position) = 'S'
                                           then '' else 'text::' end,
                                      v_sql_type), p_collection, p_field);
      end if;
    end if;
    if v_schema ? 'is_nullable' then
      perform strata.run_ddl(format('alter table public.%I alter column %I %s not null', p_collection, p_field,
                                    case when v_schema->>'is_nullable' = 'false' then 'set' else 'drop' end),
                             p_collection, p_field);
    end if;
    if v_schema ? 'default_value' then
      select format_type(a.atttypid, a.atttypmod) into v_sql_type
      from pg_attribute a where a.attrelid = col.table_oid and a.attnum = col.position;
      if strata.default_sql(v_type, v_sql_type, v_schema->'default_value') is null then
        execute format('alter table public.%I alter column %I drop default', p_collection, p_field);
      else
        perform strata.run_ddl(format('alter table public.%I alter column %I set default %s', p_collection, p_field,
                                      strata.default_sql(v_type, v_sql_type, v_schema->'default_value')), p_collection, p_field);
      end if;
    end if;
    if v_schema->>'is_unique' = 'true' and not (v_current->>'is_unique')::boolean then
      perform strata.run_ddl(format('alter table public.%I add constraint %I unique (%I)', p_collection,
                                    left(p_collection || '_' || p_field || '_unique', 63), p_field), p_collection, p_field);
    elsif v_schema->>'is_unique' = 'false' and not (v_current->>'is_primary_key')::boolean then
      for r in select con.conname from pg_constraint con
               where con.conrelid = col.table_oid and con.contype = 'u' and con.conkey = array[col.position] loop
        execute format('alter table public.%I drop constraint %I', p_collection, r.conname);
      end loop;
      for r in select ic.relname from pg_index i join pg_class ic on ic.oid = i.indexrelid
               where i.indrelid = col.table_oid and i.indisunique and not i.indisprimary
                 and i.indnkeyatts = 1 and i.indkey[0] = col.position
                 and not exists (select from pg_constraint con where con.conindid = i.indexrelid) loop
        execute format('drop index public.%I', r.relname);
      end loop;
    end if;
    if v_schema->>'is_indexed' = 'true' and not (v_current->>'is_indexed')::boolean then
      perform strata.run_ddl(format('create index %I on public.%I (%I)', left(p_collection || '_' || p_field || '_index', 63),
                                    p_collection, p_field), p_collection, p_field);
    elsif v_schema->>'is_indexed' = 'false' then
      for r in select ic.relname from pg_index i join pg_class ic on ic.oid = i.indexrelid
               where i.indrelid = col.table_oid and not i.indisunique and i.indnkeyatts = 1 and i.indkey[0] = col.position loop
        execute format('drop index public.%I', r.relname);
      end loop;
    end if;
    if v_schema ? 'comment' then
      execute format('comment on column public.%I.%I is %L', p_collection, p_field, v_schema->>'comment');
    end if;
  end if;

  -- the special flags follow a type change: drop the old type's cast flag, add the new one's
  if col.field is not null and v_type <> col.type then
    v_special := coalesce(v_meta->'special', to_jsonb(string_to_array(v_meta_row.special, ',')), '[]');
    if jsonb_typeof(v_special) = 'string' then
      v_special := to_jsonb(string_to_array(v_special #>> '{}', ','));
    end if;
    v_special := coalesce((select jsonb_agg(s) from jsonb_array_elements_text(v_special) s
                           where s not in ('cast-json', 'hash', 'cast-csv')), '[]');
    if strata.field_special(v_type, v_special) is not null or v_meta_row.id is not null then
      v_meta := coalesce(v_meta, '{}') || jsonb_build_object('special', v_special);
    end if;
  end if;
  if v_meta is not null then
    if v_meta ? 'special' then
      v_meta := v_meta || jsonb_build_object('special', strata.field_special(v_type, v_meta->'special'));
    end if;
    perform strata.save_meta('public.directus_fields', jsonb_build_object('collection', p_collection, 'field', p_field),
                             v_meta - 'id' - 'collection' - 'field', p_body -> 'meta');
  end if;
  return strata.field_json(p_collection, p_field);
end;
$$;
--! EndIncluded strata/schema/update_field.sql
--! Included strata/schema/update_fields.sql
-- PATCH /fields/:collection: a list of field changes ({field, type?, schema?, meta?}), applied
-- together (json: see strata.create_field).
drop function if exists strata.update_fields(text, jsonb);
create or replace function strata.update_fields(p_collection text, p_body json)
returns json
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_item json;
  v_out json[] := '{}';
begin
  perform strata.require_admin();
  if json_typeof(p_body) is distinct from 'array' then
    perform strata.invalid_payload('Input should be an array of field changes');
  end if;
  for v_item in select value from json_array_elements(p_body) loop
    if json_typeof(v_item) <> 'object' or json_typeof(v_item->'field') is distinct from 'string' then
      perform strata.invalid_payload('"field" is required');
    end if;
    v_out := v_out || strata.update_field(p_collection, v_item->>'field', v_item);
  end loop;
  return array_to_json(v_out);
end;
$$;
--! EndIncluded strata/schema/update_fields.sql
--! Included strata/schema/relation_schema.sql
-- The foreign key behind a relation, as Directus reports it in a relation's `schema`; null when
-- the column has no foreign key (many-to-any item columns, relations kept as meta only). json,
-- keys in Directus's order.
drop function if exists strata.relation_schema(text, text);
create or replace function strata.relation_schema(p_collection text, p_field text)
returns json
language sql
stable
security invoker
as $$
  select json_build_object(
    'constraint_name', con.conname::text,
    'table', cl.relname::text,
    'column', a.attname::text,
    'foreign_key_schema', rn.nspname::text,
    'foreign_key_table', rcl.relname::text,
    'foreign_key_column', ra.attname::text,
    'on_update', strata.foreign_key_action(con.confupdtype),
    'on_delete', strata.foreign_key_action(con.confdeltype))
  from pg_constraint con
  join pg_class cl on cl.oid = con.conrelid
  join pg_namespace n on n.oid = cl.relnamespace and n.nspname = 'public'
  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
  join pg_class rcl on rcl.oid = con.confrelid
  join pg_namespace rn on rn.oid = rcl.relnamespace
  join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = con.confkey[1]
  where con.contype = 'f' and array_length(con.conkey, 1) = 1
    and cl.relname = p_collection and a.attname = p_field
  order by con.conname
  limit 1
$$;
--! EndIncluded strata/schema/relation_schema.sql
--! Included strata/schema/relation_rows.sql
-- Every relation of one collection (its many side; all when p_collection is null) in Directus's
-- shape {collection, field, related_collection, schema, meta}. Foreign keys without a relation
-- row (tables made with plain SQL) are relations with meta null; those of system tables get a
-- minimal meta marked system, as Directus describes its own relations in code. json, keys in
-- Directus's order (a meta row's columns in table order, as Directus answers them).
drop function if exists strata.relation_rows(text);
create or replace function strata.relation_rows(p_collection text default null)
returns table (collection text, field text, meta_id integer, info json)
language sql
stable
security invoker
as $$
  select r.many_collection, r.many_field, r.meta_id,
    json_build_object(
      'collection', r.many_collection,
      'field', r.many_field,
      'related_collection', r.one_collection,
      'schema', strata.relation_schema(r.many_collection, r.many_field),
      'meta', case
        when r.meta_id is not null then (
          select json_object_agg(e.key, case when e.key <> 'one_allowed_collections' or json_typeof(e.value) = 'null' then e.value
                                             else to_json(string_to_array(e.value #>> '{}', ',')) end order by e.n)
          from public.directus_relations d, json_each(to_json(d)) with ordinality e(key, value, n) where d.id = r.meta_id)
        when r.many_collection like 'directus\_%' then json_build_object(
          'many_collection', r.many_collection, 'many_field', r.many_field, 'one_collection', r.one_collection,
          'one_field', r.one_field, 'one_allowed_collections', null, 'one_collection_field', null,
          'one_deselect_action', r.one_deselect_action, 'junction_field', r.junction_field, 'sort_field', r.sort_field, 'system', true)
      end)
  from strata.relations r
  where p_collection is null or r.many_collection = p_collection
$$;
--! EndIncluded strata/schema/relation_rows.sql
--! Included strata/schema/relations_info.sql
-- GET /relations and GET /relations/:collection: the relations the caller may see, system ones
-- first, then in creation order.
drop function if exists strata.relations_info(text);
create or replace function strata.relations_info(p_collection text default null)
returns json
language plpgsql
stable
security invoker
as $$
begin
  if strata.schema_access() = 'none' then
    perform strata.schema_forbidden('read', 'directus_relations');
  end if;
  if p_collection is not null and not (strata.collection_known(p_collection) and strata.collection_readable(p_collection)) then
    perform strata.schema_forbidden('access', p_collection);
  end if;
  return coalesce((
    select json_agg(r.info order by r.meta_id is not null, r.meta_id, r.collection, r.field)
    from strata.relation_rows(p_collection) r
    where strata.collection_readable(r.collection)
  ), '[]');
end;
$$;
--! EndIncluded strata/schema/relations_info.sql
--! Included strata/schema/relation_info.sql
-- GET /relations/:collection/:field.
drop function if exists strata.relation_info(text, text);
create or replace function strata.relation_info(p_collection text, p_field text)
returns json
language plpgsql
stable
security invoker
as $$
declare
  v_info json;
begin
  if strata.schema_access() = 'none' then
    perform strata.schema_forbidden('read', 'directus_relations');
  end if;
  if not (strata.collection_known(p_collection) and strata.collection_readable(p_collection)) then
    perform strata.schema_forbidden('access', p_collection);
  end if;
  select r.info into v_info from strata.relation_rows(p_collection) r where r.field = p_field limit 1;
  if v_info is null then
    perform strata.schema_forbidden(null);
  end if;
  return v_info;
end;
$$;
--! EndIncluded strata/schema/relation_info.sql
--! Included strata/schema/create_relation.sql
-- POST /relations: records a relation and, for a many-to-one onto a table, creates the real
-- foreign key (`schema.on_delete` / `on_update`, NO ACTION by default; `schema: null` for none).
--   m2o: {collection, field, related_collection}
--   o2m: the same with meta.one_field (the alias on the related collection)
--   m2m: two such rows through a junction, each naming the other in meta.junction_field
--   m2a: related_collection null, meta.one_allowed_collections + meta.one_collection_field;
--        the item column holds keys of several collections, so it gets no foreign key
drop function if exists strata.create_relation(jsonb);
create or replace function strata.create_relation(p_payload jsonb)
returns json
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_collection text;
  v_field text;
  v_related text;
  v_schema jsonb;
  v_on_delete text;
  v_on_update text;
begin
  perform strata.require_admin();
  if jsonb_typeof(p_payload) is distinct from 'object' then
    perform strata.invalid_payload('Payload must be an object');
  end if;
  v_collection := p_payload->>'collection';
  v_field := p_payload->>'field';
  v_related := p_payload->>'related_collection';
  if v_collection is null then
    perform strata.invalid_payload('"collection" is required');
  end if;
  if v_field is null then
    perform strata.invalid_payload('"field" is required');
  end if;
  if not strata.collection_known(v_collection) then
    perform strata.invalid_payload(format('Collection "%s" doesn''t exist', v_collection));
  end if;
  if not exists (select from strata.columns c where c.collection = v_collection and c.field = v_field) then
    perform strata.invalid_payload(format('Field "%s" doesn''t exist in collection "%s"', v_field, v_collection));
  end if;
  if exists (select from strata.relations r where r.many_collection = v_collection and r.many_field = v_field) then
    perform strata.invalid_payload(format('Field "%s" in collection "%s" already has an associated relationship', v_field, v_collection));
  end if;
  if strata.primary_key(v_collection) = v_field then
    perform strata.invalid_payload(format('Field "%s" in collection "%s" is a primary key', v_field, v_collection));
  end if;
  if v_related is not null and not strata.collection_known(v_related) then
    perform strata.invalid_payload(format('Collection "%s" doesn''t exist', v_related));
  end if;

  v_schema := p_payload->'schema';
  v_on_delete := strata.referential_action(v_schema, 'on_delete', 'NO ACTION');
  v_on_update := strata.referential_action(v_schema, 'on_update', 'NO ACTION');
  if v_related is not null and strata.collection_exists(v_related) and jsonb_typeof(v_schema) is distinct from 'null' then
    perform strata.add_foreign_key(v_collection, v_field, v_related, v_on_delete, v_on_update);
  end if;

  perform strata.save_meta('public.directus_relations',
    jsonb_build_object('many_collection', v_collection, 'many_field', v_field),
    strata.relation_meta_data(p_payload->'meta') || jsonb_build_object('one_collection', v_related));
  return (select r.info from strata.relation_rows(v_collection) r where r.field = v_field limit 1);
end;
$$;
--! EndIncluded strata/schema/create_relation.sql
--! Included strata/schema/update_relation.sql
-- PATCH /relations/:collection/:field: new referential actions replace the foreign key
-- (created when the relation had none), and the meta is merged.
drop function if exists strata.update_relation(text, text, jsonb);
create or replace function strata.update_relation(p_collection text, p_field text, p_payload jsonb)
returns json
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_relation record;
  v_current jsonb;
  v_schema jsonb;
begin
  perform strata.require_admin();
  if jsonb_typeof(p_payload) is distinct from 'object' then
    perform strata.invalid_payload('Payload must be an object');
  end if;
  if not strata.collection_known(p_collection) then
    perform strata.invalid_payload(format('Collection "%s" doesn''t exist', p_collection));
  end if;
  if not exists (select from strata.columns c where c.collection = p_collection and c.field = p_field) then
    perform strata.invalid_payload(format('Field "%s" doesn''t exist in collection "%s"', p_field, p_collection));
  end if;
  select * into v_relation from strata.relations r where r.many_collection = p_collection and r.many_field = p_field limit 1;
  if v_relation.many_field is null or (p_collection like 'directus\_%' and v_relation.meta_id is null) then
    perform strata.invalid_payload(format('Field "%s" in collection "%s" doesn''t have a relationship', p_field, p_collection));
  end if;

  v_schema := p_payload->'schema';
  if jsonb_typeof(v_schema) = 'object' and v_schema ?| array['on_delete', 'on_update'] then
    v_current := strata.relation_schema(p_collection, p_field)::jsonb;
    if v_current is not null then
      execute format('alter table public.%I drop constraint %I', p_collection, v_current->>'constraint_name');
    end if;
    if v_relation.one_collection is not null and strata.collection_exists(v_relation.one_collection) then
      perform strata.add_foreign_key(p_collection, p_field, v_relation.one_collection,
        strata.referential_action(v_schema, 'on_delete', coalesce(v_current->>'on_delete', 'NO ACTION')),
        strata.referential_action(v_schema, 'on_update', coalesce(v_current->>'on_update', 'NO ACTION')));
    end if;
  end if;

  if jsonb_typeof(p_payload->'meta') = 'object' then
    perform strata.save_meta('public.directus_relations',
      jsonb_build_object('many_collection', p_collection, 'many_field', p_field),
      strata.relation_meta_data(p_payload->'meta')
        || case when v_relation.meta_id is null then jsonb_build_object('one_collection', v_relation.one_collection) else '{}' end);
  end if;
  return (select r.info from strata.relation_rows(p_collection) r where r.field = p_field limit 1);
end;
$$;
--! EndIncluded strata/schema/update_relation.sql
--! Included strata/access/collection_forbidden.sql
-- Directus's 403 for a collection the caller may not use at all for what it asked (no permission
-- for the action, or no such collection): the same words, with `reason`, whether the write is a
-- create, an update or a delete, and whether the collection exists. p_where: the relational path
-- of a read that reached the collection through a relation ("posts", "posts.author"), null at
-- the root.
drop function if exists strata.collection_forbidden(text);
create or replace function strata.collection_forbidden(p_collection text, p_where text default null)
returns void
language plpgsql
stable
security invoker
as $$
declare
  v_message text := format('You don''t have permission to access collection "%s" or it does not exist. Queried in %s.',
    p_collection, case when p_where is null then 'root' else format('"%s"', p_where) end);
begin
  perform strata.raise('FORBIDDEN', v_message, jsonb_build_object('reason', v_message));
end;
$$;
--! EndIncluded strata/access/collection_forbidden.sql
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
-- p_where: the relational path that led here (Directus names all of it in its 403s: "posts.author");
-- a relation into a collection the request may not read is Directus's 403 naming that collection.
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
  v_path text;
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
    if f is null or (scope is not null and (f ->> 'kind' <> 'm2a' or not (f -> 'allowed') ? scope or to_regclass(format('public.%I', scope)) is null)) then
      perform strata.field_error(p_collection, k, p_where);
    end if;
    if scope is not null and not strata.collection_exists(scope) then
      -- an allowed collection the request may not read: Directus names the collection and the path
      perform strata.collection_forbidden(scope, coalesce(p_where || '.', '') || k);
    end if;
    v_path := coalesce(p_where || '.', '') || fname;
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
      if not strata.collection_exists(f ->> 'related') then
        perform strata.collection_forbidden(f ->> 'related', v_path);
      end if;
      child_pk := strata.primary_key(p_collection);
      if jsonb_typeof(v) = 'object' and (v ? '_some' or v ? '_none') then
        for k, v in select * from jsonb_each(v) loop
          if k not in ('_some', '_none') then
            perform strata.invalid_query('"_some" and "_none" can''t be combined with other keys');
          end if;
          parts := parts || format('(%sexists (select 1 from public.%I %s where %s and %s))',
            case k when '_none' then 'not ' else '' end, f ->> 'related', a2 || k, strata.o2m_join(p_collection, p_alias, f, a2 || k),
            strata.compile_filter(f ->> 'related', a2 || k, v, p_path || fname || k, v_path, null, p_values));
        end loop;
      else
        parts := parts || format('(exists (select 1 from public.%I %s where %s and %s))',
          f ->> 'related', a2, strata.o2m_join(p_collection, p_alias, f, a2),
          strata.compile_filter(f ->> 'related', a2, v, p_path || fname, v_path, null, p_values));
      end if;

    elsif f ->> 'kind' = 'column' and f ->> 'related' is not null and jsonb_typeof(v) = 'object'
          and exists (select from jsonb_object_keys(v) key where left(key, 1) <> '_' or key in ('_and', '_or')) then
      -- a path through a many-to-one relation
      if not strata.collection_exists(f ->> 'related') then
        perform strata.collection_forbidden(f ->> 'related', v_path);
      end if;
      parts := parts || format('(exists (select 1 from public.%I %s where %s.%I = %s and %s))',
        f ->> 'related', a2, a2, f ->> 'related_pk', strata.column_ref(p_collection, p_alias, fname),
        strata.compile_filter(f ->> 'related', a2, v, p_path || fname, v_path, null, p_values));

    elsif scope is not null then
      -- the junction row's collection and item through strata.column_ref (per-row field masks)
      parts := parts || format('(%s = %L and exists (select 1 from public.%I %s where %s.%I::text = %s and %s))',
        strata.column_ref(p_collection, p_alias, f ->> 'collection_field'), scope, scope, a2, a2, strata.primary_key(scope),
        strata.column_ref(p_collection, p_alias, fname),
        strata.compile_filter(scope, a2, v, p_path || k, coalesce(p_where || '.', '') || k, null, p_values));

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
-- A path through a one-to-many field ("states.name", "tags.tag.name" through a junction) sorts
-- each row once, by its first child in the sort's direction (p_desc), as Directus does: the
-- child's value that would come first (NULLs first when descending, as PostgreSQL orders them),
-- NULL without children. p_where: the relational path that led here, which Directus names in its
-- 403s ("posts.author"); a path into a collection the request may not read is Directus's 403
-- naming that collection, except a one-to-many field alone, which sorts as having no children.
drop function if exists strata.sort_expr(text, text, text, text);
create or replace function strata.sort_expr(p_collection text, p_alias text, p_key text, p_where text default null,
  p_desc boolean default false)
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
  v_path text := coalesce(p_where || '.', '') || split_part(p_key, '.', 1);
begin
  if left(p_key, 5) = 'json(' then
    -- a json() call: its path's "."s are not relations
    head := p_key;
    rest := null;
  end if;
  if rest is null then
    fn := strata.parse_function(head);
    f := strata.resolve_field(p_collection, coalesce(fn ->> 'field', head));
    if f ->> 'kind' = 'o2m' and fn is null then
      -- a one-to-many field alone sorts by its children's keys, as Directus does (when the request
      -- may read none of them, as Directus 12.4 answers it: as if there were none)
      if not strata.collection_exists(f ->> 'related') then return 'null::int'; end if;
      return strata.sort_expr(p_collection, p_alias, head || '.' || (f ->> 'related_pk'), p_where, p_desc);
    end if;
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

  if position(':' in head) > 0 then
    -- "item:<collection>.<path>" through a many-to-any item: the junction row's item when it is
    -- one of that collection (NULL otherwise; Directus sorts so by any existing collection)
    f := strata.resolve_field(p_collection, split_part(head, ':', 1));
    if f ->> 'kind' is distinct from 'm2a' or not strata.collection_exists(split_part(head, ':', 2)) then
      perform strata.field_error(p_collection, head, p_where);
    end if;
    return format('(select %s from public.%I %s where %s = %L and %s.%I::text = %s)',
      strata.sort_expr(split_part(head, ':', 2), a2, rest, v_path, p_desc), split_part(head, ':', 2), a2,
      strata.column_ref(p_collection, p_alias, f ->> 'collection_field'), split_part(head, ':', 2),
      a2, strata.primary_key(split_part(head, ':', 2)), strata.column_ref(p_collection, p_alias, f ->> 'field'));
  end if;
  f := strata.resolve_field(p_collection, head);
  if f ->> 'kind' = 'm2a' then
    -- without a scope, Directus looks for the next name in this collection
    perform strata.field_error(p_collection, split_part(rest, '.', 1), p_where);
  end if;
  if f ->> 'kind' = 'o2m' and left(rest, 5) <> 'json(' then
    if not strata.collection_exists(f ->> 'related') then
      perform strata.collection_forbidden(f ->> 'related', v_path);
    end if;
    return format('(select %s from public.%I %s where %s order by 1%s limit 1)',
      strata.sort_expr(f ->> 'related', a2, rest, v_path, p_desc), f ->> 'related', a2,
      strata.o2m_join(p_collection, p_alias, f, a2), case when p_desc then ' desc' end);
  end if;
  if f is null or f ->> 'kind' <> 'column' or f ->> 'related' is null
     or strata.field_secret(p_collection, head, f ->> 'special') then
    perform strata.field_error(p_collection, head, p_where);
  end if;
  if left(rest, 5) = 'json(' then
    -- Directus does not sort by json() through a relation: the call reads as a field named by
    -- its arguments, which does not exist
    perform strata.field_error(f ->> 'related', strata.parse_function(rest) ->> 'args', v_path);
  end if;
  if not strata.collection_exists(f ->> 'related') then
    perform strata.collection_forbidden(f ->> 'related', v_path);
  end if;
  return format('(select %s from public.%I %s where %s.%I = %s)',
    strata.sort_expr(f ->> 'related', a2, rest, v_path, p_desc), f ->> 'related', a2, a2, f ->> 'related_pk',
    strata.column_ref(p_collection, p_alias, head));
end;
$$;
--! EndIncluded strata/read/sort_expr.sql
--! Included strata/read/select_function.sql
-- A function field of one level of a read (year(date), count(o2m), json(data, path), ...) as
-- a text-valued SQL expression. p_fn: strata.parse_function of the requested field; p_f: the
-- field it applies to; p_a2: the alias for a correlated subquery (count of an o2m list).
create or replace function strata.select_function(p_ctx strata.select_context, p_fn jsonb, p_f jsonb, p_a2 text)
returns text
language plpgsql
stable
security invoker
as $$
declare
  expr text;
begin
  if p_fn ->> 'fn' = 'json' then
    return strata.json_function_expr(p_ctx.collection, p_ctx.alias, p_fn, false, p_ctx.rel_path);
  end if;
  if p_fn ->> 'fn' = 'count' and p_f ->> 'kind' = 'o2m' then
    -- a list of a collection the request may not read: Directus's 403 naming it (filters and
    -- sorts count the rows the request may read, none there)
    if not strata.collection_exists(p_f ->> 'related') then
      perform strata.collection_forbidden(p_f ->> 'related', coalesce(p_ctx.rel_path || '.', '') || format('count(%s)', p_fn ->> 'field'));
    end if;
    return format('%s::text', strata.o2m_count_expr(p_ctx.collection, p_ctx.alias, p_f, p_a2));
  end if;
  expr := strata.function_expr(p_fn ->> 'fn', strata.column_ref(p_ctx.collection, p_ctx.alias, p_fn ->> 'field'), p_f ->> 'type');
  if expr is null then
    perform strata.invalid_query(format('Function "%s" can''t be used on field "%s"', p_fn ->> 'fn', p_fn ->> 'field'));
  end if;
  -- a function of a secret (year(), count() of a json array) reads as a concealed field:
  -- its result is part of the value the mask hides
  if strata.field_secret(p_ctx.collection, p_fn ->> 'field', p_f ->> 'special') then
    return strata.output_expr(strata.column_ref(p_ctx.collection, p_ctx.alias, p_fn ->> 'field'), p_f ->> 'type', 'conceal');
  end if;
  return format('(%s)::text', expr);
end;
$$;
--! EndIncluded strata/read/select_function.sql
--! Included strata/access/json_pick.sql
-- The members of a JSON object named in p_fields ('{*}': the whole value; null: nothing, null),
-- and those named in p_keep when there is any field to pick. A non-object value is kept only
-- whole. Used on revisions' data and delta and versions' delta (strata.revision_ref).
drop function if exists strata.json_pick(json, text[]);
create or replace function strata.json_pick(p_value json, p_fields text[], p_keep text[] default '{}')
returns json
language sql
immutable
parallel safe
security invoker
as $$
  select case
    when p_value is null or p_fields is null then null
    when '*' = any (p_fields) then p_value
    when json_typeof(p_value) <> 'object' then null
    else coalesce((select json_object_agg(e.key, e.value) from json_each(p_value) e
                   where e.key = any (p_fields) or e.key = any (p_keep)), '{}'::json)
  end
$$;
--! EndIncluded strata/access/json_pick.sql
--! Included strata/access/item_key_match.sql
-- SQL text: whether the row aliased p_alias of p_collection is the item whose key is the text
-- p_item (an SQL expression: a revision's or version's `item`), compared so that the primary key's
-- index serves it. `pk::text = item` would read every row of the table for each revision: the
-- text is cast to the key's type instead, and a text that can't be one names no row (not a cast
-- error).
create or replace function strata.item_key_match(p_collection text, p_alias text, p_item text)
returns text
language plpgsql
stable
security invoker
as $$
declare
  v_pk text := strata.primary_key(p_collection);
  v_type text := (select c.udt from strata.columns c where c.collection = p_collection and c.field = v_pk);
begin
  return case
    when v_type = 'uuid' then format('%s.%I = (case when %s ~* %L then %s end)::uuid', p_alias, v_pk, p_item,
      '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$', p_item)
    when v_type in ('int2', 'int4', 'int8') then format('%s.%I = (case when %s ~ %L then %s end)::int8', p_alias, v_pk, p_item,
      '^-?[0-9]{1,18}$', p_item)
    when v_type in ('varchar', 'text') then format('%s.%I = %s', p_alias, v_pk, p_item)
    else format('%s.%I::text = %s', p_alias, v_pk, p_item)
  end;
end;
$$;
--! EndIncluded strata/access/item_key_match.sql
--! Included strata/access/revision_ref.sql
-- How a non-admin request's read refers to a revision's data or delta, or a content version's
-- delta (strata.column_ref; both tables name the item by `collection` and `item`): only
-- the fields of the revised item that the request may read on that item, i.e. the fields of its
-- read permission rows on the item's collection whose row filter the item satisfies (a row
-- without a filter grants its fields on every item, existing or deleted); null when none does
-- (a hidden or deleted row under a filtered permission, a collection the request can't read).
-- p_keep: keys kept besides the item's fields (a version's `_user` and `_date`, who saved it last
-- and when). Directus 11/12 answer the stored value whole to anyone who may read the revision or
-- version (README "Compatibility notes"). Compiled once per query shape and policy set: a CASE on the
-- revision's collection with one branch per collection the request may read; filtered
-- permissions become a subquery on the item's row, evaluated by the request itself (row-level
-- security applies to it, as to every read). Security definer only to read the permission rows,
-- as strata.field_mask does; the filters are compiled without the request's field permissions.
drop function if exists strata.revision_ref(text, text);
create or replace function strata.revision_ref(p_alias text, p_field text, p_keep text[] default '{}')
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_action text := current_setting('strata.field_action', true);
  v_value text := format('%s.%I', p_alias, p_field);
  v_branches text[] := '{}';
  v_alias text;
  v_pk text;
  v_fields text[];
  v_conds text[];
  v_n int := 0;
  v_c record;
  v_p record;
begin
  perform set_config('strata.field_action', '', true);
  begin
    for v_c in select s.collection from strata.permissions s
             where s.action = 'read' and strata.has_policy(s.policy) group by s.collection order by s.collection loop
      v_fields := null;
      v_conds := '{}';
      v_n := v_n + 1;
      v_alias := p_alias || '_rv' || v_n;
      v_pk := strata.primary_key(v_c.collection);
      for v_p in select s.permissions, coalesce(s.fields, '') as fields from strata.permissions s
               where s.collection = v_c.collection and s.action = 'read' and strata.has_policy(s.policy) order by s.id loop
        if v_p.permissions is null or v_p.permissions in ('null'::jsonb, '{}'::jsonb) then
          v_fields := coalesce(v_fields, '{}') || string_to_array(v_p.fields, ',');
        elsif v_pk is not null then
          v_conds := v_conds || format('case when coalesce((%s), false) then %L::text[] end',
            strata.permission_sql(v_c.collection, v_alias, v_p.permissions), string_to_array(v_p.fields, ','));
        end if;
      end loop;
      if '*' = any (v_fields) then
        v_branches := v_branches || format('when %L then %s', v_c.collection, v_value);
      elsif cardinality(v_conds) = 0 then
        v_branches := v_branches || format('when %L then strata.json_pick(%s, %L::text[], %L::text[])', v_c.collection, v_value, v_fields, p_keep);
      else
        -- the unconditional fields, plus those of every filtered row the item matches
        v_branches := v_branches || format('when %L then strata.json_pick(%s, coalesce((select %s from public.%I %s where %s), %L::text[]), %L::text[])',
          v_c.collection, v_value,
          (select string_agg(format('array_cat(%s', x), ', ') from unnest(v_conds) x) || format(', %L::text[]', v_fields) || repeat(')', cardinality(v_conds)),
          v_c.collection, v_alias, strata.item_key_match(v_c.collection, v_alias, p_alias || '.item'), v_fields, p_keep);
      end if;
    end loop;
  exception when others then
    perform set_config('strata.field_action', coalesce(v_action, ''), true);
    raise;
  end;
  perform set_config('strata.field_action', coalesce(v_action, ''), true);
  if cardinality(v_branches) = 0 then return 'null::json'; end if;
  return format('(case %s.collection %s else null end)', p_alias, array_to_string(v_branches, ' '));
end;
$$;
--! EndIncluded strata/access/revision_ref.sql
--! Included strata/access/column_ref.sql
-- How the compiler refers to a column of the row aliased p_alias: the column itself, or, when
-- the request may read the field only on some rows (strata.field_mask), the column masked to
-- null on the others. Output, filters, sorts, search and aggregates all use this reference, so
-- a masked value can't be read, matched, ordered or counted through any of them.
-- A secret column the current role may not select (strata_request; strata.grant_table) is
-- referred to through strata.secret_mask: "**********" when set, null when not.
-- A revision's data and delta, and a content version's delta, read for a non-admin request, go
-- through strata.revision_ref: only the fields of the item the request may read there.
create or replace function strata.column_ref(p_collection text, p_alias text, p_field text)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_mask text := strata.field_mask(p_collection, p_alias, p_field);
  v_ref text := format('%s.%I', p_alias, p_field);
begin
  if not has_column_privilege(format('public.%I', p_collection)::regclass, p_field, 'SELECT') then
    return format('strata.secret_mask(%L, %L, %s.%I::text)', p_collection, p_field, p_alias, strata.primary_key(p_collection));
  end if;
  if ((p_collection = 'directus_revisions' and p_field in ('data', 'delta')) or (p_collection = 'directus_versions' and p_field = 'delta'))
     and nullif(current_setting('strata.field_action', true), '') is not null
     and not coalesce((strata.accountability() ->> 'admin')::boolean, false) then
    v_ref := strata.revision_ref(p_alias, p_field, case when p_collection = 'directus_versions' then '{_user,_date}'::text[] end);
  end if;
  if v_mask is null then return v_ref; end if;
  return format('(case when %s then %s end)', v_mask, v_ref);
end;
$$;
--! EndIncluded strata/access/column_ref.sql
--! Included system/directus_activity.sql
-- directus_activity: the action log. `user` deliberately has no foreign key (as in Directus), so
-- the log outlives deleted users; the legacy `comment` column is gone since 11.1 (directus_comments).
create table if not exists directus_activity (
  id serial not null,
  action varchar(45) not null,
  "user" uuid,
  "timestamp" timestamptz not null default current_timestamp,
  ip varchar(50),
  user_agent text,
  collection varchar(64) not null,
  item varchar(255) not null,
  origin varchar(255),
  constraint directus_activity_pkey primary key (id)
);

-- used by the activity retention job (20251028A).
create index if not exists directus_activity_timestamp_index on directus_activity ("timestamp");
-- an item's activity (/activity?filter[collection]&filter[item], the Data Studio's sidebar):
-- Strata's own, as directus_revisions_collection_item_index
create index if not exists directus_activity_collection_item_index on directus_activity (collection, item);
--! EndIncluded system/directus_activity.sql
--! Included system/directus_revisions.sql
-- directus_revisions: item snapshots (`data`) and changes (`delta`) per activity row; `parent`
-- links the revisions of a nested write, `version` a change saved into a content version.
create table if not exists directus_revisions (
  id serial not null,
  activity integer not null,
  collection varchar(64) not null,
  item varchar(255) not null,
  data json,
  delta json,
  parent integer,
  version uuid,
  constraint directus_revisions_pkey primary key (id),
  constraint directus_revisions_activity_foreign foreign key (activity) references directus_activity (id) on delete cascade,
  constraint directus_revisions_parent_foreign foreign key (parent) references directus_revisions (id),
  constraint directus_revisions_version_foreign foreign key (version) references directus_versions (id) on delete cascade
);

-- used by the retention job and the revisions lookups (20251028A, 20260113A).
create index if not exists directus_revisions_parent_index on directus_revisions (parent);
create index if not exists directus_revisions_activity_index on directus_revisions (activity);
-- an item's revisions (/revisions?filter[collection]&filter[item], Directus 8's
-- /items/:collection/:id/revisions, the Data Studio's revisions drawer): Strata's own, Directus
-- 12.4 has none and reads every revision row to find them.
create index if not exists directus_revisions_collection_item_index on directus_revisions (collection, item);
--! EndIncluded system/directus_revisions.sql
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
