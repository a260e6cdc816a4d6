--! Previous: sha1:db097f57420fb6cc2640acb06003c18537e79d4e
--! Hash: sha1:e7cb41cf4ab5eeeb67e2b080dc58f883db3710c4
--! Message: security trust boundary, bounded compile work, per-grant write checks, envelope once and value mode, schema version check

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000003-….sql.

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
  -- the last step's column, from the joined path, for the request's user (or role)
  v_select constant text := 'select %s.%I::text as v from %s where t0.id = (strata.accountability() ->> %L)::uuid';
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
      return format(v_select, v_alias, v_path[i], v_from, lower(m[1]));
    end if;
    v_next := 't' || i;
    if f ->> 'kind' = 'column' and f ->> 'related' is not null then
      v_from := v_from || format(' join public.%I %s on %s.%I = %s.%I', f ->> 'related', v_next, v_next, f ->> 'related_pk', v_alias, v_path[i]);
    elsif f ->> 'kind' = 'o2m' then
      v_from := v_from || format(' join public.%I %s on %s.%I = %s.%I', f ->> 'related', v_next, v_next, f ->> 'related_field', v_alias, strata.primary_key(v_collection));
      if i = cardinality(v_path) then
        return format(v_select, v_next, f ->> 'related_pk', v_from, lower(m[1]));
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
--! Included strata/read/field_secret.sql
-- Whether a field holds a secret: Directus's `conceal` and `hash` specials (password, static
-- token, TOTP secret, ...) and the system collections' secret columns Directus keeps in code.
-- A secret's value never takes part in a read, for anyone, admins included: it can be tested
-- for presence (_null, _nnull, _empty, _nempty) but is not searched, compared, sorted, grouped,
-- aggregated or passed to a function. Each of those is an oracle that gives the value away a
-- character at a time (GHSA-8jpw: `search` matched another user's tfa_secret and token), even
-- to a caller whose output shows the field masked.
create or replace function strata.field_secret(p_collection text, p_field text, p_special text)
returns boolean
language sql
immutable
parallel safe
security invoker
as $$
  select coalesce(string_to_array(p_special, ',') && array['conceal', 'hash'], false)
      or (p_collection, p_field) in (
        ('directus_users', 'password'), ('directus_users', 'token'), ('directus_users', 'tfa_secret'),
        ('directus_users', 'auth_data'), ('directus_shares', 'password'),
        ('directus_sessions', 'token'), ('directus_sessions', 'next_token'),
        ('directus_settings', 'ai_openai_api_key'), ('directus_settings', 'ai_anthropic_api_key'),
        ('directus_settings', 'ai_google_api_key'), ('directus_settings', 'ai_openai_compatible_api_key'),
        ('directus_settings', 'license_token'),
        ('directus_oauth_clients', 'client_secret_hash'), ('directus_oauth_codes', 'code_hash'),
        ('directus_oauth_tokens', 'code_hash'), ('directus_deployments', 'credentials'),
        ('directus_deployments', 'webhook_secret'))
$$;
--! EndIncluded strata/read/field_secret.sql
--! Included strata/read/compile_search.sql
-- Directus's `search`: any string/text field containing the term (case-insensitive), numeric
-- fields equal to it when it is a number, uuid fields equal to it when it is a uuid. Only
-- fields the request may read are searched (a hidden field must not answer "contains x?"),
-- and never a secret (strata.field_secret): a concealed field is readable, but only masked,
-- so "contains x?" would give away what the mask hides (GHSA-8jpw: tfa_secret and token).
-- Masked references (strata.column_ref) make a field readable on some rows null on the others.
create or replace function strata.compile_search(p_collection text, p_alias text, p_path text[])
returns text
language plpgsql
stable
security invoker
as $$
declare
  q text := strata.param(p_path);
  c record;
  parts text[] := '{}';
begin
  for c in select field, type, strata.column_ref(p_collection, p_alias, field) as ref from strata.columns
           where collection = p_collection and strata.field_permitted(p_collection, field)
             and not strata.field_secret(collection, field, special) order by position loop
    if c.type in ('string', 'text', 'csv') then
      parts := parts || format('%s ilike ''%%'' || replace(replace(replace(%s, ''\'', ''\\''), ''%%'', ''\%%''), ''_'', ''\_'') || ''%%''', c.ref, q);
    elsif c.type in ('integer', 'bigInteger', 'float', 'decimal') then
      parts := parts || format('(case when %s ~ ''^-?[0-9]+(\.[0-9]+)?$'' then %s = (%s)::numeric else false end)', q, c.ref, q);
    elsif c.type = 'uuid' then
      parts := parts || format('(case when %s ~* ''^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'' then %s = (%s)::uuid else false end)', q, c.ref, q);
    end if;
  end loop;
  if cardinality(parts) = 0 then return 'false'; end if;
  return '(' || array_to_string(parts, ' or ') || ')';
end;
$$;
--! EndIncluded strata/read/compile_search.sql
--! Included strata/read/o2m_join.sql
-- The correlation between a parent row (aliased p_alias) and its children through a
-- one-to-many field p_field (strata.resolve_field, kind 'o2m'), the child aliased
-- p_child_alias: the child's foreign key equals the parent's key. Per-row field masks apply
-- on both sides: the foreign key is read through strata.column_ref, so a child whose link the
-- request may not read is no child of the parent; and, unless p_with_mask is false (the
-- caller masks the whole value itself), a parent on which the request may not read the
-- one-to-many field has no children, in lists, counts and filters alike.
create or replace function strata.o2m_join(p_collection text, p_alias text, p_field jsonb, p_child_alias text,
  p_with_mask boolean default true)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_join text := format('%s = %s.%I', strata.column_ref(p_field ->> 'related', p_child_alias, p_field ->> 'related_field'),
    p_alias, strata.primary_key(p_collection));
  v_mask text;
begin
  if p_with_mask then
    v_mask := strata.field_mask(p_collection, p_alias, p_field ->> 'field');
  end if;
  if v_mask is null then return v_join; end if;
  return format('%s and %s', v_mask, v_join);
end;
$$;
--! EndIncluded strata/read/o2m_join.sql
--! Included strata/read/o2m_count_expr.sql
-- count(<o2m field>) on the row aliased p_alias: how many children it has (strata.o2m_join),
-- as a bigint. When the request may read the one-to-many field only on some rows
-- (strata.field_mask) the count is null on the others, like any masked field, so the number
-- of children of such a row can't be read, filtered or sorted on.
create or replace function strata.o2m_count_expr(p_collection text, p_alias text, p_field jsonb, p_child_alias text)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_count text := format('(select count(*) from public.%I %s where %s)', p_field ->> 'related', p_child_alias,
    strata.o2m_join(p_collection, p_alias, p_field, p_child_alias, false));
  v_mask text := strata.field_mask(p_collection, p_alias, p_field ->> 'field');
begin
  if v_mask is null then return v_count; end if;
  return format('(case when %s then %s end)', v_mask, v_count);
end;
$$;
--! EndIncluded strata/read/o2m_count_expr.sql
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
    if f ->> 'kind' = 'm2a' then
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
--! Included strata/read/json_function_expr.sql
-- The value of json(field, path) on the row aliased p_alias: the JSON value itself for output,
-- its text for sorting (p_as_text). The field must be a readable json field: anything else is
-- Directus's 403 (unknown or unreadable) or 400 "Invalid function specified".
-- A secret (strata.field_secret) is never sorted by (403, as an unreadable field), and its
-- json() reads as a concealed field does: "**********" when it holds a value, whatever the
-- path, so neither the value at the path nor whether the path exists leaks.
create or replace function strata.json_function_expr(p_collection text, p_alias text, p_fn jsonb, p_as_text boolean, p_where text default null)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  f jsonb := strata.resolve_field(p_collection, p_fn ->> 'field');
  v_segs text[];
  v_ref text;
begin
  if f is null then
    perform strata.field_error(p_collection, p_fn ->> 'field', p_where);
  end if;
  if f ->> 'kind' <> 'column' or f ->> 'type' <> 'json' then
    perform strata.invalid_query('Invalid function specified "json"');
  end if;
  v_segs := strata.json_path(p_fn ->> 'path');
  v_ref := strata.column_ref(p_collection, p_alias, p_fn ->> 'field');
  if strata.field_secret(p_collection, p_fn ->> 'field', f ->> 'special') then
    if p_as_text then
      perform strata.field_error(p_collection, p_fn ->> 'field', p_where);
    end if;
    return strata.output_expr(v_ref, f ->> 'type', 'conceal');
  end if;
  return strata.json_path_expr(v_ref, f ->> 'udt', v_segs, p_as_text);
end;
$$;
--! EndIncluded strata/read/json_function_expr.sql
--! Included strata/read/compile_aggregate.sql
-- `aggregate` (+ `groupBy`) as one grouped SELECT: group columns first (function columns as
-- "<field>_<fn>"), then one column per aggregate function, an object keyed by field
-- ({"sum": {"views": ...}}) except count(*), which is a plain value. Counts, and sums/averages
-- of integer and decimal fields, are strings as Directus returns them on PostgreSQL.
-- A secret (strata.field_secret) is neither grouped by nor aggregated, for anyone: it answers
-- like a field the caller may not read (groups, counts of distinct values and min/max order
-- are oracles of its value); count(*) / countAll never read a field.
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
    if f is null or f ->> 'kind' <> 'column' or strata.field_secret(p_collection, f ->> 'field', f ->> 'special') then
      perform strata.field_error(p_collection, coalesce(fn ->> 'field', g), p_where);
    end if;
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
--! Included strata/util/jsonb_or_null.sql
-- Text as jsonb, or null when it is empty or not JSON (a context that can't be parsed counts as
-- no context, rather than failing every statement of the session). On PostgreSQL 16+ a plain
-- SQL function (pg_input_is_valid); before, PL/pgSQL catching the cast's error, which costs a
-- subtransaction per call.
do $$
begin
  if current_setting('server_version_num')::int >= 160000 then
    create or replace function strata.jsonb_or_null(p_text text)
    returns jsonb
    language sql
    immutable
    parallel safe
    security invoker
    as $f$
      -- the cast outside the CASE: inlined with a constant argument, a cast inside a branch
      -- would be folded (and fail) whatever the condition says
      select (case when p_text <> '' and pg_catalog.pg_input_is_valid(p_text, 'jsonb') then p_text end)::jsonb
    $f$;
  else
    create or replace function strata.jsonb_or_null(p_text text)
    returns jsonb
    language plpgsql
    immutable
    parallel safe
    security invoker
    as $f$
    begin
      if p_text is null or p_text = '' then return null; end if;
      return p_text::jsonb;
    exception when others then
      return null;
    end;
    $f$;
  end if;
end;
$$;
--! EndIncluded strata/util/jsonb_or_null.sql
--! Included strata/auth/role_sees_all.sql
-- Whether the current PostgreSQL role sees every row without Strata's help: a superuser, a
-- BYPASSRLS role (strata_admin), or the role that installed Strata (owner of schema strata) and
-- its members. Only such a role may act as a Strata admin (strata.accountability()).
create or replace function strata.role_sees_all()
returns boolean
language sql
stable
parallel safe
security invoker
as $$
  select case
    when (select r.rolsuper or r.rolbypassrls from pg_catalog.pg_roles r where r.rolname = current_user) then true
    else pg_catalog.pg_has_role(current_user, (select n.nspowner from pg_catalog.pg_namespace n where n.nspname = 'strata'), 'usage')
  end
$$;
--! EndIncluded strata/auth/role_sees_all.sql
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
-- statement: the role is looked at (CASE evaluates in order) only when the answer depends on it.
create or replace function strata.accountability()
returns jsonb
language sql
stable
parallel safe
security invoker
as $$
  select case
    when v is null then
      case when strata.role_sees_all() then '{"user":null,"role":null,"roles":[],"policies":[],"admin":true,"app":true}'::jsonb
           else '{"user":null,"role":null,"roles":[],"policies":[],"admin":false,"app":false}'::jsonb end
    when jsonb_typeof(v -> 'admin') = 'boolean' and (v ->> 'admin')::boolean then
      case when strata.role_sees_all() then v else v || '{"admin":false}'::jsonb end
    else v
  end
  from (select strata.jsonb_or_null(current_setting('strata.accountability', true)) as v) s
$$;
--! EndIncluded strata/auth/accountability.sql
--! Included strata/access/request_role.sql
-- The PostgreSQL roles requests run as (the trust boundary; README "Security"):
--   strata_request  non-admin requests. Row-level security filters every table it touches; it
--                   may not select secret columns (strata.grant_table) and executes only the
--                   functions a request needs (access/install.sql).
--   strata_admin    admin requests. Bypasses row-level security (BYPASSRLS) but is not a
--                   superuser and owns nothing: it reads and writes rows, and changes the
--                   schema only through the strata.* schema functions.
-- The gateway LOGS IN as each of them (one connection pool per role) rather than switching
-- with SET ROLE: PostgreSQL lets a session switch to any role its login role may use, so a
-- request connection opened by the installing (often superuser) role could switch back. A
-- session logged in as strata_request is a member of nothing and can become nothing else.
-- Their passwords are random, kept in strata.role_credentials, which only the installing role
-- reads. Role names are global to the cluster: the databases of one cluster share the roles,
-- and the template-cloned test databases share their passwords; a second Strata database on a
-- cluster whose roles another one set up runs in the SET ROLE mode below. Without CREATEROLE (or, for
-- BYPASSRLS, a superuser) the roles can't be made: the gateway then switches roles with SET ROLE
-- on its own connection and logs a warning.
create table if not exists strata.role_credentials (
  role name primary key,
  password text not null
);
revoke all on strata.role_credentials from public;

do $$
declare
  v_role text;
  v_password text;
begin
  if not exists (select from pg_roles where rolname = 'strata_request') then
    create role strata_request nologin;
  end if;
  if not exists (select from pg_roles where rolname = 'strata_admin') then
    create role strata_admin nologin nosuperuser nocreatedb nocreaterole bypassrls;
  end if;
  foreach v_role in array array['strata_request', 'strata_admin'] loop
    execute format('grant %I to %I', v_role, current_user);
    -- a role that can already log in but has no password here belongs to another Strata
    -- database of this cluster: its password is left alone (this database's gateway then
    -- switches with SET ROLE; README "Security")
    if not exists (select from strata.role_credentials where role = v_role)
       and not (select rolcanlogin from pg_roles where rolname = v_role) then
      -- 244 bits from the cryptographic generator behind gen_random_uuid()
      v_password := replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
      execute format('alter role %I login password %L', v_role, v_password);
      insert into strata.role_credentials (role, password) values (v_role, v_password);
    end if;
  end loop;
exception when insufficient_privilege then
  raise warning 'strata: could not create or set up roles strata_request/strata_admin (needs CREATEROLE, and a superuser for BYPASSRLS): requests switch roles with SET ROLE';
end;
$$;
grant usage on schema public, strata to strata_request;
do $$
begin
  if exists (select from pg_roles where rolname = 'strata_admin') then
    grant usage on schema public, strata to strata_admin;
  end if;
end;
$$;
--! EndIncluded strata/access/request_role.sql
--! Included strata/access/secret_fields.sql
-- The secret fields of a collection (strata.field_secret: concealed or hashed fields and the
-- credentials of system collections). The request role can't select them (strata.grant_table);
-- its reads show "**********" through strata.secret_mask instead.
create or replace function strata.secret_fields(p_collection text)
returns setof text
language sql
stable
security invoker
as $$
  select c.field from strata.columns c
  where c.collection = p_collection and strata.field_secret(c.collection, c.field, c.special)
$$;
--! EndIncluded strata/access/secret_fields.sql
--! Included strata/access/secret_mask.sql
-- What a request that may not select a secret column reads in its place: "**********" when the
-- row's value is set, null when it is not (Directus's output for concealed fields). The compiler
-- calls it (through strata.column_ref) for the rows the request already reads, which RLS has
-- filtered; it answers for secret fields only, so it can't serve as a way around column
-- privileges for anything else.
create or replace function strata.secret_mask(p_collection text, p_field text, p_key text)
returns text
language plpgsql
stable
security definer
set search_path = pg_catalog, public
as $$
declare
  v_set boolean;
begin
  if not exists (select from strata.secret_fields(p_collection) f where f = p_field) then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  execute format('select %I is not null from public.%I where %I::text = $1', p_field, p_collection, strata.primary_key(p_collection))
    into v_set using p_key;
  return case when v_set then '**********' end;
end;
$$;
--! EndIncluded strata/access/secret_mask.sql
--! Included strata/access/grant_table.sql
-- The privileges of the request roles on a protected table: strata_request may write every
-- column and select all but the secret ones (column privileges: a table-level SELECT would cover
-- every column, so the readable ones are granted one by one and the secret ones revoked);
-- strata_admin may do anything to rows. Runs again when columns or their flags change.
create or replace function strata.grant_table(p_collection text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_readable text;
  v_secret text;
begin
  execute format('grant insert, update, delete on table public.%I to strata_request', p_collection);
  execute format('revoke select on table public.%I from strata_request', p_collection);
  select string_agg(quote_ident(a.attname), ', ' order by a.attnum) filter (where s.f is null),
         string_agg(quote_ident(a.attname), ', ' order by a.attnum) filter (where s.f is not null)
    into v_readable, v_secret
  from pg_attribute a
  left join strata.secret_fields(p_collection) s(f) on s.f = a.attname
  where a.attrelid = format('public.%I', p_collection)::regclass and a.attnum > 0 and not a.attisdropped;
  if v_readable is not null then
    execute format('grant select (%s) on table public.%I to strata_request', v_readable, p_collection);
  end if;
  if v_secret is not null then
    execute format('revoke select (%s) on table public.%I from strata_request', v_secret, p_collection);
  end if;
  -- the sequences behind serial and identity keys
  grant usage, select on all sequences in schema public to strata_request;
  if exists (select from pg_roles where rolname = 'strata_admin') then
    execute format('grant select, insert, update, delete, truncate, references on table public.%I to strata_admin', p_collection);
    grant usage, select, update on all sequences in schema public to strata_admin;
  end if;
end;
$$;
--! EndIncluded strata/access/grant_table.sql
--! Included strata/access/protect.sql
-- Puts a table under Strata's access control: row-level security on, privileges for
-- strata_request (rows are then filtered by the generated policies; secret columns can't be
-- selected at all: column privileges, whatever RLS shows), full privileges for strata_admin,
-- policies in sync. Runs again whenever the table's columns or their flags change
-- (strata.on_alter_table, strata.on_meta_change), so new columns get their grants.
create or replace function strata.protect(p_collection text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  execute format('alter table public.%I enable row level security', p_collection);
  perform strata.grant_table(p_collection);
  perform strata.sync_policies(p_collection);
end;
$$;
--! EndIncluded strata/access/protect.sql
--! Included strata/access/on_alter_table.sql
-- Columns added to (or renamed in) a protected table, through the schema API or with plain SQL,
-- get their column privileges at once (strata.grant_table): a new column is readable by the
-- request role unless it is secret.
create or replace function strata.on_alter_table()
returns event_trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_table text;
begin
  for v_table in select distinct c.relname from pg_event_trigger_ddl_commands() d
                 join pg_class c on c.oid = d.objid
                 where d.command_tag = 'ALTER TABLE' and d.schema_name = 'public' and c.relrowsecurity loop
    perform strata.grant_table(v_table);
  end loop;
end;
$$;
--! EndIncluded strata/access/on_alter_table.sql
--! Included strata/access/on_field_meta_change.sql
-- A field marked (or no longer marked) `conceal` or `hash` in directus_fields changes which
-- columns the request role may select: the collection's grants are redone.
create or replace function strata.on_field_meta_change()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_collection text;
begin
  v_collection := case when tg_op = 'DELETE' then old.collection else new.collection end;
  if exists (select from pg_class c join pg_namespace n on n.oid = c.relnamespace
             where n.nspname = 'public' and c.relname = v_collection and c.relrowsecurity) then
    perform strata.grant_table(v_collection);
  end if;
  return null;
end;
$$;
--! EndIncluded strata/access/on_field_meta_change.sql
--! Included strata/schema/add_foreign_key.sql
-- Adds the foreign key of a many-to-one relation: the many side's column references the related
-- collection's primary key, with the given referential actions (already validated).
create or replace function strata.add_foreign_key(p_collection text, p_field text, p_related text,
                                                  p_on_delete text, p_on_update text)
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_pk text := strata.primary_key(p_related);
begin
  if v_pk is null then
    perform strata.invalid_payload(format('Collection "%s" has no primary key', p_related));
  end if;
  perform strata.run_ddl(format('alter table public.%I add constraint %I foreign key (%I) references public.%I (%I) on delete %s on update %s',
                                p_collection, left(p_collection || '_' || p_field || '_foreign', 63), p_field,
                                p_related, v_pk, p_on_delete, p_on_update), p_collection, p_field);
end;
$$;
--! EndIncluded strata/schema/add_foreign_key.sql
--! Included strata/schema/save_meta.sql
-- Upserts one metadata row (directus_collections, directus_fields, directus_relations): the row
-- matching p_match gets the columns named in p_data; when there is none, a row of p_match and
-- p_data is inserted and the other columns take their defaults. Keys that are not columns are
-- ignored, as Directus ignores them. Values reach the table only through jsonb_populate_record.
create or replace function strata.save_meta(p_table regclass, p_match jsonb, p_data jsonb)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_all jsonb := coalesce(p_data, '{}') || p_match;
  v_cols text[];
  v_sets text;
  v_cond text;
  v_row jsonb;
begin
  select array_agg(a.attname::text order by a.attnum) into v_cols
  from pg_attribute a
  where a.attrelid = p_table and a.attnum > 0 and not a.attisdropped and v_all ? a.attname::text;

  select string_agg(format('t.%I = p.%I', k, k), ' and ') into v_cond from jsonb_object_keys(p_match) k;
  select string_agg(format('%I = p.%I', k, k), ', ') into v_sets from unnest(v_cols) k where not p_match ? k;

  if v_sets is not null then
    execute format('update %s t set %s from jsonb_populate_record(null::%s, $1) p where %s returning to_jsonb(t)',
                   p_table, v_sets, p_table, v_cond) into v_row using v_all;
  else
    execute format('select to_jsonb(t) from %s t, jsonb_populate_record(null::%s, $1) p where %s limit 1',
                   p_table, p_table, v_cond) into v_row using v_all;
  end if;

  if v_row is null then
    execute format('insert into %s as t (%s) select %s from jsonb_populate_record(null::%s, $1) p returning to_jsonb(t)',
                   p_table,
                   (select string_agg(format('%I', k), ', ') from unnest(v_cols) k),
                   (select string_agg(format('p.%I', k), ', ') from unnest(v_cols) k),
                   p_table) into v_row using v_all;
  end if;
  return v_row;
end;
$$;
--! EndIncluded strata/schema/save_meta.sql
--! Included strata/schema/create_collection.sql
-- POST /collections: one collection (object) or several (array). With `schema` an object (or
-- `fields` given) it creates the table, injecting an `id` integer auto-increment primary key
-- when no field is a primary key; with `schema: null` it registers a folder (meta only). Meta is
-- stored when given (always for folders). Returns the created collection(s).
create or replace function strata.create_collection(p_payload jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_name text;
  v_fields jsonb;
  v_meta jsonb;
  v_table boolean;
  v_item jsonb;
  v_out jsonb := '[]';
begin
  perform strata.require_admin();
  if jsonb_typeof(p_payload) = 'array' then
    for v_item in select value from jsonb_array_elements(p_payload) loop
      v_out := v_out || jsonb_build_array(strata.create_collection(v_item));
    end loop;
    return v_out;
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

  if v_table then
    if not exists (select from jsonb_array_elements(v_fields) f
                   where jsonb_typeof(f) = 'object' and f->'schema'->>'is_primary_key' = 'true') then
      v_fields := jsonb_build_array(jsonb_build_object(
        'field', 'id', 'type', 'integer',
        'meta', jsonb_build_object('interface', 'numeric', 'readonly', true, 'hidden', true),
        'schema', jsonb_build_object('is_primary_key', true, 'has_auto_increment', true))) || v_fields;
    end if;
    execute format('create table public.%I ()', v_name);
    if p_payload->'schema'->>'comment' is not null then
      execute format('comment on table public.%I is %L', v_name, p_payload->'schema'->>'comment');
    end if;
  end if;
  if v_meta is not null or not v_table then
    perform strata.save_meta('public.directus_collections', jsonb_build_object('collection', v_name),
                             coalesce(v_meta, '{}') - 'collection');
  end if;
  for v_item in select value from jsonb_array_elements(v_fields) loop
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
create or replace function strata.update_collection(p_collection text, p_payload jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
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
                             (p_payload->'meta') - 'collection');
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
create or replace function strata.update_collections(p_payload jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_item jsonb;
  v_out jsonb := '[]';
begin
  perform strata.require_admin();
  if jsonb_typeof(p_payload) is distinct from 'array' then
    perform strata.invalid_payload('Input should be an array of collection changes');
  end if;
  for v_item in select value from jsonb_array_elements(p_payload) loop
    if jsonb_typeof(v_item) <> 'object' or jsonb_typeof(v_item->'collection') is distinct from 'string' then
      perform strata.invalid_payload('"collection" is required');
    end if;
    v_out := v_out || jsonb_build_array(strata.update_collection(v_item->>'collection', v_item));
  end loop;
  return v_out;
end;
$$;
--! EndIncluded strata/schema/update_collections.sql
--! Included strata/schema/delete_collection.sql
-- DELETE /collections/:collection: drops the table (or view) and everything describing it:
-- its field and relation rows, the foreign keys and relation rows of other collections that
-- point at it (their columns stay, as plain values), o2m aliases on other collections that list
-- it, its place in many-to-any lists, and its folder children's link to it.
create or replace function strata.delete_collection(p_collection text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_oid oid;
  v_kind "char";
  r record;
begin
  perform strata.require_admin();
  if not strata.collection_known(p_collection) or p_collection like 'directus\_%' then
    perform strata.schema_forbidden(null);
  end if;
  select c.oid, c.relkind into v_oid, v_kind
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relname = p_collection and c.relkind in ('r', 'p', 'v', 'm', 'f');

  -- foreign keys of other tables referencing this one (with or without a relation row)
  for r in select con.conname, cl.relname from pg_constraint con join pg_class cl on cl.oid = con.conrelid
           where con.contype = 'f' and con.confrelid = v_oid and con.conrelid <> v_oid loop
    execute format('alter table public.%I drop constraint %I', r.relname, r.conname);
  end loop;
  -- o2m aliases elsewhere that list this collection's rows
  delete from public.directus_fields f using public.directus_relations rel
  where rel.many_collection = p_collection and rel.one_collection is not null
    and rel.one_collection <> p_collection and rel.one_field is not null
    and f.collection = rel.one_collection and f.field = rel.one_field;
  delete from public.directus_relations where many_collection = p_collection or one_collection = p_collection;
  update public.directus_relations
  set one_allowed_collections = nullif(array_to_string(array_remove(string_to_array(one_allowed_collections, ','), p_collection), ','), '')
  where p_collection = any(string_to_array(one_allowed_collections, ','));
  delete from public.directus_fields where collection = p_collection;
  update public.directus_collections set "group" = null where "group" = p_collection;
  delete from public.directus_collections where collection = p_collection;

  if v_oid is not null then
    perform strata.run_ddl(format('drop %s public.%I', case v_kind when 'v' then 'view' when 'm' then 'materialized view'
                                                          when 'f' then 'foreign table' else 'table' end, p_collection));
  end if;
end;
$$;
--! EndIncluded strata/schema/delete_collection.sql
--! Included strata/schema/create_field.sql
-- POST /fields/:collection (and each field of POST /collections): adds the column with the type,
-- size, nullability, default, key, uniqueness and index asked for, and the meta row when there
-- is meta to keep. Alias types (alias, o2m, m2m, m2a, ...) only get a meta row.
create or replace function strata.create_field(p_collection text, p_payload jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
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
    perform strata.save_meta('public.directus_fields', jsonb_build_object('collection', p_collection, 'field', v_field), v_meta);
  end if;
  return strata.field_json(p_collection, v_field);
end;
$$;
--! EndIncluded strata/schema/create_field.sql
--! Included strata/schema/update_field.sql
-- PATCH /fields/:collection/:field: changes the column (type, size, nullability, default,
-- uniqueness, index, comment) as far as the payload asks, then merges the meta. A type change
-- converts the existing values with a cast and keeps the special flags in step with the type.
create or replace function strata.update_field(p_collection text, p_field text, p_payload jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
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
  -- unknown fields, and the columns of system collections (which have no meta row), are off limits
  if (col.field is null and v_meta_row.id is null) or (p_collection like 'directus\_%' and v_meta_row.id is null) then
    perform strata.schema_forbidden(null);
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
    v_current := strata.field_schema(col.table_oid, col.position);
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
                             v_meta - 'id' - 'collection' - 'field');
  end if;
  return strata.field_json(p_collection, p_field);
end;
$$;
--! EndIncluded strata/schema/update_field.sql
--! Included strata/schema/update_fields.sql
-- PATCH /fields/:collection: a list of field changes ({field, type?, schema?, meta?}), applied
-- together.
create or replace function strata.update_fields(p_collection text, p_payload jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_item jsonb;
  v_out jsonb := '[]';
begin
  perform strata.require_admin();
  if jsonb_typeof(p_payload) is distinct from 'array' then
    perform strata.invalid_payload('Input should be an array of field changes');
  end if;
  for v_item in select value from jsonb_array_elements(p_payload) loop
    if jsonb_typeof(v_item) <> 'object' or jsonb_typeof(v_item->'field') is distinct from 'string' then
      perform strata.invalid_payload('"field" is required');
    end if;
    v_out := v_out || jsonb_build_array(strata.update_field(p_collection, v_item->>'field', v_item));
  end loop;
  return v_out;
end;
$$;
--! EndIncluded strata/schema/update_fields.sql
--! Included strata/schema/delete_field.sql
-- DELETE /fields/:collection/:field: drops the column (its foreign key and indexes go with it)
-- and the field's meta; relations on it are deleted, o2m relations listing it lose their alias,
-- and collection settings naming it (sort, archive) are cleared.
create or replace function strata.delete_field(p_collection text, p_field text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_column boolean;
  v_meta boolean;
begin
  perform strata.require_admin();
  if not strata.collection_known(p_collection) then
    perform strata.schema_forbidden('access', p_collection);
  end if;
  v_column := exists (select from strata.columns c where c.collection = p_collection and c.field = p_field);
  v_meta := exists (select from public.directus_fields f where f.collection = p_collection and f.field = p_field);
  if (not v_column and not v_meta) or (p_collection like 'directus\_%' and not v_meta) then
    perform strata.schema_forbidden(null);
  end if;
  if strata.primary_key(p_collection) = p_field then
    perform strata.invalid_payload(format('Field "%s" in collection "%s" is a primary key and can''t be deleted', p_field, p_collection));
  end if;

  delete from public.directus_relations where many_collection = p_collection and many_field = p_field;
  update public.directus_relations set one_field = null where one_collection = p_collection and one_field = p_field;
  update public.directus_fields set "group" = null where collection = p_collection and "group" = p_field;
  update public.directus_collections set sort_field = null where collection = p_collection and sort_field = p_field;
  update public.directus_collections set archive_field = null where collection = p_collection and archive_field = p_field;
  delete from public.directus_fields where collection = p_collection and field = p_field;
  if v_column then
    perform strata.run_ddl(format('alter table public.%I drop column %I', p_collection, p_field), p_collection, p_field);
  end if;
end;
$$;
--! EndIncluded strata/schema/delete_field.sql
--! Included strata/schema/create_relation.sql
-- POST /relations: records a relation and, for a many-to-one onto a table, creates the real
-- foreign key (`schema.on_delete` / `on_update`, NO ACTION by default; `schema: null` for none).
--   m2o: {collection, field, related_collection}
--   o2m: the same with meta.one_field (the alias on the related collection)
--   m2m: two such rows through a junction, each naming the other in meta.junction_field
--   m2a: related_collection null, meta.one_allowed_collections + meta.one_collection_field;
--        the item column holds keys of several collections, so it gets no foreign key
create or replace function strata.create_relation(p_payload jsonb)
returns jsonb
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
create or replace function strata.update_relation(p_collection text, p_field text, p_payload jsonb)
returns jsonb
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
    v_current := strata.relation_schema(p_collection, p_field);
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
--! Included strata/schema/delete_relation.sql
-- DELETE /relations/:collection/:field: drops the foreign key and the relation row. The column
-- stays, holding plain values, and so does an o2m alias field, as in Directus.
create or replace function strata.delete_relation(p_collection text, p_field text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_relation record;
  r record;
begin
  perform strata.require_admin();
  if not strata.collection_known(p_collection) then
    perform strata.invalid_payload(format('Collection "%s" doesn''t exist', p_collection));
  end if;
  if not exists (select from strata.columns c where c.collection = p_collection and c.field = p_field) then
    perform strata.invalid_payload(format('Field "%s" doesn''t exist in collection "%s"', p_field, p_collection));
  end if;
  select * into v_relation from strata.relations rel where rel.many_collection = p_collection and rel.many_field = p_field limit 1;
  if v_relation.many_field is null or (p_collection like 'directus\_%' and v_relation.meta_id is null) then
    perform strata.invalid_payload(format('Field "%s" in collection "%s" doesn''t have a relationship', p_field, p_collection));
  end if;
  for r in select con.conname from pg_constraint con
           join pg_class cl on cl.oid = con.conrelid
           join pg_namespace n on n.oid = cl.relnamespace and n.nspname = 'public'
           join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
           where con.contype = 'f' and array_length(con.conkey, 1) = 1
             and cl.relname = p_collection and a.attname = p_field loop
    execute format('alter table public.%I drop constraint %I', p_collection, r.conname);
  end loop;
  delete from public.directus_relations where many_collection = p_collection and many_field = p_field;
end;
$$;
--! EndIncluded strata/schema/delete_relation.sql
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
        expr := format('%s::text', strata.o2m_count_expr(p_collection, p_alias, f, a2));
      else
        expr := strata.function_expr(fn ->> 'fn', strata.column_ref(p_collection, p_alias, fn ->> 'field'), f ->> 'type');
        if expr is null then
          perform strata.invalid_query(format('Function "%s" can''t be used on field "%s"', fn ->> 'fn', fn ->> 'field'));
        end if;
        expr := format('(%s)::text', expr);
        -- a function of a secret (year(), count() of a json array) reads as a concealed field:
        -- its result is part of the value the mask hides
        if strata.field_secret(p_collection, fn ->> 'field', f ->> 'special') then
          expr := strata.output_expr(strata.column_ref(p_collection, p_alias, fn ->> 'field'), f ->> 'type', 'conceal');
        end if;
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
        strata.o2m_join(p_collection, p_alias, f, a2, false), 'o2m', f ->> 'sort_field', v_path);
      if jsonb_array_length(v_sub) = 0 then
        expr := format('(select coalesce(array_to_json(array_agg(x.%I)), ''[]''::json) from (%s) x)', v_rel_pk, v_sql);
      else
        expr := format('(select coalesce(array_to_json(array_agg(x.*)), ''[]''::json) from (%s) x)', v_sql);
      end if;
      -- a list the request may read only on some rows is null on the others (strata.field_mask)
      v_mask := strata.field_mask(p_collection, p_alias, f ->> 'field');
      if v_mask is not null then expr := format('(case when %s then %s end)', v_mask, expr); end if;

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
          format('%s.%I::text = %s', a2 || '_' || cardinality(v_cases), strata.primary_key(v_scope),
            strata.column_ref(p_collection, p_alias, f ->> 'field')),
          'm2o', null, v_path);
        v_cases := v_cases || format('when %L then (select row_to_json(x.*) from (%s) x)', v_scope, v_sql);
      end loop;
      if cardinality(v_cases) = 0 and cardinality(v_hidden) = 0 then
        expr := strata.column_ref(p_collection, p_alias, f ->> 'field');
      else
        -- items of collections outside the requested scopes read as their key, typed as
        -- that collection's primary key (as Directus does)
        v_uncased := '{}';
        for v_allowed in select jsonb_array_elements_text(f -> 'allowed') loop
          if v_allowed = any(v_hidden) then
            v_uncased := v_uncased || format('when %L then null', v_allowed);
          elsif not (entry -> 'scopes') ? v_allowed and strata.collection_exists(v_allowed) then
            v_uncased := v_uncased || format('when %L then to_json((%s)::%s)', v_allowed,
              strata.column_ref(p_collection, p_alias, f ->> 'field'),
              (select udt from strata.columns where collection = v_allowed and field = strata.primary_key(v_allowed)));
          end if;
        end loop;
        -- the item's collection and key through strata.column_ref: an item the request may read
        -- only on some junction rows is null on the others, expanded or not
        expr := format('(case %s %s %s else to_json(%s) end)', strata.column_ref(p_collection, p_alias, f ->> 'collection_field'),
          array_to_string(v_cases, ' '), array_to_string(v_uncased, ' '), strata.column_ref(p_collection, p_alias, f ->> 'field'));
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
--! Included strata/access/column_ref.sql
-- How the compiler refers to a column of the row aliased p_alias: the column itself, or, when
-- the request may read the field only on some rows (strata.field_mask), the column masked to
-- null on the others. Output, filters, sorts, search and aggregates all use this reference, so
-- a masked value can't be read, matched, ordered or counted through any of them.
-- A secret column the current role may not select (strata_request; strata.grant_table) is
-- referred to through strata.secret_mask: "**********" when set, null when not.
create or replace function strata.column_ref(p_collection text, p_alias text, p_field text)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_mask text := strata.field_mask(p_collection, p_alias, p_field);
begin
  if not has_column_privilege(format('public.%I', p_collection)::regclass, p_field, 'SELECT') then
    return format('strata.secret_mask(%L, %L, %s.%I::text)', p_collection, p_field, p_alias, strata.primary_key(p_collection));
  end if;
  if v_mask is null then return format('%s.%I', p_alias, p_field); end if;
  return format('(case when %s then %s.%I end)', v_mask, p_alias, p_field);
end;
$$;
--! EndIncluded strata/access/column_ref.sql
--! Included strata/read/check_secret_filter.sql
-- A filter on a secret (strata.field_secret) may only test its presence: _null, _nnull,
-- _empty, _nempty, as Directus allows on concealed fields. Any other operator (a bare value
-- is _eq) is Directus's 400 for concealed fields; a function of it (year(), count()) or a path
-- through it (a concealed many-to-one) is refused like a field the caller may not read. Both
-- would otherwise answer "is the secret x / does it start with x?".
--   p_field  the field (strata.resolve_field), p_key its key in the filter (maybe a function)
--   p_ops    the value under that key
create or replace function strata.check_secret_filter(p_collection text, p_field jsonb, p_key text, p_ops jsonb, p_where text)
returns void
language plpgsql
stable
security invoker
as $$
declare
  op text;
begin
  if p_field ->> 'kind' is distinct from 'column'
     or not strata.field_secret(p_collection, p_field ->> 'field', p_field ->> 'special') then
    return;
  end if;
  if p_key <> (p_field ->> 'field') then
    perform strata.field_error(p_collection, p_key, p_where);
  end if;
  for op in select case when jsonb_typeof(p_ops) = 'object' then k else '_eq' end
            from (select jsonb_object_keys(case when jsonb_typeof(p_ops) = 'object' then p_ops else '{"_eq": null}' end) k) keys loop
    if left(op, 1) <> '_' or op in ('_and', '_or') then
      -- a path through a concealed many-to-one (a plain column's bad key is compile_operators' error)
      if p_field ->> 'related' is not null then perform strata.field_error(p_collection, p_key, p_where); end if;
      continue;
    end if;
    -- an operator the type lacks keeps Directus's type error (compile_operator raises it)
    if op not in ('_null', '_nnull', '_empty', '_nempty') and op = any(strata.operators_for_type(p_field ->> 'type')) then
      perform strata.invalid_query(format('Field with "conceal" special does not allow the "%s" filter operator', op));
    end if;
  end loop;
end;
$$;
--! EndIncluded strata/read/check_secret_filter.sql
--! Included strata/read/compile_filter.sql
-- A Directus filter object as a SQL boolean expression over the row aliased p_alias.
-- Values are read from $1 at p_path (the filter's location in the request), so only the
-- filter's structure shapes the SQL. Relations: m2o paths and o2m/m2m `_some`/`_none`
-- (implicit `_some`) become EXISTS subqueries; `count(o2m)` a correlated count.
-- p_known: what the members of an enclosing _and/_or (same collection, same row) already know
-- of their fields, {"<field>": {"field": strata.resolve_field, "ref": strata.column_ref}}, so a
-- 10,000-member _or reads the catalog once per distinct field, not once per member.
drop function if exists strata.compile_filter(text, text, jsonb, text[], text);
create or replace function strata.compile_filter(p_collection text, p_alias text, p_filter jsonb, p_path text[], p_where text default null,
  p_known jsonb default null)
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
        subs := subs || strata.compile_filter(p_collection, p_alias, v -> i, p_path || k || i::text, p_where, v_known);
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
      parts := parts || strata.compile_operators(ref, 'integer', 'int8', v, p_path || k);

    elsif f ->> 'kind' = 'o2m' then
      child_pk := strata.primary_key(p_collection);
      if jsonb_typeof(v) = 'object' and (v ? '_some' or v ? '_none') then
        for k, v in select * from jsonb_each(v) loop
          if k not in ('_some', '_none') then
            perform strata.invalid_query('"_some" and "_none" can''t be combined with other keys');
          end if;
          parts := parts || format('(%sexists (select 1 from public.%I %s where %s and %s))',
            case k when '_none' then 'not ' else '' end, f ->> 'related', a2 || k, strata.o2m_join(p_collection, p_alias, f, a2 || k),
            strata.compile_filter(f ->> 'related', a2 || k, v, p_path || fname || k, fname));
        end loop;
      else
        parts := parts || format('(exists (select 1 from public.%I %s where %s and %s))',
          f ->> 'related', a2, strata.o2m_join(p_collection, p_alias, f, a2),
          strata.compile_filter(f ->> 'related', a2, v, p_path || fname, fname));
      end if;

    elsif f ->> 'kind' = 'column' and f ->> 'related' is not null and jsonb_typeof(v) = 'object'
          and exists (select from jsonb_object_keys(v) key where left(key, 1) <> '_' or key in ('_and', '_or')) then
      -- a path through a many-to-one relation
      parts := parts || format('(exists (select 1 from public.%I %s where %s.%I = %s and %s))',
        f ->> 'related', a2, a2, f ->> 'related_pk', strata.column_ref(p_collection, p_alias, fname),
        strata.compile_filter(f ->> 'related', a2, v, p_path || fname, fname));

    elsif scope is not null then
      -- the junction row's collection and item through strata.column_ref (per-row field masks)
      parts := parts || format('(%s = %L and exists (select 1 from public.%I %s where %s.%I::text = %s and %s))',
        strata.column_ref(p_collection, p_alias, f ->> 'collection_field'), scope, scope, a2, a2, strata.primary_key(scope),
        strata.column_ref(p_collection, p_alias, fname),
        strata.compile_filter(scope, a2, v, p_path || k, k));

    elsif f ->> 'kind' = 'm2a' then
      perform strata.invalid_query('You have to provide a collection scope when sorting or filtering on a many-to-any item');

    elsif f ->> 'kind' = 'column' then
      parts := parts || strata.compile_operators(coalesce(p_known #>> array[fname, 'ref'], strata.column_ref(p_collection, p_alias, fname)),
        f ->> 'type', f ->> 'udt', v, p_path || fname);

    else
      perform strata.invalid_query(format('Field "%s" can''t be filtered on', fname));
    end if;
  end loop;

  if cardinality(parts) = 0 then return 'true'; end if;
  return array_to_string(parts, ' and ');
end;
$$;
--! EndIncluded strata/read/compile_filter.sql
--! Included strata/access/write_grants.sql
-- The permission rows that may grant the request an action on a collection ("grants"), as a
-- JSON array in a fixed order: [{fields, filter, validation, presets}], where `fields` is null
-- for all fields ('*') or the list of fields, `filter` the row filter (`permissions`, null =
-- every item), `validation` null when there is none, and `presets` with their dynamic
-- variables resolved for this request. Each grant is judged on its own: a write must be
-- allowed as a whole by one grant (strata.check_write), never by a union of several.
create or replace function strata.write_grants(p_collection text, p_action text)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  select coalesce(jsonb_agg(jsonb_build_object(
           'fields', case when '*' = any(f.list) then null else to_jsonb(f.list) end,
           'filter', case when p.permissions is null or p.permissions in ('null'::jsonb, '{}'::jsonb) then null else p.permissions end,
           'validation', case when p.validation is null or p.validation in ('null'::jsonb, '{}'::jsonb) then null else p.validation end,
           'presets', (select coalesce(jsonb_object_agg(k, case v
                                 when '"$CURRENT_USER"' then coalesce(acc -> 'user', 'null')
                                 when '"$CURRENT_ROLE"' then coalesce(acc -> 'role', 'null')
                                 when '"$CURRENT_ROLES"' then coalesce(acc -> 'roles', '[]')
                                 when '"$CURRENT_POLICIES"' then coalesce(acc -> 'policies', '[]')
                                 when '"$NOW"' then to_jsonb(now())
                                 else v end), '{}')
                       from jsonb_each(case when jsonb_typeof(p.presets) = 'object' then p.presets else '{}' end) e(k, v)))
         order by p.policy, p.id), '[]')
  from strata.permissions p
  cross join (select strata.accountability() as acc) a
  cross join lateral (select array(select x from unnest(string_to_array(coalesce(p.fields, ''), ',')) x where x <> '') as list) f
  where p.collection = p_collection and p.action = p_action and strata.has_policy(p.policy)
$$;
--! EndIncluded strata/access/write_grants.sql
--! Included strata/access/grant_filter_sql.sql
-- A grant's row filter compiled to SQL over the row aliased `t` (strata.permission_sql, as the
-- row-level-security policies compile it). Compiled on every call: the SQL it returns is run by
-- security-definer functions (strata.grant_rows), so it must never come from a place the
-- request role can write to, such as a session setting used as a cache (README "Security").
create or replace function strata.grant_filter_sql(p_collection text, p_filter jsonb)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_action text := current_setting('strata.field_action', true);
  v_sql text;
begin
  -- a filter names fields by the schema, not by what the request may read
  perform set_config('strata.field_action', '', true);
  v_sql := strata.permission_sql(p_collection, 't', p_filter);
  perform set_config('strata.field_action', coalesce(v_action, ''), true);
  return v_sql;
end;
$$;
--! EndIncluded strata/access/grant_filter_sql.sql
--! Included strata/access/grant_rows.sql
-- Which of the given row filters (p_meta: strata.write_meta of the collection) each existing item satisfies: {"<key>": [positions in
-- p_filters]} for the items whose keys are in p_keys (keys of items that do not exist are
-- absent; a null filter matches every item). One statement for all items and filters. Like
-- Directus, a filter is evaluated on the stored item as it is (security definer: a relational
-- condition sees the related rows whether or not the request may read them); row-level
-- security still applies to the write itself. Internal: the request roles can't execute it
-- (it would answer any filter); strata.check_write and strata.check_created pass the
-- request's own permission filters.
drop function if exists strata.grant_rows(text, text, jsonb);
drop function if exists strata.grant_rows(text, jsonb, jsonb);
create or replace function strata.grant_rows(p_meta jsonb, p_filters jsonb, p_keys jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_collection text := p_meta ->> 'collection';
  v_cols text;
  v_out jsonb;
begin
  if jsonb_array_length(p_keys) = 0 then return '{}'; end if;
  select string_agg(format('case when coalesce((%s), false) then %s end',
                           case when jsonb_typeof(f) = 'object' then strata.grant_filter_sql(v_collection, f) else 'true' end, o - 1),
                    ', ' order by o)
    into v_cols
  from jsonb_array_elements(p_filters) with ordinality x(f, o);
  begin
    execute format('select coalesce(jsonb_object_agg(k.value #>> ''{}'', to_jsonb(array_remove(array[%s]::int[], null))), ''{}'') '
                   'from (select distinct value from jsonb_array_elements($1)) k join public.%I t on t.%I = (k.value #>> ''{}'')::%s',
                   coalesce(v_cols, ''), v_collection, p_meta ->> 'pk', p_meta ->> 'pk_type')
      into v_out using p_keys;
  exception when invalid_text_representation or numeric_value_out_of_range then
    -- a key that can't be one of this collection's keys names no item
    return '{}';
  end;
  return v_out;
end;
$$;
--! EndIncluded strata/access/grant_rows.sql
--! Included strata/access/check_item.sql
-- One item's payload against the grants that may write it (p_candidates: positions in
-- p_grants, see strata.check_write): the grants permitting every field the payload sets fill
-- the fields it leaves out with their presets, and at least one of them must accept the
-- result (a grant without validation accepts any payload). Returns {payload, filters}: the
-- payload to write and the row filters of the grants that allow it (null = any item).
create or replace function strata.check_item(p_collection text, p_grants jsonb, p_candidates jsonb, p_payload jsonb)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_fit int[];
  v_key text;
  v_payload jsonb := p_payload;
  v_presets jsonb := '{}';
  v_filters jsonb := '[]';
  v_failed text;
  v_first_failed text;
  g jsonb;
  i int;
begin
  if jsonb_array_length(p_candidates) = 0 then
    -- no grant's row filter matches the item (or it does not exist)
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  v_fit := array(select c::int from jsonb_array_elements_text(p_candidates) c
                 where p_grants -> c::int -> 'fields' = 'null'::jsonb
                    or not exists (select from jsonb_object_keys(p_payload) k where not (p_grants -> c::int -> 'fields') ? k)
                 order by c::int);
  if cardinality(v_fit) = 0 then
    -- name a field none of these grants permits, as Directus does; when each field is
    -- permitted by some grant but no grant permits them all, the write is refused as a whole
    select k into v_key from jsonb_object_keys(p_payload) k
    where not exists (select from jsonb_array_elements_text(p_candidates) c
                      where p_grants -> c::int -> 'fields' = 'null'::jsonb or (p_grants -> c::int -> 'fields') ? k)
    limit 1;
    if v_key is null then
      perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
    end if;
    perform strata.raise('FORBIDDEN', format('You don''t have permission to access field "%s" in collection "%s" or it does not exist.', v_key, p_collection),
      jsonb_build_object('collection', p_collection, 'field', v_key));
  end if;

  foreach i in array v_fit loop
    v_presets := v_presets || (p_grants -> i -> 'presets');
  end loop;
  v_payload := v_presets || p_payload;

  foreach i in array v_fit loop
    g := p_grants -> i;
    if g -> 'validation' = 'null'::jsonb then
      v_failed := null;
    else
      v_failed := strata.validation_failure(p_collection, g -> 'validation', v_payload);
    end if;
    if v_failed is null then
      v_filters := v_filters || jsonb_build_array(g -> 'filter');
    elsif v_first_failed is null then
      v_first_failed := v_failed;
    end if;
  end loop;
  if jsonb_array_length(v_filters) = 0 then
    perform strata.raise('FAILED_VALIDATION', format('Validation failed for field "%s".', v_first_failed),
      jsonb_build_object('field', v_first_failed, 'collection', p_collection));
  end if;
  return jsonb_build_object('payload', v_payload, 'filters', v_filters);
end;
$$;
--! EndIncluded strata/access/check_item.sql
--! Included strata/access/check_write.sql
-- Applies the request's permissions to the items of a write before they are written, item by
-- item, as Directus evaluates them per item. p_meta: strata.write_meta of the collection;
-- p_rows: [{key, payload}] (key null for creates).
-- A grant (strata.write_grants: one permission row) allows an item when
--   its row filter matches the item: for an update the stored item (strata.grant_rows);
--     for a create the new item, checked once it is written (strata.check_created);
--   it permits every field the payload sets -> otherwise 403 FORBIDDEN;
--   its validation accepts the payload filled with presets -> otherwise 400 FAILED_VALIDATION.
-- Presets and validation are those of the grants that allow the item's fields (and, for an
-- update, match the item), never those of a grant for other items. Returns, in p_rows' order,
-- [{key, payload (with presets), filters}] where `filters` are the row filters of the grants
-- that allow the item, for strata.check_created (null when row-level security's own check is
-- exact: admins and plain SQL sessions, which pass through unchanged, or a single grant).
-- Security definer, as row-level security's own checks: it reads the permission rows and the
-- stored items (strata.grant_rows) whatever the request may read.
drop function if exists strata.check_write(text, text, jsonb);
create or replace function strata.check_write(p_meta jsonb, p_action text, p_rows jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_collection text := p_meta ->> 'collection';
  v_grants jsonb;
  v_all jsonb;
  v_matches jsonb;
  v_out jsonb;
  v_single boolean;
begin
  if coalesce((strata.accountability() ->> 'admin')::boolean, false) then
    return (select coalesce(jsonb_agg(e || '{"filters":null}' order by o), '[]') from jsonb_array_elements(p_rows) with ordinality x(e, o));
  end if;
  v_grants := strata.write_grants(v_collection, p_action);
  if jsonb_array_length(v_grants) = 0 then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  v_all := (select jsonb_agg(o - 1) from jsonb_array_elements(v_grants) with ordinality x(g, o));
  -- With one grant, or none with a row filter, every grant applies to every item it may
  -- write at all, which row-level security decides (its policy is the same filter); the
  -- stored items are looked at only to tell several grants with row filters apart.
  v_single := jsonb_array_length(v_grants) = 1 or not exists (
    select from jsonb_array_elements(v_grants) g where jsonb_typeof(g -> 'filter') = 'object');
  if p_action = 'update' and not v_single then
    -- key -> the grants (positions) whose row filter the stored item satisfies
    v_matches := strata.grant_rows(p_meta, (select jsonb_agg(g -> 'filter') from jsonb_array_elements(v_grants) g),
                                   (select coalesce(jsonb_agg(e -> 'key'), '[]') from jsonb_array_elements(p_rows) e));
  end if;
  -- items with the same payload and the same candidate grants are checked once
  with items as (
    select o, e -> 'key' as key, e -> 'payload' as payload,
           case when v_matches is not null then coalesce(v_matches -> (e ->> 'key'), '[]') else v_all end as candidates
    from jsonb_array_elements(p_rows) with ordinality x(e, o)
  ), checked as (
    select d.payload, d.candidates, strata.check_item(v_collection, v_grants, d.candidates, d.payload) as result
    from (select distinct payload, candidates from items) d
  )
  -- `filters` null: row-level security alone decides which items the grants may create
  select jsonb_agg(jsonb_build_object('key', i.key) || c.result
                   || case when v_single then '{"filters":null}'::jsonb else '{}'::jsonb end order by i.o) into v_out
  from items i join checked c on c.payload = i.payload and c.candidates = i.candidates;
  return coalesce(v_out, '[]');
end;
$$;
--! EndIncluded strata/access/check_write.sql
--! Included strata/access/check_created.sql
-- After a create: each new item must satisfy the row filter of one of the grants that allowed
-- its payload, checked on the item as stored (defaults included, as row-level security's WITH
-- CHECK sees it); otherwise 403 FORBIDDEN, and the statement's changes roll back with the
-- error. p_meta: strata.write_meta of the collection; p_checked: strata.check_write's result,
-- in the order of p_keys (the new keys). Security definer: it reads the new items
-- (strata.grant_rows) whether or not the request may read them.
drop function if exists strata.check_created(text, jsonb, jsonb);
create or replace function strata.check_created(p_meta jsonb, p_checked jsonb, p_keys jsonb)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_items jsonb;
  v_filters jsonb;
  v_matches jsonb;
begin
  -- items allowed by a grant without a row filter, or whose check row-level security makes
  -- exactly (admins, a single grant: `filters` null), need no look
  select jsonb_agg(jsonb_build_object('key', p_keys -> (o - 1)::int, 'filters', c -> 'filters')) into v_items
  from jsonb_array_elements(p_checked) with ordinality x(c, o)
  where jsonb_typeof(c -> 'filters') = 'array' and not (c -> 'filters') @> '[null]'
    and coalesce(jsonb_typeof(p_keys -> (o - 1)::int), 'null') <> 'null';
  if v_items is null then return; end if;
  select jsonb_agg(distinct f) into v_filters from jsonb_array_elements(v_items) i, jsonb_array_elements(i -> 'filters') f;
  -- key -> positions in v_filters of the filters the stored item satisfies
  v_matches := strata.grant_rows(p_meta, v_filters, (select jsonb_agg(i -> 'key') from jsonb_array_elements(v_items) i));
  if exists (
    select from jsonb_array_elements(v_items) i
    where not exists (
      select from jsonb_array_elements_text(coalesce(v_matches -> (i #>> '{key}'), '[]')) n
      join jsonb_array_elements(i -> 'filters') own on own = v_filters -> n::int)
  ) then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
end;
$$;
--! EndIncluded strata/access/check_created.sql
--! Included strata/system/admins_may_change.sql
-- Notes that the current write touched users, roles, policies or access links (an update or
-- a delete, at any depth): strata.check_admins_after_write then checks that an active admin
-- remains once the whole request's write is done.
create or replace function strata.admins_may_change()
returns void
language sql
volatile
security invoker
as $$
  select set_config('strata.admins_may_change', 'on', true)
$$;
--! EndIncluded strata/system/admins_may_change.sql
--! Included strata/system/check_admins_after_write.sql
-- The end of a top-level write (depth 0 of strata.create_items, update_items, update_batch,
-- delete_items), whichever request or SQL call made it: when it updated or deleted users,
-- roles, policies or access links, at any depth, an active admin must remain
-- (strata.check_remaining_admins, 422), or the whole write is refused.
create or replace function strata.check_admins_after_write()
returns void
language plpgsql
volatile
security invoker
as $$
begin
  -- inside a batch (strata.update_batch) the check waits for the batch's end
  if current_setting('strata.admins_defer', true) = 'on' then
    return;
  end if;
  if current_setting('strata.admins_may_change', true) = 'on' then
    perform set_config('strata.admins_may_change', '', true);
    perform strata.check_remaining_admins();
  end if;
end;
$$;
--! EndIncluded strata/system/check_admins_after_write.sql
--! Included strata/system/system_write_request.sql
-- The gateway's one statement per write to a system collection (/users, /roles, /policies,
-- /access, /permissions, /settings): the generic write (strata.write_request, same
-- arguments). Directus's per-collection rules (v9/10 role permissions and role flags, role
-- nesting, user and policy checks, what deleting roles or users does first, "an active admin
-- must remain") are applied by the write functions themselves (strata.create_items,
-- update_items, update_batch, delete_items), so they hold for nested writes of these
-- collections too. Only /settings is special here: PATCH is an upsert of its one row.
-- Permissions hold throughout: everything runs with the caller's rights (row-level security,
-- strata.check_write), except the few definer helpers that only read or clear references.
create or replace function strata.system_write_request(p_action text, p_collection text, p_args jsonb, p_read_sql text, p_query jsonb, p_opts jsonb)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_data jsonb := p_args -> 'data';
  v_existing jsonb;
begin
  if p_collection = 'directus_settings' and p_action = 'patch_collection' then
    -- the settings singleton: update its row, or create it
    if jsonb_typeof(v_data) <> 'object' then perform strata.invalid_payload('"value" must be of type object'); end if;
    select to_jsonb(s.id) into v_existing from public.directus_settings s order by s.id limit 1;
    if v_existing is null then
      return strata.write_request('create', p_collection, jsonb_build_object('payload', v_data), p_read_sql, p_query, p_opts);
    end if;
    return strata.write_request('update', p_collection, jsonb_build_object('keys', jsonb_build_array(v_existing), 'data', v_data),
                                p_read_sql, p_query, p_opts);
  end if;
  return strata.write_request(p_action, p_collection, p_args, p_read_sql, p_query, p_opts);
end;
$$;
--! EndIncluded strata/system/system_write_request.sql
--! Included strata/system/user_email_unique.sql
-- Emails are unique regardless of case, as Directus requires: enforced by the database itself,
-- so no path (a nested write, concurrent requests, plain SQL) can create a second account
-- with an existing address, which would lock the first one out of login. An installation
-- that already holds case-variant duplicates keeps working without the index (and a warning)
-- until they are resolved; the API's own check (strata.check_user_payload) still applies.
do $$
begin
  if to_regclass('public.directus_users_email_lower_unique') is not null then
    return;
  end if;
  if exists (select from public.directus_users where email is not null group by lower(email) having count(*) > 1) then
    raise warning 'directus_users holds emails that differ only in case; the case-insensitive unique index is not created';
    return;
  end if;
  create unique index directus_users_email_lower_unique on public.directus_users (lower(email));
end;
$$;
--! EndIncluded strata/system/user_email_unique.sql
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
  i int := 0;
begin
  if jsonb_typeof(p_payload) = 'object' then
    v_items := jsonb_build_array(p_payload);
  elsif jsonb_typeof(p_payload) = 'array' then
    v_items := p_payload;
  else
    perform strata.invalid_payload('Payload must be an object or an array');
  end if;

  if exists (select from jsonb_array_elements(v_items) e where jsonb_typeof(e) <> 'object') then
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
  select count(*) into v_missing from jsonb_array_elements(v_rows) r where coalesce(jsonb_typeof(r -> v_pk), 'null') = 'null';
  if v_missing > 0 and coalesce(m ->> 'pk_default', m ->> 'pk_sequence') is not null then
    execute format('select jsonb_agg(to_jsonb(%s)) from generate_series(1, $1)',
                   coalesce(m ->> 'pk_default', format('nextval(%L)', m ->> 'pk_sequence')))
      into v_new using v_missing;
    select jsonb_agg(case when x.missing then x.r || jsonb_build_object(v_pk, v_new -> (x.n - 1)::int) else x.r end order by x.o)
      into v_rows
      from (select r, o, coalesce(jsonb_typeof(r -> v_pk), 'null') = 'null' as missing,
                   count(*) filter (where coalesce(jsonb_typeof(r -> v_pk), 'null') = 'null') over (order by o) as n
            from jsonb_array_elements(v_rows) with ordinality e(r, o)) x;
  end if;
  v_keys := (select jsonb_agg(r -> v_pk order by o) from jsonb_array_elements(v_rows) with ordinality e(r, o));
  perform strata.check_required(m, v_rows, true);

  perform strata.count_mutations(jsonb_array_length(v_rows));
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
  if p_depth = 0 then
    perform strata.check_admins_after_write();
  end if;

  if jsonb_typeof(p_payload) = 'object' then
    return v_keys -> 0;
  end if;
  return coalesce(v_keys, '[]');
end;
$$;
--! EndIncluded strata/write/create_items.sql
--! Included strata/write/update_items.sql
-- Updates the items with the given keys with one payload (PATCH /items/c/:id, {keys, data},
-- {query, data}): nested many-to-one values are written once, the row update is ONE statement
-- for all keys (one per group of items whose permissions give them different presets),
-- one-to-many values are applied per key. Returns the keys.
create or replace function strata.update_items(p_collection text, p_keys jsonb, p_payload jsonb, p_depth int default 0)
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
  v_group record;
  v_row jsonb;
  v_key jsonb;
  v_mark int;
  v_list text;
  v_count int;
  v_fk_detail text;
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
  -- that allow it, so items may differ in the presets they get
  v_checked := strata.check_write(m, 'update',
    (select jsonb_agg(jsonb_build_object('key', k, 'payload', v_payload)) from jsonb_array_elements(p_keys) k));
  v_prep := strata.prepare_row(m, v_payload - v_pk, p_depth);
  for v_group in
    select ((c -> 'payload') - array(select jsonb_object_keys(v_payload))) - v_pk as presets, jsonb_agg(c -> 'key') as keys
    from jsonb_array_elements(v_checked) c
    group by 1
  loop
    v_row := v_prep -> 'row';
    if v_group.presets <> '{}' then
      v_row := (strata.prepare_row(m, v_group.presets, p_depth) -> 'row') || v_row;
    end if;
    perform strata.check_required(m, jsonb_build_array(v_row), false);
    if v_row <> '{}' then
      v_row := v_row || (m -> 'on_update');
      perform strata.count_mutations(jsonb_array_length(v_group.keys));
      select string_agg(format('%I = p.%I', k, k), ', ') into v_list
        from jsonb_object_keys(v_row) k where (m -> 'columns') ? k;
      perform set_config('strata.depth', p_depth::text, true);
      perform strata.written_columns(p_collection, (select jsonb_agg(k) from jsonb_object_keys(v_row) k where (m -> 'columns') ? k));
      begin
        execute format('update public.%I t set %s from jsonb_populate_record(null::public.%I, $1) p '
                       'where t.%I = any(array(select jsonb_array_elements_text($2))::%s[])',
                       p_collection, v_list, p_collection, v_pk, m ->> 'pk_type') using v_row, v_group.keys;
        get diagnostics v_count = row_count;
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
      perform strata.written_columns(p_collection, null);
      perform strata.check_affected(v_count, v_group.keys);
    else
      -- nothing to write in the rows themselves (only one-to-many values, or nothing): the
      -- caller must still be allowed to update every item, or children could be attached to
      -- items they can't update or even see. SELECT ... FOR UPDATE applies the row filters of
      -- the update permissions (row-level security's UPDATE policies) without writing.
      execute format('select count(*) from (select from public.%I t where t.%I = any(array(select jsonb_array_elements_text($1))::%s[]) for update) s',
                     p_collection, v_pk, m ->> 'pk_type') into v_count using v_group.keys;
      perform strata.check_affected(v_count, v_group.keys);
    end if;
  end loop;
  if v_prep -> 'o2m' <> '{}' then
    for v_key in select value from jsonb_array_elements(p_keys) loop
      perform strata.write_o2m_fields(m, v_key, v_prep -> 'o2m', p_depth);
    end loop;
  end if;
  perform strata.link_revisions(p_depth, v_mark);
  if p_depth = 0 then
    perform strata.check_admins_after_write();
  end if;
  return p_keys;
end;
$$;
--! EndIncluded strata/write/update_items.sql
--! Included strata/write/update_batch.sql
-- PATCH /items/c with an array of items, each with its key: flat items are updated with one
-- UPDATE ... FROM jsonb_populate_recordset per distinct set of fields; items with relational
-- values go through strata.update_items one by one. Returns the keys in order.
create or replace function strata.update_batch(p_collection text, p_items jsonb, p_depth int default 0)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  m jsonb := strata.write_meta(p_collection);
  v_pk text := m ->> 'pk';
  v_flat jsonb := '[]';
  v_item jsonb;
  v_cols text[];
  v_group jsonb;
  v_list text;
  v_count bigint;
  v_fk_detail text;
  v_defer text;
begin
  if jsonb_typeof(p_items) is distinct from 'array' then
    perform strata.invalid_payload('Payload must be an array');
  end if;
  -- the items written one by one are part of this write: "an active admin must remain" is
  -- checked once, after all of them (strata.check_admins_after_write)
  v_defer := current_setting('strata.admins_defer', true);
  perform set_config('strata.admins_defer', 'on', true);
  for v_item in select value from jsonb_array_elements(p_items) loop
    if jsonb_typeof(v_item) <> 'object' or coalesce(jsonb_typeof(v_item -> v_pk), 'null') = 'null' then
      perform strata.invalid_payload('Item in update misses primary key');
    end if;
    if v_item ?| array(select jsonb_object_keys(m -> 'relational')) or v_item ?| array(select jsonb_array_elements_text(m -> 'csv'))
       or p_collection in ('directus_users', 'directus_roles', 'directus_policies', 'directus_access', 'directus_permissions') then
      -- relational values, and the system collections' rules, item by item
      perform strata.update_items(p_collection, jsonb_build_array(v_item -> v_pk), v_item - v_pk, p_depth);
    else
      v_flat := v_flat || jsonb_build_array(v_item);
    end if;
  end loop;
  perform set_config('strata.admins_defer', coalesce(v_defer, ''), true);
  if jsonb_array_length(v_flat) > 0 then
    -- the request's permissions, item by item (one look at the stored items for all of them)
    select jsonb_agg(jsonb_build_object(v_pk, c -> 'key') || (c -> 'payload') order by o) into v_flat
    from jsonb_array_elements(strata.check_write(m, 'update',
           (select jsonb_agg(jsonb_build_object('key', i -> v_pk, 'payload', i - v_pk) order by o)
            from jsonb_array_elements(v_flat) with ordinality x(i, o)))) with ordinality x(c, o);
    perform strata.check_required(m, v_flat, false);
    select jsonb_agg(i || (m -> 'on_update') order by o) into v_flat from jsonb_array_elements(v_flat) with ordinality x(i, o);
  end if;

  perform set_config('strata.depth', p_depth::text, true);
  for v_cols in
    select distinct array(select k from jsonb_object_keys(r) k where (m -> 'columns') ? k and k <> v_pk order by k)
    from jsonb_array_elements(v_flat) r
  loop
    select jsonb_agg(r) into v_group from jsonb_array_elements(v_flat) r
      where array(select k from jsonb_object_keys(r) k where (m -> 'columns') ? k and k <> v_pk order by k) = v_cols;
    perform strata.count_mutations(jsonb_array_length(v_group));
    continue when cardinality(v_cols) = 0;
    select string_agg(format('%I = p.%I', c, c), ', ') into v_list from unnest(v_cols) c;
    perform strata.written_columns(p_collection, to_jsonb(v_cols));
    begin
      execute format('update public.%I t set %s from jsonb_populate_recordset(null::public.%I, $1) p where t.%I = p.%I',
                     p_collection, v_list, p_collection, v_pk, v_pk) using v_group;
      get diagnostics v_count = row_count;
    exception when string_data_right_truncation or numeric_value_out_of_range or invalid_text_representation
                   or invalid_datetime_format or datetime_field_overflow or invalid_parameter_value
                   or invalid_binary_representation or datatype_mismatch then
      perform strata.value_error(m, v_group);
      raise;
    when foreign_key_violation then
      get stacked diagnostics v_fk_detail = pg_exception_detail;
      perform strata.foreign_key_error(p_collection, v_group, v_fk_detail);
      raise;
    end;
    perform strata.written_columns(p_collection, null);
    perform strata.check_affected(v_count, (select jsonb_agg(r -> v_pk) from jsonb_array_elements(v_group) r));
  end loop;
  if p_depth = 0 then
    perform strata.check_admins_after_write();
  end if;
  return (select coalesce(jsonb_agg(value -> v_pk), '[]') from jsonb_array_elements(p_items));
end;
$$;
--! EndIncluded strata/write/update_batch.sql
--! Included strata/write/delete_items.sql
-- Deletes the items with the given keys (one statement). Returns the keys.
create or replace function strata.delete_items(p_collection text, p_keys jsonb, p_depth int default 0)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  m jsonb := strata.write_meta(p_collection);
  v_count bigint;
begin
  if jsonb_typeof(p_keys) is distinct from 'array' then
    perform strata.invalid_payload('"keys" must be an array');
  end if;
  if jsonb_array_length(p_keys) = 0 then
    return p_keys;
  end if;
  perform strata.count_mutations(jsonb_array_length(p_keys));
  -- what Directus does before deleting roles or users, whichever request deletes them
  if p_collection = 'directus_roles' then perform strata.role_delete_prepare(p_keys); end if;
  if p_collection = 'directus_users' then perform strata.user_delete_prepare(p_keys); end if;
  if p_collection in ('directus_users', 'directus_roles', 'directus_policies', 'directus_access') then
    perform strata.admins_may_change();
  end if;
  perform set_config('strata.depth', p_depth::text, true);
  execute format('delete from public.%I where %I = any(array(select jsonb_array_elements_text($1))::%s[])',
                 p_collection, m ->> 'pk', m ->> 'pk_type') using p_keys;
  get diagnostics v_count = row_count;
  perform strata.check_affected(v_count, p_keys);
  if p_depth = 0 then
    perform strata.check_admins_after_write();
  end if;
  return p_keys;
end;
$$;
--! EndIncluded strata/write/delete_items.sql
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
-- p_catalog, when the caller already knows them (strata.check_query_fields walks many levels
-- of the same collections): {"fields": what `*` expands to (strata.collection_fields),
-- "relational": those of them that are relations}; either one is read from the catalog when
-- missing.
drop function if exists strata.field_tree(text, jsonb, jsonb);
drop function if exists strata.field_tree(text, jsonb, jsonb, text);
create or replace function strata.field_tree(p_collection text, p_fields jsonb, p_alias jsonb, p_backlink text default null,
  p_catalog jsonb default null)
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
  keys text[] := '{}';
  entries jsonb := '{}';
  e jsonb;
  key text;
  relational text[];
  v_fields text[];
  v_relational text[];
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
      if v_fields is null then
        v_fields := case when p_catalog ? 'fields' then array(select jsonb_array_elements_text(p_catalog -> 'fields'))
                         else array(select strata.collection_fields(p_collection)) end;
      end if;
      relational := '{}';
      if rest is not null then
        if v_relational is null then
          v_relational := case
            when p_catalog ? 'relational' then array(select jsonb_array_elements_text(p_catalog -> 'relational'))
            else array(select x from unnest(v_fields) with ordinality u(x, o), strata.resolve_field(p_collection, x) r(f)
                       where r.f ->> 'kind' in ('o2m', 'm2a') or r.f ->> 'related' is not null order by o) end;
        end if;
        relational := array(select x from unnest(v_relational) with ordinality u(x, o) where x is distinct from p_backlink order by o);
      end if;
      -- relational fields (expanded) first, then the rest in collection order
      for fld in select x from unnest(relational) x
                 union all (select x from unnest(v_fields) x where not x = any(relational)) loop
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
--! Included strata/read/check_sql_size.sql
-- A compiled read's SQL, refused with INVALID_QUERY when longer than p_opts.max_sql_size
-- (STRATA_MAX_SQL_SIZE, bytes; default 1 MB): the gateway keeps compiled statements in its
-- cache and PostgreSQL keeps them prepared, so their size must be bounded whatever the query.
create or replace function strata.check_sql_size(p_sql text, p_opts jsonb)
returns text
language plpgsql
immutable
security invoker
as $$
declare
  v_max bigint := coalesce((p_opts ->> 'max_sql_size')::bigint, 1048576);
begin
  if octet_length(p_sql) > v_max then
    perform strata.invalid_query(format('The query compiles to more than %s bytes of SQL', v_max));
  end if;
  return p_sql;
end;
$$;
--! EndIncluded strata/read/check_sql_size.sql
--! Included strata/read/check_query_fields.sql
-- Bounds a read's work before it is compiled: walks the query's field tree as
-- strata.compile_select will (wildcards expanded by strata.field_tree, into every relation the
-- paths name, `deep` aliases applied) and counts output fields, refusing the query with
-- INVALID_QUERY once they pass p_opts.max_fields (STRATA_MAX_QUERY_FIELDS, default 1000).
-- Without it `*.*.*.*.*.*.*.*.*` over collections related both ways compiles for minutes into
-- gigabytes of SQL; with it the query is refused after about max_fields entries.
-- The walk is breadth first and reads the catalog once per collection and field, so it costs
-- little next to compiling. It only counts: levels past p_opts.max_depth are not walked
-- (compile_select refuses them), and a level the compiler will refuse (an unknown function,
-- bad json() syntax) is skipped, so errors are still reported by the compiler, in its order.
create or replace function strata.check_query_fields(p_collection text, p_query jsonb, p_opts jsonb default '{}')
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_max int := coalesce((p_opts ->> 'max_fields')::int, 1000);
  v_max_depth int := coalesce((p_opts ->> 'max_depth')::int, 10);
  v_backlinks boolean := coalesce(p_query -> 'backlink' = 'false', false);
  -- levels still to count: {"collection", "fields", "alias", "deep" (the deep node of the
  -- level's children), "backlink" (the field leading back to the parent row), "depth"}
  v_queue jsonb[];
  v_next int := 1;
  v_level jsonb;
  v_collection text;
  v_entries jsonb;
  v_count int := 0;
  -- catalog facts, read once: collection -> {"fields", "relational"} (for wildcards);
  -- "collection.field" -> strata.resolve_field (JSON null: no such field)
  v_catalog jsonb := '{}';
  v_fields jsonb := '{}';
  e jsonb;
  f jsonb;
  v_key text;
  v_scope text;
  v_scope_fields jsonb;
  v_scopes jsonb;
  v_child_deep jsonb;
  v_backlink text;
begin
  -- one level (no relational path, no many-to-any scope) is bounded by the fields list
  if not exists (select from jsonb_array_elements_text(coalesce(p_query -> 'fields', '[]')) p
                 where position('.' in p) > 0 or position(':' in p) > 0) then
    return;
  end if;

  v_queue := array[jsonb_build_object('collection', p_collection, 'fields', p_query -> 'fields', 'alias', p_query -> 'alias',
    'deep', coalesce(p_query -> 'deep', '{}'), 'backlink', null, 'depth', 1)];
  while v_next <= cardinality(v_queue) loop
    v_level := v_queue[v_next];
    v_next := v_next + 1;
    v_collection := v_level ->> 'collection';

    -- what `*` expands to, when the level has a wildcard
    if not v_catalog ? v_collection and exists (select from jsonb_array_elements_text(coalesce(v_level -> 'fields', '["*"]')) p
                                                where left(btrim(p), 1) = '*') then
      v_catalog := v_catalog || jsonb_build_object(v_collection,
        jsonb_build_object('fields', to_jsonb(array(select strata.collection_fields(v_collection)))));
    end if;
    if not v_catalog #> array[v_collection] ? 'relational' and exists (
         select from jsonb_array_elements_text(v_level -> 'fields') p where left(btrim(p), 2) = '*.') then
      for v_key in select jsonb_array_elements_text(v_catalog #> array[v_collection, 'fields']) loop
        if not v_fields ? (v_collection || '.' || v_key) then
          v_fields := v_fields || jsonb_build_object(v_collection || '.' || v_key, strata.resolve_field(v_collection, v_key));
        end if;
      end loop;
      v_catalog := jsonb_set(v_catalog, array[v_collection, 'relational'], coalesce((
        select jsonb_agg(x order by o) from jsonb_array_elements_text(v_catalog #> array[v_collection, 'fields']) with ordinality u(x, o)
        where v_fields -> (v_collection || '.' || x) ->> 'kind' in ('o2m', 'm2a')
           or v_fields -> (v_collection || '.' || x) ->> 'related' is not null), '[]'));
    end if;

    begin
      v_entries := strata.field_tree(v_collection, v_level -> 'fields', coalesce(nullif(v_level -> 'alias', 'null'), '{}'),
        case when v_backlinks then v_level ->> 'backlink' end, v_catalog -> v_collection);
    exception when sqlstate 'SD000' then
      continue; -- the compiler refuses this level
    end;
    v_count := v_count + jsonb_array_length(v_entries);
    if v_count > v_max then
      perform strata.invalid_query(format('The query expands to more than %s fields', v_max));
    end if;
    if (v_level ->> 'depth')::int >= v_max_depth then continue; end if;

    -- the relational entries with nested fields are the next level's
    for e in select x from jsonb_array_elements(v_entries) x
             where jsonb_array_length(x -> 'sub') > 0 or x -> 'scopes' <> '{}' loop
      v_key := e ->> 'key';
      continue when position('(' in e ->> 'field') > 0; -- functions don't nest
      if not v_fields ? (v_collection || '.' || (e ->> 'field')) then
        v_fields := v_fields || jsonb_build_object(v_collection || '.' || (e ->> 'field'), strata.resolve_field(v_collection, e ->> 'field'));
      end if;
      f := nullif(v_fields -> (v_collection || '.' || (e ->> 'field')), 'null');
      continue when f is null;
      v_child_deep := coalesce(v_level -> 'deep' -> v_key, '{}');

      if f ->> 'kind' = 'o2m' then
        -- (`*` leaves out lists of a collection the request can't read)
        continue when (e ->> 'wildcard')::boolean and not strata.collection_permitted(f ->> 'related');
        v_queue := v_queue || jsonb_build_object('collection', f ->> 'related', 'fields', e -> 'sub', 'alias', v_child_deep -> '_alias',
          'deep', v_child_deep, 'backlink', f ->> 'related_field', 'depth', (v_level ->> 'depth')::int + 1);

      elsif f ->> 'kind' = 'm2a' then
        v_scopes := e -> 'scopes';
        if v_scopes = '{}' then
          v_scopes := coalesce((select jsonb_object_agg(c, e -> 'sub') from jsonb_array_elements_text(f -> 'allowed') c
                                where strata.collection_exists(c)), '{}');
        end if;
        for v_scope, v_scope_fields in select * from jsonb_each(v_scopes) loop
          continue when not (f -> 'allowed') ? v_scope;
          v_child_deep := coalesce(v_level -> 'deep' -> (v_key || ':' || v_scope), '{}');
          v_queue := v_queue || jsonb_build_object('collection', v_scope, 'fields', v_scope_fields, 'alias', v_child_deep -> '_alias',
            'deep', v_child_deep, 'backlink', null, 'depth', (v_level ->> 'depth')::int + 1);
        end loop;

      elsif f ->> 'related' is not null then
        v_backlink := null;
        if v_backlinks then
          v_backlink := (select one_field from strata.relations where many_collection = v_collection and many_field = f ->> 'field' limit 1);
        end if;
        v_queue := v_queue || jsonb_build_object('collection', f ->> 'related', 'fields', e -> 'sub', 'alias', v_child_deep -> '_alias',
          'deep', v_child_deep, 'backlink', v_backlink, 'depth', (v_level ->> 'depth')::int + 1);
      end if;
    end loop;
  end loop;
end;
$$;
--! EndIncluded strata/read/check_query_fields.sql
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
    v_rows := strata.compile_select(p_collection, p_query -> 'fields', p_query, '{}', '', 'r', 1, v_opts, v_join,
      case when v_mode = 'list' then 'root' else 'm2o' end, null, null);
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
    v_defaults := strata.compile_select(p_collection, p_query -> 'fields', p_query, '{}', '', 'r', 1,
      v_opts || jsonb_build_object('source', format('(select * from json_populate_record(null::public.%I, %L::json))',
        p_collection, strata.singleton_defaults(p_collection)::text)), null, 'm2o', null, null);
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
--! Included strata/auth/is_last_admin.sql
-- Whether p_user is an active admin and no other active user is one (the user the project
-- can't do without: see strata.login_suspend). Security definer: counts users the caller may not see.
create or replace function strata.is_last_admin(p_user uuid)
returns boolean
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  select coalesce((strata.access_for_user(p_user) ->> 'admin')::boolean, false)
     and not exists (select from public.directus_users u
                     where u.id <> p_user and u.status = 'active'
                       and coalesce((strata.access_for_user(u.id) ->> 'admin')::boolean, false))
$$;
--! EndIncluded strata/auth/is_last_admin.sql
--! Included strata/auth/login_suspend.sql
-- A login attempt by a user who already failed directus_settings.auth_login_attempts times in a
-- row: the user is suspended (which ends their sessions), the counter starts again (so an
-- admin who re-activates the user gives them a fresh allowance), and the change is recorded as
-- Directus records it: an `update` activity by the user, with a revision whose delta is the status.
-- Except the last active admin: anyone who knows their email could otherwise lock everybody out
-- of the project with a few wrong passwords. They are not suspended; the attempt is still
-- refused (by the caller) and the counter starts again, so the next attempts are counted anew.
create or replace function strata.login_suspend(p_user uuid, p_ip text, p_user_agent text, p_origin text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  -- suspensions by login one at a time: two admins at their limit at once can't both go
  perform pg_advisory_xact_lock(hashtext('strata.login_suspend'));
  delete from strata.login_attempts where "user" = p_user;
  if strata.is_last_admin(p_user) then
    return;
  end if;
  update public.directus_users set status = 'suspended' where id = p_user and status = 'active';
  if found then
    perform strata.audit_user_change(p_user, p_user, '{"status":"suspended"}', p_ip, p_user_agent, p_origin);
  end if;
end;
$$;
--! EndIncluded strata/auth/login_suspend.sql
--! Included strata/access/item_readable.sql
-- Whether the request may read the item p_pk of p_collection: it exists and one of the
-- request's read permission rows has a filter it satisfies (what row-level security lets the
-- request see). False for an unknown collection or a collection without a primary key.
-- Security definer functions that evaluate other actions' filters past row-level security
-- (strata.item_permissions) ask this first, so they can't tell whether a hidden item exists.
create or replace function strata.item_readable(p_collection text, p_pk text)
returns boolean
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_pk text := strata.primary_key(p_collection);
  v_expr text;
  v_ok boolean;
begin
  if coalesce((strata.accountability() ->> 'admin')::boolean, false) then
    return true;
  end if;
  if v_pk is null then
    return false;
  end if;
  select string_agg(format('(%s)', strata.permission_sql(p_collection, 'r', p.permissions)), ' or ')
    into v_expr
  from strata.permissions p
  where p.collection = p_collection and p.action = 'read' and strata.has_policy(p.policy);
  if v_expr is null then
    return false;
  end if;
  execute format('select exists (select 1 from public.%I r where r.%I::text = $1 and (%s))', p_collection, v_pk, v_expr)
    into v_ok using p_pk;
  return v_ok;
end;
$$;
--! EndIncluded strata/access/item_readable.sql
--! Included strata/system/item_permissions.sql
-- GET /permissions/me/:collection/:pk?: whether the request may update, delete and share an
-- item (or, without a key, the collection), as {"update":{"access":bool},...}. An item counts
-- when one of the request's permission rows for that action has a filter the item satisfies.
-- For a singleton with update access, the permitted fields and presets are added (Directus
-- checks "create" instead of "update" while the singleton's row does not exist). An item the
-- request can't read, or that does not exist, is 403 FORBIDDEN (the same answer for both).
create or replace function strata.item_permissions(p_collection text, p_pk text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_out jsonb := '{}';
  v_action text;
  v_check text;
  v_ok boolean;
  v_pk text := strata.primary_key(p_collection);
  v_singleton boolean := coalesce((select singleton from public.directus_collections where collection = p_collection), p_collection = 'directus_settings');
  v_has_row boolean;
  v_expr text;
begin
  if coalesce((strata.accountability() ->> 'admin')::boolean, false) then
    return '{"update":{"access":true},"delete":{"access":true},"share":{"access":true}}';
  end if;
  -- an item the request can't read is answered as one that doesn't exist: 403 either way (the
  -- filters below are evaluated past row-level security, an existence oracle otherwise)
  if p_pk is not null and not strata.item_readable(p_collection, p_pk) then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  if v_singleton and v_pk is not null then
    execute format('select exists (select from public.%I)', p_collection) into v_has_row;
  end if;
  foreach v_action in array array['update', 'delete', 'share'] loop
    v_check := case when v_action = 'update' and v_singleton and not coalesce(v_has_row, false) then 'create' else v_action end;
    select string_agg(format('(%s)', strata.permission_sql(p_collection, 'r', p.permissions)), ' or ')
      into v_expr
    from strata.permissions p
    where p.collection = p_collection and p.action = v_check and strata.has_policy(p.policy);
    if v_expr is null then
      v_ok := false;
    elsif p_pk is null or v_pk is null then
      v_ok := true;
    else
      execute format('select exists (select 1 from public.%I r where r.%I::text = $1 and (%s))', p_collection, v_pk, v_expr)
        into v_ok using p_pk;
    end if;
    v_out := v_out || jsonb_build_object(v_action, jsonb_build_object('access', v_ok));
    if v_action = 'update' and v_singleton and v_ok then
      v_out := jsonb_set(v_out, '{update,fields}', to_jsonb(strata.permitted_fields(p_collection, v_check)));
      v_out := jsonb_set(v_out, '{update,presets}', coalesce((
        select jsonb_object_agg(k, v) from strata.permissions p, jsonb_each(coalesce(p.presets, '{}')) e(k, v)
        where p.collection = p_collection and p.action = v_check and strata.has_policy(p.policy)), '{}'));
    end if;
  end loop;
  return v_out;
end;
$$;
--! EndIncluded strata/system/item_permissions.sql
--! Included strata/access/protect_view.sql
-- Views, materialized views and foreign tables served as collections: row-level security does
-- not apply to them (a view reads its tables with its owner's rights, past their policies), so
-- no permission row could be enforced on their rows. Non-admin requests get no privilege on
-- them (strata.permissions ignores their permission rows too: 403 as any collection without
-- permission); admins (strata_admin) read and write them as tables.
create or replace function strata.protect_view(p_collection text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_kind "char" := (select c.relkind from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where n.nspname = 'public' and c.relname = p_collection);
begin
  execute format('revoke all on table public.%I from strata_request', p_collection);
  if exists (select from pg_roles where rolname = 'strata_admin') then
    execute format('grant %s on table public.%I to strata_admin',
      case when v_kind = 'm' then 'select' else 'select, insert, update, delete' end, p_collection);
  end if;
end;
$$;
--! EndIncluded strata/access/protect_view.sql
--! Included strata/access/protect_all.sql
-- Applies access control to every table in schema public. The catalog tables (collections,
-- fields, relations) stay readable as schema metadata; auth internals (sessions, migrations,
-- oauth) stay out of reach of request roles entirely. Views, materialized views and foreign
-- tables, which row-level security can't cover, are for admins only (strata.protect_view).
create or replace function strata.protect_all()
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  t text;
begin
  for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('r', 'p') loop
    if t in ('directus_collections', 'directus_fields', 'directus_relations') then
      execute format('grant select on table public.%I to strata_request', t);
    elsif t in ('directus_sessions', 'directus_migrations') or t like 'directus\_oauth\_%' then
      continue;
    else
      perform strata.protect(t);
    end if;
  end loop;
  for t in select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
           where n.nspname = 'public' and c.relkind in ('v', 'm', 'f') loop
    perform strata.protect_view(t);
  end loop;
  grant usage, select on all sequences in schema public to strata_request;
  -- what invoker functions read while a request runs (the catalog, the schema version);
  -- permission rows and login attempts stay behind definer functions
  grant select on strata.columns, strata.relations, strata.schema_version,
    strata.system_fields, strata.system_relations to strata_request;
end;
$$;
--! EndIncluded strata/access/protect_all.sql
--! Included strata/access/on_create_table.sql
-- Tables created later (through the schema API or with plain SQL) come under access control
-- as they are created; views, materialized views and foreign tables become admin-only
-- (strata.protect_view). Called for CREATE TABLE (access/install.sql) and the other commands
-- that create relations (access/install_views.sql).
create or replace function strata.on_create_table()
returns event_trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  obj record;
begin
  for obj in select * from pg_event_trigger_ddl_commands()
             where schema_name = 'public'
               and object_type in ('table', 'view', 'materialized view', 'foreign table') loop
    if obj.object_type = 'table' then
      perform strata.protect((select relname from pg_class where oid = obj.objid));
    else
      perform strata.protect_view((select relname from pg_class where oid = obj.objid));
    end if;
  end loop;
  grant usage, select on all sequences in schema public to strata_request;
end;
$$;
--! EndIncluded strata/access/on_create_table.sql
--! Included strata/access/permissions_view.sql
-- Every permission row in force: Directus's rows plus the built-in app-access rows. All of
-- Strata's access functions read this view. Rows for views, materialized views and foreign
-- tables are left out: row-level security can't enforce them there, so those collections are
-- admin-only (strata.protect_view) and a non-admin gets 403 as for any collection without permission.
create or replace view strata.permissions as
select id, collection::text, action::text, permissions::jsonb, validation::jsonb, presets::jsonb, fields, policy
from public.directus_permissions p
where not exists (select from pg_class c join pg_namespace n on n.oid = c.relnamespace
                  where n.nspname = 'public' and c.relname = p.collection and c.relkind in ('v', 'm', 'f'))
union all
select null, collection::text, action::text, permissions::jsonb, validation::jsonb, presets::jsonb, fields, strata.app_access_policy()
from strata.app_access_permissions;
--! EndIncluded strata/access/permissions_view.sql
--! Included strata/system/check_user_payload.sql
-- Directus's rules for a user payload (create: p_keys null; update: the keys written):
-- a valid email, unique regardless of case; no tfa_secret through updates (except from the
-- gateway's two-factor routes, see strata.write_request); provider and external_identifier
-- changed by admins only. Applied by the write functions to every write of directus_users,
-- nested ones included.
create or replace function strata.check_user_payload(p_item jsonb, p_keys jsonb)
returns jsonb
language plpgsql
stable
security definer
set search_path = pg_catalog, public
as $$
declare
  v_email text := p_item ->> 'email';
  v_admin boolean := coalesce((strata.accountability() ->> 'admin')::boolean, false);
  v_item jsonb := p_item;
begin
  if v_email is not null then
    if p_keys is not null and jsonb_array_length(p_keys) > 1 then
      perform strata.raise('RECORD_NOT_UNIQUE', format('Value "%s" for field "email" in collection "directus_users" has to be unique.', v_email),
        jsonb_build_object('collection', 'directus_users', 'field', 'email', 'value', v_email));
    end if;
    if v_email !~ '^[^\s@]+@[^\s@]+\.[^\s@]+$' then
      perform strata.raise('FAILED_VALIDATION', 'Validation failed for field "email". Value has to be a valid email address.',
        jsonb_build_object('field', 'email', 'type', 'email', 'path', '[]'::jsonb));
    end if;
    if exists (select from public.directus_users u where lower(u.email) = lower(v_email)
               and (p_keys is null or not p_keys ? u.id::text)) then
      perform strata.raise('RECORD_NOT_UNIQUE', format('Value "[%s]" for field "email" in collection "directus_users" has to be unique.', lower(v_email)),
        jsonb_build_object('collection', 'directus_users', 'field', 'email', 'value', format('[%s]', lower(v_email))));
    end if;
  end if;
  if p_keys is not null then
    if p_item ? 'tfa_secret' and current_setting('strata.tfa_route', true) is distinct from 'on' then
      perform strata.invalid_payload('You can''t change the "tfa_secret" value manually');
    end if;
    foreach v_email in array array['provider', 'external_identifier'] loop
      if p_item ? v_email then
        if not v_admin then
          perform strata.invalid_payload(format('You can''t change the "%s" value manually', v_email));
        end if;
        v_item := v_item || '{"auth_data": null}';
      end if;
    end loop;
  end if;
  return v_item;
end;
$$;
--! EndIncluded strata/system/check_user_payload.sql
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
--             output (of the compiled read, see strata.compile_read: 'envelope' for REST)
create or replace function strata.write_request(p_action text, p_collection text, p_args jsonb, p_read_sql text, p_query jsonb, p_opts jsonb)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_keys jsonb;
  v_body text;
  v_pk text;
  v_existing jsonb;
  v_body_in jsonb := p_args -> 'data';
  v_read text := p_read_sql;
  v_singleton boolean := coalesce((select singleton from public.directus_collections where collection = p_collection), false);
begin
  perform strata.check_schema_version(p_opts ->> 'schema_version');
  perform set_config('strata.max_batch_mutation', coalesce(p_opts ->> 'max_batch_mutation', ''), true);
  perform set_config('strata.mutations', '0', true);
  perform set_config('strata.write_path', '[]', true);
  -- the gateway's own two-factor routes (POST /users/me/tfa/enable|disable) set the caller's
  -- tfa_secret once they verified the OTP; any other payload setting it is refused
  -- (strata.check_user_payload), at any depth
  perform set_config('strata.tfa_route',
    case when p_collection = 'directus_users' and p_action = 'update'
              and p_opts ->> 'path' in ('/users/me/tfa/enable', '/users/me/tfa/disable')
              and p_args ->> 'key' = strata.accountability() ->> 'user'
              and (select array_agg(k) from jsonb_object_keys(p_args -> 'data') k) = '{tfa_secret}'
         then 'on' else '' end, true);
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
    execute v_read into v_body using coalesce(p_query, '{}') - 'limit';
    return v_body;
  end if;
  if p_opts ->> 'read_mode' = 'one' then
    execute v_read into v_body using coalesce(p_query, '{}') || jsonb_build_object('key', v_keys #>> '{}');
    return v_body;  -- null (204) when the item can't be read
  end if;
  execute v_read into v_body using coalesce(p_query, '{}') || jsonb_build_object('keys', (select coalesce(jsonb_agg(value #>> '{}'), '[]') from jsonb_array_elements(v_keys)));
  return v_body;
end;
$$;
--! EndIncluded strata/write/write_request.sql
--! Included strata/system/check_user_batch.sql
-- Several users created by one write must not share an email either, regardless of case
-- (each is checked against the stored users by strata.check_user_payload): Directus's
-- RECORD_NOT_UNIQUE naming the repeated address.
create or replace function strata.check_user_batch(p_items jsonb)
returns void
language plpgsql
stable
security invoker
as $$
declare
  v_email text;
begin
  select lower(e ->> 'email') into v_email
  from jsonb_array_elements(p_items) e
  where jsonb_typeof(e -> 'email') = 'string'
  group by 1 having count(*) > 1
  limit 1;
  if v_email is not null then
    perform strata.raise('RECORD_NOT_UNIQUE', format('Value "[%s]" for field "email" in collection "directus_users" has to be unique.', v_email),
      jsonb_build_object('collection', 'directus_users', 'field', 'email', 'value', format('[%s]', v_email)));
  end if;
end;
$$;
--! EndIncluded strata/system/check_user_batch.sql
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
  if p_version is not null and p_version is distinct from (select version::text from strata.schema_version) then
    perform strata.raise('SERVICE_UNAVAILABLE', 'The schema changed while this write was prepared. Try again.', '{"reason":"SCHEMA_CHANGED"}');
  end if;
end;
$$;
--! EndIncluded strata/write/check_schema_version.sql
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
--! Included strata/access/compile_request.sql
-- The compiler as the gateway calls it: for the request's accountability, with field
-- permissions applied (fields the request may not read are, to the compiler, fields that do
-- not exist). The SQL it returns depends on the request's policies, so the gateway caches it
-- per (shape, policy set, p_opts.mode, p_opts.output). p_opts is compile_read's: `output`
-- 'envelope' gives REST bodies, 'value' the bare value (GraphQL, realtime).
create or replace function strata.compile_request(p_collection text, p_query jsonb, p_opts jsonb default '{}')
returns text
language plpgsql
volatile
security invoker
as $$
begin
  perform set_config('strata.field_action', 'read', true);
  return strata.compile_read(p_collection, p_query, p_opts);
end;
$$;
--! EndIncluded strata/access/compile_request.sql
--! Included strata/read/read.sql
-- For SQL users: the same JSON the API returns for GET /items/<collection>?<query>, as the
-- current role sees it (row-level security applies). Example:
--   select strata.read('articles', '{"fields":["id","author.name"],"filter":{"id":{"_lt":10}}}');
-- p_opts as strata.compile_read's: '{"output":"value"}' returns the data alone (the array).
create or replace function strata.read(p_collection text, p_query jsonb default '{}', p_opts jsonb default '{}')
returns json
language plpgsql
volatile
security invoker
as $$
declare
  v_query jsonb := coalesce(p_query, '{}');
  v_result text;
begin
  if not v_query ? 'limit' and not v_query ? 'aggregate' then
    v_query := v_query || jsonb_build_object('limit', coalesce((p_opts ->> 'default_limit')::int, 100));
  end if;
  execute strata.compile_read(p_collection, v_query, p_opts) into v_result using v_query;
  return v_result::json;
end;
$$;
--! EndIncluded strata/read/read.sql
--! Included strata/access/install_views.sql
-- The relations created by commands other than CREATE TABLE come under access control too
-- (strata.on_create_table): CREATE TABLE AS / SELECT INTO make tables (protected as any table);
-- views, materialized views and foreign tables become admin-only (strata.protect_view).
-- Alongside access/install.sql's trigger for CREATE TABLE; needs a superuser likewise.
do $$
begin
  if not exists (select from pg_event_trigger where evtname = 'strata_protect_new_views') then
    create event trigger strata_protect_new_views on ddl_command_end
      when tag in ('CREATE TABLE AS', 'SELECT INTO', 'CREATE VIEW', 'CREATE MATERIALIZED VIEW', 'CREATE FOREIGN TABLE')
      execute function strata.on_create_table();
  end if;
exception when insufficient_privilege then
  raise warning 'strata: no event trigger (needs a superuser): run select strata.protect_all() after creating views with plain SQL';
end;
$$;
--! EndIncluded strata/access/install_views.sql
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
    strata.notify_schema_change, strata.notify_meta_change';
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
  revoke all on strata.login_attempts, strata.role_credentials from strata_admin;
  grant usage, select on all sequences in schema strata to strata_admin;
  grant execute on all functions in schema strata to strata_admin;
  execute format('revoke execute on function %s from strata_admin', v_internal);
end;
$$;
--! EndIncluded strata/access/install.sql
