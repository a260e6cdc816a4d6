// JSON request bodies: content type checked (415), syntax checked (400 INVALID_PAYLOAD).
import { invalidPayload, unsupportedMediaType } from '../errors.js';
import type { ApiRequest } from '../types.js';
import { parseJsonSafely } from './safe-keys.js';

export function isJsonContentType(ct: string | undefined): boolean {
  if (!ct) return true; // Directus clients often omit it for empty or JSON bodies
  const type = ct.split(';')[0].trim().toLowerCase();
  return type === 'application/json' || type.endsWith('+json');
}

/** The parsed JSON body, or undefined when the request has none. */
export function jsonBody(req: ApiRequest): unknown {
  if (!req.body || req.body.length === 0) return undefined;
  if (!isJsonContentType(req.headers['content-type'])) {
    throw unsupportedMediaType(req.headers['content-type']);
  }
  const text = req.body.toString('utf8');
  try {
    strictJson(text);
    return parseJsonSafely(text);
  } catch (err) {
    throw invalidPayload((err as Error).message.replace(/\.$/, ''));
  }
}

/**
 * Like Directus's JSON body parser, a request body must be an object or an array: a bare
 * `null`, number or string is refused with the message JSON.parse gives for its first character.
 */
function strictJson(text: string) {
  const i = text.search(/\S/);
  if (i < 0 || text[i] === '{' || text[i] === '[') return;
  const c = text[i];
  try {
    JSON.parse(text.slice(0, i) + '#' + text.slice(i + 1));
  } catch (err) {
    throw new SyntaxError((err as Error).message.replace("'#'", `'${c}'`).replace(/"#/, `"${c}`));
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
