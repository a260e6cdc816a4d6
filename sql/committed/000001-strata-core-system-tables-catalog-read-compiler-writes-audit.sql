--! Previous: -
--! Hash: sha1:90df4ba838ef85998d786f3ef68623326d62e9ea
--! Message: Strata core: system tables, catalog, read compiler, writes, audit, access control, auth

-- Strata's schema while it is being developed (graphile-migrate). Everything here is
-- idempotent; the SQL lives in sql/fixtures/ (one function per file) and is included here.
--! Included system/index.sql
--! Included system/strata_schema.sql
-- schema `strata`: home of the engine (compiler, write functions, policies, triggers, events).
-- the directus_* system tables stay in the default schema, where Directus keeps them.
create schema if not exists strata;
--! EndIncluded system/strata_schema.sql
--! Included system/directus_migrations.sql
-- directus_migrations: Directus's own migration ledger (version = file prefix, e.g. '20260909A').
-- kept so that a Strata database looks like a migrated Directus database to Directus tooling.
create table if not exists directus_migrations (
  version varchar(255) not null,
  name varchar(255) not null,
  "timestamp" timestamptz default current_timestamp,
  constraint directus_migrations_pkey primary key (version)
);
--! EndIncluded system/directus_migrations.sql
--! Included system/directus_collections.sql
-- directus_collections: metadata of registered user collections and collection folders.
-- system collections have no rows here (Directus keeps their metadata in code).
create table if not exists directus_collections (
  collection varchar(64) not null,
  icon varchar(64),
  note text,
  display_template varchar(255),
  hidden boolean not null default false,
  singleton boolean not null default false,
  translations json,
  archive_field varchar(64),
  archive_app_filter boolean not null default true,
  archive_value varchar(255),
  unarchive_value varchar(255),
  sort_field varchar(64),
  accountability varchar(255) default 'all',
  color varchar(255),
  item_duplication_fields json,
  sort integer,
  "group" varchar(64),
  collapse varchar(255) not null default 'open',
  preview_url varchar(255),
  versioning boolean not null default false,
  status varchar(255) not null default 'active',
  autosave_revision_interval real,
  constraint directus_collections_pkey primary key (collection),
  constraint directus_collections_group_foreign foreign key ("group") references directus_collections (collection)
);
--! EndIncluded system/directus_collections.sql
--! Included system/directus_fields.sql
-- directus_fields: UI metadata of user fields (type, nullability, default and keys come from the
-- live schema, not from here). no foreign key to directus_collections, as in Directus.
create table if not exists directus_fields (
  id serial not null,
  collection varchar(64) not null,
  field varchar(64) not null,
  special varchar(64),
  interface varchar(64),
  options json,
  display varchar(64),
  display_options json,
  readonly boolean not null default false,
  hidden boolean not null default false,
  sort integer,
  width varchar(30) default 'full',
  translations json,
  note text,
  conditions json,
  required boolean default false,
  "group" varchar(64),
  validation json,
  validation_message text,
  searchable boolean not null default true,
  constraint directus_fields_pkey primary key (id)
);
--! EndIncluded system/directus_fields.sql
--! Included system/directus_relations.sql
-- directus_relations: relation metadata (m2o / o2m / m2m / m2a) between user collections.
-- the foreign key itself, when there is one, is a real constraint on the many side's table.
create table if not exists directus_relations (
  id serial not null,
  many_collection varchar(64) not null,
  many_field varchar(64) not null,
  one_collection varchar(64),
  one_field varchar(64),
  one_collection_field varchar(64),
  one_allowed_collections text,
  junction_field varchar(64),
  sort_field varchar(64),
  one_deselect_action varchar(255) not null default 'nullify',
  constraint directus_relations_pkey primary key (id)
);
--! EndIncluded system/directus_relations.sql
--! Included system/directus_roles.sql
-- directus_roles: roles (v11+: access rights live in policies attached through directus_access).
-- the administrator role is created by the server at first start, not here.
create table if not exists directus_roles (
  id uuid not null,
  name varchar(100) not null,
  icon varchar(64) not null default 'supervised_user_circle',
  description text,
  parent uuid,
  constraint directus_roles_pkey primary key (id),
  constraint directus_roles_parent_foreign foreign key (parent) references directus_roles (id)
);
--! EndIncluded system/directus_roles.sql
--! Included system/directus_policies.sql
-- directus_policies: bundles of permissions plus access flags (v11+).
create table if not exists directus_policies (
  id uuid not null,
  name varchar(100) not null,
  icon varchar(64) not null default 'badge',
  description text,
  ip_access text,
  enforce_tfa boolean not null default false,
  admin_access boolean not null default false,
  app_access boolean not null default false,
  constraint directus_policies_pkey primary key (id)
);

-- the public policy: fixed id, same values as Directus's 20240806A migration. it is linked to
-- "everyone, signed in or not" by the directus_access row with role and user both null.
insert into directus_policies (id, name, icon, description, ip_access, enforce_tfa, admin_access, app_access)
values ('abf8a154-5b1c-4a46-ac9c-7300570f4f17', '$t:public_label', 'public', '$t:public_description', null, false, false, false)
on conflict do nothing;
--! EndIncluded system/directus_policies.sql
--! Included system/directus_users.sql
-- directus_users: accounts. `password` holds an argon2 hash, `token` a static token.
-- avatar has no foreign key to directus_files, exactly as in Directus 12 on postgresql.
create table if not exists directus_users (
  id uuid not null,
  first_name varchar(50),
  last_name varchar(50),
  email varchar(128),
  password varchar(255),
  location varchar(255),
  title varchar(50),
  description text,
  tags json,
  avatar uuid,
  language varchar(255) default null,
  tfa_secret varchar(255),
  status varchar(16) not null default 'active',
  role uuid,
  token varchar(255),
  last_access timestamptz,
  last_page varchar(255),
  provider varchar(128) not null default 'default',
  external_identifier varchar(255),
  auth_data json,
  email_notifications boolean default true,
  appearance varchar(255),
  theme_dark varchar(255),
  theme_light varchar(255),
  theme_light_overrides json,
  theme_dark_overrides json,
  text_direction varchar(255) not null default 'auto',
  constraint directus_users_pkey primary key (id),
  constraint directus_users_email_unique unique (email),
  constraint directus_users_token_unique unique (token),
  constraint directus_users_external_identifier_unique unique (external_identifier),
  constraint directus_users_role_foreign foreign key (role) references directus_roles (id) on delete set null
);
--! EndIncluded system/directus_users.sql
--! Included system/directus_access.sql
-- directus_access: attaches policies to roles and users (v11+). role and user both null = public.
create table if not exists directus_access (
  id uuid not null,
  role uuid,
  "user" uuid,
  policy uuid not null,
  sort integer,
  constraint directus_access_pkey primary key (id),
  constraint directus_access_role_foreign foreign key (role) references directus_roles (id) on delete cascade,
  constraint directus_access_user_foreign foreign key ("user") references directus_users (id) on delete cascade,
  constraint directus_access_policy_foreign foreign key (policy) references directus_policies (id) on delete cascade
);

-- link the public policy to everyone (Directus gives this row a random id and sort 1).
insert into directus_access (id, role, "user", policy, sort)
select gen_random_uuid(), null, null, 'abf8a154-5b1c-4a46-ac9c-7300570f4f17', 1
where not exists (
  select from directus_access
  where policy = 'abf8a154-5b1c-4a46-ac9c-7300570f4f17' and role is null and "user" is null
)
on conflict do nothing;
--! EndIncluded system/directus_access.sql
--! Included system/directus_permissions.sql
-- directus_permissions: one rule per (policy, collection, action). `fields` is a csv ('*' = all);
-- permissions / validation are filter json, presets default values.
create table if not exists directus_permissions (
  id serial not null,
  collection varchar(64) not null,
  action varchar(10) not null,
  permissions json,
  validation json,
  presets json,
  fields text,
  policy uuid not null,
  constraint directus_permissions_pkey primary key (id),
  constraint directus_permissions_policy_foreign foreign key (policy) references directus_policies (id) on delete cascade
);
--! EndIncluded system/directus_permissions.sql
--! Included system/directus_folders.sql
-- directus_folders: virtual folders for files (type 'files') and, since 12, for flows.
create table if not exists directus_folders (
  id uuid not null,
  name varchar(255) not null,
  parent uuid,
  type varchar(255) not null default 'files',
  constraint directus_folders_pkey primary key (id),
  constraint directus_folders_parent_foreign foreign key (parent) references directus_folders (id)
);
--! EndIncluded system/directus_folders.sql
--! Included system/directus_files.sql
-- directus_files: file metadata (the bytes live in a storage adapter). `tags` is csv text since
-- Directus 10.8 (20231009A), not json.
create table if not exists directus_files (
  id uuid not null,
  storage varchar(255) not null,
  filename_disk varchar(255),
  filename_download varchar(255) not null,
  title varchar(255),
  type varchar(255),
  folder uuid,
  uploaded_by uuid,
  created_on timestamptz not null default current_timestamp,
  modified_by uuid,
  modified_on timestamptz not null default current_timestamp,
  charset varchar(50),
  filesize bigint,
  width integer,
  height integer,
  duration integer,
  embed varchar(200),
  description text,
  location text,
  tags text,
  metadata json,
  focal_point_x integer,
  focal_point_y integer,
  tus_id varchar(64),
  tus_data json,
  uploaded_on timestamptz,
  constraint directus_files_pkey primary key (id),
  constraint directus_files_folder_foreign foreign key (folder) references directus_folders (id) on delete set null,
  constraint directus_files_uploaded_by_foreign foreign key (uploaded_by) references directus_users (id),
  constraint directus_files_modified_by_foreign foreign key (modified_by) references directus_users (id)
);
--! EndIncluded system/directus_files.sql
--! Included system/directus_settings.sql
-- directus_settings: the project's singleton settings row (id 1).
create table if not exists directus_settings (
  id serial not null,
  project_name varchar(100) not null default 'Directus',
  project_url varchar(255),
  project_color varchar(255) not null default '#6644FF',
  project_logo uuid,
  public_foreground uuid,
  public_background uuid,
  public_note text,
  auth_login_attempts integer default 25,
  auth_password_policy varchar(100),
  storage_asset_transform varchar(7) default 'all',
  storage_asset_presets json,
  custom_css text,
  storage_default_folder uuid,
  basemaps json,
  mapbox_key varchar(255),
  module_bar json,
  project_descriptor varchar(100),
  default_language varchar(255) not null default 'en-US',
  custom_aspect_ratios json,
  public_favicon uuid,
  default_appearance varchar(255) not null default 'auto',
  default_theme_light varchar(255),
  theme_light_overrides json,
  default_theme_dark varchar(255),
  theme_dark_overrides json,
  report_error_url varchar(255),
  report_bug_url varchar(255),
  report_feature_url varchar(255),
  public_registration boolean not null default false,
  public_registration_verify_email boolean not null default true,
  public_registration_role uuid,
  public_registration_email_filter json,
  visual_editor_urls json,
  project_id uuid,
  mcp_enabled boolean not null default false,
  mcp_allow_deletes boolean not null default false,
  mcp_prompts_collection varchar(255) default null,
  mcp_system_prompt_enabled boolean not null default true,
  mcp_system_prompt text,
  project_owner varchar(255),
  project_usage varchar(255),
  org_name varchar(255),
  product_updates boolean,
  project_status varchar(255),
  ai_openai_api_key text,
  ai_anthropic_api_key text,
  ai_system_prompt text,
  ai_google_api_key text,
  ai_openai_compatible_api_key text,
  ai_openai_compatible_base_url text,
  ai_openai_compatible_name text,
  ai_openai_compatible_models json,
  ai_openai_compatible_headers json,
  ai_openai_allowed_models json,
  ai_anthropic_allowed_models json,
  ai_google_allowed_models json,
  collaborative_editing_enabled boolean not null default false,
  ai_translation_default_model text,
  ai_translation_glossary json,
  ai_translation_style_guide text,
  license_key varchar(255) default null,
  license_token text,
  mcp_oauth_enabled boolean not null default false,
  mcp_oauth_dcr_enabled boolean not null default false,
  mcp_oauth_cimd_enabled boolean not null default false,
  default_save_action varchar(255) not null default 'save-and-quit',
  constraint directus_settings_pkey primary key (id),
  constraint directus_settings_project_logo_foreign foreign key (project_logo) references directus_files (id),
  constraint directus_settings_public_foreground_foreign foreign key (public_foreground) references directus_files (id),
  constraint directus_settings_public_background_foreign foreign key (public_background) references directus_files (id),
  constraint directus_settings_public_favicon_foreign foreign key (public_favicon) references directus_files (id),
  constraint directus_settings_storage_default_folder_foreign foreign key (storage_default_folder) references directus_folders (id) on delete set null,
  constraint directus_settings_public_registration_role_foreign foreign key (public_registration_role) references directus_roles (id) on delete set null
);

-- the singleton row as a fresh Directus 12.4 has it: column defaults, plus what Directus's
-- migrations write into it: a uuid v7 project_id (20250613A) and the default ai model lists
-- (20260110A). the uuid v7 is built by hand because uuidv7() only exists from postgresql 18.
insert into directus_settings (id, project_id, ai_openai_allowed_models, ai_anthropic_allowed_models, ai_google_allowed_models)
values (
  1,
  encode(
    set_bit(set_bit(
      overlay(uuid_send(gen_random_uuid())
        placing substring(int8send((extract(epoch from clock_timestamp()) * 1000)::bigint) from 3)
        from 1 for 6),
      52, 1), 53, 1),
    'hex')::uuid,
  '["gpt-5.4-nano","gpt-5.4-mini","gpt-5.4"]',
  '["claude-haiku-4-5","claude-sonnet-4-6"]',
  '["gemini-3-pro-preview","gemini-3-flash-preview","gemini-2.5-pro","gemini-2.5-flash"]'
)
on conflict do nothing;

-- the row was inserted with an explicit id: move the sequence past it.
select setval(pg_get_serial_sequence('directus_settings', 'id'), greatest((select max(id) from directus_settings), 1));
--! EndIncluded system/directus_settings.sql
--! Included system/directus_presets.sql
-- directus_presets: saved views and bookmarks, per user, per role, or global (both null).
create table if not exists directus_presets (
  id serial not null,
  bookmark varchar(255),
  "user" uuid,
  role uuid,
  collection varchar(64),
  search varchar(100),
  layout varchar(100) default 'tabular',
  layout_query json,
  layout_options json,
  refresh_interval integer,
  filter json,
  icon varchar(64) default 'bookmark',
  color varchar(255),
  constraint directus_presets_pkey primary key (id),
  constraint directus_presets_user_foreign foreign key ("user") references directus_users (id) on delete cascade,
  constraint directus_presets_role_foreign foreign key (role) references directus_roles (id) on delete cascade
);
--! EndIncluded system/directus_presets.sql
--! Included system/directus_activity.sql
-- directus_activity: the action log. `user` deliberately has no foreign key (as in Directus), so
-- the log outlives deleted users; the legacy `comment` column is gone since 11.1 (directus_comments).
create table if not exists directus_activity (
  id serial not null,
  action varchar(45) not null,
  "user" uuid,
  "timestamp" timestamptz not null default current_timestamp,
  ip varchar(50),
  user_agent text,
  collection varchar(64) not null,
  item varchar(255) not null,
  origin varchar(255),
  constraint directus_activity_pkey primary key (id)
);

-- used by the activity retention job (20251028A).
create index if not exists directus_activity_timestamp_index on directus_activity ("timestamp");
--! EndIncluded system/directus_activity.sql
--! Included system/directus_versions.sql
-- directus_versions: content versions of an item (10.7+). `delta` holds the consolidated changes
-- (11.1+), `hash` the main item's hash when the version was created. item null = a version of a
-- not yet created item / singleton (20260217A).
create table if not exists directus_versions (
  id uuid not null,
  key varchar(64) not null,
  name varchar(255),
  collection varchar(64) not null,
  item varchar(255),
  hash varchar(255),
  date_created timestamptz default current_timestamp,
  date_updated timestamptz default current_timestamp,
  user_created uuid,
  user_updated uuid,
  delta json,
  constraint directus_versions_pkey primary key (id),
  constraint directus_versions_collection_foreign foreign key (collection) references directus_collections (collection) on delete cascade,
  constraint directus_versions_user_created_foreign foreign key (user_created) references directus_users (id) on delete set null,
  constraint directus_versions_user_updated_foreign foreign key (user_updated) references directus_users (id)
);
--! EndIncluded system/directus_versions.sql
--! Included system/directus_revisions.sql
-- directus_revisions: item snapshots (`data`) and changes (`delta`) per activity row; `parent`
-- links the revisions of a nested write, `version` a change saved into a content version.
create table if not exists directus_revisions (
  id serial not null,
  activity integer not null,
  collection varchar(64) not null,
  item varchar(255) not null,
  data json,
  delta json,
  parent integer,
  version uuid,
  constraint directus_revisions_pkey primary key (id),
  constraint directus_revisions_activity_foreign foreign key (activity) references directus_activity (id) on delete cascade,
  constraint directus_revisions_parent_foreign foreign key (parent) references directus_revisions (id),
  constraint directus_revisions_version_foreign foreign key (version) references directus_versions (id) on delete cascade
);

-- used by the retention job and the revisions lookups (20251028A, 20260113A).
create index if not exists directus_revisions_parent_index on directus_revisions (parent);
create index if not exists directus_revisions_activity_index on directus_revisions (activity);
--! EndIncluded system/directus_revisions.sql
--! Included system/directus_comments.sql
-- directus_comments: comments on items (11.1+; they used to be directus_activity rows).
create table if not exists directus_comments (
  id uuid not null,
  collection varchar(64) not null,
  item varchar(255) not null,
  comment text not null,
  date_created timestamptz default current_timestamp,
  date_updated timestamptz default current_timestamp,
  user_created uuid,
  user_updated uuid,
  constraint directus_comments_pkey primary key (id),
  constraint directus_comments_user_created_foreign foreign key (user_created) references directus_users (id) on delete set null,
  constraint directus_comments_user_updated_foreign foreign key (user_updated) references directus_users (id)
);
--! EndIncluded system/directus_comments.sql
--! Included system/directus_shares.sql
-- directus_shares: public share links to one item, with the access of `role`.
create table if not exists directus_shares (
  id uuid not null,
  name varchar(255),
  collection varchar(64) not null,
  item varchar(255) not null,
  role uuid,
  password varchar(255),
  user_created uuid,
  date_created timestamptz default current_timestamp,
  date_start timestamptz,
  date_end timestamptz,
  times_used integer default 0,
  max_uses integer,
  constraint directus_shares_pkey primary key (id),
  constraint directus_shares_collection_foreign foreign key (collection) references directus_collections (collection) on delete cascade,
  constraint directus_shares_role_foreign foreign key (role) references directus_roles (id) on delete cascade,
  constraint directus_shares_user_created_foreign foreign key (user_created) references directus_users (id) on delete set null
);
--! EndIncluded system/directus_shares.sql
--! Included system/directus_oauth.sql
-- directus_oauth_clients / _codes / _consents / _tokens: the OAuth 2.1 authorization server that
-- Directus 12 runs for MCP clients (20260512B). created here because directus_sessions.oauth_client
-- references directus_oauth_clients.
create table if not exists directus_oauth_clients (
  client_id varchar(255) not null,
  client_name varchar(200) not null,
  redirect_uris json not null,
  grant_types json not null,
  token_endpoint_auth_method varchar(255) not null default 'none',
  client_secret_hash varchar(64),
  registration_type varchar(10) not null default 'dcr',
  client_uri text,
  logo_uri text,
  tos_uri text,
  policy_uri text,
  metadata_fetched_at timestamptz,
  metadata_expires_at timestamptz,
  metadata_etag varchar(255),
  date_created timestamptz not null default current_timestamp,
  constraint directus_oauth_clients_pkey primary key (client_id)
);

create index if not exists directus_oauth_clients_date_created_index on directus_oauth_clients (date_created);

create table if not exists directus_oauth_codes (
  id uuid not null,
  code_hash varchar(64) not null,
  client varchar(255) not null,
  "user" uuid not null,
  redirect_uri varchar(255) not null,
  resource varchar(255) not null,
  code_challenge varchar(128) not null,
  code_challenge_method varchar(10) not null,
  scope varchar(255),
  expires_at timestamptz not null,
  used_at timestamptz,
  constraint directus_oauth_codes_pkey primary key (id),
  constraint directus_oauth_codes_code_hash_unique unique (code_hash),
  constraint directus_oauth_codes_client_foreign foreign key (client) references directus_oauth_clients (client_id) on delete cascade,
  constraint directus_oauth_codes_user_foreign foreign key ("user") references directus_users (id) on delete cascade
);

create index if not exists directus_oauth_codes_expires_at_index on directus_oauth_codes (expires_at);
create index if not exists directus_oauth_codes_used_at_index on directus_oauth_codes (used_at);

create table if not exists directus_oauth_consents (
  id uuid not null,
  "user" uuid not null,
  client varchar(255) not null,
  redirect_uri varchar(255) not null,
  scope varchar(255),
  date_created timestamptz not null,
  date_updated timestamptz not null,
  constraint directus_oauth_consents_pkey primary key (id),
  constraint directus_oauth_consents_user_client_redirect_uri_unique unique ("user", client, redirect_uri),
  constraint directus_oauth_consents_user_foreign foreign key ("user") references directus_users (id) on delete cascade,
  constraint directus_oauth_consents_client_foreign foreign key (client) references directus_oauth_clients (client_id) on delete cascade
);

create index if not exists directus_oauth_consents_client_index on directus_oauth_consents (client);

create table if not exists directus_oauth_tokens (
  id uuid not null,
  client varchar(255) not null,
  "user" uuid not null,
  session varchar(64) not null,
  previous_session varchar(64),
  resource varchar(255) not null,
  code_hash varchar(64) not null,
  scope varchar(255),
  expires_at timestamptz not null,
  date_created timestamptz not null,
  constraint directus_oauth_tokens_pkey primary key (id),
  constraint directus_oauth_tokens_client_user_unique unique (client, "user"),
  constraint directus_oauth_tokens_client_foreign foreign key (client) references directus_oauth_clients (client_id) on delete cascade,
  constraint directus_oauth_tokens_user_foreign foreign key ("user") references directus_users (id) on delete cascade
);

create index if not exists directus_oauth_tokens_session_index on directus_oauth_tokens (session);
create index if not exists directus_oauth_tokens_previous_session_index on directus_oauth_tokens (previous_session);
create index if not exists directus_oauth_tokens_code_hash_index on directus_oauth_tokens (code_hash);
create index if not exists directus_oauth_tokens_expires_at_index on directus_oauth_tokens (expires_at);
--! EndIncluded system/directus_oauth.sql
--! Included system/directus_sessions.sql
-- directus_sessions: refresh-token sessions of users, shares and (12+) MCP OAuth clients.
-- next_token supports the refresh grace window (20240515A).
create table if not exists directus_sessions (
  token varchar(64) not null,
  "user" uuid,
  expires timestamptz not null,
  ip varchar(255),
  user_agent text,
  share uuid,
  origin varchar(255),
  next_token varchar(64),
  oauth_client varchar(255),
  constraint directus_sessions_pkey primary key (token),
  constraint directus_sessions_user_foreign foreign key ("user") references directus_users (id) on delete cascade,
  constraint directus_sessions_share_foreign foreign key (share) references directus_shares (id) on delete cascade,
  constraint directus_sessions_oauth_client_foreign foreign key (oauth_client) references directus_oauth_clients (client_id) on delete cascade
);

