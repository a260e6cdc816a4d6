// Directus's /utils endpoints: argon2 hashes (POST /utils/hash/generate|verify, served as
// Directus ≤ 12.0 did), random strings (GET /utils/random/string), manual sorting
// (POST /utils/sort/:collection) and POST /utils/cache/clear (admins; every gateway drops its
// caches). Also the small app endpoints with no collection of their own: GET /extensions
// (nothing is installed) and POST /users/me/track/page.
import type { Services } from './services.js';
import { forbidden, invalidCredentials, invalidPayload } from '../errors.js';
import { requestedRandomString } from '../auth/random.js';
import type { Router } from '../router.js';
import { json, noContent } from './response.js';
import { objectBody } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import * as utils from '../engine/utils.js';

/** a required non-empty string member of a body (Directus: `"<name>" is required`) */
function required(body: Record<string, unknown>, name: string): string {
  const v = body[name];
  if (v === undefined || v === null || v === '') throw invalidPayload(`"${name}" is required`);
  if (typeof v !== 'string') throw invalidPayload(`"${name}" must be a string`);
  return v;
}

/** a primary key in a body: a string or a number */
function key(body: Record<string, unknown>, name: string): string | number {
  const v = body[name];
  if (v === undefined || v === null) throw invalidPayload(`"${name}" is required`);
  if (typeof v !== 'string' && typeof v !== 'number') throw invalidPayload(`"${name}" must be one of [string, number]`);
  return v;
}

export function utilsRoutes(router: Router, s: Services) {
  router.post('/utils/hash/generate', async (ctx) => {
    const plain = required(objectBody(ctx.req), 'string');
    return json(JSON.stringify({ data: await hashPassword(plain) }));
  });

  router.post('/utils/hash/verify', async (ctx) => {
    const body = objectBody(ctx.req);
    const plain = required(body, 'string');
    const hash = required(body, 'hash');
    return json(JSON.stringify({ data: await verifyPassword(hash, plain) }));
  });

  router.get('/utils/random/string', (ctx) => {
    return json(JSON.stringify({ data: requestedRandomString(parseQueryString(ctx.req.query).length) }));
  });

  router.post('/utils/sort/:collection', async (ctx) => {
    const body = objectBody(ctx.req);
    const item = key(body, 'item');
    const to = key(body, 'to');
    const collection = ctx.params.collection;
    const field = await utils.sortField(s.db, collection);
    // a collection the caller can't update is a 403 before its meta says anything (strata.sort_items)
    await utils.sortItems(s.db, ctx.accountability, collection, field ?? '', item, to);
    return noContent();
  });

  router.post('/utils/cache/clear', async (ctx) => {
    if (!ctx.accountability.admin) throw forbidden();
    // this gateway at once; the others through the notifications
    s.catalog.schemaChanged();
    s.catalog.accessChanged();
    await utils.announceCacheClear(s.db);
    return noContent();
  });

  // no extension is installed: Directus's answer when there is none
  router.get('/extensions', () => json('{"data":[]}'));

  router.post('/users/me/track/page', async (ctx) => {
    const user = ctx.accountability.user;
    if (!user) throw invalidCredentials();
    const page = required(objectBody(ctx.req), 'last_page');
    await utils.trackPage(s.db, user, page);
    return noContent();
  });
}
