// /collections: HTTP in, HTTP out, and the tables the DDL really creates.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { columnsOf, foreignKeys, makeUser, tableExists } from './helpers/schema.js';

const app = await startApp(t);
const forbidden = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };
const invalid = (reason: string) => ({ errors: [{ message: `Invalid payload. ${reason}.`, extensions: { reason, code: 'INVALID_PAYLOAD' } }] });
const defaultMeta = {
  icon: null, note: null, display_template: null, hidden: false, singleton: false, translations: null,
  archive_field: null, archive_app_filter: true, archive_value: null, unarchive_value: null, sort_field: null,
  accountability: 'all', color: null, item_duplication_fields: null, sort: null, group: null, collapse: 'open',
  preview_url: null, versioning: false, status: 'active', autosave_revision_interval: null,
};

t.test('create with no fields injects an auto-increment integer id primary key', async (t) => {
  const res = await app.post('/collections', { collection: 'articles', schema: {}, meta: { note: 'News', icon: 'article' } });
  t.equal(res.status, 200);
  t.same(res.body, {
    data: {
      collection: 'articles',
      meta: { ...defaultMeta, collection: 'articles', note: 'News', icon: 'article' },
      schema: { schema: 'public', name: 'articles', comment: null },
    },
  });
  const cols = await columnsOf(app, 'articles');
  t.same(Object.keys(cols), ['id']);
  t.equal(cols.id.data_type, 'integer');
  t.equal(cols.id.is_nullable, 'NO');
  t.match(cols.id.column_default, /^nextval\('articles_id_seq'::regclass\)$/);
  const [pk] = await app.sql("select conname from pg_constraint where conrelid = 'articles'::regclass and contype = 'p'");
  t.equal(pk.conname, 'articles_pkey');
  const id = await app.get('/fields/articles/id');
  t.match(id.body.data.meta, { interface: 'numeric', readonly: true, hidden: true, sort: 1, special: null });
  t.match(id.body.data.schema, { is_primary_key: true, has_auto_increment: true, is_nullable: false, data_type: 'integer' });
});

t.test('create without meta keeps no meta row (meta null), as Directus', async (t) => {
  const res = await app.post('/collections', { collection: 'plain', schema: {} });
  t.equal(res.status, 200);
  t.same(res.body.data, { collection: 'plain', meta: null, schema: { schema: 'public', name: 'plain', comment: null } });
  t.same(await app.sql("select 1 from directus_collections where collection = 'plain'"), []);
});

t.test('primary keys: bigInteger auto-increment, uuid, string', async (t) => {
  let res = await app.post('/collections', {
    collection: 'big', schema: {}, fields: [{ field: 'id', type: 'bigInteger', schema: { is_primary_key: true, has_auto_increment: true } }],
  });
  t.equal(res.status, 200);
  let cols = await columnsOf(app, 'big');
  t.equal(cols.id.data_type, 'bigint');
  t.match(cols.id.column_default, /nextval/);

  res = await app.post('/collections', {
    collection: 'uuids', schema: {}, meta: {},
    fields: [{ field: 'id', type: 'uuid', meta: { special: ['uuid'], hidden: true }, schema: { is_primary_key: true } }, { field: 'name', type: 'string' }],
  });
  t.equal(res.status, 200);
  cols = await columnsOf(app, 'uuids');
  t.same(Object.keys(cols), ['id', 'name']);
  t.equal(cols.id.data_type, 'uuid');
  t.equal(cols.id.is_nullable, 'NO');
  const f = await app.get('/fields/uuids/id');
  t.equal(f.body.data.type, 'uuid');
  t.same(f.body.data.meta.special, ['uuid']);

  res = await app.post('/collections', {
    collection: 'codes', schema: {}, fields: [{ field: 'code', type: 'string', schema: { is_primary_key: true, max_length: 20 } }],
  });
  t.equal(res.status, 200);
  cols = await columnsOf(app, 'codes');
  t.same(Object.keys(cols), ['code'], 'no id injected when a primary key is given');
  t.equal(cols.code.data_type, 'character varying');
  t.equal(cols.code.character_maximum_length, 20);
});

