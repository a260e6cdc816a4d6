--! Previous: sha1:90df4ba838ef85998d786f3ef68623326d62e9ea
--! Hash: sha1:db097f57420fb6cc2640acb06003c18537e79d4e
--! Message: read engine: json() and _json, dynamic paths, aggregate order, m2a wildcard visibility; batch revisions

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000002-….sql.

-- revisions of API creates built once per statement (strata.revision_projection)
--! Included strata/audit/revision_projection.sql
-- The SQL expression building a revision's JSON for the row aliased p_alias, from the columns
-- a request wrote (in table order), each in the items API's format (kinds:
-- strata.revision_kinds). The same result as strata.revision_json(kinds, row_to_json(row),
-- columns), but built once per statement and evaluated by json_build_object, instead of
-- decomposing every row key by key. Null when there are too many columns for one
-- json_build_object (the caller then falls back to strata.revision_json).
create or replace function strata.revision_projection(p_table text, p_kinds jsonb, p_columns text[], p_alias text)
returns text
language sql
stable
security invoker
as $$
  select case when count(*) <= 50 then 'json_build_object(' || coalesce(string_agg(format('%L, %s', c.field,
    case p_kinds ->> c.field
      when 'mask' then format('case when %s.%I is null then null else ''"**********"''::json end', p_alias, c.field)
      when 'text' then format('to_json(%s.%I::text)', p_alias, c.field)
      when 'timestamp' then format('to_json(to_char(%s.%I at time zone ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"''))', p_alias, c.field)
      when 'dateTime' then format('to_json(to_char(%s.%I, ''YYYY-MM-DD"T"HH24:MI:SS''))', p_alias, c.field)
      when 'csv' then format('case when %1$s.%2$I = '''' then ''[]''::json else to_json(string_to_array(%1$s.%2$I, '','')) end', p_alias, c.field)
      else format('to_json(%s.%I)', p_alias, c.field)
    end), ', ' order by c.position), '') || ')' end
  from strata.columns c
  where c.collection = p_table and c.field = any(p_columns)
$$;
--! EndIncluded strata/audit/revision_projection.sql
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
begin
  if current_setting('strata.audit', true) = 'off' then
    return null; -- a DBA's bulk load: `set strata.audit = off` for the session
  end if;
  select c.accountability into v_mode from directus_collections c where c.collection = TG_TABLE_NAME;
  if not found then
    v_mode := 'all';
  elsif v_mode is null then
    return null;
  end if;
  select a.attname into v_pk from pg_index i
    join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
    where i.indrelid = TG_RELID and i.indisprimary;
  if v_pk is null then
    return null; -- Directus needs a primary key to name an item
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

-- relational paths in $CURRENT_USER.<path> / $CURRENT_ROLE.<path> (scalar and _in lists)
--! Included strata/read/dynamic_path_query.sql
-- The query (one text column `v`, zero or more rows) behind a dynamic variable with a path:
-- $CURRENT_USER.<field>[.<field>...] or $CURRENT_ROLE.<field>[...]. Each step but the last
-- follows a relation (m2o to the related row, o2m/m2m to its rows, as Directus resolves
-- `role.name` or `policies.policy`); the last is a column, or an o2m whose related keys are the
-- values. Null when p_value is not such a path. Secrets (password, tfa_secret, token, hash and
-- concealed fields) are never values: they would come back in a comparison's type error, or be
-- matched piece by piece.
create or replace function strata.dynamic_path_query(p_value text)
returns text
language plpgsql
stable
security invoker
as $$
declare
  m text[];
  v_path text[];
  v_collection text;
  v_from text;
  v_alias text := 't0';
  v_next text;
  f jsonb;
  i int;
begin
  m := regexp_match(p_value, '^\$CURRENT_(USER|ROLE)\.([A-Za-z0-9_]+(?:\.[A-Za-z0-9_]+)*)$');
  if m is null then return null; end if;
  v_collection := case m[1] when 'USER' then 'directus_users' else 'directus_roles' end;
  v_from := format('public.%I t0', v_collection);
  v_path := string_to_array(m[2], '.');
  for i in 1 .. cardinality(v_path) loop
    f := strata.resolve_field(v_collection, v_path[i]);
    if f is null or (v_collection = 'directus_users' and v_path[i] in ('password', 'tfa_secret', 'token'))
       or exists (select from public.directus_fields d where d.collection = v_collection and d.field = v_path[i]
                    and string_to_array(d.special, ',') && array['hash', 'conceal']) then
      perform strata.invalid_query(format('Unknown field "%s" in %s', v_path[i], p_value));
    end if;
    if i = cardinality(v_path) and f ->> 'kind' = 'column' then
      return format('select %s.%I::text as v from %s where t0.id = (strata.accountability() ->> %L)::uuid',
        v_alias, v_path[i], v_from, lower(m[1]));
    end if;
    v_next := 't' || i;
    if f ->> 'kind' = 'column' and f ->> 'related' is not null then
      v_from := v_from || format(' join public.%I %s on %s.%I = %s.%I', f ->> 'related', v_next, v_next, f ->> 'related_pk', v_alias, v_path[i]);
    elsif f ->> 'kind' = 'o2m' then
      v_from := v_from || format(' join public.%I %s on %s.%I = %s.%I', f ->> 'related', v_next, v_next, f ->> 'related_field', v_alias, strata.primary_key(v_collection));
      if i = cardinality(v_path) then
        return format('select %s.%I::text as v from %s where t0.id = (strata.accountability() ->> %L)::uuid',
          v_next, f ->> 'related_pk', v_from, lower(m[1]));
      end if;
    else
      perform strata.invalid_query(format('Unknown field "%s" in %s', v_path[i], p_value));
    end if;
    v_collection := f ->> 'related';
    v_alias := v_next;
  end loop;
end;
$$;
--! EndIncluded strata/read/dynamic_path_query.sql
--! Included strata/read/dynamic_value.sql
-- SQL text (a text-valued expression) for a Directus dynamic variable used as a filter value:
-- $NOW, $NOW(-1 year), $CURRENT_USER[.path], $CURRENT_ROLE[.path] (the first value of the path,
-- strata.dynamic_path_query). Null when p_value is not a dynamic variable. Array variables ($CURRENT_ROLES, $CURRENT_POLICIES) are handled by
-- strata.list_expr. Everything comes from the request's accountability setting, so the
-- statement stays the same for every user.
create or replace function strata.dynamic_value(p_value text)
returns text
language plpgsql
stable
security invoker
as $$
declare
  m text[];
  v_query text;
begin
  if p_value is null or left(p_value, 1) <> '$' then return null; end if;
  if p_value = '$NOW' then return 'now()::text'; end if;
  m := regexp_match(p_value, '^\$NOW\(\s*([+-]?\s*\d+(?:\.\d+)?\s*[a-zA-Z]+)\s*\)$');
  if m is not null then
    return format('(now() + %L::interval)::text', replace(m[1], ' ', '') );
  end if;
  if p_value = '$CURRENT_USER' then return '(select strata.accountability() ->> ''user'')'; end if;
  if p_value = '$CURRENT_ROLE' then return '(select strata.accountability() ->> ''role'')'; end if;
  v_query := strata.dynamic_path_query(p_value);
  if v_query is not null then
    return format('(select x.v from (%s) x limit 1)', v_query);
  end if;
  return null;
end;
$$;
--! EndIncluded strata/read/dynamic_value.sql
--! Included strata/read/list_expr.sql
-- A subquery yielding the values of an _in/_nin list, cast to the compared column's type: the
-- request's array at p_path, an array-valued dynamic variable ($CURRENT_ROLES,
-- $CURRENT_POLICIES), or every value of a dynamic path ($CURRENT_USER.policies.policy).
create or replace function strata.list_expr(p_shape jsonb, p_path text[], p_cast text)
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
    else format('(select v::%s from jsonb_array_elements_text(%s) v)', p_cast,
    case
      when p_shape = '"$CURRENT_ROLES"' then 'strata.accountability() -> ''roles'''
      when p_shape = '"$CURRENT_POLICIES"' then 'strata.accountability() -> ''policies'''
      else strata.param_json(p_path)
    end)
  end
$$;
--! EndIncluded strata/read/list_expr.sql

-- json(field, path) in fields/alias/sort and the _json filter operator (Directus 11.16+)
--! Included strata/read/json_path.sql
-- The path of Directus's json(field, path) function and _json filter operator, as its
-- segments: "a.b[0]" -> {a,b,0}. Object keys are separated by "." and array indexes (or keys)
-- written in brackets; there is no quoting, so a key is letters, digits, "_" or any other
-- non-ASCII character that is not white space or invisible. Like Directus: surrounding white
-- space is trimmed, a stray bracket or a trailing "." is tolerated ("a[0", "a."), and a path
-- starting with "." or holding "..", "[]", white space or ASCII punctuation (JSONPath's "$",
-- "@", "*", quotes, ...) is refused, as is one deeper than 10 segments.
-- The segments become SQL only through strata.json_path_expr, quoted as literals.
create or replace function strata.json_path(p_path text)
returns text[]
language plpgsql
immutable
parallel safe
security invoker
as $$
declare
  v text;
  segs text[];
begin
  v := regexp_replace(coalesce(p_path, ''),
    '^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$', '', 'g');
  if v = '' then
    perform strata.invalid_query('Invalid json() syntax: missing path');
  end if;
  if left(v, 1) = '.' or strpos(v, '..') > 0 or strpos(v, '[]') > 0
     or v !~ '^[A-Za-z0-9_.\[\]\u00a1-\u00ac\u00ae-\u167f\u1681-\u180d\u180f-\u1fff\u2010-\u2027\u2030-\u205e\u2070-\u2fff\u3001-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]+$' then
    perform strata.invalid_query('Invalid JSON path: unsupported path expression');
  end if;
  segs := array(select s from regexp_split_to_table(v, '[.\[\]]') s where s <> '');
  if cardinality(segs) = 0 then
    perform strata.invalid_query('Invalid JSON path: unsupported path expression');
  end if;
  if cardinality(segs) > 10 then
    perform strata.invalid_query(format('JSON path depth (%s) exceeds allowed maximum of 10', cardinality(segs)));
  end if;
  return segs;
end;
$$;
--! EndIncluded strata/read/json_path.sql
--! Included strata/read/json_path_expr.sql
-- The SQL expression reading a json(field, path) value: the column (cast to json when it is
-- stored as text with the cast-json special) followed by one -> step per path segment, the
-- last one ->> when a text value is wanted (sorting, comparing). Like Directus, a segment that
-- is a plain array index ("0", "12", not "01") is an integer step, anything else a key; an
-- index beyond any array (> 2^31-1) reads as null. Keys enter the SQL as quoted literals: the
-- path is part of the query's shape (fields, sort and filter keys), so the statement text
-- still depends on the shape only.
create or replace function strata.json_path_expr(p_ref text, p_udt text, p_segs text[], p_as_text boolean)
returns text
language plpgsql
immutable
parallel safe
security invoker
as $$
declare
  v text := case when p_udt in ('json', 'jsonb') then p_ref else format('(%s)::json', p_ref) end;
  n int := cardinality(p_segs);
  op text;
begin
  for i in 1 .. n loop
    op := case when i = n and p_as_text then '->>' else '->' end;
    if p_segs[i] ~ '^(0|[1-9][0-9]{0,9})$' then
      if p_segs[i]::bigint > 2147483647 then
        return case when p_as_text then 'null::text' else 'null::json' end;
      end if;
      v := format('%s %s %s', v, op, p_segs[i]);
    else
      v := format('%s %s %L', v, op, p_segs[i]);
    end if;
  end loop;
  return '(' || v || ')';
end;
$$;
--! EndIncluded strata/read/json_path_expr.sql
--! Included strata/read/json_number.sql
-- A JSON value's text (->>) as a number for the _json filter's numeric comparisons (a number
-- given as the filter value compares numerically, as in Directus); null when the text is not a
-- number, so such values simply don't match (Directus fails the request with a 500).
create or replace function strata.json_number(p_text text)
returns numeric
language sql
immutable
parallel safe
security invoker
as $$
  select case when p_text ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]{1,4})?\s*$' then p_text::numeric end
$$;
--! EndIncluded strata/read/json_number.sql
--! Included strata/read/json_function_key.sql
-- The output name Directus gives json(field, path): "<field>_<segments joined by _>_json",
-- e.g. json(meta, a.b[0]) -> meta_a_b_0_json. PostgreSQL cuts column names at 63 bytes (and
-- Directus then silently drops the value): a longer name is refused, to be named with `alias`.
create or replace function strata.json_function_key(p_fn jsonb)
returns text
language plpgsql
immutable
security invoker
as $$
declare
  v_key text := (p_fn ->> 'field') || '_' || array_to_string(strata.json_path(p_fn ->> 'path'), '_') || '_json';
begin
  if octet_length(v_key) > 63 then
    perform strata.invalid_query(format('The name "%s" is longer than 63 bytes; name the value with "alias"', v_key));
  end if;
  return v_key;
end;
$$;
--! EndIncluded strata/read/json_function_key.sql
--! Included strata/read/json_function_expr.sql
-- The value of json(field, path) on the row aliased p_alias: the JSON value itself for output,
-- its text for sorting (p_as_text). The field must be a readable json field: anything else is
-- Directus's 403 (unknown or unreadable) or 400 "Invalid function specified".
create or replace function strata.json_function_expr(p_collection text, p_alias text, p_fn jsonb, p_as_text boolean, p_where text default null)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  f jsonb := strata.resolve_field(p_collection, p_fn ->> 'field');
begin
  if f is null then
    perform strata.field_error(p_collection, p_fn ->> 'field', p_where);
  end if;
  if f ->> 'kind' <> 'column' or f ->> 'type' <> 'json' then
    perform strata.invalid_query('Invalid function specified "json"');
  end if;
  return strata.json_path_expr(strata.column_ref(p_collection, p_alias, p_fn ->> 'field'), f ->> 'udt',
    strata.json_path(p_fn ->> 'path'), p_as_text);
end;
$$;
--! EndIncluded strata/read/json_function_expr.sql
--! Included strata/read/compile_json_filter.sql
-- Directus's _json filter operator on a json field: {"_json": {"<path>": {"_op": value}, "_and":
-- [...], "_or": [...]}} as a SQL boolean expression. Each path reads the value's text (->>);
-- a number as the compared value (or as the first value of _in/_nin/_between/_nbetween)
-- compares numerically, anything else as text, as Directus does. Values are read from $1 at
-- p_path like every filter value (numbers stay numbers in the query's shape, see
-- src/engine/shape.ts, so the choice follows the shape); the paths are part of the shape.
--   p_ref, p_udt  the json column reference and its PostgreSQL type
create or replace function strata.compile_json_filter(p_ref text, p_udt text, p_filter jsonb, p_path text[])
returns text
language plpgsql
stable
security invoker
as $$
declare
  k text;
  v jsonb;
  op text;
  val jsonb;
  segs text[];
  subs text[];
  parts text[] := '{}';
  t text;
  num boolean;
