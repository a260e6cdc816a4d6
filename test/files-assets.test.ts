// GET /assets/:id over real HTTP: headers, conditional requests, ranges, downloads, image
// transformations (parameters, transforms arrays, presets, storage_asset_transform, limits), the
// transformed copy cached in storage and reused, active content sandboxed, access refused.
//
// Directus 12.4 (127.0.0.1:18055) answered, for the cases recorded here:
//  - Cache-Control "private, max-age=2592000" for a signed-in caller (ASSETS_CACHE_TTL 30d);
//    Range "bytes=0-3" → 206 "Content-Range: bytes 0-3/12"; "bytes=100-200" on 12 bytes → 416
//    RANGE_NOT_SATISFIABLE 'Range "100-200" is invalid or the file's size doesn't match the
//    requested range.' with extensions.range {start: 100, end: 200};
//  - ?download → "Content-Disposition: attachment; filename=...";
//  - transforms [["bogus"]] → 400 INVALID_QUERY '"transforms" Parameter does not allow "bogus" as
//    a transformation'; six operations → '"transforms" Parameter is only allowed 5
//    transformations'; key=nope → 'Key "nope" isn't configured'; width=100000 → 400
//    ILLEGAL_ASSET_TRANSFORMATION "Illegal asset transformation.";
//  - an unknown id → 403 FORBIDDEN; SVG is served with a Content-Security-Policy;
//  - If-None-Match with the ETag it sent: 200 (Directus answers no 304; Strata does, as the
//    issue asks).
import t from 'tap';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startApp } from './helpers/app.js';

const root = mkdtempSync(join(tmpdir(), 'strata-assets-'));
const app = await startApp(t, { STORAGE_LOCAL_ROOT: root });

const POLICY = '88888888-8888-4888-8888-888888888888';
await app.sql(`
  insert into directus_policies (id, name) values ('${POLICY}', 'No files');
  insert into directus_users (id, email, status, token) values (gen_random_uuid(), 'n@example.com', 'active', 'nofiles-token');
  insert into directus_access (id, "user", policy) select gen_random_uuid(), id, '${POLICY}' from directus_users where email = 'n@example.com';
  insert into directus_settings (project_name) select 'Directus' where not exists (select from directus_settings);
`);

const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#f00' } }).png().toBuffer();
const text = Buffer.from('hello world\n');
const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');

async function upload(bytes: Buffer, filename: string, type = '', a = app): Promise<{ id: string; filename_disk: string }> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await fetch(`${a.url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${a.adminToken}` } });
  return (await res.json()).data;
}

async function get(path: string, headers: Record<string, string> = {}, token: string | null = app.adminToken) {
  const res = await fetch(app.url + path, { headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers } });
  const bytes = Buffer.from(await res.arrayBuffer());
  let body: any;
  try {
    body = JSON.parse(bytes.toString());
  } catch {
    body = undefined;
  }
  return { status: res.status, headers: res.headers, bytes, body };
}

const image = await upload(png, 'red.png');
const note = await upload(text, 'note.txt', 'text/plain');
const size = async (bytes: Buffer) => {
  const m = await sharp(bytes).metadata();
  return [m.format, m.width, m.height];
};

