// Comment writes: /comments (Directus 11.1+, directus_comments) and the older
// /activity/comment routes (Directus 9 to 11.0), which now write the same comments.
// Reads of /comments are served by rest/system.ts.
import type { Services } from './services.js';
import { forbidden, invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import { timed, type RouteContext } from '../types.js';
import { json, noContent } from './response.js';
import { jsonBody, isPlainObject } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery } from '../request/query.js';
import { randomUUID } from 'node:crypto';
import { queryLimits } from './common.js';

const COMMENTS = 'directus_comments';

export function commentsRoutes(router: Router, s: Services) {
  const limits = queryLimits(s);
  const adminOnly = (ctx: RouteContext) => {
    if (!ctx.accountability.admin) throw forbidden();
  };
  const read = (ctx: RouteContext, list: boolean) => ({
    query: normalizeQuery(parseQueryString(ctx.req.query), limits, { list }), mode: list ? 'list' as const : 'one' as const,
  });
  const respond = (body: string | null) => (body === null ? noContent() : json(body));
  const newComment = (ctx: RouteContext, c: unknown) => {
    if (!isPlainObject(c)) throw invalidPayload('"value" must be of type object');
    for (const f of ['collection', 'item', 'comment']) if (c[f] === undefined || c[f] === null || c[f] === '') throw invalidPayload(`"${f}" is required`);
    return { ...c, id: c.id ?? randomUUID(), user_created: ctx.accountability.user };
  };
  const changes = (ctx: RouteContext, c: unknown) => {
    if (!isPlainObject(c)) throw invalidPayload('"value" must be of type object');
    return { ...c, user_updated: ctx.accountability.user, date_updated: new Date().toISOString() };
  };

  const create = async (ctx: RouteContext) => {
    adminOnly(ctx);
    const body = jsonBody(ctx.req);
    const payload = Array.isArray(body) ? body.map((c) => newComment(ctx, c)) : newComment(ctx, body);
    return respond(await s.writer.write(ctx.accountability, COMMENTS, 'create', { payload }, read(ctx, Array.isArray(body)), ctx.timing));
  };
  const update = async (ctx: RouteContext) => {
    adminOnly(ctx);
    return respond(await s.writer.write(ctx.accountability, COMMENTS, 'update', { key: ctx.params.id, data: changes(ctx, jsonBody(ctx.req)) }, read(ctx, false), ctx.timing));
  };
  const remove = async (ctx: RouteContext) => {
    adminOnly(ctx);
    await timed(ctx.timing, 'db', () => s.writer.write(ctx.accountability, COMMENTS, 'delete', { key: ctx.params.id }, null, ctx.timing));
    return noContent();
  };

  router.post('/comments', create);
  router.patch('/comments/:id', update);
  router.delete('/comments/:id', remove);
  router.post('/activity/comment', create);
  router.patch('/activity/comment/:id', update);
  router.delete('/activity/comment/:id', remove);
}
