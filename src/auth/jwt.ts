// Directus access tokens: HS256 with SECRET, issuer "directus", algorithm pinned so that
// `alg: none` or asymmetric-key confusion can never verify.
import { SignJWT, jwtVerify, decodeJwt, errors } from 'jose';
import { forbidden, invalidToken, tokenExpired } from '../errors.js';

export interface TokenClaims {
  /** the user; share tokens have none */
  id?: string;
  role: string | null;
  app_access: boolean;
  admin_access: boolean;
  session?: string;
  /** a share token's share (POST /shares/auth), as Directus signs it: no `id` then */
  share?: string;
}

const ALG = 'HS256';

/** HS256 with SECRET, issuer "directus", an expiry: what every token Strata issues shares. */
function signToken(key: Uint8Array, claims: object, ttlMs: number): Promise<string> {
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: ALG, typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime(Math.floor((Date.now() + ttlMs) / 1000))
    .setIssuer('directus')
    .sign(key);
}

/** The verified payload; expired -> TOKEN_EXPIRED, anything else wrong -> INVALID_TOKEN. */
async function verifyToken(key: Uint8Array, token: string): Promise<Record<string, unknown>> {
  try {
    return (await jwtVerify(token, key, { algorithms: [ALG], issuer: 'directus' })).payload;
  } catch (err) {
    if (err instanceof errors.JWTExpired) throw tokenExpired();
    throw invalidToken();
  }
}

export class Jwt {
  private key: Uint8Array;
  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: TokenClaims, ttlMs: number): Promise<string> {
    return signToken(this.key, claims, ttlMs);
  }

  async verify(token: string): Promise<TokenClaims> {
    const payload = await verifyToken(this.key, token);
    // a user (or share) id that is not a uuid never reaches the database (its error text would leak)
    const subject = payload.share === undefined ? payload.id : payload.id === undefined ? payload.share : undefined;
    if (typeof subject !== 'string' || !UUID.test(subject) || !('role' in payload) || typeof payload.app_access !== 'boolean' || typeof payload.admin_access !== 'boolean') {
      throw invalidToken();
    }
    return payload as unknown as TokenClaims;
  }
}

/** The scopes of the single-purpose tokens Directus mails (reset, invitation, registration). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type TokenScope = 'password-reset' | 'invite' | 'pending-registration';

export interface ScopedClaims {
  email: string;
  scope: TokenScope;
  /** password-reset: a fingerprint of the password hash the token was issued for */
  hash?: string;
}

/**
 * Signs and verifies the mailed tokens. A token of the wrong scope, or one without an email,
 * is FORBIDDEN (as in Directus); a bad signature INVALID_TOKEN; an expired one TOKEN_EXPIRED.
 */
export class ScopedJwt {
  private key: Uint8Array;
  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: ScopedClaims, ttlMs: number): Promise<string> {
    return signToken(this.key, claims, ttlMs);
  }

  async verify(token: string, scope: TokenScope): Promise<ScopedClaims> {
    const payload = await verifyToken(this.key, token);
    if (payload.scope !== scope || typeof payload.email !== 'string') throw forbidden();
    return payload as unknown as ScopedClaims;
  }
}

/**
 * Directus's fingerprint of a password hash in reset tokens (a 31-multiplier string hash,
 * absolute value in hex), so reset links issued by Directus for the same database and SECRET
 * keep working, and every link dies once the password changes.
 */
export function passwordFingerprint(passwordHash: string | null): string {
  const s = String(passwordHash);
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return Math.abs(h).toString(16);
}

/** Directus treats a token as its JWT only when its (unverified) issuer is "directus". */
export function isDirectusJwt(token: string): boolean {
  if (token.split('.').length !== 3) return false;
  try {
    return decodeJwt(token).iss === 'directus';
  } catch {
    return false;
  }
}
