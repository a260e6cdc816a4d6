--! Previous: sha1:b25b1101f11261517c99a025adfd85e30277f116
--! Hash: sha1:dab60ff80fefdffc031924f504e68e8d908847c0
--! Message: Long write lists in linear time: a batch update's and a one-to-many list's items collected by place, deselection by a hashed NOT IN

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000023-….sql.
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
  v_at int;
  v_assign_at int[];
  v_keep_at int[];
  v_create_at int[];
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
    v_value := coalesce(nullif(v_value, 'null'), '[]');
    -- (the items' places are collected, and the lists built from them after the loop: an int[]
    -- grows in place, where appending to a jsonb array copies it, which made a long list's cost
    -- grow with the square of its length)
    v_assign_at := '{}'; v_keep_at := '{}'; v_create_at := '{}';
    for v_item, v_at in select value, o from jsonb_array_elements(v_value) with ordinality x(value, o) loop
      if jsonb_typeof(v_item) in ('string', 'number') then
        v_assign_at := v_assign_at || v_at;
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
          v_keep_at := v_keep_at || v_at;
        else
          v_create_at := v_create_at || v_at;
        end if;
      else
        perform strata.invalid_payload('Invalid one-to-many update structure');
      end if;
    end loop;
    v_assign := coalesce((select jsonb_agg(v_value -> (o - 1) order by o) from unnest(v_assign_at) o), '[]');
    v_keep := coalesce((select jsonb_agg(v_value -> (o - 1) -> cpk order by o) from unnest(v_keep_at) o), '[]');
    v_create := coalesce((select jsonb_agg((v_value -> (o - 1)) || v_link order by o) from unnest(v_create_at) o), '[]');
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
    -- deselect the children that are no longer listed (NOT IN a subquery: hashed once, where
    -- a comparison with an array scans it for every child; the kept keys are never null)
    execute format('select coalesce(jsonb_agg(to_jsonb(%I)), ''[]'') from public.%I where %I = ($1 ->> 0)::%s and %I not in (select k::%s from jsonb_array_elements_text($2) k where k is not null)',
                   cpk, c, fk, (select data_type from strata.columns where collection = c and field = fk), cpk, v_type)
      into v_drop using jsonb_build_array(p_parent), v_keep;
    perform strata.deselect(v_info, c, fk, v_drop, d);
  end loop;
  perform set_config('strata.write_path', v_path, true);
end;
$$;
--! EndIncluded strata/write/write_o2m_fields.sql
