// GraphQL, read side (/graphql, items scope): Directus's schema per caller, each root field one
// compiled read, every root field of an operation in one flight, Directus's errors.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const READERS = '11111111-1111-4111-8111-111111111111';
const READER = '22222222-2222-4222-8222-222222222222';
const ROLE = '33333333-3333-4333-8333-333333333333';

await app.sql(`
  create table authors (id serial primary key, name varchar(255), email varchar(255), born int);
  create table books (id serial primary key, title varchar(255), pages int, status varchar(20), secret text,
    author int references authors(id));
  create table vault (id serial primary key, gold int);
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('books', 'author', 'authors', 'books');
  insert into authors (name, email, born) values ('Ann', 'ann@x', 1950), ('Bob', 'bob@x', 1960);
  insert into books (title, pages, status, secret, author) values
    ('a', 10, 'published', 's1', 1), ('b', 20, 'draft', 's2', 1), ('c', 30, 'published', 's3', 2), ('d', 40, 'published', 's4', 2);
  insert into vault (gold) values (1);
  insert into directus_roles (id, name) values ('${ROLE}', 'Reader');
  insert into directus_policies (id, name) values ('${READERS}', 'Readers');
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${READERS}');
  insert into directus_users (id, email, status, role, token) values ('${READER}', 'r@example.com', 'active', '${ROLE}', 'reader-token');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('books', 'read', '{"status":{"_eq":"published"}}', 'id,title,pages,status,author', '${READERS}'),
    ('authors', 'read', null, 'id,name,books', '${READERS}');
`);
const reader = { token: 'reader-token' };

const gql = (query: string, variables?: unknown, opts: { token?: string } = {}) => app.post('/graphql', { query, variables }, opts);

t.test('list with filter, sort and limit; by_id; arguments in variables', async (t) => {
  const res = await gql('{ books(filter: {pages: {_gte: 20}}, sort: ["-pages"], limit: 2) { id title pages } }');
  t.equal(res.status, 200);
  t.same(res.body, { data: { books: [{ id: 4, title: 'd', pages: 40 }, { id: 3, title: 'c', pages: 30 }] } });
  const one = await gql('query Q($id: ID!) { books_by_id(id: $id) { title } }', { id: '2' });
  t.same(one.body, { data: { books_by_id: { title: 'b' } } });
  const vars = await gql('query ($f: books_filter, $n: Int) { books(filter: $f, limit: $n, sort: "id") { id } }', { f: { title: { _in: ['a', 'c'] } }, n: 5 });
  t.same(vars.body, { data: { books: [{ id: 1 }, { id: 3 }] } });
  const page = await app.get(`/graphql?query=${encodeURIComponent('{ books(sort: ["id"], limit: 2, page: 2) { id } }')}`);
  t.same(page.body, { data: { books: [{ id: 3 }, { id: 4 }] } }, 'GET with ?query=');
});

t.test('nested m2o and o2m with their own arguments; aliases at every level', async (t) => {
  const res = await gql(`{
    authors(sort: "id") { name books(sort: ["-id"], limit: 1, filter: {status: {_eq: "published"}}) { title } }
    books(filter: {id: {_eq: 1}}) { heading: title writer: author { name } author { id } }
  }`);
  t.same(res.body, { data: {
    authors: [{ name: 'Ann', books: [{ title: 'a' }] }, { name: 'Bob', books: [{ title: 'd' }] }],
    books: [{ heading: 'a', writer: { name: 'Ann' }, author: { id: 1 } }],
  } });
  const nested = await gql('{ authors(filter: {id: {_eq: 2}}) { works: books(sort: "id") { t: title } } }');
  t.same(nested.body, { data: { authors: [{ works: [{ t: 'c' }, { t: 'd' }] }] } });
  const frag = await gql('query { books_by_id(id: 3) { ...B author { __typename name } __typename } } fragment B on books { title }');
  t.same(frag.body, { data: { books_by_id: { title: 'c', author: { __typename: 'authors', name: 'Bob' }, __typename: 'books' } } }, 'fragments and __typename');
});

