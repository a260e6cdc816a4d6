// A content version's delta, read by a non-admin, holds only the fields of the item they may read
// there (and `_user`/`_date`, who saved it last and when), as revisions' data and delta do
// (strata.revision_ref): GET /versions, /versions/:id, /compare, the save's answer, `versionRaw`,
// GraphQL. Directus 11.17 (asked with the same permissions: a field subset on the collection,
// `*` on directus_versions) answers the stored delta whole in all of them except `?version=`
// reads — `"delta":{"title":"a2","secret":"s-a2",...}` to a user who may not read `secret` —
// so Strata differs there (README "Compatibility notes"). Where Directus does not leak, Strata
// answers as it does: `?version=` shows the readable fields only, and a promote writes the stored
// delta through the caller's update permissions (403 naming a field they may not update; with
// `fields` naming only what they may, `{"data":"1"}`).
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t, { STRATA_AUTH_CACHE_TTL: '0' });

const P = { fields: 'b1111111-1111-4111-8111-111111111111', rows: 'b2222222-2222-4222-8222-222222222222',
  none: 'b3333333-3333-4333-8333-333333333333' };
await app.sql(`
  create table vdoc (id serial primary key, title varchar(255), secret varchar(255), status varchar(20));
  insert into directus_collections (collection, versioning) values ('vdoc', true);
  insert into vdoc (title, secret, status) values ('a', 's-a', 'pub'), ('b', 's-b', 'draft');
  ${Object.entries(P).map(([name, id]) => `
    insert into directus_policies (id, name) values ('${id}', '${name}');
    insert into directus_users (id, email, status, token) values ('${id}', '${name}@example.com', 'active', '${name}-token');
    insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${id}', '${id}');
    insert into directus_permissions (collection, action, fields, policy) values ('directus_versions', 'read', '*', '${id}'),
      ('directus_versions', 'update', '*', '${id}');`).join('\n')}
  -- fields: id and title of every item, and may update title
  insert into directus_permissions (collection, action, fields, policy) values
    ('vdoc', 'read', 'id,title', '${P.fields}'), ('vdoc', 'update', 'title', '${P.fields}');
  -- rows: every field of the published items only
  insert into directus_permissions (collection, action, fields, permissions, policy) values
    ('vdoc', 'read', '*', '{"status":{"_eq":"pub"}}', '${P.rows}');
`);
const as = (name: keyof typeof P) => ({ token: `${name}-token` });
const HIDDEN = /s-a2|s-b2/;

// the admin drafts both items, the secret included
const version = async (item: string) => {
  const res = await app.post('/versions', { key: 'draft1', name: 'Draft', collection: 'vdoc', item });
  if (res.status !== 200) throw new Error(res.text);
  const id = res.body.data.id as string;
  await app.post(`/versions/${id}/save`, { title: `${item === '1' ? 'a' : 'b'}2`, secret: `s-${item === '1' ? 'a' : 'b'}2` });
  return id;
};
const V1 = await version('1');
const V2 = await version('2');
const stored = async () => (await app.sql('select id, delta::jsonb as delta from directus_versions order by id'));
const before = await stored();

t.test('the admin reads the delta whole', async (t) => {
  t.same((await app.get(`/versions/${V1}`)).body.data.delta, { id: '1', title: 'a2', secret: 's-a2' });
  t.match((await app.get(`/versions?filter[id][_eq]=${V1}`)).body.data[0].delta, { title: 'a2', secret: 's-a2', _user: /./, _date: /Z$/ });
});

