--! Previous: sha1:487af9f86e412e2cf98bf35933a6f5ace06cfea0
--! Hash: sha1:2ce174ba38454a44a5d52e776f69a42cab8ad5c7
--! Message: System API, field validation, schema as code

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000005-….sql.
--! Included strata/catalog/system_meta_app.sql
-- System meta of the app's own content (insights dashboards and panels), as Directus defines it
-- in code: who created a dashboard or panel is filled in on create, and a dashboard lists its
-- panels (the o2m alias `panels`, deleted with it by the foreign key's cascade).
insert into strata.system_fields (collection, field, special) values
  ('directus_dashboards', 'user_created', 'user-created'),
  ('directus_panels', 'user_created', 'user-created')
on conflict (collection, field) do nothing;

insert into strata.system_relations (many_collection, many_field, one_collection, one_field, junction_field, sort_field) values
  ('directus_panels', 'dashboard', 'directus_dashboards', 'panels', null, null)
on conflict do nothing;
--! EndIncluded strata/catalog/system_meta_app.sql
--! Included strata/system/sort_items.sql
-- POST /utils/sort/:collection: moves item p_item to the place of item p_to in the manual order
-- of the collection's sort field, renumbering as Directus does: rows without a sort value are
-- numbered first (after the highest one, in key order), then the rows between the two places
-- shift by one towards the place the item left, and the item takes the target's value.
-- Runs with the caller's rights: update permission on the collection is required (403), row-level
-- security limits the rows renumbered and column privileges the sort field. The field name
-- comes from the collection's meta (read by the gateway) and is checked against the columns.
create or replace function strata.sort_items(p_collection text, p_sort_field text, p_item jsonb, p_to jsonb)
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_pk text := strata.primary_key(p_collection);
  v_source numeric;
  v_target numeric;
begin
  if v_pk is null or cardinality(strata.permitted_fields(p_collection, 'update')) = 0 then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  if not exists (select from strata.columns c where c.collection = p_collection and c.field = p_sort_field) then
    perform strata.invalid_payload(format('Collection "%s" doesn''t have a sort field', p_collection));
  end if;
  -- rows without a place get one, after the last, in key order
  execute format(
    'update public.%1$I t set %2$I = n.place from (
       select %3$I as k, (select coalesce(max(%2$I), 0) from public.%1$I) + row_number() over (order by %3$I) as place
       from public.%1$I where %2$I is null) n
     where t.%3$I = n.k', p_collection, p_sort_field, v_pk);
  execute format('select %2$I from public.%1$I where %3$I::text = $1', p_collection, p_sort_field, v_pk) into v_source using p_item #>> '{}';
  execute format('select %2$I from public.%1$I where %3$I::text = $1', p_collection, p_sort_field, v_pk) into v_target using p_to #>> '{}';
  if v_source is null or v_target is null then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  if v_source > v_target then
    execute format('update public.%1$I set %2$I = %2$I + 1 where %2$I >= $1 and %2$I < $2', p_collection, p_sort_field) using v_target, v_source;
  elsif v_source < v_target then
    execute format('update public.%1$I set %2$I = %2$I - 1 where %2$I > $1 and %2$I <= $2', p_collection, p_sort_field) using v_source, v_target;
  end if;
  execute format('update public.%1$I set %2$I = $1 where %3$I::text = $2', p_collection, p_sort_field, v_pk) using v_target, p_item #>> '{}';
end;
$$;
--! EndIncluded strata/system/sort_items.sql
--! Included strata/access/app_access_permissions.sql
-- The minimal permissions Directus gives every policy with app access (so studio users can
-- see themselves, their roles, their presets, ...), as rows of a virtual policy
-- (strata.app_access_policy()) that every app-access request holds. Reseeded on migration.
create table if not exists strata.app_access_permissions (
  collection varchar(64) not null,
  action varchar(10) not null,
  permissions json,
  validation json,
  presets json,
  fields text
);

create or replace function strata.app_access_policy()
returns uuid
language sql
immutable
parallel safe
security invoker
as $$
  select '5ba7a0c4-a99a-4ccc-8000-00000000a99a'::uuid
$$;

delete from strata.app_access_permissions;
insert into strata.app_access_permissions (collection, action, permissions, fields) values
  ('directus_collections', 'read', null, '*'),
  ('directus_fields', 'read', null, '*'),
  ('directus_relations', 'read', null, '*'),
  ('directus_translations', 'read', null, '*'),
  ('directus_activity', 'read', '{"user":{"_eq":"$CURRENT_USER"}}', '*'),
  ('directus_comments', 'read', '{"user_created":{"_eq":"$CURRENT_USER"}}', '*'),
  ('directus_comments', 'create', null, '*'),
  ('directus_comments', 'update', '{"user_created":{"_eq":"$CURRENT_USER"}}', 'comment'),
  ('directus_comments', 'delete', '{"user_created":{"_eq":"$CURRENT_USER"}}', '*'),
  ('directus_presets', 'read', '{"_or":[{"user":{"_eq":"$CURRENT_USER"}},{"_and":[{"user":{"_null":true}},{"role":{"_in":"$CURRENT_ROLES"}}]},{"_and":[{"user":{"_null":true}},{"role":{"_null":true}}]}]}', '*'),
  ('directus_presets', 'create', null, '*'),
  ('directus_presets', 'update', '{"user":{"_eq":"$CURRENT_USER"}}', '*'),
  ('directus_presets', 'delete', '{"user":{"_eq":"$CURRENT_USER"}}', '*'),
  ('directus_roles', 'read', '{"id":{"_in":"$CURRENT_ROLES"}}', '*'),
  ('directus_settings', 'read', null, 'id,project_url,project_logo,module_bar,storage_asset_transform,storage_asset_presets,custom_aspect_ratios,basemaps,mapbox_key,visual_editor_urls,report_error_url,default_save_action'),
  ('directus_notifications', 'read', '{"recipient":{"_eq":"$CURRENT_USER"}}', '*'),
  ('directus_notifications', 'update', '{"recipient":{"_eq":"$CURRENT_USER"}}', 'status'),
  ('directus_shares', 'read', '{"user_created":{"_eq":"$CURRENT_USER"}}', '*'),
  ('directus_users', 'read', '{"id":{"_eq":"$CURRENT_USER"}}', 'id,first_name,last_name,last_page,email,password,location,title,description,tags,provider,avatar,language,appearance,theme_light,theme_dark,tfa_secret,status,role');

-- a preset a user creates or edits names no other user: a submitted `user` must be their own
-- (Directus's validation: a preset without `user` in the payload is global or for a role)
update strata.app_access_permissions set validation = '{"user":{"_eq":"$CURRENT_USER"}}'
where collection = 'directus_presets' and action in ('create', 'update');
--! EndIncluded strata/access/app_access_permissions.sql
--! Included strata/write/field_validation_rules.sql
-- A collection's field validation (directus_fields.validation: a filter rule per field) as a
-- flat list of conditions, one per field operator, in the fields' order, for
-- strata.check_validation: [{field, op, arg, group}]. `_and` groups are flattened (every member
-- must hold); the members of an `_or` group share a `group` number (the group fails when all of
-- them fail). Empty when no field has a rule, so collections without rules pay nothing.
create or replace function strata.field_validation_rules(p_collection text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  v_out jsonb := '[]';
  v_rule jsonb;
  v_place text;
begin
  for v_rule, v_place in
    select f.validation::jsonb, f.id::text from public.directus_fields f
    where f.collection = p_collection and f.validation is not null and f.validation::jsonb not in ('null'::jsonb, '{}'::jsonb)
    order by f.sort nulls last, f.id
  loop
    v_out := v_out || strata.validation_conditions(v_rule, null, v_place);
  end loop;
  return v_out;
end;
$$;

-- One filter rule -> its conditions (see strata.field_validation_rules); p_group: the `_or`
-- group the rule's conditions belong to (null: none), p_place: where the rule is (names groups).
create or replace function strata.validation_conditions(p_rule jsonb, p_group text, p_place text)
returns jsonb
language plpgsql
immutable
security invoker
as $$
declare
  v_out jsonb := '[]';
  v_key text;
  v_cond jsonb;
  v_member jsonb;
  v_op text;
  v_arg jsonb;
  i bigint;
begin
  if jsonb_typeof(p_rule) <> 'object' then
    return '[]';
  end if;
  for v_key, v_cond in select key, value from jsonb_each(p_rule) loop
    if v_key in ('_and', '_or') and jsonb_typeof(v_cond) = 'array' then
      for v_member, i in select value, o from jsonb_array_elements(v_cond) with ordinality x(value, o) loop
        -- an _or inside an _or keeps the outer group (any member passing passes the group)
        v_out := v_out || strata.validation_conditions(v_member,
          case when v_key = '_or' then coalesce(p_group, p_place || '.' || v_key) else p_group end, p_place || '.' || i);
      end loop;
    elsif left(v_key, 1) <> '_' and jsonb_typeof(v_cond) = 'object' then
      for v_op, v_arg in select key, value from jsonb_each(v_cond) loop
        v_out := v_out || jsonb_build_array(jsonb_build_object('field', v_key, 'op', v_op, 'arg', v_arg, 'group', p_group));
      end loop;
    end if;
  end loop;
  return v_out;
end;
$$;
--! EndIncluded strata/write/field_validation_rules.sql
--! Included strata/write/validation_error.sql
-- The FAILED_VALIDATION errors Directus gives for one broken validation condition ({field, op,
-- arg}, strata.field_validation_rules) of an item: [{field, message, extensions}], `message`
-- being what follows 'Validation failed for field "<field>".' (null: nothing), `extensions`
-- Directus's `type` and the operator's argument (`valid`, `invalid`, `substring`).
create or replace function strata.validation_error(p_cond jsonb, p_item jsonb)
returns jsonb
language plpgsql
immutable
security invoker
as $$
declare
  v_field text := p_cond ->> 'field';
  v_op text := p_cond ->> 'op';
  v_arg jsonb := p_cond -> 'arg';
  v_value jsonb := p_item -> v_field;
  v_list text;
  one jsonb;
begin
  if v_op = '_submitted' or (jsonb_typeof(v_value) = 'null' and v_op not in ('_null', '_empty', '_nnull', '_nempty')) then
    return jsonb_build_array(jsonb_build_object('field', v_field, 'message', 'Value is required.',
      'extensions', jsonb_build_object('field', v_field, 'type', 'required')));
  end if;
  if v_op in ('_in', '_nin') and jsonb_typeof(v_arg) = 'array' then
    v_list := (select string_agg(format('"%s"', x #>> '{}'), ', ' order by o) from jsonb_array_elements(v_arg) with ordinality a(x, o));
  end if;
  if v_op = '_between' and jsonb_typeof(v_arg) = 'array' then
    -- the bound the value is past
    if v_value < v_arg -> 0 then
      return strata.validation_error(jsonb_build_object('field', v_field, 'op', '_gte', 'arg', v_arg -> 0), p_item);
    end if;
    return strata.validation_error(jsonb_build_object('field', v_field, 'op', '_lte', 'arg', v_arg -> 1), p_item);
  end if;
  if v_op = '_nbetween' and jsonb_typeof(v_arg) = 'array' then
    return strata.validation_error(jsonb_build_object('field', v_field, 'op', '_lt', 'arg', v_arg -> 0), p_item)
        || strata.validation_error(jsonb_build_object('field', v_field, 'op', '_gt', 'arg', v_arg -> 1), p_item);
  end if;
  one := case v_op
    when '_eq' then jsonb_build_object('m', format('Value has to be "%s".', v_arg #>> '{}'), 'valid', v_arg)
    when '_neq' then jsonb_build_object('m', format('Value can''t be "%s".', v_arg #>> '{}'), 'invalid', v_arg)
    when '_lt' then jsonb_build_object('m', format('Value has to be less than "%s".', v_arg #>> '{}'), 'valid', v_arg)
    when '_lte' then jsonb_build_object('m', format('Value has to be less than or equal to "%s".', v_arg #>> '{}'), 'valid', v_arg)
    when '_gt' then jsonb_build_object('m', format('Value has to be greater than "%s".', v_arg #>> '{}'), 'valid', v_arg)
    when '_gte' then jsonb_build_object('m', format('Value has to be greater than or equal to "%s".', v_arg #>> '{}'), 'valid', v_arg)
    when '_in' then jsonb_build_object('m', format('Value has to be one of %s.', v_list), 'valid', v_arg)
    when '_nin' then jsonb_build_object('m', format('Value can''t be one of %s.', v_list), 'invalid', v_arg)
    when '_null' then jsonb_build_object('m', 'Value has to be null.')
    when '_nnull' then jsonb_build_object('m', 'Value can''t be null.')
    when '_empty' then jsonb_build_object('m', 'Value has to be empty.')
    when '_nempty' then jsonb_build_object('m', 'Value can''t be empty.')
    when '_contains' then jsonb_build_object('m', format('Value has to contain "%s".', v_arg #>> '{}'), 'substring', v_arg)
    when '_icontains' then jsonb_build_object('m', format('Value has to contain "%s".', v_arg #>> '{}'), 'substring', v_arg)
    when '_ncontains' then jsonb_build_object('m', format('Value can''t contain "%s".', v_arg #>> '{}'), 'substring', v_arg)
    when '_regex' then jsonb_build_object('m', 'Value doesn''t have the correct format.', 'invalid', v_value)
    when '_starts_with' then jsonb_build_object('substring', v_arg)
    when '_nstarts_with' then jsonb_build_object('substring', v_arg)
    when '_istarts_with' then jsonb_build_object('substring', v_arg)
    when '_nistarts_with' then jsonb_build_object('substring', v_arg)
    when '_ends_with' then jsonb_build_object('substring', v_arg)
    when '_nends_with' then jsonb_build_object('substring', v_arg)
    when '_iends_with' then jsonb_build_object('substring', v_arg)
    when '_niends_with' then jsonb_build_object('substring', v_arg)
    else '{}'::jsonb end;
  -- _icontains is reported as `contains`, as Directus does
  return jsonb_build_array(jsonb_build_object('field', v_field, 'message', one ->> 'm',
    'extensions', jsonb_build_object('field', v_field, 'type', case v_op when '_icontains' then 'contains' else substr(v_op, 2) end) || (one - 'm')));
end;
$$;
--! EndIncluded strata/write/validation_error.sql
--! Included strata/write/check_validation.sql
-- Directus's field validation (directus_fields.validation, strata.field_validation_rules) on the
-- items of a write, before anything is written: the first item breaking a rule fails the
-- whole write with one FAILED_VALIDATION error per broken condition (as Directus answers), each
-- with `field`, `path` (strata.write_path), `type` (the operator) and the operator's argument
-- or the offending value. p_rows: the payloads (with permission presets) as given, an array.
-- Like Directus, a condition is checked only when the payload carries its field (except
-- `_submitted`); a null value breaks every operator but _null/_empty ("required"), and _nnull.
-- Each condition is one compiled filter (the read engine's) evaluated over all items at once,
-- so a batch costs a statement per condition, and a collection without rules costs nothing.
create or replace function strata.check_validation(p_meta jsonb, p_rows jsonb)
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_rules jsonb := p_meta -> 'validation';
  v_collection text := p_meta ->> 'collection';
  v_failing jsonb := '[]';  -- per condition, the positions of the items breaking it
  v_fail int[];
  v_first int;
  v_action text;
  c jsonb;
  v_field text;
  v_op text;
  v_item jsonb;
  v_errors jsonb := '[]';
  v_path jsonb;
  v_at text;
begin
  if v_rules is null or jsonb_array_length(v_rules) = 0 or jsonb_array_length(p_rows) = 0 then
    return;
  end if;
  -- rules name fields by the schema, whatever the request may read
  v_action := current_setting('strata.field_action', true);
  perform set_config('strata.field_action', '', true);
  for c in select value from jsonb_array_elements(v_rules) loop
    v_field := c ->> 'field';
    v_op := c ->> 'op';
    v_fail := '{}';
    if not (p_meta -> 'types') ? v_field then
      null; -- a rule on a field that is not a column (an alias): nothing to check
    elsif v_op = '_submitted' then
      select coalesce(array_agg(o::int), '{}') into v_fail from jsonb_array_elements(p_rows) with ordinality x(e, o)
      where (c -> 'arg' in ('true', '"true"')) <> (e ? v_field);
    else
      -- null values: the operator's answer is fixed
      select coalesce(array_agg(o::int), '{}') into v_fail from jsonb_array_elements(p_rows) with ordinality x(e, o)
      where jsonb_typeof(e -> v_field) = 'null'
        and case when v_op in ('_null', '_empty') then c -> 'arg' not in ('true', '"true"')
                 when v_op in ('_nnull', '_nempty') then c -> 'arg' in ('true', '"true"')
                 else true end;
      -- other values: the operator compiled by the read engine, over every item at once
      -- (nested relational values are validated by their own collection's write)
      execute format(
        'select $3 || coalesce(array_agg(o::int), ''{}'') from jsonb_array_elements($1) with ordinality x(e, o) '
        'cross join lateral jsonb_populate_record(null::public.%I, jsonb_build_object($2, e -> $2)) v '
        'where e ? $2 and jsonb_typeof(e -> $2) <> ''null'' and (%s or jsonb_typeof(e -> $2) not in (''object'', ''array'')) '
        'and not coalesce((%s), false)',
        v_collection, case when (p_meta -> 'types' ->> v_field) in ('json', 'jsonb') then 'true' else 'false' end,
        strata.permission_sql(v_collection, 'v', jsonb_build_object(v_field, jsonb_build_object(v_op, c -> 'arg'))))
        into v_fail using p_rows, v_field, v_fail;
    end if;
    v_failing := v_failing || jsonb_build_array(to_jsonb(v_fail));
  end loop;
  perform set_config('strata.field_action', coalesce(v_action, ''), true);

  -- an `_or` group is broken by the items breaking each of its conditions
  with conds as (
    select r.value as c, f.value as fail, r.o
    from jsonb_array_elements(v_rules) with ordinality r(value, o)
    join jsonb_array_elements(v_failing) with ordinality f(value, o) using (o)
  ), broken as (
    select x.o, p::int as pos from conds x cross join jsonb_array_elements_text(x.fail) p
    where jsonb_typeof(x.c -> 'group') = 'null'
       or not exists (select from conds y where y.c -> 'group' = x.c -> 'group' and not y.fail @> to_jsonb(p::int))
  )
  select min(pos) into v_first from broken;
  if v_first is null then
    return;
  end if;
  v_item := p_rows -> (v_first - 1);
  v_path := coalesce(nullif(current_setting('strata.write_path', true), '')::jsonb, '[]');
  v_at := case when v_path = '[]' then '' else format(' at "%s"', (select string_agg(p, '.') from jsonb_array_elements_text(v_path) p)) end;
  select coalesce(jsonb_agg(e.value order by r.o, e.o), '[]') into v_errors
  from jsonb_array_elements(v_rules) with ordinality r(value, o)
  join jsonb_array_elements(v_failing) with ordinality f(value, o) using (o)
  cross join lateral jsonb_array_elements(strata.validation_error(r.value, v_item)) with ordinality e(value, o)
  where f.value @> to_jsonb(v_first)
    and (jsonb_typeof(r.value -> 'group') = 'null'
         or not exists (select from jsonb_array_elements(v_rules) with ordinality r2(value, o)
                        join jsonb_array_elements(v_failing) with ordinality f2(value, o) using (o)
                        where r2.value -> 'group' = r.value -> 'group' and not f2.value @> to_jsonb(v_first)));
  -- the first error is raised; the others ride along in `more` (src/db/errors.ts)
  perform strata.raise('FAILED_VALIDATION',
    format('Validation failed for field "%s"%s.%s', v_errors -> 0 ->> 'field', v_at, coalesce(' ' || (v_errors -> 0 ->> 'message'), '')),
    (v_errors -> 0 -> 'extensions') || jsonb_build_object('path', v_path) || case when jsonb_array_length(v_errors) > 1 then
      jsonb_build_object('more', (select jsonb_agg(jsonb_build_object(
        'message', format('Validation failed for field "%s"%s.%s', e ->> 'field', v_at, coalesce(' ' || (e ->> 'message'), '')),
        'extensions', jsonb_build_object('field', e ->> 'field', 'path', v_path) || (e -> 'extensions')) order by o)
        from jsonb_array_elements(v_errors) with ordinality x(e, o) where o > 1))
    else '{}'::jsonb end);
end;
$$;
--! EndIncluded strata/write/check_validation.sql
--! Included strata/write/collection_meta.sql
-- The static part of strata.write_meta: a collection's key, columns, special fields and
-- relational fields, from one pass over strata.columns and one over strata.relations.
create or replace function strata.collection_meta(p_collection text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  v_out jsonb;
  v_pk text;
begin
  select jsonb_build_object(
    'collection', p_collection,
    'pk', (array_agg(c.field order by c.position) filter (where c.is_primary_key))[1],
    'pk_type', (array_agg(c.data_type order by c.position) filter (where c.is_primary_key))[1],
    'pk_default', (array_agg(c.default_expr order by c.position) filter (where c.is_primary_key))[1],
    'pk_udt', (array_agg(c.udt order by c.position) filter (where c.is_primary_key))[1],
    'columns', coalesce(jsonb_agg(c.field) filter (where not c.is_generated), '[]'),
    'types', coalesce(jsonb_object_agg(c.field, c.data_type), '{}'),
    'uuid', coalesce(jsonb_agg(c.field) filter (where 'uuid' = any(string_to_array(c.special, ','))), '[]'),
    'csv', coalesce(jsonb_agg(c.field) filter (where 'cast-csv' = any(string_to_array(c.special, ','))), '[]'),
    'date_created', coalesce(jsonb_agg(c.field) filter (where 'date-created' = any(string_to_array(c.special, ','))), '[]'),
    'user_created', coalesce(jsonb_agg(c.field) filter (where 'user-created' = any(string_to_array(c.special, ','))), '[]'),
    'date_updated', coalesce(jsonb_agg(c.field) filter (where 'date-updated' = any(string_to_array(c.special, ','))), '[]'),
    'user_updated', coalesce(jsonb_agg(c.field) filter (where 'user-updated' = any(string_to_array(c.special, ','))), '[]'),
    -- FAILED_VALIDATION before writing (strata.check_required), as Directus validates
    'not_null', coalesce(jsonb_agg(c.field) filter (where not c.is_nullable and not c.is_generated and not c.has_auto_increment), '[]'),
    'required', coalesce(jsonb_agg(c.field) filter (where not c.is_nullable and not c.is_generated and not c.has_auto_increment
                                                      and c.default_expr is null), '[]'))
  into v_out
  from strata.columns c where c.collection = p_collection;
  v_pk := v_out ->> 'pk';
  if v_pk is null then
    return null;
  end if;
  v_out := v_out || jsonb_build_object('pk_sequence', pg_get_serial_sequence(format('public.%I', p_collection), v_pk),
    -- the fields' validation rules (strata.check_validation); [] for most collections
    'validation', strata.field_validation_rules(p_collection));
  -- a uuid key without a default is generated, as Directus does for system collections
  if v_out ->> 'pk_udt' = 'uuid' and v_out ->> 'pk_default' is null and not (v_out -> 'uuid') ? v_pk then
    v_out := jsonb_set(v_out, '{uuid}', (v_out -> 'uuid') || to_jsonb(v_pk));
  end if;

  select v_out || jsonb_build_object('relational', coalesce(jsonb_object_agg(f.field, f.info), '{}'))
  into v_out
  from (
    select r.many_field as field,
           case when r.one_collection is null and r.one_allowed_collections is not null
                then jsonb_build_object('kind', 'm2a', 'allowed', to_jsonb(r.one_allowed_collections), 'collection_field', r.one_collection_field)
                else jsonb_build_object('kind', 'column', 'related', r.one_collection) end as info
    from strata.relations r where r.many_collection = p_collection
    union all
    select r.one_field, jsonb_build_object('kind', 'o2m', 'related', r.many_collection, 'related_field', r.many_field,
             'related_pk', strata.primary_key(r.many_collection), 'junction_field', r.junction_field,
             'sort_field', r.sort_field, 'deselect', r.one_deselect_action)
    from strata.relations r where r.one_collection = p_collection and r.one_field is not null
  ) f;
  return v_out;
end;
$$;
--! EndIncluded strata/write/collection_meta.sql
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
  -- the fields' validation rules, on the payloads as given (with presets), before anything is written
  perform strata.check_validation(m, v_items);
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
  -- the fields' validation rules, on the payload as given (with each item's presets)
  perform strata.check_validation(m, (select jsonb_agg(p) from (select distinct c -> 'payload' as p from jsonb_array_elements(v_checked) c) d));
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
--! Included strata/schema/system_field_indexes.sql
-- The system fields with an index of their own (a plain single-column index, not a key):
-- the `systemFields` of a schema snapshot, in Directus's shape.
create or replace function strata.system_field_indexes()
returns jsonb
language plpgsql
stable
security invoker
set search_path = pg_catalog, public
as $$
begin
  perform strata.require_admin();
  return coalesce((
    select jsonb_agg(jsonb_build_object('collection', t.relname, 'field', a.attname, 'schema', jsonb_build_object('is_indexed', true))
                     order by t.relname, a.attname)
    from (
      select distinct i.indrelid, i.indkey[0] as attnum
      from pg_index i
      where i.indnatts = 1 and not i.indisunique and not i.indisprimary and i.indexprs is null and i.indpred is null
    ) ix
    join pg_class t on t.oid = ix.indrelid
    join pg_namespace n on n.oid = t.relnamespace and n.nspname = 'public'
    join pg_attribute a on a.attrelid = t.oid and a.attnum = ix.attnum
    where t.relname like 'directus\_%'
  ), '[]');
end;
$$;
--! EndIncluded strata/schema/system_field_indexes.sql
--! Included strata/schema/set_system_field_index.sql
-- POST /schema/apply's `systemFields`: index a system field, or drop its plain single-column
-- indexes. A system field Strata doesn't have (a snapshot from a Directus with other system
-- tables) is skipped: there is nothing to index.
create or replace function strata.set_system_field_index(p_collection text, p_field text, p_indexed boolean)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_table regclass;
  v_attnum smallint;
  v_index text;
begin
  perform strata.require_admin();
  if p_collection not like 'directus\_%' then
    perform strata.invalid_payload(format('"%s" is not a system collection', p_collection));
  end if;
  v_table := to_regclass(format('public.%I', p_collection));
  if v_table is null then return; end if;
  select attnum into v_attnum from pg_attribute where attrelid = v_table and attname = p_field and attnum > 0 and not attisdropped;
  if v_attnum is null then return; end if;
  if p_indexed then
    if not exists (select from pg_index where indrelid = v_table and indnatts = 1 and indkey[0] = v_attnum and indexprs is null and indpred is null) then
      execute format('create index %I on %s (%I)', left(p_collection || '_' || p_field || '_index', 63), v_table, p_field);
    end if;
  else
    for v_index in
      select c.oid::regclass::text from pg_index i join pg_class c on c.oid = i.indexrelid
      where i.indrelid = v_table and i.indnatts = 1 and i.indkey[0] = v_attnum and not i.indisunique and not i.indisprimary
        and i.indexprs is null and i.indpred is null
    loop
      execute format('drop index %s', v_index);
    end loop;
  end if;
end;
$$;
--! EndIncluded strata/schema/set_system_field_index.sql
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
    strata.create_relation, strata.update_relation, strata.delete_relation, strata.set_system_field_index';
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
