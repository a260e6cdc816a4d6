// Files, beyond test/files*.test.ts: Directus's file advisories as a regression list, focal-point
// cropping and every fit and format, asset limits and safety headers, folder permissions per
// policy, SEARCH /files, modified_* after updates and replacements, and `duration`.
//
// What the real Directus answered (12.4 at 127.0.0.1:18055, 11.17.4 at :18057 for row filters):
//  - GHSA-mv33-9f6j-pfmc (an unauthenticated PATCH /files/:id multipart whose `filename_disk`
//    named another stored file overwrote it): 12.4 answers an anonymous multipart PATCH with 500
//    (Strata: 403, nothing stored); a multipart upload's `filename_disk` naming another file's key
//    is 403, its `uploaded_by` is ignored (the caller), an unknown `storage` is 500 (Strata: 400).
//  - GHSA-393c-p46r-7c95 (PATCH /files/:id JSON with `filename_disk` of another user's file and a
//    forged `uploaded_by`): 12.4, for an admin and for a user with update on every field,
//    answers 403 "You don't have permission to access this." when `filename_disk` names another
//    file's key or (non-admin) climbs with `../`, but accepts a fresh `filename_disk`, another
//    `uploaded_by`, an unconfigured `storage` ("elsewhere") and filesize/width/duration. Strata
//    ignores every server-set field and `storage` in a PATCH (README compatibility notes).
//  - GHSA-qqmv-5p3g-px89 (TUS replaced any file by id without the row's update permission):
//    12.4 serves no /files/tus (404 ROUTE_NOT_FOUND: TUS is off by default); on 11.17.4 a user
//    whose update permission is {uploaded_by: {_eq: $CURRENT_USER}} replacing another user's
//    file (multipart PATCH) or changing its title is 403, the bytes unchanged; their own: 200.
//  - focal points (a 100×50 PNG, left half red, right half blue): fit=cover 20×20 with no focal
//    point is the centre (left red, right blue); focal (10,25) or (0,0) all red, (90,25) or
//    (100,50) all blue; contain and a width alone ignore the focal point. fit cover/contain/
//    inside/outside/fill at 30×30: 30×30, 30×30, 30×15, 60×30, 30×30 (fill stretches: left red,
//    right blue); a bogus fit: 400 "Invalid query. Expected valid fit for fit but received bogus
//    of type string."; formats jpg, jpeg, png, webp, avif, tiff, gif each served as image/<format>.
//  - ASSETS_TRANSFORM_MAX_OPERATIONS (default 5): six steps are 400 '… only allowed 5
//    transformations.'. HTML, application/xml and text/xml files keep those types and are served
//    inline with `Content-Security-Policy: default-src 'none'` (12.4 sends it on every asset and
//    no nosniff; Strata sends ASSETS_CONTENT_SECURITY_POLICY on active types and nosniff always).
//  - folders (11.17.4): read permission {name: {_starts_with: "pub"}} on fields id, name: lists
//    and SEARCH show the matching folders only, with those fields; another folder is 403 "You
//    don't have permission to access this."; `fields=parent` 403 naming the field; create,
//    update and delete (no such permission) 403 'You don't have permission to access collection
//    "directus_folders" or it does not exist. Queried in root.' (12.4 the same without filters;
//    Strata's write path words every write without a grant "You don't have permission to access
//    this.", for /items too: a general difference, left to the write path's owner).
//  - SEARCH /files {query}: filter, search, aggregate as GET; the body's query wins over the URL's;
//    an unknown field 403 naming it; anonymous 403.
//  - modified_by/modified_on: a JSON PATCH by another user sets modified_by to them and
//    modified_on to now, uploaded_by/uploaded_on unchanged; a byte replacement also refreshes
//    uploaded_on, and uploaded_by stays the first uploader.
//  - duration: null for a 1 s WAV and for an MP4 whose movie header says 2.5 s (Directus fills
//    no duration), so Strata keeps it null.
import t from 'tap';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { startApp, type TestApp } from './helpers/app.js';

