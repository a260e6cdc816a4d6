// A write refused for a field its create or update permission does not permit (issue 17): the
// 403 in Directus's words, with `reason` as its only extension besides `code` (one field, or
// several: "fields ... or they do not exist"; a field the collection does not have is named
// alone), and nothing written. Recorded from Directus 11.17 (test/fixtures/rest-write-field-
// refused.json): Directus 12.4 without a license ignores permissions with a field list.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { replayFixture } from './helpers/replay.js';

const app = await startApp(t, { LOG_LEVEL: 'error', STRATA_AUTH_CACHE_TTL: '0' });
await replayFixture(t, app, 'rest-write-field-refused.json');

// the fixture's `differs` case: the same words, the fields in jsonb key order
t.test('a nested create refused for two fields names both', async (t) => {
  const res = await app.post('/items/fr_parents', { name: 'p', items: { create: [{ title: 't', secret: 's' }] } }, { token: 'fr-writer-token' });
  const message = 'You don\'t have permission to access fields "parent", "secret" in collection "fr_items" or they do not exist. Queried in root.';
  t.equal(res.status, 403);
  t.strictSame(res.body, { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] });
  t.strictSame([...await app.sql('select name from fr_parents')], [], 'the parent was not written either');
});
