// Writes as Directus 12 answers them (compared by hand against the reference server): revision
// data/delta in the items API's formats, hash fields always hashed and masked in revisions,
// FAILED_VALIDATION for required fields with the nested path, error extensions, and revert /
// Directus 8 item revisions with the caller's permissions.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const POLICY = '66666666-6666-4666-8666-666666666666';
const USER = '77777777-7777-4777-8777-777777777777';

await app.sql(`
  create table c_people (id serial primary key, name varchar(20) not null, score numeric(10,2), big bigint, labels varchar(255),
    secret varchar(255), born date, at timestamp, ts timestamptz, n int, x text, date_updated timestamptz);
  create table c_posts (id serial primary key, title varchar(255), person int references c_people(id));
  create table c_tags (id serial primary key, name varchar(64) not null);
  create table c_posts_tags (id serial primary key, c_posts_id int references c_posts(id) on delete cascade, c_tags_id int references c_tags(id));
  create table c_settings (id serial primary key, site varchar(255), n int);
  insert into directus_collections (collection, singleton) values ('c_settings', true);
  insert into directus_fields (collection, field, special) values
    ('c_people', 'labels', 'cast-csv'), ('c_people', 'secret', 'hash,conceal'), ('c_people', 'date_updated', 'date-updated');
  insert into directus_relations (many_collection, many_field, one_collection, one_field, junction_field) values
    ('c_posts', 'person', 'c_people', 'posts', null),
    ('c_posts_tags', 'c_posts_id', 'c_posts', 'tags', 'c_tags_id'),
    ('c_posts_tags', 'c_tags_id', 'c_tags', null, 'c_posts_id');
  insert into directus_policies (id, name) values ('${POLICY}', 'Editors');
  insert into directus_users (id, email, status, token) values ('${USER}', 'e@example.com', 'active', 'editor-token');
  insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${USER}', '${POLICY}');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('c_posts', 'read', '{"title":{"_neq":"hidden"}}', '*', '${POLICY}'),
    ('c_posts', 'update', '{"title":{"_neq":"locked"}}', 'title,person', '${POLICY}'),
    ('directus_revisions', 'read', null, '*', '${POLICY}');
`);
const editor = { token: 'editor-token' };
const revisions = (collection: string, item: string | number) =>
  app.sql('select id, data, delta, parent from directus_revisions where collection = $1 and item = $2 order by id', [collection, String(item)]);
const count = async (sql: string) => Number((await app.sql(sql))[0].n);

