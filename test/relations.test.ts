// /relations: m2o with a real foreign key, o2m, m2m through a junction, m2a, and the errors.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { foreignKeys, makeUser } from './helpers/schema.js';

const app = await startApp(t);
const forbidden = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };
const invalid = (reason: string) => ({ errors: [{ message: `Invalid payload. ${reason}.`, extensions: { reason, code: 'INVALID_PAYLOAD' } }] });
const int = (field: string) => ({ field, type: 'integer' });

await app.post('/collections', { collection: 'authors', schema: {}, meta: {} });
await app.post('/collections', { collection: 'tags', schema: {}, meta: {} });
await app.post('/collections', { collection: 'posts', schema: {}, meta: {}, fields: [int('author'), int('editor')] });
await app.post('/collections', { collection: 'posts_tags', schema: {}, meta: { hidden: true }, fields: [int('posts_id'), int('tags_id')] });
await app.post('/collections', {
  collection: 'posts_blocks', schema: {}, meta: { hidden: true },
  fields: [int('posts_id'), { field: 'item', type: 'string' }, { field: 'collection', type: 'string' }],
});
await app.post('/fields/authors', { field: 'posts', type: 'alias', meta: { special: ['o2m'] } });
await app.post('/fields/posts', { field: 'tags', type: 'alias', meta: { special: ['m2m'] } });
await app.post('/fields/posts', { field: 'blocks', type: 'alias', meta: { special: ['m2a'] } });

t.test('m2o + o2m: a real foreign key with the on-delete choice', async (t) => {
  const res = await app.post('/relations', {
    collection: 'posts', field: 'author', related_collection: 'authors',
    schema: { on_delete: 'SET NULL' }, meta: { one_field: 'posts' },
  });
  t.equal(res.status, 200);
  t.same(res.body.data, {
    collection: 'posts', field: 'author', related_collection: 'authors',
    schema: {
      table: 'posts', column: 'author', foreign_key_table: 'authors', foreign_key_column: 'id', foreign_key_schema: 'public',
      constraint_name: 'posts_author_foreign', on_update: 'NO ACTION', on_delete: 'SET NULL',
    },
    meta: {
      id: res.body.data.meta.id, many_collection: 'posts', many_field: 'author', one_collection: 'authors', one_field: 'posts',
      one_collection_field: null, one_allowed_collections: null, junction_field: null, sort_field: null, one_deselect_action: 'nullify',
    },
  });
  const fk = (await foreignKeys(app, 'posts')).author;
  t.match(fk, { ref_table: 'authors', ref_col: 'id', name: 'posts_author_foreign', on_delete: 'n' });
  // the database enforces it
  await app.sql('insert into authors default values');
  await app.sql('insert into posts (author) values (1)');
  await app.sql('delete from authors where id = 1');
  t.same(await app.sql('select author from posts'), [{ author: null }], 'SET NULL applied by PostgreSQL');
  const field = await app.get('/fields/posts/author');
  t.match(field.body.data.schema, { foreign_key_schema: 'public', foreign_key_table: 'authors', foreign_key_column: 'id' });
});

t.test('every on-delete choice', async (t) => {
  for (const [action, code] of [['CASCADE', 'c'], ['RESTRICT', 'r'], ['NO ACTION', 'a'], ['SET DEFAULT', 'd']]) {
    let res = await app.post('/relations', { collection: 'posts', field: 'editor', related_collection: 'authors', schema: { on_delete: action } });
    t.equal(res.status, 200, action);
    t.equal(res.body.data.schema.on_delete, action);
    t.equal((await foreignKeys(app, 'posts')).editor.on_delete, code);
    res = await app.del('/relations/posts/editor');
    t.equal(res.status, 204);
  }
  const res = await app.post('/relations', { collection: 'posts', field: 'editor', related_collection: 'authors', schema: { on_delete: 'EXPLODE' } });
  t.same(res.body, invalid('"schema.on_delete" must be one of [NO ACTION, RESTRICT, CASCADE, SET NULL, SET DEFAULT]'));
  t.notOk((await foreignKeys(app, 'posts')).editor);
});

t.test('m2m: two relation rows through a junction', async (t) => {
  let res = await app.post('/relations', {
    collection: 'posts_tags', field: 'posts_id', related_collection: 'posts',
    meta: { one_field: 'tags', junction_field: 'tags_id' }, schema: { on_delete: 'CASCADE' },
  });
  t.equal(res.status, 200);
  res = await app.post('/relations', {
    collection: 'posts_tags', field: 'tags_id', related_collection: 'tags',
    meta: { one_field: null, junction_field: 'posts_id' }, schema: { on_delete: 'CASCADE' },
  });
  t.equal(res.status, 200);
  const fks = await foreignKeys(app, 'posts_tags');
  t.match(fks, { posts_id: { ref_table: 'posts' }, tags_id: { ref_table: 'tags' } });
  const list = await app.get('/relations/posts_tags');
  t.same(list.body.data.map((r: any) => [r.field, r.related_collection, r.meta.junction_field]), [['posts_id', 'posts', 'tags_id'], ['tags_id', 'tags', 'posts_id']]);
});