t.test('an array creates several collections and answers a list', async (t) => {
  const res = await app.post('/collections', [{ collection: 'one', schema: {} }, { collection: 'two', schema: {} }]);
  t.equal(res.status, 200);
  t.same(res.body.data.map((c: any) => c.collection), ['one', 'two']);
  t.ok(await tableExists(app, 'one'));
  t.ok(await tableExists(app, 'two'));
});

t.test('schema: null creates a folder: meta only, no table', async (t) => {
  const res = await app.post('/collections', { collection: 'folder', meta: { icon: 'folder' }, schema: null });
  t.equal(res.status, 200);
  t.same(res.body.data, { collection: 'folder', meta: { ...defaultMeta, collection: 'folder', icon: 'folder' }, schema: null });
  t.notOk(await tableExists(app, 'folder'));
  const one = await app.get('/collections/folder');
  t.equal(one.body.data.schema, null);
});

t.test('tables made with plain SQL are listed with meta null; strata schema is not', async (t) => {
  await app.sql('create table legacy (id serial primary key, name text)');
  const list = await app.get('/collections');
  t.equal(list.status, 200);
  const names = list.body.data.map((c: any) => c.collection);
  t.ok(names.includes('legacy'));
  t.same(list.body.data.find((c: any) => c.collection === 'legacy'), {
    collection: 'legacy', meta: null, schema: { schema: 'public', name: 'legacy', comment: null },
  });
  t.ok(names.includes('folder'));
  t.notOk(names.some((n: string) => n.startsWith('strata') || n === 'columns' || n === 'relations'));
  // registered first, then system collections, then unregistered tables (Directus's order)
  t.ok(names.indexOf('articles') < names.indexOf('directus_users'));
  t.ok(names.indexOf('directus_users') < names.indexOf('legacy'));
  const one = await app.get('/collections/legacy');
  t.same(one.body.data.meta, null);
});

t.test('system collections are listed with meta marked system', async (t) => {
  const res = await app.get('/collections/directus_users');
  t.equal(res.status, 200);
  t.match(res.body.data, { collection: 'directus_users', meta: { system: true, singleton: false }, schema: { name: 'directus_users' } });
  const settings = await app.get('/collections/directus_settings');
  t.equal(settings.body.data.meta.singleton, true);
});