t.test('revisions: data and delta as Directus writes them, in the items API formats', async (t) => {
  const res = await app.post('/items/c_people?fields=id', {
    name: 'Ann', score: 1.5, big: '9007199254740993', labels: ['a', 'b'], secret: 'pw', born: '2020-01-02',
    at: '2020-01-02T03:04:05', ts: '2020-01-02T03:04:05Z', n: 1, x: 'y',
  });
  t.equal(res.status, 200, res.text);
  const id = res.body.data.id;
  const [created] = await revisions('c_people', id);
  const payload = {
    name: 'Ann', score: '1.50', big: '9007199254740993', labels: ['a', 'b'], secret: '**********', born: '2020-01-02',
    at: '2020-01-02T03:04:05', ts: '2020-01-02T03:04:05.000Z', n: 1, x: 'y',
  };
  t.same(created.data, payload, 'create: data = the given fields, formatted like a read, hash masked');
  t.same(created.delta, payload, 'create: delta = data');

  t.equal((await app.patch(`/items/c_people/${id}`, { name: 'Ann', labels: ['c'] })).status, 200);
  const [, updated] = await revisions('c_people', id);
  t.match(updated.data, { id, name: 'Ann', score: '1.50', big: '9007199254740993', labels: ['c'], secret: '**********', ts: '2020-01-02T03:04:05.000Z' });
  t.match(updated.data.date_updated, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  t.same(Object.keys(updated.delta).sort(), ['date_updated', 'labels', 'name'], 'update: delta = the payload (unchanged name too) + date_updated');

  await app.sql('update c_people set n = 2, name = name where id = $1', [id]);
  const [, , plain] = await revisions('c_people', id);
  t.same(plain.delta, { n: 2 }, 'plain SQL: delta = the columns that changed');
  await app.sql('update c_people set n = 2 where id = $1', [id]);
  t.equal((await revisions('c_people', id)).length, 3, 'plain SQL that changes nothing: no revision');
});

t.test('a column named like a transition-table alias is recorded and read', async (t) => {
  const res = await app.patch('/items/c_settings?fields=site,n', { site: 'S', n: 3 });
  t.equal(res.status, 200, res.text);
  t.same(res.body.data, { site: 'S', n: 3 });
  const [rev] = await revisions('c_settings', 1);
  t.same(rev.data, { site: 'S', n: 3 });
  const again = await app.patch('/items/c_settings?fields=id,n', { n: 4 });
  t.same(again.body.data, { id: 1, n: 4 }, 'second PATCH updates the singleton');
  const people = await app.get('/items/c_people?fields=x,n&filter[x][_eq]=y');
  t.same(people.body, { data: [{ x: 'y', n: 2 }] }, 'reads of fields named like the read compiler\'s aliases');
  const one = await app.get(`/items/c_people/${(await app.sql("select id from c_people where x = 'y'"))[0].id}?fields=x`);
  t.same(one.body, { data: { x: 'y' } });
  const wrong = await app.post('/items/c_settings', { site: 'S' });
  t.equal(wrong.status, 404);
  t.same(wrong.body.errors[0], { message: "Route /c_settings doesn't exist.", extensions: { path: '/c_settings', code: 'ROUTE_NOT_FOUND' } });
});

t.test('hash fields: every value is hashed, also one that looks like a hash', async (t) => {
  const fake = '$argon2id$v=19$m=65536,t=3,p=4$abc$def';
  const res = await app.post('/items/c_people?fields=id,secret', { name: 'H', secret: fake });
  t.equal(res.status, 200, res.text);
  t.equal(res.body.data.secret, '**********');
  const [row] = await app.sql('select secret from c_people where id = $1', [res.body.data.id]);
  t.not(row.secret, fake, 'not stored as given');
  t.match(row.secret, /^\$argon2id\$/);
  const [rev] = await revisions('c_people', res.body.data.id);
  t.equal(rev.data.secret, '**********', 'revisions never hold the hash');
});

t.test('FAILED_VALIDATION for required fields, with the nested path; nothing written', async (t) => {
  const before = await count('select count(*) as n from directus_revisions');
  const missing = await app.post('/items/c_people', { score: 1 });
  t.equal(missing.status, 400);
  t.same(missing.body.errors[0], { message: 'Validation failed for field "name". Value is required.',
    extensions: { field: 'name', path: [], type: 'required', code: 'FAILED_VALIDATION' } });
  const nulled = await app.post('/items/c_posts', { title: 'p', tags: [{ c_tags_id: { name: null } }] });
  t.same(nulled.body.errors[0], { message: 'Validation failed for field "name" at "tags.c_tags_id". Value can\'t be null.',
    extensions: { field: 'name', path: ['tags', 'c_tags_id'], type: 'nnull', code: 'FAILED_VALIDATION' } });
  const deep = await app.post('/items/c_people', { name: 'P', posts: [{ title: 't', tags: [{ c_tags_id: {} }] }] });
  t.same(deep.body.errors[0].extensions, { field: 'name', path: ['posts', 'tags', 'c_tags_id'], type: 'required', code: 'FAILED_VALIDATION' });
  const upd = await app.patch('/items/c_people/1', { name: null });
  t.equal(upd.body.errors[0].extensions.type, 'nnull');
  t.equal(await count("select count(*) as n from c_posts where title = 'p'"), 0);
  t.equal(await count("select count(*) as n from c_people where name = 'P'"), 0);
  t.equal(await count('select count(*) as n from directus_revisions'), before, 'no revision left behind');
});

t.test('error extensions and messages as Directus', async (t) => {
  const fk = await app.post('/items/c_posts', { title: 'x', person: 999 });
  t.same(fk.body.errors[0], { message: 'Invalid foreign key "999" for field "person" in collection "c_posts".',
    extensions: { collection: 'c_posts', field: 'person', value: 999, code: 'INVALID_FOREIGN_KEY' } });
  const long = await app.post('/items/c_people', { name: 'abcdefghijklmnopqrstuvwxyz' });
  t.same(JSON.stringify(long.body.errors[0].extensions),
    JSON.stringify({ collection: 'c_people', field: 'name', value: 'abcdefghijklmnopqrstuvwxyz', code: 'VALUE_TOO_LONG' }), 'Directus key order');
  const date = await app.post('/items/c_people', { name: 'd', born: 'notadate' });
  t.equal(date.body.errors[0].message, 'Invalid payload. Invalid Date format in field "born".');
  const dt = await app.post('/items/c_people', { name: 'd', at: 'notadate' });
  t.equal(dt.body.errors[0].message, 'Invalid payload. Invalid DateTime format in field "at".');
  const nokey = await app.patch('/items/c_people', [{ name: 'nokey' }]);
  t.equal(nokey.body.errors[0].message, 'Invalid payload. Item in update misses primary key.');
  const none = await app.del('/items/c_people', {});
  t.equal(none.body.errors[0].message, 'Invalid payload. "value" must contain at least one of [query, keys].');
  const both = await app.patch('/items/c_people', { keys: [1], query: {}, data: {} });
  t.equal(both.body.errors[0].message, 'Invalid payload. "value" contains a conflict between exclusive peers [query, keys].');
});

t.test('revert and Directus 8 item revisions apply the caller\'s permissions', async (t) => {
  const [{ id: open }] = await app.sql("insert into c_posts (title) values ('v1') returning id");
  const [{ id: locked }] = await app.sql("insert into c_posts (title) values ('locked') returning id");
  const [{ id: hidden }] = await app.sql("insert into c_posts (title) values ('hidden') returning id");
  t.equal((await app.patch(`/items/c_posts/${open}`, { title: 'v2' })).status, 200);
  const [first] = await revisions('c_posts', open);
  const [lockedRev] = await revisions('c_posts', locked);

  const ok = await app.post(`/utils/revert/${first.id}`, undefined, editor);
  t.equal(ok.status, 204, ok.text);
  t.same(await app.sql('select title from c_posts where id = $1', [open]), [{ title: 'v1' }], 'reverted');
  const [act] = await app.sql("select \"user\" from directus_activity where collection = 'c_posts' and item = $1 order by id desc limit 1", [String(open)]);
  t.equal(act.user, USER, 'the revert is the editor\'s update');

  const denied = await app.post(`/utils/revert/${lockedRev.id}`, undefined, editor);
  t.equal(denied.status, 403, 'no update permission on that item');
  t.same(await app.sql('select title from c_posts where id = $1', [locked]), [{ title: 'locked' }]);
  t.equal((await app.post('/utils/revert/99999999', undefined, editor)).status, 403);
  t.equal((await app.post(`/utils/revert/${first.id}`, undefined, { token: null })).status, 403, 'anonymous');

  const list = await app.get(`/items/c_posts/${open}/revisions?fields=id`, editor);
  t.equal(list.status, 200, list.text);
  t.ok(list.body.data.length >= 3);
  t.equal((await app.get(`/items/c_posts/${hidden}/revisions`, editor)).status, 403, 'item not readable');
  const one = await app.get(`/items/c_posts/${open}/revisions/0?fields=id`, editor);
  t.same(one.body, { data: { id: list.body.data[0].id } });
});
