// What every collection controller (items, system collections) does the same way: the URL's
// query, SEARCH bodies, a read's response (JSON or export), the JSON body a write needs,
// Directus's DELETE body forms, 204 for an empty answer.
import type { Services } from './services.js';
import { forbidden, invalidPayload } from '../errors.js';
import { timed, type ApiResponse, type RouteContext } from '../types.js';
import { json, noContent } from './response.js';
import { jsonBody, isPlainObject } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery, type Query, type QueryLimits } from '../request/query.js';
import type { Reader, ReadMode } from '../engine/reader.js';
import { exportResponse } from './export.js';

export const queryLimits = (s: Services): QueryLimits => ({
  limitDefault: s.config.queryLimitDefault, limitMax: s.config.queryLimitMax, maxFields: s.config.maxQueryFields, maxFilterNodes: s.config.maxFilterNodes,
});

/** The request's URL query, normalized (lists get the default limit). */
export const urlQuery = (ctx: RouteContext, limits: QueryLimits, list: boolean): Promise<Query> =>
  timed(ctx.timing, 'parse', () => normalizeQuery(parseQueryString(ctx.req.query), limits, { list }));

/**
 * The URL query of a write's re-read: every written item comes back (Directus reads the written
 * keys with their count as the limit), so no default limit; a `limit` in the URL still applies.
 */
export const writeReadQuery = (ctx: RouteContext, limits: QueryLimits): Promise<Query> => urlQuery(ctx, limits, false);

/** Directus serves system collections only through their own endpoints. */
export function userCollection(name: string): string {
  if (name.startsWith('directus_')) throw forbidden();
  return name;
}

/** A write's JSON body (required). */
export function requireBody(ctx: RouteContext): unknown {
  const body = jsonBody(ctx.req);
  if (body === undefined) throw invalidPayload('"value" must be of type object');
  return body;
}

/** The response of a write: the re-read items, or 204 when nothing may be read back. */
export const respond = (body: string | null): ApiResponse => (body === null ? noContent() : json(body));

export type DeleteTarget = { action: 'delete'; args: { keys: unknown[] } } | { action: 'delete_query'; args: { query: Query } };

/** DELETE /<collection> bodies: an array of keys, {keys}, or {query}, validated as Directus does. */
export function deleteTarget(body: unknown, limits: QueryLimits): DeleteTarget {
  if (Array.isArray(body)) return { action: 'delete', args: { keys: body } };
  if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
  const unknown = Object.keys(body).find((k) => k !== 'keys' && k !== 'query');
  if (unknown) throw invalidPayload(`"${unknown}" is not allowed`);
  if (body.keys !== undefined && body.query !== undefined) throw invalidPayload('"value" contains a conflict between exclusive peers [query, keys]');
  if (body.keys !== undefined) {
    if (!Array.isArray(body.keys)) throw invalidPayload('"keys" must be an array');
    return { action: 'delete', args: { keys: body.keys } };
  }
  if (body.query !== undefined) {
    if (!isPlainObject(body.query)) throw invalidPayload('"query" must be of type object');
    return { action: 'delete_query', args: { query: normalizeQuery(body.query, limits) } };
  }
  throw invalidPayload('"value" must contain at least one of [query, keys]');
}

/**
 * SEARCH bodies: {"query": {...}} replaces the URL's query; {"keys": [...]} reads those items
 * with the URL's query; neither: the URL's query.
 */
export async function searchQuery(ctx: RouteContext, limits: QueryLimits): Promise<Query & { keys?: string[] }> {
  const body = jsonBody(ctx.req) ?? {};
  if (!isPlainObject(body)) throw invalidPayload('Payload must be an object');
  // the body's query replaces the URL's, and is checked before the body's shape, as in Directus
  const bodyQuery = body.query !== undefined && body.query !== null && body.query !== false && body.query !== 0 && body.query !== ''
    ? (isPlainObject(body.query) ? normalizeQuery(body.query, limits, { list: body.keys === undefined }) : undefined)
    : undefined;
  const unknown = Object.keys(body).find((k) => k !== 'keys' && k !== 'query');
  if (unknown !== undefined) throw invalidPayload(`"${unknown}" is not allowed`);
  if (body.keys !== undefined) {
    if (!Array.isArray(body.keys)) throw invalidPayload('"keys" must be an array');
    const bad = body.keys.findIndex((k) => typeof k !== 'string' && typeof k !== 'number');
    if (bad !== -1) throw invalidPayload(`"keys[${bad}]" must be one of [string, number]`);
  }
  if (body.query !== undefined && !isPlainObject(body.query)) throw invalidPayload('"query" must be of type object');
  // {keys, query}: the query's items among the keys; every key may come back (no default limit)
  if (body.keys !== undefined) return { ...(bodyQuery ?? (await urlQuery(ctx, limits, false))), keys: body.keys.map(String) };
  return bodyQuery ?? urlQuery(ctx, limits, true);
}

/**
 * A read's response: the body PostgreSQL built (envelope included, strata.compile_read), as
 * JSON or as an export download (named after `name`); one item that can't be read is
 * Directus's 403.
 */
export async function readResponse(reader: Reader, ctx: RouteContext, name: string, collection: string,
  query: Query & { key?: unknown; keys?: unknown[] }, mode: ReadMode): Promise<ApiResponse> {
  const body = await reader.readBytes(ctx.accountability, collection, query, mode, ctx.timing);
  if (body === null) throw forbidden(); // lists always have a body; one item may be unreadable
  return query.export ? exportResponse(query.export, name, body.toString()) : json(body);
}
