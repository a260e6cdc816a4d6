// Embedded image metadata as Directus 12.4 records it (127.0.0.1:18055, checked with the JPEG
// this file makes: EXIF via sharp's withExif, an sRGB ICC profile, an IPTC block with object
// name, headline, caption, keywords, byline, city), which answered for "meta2.jpg":
//   title "Meta2" (the file name's, not IPTC's), description "IPTC caption text", tags
//   ["alpha","beta"], metadata {"ifd0":{"Make":"Cam","Model":"X1"},"exif":{"FNumber":2.8,
//   "ExposureTime":0.01,"FocalLength":50,"ISOSpeedRatings":200}} (FILE_METADATA_ALLOW_LIST's
//   default; ImageDescription, the ICC profile and IPTC are not kept);
// and for a 1 s WAV: type audio/wav, duration null, metadata null (Directus fills no duration).
import t from 'tap';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { startApp, type TestApp } from './helpers/app.js';

/** IPTC-IIM datasets (record 2) in a Photoshop APP13 segment, as cameras and editors write them. */
function iptcSegment(records: [number, string][]): Buffer {
  const iim = Buffer.concat(records.map(([ds, text]) => {
    const v = Buffer.from(text, 'utf8');
    return Buffer.concat([Buffer.from([0x1c, 2, ds, v.length >> 8, v.length & 255]), v]);
  }));
  const resource = Buffer.concat([Buffer.from('8BIM'), Buffer.from([0x04, 0x04, 0, 0]), Buffer.alloc(4), iim, Buffer.alloc(iim.length % 2)]);
  resource.writeUInt32BE(iim.length, 8);
  const payload = Buffer.concat([Buffer.from('Photoshop 3.0\0'), resource]);
  const marker = Buffer.alloc(4);
  marker.writeUInt16BE(0xffed, 0);
  marker.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([marker, payload]);
}

const base = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#336699' } })
  .withExif({ IFD0: { ImageDescription: 'An exif description', Make: 'Cam', Model: 'X1' }, IFD2: { ExposureTime: '1/100', FNumber: '28/10', ISOSpeedRatings: '200', FocalLength: '50/1' } })
  .withIccProfile('srgb').jpeg().toBuffer();
const iptc = iptcSegment([[5, 'IPTC Title'], [105, 'IPTC Headline'], [120, 'IPTC caption text'], [25, 'alpha'], [25, 'beta'], [80, 'Byline Person'], [90, 'Paris']]);
const jpeg = Buffer.concat([base.subarray(0, 2), iptc, base.subarray(2)]);

async function upload(app: TestApp, bytes: Buffer, name: string, fields: Record<string, string> = {}) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }), name);
  const res = await fetch(`${app.url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${app.adminToken}` } });
  return (await res.json()).data;
}

t.test('defaults: what Directus keeps', async (t) => {
  const app = await startApp(t, { STORAGE_LOCAL_ROOT: mkdtempSync(join(tmpdir(), 'strata-meta-')) });
  const file = await upload(app, jpeg, 'meta2.jpg');
  t.equal(file.title, 'Meta2');
  t.equal(file.description, 'IPTC caption text');
  // stored as Directus stores it (text holding JSON; Strata's reads answer this cast-json text
  // column as the text itself, a read-side difference outside the files front end)
  const tagsOf = async (id: string) => (await app.sql('select tags from directus_files where id = $1', [id]))[0].tags;
  t.equal(await tagsOf(file.id), '["alpha","beta"]');
  t.same(file.metadata, { ifd0: { Make: 'Cam', Model: 'X1' }, exif: { FNumber: 2.8, ExposureTime: 0.01, FocalLength: 50, ISOSpeedRatings: 200 } });
  t.equal(JSON.stringify(file.metadata), '{"ifd0":{"Make":"Cam","Model":"X1"},"exif":{"FNumber":2.8,"ExposureTime":0.01,"FocalLength":50,"ISOSpeedRatings":200}}', 'Directus\'s key order');
  const given = await upload(app, jpeg, 'given.jpg', { description: 'mine', tags: '["x"]' });
  t.equal(given.description, 'mine', 'the client\'s description wins');
  t.equal(await tagsOf(given.id), '["x"]');
  const plain = await upload(app, await sharp({ create: { width: 4, height: 4, channels: 3, background: '#000' } }).jpeg().toBuffer(), 'plain.jpg');
  t.same([plain.metadata, plain.description, await tagsOf(plain.id)], [null, null, null]);
  // audio: Directus fills no duration
  const wav = Buffer.alloc(44 + 16000);
  wav.write('RIFF', 0); wav.writeUInt32LE(36 + 16000, 4); wav.write('WAVE', 8); wav.write('fmt ', 12); wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); wav.writeUInt16LE(1, 22); wav.writeUInt32LE(8000, 24); wav.writeUInt32LE(16000, 28); wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34); wav.write('data', 36); wav.writeUInt32LE(16000, 40);
  const audio = await upload(app, wav, 'a.wav');
  t.same([audio.type, audio.duration, audio.metadata], ['audio/wav', null, null]);
});

t.test('FILE_METADATA_ALLOW_LIST=*: EXIF sections, IPTC and ICC', async (t) => {
  const app = await startApp(t, { STORAGE_LOCAL_ROOT: mkdtempSync(join(tmpdir(), 'strata-meta-')), FILE_METADATA_ALLOW_LIST: '*' });
  const file = await upload(app, jpeg, 'meta2.jpg');
  t.match(file.metadata, {
    ifd0: { ImageDescription: 'An exif description', Make: 'Cam', Model: 'X1' },
    exif: { FNumber: 2.8, FocalLength: 50 },
    iptc: { object_name: 'IPTC Title', headline: 'IPTC Headline', caption: 'IPTC caption text', keywords: ['alpha', 'beta'], byline: 'Byline Person', city: 'Paris' },
    icc: { description: 'sRGB', colorSpace: 'RGB', deviceClass: 'Monitor' },
  });
  t.notOk('ExifVersion' in file.metadata.exif, 'undecoded binary tags left out');
  const some = await startApp(t, { STORAGE_LOCAL_ROOT: mkdtempSync(join(tmpdir(), 'strata-meta-')), FILE_METADATA_ALLOW_LIST: 'icc,exif.FNumber' });
  const picked = await upload(some, jpeg, 'meta2.jpg');
  t.same(Object.keys(picked.metadata), ['icc', 'exif']);
  t.same(picked.metadata.exif, { FNumber: 2.8 });
});
