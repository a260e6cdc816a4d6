// Writing without read permission (issue 17, item 2): Directus performs the write and answers
// 204 when the written items can't be read back, whether the caller has no read permission on
// the collection at all or asks (`fields`) for a field it may not read. Recorded from Directus
// 12.4 with a policy granting create/update/delete and no read on the collection: POST one,
// POST with ?fields=title, POST an array -> 204, 204, 204, and the rows exist.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);
const POLICY = '91919191-9191-4191-8191-919191919191';
const USER = '92929292-9292-4292-8292-929292929292';
await app.sql(`
  create table wn_items (id serial primary key, title text, secret text);
  insert into directus_policies (id, name) values ('${POLICY}', 'writers');
  insert into directus_users (id, email, status, token) values ('${USER}', 'wn@example.com', 'active', 'wn-token');
  insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${USER}', '${POLICY}');
  insert into directus_permissions (collection, action, fields, policy) values
    ('wn_items', 'create', '*', '${POLICY}');
`);
const writer = { token: 'wn-token' };
const rows = () => app.sql('select title from wn_items order by id');

t.test('no read permission at all: the items are created, the answer is 204', async (t) => {
  const one = await app.post('/items/wn_items', { title: 'a' }, writer);
  t.equal(one.status, 204);
  t.equal(one.text, '');
  const fields = await app.post('/items/wn_items?fields=title', { title: 'b' }, writer);
  t.equal(fields.status, 204);
  const many = await app.post('/items/wn_items', [{ title: 'c' }, { title: 'd' }], writer);
  t.equal(many.status, 204);
  t.same(await rows(), [{ title: 'a' }, { title: 'b' }, { title: 'c' }, { title: 'd' }]);
  t.equal((await app.get('/items/wn_items', writer)).status, 403, 'and still can\'t read them');
});

t.test('read permission on some fields: asking for another one writes, then answers 204', async (t) => {
  await app.sql(`insert into directus_permissions (collection, action, fields, policy) values ('wn_items', 'read', 'id,title', '${POLICY}')`);
  const hidden = await app.post('/items/wn_items?fields=secret', { title: 'e', secret: 's' }, writer);
  t.equal(hidden.status, 204);
  const shown = await app.post('/items/wn_items?fields=title', { title: 'f' }, writer);
  t.same(shown.body, { data: { title: 'f' } }, 'a readable field is answered as usual');
  t.same((await rows()).slice(-2), [{ title: 'e' }, { title: 'f' }]);
});

t.test('an invalid query still fails before the write', async (t) => {
  const bad = await app.post('/items/wn_items?fields=title&limit=abc', { title: 'g' }, writer);
  t.equal(bad.status, 400);
  const unknown = await app.post('/items/wn_items?fields=nope', { title: 'h' }, writer);
  t.equal(unknown.status, 204, 'an unknown field asked for is unreadable: written, 204 (Directus: the same)');
  t.same((await rows()).filter((r) => ['g', 'h'].includes(r.title)), [{ title: 'h' }], 'the invalid query wrote nothing');
});
