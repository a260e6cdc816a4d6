// POST /utils/import/:collection and POST /utils/export/:collection, compared with Directus 12.4
// (127.0.0.1:18055), which answered, for a collection f15_imp (name string not null, n integer,
// tags json, owner m2o -> f15_own, whose o2m alias is `items`):
//  - a multipart CSV or JSON file part: 200 with an empty body; CSV cells: '' -> null, text stays
//    text in string fields ("123", "true", "1.50", "[1]" stored as written), JSON and relational
//    fields' cells parsed as JSON ('{"label":"L1"}' in an m2o cell creates the related item,
//    '[{"name":"c1"},…]' in an o2m cell creates children, '[13]' links item 13);
//  - a raw body with Content-Type text/csv or application/json: 415 UNSUPPORTED_MEDIA_TYPE
//    'Unsupported media type "text/csv" in Content-Type header.' {mediaType, where};
//  - a file part of type text/plain: 415 'Unsupported media type "text/plain" in file import.';
//  - no file part: 400 'Invalid payload. No file was included in the request.';
//  - an unknown collection: 403 'You don't have permission to access collection "nope" or it does
//    not exist. Queried in root.' (extensions.reason the same);
//  - a JSON object instead of an array: 400 'Invalid payload. Top-level object should be an array..';
//  - rows missing a required field: 400 FAILED_VALIDATION 'Validation failed for field "name".
//    Value is required.' {field, type: 'required', rows: [{type: 'range', start: 1, end: 4},
//    {type: 'lines', rows: [6, 7]}]} (1-based rows; runs of 4+ as ranges), nothing written;
//  - a file over IMPORT_MAX_FILE_SIZE (default 50mb; a 51 MB CSV): 413 CONTENT_TOO_LARGE
//    'Uploaded content is too large.', nothing written;
//  - export {query, format, file}: 204; then a file `export-<collection>-<yyyyMMdd>-<Hmmss>.<format>`
//    (title the same without extension unless file.title), type text/csv | application/json |
//    text/xml | text/yaml | 'text/csv; charset=utf-8' (csv_utf8), uploaded_by the caller, and a
//    notification 'Your export of <collection> is ready'; missing query/format: 400 '"query" is required'.
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type TestApp } from './helpers/app.js';

const root = mkdtempSync(join(tmpdir(), 'strata-impexp-'));
const app = await startApp(t, { STORAGE_LOCAL_ROOT: root });

