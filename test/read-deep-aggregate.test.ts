// `deep[<o2m field>][_aggregate]` (+ `_groupBy`): a one-to-many field read as its rows'
// aggregates per parent row, as the Data Studio's roles and policies lists ask for user counts.
// The expectations are Directus 12.4's recorded answers over the same data (dagg_authors with
// an o2m `books` to dagg_books; /policies and /roles).
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const ROLE = '33333333-3333-4333-8333-333333333333';
const POLICY = '11111111-1111-4111-8111-111111111111';
const READER = '22222222-2222-4222-8222-222222222222';

await app.sql(`
  create table authors (id serial primary key, name varchar(255));
  create table books (id serial primary key, title varchar(255), pages int, price float8, genre varchar(32),
    author int references authors(id));
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('books', 'author', 'authors', 'books');
  insert into authors (name) values ('Ann'), ('Bob'), ('Cy');
  insert into books (title, pages, price, genre, author) values
    ('a1', 100, 1.5, 'sf', 1), ('a2', 200, 2.5, 'sf', 1), ('a3', 300, 3, 'crime', 1), ('b1', 50, null, 'sf', 2), ('orphan', 7, null, null, null);
  insert into directus_roles (id, name) values ('${ROLE}', 'Readers');
  insert into directus_policies (id, name, app_access) values ('${POLICY}', 'Readers', true);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${POLICY}');
  insert into directus_users (id, email, status, role, token) values ('${READER}', 'reader@example.com', 'active', '${ROLE}', 'reader-token');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('authors', 'read', null, '*', '${POLICY}'),
    ('books', 'read', '{"genre":{"_eq":"sf"}}', 'id,title,genre,author', '${POLICY}');
`);
const reader = { token: 'reader-token' };
const BY_AUTHOR = 'deep[books][_groupBy][]=author&deep[books][_sort]=author';
const authors = (qs: string, opts?: { token: string }) => app.get(`/items/authors?fields=id,books&sort=id&${qs}`, opts);

t.test('count per parent row, a string as Directus answers it; no rows, no group', async (t) => {
  const res = await authors(`deep[books][_aggregate][count]=id&${BY_AUTHOR}`);
  t.equal(res.status, 200);
  t.same(res.body, { data: [{ id: 1, books: [{ count: { id: '3' } }] }, { id: 2, books: [{ count: { id: '1' } }] }, { id: 3, books: [] }] });
  const star = await authors(`deep[books][_aggregate][count]=*&${BY_AUTHOR}`);
  t.same(star.body.data, [{ id: 1, books: [{ count: '3' }] }, { id: 2, books: [{ count: '1' }] }, { id: 3, books: [] }]);
  const plain = await authors('deep[books][_aggregate][count]=id&deep[books][_groupBy]=author&deep[books][_sort]=author');
  t.same(plain.body.data, res.body.data, 'a groupBy given as a string');
});

t.test('sum, avg, min, max and countDistinct in request order, formatted as at the root', async (t) => {
  const res = await authors(`deep[books][_aggregate][sum]=pages&deep[books][_aggregate][avg]=price&deep[books][_aggregate][min]=title`
    + `&deep[books][_aggregate][max]=pages&deep[books][_aggregate][countDistinct]=genre&${BY_AUTHOR}`);
  t.equal(res.status, 200);
  t.same(res.body.data, [
    { id: 1, books: [{ sum: { pages: '600' }, avg: { price: 2.3333333333333335 }, min: { title: 'a1' }, max: { pages: 300 }, countDistinct: { genre: '2' } }] },
    { id: 2, books: [{ sum: { pages: '50' }, avg: { price: null }, min: { title: 'b1' }, max: { pages: 50 }, countDistinct: { genre: '1' } }] },
    { id: 3, books: [] },
  ]);
  t.same(Object.keys(res.body.data[0].books[0]), ['sum', 'avg', 'min', 'max', 'countDistinct']);
  const two = await authors(`deep[books][_aggregate][count]=id&deep[books][_aggregate][max]=price&${BY_AUTHOR}`);
  t.same(two.body.data, [
    { id: 1, books: [{ count: { id: '3' }, max: { price: 3 } }] },
    { id: 2, books: [{ count: { id: '1' }, max: { price: null } }] },
    { id: 3, books: [] },
  ]);
});

t.test('the deep filter narrows the aggregated rows', async (t) => {
  const res = await authors(`deep[books][_aggregate][count]=id&${BY_AUTHOR}&deep[books][_filter][genre][_eq]=sf`);
  t.same(res.body.data, [{ id: 1, books: [{ count: { id: '2' } }] }, { id: 2, books: [{ count: { id: '1' } }] }, { id: 3, books: [] }]);
});

