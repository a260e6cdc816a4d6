// JSON request bodies: content type checked (415), syntax checked (400 INVALID_PAYLOAD).
import { DirectusError, invalidPayload } from '../errors.js';
import type { ApiRequest } from '../http/types.js';

export function isJsonContentType(ct: string | undefined): boolean {
  if (!ct) return true; // Directus clients often omit it for empty or JSON bodies
  const type = ct.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/** The parsed JSON body, or undefined when the request has none. */
export function jsonBody(req: ApiRequest): unknown {
  if (!req.body || req.body.length === 0) return undefined;
  if (!isJsonContentType(req.headers['content-type'])) {
    throw new DirectusError('UNSUPPORTED_MEDIA_TYPE', `Unsupported media type "${req.headers['content-type']}".`);
  }
  try {
    return JSON.parse(req.body.toString('utf8'));
  } catch (err) {
    throw invalidPayload((err as Error).message.replace(/\.$/, ""));
  }
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The body as an object; `{}` when absent, 400 when it is another JSON value. */
export function objectBody(req: ApiRequest): Record<string, unknown> {
  const body = jsonBody(req) ?? {};
  if (!isPlainObject(body)) throw invalidPayload('Payload must be an object');
  return body;
}
