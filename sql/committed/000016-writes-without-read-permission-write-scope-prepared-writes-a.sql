--! Previous: sha1:ba392e3b507a9d77d23a2b905551f4efa6ceb0e6
--! Hash: sha1:c0ace5885f3056da2815ef32aa530d3f24f8c795
--! Message: Writes without read permission (write scope), prepared writes and inline revision JSON, nested lists read per page, compact json output, GET /relations order, field refusals in Directus's words

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000016-….sql.
--! Included strata/read/index_ordered_within.sql
-- Whether a (non-partial) btree index of the collection leads with the column p_field and then
-- the first key of an ORDER BY list (strata.compile_sort's, over the row aliased p_alias), when
-- that key is a plain column: PostgreSQL then reads one parent's related rows in order and stops
-- at the list's limit, so a one-to-many list stays a lookup per parent row instead of being
-- read for the whole page at once (strata.select_o2m_page), which would read every related row.
create or replace function strata.index_ordered_within(p_collection text, p_field text, p_alias text, p_order text)
returns boolean
language sql
stable
security invoker
as $$
  select coalesce((
    select exists (
      select from pg_catalog.pg_index i
        join pg_catalog.pg_class ic on ic.oid = i.indexrelid
        join pg_catalog.pg_am am on am.oid = ic.relam and am.amname = 'btree'
        join pg_catalog.pg_attribute a0 on a0.attrelid = i.indrelid and a0.attnum = i.indkey[0]
        join pg_catalog.pg_attribute a1 on a1.attrelid = i.indrelid and a1.attnum = i.indkey[1]
      where i.indrelid = to_regclass(format('public.%I', p_collection)) and i.indpred is null and i.indnkeyatts >= 2
        and a0.attname = p_field
        and a1.attname = case when left(m[1], 1) = '"' then replace(substr(m[1], 2, length(m[1]) - 2), '""', '"') else m[1] end)
    from regexp_match(p_order, '^' || regexp_replace(p_alias, '([^a-zA-Z0-9_])', '\\\1', 'g')
      || '\.("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)(?: desc)?(?:, |$)') m), false)
$$;
--! EndIncluded strata/read/index_ordered_within.sql
--! Included strata/read/unique_key.sql
-- Whether the column p_field of a collection's table is unique by itself (a primary key or a
-- unique, non-partial index on it alone): a lookup by it finds at most one row, so it can be a
-- left join instead of a scalar subquery (strata.compile_select) without repeating rows.
create or replace function strata.unique_key(p_collection text, p_field text)
returns boolean
language sql
stable
security invoker
as $$
  select exists (
    select from pg_catalog.pg_index i
      join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
    where i.indrelid = to_regclass(format('public.%I', p_collection)) and i.indisunique and i.indnkeyatts = 1
      and i.indpred is null and i.indexprs is null and a.attname = p_field)
$$;
--! EndIncluded strata/read/unique_key.sql
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
  v.opts := p_ctx.opts - 'source' - 'backlink_field' - 'page_keys' - 'page_key' - 'page_value';
  v.rel_path := coalesce(p_ctx.rel_path || '.', '') || p_key;
  return v;
end;
$$;
--! EndIncluded strata/read/select_child.sql
--! Included strata/read/level_order.sql
-- The order of one level of a read (strata.compile_select): {"sort": the sort array with its
-- aliases resolved (an alias sorts by what it names: a field or a function such as json()),
-- "order": the ORDER BY list}. Without a sort: the relation's sort field for an o2m list, the
-- collection's sort field at the root, else the primary key. p_pk: the level's primary key.
create or replace function strata.level_order(p_ctx strata.select_context, p_pk text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  v_alias jsonb := coalesce(p_ctx.q -> (p_ctx.pfx || 'alias'), '{}');
  v_sort jsonb;
  v_order text;
begin
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
      p_pk));
  end if;
  return jsonb_build_object('sort', v_sort, 'order', v_order);