t.test('m2a: allowed collections and collection field, no foreign key on the item column', async (t) => {
  let res = await app.post('/relations', {
    collection: 'posts_blocks', field: 'item', related_collection: null,
    meta: { one_allowed_collections: ['tags', 'authors'], one_collection_field: 'collection', junction_field: 'posts_id' },
  });
  t.equal(res.status, 200);
  t.same(res.body.data, {
    collection: 'posts_blocks', field: 'item', related_collection: null, schema: null,
    meta: {
      id: res.body.data.meta.id, many_collection: 'posts_blocks', many_field: 'item', one_collection: null, one_field: null,
      one_collection_field: 'collection', one_allowed_collections: ['tags', 'authors'], junction_field: 'posts_id',
      sort_field: null, one_deselect_action: 'nullify',
    },
  });
  res = await app.post('/relations', {
    collection: 'posts_blocks', field: 'posts_id', related_collection: 'posts',
    meta: { one_field: 'blocks', junction_field: 'item' }, schema: { on_delete: 'SET NULL' },
  });
  t.equal(res.status, 200);
  const fks = await foreignKeys(app, 'posts_blocks');
  t.same(Object.keys(fks), ['posts_id']);
  t.same(await app.sql("select one_allowed_collections from directus_relations where many_field = 'item'"), [{ one_allowed_collections: 'tags,authors' }]);
});

t.test('get: list, per collection, one; foreign keys made with plain SQL are relations', async (t) => {
  await app.sql('create table legacy_parent (id int primary key)');
  await app.sql('create table legacy_child (id int primary key, parent int references legacy_parent (id) on delete cascade)');
  const all = await app.get('/relations');
  t.equal(all.status, 200);
  const keys = all.body.data.map((r: any) => `${r.collection}.${r.field}`);
  t.ok(keys.includes('posts.author'));
  t.ok(keys.includes('posts_blocks.item'));
  const legacy = all.body.data.find((r: any) => r.collection === 'legacy_child');
  t.match(legacy, { field: 'parent', related_collection: 'legacy_parent', meta: null, schema: { on_delete: 'CASCADE', foreign_key_table: 'legacy_parent' } });
  const system = all.body.data.find((r: any) => r.collection === 'directus_access' && r.field === 'policy');
  t.match(system, { related_collection: 'directus_policies', meta: { system: true } });

  const one = await app.get('/relations/posts/author');
  t.equal(one.body.data.related_collection, 'authors');
  t.same((await app.get('/relations/authors')).body.data, [], 'only relations whose many side is the collection');

  const message = 'You don\'t have permission to access collection "nope" or it does not exist. Queried in root.';
  let res = await app.get('/relations/nope');
  t.equal(res.status, 403);
  t.same(res.body, { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] });
  res = await app.get('/relations/posts/nope');
  t.same(res.body, forbidden);
});

t.test('create errors', async (t) => {
  let res = await app.post('/relations', { collection: 'posts', field: 'author', related_collection: 'authors' });
  t.same(res.body, invalid('Field "author" in collection "posts" already has an associated relationship'));
  res = await app.post('/relations', { collection: 'legacy_child', field: 'parent', related_collection: 'legacy_parent' });
  t.same(res.body, invalid('Field "parent" in collection "legacy_child" already has an associated relationship'));
  res = await app.post('/relations', { collection: 'posts', field: 'nope', related_collection: 'authors' });
  t.same(res.body, invalid('Field "nope" doesn\'t exist in collection "posts"'));
  res = await app.post('/relations', { collection: 'nope', field: 'x', related_collection: 'authors' });
  t.same(res.body, invalid('Collection "nope" doesn\'t exist'));
  res = await app.post('/relations', { collection: 'posts', field: 'editor', related_collection: 'nope' });
  t.same(res.body, invalid('Collection "nope" doesn\'t exist'));
  res = await app.post('/relations', { collection: 'posts', field: 'id', related_collection: 'authors' });
  t.same(res.body, invalid('Field "id" in collection "posts" is a primary key'));
  res = await app.post('/relations', { field: 'x' });
  t.same(res.body, invalid('"collection" is required'));
  // a type mismatch between the column and the related primary key
  await app.post('/fields/posts', { field: 'label', type: 'uuid' });
  res = await app.post('/relations', { collection: 'posts', field: 'label', related_collection: 'authors' });
  t.equal(res.status, 400);
  t.equal(res.body.errors[0].extensions.code, 'INVALID_PAYLOAD');
  t.same(await app.sql("select 1 from directus_relations where many_field = 'label'"), [], 'nothing recorded');
  // existing values that break the key
  await app.sql('insert into posts (editor) values (999)');
  res = await app.post('/relations', { collection: 'posts', field: 'editor', related_collection: 'authors' });
  t.equal(res.status, 400);
  t.equal(res.body.errors[0].extensions.code, 'INVALID_FOREIGN_KEY');
  await app.sql('delete from posts where editor = 999');
});