create index if not exists directus_sessions_oauth_client_index on directus_sessions (oauth_client);
--! EndIncluded system/directus_sessions.sql
--! Included system/directus_notifications.sql
-- directus_notifications: in-app notifications (mentions, flow notifications).
create table if not exists directus_notifications (
  id serial not null,
  "timestamp" timestamptz default current_timestamp,
  status varchar(255) default 'inbox',
  recipient uuid not null,
  sender uuid,
  subject varchar(255) not null,
  message text,
  collection varchar(64),
  item varchar(255),
  constraint directus_notifications_pkey primary key (id),
  constraint directus_notifications_recipient_foreign foreign key (recipient) references directus_users (id) on delete cascade,
  constraint directus_notifications_sender_foreign foreign key (sender) references directus_users (id)
);
--! EndIncluded system/directus_notifications.sql
--! Included system/directus_dashboards.sql
-- directus_dashboards: insights dashboards.
create table if not exists directus_dashboards (
  id uuid not null,
  name varchar(255) not null,
  icon varchar(64) not null default 'dashboard',
  note text,
  date_created timestamptz default current_timestamp,
  user_created uuid,
  color varchar(255),
  constraint directus_dashboards_pkey primary key (id),
  constraint directus_dashboards_user_created_foreign foreign key (user_created) references directus_users (id) on delete set null
);
--! EndIncluded system/directus_dashboards.sql
--! Included system/directus_panels.sql
-- directus_panels: panels placed on an insights dashboard.
create table if not exists directus_panels (
  id uuid not null,
  dashboard uuid not null,
  name varchar(255),
  icon varchar(64) default null,
  color varchar(10),
  show_header boolean not null default false,
  note text,
  type varchar(255) not null,
  position_x integer not null,
  position_y integer not null,
  width integer not null,
  height integer not null,
  options json,
  date_created timestamptz default current_timestamp,
  user_created uuid,
  constraint directus_panels_pkey primary key (id),
  constraint directus_panels_dashboard_foreign foreign key (dashboard) references directus_dashboards (id) on delete cascade,
  constraint directus_panels_user_created_foreign foreign key (user_created) references directus_users (id) on delete set null
);
--! EndIncluded system/directus_panels.sql
--! Included system/directus_flows.sql
-- directus_flows: automation flows. `operation` is the first operation; it is unique but, as in
-- Directus, has no foreign key (operations reference their flow, which would make a cycle).
-- `folder` (12+) points at a directus_folders row of type 'flows'.
create table if not exists directus_flows (
  id uuid not null,
  name varchar(255) not null,
  icon varchar(64),
  color varchar(255),
  description text,
  status varchar(255) not null default 'active',
  trigger varchar(255),
  accountability varchar(255) default 'all',
  options json,
  operation uuid,
  date_created timestamptz default current_timestamp,
  user_created uuid,
  folder uuid,
  constraint directus_flows_pkey primary key (id),
  constraint directus_flows_operation_unique unique (operation),
  constraint directus_flows_user_created_foreign foreign key (user_created) references directus_users (id) on delete set null,
  constraint directus_flows_folder_foreign foreign key (folder) references directus_folders (id) on delete set null
);
--! EndIncluded system/directus_flows.sql
--! Included system/directus_operations.sql
-- directus_operations: the steps of a flow; resolve / reject point at the next step.
create table if not exists directus_operations (
  id uuid not null,
  name varchar(255),
  key varchar(255) not null,
  type varchar(255) not null,
  position_x integer not null,
  position_y integer not null,
  options json,
  resolve uuid,
  reject uuid,
  flow uuid not null,
  date_created timestamptz default current_timestamp,
  user_created uuid,
  constraint directus_operations_pkey primary key (id),
  constraint directus_operations_resolve_unique unique (resolve),
  constraint directus_operations_reject_unique unique (reject),
  constraint directus_operations_resolve_foreign foreign key (resolve) references directus_operations (id),
  constraint directus_operations_reject_foreign foreign key (reject) references directus_operations (id),
  constraint directus_operations_flow_foreign foreign key (flow) references directus_flows (id) on delete cascade,
  constraint directus_operations_user_created_foreign foreign key (user_created) references directus_users (id) on delete set null
);
--! EndIncluded system/directus_operations.sql
--! Included system/directus_translations.sql
-- directus_translations: custom translation strings ('$t:key' lookups) per language.
-- no unique (key, language) constraint, as in Directus.
create table if not exists directus_translations (
  id uuid not null,
  language varchar(255) not null,
  key varchar(255) not null,
  value text not null,
  constraint directus_translations_pkey primary key (id)
);
--! EndIncluded system/directus_translations.sql
--! Included system/directus_extensions.sql
-- directus_extensions: installed extensions and their enabled flag (`bundle` = parent bundle id).
-- column order follows Directus (`enabled` first: the table was rekeyed to a uuid id in 20240204A).
create table if not exists directus_extensions (
  enabled boolean not null default true,
  id uuid not null,
  folder varchar(255) not null,
  source varchar(255) not null,
  bundle uuid,
  constraint directus_extensions_pkey primary key (id)
);
--! EndIncluded system/directus_extensions.sql
--! Included system/directus_deployments.sql
-- directus_deployments / _deployment_projects / _deployment_runs: the deployment integrations of
-- Directus 12 (20260204A, 20260211A): providers, their projects, and the runs triggered on them.
create table if not exists directus_deployments (
  id uuid not null,
  provider varchar(255) not null,
  credentials text,
  options text,
  date_created timestamptz default current_timestamp,
  user_created uuid,
  webhook_ids json,
  webhook_secret varchar(255),
  last_synced_at timestamptz,
  constraint directus_deployments_pkey primary key (id),
  constraint directus_deployments_provider_unique unique (provider),
  constraint directus_deployments_user_created_foreign foreign key (user_created) references directus_users (id) on delete set null
);

create table if not exists directus_deployment_projects (
  id uuid not null,
  deployment uuid not null,
  external_id varchar(255) not null,
  name varchar(255) not null,
  date_created timestamptz default current_timestamp,
  user_created uuid,
  url varchar(255),
  framework varchar(255),
  deployable boolean not null default true,
  constraint directus_deployment_projects_pkey primary key (id),
  constraint directus_deployment_projects_deployment_external_id_unique unique (deployment, external_id),
  constraint directus_deployment_projects_deployment_foreign foreign key (deployment) references directus_deployments (id) on delete cascade,
  constraint directus_deployment_projects_user_created_foreign foreign key (user_created) references directus_users (id) on delete set null
);

create table if not exists directus_deployment_runs (
  id uuid not null,
  project uuid not null,
  external_id varchar(255) not null,
  target varchar(255) not null,
  date_created timestamptz default current_timestamp,
  user_created uuid,
  status varchar(255),
  url varchar(255),
  started_at timestamptz,
  completed_at timestamptz,
  constraint directus_deployment_runs_pkey primary key (id),
  constraint directus_deployment_runs_project_foreign foreign key (project) references directus_deployment_projects (id) on delete cascade,
  constraint directus_deployment_runs_user_created_foreign foreign key (user_created) references directus_users (id) on delete set null
);
--! EndIncluded system/directus_deployments.sql
--! EndIncluded system/index.sql
--! Included strata/index.sql
--! Included strata/util/raise.sql
-- Raises a Directus-shaped error from SQL: the gateway maps SQLSTATE SD000 to
-- {"errors":[{"message": p_message, "extensions": {"code": p_code, ...p_extensions}}]}.
create or replace function strata.raise(p_code text, p_message text, p_extensions jsonb default '{}')
returns void
language plpgsql
volatile
security invoker
as $$
begin
  raise exception using errcode = 'SD000', message = p_message, detail = p_code, hint = p_extensions::text;
end;
$$;
--! EndIncluded strata/util/raise.sql
--! Included strata/util/invalid_query.sql
-- Directus's INVALID_QUERY: message "Invalid query. <reason>.", the reason repeated in
-- extensions.reason.
create or replace function strata.invalid_query(p_reason text)
returns void
language plpgsql
volatile
security invoker
as $$
begin
  perform strata.raise('INVALID_QUERY', 'Invalid query. ' || p_reason || '.', jsonb_build_object('reason', p_reason));
end;
$$;
--! EndIncluded strata/util/invalid_query.sql
--! Included strata/auth/accountability.sql
-- The current request's accountability, as the gateway set it for this transaction
-- (strata.accountability setting, JSON). A plain SQL session that set nothing is the DBA:
-- admin (and, as the table owner or a superuser, not subject to row-level security).
-- strata.as_user() sets it to a user's, to see what that user sees.
create or replace function strata.accountability()
returns jsonb
language sql
stable
parallel safe
security invoker
as $$
  select coalesce(nullif(current_setting('strata.accountability', true), '')::jsonb,
                  '{"user":null,"role":null,"roles":[],"policies":[],"admin":true,"app":true}'::jsonb)
$$;
--! EndIncluded strata/auth/accountability.sql
--! Included strata/auth/ip_in_networks.sql
-- Whether an IP address is in a policy's ip_access list (Directus's CSV of addresses, CIDR
-- subnets and "low-high" ranges, IPv4 or IPv6). Entries that are not valid never match, so a
-- typo in ip_access locks that policy out rather than opening it.
create or replace function strata.ip_in_networks(p_ip text, p_networks text)
returns boolean
language plpgsql
immutable
parallel safe
security invoker
as $$
declare
  v_ip inet;
  v_entry text;
  v_low inet;
  v_high inet;
begin
  begin
    v_ip := host(p_ip::inet)::inet;
  exception when others then
    return false;
  end;
  foreach v_entry in array string_to_array(coalesce(p_networks, ''), ',') loop
    v_entry := btrim(v_entry);
    continue when v_entry = '';
    begin
      if position('-' in v_entry) > 0 then
        v_low := btrim(split_part(v_entry, '-', 1))::inet;
        v_high := btrim(split_part(v_entry, '-', 2))::inet;
        if family(v_low) = family(v_ip) and v_ip between v_low and v_high then return true; end if;
      elsif v_ip <<= v_entry::cidr then
        return true;
      end if;
    exception when others then
      continue;
    end;
  end loop;
  return false;
end;
$$;
--! EndIncluded strata/auth/ip_in_networks.sql
--! Included strata/auth/policy_allowed.sql
-- Whether a policy applies from the client's IP (directus_policies.ip_access): always when the
-- policy has no list, or when no IP is known (a DBA in psql); otherwise only from a listed IP.
create or replace function strata.policy_allowed(p_ip_access text, p_ip text)
returns boolean
language sql
immutable
parallel safe
security invoker
as $$
  select p_ip is null or coalesce(btrim(p_ip_access), '') = '' or strata.ip_in_networks(p_ip, p_ip_access)
$$;
--! EndIncluded strata/auth/policy_allowed.sql
--! Included strata/auth/access_for_user.sql
-- What an active user may do: role, role tree (parents), policies (user's own, the role tree's,
-- or the public policies for a user without role), and the global admin/app flags.
-- Policies whose ip_access does not list p_ip are left out (null p_ip: no IP filtering).
-- Null when the user does not exist or is not active, so its tokens stop working.
drop function if exists strata.access_for_user(uuid);
create or replace function strata.access_for_user(p_user uuid, p_ip text default null)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  with recursive u as (
    select id, role from public.directus_users where id = p_user and status = 'active'
  ), tree(id, depth) as (
    select role, 0 from u where role is not null
    union all
    select r.parent, t.depth + 1 from public.directus_roles r join tree t on r.id = t.id
    where r.parent is not null and t.depth < 64
  ), linked as (
    select a.policy from public.directus_access a where a."user" = p_user
    union
    select a.policy from public.directus_access a where a.role in (select id from tree)
    union
    select a.policy from public.directus_access a
    where a.role is null and a."user" is null and not exists (select from tree)
  ), pol as (
    select p.id, p.admin_access, p.app_access from public.directus_policies p
    where p.id in (select policy from linked) and strata.policy_allowed(p.ip_access, p_ip)
  )
  select jsonb_build_object(
    'user', u.id,
    'role', u.role,
    'roles', coalesce((select jsonb_agg(id order by depth) from tree), '[]'),
    'policies', coalesce((select jsonb_agg(id order by id) from pol), '[]'),
    'admin', coalesce((select bool_or(admin_access) from pol), false),
    'app', coalesce((select bool_or(app_access or admin_access) from pol), false),
    -- how many of the user's policies the client's IP lost (Directus 11/12 drop them silently)
    'ip_denied', (select count(*) from linked) - (select count(*) from pol)
  )
  from u
$$;
--! EndIncluded strata/auth/access_for_user.sql
--! Included strata/auth/access_for_token.sql
-- Static tokens (directus_users.token): the owning active user's access from p_ip, or null.
drop function if exists strata.access_for_token(text);
create or replace function strata.access_for_token(p_token text, p_ip text default null)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  select strata.access_for_user(id, p_ip) from public.directus_users
  where token = p_token and status = 'active'
$$;
--! EndIncluded strata/auth/access_for_token.sql
--! Included strata/auth/access_public.sql
-- Anonymous requests: the public policies (access rows with neither role nor user) whose
-- ip_access allows p_ip (null p_ip: no IP filtering).
drop function if exists strata.access_public();
create or replace function strata.access_public(p_ip text default null)
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  select jsonb_build_object(
    'user', null, 'role', null, 'roles', '[]'::jsonb,
    'policies', coalesce(jsonb_agg(distinct a.policy), '[]'),
    'admin', coalesce(bool_or(p.admin_access), false),
    'app', coalesce(bool_or(p.app_access), false))
  from public.directus_access a join public.directus_policies p on p.id = a.policy
  where a.role is null and a."user" is null and strata.policy_allowed(p.ip_access, p_ip)
$$;
--! EndIncluded strata/auth/access_public.sql
--! Included strata/auth/bootstrap_admin.sql
-- First start: an Administrator role and policy (admin + app access) and the first admin user.
-- Does nothing and returns null when any user exists already.
create or replace function strata.bootstrap_admin(p_email text, p_password_hash text, p_token text)
returns uuid
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_role uuid := gen_random_uuid();
  v_policy uuid := gen_random_uuid();
  v_user uuid := gen_random_uuid();
begin
  if exists (select from public.directus_users) then
    return null;
  end if;
  insert into public.directus_roles (id, name, icon, description)
    values (v_role, 'Administrator', 'verified', '$t:admin_description');
  insert into public.directus_policies (id, name, icon, description, admin_access, app_access)
    values (v_policy, 'Administrator', 'verified', '$t:admin_description', true, true);
  insert into public.directus_access (id, role, policy) values (gen_random_uuid(), v_role, v_policy);
  insert into public.directus_users (id, email, password, status, role, token)
    values (v_user, lower(p_email), p_password_hash, 'active', v_role, p_token);
  return v_user;
end;
$$;
--! EndIncluded strata/auth/bootstrap_admin.sql
--! Included strata/util/project_info.sql
-- The public project settings /server/info shows to anyone (Directus's public subset), as json
-- (not jsonb) so the keys keep Directus's order.
drop function if exists strata.project_info();
create function strata.project_info()
returns json
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  select json_build_object(
    'project_name', s.project_name,
    'project_descriptor', s.project_descriptor,
    'project_logo', s.project_logo,
    'project_color', s.project_color,
    'default_appearance', s.default_appearance,
    'default_theme_light', s.default_theme_light,
    'default_theme_dark', s.default_theme_dark,
    'theme_light_overrides', s.theme_light_overrides,
    'theme_dark_overrides', s.theme_dark_overrides,
    'default_language', s.default_language,
    'public_foreground', s.public_foreground,
    'public_background', case when s.public_background is null then null
                              else json_build_object('id', s.public_background, 'type', (select type from public.directus_files f where f.id = s.public_background)) end,
    'public_favicon', s.public_favicon,
    'public_note', s.public_note,
    'custom_css', s.custom_css,
    'public_registration', s.public_registration,
    'public_registration_verify_email', s.public_registration_verify_email)
  from (select 1) one left join public.directus_settings s on true
  order by s.id nulls last
  limit 1
$$;
--! EndIncluded strata/util/project_info.sql
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
--! EndIncluded strata/access/app_access_permissions.sql
--! Included strata/access/permissions_view.sql
-- Every permission row in force: Directus's rows plus the built-in app-access rows. All of
-- Strata's access functions read this view.
create or replace view strata.permissions as
select id, collection::text, action::text, permissions::jsonb, validation::jsonb, presets::jsonb, fields, policy
from public.directus_permissions
union all
select null, collection::text, action::text, permissions::jsonb, validation::jsonb, presets::jsonb, fields, strata.app_access_policy()
from strata.app_access_permissions;
--! EndIncluded strata/access/permissions_view.sql
--! Included strata/access/has_policy.sql
-- Whether the request's accountability includes a policy (requests with app access also hold
-- the built-in app-access policy). RLS policies call it as (select strata.has_policy(...)) so
-- PostgreSQL evaluates it once per statement (an InitPlan), not once per row.
create or replace function strata.has_policy(p_policy uuid)
returns boolean
language sql
stable
parallel safe
security invoker
as $$
  select coalesce(strata.accountability() -> 'policies' ? p_policy::text, false)
      or (p_policy = strata.app_access_policy() and coalesce((strata.accountability() ->> 'app')::boolean, false))
$$;
--! EndIncluded strata/access/has_policy.sql
--! Included strata/access/permitted_fields.sql
-- The fields the request may use for an action on a collection: '{*}' = all (admins, or a
-- permission row with fields '*'), '{}' = no access at all, otherwise the union of the fields
-- of the permission rows of the request's policies.
create or replace function strata.permitted_fields(p_collection text, p_action text)
returns text[]
language plpgsql
stable
security definer
set search_path = pg_catalog, public
as $$
declare
  acc jsonb := strata.accountability();
  v_fields text[];
  v_rows int;
begin
  if coalesce((acc ->> 'admin')::boolean, false) then return '{*}'; end if;
  select count(*), array_agg(distinct f) filter (where f <> '')
    into v_rows, v_fields
  from strata.permissions p
  left join lateral unnest(string_to_array(coalesce(p.fields, ''), ',')) f on true
  where p.collection = p_collection and p.action = p_action and strata.has_policy(p.policy);
  if v_rows = 0 then return '{}'; end if;
  if '*' = any(v_fields) then return '{*}'; end if;
  return coalesce(v_fields, '{}');
end;
$$;
--! EndIncluded strata/access/permitted_fields.sql
--! Included strata/access/field_permitted.sql
-- Field permissions at compile time. While the compiler runs for a request it sets
-- strata.field_action ('read'); the catalog then hides what the request may not use, so an
-- unreadable field answers exactly like a missing one (Directus's 403). Outside compilation
-- (schema API, DBA sessions) nothing is hidden.
create or replace function strata.field_permitted(p_collection text, p_field text)
returns boolean
language plpgsql
stable
security invoker
as $$
declare
  v_action text := nullif(current_setting('strata.field_action', true), '');
  v_fields text[];
begin
  if v_action is null then return true; end if;
  v_fields := strata.permitted_fields(p_collection, v_action);
  return '*' = any(v_fields) or p_field = any(v_fields);
end;
$$;
--! EndIncluded strata/access/field_permitted.sql
--! Included strata/access/collection_permitted.sql
-- Whether the request has any permission for the current strata.field_action on a collection
-- (always true outside compilation).
create or replace function strata.collection_permitted(p_collection text)
returns boolean
language sql
stable
security invoker
as $$
  select nullif(current_setting('strata.field_action', true), '') is null
      or cardinality(strata.permitted_fields(p_collection, current_setting('strata.field_action', true))) > 0
$$;
--! EndIncluded strata/access/collection_permitted.sql
--! Included strata/catalog/directus_type.sql
-- Directus's field type for a column: from the PostgreSQL type, overridden by the field's
-- `special` flags as Directus does (cast-json -> json, hash, cast-csv -> csv, ...).
create or replace function strata.directus_type(p_udt text, p_special text)
returns text
language sql
immutable
parallel safe
security invoker
as $$
  select case
    when p_special is not null and 'cast-json' = any(string_to_array(p_special, ',')) then 'json'
    when p_special is not null and 'hash' = any(string_to_array(p_special, ',')) then 'hash'
    when p_special is not null and 'cast-csv' = any(string_to_array(p_special, ',')) then 'csv'
    when p_special is not null and 'uuid' = any(string_to_array(p_special, ',')) and p_udt in ('uuid', 'varchar', 'bpchar', 'text', 'char') then 'uuid'
    when p_special is not null and 'cast-timestamp' = any(string_to_array(p_special, ',')) then 'timestamp'
    when p_special is not null and 'cast-datetime' = any(string_to_array(p_special, ',')) then 'dateTime'
    else case p_udt
      when 'int2' then 'integer'
      when 'int4' then 'integer'
      when 'int8' then 'bigInteger'
      when 'float4' then 'float'
      when 'float8' then 'float'
      when 'numeric' then 'decimal'
      when 'varchar' then 'string'
      when 'bpchar' then 'string'
      when 'char' then 'string'
      when 'name' then 'string'
      when 'citext' then 'string'
      when 'text' then 'text'
      when 'bool' then 'boolean'
      when 'date' then 'date'
      when 'timestamp' then 'dateTime'
      when 'timestamptz' then 'timestamp'
      when 'time' then 'time'
      when 'timetz' then 'time'
      when 'json' then 'json'
      when 'jsonb' then 'json'
      when 'uuid' then 'uuid'
      when 'bytea' then 'binary'
      when 'geometry' then 'geometry'
      when 'geography' then 'geometry'
      else 'unknown'
    end
  end
$$;
--! EndIncluded strata/catalog/directus_type.sql
--! Included strata/catalog/system_meta.sql
-- What Directus knows about its own collections from code rather than from rows in
-- directus_fields/directus_relations: the `special` flags of system fields (concealed
-- secrets, csv lists) and the system relations with their one-to-many alias fields
-- (roles.users, policies.permissions, ...). The catalog views read these as if they were
-- meta rows, so system endpoints go through the same read compiler as /items.
create table if not exists strata.system_fields (
  collection text not null,
  field text not null,
  special text not null,
  primary key (collection, field)
);
insert into strata.system_fields (collection, field, special) values
  ('directus_users', 'password', 'hash,conceal'),
  ('directus_users', 'token', 'conceal'),
  ('directus_users', 'tfa_secret', 'conceal'),
  ('directus_users', 'tags', 'cast-json'),
  ('directus_permissions', 'fields', 'cast-csv'),
  ('directus_policies', 'ip_access', 'cast-csv'),
  ('directus_shares', 'password', 'hash,conceal'),
  ('directus_files', 'tags', 'cast-json')
on conflict (collection, field) do nothing;

create table if not exists strata.system_relations (
  many_collection text not null,
  many_field text not null,
  one_collection text,
  one_field text,
  junction_field text,
  sort_field text,
  primary key (many_collection, many_field, one_field)
);
insert into strata.system_relations (many_collection, many_field, one_collection, one_field, junction_field, sort_field) values
  ('directus_users', 'role', 'directus_roles', 'users', null, null),
  ('directus_roles', 'parent', 'directus_roles', 'children', null, null),
  ('directus_access', 'role', 'directus_roles', 'policies', 'policy', 'sort'),
  ('directus_access', 'user', 'directus_users', 'policies', 'policy', 'sort'),
  ('directus_access', 'policy', 'directus_policies', 'users', 'user', null),
  ('directus_access', 'policy', 'directus_policies', 'roles', 'role', null),
  ('directus_permissions', 'policy', 'directus_policies', 'permissions', null, null),
  ('directus_revisions', 'activity', 'directus_activity', 'revisions', null, null)
on conflict do nothing;

-- what deselecting an item from the alias does (Directus: unlinking a policy from a role or
-- user deletes the access row; removing a permission from a policy deletes it)
alter table strata.system_relations add column if not exists one_deselect_action text not null default 'nullify';
update strata.system_relations set one_deselect_action = 'delete'
where many_collection in ('directus_access', 'directus_permissions') and one_deselect_action <> 'delete';
--! EndIncluded strata/catalog/system_meta.sql
--! Included strata/catalog/columns.sql
-- Every column of every table and view in the public schema, as Directus sees it: the live
-- schema (type, nullability, default, key) joined with the field's meta row when it has one.
-- Tables made with plain SQL appear here as soon as they exist.
create or replace view strata.columns as
select
  c.relname::text as collection,
  a.attname::text as field,
  a.attnum as position,
  t.typname::text as udt,
  format_type(a.atttypid, a.atttypmod) as data_type,
  strata.directus_type(t.typname, coalesce(f.special, sf.special)) as type,
  not a.attnotnull as is_nullable,
  pg_get_expr(d.adbin, d.adrelid) as default_expr,
  coalesce(pk.is_pk, false) as is_primary_key,
  (a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false)) as has_auto_increment,
  a.attgenerated <> '' as is_generated,
  coalesce(f.special, sf.special) as special,
  f.id as meta_id,
  c.oid as table_oid
