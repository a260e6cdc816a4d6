// ZIP downloads: POST /assets/files {ids} and POST /assets/folder/:id, compared with Directus 12.4
// (127.0.0.1:18055), which answered:
//  - 200 application/zip, Content-Disposition 'attachment; filename="files-<yyyyMMdd>-<Hmmss>.zip"'
//    (a folder: "folder-<name>-<stamp>.zip"); entries named by filename_download, the same name
//    twice as "b.txt" and "b.txt (1)"; a folder's entries under "<folder>/<sub>/…" plus a
//    directory entry per folder ("zroot/", "zroot/sub/");
//  - {} : 400 'Invalid payload. Validation error: Invalid input: expected array, received undefined at "ids".';
//    {ids: []}: '… Too small: expected array to have >=1 items at "ids".'; {ids: ["x"]}:
//    '… "id" must be a uuid at "ids[0]".';
//  - unknown ids / folder, a folder without files: 400 'Invalid payload. No files found in the selected folders tree.';
//  - anonymous: 403 'You don't have permission to access collection "directus_files" (or
//    "directus_folders") or it does not exist. Queried in root.'
// Directus 11.17.4 (127.0.0.1:18057), for a user who may read only `title` of their own files:
// 403 'You don't have permission to access field "id" in collection "directus_files" …' (the
// files are read as the caller: their fields must be readable, unlike GET /assets).
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from './helpers/app.js';

const root = mkdtempSync(join(tmpdir(), 'strata-zip-'));
const app = await startApp(t, { STORAGE_LOCAL_ROOT: root });

/** The entries of a ZIP (read through its central directory): name -> bytes (null: a directory). */
function unzip(buf: Buffer): Map<string, Buffer | null> {
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const out = new Map<string, Buffer | null>();
  for (let i = 0; i < count; i++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buf.readUInt16LE(at + 10);
    const size = buf.readUInt32LE(at + 20);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    const local = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLen);
    if (method !== 0) throw new Error('expected stored entries');
    const dataAt = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    out.set(name, name.endsWith('/') ? null : buf.subarray(dataAt, dataAt + size));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return out;
}

async function upload(name: string, content: string, folder?: string): Promise<string> {
  const form = new FormData();
  if (folder) form.append('folder', folder);
  form.append('file', new Blob([content], { type: 'text/plain' }), name);
  const res = await fetch(`${app.url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${app.adminToken}` } });
  return (await res.json()).data.id;
}
const folder = async (name: string, parent?: string) => (await app.post('/folders', { name, ...(parent ? { parent } : {}) })).body.data.id as string;