const root = mkdtempSync(join(tmpdir(), 'strata-files2-'));
const app = await startApp(t, { STORAGE_LOCAL_ROOT: root });

// users (static tokens) and their policies
const WRITER_POLICY = '1a000000-0000-4000-8000-000000000001';
const OWN_POLICY = '1a000000-0000-4000-8000-000000000002';
const FOLDER_POLICY = '1a000000-0000-4000-8000-000000000003';
const W1 = '1b000000-0000-4000-8000-000000000001';
const W2 = '1b000000-0000-4000-8000-000000000002';
const O1 = '1b000000-0000-4000-8000-000000000003';
const O2 = '1b000000-0000-4000-8000-000000000004';
const FR = '1b000000-0000-4000-8000-000000000005';
await app.sql(`
  insert into directus_policies (id, name) values ('${WRITER_POLICY}', 'File writers'), ('${OWN_POLICY}', 'Own files'), ('${FOLDER_POLICY}', 'Public folders');
  insert into directus_users (id, email, status, token) values
    ('${W1}', 'w1@example.com', 'active', 'w1-token'), ('${W2}', 'w2@example.com', 'active', 'w2-token'),
    ('${O1}', 'o1@example.com', 'active', 'o1-token'), ('${O2}', 'o2@example.com', 'active', 'o2-token'),
    ('${FR}', 'fr@example.com', 'active', 'fr-token');
  insert into directus_access (id, "user", policy) values
    (gen_random_uuid(), '${W1}', '${WRITER_POLICY}'), (gen_random_uuid(), '${W2}', '${WRITER_POLICY}'),
    (gen_random_uuid(), '${O1}', '${OWN_POLICY}'), (gen_random_uuid(), '${O2}', '${OWN_POLICY}'),
    (gen_random_uuid(), '${FR}', '${FOLDER_POLICY}');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('directus_files', 'create', null, '*', '${WRITER_POLICY}'), ('directus_files', 'read', null, '*', '${WRITER_POLICY}'),
    ('directus_files', 'update', null, '*', '${WRITER_POLICY}'),
    ('directus_files', 'create', null, '*', '${OWN_POLICY}'), ('directus_files', 'read', null, '*', '${OWN_POLICY}'),
    ('directus_files', 'update', '{"uploaded_by":{"_eq":"$CURRENT_USER"}}', '*', '${OWN_POLICY}'),
    ('directus_folders', 'read', '{"name":{"_starts_with":"pub"}}', 'id,name', '${FOLDER_POLICY}');
`);

// a 100×50 PNG: left half red, right half blue
const red = await sharp({ create: { width: 50, height: 50, channels: 3, background: '#ff0000' } }).png().toBuffer();
const twoColour = await sharp({ create: { width: 100, height: 50, channels: 3, background: '#0000ff' } })
  .composite([{ input: red, left: 0, top: 0 }]).png().toBuffer();
const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#0f0' } }).png().toBuffer();
const jpeg = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#ff0' } }).jpeg().toBuffer();

type Part = [name: string, value: string] | [name: string, bytes: Buffer, filename: string, type?: string];
async function send(a: TestApp, method: string, path: string, parts: Part[], token: string | null = a.adminToken) {
  const form = new FormData();
  for (const p of parts) {
    if (p.length === 2) form.append(p[0], p[1]);
    else form.append(p[0], new Blob([new Uint8Array(p[1])], { type: p[3] ?? '' }), p[2]);
  }
  const res = await fetch(a.url + path, { method, body: form, headers: token ? { authorization: `Bearer ${token}` } : {} });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}
