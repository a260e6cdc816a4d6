--! Previous: sha1:2ce174ba38454a44a5d52e776f69a42cab8ad5c7
--! Hash: sha1:4064fd76366aa9e24eb80f73a9c2caff55a7a80a
--! Message: Admin TFA disable

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000006-….sql.
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
  -- tfa_secret once they verified the OTP, and an admin's POST /users/:id/tfa/disable clears a
  -- user's; any other payload setting it is refused (strata.check_user_payload), at any depth
  perform set_config('strata.tfa_route',
    case when p_collection = 'directus_users' and p_action = 'update'
              and (select array_agg(k) from jsonb_object_keys(p_args -> 'data') k) = '{tfa_secret}'
              and ((p_opts ->> 'path' in ('/users/me/tfa/enable', '/users/me/tfa/disable')
                    and p_args ->> 'key' = strata.accountability() ->> 'user')
                or (p_opts ->> 'path' = format('/users/%s/tfa/disable', p_args ->> 'key')
                    and (strata.accountability() ->> 'admin')::boolean is true
                    and jsonb_typeof(p_args -> 'data' -> 'tfa_secret') = 'null'))
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
