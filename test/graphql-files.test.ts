// /graphql/system's files mutations: create/update of metadata-only records (as REST's JSON
// POST/PATCH /files), import_file (as POST /files/import, against a real local HTTP server) and
// delete_files_* removing the stored bytes and cached transforms (as DELETE /files).
//
// Directus 12.4 (127.0.0.1:18055) declares the root fields below (introspection as an admin);
// import_file of a refused URL answered {"data":{"import_file":null}} with the error
// 'Service "external-file" is unavailable. Couldn't fetch file from URL "<url>".' (code
// SERVICE_UNAVAILABLE, extensions service and reason, path ["import_file"]); a caller who may only
// read files has none of these mutations in their schema (400 GRAPHQL_VALIDATION 'Cannot query
// field "delete_files_item" on type "Mutation".'); delete_files_item answers {id} as given.
// Where Directus's GraphQL differs from its REST (it keeps a client's filename_disk and sets no
// title), Strata shapes the record as its REST's JSON POST /files does: server-set fields are
// dropped (a client's filename_disk would point a record, and its delete, at another file's bytes).
import t from 'tap';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { startApp, type TestApp } from './helpers/app.js';

const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#654321' } }).png().toBuffer();
const origin = createServer((req, res) => {
  if (req.url === '/images/holiday-photo.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
  res.writeHead(404).end();
});
await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
t.teardown(() => new Promise<void>((r) => origin.close(() => r())));
const base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;

const POLICY = '83838383-8383-4383-8383-838383838383';
const readerOnly = (app: TestApp) => app.sql(`
  insert into directus_policies (id, name, app_access, admin_access) values ('${POLICY}', 'file readers', false, false);
  insert into directus_users (id, email, status, token) values (gen_random_uuid(), 'gqlf-reader@example.com', 'active', 'reader-token');
  insert into directus_access (id, "user", policy) select gen_random_uuid(), id, '${POLICY}' from directus_users where email = 'gqlf-reader@example.com';
  insert into directus_permissions (collection, action, permissions, fields, policy) values ('directus_files', 'read', null, '*', '${POLICY}');
`);
const gqlOf = (app: TestApp) => (query: string, variables?: unknown, token?: string) =>
  app.post('/graphql/system', { query, variables }, token ? { token } : {});

const DIRECTUS = {
  import_file: '(url: String!, data: create_directus_files_input): directus_files',
  create_files_items: '(filter: directus_files_filter, sort: [String], limit: Int, offset: Int, page: Int, search: String, data: [create_directus_files_input!]): [directus_files!]!',
  create_files_item: '(data: create_directus_files_input!): directus_files',
  update_files_items: '(filter: directus_files_filter, sort: [String], limit: Int, offset: Int, page: Int, search: String, ids: [ID]!, data: update_directus_files_input!): [directus_files!]!',
  update_files_batch: '(filter: directus_files_filter, sort: [String], limit: Int, offset: Int, page: Int, search: String, data: [update_directus_files_input!]): [directus_files!]!',
  update_files_item: '(id: ID!, data: update_directus_files_input!): directus_files',
  delete_files_items: '(ids: [ID]!): delete_many',
  delete_files_item: '(id: ID!): delete_one',
};
const print = (ty: any): string => (ty.kind === 'NON_NULL' ? `${print(ty.ofType)}!` : ty.kind === 'LIST' ? `[${print(ty.ofType)}]` : ty.name);

t.test('import refused by default for loopback; nothing stored', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'strata-gqlfiles-'));
  const app = await startApp(t, { STORAGE_LOCAL_ROOT: root });
  const gql = gqlOf(app);
  const url = `${base}/images/holiday-photo.png`;
  const res = await gql('mutation ($url: String!) { import_file(url: $url) { id } }', { url });
  t.equal(res.status, 200);
  t.same(res.body.data, { import_file: null });
  t.match(res.body.errors[0], {
    message: `Service "external-file" is unavailable. Couldn't fetch file from URL "${url}".`,
    extensions: { code: 'SERVICE_UNAVAILABLE', service: 'external-file', reason: `Couldn't fetch file from URL "${url}"` },
    path: ['import_file'],
  });
  t.same(readdirSync(root), []);
  t.equal((await app.sql('select count(*)::int as n from directus_files'))[0].n, 0);
});

