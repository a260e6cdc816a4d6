// Directus access tokens: HS256 with SECRET, issuer "directus", algorithm pinned so that
// `alg: none` or asymmetric-key confusion can never verify.
import { SignJWT, jwtVerify, decodeJwt, errors } from 'jose';
import { DirectusError, invalidToken, tokenExpired } from '../errors.js';

export interface TokenClaims {
  id: string;
  role: string | null;
  app_access: boolean;
  admin_access: boolean;
  session?: string;
}

const ALG = 'HS256';

export class Jwt {
  private key: Uint8Array;
  constructor(secret: string) {
    this.key = new TextEncoder().encode(secret);
  }

  sign(claims: TokenClaims, ttlMs: number): Promise<string> {
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: ALG, typ: 'JWT' })
      .setIssuedAt()
      .setExpirationTime(Math.floor((Date.now() + ttlMs) / 1000))
      .setIssuer('directus')
      .sign(this.key);
  }

  async verify(token: string): Promise<TokenClaims> {
    try {
      const { payload } = await jwtVerify(token, this.key, { algorithms: [ALG], issuer: 'directus' });
      if (typeof payload.id !== 'string' || !('role' in payload) || typeof payload.app_access !== 'boolean' || typeof payload.admin_access !== 'boolean') {
        throw invalidToken();
      }
      return payload as unknown as TokenClaims;
    } catch (err) {
      if (err instanceof DirectusError) throw err;
      if (err instanceof errors.JWTExpired) throw tokenExpired();
      throw invalidToken();
    }
  }
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