t.test('create errors are Directus-shaped', async (t) => {
  let res = await app.post('/collections', { collection: 'articles', schema: {} });
  t.equal(res.status, 400);
  t.same(res.body, invalid('Collection "articles" already exists'));
  res = await app.post('/collections', { collection: 'folder', schema: null });
  t.same(res.body, invalid('Collection "folder" already exists'));
  res = await app.post('/collections', { collection: 'directus_things', schema: {} });
  t.same(res.body, invalid('"collection" can\'t start with "directus_"'));
  res = await app.post('/collections', { schema: {} });
  t.same(res.body, invalid('"collection" is required'));
  res = await app.post('/collections', { collection: 123, schema: {} });
  t.same(res.body, invalid('"collection" must be a non-empty string'));
  res = await app.post('/collections', { collection: 'x'.repeat(64), schema: {} });
  t.equal(res.status, 400);
  res = await app.post('/collections', { collection: 'badfield', schema: {}, fields: [{ field: 'x', type: 'nonsense' }] });
  t.equal(res.status, 400);
  t.match(res.body.errors[0].message, /^Invalid payload\. "type" must be one of \[bigInteger, boolean/);
  t.notOk(await tableExists(app, 'badfield'), 'a failing field rolls the whole create back');
  res = await app.request('POST', '/collections', { raw: '{"collection": ', contentType: 'application/json' });
  t.equal(res.status, 400);
  t.equal(res.body.errors[0].extensions.code, 'INVALID_PAYLOAD');
});

t.test('get one: unknown collection is 403 FORBIDDEN', async (t) => {
  const res = await app.get('/collections/nope');
  t.equal(res.status, 403);
  t.same(res.body, forbidden);
});

t.test('update meta of one collection, and a batch', async (t) => {
  let res = await app.patch('/collections/articles', { meta: { note: 'Changed', singleton: true, sort_field: 'id', translations: [{ language: 'en-US', translation: 'Articles' }] } });
  t.equal(res.status, 200);
  t.match(res.body.data.meta, { note: 'Changed', singleton: true, icon: 'article', sort_field: 'id', translations: [{ language: 'en-US', translation: 'Articles' }] });
  // a table without meta gets its meta row
  res = await app.patch('/collections/plain', { meta: { hidden: true } });
  t.equal(res.status, 200);
  t.same(res.body.data.meta, { ...defaultMeta, collection: 'plain', hidden: true });
  res = await app.patch('/collections', [{ collection: 'articles', meta: { singleton: false } }, { collection: 'plain', meta: { color: '#ff0000' } }]);
  t.equal(res.status, 200);
  t.same(res.body.data.map((c: any) => [c.collection, c.meta.singleton, c.meta.color]), [['articles', false, null], ['plain', false, '#ff0000']]);
  res = await app.patch('/collections', { keys: ['articles'], data: {} });
  t.same(res.body, invalid('Input should be an array of collection changes'));
  res = await app.patch('/collections/nope', { meta: { note: 'x' } });
  t.equal(res.status, 403, 'unknown collections are not created by PATCH');
  t.same(await app.sql("select 1 from directus_collections where collection = 'nope'"), []);
  res = await app.patch('/collections/articles', { schema: { comment: 'The news' } });
  t.equal(res.body.data.schema.comment, 'The news');
});

t.test('delete drops the table, its metadata and the relations pointing at it', async (t) => {
  await app.post('/collections', { collection: 'authors', schema: {}, meta: {} });
  await app.post('/collections', { collection: 'books', schema: {}, meta: {}, fields: [{ field: 'author', type: 'integer', meta: { special: ['m2o'] } }] });
  await app.post('/fields/authors', { field: 'books', type: 'alias', meta: { special: ['o2m'] } });
  let res = await app.post('/relations', { collection: 'books', field: 'author', related_collection: 'authors', meta: { one_field: 'books' } });
  t.equal(res.status, 200);
  t.ok((await foreignKeys(app, 'books')).author);

  res = await app.del('/collections/authors');
  t.equal(res.status, 204);
  t.equal(res.text, '');
  t.notOk(await tableExists(app, 'authors'));
  t.same(await app.sql("select 1 from directus_collections where collection = 'authors'"), []);
  t.same(await app.sql("select 1 from directus_fields where collection = 'authors'"), []);
  t.same(await app.sql("select 1 from directus_relations where one_collection = 'authors' or many_collection = 'authors'"), []);
  t.same(await foreignKeys(app, 'books'), {}, 'the foreign key pointing at it is gone');
  t.ok((await columnsOf(app, 'books')).author, 'the referencing column stays');

  res = await app.del('/collections/folder');
  t.equal(res.status, 204);
  t.same(await app.sql("select 1 from directus_collections where collection = 'folder'"), []);

  res = await app.del('/collections/nope');
  t.equal(res.status, 403);
  t.same(res.body, forbidden);
  res = await app.del('/collections/directus_users');
  t.equal(res.status, 403);
  t.ok(await tableExists(app, 'directus_users'));
});

t.test('delete removes a child folder link and m2a targets', async (t) => {
  await app.post('/collections', { collection: 'grp', schema: null, meta: {} });
  await app.post('/collections', { collection: 'member', schema: {}, meta: { group: 'grp' } });
  const res = await app.del('/collections/grp');
  t.equal(res.status, 204);
  const member = await app.get('/collections/member');
  t.equal(member.body.data.meta.group, null);
});

t.test('permissions: writes are admin-only, reads need app access', async (t) => {
  const appUser = await makeUser(app, { app: true, read: ['articles'] });
  const noApp = await makeUser(app, { app: false });
  const readForbidden = (c: string) => {
    const message = `You don't have permission to perform "read" for collection "${c}" or it does not exist.`;
    return { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] };
  };
  const listForbidden = (() => {
    const message = 'You don\'t have permission to access collection "directus_collections" or it does not exist. Queried in root.';
    return { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] };
  })();

  for (const token of [null, noApp, appUser]) {
    const before = await app.sql("select count(*)::int as n from pg_class where relname = 'sneaky'");
    let res = await app.post('/collections', { collection: 'sneaky', schema: {} }, { token });
    t.equal(res.status, 403);
    t.same(res.body, forbidden);
    res = await app.patch('/collections/articles', { meta: { note: 'hacked' } }, { token });
    t.same(res.body, forbidden);
    res = await app.patch('/collections', [{ collection: 'articles', meta: { note: 'hacked' } }], { token });
    t.same(res.body, forbidden);
    res = await app.del('/collections/articles', undefined, { token });
    t.same(res.body, forbidden);
    t.same(await app.sql("select count(*)::int as n from pg_class where relname = 'sneaky'"), before);
  }
  t.ok(await tableExists(app, 'articles'));
  t.same(await app.sql("select note from directus_collections where collection = 'articles'"), [{ note: 'Changed' }]);

  for (const token of [null, noApp]) {
    let res = await app.get('/collections', { token });
    t.equal(res.status, 403);
    t.same(res.body, listForbidden);
    res = await app.get('/collections/articles', { token });
    t.same(res.body, readForbidden('articles'));
  }

  // app users see system collections and what their policies may read
  const list = await app.get('/collections', { token: appUser });
  t.equal(list.status, 200);
  const names = list.body.data.map((c: any) => c.collection);
  t.ok(names.includes('articles'));
  t.ok(names.includes('directus_users'));
  t.notOk(names.includes('plain'));
  t.equal((await app.get('/collections/articles', { token: appUser })).status, 200);
  t.same((await app.get('/collections/plain', { token: appUser })).body, readForbidden('plain'));
});