t.test('headers, conditional requests, ranges, download', async (t) => {
  const res = await get(`/assets/${note.id}`);
  t.equal(res.status, 200);
  t.same(res.bytes, text);
  t.equal(res.headers.get('content-type'), 'text/plain');
  t.equal(res.headers.get('content-length'), '12');
  t.equal(res.headers.get('cache-control'), 'private, max-age=2592000');
  t.equal(res.headers.get('x-content-type-options'), 'nosniff');
  t.match(res.headers.get('content-disposition'), /^inline; filename="note.txt"/);
  const etag = res.headers.get('etag')!;
  t.ok(etag && res.headers.get('last-modified'));

  const again = await get(`/assets/${note.id}`, { 'if-none-match': etag });
  t.equal(again.status, 304);
  t.equal(again.bytes.length, 0);
  t.equal((await get(`/assets/${note.id}`, { 'if-none-match': '"other"' })).status, 200);
  t.equal((await get(`/assets/${note.id}`, { 'if-modified-since': res.headers.get('last-modified')! })).status, 304);

  const part = await get(`/assets/${note.id}`, { range: 'bytes=0-3' });
  t.equal(part.status, 206);
  t.equal(part.headers.get('content-range'), 'bytes 0-3/12');
  t.equal(part.headers.get('content-length'), '4');
  t.equal(part.bytes.toString(), 'hell');
  const tail = await get(`/assets/${note.id}`, { range: 'bytes=-3' });
  t.equal(tail.status, 206);
  t.equal(tail.bytes.toString(), 'ld\n');
  const bad = await get(`/assets/${note.id}`, { range: 'bytes=100-200' });
  t.equal(bad.status, 416);
  t.equal(bad.headers.get('content-range'), 'bytes */12');
  t.same(bad.body.errors[0], {
    message: 'Range "100-200" is invalid or the file\'s size doesn\'t match the requested range.',
    extensions: { range: { start: 100, end: 200 }, code: 'RANGE_NOT_SATISFIABLE' },
  });

  const dl = await get(`/assets/${note.id}/note.txt?download`);
  t.equal(dl.status, 200);
  t.match(dl.headers.get('content-disposition'), /^attachment; filename="note.txt"/);

  const ttl = await startApp(t, { STORAGE_LOCAL_ROOT: root, ASSETS_CACHE_TTL: '60s' });
  const other = await upload(text, 'other.txt', 'text/plain', ttl);
  const short = await fetch(`${ttl.url}/assets/${other.id}`, { headers: { authorization: `Bearer ${ttl.adminToken}` } });
  t.equal(short.headers.get('cache-control'), 'private, max-age=60', 'ASSETS_CACHE_TTL');
  await short.arrayBuffer();
  const anon = await fetch(`${ttl.url}/assets/${other.id}`);
  t.equal(anon.status, 403);
  await anon.arrayBuffer();
});

t.test('transformations', async (t) => {
  const cases: [string, unknown[]][] = [
    ['width=10', ['png', 10, 8]],
    ['height=15', ['png', 20, 15]],
    ['width=10&height=10&fit=contain', ['png', 10, 10]],
    ['width=10&height=10&fit=inside', ['png', 10, 8]],
    ['width=400&withoutEnlargement=true', ['png', 40, 30]],
    ['width=80', ['png', 80, 60]],
    ['width=10&format=webp', ['webp', 10, 8]],
    ['width=10&format=jpg&quality=20', ['jpeg', 10, 8]],
    ['transforms=[["rotate",90]]', ['png', 30, 40]],
    ['key=system-small-cover', ['png', 64, 64]],
  ];
  for (const [q, expected] of cases) {
    const res = await get(`/assets/${image.id}?${q}`);
    t.equal(res.status, 200, q);
    t.same(await size(res.bytes), expected, q);
  }
  const auto = await get(`/assets/${image.id}?width=10&format=auto`, { accept: 'image/avif,image/webp,*/*' });
  t.equal(auto.headers.get('content-type'), 'image/avif');
  t.equal(auto.headers.get('vary'), 'Accept');
  const plain = await get(`/assets/${image.id}?width=10&format=auto`, { accept: '*/*' });
  t.equal(plain.headers.get('content-type'), 'image/png');
  const webp = await get(`/assets/${image.id}?width=10&format=webp`);
  t.equal(webp.headers.get('content-type'), 'image/webp');

  const text = await get(`/assets/${note.id}?width=10`);
  t.same(text.bytes, Buffer.from('hello world\n'), 'not an image: served as it is');
});

