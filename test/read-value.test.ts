// The compiled read's two outputs: 'envelope' (REST's body, built by strata.compile_read and
// nowhere else) and 'value' (the `data` member alone, for front ends without Directus's
// envelope: GraphQL root fields, realtime). Value mode must be exactly REST's `data` for every
// kind of read, as each caller sees it; the envelope must stay REST's body byte for byte.
import t, { type Test } from 'tap';
import { startApp } from './helpers/app.js';
import { Reader, type ReadMode } from '../src/engine/reader.js';
import { Writer } from '../src/engine/writer.js';
import { Catalog } from '../src/engine/catalog.js';
import { normalizeQuery } from '../src/request/query.js';
import { parseQueryString } from '../src/request/qs.js';
import type { Accountability } from '../src/types.js';

const app = await startApp(t);

const EDITORS = '11111111-1111-4111-8111-111111111111';
const EDITOR = '22222222-2222-4222-8222-222222222222';
const ROLE = '33333333-3333-4333-8333-333333333333';

await app.sql(`
  create table rv_authors (id serial primary key, name varchar(255), email varchar(255));
  create table rv_articles (id serial primary key, title varchar(255), status varchar(20), secret text,
    views int8, author int references rv_authors(id));
  create table rv_comments (id serial primary key, body text, article int references rv_articles(id));
  create table rv_site (id serial primary key, title varchar(255) default 'My site', color varchar(16));
  create table rv_empty (id serial primary key, title varchar(255) default 'Untitled');
  insert into directus_collections (collection, singleton) values ('rv_site', true), ('rv_empty', true);
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values
    ('rv_articles', 'author', 'rv_authors', null), ('rv_comments', 'article', 'rv_articles', 'comments');
  insert into rv_authors (name, email) values ('Ann', 'ann@x'), ('Bob', 'bob@x');
  insert into rv_articles (title, status, secret, views, author) values
    ('one', 'published', 's1', 9007199254740993, 1), ('two', 'draft', 's2', 5, 2), ('three', 'published', 's3', 7, 2);
  insert into rv_comments (body, article) values ('c1', 1), ('c2', 1), ('c3', 3);
  insert into rv_site (title, color) values ('Strata', 'blue');
  insert into directus_roles (id, name) values ('${ROLE}', 'Editor');
  insert into directus_policies (id, name, app_access) values ('${EDITORS}', 'Editors', false);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${EDITORS}');
  insert into directus_users (id, email, status, role, token) values ('${EDITOR}', 'ed@example.com', 'active', '${ROLE}', 'editor-token');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('rv_articles', 'read', '{"status":{"_eq":"published"}}', 'id,title,status,author,comments', '${EDITORS}'),
    ('rv_authors', 'read', null, 'id,name', '${EDITORS}'),
    ('rv_comments', 'read', '{"body":{"_neq":"c2"}}', 'id,body,article', '${EDITORS}');
`);

// a Reader of our own on the test's database, configured as the app's (QUERY_LIMIT_DEFAULT,
// MAX_RELATIONAL_DEPTH defaults)
const reader = new Reader(app.db, { defaultLimit: 100, maxDepth: 10, cacheSize: 100 });
const limits = { limitDefault: 100, limitMax: -1, maxFields: 1000, maxFilterNodes: 1000 };
const base = { ip: '127.0.0.1', userAgent: null, origin: null };
const admin: Accountability = { ...base, user: null, role: null, roles: [], policies: [], admin: true, app: true };
const editor: Accountability = { ...base, user: EDITOR, role: ROLE, roles: [ROLE], policies: [EDITORS], admin: false, app: false };
const editorToken = { token: 'editor-token' };

/** the query a REST read of `qs` hands the Reader */
const queryOf = (qs: string, mode: ReadMode, key?: string) => {
  const q = normalizeQuery(parseQueryString(qs), limits, { list: mode === 'list' });
  return key === undefined ? q : { ...q, key };
};

/**
 * Reads `collection` both ways with the same Reader (one compiled-SQL cache: the output must
 * be part of its key) and compares with GET `path?qs` as the caller: the envelope is REST's
 * body byte for byte; the value is its `data` member.
 */
async function same(t: Test, acc: Accountability, path: string, qs: string, collection: string, mode: ReadMode, key?: string) {
  const rest = await app.get(`${path}?${qs}`, acc.admin ? {} : editorToken);
  t.equal(rest.status, 200, `GET ${path}?${qs}`);
  const query = queryOf(qs, mode, key);
  const value = await reader.readValue(acc, collection, query, mode, {});
  const envelope = await reader.readBytes(acc, collection, query, mode, {});
  t.ok(value, 'a value');
  t.strictSame(JSON.parse(value!.toString()), rest.body.data, 'value = REST body.data');
  t.equal(envelope?.toString(), rest.text, 'envelope = REST body, byte for byte');
  return JSON.parse(value!.toString());
}

t.test('a list: the array, without meta', async (t) => {
  const v = await same(t, admin, '/items/rv_articles', 'fields=*&sort=id&meta=*', 'rv_articles', 'list');
  t.equal(v.length, 3);
  t.equal(v[0].views, '9007199254740993', 'formats as REST does (bigint as string)');
  const empty = await same(t, admin, '/items/rv_articles', 'filter[id][_eq]=99', 'rv_articles', 'list');
  t.strictSame(empty, [], 'no rows: an empty array');
});