t.test('an unknown field answers 403 naming the relation, as Directus does', async (t) => {
  const res = await authors(`deep[books][_aggregate][count]=nope&${BY_AUTHOR}`);
  t.equal(res.status, 403);
  t.same(res.body.errors[0].message, 'You don\'t have permission to access field "nope" in collection "books" or it does not exist. Queried in "books".');
  const text = await authors(`deep[books][_aggregate][sum]=title&${BY_AUTHOR}`);
  t.equal(text.status, 400, 'sum of a text field is refused (Directus answers a 500)');
  for (const qs of ['deep[books][_aggregate]=1', 'deep[books][_aggregate][nope]=id', `deep[books][_aggregate][__proto__]=id&${BY_AUTHOR}`]) {
    t.equal((await authors(qs)).status, 400, `${qs} is an invalid query`);
  }
  t.equal((await authors('deep[books][_aggregate][count]=id&deep[books][_groupBy][]=author.name')).status, 403, 'a relational group');
});

t.test('within the caller\'s permissions: only readable rows are aggregated', async (t) => {
  const res = await authors(`deep[books][_aggregate][count]=id&${BY_AUTHOR}`, reader);
  t.equal(res.status, 200);
  t.same(res.body.data, [{ id: 1, books: [{ count: { id: '2' } }] }, { id: 2, books: [{ count: { id: '1' } }] }, { id: 3, books: [] }]);
  const hidden = await authors(`deep[books][_aggregate][max]=pages&${BY_AUTHOR}`, reader);
  t.equal(hidden.status, 403, 'a field the caller may not read is not aggregated');
});

t.test('shapes Directus answers with a 500: no groupBy, other groups, child fields named', async (t) => {
  // Strata's choice: one aggregate row per parent (zero for none), groups as at the root
  const none = await authors('deep[books][_aggregate][count]=id');
  t.same(none.body.data, [{ id: 1, books: [{ count: { id: '3' } }] }, { id: 2, books: [{ count: { id: '1' } }] }, { id: 3, books: [{ count: { id: '0' } }] }]);
  const genre = await authors('deep[books][_aggregate][count]=id&deep[books][_groupBy][]=author,genre&deep[books][_sort]=genre');
  t.same(genre.body.data, [
    { id: 1, books: [{ genre: 'crime', count: { id: '1' } }, { genre: 'sf', count: { id: '2' } }] },
    { id: 2, books: [{ genre: 'sf', count: { id: '1' } }] },
    { id: 3, books: [] },
  ]);
  const named = await app.get(`/items/authors?fields=id,books.title&sort=id&deep[books][_aggregate][count]=id&${BY_AUTHOR}`);
  t.same(named.body.data[0], { id: 1, books: [{ count: { id: '3' } }] });
});

t.test('without _aggregate the nested list reads as before', async (t) => {
  const res = await authors('deep[books][_sort]=-id&deep[books][_limit]=1');
  t.same(res.body.data, [{ id: 1, books: [3] }, { id: 2, books: [4] }, { id: 3, books: [] }]);
});

t.test('the Data Studio\'s roles and policies lists', async (t) => {
  const policies = await app.get('/policies?limit=-1&fields=id,name,users,roles'
    + '&deep[users][_aggregate][count]=user&deep[users][_groupBy][]=policy&deep[users][_sort]=policy&deep[users][_limit]=-1'
    + '&deep[roles][_aggregate][count]=role&deep[roles][_groupBy][]=policy&deep[roles][_sort]=policy&deep[roles][_limit]=-1&sort=name');
  t.equal(policies.status, 200);
  const readers = policies.body.data.find((p: { id: string }) => p.id === POLICY);
  // Directus: an access row of a role counts as a role, not a user ("0"), and the reverse
  t.same(readers, { id: POLICY, name: 'Readers', users: [{ count: { user: '0' } }], roles: [{ count: { role: '1' } }] });
  const roles = await app.get('/roles?limit=-1&fields=id,name,users,children.name,children.id'
    + '&deep[users][_aggregate][count]=id&deep[users][_groupBy][]=role&deep[users][_sort]=role&deep[users][_limit]=-1&sort=name');
  t.equal(roles.status, 200);
  t.same(roles.body.data.find((r: { id: string }) => r.id === ROLE), { id: ROLE, name: 'Readers', users: [{ count: { id: '1' } }], children: [] });
});
