--! Previous: sha1:e7cb41cf4ab5eeeb67e2b080dc58f883db3710c4
--! Hash: sha1:487af9f86e412e2cf98bf35933a6f5ace06cfea0
--! Message: graphql-free compiler refactor: explicit values, select split; change-event outbox

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000004-….sql.

--! Included strata/read/param.sql
-- The SQL text that reads one request value from the statement's single jsonb parameter by
-- its path, e.g. ($1 #>> '{filter,title,_eq}'). Values never enter the SQL text, so the
-- query's shape alone determines the statement (and its prepared plan).
--   p_values  null for a request (values come from $1); a document of values to embed as a
--             literal instead: strata.permission_sql passes {"filter": <the permission's
--             filter>}, so a row-level-security policy carries its own constants
drop function if exists strata.param(text[]);
create or replace function strata.param(p_path text[], p_values jsonb default null)
returns text
language sql
immutable
security invoker
as $$
  select format('(%s #>> %L)', coalesce(quote_literal(p_values::text) || '::jsonb', '$1::jsonb'), p_path::text)
$$;
--! EndIncluded strata/read/param.sql
--! Included strata/read/param_json.sql
-- Like strata.param, but the jsonb value itself (for arrays: _in, _between).
drop function if exists strata.param_json(text[]);
create or replace function strata.param_json(p_path text[], p_values jsonb default null)
returns text
language sql
immutable
security invoker
as $$
  select format('(%s #> %L)', coalesce(quote_literal(p_values::text) || '::jsonb', '$1::jsonb'), p_path::text)
$$;
--! EndIncluded strata/read/param_json.sql
--! Included strata/read/value_expr.sql
-- The text-valued SQL expression for a scalar filter value at p_path: a dynamic variable, or
-- the request's value by path (p_values: see strata.param).
drop function if exists strata.value_expr(jsonb, text[]);
create or replace function strata.value_expr(p_shape jsonb, p_path text[], p_values jsonb default null)
returns text
language sql
stable
security invoker
as $$
  select coalesce(case when jsonb_typeof(p_shape) = 'string' then strata.dynamic_value(p_shape #>> '{}') end,
                  strata.param(p_path, p_values))
$$;
--! EndIncluded strata/read/value_expr.sql
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
    else format('(select v::%s from jsonb_array_elements_text(%s) v)', p_cast,
    case
      when p_shape = '"$CURRENT_ROLES"' then 'strata.accountability() -> ''roles'''
      when p_shape = '"$CURRENT_POLICIES"' then 'strata.accountability() -> ''policies'''
      else strata.param_json(p_path, p_values)
    end)
  end
$$;
--! EndIncluded strata/read/list_expr.sql
--! Included strata/read/compile_json_filter.sql
-- Directus's _json filter operator on a json field: {"_json": {"<path>": {"_op": value}, "_and":
-- [...], "_or": [...]}} as a SQL boolean expression. Each path reads the value's text (->>);
-- a number as the compared value (or as the first value of _in/_nin/_between/_nbetween)
-- compares numerically, anything else as text, as Directus does. Values are read from $1 at
-- p_path like every filter value (numbers stay numbers in the query's shape, see
-- src/engine/shape.ts, so the choice follows the shape); the paths are part of the shape.
--   p_ref, p_udt  the json column reference and its PostgreSQL type
--   p_values      null, or the document values are embedded from (see strata.param)
drop function if exists strata.compile_json_filter(text, text, jsonb, text[]);
create or replace function strata.compile_json_filter(p_ref text, p_udt text, p_filter jsonb, p_path text[],
  p_values jsonb default null)
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
        subs := subs || strata.compile_json_filter(p_ref, p_udt, v -> i, p_path || k || i::text, p_values);
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
        '_json', case when num then 'numeric' else 'text' end, op, val, p_path || k || op, p_values);
    end loop;
  end loop;
  if cardinality(parts) = 0 then return 'true'; end if;
  return '(' || array_to_string(parts, ' and ') || ')';
