--! Previous: sha1:d1022c94ec827124743766b4ce4a03b84ae67d0a
--! Hash: sha1:62fdc17651a5f631d824dbc38186b0f2ef57077d
--! Message: Shares, content versions, studio metadata, flow event rows, late materialization

-- The next migration (graphile-migrate). The SQL lives in sql/fixtures/ (one function per file):
-- to change something, include the files you changed here, e.g.
--   --!include strata/read/compile_select.sql
-- and, when tables, views or grants change, `--!include strata/access/install.sql` last.
-- Everything here must be idempotent: the server and the tests apply it on every start.
-- `npx tsx scripts/commit-migration.ts "message"` turns it into sql/committed/000010-….sql.
--! Included strata/hooks/deliveries_table.sql
-- The delivery queue of flows and webhooks. An item event is ONE row, whatever the number of its
-- listeners (kind 'event'): the audit trigger writes it in the writing transaction
-- (strata.queue_deliveries) with the listeners of that moment in `listeners`, so a committed
-- change always has its deliveries and an aborted one has none; the gateway that claims it runs
-- every listener and records each one's outcome in the row: the listeners that got it move to
-- `done`, those that failed stay in `listeners` and only they are tried again (so a listener
-- that succeeded is not run twice because another one failed). Events the gateway raises itself
-- (auth.login, files.upload: src/flows/events.ts) are 'event' rows too, queued right after what
-- caused them. One-listener rows: schedule ticks (kind 'flow'; `dedupe` makes one row per flow
-- and tick however many gateways tick) and rows queued before listeners were kept in one row.
-- Gateways claim due rows with a lease (FOR UPDATE SKIP LOCKED: one claimant per row), run them,
-- and record the outcome: delivered, or a retry of the listeners left at `next_at` with
-- exponential backoff, or failed after the last attempt. A gateway that dies mid-delivery leaves
-- a lease that expires, and another gateway delivers again (to the listeners not yet in `done`):
-- at least once. Only the installing role reads or writes it (access/install.sql); admins read
-- it through GET /flows/deliveries.
--   kind/target: 'event' (target null: see listeners), or 'flow' and the flow's id, or 'webhook'
--                and the webhook's id
--   event: Directus's event name ('items.create', 'auth.login', ...; 'schedule' for a tick)
--   keys: the keys the delivery is about (one for a create, as Directus runs a flow per item)
--   payload: what was written, in the items API's formats (the columns a request wrote; for
--            plain SQL the new row or the changed columns); the keys for a delete; for the
--            gateway's events, their $trigger without `event`
--   listeners: ["flow:<id>", "webhook:<id>", ...] still to deliver to; done: those delivered
create table if not exists strata.deliveries (
  id bigserial primary key,
  kind text not null check (kind in ('flow', 'webhook', 'event')),
  target text,
  event text not null,
  collection text,
  keys jsonb,
  payload jsonb,
  accountability jsonb,
  listeners jsonb,
  done jsonb,
  dedupe text unique,
  status text not null default 'pending' check (status in ('pending', 'delivered', 'failed')),
  attempts int not null default 0,
  next_at timestamptz not null default now(),
  lease_until timestamptz,
  last_status int,
  last_error text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
-- (the queue as migration 000007 made it: one row per listener)
alter table strata.deliveries add column if not exists listeners jsonb, add column if not exists done jsonb,
  alter column target drop not null,
  drop constraint if exists deliveries_kind_check,
  add constraint deliveries_kind_check check (kind in ('flow', 'webhook', 'event'));
create index if not exists deliveries_due on strata.deliveries (next_at) where status = 'pending';
create index if not exists deliveries_done on strata.deliveries (updated_at) where status <> 'pending';
--! EndIncluded strata/hooks/deliveries_table.sql
--! Included strata/hooks/queue_deliveries.sql
-- Queues the deliveries of one statement's change (called by strata.audit, which knows the rows):
-- one row per item of p_items ([{keys, payload}]) naming every listener of (collection, action)
-- (one index probe for the statement), and wakes the gateways' dispatchers (NOTIFY
-- strata_deliveries, sent at commit) when there are any. The gateway fans each row out to its
-- listeners (hooks/deliveries_table.sql). Internal: executable by the installing role only.
create or replace function strata.queue_deliveries(p_collection text, p_action text, p_accountability jsonb, p_items jsonb)
returns void
language sql
volatile
security invoker
set search_path = pg_catalog
as $$
  with l as (
    select jsonb_agg(h.kind || ':' || h.target order by h.kind, h.target) as list
    from strata.event_hooks h
    where h.collection = p_collection and h.action = p_action
  ),
  queued as (
    insert into strata.deliveries (kind, event, collection, keys, payload, accountability, listeners, done)
    select 'event', 'items.' || p_action, p_collection, i -> 'keys', i -> 'payload', p_accountability, l.list, '[]'
    from l cross join jsonb_array_elements(p_items) i
    where l.list is not null
    returning 1
  )
  select pg_notify('strata_deliveries', '') where exists (select from queued)
$$;
--! EndIncluded strata/hooks/queue_deliveries.sql
--! Included strata/catalog/system_meta_versions.sql
-- System meta of content versions (directus_versions), as Directus defines it in code: who
-- created and last saved a version, and when, are filled in by the write engine.
insert into strata.system_fields (collection, field, special) values
  ('directus_versions', 'user_created', 'user-created'),
  ('directus_versions', 'date_created', 'date-created'),
  ('directus_versions', 'user_updated', 'user-updated'),
  ('directus_versions', 'date_updated', 'date-updated')