t.test('one item: the object; a missing or forbidden one: null (REST: 403)', async (t) => {
  await same(t, admin, '/items/rv_articles/2', 'fields=id,title,author', 'rv_articles', 'one', '2');
  t.equal((await app.get('/items/rv_articles/99')).status, 403);
  t.equal(await reader.readValue(admin, 'rv_articles', queryOf('', 'one', '99'), 'one', {}), null, 'missing: null');
  t.equal((await app.get('/items/rv_articles/2', editorToken)).status, 403);
  t.equal(await reader.readValue(editor, 'rv_articles', queryOf('', 'one', '2'), 'one', {}), null, 'hidden by the row filter: null');
  t.equal(await reader.readBytes(editor, 'rv_articles', queryOf('', 'one', '2'), 'one', {}), null, 'the envelope too is null (REST answers 403)');
});

t.test('a singleton: the object, or its defaults without a row', async (t) => {
  const v = await same(t, admin, '/items/rv_site', 'fields=title,color', 'rv_site', 'singleton');
  t.strictSame(v, { title: 'Strata', color: 'blue' });
  const d = await same(t, admin, '/items/rv_empty', '', 'rv_empty', 'singleton');
  t.strictSame(d, { id: null, title: 'Untitled' });
});

t.test('an aggregate with groupBy: the array of groups', async (t) => {
  const v = await same(t, admin, '/items/rv_articles', 'aggregate[count]=*&aggregate[sum]=views&groupBy[]=status&sort=status', 'rv_articles', 'list');
  t.equal(v.length, 2);
  await same(t, admin, '/items/rv_articles', 'aggregate[count]=*', 'rv_articles', 'list');
});

t.test('nested m2o and o2m reads', async (t) => {
  const v = await same(t, admin, '/items/rv_articles', 'fields=id,author.name,comments.body&sort=id', 'rv_articles', 'list');
  t.strictSame(v[0], { id: 1, author: { name: 'Ann' }, comments: [{ body: 'c1' }, { body: 'c2' }] });
  await same(t, admin, '/items/rv_articles/1', 'fields=*,author.*,comments.*', 'rv_articles', 'one', '1');
});

t.test('a non-admin: row filters and field permissions apply, nested ones too', async (t) => {
  const v = await same(t, editor, '/items/rv_articles', 'fields=*,author.*,comments.*&sort=id&meta=*', 'rv_articles', 'list');
  t.strictSame(v.map((r: { id: number }) => r.id), [1, 3], 'only published rows');
  t.notOk('secret' in v[0], 'no unreadable field');
  t.strictSame(v[0].author, { id: 1, name: 'Ann' }, 'related fields as permitted');
  t.strictSame(v[0].comments.map((c: { body: string }) => c.body), ['c1'], 'related rows by their own filter');
  await same(t, editor, '/items/rv_articles/3', 'fields=id,comments.body', 'rv_articles', 'one', '3');
  await t.rejects(reader.readValue(editor, 'rv_articles', queryOf('fields=secret', 'list'), 'list', {}), { code: 'FORBIDDEN' },
    'an unreadable field is 403 in value mode too');
});

t.test('strata.read (SQL users) is unchanged: the REST body; output "value" gives the data alone', async (t) => {
  const q = { fields: ['id', 'title'], sort: ['id'], meta: ['total_count'] };
  const [row] = await app.sql('select strata.read($1, $2::jsonb)::text as body', ['rv_articles', q]);
  const rest = await app.get('/items/rv_articles?fields=id,title&sort=id&meta=total_count');
  t.equal(row.body, rest.text);
  const [value] = await app.sql(`select strata.read($1, $2::jsonb, '{"output":"value"}')::text as body`, ['rv_articles', q]);
  t.strictSame(JSON.parse(value.body), rest.body.data);
  await t.rejects(app.sql(`select strata.read('rv_articles', '{}', '{"output":"bare"}')`), /unknown output/);
});

t.test('a write re-reads in either output', async (t) => {
  const writer = new Writer(app.db, reader, new Catalog(app.db), { maxBatchMutation: Infinity, defaultLimit: 100 });
  const read = { query: queryOf('fields=id,title', 'one'), mode: 'one' as const };
  const created = await writer.write(admin, 'rv_authors', 'create', { payload: { name: 'Cy' } }, { ...read, query: queryOf('fields=id,name', 'one'), output: 'value' }, {});
  t.strictSame(JSON.parse(created!), { id: 3, name: 'Cy' }, 'value: the item');
  const updated = await writer.write(admin, 'rv_articles', 'update', { key: 1, data: { title: 'uno' } }, read, {});
  t.strictSame(JSON.parse(updated!), { data: { id: 1, title: 'uno' } }, 'envelope (default): the REST body');
  const listed = await writer.write(admin, 'rv_articles', 'update', { keys: [1, 3], data: { status: 'published' } },
    { query: queryOf('fields=id&sort=id', 'list'), mode: 'list', output: 'value' }, {});
  t.strictSame(JSON.parse(listed!), [{ id: 1 }, { id: 3 }], 'value: the array');
  const site = await writer.write(admin, 'rv_site', 'patch_collection', { data: { color: 'red' } },
    { query: queryOf('fields=title,color', 'list'), mode: 'list', output: 'value' }, {});
  t.strictSame(JSON.parse(site!), { title: 'Strata', color: 'red' }, 'a singleton: the object');
  const hidden = await writer.write(editor, 'rv_articles', 'update', { key: 2, data: {} }, read, {}).catch((e) => e);
  t.ok(hidden === null || hidden instanceof Error, 'an item the caller cannot read back: null (204) or refused');
});