end;
$$;
--! EndIncluded strata/read/level_order.sql
--! Included strata/read/m2o_context.sql
-- The context of the related level of a many-to-one field expanded into the related item
-- (child fields named): one row, found by the related primary key (strata.select_m2o, and
-- strata.compile_select's left join form). p_entry: the field's node of strata.field_tree;
-- p_f: the resolved field; p_a2: the alias of the related row.
create or replace function strata.m2o_context(p_ctx strata.select_context, p_entry jsonb, p_f jsonb, p_a2 text)
returns strata.select_context
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
  return v_child;
end;
$$;
--! EndIncluded strata/read/m2o_context.sql
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
begin
  return format('(select row_to_json(x.*) from (%s) x)', strata.compile_select(strata.m2o_context(p_ctx, p_entry, p_f, p_a2)));
end;
$$;
--! EndIncluded strata/read/select_m2o.sql
--! Included strata/read/select_o2m_page.sql
-- A one-to-many (or many-to-many) field of a root list read for the whole page at once: the
-- related rows of every parent of the page in one query, grouped by parent, left joined to the
-- page's rows — instead of a correlated subquery per parent row (strata.select_o2m), which
-- PostgreSQL runs (and, for a junction's many-to-one, scans the related table) once per parent.
-- Returns {"expr": the field's value, "join": the FROM item} or null when the list stays a
-- subquery per parent: a deep `_aggregate`, or an index that gives one parent's related rows in
-- the list's order (then PostgreSQL stops at the limit, while the page's query reads them all).
-- The same rows in the same order: the same filter, search, order, offset and limit apply to
-- each parent's rows (row_number() over the parent's rows in the list's order), the foreign
-- key read through strata.column_ref as in strata.o2m_join, under the same row-level security;
-- no related row is an empty list, and a parent on which the field is masked reads null.
-- p_keys: the name of the CTE holding the page's keys (column __keys, an array). The names this
-- form adds to a scope (__keys, __key, __list, __value, __n) are ones no compiled fragment
-- refers to unqualified (strata.list_expr's "v", for one, would be captured by a column "v").
create or replace function strata.select_o2m_page(p_ctx strata.select_context, p_entry jsonb, p_f jsonb, p_a2 text, p_keys text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  v_sub jsonb := p_entry -> 'sub';
  v_rel_pk text := p_f ->> 'related_pk';
  v_child strata.select_context := strata.select_child(p_ctx, p_entry ->> 'key', p_entry ->> 'key');
  v_fk text;
  v_order text;
  v_mask text;
  expr text;
begin
  if v_child.q ? '_aggregate' or (jsonb_array_length(v_sub) = 0 and v_rel_pk is null) then return null; end if;
  v_child.collection := p_f ->> 'related';
  v_child.fields := case when jsonb_array_length(v_sub) = 0 then jsonb_build_array(v_rel_pk) else v_sub end;
  v_child.alias := p_a2;
  v_child.kind := 'o2m';
  v_child.default_sort := p_f ->> 'sort_field';
  v_order := strata.level_order(v_child, strata.primary_key(v_child.collection)) ->> 'order';
  if strata.index_ordered_within(v_child.collection, p_f ->> 'related_field', p_a2, v_order) then return null; end if;
  -- the parent's key as the child row reads it (strata.o2m_join's left side)
  v_fk := strata.column_ref(v_child.collection, p_a2, p_f ->> 'related_field');
  v_child.join_on := format('%s = any(%s.__keys)', v_fk, p_keys);
  v_child.opts := v_child.opts || jsonb_build_object('backlink_field', p_f ->> 'related_field',
    'page_keys', p_keys, 'page_key', v_fk, 'page_value', case when jsonb_array_length(v_sub) = 0 then v_rel_pk end);
  expr := format('coalesce(%s.__list, ''[]''::json)', p_a2);
  -- a list the request may read only on some rows is null on the others (strata.field_mask)
  v_mask := strata.field_mask(p_ctx.collection, p_ctx.alias, p_f ->> 'field');
  if v_mask is not null then expr := format('(case when %s then %s end)', v_mask, expr); end if;
  return jsonb_build_object('expr', expr,
    'join', format(' left join (%s) %s on %s.__key = %s.%I', strata.compile_select(v_child), p_a2, p_a2, p_ctx.alias, strata.primary_key(p_ctx.collection)));
end;
$$;
--! EndIncluded strata/read/select_o2m_page.sql
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
  v_keys text; -- the CTE of the page's keys, when this level's lists can be read for the page at once
  v_paged jsonb; -- a list read for the whole page (strata.select_o2m_page)
  v_joins text := ''; -- the FROM items of lists read for the whole page, or of joined many-to-ones
  v_batched boolean := p_ctx.opts ? 'page_keys'; -- this level is such a list
  v_lim text; -- a list read for the whole page: its limit, offset, value and FROM
  v_off text;
  v_value text;
  v_from text;
begin
  if p_ctx.depth > coalesce((p_ctx.opts ->> 'max_depth')::int, 10) then
    perform strata.invalid_query('Max relational depth exceeded');
  end if;

  -- backlink=false: wildcards don't expand the field leading back to the parent row
  if p_ctx.opts ->> 'backlink' = 'false' then v_backlink := p_ctx.opts ->> 'backlink_field'; end if;
  -- a singleton without its row reads from a row of defaults instead of its table
  v_source := coalesce(p_ctx.opts ->> 'source', format('public.%I', p_ctx.collection));
  -- a root list's keys can be picked first (see late materialization below): its one-to-many
  -- lists can then be read for the whole page at once (strata.select_o2m_page)
  if p_ctx.kind = 'root' and p_ctx.opts ->> 'source' is null and v_pk is not null and p_ctx.q ? (p_ctx.pfx || 'limit') then
    v_keys := p_ctx.alias || '_keys';
  end if;

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
    elsif f ->> 'kind' = 'o2m' and not strata.collection_permitted(f ->> 'related') then
      -- a list of a collection the request can't read is left out, by `*` or by name, whatever
      -- is asked of it (Directus 12.4: /activity?fields=id,revisions.data answers {id})
      continue;
    elsif f ->> 'kind' = 'o2m' then
      v_paged := case when v_keys is not null then strata.select_o2m_page(p_ctx, entry, f, a2, v_keys) end;
      if v_paged is not null then
        expr := v_paged ->> 'expr';
        v_joins := v_joins || (v_paged ->> 'join');
      else
        expr := strata.select_o2m(p_ctx, entry, f, a2);
      end if;
    elsif f ->> 'kind' = 'm2a' then
      expr := strata.select_m2a(p_ctx, entry, f, a2);
    elsif f ->> 'related' is not null and jsonb_array_length(entry -> 'sub') > 0
          and v_batched and strata.unique_key(f ->> 'related', f ->> 'related_pk') then
      -- in a list read for the whole page, a many-to-one is a left join by the related key (at
      -- most one row, null when none is visible, as the subquery): PostgreSQL can hash the
      -- related table once instead of looking it up (or scanning a small one) per related row
      v_joins := v_joins || format(' left join lateral (select row_to_json(x.*) as __value from (%s) x) %s on true',
        strata.compile_select(strata.m2o_context(p_ctx, entry, f, a2)), a2);
      expr := a2 || '.__value';
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
    v_paged := strata.level_order(p_ctx, v_pk);
    v_sort := nullif(v_paged -> 'sort', 'null'::jsonb);
    v_order := v_paged ->> 'order';
    if v_batched then
      -- a list read for the whole page (strata.select_o2m_page): every parent's related rows at
      -- once, aggregated per parent in the list's order, its offset and limit kept per parent
      v_lim := case when p_ctx.q ? (p_ctx.pfx || 'limit')
        then format('coalesce(nullif((%s)::int, -1), 2147483647)::bigint', strata.param(p_ctx.qpath || (p_ctx.pfx || 'limit')))
        else coalesce((p_ctx.opts ->> 'default_limit')::int, 100)::text end;
      v_off := case when p_ctx.q ? (p_ctx.pfx || 'offset') then format('(%s)::int', strata.param(p_ctx.qpath || (p_ctx.pfx || 'offset'))) end;
      v_value := case when p_ctx.opts ->> 'page_value' is not null then format('x.%I', p_ctx.opts ->> 'page_value') else 'x.*' end;
      v_from := format('%s, %s %s%s cross join lateral (select %s) x where %s', p_ctx.opts ->> 'page_keys', v_source, p_ctx.alias, v_joins,
        coalesce(nullif(array_to_string(cols, ', '), ''), ''), array_to_string(v_where, ' and '));
      if array_to_string(cols, ', ') !~* '\mselect\M' then
        -- values that cost little to build (no subquery): each parent's array in order, cut to
        -- the offset and limit (one sort, no numbering)
        return format('select %1$s as __key, array_to_json((array_agg(%2$s order by %3$s))[%4$s:%5$s]) as __list from %6$s group by %1$s',
          p_ctx.opts ->> 'page_key', v_value, v_order, coalesce(v_off || ' + 1', '1'),
          case when v_off is null and not p_ctx.q ? (p_ctx.pfx || 'limit') then v_lim
               else format('least(%s::bigint + %s, 2147483647)::int', coalesce(v_off, '0'), v_lim) end, v_from);
      end if;
      -- values with subqueries (nested relations): the rows numbered per parent in the list's
      -- order, and only those the offset and limit keep are built
      return format('select s.__key, array_to_json(array_agg(s.__value order by s.__n)) as __list from (select %1$s as __key, row_number() over (partition by %1$s order by %2$s) as __n, %3$s as __value from %4$s) s where %5$s group by s.__key',
        p_ctx.opts ->> 'page_key', v_order, case when v_value = 'x.*' then 'row_to_json(x.*)' else v_value end, v_from,
        case when v_off is null then format('s.__n <= %s', v_lim) else format('s.__n > %1$s and s.__n <= %1$s + %2$s', v_off, v_lim) end);
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
    -- A root list with lists read for the whole page (strata.select_o2m_page) needs its keys
    -- first in any case: they are kept in a CTE, for the page's rows and for those lists.
    if p_ctx.kind = 'root' and p_ctx.opts ->> 'source' is null and v_pk is not null and p_ctx.q ? (p_ctx.pfx || 'limit')
       and (v_joins <> '' or not strata.index_ordered(p_ctx.collection, p_ctx.alias, v_order)) then
      -- sorts through a many-to-one: the related rows joined to the candidates (strata.page_order)
      v_joined := strata.page_order(p_ctx.collection, p_ctx.alias, v_sort, p_ctx.rel_path);
      v_page := format('select %s.%I as k from %s %s%s', p_ctx.alias, v_pk, v_source, p_ctx.alias, coalesce(v_joined ->> 'from', ''))
        || case when cardinality(v_where) > 0 then ' where ' || array_to_string(v_where, ' and ') else '' end;
      if v_joined is not null then
        v_tail := ' order by ' || (v_joined ->> 'order') || substr(v_tail, length(' order by ' || v_order) + 1);
      end if;
      -- the keys as an array (computed once), unnested in order: PostgreSQL then looks each row
      -- up by its key, never hashing the whole table for a page it can't size in a generic plan
      if v_joins <> '' then
        v_sql := format('with %7$s as (select array(%3$s) as __keys) select %1$s from unnest((select __keys from %7$s)) with ordinality as %2$s(k, n) join %4$s %5$s on %5$s.%6$I = %2$s.k%8$s order by %2$s.n',
          coalesce(nullif(array_to_string(cols, ', '), ''), ''), p_ctx.alias || '_page', v_page || v_tail, v_source, p_ctx.alias, v_pk, v_keys, v_joins);
      else
        v_sql := format('select %1$s from unnest(array(%3$s)) with ordinality as %2$s(k, n) join %4$s %5$s on %5$s.%6$I = %2$s.k order by %2$s.n',
          coalesce(nullif(array_to_string(cols, ', '), ''), ''), p_ctx.alias || '_page', v_page || v_tail, v_source, p_ctx.alias, v_pk);
      end if;
    else
      v_sql := v_sql || v_tail;
    end if;
  end if;
  return v_sql;
end;
$$;
--! EndIncluded strata/read/compile_select.sql
--! Included strata/util/jsonb_or_null.sql
-- Text as jsonb, or null when it is empty or not JSON (a context that can't be parsed counts as
-- no context, rather than failing every statement of the session). On PostgreSQL 16+ a plain
-- SQL function (pg_input_is_valid); before, PL/pgSQL catching the cast's error, which costs a
-- subtransaction per call. Stable, not immutable, as pg_input_is_valid is: PostgreSQL inlines
-- a SQL function only when its body is no more volatile than it says, and the call it saves
-- (an executor set up per call, ~7 µs) is paid by every strata.accountability().
do $$
begin
  if current_setting('server_version_num')::int >= 160000 then
    create or replace function strata.jsonb_or_null(p_text text)
    returns jsonb
    language sql
    stable
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
--! Included strata/shares/share_id.sql
-- The share a request is made with (a share token: POST /shares/auth), or null. RLS policies
-- call it as (select strata.share_id()) so it is evaluated once per statement (an InitPlan).
-- Most requests have no share: when the context's text holds no "share" (and no \u escape,
-- the only other way JSON can spell a key), it has no such key, and the answer is null without
-- parsing the context (~25 µs per InitPlan, two per table a non-admin statement reads);
-- otherwise it is strata.accountability()'s, which also decides what an unparsable or missing
-- context means (no share either).
create or replace function strata.share_id()
returns text
language sql
stable
parallel safe
security invoker
as $$
  select case when strpos(current_setting('strata.accountability', true), '"share"') = 0
               and strpos(current_setting('strata.accountability', true), E'\\u') = 0 then null
         else strata.accountability() ->> 'share' end
$$;
--! EndIncluded strata/shares/share_id.sql
--! Included strata/access/has_policy.sql
-- Whether the request's accountability includes a policy (requests with app access also hold
-- the built-in app-access policy). RLS policies call it as (select strata.has_policy(...)) so
-- PostgreSQL evaluates it once per statement (an InitPlan), not once per row. PL/pgSQL reads the
-- accountability once (inlined, the SQL form read it twice: 67 µs per InitPlan, now 15).
-- On PostgreSQL 16+, a context that is valid jsonb (the test strata.accountability() makes) is
-- then read as json: json's parse is several times cheaper than building the jsonb value, and
-- its -> takes a repeated key's last value as jsonb keeps it, so the answer is the same, for
-- about half the cost per InitPlan. A missing or unparsable context goes through
-- strata.accountability(), which decides what it means.
do $$
begin
  if current_setting('server_version_num')::int >= 160000 then
    create or replace function strata.has_policy(p_policy uuid)
    returns boolean
    language plpgsql
    stable
    parallel safe
    security invoker
    as $f$
    declare
      s text := current_setting('strata.accountability', true);
      j json;
      a jsonb;
    begin
      if s <> '' and pg_catalog.pg_input_is_valid(s, 'jsonb') then
        j := s::json;
        return coalesce((j -> 'policies')::jsonb ? p_policy::text, false)
            or (p_policy = strata.app_access_policy() and coalesce((j ->> 'app')::boolean, false));
      end if;
      a := strata.accountability();
      return coalesce(a -> 'policies' ? p_policy::text, false)
          or (p_policy = strata.app_access_policy() and coalesce((a ->> 'app')::boolean, false));
    end;
    $f$;
  else
    create or replace function strata.has_policy(p_policy uuid)
    returns boolean
    language plpgsql
    stable
    parallel safe
    security invoker
    as $f$
    declare
      a jsonb := strata.accountability();
    begin
      return coalesce(a -> 'policies' ? p_policy::text, false)
          or (p_policy = strata.app_access_policy() and coalesce((a ->> 'app')::boolean, false));
    end;
    $f$;
  end if;
end;
$$;
--! EndIncluded strata/access/has_policy.sql
--! Included strata/write/prepared.sql
-- The write functions' dynamic statements, planned once per connection instead of on every
-- request: PL/pgSQL's EXECUTE parses and plans its text each time (~0.2-0.8 ms for a write's
-- INSERT or its re-read), while a session's prepared statement keeps its plan (generic under
-- STRATA_PLAN_CACHE_MODE's default, as the gateway's own statements). Returns the name of the
-- prepared statement for p_sql (one jsonb parameter, $1), preparing it on first use. Run it
-- with strata.run_prepared; the value reaches it through a setting, never as SQL text.
-- p_sql is the caller's: identifiers from the catalog, or the gateway's compiled read, which
-- strata.write_request executed as given before. Which statements the session has is kept in
-- a session setting per statement (a rolled-back transaction forgets it, so a miss looks at
-- pg_prepared_statements first); past 500 the session's own are deallocated, so a connection
-- serving many shapes does not grow without bound. Never call these from a security-definer
-- function: a session's prepared statements are the request role's to make too, and one made
-- under such a name runs with its maker's privileges only as long as the caller is its maker.
create or replace function strata.prepared(p_sql text)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_name text := 'strata_ps_' || md5(p_sql);
  v_old text;