const created = async (path: string, body: unknown) => {
  const res = await app.post(path, body);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${res.text}`);
};
await created('/collections', { collection: 'own', schema: {}, meta: {}, fields: [
  { field: 'id', type: 'integer', meta: {}, schema: { is_primary_key: true, has_auto_increment: true } },
  { field: 'label', type: 'string', meta: {}, schema: {} },
] });
await created('/collections', { collection: 'imp', schema: {}, meta: {}, fields: [
  { field: 'id', type: 'integer', meta: {}, schema: { is_primary_key: true, has_auto_increment: true } },
  { field: 'name', type: 'string', meta: {}, schema: { is_nullable: false } },
  { field: 'n', type: 'integer', meta: {}, schema: {} },
  { field: 'tags', type: 'json', meta: {}, schema: {} },
  { field: 'owner', type: 'integer', meta: { special: ['m2o'] }, schema: {} },
] });
await created('/relations', { collection: 'imp', field: 'owner', related_collection: 'own', meta: { one_field: 'items' } });
await created('/fields/own', { field: 'items', type: 'alias', meta: { special: ['o2m'] } });

async function importFile(collection: string, content: string, type: string, opts: { token?: string | null; name?: string } = {}) {
  const form = new FormData();
  form.append('file', new Blob([content], { type }), opts.name ?? 'data');
  const token = opts.token === undefined ? app.adminToken : opts.token;
  const res = await fetch(`${app.url}/utils/import/${collection}`, { method: 'POST', body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
}
const rows = (a: TestApp, table: string) => a.sql(`select * from ${table} order by id`);
const count = async (table: string) => (await app.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

t.test('CSV: cells as Directus reads them, nested relational values', async (t) => {
  const csv = 'name,n,tags,owner\na,1,"[1,2]",\nb,,"{""x"":1}","{""label"":""L1""}"\n123,2,,\ntrue,3,hello,\n"[1]",4,,\n1.50,5,,\n';
  const res = await importFile('imp', csv, 'text/csv');
  t.equal(res.status, 200, res.text);
  t.equal(res.text, '');
  const got = await rows(app, 'imp');
  t.same(got.map((r) => [r.name, r.n, r.tags]), [
    ['a', 1, [1, 2]], ['b', null, { x: 1 }], ['123', 2, null], ['true', 3, 'hello'], ['[1]', 4, null], ['1.50', 5, null],
  ]);
  const owner = got[1].owner;
  t.same((await app.sql('select label from own where id = $1', [owner]))[0], { label: 'L1' }, 'm2o cell created the related item');
  // an o2m cell: new children and a link to an existing item
  const o2m = `label,items\nO1,"[{""name"":""c1""},{""name"":""c2""}]"\nO2,"[${got[0].id}]"\n`;
  t.equal((await importFile('own', o2m, 'text/csv; charset=utf-8')).status, 200);
  const o1 = (await app.sql("select id from own where label = 'O1'"))[0].id;
  const o2 = (await app.sql("select id from own where label = 'O2'"))[0].id;
  t.same((await app.sql('select name from imp where owner = $1 order by name', [o1])).map((r) => r.name), ['c1', 'c2']);
  t.same((await app.sql('select name from imp where owner = $1', [o2])).map((r) => r.name), ['a']);
  t.ok(await count("directus_revisions where collection = 'imp'") >= 8, 'revisions written as for POST /items');
});

t.test('JSON file part', async (t) => {
  const before = await count('imp');
  const res = await importFile('imp', JSON.stringify([{ name: 'j1', tags: { a: [1] } }, { name: 'j2', n: 5, owner: { label: 'L2' } }]), 'application/json');
  t.equal(res.status, 200, res.text);
  t.equal(await count('imp'), before + 2);
  t.same((await app.sql("select i.tags, o.label from imp i left join own o on o.id = i.owner where i.name in ('j1', 'j2') order by i.name")),
    [{ tags: { a: [1] }, label: null }, { tags: null, label: 'L2' }]);
  const obj = await importFile('imp', '{"name":"x"}', 'application/json');
  t.equal(obj.status, 400);
  t.equal(obj.body.errors[0].message, 'Invalid payload. Top-level object should be an array..');
  t.equal((await importFile('imp', '[{"name":', 'application/json')).body.errors[0].extensions.code, 'INVALID_PAYLOAD');
  t.equal((await importFile('imp', '[]', 'application/json')).status, 200, 'nothing to import');
  t.equal(await count('imp'), before + 2);
});

t.test('refusals: body types, file types, missing file, unknown collection', async (t) => {
  const before = await count('imp');
  for (const type of ['text/csv', 'application/json']) {
    const res = await app.request('POST', '/utils/import/imp', { raw: type === 'text/csv' ? 'name\nx\n' : '[{"name":"x"}]', contentType: type });
    t.equal(res.status, 415, type);
    t.same(res.body.errors[0], { message: `Unsupported media type "${type}" in Content-Type header.`,
      extensions: { mediaType: type, where: 'Content-Type header', code: 'UNSUPPORTED_MEDIA_TYPE' } });
  }
  const plain = await importFile('imp', 'name\nx\n', 'text/plain');
  t.equal(plain.status, 415);
  t.same(plain.body.errors[0], { message: 'Unsupported media type "text/plain" in file import.',
    extensions: { mediaType: 'text/plain', where: 'file import', code: 'UNSUPPORTED_MEDIA_TYPE' } });
  const form = new FormData();
  form.append('a', 'b');
  const noFile = await fetch(`${app.url}/utils/import/imp`, { method: 'POST', body: form, headers: { authorization: `Bearer ${app.adminToken}` } });
  t.equal(noFile.status, 400);
  t.equal((await noFile.json()).errors[0].message, 'Invalid payload. No file was included in the request.');
  const nope = await importFile('nope', 'a\n1\n', 'text/csv');
  t.equal(nope.status, 403);
  const reason = 'You don\'t have permission to access collection "nope" or it does not exist. Queried in root.';
  t.same(nope.body.errors[0], { message: reason, extensions: { reason, code: 'FORBIDDEN' } });
  const proto = await importFile('imp', '__proto__,name\n1,x\n', 'text/csv');
  t.equal(proto.status, 400, 'prototype keys refused');
  t.equal((await importFile('imp', 'name\n"x\n', 'text/csv')).status, 400, 'unclosed quote');
  t.equal((await importFile('imp', 'name\nx\n', 'text/csv', { token: null })).status, 403, 'anonymous: no create permission');
  t.equal(await count('imp'), before, 'nothing written');
});

t.test('bad rows: Directus names them, nothing is written', async (t) => {
  const before = await count('imp');
  const items = [...Array(4).fill({ n: 1 }), { name: 'ok' }, { n: 2 }, { n: 3 }];
  const res = await importFile('imp', JSON.stringify(items), 'application/json');
  t.equal(res.status, 400);
  t.same(res.body.errors, [{ message: 'Validation failed for field "name". Value is required.',
    extensions: { field: 'name', type: 'required', rows: [{ type: 'range', start: 1, end: 4 }, { type: 'lines', rows: [6, 7] }], code: 'FAILED_VALIDATION' } }]);
  const csv = await importFile('imp', 'name,n\nx,1\n,2\n', 'text/csv');
  t.equal(csv.status, 400);
  t.same(csv.body.errors[0].extensions.rows, [{ type: 'lines', rows: [2] }], 'an empty cell is null: CSV row 2');
  t.equal(csv.body.errors[0].extensions.type, 'nnull');
  t.equal(await count('imp'), before, 'one transaction: the good rows are not written either');
});

// Imports stream: rows are written in batches of 1,000 (or 4 MB) inside one transaction, so
// these files span several batches
t.test('a file of several batches: every row, exactly; JSON elements cut out of the stream', async (t) => {
  const before = await count('imp');
  // strings that contain the array's own punctuation, escapes and multi-byte characters
  const names = Array.from({ length: 2500 }, (_, i) => (i % 500 === 7 ? `a,b]}{["\\q\" é ${i}` : `row ${i} — ü`));
  const json = '\ufeff [\n' + names.map((name, i) => JSON.stringify({ name, n: i, tags: i === 1 ? { deep: [[{ x: ']' }]] } : null })).join(' ,\n') + '\n] \n';
  const res = await importFile('imp', json, 'application/json');
  t.equal(res.status, 200, res.text);
  t.equal(await count('imp'), before + 2500);
  const got = await app.sql<{ name: string; n: number; tags: unknown }>('select name, n, tags from imp where id > (select max(id) - 2500 from imp) order by id');
  t.same(got.map((r) => r.name), names, 'every name as sent, in order');
  t.same(got[1].tags, { deep: [[{ x: ']' }]] });
  const csv = 'name,n\n' + names.map((name, i) => `"${name.replace(/"/g, '""')}",${i}`).join('\n') + '\n';
  t.equal((await importFile('imp', csv, 'text/csv')).status, 200);
  t.equal(await count('imp'), before + 5000);
});

