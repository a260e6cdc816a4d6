// Where the token comes from (Directus's extract-token): ?access_token=, Authorization: Bearer,
// or the session cookie. Using both the query and the header is refused (RFC 6750).
import { invalidPayload } from '../errors.js';
import type { ApiRequest } from '../types.js';
import type { CookieConfig } from '../config.js';
import { isForbiddenKey } from '../request/safe-keys.js';

/** Cookies by name (a null-prototype object; names such as `__proto__` are skipped). */
export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (!k || k in out || isForbiddenKey(k)) continue;
    const v = part.slice(i + 1).trim();
    try {
      out[k] = decodeURIComponent(v);
    } catch {
      out[k] = v;
    }
  }
  return out;
}

/** Where a token came from: the HTTP ones below, or a WebSocket `auth` message. */
export type TokenSource = 'query' | 'header' | 'cookie' | 'message';

export interface Token {
  token: string;
  source: TokenSource;
}

/** The HTTP request's token, if any (access resolution is authenticate.ts's resolveAccess). */
export function extractToken(req: ApiRequest, sessionCookie: string): Token | null {
  const fromQuery = new URLSearchParams(req.query).get('access_token');
  const auth = req.headers.authorization;
  const m = auth ? /^bearer\s+(.+)$/i.exec(auth.trim()) : null;
  const fromHeader = m ? m[1].trim() : null;
  if (fromQuery && fromHeader) throw invalidPayload('The request uses more than one method for including an access token');
  if (fromQuery) return { token: fromQuery, source: 'query' };
  if (fromHeader) return { token: fromHeader, source: 'header' };
  const fromCookie = parseCookies(req.headers.cookie)[sessionCookie];
  return fromCookie ? { token: fromCookie, source: 'cookie' } : null;
}

/** A Set-Cookie value with Directus's attributes; maxAgeMs 0 expires the cookie now. */
export function setCookie(c: CookieConfig, value: string, maxAgeMs: number, now = Date.now()): string {
  const seconds = Math.floor(maxAgeMs / 1000);
  const expires = new Date(seconds > 0 ? now + seconds * 1000 : 0).toUTCString();
  const parts = [`${c.name}=${encodeURIComponent(value)}`, `Max-Age=${seconds}`];
  if (c.domain) parts.push(`Domain=${c.domain}`);
  parts.push('Path=/', `Expires=${expires}`, 'HttpOnly');
  if (c.secure) parts.push('Secure');
  parts.push(`SameSite=${c.sameSite.charAt(0).toUpperCase()}${c.sameSite.slice(1)}`);
  return parts.join('; ');
}

export const clearCookie = (c: CookieConfig) => setCookie(c, '', 0);
