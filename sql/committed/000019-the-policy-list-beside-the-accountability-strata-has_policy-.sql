--! Previous: sha1:954cac587dad9815ef411a7dbe64b7b1155bf7e3
--! Hash: sha1:02d1c166a61d0a413c21d5b04982cc853c0c4b06
--! Message: The policy list beside the accountability: strata.has_policy as an inlinable string search (strata.policy_in_claims without it); as_user empties the list

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000019-….sql.
--! Included strata/access/has_policy.sql
-- Whether the request's accountability includes a policy (requests with app access also hold
-- the built-in app-access policy). RLS policies call it as (select strata.has_policy(...)) so
-- PostgreSQL evaluates it once per statement (an InitPlan), not once per row.
-- The gateway's requests come with the same claims' policies as a list in strata.policies
-- (',<uuid>,<uuid>,' then 'app,' with app access; set with strata.accountability by the same
-- statement, src/db/client.ts): a string search in plain SQL, which PostgreSQL inlines into the
-- InitPlan, about 1 µs where reading the accountability takes 15. Without the list (a DBA's
-- session; strata.as_user empties it) the accountability is read (strata.policy_in_claims).
-- has_policy's answer from the accountability. PL/pgSQL reads it once (inlined, the SQL form
-- read it twice: 67 µs per InitPlan, now 15).
-- On PostgreSQL 16+, a context that is valid jsonb (the test strata.accountability() makes) is
-- then read as json: json's parse is several times cheaper than building the jsonb value, and
-- its -> takes a repeated key's last value as jsonb keeps it, so the answer is the same, for
-- about half the cost per InitPlan. A missing or unparsable context goes through
-- strata.accountability(), which decides what it means.
do $$
begin
  if current_setting('server_version_num')::int >= 160000 then
    create or replace function strata.policy_in_claims(p_policy uuid)
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
    create or replace function strata.policy_in_claims(p_policy uuid)
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

-- (after strata.policy_in_claims, which its body names)
create or replace function strata.has_policy(p_policy uuid)
returns boolean
language sql
stable
parallel safe
security invoker
as $$
  select case when starts_with(current_setting('strata.policies', true), ',')
    then strpos(current_setting('strata.policies', true), ',' || p_policy::text || ',') > 0
         or (p_policy = strata.app_access_policy() and strpos(current_setting('strata.policies', true), ',app,') > 0)
    else strata.policy_in_claims(p_policy) end
$$;
--! EndIncluded strata/access/has_policy.sql
--! Included strata/access/as_user.sql
-- For a DBA in psql: act as a Directus user for the rest of the transaction, seeing exactly
-- what that user sees through plain SELECT and strata.read:
--   begin; select strata.as_user('<user uuid>'); select * from articles; select strata.read('articles'); rollback;
-- strata.as_user(null) acts as an anonymous (public) request. Admin users keep full access.
create or replace function strata.as_user(p_user uuid)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_access jsonb;
begin
  v_access := case when p_user is null then strata.access_public() else strata.access_for_user(p_user) end;
  if v_access is null then
    perform strata.raise('FORBIDDEN', format('User %s does not exist or is not active', p_user));
  end if;
  perform set_config('strata.accountability', v_access::text, true);
  perform set_config('strata.policies', '', true); -- (strata.has_policy reads the accountability)
  if not (v_access ->> 'admin')::boolean then
    perform set_config('role', 'strata_request', true);
  end if;
  return v_access;
end;
$$;
--! EndIncluded strata/access/as_user.sql
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