end;
$$;
--! EndIncluded strata/read/compile_json_filter.sql
--! Included strata/read/compile_operator.sql
-- One filter operator on one value expression, as a SQL boolean expression.
--   p_ref   the compared SQL expression (a column or a function of one)
--   p_type  its Directus type (decides the allowed operators)
--   p_cast  the PostgreSQL type request values are cast to
--   p_shape the operator's value as the compiler sees it: null, a boolean for _null/_empty,
--           a dynamic variable, or anything else (the value itself is read from $1 at p_path)
--   p_values null, or the document values are embedded from (see strata.param)
drop function if exists strata.compile_operator(text, text, text, text, jsonb, text[]);
create or replace function strata.compile_operator(p_ref text, p_type text, p_cast text, p_op text, p_shape jsonb, p_path text[],
  p_values jsonb default null)
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
    return strata.compile_json_filter(p_ref, p_cast, p_shape, p_path, p_values);
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
    return format(case when p_op = '_in' then '(%s in %s)' else '(not (%s in %s))' end, p_ref, strata.list_expr(p_shape, p_path, p_cast, p_values));
  end if;

  if p_op in ('_between', '_nbetween') then
    return format('(%s%s between (%s)::%s and (%s)::%s)', case when p_op = '_nbetween' then 'not ' else '' end, p_ref,
      strata.param(p_path || '0'::text, p_values), p_cast, strata.param(p_path || '1'::text, p_values), p_cast);
  end if;

  if p_op in ('_intersects', '_nintersects', '_intersects_bbox', '_nintersects_bbox') then
    if to_regtype('geometry') is null then
      perform strata.invalid_query(format('"%s" needs PostGIS, which is not installed in this database', p_op));
    end if;
    return format('(%sst_intersects(%s, st_geomfromgeojson(%s)))',
      case when p_op like '\_n%' then 'not ' else '' end,
      case when p_op like '%bbox' then format('st_envelope(%s)', p_ref) else p_ref end,
      strata.value_expr(p_shape, p_path, p_values));
  end if;

  v := strata.value_expr(p_shape, p_path, p_values);

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
--! Included strata/read/compile_operators.sql
-- The operators object of one field ({"_gt": 1, "_lt": 5}) as AND-ed conditions. A bare value
-- means _eq, as in Directus. p_values: see strata.param.
drop function if exists strata.compile_operators(text, text, text, jsonb, text[]);
create or replace function strata.compile_operators(p_ref text, p_type text, p_cast text, p_ops jsonb, p_path text[],
  p_values jsonb default null)
returns text
language plpgsql
stable
security invoker
as $$
declare
  op text;
  val jsonb;
  parts text[] := '{}';
begin
  if jsonb_typeof(p_ops) <> 'object' then
    return strata.compile_operator(p_ref, p_type, p_cast, '_eq', p_ops, p_path, p_values);
  end if;
  for op, val in select * from jsonb_each(p_ops) loop
    if left(op, 1) <> '_' or op in ('_and', '_or', '_some', '_none') then
      perform strata.invalid_query(format('"%s" is not a filter operator', op));
    end if;
    parts := parts || strata.compile_operator(p_ref, p_type, p_cast, op, val, p_path || op, p_values);
  end loop;
  if cardinality(parts) = 0 then return 'true'; end if;
  return array_to_string(parts, ' and ');
