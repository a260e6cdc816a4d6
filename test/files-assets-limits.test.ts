// /assets limits and access, beyond test/files-assets.test.ts:
//  - ASSETS_TRANSFORM_MAX_CONCURRENT: with a limit of 1, two cold transforms at once: one is
//    served, the other is 503 SERVICE_UNAVAILABLE 'Service "files" is unavailable. Server is too
//    busy.'. Made deterministic without timing by STRATA_TEST_HOLD_TRANSFORMS (config, tests
//    only): a cold transform waits until another asset request has been answered, so whichever
//    of the two reaches the limit first holds its slot until the other was refused.
//  - access is the caller's read of the file's row (row filters of directus_files permissions).
//    Directus 11.17.4 (127.0.0.1:18057; 12 refuses row filters without a license), for a user
//    whose read permission is {filename_download: {_eq: "mine.jpg"}} with fields ["title"]: their
//    file 200 (also ?width=10: the readable fields don't matter), another file or an unknown id
//    403 'You don't have permission to perform "read" for collection "directus_files" or it does
//    not exist.' (extensions.reason the same). Directus 12.4: anonymous (no permission) 403 'You
//    don't have permission to access collection "directus_files" or it does not exist. Queried in
//    root.'; an admin's unknown id 403 "You don't have permission to access this.".
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startApp, type TestApp } from './helpers/app.js';

const png = await sharp({ create: { width: 300, height: 200, channels: 3, background: '#0a0' } }).png().toBuffer();

async function upload(app: TestApp, name: string, bytes = png): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/png' }), name);
  const res = await fetch(`${app.url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${app.adminToken}` } });
  return (await res.json()).data.id;
}
const get = async (app: TestApp, path: string, token: string | null = app.adminToken) => {
  const res = await fetch(app.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  const bytes = Buffer.from(await res.arrayBuffer());
  return { status: res.status, type: res.headers.get('content-type'), bytes, json: res.headers.get('content-type')?.includes('json') ? JSON.parse(bytes.toString()) : undefined };
};

t.test('ASSETS_TRANSFORM_MAX_CONCURRENT: the transform over the limit is 503', async (t) => {
  const app = await startApp(t, { STORAGE_LOCAL_ROOT: mkdtempSync(join(tmpdir(), 'strata-limit-')), ASSETS_TRANSFORM_MAX_CONCURRENT: '1', STRATA_TEST_HOLD_TRANSFORMS: 'true' });
  const id = await upload(app, 'big.png');
  const [a, b] = await Promise.all([get(app, `/assets/${id}?width=120`), get(app, `/assets/${id}?width=120`)]);
  const statuses = [a.status, b.status].sort();
  t.same(statuses, [200, 503], 'one served, one refused');
  const refused = a.status === 503 ? a : b;
  t.same(refused.json, { errors: [{ message: 'Service "files" is unavailable. Server is too busy.',
    extensions: { service: 'files', reason: 'Server is too busy', code: 'SERVICE_UNAVAILABLE' } }] });
  const served = a.status === 200 ? a : b;
  t.equal((await sharp(served.bytes).metadata()).width, 120);
  // the slot was given back: the same race for another size again serves one of the two
  const again = await Promise.all([get(app, `/assets/${id}?width=60`), get(app, `/assets/${id}?width=60`)]);
  t.same(again.map((r) => r.status).sort(), [200, 503]);
  t.equal((await sharp(again.find((r) => r.status === 200)!.bytes).metadata()).width, 60);
});

t.test('access: the row filter of the caller\'s read permission decides', async (t) => {
  const app = await startApp(t, { STORAGE_LOCAL_ROOT: mkdtempSync(join(tmpdir(), 'strata-access-')) });
  const mine = await upload(app, 'mine.png');
  const other = await upload(app, 'other.png');
  const policy = '55555555-5555-4555-8555-555555555555';
  await app.sql(`
    insert into directus_policies (id, name) values ('${policy}', 'Some files, some fields');
    insert into directus_users (id, email, status, token) values (gen_random_uuid(), 'f@example.com', 'active', 'fields-token');
    insert into directus_access (id, "user", policy) select gen_random_uuid(), id, '${policy}' from directus_users where email = 'f@example.com';
    insert into directus_permissions (collection, action, permissions, fields, policy) values
      ('directus_files', 'read', '{"filename_download":{"_eq":"mine.png"}}', 'title', '${policy}');
  `);
  const ok = await get(app, `/assets/${mine}`, 'fields-token');
  t.equal(ok.status, 200, 'readable row: served, though only its title is a readable field (not id, filename_disk, type, …)');
  t.ok(ok.bytes.equals(png));
  t.equal(ok.type, 'image/png');
  t.equal((await get(app, `/assets/${mine}?width=10`, 'fields-token')).status, 200, 'transforms too');
  const refused = await get(app, `/assets/${other}`, 'fields-token');
  t.equal(refused.status, 403);
  const reason = 'You don\'t have permission to perform "read" for collection "directus_files" or it does not exist.';
  t.same(refused.json, { errors: [{ message: reason, extensions: { reason, code: 'FORBIDDEN' } }] });
  const unknown = await get(app, '/assets/00000000-0000-4000-8000-000000000000', 'fields-token');
  t.same(unknown.json, refused.json, 'the same answer as an unknown id');
  const anonymous = await get(app, `/assets/${mine}`, null);
  const none = 'You don\'t have permission to access collection "directus_files" or it does not exist. Queried in root.';
  t.same(anonymous.json, { errors: [{ message: none, extensions: { reason: none, code: 'FORBIDDEN' } }] }, 'anonymous: no read permission at all');
  t.same((await get(app, '/assets/00000000-0000-4000-8000-000000000000')).json,
    { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] }, 'an admin\'s unknown id');
});