from pg_class c
join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
join pg_type t on t.oid = a.atttypid
left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
left join public.directus_fields f on f.collection = c.relname and f.field = a.attname
-- system fields' flags that Directus keeps in code (strata.system_fields)
left join strata.system_fields sf on sf.collection = c.relname and sf.field = a.attname
left join lateral (
  select true as is_pk from pg_index i
  where i.indrelid = c.oid and i.indisprimary and a.attnum = any(i.indkey)
) pk on true
where c.relkind in ('r', 'p', 'v', 'm', 'f');
--! EndIncluded strata/catalog/columns.sql
--! Included strata/catalog/relations.sql
-- All relations: Directus's relation rows, plus single-column foreign keys of tables made with
-- plain SQL that have no relation row (they behave as many-to-one relations, meta null).
create or replace view strata.relations as
select
  r.id as meta_id,
  r.many_collection::text as many_collection,
  r.many_field::text as many_field,
  r.one_collection::text as one_collection,
  r.one_field::text as one_field,
  r.one_collection_field::text as one_collection_field,
  case when r.one_allowed_collections is null then null
       else string_to_array(r.one_allowed_collections, ',') end as one_allowed_collections,
  r.junction_field::text as junction_field,
  r.sort_field::text as sort_field,
  coalesce(r.one_deselect_action, 'nullify')::text as one_deselect_action
from public.directus_relations r
union all
select
  null, cl.relname::text, a.attname::text, rcl.relname::text, null, null, null, null, null, 'nullify'
from pg_constraint con
join pg_class cl on cl.oid = con.conrelid
join pg_namespace n on n.oid = cl.relnamespace and n.nspname = 'public'
join pg_class rcl on rcl.oid = con.confrelid
join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
where con.contype = 'f' and array_length(con.conkey, 1) = 1
  and not exists (select from public.directus_relations r
                  where r.many_collection = cl.relname and r.many_field = a.attname)
  and not exists (select from strata.system_relations s
                  where s.many_collection = cl.relname and s.many_field = a.attname)
union all
-- system relations Directus defines in code (strata.system_relations), unless a meta row exists
select
  null, s.many_collection, s.many_field, s.one_collection, s.one_field, null, null, s.junction_field, s.sort_field, s.one_deselect_action
from strata.system_relations s
where not exists (select from public.directus_relations r
                  where r.many_collection = s.many_collection and r.many_field = s.many_field);
--! EndIncluded strata/catalog/relations.sql
--! Included strata/catalog/primary_key.sql
-- The primary key field of a collection (null when it has none or does not exist).
create or replace function strata.primary_key(p_collection text)
returns text
language sql
stable
security invoker
as $$
  select field from strata.columns where collection = p_collection and is_primary_key order by position limit 1