begin
  if current_setting('strata.' || v_name, true) = 'p' then
    return v_name;
  end if;
  if not exists (select from pg_catalog.pg_prepared_statements where name = v_name) then
    if (select count(*) from pg_catalog.pg_prepared_statements where name like 'strata\_ps\_%') >= 500 then
      for v_old in select name from pg_catalog.pg_prepared_statements where name like 'strata\_ps\_%' loop
        execute format('deallocate %I', v_old);
        perform set_config('strata.' || v_old, '', false);
      end loop;
    end if;
    execute format('prepare %I(jsonb) as %s', v_name, p_sql);
  end if;
  perform set_config('strata.' || v_name, 'p', false);
  return v_name;
end;
$$;

-- Runs p_sql as strata.prepared's statement with p_arg as its $1: the first column of its
-- first row, as text (null when it returns no row).
create or replace function strata.run_prepared(p_sql text, p_arg jsonb)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_out text;
  v_name text := 'strata_ps_' || md5(p_sql);
begin
  if current_setting('strata.' || v_name, true) is distinct from 'p' then
    perform strata.prepared(p_sql);  -- (a call less on the usual path)
  end if;
  perform set_config('strata.ps_arg', p_arg::text, true);
  execute format('execute %I(pg_catalog.current_setting(''strata.ps_arg'')::jsonb)', v_name) into v_out;
  perform set_config('strata.ps_arg', '', true);
  return v_out;