async function upload(bytes: Buffer, name: string, token = app.adminToken, fields: [string, string][] = [], a = app) {
  const res = await send(a, 'POST', '/files', [...fields, ['file', bytes, name]], token);
  if (res.status !== 200) throw new Error(`upload of ${name}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.data as Record<string, any>;
}
async function asset(path: string, token: string | null = app.adminToken, a = app) {
  const res = await fetch(a.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  const json = res.headers.get('content-type')?.includes('json') ? JSON.parse(bytes.toString()) : undefined;
  return { status: res.status, headers: res.headers, bytes, json };
}
const row = async (id: string) => (await app.sql('select * from directus_files where id = $1', [id]))[0];
/** every key in storage with its bytes: what an attack must not change */
const storage = (dir = root) => Object.fromEntries(readdirSync(dir).sort().map((k) => [k, readFileSync(join(dir, k)).toString('base64')]));
const FORBIDDEN_ANY = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };

t.test('GHSA-mv33-9f6j-pfmc: no anonymous byte replacement; an upload\'s filename_disk never names the stored key', async (t) => {
  const a = await upload(png, 'a.png');
  const b = await upload(jpeg, 'b.jpg');
  const before = { stored: storage(), a: await row(a.id), b: await row(b.id) };
  // the advisory's request: an anonymous multipart PATCH whose filename_disk names another file
  const anon = await send(app, 'PATCH', `/files/${a.id}`, [['filename_disk', b.filename_disk], ['file', Buffer.from('<svg/>'), 'x.svg']], null);
  t.equal(anon.status, 403, 'Directus 12.4 answers 500; refused either way');
  t.equal(anon.body.errors[0].extensions.code, 'FORBIDDEN');
  const traversal = await send(app, 'PATCH', `/files/${a.id}`, [['filename_disk', '../escaped.png'], ['file', Buffer.from('x'), 'x.png']], null);
  t.equal(traversal.status, 403);
  const anonCreate = await send(app, 'POST', '/files', [['filename_disk', `../${a.id}.png`], ['file', Buffer.from('x'), 'x.png']], null);
  t.equal(anonCreate.status, 403);
  t.same(storage(), before.stored, 'no byte written or changed');
  t.same([await row(a.id), await row(b.id)], [before.a, before.b], 'rows unchanged');
  t.notOk(readdirSync(dirname(root)).includes('escaped.png'), 'nothing written beside the storage root');

  // a signed-in writer's upload: the key is always the server's (<id>.<ext>), whatever the parts say
  for (const disk of ['../../evil.png', b.filename_disk, `${a.id}.png`, '/tmp/abs.png']) {
    const made = await upload(png, 'c.png', 'w1-token', [['filename_disk', disk], ['uploaded_by', W2]]);
    t.equal(made.filename_disk, `${made.id}.png`, disk);
    t.equal(made.uploaded_by, W1, 'the uploader is the caller');
  }
  t.same((await asset(`/assets/${b.id}`)).bytes, jpeg, 'the other file\'s bytes are intact');
  t.same((await asset(`/assets/${a.id}`)).bytes, png);
  t.notOk(Object.keys(storage()).some((k) => k.includes('evil') || k.includes('abs')));

  // a record without bytes can't claim a stored key either (its bytes would be another file's)
  const record = await app.post('/files', { filename_download: 'x.png', type: 'image/png', filename_disk: b.filename_disk, uploaded_by: W2 }, { token: 'w1-token' });
  t.equal(record.status, 200, record.text);
  t.match(record.body.data, { filename_disk: null, uploaded_by: W1 });
  t.equal((await asset(`/assets/${record.body.data.id}`)).status, 403, 'and serves nothing');

  // Directus's resumable uploads (TUS, off by default in Directus 12.4) are not served
  const tus = await app.request('POST', '/files/tus', { headers: { 'tus-resumable': '1.0.0', 'upload-length': '4' } });
  t.equal(tus.status, 404);
  t.same(tus.body, { errors: [{ message: 'Route /files/tus doesn\'t exist.', extensions: { path: '/files/tus', code: 'ROUTE_NOT_FOUND' } }] });
});

t.test('GHSA-393c-p46r-7c95: a JSON PATCH can\'t repoint a file\'s bytes, change its uploader or its storage', async (t) => {
  const mine = await upload(png, 'mine.png', 'w1-token');
  const theirs = await upload(jpeg, 'theirs.jpg', 'w2-token');
  const stored = storage();
  const forged = { filename_disk: theirs.filename_disk, uploaded_by: W2, storage: 'elsewhere', uploaded_on: '2000-01-01T00:00:00Z',
    created_on: '2000-01-01T00:00:00Z', modified_by: W2, filesize: 1, width: 1, height: 1, duration: 5, tus_id: 'x', charset: 'x' };
  const keep = (r: Record<string, any>) => [r.filename_disk, r.uploaded_by, r.storage, String(r.uploaded_on), String(r.created_on), String(r.filesize), r.width, r.height, r.duration, r.tus_id, r.charset];
  const original = keep(await row(mine.id));

  const res = await app.patch(`/files/${mine.id}`, { title: 'Renamed', ...forged }, { token: 'w1-token' });
  t.equal(res.status, 200, res.text);
  t.equal(res.body.data.title, 'Renamed', 'the client\'s own fields apply');
  t.same(keep(await row(mine.id)), original, 'the server\'s fields are ignored (Directus 12.4 refuses the other file\'s key, accepts the rest)');
  t.equal(res.body.data.modified_by, W1, 'modified_by is the caller, not the forged value');

  // the same through the batch forms and as an admin
  t.equal((await app.patch('/files', { keys: [mine.id], data: forged }, { token: 'w1-token' })).status, 200);
  t.equal((await app.patch('/files', [{ id: mine.id, ...forged }], { token: 'w1-token' })).status, 200);
  t.equal((await app.patch(`/files/${mine.id}`, forged)).status, 200, 'admin');
  t.same(keep(await row(mine.id)), original);

  t.same(storage(), stored, 'no stored bytes changed');
  t.same((await asset(`/assets/${mine.id}`, 'w1-token')).bytes, png, 'each file serves its own bytes');
  t.same((await asset(`/assets/${theirs.id}`, 'w2-token')).bytes, jpeg);
  const r = await row(theirs.id);
  t.same([r.uploaded_by, r.filename_disk], [W2, theirs.filename_disk], 'the other file is untouched');
});

t.test('GHSA-qqmv-5p3g-px89: replacing a file\'s bytes takes update permission on that file', async (t) => {
  const theirs = await upload(png, 'own1.png', 'o1-token');
  const stored = storage();
  const before = await row(theirs.id);
  const replace = await send(app, 'PATCH', `/files/${theirs.id}`, [['file', Buffer.from('evil'), 'x.txt', 'text/plain']], 'o2-token');
  t.equal(replace.status, 403, JSON.stringify(replace.body));
  t.equal(replace.body.errors[0].extensions.code, 'FORBIDDEN');
  const meta = await app.patch(`/files/${theirs.id}`, { title: 'x' }, { token: 'o2-token' });
  t.equal(meta.status, 403);
  t.same(storage(), stored, 'no bytes stored or replaced');
  t.same(await row(theirs.id), before, 'the row is unchanged');
  t.same((await asset(`/assets/${theirs.id}`, 'o2-token')).bytes, png, 'still their bytes');

  const own = await send(app, 'PATCH', `/files/${theirs.id}`, [['file', Buffer.from('mine'), 'x.txt', 'text/plain']], 'o1-token');
  t.equal(own.status, 200, 'the owner may');
  t.match(own.body.data, { type: 'text/plain', filesize: '4', uploaded_by: O1 });
  t.same((await asset(`/assets/${theirs.id}`, 'o1-token')).bytes, Buffer.from('mine'));
});

t.test('the same rules on the import path', async (t) => {
  const origin = createServer((req, res) => {
    if (req.url === '/p.png') return res.writeHead(200, { 'content-type': 'image/png' }).end(png);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
  t.teardown(() => new Promise<void>((r) => origin.close(() => r())));
  const dir = mkdtempSync(join(tmpdir(), 'strata-files2-import-'));
  const imp = await startApp(t, { STORAGE_LOCAL_ROOT: dir, IMPORT_IP_DENY_LIST: '169.254.169.254' });
  await imp.sql(`
    insert into directus_policies (id, name) values ('${WRITER_POLICY}', 'Writers');
    insert into directus_users (id, email, status, token) values ('${W1}', 'w1@example.com', 'active', 'w1-token'), ('${FR}', 'fr@example.com', 'active', 'fr-token');
    insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${W1}', '${WRITER_POLICY}');
    insert into directus_permissions (collection, action, permissions, fields, policy) values
      ('directus_files', 'create', null, '*', '${WRITER_POLICY}'), ('directus_files', 'read', null, '*', '${WRITER_POLICY}');
  `);
  const url = `http://127.0.0.1:${(origin.address() as AddressInfo).port}/p.png`;
  const res = await imp.post('/files/import', { url, data: { title: 'Imported', filename_disk: '../../evil.png', uploaded_by: W2, filesize: 1 } }, { token: 'w1-token' });
  t.equal(res.status, 200, res.text);
  t.match(res.body.data, { title: 'Imported', filename_disk: `${res.body.data.id}.png`, uploaded_by: W1, filesize: String(png.length) });
  t.same(readdirSync(dir), [`${res.body.data.id}.png`]);

  const elsewhere = await imp.post('/files/import', { url, data: { storage: 'elsewhere' } }, { token: 'w1-token' });
  t.equal(elsewhere.status, 400, 'an unconfigured storage (Directus 12.4: 500 for an upload naming one)');
  t.equal(elsewhere.body.errors[0].extensions.code, 'INVALID_PAYLOAD');
  const noCreate = await imp.post('/files/import', { url }, { token: 'fr-token' });
  t.equal(noCreate.status, 403, 'no create permission');
  t.same(readdirSync(dir), [`${res.body.data.id}.png`], 'the refused imports left nothing');
  t.equal((await imp.sql('select count(*)::int as n from directus_files'))[0].n, 1);
});

