// Revisions in use: revert (POST /utils/revert/:revision, and Directus 8's
// PATCH /items/:collection/:id/revert/:revision), and Directus 8's
// GET /items/:collection/:id/revisions[/:offset]. Listing /revisions and /activity is done by
// the system read endpoints (rest/system.ts).
// Permissions as Directus applies them: reverting reads the revision and updates the item with
// the caller's accountability (the revision must be readable to them — row-level security on
// directus_revisions — and the item updatable: field permissions, validation, row filters);
// an item's revisions are listed only when the caller can read the item itself.
import type { Services } from './services.js';
import { forbidden } from '../errors.js';
import type { Router } from '../router.js';
import { timed, type RouteContext } from '../types.js';
import { json, noContent } from './response.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery } from '../request/query.js';
import { queryLimits } from './common.js';
import * as system from '../engine/system.js';

export function revisionsRoutes(router: Router, s: Services) {
  const limits = queryLimits(s);
  /** The item must be readable by the caller (Directus 8 item routes); system collections have their own. */
  const readableItem = async (ctx: RouteContext) => {
    if (ctx.params.collection.startsWith('directus_')) throw forbidden();
    const query = normalizeQuery({ fields: '*' }, limits, { list: false });
    const item = await s.reader.read(ctx.accountability, ctx.params.collection, { ...query, key: ctx.params.id }, 'one', ctx.timing);
    if (item === null || item === 'null') throw forbidden();
  };
  const revisionId = (raw: string) => {
    if (!/^\d+$/.test(raw)) throw forbidden();
    return Number(raw);
  };

  router.post('/utils/revert/:revision', async (ctx) => {
    await timed(ctx.timing, 'db', () => system.revert(s.db, ctx.accountability, revisionId(ctx.params.revision)));
    return noContent();
  });

  // Directus 8: reverts, then answers with the item as it is now
  router.patch('/items/:collection/:id/revert/:revision', async (ctx) => {
    if (ctx.params.collection.startsWith('directus_')) throw forbidden();
    if (!(await system.isRevisionOf(s.db, revisionId(ctx.params.revision), ctx.params.collection, ctx.params.id))) throw forbidden();
    await timed(ctx.timing, 'db', () => system.revert(s.db, ctx.accountability, revisionId(ctx.params.revision)));
    const query = normalizeQuery(parseQueryString(ctx.req.query), limits, { list: false });
    const item = await s.reader.read(ctx.accountability, ctx.params.collection, { ...query, key: ctx.params.id }, 'one', ctx.timing);
    if (item === null) throw forbidden();
    return json(item); // the REST body, {"data":...}
  });

  // Directus 8: the item's revisions, oldest first; with :offset, the one at that position
  const itemRevisions = async (ctx: RouteContext, offset: number | null) => {
    await readableItem(ctx);
    const raw = parseQueryString(ctx.req.query) as Record<string, unknown>;
    const own = { _and: [{ collection: { _eq: ctx.params.collection } }, { item: { _eq: ctx.params.id } }] };
    const query = normalizeQuery({ sort: 'id', ...raw, ...(offset === null ? {} : { offset: String(offset), limit: '1' }) }, limits, { list: true });
    query.filter = query.filter ? { _and: [own, query.filter] } : own;
    const body = (await s.reader.read(ctx.accountability, 'directus_revisions', query, 'list', ctx.timing))!;
    if (offset === null) return json(body);
    if (!body.startsWith('{"data":[{')) throw forbidden();
    return json(`{"data":${body.slice('{"data":['.length, body.lastIndexOf(']'))}}`);
  };
  router.get('/items/:collection/:id/revisions', (ctx) => itemRevisions(ctx, null));
  router.get('/items/:collection/:id/revisions/:offset', (ctx) => {
    if (!/^\d+$/.test(ctx.params.offset)) throw forbidden();
    return itemRevisions(ctx, Number(ctx.params.offset));
  });
}