$$;
--! EndIncluded strata/catalog/primary_key.sql
--! Included strata/catalog/resolve_field.sql
-- What a field name means in a collection, for the compiler:
--   kind 'column'  a real column (type, udt);       also m2o when `related` is set
--   kind 'o2m'     alias listing children: related = child collection, related_field = FK on it
--   kind 'm2a'     the junction's item column of a many-to-any: allowed = collections,
--                  collection_field = the column holding the item's collection
--   kind 'alias'   presentation-only alias (no data)
-- Null when the collection has no such field.
create or replace function strata.resolve_field(p_collection text, p_field text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  col record;
  rel record;
  alias_special text;
begin
  if not strata.field_permitted(p_collection, p_field) then return null; end if;
  select * into col from strata.columns where collection = p_collection and field = p_field;
  if found then
    select * into rel from strata.relations where many_collection = p_collection and many_field = p_field limit 1;
    if found and rel.one_collection is null and rel.one_allowed_collections is not null then
      return jsonb_build_object('kind', 'm2a', 'field', p_field, 'type', col.type, 'udt', col.udt,
        'allowed', to_jsonb(rel.one_allowed_collections), 'collection_field', rel.one_collection_field);
    end if;
    return jsonb_build_object('kind', 'column', 'field', p_field, 'type', col.type, 'udt', col.udt,
      'related', case when found then rel.one_collection end,
      'related_pk', case when found then strata.primary_key(rel.one_collection) end,
      'special', col.special);
  end if;

  select * into rel from strata.relations where one_collection = p_collection and one_field = p_field limit 1;
  if found then
    return jsonb_build_object('kind', 'o2m', 'field', p_field, 'type', 'alias',
      'related', rel.many_collection, 'related_field', rel.many_field,
      'related_pk', strata.primary_key(rel.many_collection),
      'junction_field', rel.junction_field, 'sort_field', rel.sort_field);
  end if;

  select special into alias_special from public.directus_fields where collection = p_collection and field = p_field;
  if found then
    return jsonb_build_object('kind', 'alias', 'field', p_field, 'type', 'alias', 'special', alias_special);
  end if;
  return null;
end;
$$;
--! EndIncluded strata/catalog/resolve_field.sql
--! Included strata/catalog/collection_fields.sql
-- The fields `*` expands to, in Directus's order: columns in table order, then o2m/m2a alias
-- fields (which read as lists of keys when not expanded). Presentation aliases carry no data.
create or replace function strata.collection_fields(p_collection text)
returns setof text
language sql
stable
security invoker
as $$
  select field from (
    select field, 0 as grp, position as ord from strata.columns where collection = p_collection
    union all
    select r.one_field, 1, coalesce(f.sort, 0) * 1000 + coalesce(f.id, 0)
    from strata.relations r left join public.directus_fields f on f.collection = r.one_collection and f.field = r.one_field
    where r.one_collection = p_collection and r.one_field is not null
  ) f
  where strata.field_permitted(p_collection, field)
  order by grp, ord
$$;
--! EndIncluded strata/catalog/collection_fields.sql
--! Included strata/catalog/collection_exists.sql
-- A collection exists for reads when its table or view is in the public schema (and, while
-- compiling for a request, when the request has any permission on it).
create or replace function strata.collection_exists(p_collection text)
returns boolean
language sql
stable
security invoker
as $$
  select exists (select from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = 'public' and c.relname = p_collection and c.relkind in ('r', 'p', 'v', 'm', 'f'))
     and strata.collection_permitted(p_collection)
$$;
--! EndIncluded strata/catalog/collection_exists.sql
--! Included strata/read/param.sql
-- The SQL text that reads one request value from the statement's single jsonb parameter by
-- its path, e.g. ($1 #>> '{filter,title,_eq}'). Values never enter the SQL text, so the
-- query's shape alone determines the statement (and its prepared plan).
-- While row-level-security policies are generated (strata.permission_sql), values come from the
-- permission row itself, embedded as a literal document (strata.compile_values).
create or replace function strata.param(p_path text[])
returns text
language sql
stable
security invoker
as $$
  select format('(%s #>> %L)', coalesce(quote_literal(nullif(current_setting('strata.compile_values', true), '')) || '::jsonb', '$1::jsonb'), p_path::text)
$$;
--! EndIncluded strata/read/param.sql
--! Included strata/read/param_json.sql
-- Like strata.param, but the jsonb value itself (for arrays: _in, _between).
create or replace function strata.param_json(p_path text[])
returns text
language sql
stable
security invoker
as $$
  select format('(%s #> %L)', coalesce(quote_literal(nullif(current_setting('strata.compile_values', true), '')) || '::jsonb', '$1::jsonb'), p_path::text)
$$;
--! EndIncluded strata/read/param_json.sql
--! Included strata/read/output_expr.sql
-- How a column is written into the response, in Directus's formats on PostgreSQL:
-- bigInteger and decimal as strings, timestamp as ISO with Z, dateTime without zone,
-- csv as an array, concealed fields masked.
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
    when p_type = 'csv' then format('case when %1$s is null then null when %1$s = '''' then ''{}''::text[] else string_to_array(%1$s, '','') end', p_ref)
    else p_ref
  end
$$;
--! EndIncluded strata/read/output_expr.sql
--! Included strata/read/function_expr.sql
-- Directus's field functions (year, month, week, day, weekday, hour, minute, second on dates,
-- count on json arrays) applied to a column reference. Results are numeric text like Directus
-- on PostgreSQL returns them. count() over relations is handled by the caller.
create or replace function strata.function_expr(p_fn text, p_ref text, p_type text)
returns text
language plpgsql
immutable
security invoker
as $$
begin
  if p_fn = 'count' then
    if p_type <> 'json' then return null; end if;
    return format('(case when json_typeof((%1$s)::json) = ''array'' then json_array_length((%1$s)::json) else null end)', p_ref);
  end if;
  if p_type not in ('date', 'dateTime', 'timestamp', 'time') then return null; end if;
  if p_type = 'time' and p_fn not in ('hour', 'minute', 'second') then return null; end if;
  if p_type = 'date' and p_fn in ('hour', 'minute', 'second') then return null; end if;
  return case p_fn
    when 'year' then format('extract(year from %s)::int', p_ref)
    when 'month' then format('extract(month from %s)::int', p_ref)
    when 'week' then format('extract(week from %s)::int', p_ref)
    when 'day' then format('extract(day from %s)::int', p_ref)
    when 'weekday' then format('extract(dow from %s)::int', p_ref)
    when 'hour' then format('extract(hour from %s)::int', p_ref)
    when 'minute' then format('extract(minute from %s)::int', p_ref)
    when 'second' then format('extract(second from %s)::int', p_ref)
  end;
end;
$$;
--! EndIncluded strata/read/function_expr.sql
--! Included strata/read/parse_function.sql
-- Splits "year(date_created)" into {"fn": "year", "field": "date_created"}; null when the
-- name is not a function call. Unknown function names are refused with INVALID_QUERY.
create or replace function strata.parse_function(p_name text)
returns jsonb
language plpgsql
immutable
security invoker
as $$
declare
  m text[];
begin
  m := regexp_match(p_name, '^([a-zA-Z]+)\((.+)\)$');
  if m is null then return null; end if;
  if m[1] not in ('year', 'month', 'week', 'day', 'weekday', 'hour', 'minute', 'second', 'count') then
    perform strata.invalid_query(format('Invalid function "%s"', m[1]));
  end if;
  return jsonb_build_object('fn', m[1], 'field', m[2]);
end;
$$;
--! EndIncluded strata/read/parse_function.sql
--! Included strata/read/dynamic_value.sql
-- SQL text (a text-valued expression) for a Directus dynamic variable used as a filter value:
-- $NOW, $NOW(-1 year), $CURRENT_USER[.field], $CURRENT_ROLE[.field]. Null when p_value is not
-- a dynamic variable. Array variables ($CURRENT_ROLES, $CURRENT_POLICIES) are handled by
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
  v_field text;
begin
  if p_value is null or left(p_value, 1) <> '$' then return null; end if;
  if p_value = '$NOW' then return 'now()::text'; end if;
  m := regexp_match(p_value, '^\$NOW\(\s*([+-]?\s*\d+(?:\.\d+)?\s*[a-zA-Z]+)\s*\)$');
  if m is not null then
    return format('(now() + %L::interval)::text', replace(m[1], ' ', '') );
  end if;
  if p_value = '$CURRENT_USER' then return '(select strata.accountability() ->> ''user'')'; end if;
  if p_value = '$CURRENT_ROLE' then return '(select strata.accountability() ->> ''role'')'; end if;
  m := regexp_match(p_value, '^\$CURRENT_(USER|ROLE)\.([A-Za-z0-9_]+)$');
  if m is not null then
    v_field := m[2];
    -- secrets are never values: a password hash, a TOTP secret or a static token would
    -- otherwise come back in a comparison's type error, or be matched piece by piece
    if m[1] = 'USER' and (v_field in ('password', 'tfa_secret', 'token') or exists (
         select from public.directus_fields f where f.collection = 'directus_users' and f.field = v_field
           and string_to_array(f.special, ',') && array['hash', 'conceal'])) then
      perform strata.invalid_query(format('Unknown field "%s" in %s', v_field, p_value));
    end if;
    if strata.resolve_field(case m[1] when 'USER' then 'directus_users' else 'directus_roles' end, v_field) is null then
      perform strata.invalid_query(format('Unknown field "%s" in %s', v_field, p_value));
    end if;
    return format('(select %I::text from public.%I where id = (strata.accountability() ->> %L)::uuid)',
      v_field, case m[1] when 'USER' then 'directus_users' else 'directus_roles' end, lower(m[1]));
  end if;
  return null;
end;
$$;
--! EndIncluded strata/read/dynamic_value.sql
--! Included strata/read/list_expr.sql
-- A subquery yielding the values of an _in/_nin list, cast to the compared column's type: the
-- request's array at p_path, or an array-valued dynamic variable ($CURRENT_ROLES,
-- $CURRENT_POLICIES).
create or replace function strata.list_expr(p_shape jsonb, p_path text[], p_cast text)
returns text
language sql
stable
security invoker
as $$
  select format('(select v::%s from jsonb_array_elements_text(%s) v)', p_cast,
    case
      when p_shape = '"$CURRENT_ROLES"' then 'strata.accountability() -> ''roles'''
      when p_shape = '"$CURRENT_POLICIES"' then 'strata.accountability() -> ''policies'''
      else strata.param_json(p_path)
    end)
$$;
--! EndIncluded strata/read/list_expr.sql
--! Included strata/read/value_expr.sql
-- The text-valued SQL expression for a scalar filter value at p_path: a dynamic variable, or
-- the request's value by path.
create or replace function strata.value_expr(p_shape jsonb, p_path text[])
returns text
language sql
stable
security invoker
as $$
  select coalesce(case when jsonb_typeof(p_shape) = 'string' then strata.dynamic_value(p_shape #>> '{}') end,
                  strata.param(p_path))
$$;
--! EndIncluded strata/read/value_expr.sql
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
    when p_type = 'json' then array['_null', '_nnull']
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

  if p_op in ('_null', '_nnull', '_empty', '_nempty') then
    flag := case when p_shape in ('true', '"true"') then true when p_shape in ('false', '"false"') then false end;
    if flag is null then
      perform strata.invalid_query(format('"%s" only accepts boolean values', p_op));
    end if;
    if p_op in ('_nnull', '_nempty') then flag := not flag; end if;
    if p_op in ('_null', '_nnull') then
      return format(case when flag then '(%s is null)' else '(%s is not null)' end, p_ref);
    end if;
    if p_type in ('string', 'text', 'csv', 'binary') then
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
-- means _eq, as in Directus.
create or replace function strata.compile_operators(p_ref text, p_type text, p_cast text, p_ops jsonb, p_path text[])
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
    return strata.compile_operator(p_ref, p_type, p_cast, '_eq', p_ops, p_path);
  end if;
  for op, val in select * from jsonb_each(p_ops) loop
    if left(op, 1) <> '_' or op in ('_and', '_or', '_some', '_none') then
      perform strata.invalid_query(format('"%s" is not a filter operator', op));
    end if;
    parts := parts || strata.compile_operator(p_ref, p_type, p_cast, op, val, p_path || op);
  end loop;
  if cardinality(parts) = 0 then return 'true'; end if;
  return array_to_string(parts, ' and ');
end;
$$;
--! EndIncluded strata/read/compile_operators.sql
--! Included strata/read/field_error.sql
-- Directus's answer for a field (or collection) that does not exist or is not readable: 403,
-- without saying which of the two it is.
create or replace function strata.field_error(p_collection text, p_field text, p_where text)
returns void
language plpgsql
immutable
security invoker
as $$
declare
  msg text := format('You don''t have permission to access field "%s" in collection "%s" or it does not exist. Queried in %s.',
    p_field, p_collection, case when p_where is null then 'root' else format('"%s"', p_where) end);
begin
  perform strata.raise('FORBIDDEN', msg, jsonb_build_object('reason', msg));
end;
$$;
--! EndIncluded strata/read/field_error.sql
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
  return format('(select %s from public.%I %s where %s.%I = %s.%I)',
    strata.sort_expr(f ->> 'related', a2, rest, head), f ->> 'related', a2, a2, f ->> 'related_pk', p_alias, head);
end;
$$;
--! EndIncluded strata/read/sort_expr.sql
--! Included strata/read/compile_sort.sql
-- The ORDER BY list for Directus's sort array ("-" prefix = descending).
create or replace function strata.compile_sort(p_collection text, p_alias text, p_sort jsonb, p_where text default null)
returns text
language plpgsql
stable
security invoker
as $$
declare
  s text;
  parts text[] := '{}';
begin
  if p_sort is null or jsonb_typeof(p_sort) <> 'array' then return null; end if;
  for s in select jsonb_array_elements_text(p_sort) loop
    if s = '' or s = '-' then continue; end if;
    if left(s, 1) = '-' then
      parts := parts || (strata.sort_expr(p_collection, p_alias, substr(s, 2), p_where) || ' desc');
    else
      parts := parts || strata.sort_expr(p_collection, p_alias, s, p_where);
    end if;
  end loop;
  return nullif(array_to_string(parts, ', '), '');
end;
$$;
--! EndIncluded strata/read/compile_sort.sql
--! Included strata/read/compile_search.sql
-- Directus's `search`: any string/text field containing the term (case-insensitive), numeric
-- fields equal to it when it is a number, uuid fields equal to it when it is a uuid. Only
-- fields the request may read are searched (a hidden field must not answer "contains x?").
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
           where collection = p_collection and strata.field_permitted(p_collection, field) order by position loop
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
--! Included strata/read/field_tree.sql
-- Groups a level's `fields` list into output entries, in request order, expanding `*`:
--   [{"key": output name, "field": real field or function, "sub": [nested paths],
--     "scopes": {"collection": [nested paths]} (many-to-any), "wildcard": bool}]
-- "author.name" and "author.id" become one entry with sub ["name","id"]; aliases (`alias`)
-- map output names to real fields; "year(date)" becomes key "date_year".
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
begin
  for path in select jsonb_array_elements_text(coalesce(p_fields, '["*"]')) loop
    path := btrim(path);
    if path = '' then continue; end if;
    head := split_part(path, '.', 1);
    rest := nullif(substr(path, length(head) + 2), '');

    if head = '*' then
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
    if position(':' in head) > 0 then
      base := split_part(head, ':', 1);
      scope := substr(head, length(base) + 2);
    end if;
    fld := coalesce(p_alias ->> base, base);
    fn := strata.parse_function(fld);
    key := case when fn is not null and not (p_alias ? base) then (fn ->> 'field') || '_' || (fn ->> 'fn') else base end;

    if not entries ? key then
      keys := keys || key;
      entries := entries || jsonb_build_object(key, jsonb_build_object('key', key, 'field', fld, 'sub', '[]'::jsonb, 'scopes', '{}'::jsonb, 'wildcard', false));
    elsif (entries #>> array[key, 'wildcard'])::boolean then
      -- named explicitly after a wildcard: the explicit selection decides what is nested
      entries := jsonb_set(entries, array[key, 'wildcard'], 'false');
      entries := jsonb_set(entries, array[key, 'sub'], '[]');
    end if;
    if scope is not null then
      e := coalesce(entries #> array[key, 'scopes', scope], '[]'::jsonb) || to_jsonb(coalesce(rest, '*'));
      entries := jsonb_set(entries, array[key, 'scopes'], (entries #> array[key, 'scopes']) || jsonb_build_object(scope, e));
    elsif rest is not null then
      entries := jsonb_set(entries, array[key, 'sub'], (entries #> array[key, 'sub']) || to_jsonb(rest));
    end if;
  end loop;

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

    if fn is not null then
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
      -- "item.*" without a scope expands into every allowed collection
      if entry -> 'scopes' = '{}'::jsonb and jsonb_array_length(v_sub) > 0 then
        entry := jsonb_set(entry, '{scopes}', (select jsonb_object_agg(c, v_sub) from jsonb_array_elements_text(f -> 'allowed') c));
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
      if cardinality(v_cases) = 0 then
        expr := format('%s.%I', p_alias, f ->> 'field');
      else
        -- items of collections outside the requested scopes read as their key, typed as
        -- that collection's primary key (as Directus does)
        v_uncased := '{}';
        for v_allowed in select jsonb_array_elements_text(f -> 'allowed') loop
          if not (entry -> 'scopes') ? v_allowed and strata.collection_exists(v_allowed) then
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
    v_order := strata.compile_sort(p_collection, p_alias, p_q -> (p_pfx || 'sort'), p_where);
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

  for agg, fields in select * from jsonb_each(coalesce(p_q -> 'aggregate', '{}')) loop
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
--! Included strata/read/singleton_defaults.sql
-- What a singleton reads as before its row exists: every column with its constant default
-- (defaults that call functions, like sequences, read as null), the primary key null.
create or replace function strata.singleton_defaults(p_collection text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  c record;
  out jsonb := '{}';
  v jsonb;
begin
  for c in select field, default_expr, is_primary_key from strata.columns where collection = p_collection order by position loop
    v := 'null';
    -- only literal constants: anything else (now(), CURRENT_TIMESTAMP, sequences) must not be
    -- frozen into the compiled statement
    if c.default_expr is not null and not c.is_primary_key
       and c.default_expr ~ '^(''([^'']|'''')*''(::[a-z ]+)?|-?[0-9]+(\.[0-9]+)?|true|false)$' then
      execute format('select to_jsonb(%s)', c.default_expr) into v;
    end if;
    out := out || jsonb_build_object(c.field, v);
  end loop;
  return out;
end;
$$;
--! EndIncluded strata/read/singleton_defaults.sql
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
--! Included strata/read/read.sql
-- For SQL users: the same JSON the API returns for GET /items/<collection>?<query>, as the
-- current role sees it (row-level security applies). Example:
--   select strata.read('articles', '{"fields":["id","author.name"],"filter":{"id":{"_lt":10}}}');
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
--! Included strata/auth/login_attempts.sql
-- Consecutive failed logins per user (Directus keeps this count in its rate-limiter store; a
-- table keeps it shared by every gateway). Reset by a successful login and by the suspension
-- it leads to. Only the security-definer auth functions touch it.
create table if not exists strata.login_attempts (
  "user" uuid primary key references public.directus_users (id) on delete cascade,
  failures integer not null default 0,
  last_failure timestamptz not null default now()
);
--! EndIncluded strata/auth/login_attempts.sql
--! Included strata/auth/session_login.sql
-- A successful login: the new refresh-token session, a `login` activity row, the user's
-- last_access, the removal of expired sessions, and the end of the user's run of failed login
-- attempts, in one call (one round trip).
create or replace function strata.session_login(
  p_user uuid, p_token text, p_ttl_ms bigint, p_ip text, p_user_agent text, p_origin text)
returns void
language sql
volatile
security definer
set search_path = pg_catalog, public
as $$
  insert into public.directus_sessions (token, "user", expires, ip, user_agent, origin)
    values (p_token, p_user, now() + p_ttl_ms * interval '1 millisecond', p_ip, p_user_agent, p_origin);
  delete from public.directus_sessions where expires < now();
  insert into public.directus_activity (action, "user", ip, user_agent, origin, collection, item)
    values ('login', p_user, p_ip, p_user_agent, p_origin, 'directus_users', p_user::text);
  update public.directus_users set last_access = now() where id = p_user;
  delete from strata.login_attempts where "user" = p_user;
$$;
--! EndIncluded strata/auth/session_login.sql
--! Included strata/auth/session_refresh.sql
-- Rotates a refresh-token session (Directus's /auth/refresh). Returns
--   null                              unknown or expired token (also: rotated away already)
--   {"status": <status>}              the user is no longer active (the session is deleted)
--   {"user", "token", "status":"active"}  the session's new refresh token
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
  v_next text;
  v_status text;
  v_token text := p_new_token;
  v_expires timestamptz := now() + p_ttl_ms * interval '1 millisecond';
begin
  select s."user", s.next_token into v_user, v_next
    from public.directus_sessions s
    where s.token = p_token and s.expires >= now() and s.oauth_client is null and s."user" is not null
    for update;
  if not found then
    return null;
  end if;
  select u.status into v_status from public.directus_users u where u.id = v_user;
  if v_status is distinct from 'active' then
    delete from public.directus_sessions where token = p_token;
    return jsonb_build_object('status', v_status);
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
    insert into public.directus_sessions (token, "user", expires, ip, user_agent, origin)
      values (p_new_token, v_user, v_expires, p_ip, p_user_agent, p_origin);
  end if;
  update public.directus_users set last_access = now() where id = v_user;
  delete from public.directus_sessions where "user" = v_user and expires < now();
  return jsonb_build_object('user', v_user, 'token', v_token, 'status', 'active');
end;
$$;
--! EndIncluded strata/auth/session_refresh.sql
--! Included strata/auth/session_logout.sql
-- Ends a refresh-token session (Directus's /auth/logout): deletes it and records a `logout`
-- activity row. An unknown token does nothing (logout is idempotent). Returns the user, or null.
create or replace function strata.session_logout(p_token text, p_ip text, p_user_agent text, p_origin text)
returns uuid
language sql
volatile
security definer
set search_path = pg_catalog, public
as $$
  with gone as (
    delete from public.directus_sessions
    where token = p_token and oauth_client is null and "user" is not null
    returning "user"
  ), logged as (
    insert into public.directus_activity (action, "user", ip, user_agent, origin, collection, item)
    select 'logout', "user", p_ip, p_user_agent, p_origin, 'directus_users', "user"::text from gone
  )
  select "user" from gone
$$;
--! EndIncluded strata/auth/session_logout.sql
--! Included strata/schema/schema_access.sql
-- How much of the schema (collections, fields, relations) the current caller may see:
--   'admin'  admins, and plain SQL sessions without a gateway context (a DBA: PostgreSQL's own
--            privileges govern them)
--   'app'    users whose policies grant app access: system collections plus what they may read
--   'none'   everyone else (anonymous included)
create or replace function strata.schema_access()
returns text
language sql
stable
security invoker
as $$
  select case
    when nullif(current_setting('strata.accountability', true), '') is null then 'admin'
    when coalesce((strata.accountability()->>'admin')::boolean, false) then 'admin'
    when coalesce((strata.accountability()->>'app')::boolean, false) then 'app'
    else 'none'
  end
$$;
--! EndIncluded strata/schema/schema_access.sql
--! Included strata/schema/require_admin.sql
-- Schema changes are for admins only. The gateway checks first; this guards calls that carry a
-- gateway context. Plain SQL sessions pass: creating tables needs PostgreSQL privileges anyway.
create or replace function strata.require_admin()
returns void
language plpgsql
stable
security invoker
as $$
begin
  if strata.schema_access() <> 'admin' then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
end;
$$;
--! EndIncluded strata/schema/require_admin.sql
--! Included strata/schema/collection_readable.sql
-- Whether the caller may see a collection's schema: admins see all; app users see the system
-- collections and the collections one of their policies may read. Definer: non-admin requests
-- run as strata_request, for which row-level security hides directus_permissions; the answer is
-- only about the caller's own policies.
create or replace function strata.collection_readable(p_collection text)
returns boolean
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  select case strata.schema_access()
    when 'admin' then true
    when 'app' then p_collection like 'directus\_%' or exists (
      select from public.directus_permissions p
      where p.collection = p_collection and p.action = 'read'
        and p.policy::text in (select jsonb_array_elements_text(strata.accountability()->'policies')))
    else false
  end
$$;
--! EndIncluded strata/schema/collection_readable.sql
--! Included strata/schema/collection_known.sql
-- A collection the schema API knows: a table or view in schema public, or a registered folder
-- (a directus_collections row without a table).
create or replace function strata.collection_known(p_collection text)
returns boolean
language sql
stable
security invoker
as $$
  select strata.collection_exists(p_collection)
      or exists (select from public.directus_collections where collection = p_collection)
$$;
--! EndIncluded strata/schema/collection_known.sql
--! Included strata/schema/schema_forbidden.sql
-- The FORBIDDEN answers of the schema endpoints, worded as Directus words them:
--   'read'    permission to read a collection is missing (or it does not exist)
--   'access'  a collection named in the path is unknown or hidden
--   null      the plain "You don't have permission to access this."
create or replace function strata.schema_forbidden(p_kind text, p_collection text default null)
returns void
language plpgsql
stable
security invoker
as $$
declare
  v_message text := case p_kind
    when 'read' then format('You don''t have permission to perform "read" for collection "%s" or it does not exist.', p_collection)
    when 'access' then format('You don''t have permission to access collection "%s" or it does not exist. Queried in root.', p_collection)
  end;
begin
  if v_message is null then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  perform strata.raise('FORBIDDEN', v_message, jsonb_build_object('reason', v_message));
end;
$$;
--! EndIncluded strata/schema/schema_forbidden.sql
--! Included strata/schema/invalid_payload.sql
-- Directus's INVALID_PAYLOAD answer: message "Invalid payload. <reason>.", reason in extensions.
create or replace function strata.invalid_payload(p_reason text)
returns void
language plpgsql
stable
security invoker
as $$
begin
  perform strata.raise('INVALID_PAYLOAD', 'Invalid payload. ' || p_reason || '.', jsonb_build_object('reason', p_reason));
end;
$$;
--! EndIncluded strata/schema/invalid_payload.sql
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
--! Included strata/schema/run_ddl.sql
-- Runs one DDL statement built by the schema functions, turning the failures a payload can cause
-- into Directus's answers instead of a masked 500 (wrong types, casts that cannot be done,
-- existing nulls or duplicates, objects that depend on what is dropped).
create or replace function strata.run_ddl(p_sql text, p_collection text default null, p_field text default null)
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_detail text;
  v_value text;
begin
  execute p_sql;
exception
  when not_null_violation then
    perform strata.raise('CONTAINS_NULL_VALUES', format('Field "%s" contains null values.', p_field),
                         jsonb_build_object('collection', p_collection, 'field', p_field));
  when unique_violation then
    get stacked diagnostics v_detail = pg_exception_detail;
    v_value := (regexp_match(v_detail, '\)=\((.*)\) is duplicated'))[1];
    perform strata.raise('RECORD_NOT_UNIQUE',
                         format('Value "%s" for field "%s" in collection "%s" has to be unique.', v_value, p_field, p_collection),
                         jsonb_build_object('collection', p_collection, 'field', p_field, 'value', v_value));
  when datatype_mismatch or cannot_coerce or invalid_foreign_key or invalid_table_definition
       or invalid_column_definition or dependent_objects_still_exist or feature_not_supported
       or undefined_object or wrong_object_type or invalid_parameter_value or undefined_function
       or invalid_text_representation or invalid_datetime_format or datetime_field_overflow
       or numeric_value_out_of_range or string_data_right_truncation or undefined_column then
    perform strata.invalid_payload(regexp_replace(sqlerrm, '\.$', ''));
end;
$$;
--! EndIncluded strata/schema/run_ddl.sql
--! Included strata/schema/field_types.sql
-- The field types the schema API accepts, in Directus's order. The last ones are alias types:
-- they name a relational interface and have no column.
create or replace function strata.field_types()
returns text[]
language sql
immutable
parallel safe
security invoker
as $$
  select array['bigInteger', 'boolean', 'date', 'dateTime', 'decimal', 'float', 'integer', 'json', 'string',
               'text', 'time', 'timestamp', 'binary', 'uuid', 'alias', 'hash', 'csv', 'geometry', 'geometry.Point',
               'geometry.LineString', 'geometry.Polygon', 'geometry.MultiPoint', 'geometry.MultiLineString',
               'geometry.MultiPolygon', 'o2m', 'm2m', 'm2a', 'o2a', 'files', 'translations']
$$;
--! EndIncluded strata/schema/field_types.sql
--! Included strata/schema/column_type.sql
-- The PostgreSQL column type Directus creates for a field type, sized by the payload's schema
-- (max_length, numeric_precision, numeric_scale); `serial`/`bigserial` for auto-increment keys.
-- Null for types that have no column (alias and the relational pseudo types).
create or replace function strata.column_type(p_type text, p_schema jsonb)
returns text
language plpgsql
immutable
security invoker
as $$
declare
  v_schema jsonb := coalesce(p_schema, '{}');
  v_auto boolean := coalesce((v_schema->>'has_auto_increment')::boolean, false);
  v_length int := (v_schema->>'max_length')::int;
  v_precision int := (v_schema->>'numeric_precision')::int;
  v_scale int := (v_schema->>'numeric_scale')::int;
begin
  if v_length is not null and v_length not between 1 and 10485760 then
    perform strata.invalid_payload('"max_length" must be between 1 and 10485760');
  end if;
  if v_precision is not null and v_precision not between 1 and 1000 then
    perform strata.invalid_payload('"numeric_precision" must be between 1 and 1000');
  end if;
  if v_scale is not null and v_scale not between 0 and coalesce(v_precision, 10) then
    perform strata.invalid_payload('"numeric_scale" must be between 0 and "numeric_precision"');
  end if;
  return case p_type
    when 'string' then format('varchar(%s)', coalesce(v_length, 255))
    when 'hash' then format('varchar(%s)', coalesce(v_length, 255))
    when 'text' then 'text'
    when 'csv' then 'text'
    when 'integer' then case when v_auto then 'serial' else 'integer' end
    when 'bigInteger' then case when v_auto then 'bigserial' else 'bigint' end
    when 'float' then 'real'
    when 'decimal' then format('numeric(%s,%s)', coalesce(v_precision, 10), coalesce(v_scale, 5))
    when 'boolean' then 'boolean'
    when 'date' then 'date'
    when 'dateTime' then 'timestamp without time zone'
    when 'time' then 'time without time zone'
    when 'timestamp' then 'timestamp with time zone'
    when 'json' then 'json'
    when 'uuid' then 'uuid'
    when 'binary' then 'bytea'
    when 'geometry' then 'geometry'
    when 'geometry.Point' then 'geometry(Point)'
    when 'geometry.LineString' then 'geometry(LineString)'
    when 'geometry.Polygon' then 'geometry(Polygon)'
    when 'geometry.MultiPoint' then 'geometry(MultiPoint)'
    when 'geometry.MultiLineString' then 'geometry(MultiLineString)'
    when 'geometry.MultiPolygon' then 'geometry(MultiPolygon)'
  end;
end;
$$;
--! EndIncluded strata/schema/column_type.sql
--! Included strata/schema/default_sql.sql
-- The SQL default expression for a field's `schema.default_value`: a quoted literal cast to the
-- column type (DDL takes no parameters, so %L is the only way a value reaches it), or
-- CURRENT_TIMESTAMP for date/time fields asking for "now". Null for no default.
create or replace function strata.default_sql(p_type text, p_sql_type text, p_value jsonb)
returns text
language sql
immutable
security invoker
as $$
  select case
    when p_value is null or jsonb_typeof(p_value) = 'null' then null
    when p_type in ('timestamp', 'dateTime', 'date', 'time')
         and upper(p_value #>> '{}') in ('CURRENT_TIMESTAMP', 'NOW()', 'NOW') then 'current_timestamp'
    when p_type = 'json' then format('%L::json', p_value::text)
    when jsonb_typeof(p_value) in ('object', 'array') then format('%L::%s', p_value::text, p_sql_type)
    else format('%L::%s', p_value #>> '{}', p_sql_type)
  end
$$;
--! EndIncluded strata/schema/default_sql.sql
--! Included strata/schema/default_value.sql
-- A column default as Directus reports it in `schema.default_value`: literals unquoted and typed
-- (numbers, booleans, JSON for json columns), "CURRENT_TIMESTAMP" for now(), and any other
-- expression (nextval(...), function calls) as its text.
create or replace function strata.default_value(p_expr text, p_udt text)
returns jsonb
language plpgsql
immutable
security invoker
as $$
declare
  v_match text[];
  v_literal text;
begin
  if p_expr is null or p_expr ~* '^null(::.*)?$' then
    return null;
  end if;
  if p_expr ~* '^(current_timestamp|now\(\))' then
    return '"CURRENT_TIMESTAMP"';
  end if;
  v_match := regexp_match(p_expr, '^''((?:[^'']|'''')*)''(::.*)?$');
  if v_match is not null then
    v_literal := replace(v_match[1], '''''', '''');
    begin
      if p_udt in ('json', 'jsonb') then
        return v_literal::jsonb;
      elsif p_udt in ('int2', 'int4', 'int8', 'float4', 'float8', 'numeric') then
        return to_jsonb(v_literal::numeric);
      elsif p_udt = 'bool' then
        return to_jsonb(v_literal::boolean);
      end if;
    exception when others then
      -- not parseable as its type: report the literal text
    end;
    return to_jsonb(v_literal);
  end if;
  if p_expr in ('true', 'false') then
    return to_jsonb(p_expr::boolean);
  end if;
  v_match := regexp_match(p_expr, '^\(?(-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)\)?(::[a-z ]+(\([0-9, ]+\))?)?$');
  if v_match is not null then
    return to_jsonb(v_match[1]::numeric);
  end if;
  return to_jsonb(p_expr);
end;
$$;
--! EndIncluded strata/schema/default_value.sql
--! Included strata/schema/field_special.sql
-- A field's `special` flags as stored (csv text): the payload's list (array or csv) plus the flag
-- its type needs to read back as that type (json -> cast-json, hash, csv -> cast-csv) or the
-- relational alias it is (o2m, m2m, m2a, files, translations).
create or replace function strata.field_special(p_type text, p_special jsonb)
returns text
language plpgsql
immutable
security invoker
as $$
declare
  v_flags text[] := case jsonb_typeof(p_special)
    when 'array' then array(select jsonb_array_elements_text(p_special))
    when 'string' then string_to_array(p_special #>> '{}', ',')
    else '{}'::text[]
  end;
  v_needed text := case p_type
    when 'json' then 'cast-json'
    when 'hash' then 'hash'
    when 'csv' then 'cast-csv'
    when 'o2m' then 'o2m'
    when 'm2m' then 'm2m'
    when 'm2a' then 'm2a'
    when 'o2a' then 'o2a'
    when 'files' then 'files'
    when 'translations' then 'translations'
  end;
begin
  if v_needed is not null and not v_needed = any(v_flags) then
    v_flags := v_flags || v_needed;
  end if;
  return nullif(array_to_string(v_flags, ','), '');
end;
$$;
--! EndIncluded strata/schema/field_special.sql
--! Included strata/schema/field_schema.sql
-- A column's `schema` object as Directus reports it (its keys follow information_schema's
-- vocabulary: data_type, max_length, numeric_precision, numeric_scale, ...), read from the live
-- catalog so columns made with plain SQL are described the same way.
create or replace function strata.field_schema(p_table oid, p_attnum int2)
returns jsonb
language sql
stable
security invoker
as $$
  select jsonb_build_object(
    'name', a.attname::text,
    'table', c.relname::text,
    'data_type', format_type(a.atttypid, null),
    'default_value', case when a.attgenerated = '' then strata.default_value(pg_get_expr(d.adbin, d.adrelid), t.typname::text) end,
    'generation_expression', case when a.attgenerated <> '' then pg_get_expr(d.adbin, d.adrelid) end,
    'max_length', information_schema._pg_char_max_length(a.atttypid, a.atttypmod),
    'numeric_precision', information_schema._pg_numeric_precision(a.atttypid, a.atttypmod),
    'numeric_scale', information_schema._pg_numeric_scale(a.atttypid, a.atttypmod),
    'is_generated', a.attgenerated <> '',
    'is_nullable', not a.attnotnull,
    'is_unique', exists (select from pg_index i where i.indrelid = c.oid and i.indisunique
                           and i.indnkeyatts = 1 and i.indkey[0] = a.attnum),
    'is_indexed', exists (select from pg_index i where i.indrelid = c.oid and not i.indisunique
                            and i.indnkeyatts = 1 and i.indkey[0] = a.attnum),
    'is_primary_key', exists (select from pg_index i where i.indrelid = c.oid and i.indisprimary
                                and a.attnum = any(i.indkey)),
    'has_auto_increment', a.attidentity <> '' or coalesce(pg_get_expr(d.adbin, d.adrelid) like 'nextval(%', false),
    'foreign_key_schema', fk.schema,
    'foreign_key_table', fk.tbl,
    'foreign_key_column', fk.col,
    'comment', col_description(c.oid, a.attnum))
  from pg_class c
  join pg_attribute a on a.attrelid = c.oid and a.attnum = p_attnum
  join pg_type t on t.oid = a.atttypid
  left join pg_attrdef d on d.adrelid = c.oid and d.adnum = a.attnum
  left join lateral (
    select rn.nspname::text as schema, rc.relname::text as tbl, ra.attname::text as col
    from pg_constraint con
    join pg_class rc on rc.oid = con.confrelid
    join pg_namespace rn on rn.oid = rc.relnamespace
    join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = con.confkey[1]
    where con.conrelid = c.oid and con.contype = 'f' and con.conkey = array[a.attnum]
    order by con.conname
    limit 1
  ) fk on true
  where c.oid = p_table
$$;
--! EndIncluded strata/schema/field_schema.sql
--! Included strata/schema/field_meta.sql
-- A directus_fields row as the API shows it: `special` is a list, stored as csv text.
create or replace function strata.field_meta(p_row jsonb)
returns jsonb
language sql
immutable
security invoker
as $$
  select p_row || jsonb_build_object('special',
    case when p_row->>'special' is null or p_row->>'special' = '' then null
         else to_jsonb(string_to_array(p_row->>'special', ',')) end)
$$;
--! EndIncluded strata/schema/field_meta.sql
--! Included strata/schema/field_rows.sql
-- Every field of one collection (or of all, p_collection null) in Directus's shape
-- {collection, field, type, schema, meta}: columns from the live schema joined with their meta
-- row, then alias fields (meta rows without a column: o2m/m2m/m2a lists, presentation fields).
-- Columns of system tables, which Directus describes in code, get a minimal meta marked system.
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
        when c.collection like 'directus\_%' then jsonb_build_object(
          'id', null, 'collection', c.collection, 'field', c.field, 'special', null, 'interface', null,
          'options', null, 'display', null, 'display_options', null, 'readonly', false, 'hidden', false,
          'sort', c.position, 'width', 'full', 'translations', null, 'note', null, 'conditions', null,
          'required', false, 'group', null, 'validation', null, 'validation_message', null,
          'searchable', true, 'system', true)
      end)
  from strata.columns c
  left join public.directus_fields f on f.collection = c.collection and f.field = c.field
  where p_collection is null or c.collection = p_collection
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
--! Included strata/schema/field_json.sql
-- One field in Directus's shape, or null when the collection has no such field (no checks).
create or replace function strata.field_json(p_collection text, p_field text)
returns jsonb
language sql
stable
security invoker
as $$
  select info from strata.field_rows(p_collection) where field = p_field limit 1
$$;
--! EndIncluded strata/schema/field_json.sql
--! Included strata/schema/fields_info.sql
-- GET /fields and GET /fields/:collection: the fields the caller may see, in table order then
-- alias fields (as Directus lists them; the app sorts by meta.sort itself).
create or replace function strata.fields_info(p_collection text default null)
returns jsonb
language plpgsql
stable
security invoker
as $$
begin
  if strata.schema_access() = 'none' then
    perform strata.schema_forbidden('read', 'directus_fields');
  end if;
  if p_collection is not null then
    if not strata.collection_known(p_collection) then
      perform strata.schema_forbidden('access', p_collection);
    end if;
    if not strata.collection_readable(p_collection) then
      perform strata.schema_forbidden(null);
    end if;
  end if;
  return coalesce((
    select jsonb_agg(r.info order by r.collection, r.ord)
    from strata.field_rows(p_collection) r
    where p_collection is not null or strata.collection_readable(r.collection)
  ), '[]');
end;
$$;
--! EndIncluded strata/schema/fields_info.sql
--! Included strata/schema/field_info.sql
-- GET /fields/:collection/:field.
create or replace function strata.field_info(p_collection text, p_field text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  v_info jsonb;
begin
  if strata.schema_access() = 'none' then
    perform strata.schema_forbidden('read', p_collection);
  end if;
  if not strata.collection_known(p_collection) then
    perform strata.schema_forbidden('access', p_collection);
  end if;
  if not strata.collection_readable(p_collection) then
    perform strata.schema_forbidden(null);
  end if;
  v_info := strata.field_json(p_collection, p_field);
  if v_info is null then
    perform strata.schema_forbidden(null);
  end if;
  return v_info;
end;
$$;
--! EndIncluded strata/schema/field_info.sql
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
      'meta', coalesce(m.meta, case when t.name like 'directus\_%' then jsonb_build_object(
        'collection', t.name, 'hidden', false, 'singleton', t.name = 'directus_settings', 'icon', null,
        'note', null, 'translations', null, 'display_template', null,
        'accountability', case when t.name in ('directus_activity', 'directus_presets', 'directus_revisions') then null else 'all' end,
        'system', true) end),
      'schema', case when t.name is not null then jsonb_build_object('schema', 'public', 'name', t.name, 'comment', t.comment) end)
  from tables t
  full join metas m on m.name = t.name
$$;
--! EndIncluded strata/schema/collection_rows.sql
--! Included strata/schema/collection_json.sql
-- One collection in Directus's shape, or null when it is unknown (no checks).
create or replace function strata.collection_json(p_collection text)
returns jsonb
language sql
stable
security invoker
as $$
  select info from strata.collection_rows() where collection = p_collection
$$;
--! EndIncluded strata/schema/collection_json.sql
--! Included strata/schema/collections_info.sql
-- GET /collections: the collections the caller may see.
create or replace function strata.collections_info()
returns jsonb
language plpgsql
stable
security invoker
as $$
begin
  if strata.schema_access() = 'none' then
    perform strata.schema_forbidden('access', 'directus_collections');
  end if;
  return coalesce((
    select jsonb_agg(r.info order by r.grp, r.collection)
    from strata.collection_rows() r
    where strata.collection_readable(r.collection)
  ), '[]');
end;
$$;
--! EndIncluded strata/schema/collections_info.sql
--! Included strata/schema/collection_info.sql
-- GET /collections/:collection.
create or replace function strata.collection_info(p_collection text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  v_info jsonb;
begin
  if not strata.collection_readable(p_collection) then
    perform strata.schema_forbidden('read', p_collection);
  end if;
  v_info := strata.collection_json(p_collection);
  if v_info is null then
    perform strata.schema_forbidden(null);
  end if;
  return v_info;
end;
$$;
--! EndIncluded strata/schema/collection_info.sql
--! Included strata/schema/create_field.sql
-- POST /fields/:collection (and each field of POST /collections): adds the column with the type,
-- size, nullability, default, key, uniqueness and index asked for, and the meta row when there
-- is meta to keep. Alias types (alias, o2m, m2m, m2a, ...) only get a meta row.
create or replace function strata.create_field(p_collection text, p_payload jsonb)
returns jsonb
language plpgsql
volatile
security invoker
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
    v_ddl := format('alter table %I add column %I %s', p_collection, v_field, v_sql_type);
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
      perform strata.run_ddl(format('alter table %I add constraint %I unique (%I)', p_collection,
                                    left(p_collection || '_' || v_field || '_unique', 63), v_field), p_collection, v_field);
    end if;
    if (v_schema->>'is_indexed')::boolean then
      perform strata.run_ddl(format('create index %I on %I (%I)', left(p_collection || '_' || v_field || '_index', 63),
                                    p_collection, v_field), p_collection, v_field);
    end if;
    if v_schema->>'comment' is not null then
      execute format('comment on column %I.%I is %L', p_collection, v_field, v_schema->>'comment');
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
--! Included strata/schema/create_collection.sql
-- POST /collections: one collection (object) or several (array). With `schema` an object (or
-- `fields` given) it creates the table, injecting an `id` integer auto-increment primary key
-- when no field is a primary key; with `schema: null` it registers a folder (meta only). Meta is
-- stored when given (always for folders). Returns the created collection(s).
create or replace function strata.create_collection(p_payload jsonb)
returns jsonb
language plpgsql
volatile
security invoker
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
    execute format('create table %I ()', v_name);
    if p_payload->'schema'->>'comment' is not null then
      execute format('comment on table %I is %L', v_name, p_payload->'schema'->>'comment');
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
security invoker
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
    execute format('comment on table %I is %L', p_collection, p_payload->'schema'->>'comment');
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
security invoker
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
security invoker
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
    execute format('alter table %I drop constraint %I', r.relname, r.conname);
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
    perform strata.run_ddl(format('drop %s %I', case v_kind when 'v' then 'view' when 'm' then 'materialized view'
                                                          when 'f' then 'foreign table' else 'table' end, p_collection));
  end if;
end;
$$;
--! EndIncluded strata/schema/delete_collection.sql
--! Included strata/schema/update_field.sql
-- PATCH /fields/:collection/:field: changes the column (type, size, nullability, default,
-- uniqueness, index, comment) as far as the payload asks, then merges the meta. A type change
-- converts the existing values with a cast and keeps the special flags in step with the type.
create or replace function strata.update_field(p_collection text, p_field text, p_payload jsonb)
returns jsonb
language plpgsql
volatile
security invoker
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
        perform strata.run_ddl(format('alter table %I alter column %I type %s using %I::%s%s',
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
      perform strata.run_ddl(format('alter table %I alter column %I %s not null', p_collection, p_field,
                                    case when v_schema->>'is_nullable' = 'false' then 'set' else 'drop' end),
                             p_collection, p_field);
    end if;
    if v_schema ? 'default_value' then
      select format_type(a.atttypid, a.atttypmod) into v_sql_type
      from pg_attribute a where a.attrelid = col.table_oid and a.attnum = col.position;
      if strata.default_sql(v_type, v_sql_type, v_schema->'default_value') is null then
        execute format('alter table %I alter column %I drop default', p_collection, p_field);
      else
        perform strata.run_ddl(format('alter table %I alter column %I set default %s', p_collection, p_field,
                                      strata.default_sql(v_type, v_sql_type, v_schema->'default_value')), p_collection, p_field);
      end if;
    end if;
    if v_schema->>'is_unique' = 'true' and not (v_current->>'is_unique')::boolean then
      perform strata.run_ddl(format('alter table %I add constraint %I unique (%I)', p_collection,
                                    left(p_collection || '_' || p_field || '_unique', 63), p_field), p_collection, p_field);
    elsif v_schema->>'is_unique' = 'false' and not (v_current->>'is_primary_key')::boolean then
      for r in select con.conname from pg_constraint con
               where con.conrelid = col.table_oid and con.contype = 'u' and con.conkey = array[col.position] loop
        execute format('alter table %I drop constraint %I', p_collection, r.conname);
      end loop;
      for r in select ic.relname from pg_index i join pg_class ic on ic.oid = i.indexrelid
               where i.indrelid = col.table_oid and i.indisunique and not i.indisprimary
                 and i.indnkeyatts = 1 and i.indkey[0] = col.position
                 and not exists (select from pg_constraint con where con.conindid = i.indexrelid) loop
        execute format('drop index %I', r.relname);
      end loop;
    end if;
    if v_schema->>'is_indexed' = 'true' and not (v_current->>'is_indexed')::boolean then
      perform strata.run_ddl(format('create index %I on %I (%I)', left(p_collection || '_' || p_field || '_index', 63),
                                    p_collection, p_field), p_collection, p_field);
    elsif v_schema->>'is_indexed' = 'false' then
      for r in select ic.relname from pg_index i join pg_class ic on ic.oid = i.indexrelid
               where i.indrelid = col.table_oid and not i.indisunique and i.indnkeyatts = 1 and i.indkey[0] = col.position loop
        execute format('drop index %I', r.relname);
      end loop;
    end if;
    if v_schema ? 'comment' then
      execute format('comment on column %I.%I is %L', p_collection, p_field, v_schema->>'comment');
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
security invoker
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
security invoker
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
    perform strata.run_ddl(format('alter table %I drop column %I', p_collection, p_field), p_collection, p_field);
  end if;
end;
$$;
--! EndIncluded strata/schema/delete_field.sql
--! Included strata/schema/foreign_key_action.sql
-- pg_constraint's one-letter referential actions, spelled as SQL (and as Directus reports them).
create or replace function strata.foreign_key_action(p_code "char")
returns text
language sql
immutable
parallel safe
security invoker
as $$
  select case p_code
    when 'a' then 'NO ACTION'
    when 'r' then 'RESTRICT'
    when 'c' then 'CASCADE'
    when 'n' then 'SET NULL'
    when 'd' then 'SET DEFAULT'
  end
$$;
--! EndIncluded strata/schema/foreign_key_action.sql
--! Included strata/schema/relation_schema.sql
-- The foreign key behind a relation, as Directus reports it in a relation's `schema`; null when
-- the column has no foreign key (many-to-any item columns, relations kept as meta only).
create or replace function strata.relation_schema(p_collection text, p_field text)
returns jsonb
language sql
stable
security invoker
as $$
  select jsonb_build_object(
    'table', cl.relname::text,
    'column', a.attname::text,
    'foreign_key_table', rcl.relname::text,
    'foreign_key_column', ra.attname::text,
    'foreign_key_schema', rn.nspname::text,
    'constraint_name', con.conname::text,
    'on_update', strata.foreign_key_action(con.confupdtype),
    'on_delete', strata.foreign_key_action(con.confdeltype))
  from pg_constraint con
  join pg_class cl on cl.oid = con.conrelid
  join pg_namespace n on n.oid = cl.relnamespace and n.nspname = 'public'
  join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
  join pg_class rcl on rcl.oid = con.confrelid
  join pg_namespace rn on rn.oid = rcl.relnamespace
  join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = con.confkey[1]
  where con.contype = 'f' and array_length(con.conkey, 1) = 1
    and cl.relname = p_collection and a.attname = p_field
  order by con.conname
  limit 1
$$;
--! EndIncluded strata/schema/relation_schema.sql
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
          'one_field', null, 'one_collection_field', null, 'one_allowed_collections', null,
          'junction_field', null, 'sort_field', null, 'one_deselect_action', 'nullify', 'system', true)
      end)
  from strata.relations r
  where p_collection is null or r.many_collection = p_collection
$$;
--! EndIncluded strata/schema/relation_rows.sql
--! Included strata/schema/relations_info.sql
-- GET /relations and GET /relations/:collection: the relations the caller may see, system ones
-- first, then in creation order.
create or replace function strata.relations_info(p_collection text default null)
returns jsonb
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
    select jsonb_agg(r.info order by r.meta_id is not null, r.meta_id, r.collection, r.field)
    from strata.relation_rows(p_collection) r
    where strata.collection_readable(r.collection)
  ), '[]');
end;
$$;
--! EndIncluded strata/schema/relations_info.sql
--! Included strata/schema/relation_info.sql
-- GET /relations/:collection/:field.
create or replace function strata.relation_info(p_collection text, p_field text)
returns jsonb
language plpgsql
stable
security invoker
as $$
declare
  v_info jsonb;
begin
  if strata.schema_access() = 'none' then
    perform strata.schema_forbidden('read', 'directus_relations');
  end if;
  if not (strata.collection_known(p_collection) and strata.collection_readable(p_collection)) then
    perform strata.schema_forbidden('access', p_collection);
  end if;
  select r.info into v_info from strata.relation_rows(p_collection) r where r.field = p_field limit 1;
  if v_info is null then
    perform strata.schema_forbidden(null);
  end if;
  return v_info;
end;
$$;
--! EndIncluded strata/schema/relation_info.sql
--! Included strata/schema/referential_action.sql
-- A payload's `schema.on_delete` / `schema.on_update`, checked against the actions PostgreSQL
-- offers (Directus's choices) and normalized to upper case; the default when absent.
create or replace function strata.referential_action(p_schema jsonb, p_key text, p_default text)
returns text
language plpgsql
immutable
security invoker
as $$
declare
  v_action text := upper(coalesce(p_schema->>p_key, p_default));
begin
  if v_action not in ('NO ACTION', 'RESTRICT', 'CASCADE', 'SET NULL', 'SET DEFAULT') then
    perform strata.invalid_payload(format('"schema.%s" must be one of [NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT]', p_key));
  end if;
  return v_action;
end;
$$;
--! EndIncluded strata/schema/referential_action.sql
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
  perform strata.run_ddl(format('alter table %I add constraint %I foreign key (%I) references %I (%I) on delete %s on update %s',
                                p_collection, left(p_collection || '_' || p_field || '_foreign', 63), p_field,
                                p_related, v_pk, p_on_delete, p_on_update), p_collection, p_field);
end;
$$;
--! EndIncluded strata/schema/add_foreign_key.sql
--! Included strata/schema/relation_meta_data.sql
-- A relation payload's meta as directus_relations columns: identity keys dropped (they come from
-- the path or the payload's collection/field), allowed collections stored as csv.
create or replace function strata.relation_meta_data(p_meta jsonb)
returns jsonb
language sql
immutable
security invoker
as $$
  select case when jsonb_typeof(p_meta) <> 'object' then '{}'::jsonb
    else (p_meta - 'id' - 'many_collection' - 'many_field' - 'one_collection')
      || case when not p_meta ? 'one_allowed_collections' then '{}'::jsonb
              when jsonb_typeof(p_meta->'one_allowed_collections') = 'array' then jsonb_build_object('one_allowed_collections',
                nullif(array_to_string(array(select jsonb_array_elements_text(p_meta->'one_allowed_collections')), ','), ''))
              else jsonb_build_object('one_allowed_collections', p_meta->>'one_allowed_collections') end
  end
$$;
--! EndIncluded strata/schema/relation_meta_data.sql
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
security invoker
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
security invoker
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
      execute format('alter table %I drop constraint %I', p_collection, v_current->>'constraint_name');
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
security invoker
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
    execute format('alter table %I drop constraint %I', p_collection, r.conname);
  end loop;
  delete from public.directus_relations where many_collection = p_collection and many_field = p_field;
end;
$$;
--! EndIncluded strata/schema/delete_relation.sql
--! Included strata/access/request_role.sql
-- strata_request: the role non-admin requests run as (SET ROLE, transaction-local), so every
-- table they touch is filtered by row-level security. Admin requests keep the connecting role
-- (owner), which bypasses RLS. The connecting role must be a member to switch to it.
do $$
begin
  if not exists (select from pg_roles where rolname = 'strata_request') then
    create role strata_request nologin;
  end if;
  execute format('grant strata_request to %I', current_user);
exception when insufficient_privilege then
  raise warning 'strata: could not create or grant role strata_request (needs CREATEROLE): non-admin requests will fail';
end;
$$;
grant usage on schema public, strata to strata_request;
--! EndIncluded strata/access/request_role.sql
--! Included strata/access/permission_sql.sql
-- A permission row's filter as the SQL of a row-level-security policy over the row aliased
-- p_alias, compiled by the read engine's filter compiler with the row's own values embedded
-- as constants (so PostgreSQL can fold them and use indexes).
create or replace function strata.permission_sql(p_collection text, p_alias text, p_filter jsonb)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_sql text;
begin
  if p_filter is null or p_filter in ('null'::jsonb, '{}'::jsonb) then return 'true'; end if;
  perform set_config('strata.compile_values', jsonb_build_object('filter', p_filter)::text, true);
  v_sql := strata.compile_filter(p_collection, p_alias, p_filter, '{filter}', null);
  perform set_config('strata.compile_values', '', true);
  return v_sql;
exception when others then
  perform set_config('strata.compile_values', '', true);
  raise;
end;
$$;
--! EndIncluded strata/access/permission_sql.sql
--! Included strata/access/sync_policies.sql
-- Regenerates a collection's row-level-security policies from directus_permissions: one policy
-- per action for role strata_request, OR-ing each permission row's filter guarded by
-- "the request has that row's policy". No permission row for an action = no policy = denied.
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
end;
$$;
--! EndIncluded strata/access/sync_policies.sql
--! Included strata/access/protect.sql
-- Puts a table under Strata's access control: row-level security on, privileges for
-- strata_request (rows are then filtered by the generated policies), policies in sync.
create or replace function strata.protect(p_collection text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  execute format('alter table public.%I enable row level security', p_collection);
  execute format('grant select, insert, update, delete on table public.%I to strata_request', p_collection);
  perform strata.sync_policies(p_collection);
end;
$$;
--! EndIncluded strata/access/protect.sql
--! Included strata/access/protect_all.sql
-- Applies access control to every table in schema public. The catalog tables (collections,
-- fields, relations) stay readable as schema metadata; auth internals (sessions, migrations,
-- oauth) stay out of reach of request roles entirely.
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
  grant usage, select on all sequences in schema public to strata_request;
  -- what invoker functions read while a request runs (the catalog, the schema version);
  -- permission rows and login attempts stay behind definer functions
  grant select on strata.columns, strata.relations, strata.schema_version,
    strata.system_fields, strata.system_relations to strata_request;
end;
$$;
--! EndIncluded strata/access/protect_all.sql
--! Included strata/access/on_permissions_change.sql
-- directus_permissions changed (through the API or by a DBA): regenerate the affected
-- collections' policies at once, in the same transaction.
create or replace function strata.on_permissions_change()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  if tg_op in ('INSERT', 'UPDATE') then perform strata.sync_policies(new.collection); end if;
  if tg_op in ('UPDATE', 'DELETE') and (tg_op = 'DELETE' or old.collection is distinct from new.collection) then
    perform strata.sync_policies(old.collection);
  end if;
  -- field permissions shape compiled SQL: gateways drop their compiled statements
  perform pg_notify('strata_schema', 'directus_permissions');
  return null;
end;
$$;
--! EndIncluded strata/access/on_permissions_change.sql
--! Included strata/access/on_access_change.sql
-- Users, roles, policies or their links changed: gateways must re-resolve who may do what
-- (their per-user access cache) instead of waiting for it to expire.
create or replace function strata.on_access_change()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  perform pg_notify('strata_access', tg_table_name);
  return null;
end;
$$;
--! EndIncluded strata/access/on_access_change.sql
--! Included strata/access/on_create_table.sql
-- Tables created later (through the schema API or with plain SQL) come under access control
-- as they are created.
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
             where command_tag = 'CREATE TABLE' and schema_name = 'public' and object_type = 'table' loop
    perform strata.protect((select relname from pg_class where oid = obj.objid));
  end loop;
  grant usage, select on all sequences in schema public to strata_request;
end;
$$;
--! EndIncluded strata/access/on_create_table.sql
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
  if not (v_access ->> 'admin')::boolean then
    perform set_config('role', 'strata_request', true);
  end if;
  return v_access;
end;
$$;
--! EndIncluded strata/access/as_user.sql
--! Included strata/access/compile_request.sql
-- The compiler as the gateway calls it: for the request's accountability, with field
-- permissions applied (fields the request may not read are, to the compiler, fields that do
-- not exist). The SQL it returns depends on the request's policies, so the gateway caches it
-- per (shape, policy set).
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
--! Included strata/access/permissions_me.sql
-- GET /permissions/me: per collection and action, what the request may do
-- ({"access": "full"|"partial"|"none", "fields": [...], "presets": {...}}). Admins get full
-- access to every collection; others get the collections their policies mention.
create or replace function strata.permissions_me()
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  with acc as (select strata.accountability() a),
  admin_view as (
    select jsonb_object_agg(c.relname, (
      select jsonb_object_agg(act, jsonb_build_object('access', 'full', 'fields', jsonb_build_array('*')))
      from unnest(array['create', 'read', 'update', 'delete', 'share']) act))
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p', 'v', 'm', 'f')
  ),
  rows as (
    select p.collection, p.action, p.permissions, p.presets, p.fields
    from strata.permissions p, acc
    where strata.has_policy(p.policy)
  ),
  per_action as (
    select collection, action,
      case
        when bool_or(coalesce(permissions::text, 'null') in ('null', '{}') and coalesce(fields, '') = '*') then 'full'
        else 'partial'
      end as access,
      (select coalesce(jsonb_agg(distinct f), '[]') from rows r2
        cross join lateral unnest(string_to_array(coalesce(r2.fields, ''), ',')) f
        where r2.collection = r.collection and r2.action = r.action and f <> '') as fields,
      (select jsonb_object_agg(k, v) from rows r3 cross join lateral jsonb_each(coalesce(r3.presets::jsonb, '{}')) e(k, v)
        where r3.collection = r.collection and r3.action = r.action) as presets
    from rows r
    group by collection, action
  ),
  user_view as (
    select jsonb_object_agg(collection, actions) from (
      select c.collection, jsonb_object_agg(act,
        coalesce((select jsonb_strip_nulls(jsonb_build_object('access', pa.access,
                   'fields', case when pa.fields = '["*"]' then pa.fields when pa.access = 'partial' then pa.fields end,
                   'presets', pa.presets))
                  from per_action pa where pa.collection = c.collection and pa.action = act),
                 jsonb_build_object('access', 'none'))) as actions
      from (select distinct collection from rows) c
      cross join unnest(array['read', 'create', 'update', 'delete', 'share']) act
      group by c.collection
    ) x
  )
  select case when (select (a ->> 'admin')::boolean from acc) then (select * from admin_view)
              else coalesce((select * from user_view), '{}') end
$$;
--! EndIncluded strata/access/permissions_me.sql
--! Included strata/access/policies_me_globals.sql
-- GET /policies/me/globals: the request's global flags (any of its policies granting them).
create or replace function strata.policies_me_globals()
returns jsonb
language sql
stable
security definer
set search_path = pg_catalog, public
as $$
  with acc as (select strata.accountability() a)
  select jsonb_build_object(
    'app_access', coalesce((a ->> 'app')::boolean, false),
    'admin_access', coalesce((a ->> 'admin')::boolean, false),
    'enforce_tfa', coalesce((select bool_or(p.enforce_tfa) from public.directus_policies p
                             where (acc.a -> 'policies') ? p.id::text), false))
  from acc
$$;
--! EndIncluded strata/access/policies_me_globals.sql
--! Included strata/access/validation_failure.sql
-- The first top-level condition of a validation filter that a payload fails (its field name,
-- or "_and"/"_or" for a logical group), or null when the payload passes. The filter is
-- compiled by the read engine's filter compiler and evaluated over the condition's own field
-- of the payload as a row of the collection (absent fields are null inside _and/_or groups). `_submitted` asks whether
-- the payload contains the field. Nested relational values (objects, arrays) are written, and
-- validated, by the nested write of their own collection, so they are not evaluated here.
create or replace function strata.validation_failure(p_collection text, p_filter jsonb, p_payload jsonb)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_key text;
  v_cond jsonb;
  v_ok boolean;
  v_value jsonb;
begin
  for v_key, v_cond in select * from jsonb_each(p_filter) loop
    if jsonb_typeof(v_cond) = 'object' and v_cond ? '_submitted' then
      if (v_cond ->> '_submitted')::boolean is distinct from (p_payload ? v_key) then return v_key; end if;
      v_cond := v_cond - '_submitted';
      if v_cond = '{}'::jsonb then continue; end if;
    end if;
    -- like Directus, a field's rules apply to the value the payload gives it: a field left out
    -- (an update not touching it, a create relying on its default) is not checked, except
    -- by `_submitted`
    if left(v_key, 1) <> '_' and not p_payload ? v_key then continue; end if;
    v_value := p_payload -> v_key;
    if jsonb_typeof(v_value) in ('object', 'array')
       and not exists (select from strata.columns where collection = p_collection and field = v_key and type = 'json') then
      continue;
    end if;
    execute format('select coalesce((%s), false) from jsonb_populate_record(null::public.%I, $1) v',
      strata.permission_sql(p_collection, 'v', jsonb_build_object(v_key, v_cond)), p_collection)
      into v_ok using case
        -- a logical group (_and/_or) reads every scalar field of the payload
        when left(v_key, 1) = '_' then (select coalesce(jsonb_object_agg(k, v), '{}') from jsonb_each(p_payload) e(k, v)
                                        where jsonb_typeof(v) not in ('object', 'array'))
        when p_payload ? v_key then jsonb_build_object(v_key, v_value)
        else '{}'::jsonb end;
    if not v_ok then return v_key; end if;
  end loop;
  return null;
end;
$$;
--! EndIncluded strata/access/validation_failure.sql
--! Included strata/access/check_write.sql
-- Applies the request's permissions to one item's payload before it is written:
--   field permissions: a field outside every permission row's `fields` -> 403 FORBIDDEN
--   presets: the permission rows' presets fill fields the payload does not set (dynamic
--     variables resolved)
--   validation: the payload (merged with presets) must satisfy the `validation` filter of at
--     least one permission row -> otherwise 400 FAILED_VALIDATION naming the failing field
-- Row filters (`permissions`) are not checked here: row-level security enforces them.
-- Returns the payload to write. Admins and plain SQL sessions pass through unchanged.
create or replace function strata.check_write(p_collection text, p_action text, p_payload jsonb)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  acc jsonb := strata.accountability();
  v_fields text[];
  v_key text;
  v_payload jsonb := p_payload;
  v_presets jsonb;
  v_rule record;
  v_ok boolean;
  v_failed text;
  v_any_rule boolean := false;
begin
  if coalesce((acc ->> 'admin')::boolean, false) then return p_payload; end if;

  v_fields := strata.permitted_fields(p_collection, p_action);
  if cardinality(v_fields) = 0 then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
  if not '*' = any(v_fields) then
    for v_key in select jsonb_object_keys(p_payload) loop
      if not v_key = any(v_fields) then
        perform strata.raise('FORBIDDEN', format('You don''t have permission to access field "%s" in collection "%s" or it does not exist.', v_key, p_collection),
          jsonb_build_object('collection', p_collection, 'field', v_key));
      end if;
    end loop;
  end if;

  -- presets may name dynamic variables ("owner": "$CURRENT_USER"), resolved for this request
  select jsonb_object_agg(k, case v
           when '"$CURRENT_USER"' then coalesce(acc -> 'user', 'null')
           when '"$CURRENT_ROLE"' then coalesce(acc -> 'role', 'null')
           when '"$CURRENT_ROLES"' then coalesce(acc -> 'roles', '[]')
           when '"$CURRENT_POLICIES"' then coalesce(acc -> 'policies', '[]')
           when '"$NOW"' then to_jsonb(now())
           else v end) into v_presets
  from strata.permissions p, jsonb_each(coalesce(p.presets, '{}')) e(k, v)
  where p.collection = p_collection and p.action = p_action and strata.has_policy(p.policy);
  if v_presets is not null then v_payload := v_presets || v_payload; end if;

  for v_rule in
    select p.validation as validation from strata.permissions p
    where p.collection = p_collection and p.action = p_action and strata.has_policy(p.policy)
  loop
    if v_rule.validation is null or v_rule.validation in ('null'::jsonb, '{}'::jsonb) then
      return v_payload; -- a permission without validation accepts any payload
    end if;
    v_any_rule := true;
    v_failed := strata.validation_failure(p_collection, v_rule.validation, v_payload);
    if v_failed is null then return v_payload; end if;
  end loop;
  if v_any_rule then
    perform strata.raise('FAILED_VALIDATION', format('Validation failed for field "%s".', v_failed),
      jsonb_build_object('field', v_failed, 'collection', p_collection));
  end if;
  return v_payload;
end;
$$;
--! EndIncluded strata/access/check_write.sql
--! Included strata/access/check_affected.sql
-- After an UPDATE or DELETE by key: a non-admin request that could not touch every key it
-- named (row-level security hid it, or it does not exist) gets Directus's 403, and the
-- statement's changes roll back with the error. Admins get Directus's lenient behaviour.
create or replace function strata.check_affected(p_count bigint, p_keys jsonb)
returns void
language plpgsql
stable
security invoker
as $$
begin
  if coalesce((strata.accountability() ->> 'admin')::boolean, false) then return; end if;
  if p_count < (select count(distinct k) from jsonb_array_elements(p_keys) k) then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.');
  end if;
end;
$$;
--! EndIncluded strata/access/check_affected.sql
--! Included strata/access/field_mask.sql
-- Per-row field permissions (Directus 11 with several policies): when the request's read
-- permission rows on a collection grant a field under some row filters but not others, the
-- field is readable only on rows matching a filter of a row that grants it. Returns that
-- condition over the row aliased p_alias, or null when the field is readable on every row
-- the request can see (the usual case: one policy, or every row grants the field).
-- Only while compiling for a request (strata.field_action set), never for admins.
create or replace function strata.field_mask(p_collection text, p_alias text, p_field text)
returns text
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_action text := nullif(current_setting('strata.field_action', true), '');
  v_conditions text[] := '{}';
  v_unrestricted boolean := false;
  v_missing boolean := false;
  r record;
  v_sql text;
begin
  if v_action is null or coalesce((strata.accountability() ->> 'admin')::boolean, false) then return null; end if;
  for r in select p.permissions, p.fields from strata.permissions p
           where p.collection = p_collection and p.action = v_action and strata.has_policy(p.policy) loop
    if r.fields is not null and (r.fields = '*' or p_field = any(string_to_array(r.fields, ','))) then
      if r.permissions is null or r.permissions in ('null'::jsonb, '{}'::jsonb) then
        v_unrestricted := true;
      else
        v_conditions := v_conditions || r.permissions::text;
      end if;
    else
      v_missing := true;
    end if;
  end loop;
  if v_unrestricted or not v_missing or cardinality(v_conditions) = 0 then return null; end if;
  -- the permission filters are compiled without the request's field permissions: they are
  -- the administrator's rules, not the caller's query
  perform set_config('strata.field_action', '', true);
  begin
    select '(' || string_agg('(' || strata.permission_sql(p_collection, p_alias, c::jsonb) || ')', ' or ') || ')'
      into v_sql from unnest(v_conditions) c;
  exception when others then
    perform set_config('strata.field_action', v_action, true);
    raise;
  end;
  perform set_config('strata.field_action', v_action, true);
  return v_sql;
end;
$$;
--! EndIncluded strata/access/field_mask.sql
--! Included strata/access/column_ref.sql
-- How the compiler refers to a column of the row aliased p_alias: the column itself, or, when
-- the request may read the field only on some rows (strata.field_mask), the column masked to
-- null on the others. Output, filters, sorts, search and aggregates all use this reference, so
-- a masked value can't be read, matched, ordered or counted through any of them.
create or replace function strata.column_ref(p_collection text, p_alias text, p_field text)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_mask text := strata.field_mask(p_collection, p_alias, p_field);
begin
  if v_mask is null then return format('%s.%I', p_alias, p_field); end if;
  return format('(case when %s then %s.%I end)', v_mask, p_alias, p_field);
end;
$$;
--! EndIncluded strata/access/column_ref.sql
--! Included strata/audit/revision_kinds.sql
-- How each column of a table is written into revision `data`/`delta` so that revisions read
-- like the items API (Directus's formats): {column: kind}, kinds 'text' (bigInteger, decimal:
-- strings), 'timestamp' (ISO in UTC with milliseconds and Z), 'dateTime' (no zone), 'csv'
-- (array), 'mask' (hash and concealed fields: "**********"); other columns are left as
-- row_to_json writes them. Cached per connection, keyed by strata.schema_version (as
-- strata.write_meta is).
create or replace function strata.revision_kinds(p_table text)
returns jsonb
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_version text := (select version::text from strata.schema_version);
  v_name text := 'strata.revfmt_' || md5(p_table);
  v_cached text := current_setting(v_name, true);
  v_kinds jsonb;
begin
  if v_cached is not null and v_version is not null and starts_with(v_cached, v_version || '|') then
    return substr(v_cached, length(v_version) + 2)::jsonb;
  end if;
  select coalesce(jsonb_object_agg(c.field, case
           when string_to_array(c.special, ',') && array['conceal', 'hash'] then 'mask'
           when c.type in ('bigInteger', 'decimal') then 'text'
           when c.type in ('timestamp', 'dateTime', 'csv') then c.type
         end) filter (where string_to_array(c.special, ',') && array['conceal', 'hash']
                         or c.type in ('bigInteger', 'decimal', 'timestamp', 'dateTime', 'csv')), '{}')
    into v_kinds
    from strata.columns c where c.collection = p_table;
  if v_version is not null then
    perform set_config(v_name, v_version || '|' || v_kinds::text, false);
  end if;
  return v_kinds;
end;
$$;
--! EndIncluded strata/audit/revision_kinds.sql
--! Included strata/audit/revision_json.sql
-- One row (as row_to_json gives it, columns in table order) in the items API's formats, for
-- revision `data`/`delta` (kinds: strata.revision_kinds). p_only: the columns to keep (null:
-- all), e.g. the columns a request wrote, for Directus's `delta`.
create or replace function strata.revision_json(p_kinds jsonb, p_row json, p_only text[] default null)
returns json
language sql
stable
parallel safe
security invoker
as $$
  select coalesce(json_object_agg(e.key, case
           when json_typeof(e.value) = 'null' or not p_kinds ? e.key then e.value
           else case p_kinds ->> e.key
             when 'mask' then '"**********"'::json
             when 'text' then to_json(e.value #>> '{}')
             when 'timestamp' then to_json(to_char((e.value #>> '{}')::timestamptz at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
             when 'dateTime' then to_json(to_char((e.value #>> '{}')::timestamp, 'YYYY-MM-DD"T"HH24:MI:SS'))
             when 'csv' then case when e.value #>> '{}' = '' then '[]'::json else to_json(string_to_array(e.value #>> '{}', ',')) end
             else e.value end
           end order by e.ord), '{}'::json)
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

  if TG_OP = 'INSERT' then
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
--! Included strata/audit/track.sql
-- Puts a collection under revisions and activity: the three statement-level strata.audit
-- triggers (insert, update, delete; each with the transition tables it needs). Idempotent.
-- Called for every table created in schema public (event trigger strata_track_tables, so tables
-- made by the schema API and by plain SQL alike) and once for existing tables at install.
create or replace function strata.track(p_collection text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  if p_collection like 'directus\_%' then
    return; -- system collections keep their own bookkeeping
  end if;
  execute format('create or replace trigger strata_audit_insert after insert on public.%I '
                 'referencing new table as new_rows for each statement execute function strata.audit()', p_collection);
  execute format('create or replace trigger strata_audit_update after update on public.%I '
                 'referencing old table as old_rows new table as new_rows for each statement execute function strata.audit()', p_collection);
  execute format('create or replace trigger strata_audit_delete after delete on public.%I '
                 'referencing old table as old_rows for each statement execute function strata.audit()', p_collection);
end;
$$;
--! EndIncluded strata/audit/track.sql
--! Included strata/audit/track_ddl.sql
-- Event trigger function: every table created in schema public gets the audit triggers.
create or replace function strata.track_ddl()
returns event_trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_name text;
begin
  for v_name in
    select c.relname from pg_event_trigger_ddl_commands() d
    join pg_class c on c.oid = d.objid
    join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
    where d.object_type = 'table' and c.relkind in ('r', 'p')
  loop
    perform strata.track(v_name);
  end loop;
end;
$$;
--! EndIncluded strata/audit/track_ddl.sql
--! Included strata/write/schema_version.sql
-- A counter bumped by every DDL statement and every change to directus_collections,
-- directus_fields and directus_relations: what the write functions' per-connection cache of
-- collection metadata (strata.write_meta) is keyed by.
create table if not exists strata.schema_version (id boolean primary key default true check (id), version bigint not null default 0);
insert into strata.schema_version (id, version) values (true, 0) on conflict do nothing;
--! EndIncluded strata/write/schema_version.sql
--! Included strata/write/bump_schema_version.sql
-- Trigger function (statement-level, on directus_collections/fields/relations): bumps
-- strata.schema_version.
create or replace function strata.bump_schema_version()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  update strata.schema_version set version = version + 1;
  return null;
end;
$$;
--! EndIncluded strata/write/bump_schema_version.sql
--! Included strata/write/bump_schema_version_ddl.sql
-- Event trigger function: any DDL bumps strata.schema_version.
create or replace function strata.bump_schema_version_ddl()
returns event_trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  update strata.schema_version set version = version + 1;
end;
$$;
--! EndIncluded strata/write/bump_schema_version_ddl.sql
--! Included strata/audit/install.sql
-- Installs revision/activity tracking: the event trigger for new tables (needs a superuser;
-- without one, call strata.track(collection) for tables made later) and the audit triggers on
-- every existing user table.
do $$
begin
  drop event trigger if exists strata_track_tables;
  create event trigger strata_track_tables on ddl_command_end
    when tag in ('CREATE TABLE', 'CREATE TABLE AS', 'SELECT INTO')
    execute function strata.track_ddl();
exception when insufficient_privilege then
  raise notice 'strata: not a superuser, tables created later need strata.track(collection)';
end;
$$;

select strata.track(c.relname)
from pg_class c join pg_namespace n on n.oid = c.relnamespace and n.nspname = 'public'
where c.relkind in ('r', 'p') and c.relname not like 'directus\_%';

-- the write functions cache collection metadata per connection, keyed by this version
do $$
begin
  drop event trigger if exists strata_schema_version;
  create event trigger strata_schema_version on ddl_command_end execute function strata.bump_schema_version_ddl();
  drop event trigger if exists strata_schema_version_drop;
  create event trigger strata_schema_version_drop on sql_drop execute function strata.bump_schema_version_ddl();
exception when insufficient_privilege then
  raise notice 'strata: not a superuser, write metadata is not cached across statements';
end;
$$;
create or replace trigger strata_schema_version after insert or update or delete or truncate on public.directus_collections
  for each statement execute function strata.bump_schema_version();
create or replace trigger strata_schema_version after insert or update or delete or truncate on public.directus_fields
  for each statement execute function strata.bump_schema_version();
create or replace trigger strata_schema_version after insert or update or delete or truncate on public.directus_relations
  for each statement execute function strata.bump_schema_version();
--! EndIncluded strata/audit/install.sql
--! Included strata/write/written_columns.sql
-- Names the columns the next statement of a write function writes for the request (what
-- Directus puts in a revision's delta; see strata.audit), or clears them (p_columns null).
create or replace function strata.written_columns(p_table text, p_columns jsonb)
returns void
language sql
volatile
security invoker
as $$
  select set_config('strata.delta_cols', case when p_columns is null then '' else jsonb_build_object('table', p_table, 'columns', p_columns)::text end, true);
$$;
--! EndIncluded strata/write/written_columns.sql
--! Included strata/write/count_mutations.sql
-- MAX_BATCH_MUTATION: every row a write touches (nested ones included) counts against the
-- request's limit (strata.max_batch_mutation, set by strata.write_request; unset = no limit).
create or replace function strata.count_mutations(p_rows int)
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_max int := nullif(current_setting('strata.max_batch_mutation', true), '')::int;
  v_count int := coalesce(nullif(current_setting('strata.mutations', true), '')::int, 0) + p_rows;
begin
  perform set_config('strata.mutations', v_count::text, true);
  if v_max is not null and v_count > v_max then
    perform strata.raise('INVALID_PAYLOAD', format('Invalid payload. Exceeded max batch mutation limit of %s.', v_max),
      jsonb_build_object('reason', format('Exceeded max batch mutation limit of %s', v_max)));
  end if;
end;
$$;
--! EndIncluded strata/write/count_mutations.sql
--! Included strata/write/revision_mark.sql
-- How many revisions have been written at a depth so far (see strata.link_revisions).
create or replace function strata.revision_mark(p_depth int)
returns int
language sql
stable
security invoker
as $$
  select coalesce(cardinality(string_to_array(nullif(current_setting('strata.revs_' || p_depth, true), ''), ',')), 0)
$$;
--! EndIncluded strata/write/revision_mark.sql
--! Included strata/write/link_revisions.sql
-- Links the revisions written at depth p_depth + 1 (a row's nested writes) to the row's own
-- revision: the first revision its statement appended at p_depth (position p_mark + 1 of
-- strata.revs_<depth>). Clears the child list either way.
create or replace function strata.link_revisions(p_depth int, p_mark int)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_own int := (string_to_array(nullif(current_setting('strata.revs_' || p_depth, true), ''), ','))[p_mark + 1]::int;
  v_children int[] := string_to_array(nullif(current_setting('strata.revs_' || (p_depth + 1), true), ''), ',')::int[];
begin
  if v_own is not null and v_children is not null then
    update directus_revisions set parent = v_own where id = any(v_children);
  end if;
  perform set_config('strata.revs_' || (p_depth + 1), '', true);
end;
$$;
--! EndIncluded strata/write/link_revisions.sql
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
  v_out := v_out || jsonb_build_object('pk_sequence', pg_get_serial_sequence(format('public.%I', p_collection), v_pk));
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
--! Included strata/write/write_meta.sql
-- What the write functions need to know about a collection (strata.collection_meta), cached
-- per connection in a session setting keyed by strata.schema_version (bumped by any DDL and
-- any change to directus_collections/fields/relations), plus the request's automatic values
-- (date-created/updated, user-created/updated). 403 when the collection does not exist.
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
  v_user jsonb := strata.accountability() -> 'user';
begin
  if v_cached is not null and v_version is not null and starts_with(v_cached, v_version || '|') then
    m := substr(v_cached, length(v_version) + 2)::jsonb;
  else
    m := strata.collection_meta(p_collection);
    if m is null then
      perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.', '{}');
    end if;
    if v_version is not null then
      perform set_config(v_name, v_version || '|' || m::text, false);
    end if;
  end if;
  return m || jsonb_build_object(
    'on_create', (select coalesce(jsonb_object_agg(f, v_now), '{}') from jsonb_array_elements_text(m -> 'date_created') f)
              || (select coalesce(jsonb_object_agg(f, v_user), '{}') from jsonb_array_elements_text(m -> 'user_created') f),
    'on_update', (select coalesce(jsonb_object_agg(f, v_now), '{}') from jsonb_array_elements_text(m -> 'date_updated') f)
              || (select coalesce(jsonb_object_agg(f, v_user), '{}') from jsonb_array_elements_text(m -> 'user_updated') f));
end;
$$;
--! EndIncluded strata/write/write_meta.sql
--! Included strata/write/value_error.sql
-- After an INSERT/UPDATE failed on a value (too long, out of range, wrong type), finds the
-- field and value responsible and raises Directus's error for it (VALUE_TOO_LONG,
-- VALUE_OUT_OF_RANGE, or INVALID_PAYLOAD with collection and field). Returns when it can't
-- tell, and the caller re-raises the original error.
create or replace function strata.value_error(p_meta jsonb, p_rows jsonb)
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_collection text := p_meta ->> 'collection';
  v_row jsonb;
  v_key text;
  v_val jsonb;
  v_type text;
  v_len int;
  v_state text;
  v_msg text;
begin
  for v_row in select value from jsonb_array_elements(p_rows) loop
    for v_key, v_val in select key, value from jsonb_each(v_row) where (p_meta -> 'columns') ? key loop
      continue when jsonb_typeof(v_val) = 'null';
      v_type := p_meta -> 'types' ->> v_key;
      v_len := (regexp_match(v_type, '^(?:character varying|character|bit varying|bit)\((\d+)\)'))[1]::int;
      if v_len is not null and char_length(v_val #>> '{}') > v_len then
        perform strata.raise('VALUE_TOO_LONG',
          format('Value "%s" for field "%s" in collection "%s" is too long.', v_val #>> '{}', v_key, v_collection),
          jsonb_build_object('collection', v_collection, 'field', v_key, 'value', v_val));
      end if;
      begin
        execute format('select (jsonb_populate_record(null::public.%I, $1)).%I', v_collection, v_key)
          using jsonb_build_object(v_key, v_val);
      exception when others then
        get stacked diagnostics v_state = returned_sqlstate, v_msg = message_text;
        if v_state = '22003' then
          perform strata.raise('VALUE_OUT_OF_RANGE',
            format('Numeric value "%s" for field "%s" in collection "%s" is out of range.', v_val #>> '{}', v_key, v_collection),
            jsonb_build_object('collection', v_collection, 'field', v_key, 'value', v_val));
        end if;
        if v_type in ('date', 'timestamp without time zone', 'timestamp with time zone') then
          -- Directus's own wording for dates it can't parse
          v_msg := format('Invalid %s format in field "%s"', case v_type when 'date' then 'Date'
                     when 'timestamp without time zone' then 'DateTime' else 'Timestamp' end, v_key);
          perform strata.raise('INVALID_PAYLOAD', format('Invalid payload. %s.', v_msg),
            jsonb_build_object('reason', v_msg, 'collection', v_collection, 'field', v_key));
        end if;
        perform strata.raise('INVALID_PAYLOAD',
          format('Invalid payload. %s for field "%s" in collection "%s".', v_msg, v_key, v_collection),
          jsonb_build_object('reason', format('%s for field "%s" in collection "%s"', v_msg, v_key, v_collection),
                             'collection', v_collection, 'field', v_key));
      end;
    end loop;
  end loop;
end;
$$;
--! EndIncluded strata/write/value_error.sql
--! Included strata/write/check_required.sql
-- Directus validates required fields before writing: a column that can't be null and has no
-- default must be given when creating ("Value is required."), and no such column may be set to
-- null ("Value can't be null."). FAILED_VALIDATION with the field, Directus's `type` (required,
-- nnull) and `path`: the relational fields leading to this item from the request's top level
-- (strata.write_path, kept by the nested write functions).
create or replace function strata.check_required(p_meta jsonb, p_rows jsonb, p_create boolean)
returns void
language plpgsql
stable
security invoker
as $$
declare
  v_field text;
  v_type text;
  v_path jsonb;
begin
  select f, case when r ? f then 'nnull' else 'required' end into v_field, v_type
  from jsonb_array_elements(p_rows) with ordinality x(r, o)
  cross join lateral jsonb_array_elements_text(p_meta -> 'not_null') f
  where (r ? f and jsonb_typeof(r -> f) = 'null')
     or (p_create and not r ? f and (p_meta -> 'required') ? f)
  order by o
  limit 1;
  if v_field is null then
    return;
  end if;
  v_path := coalesce(nullif(current_setting('strata.write_path', true), '')::jsonb, '[]');
  perform strata.raise('FAILED_VALIDATION',
    format('Validation failed for field "%s"%s. %s', v_field,
           case when v_path = '[]' then '' else format(' at "%s"', (select string_agg(p, '.') from jsonb_array_elements_text(v_path) p)) end,
           case v_type when 'required' then 'Value is required.' else 'Value can''t be null.' end),
    jsonb_build_object('field', v_field, 'path', v_path, 'type', v_type));
end;
$$;
--! EndIncluded strata/write/check_required.sql
--! Included strata/write/foreign_key_error.sql
-- After an INSERT/UPDATE of p_rows failed on a foreign key, raises Directus's
-- INVALID_FOREIGN_KEY with the value as the request gave it (999, not "999"); PostgreSQL's
-- detail only has its text. Returns when it can't tell (the caller re-raises).
create or replace function strata.foreign_key_error(p_collection text, p_rows jsonb, p_detail text)
returns void
language plpgsql
volatile
security invoker
as $$
declare
  v_match text[] := regexp_match(p_detail, 'Key \((.+?)\)=\((.*)\) is not present');
  v_value jsonb;
begin
  if v_match is null then
    return;
  end if;
  select r -> v_match[1] into v_value from jsonb_array_elements(p_rows) r where r ->> v_match[1] = v_match[2] limit 1;
  perform strata.raise('INVALID_FOREIGN_KEY',
    format('Invalid foreign key "%s" for field "%s" in collection "%s".', v_match[2], v_match[1], p_collection),
    jsonb_build_object('collection', p_collection, 'field', v_match[1], 'value', coalesce(v_value, to_jsonb(v_match[2]))));
end;
$$;
--! EndIncluded strata/write/foreign_key_error.sql
--! Included strata/write/prepare_row.sql
-- One payload row -> {row, o2m}: nested many-to-one / many-to-any objects are written first
-- (their keys replace them), one-to-many values are set aside for after the row exists, csv
-- arrays become "a,b", and alias or unknown fields are dropped (Directus ignores them).
create or replace function strata.prepare_row(p_meta jsonb, p_row jsonb, p_depth int)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_row jsonb := p_row;
  v_o2m jsonb := '{}';
  v_key text;
  v_val jsonb;
  v_info jsonb;
  v_related text;
  v_collection text := p_meta ->> 'collection';
  v_path text;
begin
  for v_key, v_val in select key, value from jsonb_each(p_row) loop
    v_info := p_meta -> 'relational' -> v_key;
    if v_info is not null then
      if v_info ->> 'kind' = 'o2m' then
        v_o2m := v_o2m || jsonb_build_object(v_key, v_val);
        v_row := v_row - v_key;
      elsif jsonb_typeof(v_val) = 'object' then
        if v_info ->> 'kind' = 'm2a' then
          v_related := p_row ->> (v_info ->> 'collection_field');
          if v_related is null then
            perform strata.invalid_payload(format('Can''t update nested record "%s.%s" without field "%s.%s" being set',
              v_collection, v_key, v_collection, v_info ->> 'collection_field'));
          end if;
          if not (v_info -> 'allowed') ? v_related then
            perform strata.invalid_payload(format('"%s" can''t be linked to collection "%s"', v_key, v_related));
          end if;
        else
          v_related := v_info ->> 'related';
        end if;
        -- the nested item's place in the request, for FAILED_VALIDATION's path
        v_path := coalesce(nullif(current_setting('strata.write_path', true), ''), '[]');
        perform set_config('strata.write_path', (v_path::jsonb || to_jsonb(v_key))::text, true);
        v_row := v_row || jsonb_build_object(v_key, strata.write_m2o(v_related, v_val, p_depth + 1));
        perform set_config('strata.write_path', v_path, true);
      end if;
    elsif (p_meta -> 'csv') ? v_key and jsonb_typeof(v_val) = 'array' then
      v_row := v_row || jsonb_build_object(v_key, (select string_agg(e, ',') from jsonb_array_elements_text(v_val) e));
    elsif not (p_meta -> 'columns') ? v_key then
      v_row := v_row - v_key;
    end if;
  end loop;
  return jsonb_build_object('row', v_row, 'o2m', v_o2m);
end;
$$;
--! EndIncluded strata/write/prepare_row.sql
--! Included strata/write/write_m2o.sql
-- A nested many-to-one (or many-to-any) object: with the key of an existing item it updates
-- that item (when there is more than the key), otherwise it creates one. Returns the key.
create or replace function strata.write_m2o(p_collection text, p_value jsonb, p_depth int)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_pk text := strata.primary_key(p_collection);
  v_type text := (select data_type from strata.columns where collection = p_collection and field = v_pk);
  v_exists boolean := false;
begin
  if p_value ? v_pk and jsonb_typeof(p_value -> v_pk) <> 'null' then
    begin
      execute format('select exists (select from public.%I where %I = $1::%s)', p_collection, v_pk, v_type)
        into v_exists using p_value ->> v_pk;
    exception when invalid_text_representation or numeric_value_out_of_range then
      v_exists := false;  -- not a key of this collection: the create below reports the bad value
    end;
  end if;
  if v_exists then
    if (p_value - v_pk) <> '{}' then
      perform strata.update_items(p_collection, jsonb_build_array(p_value -> v_pk), p_value - v_pk, p_depth);
    end if;
    return p_value -> v_pk;
  end if;
  return strata.create_items(p_collection, p_value, p_depth);
end;
$$;
--! EndIncluded strata/write/write_m2o.sql
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
  v_group jsonb;
  v_list text;
  -- values the request did not give (automatic values, generated keys): not in the revision
  v_auto text[] := array(select jsonb_object_keys(p_meta -> 'on_create'))
                   || array(select jsonb_array_elements_text(p_meta -> 'uuid'))
                   || case when coalesce(p_meta ->> 'pk_default', p_meta ->> 'pk_sequence') is not null then array[p_meta ->> 'pk'] else '{}' end;
  v_fk_detail text;
begin
  if jsonb_array_length(p_rows) = 0 then
    return;
  end if;
  perform set_config('strata.depth', p_depth::text, true);
  for v_cols in
    select distinct array(select k from jsonb_object_keys(r) k where (p_meta -> 'columns') ? k order by k)
    from jsonb_array_elements(p_rows) r
  loop
    select jsonb_agg(r) into v_group from jsonb_array_elements(p_rows) r
      where array(select k from jsonb_object_keys(r) k where (p_meta -> 'columns') ? k order by k) = v_cols;
    perform strata.written_columns(v_collection, to_jsonb(array(select c from unnest(v_cols) c where c <> all(v_auto))));
    if cardinality(v_cols) = 0 then
      for i in 1 .. jsonb_array_length(v_group) loop
        execute format('insert into public.%I default values', v_collection);
      end loop;
      continue;
    end if;
    select string_agg(format('%I', c), ', ') into v_list from unnest(v_cols) c;
    begin
      execute format('insert into public.%I (%s) overriding system value select %s from jsonb_populate_recordset(null::public.%I, $1)',
                     v_collection, v_list, v_list, v_collection) using v_group;
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
  -- the request's permissions: allowed fields, presets, validation (not for admins)
  if not coalesce((strata.accountability() ->> 'admin')::boolean, false) then
    select jsonb_agg(strata.check_write(p_collection, 'create', e) order by o) into v_items
      from jsonb_array_elements(v_items) with ordinality x(e, o);
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
-- for all keys, one-to-many values are applied per key. Returns the keys.
create or replace function strata.update_items(p_collection text, p_keys jsonb, p_payload jsonb, p_depth int default 0)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  m jsonb := strata.write_meta(p_collection);
  v_pk text := m ->> 'pk';
  v_prep jsonb;
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
  v_mark := strata.revision_mark(p_depth);
  v_prep := strata.prepare_row(m, strata.check_write(p_collection, 'update', p_payload) - v_pk, p_depth);
  v_row := v_prep -> 'row';
  perform strata.check_required(m, jsonb_build_array(v_row), false);
  if v_row <> '{}' then
    v_row := v_row || (m -> 'on_update');
    perform strata.count_mutations(jsonb_array_length(p_keys));
    select string_agg(format('%I = p.%I', k, k), ', ') into v_list
      from jsonb_object_keys(v_row) k where (m -> 'columns') ? k;
    perform set_config('strata.depth', p_depth::text, true);
    perform strata.written_columns(p_collection, (select jsonb_agg(k) from jsonb_object_keys(v_row) k where (m -> 'columns') ? k));
    begin
      execute format('update public.%I t set %s from jsonb_populate_record(null::public.%I, $1) p '
                     'where t.%I = any(array(select jsonb_array_elements_text($2))::%s[])',
                     p_collection, v_list, p_collection, v_pk, m ->> 'pk_type') using v_row, p_keys;
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
    perform strata.check_affected(v_count, p_keys);
  else
    -- nothing to write in the rows themselves (only one-to-many values, or nothing): the
    -- caller must still be allowed to update every item, or children could be attached to
    -- items they can't update or even see. SELECT ... FOR UPDATE applies the row filters of
    -- the update permissions (row-level security's UPDATE policies) without writing.
    execute format('select count(*) from (select from public.%I t where t.%I = any(array(select jsonb_array_elements_text($1))::%s[]) for update) s',
                   p_collection, v_pk, m ->> 'pk_type') into v_count using p_keys;
    perform strata.check_affected(v_count, p_keys);
  end if;
  if v_prep -> 'o2m' <> '{}' then
    for v_key in select value from jsonb_array_elements(p_keys) loop
      perform strata.write_o2m_fields(m, v_key, v_prep -> 'o2m', p_depth);
    end loop;
  end if;
  perform strata.link_revisions(p_depth, v_mark);
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
begin
  if jsonb_typeof(p_items) is distinct from 'array' then
    perform strata.invalid_payload('Payload must be an array');
  end if;
  for v_item in select value from jsonb_array_elements(p_items) loop
    if jsonb_typeof(v_item) <> 'object' or coalesce(jsonb_typeof(v_item -> v_pk), 'null') = 'null' then
      perform strata.invalid_payload('Item in update misses primary key');
    end if;
    if v_item ?| array(select jsonb_object_keys(m -> 'relational')) or v_item ?| array(select jsonb_array_elements_text(m -> 'csv')) then
      perform strata.update_items(p_collection, jsonb_build_array(v_item -> v_pk), v_item - v_pk, p_depth);
    else
      v_item := jsonb_build_object(v_pk, v_item -> v_pk) || strata.check_write(p_collection, 'update', v_item - v_pk);
      perform strata.check_required(m, jsonb_build_array(v_item), false);
      v_flat := v_flat || jsonb_build_array(v_item || (m -> 'on_update'));
    end if;
  end loop;

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
  perform set_config('strata.depth', p_depth::text, true);
  execute format('delete from public.%I where %I = any(array(select jsonb_array_elements_text($1))::%s[])',
                 p_collection, m ->> 'pk', m ->> 'pk_type') using p_keys;
  get diagnostics v_count = row_count;
  perform strata.check_affected(v_count, p_keys);
  return p_keys;
end;
$$;
--! EndIncluded strata/write/delete_items.sql
--! Included strata/write/fill_sort.sql
-- New children of a one-to-many with a sort field: missing sort values continue after the
-- parent's current maximum (max + position), as Directus does.
create or replace function strata.fill_sort(p_collection text, p_sort text, p_fk text, p_parent jsonb, p_items jsonb)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_max bigint;
begin
  execute format('select coalesce(max(%I), 0) from public.%I where %I::text = $1', p_sort, p_collection, p_fk)
    into v_max using p_parent #>> '{}';
  return (select jsonb_agg(case when coalesce(jsonb_typeof(e -> p_sort), 'null') = 'null'
                                then e || jsonb_build_object(p_sort, v_max + o) else e end order by o)
          from jsonb_array_elements(p_items) with ordinality x(e, o));
end;
$$;
--! EndIncluded strata/write/fill_sort.sql
--! Included strata/write/deselect.sql
-- Children removed from a one-to-many: one_deselect_action 'delete' deletes them, 'nullify'
-- (the default) sets their foreign key to null (NOT_NULL_VIOLATION when it can't be null).
create or replace function strata.deselect(p_info jsonb, p_collection text, p_fk text, p_keys jsonb, p_depth int)
returns void
language plpgsql
volatile
security invoker
as $$
begin
  if jsonb_array_length(p_keys) = 0 then
    return;
  end if;
  if p_info ->> 'deselect' = 'delete' then
    perform strata.delete_items(p_collection, p_keys, p_depth);
  else
    perform strata.update_items(p_collection, p_keys, jsonb_build_object(p_fk, null), p_depth);
  end if;
end;
$$;
--! EndIncluded strata/write/deselect.sql
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
        perform strata.update_items(c, jsonb_build_array(v_item -> cpk), (v_item - cpk) || v_link, d);
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
          execute format('select count(*) from public.%I where %I = $1::%s', c, cpk, v_type) into v_found using v_item ->> cpk;
        end if;
        if v_found > 0 then
          perform strata.update_items(c, jsonb_build_array(v_item -> cpk), (v_item - cpk) || v_link, d);
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
      -- children already pointing here are left alone
      execute format('select count(*) from public.%I where %I = any(array(select jsonb_array_elements_text($1))::%s[])', c, cpk, v_type)
        into v_found using v_assign;
      if v_found < (select count(distinct value) from jsonb_array_elements(v_assign)) then
        perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.', '{}');
      end if;
      execute format('select coalesce(jsonb_agg(to_jsonb(%I)), ''[]'') from public.%I where %I = any(array(select jsonb_array_elements_text($1))::%s[]) and %I is distinct from ($2 ->> 0)::%s',
                     cpk, c, cpk, v_type, fk, (select data_type from strata.columns where collection = c and field = fk))
        into v_drop using v_assign, jsonb_build_array(p_parent);
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
--! Included strata/write/keys_by_query.sql
-- The keys of the items a Directus query selects ({query, data} updates, {query} deletes),
-- through the read compiler (so filters, search, sort, limit mean what they mean for reads).
create or replace function strata.keys_by_query(p_collection text, p_query jsonb, p_opts jsonb default '{}')
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_pk text := strata.primary_key(p_collection);
  v_query jsonb := coalesce(p_query, '{}') || jsonb_build_object('fields', jsonb_build_array(v_pk));
  v_body text;
  v_sql text;
  v_action text := current_setting('strata.field_action', true);
begin
  -- compiled with the request's read field permissions (a filter, search or sort on a field
  -- the caller can't read is Directus's 403, not an oracle telling which items it matched)
  perform set_config('strata.field_action', 'read', true);
  v_sql := strata.compile_read(p_collection, v_query, p_opts || '{"mode":"list"}');
  perform set_config('strata.field_action', coalesce(v_action, ''), true);
  execute v_sql into v_body using v_query;
  return (select coalesce(jsonb_agg(e -> v_pk), '[]') from jsonb_array_elements(v_body::jsonb -> 'data') e);
end;
$$;
--! EndIncluded strata/write/keys_by_query.sql
--! Included strata/write/items_create.sql
-- For SQL users and the gateway: creates an item (payload object -> its key) or items (array ->
-- keys), with all nested relational writes, atomically. Example:
--   select strata.items_create('articles', '{"title":"Hi","author":{"name":"Ann"},"tags":[{"tags_id":1}]}');
create or replace function strata.items_create(p_collection text, p_payload jsonb)
returns jsonb
language sql
volatile
security invoker
as $$
  select strata.create_items(p_collection, p_payload, 0)
$$;
--! EndIncluded strata/write/items_create.sql
--! Included strata/write/items_update.sql
-- Updates one item (p_keys a key -> the key) or several (p_keys an array -> the keys) with the
-- same payload, nested relational values included. Example:
--   select strata.items_update('articles', '1', '{"comments":{"create":[{"body":"hi"}]}}');
create or replace function strata.items_update(p_collection text, p_keys jsonb, p_payload jsonb)
returns jsonb
language sql
volatile
security invoker
as $$
  select case when jsonb_typeof(p_keys) = 'array' then strata.update_items(p_collection, p_keys, p_payload, 0)
              else strata.update_items(p_collection, jsonb_build_array(p_keys), p_payload, 0) -> 0 end
$$;
--! EndIncluded strata/write/items_update.sql
--! Included strata/write/items_update_batch.sql
-- Updates several items, each with its own payload including its key (PATCH /items/c [...]).
create or replace function strata.items_update_batch(p_collection text, p_items jsonb)
returns jsonb
language sql
volatile
security invoker
as $$
  select strata.update_batch(p_collection, p_items, 0)
$$;
--! EndIncluded strata/write/items_update_batch.sql
--! Included strata/write/items_delete.sql
-- Deletes one item (a key) or several (an array of keys). Returns what it was given.
create or replace function strata.items_delete(p_collection text, p_keys jsonb)
returns jsonb
language sql
volatile
security invoker
as $$
  select case when jsonb_typeof(p_keys) = 'array' then strata.delete_items(p_collection, p_keys, 0)
              else strata.delete_items(p_collection, jsonb_build_array(p_keys), 0) -> 0 end
$$;
--! EndIncluded strata/write/items_delete.sql
--! Included strata/write/write_request.sql
-- The gateway's one statement per write request: performs the write, then re-reads the written
-- items with the request's query in the same statement (p_read_sql: the compiled read the
-- gateway has cached for that query's shape; null = no re-read, e.g. DELETE). Returns the
-- response body, or null for 204.
--   p_action: create | update | patch_collection | delete | delete_query
--   p_args:   create {payload}; update {keys|key, data}; patch_collection {data: the body of
--             PATCH /items/c: an array of items, {keys, data}, {query, data}, or for a singleton
--             the item}; delete {keys|key}; delete_query {query}
--   p_opts:   max_batch_mutation, default_limit, read_mode ('one' | 'list'), path (for 404s)
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
  perform set_config('strata.max_batch_mutation', coalesce(p_opts ->> 'max_batch_mutation', ''), true);
  perform set_config('strata.mutations', '0', true);
  perform set_config('strata.write_path', '[]', true);
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
    return '{"data":' || v_body || '}';  -- null (204) when the item can't be read
  end if;
  execute v_read into v_body using coalesce(p_query, '{}') || jsonb_build_object('keys', (select coalesce(jsonb_agg(value #>> '{}'), '[]') from jsonb_array_elements(v_keys)));
  return v_body;
end;
$$;
--! EndIncluded strata/write/write_request.sql
--! Included strata/write/revert.sql
-- POST /utils/revert/:revision (and Directus 8's PATCH /items/c/:id/revert/:revision): updates
-- the revision's item with the revision's `data`, as a normal update (so it is itself audited,
-- and the caller's permissions apply: the revision must be readable to them (row-level
-- security on directus_revisions) and the item updatable). Masked values (hash and concealed
-- fields are "**********" in revisions) are left as they are.
create or replace function strata.revert(p_revision int)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  r record;
begin
  select collection, item, data::jsonb as data into r from public.directus_revisions where id = p_revision;
  if not found then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.', '{}');
  end if;
  if r.data is null then
    perform strata.invalid_payload('Revision does not contain data to revert to');
  end if;
  return strata.update_items(r.collection, jsonb_build_array(r.item),
    (select coalesce(jsonb_object_agg(e.key, e.value), '{}') from jsonb_each(r.data) e
     where e.value is distinct from '"**********"'::jsonb and e.key <> strata.primary_key(r.collection)), 0) -> 0;
end;
$$;
--! EndIncluded strata/write/revert.sql
--! Included strata/events/notify_schema_change.sql
-- Tells every gateway that the schema changed (channel strata_schema), so it drops the SQL it
-- compiled against the old schema: DDL by anyone (a DBA in psql included) through the event
-- triggers, and changes to the field/relation/collection meta rows through table triggers.
-- The payload is only a hint (the command tag or table); listeners drop everything.
create or replace function strata.notify_schema_change()
returns event_trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  perform pg_notify('strata_schema', coalesce(tg_tag, tg_event));
end;
$$;
--! EndIncluded strata/events/notify_schema_change.sql
--! Included strata/events/notify_meta_change.sql
-- Statement-level trigger on directus_collections/fields/relations: the meta rows change what
-- fields mean to the read compiler (special flags, relations), so compiled SQL is stale.
create or replace function strata.notify_meta_change()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  perform pg_notify('strata_schema', tg_table_name);
  return null;
end;
$$;
--! EndIncluded strata/events/notify_meta_change.sql
--! Included strata/events/schema_triggers.sql
-- Installs the schema-change notifications (see notify_schema_change / notify_meta_change).
-- Event triggers have no CREATE OR REPLACE: dropped and recreated so this file is idempotent.
drop event trigger if exists strata_schema_ddl;
create event trigger strata_schema_ddl on ddl_command_end execute function strata.notify_schema_change();
drop event trigger if exists strata_schema_drop;
create event trigger strata_schema_drop on sql_drop execute function strata.notify_schema_change();

drop trigger if exists strata_schema_meta on public.directus_collections;
create trigger strata_schema_meta after insert or update or delete or truncate on public.directus_collections
  for each statement execute function strata.notify_meta_change();
drop trigger if exists strata_schema_meta on public.directus_fields;
create trigger strata_schema_meta after insert or update or delete or truncate on public.directus_fields
  for each statement execute function strata.notify_meta_change();
drop trigger if exists strata_schema_meta on public.directus_relations;
create trigger strata_schema_meta after insert or update or delete or truncate on public.directus_relations
  for each statement execute function strata.notify_meta_change();
--! EndIncluded strata/events/schema_triggers.sql
--! Included strata/auth/audit_user_change.sql
-- Records a change the auth flows make to a user (suspension, password reset, accepted invite,
-- verified registration) as Directus records a users-service update: an `update` activity by
-- p_actor (null: anonymous) and a revision with the user's row (secrets left out) and the delta.
create or replace function strata.audit_user_change(
  p_actor uuid, p_user uuid, p_delta jsonb, p_ip text, p_user_agent text, p_origin text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_activity integer;
begin
  insert into public.directus_activity (action, "user", ip, user_agent, origin, collection, item)
    values ('update', p_actor, p_ip, p_user_agent, p_origin, 'directus_users', p_user::text)
    returning id into v_activity;
  insert into public.directus_revisions (activity, collection, item, data, delta)
    select v_activity, 'directus_users', p_user::text,
           (to_jsonb(u) - 'password' - 'tfa_secret' - 'token' - 'auth_data')::json, p_delta::json
    from public.directus_users u where u.id = p_user;
end;
$$;
--! EndIncluded strata/auth/audit_user_change.sql
--! Included strata/auth/login_failed.sql
-- A failed login of an active user (wrong password or one-time password): one more consecutive
-- failure. With directus_settings.auth_login_attempts = N, the attempt after N consecutive
-- failures suspends the user instead (see strata.login_suspend), as in Directus.
create or replace function strata.login_failed(p_user uuid)
returns void
language sql
volatile
security definer
set search_path = pg_catalog, public
as $$
  insert into strata.login_attempts ("user", failures) values (p_user, 1)
  on conflict ("user") do update set failures = strata.login_attempts.failures + 1, last_failure = now()
$$;
--! EndIncluded strata/auth/login_failed.sql
--! Included strata/auth/login_suspend.sql
-- A login attempt by a user who already failed directus_settings.auth_login_attempts times in a
-- row: the user is suspended (which ends their sessions), the counter starts again (so an
-- admin who re-activates the user gives them a fresh allowance), and the change is recorded as
-- Directus records it: an `update` activity by the user, with a revision whose delta is the status.
create or replace function strata.login_suspend(p_user uuid, p_ip text, p_user_agent text, p_origin text)
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  delete from strata.login_attempts where "user" = p_user;
  update public.directus_users set status = 'suspended' where id = p_user and status = 'active';
  if found then
    perform strata.audit_user_change(p_user, p_user, '{"status":"suspended"}', p_ip, p_user_agent, p_origin);
  end if;
end;
$$;
--! EndIncluded strata/auth/login_suspend.sql
--! Included strata/auth/on_user_change.sql
-- Sessions end when an account changes under them, whichever way the change is made (API or
-- plain SQL): a status other than active ends them all; a new password or email ends all but
-- the session named in the transaction-local setting strata.keep_session (when the caller sets
-- one), as Directus's users service spares the session the change was made from.
create or replace function strata.on_user_change()
returns trigger
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  if new.status is distinct from 'active' then
    delete from public.directus_sessions where "user" = new.id;
  elsif new.password is distinct from old.password or new.email is distinct from old.email then
    delete from public.directus_sessions
    where "user" = new.id and token is distinct from nullif(current_setting('strata.keep_session', true), '');
  end if;
  return null;
end;
$$;
--! EndIncluded strata/auth/on_user_change.sql
--! Included strata/auth/password_reset.sql
-- Sets a new password from a password-reset token, once: the update only happens while the
-- stored hash is still the one the token was issued for (compare-and-set), so a token is spent
-- by its first use even when two requests race. Returns whether the password was changed.
create or replace function strata.password_reset(
  p_user uuid, p_old_hash text, p_new_hash text, p_ip text, p_user_agent text, p_origin text)
returns boolean
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  update public.directus_users set password = p_new_hash, status = 'active'
    where id = p_user and status = 'active' and password is not distinct from p_old_hash;
  if not found then
    return false;
  end if;
  perform strata.audit_user_change(null, p_user, '{"password":"**********","status":"active"}', p_ip, p_user_agent, p_origin);
  return true;
end;
$$;
--! EndIncluded strata/auth/password_reset.sql
--! Included strata/auth/invite_user.sql
-- POST /users/invite for one email: creates the user as `invited` with the role, or moves a
-- still-invited user to the new role. Returns whether an invitation mail is due (new or still
-- invited users); users who accepted already are left alone and get no mail.
create or replace function strata.invite_user(
  p_email text, p_role uuid, p_actor uuid, p_ip text, p_user_agent text, p_origin text)
returns boolean
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_id uuid;
  v_status text;
  v_role uuid;
begin
  select id, status, role into v_id, v_status, v_role from public.directus_users where lower(email) = lower(p_email);
  if v_id is null then
    v_id := gen_random_uuid();
    insert into public.directus_users (id, email, role, status) values (v_id, p_email, p_role, 'invited');
    insert into public.directus_activity (action, "user", ip, user_agent, origin, collection, item)
      values ('create', p_actor, p_ip, p_user_agent, p_origin, 'directus_users', v_id::text);
    return true;
  end if;
  if v_status <> 'invited' then
    return false;
  end if;
  if v_role is distinct from p_role then
    update public.directus_users set role = p_role where id = v_id;
    perform strata.audit_user_change(p_actor, v_id, jsonb_build_object('role', p_role), p_ip, p_user_agent, p_origin);
  end if;
  return true;
end;
$$;
--! EndIncluded strata/auth/invite_user.sql
--! Included strata/auth/invite_accept.sql
-- POST /users/invite/accept: an invited user sets a password and becomes active. Only while
-- the user is still `invited`, so an invitation token works once. Returns the user, or null.
create or replace function strata.invite_accept(
  p_email text, p_new_hash text, p_ip text, p_user_agent text, p_origin text)
returns uuid
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_id uuid;
begin
  update public.directus_users set password = p_new_hash, status = 'active'
    where lower(email) = lower(p_email) and status = 'invited'
    returning id into v_id;
  if v_id is not null then
    perform strata.audit_user_change(null, v_id, '{"password":"**********","status":"active"}', p_ip, p_user_agent, p_origin);
  end if;
  return v_id;
end;
$$;
--! EndIncluded strata/auth/invite_accept.sql
--! Included strata/auth/register_user.sql
-- POST /users/register: a new user with the public-registration role, `unverified` until the
-- emailed link is followed (or `active` at once without email verification). An existing
-- email is not revealed: an unverified user gets the verification mail again, anyone else
-- nothing. Returns whether a verification mail is due.
create or replace function strata.register_user(
  p_email text, p_password_hash text, p_first_name text, p_last_name text, p_ip text, p_user_agent text, p_origin text)
returns boolean
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_settings record;
  v_status text;
  v_id uuid := gen_random_uuid();
begin
  select public_registration, public_registration_verify_email, public_registration_role
    into v_settings from public.directus_settings order by id limit 1;
  if not coalesce(v_settings.public_registration, false) then
    perform strata.raise('FORBIDDEN', 'You don''t have permission to access this.', '{}');
  end if;
  select status into v_status from public.directus_users where lower(email) = lower(p_email);
  if v_status is not null then
    return v_status = 'unverified' and v_settings.public_registration_verify_email;
  end if;
  insert into public.directus_users (id, email, password, role, status, first_name, last_name)
    values (v_id, p_email, p_password_hash, v_settings.public_registration_role,
            case when v_settings.public_registration_verify_email then 'unverified' else 'active' end,
            p_first_name, p_last_name);
  insert into public.directus_activity (action, "user", ip, user_agent, origin, collection, item)
    values ('create', null, p_ip, p_user_agent, p_origin, 'directus_users', v_id::text);
  return v_settings.public_registration_verify_email;
end;
$$;
--! EndIncluded strata/auth/register_user.sql
--! Included strata/auth/register_verify.sql
-- GET /users/register/verify-email: an unverified user becomes active. Returns the user, or
-- null when there is no unverified user with that email (the link was used already).
create or replace function strata.register_verify(p_email text, p_ip text, p_user_agent text, p_origin text)
returns uuid
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
declare
  v_id uuid;
begin
  update public.directus_users set status = 'active'
    where lower(email) = lower(p_email) and status = 'unverified'
    returning id into v_id;
  if v_id is not null then
    perform strata.audit_user_change(null, v_id, '{"status":"active"}', p_ip, p_user_agent, p_origin);
  end if;
  return v_id;
end;
$$;
--! EndIncluded strata/auth/register_verify.sql
--! Included strata/auth/install.sql
-- Wires the auth triggers (account changes end sessions: strata.on_user_change) and keeps the
-- login-failure counters out of reach of request roles (strata.protect_all grants them every
-- other table of schema strata, so this runs after it).
revoke all on strata.login_attempts from strata_request;
create or replace trigger strata_user_sessions
  after update of status, password, email on public.directus_users
  for each row
  when (old.status is distinct from new.status or old.password is distinct from new.password or old.email is distinct from new.email)
  execute function strata.on_user_change();
--! EndIncluded strata/auth/install.sql
--! Included strata/system/legacy_role_policy.sql
-- Directus 9/10 attached permissions and access flags to roles. Strata maps them as Directus's
-- own 11.0 migration did: a role's flags and role-level permissions live on a policy whose id
-- is the role's id, linked to that role; role null (the v9/10 public role) is the public
-- policy. Returns the policy for p_role, creating the policy and its link when missing.
-- Security invoker: creating them needs the caller's permissions (row-level security).
create or replace function strata.legacy_role_policy(p_role uuid)
returns uuid
language plpgsql
volatile
security invoker
as $$
declare
  v_name text;
begin
  if p_role is null then
    return 'abf8a154-5b1c-4a46-ac9c-7300570f4f17'::uuid;
  end if;
  if not exists (select from public.directus_policies where id = p_role) then
    select name into v_name from public.directus_roles where id = p_role;
    if v_name is null then
      perform strata.raise('INVALID_FOREIGN_KEY', format('Invalid foreign key "%s" for field "role" in collection "directus_permissions".', p_role),
        jsonb_build_object('collection', 'directus_permissions', 'field', 'role', 'value', p_role));
    end if;
    insert into public.directus_policies (id, name, icon, description)
    values (p_role, v_name, 'badge', null);
  end if;
  if not exists (select from public.directus_access where role = p_role and policy = p_role) then
    insert into public.directus_access (id, role, "user", policy, sort)
    values (gen_random_uuid(), p_role, null, p_role,
            (select coalesce(max(sort), 0) + 1 from public.directus_access where role = p_role));
  end if;
  return p_role;
end;
$$;
--! EndIncluded strata/system/legacy_role_policy.sql
--! Included strata/system/legacy_role_flags.sql
-- The Directus 9/10 role flags (admin_access, app_access, enforce_tfa, ip_access) in a role
-- payload: written onto the role's own policy (strata.legacy_role_policy) and removed from
-- the payload. For an existing role the policy is updated now; for a new one (p_exists
-- false) the policy is created first and linked through the payload's `policies` alias, so
-- the link is written with the role. Returns the payload to write.
create or replace function strata.legacy_role_flags(p_item jsonb, p_key uuid, p_exists boolean)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_flags jsonb := '{}';
  v_item jsonb := p_item;
  v_ip text;
  v_link jsonb;
begin
  select coalesce(jsonb_object_agg(key, value), '{}') into v_flags
  from jsonb_each(p_item) where key in ('admin_access', 'app_access', 'enforce_tfa', 'ip_access');
  if v_flags = '{}' then return p_item; end if;
  v_item := v_item - 'admin_access' - 'app_access' - 'enforce_tfa' - 'ip_access';
  if v_flags ? 'ip_access' then
    v_ip := case jsonb_typeof(v_flags -> 'ip_access')
      when 'array' then (select nullif(string_agg(e, ','), '') from jsonb_array_elements_text(v_flags -> 'ip_access') e)
      when 'null' then null
      else v_flags ->> 'ip_access' end;
  end if;
  if p_key is null then
    p_key := gen_random_uuid();
    v_item := v_item || jsonb_build_object('id', p_key);
  end if;

  if p_exists then
    perform strata.legacy_role_policy(p_key);
  else
    insert into public.directus_policies (id, name, icon)
    values (p_key, coalesce(p_item ->> 'name', p_key::text), 'badge')
    on conflict (id) do nothing;
  end if;
  update public.directus_policies set
    admin_access = case when v_flags ? 'admin_access' then coalesce((v_flags ->> 'admin_access')::boolean, false) else admin_access end,
    app_access = case when v_flags ? 'app_access' then coalesce((v_flags ->> 'app_access')::boolean, false) else app_access end,
    enforce_tfa = case when v_flags ? 'enforce_tfa' then coalesce((v_flags ->> 'enforce_tfa')::boolean, false) else enforce_tfa end,
    ip_access = case when v_flags ? 'ip_access' then v_ip else ip_access end
  where id = p_key;

  if not p_exists then
    v_link := jsonb_build_object('policy', p_key);
    v_item := v_item || jsonb_build_object('policies', case jsonb_typeof(p_item -> 'policies')
      when 'array' then (p_item -> 'policies') || jsonb_build_array(v_link)
      when 'object' then jsonb_set(p_item -> 'policies', '{create}', coalesce(p_item #> '{policies,create}', '[]') || jsonb_build_array(v_link))
      else jsonb_build_array(v_link) end);
  end if;
  return v_item;
end;
$$;
--! EndIncluded strata/system/legacy_role_flags.sql
--! Included strata/system/check_remaining_admins.sql
-- After a write that can take admin rights away (users' role or status, role nesting, policy
-- admin_access, access links, deletions): at least one active user must remain an admin, or
-- the whole request is refused, as Directus refuses it (422 UNPROCESSABLE_CONTENT).
-- Security definer: the count covers users the caller may not see.
create or replace function strata.check_remaining_admins()
returns void
language plpgsql
volatile
security definer
set search_path = pg_catalog, public
as $$
begin
  if not exists (select from public.directus_users u
                 where u.status = 'active' and coalesce((strata.access_for_user(u.id) ->> 'admin')::boolean, false)) then
    perform strata.raise('UNPROCESSABLE_CONTENT', 'Can''t process content. Cannot remove the last admin user from the system.',
      jsonb_build_object('reason', 'Cannot remove the last admin user from the system'));
  end if;
end;
$$;
--! EndIncluded strata/system/check_remaining_admins.sql
--! Included strata/system/role_nesting.sql
-- A role's new parent must not be the role itself or one of its descendants (Directus's
-- INVALID_PAYLOAD reasons).
create or replace function strata.check_role_nesting(p_keys jsonb, p_parent text)
returns void
language plpgsql
stable
security definer
set search_path = pg_catalog, public
as $$
begin
  if p_parent is null then return; end if;
  if p_keys ? p_parent then
    perform strata.invalid_payload('A role cannot be a parent of itself');
  end if;
  if exists (
    with recursive up(id, depth) as (
      select r.parent, 0 from public.directus_roles r where r.id::text = p_parent
      union all
      select r.parent, u.depth + 1 from public.directus_roles r join up u on r.id = u.id where u.depth < 64
    )
    select from up where up.id is not null and p_keys ? up.id::text
  ) then
    perform strata.invalid_payload('A role cannot have a parent that is already a descendant of itself');
  end if;
end;
$$;
--! EndIncluded strata/system/role_nesting.sql
--! Included strata/system/role_delete_prepare.sql
-- Before roles are deleted, as Directus does with the caller's permissions: their access
-- links and presets go, their users are suspended and lose the role, their child roles lose
-- their parent.
create or replace function strata.role_delete_prepare(p_keys jsonb)
returns void
language sql
volatile
security invoker
as $$
  delete from public.directus_access where role::text in (select jsonb_array_elements_text(p_keys));
  delete from public.directus_presets where role::text in (select jsonb_array_elements_text(p_keys));
  update public.directus_users set status = 'suspended', role = null where role::text in (select jsonb_array_elements_text(p_keys));
  update public.directus_roles set parent = null where parent::text in (select jsonb_array_elements_text(p_keys));
$$;
--! EndIncluded strata/system/role_delete_prepare.sql
--! Included strata/system/user_delete_prepare.sql
-- Before users are deleted, as Directus does regardless of the caller's permissions: the
-- references without an ON DELETE action are cleared so the delete can go through.
create or replace function strata.user_delete_prepare(p_keys jsonb)
returns void
language sql
volatile
security definer
set search_path = pg_catalog, public
as $$
  update public.directus_comments set user_updated = null where user_updated::text in (select jsonb_array_elements_text(p_keys));
  update public.directus_notifications set sender = null where sender::text in (select jsonb_array_elements_text(p_keys));
  update public.directus_versions set user_updated = null where user_updated::text in (select jsonb_array_elements_text(p_keys));
$$;
--! EndIncluded strata/system/user_delete_prepare.sql
--! Included strata/system/check_user_payload.sql
-- Directus's rules for a user payload (create: p_keys null; update: the keys written):
-- a valid email, unique regardless of case; no tfa_secret through updates; provider and
-- external_identifier changed by admins only.
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
    if p_item ? 'tfa_secret' then
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
--! Included strata/system/check_policy_payload.sql
-- A policy's ip_access must list IP addresses, ranges (a-b) or CIDR blocks; no wildcards.
create or replace function strata.check_policy_payload(p_item jsonb)
returns void
language plpgsql
immutable
security invoker
as $$
declare
  v_entry text;
  v_ok boolean;
begin
  if not p_item ? 'ip_access' or jsonb_typeof(p_item -> 'ip_access') = 'null' then return; end if;
  for v_entry in
    select trim(e) from jsonb_array_elements_text(case jsonb_typeof(p_item -> 'ip_access')
      when 'array' then p_item -> 'ip_access'
      else to_jsonb(string_to_array(p_item ->> 'ip_access', ',')) end) e
    where trim(e) <> ''
  loop
    begin
      if v_entry like '%*%' then
        v_ok := false;
      elsif v_entry like '%-%' then
        perform split_part(v_entry, '-', 1)::inet, split_part(v_entry, '-', 2)::inet;
        v_ok := split_part(v_entry, '-', 3) = '';
      else
        perform v_entry::cidr;
        v_ok := true;
      end if;
    exception when others then
      v_ok := false;
    end;
    if not v_ok then
      perform strata.invalid_payload('IP Access contains an incorrect value. Valid values are: IP addresses, IP ranges and CIDR blocks');
    end if;
  end loop;
end;
$$;
--! EndIncluded strata/system/check_policy_payload.sql
--! Included strata/system/system_item.sql
-- What Directus's system services do to one payload item before the generic write:
--   directus_permissions: a v9/10 `role` (without `policy`) becomes the role's own policy
--   directus_roles: v9/10 flags move to the role's own policy; `parent` must not loop
--   directus_users: email, tfa_secret, provider rules (strata.check_user_payload)
--   directus_policies: ip_access must be valid
-- p_keys: the keys being updated (null for a create).
create or replace function strata.system_item(p_collection text, p_item jsonb, p_keys jsonb)
returns jsonb
language plpgsql
volatile
security invoker
as $$
declare
  v_item jsonb := p_item;
  v_key text;
begin
  if jsonb_typeof(p_item) <> 'object' then return p_item; end if;
  case p_collection
    when 'directus_permissions' then
      if v_item ? 'role' then
        if not v_item ? 'policy' then
          v_item := v_item || jsonb_build_object('policy', strata.legacy_role_policy((v_item ->> 'role')::uuid));
        end if;
        v_item := v_item - 'role';
      end if;
    when 'directus_roles' then
      if v_item ? 'parent' then
        perform strata.check_role_nesting(coalesce(p_keys, jsonb_build_array(v_item -> 'id')), v_item ->> 'parent');
      end if;
      if p_keys is null then
        v_item := strata.legacy_role_flags(v_item, (v_item ->> 'id')::uuid, false);
      elsif v_item ?| array['admin_access', 'app_access', 'enforce_tfa', 'ip_access'] then
        for v_key in select jsonb_array_elements_text(p_keys) loop
          v_item := strata.legacy_role_flags(p_item, v_key::uuid, true);
        end loop;
      end if;
    when 'directus_users' then
      v_item := strata.check_user_payload(v_item, p_keys);
    when 'directus_policies' then
      perform strata.check_policy_payload(v_item);
    else
  end case;
  return v_item;
end;
$$;
--! EndIncluded strata/system/system_item.sql
--! Included strata/system/system_write_request.sql
-- The gateway's one statement per write to a system collection (/users, /roles, /policies,
-- /access, /permissions, /settings): Directus's per-collection rules around the generic write
-- (strata.write_request, same arguments), all in one transaction:
--   before: each payload item through strata.system_item (v9/10 role permissions and role
--           flags, role nesting, user and policy checks); deleting roles or users first does
--           what Directus does to what refers to them; {query} deletes and updates are turned
--           into key lists so those steps know the keys; /settings is an upsert of its one row
--   after:  writes that can take admin rights away must leave an active admin
-- Permissions hold throughout: everything runs with the caller's rights (row-level security,
-- strata.check_write), except the few definer helpers that only read or clear references.
create or replace function strata.system_write_request(p_action text, p_collection text, p_args jsonb, p_read_sql text, p_query jsonb, p_opts jsonb)
returns text
language plpgsql
volatile
security invoker
as $$
declare
  v_args jsonb := p_args;
  v_action text := p_action;
  v_data jsonb := p_args -> 'data';
  v_keys jsonb;
  v_pk text := strata.primary_key(p_collection);
  v_existing jsonb;
  v_result text;
begin
  if p_collection = 'directus_settings' and v_action = 'patch_collection' then
    -- the settings singleton: update its row, or create it
    if jsonb_typeof(v_data) <> 'object' then perform strata.invalid_payload('"value" must be of type object'); end if;
    select to_jsonb(s.id) into v_existing from public.directus_settings s order by s.id limit 1;
    if v_existing is null then
      v_action := 'create';
      v_args := jsonb_build_object('payload', v_data);
    else
      v_action := 'update';
      v_args := jsonb_build_object('keys', jsonb_build_array(v_existing), 'data', v_data);
    end if;
    return strata.write_request(v_action, p_collection, v_args, p_read_sql, p_query, p_opts);
  end if;

  case v_action
    when 'create' then
      v_args := jsonb_build_object('payload', case jsonb_typeof(p_args -> 'payload')
        when 'array' then (select coalesce(jsonb_agg(strata.system_item(p_collection, e, null) order by n), '[]')
                           from jsonb_array_elements(p_args -> 'payload') with ordinality x(e, n))
        else strata.system_item(p_collection, p_args -> 'payload', null) end);
    when 'update' then
      v_keys := coalesce(p_args -> 'keys', jsonb_build_array(p_args -> 'key'));
      v_args := v_args || jsonb_build_object('data', strata.system_item(p_collection, v_data, v_keys));
    when 'patch_collection' then
      if jsonb_typeof(v_data) = 'array' then
        v_args := jsonb_build_object('data', (select coalesce(jsonb_agg(
            case when jsonb_typeof(e) = 'object' and e ? v_pk
                 then strata.system_item(p_collection, e - v_pk, jsonb_build_array(e -> v_pk)) || jsonb_build_object(v_pk, e -> v_pk)
                 else e end order by n), '[]')
          from jsonb_array_elements(v_data) with ordinality x(e, n)));
      elsif jsonb_typeof(v_data) = 'object' and v_data ? 'data' and (v_data ? 'keys' or v_data ? 'query') and not (v_data ? 'keys' and v_data ? 'query') then
        v_keys := case when v_data ? 'keys' then v_data -> 'keys' else strata.keys_by_query(p_collection, v_data -> 'query', p_opts) end;
        v_args := jsonb_build_object('data', jsonb_build_object('keys', v_keys, 'data', strata.system_item(p_collection, v_data -> 'data', v_keys)));
      end if;
    when 'delete', 'delete_query' then
      v_keys := case when v_action = 'delete_query' then strata.keys_by_query(p_collection, p_args -> 'query', p_opts)
                     else coalesce(p_args -> 'keys', jsonb_build_array(p_args -> 'key')) end;
      v_action := 'delete';
      v_args := jsonb_build_object('keys', v_keys);
      if p_collection = 'directus_roles' then perform strata.role_delete_prepare(v_keys); end if;
      if p_collection = 'directus_users' then perform strata.user_delete_prepare(v_keys); end if;
      if not p_args ? 'keys' and p_action = 'delete' then v_args := jsonb_build_object('key', p_args -> 'key'); end if;
    else
  end case;

  v_result := strata.write_request(v_action, p_collection, v_args, p_read_sql, p_query, p_opts);

  if v_action <> 'create' and p_collection in ('directus_users', 'directus_roles', 'directus_policies', 'directus_access') then
    perform strata.check_remaining_admins();
  end if;
  return v_result;
end;
$$;
--! EndIncluded strata/system/system_write_request.sql
--! Included strata/system/item_permissions.sql
-- GET /permissions/me/:collection/:pk?: whether the request may update, delete and share an
-- item (or, without a key, the collection), as {"update":{"access":bool},...}. An item counts
-- when one of the request's permission rows for that action has a filter the item satisfies.
-- For a singleton with update access, the permitted fields and presets are added (Directus
-- checks "create" instead of "update" while the singleton's row does not exist).
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
-- keep access/install.sql last: it protects every table and grants on everything above
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
--! EndIncluded strata/access/install.sql
--! EndIncluded strata/index.sql
