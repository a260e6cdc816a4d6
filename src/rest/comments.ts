// Comment writes: /comments (Directus 11.1+, directus_comments) and the older
// /activity/comment routes (Directus 9 to 11.0), which now write the same comments.
// Reads of /comments are served by rest/system.ts.
import type { Services } from './services.js';
import type { Router } from '../router.js';
import { timed, type RouteContext } from '../types.js';
import { json, noContent } from './response.js';
import { jsonBody } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery } from '../request/query.js';
import { COMMENTS, commentChanges, newComment, requireCommentWriter } from '../engine/comments.js';
import { queryLimits } from './common.js';

export function commentsRoutes(router: Router, s: Services) {
  const limits = queryLimits(s);
  const read = (ctx: RouteContext, list: boolean) => ({
    query: normalizeQuery(parseQueryString(ctx.req.query), limits, { list }), mode: list ? 'list' as const : 'one' as const,
  });
  const respond = (body: string | null) => (body === null ? noContent() : json(body));

  const create = async (ctx: RouteContext) => {
    requireCommentWriter(ctx.accountability);
    const body = jsonBody(ctx.req);
    const payload = Array.isArray(body) ? body.map((c) => newComment(ctx.accountability, c)) : newComment(ctx.accountability, body);
    return respond(await s.writer.write(ctx.accountability, COMMENTS, 'create', { payload }, read(ctx, Array.isArray(body)), ctx.timing));
  };
  const update = async (ctx: RouteContext) => {
    requireCommentWriter(ctx.accountability);
    return respond(await s.writer.write(ctx.accountability, COMMENTS, 'update', { key: ctx.params.id, data: commentChanges(ctx.accountability, jsonBody(ctx.req)) }, read(ctx, false), ctx.timing));
  };
  const remove = async (ctx: RouteContext) => {
    requireCommentWriter(ctx.accountability);
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
