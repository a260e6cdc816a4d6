// CORS as Directus configures it (CORS_ENABLED, CORS_ORIGIN, CORS_METHODS, ...), with the rules of
// the `cors` middleware Directus mounts first: a fixed origin string is sent as it is, `true`
// reflects the caller's origin, a list reflects it when listed; every OPTIONS request is a
// preflight answered 204 before routing and authentication.
import type { CorsConfig } from '../config.js';
import type { ApiResponse } from '../types.js';

function originHeaders(cors: CorsConfig, origin: string | undefined): Record<string, string> {
  if (typeof cors.origin === 'string') {
    const h: Record<string, string> = { 'access-control-allow-origin': cors.origin };
    if (cors.origin !== '*') h.vary = 'Origin';
    return h;
  }
  const allowed = cors.origin === true || (Array.isArray(cors.origin) && origin !== undefined && cors.origin.includes(origin));
  const h: Record<string, string> = { vary: 'Origin' };
  if (allowed && origin) h['access-control-allow-origin'] = origin;
  return h;
}

function active(cors: CorsConfig): boolean {
  return cors.enabled && cors.origin !== false && !(Array.isArray(cors.origin) && cors.origin.length === 0);
}

/** Headers added to every (non-preflight) response. */
export function corsHeaders(cors: CorsConfig, origin: string | undefined): Record<string, string> {
  if (!active(cors)) return {};
  const h = originHeaders(cors, origin);
  if (cors.credentials) h['access-control-allow-credentials'] = 'true';
  if (cors.exposedHeaders) h['access-control-expose-headers'] = cors.exposedHeaders;
  return h;
}

/** The answer to an OPTIONS request when CORS is enabled; undefined lets it reach the router. */
export function preflight(cors: CorsConfig, headers: Record<string, string>): ApiResponse | undefined {
  if (!active(cors)) return undefined;
  const h = originHeaders(cors, headers.origin);
  if (cors.credentials) h['access-control-allow-credentials'] = 'true';
  h['access-control-allow-methods'] = cors.methods;
  if (cors.allowedHeaders) {
    h['access-control-allow-headers'] = cors.allowedHeaders;
  } else if (headers['access-control-request-headers']) {
    h['access-control-allow-headers'] = headers['access-control-request-headers'];
    h.vary = h.vary ? `${h.vary}, Access-Control-Request-Headers` : 'Access-Control-Request-Headers';
  }
  h['access-control-max-age'] = String(cors.maxAge);
  if (cors.exposedHeaders) h['access-control-expose-headers'] = cors.exposedHeaders;
  return { status: 204, headers: h };
}