t.test('focal point: fit=cover crops around it', async (t) => {
  const file = await upload(twoColour, 'two.png');
  /** the colour of a pixel: 'red', 'blue' or the raw values */
  const colours = async (path: string) => {
    const res = await asset(path);
    t.equal(res.status, 200, path);
    const { data, info } = await sharp(res.bytes).raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number) => {
      const [r, , b] = data.subarray((y * info.width + x) * info.channels);
      return r > 200 && b < 60 ? 'red' : b > 200 && r < 60 ? 'blue' : `${r},${b}`;
    };
    return { size: [info.width, info.height], left: at(0, info.height >> 1), centre: at(info.width >> 1, info.height >> 1), right: at(info.width - 1, info.height >> 1) };
  };
  const centred = await colours(`/assets/${file.id}?width=20&height=20&fit=cover`);
  t.same([centred.size, centred.left, centred.right], [[20, 20], 'red', 'blue'], 'no focal point: the centre');
  const focal = async (x: number, y: number) => {
    const res = await app.patch(`/files/${file.id}`, { focal_point_x: x, focal_point_y: y });
    if (res.status !== 200) throw new Error(res.text);
  };
  for (const [x, y, colour] of [[10, 25, 'red'], [0, 0, 'red'], [90, 25, 'blue'], [100, 50, 'blue']] as const) {
    await focal(x, y);
    for (const size of [20, 40]) {
      const got = await colours(`/assets/${file.id}?width=${size}&height=${size}&fit=cover`);
      t.same([got.size, got.left, got.centre], [[size, size], colour, colour], `focal (${x},${y}) ${size}×${size}`);
    }
  }
  await focal(10, 25);
  const contain = await colours(`/assets/${file.id}?width=20&height=20&fit=contain`);
  t.same(contain.size, [20, 20], 'contain ignores the focal point');
  const widthOnly = await colours(`/assets/${file.id}?width=20`);
  t.same([widthOnly.size, widthOnly.left, widthOnly.right], [[20, 10], 'red', 'blue'], 'a width alone ignores it');
});