end;
$$;
--! EndIncluded strata/read/compile_operators.sql
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
    f := case when p_known ? fname then nullif(p_known #> array[fname, 'field'], 'null') else strata.resolve_field(p_collection, fname) end;
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
--! Included strata/access/permission_sql.sql
-- A permission row's filter as the SQL of a row-level-security policy over the row aliased
-- p_alias, compiled by the read engine's filter compiler with the row's own values embedded
-- as constants (so PostgreSQL can fold them and use indexes): the filter sits at {filter} of
-- the values document the compiler reads instead of $1 (p_values, see strata.param).
create or replace function strata.permission_sql(p_collection text, p_alias text, p_filter jsonb)
returns text
language plpgsql
volatile
security invoker
as $$
begin
  if p_filter is null or p_filter in ('null'::jsonb, '{}'::jsonb) then return 'true'; end if;
  return strata.compile_filter(p_collection, p_alias, p_filter, '{filter}', null,
    p_values => jsonb_build_object('filter', p_filter));
end;
$$;
--! EndIncluded strata/access/permission_sql.sql
--! Included strata/read/select_context.sql
-- What one level of a read is compiled from (strata.compile_select and its per-field-kind
-- helpers), one record instead of a dozen positional parameters:
--   collection    the collection this level reads
--   fields        the requested fields (the query's `fields`, or a relational field's children)
--   q, qpath, pfx where this level's query parts live in the request: the root query
--                 ({filter, sort, limit, ...} at '{}', prefix '') or a `deep` node
--                 ({_filter, _sort, _limit, ...} at its path, prefix '_')
--   alias         the SQL alias of this level's row; nested aliases extend it
--   depth         1 at the root (max_depth counts it)
--   opts          the compile options (mode, max_depth, default_limit, backlink, and for this
--                 level only `source` (a singleton's row of defaults) and `backlink_field`)
--   join_on       the correlation to the parent row (or the key lookup), or null
--   kind          'root', 'm2o' (one row) or 'o2m' (a list)
--   default_sort  the relation's sort field for o2m lists
--   rel_path      the relational path, for error messages (null at the root)
-- A type cannot be replaced in place: a change of its attributes needs `alter type`.
do $$
begin
  if to_regtype('strata.select_context') is null then
    create type strata.select_context as (
      collection text, fields jsonb, q jsonb, qpath text[], pfx text, alias text, depth int,
      opts jsonb, join_on text, kind text, default_sort text, rel_path text);
  end if;
end;
$$;
--! EndIncluded strata/read/select_context.sql
--! Included strata/read/select_child.sql
-- The context of a nested level read through the field named p_key of the level p_ctx: its
-- query parts are the `deep` node at p_deep_key (the key, or "<key>:<collection>" for a
-- many-to-any scope), one level deeper. The caller sets what depends on the relation
-- (collection, fields, alias, join_on, kind, default_sort, and opts' backlink_field).
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
  v.opts := p_ctx.opts - 'source' - 'backlink_field';
  v.rel_path := coalesce(p_ctx.rel_path || '.', '') || p_key;
  return v;
end;
$$;
--! EndIncluded strata/read/select_child.sql
--! Included strata/read/select_column.sql
-- A plain field of one level of a read (a column, or a many-to-one not expanded) as its
-- output expression (formats, concealed secrets, per-row field masks: strata.output_expr and
-- strata.column_ref). Child fields are an error on it.
create or replace function strata.select_column(p_ctx strata.select_context, p_entry jsonb, p_f jsonb)
returns text
language plpgsql
stable
security invoker
as $$
begin
  if jsonb_array_length(p_entry -> 'sub') > 0 then
    perform strata.field_error(p_ctx.collection, (p_entry ->> 'key') || '.' || (p_entry -> 'sub' ->> 0), p_ctx.rel_path);
  end if;
  return strata.output_expr(strata.column_ref(p_ctx.collection, p_ctx.alias, p_f ->> 'field'), p_f ->> 'type', p_f ->> 'special');
end;
$$;
--! EndIncluded strata/read/select_column.sql
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
--! Included strata/read/select_m2o.sql
-- A many-to-one field of one level of a read, expanded into the related item (child fields
-- named): one row as a JSON object by a correlated subquery. A many-to-one without child
-- fields reads as its plain column (strata.select_column). p_entry: the field's node of
-- strata.field_tree; p_f: the resolved field; p_a2: the alias of the related row.
create or replace function strata.select_m2o(p_ctx strata.select_context, p_entry jsonb, p_f jsonb, p_a2 text)
returns text
language plpgsql
stable
security invoker
as $$
declare
  v_child strata.select_context := strata.select_child(p_ctx, p_entry ->> 'key', p_entry ->> 'key');
begin
  v_child.collection := p_f ->> 'related';
  v_child.fields := p_entry -> 'sub';
  v_child.alias := p_a2;
  v_child.opts := v_child.opts || jsonb_build_object('backlink_field',
    (select one_field from strata.relations where many_collection = p_ctx.collection and many_field = p_f ->> 'field' limit 1));
  v_child.join_on := format('%s.%I = %s', p_a2, p_f ->> 'related_pk', strata.column_ref(p_ctx.collection, p_ctx.alias, p_f ->> 'field'));
  v_child.kind := 'm2o';
  return format('(select row_to_json(x.*) from (%s) x)', strata.compile_select(v_child));
end;
$$;
--! EndIncluded strata/read/select_m2o.sql
--! Included strata/read/select_o2m.sql
-- A one-to-many (or many-to-many) field of one level of a read: the related rows as a JSON
-- array built by a correlated subquery (their keys when no child field is named), limited by
-- the relation's default limit unless `deep` says otherwise. p_entry: the field's node of
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
  if jsonb_array_length(v_sub) = 0 then
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
--! Included strata/read/select_m2a.sql
-- A many-to-any field of one level of a read: the item as a CASE on the junction row's
-- collection, one correlated subquery per requested scope ("item:<collection>.<field>").
-- "item.*" without a scope expands into every allowed collection the caller may read; items
-- of the others are null (Directus); items of collections outside the requested scopes read
-- as their key. p_entry: the field's node of strata.field_tree; p_f: the resolved field;
-- p_a2: the prefix of the scopes' aliases.
create or replace function strata.select_m2a(p_ctx strata.select_context, p_entry jsonb, p_f jsonb, p_a2 text)
returns text
language plpgsql
stable
security invoker
as $$
declare
  v_sub jsonb := p_entry -> 'sub';
  v_hidden text[] := '{}';
  v_cases text[] := '{}';
  v_uncased text[] := '{}';
  v_scope text;
  v_scope_fields jsonb;
  v_allowed text;
  v_child strata.select_context;
begin
  if p_entry -> 'scopes' = '{}'::jsonb and jsonb_array_length(v_sub) > 0 then
    -- (collection_exists is false for a collection the request has no permission on)
    p_entry := jsonb_set(p_entry, '{scopes}', coalesce((select jsonb_object_agg(c, v_sub) from jsonb_array_elements_text(p_f -> 'allowed') c
      where strata.collection_exists(c)), '{}'));
    v_hidden := array(select c from jsonb_array_elements_text(p_f -> 'allowed') c where not strata.collection_exists(c) and to_regclass(format('public.%I', c)) is not null);
  elsif jsonb_array_length(v_sub) > 0 then
    perform strata.field_error(p_ctx.collection, (p_entry ->> 'key') || '.' || (v_sub ->> 0), p_ctx.rel_path);
  end if;
  for v_scope, v_scope_fields in select * from jsonb_each(p_entry -> 'scopes') loop
    if not (p_f -> 'allowed') ? v_scope or not strata.collection_exists(v_scope) then
      perform strata.field_error(p_ctx.collection, (p_entry ->> 'key') || ':' || v_scope, p_ctx.rel_path);
    end if;
    v_child := strata.select_child(p_ctx, p_entry ->> 'key', (p_entry ->> 'key') || ':' || v_scope);
    v_child.collection := v_scope;
    v_child.fields := v_scope_fields;
    v_child.alias := p_a2 || '_' || cardinality(v_cases);
    v_child.join_on := format('%s.%I::text = %s', v_child.alias, strata.primary_key(v_scope),
      strata.column_ref(p_ctx.collection, p_ctx.alias, p_f ->> 'field'));
    v_child.kind := 'm2o';
    v_cases := v_cases || format('when %L then (select row_to_json(x.*) from (%s) x)', v_scope, strata.compile_select(v_child));
  end loop;
  if cardinality(v_cases) = 0 and cardinality(v_hidden) = 0 then
    return strata.column_ref(p_ctx.collection, p_ctx.alias, p_f ->> 'field');
  end if;
  -- items of collections outside the requested scopes read as their key, typed as that
  -- collection's primary key (as Directus does)
  for v_allowed in select jsonb_array_elements_text(p_f -> 'allowed') loop
    if v_allowed = any(v_hidden) then
      v_uncased := v_uncased || format('when %L then null', v_allowed);
    elsif not (p_entry -> 'scopes') ? v_allowed and strata.collection_exists(v_allowed) then
      v_uncased := v_uncased || format('when %L then to_json((%s)::%s)', v_allowed,
        strata.column_ref(p_ctx.collection, p_ctx.alias, p_f ->> 'field'),
        (select udt from strata.columns where collection = v_allowed and field = strata.primary_key(v_allowed)));
    end if;
  end loop;
  -- the item's collection and key through strata.column_ref: an item the request may read
  -- only on some junction rows is null on the others, expanded or not
  return format('(case %s %s %s else to_json(%s) end)', strata.column_ref(p_ctx.collection, p_ctx.alias, p_f ->> 'collection_field'),
    array_to_string(v_cases, ' '), array_to_string(v_uncased, ' '), strata.column_ref(p_ctx.collection, p_ctx.alias, p_f ->> 'field'));
end;
$$;
--! EndIncluded strata/read/select_m2a.sql
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
    v_order := strata.compile_sort(p_ctx.collection, p_ctx.alias, (
      select jsonb_agg(case when v_alias ? ltrim(s, '-')
                         then to_jsonb(case when left(s, 1) = '-' then '-' else '' end || (v_alias ->> ltrim(s, '-')))
                         else to_jsonb(s) end order by o)
      from jsonb_array_elements_text(case when jsonb_typeof(p_ctx.q -> (p_ctx.pfx || 'sort')) = 'array' then p_ctx.q -> (p_ctx.pfx || 'sort') end)
        with ordinality x(s, o)), p_ctx.rel_path);
    if v_order is null then
      v_order := format('%s.%I', p_ctx.alias, coalesce(p_ctx.default_sort,
        case when p_ctx.kind = 'root' then (select sort_field from public.directus_collections where collection = p_ctx.collection) end,
        v_pk));
    end if;
    v_sql := v_sql || ' order by ' || v_order;
    if p_ctx.q ? (p_ctx.pfx || 'limit') then
      v_sql := v_sql || format(' limit nullif((%s)::int, -1)', strata.param(p_ctx.qpath || (p_ctx.pfx || 'limit')));
    elsif p_ctx.kind = 'o2m' then
      v_sql := v_sql || format(' limit %s', coalesce((p_ctx.opts ->> 'default_limit')::int, 100));
    end if;
    if p_ctx.q ? (p_ctx.pfx || 'offset') then
      v_sql := v_sql || format(' offset (%s)::int', strata.param(p_ctx.qpath || (p_ctx.pfx || 'offset')));
    end if;
  end if;
  return v_sql;
end;
$$;
--! EndIncluded strata/read/compile_select.sql
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
    v_join := format('r.%I = (%s)::%s', v_pk, strata.param('{key}'), v_pk_type);
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
--! Included strata/events/events_table.sql
-- The change-event outbox: one row per statement and action that changed a managed collection
-- (the strata.audit triggers write it, for API writes and plain SQL alike, in the writing
-- transaction: an aborted transaction leaves nothing). Realtime, flows and webhooks read it in
-- id order from the last id they saw (src/engine/events.ts); `NOTIFY strata_events, '<id>'` is
-- only a wake-up hint, the table is the truth. Pruned by strata.prune_events
-- (STRATA_EVENTS_RETENTION). Only the installing role reads or writes it: the request roles
-- have no privilege on it (access/install.sql).
--   keys: the primary keys of the rows the statement touched, as JSON values (a number for
--         integer keys, a string for uuid/string keys), in the transition table's order.
--   accountability: the statement's strata.accountability (user, role, roles, policies, admin,
--         app, ip, user_agent, origin); null for plain SQL.
--   txid: the writing transaction (pg_current_xact_id()).
create table if not exists strata.events (
  id bigserial primary key,
  collection text not null,
  action text not null check (action in ('create', 'update', 'delete')),
  keys jsonb not null,
  accountability jsonb,
  txid xid8 not null default pg_current_xact_id(),
  created_at timestamptz not null default now()
);
create index if not exists events_created_at on strata.events (created_at);
--! EndIncluded strata/events/events_table.sql
--! Included strata/events/prune_events.sql
-- Deletes change events older than p_older_than (the gateway calls it periodically with
-- STRATA_EVENTS_RETENTION); returns how many it deleted. A reader that was away longer than the
-- retention misses what was pruned. Internal: executable by the installing role only.
create or replace function strata.prune_events(p_older_than interval)
returns bigint
language sql
volatile
security invoker
set search_path = pg_catalog
as $$
  with gone as (delete from strata.events where created_at < now() - p_older_than returning 1)
  select count(*) from gone
$$;
--! EndIncluded strata/events/prune_events.sql
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
    values (TG_TABLE_NAME, case TG_OP when 'INSERT' then 'create' when 'UPDATE' then 'update' else 'delete' end, v_keys, v_acc)
    returning id into v_event;
    perform pg_notify('strata_events', v_event::text);
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
    strata.notify_schema_change, strata.notify_meta_change, strata.prune_events';
  -- executable by strata_admin (and the installing role) only
  v_schema text := 'strata.create_collection, strata.update_collection, strata.update_collections, strata.delete_collection,
    strata.create_field, strata.update_field, strata.update_fields, strata.delete_field,
    strata.create_relation, strata.update_relation, strata.delete_relation';
begin
  grant execute on all functions in schema strata to strata_request;
  execute format('revoke execute on function %s, %s from strata_request', v_internal, v_schema);
  if not exists (select from pg_roles where rolname = 'strata_admin') then return; end if;
  -- admins read and write every row (BYPASSRLS), through the same functions as requests plus
  -- the schema functions; auth and access-control machinery and credentials stay internal
  grant select, insert, update, delete, truncate, references on all tables in schema public to strata_admin;
  grant usage, select, update on all sequences in schema public to strata_admin;
  grant select, insert, update, delete on all tables in schema strata to strata_admin;
  revoke all on strata.login_attempts, strata.role_credentials, strata.events from strata_admin;
  grant usage, select on all sequences in schema strata to strata_admin;
  revoke all on sequence strata.events_id_seq from strata_admin; -- change events are the gateway's (events/events_table.sql)
  grant execute on all functions in schema strata to strata_admin;
  execute format('revoke execute on function %s from strata_admin', v_internal);
end;
$$;
--! EndIncluded strata/access/install.sql
