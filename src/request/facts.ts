// What flows are told of an HTTP request (the `req` of Directus's authenticate event, the
// `request` of request.not_found and response): plain facts, not the framework's request object
// Directus hands over (its sockets and server state mean nothing to a flow). Secrets are
// redacted where the facts are kept (a queued action's payload): the authorization and cookie
// headers and an access_token in the query, as Directus's run log shows them.
import type { ApiRequest } from '../types.js';
import { parseQueryString, type QsValue } from './qs.js';

export interface RequestFacts {
  method: string;
  /** path and query string, as the client sent them */
  url: string;
  path: string;
  query: Record<string, QsValue>;
  headers: Record<string, string>;
}

export const REDACTED = '--redacted--';
const SECRET_HEADERS = new Set(['authorization', 'cookie']);

export function requestFacts(req: ApiRequest, redact: boolean): RequestFacts {
  let query: Record<string, QsValue>;
  try {
    query = { ...parseQueryString(req.query) };
  } catch {
    query = {};
  }
  const headers = { ...req.headers };
  let raw = req.query;
  if (redact) {
    for (const h of SECRET_HEADERS) if (headers[h] !== undefined) headers[h] = REDACTED;
    if (query.access_token !== undefined) {
      query.access_token = REDACTED;
      const params = new URLSearchParams(raw);
      params.set('access_token', REDACTED);
      raw = params.toString();
    }
  }
  return { method: req.method, url: raw ? `${req.path}?${raw}` : req.path, path: req.path, query, headers };
}
