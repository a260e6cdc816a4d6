// Access control on writes: create/update/delete permissions with row filters, field lists,
// presets and validation, through flat and nested payloads. Every denial also checks that the
// database did not change (rows, revisions, activity).
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const POLICY = '44444444-4444-4444-8444-444444444444';
const USER = '55555555-5555-4555-8555-555555555555';

await app.sql(`
  create table authors (id serial primary key, name varchar(255));
  create table articles (id serial primary key, title varchar(255), status varchar(20) default 'draft', secret text,
    author int references authors(id));
  create table comments (id serial primary key, body text, article int references articles(id));
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('comments', 'article', 'articles', 'comments');
  insert into authors (name) values ('Ann');
  insert into articles (title, status, author) values ('mine', 'draft', 1), ('published one', 'published', 1);
  insert into directus_policies (id, name) values ('${POLICY}', 'Writers');
  insert into directus_users (id, email, status, token) values ('${USER}', 'w@example.com', 'active', 'writer-token');
  insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${USER}', '${POLICY}');
  insert into directus_permissions (collection, action, permissions, validation, presets, fields, policy) values
    ('articles', 'read', null, null, null, '*', '${POLICY}'),
    ('articles', 'create', null, '{"title":{"_nempty":true}}', '{"status":"draft"}', 'title,status,author,comments', '${POLICY}'),
    ('articles', 'update', '{"status":{"_eq":"draft"}}', null, null, 'title', '${POLICY}'),
    ('articles', 'delete', '{"status":{"_eq":"draft"}}', null, null, '*', '${POLICY}'),
    ('authors', 'read', null, null, null, '*', '${POLICY}');
`);
const writer = { token: 'writer-token' };
const snapshot = async () => ({
  articles: await app.sql('select * from articles order by id'),
  authors: await app.sql('select * from authors order by id'),
  comments: await app.sql('select * from comments order by id'),
  revisions: (await app.sql<{ n: number }>('select count(*)::int as n from directus_revisions'))[0].n,
  activity: (await app.sql<{ n: number }>("select count(*)::int as n from directus_activity where action <> 'login'"))[0].n,
});

t.test('create: presets fill, validation and field permissions refuse', async (t) => {
  const ok = await app.post('/items/articles', { title: 'new' }, writer);
  t.equal(ok.status, 200);
  t.equal(ok.body.data.status, 'draft', 'preset applied');
  const [row] = await app.sql('select title, status from articles where id = $1', [ok.body.data.id]);
  t.same(row, { title: 'new', status: 'draft' });
  const activity = await app.sql("select \"user\" from directus_activity where action = 'create' and collection = 'articles' and item = $1", [String(ok.body.data.id)]);
  t.same(activity, [{ user: USER }], 'activity records the user');

  const before = await snapshot();
  const invalid = await app.post('/items/articles', { title: '' }, writer);
  t.equal(invalid.status, 400);
  t.equal(invalid.body.errors[0].extensions.code, 'FAILED_VALIDATION');
  const field = await app.post('/items/articles', { title: 'x', secret: 'nope' }, writer);
  t.equal(field.status, 403);
  t.same(await snapshot(), before, 'nothing written by refused creates');
});

t.test('nested writes are checked against each related collection', async (t) => {
  const before = await snapshot();
  const nestedComment = await app.post('/items/articles', { title: 'with comments', comments: [{ body: 'hi' }] }, writer);
  t.equal(nestedComment.status, 403, 'no create permission on comments');
  const nestedAuthor = await app.post('/items/articles', { title: 'with author', author: { name: 'Eve' } }, writer);
  t.equal(nestedAuthor.status, 403, `no create permission on authors: ${nestedAuthor.text}`);
  const batch = await app.post('/items/articles', [{ title: 'a' }, { title: '' }], writer);
  t.equal(batch.status, 400, 'one invalid item refuses the batch');
  t.same(await snapshot(), before, 'nothing written, no revision, no activity');
});

t.test('update and delete: row filters decide which items, 403 for the others', async (t) => {
  const ok = await app.patch('/items/articles/1', { title: 'renamed' }, writer);
  t.equal(ok.status, 200);
  t.equal((await app.sql('select title from articles where id = 1'))[0].title, 'renamed');

  const before = await snapshot();
  const published = await app.patch('/items/articles/2', { title: 'hijack' }, writer);
  t.equal(published.status, 403, 'the row filter excludes published items');
  const field = await app.patch('/items/articles/1', { status: 'published' }, writer);
  t.equal(field.status, 403, 'status is not an updatable field');
  const mixed = await app.patch('/items/articles', { keys: [1, 2], data: { title: 'both' } }, writer);
  t.equal(mixed.status, 403, 'one forbidden key refuses the whole batch');
  const missing = await app.patch('/items/articles/999', { title: 'ghost' }, writer);
  t.equal(missing.status, 403);
  const delPublished = await app.del('/items/articles/2', undefined, writer);
  t.equal(delPublished.status, 403);
  const delBatch = await app.del('/items/articles', [1, 2], writer);
  t.equal(delBatch.status, 403);
  t.same(await snapshot(), before, 'nothing changed by refused updates and deletes');

  const del = await app.del('/items/articles/1', undefined, writer);
  t.equal(del.status, 204);
  t.same(await app.sql('select id from articles where id = 1'), []);
});

t.test('a collection without any permission refuses every write', async (t) => {
  const before = await snapshot();
  t.equal((await app.post('/items/authors', { name: 'x' }, writer)).status, 403);
  t.equal((await app.patch('/items/authors/1', { name: 'x' }, writer)).status, 403);
  t.equal((await app.del('/items/authors/1', undefined, writer)).status, 403);
  t.equal((await app.post('/items/comments', { body: 'x' }, { token: null })).status, 403, 'anonymous');
  t.same(await snapshot(), before);
});

t.test('validation with logical groups and _submitted', async (t) => {
  await app.sql(`update directus_permissions set validation = '{"_or":[{"status":{"_eq":"draft"}},{"title":{"_starts_with":"ok"}}],"title":{"_submitted":true}}'
                 where collection = 'articles' and action = 'create'`);
  t.equal((await app.post('/items/articles', { title: 'anything' }, writer)).status, 200, 'draft preset satisfies the _or');
  t.equal((await app.post('/items/articles', { title: 'ok then', status: 'published' }, writer)).status, 200);
  const before = await snapshot();
  const bad = await app.post('/items/articles', { title: 'nope', status: 'published' }, writer);
  t.equal(bad.status, 400);
  t.equal(bad.body.errors[0].extensions.code, 'FAILED_VALIDATION');
  const missing = await app.post('/items/articles', { status: 'draft' }, writer);
  t.equal(missing.status, 400, '_submitted: title must be in the payload');
  t.same(await snapshot(), before);
});
