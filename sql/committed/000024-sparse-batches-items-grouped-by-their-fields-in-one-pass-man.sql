--! Previous: sha1:dab60ff80fefdffc031924f504e68e8d908847c0
--! Hash: sha1:85e373f1464bf9cdf923b4943f363190c8cfd03d
--! Message: Sparse batches: items grouped by their fields in one pass, many groups' INSERTs planned where they run, a group's UPDATE searching the primary key's index

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000024-….sql.
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
  v_flat_at int[] := '{}';
  v_item jsonb;
  v_at int;
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
  for v_item, v_at in select value, o from jsonb_array_elements(p_items) with ordinality x(value, o) loop
    if jsonb_typeof(v_item) <> 'object' or coalesce(jsonb_typeof(v_item -> v_pk), 'null') = 'null' then
      perform strata.invalid_payload('Item in update misses primary key');
    end if;
    if v_item ?| array(select jsonb_object_keys(m -> 'relational')) or v_item ?| array(select jsonb_array_elements_text(m -> 'csv'))
       or p_collection in ('directus_users', 'directus_roles', 'directus_policies', 'directus_access', 'directus_permissions') then
      -- relational values, and the system collections' rules, item by item
      perform strata.update_items(p_collection, jsonb_build_array(v_item -> v_pk), v_item - v_pk, p_depth);
    else
      -- (their places: an int[] grows in place, where appending to a jsonb array copies it,
      -- which made a batch's cost grow with the square of its length)
      v_flat_at := v_flat_at || v_at;
    end if;
  end loop;
  perform set_config('strata.admins_defer', coalesce(v_defer, ''), true);
  v_flat := coalesce((select jsonb_agg(p_items -> (o - 1) order by o) from unnest(v_flat_at) o), '[]');
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
  -- (the items grouped in one pass: a look over every item per group grew with groups x items)
  for v_cols, v_group in
    select x.cols, jsonb_agg(x.r order by x.o)
    from (select r, o, array(select k from jsonb_object_keys(r) k where (m -> 'columns') ? k and k <> v_pk order by k) as cols
          from jsonb_array_elements(v_flat) with ordinality e(r, o)) x
    group by x.cols order by x.cols
  loop
    perform strata.count_mutations(jsonb_array_length(v_group));
    continue when cardinality(v_cols) = 0;
    select string_agg(format('%I = p.%I', c, c), ', ') into v_list from unnest(v_cols) c;
    perform strata.written_columns(p_collection, to_jsonb(v_cols));
    v_group := strata.text_json_values(m, v_group);
    begin
      -- in the update's write scope (rows it may update but not read, as Directus; closed again
      -- by an error leaving this block)
      perform strata.write_scope(p_collection, 'update');
      -- (the keys also as an array the primary key's index is searched with: joined to the
      -- items alone, a table whose statistics lag behind its growth was read whole per group)
      execute format('update public.%I t set %s from jsonb_populate_recordset(null::public.%I, $1) p where t.%I = p.%I'
                     ' and t.%I = any(array(select k.%I from jsonb_populate_recordset(null::public.%I, $1) k))',
                     p_collection, v_list, p_collection, v_pk, v_pk, v_pk, v_pk, p_collection) using v_group;
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
  v_many boolean;
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
  -- many sets of columns in one request (sparse items): each statement is planned where it
  -- runs instead of prepared in the session (a statement used once gains nothing from it, and
  -- thousands of them cost the session's bookkeeping on every one)
  v_many := cardinality(v_groups) > 8;
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
      if v_many then execute v_sql using v_group; else perform strata.exec_prepared(v_sql, v_group); end if;
      continue;
    end if;
    begin
      if v_many then execute v_sql using v_group; else perform strata.exec_prepared(v_sql, v_group); end if;
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