t.test('a failure in a later batch undoes the batches before it; rows named across batches', async (t) => {
  const before = await count('imp');
  const revisions = await count("directus_revisions where collection = 'imp'");
  const lines = Array.from({ length: 2600 }, (_, i) => (i + 1 === 2300 || i + 1 === 2550 ? `,${i}` : `r${i},${i}`));
  const res = await importFile('imp', 'name,n\n' + lines.join('\n') + '\n', 'text/csv');
  t.equal(res.status, 400);
  t.same(res.body.errors[0].extensions, { field: 'name', type: 'nnull', rows: [{ type: 'lines', rows: [2300, 2550] }], code: 'FAILED_VALIDATION' });
  t.equal(await count('imp'), before, 'the two batches written before it are rolled back');
  t.equal(await count("directus_revisions where collection = 'imp'"), revisions, 'and their revisions');
  // a failing row in the first batch and more in the rest of the file: all of them named
  const items = Array.from({ length: 2200 }, (_, i) => ([3, 1500, 1501, 1502, 1503, 2200].includes(i + 1) ? { n: i } : { name: `j${i}` }));
  const json = await importFile('imp', JSON.stringify(items), 'application/json');
  t.same(json.body.errors[0].extensions.rows, [{ type: 'lines', rows: [3] }, { type: 'range', start: 1500, end: 1503 }, { type: 'lines', rows: [2200] }]);
  t.equal(await count('imp'), before);
  // the connection that held the transaction is back in the pool outside it
  const ok = await importFile('imp', 'name\nafter\n', 'text/csv');
  t.equal(ok.status, 200);
  t.equal(await count('imp'), before + 1);
});