t.test('every fit and every format', async (t) => {
  const file = await upload(twoColour, 'fits.png');
  for (const [fit, w, h] of [['cover', 30, 30], ['contain', 30, 30], ['inside', 30, 15], ['outside', 60, 30], ['fill', 30, 30]] as const) {
    const res = await asset(`/assets/${file.id}?width=30&height=30&fit=${fit}`);
    t.equal(res.status, 200, fit);
    const m = await sharp(res.bytes).metadata();
    t.same([res.headers.get('content-type'), m.format, m.width, m.height], ['image/png', 'png', w, h], fit);
  }
  const fill = await sharp((await asset(`/assets/${file.id}?width=30&height=30&fit=fill`)).bytes).raw().toBuffer({ resolveWithObject: true });
  t.same([fill.data[0], fill.data[(30 * 15 + 29) * fill.info.channels + 2]], [255, 255], 'fill stretches: left red, right blue');
  const bogus = await asset(`/assets/${file.id}?width=30&height=30&fit=bogus`);
  t.equal(bogus.status, 400);
  t.same(bogus.json, { errors: [{ message: 'Invalid query. Expected valid fit for fit but received bogus of type string.',
    extensions: { reason: 'Expected valid fit for fit but received bogus of type string', code: 'INVALID_QUERY' } }] });

  for (const [format, type, sharpFormat] of [['jpg', 'image/jpeg', 'jpeg'], ['jpeg', 'image/jpeg', 'jpeg'], ['png', 'image/png', 'png'],
    ['webp', 'image/webp', 'webp'], ['avif', 'image/avif', 'heif'], ['tiff', 'image/tiff', 'tiff'], ['gif', 'image/gif', 'gif']] as const) {
    const res = await asset(`/assets/${file.id}?width=30&format=${format}`);
    t.equal(res.status, 200, format);
    const m = await sharp(res.bytes).metadata();
    t.same([res.headers.get('content-type'), m.format, m.width, m.height], [type, sharpFormat, 30, 15], format);
  }
  const badFormat = await asset(`/assets/${file.id}?width=30&format=bogus`);
  t.equal(badFormat.status, 400);
  t.equal(badFormat.json.errors[0].extensions.code, 'INVALID_QUERY');
});

