// Where the token comes from (Directus's extract-token): ?access_token=, Authorization: Bearer,
// or the session cookie. Using both the query and the header is refused (RFC 6750).
import { invalidPayload } from '../errors.js';
import type { ApiRequest } from '../http/types.js';

export const SESSION_COOKIE = 'directus_session_token';
export const REFRESH_COOKIE = 'directus_refresh_token';

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const k = part.slice(0, i).trim();
    if (k) out[k] = decodeURIComponent(part.slice(i + 1).trim());
  }
  return out;
}

export function extractToken(req: ApiRequest): string | null {
  const fromQuery = new URLSearchParams(req.query).get('access_token');
  const auth = req.headers.authorization;
  const m = auth ? /^bearer\s+(.+)$/i.exec(auth.trim()) : null;
  const fromHeader = m ? m[1].trim() : null;
  if (fromQuery && fromHeader) throw invalidPayload('The request uses more than one method for including an access token');
  return fromQuery || fromHeader || parseCookies(req.headers.cookie)[SESSION_COOKIE] || null;
}