t.test('transformation errors', async (t) => {
  const invalid = async (q: string, message: string, code = 'INVALID_QUERY') => {
    const res = await get(`/assets/${image.id}?${q}`);
    t.equal(res.status, 400, q);
    t.equal(res.body?.errors[0].extensions.code, code, q);
    t.equal(res.body?.errors[0].message, message, q);
  };
  await invalid('transforms=[["bogus"]]', 'Invalid query. "transforms" Parameter does not allow "bogus" as a transformation.');
  await invalid('transforms=[["blur",1],["blur",1],["blur",1],["blur",1],["blur",1],["blur",1]]',
    'Invalid query. "transforms" Parameter is only allowed 5 transformations.');
  await invalid('key=nope', 'Invalid query. Key "nope" isn\'t configured.');
  await invalid('width=100000', 'Illegal asset transformation.', 'ILLEGAL_ASSET_TRANSFORMATION');
  t.same((await get(`/assets/${image.id}?width=7000`)).body.errors[0].extensions, { invalidTransformations: ['width'], code: 'ILLEGAL_ASSET_TRANSFORMATION' },
    'ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION (6000)');
});

t.test('presets and storage_asset_transform', async (t) => {
  // through the API: the gateway that wrote the settings applies them to its next request
  const settings = async (data: object) => t.equal((await app.patch('/settings', data)).status, 200);
  await settings({ storage_asset_presets: [{ key: 'thumb', width: 12, height: 12, fit: 'cover', format: 'webp' }] });
  const thumb = await get(`/assets/${image.id}?key=thumb`);
  t.equal(thumb.status, 200);
  t.same(await size(thumb.bytes), ['webp', 12, 12]);

  await settings({ storage_asset_transform: 'presets' });
  t.equal((await get(`/assets/${image.id}?key=thumb`)).status, 200);
  const adhoc = await get(`/assets/${image.id}?width=11`);
  t.equal(adhoc.status, 400);
  t.equal(adhoc.body.errors[0].extensions.code, 'INVALID_QUERY');

  await settings({ storage_asset_transform: 'none' });
  t.equal((await get(`/assets/${image.id}?key=thumb`)).status, 400);
  t.equal((await get(`/assets/${image.id}?key=system-small-cover`)).status, 200, 'the app\'s own thumbnails still work');

  // with plain SQL (a DBA, another gateway): every gateway hears of it (NOTIFY strata_settings)
  // and drops the settings it kept; the answer changes once the notification arrived
  const changed = async (want: number) => {
    for (let i = 0; i < 100; i++) {
      const status = (await get(`/assets/${image.id}?width=13`)).status;
      if (status === want) return status;
      await new Promise((r) => setTimeout(r, 50));
    }
    return -1;
  };
  t.equal(await changed(400), 400, 'transformations are off');
  await app.sql(`update directus_settings set storage_asset_transform = 'all'`);
  t.equal(await changed(200), 200, 'a plain-SQL change of the settings reaches the gateway');
  await app.sql(`update directus_settings set storage_asset_transform = 'none'`);
  t.equal(await changed(400), 400, 'and the next one too');
  await settings({ storage_asset_transform: 'all' });
  t.equal((await get(`/assets/${image.id}?width=13`)).status, 200);
});

t.test('a transformed copy is cached in storage and reused', async (t) => {
  // a second gateway on the same database and storage, keeping nothing in memory: every
  // request of a transformed copy reads it from storage
  const plain = await startApp(t, { STORAGE_LOCAL_ROOT: root, STRATA_ASSETS_MEMORY_CACHE: '0' }, { database: app.dbName });
  const fromPlain = async (path: string) =>
    Buffer.from(await (await fetch(plain.url + path, { headers: { authorization: `Bearer ${plain.adminToken}` } })).arrayBuffer());
  const cached = () => readdirSync(root).filter((k) => k.startsWith(`${image.id}__`));
  const before = cached();
  const first = await get(`/assets/${image.id}?width=9`);
  t.equal(first.status, 200);
  const made = cached().filter((k) => !before.includes(k));
  t.equal(made.length, 1, 'one new copy in storage');
  // the next request is served from that copy: what is stored there is what it gets
  writeFileSync(join(root, made[0]), 'from the cache');
  t.equal((await fromPlain(`/assets/${image.id}?width=9`)).toString(), 'from the cache');
  t.equal(cached().length, before.length + 1);

  const del = await app.del(`/files/${image.id}`);
  t.equal(del.status, 204);
  t.same(cached(), [], 'deleting the file removes its cached copies');
});

