// Directus-exact REST answers, third part (issue 17): the key order of the schema API's bodies
// (GET /collections, /fields and their one-item forms; the answers of POST and PATCH), for user
// collections with string, integer, uuid, decimal, date, timestamp, json, m2o and o2m fields and
// for system collections; and the 403 of a filter or sort through a relation into a collection
// the caller may not read (Directus names the collection and where it was queried). Each case is
// compared with what Directus 12.4 answered for the same request (test/fixtures/rest-exact-3.json,
// recorded with scripts/record-rest-exact.ts): status, body and key order; the ids of field and
// relation rows, which each server numbers itself, only as present.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { replayFixture } from './helpers/replay.js';

const app = await startApp(t, { LOG_LEVEL: 'error', STRATA_AUTH_CACHE_TTL: '0' });
await replayFixture(t, app, 'rest-exact-3.json');

// Where Directus answers from rows the caller may not read (README "Compatibility notes"): a
// count of an unreadable one-to-many in a sort or filter, and an operator on the list itself.
// Directus 12.4 (the fixture's `differs` cases) sorts Bob before Ann by Ann's two hidden posts,
// finds Ann by `count(posts) = 2`, and Bob by `posts _null`. Strata counts the rows the caller
// may read (none), and refuses the operator as any filter into that collection.
t.test('counts and list operators through an unreadable one-to-many', async (t) => {
  const token = 'rx3-authors-reader-token';
  const names = async (query: string) => {
    const res = await app.get(`/items/rx3_authors?fields=name&${query}`, { token });
    t.equal(res.status, 200, `${query}: ${res.text}`);
    return res.body.data.map((r: { name: string }) => r.name);
  };
  t.strictSame(await names('sort=count(posts),id'), ['Ann', 'Bob'], 'no hidden count orders the items');
  t.strictSame(await names('filter[count(posts)][_eq]=2'), [], 'Ann\'s hidden posts are not counted');
  t.strictSame(await names('filter[count(posts)][_eq]=0'), ['Ann', 'Bob']);
  const res = await app.get('/items/rx3_authors?filter[posts][_null]=true', { token });
  const message = 'You don\'t have permission to access collection "rx3_posts" or it does not exist. Queried in "posts".';
  t.equal(res.status, 403);
  t.strictSame(res.body, { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] });
  // the admin sees the counts
  const admin = await app.get('/items/rx3_authors?fields=name&filter[count(posts)][_eq]=2');
  t.strictSame(admin.body.data, [{ name: 'Ann' }]);
});
