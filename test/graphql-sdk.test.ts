// The official Directus client as a real client of Strata's GraphQL (issue 12):
// `createDirectus(url).with(graphql())` from @directus/sdk, unchanged: queries with variables on
// /graphql, mutations through the same writer as REST, system queries on /graphql/system,
// authentication through the SDK's own login, and errors as the SDK surfaces them.
import t from 'tap';
import { authentication, createDirectus, graphql, staticToken } from '@directus/sdk';
import { startApp } from './helpers/app.js';

const app = await startApp(t);
await app.sql(`
  create table sdk_books (id serial primary key, title varchar(255) not null, pages integer);
  insert into directus_collections (collection) values ('sdk_books');
  insert into sdk_books (title, pages) values ('Dune', 412), ('Emma', 474), ('Ulysses', 730);
`);

interface Schema {
  sdk_books: Array<{ id: number; title: string; pages: number | null }>;
}

const admin = createDirectus<Schema>(app.url).with(staticToken(app.adminToken)).with(graphql());

t.test('queries with arguments and variables', async (t) => {
  const all = await admin.query<{ sdk_books: Schema['sdk_books'] }>('query { sdk_books(sort: ["id"]) { id title pages } }');
  t.same(all.sdk_books.map((b) => b.title), ['Dune', 'Emma', 'Ulysses']);
  const long = await admin.query<{ sdk_books: Array<{ title: string }> }>(
    'query Long($min: GraphQLStringOrFloat) { sdk_books(filter: { pages: { _gt: $min } }, sort: ["-pages"]) { title } }', { min: 450 });
  t.same(long.sdk_books, [{ title: 'Ulysses' }, { title: 'Emma' }], 'a filter from a variable, sorted');
  const agg = await admin.query<{ sdk_books_aggregated: Array<{ count: { id: number }; sum: { pages: number } }> }>(
    'query { sdk_books_aggregated { count { id } sum { pages } } }');
  t.same(agg.sdk_books_aggregated, [{ count: { id: 3 }, sum: { pages: 1616 } }]);
});

t.test('mutations write what REST reads back', async (t) => {
  const made = await admin.query<{ create_sdk_books_item: { id: number; title: string } }>(
    'mutation Make($data: create_sdk_books_input!) { create_sdk_books_item(data: $data) { id title } }', { data: { title: 'Middlemarch', pages: 880 } });
  t.equal(made.create_sdk_books_item.title, 'Middlemarch');
  const res = await app.get(`/items/sdk_books/${made.create_sdk_books_item.id}`);
  t.same(res.body.data, { id: Number(made.create_sdk_books_item.id), title: 'Middlemarch', pages: 880 }, 'REST reads what GraphQL wrote');
  t.equal((await app.sql('select count(*)::int as n from sdk_books'))[0].n, 4);
});

t.test('errors reach the caller as the SDK reports them, and nothing is written', async (t) => {
  const before = (await app.sql('select count(*)::int as n from sdk_books'))[0].n;
  const err = await admin.query('mutation { create_sdk_books_item(data: { pages: 1 }) { id } }').then(() => null, (e: unknown) => e);
  t.ok(err, 'a missing required field rejects');
  const errors = (err as { errors?: Array<{ extensions?: { code?: string } }> }).errors ?? [];
  t.ok(errors.length > 0 && errors.every((e) => typeof e.extensions?.code === 'string'), 'with Directus error codes');
  t.equal((await app.sql('select count(*)::int as n from sdk_books'))[0].n, before, 'nothing was written');
  const unknown = await admin.query('query { nope { id } }').then(() => null, (e: unknown) => e) as { errors?: Array<{ extensions?: { code?: string } }> } | null;
  t.equal(unknown?.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION');
});

t.test('system scope and the SDK\'s own login', async (t) => {
  const me = await admin.query<{ users_me: { email: string } }>('query { users_me { email } }', undefined, 'system');
  t.equal(me.users_me.email, 'admin@example.com');
  const anon = createDirectus<Schema>(app.url).with(authentication('json', { autoRefresh: false })).with(graphql());
  const books = await anon.query('query { sdk_books { id } }').then(() => null, (e: unknown) => e) as { errors?: Array<{ extensions?: { code?: string } }> } | null;
  t.ok(books?.errors?.length, 'an anonymous caller has no sdk_books in its schema');
  await anon.login('admin@example.com', app.cluster.adminPassword);
  const after = await anon.query<{ sdk_books: unknown[] }>('query { sdk_books { id } }');
  t.equal(after.sdk_books.length, 4, 'after login() the SDK sends its access token');
});
