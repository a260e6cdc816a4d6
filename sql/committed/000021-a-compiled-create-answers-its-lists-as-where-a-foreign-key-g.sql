--! Previous: sha1:db7ff09069d6f06699927c9198d816cd5b26b149
--! Hash: sha1:c5dde0eaaadf7d7751e50ac04d92f9872248e41c
--! Message: A compiled create answers its lists as [] where a foreign key guarantees it; the schema version read by key; the accountability read once per compiled write

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000021-….sql.
--! Included strata/read/select_child.sql
-- The context of a nested level read through the field named p_key of the level p_ctx: its
-- query parts are the `deep` node at p_deep_key (the key, or "<key>:<collection>" for a
-- many-to-any scope), one level deeper. The caller sets what depends on the relation
-- (collection, fields, alias, join_on, kind, default_sort, and opts' backlink_field and page_*).
create or replace function strata.select_child(p_ctx strata.select_context, p_key text, p_deep_key text)
returns strata.select_context
language plpgsql
immutable
security invoker
as $$
declare
  v strata.select_context;
begin
  v.q := coalesce(case when p_ctx.pfx = '' then p_ctx.q -> 'deep' else p_ctx.q end -> p_deep_key, '{}');
  v.qpath := case when p_ctx.pfx = '' then p_ctx.qpath || 'deep'::text else p_ctx.qpath end || p_deep_key;
  v.pfx := '_';
  v.depth := p_ctx.depth + 1;
  -- a level's own options stay with it (a list read for the whole page: strata.select_o2m_page)
  v.opts := p_ctx.opts - 'source' - 'backlink_field' - 'page_keys' - 'page_key' - 'page_value' - 'created';
  v.rel_path := coalesce(p_ctx.rel_path || '.', '') || p_key;
  return v;
end;
$$;
--! EndIncluded strata/read/select_child.sql
--! Included strata/read/o2m_enforced.sql
-- Whether PostgreSQL itself guarantees that a row of p_collection with a key no row had before
-- has no related rows through the one-to-many field p_field (strata.resolve_field, kind 'o2m'):
-- the related table's foreign key column references p_collection's primary key through a
-- foreign key that is enforced, validated (no older row escaped it) and checked at once (not
-- deferrable: no row of an earlier statement of the transaction can name a key that did not
-- exist yet). Directus relations without such a constraint answer false. A DDL change bumps
-- the schema version, so compiled statements relying on it are compiled again.
create or replace function strata.o2m_enforced(p_collection text, p_field jsonb)
returns boolean
language sql
stable
security invoker
as $$
  select exists (
    select from pg_catalog.pg_constraint c
    join pg_catalog.pg_attribute fa on fa.attrelid = c.conrelid and fa.attnum = c.conkey[1]
    join pg_catalog.pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = c.confkey[1]
    where c.contype = 'f'
      and c.conrelid = to_regclass(format('public.%I', p_field ->> 'related'))
      and c.confrelid = to_regclass(format('public.%I', p_collection))
      and cardinality(c.conkey) = 1
      and fa.attname = p_field ->> 'related_field'
      and pa.attname = strata.primary_key(p_collection)
      and c.convalidated and not c.condeferrable
      -- (PostgreSQL 18's NOT ENFORCED constraints; older versions enforce them all)
      and coalesce((to_jsonb(c) ->> 'conenforced')::boolean, true))
$$;
--! EndIncluded strata/read/o2m_enforced.sql
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
  if p_ctx.opts ? 'created' and not v_child.q ? '_aggregate' and strata.o2m_enforced(p_ctx.collection, p_f) then
    -- the row a compiled create has just inserted (compile_read's mode 'created'): a related
    -- row naming its key would have needed it to exist before this statement, which the
    -- foreign key forbids, and what the statement's triggers write its snapshot can't see
    expr := '''[]''::json';
  elsif v_child.q ? '_aggregate' then
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
--                'created' -> 'returning' for the row a compiled create has just inserted: its
--                one-to-many lists are '[]' where the database guarantees a new key has no
--                related rows (strata.o2m_enforced), without reading the related tables
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
  v_returning boolean := v_mode in ('returning', 'created');
begin
  if v_mode = 'created' then
    v_opts := v_opts || '{"created":true}';  -- (the root level's only: strata.select_child)
  end if;
  if v_mode in ('written', 'returning', 'created') then
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
-- own, a revision projection too wide), the trigger records it as it records every other write, and the
-- statement names the written columns for it (`strata.delta_cols`), as the write functions do.
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
          'from w, v c returning id, item)',
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
    'with v as materialized (select $1::jsonb is null as no_query, case when (select s.version::text from strata.schema_version s where s.id) is distinct from $3::text '
    'then strata.check_schema_version($3::text) end as checked, %s), '
    'w as (%s)%s select %s from w%s',
    -- (the request's accountability read once, in v, for the activity row, rather than in a
    -- subquery of the activity's CTE: 0.005-0.03 ms less per request, measured interleaved)
    case when v_record is not null then format('set_config(''strata.recorded'', %L, true) as recorded', p_collection)
      || case when v_mode is not null then ', nullif(pg_catalog.current_setting(''strata.accountability'', true), '''')::jsonb as acc' else '' end
         else format('set_config(''strata.delta_cols'', %L, true) as delta', jsonb_build_object('table', p_collection, 'columns', to_jsonb(v_written))) end,
    v_write, coalesce(v_record, ''),
    case when p_answer is not null and not v_own_triggers then format('(%s)', p_answer)
         else format('set_config(''strata.written_key'', w.%I::text, true)', v_pk) end,
    case when v_record is not null then ', e' else '' end));
end;
$$;
--! EndIncluded strata/write/compile_write.sql
--! Included strata/write/check_schema_version.sql
-- A write's first step: refuse it when the gateway prepared it with an older schema than the
-- database has now (p_version: strata.schema_version as the gateway's catalog last read it;
-- null when the caller is not a gateway, e.g. SQL calling strata.write_request itself). The
-- gateway hashes `hash` fields before sending a payload, and schema notifications arrive
-- asynchronously: a field made `hash` a moment ago would otherwise be stored in clear. The
-- gateway reloads its catalog and retries once on this error (src/engine/writer.ts); a second
-- refusal reaches the client as 503.
create or replace function strata.check_schema_version(p_version text)
returns void
language plpgsql
volatile
security invoker
as $$
begin
  if p_version is not null and p_version is distinct from (select version::text from strata.schema_version where id) then
    perform strata.raise('SERVICE_UNAVAILABLE', 'The schema changed while this write was prepared. Try again.', '{"reason":"SCHEMA_CHANGED"}');
  end if;
end;
$$;
--! EndIncluded strata/write/check_schema_version.sql
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
  v_version text := (select version::text from strata.schema_version where id);
  v_name text := 'strata.meta_' || md5(p_collection);
  v_cached text := current_setting(v_name, true);
  m jsonb;
  v_now jsonb := to_jsonb(now());
  v_user jsonb;
begin
  if v_cached is not null and v_version is not null and starts_with(v_cached, v_version || '|') then
    m := substr(v_cached, length(v_version) + 2)::jsonb;
  else
    m := strata.collection_meta(p_collection);
    if m is null then
      perform strata.collection_forbidden(p_collection);
    end if;
    -- most collections have no automatic values: cached with them (none), ready to return
    if m -> 'date_created' = '[]' and m -> 'user_created' = '[]' and m -> 'date_updated' = '[]' and m -> 'user_updated' = '[]' then
      m := m || '{"on_create":{},"on_update":{}}';
    end if;
    if v_version is not null then
      perform set_config(v_name, v_version || '|' || m::text, false);
    end if;
  end if;
  if m ? 'on_create' then
    return m;
  end if;
  if m -> 'user_created' <> '[]' or m -> 'user_updated' <> '[]' then
    v_user := strata.accountability() -> 'user';
  end if;
  return m || jsonb_build_object(
    'on_create', (select coalesce(jsonb_object_agg(f, v_now), '{}') from jsonb_array_elements_text(m -> 'date_created') f)
              || (select coalesce(jsonb_object_agg(f, v_user), '{}') from jsonb_array_elements_text(m -> 'user_created') f),
    'on_update', (select coalesce(jsonb_object_agg(f, v_now), '{}') from jsonb_array_elements_text(m -> 'date_updated') f)
              || (select coalesce(jsonb_object_agg(f, v_user), '{}') from jsonb_array_elements_text(m -> 'user_updated') f));
end;
$$;
--! EndIncluded strata/write/write_meta.sql
--! Included strata/audit/revision_kinds.sql
-- How each column of a table is written into revision `data`/`delta` so that revisions read
-- like the items API (Directus's formats): {column: kind}, kinds 'text' (bigInteger, decimal:
-- strings), 'timestamp' (ISO in UTC with milliseconds and Z), 'dateTime' (no zone), 'csv'
-- (array), 'mask' (hash and concealed fields: "**********"); other columns are left as
-- row_to_json writes them. Cached per connection, keyed by strata.schema_version (as
-- strata.write_meta is).
create or replace function strata.revision_kinds(p_table text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_version text := (select version::text from strata.schema_version where id);
  v_name text := 'strata.revfmt_' || md5(p_table);
  v_cached text := current_setting(v_name, true);
  v_kinds jsonb;
begin
  if v_cached is not null and v_version is not null and starts_with(v_cached, v_version || '|') then
    return substr(v_cached, length(v_version) + 2)::jsonb;
  end if;
  select coalesce(jsonb_object_agg(c.field, case
           when string_to_array(c.special, ',') && array['conceal', 'hash'] then 'mask'
           when c.type in ('bigInteger', 'decimal') then 'text'
           when c.type in ('timestamp', 'dateTime', 'csv') then c.type
         end) filter (where string_to_array(c.special, ',') && array['conceal', 'hash']
                         or c.type in ('bigInteger', 'decimal', 'timestamp', 'dateTime', 'csv')), '{}')
    into v_kinds
    from strata.columns c where c.collection = p_table;
  if v_version is not null then
    perform set_config(v_name, v_version || '|' || v_kinds::text, false);
  end if;
  return v_kinds;
end;
$$;
--! EndIncluded strata/audit/revision_kinds.sql
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