t.test('update: referential actions and meta', async (t) => {
  let res = await app.patch('/relations/posts/author', { schema: { on_delete: 'CASCADE' }, meta: { one_deselect_action: 'delete', sort_field: null } });
  t.equal(res.status, 200);
  t.match(res.body.data, { schema: { on_delete: 'CASCADE', constraint_name: 'posts_author_foreign' }, meta: { one_deselect_action: 'delete', one_field: 'posts' } });
  t.equal((await foreignKeys(app, 'posts')).author.on_delete, 'c');
  res = await app.patch('/relations/posts_blocks/item', { meta: { one_allowed_collections: ['tags'] } });
  t.same(res.body.data.meta.one_allowed_collections, ['tags']);
  // a plain-SQL foreign key gains its meta row
  res = await app.patch('/relations/legacy_child/parent', { meta: { one_field: 'children' } });
  t.match(res.body.data, { related_collection: 'legacy_parent', meta: { one_field: 'children', one_collection: 'legacy_parent' }, schema: { on_delete: 'CASCADE' } });

  res = await app.patch('/relations/posts/editor', { meta: {} });
  t.same(res.body, invalid('Field "editor" in collection "posts" doesn\'t have a relationship'));
  res = await app.patch('/relations/posts/nope', { meta: {} });
  t.same(res.body, invalid('Field "nope" doesn\'t exist in collection "posts"'));
});

t.test('delete drops the foreign key and the row, keeps the column', async (t) => {
  let res = await app.del('/relations/posts/author');
  t.equal(res.status, 204);
  t.notOk((await foreignKeys(app, 'posts')).author);
  t.same(await app.sql("select 1 from directus_relations where many_collection = 'posts' and many_field = 'author'"), []);
  t.ok((await app.sql("select 1 from information_schema.columns where table_name = 'posts' and column_name = 'author'")).length);
  res = await app.del('/relations/posts/author');
  t.same(res.body, invalid('Field "author" in collection "posts" doesn\'t have a relationship'));
  res = await app.del('/relations/directus_access/policy');
  t.equal(res.status, 400, 'system relations stay');
  t.ok((await foreignKeys(app, 'directus_access')).policy);
});

t.test('permissions', async (t) => {
  const appUser = await makeUser(app, { app: true, read: ['posts'] });
  const noApp = await makeUser(app, { app: false });
  for (const token of [null, noApp, appUser]) {
    let res = await app.post('/relations', { collection: 'posts', field: 'editor', related_collection: 'authors' }, { token });
    t.same(res.body, forbidden);
    res = await app.patch('/relations/posts_tags/posts_id', { schema: { on_delete: 'NO ACTION' } }, { token });
    t.same(res.body, forbidden);
    res = await app.del('/relations/posts_tags/posts_id', undefined, { token });
    t.same(res.body, forbidden);
  }
  t.notOk((await foreignKeys(app, 'posts')).editor);
  t.equal((await foreignKeys(app, 'posts_tags')).posts_id.on_delete, 'c');

  const message = 'You don\'t have permission to perform "read" for collection "directus_relations" or it does not exist.';
  for (const token of [null, noApp]) {
    const res = await app.get('/relations', { token });
    t.equal(res.status, 403);
    t.same(res.body, { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] });
  }
  const res = await app.get('/relations', { token: appUser });
  t.equal(res.status, 200);
  t.notOk(res.body.data.some((r: any) => r.collection === 'posts_tags'), 'only collections the user may read');
});

t.test('a DBA can call the SQL functions directly', async (t) => {
  const [row] = await app.sql(`select strata.create_relation('{"collection":"posts","field":"editor","related_collection":"authors","schema":{"on_delete":"CASCADE"}}')::text as r`);
  t.match(JSON.parse(row.r), { schema: { on_delete: 'CASCADE' } });
  t.equal((await foreignKeys(app, 'posts')).editor.on_delete, 'c');
  await app.sql("select strata.delete_relation('posts', 'editor')");
  t.notOk((await foreignKeys(app, 'posts')).editor);
});