t.test('a field subset: the readable fields only', async (t) => {
  const list = await app.get('/versions?fields=id,delta&sort=item', as('fields'));
  t.equal(list.status, 200, list.text);
  t.same(list.body.data.map((v: { delta: object }) => Object.keys(v.delta).sort()), [['_date', '_user', 'title'], ['_date', '_user', 'title']]);
  t.match(list.body.data[0].delta, { title: 'a2', _user: /^[0-9a-f-]{36}$/, _date: /Z$/ });
  t.same((await app.get(`/versions/${V1}`, as('fields'))).body.data.delta, { id: '1', title: 'a2' });
  t.same((await app.get('/items/vdoc/1?version=draft1&versionRaw=true', as('fields'))).body, { data: { id: '1', title: 'a2' } });
  // as Directus answers it
  t.same((await app.get('/items/vdoc/1?version=draft1', as('fields'))).body, { data: { id: 1, title: 'a2', $meta: { version_id: V1 } } });
  const compare = await app.get(`/versions/${V1}/compare`, as('fields'));
  t.same([compare.body.data.current, compare.body.data.main], [{ id: '1', title: 'a2' }, { id: 1, title: 'a' }]);
  const gql = await app.post('/graphql/system', { query: `{ versions_by_id(id: "${V1}") { delta } }` }, as('fields'));
  t.same(Object.keys(gql.body.data?.versions_by_id?.delta ?? {}).sort(), ['_date', '_user', 'title'], gql.text);
  for (const path of ['/versions', `/versions/${V2}`, `/versions/${V2}/compare`, '/items/vdoc?version=draft1&versionRaw=true']) {
    t.notMatch((await app.get(path, as('fields'))).text, HIDDEN, path);
  }
});

t.test('a row filter: nothing of an item the caller may not read', async (t) => {
  const list = await app.get('/versions?fields=item,delta&sort=item', as('rows'));
  t.match(list.body.data, [{ item: '1', delta: { title: 'a2', secret: 's-a2' } }, { item: '2', delta: null }]);
  t.same((await app.get(`/versions/${V2}`, as('rows'))).body.data.delta, null);
  t.equal((await app.get('/items/vdoc/2?version=draft1&versionRaw=true', as('rows'))).status, 403);
});

t.test('no read permission on the collection: no delta', async (t) => {
  const list = await app.get('/versions?fields=item,delta&sort=item', as('none'));
  t.same(list.body.data, [{ item: '1', delta: null }, { item: '2', delta: null }]);
});

t.test('saving answers the readable fields; the stored delta keeps the rest', async (t) => {
  const res = await app.post(`/versions/${V1}/save`, { title: 'a3' }, as('fields'));
  t.equal(res.status, 200, res.text);
  // Directus 11.17: {"id":1,"title":"a3","secret":"s-a2","_user":...,"_date":...}
  t.match(res.body.data, { id: 1, title: 'a3', _user: P.fields, _date: /Z$/ });
  t.notOk('secret' in res.body.data);
  const [row] = await app.sql('select delta::jsonb as delta from directus_versions where id = $1', [V1]);
  t.match(row.delta, { title: 'a3', secret: 's-a2', _user: P.fields });
});

t.test('promoting writes the stored delta with the caller\'s update permissions', async (t) => {
  const hash = (await app.get(`/versions/${V1}/compare`, as('fields'))).body.data.mainHash;
  const items = () => app.sql('select id, title, secret from vdoc order by id');
  const itemsBefore = await items();
  // Directus 11.17 refuses the secret the caller may not update, and writes nothing
  let res = await app.post(`/versions/${V1}/promote`, { mainHash: hash }, as('fields'));
  const message = 'You don\'t have permission to access field "secret" in collection "vdoc" or it does not exist. Queried in root.';
  t.equal(res.status, 403, res.text);
  // (Directus 11.17 words it as a read's 403, ending "Queried in root.": the write's own 403 here)
  t.match(res.body, { errors: [{ message: /^You don't have permission to access field "secret" in collection "vdoc"/, extensions: { code: 'FORBIDDEN' } }] }, message);
  t.same(await items(), itemsBefore, 'nothing written');
  // the fields it may update: {"data":"1"}, as Directus
  res = await app.post(`/versions/${V1}/promote`, { mainHash: hash, fields: ['title'] }, as('fields'));
  t.same([res.status, res.body], [200, { data: '1' }], res.text);
  t.same(await items(), [{ id: 1, title: 'a3', secret: 's-a' }, { id: 2, title: 'b', secret: 's-b' }]);
});

t.test('reads changed no version', async (t) => {
  const after = await stored();
  t.same(after.find((v) => v.id === V2), before.find((v) => v.id === V2));
});