begin
  if jsonb_typeof(p_filter) is distinct from 'object' then
    perform strata.invalid_query('Invalid filter object');
  end if;
  for k, v in select * from jsonb_each(p_filter) loop
    if k in ('_and', '_or') then
      if jsonb_typeof(v) <> 'array' then perform strata.invalid_query('Invalid filter object'); end if;
      subs := '{}';
      for i in 0 .. jsonb_array_length(v) - 1 loop
        if jsonb_typeof(v -> i) <> 'object' then perform strata.invalid_query('Invalid filter object'); end if;
        subs := subs || strata.compile_json_filter(p_ref, p_udt, v -> i, p_path || k || i::text);
      end loop;
      if cardinality(subs) > 0 then
        parts := parts || ('(' || array_to_string(subs, case k when '_and' then ' and ' else ' or ' end) || ')');
      end if;
      continue;
    end if;
    if btrim(k) = '' then perform strata.invalid_query('"_json" path key must be a non-empty string'); end if;
    segs := strata.json_path(k);
    if jsonb_typeof(v) <> 'object' then perform strata.invalid_query('Invalid filter object'); end if;
    for op in select jsonb_object_keys(v) loop
      if left(op, 1) <> '_' then
        perform strata.invalid_query(format('"_json" path "%s" cannot contain a nested path "%s"; use a single flat path like "%s.%s"', k, op, k, op));
      end if;
      if not op = any(strata.operators_for_type('_json')) then
        perform strata.invalid_query(format('"_json" filter does not contain the "%s" filter operator', op));
      end if;
    end loop;
    t := strata.json_path_expr(p_ref, p_udt, segs, true);
    for op, val in select * from jsonb_each(v) loop
      num := op in ('_eq', '_neq', '_lt', '_lte', '_gt', '_gte', '_in', '_nin', '_between', '_nbetween')
        and (jsonb_typeof(val) = 'number' or (jsonb_typeof(val) = 'array' and jsonb_typeof(val -> 0) = 'number'));
      parts := parts || strata.compile_operator(case when num then format('strata.json_number(%s)', t) else t end,
        '_json', case when num then 'numeric' else 'text' end, op, val, p_path || k || op);
    end loop;
  end loop;
  if cardinality(parts) = 0 then return 'true'; end if;
  return '(' || array_to_string(parts, ' and ') || ')';
