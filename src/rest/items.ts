// /items/:collection reads: GET (list, singleton), GET /:id, SEARCH. Each is one compiled
// statement; the JSON PostgreSQL builds is written to the socket as it is.
import type { Services } from './services.js';
import type { Router } from '../router.js';
import type { Reader } from '../engine/reader.js';
import { queryLimits, readResponse, searchQuery, urlQuery, userCollection } from './common.js';
import { versionedResponse, versionParam } from './versions.js';

export function itemsRoutes(router: Router, s: Services, reader: Reader) {
  const limits = queryLimits(s);

  router.get('/items/:collection', async (ctx) => {
    const query = await urlQuery(ctx, limits, true);
    const version = versionParam(ctx); // ?version=<key>: the items as that content version shows them
    if (version) return versionedResponse(s, ctx, userCollection(ctx.params.collection), query, 'list', undefined, version);
    return readResponse(reader, ctx, ctx.params.collection, userCollection(ctx.params.collection), query, 'list');
  });

  router.search('/items/:collection', async (ctx) => {
    const query = await searchQuery(ctx, limits);
    return readResponse(reader, ctx, ctx.params.collection, userCollection(ctx.params.collection), query, 'list');
  });

  router.get('/items/:collection/:id', async (ctx) => {
    const query = await urlQuery(ctx, limits, false);
    const version = versionParam(ctx);
    if (version) return versionedResponse(s, ctx, userCollection(ctx.params.collection), query, 'one', ctx.params.id, version);
    return readResponse(reader, ctx, ctx.params.collection, userCollection(ctx.params.collection), { ...query, key: ctx.params.id }, 'one');
  });
}