t.test('malformed JSON arrays are refused whole', async (t) => {
  const before = await count('imp');
  const refusals: [string, string][] = [
    ['[{"name":"x"},]', 'a trailing comma'],
    ['[,{"name":"x"}]', 'an empty element'],
    ['[{"name":"x"}] [', 'data after the array'],
    ['[{"name":"x"}}', 'an unbalanced brace'],
    ['[{"name":"x"},{"name":"y"', 'an array that never ends'],
    ['[{"name":"x"},{"__proto__":{"a":1},"name":"y"}]', 'a refused key in an element'],
    ['', 'an empty file'],
  ];
  for (const [text, what] of refusals) {
    const res = await importFile('imp', text, 'application/json');
    t.equal(res.status, 400, what);
    t.equal(res.body.errors[0].extensions.code, 'INVALID_PAYLOAD', what);
  }
  t.equal(await count('imp'), before, 'nothing written');
});

t.test('a file over IMPORT_MAX_FILE_SIZE: 413, nothing written', async (t) => {
  const small = await startApp(t, { STORAGE_LOCAL_ROOT: root, IMPORT_MAX_FILE_SIZE: '64kb' });
  const made = await small.post('/collections', { collection: 'capped', schema: {}, meta: {}, fields: [
    { field: 'id', type: 'integer', meta: {}, schema: { is_primary_key: true, has_auto_increment: true } },
    { field: 'name', type: 'string', meta: {}, schema: {} },
  ] });
  t.equal(made.status, 200);
  const form = (content: string, type: string) => {
    const f = new FormData();
    f.append('file', new Blob([content], { type }), 'data');
    return f;
  };
  // past the first batch (1,000 rows) before the limit is reached: those rows are undone too
  const csv = 'name\n' + Array.from({ length: 3000 }, (_, i) => `row-${String(i).padStart(20, '0')}`).join('\n') + '\n';
  for (const [content, type] of [[csv, 'text/csv'], [JSON.stringify(csv.split('\n').map((name) => ({ name }))), 'application/json']]) {
    const res = await fetch(`${small.url}/utils/import/capped`, { method: 'POST', body: form(content, type), headers: { authorization: `Bearer ${small.adminToken}` } });
    t.equal(res.status, 413, type);
    t.same((await res.json()).errors, [{ message: 'Uploaded content is too large.', extensions: { code: 'CONTENT_TOO_LARGE' } }]);
  }
  t.same(await small.sql('select count(*)::int as n from capped'), [{ n: 0 }]);
  const fits = await fetch(`${small.url}/utils/import/capped`, { method: 'POST', body: form('name\nok\n', 'text/csv'), headers: { authorization: `Bearer ${small.adminToken}` } });
  t.equal(fits.status, 200);
});