t.test('files written through /graphql/system as REST writes them', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'strata-gqlfiles-'));
  const app = await startApp(t, { STORAGE_LOCAL_ROOT: root, IMPORT_IP_DENY_LIST: '169.254.169.254' });
  const gql = gqlOf(app);
  await readerOnly(app);

  const intro = '{ __schema { mutationType { fields { name type { ...t } args { name type { ...t } } } } } } fragment t on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
  const fields = new Map<string, any>((await gql(intro)).body.data.__schema.mutationType.fields.map((f: any) => [f.name, f]));
  for (const [name, want] of Object.entries(DIRECTUS)) {
    const f = fields.get(name);
    t.equal(f && `(${f.args.map((a: any) => `${a.name}: ${print(a.type)}`).join(', ')}): ${print(f.type)}`, want, name);
  }

  // a metadata-only record: id, storage, uploader and title set by the server, filename_disk dropped
  const created = await gql(`mutation { create_files_item(data: { filename_download: "my-notes_file.txt", storage: "local", type: "text/plain", filename_disk: "../other.png" })
    { id title storage filename_download filename_disk uploaded_by { email } } }`);
  t.equal(created.status, 200, created.text);
  const record = created.body.data.create_files_item;
  t.match(record, { title: 'My Notes File', storage: 'local', filename_download: 'my-notes_file.txt', filename_disk: null, uploaded_by: { email: 'admin@example.com' } });
  const badStorage = await gql('mutation { create_files_item(data: { filename_download: "a.txt", storage: "nowhere" }) { id } }');
  t.match(badStorage.body, { data: { create_files_item: null }, errors: [{ extensions: { code: 'INVALID_PAYLOAD' }, path: ['create_files_item'] }] });

  const updated = await gql('mutation ($id: ID!) { update_files_item(id: $id, data: { title: "Notes", filename_disk: "x" }) { title filename_disk } }', { id: record.id });
  t.same(updated.body, { data: { update_files_item: { title: 'Notes', filename_disk: null } } });
  const batch = await gql('mutation ($id: ID!) { update_files_batch(data: [{ id: $id, description: "batch" }]) { id description } }', { id: record.id });
  t.same(batch.body, { data: { update_files_batch: [{ id: record.id, description: 'batch' }] } });
  const rest = await app.patch('/files', [{ id: record.id, location: 'REST batch', filename_disk: 'x' }]);
  t.match(rest.body, { data: [{ id: record.id, location: 'REST batch', filename_disk: null }] }, 'REST\'s batch array form: the same shaping');
  const many = await gql('mutation ($id: ID!) { update_files_items(ids: [$id], data: { location: "here" }) { location } }', { id: record.id });
  t.same(many.body, { data: { update_files_items: [{ location: 'here' }] } });

  // import_file: fetched, stored and read back with the selection (aliases, __typename)
  const imported = await gql('mutation ($url: String!) { import_file(url: $url, data: { description: "imported", storage: "local", filename_download: "holiday-photo.png" }) { __typename id name: filename_download title description type width height filesize } }',
    { url: `${base}/images/holiday-photo.png` });
  t.equal(imported.status, 200, imported.text);
  const file = imported.body.data.import_file;
  t.match(file, { __typename: 'directus_files', name: 'holiday-photo.png', title: 'Holiday Photo', description: 'imported', type: 'image/png', width: 8, height: 6, filesize: String(png.length) });
  const [stored] = await app.sql('select filename_disk from directus_files where id = $1', [file.id]);
  writeFileSync(join(root, `${file.id}__cached.webp`), 'a cached transform');
  t.same(readdirSync(root).sort(), [stored.filename_disk, `${file.id}__cached.webp`].sort());

  // a caller who may only read files has none of these mutations: nothing changes
  for (const query of [`mutation { delete_files_item(id: "${file.id}") { id } }`, `mutation { update_files_item(id: "${file.id}", data: { title: "x" }) { id } }`,
    `mutation { import_file(url: "${base}/images/holiday-photo.png") { id } }`, 'mutation { create_files_item(data: { filename_download: "a", storage: "local" }) { id } }']) {
    const refused = await gql(query, undefined, 'reader-token');
    t.equal(refused.status, 400, query);
    t.equal(refused.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION', query);
  }
  t.equal((await app.sql('select count(*)::int as n from directus_files'))[0].n, 2);
  t.equal((await app.sql('select title from directus_files where id = $1', [file.id]))[0].title, 'Holiday Photo');
  t.equal(readdirSync(root).length, 2);

  // deletes: the rows, then the bytes and cached transforms
  const deleted = await gql('mutation ($id: ID!) { delete_files_item(id: $id) { __typename id } }', { id: file.id });
  t.same(deleted.body, { data: { delete_files_item: { __typename: 'delete_one', id: file.id } } });
  t.same(readdirSync(root), [], 'bytes and cached transforms removed');
  const deletedMany = await gql('mutation ($ids: [ID]!) { delete_files_items(ids: $ids) { gone: ids } }', { ids: [record.id] });
  t.same(deletedMany.body, { data: { delete_files_items: { gone: [record.id] } } });
  t.equal((await app.sql('select count(*)::int as n from directus_files'))[0].n, 0);
  const unknown = await gql('mutation { delete_files_item(id: "00000000-0000-4000-8000-000000000000") { id } }');
  t.same(unknown.body, { data: { delete_files_item: { id: '00000000-0000-4000-8000-000000000000' } } }, 'an unknown id: as Directus, answered as given');
});
