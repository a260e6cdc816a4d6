// The core's system questions that are not item reads: the settings a front end needs
// (password policy, project name, registration), the server's public project info and health,
// what the caller may do (permissions/me, policies/me/globals), reverting a revision, and the
// first admin user. Settings are read as the owner (they decide what a request may do, before
// any request context exists); the caller's questions run in their request context.
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';

// settings (directus_settings has one row; the lowest id wins, as Directus reads it)

/** directus_settings.auth_password_policy (a regular expression as Directus stores it), or null. */
export const passwordPolicy = async (db: Db): Promise<string | null> =>
  (await db.queryAsOwner<{ policy: string | null }>('select auth_password_policy as policy from directus_settings order by id limit 1'))[0]?.policy ?? null;

/** directus_settings.project_name (undefined when there is no settings row). */
export const projectName = async (db: Db): Promise<string | null | undefined> =>
  (await db.queryAsOwner<{ project_name: string | null }>('select project_name from directus_settings order by id limit 1'))[0]?.project_name;

/** What public registration checks: the email filter (JSON text) and the password policy. */
export const registrationSettings = async (db: Db): Promise<{ filter: string | null; policy: string | null } | undefined> =>
  (await db.queryAsOwner<{ filter: string | null; policy: string | null }>(
    'select public_registration_email_filter::text as filter, auth_password_policy as policy from directus_settings order by id limit 1'))[0];

// server

/** The public project settings /server/info shows, as JSON text. */
export const projectInfo = async (db: Db): Promise<string> =>
  (await db.queryAsOwner<{ project: string }>('select strata.project_info()::text as project'))[0].project;

/** One round trip to the database (it throws when the database can't be reached). */
export const ping = async (db: Db): Promise<void> => {
  await db.queryAsOwner('select 1');
};

// what the caller may do (JSON text of the `data` value)

export const permissionsMe = (db: Db, acc: Accountability): Promise<string | null> =>
  db.request(acc, 'select strata.permissions_me()::text', []);
/** whether the caller may update, delete and share an item (pk) or the collection (pk null) */
export const itemPermissions = (db: Db, acc: Accountability, collection: string, pk: string | null): Promise<string | null> =>
  db.request(acc, 'select strata.item_permissions($1, $2)::text', [collection, pk]);
export const policiesMeGlobals = (db: Db, acc: Accountability): Promise<string | null> =>
  db.request(acc, 'select strata.policies_me_globals()::text', []);

// revisions

/** Reverts the item of a revision with the caller's permissions (the revision must be readable to them). */
export const revert = (db: Db, acc: Accountability, revision: number): Promise<string | null> =>
  db.request(acc, 'select strata.revert($1)::text', [revision]);

/** Whether the revision belongs to that item (Directus 8's item revert route). */
export const isRevisionOf = async (db: Db, revision: number, collection: string, item: string): Promise<boolean> =>
  (await db.queryAsOwner<{ ok: boolean }>('select exists (select from directus_revisions where id = $1 and collection = $2 and item = $3) as ok',
    [revision, collection, item]))[0].ok;

// installation

/** Creates the first admin user unless there is one: its id, or null when nothing was created. */
export const bootstrapAdmin = async (db: Db, email: string, passwordHash: string, token: string | null): Promise<string | null> =>
  (await db.queryAsOwner<{ id: string | null }>('select strata.bootstrap_admin($1, $2, $3) as id', [email, passwordHash, token]))[0].id;
