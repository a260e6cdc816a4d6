// Schema as code: /schema/snapshot, /schema/diff and /schema/apply. A snapshot taken from Strata
// reproduces the schema on an empty Strata; one recorded from the real Directus 12.4
// (fixtures/directus-snapshot.json) applies too; refusals and failed applies change nothing.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { startApp, type TestApp } from './helpers/app.js';

const directusSnapshot = JSON.parse(readFileSync(new URL('./fixtures/directus-snapshot.json', import.meta.url), 'utf8'));
const source = await startApp(t);
await source.sql(`insert into directus_users (id, email, status, token) values ('77777777-7777-4777-8777-777777777777', 'u@example.com', 'active', 'user-token')`);

const invalid = (reason: string) => ({ errors: [{ message: `Invalid payload. ${reason}.`, extensions: { reason, code: 'INVALID_PAYLOAD' } }] });

async function build(app: TestApp) {
  // setup outside any subtest: a failure throws (top-level assertions would end the root test)
  const ok = (r: { status: number; text: string }) => {
    if (r.status >= 300) throw new Error(`schema setup failed: ${r.text.slice(0, 300)}`);
  };
  ok(await app.post('/collections', { collection: 'library', meta: { icon: 'folder', note: 'a folder' }, schema: null }));
  ok(await app.post('/collections', {
    collection: 'authors', meta: { group: 'library', note: 'writers' }, schema: {},
    fields: [
      { field: 'id', type: 'integer', meta: { hidden: true }, schema: { is_primary_key: true, has_auto_increment: true } },
      { field: 'name', type: 'string', meta: { required: true, note: 'full name' }, schema: { is_nullable: false, max_length: 120 } },
    ],
  }));
  ok(await app.post('/collections', {
    collection: 'books', meta: { group: 'library', sort_field: 'sort' }, schema: {},
    fields: [
      { field: 'id', type: 'uuid', meta: { special: ['uuid'] }, schema: { is_primary_key: true } },
      { field: 'title', type: 'string', meta: { validation: { _and: [{ title: { _regex: '^[A-Z]' } }] }, validation_message: 'Capital first' }, schema: { default_value: 'Untitled' } },
      { field: 'pages', type: 'integer', meta: { note: 'count' }, schema: { is_indexed: true } },
      { field: 'sort', type: 'integer', meta: { hidden: true } },
      { field: 'author', type: 'integer', meta: { special: ['m2o'], interface: 'select-dropdown-m2o' } },
    ],
  }));
  ok(await app.post('/fields/authors', { field: 'books', type: 'alias', meta: { special: ['o2m'], interface: 'list-o2m' } }));
  ok(await app.post('/relations', { collection: 'books', field: 'author', related_collection: 'authors', meta: { one_field: 'books' }, schema: { on_delete: 'SET NULL' } }));
}

const snapshot = async (app: TestApp) => {
  const r = await app.get('/schema/snapshot');
  if (r.status !== 200) throw new Error(`snapshot failed: ${r.text.slice(0, 300)}`);
  return r.body.data;
};
/** what must be equal between two instances (the folder/collection/field/relation definitions) */
const comparable = (s: any) => ({ collections: s.collections, fields: s.fields, relations: s.relations });

await build(source);
const taken = await snapshot(source);

t.test('a snapshot: Directus\'s shape, tracked collections only, meta without ids and with sorted keys', async (t) => {
  t.match(taken, { version: 1, directus: '12.4.0', vendor: 'postgres' });
  t.same(Object.keys(taken), ['version', 'directus', 'vendor', 'collections', 'fields', 'systemFields', 'relations']);
  t.same(taken.collections.map((c: any) => c.collection), ['authors', 'books', 'library']);
  const library = taken.collections.find((c: any) => c.collection === 'library');
  t.equal(library.schema, null, 'a folder has no table');
  t.match(library.meta, { icon: 'folder', note: 'a folder', collection: 'library' });
  t.notOk('id' in library.meta);
  for (const row of [...taken.collections, ...taken.fields, ...taken.relations]) {
    const keys = Object.keys(row.meta);
    t.same(keys, [...keys].sort(), `${row.collection}.${row.field ?? ''} meta keys sorted`);
  }
  t.same(taken.fields.filter((f: any) => f.collection === 'books').map((f: any) => f.field), ['id', 'title', 'pages', 'sort', 'author']);
  const alias = taken.fields.find((f: any) => f.collection === 'authors' && f.field === 'books');
  t.notOk('schema' in alias, 'an alias field has no schema (as Directus)');
  t.match(taken.relations, [{ collection: 'books', field: 'author', related_collection: 'authors', meta: { one_field: 'books' }, schema: { on_delete: 'SET NULL' } }]);
  t.ok(taken.systemFields.some((f: any) => f.collection === 'directus_activity' && f.field === 'timestamp'));
  t.notOk(taken.collections.some((c: any) => c.collection.startsWith('directus_')));
});