on conflict (collection, field) do nothing;
--! EndIncluded strata/catalog/system_meta_versions.sql
--! Included strata/versions/version_save.sql
-- POST /versions/:id/save: merges the body into the version's delta, as the caller. The version
-- must be readable to them (row-level security on directus_versions; otherwise Directus's 403)
-- and its delta updatable (the write engine's permission checks). The delta keeps who saved last
-- and when (`_user`, `_date`), as Directus stores it. The update fires strata.on_version_save,
-- which records the save (activity `version_save`, a revision with `version` set); it learns
-- which save this is, and what was saved, from strata.version_save (transaction-local), which
-- shapes that record only: the activity is written because the caller's update happened.
-- Returns the merged delta.
create or replace function strata.version_save(p_id uuid, p_body jsonb)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_delta jsonb;
  v_acc jsonb := nullif(current_setting('strata.accountability', true), '')::jsonb;
begin
  -- concurrent saves of one version merge one after the other (none is lost); an advisory
  -- lock needs no privilege on the table, and each statement below sees the last commit
  perform pg_advisory_xact_lock(hashtextextended('strata.version_save:' || p_id::text, 0));
  select coalesce(v.delta::jsonb, '{}') into v_delta from public.directus_versions v where v.id = p_id;
  if not found then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.', '{}');
  end if;
  v_delta := v_delta || p_body || jsonb_build_object('_user', v_acc -> 'user',
    '_date', to_char(now() at time zone 'utc', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'));
  perform set_config('strata.version_save', jsonb_build_object('id', p_id, 'body', p_body)::text, true);
  perform strata.items_update('directus_versions', to_jsonb(p_id::text), jsonb_build_object('delta', v_delta));
  perform set_config('strata.version_save', '', true);
  return v_delta;
end;
$$;
--! EndIncluded strata/versions/version_save.sql
--! Included strata/versions/on_version_save.sql
-- Records a content-version save as Directus does: activity `version_save` on the version's item
-- (its collection and key) and a revision whose `data` and `delta` are what was saved, with
-- `version` set. A row trigger on directus_versions, firing only for the update
-- strata.version_save makes (strata.version_save names the version); plain updates of a version
-- record nothing here. Honours the item collection's accountability ('all', 'activity', null).
create or replace function strata.on_version_save()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_save jsonb := nullif(current_setting('strata.version_save', true), '')::jsonb;
  v_acc jsonb := nullif(current_setting('strata.accountability', true), '')::jsonb;
  v_mode text := 'all';
  v_activity int;
begin
  if v_save is null or v_save ->> 'id' is distinct from new.id::text then
    return null;
  end if;
  select c.accountability into v_mode from directus_collections c where c.collection = new.collection;
  if found and v_mode is null then
    return null;
  end if;
  insert into directus_activity (action, "user", ip, user_agent, origin, collection, item)
  values ('version_save', (v_acc ->> 'user')::uuid, left(v_acc ->> 'ip', 50), v_acc ->> 'user_agent', left(v_acc ->> 'origin', 255),
          new.collection, coalesce(new.item, ''))
  returning id into v_activity;
  if coalesce(v_mode, 'all') = 'all' then
    insert into directus_revisions (activity, collection, item, data, delta, version)
    values (v_activity, new.collection, coalesce(new.item, ''), (v_save -> 'body')::json, (v_save -> 'body')::json, new.id);
  end if;
  return null;
end;
$$;

create or replace trigger strata_version_save after update of delta on public.directus_versions
  for each row execute function strata.on_version_save();
--! EndIncluded strata/versions/on_version_save.sql
--! Included strata/shares/share_id.sql
-- The share a request is made with (a share token: POST /shares/auth), or null. RLS policies
-- call it as (select strata.share_id()) so it is evaluated once per statement (an InitPlan).
create or replace function strata.share_id()
returns text
language sql
stable
parallel safe
security invoker
as $$
  select strata.accountability() ->> 'share'
$$;
--! EndIncluded strata/shares/share_id.sql
--! Included strata/shares/share_visible.sql
-- Whether a share request may see row p_key of p_collection: the shared item itself, or a row
-- linked to it through relations, as Directus scopes a share (each collection at most once on
-- the path back to the shared item; the shared collection only holds the shared item). Its
-- restrictive row-level-security policy (strata.sync_policies) asks this for every row a share
-- request reads, on top of what the share's policies allow; requests without a share never
-- call it. Security definer: it follows relations through rows the share may not read itself
-- (a comment's article), answering only true or false about the row it is asked about.
-- Parallel safe (it only reads), so plain reads keep their parallel plans. Many-to-any relations are not followed. Keys are compared in the column's own type, so the
-- lookups use the tables' indexes (p_key always comes from a row of p_collection).
create or replace function strata.share_visible(p_collection text, p_key text, p_path text[] default '{}')
returns boolean
language plpgsql
stable
parallel safe
security definer
set search_path = pg_catalog, public
as $$
declare
  v_acc jsonb := strata.accountability();
  v_root text := v_acc ->> 'share_collection';
  v_item text := v_acc ->> 'share_item';
  v_pk text;
  v_other_pk text;
  v_val text;
  v_ok boolean;
  r record;
begin
  if p_key is null or v_root is null or v_item is null then
    return false;
  end if;
  if p_collection = v_root then
    return p_key = v_item;
  end if;
  if p_collection = any(p_path) or cardinality(p_path) >= 16 then
    return false;
  end if;
  v_pk := strata.primary_key(p_collection);
  if v_pk is null then
    return false;
  end if;
  for r in select distinct rel.many_collection, rel.many_field, rel.one_collection
           from strata.relations rel
           where rel.one_collection is not null and rel.many_collection <> rel.one_collection
             and (rel.many_collection = p_collection or rel.one_collection = p_collection)
             and not (rel.many_collection = any(p_path) or rel.one_collection = any(p_path))
  loop
    if r.many_collection = p_collection then
      -- this row points at a parent (many-to-one): visible when the parent is
      execute format('select %I::text from public.%I where %I = $1::%s', r.many_field, p_collection, v_pk,
                     strata.share_column_type(p_collection, v_pk))
        into v_val using p_key;
      if v_val is not null and strata.share_visible(r.one_collection, v_val, p_path || p_collection) then
        return true;
      end if;
    else
      -- rows of another collection point at this one: visible when one of them is
      v_other_pk := strata.primary_key(r.many_collection);
      continue when v_other_pk is null;
      if r.many_collection = v_root then
        execute format('select exists (select from public.%I where %I = $1::%s and %I::text = $2)',
                       r.many_collection, r.many_field, strata.share_column_type(r.many_collection, r.many_field), v_other_pk)
          into v_ok using p_key, v_item;
        if v_ok then
          return true;
        end if;
      else
        for v_val in execute format('select %I::text from public.%I where %I = $1::%s limit 1000',
                                    v_other_pk, r.many_collection, r.many_field,
                                    strata.share_column_type(r.many_collection, r.many_field)) using p_key loop
          if strata.share_visible(r.many_collection, v_val, p_path || p_collection) then
            return true;
          end if;
        end loop;
      end if;
    end if;
  end loop;
  return false;
end;
$$;

-- The SQL type of a column of a public table, for the casts above.
create or replace function strata.share_column_type(p_table text, p_column text)
returns text
language sql
stable
parallel safe
security invoker
set search_path = pg_catalog, public
as $$
  select format_type(a.atttypid, a.atttypmod)
  from pg_attribute a
  where a.attrelid = to_regclass(format('public.%I', p_table)) and a.attname = p_column and not a.attisdropped
$$;
--! EndIncluded strata/shares/share_visible.sql
--! Included strata/shares/access_for_share.sql
-- What a share token may do (Directus: the share's role, or the public policies when it has
-- none, never more than the user who created the share): the policies of the share's side
-- that the creator also holds (all of them when the creator is an admin or unknown), no
-- admin or app access, and the share's scope (collection and item), which the restrictive
-- row-level-security policies bind every read to (strata.share_visible). Null when the share
-- does not exist any more, so its tokens stop working with it. Directus intersects the two
-- sides permission by permission; intersecting policies never gives a share more than either.
create or replace function strata.access_for_share(p_share uuid, p_ip text default null)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  with s as (
    select id, collection, item, role, user_created from public.directus_shares where id = p_share
  ), side as (
    select case when s.role is null then strata.access_public(p_ip) else strata.access_for_role(s.role) end as acc from s
  ), creator as (
    select case when s.user_created is null then null else coalesce(strata.access_for_user(s.user_created, p_ip), '{"policies":[]}') end as acc
    from s
  )
  select jsonb_build_object(
    'user', null,
    'role', s.role,
    'roles', coalesce(side.acc -> 'roles', '[]'),
    'policies', coalesce((select jsonb_agg(p order by p)
                          from jsonb_array_elements_text(coalesce(side.acc -> 'policies', '[]')) p
                          where creator.acc is null or coalesce((creator.acc ->> 'admin')::boolean, false)
                             or creator.acc -> 'policies' ? p), '[]'),
    'admin', false,
    'app', false,
    'share', s.id,
    'share_collection', s.collection,
    'share_item', s.item)
  from s, side, creator
$$;
--! EndIncluded strata/shares/access_for_share.sql
--! Included strata/shares/share_login.sql
-- A share login (POST /shares/auth) after the gateway checked the password: the share must
-- have started, not ended, and have uses left (Directus: max_uses, counted in times_used on
-- every login); the use is counted and the session (directus_sessions.share) opened in the
-- same statement, so concurrent logins can't use a share more than max_uses times.
-- Returns true when the session was opened.
create or replace function strata.share_login(p_share uuid, p_token text, p_ttl_ms bigint, p_ip text, p_user_agent text, p_origin text)
returns boolean
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  update public.directus_shares
     set times_used = coalesce(times_used, 0) + 1
   where id = p_share
     and (date_start is null or date_start <= now())
     and (date_end is null or date_end >= now())
     and (max_uses is null or coalesce(times_used, 0) < max_uses);
  if not found then
    return false;
  end if;
  insert into public.directus_sessions (token, "user", share, expires, ip, user_agent, origin)
  values (p_token, null, p_share, now() + p_ttl_ms * interval '1 millisecond', p_ip, left(p_user_agent, 1024), p_origin);
  return true;
end;
$$;
--! EndIncluded strata/shares/share_login.sql
--! Included strata/shares/share_info.sql
-- GET /shares/info/:id: what anyone holding a share link may know before signing in with it
-- (Directus's fields; the password concealed, so the app knows to ask for one). Null when
-- there is no such share.
create or replace function strata.share_info(p_share uuid)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  select jsonb_build_object(
    'id', s.id, 'collection', s.collection, 'item', s.item,
    'password', case when s.password is null then null else '**********' end,
    'max_uses', s.max_uses, 'times_used', s.times_used,
    'date_start', to_char(s.date_start at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
    'date_end', to_char(s.date_end at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
  from public.directus_shares s
  where s.id = p_share
$$;

-- The password hash of a share (checked in the gateway: argon2), or null (none, or no such share).
create or replace function strata.share_password(p_share uuid)
returns text
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  select password from public.directus_shares where id = p_share
$$;
--! EndIncluded strata/shares/share_info.sql
--! Included strata/shares/share_check.sql
-- Who may create a share (Directus): the collection must exist, and a non-admin needs a
-- `share` permission on it whose filter the item satisfies (an item that does not exist
-- satisfies none); moving a share to another item is checked the same way. Any front end's
-- write of directus_shares goes through this trigger (the
-- caller's create permission on directus_shares is checked by the write itself, first). The
-- creator is recorded as the request's user, whatever the payload says.
create or replace function strata.share_check()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_acc jsonb := strata.accountability();
  v_pk text;
  v_expr text;
  v_ok boolean;
  v_msg text;
begin
  if v_acc ->> 'share' is not null then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  if tg_op = 'INSERT' and v_acc ->> 'user' is not null then
    new.user_created := (v_acc ->> 'user')::uuid;
  end if;
  if new.collection is null or not exists (select from strata.columns c where c.collection = new.collection) then
    v_msg := format('You don''t have permission to access collection "%s" or it does not exist. Queried in root.',
                                             coalesce(new.collection, 'undefined'));
    perform strata.raise('FORBIDDEN', v_msg, jsonb_build_object('reason', v_msg));
  end if;
  if coalesce((v_acc ->> 'admin')::boolean, false) then
    return new;
  end if;
  v_pk := strata.primary_key(new.collection);
  select string_agg(format('(%s)', strata.permission_sql(new.collection, 'r', p.permissions)), ' or ')
    into v_expr
  from strata.permissions p
  where p.collection = new.collection and p.action = 'share' and strata.has_policy(p.policy);
  if v_expr is null or v_pk is null then
    v_msg := format('You don''t have permission to access collection "%s" or it does not exist. Queried in root.',
                                             new.collection);
    perform strata.raise('FORBIDDEN', v_msg, jsonb_build_object('reason', v_msg));
  end if;
  execute format('select exists (select 1 from public.%I r where r.%I::text = $1 and (%s))', new.collection, v_pk, v_expr)
    into v_ok using new.item;
  if not v_ok then
    v_msg := format('You don''t have permission to perform "share" for collection "%s" or it does not exist.',
                                             new.collection);
    perform strata.raise('FORBIDDEN', v_msg, jsonb_build_object('reason', v_msg));
  end if;
  return new;
end;
$$;

create or replace trigger strata_share_check before insert or update of collection, item on public.directus_shares
  for each row execute function strata.share_check();

-- a share changed or deleted: gateways re-resolve its tokens' access (scope, role) at once
create or replace trigger strata_access_changed after update or delete or truncate on public.directus_shares
  for each statement execute function strata.on_access_change();
--! EndIncluded strata/shares/share_check.sql
--! Included strata/access/sync_policies.sql
-- Regenerates a collection's row-level-security policies from directus_permissions: one policy
-- per action for role strata_request, OR-ing each permission row's filter guarded by
-- "the request has that row's policy". No permission row for an action = no policy = denied.
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
    execute format('create policy %I on public.%I for %s to strata_request %s', 'strata_' || a.action, p_collection, a.cmd,
      case a.cmd
        when 'insert' then format('with check (%s)', v_expr)
        when 'update' then format('using (%s) with check (true)', v_expr)
        else format('using (%s)', v_expr)
      end);
  end loop;
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
--! Included strata/auth/session_refresh.sql
-- Rotates a refresh-token session (Directus's /auth/refresh). Returns
--   null                              unknown or expired token (also: rotated away already)
--   {"status": <status>}              the user is no longer active (the session is deleted)
--   {"user", "token", "status":"active"}  the session's new refresh token
--   {"share", "token", "status":"active"} the same for a share's session (POST /shares/auth)
-- json/cookie mode (p_stateful false): the row's token is replaced in place, so the old token
-- stops working at once. session mode (p_stateful true): the old row keeps pointing at the new
-- one (next_token) for p_grace_ms, so concurrent refreshes of one session cookie all get the
-- same new token. The row lock serialises concurrent refreshes of the same token.
create or replace function strata.session_refresh(
  p_token text, p_new_token text, p_ttl_ms bigint, p_stateful boolean, p_grace_ms bigint,
  p_ip text, p_user_agent text, p_origin text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_user uuid;
  v_share uuid;
  v_next text;
  v_status text;
  v_token text := p_new_token;
  v_expires timestamptz := now() + p_ttl_ms * interval '1 millisecond';
begin
  select s."user", s.share, s.next_token into v_user, v_share, v_next
    from public.directus_sessions s
    where s.token = p_token and s.expires >= now() and s.oauth_client is null and (s."user" is not null or s.share is not null)
    for update;
  if not found then
    return null;
  end if;
  if v_user is not null then
    select u.status into v_status from public.directus_users u where u.id = v_user;
    if v_status is distinct from 'active' then
      delete from public.directus_sessions where token = p_token;
      return jsonb_build_object('status', v_status);
    end if;
  end if;
  if not p_stateful then
    update public.directus_sessions set token = p_new_token, expires = v_expires, next_token = null
      where token = p_token;
  elsif v_next is not null then
    v_token := v_next;
    update public.directus_sessions set expires = v_expires where token = v_next;
  else
    update public.directus_sessions
      set next_token = p_new_token, expires = now() + p_grace_ms * interval '1 millisecond'
      where token = p_token;
    insert into public.directus_sessions (token, "user", share, expires, ip, user_agent, origin)
      values (p_new_token, v_user, v_share, v_expires, p_ip, p_user_agent, p_origin);
  end if;
  if v_user is null then
    -- a share's session: it lives as long as its share (the foreign key cascades)
    return jsonb_build_object('share', v_share, 'token', v_token, 'status', 'active');
  end if;
  update public.directus_users set last_access = now() where id = v_user;
  delete from public.directus_sessions where "user" = v_user and expires < now();
  return jsonb_build_object('user', v_user, 'token', v_token, 'status', 'active');
end;
$$;
--! EndIncluded strata/auth/session_refresh.sql
--! Included strata/catalog/system_studio_meta.sql
-- What the Data Studio (Directus's app) needs to know about the system collections, as Directus
-- 12.4 declares it: the app metadata of their fields (interface, options, display, width, sort,
-- groups; the alias and presentation fields: o2m lists, dividers, groups, notices) and of the
-- collections (icons, notes, display templates), recorded from the real server into
-- system_studio_meta_data.sql (scripts/record-directus-system.ts). Presentation only: what a
-- system field does (its `special` flags for reads and writes) stays in strata.system_fields.
create table if not exists strata.system_field_meta (
  collection text not null,
  field text not null,
  type text not null,
  meta jsonb not null,
  primary key (collection, field)
);
create table if not exists strata.system_collection_meta (
  collection text primary key,
  meta jsonb not null
);

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
    grant select on strata.system_field_meta, strata.system_collection_meta to strata_request;
  end if;
  if exists (select from pg_roles where rolname = 'strata_admin') then
    grant select on strata.system_field_meta, strata.system_collection_meta to strata_admin;
  end if;
end;
$$;
--! EndIncluded strata/catalog/system_studio_meta.sql
--! Included strata/catalog/system_studio_meta_data.sql
-- Generated by scripts/record-directus-system.ts from Directus 12.4.0's answers (GET /fields,
-- GET /collections): the app metadata of the system collections and their fields. Data, not code:
-- re-record it rather than editing it. Read by strata.field_rows and strata.collection_rows.
insert into strata.system_field_meta (collection, field, type, meta) values
  ('directus_access', 'id', 'uuid', '{"system":true,"collection":"directus_access","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_access', 'role', 'uuid', '{"system":true,"collection":"directus_access","field":"role","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_access', 'user', 'uuid', '{"system":true,"collection":"directus_access","field":"user","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_access', 'policy', 'uuid', '{"system":true,"collection":"directus_access","field":"policy","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_access', 'sort', 'integer', '{"system":true,"collection":"directus_access","field":"sort","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_activity', 'id', 'integer', '{"system":true,"collection":"directus_activity","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_activity', 'item', 'string', '{"system":true,"collection":"directus_activity","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_activity', 'action', 'string', '{"system":true,"collection":"directus_activity","field":"action","special":null,"interface":null,"options":null,"display":"labels","display_options":{"choices":[{"text":"$t:field_options.directus_activity.create","value":"create","foreground":"var(--theme--primary)","background":"var(--theme--primary-subdued)"},{"text":"$t:field_options.directus_activity.update","value":"update","foreground":"var(--blue)","background":"var(--blue-25)"},{"text":"$t:field_options.directus_activity.delete","value":"delete","foreground":"var(--theme--danger)","background":"var(--danger-25)"},{"text":"$t:field_options.directus_activity.login","value":"login","foreground":"var(--purple)","background":"var(--purple-25)"}]},"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_activity', 'collection', 'string', '{"system":true,"collection":"directus_activity","field":"collection","special":null,"interface":null,"options":null,"display":"collection","display_options":{"icon":true},"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_activity', 'timestamp', 'timestamp', '{"system":true,"collection":"directus_activity","field":"timestamp","special":["date-created","cast-timestamp"],"interface":null,"options":{"relative":true},"display":"datetime","display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_activity', 'user', 'uuid', '{"system":true,"collection":"directus_activity","field":"user","special":null,"interface":null,"options":null,"display":"user","display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_activity', 'user_agent', 'text', '{"system":true,"collection":"directus_activity","field":"user_agent","special":null,"interface":null,"options":null,"display":"formatted-value","display_options":{"font":"monospace"},"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_activity', 'origin', 'string', '{"system":true,"collection":"directus_activity","field":"origin","special":null,"interface":null,"options":null,"display":"formatted-value","display_options":{"font":"monospace"},"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_activity', 'ip', 'string', '{"system":true,"collection":"directus_activity","field":"ip","special":null,"interface":null,"options":null,"display":"formatted-value","display_options":{"font":"monospace"},"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_activity', 'revisions', 'alias', '{"system":true,"collection":"directus_activity","field":"revisions","special":["o2m"],"interface":"list-o2m","options":{"fields":["collection","item"]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'collection_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"collection_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"box","title":"$t:field_options.directus_collections.collection_setup"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'collection', 'string', '{"system":true,"collection":"directus_collections","field":"collection","special":null,"interface":"input","options":{"font":"monospace"},"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'note', 'text', '{"system":true,"collection":"directus_collections","field":"note","special":null,"interface":"input","options":{"placeholder":"$t:field_options.directus_collections.note_placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'status', 'string', '{"system":true,"collection":"directus_collections","field":"status","special":null,"interface":"select-dropdown","options":{"choices":[{"text":"$t:active","value":"active"},{"text":"$t:inactive","value":"inactive"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'icon', 'string', '{"system":true,"collection":"directus_collections","field":"icon","special":null,"interface":"select-icon","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'color', 'string', '{"system":true,"collection":"directus_collections","field":"color","special":null,"interface":"select-color","options":{"placeholder":"$t:interfaces.select-color.placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'display_template', 'string', '{"system":true,"collection":"directus_collections","field":"display_template","special":null,"interface":"system-display-template","options":{"collectionField":"collection"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'hidden', 'boolean', '{"system":true,"collection":"directus_collections","field":"hidden","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:field_options.directus_collections.hidden_label"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'singleton', 'boolean', '{"system":true,"collection":"directus_collections","field":"singleton","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:singleton_label"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'translations', 'json', '{"system":true,"collection":"directus_collections","field":"translations","special":["cast-json"],"interface":"list","options":{"template":"{{ translation }} ({{ language }})","fields":[{"field":"language","name":"$t:language","type":"string","schema":{"default_value":"en-US"},"meta":{"interface":"system-language","width":"half","required":true}},{"field":"translation","name":"$t:field_options.directus_collections.collection_name","type":"string","meta":{"interface":"input","width":"half","required":true,"options":{"placeholder":"$t:field_options.directus_collections.translation_placeholder"}}},{"field":"singular","name":"$t:field_options.directus_collections.singular_unit","type":"string","meta":{"interface":"input","width":"half","options":{"placeholder":"$t:field_options.directus_collections.translation_placeholder"}}},{"field":"plural","name":"$t:field_options.directus_collections.plural_unit","type":"string","meta":{"interface":"input","width":"half","options":{"placeholder":"$t:field_options.directus_collections.translation_placeholder"}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":"$t:field_options.directus_collections.collection_naming_translations_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'content_translations_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"content_translations_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"translate","title":"$t:field_options.directus_collections.content_translations_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'translations_enable_helper', 'alias', '{"system":true,"collection":"directus_collections","field":"translations_enable_helper","special":["alias","no-data"],"interface":"system-collections-translations","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'preview_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"preview_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"preview","title":"$t:field_options.directus_collections.preview_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'preview_url', 'string', '{"system":true,"collection":"directus_collections","field":"preview_url","special":null,"interface":"system-display-template","options":{"collectionField":"collection","injectVersionField":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":14,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'content_versioning_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"content_versioning_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"published_with_changes","title":"$t:field_options.directus_collections.content_versioning_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":15,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'versioning', 'boolean', '{"system":true,"collection":"directus_collections","field":"versioning","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:field_options.directus_collections.enable_versioning"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":16,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'autosave_revision_interval', 'float', '{"system":true,"collection":"directus_collections","field":"autosave_revision_interval","special":null,"interface":"select-dropdown","options":{"choices":[{"text":"$t:field_options.directus_collections.interval_default","value":null},{"text":"30s","value":30},{"text":"1m","value":60},{"text":"5m","value":300},{"text":"10m","value":600}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":17,"width":"half","group":null,"translations":null,"note":null,"conditions":[{"rule":{"_or":[{"versioning":{"_neq":true}},{"accountability":{"_neq":"all"}}]},"readonly":true}],"required":false,"searchable":true}'),
  ('directus_collections', 'archive_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"archive_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"archive","title":"$t:field_options.directus_collections.archive_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":18,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'archive_field', 'string', '{"system":true,"collection":"directus_collections","field":"archive_field","special":null,"interface":"system-field","options":{"collectionField":"collection","allowNone":true,"placeholder":"$t:field_options.directus_collections.archive_field_placeholder","typeAllowList":["string","boolean"]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":19,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'archive_app_filter', 'boolean', '{"system":true,"collection":"directus_collections","field":"archive_app_filter","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:field_options.directus_collections.archive_app_filter"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":20,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'archive_value', 'string', '{"system":true,"collection":"directus_collections","field":"archive_value","special":null,"interface":"input","options":{"font":"monospace","iconRight":"archive","placeholder":"$t:field_options.directus_collections.archive_value"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":21,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'unarchive_value', 'string', '{"system":true,"collection":"directus_collections","field":"unarchive_value","special":null,"interface":"input","options":{"font":"monospace","iconRight":"unarchive","placeholder":"$t:field_options.directus_collections.unarchive_value"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":22,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'sort_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"sort_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"sort","title":"$t:field_options.directus_collections.sort_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":23,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'sort_field', 'string', '{"system":true,"collection":"directus_collections","field":"sort_field","special":null,"interface":"system-field","options":{"collectionField":"collection","placeholder":"$t:field_options.directus_collections.sort_field","typeAllowList":["float","decimal","integer"],"allowNone":true,"allowPrimaryKey":false,"allowForeignKeys":false},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":24,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'accountability_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"accountability_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"admin_panel_settings","title":"$t:field_options.directus_collections.accountability_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":25,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'accountability', 'string', '{"system":true,"collection":"directus_collections","field":"accountability","special":null,"interface":"select-dropdown","options":{"choices":[{"text":"$t:field_options.directus_collections.track_activity_revisions","value":"all"},{"text":"$t:field_options.directus_collections.only_track_activity","value":"activity"},{"text":"$t:field_options.directus_collections.do_not_track_anything","value":null}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":26,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'duplication_divider', 'alias', '{"system":true,"collection":"directus_collections","field":"duplication_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"content_copy","title":"$t:field_options.directus_collections.duplication_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":27,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'item_duplication_fields', 'json', '{"system":true,"collection":"directus_collections","field":"item_duplication_fields","special":["cast-json"],"interface":"system-field-tree","options":{"collectionField":"collection"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":28,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'sort', 'integer', '{"system":true,"collection":"directus_collections","field":"sort","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":29,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'group', 'string', '{"system":true,"collection":"directus_collections","field":"group","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":30,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_collections', 'collapse', 'string', '{"system":true,"collection":"directus_collections","field":"collapse","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":31,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_comments', 'id', 'uuid', '{"system":true,"collection":"directus_comments","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_comments', 'collection', 'string', '{"system":true,"collection":"directus_comments","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_comments', 'item', 'string', '{"system":true,"collection":"directus_comments","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_comments', 'comment', 'text', '{"system":true,"collection":"directus_comments","field":"comment","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_comments', 'date_created', 'timestamp', '{"system":true,"collection":"directus_comments","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_comments', 'date_updated', 'timestamp', '{"system":true,"collection":"directus_comments","field":"date_updated","special":["date-updated","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_comments', 'user_created', 'uuid', '{"system":true,"collection":"directus_comments","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_comments', 'user_updated', 'uuid', '{"system":true,"collection":"directus_comments","field":"user_updated","special":["user-updated"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_dashboards', 'id', 'uuid', '{"system":true,"collection":"directus_dashboards","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_dashboards', 'name', 'string', '{"system":true,"collection":"directus_dashboards","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_dashboards', 'icon', 'string', '{"system":true,"collection":"directus_dashboards","field":"icon","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_dashboards', 'panels', 'alias', '{"system":true,"collection":"directus_dashboards","field":"panels","special":["o2m"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_dashboards', 'date_created', 'timestamp', '{"system":true,"collection":"directus_dashboards","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_dashboards', 'user_created', 'uuid', '{"system":true,"collection":"directus_dashboards","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_dashboards', 'note', 'text', '{"system":true,"collection":"directus_dashboards","field":"note","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_dashboards', 'color', 'string', '{"system":true,"collection":"directus_dashboards","field":"color","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_projects', 'id', 'uuid', '{"system":true,"collection":"directus_deployment_projects","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_projects', 'deployment', 'uuid', '{"system":true,"collection":"directus_deployment_projects","field":"deployment","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_projects', 'external_id', 'string', '{"system":true,"collection":"directus_deployment_projects","field":"external_id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_projects', 'name', 'string', '{"system":true,"collection":"directus_deployment_projects","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_projects', 'url', 'string', '{"system":true,"collection":"directus_deployment_projects","field":"url","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_projects', 'framework', 'string', '{"system":true,"collection":"directus_deployment_projects","field":"framework","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_projects', 'deployable', 'boolean', '{"system":true,"collection":"directus_deployment_projects","field":"deployable","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_projects', 'runs', 'alias', '{"system":true,"collection":"directus_deployment_projects","field":"runs","special":["o2m"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_projects', 'date_created', 'timestamp', '{"system":true,"collection":"directus_deployment_projects","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_projects', 'user_created', 'uuid', '{"system":true,"collection":"directus_deployment_projects","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_runs', 'id', 'uuid', '{"system":true,"collection":"directus_deployment_runs","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_runs', 'project', 'uuid', '{"system":true,"collection":"directus_deployment_runs","field":"project","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_runs', 'external_id', 'string', '{"system":true,"collection":"directus_deployment_runs","field":"external_id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_runs', 'target', 'string', '{"system":true,"collection":"directus_deployment_runs","field":"target","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_runs', 'status', 'string', '{"system":true,"collection":"directus_deployment_runs","field":"status","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_runs', 'url', 'string', '{"system":true,"collection":"directus_deployment_runs","field":"url","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_runs', 'started_at', 'timestamp', '{"system":true,"collection":"directus_deployment_runs","field":"started_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_runs', 'completed_at', 'timestamp', '{"system":true,"collection":"directus_deployment_runs","field":"completed_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_runs', 'date_created', 'timestamp', '{"system":true,"collection":"directus_deployment_runs","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployment_runs', 'user_created', 'uuid', '{"system":true,"collection":"directus_deployment_runs","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployments', 'id', 'uuid', '{"system":true,"collection":"directus_deployments","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployments', 'provider', 'string', '{"system":true,"collection":"directus_deployments","field":"provider","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployments', 'credentials', 'text', '{"system":true,"collection":"directus_deployments","field":"credentials","special":["encrypt"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployments', 'options', 'json', '{"system":true,"collection":"directus_deployments","field":"options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployments', 'projects', 'alias', '{"system":true,"collection":"directus_deployments","field":"projects","special":["o2m"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployments', 'webhook_ids', 'json', '{"system":true,"collection":"directus_deployments","field":"webhook_ids","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployments', 'last_synced_at', 'timestamp', '{"system":true,"collection":"directus_deployments","field":"last_synced_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployments', 'date_created', 'timestamp', '{"system":true,"collection":"directus_deployments","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_deployments', 'user_created', 'uuid', '{"system":true,"collection":"directus_deployments","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_extensions', 'id', 'uuid', '{"system":true,"collection":"directus_extensions","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_extensions', 'folder', 'string', '{"system":true,"collection":"directus_extensions","field":"folder","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_extensions', 'source', 'string', '{"system":true,"collection":"directus_extensions","field":"source","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_extensions', 'bundle', 'uuid', '{"system":true,"collection":"directus_extensions","field":"bundle","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_extensions', 'enabled', 'boolean', '{"system":true,"collection":"directus_extensions","field":"enabled","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'id', 'integer', '{"system":true,"collection":"directus_fields","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'collection', 'string', '{"system":true,"collection":"directus_fields","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'field', 'string', '{"system":true,"collection":"directus_fields","field":"field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'special', 'csv', '{"system":true,"collection":"directus_fields","field":"special","special":["cast-csv"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'interface', 'string', '{"system":true,"collection":"directus_fields","field":"interface","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'options', 'json', '{"system":true,"collection":"directus_fields","field":"options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'display', 'string', '{"system":true,"collection":"directus_fields","field":"display","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'display_options', 'json', '{"system":true,"collection":"directus_fields","field":"display_options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'readonly', 'boolean', '{"system":true,"collection":"directus_fields","field":"readonly","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'hidden', 'boolean', '{"system":true,"collection":"directus_fields","field":"hidden","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'required', 'boolean', '{"system":true,"collection":"directus_fields","field":"required","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'searchable', 'boolean', '{"system":true,"collection":"directus_fields","field":"searchable","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'sort', 'integer', '{"system":true,"collection":"directus_fields","field":"sort","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'width', 'string', '{"system":true,"collection":"directus_fields","field":"width","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":14,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'group', 'string', '{"system":true,"collection":"directus_fields","field":"group","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":15,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'translations', 'json', '{"system":true,"collection":"directus_fields","field":"translations","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":16,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'note', 'text', '{"system":true,"collection":"directus_fields","field":"note","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":17,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'conditions', 'json', '{"system":true,"collection":"directus_fields","field":"conditions","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":18,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'validation', 'json', '{"system":true,"collection":"directus_fields","field":"validation","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":19,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_fields', 'validation_message', 'text', '{"system":true,"collection":"directus_fields","field":"validation_message","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":20,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'id', 'uuid', '{"system":true,"collection":"directus_files","field":"id","special":["uuid"],"interface":"input","options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'title', 'string', '{"system":true,"collection":"directus_files","field":"title","special":null,"interface":"input","options":{"iconRight":"title","placeholder":"$t:field_options.directus_files.title"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'description', 'text', '{"system":true,"collection":"directus_files","field":"description","special":null,"interface":"input-multiline","options":{"placeholder":"$t:field_options.directus_files.description"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'tags', 'json', '{"system":true,"collection":"directus_files","field":"tags","special":["cast-json"],"interface":"tags","options":{"iconRight":"local_offer"},"display":"labels","display_options":{"choices":null,"format":false},"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'location', 'text', '{"system":true,"collection":"directus_files","field":"location","special":null,"interface":"input","options":{"iconRight":"place","placeholder":"$t:field_options.directus_files.location"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'storage', 'string', '{"system":true,"collection":"directus_files","field":"storage","special":null,"interface":"input","options":{"iconRight":"storage"},"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'focal_point_divider', 'alias', '{"system":true,"collection":"directus_files","field":"focal_point_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"image_search","title":"$t:field_options.directus_files.focal_point_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'focal_point_x', 'integer', '{"system":true,"collection":"directus_files","field":"focal_point_x","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'focal_point_y', 'integer', '{"system":true,"collection":"directus_files","field":"focal_point_y","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'storage_divider', 'alias', '{"system":true,"collection":"directus_files","field":"storage_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"insert_drive_file","title":"$t:field_options.directus_files.storage_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'filename_disk', 'string', '{"system":true,"collection":"directus_files","field":"filename_disk","special":null,"interface":"input","options":{"iconRight":"publish","placeholder":"$t:field_options.directus_files.filename_disk"},"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'filename_download', 'string', '{"system":true,"collection":"directus_files","field":"filename_download","special":null,"interface":"input","options":{"iconRight":"get_app","placeholder":"$t:field_options.directus_files.filename_download"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'metadata', 'json', '{"system":true,"collection":"directus_files","field":"metadata","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'type', 'string', '{"system":true,"collection":"directus_files","field":"type","special":null,"interface":null,"options":null,"display":"mime-type","display_options":null,"readonly":true,"hidden":false,"sort":14,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'filesize', 'bigInteger', '{"system":true,"collection":"directus_files","field":"filesize","special":null,"interface":null,"options":null,"display":"filesize","display_options":null,"readonly":true,"hidden":false,"sort":15,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'created_on', 'timestamp', '{"system":true,"collection":"directus_files","field":"created_on","special":["date-created"],"interface":"datetime","options":null,"display":"datetime","display_options":null,"readonly":true,"hidden":false,"sort":16,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'modified_by', 'uuid', '{"system":true,"collection":"directus_files","field":"modified_by","special":["user-updated"],"interface":"select-dropdown-m2o","options":{"template":"{{avatar.$thumbnail}} {{first_name}} {{last_name}}"},"display":"user","display_options":null,"readonly":true,"hidden":false,"sort":17,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'modified_on', 'timestamp', '{"system":true,"collection":"directus_files","field":"modified_on","special":["date-created","date-updated"],"interface":"datetime","options":null,"display":"datetime","display_options":null,"readonly":true,"hidden":false,"sort":18,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'embed', 'string', '{"system":true,"collection":"directus_files","field":"embed","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":19,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'uploaded_by', 'uuid', '{"system":true,"collection":"directus_files","field":"uploaded_by","special":["user-created"],"interface":null,"options":null,"display":"user","display_options":null,"readonly":false,"hidden":true,"sort":20,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'uploaded_on', 'timestamp', '{"system":true,"collection":"directus_files","field":"uploaded_on","special":null,"interface":null,"options":null,"display":"datetime","display_options":null,"readonly":false,"hidden":true,"sort":21,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'folder', 'uuid', '{"system":true,"collection":"directus_files","field":"folder","special":["m2o"],"interface":null,"options":null,"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":true,"hidden":false,"sort":22,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'width', 'integer', '{"system":true,"collection":"directus_files","field":"width","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":23,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'height', 'integer', '{"system":true,"collection":"directus_files","field":"height","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":24,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'charset', 'string', '{"system":true,"collection":"directus_files","field":"charset","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":25,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'duration', 'integer', '{"system":true,"collection":"directus_files","field":"duration","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":26,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'tus_id', 'string', '{"system":true,"collection":"directus_files","field":"tus_id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":27,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_files', 'tus_data', 'json', '{"system":true,"collection":"directus_files","field":"tus_data","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":28,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'id', 'uuid', '{"system":true,"collection":"directus_flows","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'name', 'string', '{"system":true,"collection":"directus_flows","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'icon', 'string', '{"system":true,"collection":"directus_flows","field":"icon","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'color', 'string', '{"system":true,"collection":"directus_flows","field":"color","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'description', 'text', '{"system":true,"collection":"directus_flows","field":"description","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'status', 'string', '{"system":true,"collection":"directus_flows","field":"status","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'trigger', 'string', '{"system":true,"collection":"directus_flows","field":"trigger","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'accountability', 'string', '{"system":true,"collection":"directus_flows","field":"accountability","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'options', 'json', '{"system":true,"collection":"directus_flows","field":"options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'operation', 'uuid', '{"system":true,"collection":"directus_flows","field":"operation","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'operations', 'alias', '{"system":true,"collection":"directus_flows","field":"operations","special":["o2m"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'date_created', 'timestamp', '{"system":true,"collection":"directus_flows","field":"date_created","special":["date-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'user_created', 'uuid', '{"system":true,"collection":"directus_flows","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_flows', 'folder', 'uuid', '{"system":true,"collection":"directus_flows","field":"folder","special":["m2o"],"interface":null,"options":null,"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":true,"hidden":false,"sort":14,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_folders', 'id', 'uuid', '{"system":true,"collection":"directus_folders","field":"id","special":["uuid"],"interface":"input","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_folders', 'parent', 'uuid', '{"system":true,"collection":"directus_folders","field":"parent","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_folders', 'name', 'string', '{"system":true,"collection":"directus_folders","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_folders', 'type', 'string', '{"system":true,"collection":"directus_folders","field":"type","special":null,"interface":"select-dropdown","options":{"choices":[{"value":"files","text":"$t:file_library"},{"value":"flows","text":"$t:flows"}]},"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_migrations', 'version', 'string', '{"system":true,"collection":"directus_migrations","field":"version","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_migrations', 'name', 'string', '{"system":true,"collection":"directus_migrations","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_migrations', 'timestamp', 'timestamp', '{"system":true,"collection":"directus_migrations","field":"timestamp","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_notifications', 'id', 'integer', '{"system":true,"collection":"directus_notifications","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_notifications', 'timestamp', 'timestamp', '{"system":true,"collection":"directus_notifications","field":"timestamp","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_notifications', 'status', 'string', '{"system":true,"collection":"directus_notifications","field":"status","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_notifications', 'recipient', 'uuid', '{"system":true,"collection":"directus_notifications","field":"recipient","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_notifications', 'sender', 'uuid', '{"system":true,"collection":"directus_notifications","field":"sender","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_notifications', 'subject', 'string', '{"system":true,"collection":"directus_notifications","field":"subject","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_notifications', 'message', 'text', '{"system":true,"collection":"directus_notifications","field":"message","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_notifications', 'collection', 'string', '{"system":true,"collection":"directus_notifications","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_notifications', 'item', 'string', '{"system":true,"collection":"directus_notifications","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'client_name', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"client_name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'redirect_uris', 'json', '{"system":true,"collection":"directus_oauth_clients","field":"redirect_uris","special":["cast-json"],"interface":null,"options":null,"display":"labels","display_options":{"format":false},"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'grant_types', 'json', '{"system":true,"collection":"directus_oauth_clients","field":"grant_types","special":["cast-json"],"interface":null,"options":null,"display":"labels","display_options":{"format":false},"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'date_created', 'timestamp', '{"system":true,"collection":"directus_oauth_clients","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'client_id', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"client_id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'token_endpoint_auth_method', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"token_endpoint_auth_method","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'client_secret_hash', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"client_secret_hash","special":["conceal"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'tokens', 'alias', '{"system":true,"collection":"directus_oauth_clients","field":"tokens","special":["o2m"],"interface":"list-o2m","options":{"fields":["user","expires_at","date_created"]},"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'registration_type', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"registration_type","special":null,"interface":null,"options":null,"display":"labels","display_options":{"choices":[{"text":"$t:field_options.directus_oauth_clients.registration_type_dcr","value":"dcr","foreground":"var(--theme--primary)","background":"var(--theme--primary-subdued)"},{"text":"$t:field_options.directus_oauth_clients.registration_type_cimd","value":"cimd","foreground":"var(--blue)","background":"var(--blue-25)"}]},"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'client_uri', 'text', '{"system":true,"collection":"directus_oauth_clients","field":"client_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'logo_uri', 'text', '{"system":true,"collection":"directus_oauth_clients","field":"logo_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'tos_uri', 'text', '{"system":true,"collection":"directus_oauth_clients","field":"tos_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'policy_uri', 'text', '{"system":true,"collection":"directus_oauth_clients","field":"policy_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":13,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'metadata_fetched_at', 'timestamp', '{"system":true,"collection":"directus_oauth_clients","field":"metadata_fetched_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":14,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'metadata_expires_at', 'timestamp', '{"system":true,"collection":"directus_oauth_clients","field":"metadata_expires_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":15,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_clients', 'metadata_etag', 'string', '{"system":true,"collection":"directus_oauth_clients","field":"metadata_etag","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":16,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'id', 'uuid', '{"system":true,"collection":"directus_oauth_codes","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'code_hash', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"code_hash","special":["conceal"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'client', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"client","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'user', 'uuid', '{"system":true,"collection":"directus_oauth_codes","field":"user","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'redirect_uri', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"redirect_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'resource', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"resource","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'code_challenge', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"code_challenge","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'code_challenge_method', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"code_challenge_method","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'scope', 'string', '{"system":true,"collection":"directus_oauth_codes","field":"scope","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'expires_at', 'timestamp', '{"system":true,"collection":"directus_oauth_codes","field":"expires_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_codes', 'used_at', 'timestamp', '{"system":true,"collection":"directus_oauth_codes","field":"used_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_consents', 'id', 'uuid', '{"system":true,"collection":"directus_oauth_consents","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_consents', 'user', 'uuid', '{"system":true,"collection":"directus_oauth_consents","field":"user","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_consents', 'client', 'string', '{"system":true,"collection":"directus_oauth_consents","field":"client","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_consents', 'redirect_uri', 'string', '{"system":true,"collection":"directus_oauth_consents","field":"redirect_uri","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_consents', 'scope', 'string', '{"system":true,"collection":"directus_oauth_consents","field":"scope","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_consents', 'date_created', 'timestamp', '{"system":true,"collection":"directus_oauth_consents","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_consents', 'date_updated', 'timestamp', '{"system":true,"collection":"directus_oauth_consents","field":"date_updated","special":["date-updated","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_tokens', 'id', 'uuid', '{"system":true,"collection":"directus_oauth_tokens","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_tokens', 'client', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"client","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_tokens', 'user', 'uuid', '{"system":true,"collection":"directus_oauth_tokens","field":"user","special":["m2o"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_tokens', 'session', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"session","special":["conceal"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_tokens', 'previous_session', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"previous_session","special":["conceal"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_tokens', 'resource', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"resource","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_tokens', 'code_hash', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"code_hash","special":["conceal"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_tokens', 'scope', 'string', '{"system":true,"collection":"directus_oauth_tokens","field":"scope","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_tokens', 'expires_at', 'timestamp', '{"system":true,"collection":"directus_oauth_tokens","field":"expires_at","special":["cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_oauth_tokens', 'date_created', 'timestamp', '{"system":true,"collection":"directus_oauth_tokens","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'id', 'uuid', '{"system":true,"collection":"directus_operations","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'name', 'string', '{"system":true,"collection":"directus_operations","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'key', 'string', '{"system":true,"collection":"directus_operations","field":"key","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'type', 'string', '{"system":true,"collection":"directus_operations","field":"type","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'position_x', 'integer', '{"system":true,"collection":"directus_operations","field":"position_x","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'position_y', 'integer', '{"system":true,"collection":"directus_operations","field":"position_y","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'options', 'json', '{"system":true,"collection":"directus_operations","field":"options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'resolve', 'uuid', '{"system":true,"collection":"directus_operations","field":"resolve","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'reject', 'uuid', '{"system":true,"collection":"directus_operations","field":"reject","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'flow', 'uuid', '{"system":true,"collection":"directus_operations","field":"flow","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'date_created', 'timestamp', '{"system":true,"collection":"directus_operations","field":"date_created","special":["date-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_operations', 'user_created', 'uuid', '{"system":true,"collection":"directus_operations","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'id', 'uuid', '{"system":true,"collection":"directus_panels","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'name', 'string', '{"system":true,"collection":"directus_panels","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'icon', 'string', '{"system":true,"collection":"directus_panels","field":"icon","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'color', 'string', '{"system":true,"collection":"directus_panels","field":"color","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'note', 'text', '{"system":true,"collection":"directus_panels","field":"note","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'type', 'string', '{"system":true,"collection":"directus_panels","field":"type","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'show_header', 'boolean', '{"system":true,"collection":"directus_panels","field":"show_header","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'position_x', 'integer', '{"system":true,"collection":"directus_panels","field":"position_x","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'position_y', 'integer', '{"system":true,"collection":"directus_panels","field":"position_y","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'width', 'integer', '{"system":true,"collection":"directus_panels","field":"width","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'height', 'integer', '{"system":true,"collection":"directus_panels","field":"height","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'options', 'json', '{"system":true,"collection":"directus_panels","field":"options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'date_created', 'timestamp', '{"system":true,"collection":"directus_panels","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'user_created', 'uuid', '{"system":true,"collection":"directus_panels","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":14,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_panels', 'dashboard', 'uuid', '{"system":true,"collection":"directus_panels","field":"dashboard","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":15,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_permissions', 'permissions', 'json', '{"system":true,"collection":"directus_permissions","field":"permissions","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_permissions', 'presets', 'json', '{"system":true,"collection":"directus_permissions","field":"presets","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_permissions', 'policy', 'uuid', '{"system":true,"collection":"directus_permissions","field":"policy","special":["m2o"],"interface":"select-dropdown-m2o","options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_permissions', 'collection', 'string', '{"system":true,"collection":"directus_permissions","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_permissions', 'id', 'integer', '{"system":true,"collection":"directus_permissions","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_permissions', 'fields', 'csv', '{"system":true,"collection":"directus_permissions","field":"fields","special":["cast-csv"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_permissions', 'action', 'string', '{"system":true,"collection":"directus_permissions","field":"action","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_permissions', 'validation', 'json', '{"system":true,"collection":"directus_permissions","field":"validation","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'id', 'uuid', '{"system":true,"collection":"directus_policies","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'name', 'string', '{"system":true,"collection":"directus_policies","field":"name","special":null,"interface":null,"options":null,"display":"formatted-value","display_options":{"translate":true},"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":true,"searchable":true}'),
  ('directus_policies', 'icon', 'string', '{"system":true,"collection":"directus_policies","field":"icon","special":null,"interface":"select-icon","options":null,"display":"icon","display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'description', 'text', '{"system":true,"collection":"directus_policies","field":"description","special":null,"interface":"input","options":{"placeholder":"$t:field_options.directus_policies.description"},"display":"formatted-value","display_options":{"translate":true},"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'permissions', 'alias', '{"system":true,"collection":"directus_policies","field":"permissions","special":["o2m"],"interface":"system-permissions","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'app_access', 'boolean', '{"system":true,"collection":"directus_policies","field":"app_access","special":["cast-boolean"],"interface":"boolean","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'admin_access', 'boolean', '{"system":true,"collection":"directus_policies","field":"admin_access","special":["cast-boolean"],"interface":"boolean","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'ip_access', 'csv', '{"system":true,"collection":"directus_policies","field":"ip_access","special":["cast-csv"],"interface":"tags","options":{"placeholder":"$t:field_options.directus_policies.ip_access"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'enforce_tfa', 'boolean', '{"system":true,"collection":"directus_policies","field":"enforce_tfa","special":["cast-boolean"],"interface":"boolean","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":"$t:field_options.directus_policies.enforce_tfa","conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'assigned_to_divider', 'alias', '{"system":true,"collection":"directus_policies","field":"assigned_to_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"title":"$t:field_options.directus_policies.assigned_to"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'users', 'alias', '{"system":true,"collection":"directus_policies","field":"users","special":["m2m"],"interface":"list-m2m","options":{"template":"{{ user.first_name }} {{ user.last_name }}","junctionFilter":{"user":{"_nnull":true}}},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_policies', 'roles', 'alias', '{"system":true,"collection":"directus_policies","field":"roles","special":["m2m"],"interface":"list-m2m","options":{"template":"{{ role.name }}","junctionFilter":{"role":{"_nnull":true}}},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'filter', 'json', '{"system":true,"collection":"directus_presets","field":"filter","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'layout_query', 'json', '{"system":true,"collection":"directus_presets","field":"layout_query","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'layout_options', 'json', '{"system":true,"collection":"directus_presets","field":"layout_options","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'role', 'uuid', '{"system":true,"collection":"directus_presets","field":"role","special":["m2o"],"interface":null,"options":null,"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'user', 'uuid', '{"system":true,"collection":"directus_presets","field":"user","special":["m2o"],"interface":null,"options":null,"display":"related-values","display_options":{"template":"{{ email }}"},"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'id', 'integer', '{"system":true,"collection":"directus_presets","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'bookmark', 'string', '{"system":true,"collection":"directus_presets","field":"bookmark","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'icon', 'string', '{"system":true,"collection":"directus_presets","field":"icon","special":null,"interface":null,"options":null,"display":"icon","display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'color', 'string', '{"system":true,"collection":"directus_presets","field":"color","special":null,"interface":null,"options":null,"display":"color","display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'search', 'string', '{"system":true,"collection":"directus_presets","field":"search","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'collection', 'string', '{"system":true,"collection":"directus_presets","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'layout', 'string', '{"system":true,"collection":"directus_presets","field":"layout","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_presets', 'refresh_interval', 'integer', '{"system":true,"collection":"directus_presets","field":"refresh_interval","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_relations', 'id', 'integer', '{"system":true,"collection":"directus_relations","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_relations', 'many_collection', 'string', '{"system":true,"collection":"directus_relations","field":"many_collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_relations', 'many_field', 'string', '{"system":true,"collection":"directus_relations","field":"many_field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_relations', 'one_collection', 'string', '{"system":true,"collection":"directus_relations","field":"one_collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_relations', 'one_field', 'string', '{"system":true,"collection":"directus_relations","field":"one_field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_relations', 'one_collection_field', 'string', '{"system":true,"collection":"directus_relations","field":"one_collection_field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_relations', 'one_allowed_collections', 'csv', '{"system":true,"collection":"directus_relations","field":"one_allowed_collections","special":["cast-csv"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_relations', 'junction_field', 'string', '{"system":true,"collection":"directus_relations","field":"junction_field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_relations', 'sort_field', 'string', '{"system":true,"collection":"directus_relations","field":"sort_field","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_relations', 'one_deselect_action', 'string', '{"system":true,"collection":"directus_relations","field":"one_deselect_action","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_revisions', 'id', 'integer', '{"system":true,"collection":"directus_revisions","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_revisions', 'activity', 'integer', '{"system":true,"collection":"directus_revisions","field":"activity","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_revisions', 'collection', 'string', '{"system":true,"collection":"directus_revisions","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_revisions', 'item', 'string', '{"system":true,"collection":"directus_revisions","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_revisions', 'data', 'json', '{"system":true,"collection":"directus_revisions","field":"data","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_revisions', 'delta', 'json', '{"system":true,"collection":"directus_revisions","field":"delta","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_revisions', 'parent', 'integer', '{"system":true,"collection":"directus_revisions","field":"parent","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_revisions', 'version', 'uuid', '{"system":true,"collection":"directus_revisions","field":"version","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_roles', 'id', 'uuid', '{"system":true,"collection":"directus_roles","field":"id","special":["uuid"],"interface":"input","options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_roles', 'name', 'string', '{"system":true,"collection":"directus_roles","field":"name","special":null,"interface":"input","options":{"placeholder":"$t:field_options.directus_roles.name"},"display":"formatted-value","display_options":{"translate":true},"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":true,"searchable":true}'),
  ('directus_roles', 'icon', 'string', '{"system":true,"collection":"directus_roles","field":"icon","special":null,"interface":"select-icon","options":null,"display":"icon","display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_roles', 'description', 'text', '{"system":true,"collection":"directus_roles","field":"description","special":null,"interface":"input","options":{"placeholder":"$t:field_options.directus_roles.description"},"display":"formatted-value","display_options":{"translate":true},"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_roles', 'parent', 'uuid', '{"system":true,"collection":"directus_roles","field":"parent","special":["m2o"],"interface":"select-dropdown-m2o","options":{"template":"{{ name }}","filter":{"id":{"_neq":"{{ id }}"}}},"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":"$t:field_options.directus_roles.parent_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_roles', 'children', 'alias', '{"system":true,"collection":"directus_roles","field":"children","special":["o2m"],"interface":"list-o2m-tree-view","options":{"displayTemplate":"{{ name }}","enableCreate":false,"fields":["name"],"filter":{"id":{"_neq":"{{ id }}"}}},"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":false,"hidden":true,"sort":6,"width":"full","group":null,"translations":null,"note":"$t:field_options.directus_roles.children_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_roles', 'policies', 'alias', '{"system":true,"collection":"directus_roles","field":"policies","special":["m2m"],"interface":"list-m2m","options":{"layout":"list"},"display":"related-values","display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_roles', 'users_group', 'alias', '{"system":true,"collection":"directus_roles","field":"users_group","special":["alias","no-data","group"],"interface":"group-raw","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_roles', 'users_divider', 'alias', '{"system":true,"collection":"directus_roles","field":"users_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"people_alt","title":"$t:users"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":"users_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_roles', 'users', 'alias', '{"system":true,"collection":"directus_roles","field":"users","special":["o2m"],"interface":"list-o2m","options":{"fields":["first_name","last_name"]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":"users_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_sessions', 'token', 'string', '{"system":true,"collection":"directus_sessions","field":"token","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_sessions', 'user', 'uuid', '{"system":true,"collection":"directus_sessions","field":"user","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_sessions', 'expires', 'timestamp', '{"system":true,"collection":"directus_sessions","field":"expires","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_sessions', 'ip', 'string', '{"system":true,"collection":"directus_sessions","field":"ip","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_sessions', 'user_agent', 'text', '{"system":true,"collection":"directus_sessions","field":"user_agent","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_sessions', 'origin', 'string', '{"system":true,"collection":"directus_sessions","field":"origin","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_sessions', 'share', 'uuid', '{"system":true,"collection":"directus_sessions","field":"share","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_sessions', 'next_token', 'string', '{"system":true,"collection":"directus_sessions","field":"next_token","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_sessions', 'oauth_client', 'string', '{"system":true,"collection":"directus_sessions","field":"oauth_client","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'id', 'integer', '{"system":true,"collection":"directus_settings","field":"id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'project_name', 'string', '{"system":true,"collection":"directus_settings","field":"project_name","special":null,"interface":"input","options":{"iconRight":"title","placeholder":"$t:field_options.directus_settings.project_name_placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'project_descriptor', 'string', '{"system":true,"collection":"directus_settings","field":"project_descriptor","special":null,"interface":"input","options":{"iconRight":"title","placeholder":"$t:field_options.directus_settings.project_name_placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'project_url', 'string', '{"system":true,"collection":"directus_settings","field":"project_url","special":null,"interface":"input","options":{"iconRight":"link","placeholder":"https://example.com"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'default_language', 'string', '{"system":true,"collection":"directus_settings","field":"default_language","special":null,"interface":"system-language","options":{"iconRight":"language","placeholder":"en-US"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'default_save_action', 'string', '{"system":true,"collection":"directus_settings","field":"default_save_action","special":null,"interface":"select-dropdown","options":{"placeholder":"$t:save_and_quit","choices":[{"value":"save-and-quit","text":"$t:save_and_quit"},{"value":"save-and-stay","text":"$t:save_and_stay"},{"value":"save-and-create-new","text":"$t:save_and_create_new"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":"$t:default_save_action_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'project_owner', 'string', '{"system":true,"collection":"directus_settings","field":"project_owner","special":null,"interface":"system-owner","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'project_usage', 'string', '{"system":true,"collection":"directus_settings","field":"project_usage","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'org_name', 'string', '{"system":true,"collection":"directus_settings","field":"org_name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'product_updates', 'boolean', '{"system":true,"collection":"directus_settings","field":"product_updates","special":["cast-boolean"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'project_status', 'string', '{"system":true,"collection":"directus_settings","field":"project_status","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'modules_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"modules_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"menu_open","title":"$t:modules"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'module_bar', 'json', '{"system":true,"collection":"directus_settings","field":"module_bar","special":["cast-json"],"interface":"system-modules","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'visual_editor_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"visual_editor_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"edit_square","title":"$t:visual_editor"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":14,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'visual_editor_urls', 'json', '{"system":true,"collection":"directus_settings","field":"visual_editor_urls","special":["cast-json"],"interface":"list","options":{"template":"{{url}}","fields":[{"field":"url","name":"$t:url","schema":{"is_nullable":false},"meta":{"interface":"system-display-template","required":true,"options":{"placeholder":"https://example.com/?version={{$version}}","fields":[{"field":"$version","name":"$t:version","collection":"","key":"$version","path":"$version","type":"string"}]}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":15,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'security_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"security_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"shield","title":"$t:security"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":16,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'auth_password_policy', 'string', '{"system":true,"collection":"directus_settings","field":"auth_password_policy","special":null,"interface":"select-dropdown","options":{"choices":[{"value":null,"text":"$t:field_options.directus_settings.auth_password_policy.none_text"},{"value":"/^.{8,}$/","text":"$t:field_options.directus_settings.auth_password_policy.weak_text"},{"value":"/(?=^.{8,}$)(?=.*\\d)(?=.*[a-z])(?=.*[A-Z])(?=.*[!@#$%^&*()_+}{'';''?>.<,])(?!.*\\s).*$/","text":"$t:field_options.directus_settings.auth_password_policy.strong_text"}],"allowOther":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":17,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'auth_login_attempts', 'integer', '{"system":true,"collection":"directus_settings","field":"auth_login_attempts","special":null,"interface":"input","options":{"iconRight":"lock","placeholder":"$t:unlimited"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":18,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'public_registration_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"public_registration_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"person_add","title":"$t:fields.directus_settings.public_registration"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":19,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'public_registration', 'boolean', '{"system":true,"collection":"directus_settings","field":"public_registration","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":20,"width":"half","group":null,"translations":null,"note":"$t:fields.directus_settings.public_registration_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'public_registration_role', 'uuid', '{"system":true,"collection":"directus_settings","field":"public_registration_role","special":["m2o"],"interface":"select-dropdown-m2o","options":{"template":"{{ name }}"},"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":false,"hidden":false,"sort":21,"width":"half","group":null,"translations":null,"note":"$t:fields.directus_settings.public_registration_role_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'public_registration_verify_email', 'boolean', '{"system":true,"collection":"directus_settings","field":"public_registration_verify_email","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":22,"width":"half","group":null,"translations":null,"note":"$t:fields.directus_settings.public_registration_verify_email_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'public_registration_email_filter', 'json', '{"system":true,"collection":"directus_settings","field":"public_registration_email_filter","special":["cast-json"],"interface":"system-filter","options":{"collectionName":"directus_users","collectionField":"email","fieldName":"email"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":23,"width":"half","group":null,"translations":null,"note":"$t:fields.directus_settings.public_registration_email_filter_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'files_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"files_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"folder","title":"$t:fields.directus_settings.files_and_thumbnails"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":24,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'storage_asset_transform', 'string', '{"system":true,"collection":"directus_settings","field":"storage_asset_transform","special":null,"interface":"select-dropdown","options":{"choices":[{"value":"all","text":"$t:fields.directus_settings.transformations_all"},{"value":"none","text":"$t:fields.directus_settings.transformations_none"},{"value":"presets","text":"$t:fields.directus_settings.transformations_presets"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":25,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'storage_default_folder', 'uuid', '{"system":true,"collection":"directus_settings","field":"storage_default_folder","special":null,"interface":"system-folder","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":26,"width":"half","group":null,"translations":null,"note":"$t:interfaces.system-folder.field_hint","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'storage_asset_presets', 'json', '{"system":true,"collection":"directus_settings","field":"storage_asset_presets","special":["cast-json"],"interface":"list","options":{"fields":[{"field":"key","name":"$t:key","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","options":{"slug":true,"onlyOnCreate":false},"width":"full","required":true}},{"field":"fit","name":"$t:field_options.directus_settings.storage_asset_presets.fit_label","type":"string","schema":{"is_nullable":false},"meta":{"interface":"select-dropdown","options":{"choices":[{"value":"contain","text":"$t:field_options.directus_settings.storage_asset_presets.fit.contain_text"},{"value":"cover","text":"$t:field_options.directus_settings.storage_asset_presets.fit.cover_text"},{"value":"inside","text":"$t:field_options.directus_settings.storage_asset_presets.fit.fit_text"},{"value":"outside","text":"$t:field_options.directus_settings.storage_asset_presets.fit.outside_text"}]},"width":"half"}},{"field":"width","name":"$t:width","type":"integer","schema":{"is_nullable":false},"meta":{"interface":"input","width":"half"}},{"field":"height","name":"$t:height","type":"integer","schema":{"is_nullable":false},"meta":{"interface":"input","width":"half"}},{"field":"quality","type":"integer","name":"$t:quality","schema":{"default_value":80,"is_nullable":false},"meta":{"interface":"slider","options":{"max":100,"min":0,"step":1},"width":"half"}},{"field":"withoutEnlargement","name":"$t:field_options.directus_settings.storage_asset_presets.upscaling","type":"boolean","schema":{"default_value":false},"meta":{"interface":"boolean","width":"half","options":{"label":"$t:no_upscale"}}},{"field":"format","name":"$t:format","type":"string","schema":{"is_nullable":false,"default_value":""},"meta":{"interface":"select-dropdown","options":{"allowNone":true,"choices":[{"value":"auto","text":"Auto"},{"value":"jpeg","text":"JPEG"},{"value":"png","text":"PNG"},{"value":"webp","text":"WebP"},{"value":"tiff","text":"Tiff"},{"value":"avif","text":"AVIF"}]},"width":"half"}},{"field":"transforms","name":"$t:field_options.directus_settings.additional_transforms","type":"json","schema":{"is_nullable":false,"default_value":[]},"meta":{"note":"$t:field_options.directus_settings.transforms_note","interface":"json","options":{"template":"[\n  [\"blur\", 45],\n  [\"grayscale\"],\n  [\"extend\", { \"right\": 500, \"background\": \"rgb(255, 0, 0)\" }]\n]\n","placeholder":"[\n  [\"blur\", 45],\n  [\"grayscale\"],\n  [\"extend\", { \"right\": 500, \"background\": \"rgb(255, 0, 0)\" }]\n]\n"},"width":"full"}}],"template":"{{key}}"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":27,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'reporting_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"reporting_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"feedback","title":"$t:fields.directus_settings.reporting"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":28,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'report_feature_url', 'string', '{"system":true,"collection":"directus_settings","field":"report_feature_url","special":null,"interface":"input","options":{"iconRight":"link","placeholder":"https://example.com/feature"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":29,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'report_bug_url', 'string', '{"system":true,"collection":"directus_settings","field":"report_bug_url","special":null,"interface":"input","options":{"iconRight":"link","placeholder":"https://example.com/bug"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":30,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'report_error_url', 'string', '{"system":true,"collection":"directus_settings","field":"report_error_url","special":null,"interface":"system-display-template","options":{"placeholder":"https://example.com/error","fields":[{"name":"Error","field":"error","key":"error","path":"error","children":[{"name":"Name","field":"name","key":"error.name","path":"error.name"},{"name":"Message","field":"message","key":"error.message","path":"error.message"}]},{"name":"Navigator","field":"navigator","key":"navigator","path":"navigator","children":[{"name":"Language","field":"language","key":"navigator.language","path":"navigator.language"},{"name":"User Agent","field":"userAgent","key":"navigator.userAgent","path":"navigator.userAgent"}]},{"name":"Route","field":"route","key":"route","path":"route","children":[{"name":"Full Path","field":"fullPath","key":"route.fullPath","path":"route.fullPath"},{"name":"Hash","field":"hash","key":"route.hash","path":"route.hash"},{"name":"Name","field":"name","key":"route.name","path":"route.name"},{"name":"Path","field":"path","key":"route.path","path":"route.path"},{"name":"Query","field":"query","key":"route.query","path":"route.query"}]},{"name":"User","field":"user","key":"user","path":"user","children":[{"name":"ID","field":"id","key":"user.id","path":"user.id"},{"name":"First Name","field":"first_name","key":"user.first_name","path":"user.first_name"},{"name":"Last Name","field":"last_name","key":"user.last_name","path":"user.last_name"},{"name":"Status","field":"status","key":"user.status","path":"user.status"},{"name":"Title","field":"title","key":"user.title","path":"user.title"},{"name":"Description","field":"description","key":"user.description","path":"user.description"},{"name":"Location","field":"location","key":"user.location","path":"user.location"}]},{"name":"Role","field":"role","key":"role","path":"role","children":[{"name":"ID","field":"id","key":"role.id","path":"role.id"},{"name":"Name","field":"name","key":"role.name","path":"role.name"}]}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":31,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'collaborative_editing_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"collaborative_editing_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"podcasts","title":"$t:fields.directus_settings.collaborative_editing"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":32,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'collaborative_editing_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"collaborative_editing_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":33,"width":"half","group":null,"translations":null,"note":"$t:fields.directus_settings.collaborative_editing_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'map_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"map_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"map","title":"$t:fields.directus_settings.mapping"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":34,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'mapbox_key', 'string', '{"system":true,"collection":"directus_settings","field":"mapbox_key","special":null,"interface":"input","options":{"icon":"key","title":"$t:field_options.directus_settings.mapbox_key","placeholder":"$t:field_options.directus_settings.mapbox_placeholder","iconLeft":"vpn_key","font":"monospace"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":35,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'basemaps', 'json', '{"system":true,"collection":"directus_settings","field":"basemaps","special":["cast-json"],"interface":"list","options":{"template":"{{name}}","fields":[{"field":"name","name":"$t:name","schema":{"is_nullable":false},"meta":{"interface":"text-input","required":true,"options":{"placeholder":"$t:field_options.directus_settings.basemaps_name_placeholder"}}},{"field":"type","name":"$t:type","meta":{"interface":"select-dropdown","options":{"choices":[{"value":"raster","text":"$t:field_options.directus_settings.basemaps_raster"},{"value":"tile","text":"$t:field_options.directus_settings.basemaps_tile"},{"value":"style","text":"$t:field_options.directus_settings.basemaps_style"}]}}},{"field":"url","name":"$t:url","schema":{"is_nullable":false},"meta":{"interface":"text-input","options":{"placeholder":"http://{a-c}.tile.openstreetmap.org/{z}/{x}/{y}.png"}}},{"field":"tileSize","name":"$t:tile_size","type":"integer","schema":{"is_nullable":true},"meta":{"interface":"input","options":{"placeholder":"512"},"conditions":[{"name":"typeNeqRaster","rule":{"type":{"_neq":"raster"}},"hidden":true}]}},{"field":"attribution","name":"$t:fields.directus_settings.attribution","type":"string","schema":{"is_nullable":true},"meta":{"interface":"input","options":{"placeholder":"$t:fields.directus_settings.attribution_placeholder"}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":36,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'image_editor', 'alias', '{"system":true,"collection":"directus_settings","field":"image_editor","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"image","title":"$t:fields.directus_settings.image_editor"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":37,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'custom_aspect_ratios', 'json', '{"system":true,"collection":"directus_settings","field":"custom_aspect_ratios","special":["cast-json"],"interface":"list","options":{"template":"{{text}}","fields":[{"field":"text","name":"$t:text","type":"string","meta":{"interface":"text-input","width":"half","required":true,"options":{"placeholder":"$t:text"}}},{"field":"value","name":"$t:value","type":"float","meta":{"interface":"input","width":"half","required":true,"options":{"placeholder":"$t:value"}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":38,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'project_id', 'uuid', '{"system":true,"collection":"directus_settings","field":"project_id","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":39,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'theming_group', 'alias', '{"system":true,"collection":"directus_settings","field":"theming_group","special":["alias","no-data","group"],"interface":"group-raw","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":40,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'branding_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"branding_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"palette","title":"$t:fields.directus_settings.branding"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":41,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'project_color', 'string', '{"system":true,"collection":"directus_settings","field":"project_color","special":null,"interface":"select-color","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":42,"width":"half","group":"theming_group","translations":null,"note":"$t:field_options.directus_settings.project_color_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'project_logo', 'uuid', '{"system":true,"collection":"directus_settings","field":"project_logo","special":null,"interface":"file","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":43,"width":"half","group":"theming_group","translations":null,"note":"$t:field_options.directus_settings.project_logo_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'public_foreground', 'uuid', '{"system":true,"collection":"directus_settings","field":"public_foreground","special":null,"interface":"file","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":44,"width":"half","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'public_background', 'uuid', '{"system":true,"collection":"directus_settings","field":"public_background","special":null,"interface":"file","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":45,"width":"half","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'public_favicon', 'uuid', '{"system":true,"collection":"directus_settings","field":"public_favicon","special":null,"interface":"file","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":46,"width":"half","group":"theming_group","translations":null,"note":"$t:field_options.directus_settings.project_favicon_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'public_note', 'text', '{"system":true,"collection":"directus_settings","field":"public_note","special":null,"interface":"input","options":{"placeholder":"$t:field_options.directus_settings.public_note_placeholder","iconRight":"info"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":47,"width":"half","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'theming_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"theming_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"palette","title":"$t:fields.directus_settings.theming"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":48,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'default_appearance', 'string', '{"system":true,"collection":"directus_settings","field":"default_appearance","special":null,"interface":"select-dropdown","options":{"choices":[{"value":"auto","text":"$t:appearance_auto"},{"value":"light","text":"$t:appearance_light"},{"value":"dark","text":"$t:appearance_dark"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":49,"width":"half","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'default_theme_light', 'string', '{"system":true,"collection":"directus_settings","field":"default_theme_light","special":null,"interface":"system-theme","options":{"appearance":"light"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":50,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'theme_light_overrides', 'json', '{"system":true,"collection":"directus_settings","field":"theme_light_overrides","special":["cast-json"],"interface":"system-theme-overrides","options":{"appearance":"light"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":51,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'default_theme_dark', 'string', '{"system":true,"collection":"directus_settings","field":"default_theme_dark","special":null,"interface":"system-theme","options":{"appearance":"dark"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":52,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'theme_dark_overrides', 'json', '{"system":true,"collection":"directus_settings","field":"theme_dark_overrides","special":["cast-json"],"interface":"system-theme-overrides","options":{"appearance":"dark"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":53,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'custom_css', 'text', '{"system":true,"collection":"directus_settings","field":"custom_css","special":null,"interface":"input-code","options":{"language":"css","lineNumber":true,"template":"#app, #main-content, body {\n  --v-button-background-color: #6644FF !important;\n  --v-button-background-color-hover: #5E41EC !important;\n}\n"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":54,"width":"full","group":"theming_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_group', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_group","special":["alias","no-data","group"],"interface":"group-raw","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":55,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"chat","title":"$t:ai_assistant"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":56,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_notice', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_notice","special":["alias","no-data"],"interface":"presentation-notice","options":{"icon":"info","text":"$t:fields.directus_settings.ai_notice"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":57,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_openai_api_key', 'text', '{"system":true,"collection":"directus_settings","field":"ai_openai_api_key","special":["encrypt"],"interface":"input-hash","options":{"iconRight":"lock","masked":true,"autocomplete":"off"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":58,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_openai_allowed_models', 'json', '{"system":true,"collection":"directus_settings","field":"ai_openai_allowed_models","special":["cast-json"],"interface":"select-multiple-dropdown","options":{"allowOther":true,"choices":[{"text":"GPT-4o Mini","value":"gpt-4o-mini"},{"text":"GPT-4.1 Nano","value":"gpt-4.1-nano"},{"text":"GPT-4.1 Mini","value":"gpt-4.1-mini"},{"text":"GPT-4.1","value":"gpt-4.1"},{"text":"GPT-5 Nano","value":"gpt-5-nano"},{"text":"GPT-5 Mini","value":"gpt-5-mini"},{"text":"GPT-5","value":"gpt-5"},{"text":"GPT-5.1","value":"gpt-5.1"},{"text":"GPT-5.1 Chat","value":"gpt-5.1-chat-latest"},{"text":"GPT-5.2","value":"gpt-5.2"},{"text":"GPT-5.2 Chat","value":"gpt-5.2-chat-latest"},{"text":"GPT-5.2 Pro","value":"gpt-5.2-pro"},{"text":"GPT-5.4 Nano","value":"gpt-5.4-nano"},{"text":"GPT-5.4 Mini","value":"gpt-5.4-mini"},{"text":"GPT-5.4","value":"gpt-5.4"},{"text":"GPT-5.4 Pro","value":"gpt-5.4-pro"},{"text":"GPT-5.5","value":"gpt-5.5"},{"text":"GPT-5.5 Pro","value":"gpt-5.5-pro"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":59,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_anthropic_api_key', 'text', '{"system":true,"collection":"directus_settings","field":"ai_anthropic_api_key","special":["encrypt"],"interface":"input-hash","options":{"iconRight":"lock","masked":true,"autocomplete":"off"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":60,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_anthropic_allowed_models', 'json', '{"system":true,"collection":"directus_settings","field":"ai_anthropic_allowed_models","special":["cast-json"],"interface":"select-multiple-dropdown","options":{"allowOther":true,"choices":[{"text":"Claude Haiku 4.5","value":"claude-haiku-4-5"},{"text":"Claude Sonnet 4.6","value":"claude-sonnet-4-6"},{"text":"Claude Opus 4.7","value":"claude-opus-4-7"},{"text":"Claude Opus 4.6","value":"claude-opus-4-6"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":61,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_google_api_key', 'text', '{"system":true,"collection":"directus_settings","field":"ai_google_api_key","special":["encrypt"],"interface":"input-hash","options":{"iconRight":"lock","masked":true,"autocomplete":"off"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":62,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_google_allowed_models', 'json', '{"system":true,"collection":"directus_settings","field":"ai_google_allowed_models","special":["cast-json"],"interface":"select-multiple-dropdown","options":{"allowOther":true,"choices":[{"text":"Gemini 3 Pro Preview","value":"gemini-3-pro-preview"},{"text":"Gemini 3 Flash Preview","value":"gemini-3-flash-preview"},{"text":"Gemini 2.5 Pro","value":"gemini-2.5-pro"},{"text":"Gemini 2.5 Flash","value":"gemini-2.5-flash"},{"text":"Gemini 3.1 Pro Preview","value":"gemini-3.1-pro-preview"},{"text":"Gemini 3.1 Flash Lite Preview","value":"gemini-3.1-flash-lite-preview"},{"text":"Gemini 2.5 Flash Lite","value":"gemini-2.5-flash-lite"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":63,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_system_prompt', 'text', '{"system":true,"collection":"directus_settings","field":"ai_system_prompt","special":null,"interface":"input-rich-text-md","options":{"label":"$t:fields.directus_settings.ai_system_prompt"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":64,"width":"full","group":"ai_group","translations":null,"note":"$t:fields.directus_settings.ai_system_prompt_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_translation_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_translation_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"inlineTitle":true,"color":"var(--theme--foreground-subdued)","title":"$t:translation"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":65,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_translations_notice', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_translations_notice","special":["alias","no-data"],"interface":"presentation-notice","options":{"icon":"diamond","text":"$t:fields.directus_settings.ai_translations_notice"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":66,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_translation_default_model', 'text', '{"system":true,"collection":"directus_settings","field":"ai_translation_default_model","special":null,"interface":"select-dropdown","options":{"allowNone":true,"choices":[]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":67,"width":"half","group":"ai_group","translations":null,"note":"$t:fields.directus_settings.ai_translation_default_model_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_translation_glossary', 'json', '{"system":true,"collection":"directus_settings","field":"ai_translation_glossary","special":["cast-json"],"interface":"list","options":{"template":"{{term}}","limit":200,"fields":[{"field":"term","name":"$t:fields.directus_settings.ai_glossary_term","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","required":true,"width":"half","options":{"placeholder":"$t:fields.directus_settings.ai_glossary_term_placeholder"}}},{"field":"translation_note","name":"$t:fields.directus_settings.ai_glossary_note","type":"string","schema":{"is_nullable":true},"meta":{"interface":"input","required":false,"width":"half","options":{"placeholder":"$t:fields.directus_settings.ai_glossary_note_placeholder"}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":68,"width":"full","group":"ai_group","translations":null,"note":"$t:fields.directus_settings.ai_translation_glossary_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_translation_style_guide', 'text', '{"system":true,"collection":"directus_settings","field":"ai_translation_style_guide","special":null,"interface":"input-rich-text-md","options":{"label":"$t:fields.directus_settings.ai_translation_style_guide","placeholder":"$t:fields.directus_settings.ai_translation_style_guide_placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":69,"width":"full","group":"ai_group","translations":null,"note":"$t:fields.directus_settings.ai_translation_style_guide_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_openai_compatible_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"inlineTitle":true,"color":"var(--theme--foreground-subdued)","title":"$t:fields.directus_settings.ai_openai_compatible"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":70,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_openai_compatible_notice', 'alias', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_notice","special":["alias","no-data"],"interface":"presentation-notice","options":{"icon":"diamond","text":"$t:fields.directus_settings.ai_openai_compatible_notice"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":71,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_openai_compatible_name', 'text', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_name","special":null,"interface":"input","options":{"placeholder":"LM Studio, Ollama, etc."},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":72,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_openai_compatible_base_url', 'text', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_base_url","special":null,"interface":"input","options":{"placeholder":"http://localhost:1234/v1"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":73,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_openai_compatible_api_key', 'text', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_api_key","special":["encrypt"],"interface":"input-hash","options":{"iconRight":"lock","masked":true,"autocomplete":"off"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":74,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_openai_compatible_headers', 'json', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_headers","special":["cast-json"],"interface":"list","options":{"template":"{{header}}","fields":[{"field":"header","name":"$t:fields.directus_settings.ai_header_name","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","required":true,"width":"half","options":{"placeholder":"X-Custom-Header"}}},{"field":"value","name":"$t:value","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","required":true,"width":"half","options":{"placeholder":"header-value"}}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":75,"width":"half","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'ai_openai_compatible_models', 'json', '{"system":true,"collection":"directus_settings","field":"ai_openai_compatible_models","special":["cast-json"],"interface":"list","options":{"template":"{{name}}","fields":[{"field":"id","name":"$t:fields.directus_settings.ai_model_id","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","required":true,"width":"half","options":{"placeholder":"llama3.2"}}},{"field":"name","name":"$t:name","type":"string","schema":{"is_nullable":false},"meta":{"interface":"input","required":true,"width":"half","options":{"placeholder":"Llama 3.2"}}},{"field":"context","name":"$t:fields.directus_settings.ai_context_limit","type":"integer","schema":{"is_nullable":true},"meta":{"interface":"input","width":"half","options":{"placeholder":"128000"}}},{"field":"output","name":"$t:fields.directus_settings.ai_output_limit","type":"integer","schema":{"is_nullable":true},"meta":{"interface":"input","width":"half","options":{"placeholder":"16000"}}},{"field":"attachment","name":"$t:fields.directus_settings.ai_supports_attachments","type":"boolean","schema":{"is_nullable":true,"default_value":false},"meta":{"interface":"boolean","width":"half"}},{"field":"reasoning","name":"$t:fields.directus_settings.ai_supports_reasoning","type":"boolean","schema":{"is_nullable":true,"default_value":false},"meta":{"interface":"boolean","width":"half"}},{"field":"providerOptions","name":"$t:fields.directus_settings.ai_provider_options","type":"json","schema":{"is_nullable":true},"meta":{"interface":"input-code","width":"full","options":{"language":"json","placeholder":"{ \"customOption\": \"value\" }"},"note":"$t:fields.directus_settings.ai_provider_options_note"}}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":76,"width":"full","group":"ai_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_group', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_group","special":["alias","no-data","group"],"interface":"group-raw","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":77,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"automation","title":"$t:model_context_protocol"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":78,"width":"full","group":"mcp_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_notice', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_notice","special":["alias","no-data"],"interface":"presentation-notice","options":{"icon":"info","text":"$t:fields.directus_settings.mcp_notice"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":79,"width":"full","group":"mcp_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":80,"width":"half","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_enabled_note","conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_allow_deletes', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_allow_deletes","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:fields.directus_settings.mcp_allow_deletes"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":81,"width":"half","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_allow_deletes_note","conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"readonly":true}],"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_prompts_collection', 'string', '{"system":true,"collection":"directus_settings","field":"mcp_prompts_collection","special":null,"interface":"system-collection","options":{"includeSingleton":false,"allowNone":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":82,"width":"half","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_prompts_collection_note","conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"readonly":true}],"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_prompts_collection_validation', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_prompts_collection_validation","special":["alias","no-data"],"interface":"system-mcp-prompts-collection-validation","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":83,"width":"half","group":"mcp_group","translations":null,"note":null,"conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"hidden":true}],"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_oauth_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_oauth_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:fields.directus_settings.mcp_oauth_enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":84,"width":"half","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_oauth_enabled_note","conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"readonly":true}],"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_oauth_dcr_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_oauth_dcr_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:fields.directus_settings.mcp_oauth_dcr_enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":85,"width":"half","group":"mcp_group","translations":null,"note":"Allow MCP clients to register automatically using the OAuth 2.0 Dynamic Client Registration protocol (RFC 7591).","conditions":[{"name":"mcp_oauth_disabled","rule":{"mcp_oauth_enabled":{"_neq":true}},"hidden":true}],"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_oauth_cimd_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_oauth_cimd_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:fields.directus_settings.mcp_oauth_cimd_enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":86,"width":"half","group":"mcp_group","translations":null,"note":"Allow MCP clients to identify themselves using an HTTPS URL that hosts their metadata (IETF draft-oauth-client-id-metadata-document).","conditions":[{"name":"mcp_oauth_disabled","rule":{"mcp_oauth_enabled":{"_neq":true}},"hidden":true}],"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_oauth_clients_link', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_oauth_clients_link","special":["alias","no-data"],"interface":"presentation-links","options":{"links":[{"label":"$t:manage_registered_clients","icon":"key","type":"normal","actionType":"url","url":"/settings/mcp-oauth-clients"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":87,"width":"half","group":"mcp_group","translations":null,"note":null,"conditions":[{"name":"mcp_oauth_disabled","rule":{"mcp_oauth_enabled":{"_neq":true}},"hidden":true}],"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_system_prompt_divider', 'alias', '{"system":true,"collection":"directus_settings","field":"mcp_system_prompt_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"inlineTitle":true,"color":"var(--theme--foreground-subdued)","title":"$t:fields.directus_settings.mcp_system_prompt_divider"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":88,"width":"full","group":"mcp_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_system_prompt_enabled', 'boolean', '{"system":true,"collection":"directus_settings","field":"mcp_system_prompt_enabled","special":["cast-boolean"],"interface":"boolean","options":{"label":"$t:enabled"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":89,"width":"half-left","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_system_prompt_enabled_note","conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"readonly":true}],"required":false,"searchable":true}'),
  ('directus_settings', 'mcp_system_prompt', 'text', '{"system":true,"collection":"directus_settings","field":"mcp_system_prompt","special":null,"interface":"input-rich-text-md","options":{"label":"$t:fields.directus_settings.mcp_system_prompt"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":90,"width":"full","group":"mcp_group","translations":null,"note":"$t:fields.directus_settings.mcp_system_prompt_note","conditions":[{"name":"mcp_enabled","rule":{"mcp_enabled":{"_neq":true}},"readonly":true},{"name":"mcp_system_prompt_enabled","rule":{"mcp_system_prompt_enabled":{"_neq":true}},"readonly":true}],"required":false,"searchable":true}'),
  ('directus_settings', 'license_key', 'string', '{"system":true,"collection":"directus_settings","field":"license_key","special":["encrypt"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":91,"width":"full","group":"license_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_settings', 'license_token', 'text', '{"system":true,"collection":"directus_settings","field":"license_token","special":["encrypt"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":92,"width":"full","group":"license_group","translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'id', 'uuid', '{"system":true,"collection":"directus_shares","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'name', 'string', '{"system":true,"collection":"directus_shares","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'collection', 'string', '{"system":true,"collection":"directus_shares","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'item', 'string', '{"system":true,"collection":"directus_shares","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'role', 'uuid', '{"system":true,"collection":"directus_shares","field":"role","special":null,"interface":"select-dropdown-m2o","options":{"template":"{{name}}"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'password', 'hash', '{"system":true,"collection":"directus_shares","field":"password","special":["hash","conceal"],"interface":"input-hash","options":{"iconRight":"lock","masked":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":"$t:shared_leave_blank_for_passwordless_access","conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'date_start', 'timestamp', '{"system":true,"collection":"directus_shares","field":"date_start","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":"$t:shared_leave_blank_for_unlimited","conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'date_end', 'timestamp', '{"system":true,"collection":"directus_shares","field":"date_end","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"half","group":null,"translations":null,"note":"$t:shared_leave_blank_for_unlimited","conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'max_uses', 'integer', '{"system":true,"collection":"directus_shares","field":"max_uses","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"half","group":null,"translations":null,"note":"$t:shared_leave_blank_for_unlimited","conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'times_used', 'integer', '{"system":true,"collection":"directus_shares","field":"times_used","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":10,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_shares', 'date_created', 'timestamp', '{"system":true,"collection":"directus_shares","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":[{"name":"notCreatedYet","rule":{"id":{"_null":true}},"hidden":true}],"required":false,"searchable":true}'),
  ('directus_shares', 'user_created', 'uuid', '{"system":true,"collection":"directus_shares","field":"user_created","special":["user-created"],"interface":"select-dropdown-m2o","options":{"template":"{{avatar.$thumbnail}} {{first_name}} {{last_name}}"},"display":"user","display_options":null,"readonly":true,"hidden":false,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":[{"name":"notCreatedYet","rule":{"id":{"_null":true}},"hidden":true}],"required":false,"searchable":true}'),
  ('directus_translations', 'id', 'uuid', '{"system":true,"collection":"directus_translations","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_translations', 'key', 'string', '{"system":true,"collection":"directus_translations","field":"key","special":null,"interface":"input","options":{"font":"monospace","placeholder":"$t:translation_key_placeholder"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":true,"searchable":true}'),
  ('directus_translations', 'language', 'string', '{"system":true,"collection":"directus_translations","field":"language","special":null,"interface":"system-language","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":true,"searchable":true}'),
  ('directus_translations', 'value', 'text', '{"system":true,"collection":"directus_translations","field":"value","special":null,"interface":"input-multiline","options":{"placeholder":"$t:enter_a_value"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":true,"searchable":true}'),
  ('directus_users', 'first_name', 'string', '{"system":true,"collection":"directus_users","field":"first_name","special":null,"interface":"input","options":{"iconRight":"account_circle"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":1,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'last_name', 'string', '{"system":true,"collection":"directus_users","field":"last_name","special":null,"interface":"input","options":{"iconRight":"account_circle"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'email', 'string', '{"system":true,"collection":"directus_users","field":"email","special":null,"interface":"input","options":{"iconRight":"email"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'password', 'hash', '{"system":true,"collection":"directus_users","field":"password","special":["hash","conceal"],"interface":"input-hash","options":{"iconRight":"lock","masked":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'avatar', 'uuid', '{"system":true,"collection":"directus_users","field":"avatar","special":null,"interface":"file","options":null,"display":"image","display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'location', 'string', '{"system":true,"collection":"directus_users","field":"location","special":null,"interface":"input","options":{"iconRight":"place"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":6,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'title', 'string', '{"system":true,"collection":"directus_users","field":"title","special":null,"interface":"input","options":{"iconRight":"work"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'description', 'text', '{"system":true,"collection":"directus_users","field":"description","special":null,"interface":"input-multiline","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'tags', 'json', '{"system":true,"collection":"directus_users","field":"tags","special":["cast-json"],"interface":"tags","options":{"iconRight":"local_offer"},"display":"labels","display_options":{"choices":null,"format":false},"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'preferences_divider', 'alias', '{"system":true,"collection":"directus_users","field":"preferences_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"face","title":"$t:fields.directus_users.user_preferences"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'language', 'string', '{"system":true,"collection":"directus_users","field":"language","special":null,"interface":"system-language","options":{"includeProjectDefault":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'text_direction', 'string', '{"system":true,"collection":"directus_users","field":"text_direction","special":null,"interface":"select-dropdown","options":{"choices":[{"value":"auto","text":"$t:text_direction_auto"},{"value":"ltr","text":"$t:text_direction_ltr"},{"value":"rtl","text":"$t:text_direction_rtl"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":12,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'tfa_secret', 'string', '{"system":true,"collection":"directus_users","field":"tfa_secret","special":["conceal"],"interface":"system-mfa-setup","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":13,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'email_notifications', 'boolean', '{"system":true,"collection":"directus_users","field":"email_notifications","special":["cast-boolean"],"interface":"boolean","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":14,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'theming_divider', 'alias', '{"system":true,"collection":"directus_users","field":"theming_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"palette","title":"$t:theme"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":15,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'appearance', 'string', '{"system":true,"collection":"directus_users","field":"appearance","special":null,"interface":"select-dropdown","options":{"choices":[{"value":null,"text":"$t:default_sync_with_project"},{"value":"auto","text":"$t:appearance_auto"},{"value":"light","text":"$t:appearance_light"},{"value":"dark","text":"$t:appearance_dark"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":16,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'theme_light', 'string', '{"system":true,"collection":"directus_users","field":"theme_light","special":null,"interface":"system-theme","options":{"appearance":"light","includeNull":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":17,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'theme_light_overrides', 'json', '{"system":true,"collection":"directus_users","field":"theme_light_overrides","special":["cast-json"],"interface":"system-theme-overrides","options":{"appearance":"light"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":18,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'theme_dark', 'string', '{"system":true,"collection":"directus_users","field":"theme_dark","special":null,"interface":"system-theme","options":{"appearance":"dark","includeNull":true},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":19,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'theme_dark_overrides', 'json', '{"system":true,"collection":"directus_users","field":"theme_dark_overrides","special":["cast-json"],"interface":"system-theme-overrides","options":{"appearance":"dark"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":20,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'admin_divider', 'alias', '{"system":true,"collection":"directus_users","field":"admin_divider","special":["alias","no-data"],"interface":"presentation-divider","options":{"icon":"verified_user","title":"$t:fields.directus_users.admin_options","color":"var(--theme--danger)"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":21,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'status', 'string', '{"system":true,"collection":"directus_users","field":"status","special":null,"interface":"select-dropdown","options":{"choices":[{"text":"$t:fields.directus_users.status_draft","value":"draft"},{"text":"$t:fields.directus_users.status_invited","value":"invited"},{"text":"$t:fields.directus_users.status_unverified","value":"unverified"},{"text":"$t:fields.directus_users.status_active","value":"active"},{"text":"$t:fields.directus_users.status_suspended","value":"suspended"},{"text":"$t:fields.directus_users.status_archived","value":"archived"},{"text":"$t:fields.directus_users.status_inactive_license_exceeded","value":"inactive-license"}]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":22,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'role', 'uuid', '{"system":true,"collection":"directus_users","field":"role","special":["m2o"],"interface":"select-dropdown-m2o","options":{"template":"{{ name }}"},"display":"related-values","display_options":{"template":"{{ name }}"},"readonly":false,"hidden":false,"sort":23,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'policies', 'alias', '{"system":true,"collection":"directus_users","field":"policies","special":["m2m"],"interface":"list-m2m","options":{"layout":"list"},"display":"related-values","display_options":null,"readonly":false,"hidden":false,"sort":24,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'token', 'string', '{"system":true,"collection":"directus_users","field":"token","special":["conceal"],"interface":"system-token","options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":25,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'id', 'uuid', '{"system":true,"collection":"directus_users","field":"id","special":["uuid"],"interface":"input","options":{"iconRight":"vpn_key"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":26,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'last_page', 'string', '{"system":true,"collection":"directus_users","field":"last_page","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":27,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'last_access', 'timestamp', '{"system":true,"collection":"directus_users","field":"last_access","special":null,"interface":null,"options":null,"display":"datetime","display_options":null,"readonly":true,"hidden":false,"sort":28,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'provider', 'string', '{"system":true,"collection":"directus_users","field":"provider","special":null,"interface":"select-dropdown","options":{"choices":[]},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":29,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'external_identifier', 'string', '{"system":true,"collection":"directus_users","field":"external_identifier","special":null,"interface":"input","options":{"iconRight":"account_circle"},"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":30,"width":"half","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_users', 'auth_data', 'json', '{"system":true,"collection":"directus_users","field":"auth_data","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":true,"sort":31,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'id', 'uuid', '{"system":true,"collection":"directus_versions","field":"id","special":["uuid"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":true,"sort":1,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'key', 'string', '{"system":true,"collection":"directus_versions","field":"key","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":2,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'name', 'string', '{"system":true,"collection":"directus_versions","field":"name","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":3,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'collection', 'string', '{"system":true,"collection":"directus_versions","field":"collection","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":4,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'item', 'string', '{"system":true,"collection":"directus_versions","field":"item","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":5,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'hash', 'string', '{"system":true,"collection":"directus_versions","field":"hash","special":null,"interface":null,"options":null,"display":null,"display_options":null,"readonly":true,"hidden":true,"sort":6,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'date_created', 'timestamp', '{"system":true,"collection":"directus_versions","field":"date_created","special":["date-created","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":7,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'date_updated', 'timestamp', '{"system":true,"collection":"directus_versions","field":"date_updated","special":["date-updated","cast-timestamp"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":8,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'user_created', 'uuid', '{"system":true,"collection":"directus_versions","field":"user_created","special":["user-created"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":9,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'user_updated', 'uuid', '{"system":true,"collection":"directus_versions","field":"user_updated","special":["user-updated"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":10,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}'),
  ('directus_versions', 'delta', 'json', '{"system":true,"collection":"directus_versions","field":"delta","special":["cast-json"],"interface":null,"options":null,"display":null,"display_options":null,"readonly":false,"hidden":false,"sort":11,"width":"full","group":null,"translations":null,"note":null,"conditions":null,"required":false,"searchable":true}')
on conflict (collection, field) do update set type = excluded.type, meta = excluded.meta;

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
--! EndIncluded strata/catalog/system_studio_meta_data.sql
--! Included strata/schema/field_rows.sql
-- Every field of one collection (or of all, p_collection null) in Directus's shape
-- {collection, field, type, schema, meta}: columns from the live schema joined with their meta
-- row, then alias fields (meta rows without a column: o2m/m2m/m2a lists, presentation fields).
-- Fields of system tables, which Directus describes in code, get the meta Directus declares
-- (strata.system_field_meta) or, for columns it doesn't know, a minimal meta marked system.
create or replace function strata.field_rows(p_collection text default null)
returns table (collection text, field text, sort integer, ord integer, info jsonb)
language sql
stable
security invoker
as $$
  select c.collection, c.field, f.sort, c.position::int,
    jsonb_build_object(
      'collection', c.collection,
      'field', c.field,
      'type', c.type,
      'schema', strata.field_schema(c.table_oid, c.position),
      'meta', case
        when f.id is not null then strata.field_meta(to_jsonb(f))
        when sm.meta is not null then sm.meta
        when c.collection like 'directus\_%' then jsonb_build_object(
          'id', null, 'collection', c.collection, 'field', c.field, 'special', null, 'interface', null,
          'options', null, 'display', null, 'display_options', null, 'readonly', false, 'hidden', false,
          'sort', c.position, 'width', 'full', 'translations', null, 'note', null, 'conditions', null,
          'required', false, 'group', null, 'validation', null, 'validation_message', null,
          'searchable', true, 'system', true)
      end)
  from strata.columns c
  left join public.directus_fields f on f.collection = c.collection and f.field = c.field
  -- system columns: the app metadata Directus declares (catalog/system_studio_meta.sql)
  left join strata.system_field_meta sm on sm.collection = c.collection and sm.field = c.field
  where p_collection is null or c.collection = p_collection
  union all
  -- the alias fields Directus declares for its system collections (o2m lists, dividers, groups, notices)
  select sm.collection, sm.field, (sm.meta->>'sort')::int, 90000 + coalesce((sm.meta->>'sort')::int, 0),
    jsonb_build_object('collection', sm.collection, 'field', sm.field, 'type', 'alias', 'schema', null, 'meta', sm.meta)
  from strata.system_field_meta sm
  where sm.type = 'alias' and (p_collection is null or sm.collection = p_collection)
    and not exists (select from public.directus_fields f where f.collection = sm.collection and f.field = sm.field)
    and exists (select from strata.columns c where c.collection = sm.collection)
    and not exists (select from strata.columns c where c.collection = sm.collection and c.field = sm.field)
  union all
  select f.collection::text, f.field::text, f.sort, 100000 + f.id,
    jsonb_build_object('collection', f.collection, 'field', f.field, 'type', 'alias', 'schema', null,
                       'meta', strata.field_meta(to_jsonb(f)))
  from public.directus_fields f
  where (p_collection is null or f.collection = p_collection)
    and not exists (select from strata.columns c where c.collection = f.collection and c.field = f.field)
    and strata.collection_known(f.collection)
$$;
--! EndIncluded strata/schema/field_rows.sql
--! Included strata/schema/collection_rows.sql
-- Every collection in Directus's shape {collection, meta, schema}: registered collections and
-- folders (meta from directus_collections; folders have schema null), the system collections
-- (meta marked system, as Directus describes them in code), and tables or views made with plain
-- SQL in schema public (meta null). grp orders the list the way Directus does.
create or replace function strata.collection_rows()
returns table (collection text, grp integer, info jsonb)
language sql
stable
security invoker
as $$
  with tables as (
    select c.relname::text as name, obj_description(c.oid, 'pg_class') as comment
    from pg_class c
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    where c.relkind in ('r', 'p', 'v', 'm', 'f')
  ), metas as (
    select m.collection::text as name, to_jsonb(m) as meta from public.directus_collections m
  )
  select coalesce(t.name, m.name),
    case when m.name is not null then 0 when t.name like 'directus\_%' then 1 else 2 end,
    jsonb_build_object(
      'collection', coalesce(t.name, m.name),
      'meta', coalesce(m.meta, sm.meta, case when t.name like 'directus\_%' then jsonb_build_object(
        'collection', t.name, 'hidden', false, 'singleton', t.name = 'directus_settings', 'icon', null,
        'note', null, 'translations', null, 'display_template', null,
        'accountability', case when t.name in ('directus_activity', 'directus_presets', 'directus_revisions') then null else 'all' end,
        'system', true) end),
      'schema', case when t.name is not null then jsonb_build_object('schema', 'public', 'name', t.name, 'comment', t.comment) end)
  from tables t
  full join metas m on m.name = t.name
  -- system collections: the app metadata Directus declares (catalog/system_studio_meta.sql)
  left join strata.system_collection_meta sm on sm.collection = t.name
$$;
--! EndIncluded strata/schema/collection_rows.sql
--! Included strata/schema/relation_rows.sql
-- Every relation of one collection (its many side; all when p_collection is null) in Directus's
-- shape {collection, field, related_collection, schema, meta}. Foreign keys without a relation
-- row (tables made with plain SQL) are relations with meta null; those of system tables get a
-- minimal meta marked system, as Directus describes its own relations in code.
create or replace function strata.relation_rows(p_collection text default null)
returns table (collection text, field text, meta_id integer, info jsonb)
language sql
stable
security invoker
as $$
  select r.many_collection, r.many_field, r.meta_id,
    jsonb_build_object(
      'collection', r.many_collection,
      'field', r.many_field,
      'related_collection', r.one_collection,
      'schema', strata.relation_schema(r.many_collection, r.many_field),
      'meta', case
        when r.meta_id is not null then (
          select to_jsonb(d) || jsonb_build_object('one_allowed_collections',
            case when d.one_allowed_collections is null then null
                 else to_jsonb(string_to_array(d.one_allowed_collections, ',')) end)
          from public.directus_relations d where d.id = r.meta_id)
        when r.many_collection like 'directus\_%' then jsonb_build_object(
          'many_collection', r.many_collection, 'many_field', r.many_field, 'one_collection', r.one_collection,
          'one_field', r.one_field, 'one_collection_field', null, 'one_allowed_collections', null,
          'junction_field', r.junction_field, 'sort_field', r.sort_field, 'one_deselect_action', r.one_deselect_action, 'system', true)
      end)
  from strata.relations r
  where p_collection is null or r.many_collection = p_collection
$$;
--! EndIncluded strata/schema/relation_rows.sql
--! Included strata/read/once.sql
-- A value expression that depends on no row (a request value read from $1 and cast, a LIKE
-- pattern, a dynamic variable) as an uncorrelated scalar subquery: PostgreSQL computes it once
-- per statement (an InitPlan) instead of once per candidate row, as it would for the bare
-- expression in a generic plan's filter; an index condition on the column still uses it.
-- p_values: not null while a permission's filter is compiled (strata.param): its values are
-- literals, which PostgreSQL folds to constants by itself, so they stay as they are.
create or replace function strata.once(p_expr text, p_values jsonb default null)
returns text
language sql
immutable
security invoker
as $$
  select case when p_values is null then format('(select %s)', p_expr) else p_expr end
$$;
--! EndIncluded strata/read/once.sql
--! Included strata/read/compile_operator.sql
-- One filter operator on one value expression, as a SQL boolean expression. The compared value
-- is a function of the request's value only (strata.once: computed once per statement), never
-- of the column, so an index on the column applies and no row pays for the cast.
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
    return format('(%s%s between %s and %s)', case when p_op = '_nbetween' then 'not ' else '' end, p_ref,
      strata.once(format('(%s)::%s', strata.param(p_path || '0'::text, p_values), p_cast), p_values),
      strata.once(format('(%s)::%s', strata.param(p_path || '1'::text, p_values), p_cast), p_values));
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
    when '_eq' then return format('(%s = %s)', p_ref, strata.once(format('(%s)::%s', v, p_cast), p_values));
    when '_neq' then return format('(%s <> %s)', p_ref, strata.once(format('(%s)::%s', v, p_cast), p_values));
    when '_ieq' then return format('(lower(%s) = %s)', p_ref, strata.once(format('lower((%s)::%s)', v, p_cast), p_values));
    when '_nieq' then return format('(lower(%s) <> %s)', p_ref, strata.once(format('lower((%s)::%s)', v, p_cast), p_values));
    when '_lt' then return format('(%s < %s)', p_ref, strata.once(format('(%s)::%s', v, p_cast), p_values));
    when '_lte' then return format('(%s <= %s)', p_ref, strata.once(format('(%s)::%s', v, p_cast), p_values));
    when '_gt' then return format('(%s > %s)', p_ref, strata.once(format('(%s)::%s', v, p_cast), p_values));
    when '_gte' then return format('(%s >= %s)', p_ref, strata.once(format('(%s)::%s', v, p_cast), p_values));
    when '_regex' then return format('(%s ~ %s)', p_ref, strata.once(v, p_values));
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
    strata.once(pattern, p_values));
end;
$$;
--! EndIncluded strata/read/compile_operator.sql
--! Included strata/catalog/follow_field.sql
-- `$FOLLOW(collection, field)` as a filter key (Directus): the rows of `collection` whose
-- `field` holds this row's key, filtered like a one-to-many field (implicit `_some`, or `_some` /
-- `_none`) though no relation declares it (the Data Studio filters policies by their
-- directus_access rows this way). Resolved as strata.resolve_field resolves an o2m field, with
-- the same permission checks: the followed collection and field must be readable by the
-- request, else null (the key is then an unknown field). The three-argument form (through a
-- many-to-any's collection field) is not supported: null.
create or replace function strata.follow_field(p_collection text, p_key text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  v_args text[];
  v_field jsonb;
begin
  if left(p_key, 8) <> '$FOLLOW(' or right(p_key, 1) <> ')' then return null; end if;
  v_args := array(select btrim(a) from unnest(string_to_array(substr(p_key, 9, length(p_key) - 9), ',')) a);
  if cardinality(v_args) <> 2 or not strata.collection_exists(v_args[1]) then return null; end if;
  v_field := strata.resolve_field(v_args[1], v_args[2]);
  if v_field is null or v_field ->> 'kind' <> 'column' then return null; end if;
  return jsonb_build_object('kind', 'o2m', 'field', strata.primary_key(p_collection), 'type', 'alias',
    'related', v_args[1], 'related_field', v_args[2], 'related_pk', strata.primary_key(v_args[1]),
    'junction_field', null, 'sort_field', null);
end;
$$;
--! EndIncluded strata/catalog/follow_field.sql
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

    -- `$FOLLOW(collection, field)`: an undeclared one-to-many (catalog/follow_field.sql)
    fn := case when left(k, 8) = '$FOLLOW(' then null else strata.parse_function(k) end;
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
    f := case when left(k, 8) = '$FOLLOW(' then strata.follow_field(p_collection, k)
              when p_known ? fname then nullif(p_known #> array[fname, 'field'], 'null') else strata.resolve_field(p_collection, fname) end;
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
--! Included strata/read/index_ordered.sql
-- Whether an ORDER BY list (strata.compile_sort's, over the row aliased p_alias) starts with a
-- plain column of the collection that leads a (non-partial) btree index, so PostgreSQL can walk
-- the index in order and stop after the page: then a list formats only the rows it returns
-- anyway, and strata.compile_select does not split the read into keys first, rows after.
create or replace function strata.index_ordered(p_collection text, p_alias text, p_order text)
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
        join pg_catalog.pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
      where i.indrelid = to_regclass(format('public.%I', p_collection)) and i.indpred is null
        and a.attname = case when left(m[1], 1) = '"' then replace(substr(m[1], 2, length(m[1]) - 2), '""', '"') else m[1] end)
    from regexp_match(p_order, '^' || regexp_replace(p_alias, '([^a-zA-Z0-9_])', '\\\1', 'g')
      || '\.("(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)(?: desc)?(?:, |$)') m), false)
$$;
--! EndIncluded strata/read/index_ordered.sql
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
    -- the term's pattern, number and uuid are computed once per statement (strata.once), not
    -- per row; a term that is no number (no uuid) makes that comparison null, which no row
    -- matches, as false did
    if c.type in ('string', 'text', 'csv') then
      parts := parts || format('%s ilike %s', c.ref,
        strata.once(format('''%%'' || replace(replace(replace(%s, ''\'', ''\\''), ''%%'', ''\%%''), ''_'', ''\_'') || ''%%''', q)));
    elsif c.type in ('integer', 'bigInteger') then
      -- compared as an integer (no per-row cast of the column to numeric): a term that is a
      -- number with no fraction in bigint's range; any other term can't equal an integer
      parts := parts || format('%s = %s', c.ref, strata.once(format(
        'case when %1$s ~ ''^-?[0-9]+(\.0+)?$'' then case when (%1$s)::numeric between -9223372036854775808 and 9223372036854775807 then ((%1$s)::numeric)::int8 end end', q)));
    elsif c.type in ('float', 'decimal') then
      parts := parts || format('%s = %s', c.ref, strata.once(format('case when %1$s ~ ''^-?[0-9]+(\.[0-9]+)?$'' then (%1$s)::numeric end', q)));
    elsif c.type = 'uuid' then
      parts := parts || format('%s = %s', c.ref,
        strata.once(format('case when %1$s ~* ''^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'' then (%1$s)::uuid end', q)));
    end if;
  end loop;
  if cardinality(parts) = 0 then return 'false'; end if;
  return '(' || array_to_string(parts, ' or ') || ')';
end;
$$;
--! EndIncluded strata/read/compile_search.sql
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
        v_pk));
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
    if p_ctx.kind = 'root' and p_ctx.opts ->> 'source' is null and v_pk is not null and p_ctx.q ? (p_ctx.pfx || 'limit')
       and not strata.index_ordered(p_ctx.collection, p_ctx.alias, v_order) then
      -- sorts through a many-to-one: the related rows joined to the candidates (strata.page_order)
      v_joined := strata.page_order(p_ctx.collection, p_ctx.alias, v_sort, p_ctx.rel_path);
      v_page := format('select %s.%I as k from %s %s%s', p_ctx.alias, v_pk, v_source, p_ctx.alias, coalesce(v_joined ->> 'from', ''))
        || case when cardinality(v_where) > 0 then ' where ' || array_to_string(v_where, ' and ') else '' end;
      if v_joined is not null then
        v_tail := ' order by ' || (v_joined ->> 'order') || substr(v_tail, length(' order by ' || v_order) + 1);
      end if;
      -- the keys as an array (computed once), unnested in order: PostgreSQL then looks each row
      -- up by its key, never hashing the whole table for a page it can't size in a generic plan
      v_sql := format('select %1$s from unnest(array(%3$s)) with ordinality as %2$s(k, n) join %4$s %5$s on %5$s.%6$I = %2$s.k order by %2$s.n',
        coalesce(nullif(array_to_string(cols, ', '), ''), ''), p_ctx.alias || '_page', v_page || v_tail, v_source, p_ctx.alias, v_pk);
    else
      v_sql := v_sql || v_tail;
    end if;
  end if;
  return v_sql;
end;
$$;
--! EndIncluded strata/read/compile_select.sql
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
  -- a share request reads only its item and what is linked to it (the share's row-level security)
  if strata.share_id() is not null and not strata.share_visible(p_collection, p_pk) then
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
--! Included strata/schema/relation_meta_data.sql
-- A relation payload's meta as directus_relations columns: identity keys dropped (they come from
-- the path or the payload's collection/field), allowed collections stored as csv. No meta
-- (a relation posted without one) is {}: the row still gets its one_collection.
create or replace function strata.relation_meta_data(p_meta jsonb)
returns jsonb
language sql
immutable
security invoker
as $$
  select case when jsonb_typeof(p_meta) is distinct from 'object' then '{}'::jsonb
    else (p_meta - 'id' - 'many_collection' - 'many_field' - 'one_collection')
      || case when not p_meta ? 'one_allowed_collections' then '{}'::jsonb
              when jsonb_typeof(p_meta->'one_allowed_collections') = 'array' then jsonb_build_object('one_allowed_collections',
                nullif(array_to_string(array(select jsonb_array_elements_text(p_meta->'one_allowed_collections')), ','), ''))
              else jsonb_build_object('one_allowed_collections', p_meta->>'one_allowed_collections') end
  end
$$;
--! EndIncluded strata/schema/relation_meta_data.sql
--! Included strata/read/page_order.sql
-- The ORDER BY of a late-materialized page (strata.compile_select) with its many-to-one sort
-- paths as joins: {"from": " left join public.<related> <alias> on ...", "order": "..."}.
-- strata.sort_expr reads "author.name" as a scalar subquery per candidate row, which
-- PostgreSQL can't decorrelate; the same lookup as a left join by the related primary key
-- (at most one row, null when none is visible, as the subquery) lets it hash the related table
-- once. Only the first hop is joined; the rest of a path stays strata.sort_expr's. The sort was
-- validated by strata.compile_sort already (same keys, same errors). p_sort: the sort array,
-- aliases resolved.
create or replace function strata.page_order(p_collection text, p_alias text, p_sort jsonb, p_where text default null)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  s text;
  k text;
  head text;
  f jsonb;
  a text;
  n int := 0;
  v_from text := '';
  parts text[] := '{}';
begin
  for s in select jsonb_array_elements_text(p_sort) loop
    if s = '' or s = '-' then continue; end if;
    k := case when left(s, 1) = '-' then substr(s, 2) else s end;
    head := split_part(k, '.', 1);
    if position('.' in k) > 0 and left(k, 5) <> 'json(' then
      f := strata.resolve_field(p_collection, head);
      n := n + 1;
      a := p_alias || 'j' || n;
      v_from := v_from || format(' left join public.%I %s on %s.%I = %s', f ->> 'related', a, a, f ->> 'related_pk',
        strata.column_ref(p_collection, p_alias, head));
      parts := parts || (strata.sort_expr(f ->> 'related', a, substr(k, length(head) + 2), head) || case when left(s, 1) = '-' then ' desc' else '' end);
    else
      parts := parts || (strata.sort_expr(p_collection, p_alias, k, p_where) || case when left(s, 1) = '-' then ' desc' else '' end);
    end if;
  end loop;
  if n = 0 then return null; end if;
  return jsonb_build_object('from', v_from, 'order', array_to_string(parts, ', '));
end;
$$;
--! EndIncluded strata/read/page_order.sql
--! Included strata/auth/session_logout.sql
-- Ends a refresh-token session (Directus's /auth/logout): deletes it and records a `logout`
-- activity row (a share's session, POST /shares/auth, is deleted without one). An unknown token
-- does nothing (logout is idempotent). Returns the user, or null.
create or replace function strata.session_logout(p_token text, p_ip text, p_user_agent text, p_origin text)
returns uuid
language sql
volatile
security definer
set search_path = pg_catalog, public
as $$
  with gone as (
    delete from public.directus_sessions
    where token = p_token and oauth_client is null and ("user" is not null or share is not null)
    returning "user"
  ), logged as (
    insert into public.directus_activity (action, "user", ip, user_agent, origin, collection, item)
    select 'logout', "user", p_ip, p_user_agent, p_origin, 'directus_users', "user"::text from gone where "user" is not null
  )
  select "user" from gone
$$;
--! EndIncluded strata/auth/session_logout.sql
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
    strata.notify_schema_change, strata.notify_meta_change, strata.prune_events,
    strata.on_flows_change, strata.queue_deliveries, strata.on_version_save,
    strata.access_for_share, strata.share_login, strata.share_info, strata.share_password, strata.share_check';
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
  revoke all on strata.login_attempts, strata.role_credentials, strata.events, strata.deliveries, strata.event_hooks from strata_admin;
  grant usage, select on all sequences in schema strata to strata_admin;
  revoke all on sequence strata.events_id_seq, strata.deliveries_id_seq from strata_admin; -- change events are the gateway's (events/events_table.sql)
  grant execute on all functions in schema strata to strata_admin;
  execute format('revoke execute on function %s from strata_admin', v_internal);
end;
$$;
--! EndIncluded strata/access/install.sql