t.test('ASSETS_TRANSFORM_MAX_OPERATIONS and ASSETS_CONTENT_SECURITY_POLICY', async (t) => {
  const csp = "default-src 'none'; img-src 'self'";
  const custom = await startApp(t, { STORAGE_LOCAL_ROOT: mkdtempSync(join(tmpdir(), 'strata-files2-csp-')), ASSETS_TRANSFORM_MAX_OPERATIONS: '2', ASSETS_CONTENT_SECURITY_POLICY: csp });
  const image = await upload(png, 'ops.png', custom.adminToken, [], custom);
  const steps = (n: number) => encodeURIComponent(JSON.stringify(Array(n).fill(['blur', 1])));
  t.equal((await asset(`/assets/${image.id}?transforms=${steps(2)}`, custom.adminToken, custom)).status, 200, 'two steps');
  const three = await asset(`/assets/${image.id}?transforms=${steps(3)}`, custom.adminToken, custom);
  t.equal(three.status, 400);
  t.same(three.json, { errors: [{ message: 'Invalid query. "transforms" Parameter is only allowed 2 transformations.',
    extensions: { reason: '"transforms" Parameter is only allowed 2 transformations', code: 'INVALID_QUERY' } }] });

  const html = '<!doctype html><html><body><script>alert(1)</script></body></html>';
  const cases = [['page.html', html, 'text/html', 'text/html'], ['data.xml', '<?xml version="1.0"?><root><a>1</a></root>', 'application/xml', 'application/xml'],
    ['feed.xml', '<?xml version="1.0"?><root/>', 'text/xml', 'text/xml'], ['x.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', 'image/svg+xml', 'image/svg+xml']];
  for (const [name, body, claimed, type] of cases) {
    for (const [a, policy] of [[app, "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"], [custom, csp]] as const) {
      const res = await send(a, 'POST', '/files', [['file', Buffer.from(body), name, claimed]]);
      t.equal(res.body.data.type, type, `${name}: recorded as ${type}`);
      const got = await asset(`/assets/${res.body.data.id}`, a.adminToken, a);
      t.equal(got.status, 200);
      t.equal(got.headers.get('content-type'), type, name);
      t.equal(got.headers.get('content-security-policy'), policy, `${name}: the configured policy`);
      t.equal(got.headers.get('x-content-type-options'), 'nosniff', name);
      t.match(got.headers.get('content-disposition'), new RegExp(`^inline; filename="${name}"`), name);
      t.equal(got.bytes.toString(), body);
    }
  }
});

