// GraphQL as an attacker uses it: a field the caller may not read reached through filters,
// sorts, aggregates, groupBy, search and relational paths; rows hidden by a permission rule
// reached through relations and counts; nested mutations into collections the caller may not
// write; and the schema each of three policy sets sees. Every refusal leaves the database as it
// was (the same guarantees as REST's adversarial suite, through the GraphQL front end).
import t, { type Test } from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const READERS = '11111111-1111-4111-8111-111111111111';
const EDITORS = '11111111-1111-4111-8111-111111111112';
const R_ROLE = '33333333-3333-4333-8333-333333333331';
const E_ROLE = '33333333-3333-4333-8333-333333333332';

await app.sql(`
  create table authors (id serial primary key, name varchar(255), email varchar(255));
  create table books (id serial primary key, title varchar(255), status varchar(20), secret text, author int references authors(id));
  create table vault (id serial primary key, gold int);
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('books', 'author', 'authors', 'books');
  insert into directus_fields (collection, field, special) values ('authors', 'books', 'o2m');
  insert into authors (name, email) values ('Ann', 'ann@hidden.example'), ('Bob', 'bob@hidden.example');
  insert into books (title, status, secret, author) values
    ('a', 'published', 'alpha-secret', 1), ('b', 'draft', 'beta-secret', 1), ('c', 'published', 'gamma-secret', 2);
  insert into vault (gold) values (1000);
  insert into directus_roles (id, name) values ('${R_ROLE}', 'Reader'), ('${E_ROLE}', 'Editor');
  insert into directus_policies (id, name) values ('${READERS}', 'Readers'), ('${EDITORS}', 'Editors');
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${R_ROLE}', '${READERS}'), (gen_random_uuid(), '${E_ROLE}', '${EDITORS}');
  insert into directus_users (id, email, status, role, token) values
    (gen_random_uuid(), 'reader@example.com', 'active', '${R_ROLE}', 'reader-token'),
    (gen_random_uuid(), 'editor@example.com', 'active', '${E_ROLE}', 'editor-token');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('books', 'read', '{"status":{"_eq":"published"}}', 'id,title,status,author', '${READERS}'),
    ('authors', 'read', null, 'id,name,books', '${READERS}'),
    ('books', 'read', null, 'id,title,status,author', '${EDITORS}'),
    ('books', 'create', null, 'title,status,author', '${EDITORS}'),
    ('books', 'update', '{"status":{"_eq":"draft"}}', 'title,status,author', '${EDITORS}'),
    ('authors', 'read', null, 'id,name', '${EDITORS}'),
    ('authors', 'update', '{"id":{"_eq":2}}', 'name', '${EDITORS}');
  insert into directus_permissions (collection, action, fields, validation, policy) values
    ('authors', 'create', 'name', '{"name":{"_starts_with":"ok"}}', '${EDITORS}');
`);

const gql = (query: string, token: string | null, variables?: unknown) => app.post('/graphql', { query, variables }, { token: token as never });
const snapshot = async () => ({
  books: await app.sql('select id, title, status, secret, author from books order by id'),
  authors: await app.sql('select id, name, email from authors order by id'),
  vault: await app.sql('select id, gold from vault order by id'),
});
const before = await snapshot();

/** refused without revealing: a validation error (not in the caller's schema) or the field's FORBIDDEN, with no data */
function refused(t: Test, res: { status: number; body: any; text: string }, what: string, secrets: RegExp) {
  const code = res.body.errors?.[0]?.extensions?.code;
  t.ok(res.status === 400 ? code === 'GRAPHQL_VALIDATION' : res.status === 200 && ['FORBIDDEN', 'INVALID_QUERY'].includes(code), `${what}: refused (${res.status} ${code})`);
  if (res.status === 200) t.ok(Object.values(res.body.data ?? {}).every((v) => v === null), `${what}: no data`);
  t.notMatch(res.text, secrets, `${what}: nothing of the hidden values in the answer`);
}

