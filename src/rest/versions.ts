// Content versions: /versions CRUD (the list and SEARCH are the generic system reads of
// src/rest/system.ts), POST /versions/:id/save, GET /versions/:id/compare,
// POST /versions/:id/promote, and `?version=<key>` / `versionRaw` on item reads
// (src/rest/items.ts asks versionParam). The rules are the core's (src/engine/versions.ts);
// writes of directus_versions go through the same Writer as every system collection.
import type { Services } from './services.js';
import type { Router } from '../router.js';
import type { ApiResponse, RouteContext } from '../types.js';
import { invalidPayload, invalidQuery } from '../errors.js';
import { isPlainObject } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import type { Query } from '../request/query.js';
import type { ReadMode } from '../engine/reader.js';
import { json } from './response.js';
import { deleteTarget, queryLimits, readResponse, requireBody, respond, urlQuery, writeReadQuery } from './common.js';
import {
  MAIN_KEYS, compareVersion, deltaView, prepareCreate, prepareUpdate, promoteVersion, saveVersion, versionTarget, versionedRead, type VersionDeps,
} from '../engine/versions.js';

const VERSIONS = 'directus_versions';
const dataOf = (value: unknown): ApiResponse => json(JSON.stringify({ data: value }));

/** `?version=<key>` of an item read (null: the item itself, also for `main`/`published`), with `versionRaw`. */
export function versionParam(ctx: RouteContext): { key: string; raw: boolean } | null {
  // item reads are the hot path: the query string is parsed again only when it may name a version
  if (!ctx.req.query.includes('version') && !ctx.req.query.includes('%')) return null;
  const q = parseQueryString(ctx.req.query);
  if (q.version === undefined || q.version === '') return null;
  if (typeof q.version !== 'string') throw invalidQuery('"version" must be a string');
  if (MAIN_KEYS.has(q.version)) return null;
  return { key: q.version, raw: q.versionRaw !== undefined && q.versionRaw !== 'false' };
}

/** An item read in a content version (see versionedRead): the `data` Directus answers. */
export async function versionedResponse(s: Services, ctx: RouteContext, collection: string, query: Query, mode: ReadMode,
  key: string | undefined, version: { key: string; raw: boolean }): Promise<ApiResponse> {
  return dataOf(await versionedRead(s, ctx.accountability, collection, query, mode, key, version.key, version.raw, ctx.timing));
}

export function versionsRoutes(router: Router, s: Services) {
  const limits = queryLimits(s);
  const deps: VersionDeps = s;

  async function write(ctx: RouteContext, action: 'create' | 'update' | 'delete' | 'delete_query', args: Record<string, unknown>,
    mode: ReadMode | null) {
    const read = mode ? { query: await writeReadQuery(ctx, limits), mode } : null;
    return respond(await s.writer.write(ctx.accountability, VERSIONS, action, args, read, ctx.timing, { path: ctx.req.path }, { system: true }));
  }

  router.post('/versions', async (ctx) => {
    const payload = requireBody(ctx);
    if (!isPlainObject(payload) && !Array.isArray(payload)) throw invalidPayload('Payload must be an object or an array');
    await prepareCreate(deps, ctx.accountability, Array.isArray(payload) ? payload : [payload], ctx.timing);
    return write(ctx, 'create', { payload }, Array.isArray(payload) ? 'list' : 'one');
  });

  router.patch('/versions/:id', async (ctx) => {
    const data = requireBody(ctx);
    if (!isPlainObject(data)) throw invalidPayload('"value" must be of type object');
    await prepareUpdate(deps, ctx.accountability, ctx.params.id, data, ctx.timing);
    return write(ctx, 'update', { key: ctx.params.id, data }, 'one');
  });

  router.delete('/versions', async (ctx) => {
    const target = deleteTarget(requireBody(ctx), limits);
    return write(ctx, target.action, target.args, null);
  });
  router.delete('/versions/:id', (ctx) => write(ctx, 'delete', { key: ctx.params.id }, null));

  // one version: its delta is answered as the saved fields with the item's key (the list answers it as stored)
  router.get('/versions/:id', async (ctx) => {
    const query = { ...(await urlQuery(ctx, limits, false)), key: ctx.params.id };
    const body = await s.reader.readValue(ctx.accountability, VERSIONS, query, 'one', ctx.timing);
    const version = body === null ? null : JSON.parse(body.toString()) as Record<string, unknown> | null;
    if (!isPlainObject(version) || !isPlainObject(version.delta)) return readResponse(s.reader, ctx, 'versions', VERSIONS, query, 'one');
    const target = await versionTarget(s.db, ctx.params.id);
    if (target) version.delta = await deltaView(deps, target, version.delta);
    return dataOf(version);
  });

  router.get('/versions/:id/compare', async (ctx) =>
    dataOf(await compareVersion(deps, ctx.accountability, ctx.params.id, ctx.timing)));

  router.post('/versions/:id/save', async (ctx) =>
    dataOf(await saveVersion(deps, ctx.accountability, ctx.params.id, requireBody(ctx), ctx.timing)));

  router.post('/versions/:id/promote', async (ctx) =>
    dataOf(await promoteVersion(deps, ctx.accountability, ctx.params.id, requireBody(ctx), ctx.timing, { path: ctx.req.path })));
}
