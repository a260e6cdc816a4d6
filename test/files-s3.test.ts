// The s3 storage driver against a real S3-compatible server (s3rver, from npm, started here):
// STORAGE_LOCATIONS=s3 with Directus's STORAGE_S3_* variables; a multipart upload (larger than
// one 5 MB part) stored and downloaded byte-exact, ranges, a cached transform stored beside it,
// DELETE removing every object, and a refused upload leaving none.
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import S3rver from 's3rver';
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import sharp from 'sharp';
import { startApp } from './helpers/app.js';

const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory: mkdtempSync(join(tmpdir(), 'strata-s3-')), configureBuckets: [{ name: 'media' }] });
const { port } = await server.run();
t.teardown(() => server.close());
const endpoint = `http://127.0.0.1:${port}`;

const app = await startApp(t, {
  STORAGE_LOCATIONS: 's3', STORAGE_S3_DRIVER: 's3', STORAGE_S3_KEY: 'S3RVER', STORAGE_S3_SECRET: 'S3RVER', STORAGE_S3_BUCKET: 'media',
  STORAGE_S3_REGION: 'us-east-1', STORAGE_S3_ENDPOINT: endpoint, STORAGE_S3_FORCE_PATH_STYLE: 'true', STORAGE_S3_ROOT: 'uploads',
  FILES_MIME_TYPE_ALLOW_LIST: 'image/*,application/octet-stream',
});
const s3 = new S3Client({ region: 'us-east-1', endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } });
const objects = async () => ((await s3.send(new ListObjectsV2Command({ Bucket: 'media' }))).Contents ?? []).map((o) => o.Key!).sort();

async function upload(bytes: Buffer, filename: string, type = 'application/octet-stream') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)], { type }), filename);
  const res = await fetch(`${app.url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${app.adminToken}` } });
  return { status: res.status, body: await res.json() };
}
const get = async (path: string, headers: Record<string, string> = {}) => {
  const res = await fetch(app.url + path, { headers: { authorization: `Bearer ${app.adminToken}`, ...headers } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
};

t.test('upload, download, range, transform, delete', async (t) => {
  const big = randomBytes(6 * 1024 * 1024 + 123);
  const up = await upload(big, 'big.bin');
  t.equal(up.status, 200, JSON.stringify(up.body));
  const file = up.body.data;
  t.match(file, { storage: 's3', filesize: String(big.length), type: 'application/octet-stream' });
  t.same(await objects(), [`uploads/${file.filename_disk}`], 'one object, under STORAGE_S3_ROOT');

  const whole = await get(`/assets/${file.id}`);
  t.equal(whole.status, 200);
  t.equal(whole.headers.get('content-length'), String(big.length));
  t.ok(whole.bytes.equals(big), 'byte-exact');
  const part = await get(`/assets/${file.id}`, { range: 'bytes=5242870-5242889' });
  t.equal(part.status, 206);
  t.equal(part.headers.get('content-range'), `bytes 5242870-5242889/${big.length}`);
  t.ok(part.bytes.equals(big.subarray(5242870, 5242890)), 'the range, across the part boundary');

  const png = await sharp({ create: { width: 20, height: 10, channels: 3, background: '#00f' } }).png().toBuffer();
  const image = (await upload(png, 'blue.png', 'image/png')).body.data;
  t.match(image, { storage: 's3', width: 20, height: 10, type: 'image/png' });
  const small = await get(`/assets/${image.id}?width=10`);
  t.equal(small.status, 200);
  t.same([(await sharp(small.bytes).metadata()).width], [10]);
  t.equal((await objects()).filter((k) => k.startsWith(`uploads/${image.id}__`)).length, 1, 'the transform is cached in the bucket');
  t.equal((await get(`/assets/${image.id}?width=10`)).status, 200, 'and served again');

  t.equal((await app.del('/files', [file.id, image.id])).status, 204);
  t.same(await objects(), [], 'every object is gone');
});

t.test('a refused upload leaves no object', async (t) => {
  const res = await upload(Buffer.from('%PDF-1.4 not allowed'), 'a.pdf', 'application/pdf');
  t.equal(res.status, 415);
  t.same(await objects(), []);
  t.equal((await app.sql('select count(*)::int as n from directus_files'))[0].n, 0);
});