t.test('slow uploads: at most half the pool holds import transactions, other requests go on', async (t) => {
  // a pool of 2: one import transaction at a time (half of it), the other connection serves the rest
  const small = await startApp(t, { STORAGE_LOCAL_ROOT: root, DB_POOL__MAX: '2' });
  t.equal((await small.post('/collections', { collection: 'slow', schema: {}, meta: {}, fields: [
    { field: 'id', type: 'integer', meta: {}, schema: { is_primary_key: true, has_auto_increment: true } },
    { field: 'name', type: 'string', meta: {}, schema: {} },
  ] })).status, 200);
  const boundary = 'strata-slow-upload';
  /** an import whose file arrives in two parts: the second only when `finish` is called */
  const upload = (name: string) => {
    const req = request(`${small.url}/utils/import/slow`, { method: 'POST',
      headers: { authorization: `Bearer ${small.adminToken}`, 'content-type': `multipart/form-data; boundary=${boundary}` } });
    const answered = new Promise<number>((resolve, reject) => {
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      });
      req.on('error', reject);
    });
    const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `${name}-${from + i}\n`).join('');
    // past the first batch (1,000 rows): its transaction is open, waiting for the rest of the file
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}.csv"\r\nContent-Type: text/csv\r\n\r\nname\n${rows(0, 1500)}`);
    return { answered, finish: () => req.end(`${rows(1500, 2000)}\r\n--${boundary}--\r\n`) };
  };
  // an import transaction between two batches: its last statement was a batch's write
  const open = () => small.sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity where datname = current_database()
    and state = 'idle in transaction' and query like 'select strata.write_request(%'`);
  const a = upload('a');
  await waitFor(async () => ((await open())[0].n === 1 ? true : undefined), "the first import's transaction");
  const b = upload('b'); // its first batch waits for a slot, not for a connection
  for (let i = 0; i < 5; i++) {
    const res = await small.get('/items/slow?aggregate[count]=*');
    t.equal(res.status, 200, 'another request is served meanwhile');
    t.same(res.body.data, [{ count: 0 }], 'the unfinished import is not visible');
  }
  t.same(await open(), [{ n: 1 }], 'one import transaction is open, not two');
  a.finish();
  b.finish();
  t.same([await a.answered, await b.answered], [200, 200]);
  t.same(await small.sql("select left(name, 1) as f, count(*)::int as n from slow group by 1 order by 1"), [{ f: 'a', n: 2000 }, { f: 'b', n: 2000 }]);
});

t.test('permissions: the write is the caller\'s', async (t) => {
  const policy = '11111111-1111-4111-8111-111111111111';
  await app.sql(`
    insert into directus_policies (id, name) values ('${policy}', 'Importers');
    insert into directus_users (id, email, status, token, first_name, last_name) values ('22222222-2222-4222-8222-222222222222', 'i@example.com', 'active', 'importer-token', 'Imp', 'Orter');
    insert into directus_access (id, "user", policy) values (gen_random_uuid(), '22222222-2222-4222-8222-222222222222', '${policy}');
    insert into directus_permissions (collection, action, permissions, fields, policy) values
      ('imp', 'create', null, 'name,n', '${policy}'),
      ('imp', 'read', '{"n":{"_gte":4}}', 'id,name', '${policy}'),
      ('directus_files', 'create', null, '*', '${policy}'),
      ('directus_files', 'read', '{"uploaded_by":{"_eq":"$CURRENT_USER"}}', '*', '${policy}');
  `);
  const before = await count('imp');
  t.equal((await importFile('imp', 'name,n\nu1,7\n', 'text/csv', { token: 'importer-token' })).status, 200);
  const refused = await importFile('imp', 'name,tags\nu2,[1]\n', 'text/csv', { token: 'importer-token' });
  t.equal(refused.status, 403, 'a field the caller may not create');
  t.equal(await count('imp'), before + 1);
  t.equal((await importFile('own', 'label\nz\n', 'text/csv', { token: 'importer-token' })).status, 403, 'a collection the caller may not create in');
});

/** Waits (without a fixed sleep) until `fn` returns a value. */
async function waitFor<T>(fn: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`timed out waiting for ${what}`);
}
/** the stored bytes as text (a BOM kept) */
const asset = async (id: string, token = app.adminToken) =>
  Buffer.from(await (await fetch(`${app.url}/assets/${id}`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer()).toString('utf8');
/** the export's file once it is complete: its notification is written last */
const exported = (where: string, params: unknown[]) => waitFor(async () => (await app.sql(
  `select f.* from directus_files f join directus_notifications n on n.item = f.id::text where ${where}`, params))[0], 'the export');

t.test('export: 204, then a new file with the caller\'s rows in the format asked', async (t) => {
  const missing = await app.post('/utils/export/imp', { format: 'csv' });
  t.equal(missing.status, 400);
  t.equal(missing.body.errors[0].message, 'Invalid payload. "query" is required.');
  t.equal((await app.post('/utils/export/imp', { query: {} })).body.errors[0].message, 'Invalid payload. "format" is required.');
  t.equal((await app.post('/utils/export/nope', { query: {}, format: 'csv' })).status, 403);

  const expected: Record<string, [string, string]> = {
    csv: ['text/csv', '"id","name"\n1,"a"\n2,"b"'],
    json: ['application/json', '[\n\t{\n\t\t"id": 1,\n\t\t"name": "a"\n\t},\n\t{\n\t\t"id": 2,\n\t\t"name": "b"\n\t}\n]'],
    yaml: ['text/yaml', '- id: 1\n  name: a\n- id: 2\n  name: b\n'],
    xml: ['text/xml', ''],
    csv_utf8: ['text/csv; charset=utf-8', '\ufeff"id","name"\n1,"a"\n2,"b"'],
  };
  for (const [format, [type, content]] of Object.entries(expected)) {
    const res = await app.post('/utils/export/imp', { query: { fields: ['id', 'name'], sort: ['id'], limit: 2 }, format, file: format === 'csv' ? { title: 'My export' } : {} });
    t.equal(res.status, 204, format);
    const file = await exported('f.filename_download like $1', [`%.${format}`]);
    t.match(file.filename_download, new RegExp(`^export-imp-\\d{8}-\\d{5,6}\\.${format}$`));
    t.equal(file.title, format === 'csv' ? 'My export' : file.filename_download.replace(/\.[a-z_0-9]+$/, ''));
    t.equal(file.type, type);
    t.equal(file.uploaded_by, (await app.sql("select id from directus_users where email = 'admin@example.com'"))[0].id);
    const text = await asset(file.id);
    if (format === 'xml') t.match(text, /^<\?xml version='1.0'\?>\n<data>\n {4}<data>\n {8}<id>1<\/id>/);
    else t.equal(text, content, format);
    t.equal(Number(file.filesize), Buffer.byteLength(text));
  }
  t.equal(await count("directus_notifications where subject = 'Your export of imp is ready'"), 5);
});

t.test('export as a restricted user: only their rows and fields, their file', async (t) => {
  const res = await app.post('/utils/export/imp', { query: { sort: ['id'] }, format: 'json', file: { description: 'mine' } }, { token: 'importer-token' });
  t.equal(res.status, 204);
  const file = await exported("f.description = 'mine'", []);
  t.equal(file.uploaded_by, '22222222-2222-4222-8222-222222222222');
  const data = JSON.parse(await asset(file.id, 'importer-token'));
  const visible = await app.sql('select id, name from imp where n >= 4 order by id');
  t.same(data, visible, 'rows of the read filter, fields of the read permission');
  t.ok(data.length > 0);
  const note = await app.sql("select subject, message from directus_notifications where recipient = '22222222-2222-4222-8222-222222222222'");
  t.equal(note.length, 1);
  t.match(note[0].message, /Hello Imp Orter,\n\nYour export of imp is ready\. <a href="[^"]*\/admin\/files\//);
});
