// Shares (Directus's directus_shares): a link to one item that anyone holding it (and its
// password, if it has one) can sign in with (POST /shares/auth), for any front end. A share
// token carries `share` instead of a user (as Directus signs it); its access is the share's
// policies and scope (strata.access_for_share), and PostgreSQL binds every statement it runs
// to the shared item and what is linked to it (strata.share_visible, restrictive row-level
// security): reads of anything else are empty, writes are refused.
import type { Db } from '../db/client.js';
import type { Config } from '../config.js';
import type { Accountability } from '../types.js';
import { forbidden, invalidCredentials, invalidPayload } from '../errors.js';
import { isPlainObject } from '../request/body.js';
import * as shareStore from '../engine/shares.js';
import type { Client } from '../engine/auth-store.js';
import type { Mailer } from '../mail/mailer.js';
import { dummyHash, verifyPassword } from './password.js';
import { newToken } from './login.js';
import { stall } from './stall.js';
import type { Jwt } from './jwt.js';
import { tokensFor, type IssuedTokens, type JwtEvent, type TokenConfig } from './tokens.js';
import { isEmail, modeOf, type Mode } from './validate.js';
import { publicPath } from './urls.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** most addresses one invitation mails (Directus has no bound; one request must not mail the world) */
const MAX_INVITES = 100;

export interface ShareAuthPayload {
  share: string;
  password: string | undefined;
  mode: Mode;
}

/** POST /shares/auth's payload, with Directus's messages; other keys are ignored, as by Directus. */
export function shareAuthPayload(body: unknown): ShareAuthPayload {
  if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
  if (body.share === undefined) throw invalidPayload('"share" is required');
  if (typeof body.share !== 'string') throw invalidPayload('"share" must be a string');
  if (body.password !== undefined && body.password !== null && typeof body.password !== 'string') throw invalidPayload('"password" must be a string');
  const mode = modeOf(body.mode);
  return { share: body.share, password: typeof body.password === 'string' ? body.password : undefined, mode };
}

/** The claims of a share's tokens, as Directus 12 signs them (no user id). */
const shareClaims = (share: string) => ({ app_access: false, admin_access: false, role: null, share });

/**
 * Signs in with a share: its password (argon2, as users'), its dates and uses are checked, the
 * use is counted and a session opened; every refusal is INVALID_CREDENTIALS (Directus's), and
 * every answer takes at least `stallMs` (no telling apart unknown shares from wrong passwords).
 */
export async function shareAuth(db: Db, jwt: Jwt, config: TokenConfig & Pick<Config, 'loginStallTimeMs'>, payload: ShareAuthPayload,
  client: Client): Promise<IssuedTokens> {
  const started = Date.now();
  try {
    // a share id that is not a uuid never reaches the database (Directus answers 500)
    if (!UUID.test(payload.share)) throw invalidCredentials();
    const hash = await shareStore.sharePassword(db, payload.share);
    // the same argon2 work whether or not the share has a password
    const passwordOk = await verifyPassword(hash ?? (await dummyHash()), payload.password ?? '');
    if (hash && !passwordOk) throw invalidCredentials();
    const refreshToken = newToken();
    if (!(await shareStore.shareLogin(db, payload.share, refreshToken, config.refreshTokenTtlMs, client))) throw invalidCredentials();
    return await tokensFor(jwt, config, shareClaims(payload.share), refreshToken, payload.mode);
  } finally {
    await stall(started, config.loginStallTimeMs);
  }
}

/** The tokens of a share's refreshed session (POST /auth/refresh with a share's refresh token). */
export const shareTokens = (jwt: Jwt, config: TokenConfig, share: string, refreshToken: string, mode: Mode, event?: JwtEvent): Promise<IssuedTokens> =>
  tokensFor(jwt, config, shareClaims(share), refreshToken, mode, event);

/** GET /shares/info/:id (anyone): the share's public facts as JSON text; FORBIDDEN when there is no such share. */
export async function shareInfo(db: Db, share: string): Promise<string> {
  const info = UUID.test(share) ? await shareStore.shareInfo(db, share) : null;
  if (!info) throw forbidden();
  return info;
}

/**
 * POST /shares/invite {share, emails}: mails the share's link to each address. The caller must
 * be able to read the share (FORBIDDEN otherwise, anonymous callers included).
 */
export async function shareInvite(db: Db, mailer: Mailer, config: Pick<Config, 'publicUrl' | 'projectName'>, accountability: Accountability,
  body: unknown): Promise<void> {
  if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
  if (typeof body.share !== 'string') throw invalidPayload(body.share === undefined ? '"share" is required' : '"share" must be a string');
  const emails = body.emails;
  if (!Array.isArray(emails)) throw invalidPayload(emails === undefined ? '"emails" is required' : '"emails" must be an array');
  if (emails.length > MAX_INVITES) throw invalidPayload(`"emails" must contain less than or equal to ${MAX_INVITES} items`);
  emails.forEach((e, i) => {
    if (typeof e !== 'string' || !isEmail(e, { anyTld: true })) throw invalidPayload(`"emails[${i}]" must be a valid email`);
  });
  if (accountability.share || !UUID.test(body.share) || !(await shareStore.readableShare(db, accountability, body.share))) throw forbidden();
  const url = publicPath(config.publicUrl, 'admin', 'shared', body.share);
  for (const to of emails as string[]) {
    await mailer.send({
      to,
      subject: "You've been invited to view an item",
      text: `You have been invited to view an item in ${config.projectName}.\n\nOpen it here: ${url}\n`,
    });
  }
}