t.test('aggregated with groupBy', async (t) => {
  const res = await gql('{ books_aggregated(groupBy: ["author"], sort: ["author"]) { group countAll count { id } sum { pages } max { pages } } }');
  t.equal(res.status, 200);
  t.same(res.body, { data: { books_aggregated: [
    { group: { author: 1 }, countAll: 2, count: { id: 2 }, sum: { pages: 30 }, max: { pages: 20 } },
    { group: { author: 2 }, countAll: 2, count: { id: 2 }, sum: { pages: 70 }, max: { pages: 40 } },
  ] } });
  const all = await gql('{ books_aggregated { countAll } }', undefined, reader);
  t.same(all.body, { data: { books_aggregated: [{ countAll: 3 }] } }, 'counts only rows the caller may read');
});

t.test('several root fields in one request, one flight', async (t) => {
  const res = await gql('{ a: books_by_id(id: 1) { title } b: books_by_id(id: 4) { title } authors(sort: "name") { name } __typename }');
  t.same(res.body, { data: { a: { title: 'a' }, b: { title: 'd' }, authors: [{ name: 'Ann' }, { name: 'Bob' }], __typename: 'Query' } });
});

t.test('errors: parse and validation are 400 GRAPHQL_VALIDATION; execution errors are per field', async (t) => {
  const parse = await gql('{ books { id }');
  t.equal(parse.status, 400);
  t.equal(parse.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
  t.equal(parse.body.errors[0].message, 'GraphQL validation error.');
  t.match(parse.body.errors[0].extensions.errors[0], { message: /Syntax Error/, locations: [{ line: 1 }] });
  const unknown = await gql('{ books { nope } }');
  t.equal(unknown.status, 400);
  t.match(unknown.body.errors[0].extensions.errors[0].message, 'Cannot query field "nope" on type "books".');
  const mutation = await gql('mutation { create_nope_item(data: {}) { id } }');
  t.equal(mutation.status, 400, 'an unknown mutation is a validation error');
  t.equal(mutation.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
  const badVar = await gql('query ($n: Int) { books(limit: $n) { id } }', { n: 'x' });
  t.equal(badVar.status, 400);
  const missing = await gql('{ books_by_id(id: 99) { id } books(limit: 1, sort: "id") { id } }');
  t.equal(missing.status, 200);
  t.same(missing.body.data, { books_by_id: null, books: [{ id: 1 }] });
  t.match(missing.body.errors, [{ path: ['books_by_id'], extensions: { code: 'FORBIDDEN' }, locations: [{ line: 1, column: 3 }] }]);
  const badQuery = await gql('{ books(limit: -5) { id } authors(limit: 1) { id } }');
  t.same(badQuery.body.data, { books: null, authors: [{ id: 1 }] });
  t.equal(badQuery.body.errors[0].extensions.code, 'INVALID_QUERY');
  const noQuery = await app.post('/graphql', {});
  t.equal(noQuery.status, 400);
  const before = await app.sql('select count(*)::int as n from books');
  for (const q of ['{ books { __proto__: title } }', '{ books { constructor: author { name } } }', '{ books { ...__proto__ } } fragment __proto__ on books { id }']) {
    const res = await gql(q);
    t.same([res.status, res.body.errors[0].extensions.code], [400, 'GRAPHQL_VALIDATION'], `${q}: refused`);
  }
  t.equal(({} as Record<string, unknown>).title, undefined, 'Object.prototype untouched');
  t.same(await app.sql('select count(*)::int as n from books'), before, 'the database did not change');
});

t.test('permissions shape the schema and the rows', async (t) => {
  const rows = await gql('{ books(sort: "id") { id title author { name } } }', undefined, reader);
  t.same(rows.body, { data: { books: [{ id: 1, title: 'a', author: { name: 'Ann' } }, { id: 3, title: 'c', author: { name: 'Bob' } }, { id: 4, title: 'd', author: { name: 'Bob' } }] } },
    'rows filtered by the permission rule');
  const o2m = await gql('{ authors(sort: "id") { books(sort: "id") { id } } }', undefined, reader);
  t.same(o2m.body, { data: { authors: [{ books: [{ id: 1 }] }, { books: [{ id: 3 }, { id: 4 }] }] } }, 'nested rows filtered too');
  for (const q of ['{ books { secret } }', '{ authors { email } }', '{ vault { id } }', '{ books(filter: {secret: {_eq: "s1"}}) { id } }', '{ books_aggregated { sum { secret } } }']) {
    const res = await gql(q, undefined, reader);
    t.equal(res.status, 400, `${q}: not in the reader's schema`);
    t.equal(res.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
  }
  const hidden = await gql('{ books_by_id(id: 2) { id } }', undefined, reader);
  t.same(hidden.body.data, { books_by_id: null });
  t.equal(hidden.body.errors[0].extensions.code, 'FORBIDDEN', 'a hidden row answers like a missing one');
});

t.test('introspection shows only what the caller may read', async (t) => {
  const q = '{ __schema { queryType { fields { name } } } vault: __type(name: "vault") { name } books: __type(name: "books") { fields { name } } }';
  const mine = await gql(q, undefined, reader);
  t.equal(mine.status, 200);
  const roots = mine.body.data.__schema.queryType.fields.map((f: { name: string }) => f.name).sort();
  t.same(roots, ['authors', 'authors_aggregated', 'authors_by_id', 'authors_by_version', 'books', 'books_aggregated', 'books_by_id', 'books_by_version']);
  t.equal(mine.body.data.vault, null, 'a hidden collection has no type');
  t.same(mine.body.data.books.fields.map((f: { name: string }) => f.name), ['id', 'title', 'pages', 'status', 'author']);
  const admin = await gql(q);
  t.same(admin.body.data.vault, { name: 'vault' });
  t.ok(admin.body.data.books.fields.some((f: { name: string }) => f.name === 'secret'));
  const anon = await gql('{ __schema { queryType { fields { name } } } }', undefined, { token: null as never });
  t.same(anon.body.data.__schema.queryType.fields.map((f: { name: string }) => f.name), ['_empty'], 'the public sees no collection');
});

t.test('the schema follows changes to fields and permissions', async (t) => {
  const before = await gql('{ books { secret } }', undefined, reader);
  t.equal(before.status, 400);
  const perm = await app.get('/permissions?filter[collection][_eq]=books&fields=id');
  const res = await app.patch(`/permissions/${perm.body.data[0].id}`, { fields: ['id', 'title', 'pages', 'status', 'author', 'secret'] });
  t.equal(res.status, 200);
  const after = await gql('{ books(sort: "id", limit: 1) { secret } }', undefined, reader);
  t.same(after.body, { data: { books: [{ secret: 's1' }] } });
  await app.post('/fields/authors', { field: 'nick', type: 'string' });
  const added = await gql('{ authors(limit: 1) { nick } }');
  t.same(added.body, { data: { authors: [{ nick: null }] } }, 'a new field is in the schema at once');
});

t.test('primary keys are strings, as Directus serializes GraphQL ID (recorded from Directus 12.4: "id": "1")', async (t) => {
  const res = await gql('{ books(sort: "id", limit: 1) { id pages author { id name books(sort: "id") { id } } } authors_by_id(id: 2) { id born } }');
  t.strictSame(res.body, { data: {
    books: [{ id: '1', pages: 10, author: { id: '1', name: 'Ann', books: [{ id: '1' }, { id: '2' }] } }],
    authors_by_id: { id: '2', born: 1960 },
  } }, 'root, m2o, o2m and _by_id keys; other integers stay numbers');
  const created = await gql('mutation { create_authors_item(data: {name: "Cy"}) { id name } }');
  t.equal(typeof created.body.data.create_authors_item.id, 'string', 'a mutation answer too');
  t.match(created.body.data.create_authors_item.id, /^\d+$/);
  const rest = await app.get('/items/authors/1?fields=id');
  t.strictSame(rest.body, { data: { id: 1 } }, 'REST keeps numbers');
  await app.sql(`delete from authors where name = 'Cy'`);
});