t.test('a field the reader may not read is unreachable through every argument', async (t) => {
  const secrets = /alpha-secret|beta-secret|gamma-secret|hidden\.example/;
  const attempts: [string, string][] = [
    ['filter at the root', '{ books(filter: {secret: {_eq: "alpha-secret"}}) { id } }'],
    ['filter with _starts_with', '{ books(filter: {secret: {_starts_with: "alpha"}}) { id } }'],
    ['filter through the m2o', '{ books(filter: {author: {email: {_eq: "ann@hidden.example"}}}) { id } }'],
    ['filter through the o2m', '{ authors(filter: {books: {secret: {_eq: "alpha-secret"}}}) { id } }'],
    ['a nested relation\'s filter', '{ authors { books(filter: {secret: {_contains: "alpha"}}) { id } } }'],
    ['sort', '{ books(sort: ["secret"]) { id } }'],
    ['sort descending through the m2o', '{ books(sort: ["-author.email"]) { id } }'],
    ['a nested relation\'s sort', '{ authors { books(sort: ["secret"]) { id } } }'],
    ['aggregate max', '{ books_aggregated { max { secret } } }'],
    ['countDistinct', '{ books_aggregated { countDistinct { secret } } }'],
    ['groupBy', '{ books_aggregated(groupBy: ["secret"]) { group countAll } }'],
    ['groupBy through the m2o', '{ books_aggregated(groupBy: ["author.email"]) { group countAll } }'],
    ['aggregate filter', '{ books_aggregated(filter: {secret: {_null: false}}) { countAll } }'],
    ['the field itself', '{ books { id secret } }'],
    ['the m2o\'s hidden field', '{ books { author { email } } }'],
    ['a hidden collection', '{ vault { gold } }'],
    ['a hidden collection by id', '{ vault_by_id(id: 1) { gold } }'],
    ['a hidden collection\'s aggregate', '{ vault_aggregated { sum { gold } } }'],
  ];
  for (const [what, q] of attempts) refused(t, await gql(q, 'reader-token'), what, secrets);

  // search looks only at fields the caller may read: "alpha" is only in a hidden field
  const search = await gql('{ books(search: "alpha") { id } }', 'reader-token');
  t.same(search.body, { data: { books: [] } }, 'search does not match a hidden field');
  const searchRelated = await gql('{ authors { books(search: "gamma") { id } } }', 'reader-token');
  t.same(searchRelated.body, { data: { authors: [{ books: [] }, { books: [] }] } }, 'nor in a nested relation');
  t.same(await snapshot(), before, 'the database did not change');
});

t.test('rows hidden by the permission rule stay hidden through relations and counts', async (t) => {
  const nested = await gql('{ authors(sort: "id") { name books(sort: "id") { id title } } }', 'reader-token');
  t.same(nested.body, { data: { authors: [{ name: 'Ann', books: [{ id: 1, title: 'a' }] }, { name: 'Bob', books: [{ id: 3, title: 'c' }] }] } },
    'the draft book is not among Ann\'s books');
  const byId = await gql('{ books_by_id(id: 2) { id title } }', 'reader-token');
  t.same(byId.body.data, { books_by_id: null }, 'a hidden row by id answers like a missing one');
  t.notMatch(byId.text, /"b"/);
  const counted = await gql('{ books_aggregated { countAll count { id } } b: books_aggregated(filter: {status: {_eq: "draft"}}) { countAll } }', 'reader-token');
  t.same(counted.body, { data: { books_aggregated: [{ countAll: 2, count: { id: 2 } }], b: [{ countAll: 0 }] } }, 'aggregates count visible rows only');
  const grouped = await gql('{ books_aggregated(groupBy: ["status"]) { group countAll } }', 'reader-token');
  t.same(grouped.body, { data: { books_aggregated: [{ group: { status: 'published' }, countAll: 2 }] } }, 'no draft group');
  const filtered = await gql('{ authors(filter: {books: {status: {_eq: "draft"}}}) { id } }', 'reader-token');
  t.same(filtered.body, { data: { authors: [] } }, 'a relational filter cannot test for a hidden row');
  const func = await gql('{ authors(sort: "id") { books_func { count } } }', 'reader-token');
  t.same(func.body, { data: { authors: [{ books_func: { count: 1 } }, { books_func: { count: 1 } }] } }, 'relational counts count visible rows');
});