t.test('small transformed copies are also kept in memory, named by the file\'s stored bytes', async (t) => {
  const file = await upload(png, 'memory.png');
  const stored = () => readdirSync(root).filter((k) => k.startsWith(`${file.id}__`));
  const path = `/assets/${file.id}?width=8&format=webp`;
  const first = await get(path);
  t.equal(first.status, 200);
  t.same(await size(first.bytes), ['webp', 8, 6]);
  // what storage holds is no longer read: the copy comes from memory, with the same headers
  writeFileSync(join(root, stored()[0]), 'changed on disk');
  const second = await get(path);
  t.same(second.bytes, first.bytes, 'the copy as it was made');
  for (const h of ['etag', 'last-modified', 'content-type', 'content-length', 'cache-control']) t.equal(second.headers.get(h), first.headers.get(h), h);
  t.equal((await get(path, { 'if-none-match': first.headers.get('etag')! })).status, 304, 'conditional requests');
  const part = await get(path, { range: 'bytes=2-5' });
  t.equal(part.status, 206);
  t.same(part.bytes, first.bytes.subarray(2, 6), 'ranges');
  t.equal(part.headers.get('content-range'), `bytes 2-5/${first.bytes.length}`);

  // new bytes for the file (PATCH multipart): the same transformation is made again from them
  const jpeg = await sharp({ create: { width: 64, height: 16, channels: 3, background: '#00f' } }).jpeg().toBuffer();
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), 'memory.jpg');
  const replaced = await fetch(`${app.url}/files/${file.id}`, { method: 'PATCH', body: form, headers: { authorization: `Bearer ${app.adminToken}` } });
  t.equal(replaced.status, 200);
  const after = await get(path);
  t.equal(after.status, 200);
  t.same(await size(after.bytes), ['webp', 8, 2], 'the new image, not the remembered copy of the old one');
  t.not(after.headers.get('etag'), first.headers.get('etag'));

  // a caller who may not read the file is refused, whatever is remembered
  const reader = await get(path, {}, null);
  t.equal(reader.status, 403);
});

t.test('active content is sandboxed; access is the file\'s read permission', async (t) => {
  const file = await upload(svg, 'x.svg');
  const res = await get(`/assets/${file.id}`);
  t.equal(res.status, 200);
  t.equal(res.headers.get('content-type'), 'image/svg+xml');
  t.match(res.headers.get('content-security-policy'), /sandbox/);
  t.equal(res.headers.get('x-content-type-options'), 'nosniff');

  for (const [token, label] of [[null, 'anonymous'], ['nofiles-token', 'no read permission']] as const) {
    const denied = await get(`/assets/${note.id}`, {}, token);
    t.equal(denied.status, 403, label);
    t.equal(denied.body.errors[0].extensions.code, 'FORBIDDEN', label);
  }
  await app.sql(`insert into directus_permissions (collection, action, permissions, fields, policy) values ('directus_files', 'read', null, '*', '${POLICY}')`);
  const allowed = await get(`/assets/${note.id}`, {}, 'nofiles-token');
  t.equal(allowed.status, 200, 'once read is granted');
  t.same(allowed.bytes, text);
  t.equal((await get('/assets/00000000-0000-4000-8000-000000000000')).status, 403, 'unknown id: 403 as in Directus');
  t.equal((await get('/assets/not-a-uuid')).status, 403);
});
