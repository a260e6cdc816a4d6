// POST /files/import against a real local HTTP server: refused by default (127.0.0.1 is on
// IMPORT_IP_DENY_LIST), allowed when the list no longer names loopback, stored as an upload.
//
// Directus 12.4 (127.0.0.1:18055) answered an import of http://127.0.0.1:18055/server/ping and of
// ftp://x/y with 503 SERVICE_UNAVAILABLE 'Service "external-file" is unavailable. Couldn't fetch
// file from URL "<url>".' (extensions service, reason), and {} with 400 INVALID_PAYLOAD
// '"url" is required'.
import t from 'tap';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { startApp } from './helpers/app.js';

const png = await sharp({ create: { width: 8, height: 6, channels: 3, background: '#123456' } }).png().toBuffer();
const origin = createServer((req, res) => {
  if (req.url === '/images/my-photo.png') return res.writeHead(200, { 'content-type': 'text/plain' }).end(png);
  if (req.url === '/redirect') return res.writeHead(302, { location: '/images/my-photo.png' }).end();
  res.writeHead(404).end();
});
await new Promise<void>((r) => origin.listen(0, '127.0.0.1', r));
t.teardown(() => new Promise<void>((r) => origin.close(() => r())));
const base = `http://127.0.0.1:${(origin.address() as AddressInfo).port}`;

t.test('loopback is refused by default', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'strata-import-'));
  const app = await startApp(t, { STORAGE_LOCAL_ROOT: root });
  for (const url of [`${base}/images/my-photo.png`, 'http://[::1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://169.254.169.254/latest', 'ftp://x/y']) {
    const res = await app.post('/files/import', { url });
    t.equal(res.status, 503, url);
    t.same(res.body.errors[0], {
      message: `Service "external-file" is unavailable. Couldn't fetch file from URL "${url}".`,
      extensions: { service: 'external-file', reason: `Couldn't fetch file from URL "${url}"`, code: 'SERVICE_UNAVAILABLE' },
    }, url);
  }
  const missing = await app.post('/files/import', {});
  t.equal(missing.status, 400);
  t.equal(missing.body.errors[0].message, 'Invalid payload. "url" is required.');
  t.equal((await app.post('/files/import', { url: `${base}/x` }, { token: null })).status, 403, 'anonymous');
  t.same(readdirSync(root), []);
  t.equal((await app.sql('select count(*)::int as n from directus_files'))[0].n, 0);
});

t.test('allowed when the deny list does not name loopback', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'strata-import-'));
  const app = await startApp(t, { STORAGE_LOCAL_ROOT: root, IMPORT_IP_DENY_LIST: '169.254.169.254' });
  const res = await app.post('/files/import', { url: `${base}/images/my-photo.png`, data: { description: 'imported' } });
  t.equal(res.status, 200, res.text);
  t.match(res.body.data, { filename_download: 'my-photo.png', title: 'My Photo', description: 'imported', type: 'image/png', width: 8, height: 6, filesize: String(png.length) });
  const asset = await fetch(`${app.url}/assets/${res.body.data.id}`, { headers: { authorization: `Bearer ${app.adminToken}` } });
  t.ok(Buffer.from(await asset.arrayBuffer()).equals(png), 'byte-exact');

  for (const path of ['/redirect', '/nothing']) {
    const failed = await app.post('/files/import', { url: base + path });
    t.equal(failed.status, 503, `${path}: redirects are not followed, errors are not stored`);
  }
  t.equal(readdirSync(root).length, 1, 'only the imported file');
  t.equal((await app.post('/files/import', { url: 'http://169.254.169.254/latest' })).status, 503);
});