t.test('adversarial names are identifiers, never SQL', async (t) => {
  const evil = 'x"; drop table articles; --';
  let res = await app.post('/collections', { collection: evil, schema: {}, fields: [{ field: "a'); drop table books; --", type: 'string' }] });
  t.equal(res.status, 200);
  t.equal(res.body.data.collection, evil);
  t.ok(await tableExists(app, evil));
  t.ok(await tableExists(app, 'articles'));
  t.ok(await tableExists(app, 'books'));
  t.same(Object.keys(await columnsOf(app, evil)), ['id', "a'); drop table books; --"]);
  res = await app.get(`/collections/${encodeURIComponent(evil)}`);
  t.equal(res.body.data.collection, evil);
  res = await app.del(`/collections/${encodeURIComponent(evil)}`);
  t.equal(res.status, 204);
  t.notOk(await tableExists(app, evil));
  t.ok(await tableExists(app, 'articles'));
});

t.test('a DBA can call the SQL functions directly', async (t) => {
  const [row] = await app.sql("select strata.create_collection('{\"collection\":\"from_sql\",\"schema\":{},\"meta\":{\"note\":\"dba\"}}')::text as c");
  t.match(JSON.parse(row.c), { collection: 'from_sql', meta: { note: 'dba' }, schema: { name: 'from_sql' } });
  t.ok(await tableExists(app, 'from_sql'));
  const [info] = await app.sql("select strata.collection_info('from_sql')->'meta'->>'note' as note");
  t.equal(info.note, 'dba');
  await app.sql("select strata.delete_collection('from_sql')");
  t.notOk(await tableExists(app, 'from_sql'));
});