t.test('folders: read filtered per policy; create, update and delete refused', async (t) => {
  const pub = (await app.post('/folders', { name: 'pub-a' })).body.data;
  const priv = (await app.post('/folders', { name: 'priv-a', parent: pub.id })).body.data;
  const as = { token: 'fr-token' };
  t.same((await app.get('/folders?sort=name', as)).body, { data: [{ id: pub.id, name: 'pub-a' }] }, 'only matching folders, only readable fields');
  t.same((await app.get('/folders?fields=*', as)).body.data, [{ id: pub.id, name: 'pub-a' }]);
  t.same((await app.search('/folders', { query: { filter: { name: { _contains: 'a' } } } }, as)).body, { data: [{ id: pub.id, name: 'pub-a' }] });
  t.same((await app.get('/folders?aggregate[count]=*', as)).body, { data: [{ count: '1' }] });
  t.same((await app.get(`/folders/${pub.id}`, as)).body, { data: { id: pub.id, name: 'pub-a' } });
  const hidden = await app.get(`/folders/${priv.id}`, as);
  t.equal(hidden.status, 403);
  t.same(hidden.body, FORBIDDEN_ANY);
  const field = await app.get(`/folders/${pub.id}?fields=parent`, as);
  t.equal(field.status, 403);
  const reason = 'You don\'t have permission to access field "parent" in collection "directus_folders" or it does not exist. Queried in root.';
  t.same(field.body, { errors: [{ message: reason, extensions: { reason, code: 'FORBIDDEN' } }] });

  const before = await app.sql('select id, name, parent from directus_folders order by name');
  for (const [method, path, body] of [['POST', '/folders', { name: 'pub-b' }], ['POST', '/folders', [{ name: 'pub-b' }]], ['PATCH', `/folders/${pub.id}`, { name: 'pub-x' }],
    ['PATCH', '/folders', { keys: [pub.id], data: { name: 'pub-x' } }], ['DELETE', `/folders/${pub.id}`, undefined]] as const) {
    const res = await app.request(method, path, { ...as, body });
    t.equal(res.status, 403, `${method} ${path}`);
    // Directus words it as the collection's refusal; Strata's write path, for any collection
    // without a grant for the action, as "You don't have permission to access this."
    t.equal(res.body.errors[0].extensions.code, 'FORBIDDEN', `${method} ${path}`);
  }
  t.same(await app.sql('select id, name, parent from directus_folders order by name'), before, 'nothing changed');
});

t.test('SEARCH /files', async (t) => {
  const file = await upload(png, 'searched.png', app.adminToken, [['title', 'Find me please']]);
  const q = (query: unknown, opts = {}) => app.search('/files', { query }, opts);
  t.same((await q({ filter: { title: { _eq: 'Find me please' } }, fields: ['id', 'title', 'type'] })).body,
    { data: [{ id: file.id, title: 'Find me please', type: 'image/png' }] });
  t.same((await q({ search: 'Find me', fields: ['title'], limit: 1 })).body, { data: [{ title: 'Find me please' }] });
  t.same((await app.search('/files?fields=id', { query: { filter: { title: { _eq: 'Find me please' } }, fields: ['title'] } })).body,
    { data: [{ title: 'Find me please' }] }, 'the body\'s query wins');
  t.same((await q({ filter: { title: { _eq: 'Find me please' } }, aggregate: { count: '*' } })).body, { data: [{ count: '1' }] });
  t.same((await q({ filter: { title: { _eq: 'Find me please' } }, fields: ['title'] }, { token: 'w1-token' })).body, { data: [{ title: 'Find me please' }] },
    'a user with read permission');
  const unknown = await q({ filter: { nope: { _eq: 1 } } });
  t.equal(unknown.status, 403);
  const reason = 'You don\'t have permission to access field "nope" in collection "directus_files" or it does not exist. Queried in root.';
  t.same(unknown.body, { errors: [{ message: reason, extensions: { reason, code: 'FORBIDDEN' } }] });
  const anon = await q({ fields: ['id'] }, { token: null });
  t.equal(anon.status, 403);
  const none = 'You don\'t have permission to access collection "directus_files" or it does not exist. Queried in root.';
  t.same(anon.body, { errors: [{ message: none, extensions: { reason: none, code: 'FORBIDDEN' } }] });
});

