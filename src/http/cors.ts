// CORS as Directus configures it (CORS_ENABLED, CORS_ORIGIN, CORS_METHODS, ...).
import type { CorsConfig } from '../config.js';
import type { ApiResponse } from './types.js';

function allowedOrigin(cors: CorsConfig, origin: string | undefined): string | undefined {
  if (!cors.enabled || !origin || cors.origin === false) return undefined;
  if (cors.origin === true) return origin;
  if (cors.origin.includes('*')) return '*';
  return cors.origin.includes(origin) ? origin : undefined;
}

/** Headers added to every response when the request's origin is allowed. */
export function corsHeaders(cors: CorsConfig, origin: string | undefined): Record<string, string> {
  const allowed = allowedOrigin(cors, origin);
  if (!allowed) return {};
  const h: Record<string, string> = { 'access-control-allow-origin': allowed, vary: 'Origin' };
  if (cors.credentials) h['access-control-allow-credentials'] = 'true';
  if (cors.exposedHeaders) h['access-control-expose-headers'] = cors.exposedHeaders;
  return h;
}

export function preflight(cors: CorsConfig, headers: Record<string, string>): ApiResponse {
  const h: Record<string, string> = {};
  if (allowedOrigin(cors, headers.origin)) {
    h['access-control-allow-methods'] = cors.methods;
    h['access-control-allow-headers'] = cors.allowedHeaders || headers['access-control-request-headers'] || '';
    h['access-control-max-age'] = String(cors.maxAge);
  }
  return { status: 204, headers: h };
}