end;
$$;
--! EndIncluded strata/read/compile_json_filter.sql
--! Included strata/read/validate_json_filter.sql
-- The _json paths of a filter (anywhere in it, under any field), checked for syntax: see
-- strata.validate_json_paths. p_inside: p_filter is the object under a `_json` key.
create or replace function strata.validate_json_filter(p_filter jsonb, p_inside boolean)
returns void
language plpgsql
immutable
security invoker
as $$
declare
  k text;
  v jsonb;
begin
  if jsonb_typeof(p_filter) = 'array' then
    for v in select jsonb_array_elements(p_filter) loop perform strata.validate_json_filter(v, p_inside); end loop;
    return;
  end if;
  if jsonb_typeof(p_filter) is distinct from 'object' then return; end if;
  for k, v in select * from jsonb_each(p_filter) loop
    if k in ('_and', '_or') then
      perform strata.validate_json_filter(v, p_inside);
    elsif p_inside then
      if btrim(k) <> '' then perform strata.json_path(k); end if;
    elsif k = '_json' then
      perform strata.validate_json_filter(v, true);
    elsif jsonb_typeof(v) = 'object' then
      perform strata.validate_json_filter(v, false);
    end if;
  end loop;
end;
$$;
--! EndIncluded strata/read/validate_json_filter.sql
--! Included strata/read/validate_json_paths.sql
-- Directus checks the syntax of every json(field, path) call (in fields, sort, groupBy, alias)
-- and every _json filter path while it parses the query, before it looks at any field: a bad
-- path is a 400 even next to a field that does not exist. compile_read runs this first so the
-- errors come in the same order. p_q is the root query (p_pfx '') or a `deep` node ('_').
create or replace function strata.validate_json_paths(p_q jsonb, p_pfx text default '')
returns void
language plpgsql
immutable
security invoker
as $$
declare
  s text;
  m text[];
  k text;
  v jsonb;
begin
  if jsonb_typeof(p_q) is distinct from 'object' then return; end if;
  for s in
    select x from jsonb_array_elements_text(case when jsonb_typeof(p_q -> (p_pfx || 'fields')) = 'array' then p_q -> (p_pfx || 'fields') else '[]' end) x
    union all
    select x from jsonb_array_elements_text(case when jsonb_typeof(p_q -> (p_pfx || 'sort')) = 'array' then p_q -> (p_pfx || 'sort') else '[]' end) x
    union all
    select x from jsonb_array_elements_text(case when jsonb_typeof(p_q -> (p_pfx || 'groupBy')) = 'array' then p_q -> (p_pfx || 'groupBy') else '[]' end) x
    union all
    select x from jsonb_each_text(case when jsonb_typeof(p_q -> (p_pfx || 'alias')) = 'object' then p_q -> (p_pfx || 'alias') else '{}' end) e(k, x)
  loop
    for m in select regexp_matches(s, 'json\(([^()]*)\)', 'g') loop
      perform strata.json_path(strata.parse_function('json(' || m[1] || ')') ->> 'path');
    end loop;
  end loop;
  perform strata.validate_json_filter(p_q -> (p_pfx || 'filter'), false);
  for k, v in select * from jsonb_each(case when p_pfx = '' then coalesce(p_q -> 'deep', '{}') else p_q end) loop
    if left(k, 1) <> '_' then perform strata.validate_json_paths(v, '_'); end if;
  end loop;
end;
$$;
--! EndIncluded strata/read/validate_json_paths.sql
--! Included strata/read/parse_function.sql
-- Splits "year(date_created)" into {"fn": "year", "field": "date_created"}; null when the
-- name is not a function call. Unknown function names are refused with INVALID_QUERY.
-- json(field, path) gives {"fn": "json", "field", "path" (as written, see strata.json_path),
-- "args" (the text between the parentheses, which Directus names in its errors where json()
-- is not supported)}; its syntax errors are Directus's.
create or replace function strata.parse_function(p_name text)
returns jsonb
language plpgsql
immutable
security invoker
as $$
declare
  m text[];
  v_field text;
  v_path text;
  ws constant text := '^[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+|[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+$';
begin
  m := regexp_match(p_name, '^([a-zA-Z]+)\((.+)\)$');
  if m is null then return null; end if;
  if m[1] = 'json' then
    if position(',' in m[2]) = 0 then
      perform strata.invalid_query('Invalid json() syntax: requires json(field, path) format');
    end if;
    v_field := regexp_replace(split_part(m[2], ',', 1), ws, '', 'g');
    v_path := regexp_replace(substr(m[2], position(',' in m[2]) + 1), ws, '', 'g');
    if v_field = '' then perform strata.invalid_query('Invalid json() syntax: missing field name'); end if;
    if v_path = '' then perform strata.invalid_query('Invalid json() syntax: missing path'); end if;
    return jsonb_build_object('fn', 'json', 'field', v_field, 'path', v_path, 'args', m[2]);
  end if;
  if m[1] not in ('year', 'month', 'week', 'day', 'weekday', 'hour', 'minute', 'second', 'count') then
    perform strata.invalid_query(format('Invalid function "%s"', m[1]));
  end if;
  return jsonb_build_object('fn', m[1], 'field', m[2]);