async function zipOf(path: string, body?: unknown, token: string | null = app.adminToken) {
  const res = await fetch(app.url + path, {
    method: 'POST', body: body === undefined ? undefined : JSON.stringify(body),
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, headers: res.headers, bytes, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(bytes.toString()) : undefined };
}

const top = await folder('zroot');
const sub = await folder('sub', top);
const a = await upload('a.txt', 'hi\n', top);
const b1 = await upload('b.txt', 'there\n', sub);
const b2 = await upload('b.txt', 'again\n', sub);
const loose = await upload('loose.txt', 'no folder\n');
const big = 'x'.repeat(300_000);
const large = await upload('large.txt', big, sub);

t.test('POST /assets/files: the files asked for, names made unique', async (t) => {
  const res = await zipOf('/assets/files', { ids: [a, b1, b2, large, '00000000-0000-4000-8000-000000000000'] });
  t.equal(res.status, 200);
  t.equal(res.headers.get('content-type'), 'application/zip');
  t.match(res.headers.get('content-disposition'), /^attachment; filename="files-\d{8}-\d{5,6}\.zip"$/);
  t.equal(Number(res.headers.get('content-length')), res.bytes.length);
  const entries = unzip(res.bytes);
  t.same([...entries.keys()].sort(), ['a.txt', 'b.txt', 'b.txt (1)', 'large.txt']);
  t.equal(entries.get('a.txt')!.toString(), 'hi\n');
  t.same(new Set([entries.get('b.txt')!.toString(), entries.get('b.txt (1)')!.toString()]), new Set(['there\n', 'again\n']));
  t.equal(entries.get('large.txt')!.toString(), big, 'byte-exact');
});

t.test('POST /assets/folder/:id: the folder and its sub-folders', async (t) => {
  const res = await zipOf(`/assets/folder/${top}`);
  t.equal(res.status, 200);
  t.match(res.headers.get('content-disposition'), /^attachment; filename="folder-zroot-\d{8}-\d{5,6}\.zip"$/);
  const entries = unzip(res.bytes);
  t.same([...entries.keys()].sort(), ['zroot/', 'zroot/a.txt', 'zroot/sub/', 'zroot/sub/b.txt', 'zroot/sub/b.txt (1)', 'zroot/sub/large.txt']);
  t.equal(entries.get('zroot/a.txt')!.toString(), 'hi\n');
  const inner = unzip((await zipOf(`/assets/folder/${sub}`)).bytes);
  t.same([...inner.keys()].sort(), ['sub/', 'sub/b.txt', 'sub/b.txt (1)', 'sub/large.txt']);
  t.notOk([...entries.keys()].some((k) => k.includes('loose')));
});

t.test('refusals as Directus answers them', async (t) => {
  const msg = async (path: string, body?: unknown, token?: string | null) => {
    const res = await zipOf(path, body, token);
    return [res.status, res.json?.errors[0].message];
  };
  t.same(await msg('/assets/files', {}), [400, 'Invalid payload. Validation error: Invalid input: expected array, received undefined at "ids".']);
  t.same(await msg('/assets/files', { ids: [] }), [400, 'Invalid payload. Validation error: Too small: expected array to have >=1 items at "ids".']);
  t.same(await msg('/assets/files', { ids: ['x'] }), [400, 'Invalid payload. Validation error: "id" must be a uuid at "ids[0]".']);
  const none = 'Invalid payload. No files found in the selected folders tree.';
  t.same(await msg('/assets/files', { ids: ['00000000-0000-4000-8000-000000000000'] }), [400, none]);
  t.same(await msg('/assets/folder/00000000-0000-4000-8000-000000000000'), [400, none]);
  t.same(await msg('/assets/folder/x'), [400, none]);
  t.same(await msg(`/assets/folder/${await folder('empty')}`), [400, none]);
  t.same(await msg('/assets/files', { ids: [a] }, null),
    [403, 'You don\'t have permission to access collection "directus_files" or it does not exist. Queried in root.']);
  t.same(await msg(`/assets/folder/${top}`, undefined, null),
    [403, 'You don\'t have permission to access collection "directus_folders" or it does not exist. Queried in root.']);
});

t.test('only what the caller can read', async (t) => {
  const policy = '33333333-3333-4333-8333-333333333333';
  await app.sql(`
    insert into directus_policies (id, name) values ('${policy}', 'Some files');
    insert into directus_users (id, email, status, token) values ('44444444-4444-4444-8444-444444444444', 'z@example.com', 'active', 'zip-token');
    insert into directus_access (id, "user", policy) values (gen_random_uuid(), '44444444-4444-4444-8444-444444444444', '${policy}');
    insert into directus_permissions (collection, action, permissions, fields, policy) values
      ('directus_files', 'read', '{"filename_download":{"_neq":"b.txt"}}', 'id,filename_download,folder', '${policy}'),
      ('directus_folders', 'read', null, '*', '${policy}');
  `);
  const some = await zipOf('/assets/files', { ids: [a, b1, b2, loose] }, 'zip-token');
  t.equal(some.status, 200, some.bytes.toString().slice(0, 300));
  const files = unzip(some.bytes);
  t.same([...files.keys()].sort(), ['a.txt', 'loose.txt']);
  const inTree = await zipOf(`/assets/folder/${top}`, undefined, 'zip-token');
  t.equal(inTree.status, 200, inTree.bytes.toString().slice(0, 300));
  const tree = unzip(inTree.bytes);
  t.same([...tree.keys()].sort(), ['zroot/', 'zroot/a.txt', 'zroot/sub/', 'zroot/sub/large.txt']);
  const hidden = await zipOf('/assets/files', { ids: [b1, b2] }, 'zip-token');
  t.equal(hidden.status, 400, 'unreadable files are as if they did not exist');
});
