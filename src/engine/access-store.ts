// What the database says about who may do what: the statements authentication runs to resolve a
// token into an Access (strata.access_* in sql/fixtures/strata/access/). They run as the owner
// (no request is authenticated yet, so there is no accountability to apply RLS with); the
// policies they return are what the request's statements then run under.
import type { Db } from '../db/client.js';
import type { Access } from '../types.js';

async function access(db: Db, sql: string, params: unknown[]): Promise<Access | null> {
  const rows = await db.queryAsOwner<{ access: string | null }>(sql, params);
  return rows[0]?.access ? (JSON.parse(rows[0].access) as Access) : null;
}

/** The public policies in force for a client at `ip` (anonymous requests). */
export function accessPublic(db: Db, ip: string): Promise<Access | null> {
  return access(db, 'select strata.access_public($1)::text as access', [ip]);
}

/** An active user's access from `ip`; null when the user is gone or no longer active. */
export function accessForUser(db: Db, userId: string, ip: string): Promise<Access | null> {
  return access(db, 'select strata.access_for_user($1::uuid, $2)::text as access', [userId, ip]);
}

/** The access of the active user holding static token `token` (directus_users.token); null if none. */
export function accessForToken(db: Db, token: string, ip: string): Promise<Access | null> {
  return access(db, 'select strata.access_for_token($1, $2)::text as access', [token, ip]);
}

/** Whether a session (directus_sessions.token) exists and has not expired: a session JWT lives only as long. */
export async function sessionIsLive(db: Db, session: string): Promise<boolean> {
  const rows = await db.queryAsOwner('select 1 from directus_sessions where token = $1 and expires >= now()', [session]);
  return rows.length > 0;
}

/** A share token's access (strata.access_for_share: the share's policies and scope); null when the share is gone. */
export function accessForShare(db: Db, share: string, ip: string): Promise<Access | null> {
  return access(db, 'select strata.access_for_share($1::uuid, $2)::text as access', [share, ip]);
}

/** A role's access (its role tree's policies, no user): a flow operation that runs as a role. Null: no such role. */
export function accessForRole(db: Db, role: string): Promise<Access | null> {
  return access(db, 'select strata.access_for_role($1::uuid)::text as access', [role]);
}