end;
$$;
--! EndIncluded strata/read/parse_function.sql
--! Included strata/read/operators_for_type.sql
-- Directus's per-type filter operator allow-list.
create or replace function strata.operators_for_type(p_type text)
returns text[]
language sql
immutable
parallel safe
security invoker
as $$
  select case
    when p_type in ('string', 'text', 'csv', 'binary') then array['_contains', '_ncontains', '_icontains', '_nicontains',
      '_starts_with', '_nstarts_with', '_istarts_with', '_nistarts_with', '_ends_with', '_nends_with', '_iends_with',
      '_niends_with', '_eq', '_neq', '_empty', '_nempty', '_null', '_nnull', '_in', '_nin', '_regex']
    when p_type = 'uuid' then array['_eq', '_neq', '_null', '_nnull', '_in', '_nin']
    when p_type = 'boolean' then array['_eq', '_neq', '_null', '_nnull']
    when p_type = 'json' then array['_null', '_nnull', '_json']
    -- a value inside a json field, compared by the _json operator (strata.compile_json_filter)
    when p_type = '_json' then array['_eq', '_neq', '_ieq', '_nieq', '_lt', '_lte', '_gt', '_gte', '_in', '_nin',
      '_between', '_nbetween', '_null', '_nnull', '_empty', '_nempty', '_contains', '_ncontains', '_icontains',
      '_nicontains', '_starts_with', '_nstarts_with', '_istarts_with', '_nistarts_with', '_ends_with', '_nends_with',
      '_iends_with', '_niends_with']
    when p_type in ('integer', 'bigInteger', 'float', 'decimal', 'date', 'dateTime', 'time', 'timestamp') then
      array['_eq', '_neq', '_lt', '_lte', '_gt', '_gte', '_between', '_nbetween', '_null', '_nnull', '_in', '_nin']
    when p_type = 'geometry' then array['_eq', '_neq', '_null', '_nnull', '_intersects', '_nintersects',
      '_intersects_bbox', '_nintersects_bbox']
    when p_type = 'hash' then array['_empty', '_nempty', '_null', '_nnull']
    else array['_null', '_nnull']
  end
$$;
--! EndIncluded strata/read/operators_for_type.sql
--! Included strata/read/compile_operator.sql
-- One filter operator on one value expression, as a SQL boolean expression.
--   p_ref   the compared SQL expression (a column or a function of one)
--   p_type  its Directus type (decides the allowed operators)
--   p_cast  the PostgreSQL type request values are cast to
--   p_shape the operator's value as the compiler sees it: null, a boolean for _null/_empty,
--           a dynamic variable, or anything else (the value itself is read from $1 at p_path)
create or replace function strata.compile_operator(p_ref text, p_type text, p_cast text, p_op text, p_shape jsonb, p_path text[])
returns text
language plpgsql
stable
security invoker
as $$
declare
  v text;
  flag boolean;
  neg text := '';
  pattern text;
