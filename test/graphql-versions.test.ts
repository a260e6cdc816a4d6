// Content versions written through /graphql/system: create/update/delete_versions_item(s) and
// update_versions_batch, with the rules of REST's /versions (the same core: src/engine/versions.ts)
// and the same writer (permissions). Names, arguments and answers are what the real
// Directus 12.4 has and answered (a collection with versioning on, `gv_art`, one without, `gv_plain`),
// noted next to each assertion. Directus 12.4's GraphQL has no save, compare or promote of a
// version (no root field of either scope mentions them): those stay REST's (test/versions.test.ts).
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);
const P = { blind: 'b1111111-1111-4111-8111-111111111111', none: 'b2222222-2222-4222-8222-222222222222' };
await app.sql(`
  create table gv_art (id serial primary key, title varchar(255));
  create table gv_plain (id serial primary key, title varchar(255));
  insert into directus_collections (collection, versioning) values ('gv_art', true);
  insert into gv_art (title) values ('one'), ('two');
  insert into gv_plain (title) values ('p');
  ${Object.entries(P).map(([name, id]) => `
    insert into directus_policies (id, name) values ('${id}', '${name}');
    insert into directus_users (id, email, status, token) values ('${id}', 'gv-${name}@example.com', 'active', 'gv-${name}-token');
    insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${id}', '${id}');`).join('\n')}
  -- blind: every right on versions, none on gv_art; none: gv_art only
  insert into directus_permissions (collection, action, fields, policy) values
    ('directus_versions', 'create', '*', '${P.blind}'), ('directus_versions', 'read', '*', '${P.blind}'),
    ('directus_versions', 'update', '*', '${P.blind}'), ('directus_versions', 'delete', '*', '${P.blind}'),
    ('gv_art', 'read', '*', '${P.none}');
`);

const gql = (query: string, variables?: unknown, token?: string) => app.post('/graphql/system', { query, variables }, token ? { token } : {});
const versions = () => app.sql('select key, name, item from directus_versions order by key');
/** one root field's error as Directus reports it: {message, code} */
const byKey = <T extends { key: string }>(list: T[]) => [...list].sort((a, b) => a.key.localeCompare(b.key));
const failure = (r: { body: any }) => ({ message: r.body.errors?.[0]?.message, code: r.body.errors?.[0]?.extensions?.code });

// Directus 12.4's root fields (introspection of /graphql/system as an admin)
const LIST_ARGS = 'filter: directus_versions_filter, sort: [String], limit: Int, offset: Int, page: Int, search: String';
const DIRECTUS = {
  create_versions_items: `(${LIST_ARGS}, data: [create_directus_versions_input!]): [directus_versions!]!`,
  create_versions_item: '(data: create_directus_versions_input!): directus_versions',
  update_versions_items: `(${LIST_ARGS}, ids: [ID]!, data: update_directus_versions_input!): [directus_versions!]!`,
  update_versions_batch: `(${LIST_ARGS}, data: [update_directus_versions_input!]): [directus_versions!]!`,
  update_versions_item: '(id: ID!, data: update_directus_versions_input!): directus_versions',
  delete_versions_items: '(ids: [ID]!): delete_many',
  delete_versions_item: '(id: ID!): delete_one',
};
const print = (ty: any): string => (ty.kind === 'NON_NULL' ? `${print(ty.ofType)}!` : ty.kind === 'LIST' ? `[${print(ty.ofType)}]` : ty.name);
const INTRO = '{ __schema { mutationType { fields { name type { ...t } args { name type { ...t } } } } } } fragment t on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';

t.test('the root fields as Directus declares them; absent for a caller who may not write versions', async (t) => {
  const fields = new Map<string, any>((await gql(INTRO)).body.data.__schema.mutationType.fields.map((f: any) => [f.name, f]));
  for (const [name, want] of Object.entries(DIRECTUS)) {
    const f = fields.get(name);
    t.equal(f && `(${f.args.map((a: any) => `${a.name}: ${print(a.type)}`).join(', ')}): ${print(f.type)}`, want, name);
  }
  t.same([...fields.keys()].filter((n) => /version/.test(n) && !(n in DIRECTUS)), [], 'no other root field mentions versions (as Directus 12.4)');
  // Directus 12.4: create_directus_versions_input has key: String!, collection: String!
  const input = (await gql('{ __type(name: "create_directus_versions_input") { inputFields { name type { ...t } } } } fragment t on __Type { kind name ofType { kind name } }')).body.data.__type.inputFields;
  t.same(input.filter((f: any) => f.type.kind === 'NON_NULL').map((f: any) => f.name), ['key', 'collection']);

  const none = (await gql('{ __schema { mutationType { fields { name } } } }', undefined, 'gv-none-token')).body.data.__schema.mutationType?.fields ?? [];
  t.same(none.filter((f: any) => /versions/.test(f.name)), [], 'no permission on directus_versions: no versions mutation');
  const refused = await gql('mutation { create_versions_item(data: {key: "x", collection: "gv_art", item: "1"}) { id } }', undefined, 'gv-none-token');
  t.equal(refused.status, 400);
  t.equal(refused.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
  t.same(await versions(), [], 'nothing created');
});

let V1 = '';

t.test('create: the version as REST creates it (hash of the main item, creator)', async (t) => {
  // Directus 12.4: {"create_versions_item":{"id":"<uuid>","key":"draft1","name":"Draft 1","collection":"sys_articles","item":"1",
  //   "hash":"<40 hex>","delta":null,"user_created":{"email":"admin@example.com"}}}
  const r = await gql('mutation { create_versions_item(data: {key: "draft1", name: "Draft 1", collection: "gv_art", item: "1"}) { id key name collection item hash delta user_created { email } } }');
  t.equal(r.status, 200, r.text);
  t.match(r.body, { data: { create_versions_item: { id: /^[0-9a-f-]{36}$/, key: 'draft1', name: 'Draft 1', collection: 'gv_art', item: '1',
    hash: /^[0-9a-f]{40}$/, delta: null, user_created: { email: 'admin@example.com' } } } });
  V1 = r.body.data.create_versions_item.id;
  const compare = await app.get(`/versions/${V1}/compare`);
  t.equal(compare.body.data.mainHash, r.body.data.create_versions_item.hash, 'the hash REST compares against');
  t.equal(compare.body.data.outdated, false);

  // Directus 12.4: create_versions_items creates both and answers them (in key order: by their random ids, as Directus)
  const many = await gql('mutation { create_versions_items(data: [{key: "d2", collection: "gv_art", item: "1"}, {key: "d3", collection: "gv_art", item: "1"}]) { key item } }');
  t.same(byKey(many.body.data.create_versions_items), [{ key: 'd2', item: '1' }, { key: 'd3', item: '1' }]);
  t.same(await versions(), [{ key: 'd2', name: null, item: '1' }, { key: 'd3', name: null, item: '1' }, { key: 'draft1', name: 'Draft 1', item: '1' }]);
});

t.test('create: Directus\'s refusals, per root field, nothing written', async (t) => {
  const before = await versions();
  const cases: [string, { message: string; code: string }][] = [
    // each answered by Directus 12.4 (`"data":{"create_versions_item":null}` and the error with the root field's path)
    ['{key: "draft1", collection: "gv_art", item: "1"}',
      { message: 'Can\'t process content. Version "draft1" already exists for item "1" in collection "gv_art".', code: 'UNPROCESSABLE_CONTENT' }],
    ['{key: "main", collection: "gv_art", item: "1"}', { message: 'Invalid payload. "main" is a reserved version key.', code: 'INVALID_PAYLOAD' }],
    ['{key: "k", collection: "gv_plain", item: "1"}',
      { message: 'Can\'t process content. Content Versioning is not enabled for collection "gv_plain".', code: 'UNPROCESSABLE_CONTENT' }],
    ['{key: "k2", collection: "gv_art", item: "1", delta: {title: "x"}}', { message: 'Invalid payload. "delta" is not allowed.', code: 'INVALID_PAYLOAD' }],
    ['{key: "k3", collection: "gv_art", item: "999"}', { message: 'You don\'t have permission to access this.', code: 'FORBIDDEN' }],
  ];
  for (const [data, want] of cases) {
    const r = await gql(`mutation { create_versions_item(data: ${data}) { id } }`);
    t.equal(r.status, 200);
    t.same(r.body.data, { create_versions_item: null }, data);
    t.same(failure(r), want, data);
    t.same(r.body.errors[0].path, ['create_versions_item']);
  }
  t.same(await versions(), before);
});

t.test('update: key, name and item only; keys unique per item, also across several versions and a batch', async (t) => {
  const [v2, v3] = (await app.sql(`select id from directus_versions where key in ('d2', 'd3') order by key`)).map((r) => r.id as string);
  // Directus 12.4: renaming works; a key another version of the item has is 422; "hash" is not allowed
  const renamed = await gql(`mutation { update_versions_item(id: "${v2}", data: {name: "Renamed"}) { id key name } }`);
  t.same(renamed.body, { data: { update_versions_item: { id: v2, key: 'd2', name: 'Renamed' } } });
  const dup = await gql(`mutation { update_versions_item(id: "${v2}", data: {key: "draft1"}) { id } }`);
  t.same(failure(dup), { message: 'Can\'t process content. Version "draft1" already exists for item "1" in collection "gv_art".', code: 'UNPROCESSABLE_CONTENT' });
  const hash = await gql(`mutation { update_versions_item(id: "${v2}", data: {hash: "abc"}) { id } }`);
  t.same(failure(hash), { message: 'Invalid payload. "hash" is not allowed.', code: 'INVALID_PAYLOAD' });

  // Directus 12.4: update_versions_items with a name updates both; with one key for two versions of one item, 422
  const both = await gql(`mutation { update_versions_items(ids: ["${v2}", "${v3}"], data: {name: "Both"}) { key name } }`);
  t.same(byKey(both.body.data.update_versions_items), [{ key: 'd2', name: 'Both' }, { key: 'd3', name: 'Both' }]);
  const same = await gql(`mutation { update_versions_items(ids: ["${v2}", "${v3}"], data: {key: "same"}) { key } }`);
  t.same(failure(same), { message: 'Can\'t process content. Cannot update multiple versions on "1" in collection "gv_art" to the same key "same".',
    code: 'UNPROCESSABLE_CONTENT' });
  // Directus 12.4: a batch runs its updates in turn; the second one's key is taken, and the first one's is undone with it
  const batch = await gql(`mutation { update_versions_batch(data: [{id: "${v2}", key: "b2"}, {id: "${v3}", key: "draft1"}]) { key } }`);
  t.same(failure(batch), { message: 'Can\'t process content. Version "draft1" already exists for item "1" in collection "gv_art".', code: 'UNPROCESSABLE_CONTENT' });
  const twice = await gql(`mutation { update_versions_batch(data: [{id: "${v2}", key: "b"}, {id: "${v3}", key: "b"}]) { key } }`);
  t.same(failure(twice), { message: 'Can\'t process content. Version "b" already exists for item "1" in collection "gv_art".', code: 'UNPROCESSABLE_CONTENT' },
    'a key an earlier update of the batch gave is taken');
  t.same(await versions(), [{ key: 'd2', name: 'Both', item: '1' }, { key: 'd3', name: 'Both', item: '1' }, { key: 'draft1', name: 'Draft 1', item: '1' }]);
  const ok = await gql(`mutation { update_versions_batch(data: [{id: "${v2}", key: "b2"}, {id: "${v3}", name: "Three"}]) { key name } }`);
  t.same(byKey(ok.body.data.update_versions_batch), [{ key: 'b2', name: 'Both' }, { key: 'd3', name: 'Three' }]);
  t.same(await versions(), [{ key: 'b2', name: 'Both', item: '1' }, { key: 'd3', name: 'Three', item: '1' }, { key: 'draft1', name: 'Draft 1', item: '1' }]);
});

t.test('delete: one and many', async (t) => {
  const [v2, v3] = (await app.sql(`select id from directus_versions where key in ('b2', 'd3') order by key`)).map((r) => r.id as string);
  t.same((await gql(`mutation { delete_versions_item(id: "${v2}") { id } }`)).body, { data: { delete_versions_item: { id: v2 } } });
  t.same((await gql(`mutation { delete_versions_items(ids: ["${v3}", "${V1}"]) { ids } }`)).body, { data: { delete_versions_items: { ids: [v3, V1] } } });
  t.same(await versions(), []);
});

t.test('a caller with every right on versions but no read of the item: FORBIDDEN, as REST', async (t) => {
  const r = await gql('mutation { create_versions_item(data: {key: "peek", collection: "gv_art", item: "1"}) { id } }', undefined, 'gv-blind-token');
  t.same(failure(r), { message: 'You don\'t have permission to access this.', code: 'FORBIDDEN' });
  t.same(await versions(), [], 'nothing created');
});
