// An image's embedded metadata as Directus records it: EXIF (exif-reader; sections named ifd0,
// ifd1, exif, gps, interop), IPTC (IIM datasets of the Photoshop block sharp hands over) and
// the ICC profile (icc), kept in `metadata` only where FILE_METADATA_ALLOW_LIST names them
// (Directus's default: camera make/model and exposure); the IPTC caption becomes `description`
// and its keywords `tags` (Directus 12.4, checked: the title stays the file name's).
import exifReader from 'exif-reader';
import { parse as parseIcc } from 'icc';
import type { Metadata } from 'sharp';

export interface EmbeddedFacts {
  metadata: Record<string, unknown> | null;
  description: string | null;
  tags: string[] | null;
}

/** EXIF sections under Directus's names */
const EXIF_SECTIONS: Record<string, string> = { Image: 'ifd0', Thumbnail: 'ifd1', Photo: 'exif', GPSInfo: 'gps', Iop: 'interop' };

/** IPTC-IIM application record (2) datasets, by number: the names recorded */
const IPTC: Record<number, string> = {
  5: 'object_name', 15: 'category', 20: 'supplemental_categories', 25: 'keywords', 40: 'special_instructions',
  55: 'date_created', 60: 'time_created', 80: 'byline', 85: 'byline_title', 90: 'city', 92: 'sub_location',
  95: 'province_or_state', 100: 'country_code', 101: 'country', 103: 'original_transmission_reference', 105: 'headline',
  110: 'credit', 115: 'source', 116: 'copyright_notice', 118: 'contact', 120: 'caption', 122: 'writer_editor',
};
/** datasets that may repeat: lists */
const REPEATABLE = new Set([20, 25, 118, 122]);

export function embeddedFacts(m: Metadata, allowList: string[]): EmbeddedFacts {
  const full: Record<string, unknown> = {};
  if (m.exif) Object.assign(full, safely(() => exifSections(m.exif!)) ?? {});
  const iptc = m.iptc ? safely(() => parseIptc(m.iptc!)) : undefined;
  if (iptc && Object.keys(iptc).length) full.iptc = iptc;
  if (m.icc) {
    const icc = safely(() => parseIcc(m.icc!));
    if (icc) full.icc = icc;
  }
  const metadata = allowed(full, allowList);
  const caption = iptc?.caption;
  const keywords = iptc?.keywords;
  return {
    metadata: Object.keys(metadata).length ? metadata : null,
    description: typeof caption === 'string' && caption !== '' ? caption : null,
    tags: Array.isArray(keywords) && keywords.length ? keywords as string[] : null,
  };
}

function safely<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch {
    return undefined; // metadata that can't be parsed is left out, the upload goes on
  }
}

function exifSections(buf: Buffer): Record<string, unknown> {
  const raw = exifReader(buf) as unknown as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [section, name] of Object.entries(EXIF_SECTIONS)) {
    const tags = raw[section];
    if (!tags || typeof tags !== 'object') continue;
    const kept: Record<string, unknown> = {};
    // undecoded binary tags (versions, maker notes) carry nothing readable
    for (const [k, v] of Object.entries(tags)) if (!Buffer.isBuffer(v) && !(v instanceof Uint8Array)) kept[k] = v;
    out[name] = kept;
  }
  return out;
}

/** The IIM datasets of record 2 found in the block (0x1C, record, dataset, 2-byte length, value). */
export function parseIptc(buf: Buffer): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (let i = 0; i + 5 <= buf.length;) {
    if (buf[i] !== 0x1c) { i++; continue; }
    const record = buf[i + 1];
    const dataset = buf[i + 2];
    const length = buf.readUInt16BE(i + 3);
    if (length & 0x8000) break; // extended lengths: not text datasets
    const value = buf.toString('utf8', i + 5, Math.min(i + 5 + length, buf.length)).replace(/\0+$/, '');
    i += 5 + length;
    const name = record === 2 ? IPTC[dataset] : undefined;
    if (!name) continue;
    if (REPEATABLE.has(dataset)) ((out[name] ??= []) as string[]).push(value);
    else out[name] = value;
  }
  return out;
}

/** The parts of `full` FILE_METADATA_ALLOW_LIST names: `*` (everything), `section` or `section.Tag`. */
function allowed(full: Record<string, unknown>, allowList: string[]): Record<string, unknown> {
  if (allowList.includes('*')) return JSON.parse(JSON.stringify(full)) as Record<string, unknown>;
  const out: Record<string, Record<string, unknown> | unknown> = {};
  for (const path of allowList) {
    const [section, tag] = path.split('.', 2);
    const value = full[section];
    if (value === undefined || !Object.hasOwn(full, section)) continue;
    if (tag === undefined) { out[section] = value; continue; }
    if (typeof value !== 'object' || value === null || !Object.hasOwn(value, tag)) continue;
    const target = (out[section] ??= {}) as Record<string, unknown>;
    target[tag] = (value as Record<string, unknown>)[tag];
  }
  return JSON.parse(JSON.stringify(out)) as Record<string, unknown>;
}