t.test('modified_by and modified_on after a JSON update and after a byte replacement', async (t) => {
  const file = await upload(png, 'mod.png', 'w1-token');
  const created = await row(file.id);
  t.same([created.uploaded_by, created.modified_by], [W1, null], 'a new file: not modified by anyone yet');
  t.ok(created.modified_on instanceof Date, 'but modified_on is its creation time, as Directus fills it');

  const json = await app.patch(`/files/${file.id}`, { description: 'changed' }, { token: 'w2-token' });
  t.equal(json.status, 200, json.text);
  const updated = await row(file.id);
  t.equal(updated.modified_by, W2, 'the updater');
  t.ok(updated.modified_on > created.modified_on, 'modified_on moves');
  t.same([updated.uploaded_by, String(updated.uploaded_on)], [W1, String(created.uploaded_on)], 'the upload facts stay');
  t.equal(json.body.data.modified_by, W2, 'answered too');

  const replaced = await send(app, 'PATCH', `/files/${file.id}`, [['file', jpeg, 'mod.jpg']], 'w2-token');
  t.equal(replaced.status, 200, JSON.stringify(replaced.body));
  const after = await row(file.id);
  t.equal(after.modified_by, W2);
  t.ok(after.modified_on > updated.modified_on, 'modified_on moves again');
  t.ok(after.uploaded_on > updated.uploaded_on, 'uploaded_on is the new bytes\' upload');
  t.equal(after.uploaded_by, W1, 'uploaded_by stays the first uploader');
  t.match(replaced.body.data, { modified_by: W2, uploaded_by: W1, type: 'image/jpeg', width: 20, height: 10 });
});

t.test('duration stays null for audio and video, as Directus 12.4', async (t) => {
  // a minimal MP4: ftyp, then a movie header saying 2.5 s (timescale 1000, duration 2500)
  const box = (type: string, body: Buffer) => {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(8 + body.length);
    head.write(type, 4, 'latin1');
    return Buffer.concat([head, body]);
  };
  const mvhd = Buffer.alloc(100);
  mvhd.writeUInt32BE(1000, 12);
  mvhd.writeUInt32BE(2500, 16);
  mvhd.writeUInt32BE(0x00010000, 20);
  const mp4 = Buffer.concat([box('ftyp', Buffer.from('isom\0\0\x02\0isomiso2mp41', 'latin1')), box('moov', box('mvhd', mvhd))]);
  const video = await upload(mp4, 'clip.mp4');
  t.same([video.type, video.duration, video.width, video.height], ['video/mp4', null, null, null]);
  const wav = Buffer.alloc(44 + 16000);
  wav.write('RIFF', 0); wav.writeUInt32LE(36 + 16000, 4); wav.write('WAVE', 8); wav.write('fmt ', 12); wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); wav.writeUInt16LE(1, 22); wav.writeUInt32LE(8000, 24); wav.writeUInt32LE(16000, 28); wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34); wav.write('data', 36); wav.writeUInt32LE(16000, 40);
  const audio = await upload(wav, 'tone.wav');
  t.same([audio.type, audio.duration], ['audio/wav', null]);
});