begin
  if p_op in ('_intersects', '_nintersects', '_intersects_bbox', '_nintersects_bbox') and to_regtype('geometry') is null then
    perform strata.invalid_query(format('"%s" needs PostGIS, which is not installed in this database', p_op));
  end if;
  if not p_op = any(strata.operators_for_type(p_type)) then
    perform strata.invalid_query(format('"%s" field type does not contain the "%s" filter operator', p_type, p_op));
  end if;

  if p_op = '_json' then
    return strata.compile_json_filter(p_ref, p_cast, p_shape, p_path);
  end if;

  if p_op in ('_null', '_nnull', '_empty', '_nempty') then
    flag := case when p_shape in ('true', '"true"') then true when p_shape in ('false', '"false"') then false end;
    if flag is null then
      perform strata.invalid_query(format('"%s" has to be a boolean', p_op));
    end if;
    if p_op in ('_nnull', '_nempty') then flag := not flag; end if;
    if p_op in ('_null', '_nnull') then
      return format(case when flag then '(%s is null)' else '(%s is not null)' end, p_ref);
    end if;
    if p_type in ('string', 'text', 'csv', 'binary', '_json') then
      return format(case when flag then '(%1$s is null or %1$s = '''')' else '(%1$s is not null and %1$s <> '''')' end, p_ref);
    end if;
    return format(case when flag then '(%s is null)' else '(%s is not null)' end, p_ref);
  end if;

  if p_op in ('_in', '_nin') then
    return format(case when p_op = '_in' then '(%s in %s)' else '(not (%s in %s))' end, p_ref, strata.list_expr(p_shape, p_path, p_cast));
  end if;

  if p_op in ('_between', '_nbetween') then
    return format('(%s%s between (%s)::%s and (%s)::%s)', case when p_op = '_nbetween' then 'not ' else '' end, p_ref,
      strata.param(p_path || '0'::text), p_cast, strata.param(p_path || '1'::text), p_cast);
  end if;

  if p_op in ('_intersects', '_nintersects', '_intersects_bbox', '_nintersects_bbox') then
    if to_regtype('geometry') is null then
      perform strata.invalid_query(format('"%s" needs PostGIS, which is not installed in this database', p_op));
    end if;
    return format('(%sst_intersects(%s, st_geomfromgeojson(%s)))',
      case when p_op like '\_n%' then 'not ' else '' end,
      case when p_op like '%bbox' then format('st_envelope(%s)', p_ref) else p_ref end,
      strata.value_expr(p_shape, p_path));
  end if;

  v := strata.value_expr(p_shape, p_path);

  if p_op in ('_eq', '_neq') and p_shape = 'null' then
    return format(case when p_op = '_eq' then '(%s is null)' else '(%s is not null)' end, p_ref);
  end if;

  case p_op
    when '_eq' then return format('(%s = (%s)::%s)', p_ref, v, p_cast);
    when '_neq' then return format('(%s <> (%s)::%s)', p_ref, v, p_cast);
    when '_ieq' then return format('(lower(%s) = lower((%s)::%s))', p_ref, v, p_cast);
    when '_nieq' then return format('(lower(%s) <> lower((%s)::%s))', p_ref, v, p_cast);
    when '_lt' then return format('(%s < (%s)::%s)', p_ref, v, p_cast);
    when '_lte' then return format('(%s <= (%s)::%s)', p_ref, v, p_cast);
    when '_gt' then return format('(%s > (%s)::%s)', p_ref, v, p_cast);
    when '_gte' then return format('(%s >= (%s)::%s)', p_ref, v, p_cast);
    when '_regex' then return format('(%s ~ %s)', p_ref, v);
    else null;
  end case;

  -- the LIKE family: the value's own % and _ are escaped (Directus does not escape them; a
  -- search for "50%" should find "50%", not everything starting with "50")
  if p_op like '\_n%' and p_op <> '_neq' then neg := 'not '; end if;
  pattern := format('replace(replace(replace(%s, ''\'', ''\\''), ''%%'', ''\%%''), ''_'', ''\_'')', v);
  pattern := case
    when p_op like '%contains' then format('''%%'' || %s || ''%%''', pattern)
    when p_op like '%starts_with' then format('%s || ''%%''', pattern)
    else format('''%%'' || %s', pattern)
  end;
  return format('(%s%s %s %s)', neg, p_ref,
    case when p_op in ('_icontains', '_nicontains', '_istarts_with', '_nistarts_with', '_iends_with', '_niends_with') then 'ilike' else 'like' end,
    pattern);
end;
$$;
--! EndIncluded strata/read/compile_operator.sql
--! Included strata/read/compile_filter.sql
-- A Directus filter object as a SQL boolean expression over the row aliased p_alias.
-- Values are read from $1 at p_path (the filter's location in the request), so only the
-- filter's structure shapes the SQL. Relations: m2o paths and o2m/m2m `_some`/`_none`
-- (implicit `_some`) become EXISTS subqueries; `count(o2m)` a correlated count.
create or replace function strata.compile_filter(p_collection text, p_alias text, p_filter jsonb, p_path text[], p_where text default null)
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
      subs := '{}';
      for i in 0 .. jsonb_array_length(v) - 1 loop
        subs := subs || strata.compile_filter(p_collection, p_alias, v -> i, p_path || k || i::text, p_where);
      end loop;
      if cardinality(subs) > 0 then
        parts := parts || ('(' || array_to_string(subs, case k when '_and' then ' and ' else ' or ' end) || ')');
      end if;
      continue;
    end if;
    if left(k, 1) = '_' then
      perform strata.invalid_query(format('"%s" is not a field', k));
    end if;

    fn := strata.parse_function(k);
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
    f := strata.resolve_field(p_collection, fname);
    if f is null or (scope is not null and (f ->> 'kind' <> 'm2a' or not (f -> 'allowed') ? scope or not strata.collection_exists(scope))) then
      perform strata.field_error(p_collection, k, p_where);
    end if;
    -- aliases of nested subqueries extend the row's alias, so they never shadow an outer one
    a2 := p_alias || 'f' || n;

    if fn is not null then
      if fn ->> 'fn' = 'count' and f ->> 'kind' = 'o2m' then
        ref := format('(select count(*) from public.%I %s where %s.%I = %s.%I)', f ->> 'related', a2, a2, f ->> 'related_field',
          p_alias, strata.primary_key(p_collection));
      else
        ref := strata.function_expr(fn ->> 'fn', strata.column_ref(p_collection, p_alias, fname), f ->> 'type');
        if ref is null then
          perform strata.invalid_query(format('Function "%s" can''t be used on field "%s"', fn ->> 'fn', fname));
        end if;
      end if;
      parts := parts || strata.compile_operators(ref, 'integer', 'int8', v, p_path || k);

    elsif f ->> 'kind' = 'o2m' then
      child_pk := strata.primary_key(p_collection);
      if jsonb_typeof(v) = 'object' and (v ? '_some' or v ? '_none') then
        for k, v in select * from jsonb_each(v) loop
          if k not in ('_some', '_none') then
            perform strata.invalid_query('"_some" and "_none" can''t be combined with other keys');
          end if;
          parts := parts || format('(%sexists (select 1 from public.%I %s where %s.%I = %s.%I and %s))',
            case k when '_none' then 'not ' else '' end, f ->> 'related', a2 || k, a2 || k, f ->> 'related_field', p_alias, child_pk,
            strata.compile_filter(f ->> 'related', a2 || k, v, p_path || fname || k, fname));
        end loop;
      else
        parts := parts || format('(exists (select 1 from public.%I %s where %s.%I = %s.%I and %s))',
          f ->> 'related', a2, a2, f ->> 'related_field', p_alias, child_pk,
          strata.compile_filter(f ->> 'related', a2, v, p_path || fname, fname));
      end if;

    elsif f ->> 'kind' = 'column' and f ->> 'related' is not null and jsonb_typeof(v) = 'object'
          and exists (select from jsonb_object_keys(v) key where left(key, 1) <> '_' or key in ('_and', '_or')) then
      -- a path through a many-to-one relation
      parts := parts || format('(exists (select 1 from public.%I %s where %s.%I = %s.%I and %s))',
        f ->> 'related', a2, a2, f ->> 'related_pk', p_alias, fname,
        strata.compile_filter(f ->> 'related', a2, v, p_path || fname, fname));

    elsif scope is not null then
      parts := parts || format('(%s.%I = %L and exists (select 1 from public.%I %s where %s.%I::text = %s.%I and %s))',
        p_alias, f ->> 'collection_field', scope, scope, a2, a2, strata.primary_key(scope), p_alias, fname,
        strata.compile_filter(scope, a2, v, p_path || k, k));

    elsif f ->> 'kind' = 'm2a' then
      perform strata.invalid_query('You have to provide a collection scope when sorting or filtering on a many-to-any item');

    elsif f ->> 'kind' = 'column' then
      if f ->> 'special' is not null and 'conceal' = any(string_to_array(f ->> 'special', ',')) and jsonb_typeof(v) = 'object' then
        for op in select jsonb_object_keys(v) loop
          if op not in ('_null', '_nnull', '_empty', '_nempty') then
            perform strata.invalid_query(format('Field with "conceal" special does not allow the "%s" filter operator', op));
          end if;
        end loop;
      end if;
      parts := parts || strata.compile_operators(strata.column_ref(p_collection, p_alias, fname), f ->> 'type', f ->> 'udt', v, p_path || fname);

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
-- a correlated scalar subquery.
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
    if f ->> 'kind' = 'm2a' then
      perform strata.invalid_query('You have to provide a collection scope when sorting or filtering on a many-to-any item');
    end if;
    if f is null or f ->> 'kind' not in ('column', 'o2m') then
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
      return format('(select count(*) from public.%I %s where %s.%I = %s.%I)', f ->> 'related', a2, a2, f ->> 'related_field',
        p_alias, strata.primary_key(p_collection));
    end if;
    expr := strata.function_expr(fn ->> 'fn', strata.column_ref(p_collection, p_alias, fn ->> 'field'), f ->> 'type');
    if expr is null then
      perform strata.invalid_query(format('Function "%s" can''t be used on field "%s"', fn ->> 'fn', fn ->> 'field'));
    end if;
    return expr;
  end if;

  f := strata.resolve_field(p_collection, head);
  if f is null or f ->> 'kind' <> 'column' or f ->> 'related' is null then
    perform strata.field_error(p_collection, head, p_where);
  end if;
  if left(rest, 5) = 'json(' then
    -- Directus does not sort by json() through a relation: the call reads as a field named by
    -- its arguments, which does not exist
    perform strata.field_error(f ->> 'related', strata.parse_function(rest) ->> 'args', head);
  end if;
  return format('(select %s from public.%I %s where %s.%I = %s.%I)',
    strata.sort_expr(f ->> 'related', a2, rest, head), f ->> 'related', a2, a2, f ->> 'related_pk', p_alias, head);
end;
$$;
--! EndIncluded strata/read/sort_expr.sql
--! Included strata/read/field_tree.sql
-- Groups a level's `fields` list into output entries, in request order, expanding `*`:
--   [{"key": output name, "field": real field or function, "sub": [nested paths],
--     "scopes": {"collection": [nested paths]} (many-to-any), "wildcard": bool}]
-- "author.name" and "author.id" become one entry with sub ["name","id"]; aliases (`alias`)
-- map output names to real fields; "year(date)" becomes key "date_year", "json(meta, a.b)"
-- key "meta_a_b_json" (strata.json_function_key).
-- A wildcard with a rest ("*.*", "*.name") expands like Directus: the relational fields
-- (many-to-one, one-to-many, many-to-any) first, each given the rest, then the other fields.
-- p_backlink (set when the request says backlink=false) names the field leading back to the
-- parent row: wildcards leave it unexpanded (it still reads as its key or list of keys).
drop function if exists strata.field_tree(text, jsonb, jsonb);
create or replace function strata.field_tree(p_collection text, p_fields jsonb, p_alias jsonb, p_backlink text default null)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  path text;
  head text;
  rest text;
  base text;
  scope text;
  fld text;
  fn jsonb;
  f jsonb;
  keys text[] := '{}';
  entries jsonb := '{}';
  e jsonb;
  key text;
  relational text[];
  out jsonb := '[]';
  v_star boolean := false;
begin
  for path in select jsonb_array_elements_text(coalesce(p_fields, '["*"]')) loop
    path := btrim(path);
    if path = '' then continue; end if;
    -- json(rel.field, path) reads as rel.json(field, path); a json() call is never split at the
    -- "."s of its path
    if left(path, 5) = 'json(' then
      fn := strata.parse_function(path);
      if fn is not null and position('.' in fn ->> 'field') > 0 then
        path := regexp_replace(fn ->> 'field', '\.[^.]*$', '') || '.json(' || regexp_replace(fn ->> 'field', '^.*\.', '')
          || ',' || (fn ->> 'path') || ')';
      end if;
    end if;
    if left(path, 5) = 'json(' then
      head := path;
      rest := null;
    else
      head := split_part(path, '.', 1);
      rest := nullif(substr(path, length(head) + 2), '');
    end if;

    if head = '*' then
      v_star := true;
      relational := '{}';
      if rest is not null then
        for fld in select strata.collection_fields(p_collection) loop
          f := strata.resolve_field(p_collection, fld);
          if (f ->> 'kind' in ('o2m', 'm2a') or f ->> 'related' is not null) and fld is distinct from p_backlink then
            relational := relational || fld;
          end if;
        end loop;
      end if;
      -- relational fields (expanded) first, then the rest in collection order
      for fld in select x from unnest(relational) x
                 union all (select x from strata.collection_fields(p_collection) x where not x = any(relational)) loop
        if not entries ? fld then
          keys := keys || fld;
          entries := entries || jsonb_build_object(fld, jsonb_build_object('key', fld, 'field', fld, 'sub', '[]'::jsonb, 'scopes', '{}'::jsonb, 'wildcard', true));
        end if;
        if fld = any(relational) and (entries #>> array[fld, 'wildcard'])::boolean then
          entries := jsonb_set(entries, array[fld, 'sub'], (entries #> array[fld, 'sub']) || to_jsonb(rest));
        end if;
      end loop;
      continue;
    end if;

    scope := null;
    base := head;
    if position(':' in head) > 0 and left(head, 5) <> 'json(' then
      base := split_part(head, ':', 1);
      scope := substr(head, length(base) + 2);
    end if;
    fld := coalesce(p_alias ->> base, base);
    fn := strata.parse_function(fld);
    key := case
      when fn is null or p_alias ? base then base
      when fn ->> 'fn' = 'json' then strata.json_function_key(fn)
      else (fn ->> 'field') || '_' || (fn ->> 'fn')
    end;

    if not entries ? key then
      keys := keys || key;
      entries := entries || jsonb_build_object(key, jsonb_build_object('key', key, 'field', fld, 'sub', '[]'::jsonb, 'scopes', '{}'::jsonb, 'wildcard', false));
    elsif (entries #>> array[key, 'wildcard'])::boolean then
      -- named explicitly after a wildcard: the explicit selection decides what is nested
      entries := jsonb_set(entries, array[key, 'wildcard'], 'false');
      entries := jsonb_set(entries, array[key, 'sub'], '[]');
    elsif fn ->> 'fn' = 'json' then
      -- two json() paths with the same name (a.b and a_b): the last one wins, as in Directus
      entries := jsonb_set(entries, array[key, 'field'], to_jsonb(fld));
    end if;
    if scope is not null then
      e := coalesce(entries #> array[key, 'scopes', scope], '[]'::jsonb) || to_jsonb(coalesce(rest, '*'));
      entries := jsonb_set(entries, array[key, 'scopes'], (entries #> array[key, 'scopes']) || jsonb_build_object(scope, e));
    elsif rest is not null then
      entries := jsonb_set(entries, array[key, 'sub'], (entries #> array[key, 'sub']) || to_jsonb(rest));
    end if;
  end loop;

  -- `*` also brings the request's aliases, after the fields, as in Directus
  if v_star then
    for key in select jsonb_object_keys(coalesce(p_alias, '{}')) loop
      if not entries ? key then
        keys := keys || key;
        entries := entries || jsonb_build_object(key, jsonb_build_object('key', key, 'field', p_alias ->> key,
          'sub', '[]'::jsonb, 'scopes', '{}'::jsonb, 'wildcard', true));
      end if;
    end loop;
  end if;

  foreach key in array keys loop
    out := out || jsonb_build_array(entries -> key);
  end loop;
  return out;
end;
$$;
--! EndIncluded strata/read/field_tree.sql
--! Included strata/read/compile_select.sql
-- One level of a read: SELECT <fields as named columns> FROM <collection> <alias> WHERE ...
-- ORDER BY ... LIMIT ... OFFSET ..., with relational fields as correlated subqueries that
-- build their JSON in the same statement (no N+1: PostgreSQL runs them per row, by index).
--
--   p_q, p_qpath, p_pfx  where this level's query parts live in the request: the root query
--                        ({filter, sort, limit, ...}, prefix '') or a `deep` node
--                        ({_filter, _sort, _limit, ...}, prefix '_')
--   p_join               the correlation to the parent row (or the key lookup), or null
--   p_kind               'root', 'm2o' (one row) or 'o2m' (a list)
--   p_default_sort       the relation's sort field for o2m lists
--   p_where              the relational path for error messages (null = root)
create or replace function strata.compile_select(
  p_collection text, p_fields jsonb, p_q jsonb, p_qpath text[], p_pfx text, p_alias text,
  p_depth int, p_opts jsonb, p_join text, p_kind text, p_default_sort text, p_where text)
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
  v_deep jsonb;
  v_deep_path text[];
  v_child_q jsonb;
  v_alias jsonb := coalesce(p_q -> (p_pfx || 'alias'), '{}');
  v_where text[] := '{}';
  v_mask text;
  v_order text;
  v_sql text;
  v_pk text := strata.primary_key(p_collection);
  v_sub jsonb;
  v_scope text;
  v_scope_fields jsonb;
  v_cases text[];
  v_path text;
  v_rel_pk text;
  v_allowed text;
  v_uncased text[];
  v_hidden text[];
  v_backlink text;
  v_child_opts jsonb;
  v_source text;
begin
  if p_depth > coalesce((p_opts ->> 'max_depth')::int, 10) then
    perform strata.invalid_query('Max relational depth exceeded');
  end if;

  if p_pfx = '' then
    v_deep := coalesce(p_q -> 'deep', '{}');
    v_deep_path := p_qpath || 'deep'::text;
  else
    v_deep := p_q;
    v_deep_path := p_qpath;
  end if;

  -- backlink=false: wildcards don't expand the field leading back to the parent row
  if p_opts ->> 'backlink' = 'false' then v_backlink := p_opts ->> 'backlink_field'; end if;
  -- a singleton without its row reads from a row of defaults instead of its table
  v_source := coalesce(p_opts ->> 'source', format('public.%I', p_collection));
  v_child_opts := p_opts - 'source' - 'backlink_field';

  for entry in select jsonb_array_elements(strata.field_tree(p_collection, p_fields, v_alias, v_backlink)) loop
    i := i + 1;
    a2 := p_alias || '_' || i;
    fn := strata.parse_function(entry ->> 'field');
    f := strata.resolve_field(p_collection, coalesce(fn ->> 'field', entry ->> 'field'));
    if f is null then
      perform strata.field_error(p_collection, coalesce(fn ->> 'field', entry ->> 'field'), p_where);
    end if;
    v_sub := entry -> 'sub';
    v_path := coalesce(p_where || '.', '') || (entry ->> 'key');
    v_child_q := coalesce(v_deep -> (entry ->> 'key'), '{}');
    expr := null;

    if fn ->> 'fn' = 'json' then
      expr := strata.json_function_expr(p_collection, p_alias, fn, false, p_where);

    elsif fn is not null then
      if fn ->> 'fn' = 'count' and f ->> 'kind' = 'o2m' then
        expr := format('(select count(*) from public.%I %s where %s.%I = %s.%I)::text', f ->> 'related', a2, a2,
          f ->> 'related_field', p_alias, v_pk);
      else
        expr := strata.function_expr(fn ->> 'fn', strata.column_ref(p_collection, p_alias, fn ->> 'field'), f ->> 'type');
        if expr is null then
          perform strata.invalid_query(format('Function "%s" can''t be used on field "%s"', fn ->> 'fn', fn ->> 'field'));
        end if;
        expr := format('(%s)::text', expr);
      end if;

    elsif f ->> 'kind' = 'alias' then
      continue; -- presentation fields hold no data

    elsif f ->> 'kind' = 'o2m' and (entry ->> 'wildcard')::boolean and not strata.collection_permitted(f ->> 'related') then
      continue; -- `*` leaves out lists of a collection the request can't read

    elsif f ->> 'kind' = 'o2m' then
      v_rel_pk := f ->> 'related_pk';
      v_sql := strata.compile_select(f ->> 'related',
        case when jsonb_array_length(v_sub) = 0 then jsonb_build_array(v_rel_pk) else v_sub end,
        v_child_q, v_deep_path || (entry ->> 'key'), '_', a2, p_depth + 1,
        v_child_opts || jsonb_build_object('backlink_field', f ->> 'related_field'),
        format('%s.%I = %s.%I', a2, f ->> 'related_field', p_alias, v_pk), 'o2m', f ->> 'sort_field', v_path);
      if jsonb_array_length(v_sub) = 0 then
        expr := format('(select coalesce(array_to_json(array_agg(x.%I)), ''[]''::json) from (%s) x)', v_rel_pk, v_sql);
      else
        expr := format('(select coalesce(array_to_json(array_agg(x.*)), ''[]''::json) from (%s) x)', v_sql);
      end if;

    elsif f ->> 'kind' = 'm2a' then
      -- "item.*" without a scope expands into every allowed collection the caller may read;
      -- items of the others are null (Directus)
      v_hidden := '{}';
      if entry -> 'scopes' = '{}'::jsonb and jsonb_array_length(v_sub) > 0 then
        -- (collection_exists is false for a collection the request has no permission on)
        entry := jsonb_set(entry, '{scopes}', coalesce((select jsonb_object_agg(c, v_sub) from jsonb_array_elements_text(f -> 'allowed') c
          where strata.collection_exists(c)), '{}'));
        v_hidden := array(select c from jsonb_array_elements_text(f -> 'allowed') c where not strata.collection_exists(c) and to_regclass(format('public.%I', c)) is not null);
      elsif jsonb_array_length(v_sub) > 0 then
        perform strata.field_error(p_collection, (entry ->> 'key') || '.' || (v_sub ->> 0), p_where);
      end if;
      v_cases := '{}';
      for v_scope, v_scope_fields in select * from jsonb_each(entry -> 'scopes') loop
        if not (f -> 'allowed') ? v_scope or not strata.collection_exists(v_scope) then
          perform strata.field_error(p_collection, (entry ->> 'key') || ':' || v_scope, p_where);
        end if;
        v_sql := strata.compile_select(v_scope, v_scope_fields,
          coalesce(v_deep -> ((entry ->> 'key') || ':' || v_scope), '{}'), v_deep_path || ((entry ->> 'key') || ':' || v_scope), '_',
          a2 || '_' || cardinality(v_cases), p_depth + 1, v_child_opts,
          format('%s.%I::text = %s.%I', a2 || '_' || cardinality(v_cases), strata.primary_key(v_scope), p_alias, f ->> 'field'),
          'm2o', null, v_path);
        v_cases := v_cases || format('when %L then (select row_to_json(x.*) from (%s) x)', v_scope, v_sql);
      end loop;
      if cardinality(v_cases) = 0 and cardinality(v_hidden) = 0 then
        expr := format('%s.%I', p_alias, f ->> 'field');
      else
        -- items of collections outside the requested scopes read as their key, typed as
        -- that collection's primary key (as Directus does)
        v_uncased := '{}';
        for v_allowed in select jsonb_array_elements_text(f -> 'allowed') loop
          if v_allowed = any(v_hidden) then
            v_uncased := v_uncased || format('when %L then null', v_allowed);
          elsif not (entry -> 'scopes') ? v_allowed and strata.collection_exists(v_allowed) then
            v_uncased := v_uncased || format('when %L then to_json((%s.%I)::%s)', v_allowed, p_alias, f ->> 'field',
              (select udt from strata.columns where collection = v_allowed and field = strata.primary_key(v_allowed)));
          end if;
        end loop;
        expr := format('(case %s.%I %s %s else to_json(%s.%I) end)', p_alias, f ->> 'collection_field',
          array_to_string(v_cases, ' '), array_to_string(v_uncased, ' '), p_alias, f ->> 'field');
      end if;

    elsif f ->> 'related' is not null and jsonb_array_length(v_sub) > 0 then
      -- many-to-one expanded into the related item
      v_sql := strata.compile_select(f ->> 'related', v_sub, v_child_q, v_deep_path || (entry ->> 'key'), '_', a2,
        p_depth + 1, v_child_opts || jsonb_build_object('backlink_field',
          (select one_field from strata.relations where many_collection = p_collection and many_field = f ->> 'field' limit 1)),
        format('%s.%I = %s', a2, f ->> 'related_pk', strata.column_ref(p_collection, p_alias, f ->> 'field')), 'm2o', null, v_path);
      expr := format('(select row_to_json(x.*) from (%s) x)', v_sql);

    else
      if jsonb_array_length(v_sub) > 0 then
        perform strata.field_error(p_collection, (entry ->> 'key') || '.' || (v_sub ->> 0), p_where);
      end if;
      expr := strata.output_expr(strata.column_ref(p_collection, p_alias, f ->> 'field'), f ->> 'type', f ->> 'special');
      -- reading one item and naming a field readable only on some rows: Directus answers 403
      -- for an item outside them, so the item must match the field's condition to be found
      if p_depth = 1 and p_opts ->> 'mode' = 'one' and not (entry ->> 'wildcard')::boolean then
        v_mask := strata.field_mask(p_collection, p_alias, f ->> 'field');
        if v_mask is not null then v_where := v_where || v_mask; end if;
      end if;
    end if;

    cols := cols || format('%s as %I', expr, entry ->> 'key');
  end loop;

  if p_join is not null then v_where := v_where || p_join; end if;
  if p_q ? (p_pfx || 'filter') then
    v_where := v_where || strata.compile_filter(p_collection, p_alias, p_q -> (p_pfx || 'filter'), p_qpath || (p_pfx || 'filter'), p_where);
  end if;
  if p_q ? (p_pfx || 'search') then
    v_where := v_where || strata.compile_search(p_collection, p_alias, p_qpath || (p_pfx || 'search'));
  end if;

  v_sql := format('select %s from %s %s', coalesce(nullif(array_to_string(cols, ', '), ''), ''), v_source, p_alias);
  if cardinality(v_where) > 0 then
    v_sql := v_sql || ' where ' || array_to_string(v_where, ' and ');
  end if;

  if p_kind <> 'm2o' then
    -- sorting by an alias sorts by what it names (a field or a function such as json())
    v_order := strata.compile_sort(p_collection, p_alias, (
      select jsonb_agg(case when v_alias ? ltrim(s, '-')
                         then to_jsonb(case when left(s, 1) = '-' then '-' else '' end || (v_alias ->> ltrim(s, '-')))
                         else to_jsonb(s) end order by o)
      from jsonb_array_elements_text(case when jsonb_typeof(p_q -> (p_pfx || 'sort')) = 'array' then p_q -> (p_pfx || 'sort') end)
        with ordinality x(s, o)), p_where);
    if v_order is null then
      v_order := format('%s.%I', p_alias, coalesce(p_default_sort,
        case when p_kind = 'root' then (select sort_field from public.directus_collections where collection = p_collection) end,
        v_pk));
    end if;
    v_sql := v_sql || ' order by ' || v_order;
    if p_q ? (p_pfx || 'limit') then
      v_sql := v_sql || format(' limit nullif((%s)::int, -1)', strata.param(p_qpath || (p_pfx || 'limit')));
    elsif p_kind = 'o2m' then
      v_sql := v_sql || format(' limit %s', coalesce((p_opts ->> 'default_limit')::int, 100));
    end if;
    if p_q ? (p_pfx || 'offset') then
      v_sql := v_sql || format(' offset (%s)::int', strata.param(p_qpath || (p_pfx || 'offset')));
    end if;
  end if;
  return v_sql;
end;
$$;
--! EndIncluded strata/read/compile_select.sql
--! Included strata/read/compile_aggregate.sql
-- `aggregate` (+ `groupBy`) as one grouped SELECT: group columns first (function columns as
-- "<field>_<fn>"), then one column per aggregate function, an object keyed by field
-- ({"sum": {"views": ...}}) except count(*), which is a plain value. Counts, and sums/averages
-- of integer and decimal fields, are strings as Directus returns them on PostgreSQL.
create or replace function strata.compile_aggregate(p_collection text, p_q jsonb, p_alias text, p_where text default null)
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
  for g in select jsonb_array_elements_text(coalesce(p_q -> 'groupBy', '[]')) loop
    fn := strata.parse_function(g);
    if fn ->> 'fn' = 'json' then
      -- Directus does not group by json(): a valid call reads as a field named by its arguments
      perform strata.json_path(fn ->> 'path');
      perform strata.field_error(p_collection, fn ->> 'args', p_where);
    end if;
    f := strata.resolve_field(p_collection, coalesce(fn ->> 'field', g));
    if f is null or f ->> 'kind' <> 'column' then perform strata.field_error(p_collection, coalesce(fn ->> 'field', g), p_where); end if;
    if fn is null then
      gexpr := strata.column_ref(p_collection, p_alias, g);
      key := g;
      cols := cols || format('%s as %I', strata.output_expr(gexpr, f ->> 'type', f ->> 'special'), key);
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
  for agg, fields in select e.key, e.value from jsonb_each(coalesce(p_q -> 'aggregate', '{}')) e
      left join lateral (select o.ord from jsonb_array_elements_text(coalesce(p_q -> 'aggregateOrder', '[]')) with ordinality o(k, ord)
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
      if f is null or f ->> 'kind' <> 'column' then perform strata.field_error(p_collection, fld, p_where); end if;
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
    if p_q ? 'sort' then
      v_order := '';
      for s in select jsonb_array_elements_text(p_q -> 'sort') loop
        if not ltrim(s, '-') = any(gkeys) and not ltrim(s, '-') = any(array(select jsonb_array_elements_text(p_q -> 'groupBy'))) then
          perform strata.invalid_query(format('Can''t sort by "%s": it is not grouped', ltrim(s, '-')));
        end if;
      end loop;
      v_order := strata.compile_sort(p_collection, p_alias, p_q -> 'sort', p_where);
    else
      v_order := groups[1];
    end if;
  end if;

  return format('select %s from public.%I %s%s%s%s%s%s',
    array_to_string(cols, ', '), p_collection, p_alias,
    case when p_q ? 'filter' or p_q ? 'search' then ' where ' || concat_ws(' and ',
      case when p_q ? 'filter' then strata.compile_filter(p_collection, p_alias, p_q -> 'filter', '{filter}', p_where) end,
      case when p_q ? 'search' then strata.compile_search(p_collection, p_alias, '{search}') end) else '' end,
    case when cardinality(groups) > 0 then ' group by ' || array_to_string(groups, ', ') else '' end,
    case when v_order is not null then ' order by ' || v_order else '' end,
    case when p_q ? 'limit' and cardinality(groups) > 0 then format(' limit nullif((%s)::int, -1)', strata.param('{limit}')) else '' end,
    case when p_q ? 'offset' and cardinality(groups) > 0 then format(' offset (%s)::int', strata.param('{offset}')) else '' end);
end;
$$;
--! EndIncluded strata/read/compile_aggregate.sql
--! Included strata/read/compile_read.sql
-- The read compiler's entry point: a normalized Directus query (or its shape: the same query
-- with values replaced, see src/engine/shape.ts) to ONE statement returning the whole
-- response body as text. The statement reads every value from its single jsonb parameter $1
-- (the full query), so equal shapes give equal SQL and share a prepared plan.
--   p_opts.mode: 'list' -> {"data":[...],"meta":{...}}; 'one' -> the item object or null
--                (the key is read from $1->'key'); 'singleton' -> the one row's object or null
--   p_opts.default_limit: per-parent limit of nested o2m lists (QUERY_LIMIT_DEFAULT)
--   p_opts.max_depth: MAX_RELATIONAL_DEPTH
create or replace function strata.compile_read(p_collection text, p_query jsonb, p_opts jsonb default '{}')
returns text
language plpgsql
stable
security invoker
as $$
declare
  v_mode text := coalesce(p_opts ->> 'mode', 'list');
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
  v_done text[] := '{}';
  -- every statement names its parameter, even a query without values, so it always has one
  v_from constant text := ' from (select $1::jsonb) as params';
begin
  -- json() and _json path syntax is checked first, as Directus checks it while parsing
  perform strata.validate_json_paths(p_query);
  if not strata.collection_exists(p_collection) then
    msg := format('You don''t have permission to access collection "%s" or it does not exist. Queried in root.', p_collection);
    perform strata.raise('FORBIDDEN', msg, jsonb_build_object('reason', msg));
  end if;
  v_pk := strata.primary_key(p_collection);

  v_pk_type := (select udt from strata.columns where collection = p_collection and field = v_pk);
  v_singleton := v_mode = 'singleton' or coalesce((select singleton from public.directus_collections where collection = p_collection), false);
  if v_mode = 'one' then
    v_join := format('r.%I = (%s)::%s', v_pk, strata.param('{key}'), v_pk_type);
  elsif p_query ? 'keys' then
    -- SEARCH {"keys": [...]}
    v_join := format('r.%I in (select v::%s from jsonb_array_elements_text($1::jsonb -> ''keys'') v)', v_pk, v_pk_type);
  end if;

  if p_query ? 'aggregate' or p_query ? 'groupBy' then
    v_rows := strata.compile_aggregate(p_collection, p_query, 'r');
  else
    v_rows := strata.compile_select(p_collection, p_query -> 'fields', p_query, '{}', '', 'r', 1, v_opts, v_join,
      case when v_mode = 'list' then 'root' else 'm2o' end, null, null);
  end if;

  if v_mode = 'one' then
    return format('select (select row_to_json(x.*) from (%s) x limit 1)::text%s', v_rows, v_from);
  end if;
  if v_singleton and not p_query ? 'aggregate' then
    -- a singleton reads as its one object; with no row yet, its fields' defaults
    -- the same selection over one row of the fields' defaults (the key null), so requested
    -- fields, their order and their formats are the same either way
    v_defaults := strata.compile_select(p_collection, p_query -> 'fields', p_query, '{}', '', 'r', 1,
      v_opts || jsonb_build_object('source', format('(select * from json_populate_record(null::public.%I, %L::json))',
        p_collection, strata.singleton_defaults(p_collection)::text)), null, 'm2o', null, null);
    return format('select ''{"data":'' || coalesce((select row_to_json(x.*) from (%s) x limit 1), (select row_to_json(x.*) from (%s) x))::text || ''}''%s',
      v_rows, v_defaults, v_from);
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
  return format('select ''{''%s || ''"data":'' || coalesce((select array_to_json(array_agg(x.*)) from (%s) x)::text, ''[]'') || ''}''%s',
    case when cardinality(v_meta) > 0 then ' || ''"meta":{'' || ' || array_to_string(v_meta, ' || '','' || ') || ' || ''},''' else '' end,
    v_rows, v_from);
end;
$$;
--! EndIncluded strata/read/compile_read.sql