t.test('nested mutations into places the editor may not write change nothing', async (t) => {
  const secrets = /alpha-secret|beta-secret|gamma-secret|hidden\.example/;
  const attempts: [string, string][] = [
    ['an m2o create into authors', 'mutation { create_books_item(data: {title: "x", status: "draft", author: {name: "Mallory"}}) { id } }'],
    ['an m2o update of an author', 'mutation { create_books_item(data: {title: "x", author: {id: 1, name: "Hacked"}}) { id } }'],
    ['one bad item in a batch', 'mutation { create_books_items(data: [{title: "ok"}, {title: "bad", author: {name: "Mallory"}}]) { id } }'],
    ['an update of a row outside the rule', 'mutation { update_books_item(id: 1, data: {title: "defaced"}) { id } }'],
    ['an update through the m2o', 'mutation { update_books_item(id: 2, data: {author: {id: 2, name: "Hacked"}}) { id } }'],
    ['a batch update touching a row outside the rule', 'mutation { update_books_items(ids: [2, 3], data: {title: "defaced"}) { id } }'],
    ['a field outside the write permission', 'mutation { create_books_item(data: {title: "x", secret: "planted"}) { id } }'],
    ['a delete the editor lacks', 'mutation { delete_books_item(id: 2) { id } }'],
    ['a write to a hidden collection', 'mutation { create_vault_item(data: {gold: 1}) { id } }'],
    ['an author create breaking the permission\'s validation', 'mutation { create_authors_item(data: {name: "Mallory"}) { id } }'],
    ['an update of an author outside the rule', 'mutation { update_authors_item(id: 1, data: {name: "Hacked"}) { id } }'],
    ['an author field outside the permission', 'mutation { create_authors_item(data: {name: "ok", email: "x@hidden.example"}) { id } }'],
  ];
  for (const [what, q] of attempts) {
    const res = await gql(q, 'editor-token');
    const code = res.body.errors?.[0]?.extensions?.code;
    t.ok(res.status === 400 ? code === 'GRAPHQL_VALIDATION' : ['FORBIDDEN', 'FAILED_VALIDATION', 'INVALID_PAYLOAD'].includes(code), `${what}: refused (${res.status} ${code})`);
    t.notMatch(res.text, secrets, `${what}: reveals nothing`);
    t.same(await snapshot(), before, `${what}: the database did not change`);
  }
  // a hostile variables object: prototype keys are data, not structure
  const proto = await gql('mutation ($d: create_books_input!) { create_books_item(data: $d) { id } }', 'editor-token',
    JSON.parse('{"d": {"title": "x", "__proto__": {"author": {"name": "Mallory"}}}}'));
  t.not(proto.status, 500);
  t.same((await snapshot()).authors, before.authors, 'no author made through __proto__');
  await app.sql("delete from books where title = 'x'");
  // what the editor may do still works: the refusals above are about the targets, not the front end
  const ok = await gql('mutation { update_books_item(id: 2, data: {title: "b2"}) { id title } }', 'editor-token');
  t.same(ok.body, { data: { update_books_item: { id: 2, title: 'b2' } } });
  const nested = await gql('mutation { create_books_item(data: {title: "n", author: {name: "ok-Carl"}}) { title author { name } } }', 'editor-token');
  t.same(nested.body, { data: { create_books_item: { title: 'n', author: { name: 'ok-Carl' } } } }, 'a nested create the permissions allow');
  await app.sql("update books set title = 'b' where id = 2; delete from books where title = 'n'; delete from authors where name = 'ok-Carl'");
  t.same(await snapshot(), before);
});

t.test('three policy sets, three schemas', async (t) => {
  const q = '{ __schema { queryType { fields { name } } mutationType { fields { name } } } }';
  const names = async (token: string | null) => {
    const res = await gql(q, token);
    t.equal(res.status, 200);
    const s = res.body.data.__schema;
    return { query: s.queryType.fields.map((f: { name: string }) => f.name).sort(), mutation: (s.mutationType?.fields ?? []).map((f: { name: string }) => f.name).sort() };
  };
  const reader = await names('reader-token');
  t.same(reader.query, ['authors', 'authors_aggregated', 'authors_by_id', 'authors_by_version', 'books', 'books_aggregated', 'books_by_id', 'books_by_version']);
  t.same(reader.mutation.filter((n: string) => n !== '_empty'), [], 'the reader may not write: no mutation');
  const editor = await names('editor-token');
  t.same(editor.mutation, ['create_authors_item', 'create_authors_items', 'create_books_item', 'create_books_items', 'update_authors_batch', 'update_authors_item',
    'update_authors_items', 'update_books_batch', 'update_books_item', 'update_books_items'], 'create and update, no delete');
  const admin = await names(app.adminToken);
  t.ok(['create_vault_item', 'delete_books_items', 'update_authors_item'].every((n) => admin.mutation.includes(n)), 'the admin writes everything');
  const input = await gql('{ __type(name: "create_books_input") { inputFields { name } } }', 'editor-token');
  t.same(input.body.data.__type.inputFields.map((f: { name: string }) => f.name).sort(), ['author', 'status', 'title'], 'create input: the permitted fields');
  const publicRoots = await names(null);
  t.same(publicRoots.query, ['_empty'], 'the public sees nothing');
});
