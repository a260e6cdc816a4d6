// Content versions over real HTTP: /versions CRUD, save, compare, promote, `?version=` reads,
// and their refusals. Expectations are what the real Directus 12.4 answered to the same requests
// (a collection `vart` with versioning on, `vplain` without; users holding exactly the
// permissions below), noted next to each assertion.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const P = { reader: 'a1111111-1111-4111-8111-111111111111', editor: 'a2222222-2222-4222-8222-222222222222',
  blind: 'a3333333-3333-4333-8333-333333333333', nover: 'a4444444-4444-4444-8444-444444444444',
  partial: 'a5555555-5555-4555-8555-555555555555', viewer: 'a6666666-6666-4666-8666-666666666666' };
const perms = (policy: string, rows: [string, string][]) =>
  rows.map(([c, a]) => `insert into directus_permissions (collection, action, fields, policy) values ('${c}', '${a}', '*', '${policy}');`).join('\n');
const VERSIONS_CRUD: [string, string][] = ['create', 'read', 'update', 'delete'].map((a) => ['directus_versions', a]);
await app.sql(`
  create table vart (id serial primary key, title varchar(255), body text, n integer);
  create table vplain (id serial primary key, title varchar(255));
  create table vsing (id serial primary key, title varchar(255));
  insert into vsing (title) values ('s-main');
  insert into directus_collections (collection, versioning) values ('vart', true);
  insert into directus_collections (collection, versioning, singleton) values ('vsing', true, true);
  insert into vart (title, body, n) values ('one', 'b1', 1), ('two', null, 2), ('three', null, 3);
  insert into vplain (title) values ('p');
  ${Object.entries(P).map(([name, id]) => `
    insert into directus_policies (id, name) values ('${id}', '${name}');
    insert into directus_users (id, email, status, token) values ('${id}', '${name}@example.com', 'active', '${name}-token');
    insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${id}', '${id}');`).join('\n')}
  ${perms(P.reader, [['vart', 'read'], ...VERSIONS_CRUD])}
  ${perms(P.editor, [['vart', 'read'], ['vart', 'update'], ...VERSIONS_CRUD])}
  ${perms(P.blind, VERSIONS_CRUD)}
  ${perms(P.nover, [['vart', 'read'], ['vart', 'update']])}
  ${perms(P.partial, [['vart', 'update'], ...VERSIONS_CRUD])}
  ${perms(P.viewer, [['vart', 'read'], ['vart', 'update'], ['directus_versions', 'read']])}
  -- partial reads (and so versions) every item but item 1 (row filters: Directus 11, or 12 with a license)
  insert into directus_permissions (collection, action, permissions, fields, policy) values ('vart', 'read', '{"id":{"_neq":1}}', '*', '${P.partial}');
`);
const as = (name: keyof typeof P) => ({ token: `${name}-token` });
const FORBIDDEN = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };
const code = (r: { body: any }) => r.body?.errors?.[0]?.extensions?.code;
const rows = () => app.sql('select id, title, body, n from vart order by id');

const created = await app.post('/versions', { key: 'draft1', name: 'Draft 1', collection: 'vart', item: '1' });
const V1 = created.body?.data?.id as string;

t.test('create: Directus shape, hash of the main item, who and when', async (t) => {
  t.equal(created.status, 200, created.text);
  // Directus: {id, key, name, collection, item, hash (40 hex), date_created, date_updated, user_created, user_updated: null, delta: null}
  t.match(created.body.data, { key: 'draft1', name: 'Draft 1', collection: 'vart', item: '1', hash: /^[0-9a-f]{40}$/,
    date_created: /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/, user_updated: null, delta: null });
  t.same(Object.keys(created.body.data).sort(),
    ['collection', 'date_created', 'date_updated', 'delta', 'hash', 'id', 'item', 'key', 'name', 'user_created', 'user_updated']);
  const [admin] = await app.sql("select id from directus_users where email = 'admin@example.com'");
  t.equal(created.body.data.user_created, admin.id);
  // a new version of the same unchanged item carries the same hash
  const other = await app.post('/versions', { key: 'draft', collection: 'vart', item: '1' });
  t.equal(other.status, 200, other.text);
  t.equal(other.body.data.hash, created.body.data.hash);
  // GET /versions lists them (the generic system read)
  const list = await app.get('/versions?fields=key&sort=key&filter[item][_eq]=1');
  t.same(list.body, { data: [{ key: 'draft' }, { key: 'draft1' }] });
  // a version of an item not created yet must be "draft"; it has no hash
  const unlinked = await app.post('/versions', { key: 'draft', collection: 'vart', item: null });
  t.equal(unlinked.status, 200, unlinked.text);
  t.equal(unlinked.body.data.hash, null);
});

t.test('create: Directus refusals', async (t) => {
  const before = await app.sql('select count(*)::int as n from directus_versions');
  const cases: [unknown, number, string, string][] = [
    // Directus: 422 "Can't process content. Version \"draft1\" already exists for item \"1\" in collection \"vart\"."
    [{ key: 'draft1', collection: 'vart', item: '1' }, 422, 'UNPROCESSABLE_CONTENT',
      'Can\'t process content. Version "draft1" already exists for item "1" in collection "vart".'],
    [{ key: 'main', collection: 'vart', item: '1' }, 400, 'INVALID_PAYLOAD', 'Invalid payload. "main" is a reserved version key.'],
    [{ key: 'published', collection: 'vart', item: '1' }, 400, 'INVALID_PAYLOAD', 'Invalid payload. "published" is a reserved version key.'],
    [{ key: 'x', collection: 'vplain', item: '1' }, 422, 'UNPROCESSABLE_CONTENT',
      'Can\'t process content. Content Versioning is not enabled for collection "vplain".'],
    [{ key: 'x', collection: 'vart', item: '999' }, 403, 'FORBIDDEN', "You don't have permission to access this."],
    [{ key: 'x', collection: 'nope', item: '1' }, 403, 'FORBIDDEN', "You don't have permission to access this."],
    [{ key: 'x', collection: 'vart', item: 'abc' }, 403, 'FORBIDDEN', "You don't have permission to access this."],
    [{ collection: 'vart', item: '1' }, 400, 'INVALID_PAYLOAD', 'Invalid payload. "key" is required.'],
    [{ key: 'x', item: '1' }, 400, 'INVALID_PAYLOAD', 'Invalid payload. "collection" is required.'],
    [{ key: 'x', collection: 'vart' }, 400, 'INVALID_PAYLOAD', 'Invalid payload. "key" must be "draft" for versions not linked to an item.'],
    [{ key: 'x', collection: 'vart', item: 2 }, 400, 'INVALID_PAYLOAD', 'Invalid payload. "item" must be a string.'],
    [{ key: '', collection: 'vart', item: '2' }, 400, 'INVALID_PAYLOAD', 'Invalid payload. "key" is not allowed to be empty.'],
    // Directus 12.4: 400 VALUE_TOO_LONG (key is varchar(64)), 'Value in collection "directus_versions" is too long.'
    // (Strata words it as Directus 11 did, with the field and value: the generic writer's message)
    [{ key: 'a'.repeat(70), collection: 'vart', item: '2' }, 400, 'VALUE_TOO_LONG', ''],
    [{ key: 'x', collection: 'vart', item: '2', hash: 'zz' }, 400, 'INVALID_PAYLOAD', 'Invalid payload. "hash" is not allowed.'],
    [{ key: 'x', collection: 'vart', item: '2', user_created: null }, 400, 'INVALID_PAYLOAD', 'Invalid payload. "user_created" is not allowed.'],
    [[{ key: 'k11', collection: 'vart', item: '2' }, { key: 'k11', collection: 'vart', item: '2' }], 422, 'UNPROCESSABLE_CONTENT',
      'Can\'t process content. Cannot create multiple versions on "2" in collection "vart" with the same key "k11".'],
  ];
  for (const [body, status, c, message] of cases) {
    const r = await app.post('/versions', body);
    t.equal(r.status, status, `${JSON.stringify(body)}: ${r.text}`);
    t.equal(code(r), c);
    if (message) t.equal(r.body.errors[0].message, message);
  }
  t.same(await app.sql('select count(*)::int as n from directus_versions'), before, 'nothing written');
});

t.test('update and delete: key, name and item only', async (t) => {
  const v = (await app.post('/versions', { key: 'tmp', collection: 'vart', item: '2' })).body.data;
  // Directus: 422 duplicate key; 400 reserved; 400 "collection"/"delta"/"hash" is not allowed; renaming works
  const dup = await app.patch(`/versions/${v.id}`, { key: 'draft1', item: '1' });
  t.equal(dup.status, 422);
  t.equal(dup.body.errors[0].message, 'Can\'t process content. Version "draft1" already exists for item "1" in collection "vart".');
  t.equal((await app.patch(`/versions/${v.id}`, { key: 'main' })).body.errors[0].message, 'Invalid payload. "main" is a reserved version key.');
  for (const f of ['collection', 'delta', 'hash']) {
    const r = await app.patch(`/versions/${v.id}`, { [f]: f === 'delta' ? { title: 'direct' } : 'x' });
    t.equal(r.status, 400);
    t.equal(r.body.errors[0].message, `Invalid payload. "${f}" is not allowed.`);
  }
  const renamed = await app.patch(`/versions/${v.id}?fields=key,name,user_updated`, { name: 'renamed' });
  t.equal(renamed.status, 200, renamed.text);
  t.match(renamed.body.data, { key: 'tmp', name: 'renamed', user_updated: /^[0-9a-f-]{36}$/ });
  t.equal((await app.del(`/versions/${v.id}`)).status, 204);
  t.same(await app.sql('select id from directus_versions where id = $1', [v.id]), []);
  // Directus: an unknown or malformed id is 403 on every version route
  for (const id of ['00000000-0000-0000-0000-000000000000', 'notauuid']) {
    t.same((await app.get(`/versions/${id}`)).body, FORBIDDEN);
    t.same((await app.get(`/versions/${id}/compare`)).body, FORBIDDEN);
    t.same((await app.post(`/versions/${id}/save`, {})).body, FORBIDDEN);
    t.same((await app.post(`/versions/${id}/promote`, { mainHash: 'x' })).body, FORBIDDEN);
  }
});

t.test('save: delta merged, item view answered, version_save activity and revision', async (t) => {
  const s1 = await app.post(`/versions/${V1}/save`, { title: 'one v', n: 5 });
  t.equal(s1.status, 200, s1.text);
  // Directus: {"data":{"id":1,"title":"one v","body":"b1","n":5,"_user":"<user>","_date":"<iso>"}}
  t.match(s1.body.data, { id: 1, title: 'one v', body: 'b1', n: 5, _user: /^[0-9a-f-]{36}$/, _date: /Z$/ });
  const s2 = await app.post(`/versions/${V1}/save`, { body: 'b-ver' });
  t.match(s2.body.data, { id: 1, title: 'one v', body: 'b-ver', n: 5 });
  t.same(await rows(), [{ id: 1, title: 'one', body: 'b1', n: 1 }, { id: 2, title: 'two', body: null, n: 2 },
    { id: 3, title: 'three', body: null, n: 3 }], 'the item is unchanged');
  // stored as Directus stores it: the fields saved plus who saved last and when
  const [stored] = await app.sql('select delta::jsonb as delta, user_updated from directus_versions where id = $1', [V1]);
  t.match(stored.delta, { title: 'one v', n: 5, body: 'b-ver', _user: stored.user_updated, _date: /Z$/ });
  // Directus: activity "version_save" on the item, revision data = delta = the body, version = the version
  const audit = await app.sql(`select a.action, a.collection, a.item, r.data::jsonb as data, r.delta::jsonb as delta, r.version
    from directus_activity a join directus_revisions r on r.activity = a.id where r.version = $1 order by a.id`, [V1]);
  t.same(audit, [
    { action: 'version_save', collection: 'vart', item: '1', data: { title: 'one v', n: 5 }, delta: { title: 'one v', n: 5 }, version: V1 },
    { action: 'version_save', collection: 'vart', item: '1', data: { body: 'b-ver' }, delta: { body: 'b-ver' }, version: V1 },
  ]);
  // one version read: the delta as saved fields with the item's key; the list shows it as stored
  const one = await app.get(`/versions/${V1}`);
  t.same(one.body.data.delta, { id: '1', title: 'one v', n: 5, body: 'b-ver' });
  const listed = await app.get(`/versions?fields=delta&filter[id][_eq]=${V1}`);
  t.match(listed.body.data[0].delta, { title: 'one v', _user: /./, _date: /./ });
  t.equal((await app.post(`/versions/${V1}/save`, [1])).status, 400);
  // prototype keys are refused before anything is stored
  const proto = await app.request('POST', `/versions/${V1}/save`, { raw: '{"__proto__":{"admin":true},"title":"p"}', contentType: 'application/json' });
  t.equal(proto.status, 400, proto.text);
  t.same(await app.sql('select delta::jsonb as d from directus_versions where id = $1', [V1]), [{ d: stored.delta }]);
});

t.test('compare: outdated, mainHash, current, main', async (t) => {
  const r = await app.get(`/versions/${V1}/compare`);
  t.equal(r.status, 200, r.text);
  // Directus: {outdated:false, mainHash:<hash at creation>, current:{id:"1", ...saved}, main:{id:1,...}}
  t.same(r.body.data, { outdated: false, mainHash: created.body.data.hash,
    current: { id: '1', title: 'one v', n: 5, body: 'b-ver' }, main: { id: 1, title: 'one', body: 'b1', n: 1 } });
  const draft = (await app.get('/versions?filter[key][_eq]=draft&filter[item][_eq]=1&fields=id')).body.data[0].id;
  // Directus: a version without saves compares as {id:"1"}
  t.same((await app.get(`/versions/${draft}/compare`)).body.data.current, { id: '1' });
});

t.test('reads with ?version=', async (t) => {
  // Directus: the saved fields over the item, $meta.version_id
  t.same((await app.get('/items/vart/1?version=draft1')).body,
    { data: { id: 1, title: 'one v', body: 'b-ver', n: 5, $meta: { version_id: V1 } } });
  t.same((await app.get('/items/vart/1?version=draft1&fields=title')).body, { data: { title: 'one v', $meta: { version_id: V1 } } });
  t.same((await app.get('/items/vart/1?version=draft1&versionRaw=true')).body, { data: { id: '1', title: 'one v', n: 5, body: 'b-ver' } });
  t.same((await app.get('/items/vart/1?version=draft1&versionRaw')).body, { data: { id: '1', title: 'one v', n: 5, body: 'b-ver' } });
  // main / published: the item itself
  for (const k of ['main', 'published']) t.same((await app.get(`/items/vart/1?version=${k}`)).body, { data: { id: 1, title: 'one', body: 'b1', n: 1 } });
  // a version without saves: $meta.delta {} (Directus), raw: the item
  const draftId = (await app.get('/versions?filter[key][_eq]=draft&filter[item][_eq]=1&fields=id')).body.data[0].id;
  t.same((await app.get('/items/vart/1?version=draft')).body,
    { data: { id: 1, title: 'one', body: 'b1', n: 1, $meta: { version_id: draftId, delta: {} } } });
  t.same((await app.get('/items/vart/1?version=draft&versionRaw=true')).body, { data: { id: 1, title: 'one', body: 'b1', n: 1 } });
  // unknown key, item without that version, collection without versions: 403
  t.same((await app.get('/items/vart/1?version=nokey')).body, FORBIDDEN);
  t.same((await app.get('/items/vart/2?version=draft1')).body, FORBIDDEN);
  t.same((await app.get('/items/vplain/1?version=draft1')).body, FORBIDDEN);
  t.same((await app.get('/items/vart/abc?version=draft1')).body, FORBIDDEN);
  // lists: only the items that have that version
  t.same((await app.get('/items/vart?version=draft1')).body, { data: [{ id: 1, title: 'one v', body: 'b-ver', n: 5, $meta: { version_id: V1 } }] });
  t.same((await app.get('/items/vart?version=draft1&fields=title')).body, { data: [{ title: 'one v', $meta: { version_id: V1 } }] });
  t.same((await app.get('/items/vart?version=zzz')).body, { data: [] });
});

t.test('permissions', async (t) => {
  // reader (read on vart, versions CRUD) may create and save a version (Directus: no update needed)
  const rv = await app.post('/versions', { key: 'k_reader', collection: 'vart', item: '1' }, as('reader'));
  t.equal(rv.status, 200, rv.text);
  t.equal((await app.post(`/versions/${rv.body.data.id}/save`, { title: 'by reader' }, as('reader'))).status, 200);
  t.same((await app.get('/items/vart/1?version=k_reader&fields=title', as('reader'))).body.data.title, 'by reader');
  // blind (versions only, no read on vart): sees version rows but nothing of the item
  const blindCreate = await app.post('/versions', { key: 'k_blind', collection: 'vart', item: '1' }, as('blind'));
  t.same(blindCreate.body, FORBIDDEN); // Directus: plain 403
  for (const r of [await app.get(`/versions/${V1}/compare`, as('blind')), await app.post(`/versions/${V1}/save`, { title: 'x' }, as('blind')),
    await app.post(`/versions/${V1}/promote`, { mainHash: created.body.data.hash }, as('blind')),
    await app.get('/items/vart/1?version=draft1', as('blind'))]) {
    t.equal(r.status, 403, r.text);
    t.equal(code(r), 'FORBIDDEN');
  }
  t.equal((await app.get(`/versions/${V1}`, as('blind'))).status, 200);
  // nover (vart read/update, no versions permission): 403 everywhere
  for (const r of [await app.get('/versions', as('nover')), await app.get(`/versions/${V1}`, as('nover')),
    await app.get(`/versions/${V1}/compare`, as('nover')), await app.post('/versions', { key: 'k', collection: 'vart', item: '1' }, as('nover')),
    await app.post(`/versions/${V1}/save`, { title: 'x' }, as('nover')), await app.get('/items/vart/1?version=draft1', as('nover'))]) {
    t.equal(r.status, 403, r.text);
    t.equal(code(r), 'FORBIDDEN');
  }
  const before = await rows();
  const deltaBefore = await app.sql('select delta::text from directus_versions order by id');
  // partial can't read item 1: nothing of its versions but the version rows themselves
  t.same((await app.post('/versions', { key: 'k_partial', collection: 'vart', item: '1' }, as('partial'))).body, FORBIDDEN);
  for (const r of [await app.get(`/versions/${V1}/compare`, as('partial')), await app.post(`/versions/${V1}/save`, { title: 'p' }, as('partial')),
    await app.post(`/versions/${V1}/promote`, { mainHash: created.body.data.hash }, as('partial')),
    await app.get('/items/vart/1?version=draft1', as('partial'))]) {
    t.equal(r.status, 403, r.text);
    t.equal(code(r), 'FORBIDDEN');
  }
  t.same((await app.get('/items/vart?version=draft1', as('partial'))).body, { data: [] }, 'lists leave the item out');
  t.same(await app.sql('select delta::text from directus_versions order by id'), deltaBefore, 'refused saves stored nothing');
  const pv = await app.post('/versions', { key: 'k_partial', collection: 'vart', item: '3' }, as('partial'));
  t.equal(pv.status, 200, pv.text);
  // viewer reads versions but may not create or save them: 403, nothing stored, no activity
  const activity = await app.sql('select count(*)::int as n from directus_activity');
  const v1Delta = await app.sql('select delta::text from directus_versions where id = $1', [V1]);
  t.equal((await app.post('/versions', { key: 'k_viewer', collection: 'vart', item: '2' }, as('viewer'))).status, 403);
  const viewerSave = await app.post(`/versions/${V1}/save`, { title: 'by viewer' }, as('viewer'));
  t.equal(viewerSave.status, 403, viewerSave.text);
  t.equal(code(viewerSave), 'FORBIDDEN');
  t.same(await app.sql('select delta::text from directus_versions where id = $1', [V1]), v1Delta, 'nothing stored');
  t.same(await app.sql('select count(*)::int as n from directus_activity'), activity, 'no activity');
  t.equal((await app.get(`/versions/${V1}/compare`, as('viewer'))).status, 200);
  // reader may not promote (no update on vart): 403 and the item is unchanged
  const deltas = await app.sql('select delta::text from directus_versions order by id');
  const hash = (await app.get(`/versions/${rv.body.data.id}/compare`, as('reader'))).body.data.mainHash;
  const denied = await app.post(`/versions/${rv.body.data.id}/promote`, { mainHash: hash }, as('reader'));
  t.equal(denied.status, 403, denied.text);
  t.equal(code(denied), 'FORBIDDEN');
  t.same(await rows(), before, 'nothing written');
  t.same(await app.sql('select delta::text from directus_versions order by id'), deltas);
});

t.test('promote', async (t) => {
  const v2 = (await app.post('/versions', { key: 'p', collection: 'vart', item: '2' })).body.data;
  await app.post(`/versions/${v2.id}/save`, { title: 'two-v' });
  await app.patch('/items/vart/2', { n: 22 });
  const cmp = (await app.get(`/versions/${v2.id}/compare`)).body.data;
  // Directus: outdated once the main item changed; mainHash is the item's hash now
  t.equal(cmp.outdated, true);
  t.not(cmp.mainHash, v2.hash);
  // Directus: 422 VERSION_HASH_MISMATCH with the current hash
  const stale = await app.post(`/versions/${v2.id}/promote`, { mainHash: v2.hash });
  t.same(stale.body, { errors: [{ message: 'Main item has changed since this version was last updated.',
    extensions: { mainHash: cmp.mainHash, code: 'VERSION_HASH_MISMATCH' } }] });
  t.equal(stale.status, 422);
  // Directus: 400 "mainHash" field is required (missing or not a string)
  for (const body of [{}, { mainHash: 5 }]) {
    const r = await app.post(`/versions/${v2.id}/promote`, body);
    t.equal(r.status, 400);
    t.equal(r.body.errors[0].message, 'Invalid payload. "mainHash" field is required.');
  }
  t.same((await rows())[1], { id: 2, title: 'two', body: null, n: 22 }, 'refused promotes wrote nothing');
  await app.post(`/versions/${v2.id}/save`, { body: 'bb', n: 99 });
  // editor (read + update on vart) promotes the named fields only; Directus answers the item's key as a string
  const ok = await app.post(`/versions/${v2.id}/promote`, { mainHash: cmp.mainHash, fields: ['title', 'n'] }, as('editor'));
  t.same(ok.body, { data: '2' });
  t.same((await rows())[1], { id: 2, title: 'two-v', body: null, n: 99 });
  // a normal update: activity and revision of the editor, delta the promoted fields
  const [rev] = await app.sql(`select a.action, a."user", r.delta::jsonb as delta, r.version from directus_activity a
    join directus_revisions r on r.activity = a.id where a.collection = 'vart' and a.item = '2' order by a.id desc limit 1`);
  t.same(rev, { action: 'update', user: P.editor, delta: { title: 'two-v', n: 99 }, version: null });
  // Directus 12 keeps the version after promoting it
  t.equal((await app.get(`/versions/${v2.id}?fields=key`)).body.data.key, 'p');
});

t.test('GraphQL: <c>_by_version', async (t) => {
  const gql = (query: string, opts = {}) => app.post('/graphql', { query }, opts);
  // Directus 12.4: {"data":{"vart_by_version":{"id":"1","title":"one v","n":5}}} (its own saves, here)
  t.same((await gql('{ vart_by_version(version: "draft1", id: "1") { id title n } }')).body,
    { data: { vart_by_version: { id: '1', title: 'one v', n: 5 } } });
  // Directus: main, or a key the item has no version of, answer the item itself
  for (const v of ['main', 'nokey']) {
    t.same((await gql(`{ vart_by_version(version: "${v}", id: "1") { id title } }`)).body, { data: { vart_by_version: { id: '1', title: 'one' } } });
  }
  // Directus: an item that can't be read: null and FORBIDDEN; no versions permission: FORBIDDEN
  const missing = await gql('{ vart_by_version(version: "draft1", id: "999") { id } }');
  t.same(missing.body.data, { vart_by_version: null });
  t.equal(missing.body.errors[0].extensions.code, 'FORBIDDEN');
  const nover = await gql('{ vart_by_version(version: "draft1", id: "1") { id } }', as('nover'));
  t.same(nover.body.data, { vart_by_version: null });
  t.equal(nover.body.errors[0].extensions.code, 'FORBIDDEN');
  // Directus's SDL: vart_by_version(version: String!, id: ID!): version_vart, relational fields as JSON
  const sdl = await gql('{ __type(name: "version_vart") { fields { name type { name kind } } } }');
  t.same(sdl.body.data.__type.fields.map((f: any) => [f.name, f.type.name]), [['id', 'ID'], ['title', 'String'], ['body', 'String'], ['n', 'Int']]);
  const root = await gql('{ __type(name: "Query") { fields { name args { name type { kind ofType { name } } } } } }');
  // Directus: `version` on <c>_by_id: {"id":"1","t":<saved title>,"n":5,"__typename":"vart"}; unknown key: null + FORBIDDEN
  t.same((await gql('{ vart_by_id(id: "1", version: "draft1") { id t: title n __typename } }')).body,
    { data: { vart_by_id: { id: '1', t: 'one v', n: 5, __typename: 'vart' } } });
  const unknown = await gql('{ vart_by_id(id: "1", version: "nokey") { id } }');
  t.same(unknown.body.data, { vart_by_id: null });
  t.equal(unknown.body.errors[0].extensions.code, 'FORBIDDEN');
  t.same((await gql('{ vart_by_id(id: "1", version: "main") { id title } }')).body, { data: { vart_by_id: { id: '1', title: 'one' } } });
  const field = root.body.data.__type.fields.find((f: any) => f.name === 'vart_by_version');
  t.same(field.args, [{ name: 'version', type: { kind: 'NON_NULL', ofType: { name: 'String' } } }, { name: 'id', type: { kind: 'NON_NULL', ofType: { name: 'ID' } } }]);
});

t.test('singletons', async (t) => {
  // Directus: a version without item of a singleton that has its item: 422
  const full = await app.post('/versions', { key: 'draft', collection: 'vsing', item: null });
  t.equal(full.status, 422, full.text);
  t.equal(full.body.errors[0].message, 'Can\'t process content. Singleton collection "vsing" already contains an item.');
  const v = (await app.post('/versions', { key: 'k1', collection: 'vsing', item: '1' })).body.data;
  // Directus: save answers {"id":1,"title":"s-ver","_user":…,"_date":…}
  t.match((await app.post(`/versions/${v.id}/save`, { title: 's-ver' })).body.data, { id: 1, title: 's-ver', _user: /./ });
  // Directus: {"data":{"id":1,"title":"s-ver","$meta":{"version_id":…}}}; raw {"id":"1","title":"s-ver"}; unknown key 403
  t.same((await app.get('/items/vsing?version=k1')).body, { data: { id: 1, title: 's-ver', $meta: { version_id: v.id } } });
  t.same((await app.get('/items/vsing?version=k1&versionRaw=true')).body, { data: { id: '1', title: 's-ver' } });
  t.same((await app.get('/items/vsing?version=nokey')).body, FORBIDDEN);
  t.same((await app.get('/items/vsing')).body, { data: { id: 1, title: 's-main' } });
  // Directus: { vsing(version: "k1") { id title } } -> {"id":"1","title":"s-ver"}
  t.same((await app.post('/graphql', { query: '{ vsing(version: "k1") { id title } }' })).body, { data: { vsing: { id: '1', title: 's-ver' } } });
});

t.test('a saved primary key never renames the item', async (t) => {
  const v = (await app.post('/versions', { key: 'pk', collection: 'vart', item: '3' })).body.data;
  // Directus: the save answers the merge (id 999), reads and promotes keep the item's own key
  t.match((await app.post(`/versions/${v.id}/save`, { id: 999, title: 'x' })).body.data, { id: 999, title: 'x' });
  t.same((await app.get('/items/vart/3?version=pk&fields=id,title')).body.data, { id: 3, title: 'x', $meta: { version_id: v.id } });
  const hash = (await app.get(`/versions/${v.id}/compare`)).body.data.mainHash;
  t.same((await app.post(`/versions/${v.id}/promote`, { mainHash: hash })).body, { data: '3' });
  t.same(await app.sql('select id, title from vart where id in (3, 999) order by id'), [{ id: 3, title: 'x' }]);
});

t.test('versioning is switched on through the collections API', async (t) => {
  const off = await app.post('/versions', { key: 'k', collection: 'vplain', item: '1' });
  t.equal(off.status, 422);
  const on = await app.patch('/collections/vplain', { meta: { versioning: true } });
  t.equal(on.status, 200, on.text);
  t.equal(on.body.data.meta.versioning, true);
  const v = await app.post('/versions', { key: 'k', collection: 'vplain', item: '1' });
  t.equal(v.status, 200, v.text);
  t.equal((await app.get('/items/vplain/1?version[]=k')).status, 400, 'a version is one key');
});

t.test('concurrent saves of one version are all kept', async (t) => {
  const v = (await app.post('/versions', { key: 'race', collection: 'vart', item: '2' })).body.data;
  const saves = await Promise.all(Array.from({ length: 8 }, (_, i) => app.post(`/versions/${v.id}/save`, { [`f${i}`]: i })));
  t.same(saves.map((r) => r.status), Array(8).fill(200));
  const [{ delta }] = await app.sql('select delta::jsonb as delta from directus_versions where id = $1', [v.id]);
  t.same(Object.keys(delta).filter((k) => k.startsWith('f')).sort(), ['f0', 'f1', 'f2', 'f3', 'f4', 'f5', 'f6', 'f7']);
});

t.test('relational fields', async (t) => {
  await app.sql(`
    create table vauthor (id serial primary key, name text);
    insert into vauthor (name) values ('A1'), ('A2');
    create table vpost (id serial primary key, title text, author integer references vauthor (id));
    insert into vpost (title, author) values ('p1', 1);
    insert into directus_collections (collection, versioning) values ('vpost', true);
    insert into directus_relations (many_collection, many_field, one_collection) values ('vpost', 'author', 'vauthor');
  `);
  const v = (await app.post('/versions', { key: 'd', collection: 'vpost', item: '1' })).body.data;
  t.equal((await app.post(`/versions/${v.id}/save`, { title: 'p1 v', author: 2 })).status, 200);
  // the saved key over the item's own; a related item the query reads stays the main item's
  // (Directus 10.10+ resolves a saved relation: a known difference, README)
  t.same((await app.get('/items/vpost/1?version=d')).body.data, { id: 1, title: 'p1 v', author: 2, $meta: { version_id: v.id } });
  t.same((await app.get('/items/vpost/1?version=d&fields=title,author.name')).body.data,
    { title: 'p1 v', author: { name: 'A1' }, $meta: { version_id: v.id } });
  const gql = await app.post('/graphql', { query: '{ a: vpost_by_id(id: "1", version: "d") { title author { name } } b: vpost_by_version(id: "1", version: "d") { title author } }' });
  t.same(gql.body, { data: { a: { title: 'p1 v', author: { name: 'A1' } }, b: { title: 'p1 v', author: 2 } } });
  // relational arguments have no meaning in a versioned read
  const args = await app.post('/graphql', { query: '{ vauthor_by_id(id: "1") { name } vpost_by_id(id: "1", version: "d") { author(limit: 1) { name } } }' });
  t.equal(args.body.errors?.[0]?.extensions?.code, 'INVALID_QUERY', args.text);
});
