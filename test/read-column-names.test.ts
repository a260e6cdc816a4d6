// Columns named like the compiler's own names: a collection's fields `v`, `value`, `k`, `l`
// must not capture what a compiled fragment reads from its own subquery. `_in`/`_nin` lists and
// reads by keys once read their elements as a bare `v`, which a field `v` captured: every row
// matched `_in`, none `_nin`, a deep `_in` was a 500.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);
await app.sql(`
  create table cn_items (id serial primary key, v integer, value text, k integer, l text);
  create table cn_kids (id serial primary key, parent integer references cn_items(id), v integer, value text);
  insert into directus_collections (collection) values ('cn_items'), ('cn_kids');
  insert into directus_fields (collection, field, special) values ('cn_items', 'kids', 'o2m');
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('cn_kids', 'parent', 'cn_items', 'kids');
  insert into cn_items (v, value, k, l) values (1, 'a', 7, 'x'), (2, 'b', 8, 'y'), (3, 'c', 9, 'z');
  insert into cn_kids (parent, v, value) values (1, 10, 'p'), (1, 20, 'q'), (2, 30, 'r');
`);
const ids = async (qs: string) => {
  const res = await app.get(`/items/cn_items?fields=id&sort=id&${qs}`);
  t.equal(res.status, 200, qs);
  return res.body.data?.map((r: { id: number }) => r.id);
};

t.test('_in and _nin on any field of a collection with a field v', async (t) => {
  t.same(await ids('filter[v][_in]=1,2'), [1, 2]);
  t.same(await ids('filter[id][_in]=1,3'), [1, 3]);
  t.same(await ids('filter[value][_in]=a,c'), [1, 3]);
  t.same(await ids('filter[k][_nin]=7'), [2, 3]);
  t.same(await ids('filter[l][_in]=y'), [2]);
  t.same(await ids('filter[v][_nin]=3'), [1, 2]);
  t.same(await ids('filter[kids][v][_in]=30'), [2]);
});

t.test('a deep _in filter on a related collection with a field v', async (t) => {
  const res = await app.get('/items/cn_items?fields=id,kids.v&sort=id&deep[kids][_filter][v][_in]=10,30');
  t.equal(res.status, 200);
  t.same(res.body.data, [{ id: 1, kids: [{ v: 10 }] }, { id: 2, kids: [{ v: 30 }] }, { id: 3, kids: [] }]);
});

t.test('reads by keys (SEARCH keys, a batch update\'s answer)', async (t) => {
  const found = await app.search('/items/cn_items', { keys: [3, 1], query: { fields: ['id', 'v'], sort: ['id'] } });
  t.equal(found.status, 200);
  t.same(found.body.data, [{ id: 1, v: 1 }, { id: 3, v: 3 }]);
  const updated = await app.request('PATCH', '/items/cn_items?fields=id,l', { body: { keys: [2, 3], data: { l: 'w' } } });
  t.equal(updated.status, 200);
  t.same(updated.body.data.sort((a: { id: number }, b: { id: number }) => a.id - b.id), [{ id: 2, l: 'w' }, { id: 3, l: 'w' }]);
  t.same(await app.sql('select id, l from cn_items order by id'), [{ id: 1, l: 'x' }, { id: 2, l: 'w' }, { id: 3, l: 'w' }]);
});

t.test('a permission with _in on such a collection: row-level security lets exactly its rows through', async (t) => {
  const policy = 'c0c0c0c0-0000-4000-8000-000000000001';
  await app.sql(`
    insert into directus_policies (id, name) values ('${policy}', 'Some values');
    insert into directus_users (id, email, status, token) values (gen_random_uuid(), 'cn@example.com', 'active', 'cn-token');
    insert into directus_access (id, "user", policy) select gen_random_uuid(), id, '${policy}' from directus_users where email = 'cn@example.com';
    insert into directus_permissions (collection, action, permissions, fields, policy) values
      ('cn_items', 'read', '{"value":{"_in":["a","b"]}}', '*', '${policy}');
  `);
  const res = await app.get('/items/cn_items?fields=id&sort=id', { token: 'cn-token' });
  t.equal(res.status, 200);
  t.same(res.body.data, [{ id: 1 }, { id: 2 }], 'the rows whose value is a or b');
  const one = await app.get('/items/cn_items/3', { token: 'cn-token' });
  t.equal(one.status, 403, 'and not the third');
});
