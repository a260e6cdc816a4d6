// What authentication and the account flows keep in the database: users' credentials, sessions
// (directus_sessions), login attempts, password resets, invitations and registrations. Each
// change is one strata.* SQL function (sessions, activity and the login counter change together
// in one call); they run as the owner because they happen before (or instead of) a request
// context: the caller is not signed in yet, or the rules are Directus's, not the caller's.
import type { Db } from '../db/client.js';

/** Who is asking, as the activity log records it: IP, user agent (cut at 1 KiB), origin. */
export type Client = readonly [ip: string, userAgent: string | null, origin: string | null];

// login, refresh, logout

export type LoginCandidate = {
  id: string;
  password: string | null;
  status: string;
  provider: string;
  tfa_secret: string | null;
  /** consecutive failed logins */
  failures: number;
  /** directus_settings.auth_login_attempts */
  allowed: number | null;
};

/** The user an email signs in as (case-insensitive), with their failed attempts and the settings' limit. */
export const loginCandidate = async (db: Db, email: string): Promise<LoginCandidate | undefined> =>
  (await db.queryAsOwner<LoginCandidate>(
    `select u.id, u.password, u.status, u.provider, u.tfa_secret, coalesce(a.failures, 0) as failures,
            (select auth_login_attempts from directus_settings order by id limit 1) as allowed
     from directus_users u left join strata.login_attempts a on a."user" = u.id
     where lower(u.email) = lower($1)`,
    [email],
  ))[0];

/** Suspends a user who used up their login attempts (recorded in the activity log). */
export const suspendLogin = async (db: Db, user: string, client: Client): Promise<void> => {
  await db.queryAsOwner('select strata.login_suspend($1, $2, $3, $4)', [user, ...client]);
};

/** Counts a failed login. */
export const loginFailed = async (db: Db, user: string): Promise<void> => {
  await db.queryAsOwner('select strata.login_failed($1)', [user]);
};

/** Opens a session (refresh token) for a user: resets the failures, records the login. */
export const login = async (db: Db, user: string, refreshToken: string, ttlMs: number, client: Client): Promise<void> => {
  await db.queryAsOwner('select strata.session_login($1, $2, $3, $4, $5, $6)', [user, refreshToken, ttlMs, ...client]);
};

/** What a refresh answers: the session's user and new token, or the status that refused it. */
export type RefreshResult = { user?: string; share?: string; token?: string; status: string | null };

/**
 * Rotates a session's refresh token into `newToken`; session mode (`session`) lets the old
 * one refresh into the same new session for `graceMs`. Null when the token is unknown.
 */
export const refresh = async (db: Db, token: string, newToken: string, ttlMs: number, session: boolean, graceMs: number,
  client: Client): Promise<RefreshResult | null> => {
  const [row] = await db.queryAsOwner<{ result: string | null }>('select strata.session_refresh($1, $2, $3, $4, $5, $6, $7, $8)::text as result', [
    token, newToken, ttlMs, session, graceMs, ...client,
  ]);
  return row?.result ? (JSON.parse(row.result) as RefreshResult) : null;
};

/** Ends the session of a refresh token (recorded in the activity log). */
export const logout = async (db: Db, token: string, client: Client): Promise<void> => {
  await db.queryAsOwner('select strata.session_logout($1, $2, $3, $4)', [token, ...client]);
};

// users' own credentials

/** The user a password reset is requested for (case-insensitive email). */
export const resetCandidate = async (db: Db, email: string) =>
  (await db.queryAsOwner<{ email: string; password: string | null; status: string; provider: string }>(
    'select email, password, status, provider from directus_users where lower(email) = lower($1)', [email]))[0];

/** The user a reset token names, with the password policy the new password must meet. */
export const resetTarget = async (db: Db, email: string) =>
  (await db.queryAsOwner<{ id: string; password: string | null; status: string; policy: string | null }>(
    `select id, password, status, (select auth_password_policy from directus_settings order by id limit 1) as policy
       from directus_users where lower(email) = lower($1)`, [email]))[0];

/** Sets a new password hash if the current one is still `oldHash` (a reset token works once); false when it lost that race. */
export const resetPassword = async (db: Db, user: string, oldHash: string | null, newHash: string, client: Client): Promise<boolean> =>
  !!(await db.queryAsOwner<{ ok: boolean }>('select strata.password_reset($1, $2, $3, $4, $5, $6) as ok',
    [user, oldHash, newHash, ...client]))[0]?.ok;

/** A user's credentials and two-factor state (PATCH /users/me, two-factor setup). */
export const credentials = async (db: Db, user: string) =>
  (await db.queryAsOwner<{ email: string | null; password: string | null; provider: string; tfa_secret: string | null; external_identifier: string | null }>(
    'select email, password, provider, tfa_secret, external_identifier from directus_users where id = $1', [user]))[0];

// invitations and registration

/** Invites an email into a role: true when an invitation mail is due. */
export const invite = async (db: Db, email: string, role: string, invitedBy: string | null, client: Client): Promise<boolean> =>
  !!(await db.queryAsOwner<{ mail: boolean }>('select strata.invite_user($1, $2, $3, $4, $5, $6) as mail',
    [email, role, invitedBy, ...client]))[0]?.mail;

/** Activates an invited user with a password: their id, or null when the invitation is no longer valid. */
export const acceptInvite = async (db: Db, email: string, passwordHash: string, client: Client): Promise<string | null> =>
  (await db.queryAsOwner<{ id: string | null }>('select strata.invite_accept($1, $2, $3, $4, $5) as id',
    [email, passwordHash, ...client]))[0]?.id ?? null;

/** Registers a user (unverified): true when a verification mail is due (an existing email is not revealed). */
export const register = async (db: Db, email: string, passwordHash: string, firstName: string | null, lastName: string | null,
  client: Client): Promise<boolean> =>
  !!(await db.queryAsOwner<{ mail: boolean }>('select strata.register_user($1, $2, $3, $4, $5, $6, $7) as mail',
    [email, passwordHash, firstName, lastName, ...client]))[0]?.mail;

/** Verifies a registered email: the user's id, or null when there is nothing to verify. */
export const verifyRegistration = async (db: Db, email: string, client: Client): Promise<string | null> =>
  (await db.queryAsOwner<{ id: string | null }>('select strata.register_verify($1, $2, $3, $4) as id', [email, ...client]))[0]?.id ?? null;
