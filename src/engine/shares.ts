// What shares keep in the database (directus_shares, their sessions in directus_sessions): the
// statements of POST /shares/auth, GET /shares/info/:id and POST /shares/invite, one strata.*
// function each where the rules are Directus's rather than the caller's (sql/fixtures/strata/shares/).
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';
import type { Client } from './auth-store.js';

/** The argon2 hash a share is protected with; null when it has none or does not exist. */
export const sharePassword = async (db: Db, share: string): Promise<string | null> =>
  (await db.queryAsOwner<{ password: string | null }>('select strata.share_password($1::uuid) as password', [share]))[0]?.password ?? null;

/**
 * Counts a use of a share and opens its session (refresh token `token`), if the share has
 * started, not ended and has uses left: false otherwise (or when there is no such share).
 */
export const shareLogin = async (db: Db, share: string, token: string, ttlMs: number, client: Client): Promise<boolean> =>
  !!(await db.queryAsOwner<{ ok: boolean }>('select strata.share_login($1::uuid, $2, $3, $4, $5, $6) as ok',
    [share, token, ttlMs, ...client]))[0]?.ok;

/** A share's public facts (GET /shares/info/:id) as JSON text; null when there is no such share. */
export const shareInfo = async (db: Db, share: string): Promise<string | null> =>
  (await db.queryAsOwner<{ info: string | null }>('select strata.share_info($1::uuid)::text as info', [share]))[0]?.info ?? null;

/** The share as the caller may read it (row-level security): its id, or null when it can't. */
export const readableShare = async (db: Db, accountability: Accountability, share: string): Promise<string | null> =>
  db.request(accountability, 'select id::text from public.directus_shares where id = $1::uuid', [share]);