t.test('exports: YAML and JSON downloads', async (t) => {
  const yaml = await source.get('/schema/snapshot?export=yaml');
  t.equal(yaml.status, 200);
  t.match(yaml.headers.get('content-type'), /^text\/yaml/);
  t.match(yaml.headers.get('content-disposition'), /^attachment; filename="Export \d{8}-\d{5,6}\.yaml"$/);
  t.match(yaml.text, /^version: 1\ndirectus: 12\.4\.0\nvendor: postgres\ncollections:\n/);
  const file = await source.get('/schema/snapshot?export=json');
  t.match(file.headers.get('content-disposition'), /\.json"$/);
  t.same(JSON.parse(file.text), taken);
});

t.test('Strata → empty Strata: diff, apply, identical snapshot, then no difference', async (t) => {
  const target = await startApp(t);
  const diff = await target.post('/schema/diff', taken);
  t.equal(diff.status, 200, diff.text.slice(0, 300));
  t.match(diff.body.data.hash, /^[0-9a-f]{40}$/);
  t.same(diff.body.data.diff.collections.map((c: any) => [c.collection, c.diff[0].kind]), [['authors', 'N'], ['books', 'N'], ['library', 'N']]);
  t.ok(diff.body.data.diff.fields.every((f: any) => f.diff[0].kind === 'N'));
  const applied = await target.post('/schema/apply', diff.body.data);
  t.equal(applied.status, 204, applied.text.slice(0, 500));
  t.same(comparable(await snapshot(target)), comparable(taken));
  t.equal((await target.post('/schema/diff', taken)).status, 204, 'nothing left to change');

  // the reproduced schema works: relations, defaults, the index, validation
  const author = await target.post('/items/authors', { name: 'Ann' });
  const book = await target.post('/items/books', { author: author.body.data.id, pages: 10 });
  t.equal(book.status, 200, book.text);
  t.match(book.body.data, { title: 'Untitled', author: author.body.data.id });
  t.match((await target.get('/items/authors?fields=name,books.title')).body.data, [{ name: 'Ann', books: [{ title: 'Untitled' }] }]);
  t.equal((await target.post('/items/books', { title: 'lower' })).body.errors[0].extensions.code, 'FAILED_VALIDATION');
  t.same(await target.sql(`select indexdef from pg_indexes where tablename = 'books' and indexdef like '%(pages)%'`).then((r) => r.length), 1);
});

t.test('changes, renames of meta, deletions: a second diff applies on top', async (t) => {
  const target = await startApp(t);
  t.equal((await target.post('/schema/apply', (await target.post('/schema/diff', taken)).body.data)).status, 204);
  const next = structuredClone(taken);
  next.collections = next.collections.filter((c: any) => c.collection !== 'library');
  for (const c of next.collections) if (c.meta.group === 'library') c.meta.group = null;
  next.fields.find((f: any) => f.field === 'name').meta.note = 'pen name';
  next.fields = next.fields.filter((f: any) => !(f.collection === 'books' && f.field === 'pages'));
  const diff = await target.post('/schema/diff', next);
  t.equal(diff.status, 200);
  t.match(diff.body.data.diff.fields, [{ collection: 'authors', field: 'name', diff: [{ kind: 'E', path: ['meta', 'note'], lhs: 'full name', rhs: 'pen name' }] }, { collection: 'books', field: 'pages', diff: [{ kind: 'D' }] }]);
  t.equal((await target.post('/schema/apply', diff.body.data)).status, 204);
  t.same(comparable(await snapshot(target)), comparable(next));
  t.same(await target.sql(`select column_name from information_schema.columns where table_name = 'books' and column_name = 'pages'`), []);
});

t.test('a snapshot recorded from Directus 12.4 applies to Strata', async (t) => {
  const target = await startApp(t);
  const diff = await target.post('/schema/diff', directusSnapshot);
  t.equal(diff.status, 200, diff.text.slice(0, 300));
  const applied = await target.post('/schema/apply', diff.body.data);
  t.equal(applied.status, 204, applied.text.slice(0, 500));
  const after = await snapshot(target);
  t.same(after.collections.map((c: any) => c.collection), ['rx_items', 'rx_parents', 'rx_uuids']);
  t.match(after.relations, [{ collection: 'rx_items', field: 'parent', related_collection: 'rx_parents', meta: { one_field: 'items' } }]);
  for (const f of directusSnapshot.fields) {
    const mine = after.fields.find((x: any) => x.collection === f.collection && x.field === f.field);
    t.equal(mine?.type, f.type, `${f.collection}.${f.field} type`);
    t.same(mine?.meta.validation, f.meta.validation);
  }
  // and the schema serves items
  // the recorded validation travels too: qty requires title "Z"
  t.equal((await target.post('/items/rx_items', { title: 'Zed', qty: 1 })).body.errors?.[0].extensions.code, 'FAILED_VALIDATION');
  const parent = await target.post('/items/rx_parents', {});
  t.equal((await target.post('/items/rx_items', { title: 'Z', qty: 1, parent: parent.body.data.id })).status, 200);
  t.match((await target.get(`/items/rx_parents/${parent.body.data.id}?fields=items.title`)).body.data, { items: [{ title: 'Z' }] });
});

t.test('system field indexes follow the snapshot', async (t) => {
  const target = await startApp(t);
  const indexed = () => target.sql(`select 1 from pg_indexes where tablename = 'directus_activity' and indexdef like '%("timestamp")%'`).then((r) => r.length);
  t.equal(await indexed(), 1);
  const without = structuredClone(await snapshot(target));
  without.systemFields = without.systemFields.filter((f: any) => !(f.collection === 'directus_activity' && f.field === 'timestamp'));
  const diff = await target.post('/schema/diff', without);
  t.same(diff.body.data.diff.systemFields, [{ collection: 'directus_activity', field: 'timestamp', diff: [{ kind: 'E', path: ['schema', 'is_indexed'], lhs: true, rhs: false }] }]);
  t.equal((await target.post('/schema/apply', diff.body.data)).status, 204);
  t.equal(await indexed(), 0);
  const back = await target.post('/schema/diff', { ...without, systemFields: [{ collection: 'directus_activity', field: 'timestamp', schema: { is_indexed: true } }, { collection: 'directus_oauth_tokens', field: 'session', schema: { is_indexed: true } }] });
  t.equal((await target.post('/schema/apply', back.body.data)).status, 204, 'a system table Strata lacks is skipped');
  t.equal(await indexed(), 1);
});

t.test('YAML file uploads diff like JSON', async (t) => {
  const yaml = (await source.get('/schema/snapshot?export=yaml')).text;
  const form = new FormData();
  form.append('file', new Blob([yaml], { type: 'text/yaml' }), 'snapshot.yaml');
  const same = await fetch(`${source.url}/schema/diff`, { method: 'POST', body: form, headers: { authorization: `Bearer ${source.adminToken}` } });
  t.equal(same.status, 204);
  const changed = new FormData();
  changed.append('file', new Blob([yaml.replace('note: writers', 'note: authors')], { type: 'text/yaml' }), 'snapshot.yaml');
  const diff = await fetch(`${source.url}/schema/diff`, { method: 'POST', body: changed, headers: { authorization: `Bearer ${source.adminToken}` } });
  t.equal(diff.status, 200);
  t.match((await diff.json()).data.diff.collections, [{ collection: 'authors', diff: [{ kind: 'E', path: ['meta', 'note'], rhs: 'authors' }] }]);
  const raw = await source.post('/schema/diff', undefined, { raw: yaml, contentType: 'text/yaml' });
  t.equal(raw.status, 415, 'a raw YAML body is an unsupported media type, as in Directus');
});

t.test('refusals: non-admins, versions, hashes, malformed bodies; nothing changes', async (t) => {
  const before = await snapshot(source);
  for (const [method, path] of [['GET', '/schema/snapshot'], ['POST', '/schema/diff'], ['POST', '/schema/apply']]) {
    for (const token of [null, 'user-token']) {
      const r = await source.request(method, path, { token, body: method === 'POST' ? {} : undefined });
      t.equal(r.status, 403, `${method} ${path} as ${token ?? 'anonymous'}`);
    }
  }
  t.same(await source.post('/schema/diff', { ...taken, directus: '11.0.0' }).then((r) => r.body),
    invalid('Provided snapshot\'s directus version 11.0.0 does not match the current instance\'s version 12.4.0. You can bypass this check by passing the "force" query parameter'));
  t.same(await source.post('/schema/diff', { ...taken, vendor: 'mysql' }).then((r) => r.body),
    invalid('Provided snapshot\'s vendor mysql does not match the current instance\'s vendor postgres. You can bypass this check by passing the "force" query parameter'));
  t.equal((await source.post('/schema/diff?force=true', { ...taken, directus: '11.0.0' })).status, 204, 'force skips the version check');
  t.same((await source.post('/schema/diff', { version: 1 })).body, invalid('"directus" is required'));
  t.same((await source.post('/schema/diff', { ...taken, collections: {} })).body, invalid('"collections" must be an array'));
  t.same((await source.post('/schema/diff', { ...taken, collections: [{ collection: 1 }] })).body, invalid('"collections[0].collection" must be a string'));
  t.same((await source.post('/schema/apply', { hash: 'abc' })).body, invalid('"diff" is required'));
  t.same((await source.post('/schema/apply', { hash: 'abc', diff: { collections: [], fields: [], relations: [] } })).body, invalid('"diff.systemFields" is required'));
  t.equal((await source.post('/schema/apply', { hash: 'abc', diff: { collections: [], fields: [], systemFields: [], relations: [] } })).status, 204, 'an empty diff is a no-op');

  const change = { collections: [{ collection: 'zz', diff: [{ kind: 'N', rhs: { collection: 'zz', meta: {}, schema: { name: 'zz' } } }] }], fields: [], systemFields: [], relations: [] };
  t.same((await source.post('/schema/apply', { hash: 'abc', diff: change })).body,
    invalid('Provided hash does not match the current instance\'s schema hash, indicating the schema has changed after this diff was generated. Please generate a new diff and try again or use the "force" query parameter to bypass this check'));

  // prototype machinery in a change's path is refused before anything is applied
  const { hash } = (await source.post('/schema/diff', { ...taken, collections: taken.collections.map((c: any) => (c.collection === 'authors' ? { ...c, meta: { ...c.meta, note: 'x' } } : c)) })).body.data;
  const polluted = { collections: [{ collection: 'authors', diff: [{ kind: 'E', path: ['__proto__', 'polluted'], lhs: null, rhs: 'yes' }] }], fields: [], systemFields: [], relations: [] };
  t.equal((await source.post('/schema/apply', { hash, diff: polluted })).status, 400);
  t.equal(({} as any).polluted, undefined);

  // a diff failing half-way (the second collection's field type is unknown) applies nothing
  const broken = {
    collections: ['yy1', 'yy2'].map((c) => ({ collection: c, diff: [{ kind: 'N', rhs: { collection: c, meta: {}, schema: { name: c } } }] })),
    fields: [{ collection: 'yy2', field: 'bad', diff: [{ kind: 'N', rhs: { collection: 'yy2', field: 'bad', type: 'no-such-type', meta: {}, schema: {} } }] }],
    systemFields: [], relations: [],
  };
  const failed = await source.post('/schema/apply', { hash, diff: broken });
  t.equal(failed.status, 400, failed.text);
  t.same(await snapshot(source), before, 'the schema is unchanged after every refusal');
  t.same(await source.sql(`select table_name from information_schema.tables where table_name in ('yy1', 'yy2', 'zz')`), []);
});
