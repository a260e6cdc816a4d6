// GraphQL mutations on /graphql (items scope): Directus's create/update/delete root fields,
// written through the same write path as REST and re-read with the selection set; the schema
// offers only the actions the caller's permissions allow.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const WRITERS = '11111111-1111-4111-8111-111111111111';
const WRITER = '22222222-2222-4222-8222-222222222222';
const ROLE = '33333333-3333-4333-8333-333333333333';

await app.sql(`
  create table authors (id serial primary key, name varchar(255) not null, email varchar(255));
  create table books (id serial primary key, title varchar(255), pages int, author int references authors(id));
  create table vault (id serial primary key, gold int);
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('books', 'author', 'authors', 'books');
  insert into authors (name) values ('Ann');
  insert into books (title, pages, author) values ('a', 10, 1);
  insert into vault (gold) values (1);
  insert into directus_roles (id, name) values ('${ROLE}', 'Writer');
  insert into directus_policies (id, name) values ('${WRITERS}', 'Writers');
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${WRITERS}');
  insert into directus_users (id, email, status, role, token) values ('${WRITER}', 'w@example.com', 'active', '${ROLE}', 'writer-token');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('books', 'read', null, '*', '${WRITERS}'),
    ('books', 'create', null, '*', '${WRITERS}'),
    ('authors', 'read', null, '*', '${WRITERS}'),
    ('vault', 'read', null, '*', '${WRITERS}');
`);
const writer = { token: 'writer-token' };
const gql = (query: string, variables?: unknown, opts: { token?: string } = {}) => app.post('/graphql', { query, variables }, opts);
const count = async (table: string) => (await app.sql(`select count(*)::int as n from ${table}`))[0].n;

t.test('create, update and delete one item; the selection is re-read', async (t) => {
  const created = await gql('mutation { create_books_item(data: {title: "n", pages: 5, author: {name: "Neo"}}) { id title author { name } } }');
  t.equal(created.status, 200);
  t.match(created.body, { data: { create_books_item: { title: 'n', author: { name: 'Neo' } } } });
  t.notOk(created.body.errors);
  const id = created.body.data.create_books_item.id;
  const updated = await gql('mutation ($id: ID!) { update_books_item(id: $id, data: {pages: 6}) { pages t: title __typename } }', { id: String(id) });
  t.same(updated.body, { data: { update_books_item: { pages: 6, t: 'n', __typename: 'books' } } });
  const deleted = await gql(`mutation { delete_books_item(id: ${id}) { id } }`);
  t.same(deleted.body, { data: { delete_books_item: { id: String(id) } } });
  t.same(await app.sql('select count(*)::int as n from books where id = $1', [id]), [{ n: 0 }]);
});

t.test('many items, batch, by ids', async (t) => {
  const created = await gql('mutation { create_books_items(data: [{title: "x1", pages: 1}, {title: "x2", pages: 2}], sort: ["-pages"]) { title } }');
  t.same(created.body, { data: { create_books_items: [{ title: 'x2' }, { title: 'x1' }] } });
  const ids = (await app.sql(`select id from books where title like 'x%' order by id`)).map((r) => String(r.id));
  const many = await gql('mutation ($ids: [ID]!) { update_books_items(ids: $ids, data: {pages: 9}) { id pages } }', { ids });
  t.same(many.body.data.update_books_items.map((b: { pages: number }) => b.pages), [9, 9]);
  const batch = await gql(`mutation { update_books_batch(data: [{id: ${ids[0]}, pages: 11}, {id: ${ids[1]}, pages: 12}]) { pages } }`);
  t.same(batch.body.data.update_books_batch.map((b: { pages: number }) => b.pages).sort(), [11, 12]);
  const del = await gql('mutation ($ids: [ID]!) { delete_books_items(ids: $ids) { ids } }', { ids });
  t.same(del.body, { data: { delete_books_items: { ids } } });
  t.equal(await count(`books where title like 'x%'`), 0);
});