end;
$$;

-- Runs p_sql (a statement returning nothing, e.g. an INSERT) as strata.prepared's statement
-- with p_arg as its $1.
create or replace function strata.exec_prepared(p_sql text, p_arg jsonb)
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_name text := 'strata_ps_' || md5(p_sql);
begin
  if current_setting('strata.' || v_name, true) is distinct from 'p' then
    perform strata.prepared(p_sql);
  end if;
  perform set_config('strata.ps_arg', p_arg::text, true);
  execute format('execute %I(pg_catalog.current_setting(''strata.ps_arg'')::jsonb)', v_name);
  perform set_config('strata.ps_arg', '', true);
end;
$$;
--! EndIncluded strata/write/prepared.sql
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
  if p_opts ->> 'schema_version' is not null and p_opts ->> 'schema_version' is distinct from (select version::text from strata.schema_version) then
    perform strata.check_schema_version(p_opts ->> 'schema_version');
  end if;
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
--! Included strata/audit/revision_value.sql
-- One column's value (as row_to_json gives it) in the items API's format, for revision
-- `data`/`delta`: p_kind is its kind in strata.revision_kinds (null: left as it is). A plain
-- expression, so PostgreSQL inlines it into the statement calling it (strata.revision_json and
-- the audit trigger's INSERTs): no function call per value.
create or replace function strata.revision_value(p_kind text, p_value json)
returns json
language sql
stable
parallel safe
security invoker
as $$
  select case
    when p_kind is null or json_typeof(p_value) = 'null' then p_value
    else case p_kind
      when 'mask' then '"**********"'::json
      when 'text' then to_json(p_value #>> '{}')
      when 'timestamp' then to_json(to_char((p_value #>> '{}')::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
      when 'dateTime' then to_json(to_char((p_value #>> '{}')::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS'))
      when 'csv' then case when p_value #>> '{}' = '' then '[]'::json else to_json(string_to_array(p_value #>> '{}', ',')) end
      else p_value end
  end
$$;
--! EndIncluded strata/audit/revision_value.sql
--! Included strata/audit/revision_json.sql
-- One row (as row_to_json gives it, columns in table order) in the items API's formats, for
-- revision `data`/`delta` (kinds: strata.revision_kinds; each value: strata.revision_value).
-- p_only: the columns to keep (null: all), e.g. the columns a request wrote, for Directus's `delta`.
create or replace function strata.revision_json(p_kinds jsonb, p_row json, p_only text[] default null)
returns json
language sql
stable
parallel safe
security invoker
as $$
  select coalesce(json_object_agg(e.key, strata.revision_value(p_kinds ->> e.key, e.value) order by e.ord), '{}'::json)
  from json_each(p_row) with ordinality e(key, value, ord)
  where p_only is null or e.key = any(p_only)
$$;
--! EndIncluded strata/audit/revision_json.sql
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
  v_cached text;
  v_version text;
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

  if v_kinds is null then -- (already read when deliveries were queued)
    -- strata.revision_kinds's own per-connection cache, read here without the call
    v_cached := current_setting('strata.revfmt_' || md5(TG_TABLE_NAME), true);
    v_version := (select version::text from strata.schema_version);
    if v_cached is not null and v_version is not null and starts_with(v_cached, v_version || '|') then
      v_kinds := substr(v_cached, length(v_version) + 2)::jsonb;
    else
      v_kinds := strata.revision_kinds(TG_TABLE_NAME);
    end if;
  end if;
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
  v_version text := (select version::text from strata.schema_version);
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
    -- (strata.written_columns, without the call)
    perform set_config('strata.delta_cols', jsonb_build_object('table', v_collection, 'columns', v_written)::text, true);
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
  perform set_config('strata.delta_cols', '', true);  -- (strata.written_columns(v_collection, null))
end;
$$;
--! EndIncluded strata/write/insert_rows.sql
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
    v_seq := coalesce(substring(m ->> 'pk_default' from '^nextval\(''([^'']+)''::regclass\)$'),
                      case when m ->> 'pk_default' is null then m ->> 'pk_sequence' end);
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
--! Included strata/write/check_required.sql
-- Directus validates required fields before writing: a column that can't be null and has no
-- default must be given when creating ("Value is required."), and no such column may be set to
-- null ("Value can't be null."). FAILED_VALIDATION with the field, Directus's `type` (required,
-- nnull) and `path`: the relational fields leading to this item from the request's top level
-- (strata.write_path, kept by the nested write functions). Every failing field of the first
-- failing item is reported, as Directus reports them.
create or replace function strata.check_required(p_meta jsonb, p_rows jsonb, p_create boolean)
returns void
language plpgsql
stable
security invoker
as $$
declare
  v_errs jsonb;
  v_path jsonb;
  v_at text;
begin
  if p_meta -> 'not_null' = '[]' then
    return; -- every column may be null (the `required` ones are among the `not_null` ones)
  end if;
  -- every failing field of the first failing item, in column order (Directus lists them all)
  select jsonb_agg(jsonb_build_object('field', x.f, 'type', x.t) order by x.fo) into v_errs
  from (
    select f, fo, case when r ? f then 'nnull' else 'required' end as t, dense_rank() over (order by o) as item
    from jsonb_array_elements(p_rows) with ordinality x(r, o)
    cross join lateral jsonb_array_elements_text(p_meta -> 'not_null') with ordinality n(f, fo)
    where (r ? f and jsonb_typeof(r -> f) = 'null')
       or (p_create and not r ? f and (p_meta -> 'required') ? f)
  ) x
  where x.item = 1;
  if v_errs is null then
    return;
  end if;
  v_path := coalesce(nullif(current_setting('strata.write_path', true), '')::jsonb, '[]');
  v_at := case when v_path = '[]' then '' else format(' at "%s"', (select string_agg(p, '.') from jsonb_array_elements_text(v_path) p)) end;
  -- the first error is raised; the others ride along in `more` (src/db/errors.ts)
  perform strata.raise('FAILED_VALIDATION',
    format('Validation failed for field "%s"%s. %s', v_errs -> 0 ->> 'field', v_at,
           case v_errs -> 0 ->> 'type' when 'required' then 'Value is required.' else 'Value can''t be null.' end),
    jsonb_build_object('field', v_errs -> 0 ->> 'field', 'path', v_path, 'type', v_errs -> 0 ->> 'type')
    || case when jsonb_array_length(v_errs) > 1 then jsonb_build_object('more', (
         select jsonb_agg(jsonb_build_object(
           'message', format('Validation failed for field "%s"%s. %s', e ->> 'field', v_at,
                             case e ->> 'type' when 'required' then 'Value is required.' else 'Value can''t be null.' end),
           'extensions', jsonb_build_object('field', e ->> 'field', 'path', v_path, 'type', e ->> 'type')) order by o)
         from jsonb_array_elements(v_errs) with ordinality y(e, o) where o > 1))
       else '{}'::jsonb end);
end;
$$;
--! EndIncluded strata/write/check_required.sql
--! Included strata/write/written_columns.sql
-- Names the columns the next statement of a write function writes for the request (what
-- Directus puts in a revision's delta; see strata.audit), or clears them (p_columns null).
-- PL/pgSQL, not SQL: a SQL function returning void is never inlined, and running one costs an
-- executor per call (~0.05 ms, twice per written statement); here it is one expression.
create or replace function strata.written_columns(p_table text, p_columns jsonb)
returns void
language plpgsql
volatile
security invoker
as $$
begin
  perform set_config('strata.delta_cols', case when p_columns is null then '' else jsonb_build_object('table', p_table, 'columns', p_columns)::text end, true);
end;
$$;
--! EndIncluded strata/write/written_columns.sql
--! Included strata/access/write_scope.sql
-- Opens (p_action 'update' or 'delete') or closes (p_action null) the write scope of one
-- statement: while strata.write_scope is '<action>:<collection>', that collection's
-- strata_write_read policy (strata.sync_policies) lets SELECT see the rows the request's
-- permission for that action admits. Why: PostgreSQL applies the SELECT policies to an UPDATE
-- or DELETE that reads the row (its WHERE), so a row the caller may change but not read could
-- not be changed, where Directus changes it (README "Compatibility notes"). The write functions
-- open the scope right before their own UPDATE/DELETE (or SELECT ... FOR UPDATE) by key and
-- close it right after, inside the block whose error undoes it, so no read of the request --
-- RETURNING (there is none), the re-read of the written items, revisions, nested writes,
-- validation, realtime or flow payloads -- runs while it is open: those keep the read policies.
-- The setting is transaction-local and, like strata.accountability, a plain setting the request
-- role could set itself. Code running arbitrary SQL as strata_request (there is no such path:
-- request data never becomes SQL text) could then read the rows its own update or delete
-- permission admits; it can already claim any policy through strata.accountability, so this
-- gives such code nothing more, and the gateway's statements never read with the scope open.
create or replace function strata.write_scope(p_collection text, p_action text)
returns void
language sql
volatile
security invoker
as $$
  select set_config('strata.write_scope', case when p_action is null then '' else p_action || ':' || p_collection end, true);
$$;
--! EndIncluded strata/access/write_scope.sql
--! Included strata/access/write_forbidden.sql
-- Directus's 403 for an update or delete of items its permission does not admit (a row filter
-- the stored item does not satisfy, or no such item), in Directus's words, with `reason`: an
-- update names the fields it sets (p_fields, in the payload's jsonb order; none: the collection),
-- a delete the collection.
create or replace function strata.write_forbidden(p_collection text, p_action text, p_fields jsonb default null)
returns void
language plpgsql
stable
security invoker
as $$
declare
  v_message text := case when p_action = 'update' and jsonb_array_length(coalesce(p_fields, '[]')) > 0
    then format('You don''t have permissions to perform "update" for the field(s) %s in collection "%s" or it does not exist.',
                (select string_agg(format('"%s"', f), ', ' order by o) from jsonb_array_elements_text(p_fields) with ordinality x(f, o)), p_collection)
    else format('You don''t have permission to perform "%s" for collection "%s" or it does not exist.', p_action, p_collection) end;
begin
  perform strata.raise('FORBIDDEN', v_message, jsonb_build_object('reason', v_message));
end;
$$;
--! EndIncluded strata/access/write_forbidden.sql
--! Included strata/access/field_forbidden.sql
-- Directus's 403 for a write setting fields its permission does not permit, in Directus's words
-- with `reason`: the fields the collection does not have if there are any, else the fields not
-- permitted (in the payload's jsonb order: shorter names first), one or several.
create or replace function strata.field_forbidden(p_collection text, p_fields text[])
returns void
language plpgsql
stable
security invoker
as $$
declare
  v_unknown text[] := array(select f from unnest(p_fields) with ordinality x(f, o)
                            where not exists (select from strata.columns c where c.collection = p_collection and c.field = f)
                              and not exists (select from strata.relations r where r.one_collection = p_collection and r.one_field = f)
                            order by o);
  v_fields text[] := case when cardinality(v_unknown) > 0 then v_unknown else p_fields end;
  v_list text := (select string_agg(format('"%s"', f), ', ' order by o) from unnest(v_fields) with ordinality x(f, o));
  v_message text := case when cardinality(v_fields) = 1
    then format('You don''t have permission to access field %s in collection "%s" or it does not exist. Queried in root.', v_list, p_collection)
    else format('You don''t have permission to access fields %s in collection "%s" or they do not exist. Queried in root.', v_list, p_collection) end;
begin
  perform strata.raise('FORBIDDEN', v_message, jsonb_build_object('reason', v_message));
end;
$$;
--! EndIncluded strata/access/field_forbidden.sql
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
  v_keys text[];
  v_payload jsonb := p_payload;
  v_presets jsonb := '{}';
  v_filters jsonb := '[]';
  v_failed text;
  v_first_failed text;
  v_first_grant jsonb;
  v_cond jsonb;
  v_op text;
  v_arg jsonb;
  v_detail jsonb;
  g jsonb;
  i int;
begin
  if jsonb_array_length(p_candidates) = 0 then
    -- no grant's row filter matches the item (or it does not exist): only updates get here
    perform strata.write_forbidden(p_collection, 'update', (select jsonb_agg(k) from jsonb_object_keys(p_payload) k));
  end if;
  v_fit := array(select c::int from jsonb_array_elements_text(p_candidates) c
                 where p_grants -> c::int -> 'fields' = 'null'::jsonb
                    or not exists (select from jsonb_object_keys(p_payload) k where not (p_grants -> c::int -> 'fields') ? k)
                 order by c::int);
  if cardinality(v_fit) = 0 then
    -- name the fields none of these grants permits, as Directus does; when each field is
    -- permitted by some grant but no grant permits them all, the write is refused as a whole
    v_keys := array(select k from jsonb_object_keys(p_payload) k
                    where not exists (select from jsonb_array_elements_text(p_candidates) c
                                      where p_grants -> c::int -> 'fields' = 'null'::jsonb or (p_grants -> c::int -> 'fields') ? k));
    if cardinality(v_keys) = 0 then
      perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
    end if;
    perform strata.field_forbidden(p_collection, v_keys);
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
      v_first_grant := g;
    end if;
  end loop;
  if jsonb_array_length(v_filters) = 0 then
    -- one operator on the field: Directus says what the value has to be, with the operator's
    -- argument resolved ($CURRENT_USER: the user's id)
    v_cond := v_first_grant -> 'validation' -> v_first_failed;
    if left(v_first_failed, 1) <> '_' and jsonb_typeof(v_cond) = 'object' and (select count(*) from jsonb_object_keys(v_cond)) = 1 then
      select key, value into v_op, v_arg from jsonb_each(v_cond);
      if jsonb_typeof(v_arg) = 'string' and strata.dynamic_value(v_arg #>> '{}') is not null then
        execute format('select to_jsonb(%s)', strata.dynamic_value(v_arg #>> '{}')) into v_arg;
      end if;
      -- a null breaks the operator itself here (Directus: "has to be", not "is required")
      v_detail := strata.validation_error(jsonb_build_object('field', v_first_failed, 'op', v_op, 'arg', v_arg),
        case when jsonb_typeof(v_payload -> v_first_failed) = 'null' then v_payload - v_first_failed else v_payload end) -> 0;
    end if;
    if v_detail ->> 'message' is not null then
      perform strata.raise('FAILED_VALIDATION', format('Validation failed for field "%s". %s', v_first_failed, v_detail ->> 'message'),
        jsonb_build_object('field', v_first_failed, 'path', '[]'::jsonb) || (v_detail -> 'extensions'));
    end if;
    perform strata.raise('FAILED_VALIDATION', format('Validation failed for field "%s".', v_first_failed),
      jsonb_build_object('field', v_first_failed, 'collection', p_collection));
  end if;
  return jsonb_build_object('payload', v_payload, 'filters', v_filters);
end;
$$;
--! EndIncluded strata/access/check_item.sql
--! Included strata/access/check_affected.sql
-- After an UPDATE or DELETE by key: a non-admin request that could not touch every key it
-- named (its update or delete permission does not admit the row, or it does not exist) gets
-- Directus's 403 (strata.write_forbidden: p_fields, the fields an update sets), and the
-- statement's changes roll back with the error. Admins get Directus's lenient behaviour.
drop function if exists strata.check_affected(bigint, jsonb);
create or replace function strata.check_affected(p_count bigint, p_keys jsonb, p_collection text, p_action text, p_fields jsonb default null)
returns void
language plpgsql
stable
security invoker
as $$
begin
  if coalesce((strata.accountability() ->> 'admin')::boolean, false) then return; end if;
  if p_count < (select count(distinct k) from jsonb_array_elements(p_keys) k) then
    perform strata.write_forbidden(p_collection, p_action, p_fields);
  end if;
end;
$$;
--! EndIncluded strata/access/check_affected.sql
--! Included strata/access/sync_policies.sql
-- Regenerates a collection's row-level-security policies from directus_permissions: one policy
-- per action for role strata_request, OR-ing each permission row's filter guarded by
-- "the request has that row's policy". No permission row for an action = no policy = denied.
-- While a write function runs its own UPDATE or DELETE by key (strata.write_scope), the
-- strata_write_read policy also lets SELECT see the rows the update (or delete) policy admits:
-- PostgreSQL applies SELECT policies to the rows an UPDATE/DELETE reads, and Directus changes
-- rows the caller may change but not read. The setting is read in an uncorrelated subquery (an
-- InitPlan, once per statement): outside a write the arm is a constant false per row.
-- Share requests are further bound by restrictive policies (see the end).
create or replace function strata.sync_policies(p_collection text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_policy text;
  v_alias text;
  v_expr text;
  v_pk text;
  v_scoped text := '';
  a record;
begin
  if not exists (select from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relname = p_collection and c.relkind in ('r', 'p')) then
    return;
  end if;
  for v_policy in select policyname from pg_policies where schemaname = 'public' and tablename = p_collection and policyname like 'strata\_%' loop
    execute format('drop policy %I on public.%I', v_policy, p_collection);
  end loop;
  -- the policy's filter refers to the row by the table's name; other names are reached
  -- through a one-row subquery over the current row
  v_alias := case when p_collection ~ '^[a-z_][a-z0-9_]*$' then p_collection else 'r' end;
  for a in select * from (values ('read', 'select'), ('create', 'insert'), ('update', 'update'), ('delete', 'delete')) x(action, cmd) loop
    select string_agg(format('((select strata.has_policy(%L::uuid)) and %s)', p.policy,
             case when v_alias = p_collection then strata.permission_sql(p_collection, v_alias, p.permissions)
                  else format('exists (select 1 from (select %I.*) r where %s)', p_collection, strata.permission_sql(p_collection, 'r', p.permissions)) end),
           ' or ' order by p.id)
      into v_expr
    from strata.permissions p
    where p.collection = p_collection and p.action = a.action;
    if v_expr is null then continue; end if;
    if a.action in ('update', 'delete') then
      v_scoped := v_scoped || format(' when %L then (%s)', a.action || ':' || p_collection, v_expr);
    end if;
    execute format('create policy %I on public.%I for %s to strata_request %s', 'strata_' || a.action, p_collection, a.cmd,
      case a.cmd
        when 'insert' then format('with check (%s)', v_expr)
        when 'update' then format('using (%s) with check (true)', v_expr)
        else format('using (%s)', v_expr)
      end);
  end loop;
  if v_scoped <> '' then
    execute format('create policy strata_write_read on public.%I for select to strata_request using (case (select current_setting(''strata.write_scope'', true))%s else false end)',
      p_collection, v_scoped);
  end if;
  -- share requests (strata.share_id()) read only the shared item and what is linked to it
  -- (strata.share_visible), and write nothing: restrictive policies, on top of the above
  v_pk := strata.primary_key(p_collection);
  execute format('create policy strata_share_read on public.%I as restrictive for select to strata_request using ((select strata.share_id()) is null%s)',
    p_collection, case when v_pk is null then '' else format(' or strata.share_visible(%L, %I::text)', p_collection, v_pk) end);
  execute format('create policy strata_share_insert on public.%I as restrictive for insert to strata_request with check ((select strata.share_id()) is null)', p_collection);
  execute format('create policy strata_share_update on public.%I as restrictive for update to strata_request using ((select strata.share_id()) is null)', p_collection);
  execute format('create policy strata_share_delete on public.%I as restrictive for delete to strata_request using ((select strata.share_id()) is null)', p_collection);
end;
$$;
--! EndIncluded strata/access/sync_policies.sql
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
      -- (strata.written_columns, without the call)
      perform set_config('strata.depth', p_depth::text, true),
              set_config('strata.delta_cols', jsonb_build_object('table', p_collection, 'columns', v_written)::text, true);
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
      perform set_config('strata.delta_cols', '', true);  -- (strata.written_columns(p_collection, null))
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
    perform strata.check_validation(m, v_flat);
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
    v_group := strata.text_json_values(m, v_group);
    begin
      -- in the update's write scope (rows it may update but not read, as Directus; closed again
      -- by an error leaving this block)
      perform strata.write_scope(p_collection, 'update');
      execute format('update public.%I t set %s from jsonb_populate_recordset(null::public.%I, $1) p where t.%I = p.%I',
                     p_collection, v_list, p_collection, v_pk, v_pk) using v_group;
      get diagnostics v_count = row_count;
      perform strata.write_scope(p_collection, null);
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
    perform strata.check_affected(v_count, (select jsonb_agg(r -> v_pk) from jsonb_array_elements(v_group) r), p_collection, 'update',
      (select coalesce(jsonb_agg(c), '[]') from unnest(v_cols) c where not (m -> 'on_update') ? c));
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
  -- no delete permission at all: Directus's collection-level 403, before any row is looked at
  -- (without one, row-level security would hide every row and check_affected answer the plain 403)
  if not coalesce((strata.accountability() ->> 'admin')::boolean, false)
     and jsonb_array_length(strata.write_grants(p_collection, 'delete')) = 0 then
    perform strata.collection_forbidden(p_collection);
  end if;
  -- what Directus does before deleting roles or users, whichever request deletes them
  if p_collection = 'directus_roles' then perform strata.role_delete_prepare(p_keys); end if;
  if p_collection = 'directus_users' then perform strata.user_delete_prepare(p_keys); end if;
  if p_collection in ('directus_users', 'directus_roles', 'directus_policies', 'directus_access') then
    perform strata.admins_may_change();
  end if;
  perform set_config('strata.depth', p_depth::text, true);
  -- in the delete's write scope: rows the caller may delete but not read are deleted, as
  -- Directus does (an error here ends the request's transaction, scope and all)
  perform strata.write_scope(p_collection, 'delete');
  execute format('delete from public.%I where %I = any(array(select jsonb_array_elements_text($1))::%s[])',
                 p_collection, m ->> 'pk', m ->> 'pk_type') using p_keys;
  get diagnostics v_count = row_count;
  perform strata.write_scope(p_collection, null);
  perform strata.check_affected(v_count, p_keys, p_collection, 'delete');
  if p_depth = 0 then
    perform strata.check_admins_after_write();
  end if;
  return p_keys;
end;
$$;
--! EndIncluded strata/write/delete_items.sql
--! Included strata/write/write_o2m_fields.sql
-- The one-to-many values of one parent item (m2m and m2a are one-to-many to their junction).
--   array form  [key, {new item}, {key, ...changes}]: the complete new set of children: keys
--               are assigned to the parent, objects without an existing key created, objects
--               with one updated; children not listed are deselected (one_deselect_action:
--               'nullify' sets their foreign key to null, 'delete' deletes them). null = [].
--   detailed    {create: [...], update: [...], delete: [keys]}: only what is listed changes;
--               `delete` deselects (nullify or delete) children of this parent.
-- Children are written at depth + 1 (their revisions get the parent's as `parent`).
create or replace function strata.write_o2m_fields(p_meta jsonb, p_parent jsonb, p_o2m jsonb, p_depth int)
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_field text;
  v_value jsonb;
  v_info jsonb;
  c text;        -- child collection
  fk text;       -- its foreign key to the parent
  cpk text;      -- its primary key
  v_type text;
  v_link jsonb;
  v_keep jsonb := '[]';
  v_create jsonb := '[]';
  v_assign jsonb := '[]';
  v_item jsonb;
  v_drop jsonb;
  v_found int;
  d int := p_depth + 1;
  v_path text := coalesce(nullif(current_setting('strata.write_path', true), ''), '[]');
begin
  for v_field, v_value in select key, value from jsonb_each(p_o2m) loop
    v_info := p_meta -> 'relational' -> v_field;
    c := v_info ->> 'related';
    fk := v_info ->> 'related_field';
    cpk := v_info ->> 'related_pk';
    v_type := (select data_type from strata.columns where collection = c and field = cpk);
    v_link := jsonb_build_object(fk, p_parent);
    v_keep := '[]'; v_create := '[]'; v_assign := '[]';
    -- the children's place in the request, for FAILED_VALIDATION's path
    perform set_config('strata.write_path', (v_path::jsonb || to_jsonb(v_field))::text, true);

    if jsonb_typeof(v_value) = 'object' then
      v_drop := (select to_jsonb(k) from jsonb_object_keys(v_value) k where k not in ('create', 'update', 'delete') limit 1);
      if v_drop is not null then
        perform strata.invalid_payload(format('Invalid one-to-many update structure: "%s" is not allowed', v_drop #>> '{}'));
      end if;
      if coalesce(jsonb_typeof(v_value -> 'create'), 'array') <> 'array'
         or coalesce(jsonb_typeof(v_value -> 'update'), 'array') <> 'array'
         or coalesce(jsonb_typeof(v_value -> 'delete'), 'array') <> 'array' then
        perform strata.invalid_payload('Invalid one-to-many update structure');
      end if;
      if jsonb_array_length(coalesce(v_value -> 'create', '[]')) > 0 then
        select jsonb_agg(e || v_link) into v_create from jsonb_array_elements(v_value -> 'create') e;
        if v_info ->> 'sort_field' is not null then
          v_create := strata.fill_sort(c, v_info ->> 'sort_field', fk, p_parent, v_create);
        end if;
        perform strata.create_items(c, v_create, d);
      end if;
      for v_item in select value from jsonb_array_elements(coalesce(v_value -> 'update', '[]')) loop
        if jsonb_typeof(v_item) <> 'object' or coalesce(jsonb_typeof(v_item -> cpk), 'null') = 'null' then
          perform strata.invalid_payload('Invalid one-to-many update structure');
        end if;
        perform strata.update_items(c, jsonb_build_array(v_item -> cpk), (v_item - cpk) || v_link, d, fk);
      end loop;
      if jsonb_array_length(coalesce(v_value -> 'delete', '[]')) > 0 then
        execute format('select coalesce(jsonb_agg(to_jsonb(%I)), ''[]'') from public.%I where %I = any(array(select jsonb_array_elements_text($1))::%s[]) and %I = ($2 ->> 0)::%s',
                       cpk, c, cpk, v_type, fk, (select data_type from strata.columns where collection = c and field = fk))
          into v_drop using v_value -> 'delete', jsonb_build_array(p_parent);
        perform strata.deselect(v_info, c, fk, v_drop, d);
      end if;
      continue;
    end if;

    if jsonb_typeof(v_value) not in ('array', 'null') then
      perform strata.invalid_payload('Invalid one-to-many update structure');
    end if;
    for v_item in select value from jsonb_array_elements(coalesce(nullif(v_value, 'null'), '[]')) loop
      if jsonb_typeof(v_item) in ('string', 'number') then
        v_assign := v_assign || jsonb_build_array(v_item);
      elsif jsonb_typeof(v_item) = 'object' then
        v_found := 0;
        if coalesce(jsonb_typeof(v_item -> cpk), 'null') <> 'null' then
          -- a child the caller may update but not read exists too (the update's write scope:
          -- only counted, as strata.update_items's own check)
          perform strata.write_scope(c, 'update');
          execute format('select count(*) from public.%I where %I = $1::%s', c, cpk, v_type) into v_found using v_item ->> cpk;
          perform strata.write_scope(c, null);
        end if;
        if v_found > 0 then
          perform strata.update_items(c, jsonb_build_array(v_item -> cpk), (v_item - cpk) || v_link, d, fk);
          v_keep := v_keep || jsonb_build_array(v_item -> cpk);
        else
          v_create := v_create || jsonb_build_array(v_item || v_link);
        end if;
      else
        perform strata.invalid_payload('Invalid one-to-many update structure');
      end if;
    end loop;
    if jsonb_array_length(v_assign) > 0 then
      -- bare keys: assign to this parent (unknown keys are refused like Directus: 403);
      -- children already pointing here are left alone. In the update's write scope: children
      -- the caller may update but not read are assigned too (only their keys, which the caller
      -- named, are looked at)
      perform strata.write_scope(c, 'update');
      execute format('select count(*) from public.%I where %I = any(array(select jsonb_array_elements_text($1))::%s[])', c, cpk, v_type)
        into v_found using v_assign;
      execute format('select coalesce(jsonb_agg(to_jsonb(%I)), ''[]'') from public.%I where %I = any(array(select jsonb_array_elements_text($1))::%s[]) and %I is distinct from ($2 ->> 0)::%s',
                     cpk, c, cpk, v_type, fk, (select data_type from strata.columns where collection = c and field = fk))
        into v_drop using v_assign, jsonb_build_array(p_parent);
      perform strata.write_scope(c, null);
      if v_found < (select count(distinct value) from jsonb_array_elements(v_assign)) then
        perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.', '{}');
      end if;
      perform strata.update_items(c, v_drop, v_link, d);
      v_keep := v_keep || v_assign;
    end if;
    if jsonb_array_length(v_create) > 0 then
      if v_info ->> 'sort_field' is not null then
        v_create := strata.fill_sort(c, v_info ->> 'sort_field', fk, p_parent, v_create);
      end if;
      v_keep := v_keep || strata.create_items(c, v_create, d);
    end if;
    -- deselect the children that are no longer listed
    execute format('select coalesce(jsonb_agg(to_jsonb(%I)), ''[]'') from public.%I where %I = ($1 ->> 0)::%s and not (%I = any(array(select jsonb_array_elements_text($2))::%s[]))',
                   cpk, c, fk, (select data_type from strata.columns where collection = c and field = fk), cpk, v_type)
      into v_drop using jsonb_build_array(p_parent), v_keep;
    perform strata.deselect(v_info, c, fk, v_drop, d);
  end loop;
  perform set_config('strata.write_path', v_path, true);
end;
$$;
--! EndIncluded strata/write/write_o2m_fields.sql
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
-- The order of the system relations in Directus's GET /relations: `position` in its answer (one_field
-- '' for none), `foreign_key`: whether Directus lists it among the relations with a foreign key
-- (before the user's relations) or after them (strata.relations_info).
create table if not exists strata.system_relation_order (
  many_collection text not null,
  many_field text not null,
  one_field text not null,
  position integer not null,
  foreign_key boolean not null,
  primary key (many_collection, many_field, one_field)
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
    grant select on strata.system_field_meta, strata.system_collection_meta, strata.system_relation_order to strata_request;
  end if;
  if exists (select from pg_roles where rolname = 'strata_admin') then
    grant select on strata.system_field_meta, strata.system_collection_meta, strata.system_relation_order to strata_admin;
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

-- the system relations in the order of Directus's GET /relations (read by strata.relations_info)
delete from strata.system_relation_order;
insert into strata.system_relation_order (many_collection, many_field, one_field, position, foreign_key) values
  ('directus_files', 'uploaded_by', '', 0, true),
  ('directus_files', 'modified_by', '', 1, true),
  ('directus_folders', 'parent', '', 2, true),
  ('directus_revisions', 'parent', '', 3, true),
  ('directus_settings', 'project_logo', '', 4, true),
  ('directus_settings', 'public_foreground', '', 5, true),
  ('directus_settings', 'public_background', '', 6, true),
  ('directus_files', 'folder', '', 7, true),
  ('directus_presets', 'user', '', 8, true),
  ('directus_presets', 'role', '', 9, true),
  ('directus_revisions', 'activity', 'revisions', 10, true),
  ('directus_sessions', 'user', '', 11, true),
  ('directus_users', 'role', 'users', 12, true),
  ('directus_dashboards', 'user_created', '', 13, true),
  ('directus_panels', 'dashboard', 'panels', 14, true),
  ('directus_panels', 'user_created', '', 15, true),
  ('directus_settings', 'storage_default_folder', '', 16, true),
  ('directus_collections', 'group', '', 17, true),
  ('directus_notifications', 'recipient', '', 18, true),
  ('directus_notifications', 'sender', '', 19, true),
  ('directus_shares', 'collection', '', 20, true),
  ('directus_shares', 'role', '', 21, true),
  ('directus_shares', 'user_created', '', 22, true),
  ('directus_sessions', 'share', '', 23, true),
  ('directus_flows', 'user_created', '', 24, true),
  ('directus_operations', 'resolve', '', 25, true),
  ('directus_operations', 'reject', '', 26, true),
  ('directus_operations', 'flow', 'operations', 27, true),
  ('directus_operations', 'user_created', '', 28, true),
  ('directus_versions', 'collection', '', 29, true),
  ('directus_versions', 'user_created', '', 30, true),
  ('directus_versions', 'user_updated', '', 31, true),
  ('directus_revisions', 'version', '', 32, true),
  ('directus_settings', 'public_favicon', '', 33, true),
  ('directus_settings', 'public_registration_role', '', 34, true),
  ('directus_roles', 'parent', 'children', 35, true),
  ('directus_permissions', 'policy', 'permissions', 36, true),
  ('directus_access', 'role', 'policies', 37, true),
  ('directus_access', 'user', 'policies', 38, true),
  ('directus_access', 'policy', 'roles', 39, true),
  ('directus_comments', 'user_created', '', 40, true),
  ('directus_comments', 'user_updated', '', 41, true),
  ('directus_deployments', 'user_created', '', 42, true),
  ('directus_deployment_projects', 'deployment', 'projects', 43, true),
  ('directus_deployment_projects', 'user_created', '', 44, true),
  ('directus_deployment_runs', 'project', 'runs', 45, true),
  ('directus_deployment_runs', 'user_created', '', 46, true),
  ('directus_oauth_consents', 'user', '', 47, true),
  ('directus_oauth_consents', 'client', '', 48, true),
  ('directus_oauth_codes', 'client', '', 49, true),
  ('directus_oauth_codes', 'user', '', 50, true),
  ('directus_oauth_tokens', 'client', 'tokens', 51, true),
  ('directus_oauth_tokens', 'user', '', 52, true),
  ('directus_sessions', 'oauth_client', '', 53, true),
  ('directus_flows', 'folder', '', 54, true),
  ('directus_comments', 'collection', '', 55, false),
  ('directus_users', 'avatar', '', 56, false),
  ('directus_fields', 'collection', 'fields', 57, false),
  ('directus_fields', 'group', '', 58, false),
  ('directus_activity', 'user', '', 59, false),
  ('directus_flows', 'operation', '', 60, false),
  ('directus_access', 'policy', 'users', 61, false);
--! EndIncluded strata/catalog/system_studio_meta_data.sql
--! Included strata/schema/relations_info.sql
-- GET /relations and GET /relations/:collection: the relations the caller may see, in Directus
-- 12.4's order: the relations with a foreign key (the system ones in Directus's own order,
-- strata.system_relation_order, then the others by creation), then those without one (the
-- others by creation, then the system ones in Directus's order). A system relation Directus
-- does not list (none today) comes after the system ones with a foreign key.
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
    select json_agg(r.info order by
             case when o.foreign_key then 0 when o.position is not null then 4
                  when r.collection like 'directus\_%' then 1
                  when json_typeof(r.info -> 'schema') = 'object' then 2 else 3 end,
             o.position, r.meta_id is null, r.meta_id, r.collection, r.field)
    from strata.relation_rows(p_collection) r
    left join strata.system_relation_order o
      on o.many_collection = r.collection and o.many_field = r.field and o.one_field = coalesce(r.info -> 'meta' ->> 'one_field', '')
    where strata.collection_readable(r.collection)
  ), '[]');
end;
$$;
--! EndIncluded strata/schema/relations_info.sql
--! Included strata/read/output_expr.sql
-- How a column is written into the response, in Directus's formats on PostgreSQL:
-- bigInteger and decimal as strings, timestamp as ISO with Z, dateTime without zone,
-- csv as an array, json compact (JSON.stringify's form: jsonb's text, and a json column's
-- stored text, can have spaces; the whitespace outside strings is dropped), concealed fields
-- masked.
create or replace function strata.output_expr(p_ref text, p_type text, p_special text)
returns text
language sql
immutable
parallel safe
security invoker
as $$
  select case
    when p_special is not null and 'conceal' = any(string_to_array(p_special, ',')) then
      format('case when %s is null then null else ''**********'' end', p_ref)
    when p_type in ('bigInteger', 'decimal') then format('(%s)::text', p_ref)
    when p_type = 'timestamp' then format('to_char((%s) at time zone ''UTC'', ''YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'')', p_ref)
    when p_type = 'dateTime' then format('to_char(%s, ''YYYY-MM-DD"T"HH24:MI:SS'')', p_ref)
    when p_type = 'json' then format($f$(regexp_replace((%s)::text, '("(?:[^"\\]|\\.)*")|\s+', '\1', 'g'))::json$f$, p_ref)
    when p_type = 'csv' then format('case when %1$s is null then null when %1$s = '''' then ''{}''::text[] else string_to_array(%1$s, '','') end', p_ref)
    else p_ref
  end
$$;
--! EndIncluded strata/read/output_expr.sql
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
