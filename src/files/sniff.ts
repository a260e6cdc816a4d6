// A file's type from its first bytes, so `type` never repeats a client's claim unchecked. A small
// magic-number table rather than the `file-type` package: it covers what Directus treats
// specially (images sharp reads, SVG/HTML that must be sandboxed, PDF, archives, audio/video
// containers), runs on the head Strata already keeps, and adds no dependency. Unknown bytes fall
// back to the client's claim only when that claim is harmless (see typeOf).

const startsWith = (b: Buffer, sig: number[], at = 0) => b.length >= at + sig.length && sig.every((x, i) => b[at + i] === x);
const ascii = (b: Buffer, at: number, s: string) => b.length >= at + s.length && b.toString('latin1', at, at + s.length) === s;

/** The MIME type the bytes show, or undefined. */
export function sniff(head: Buffer): string | undefined {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (ascii(head, 0, 'GIF87a') || ascii(head, 0, 'GIF89a')) return 'image/gif';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WEBP')) return 'image/webp';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE')) return 'audio/wav';
  if (ascii(head, 0, 'RIFF') && ascii(head, 8, 'AVI ')) return 'video/x-msvideo';
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return 'image/tiff';
  if (ascii(head, 0, 'BM') && head.length > 14) return 'image/bmp';
  if (startsWith(head, [0x00, 0x00, 0x01, 0x00])) return 'image/x-icon';
  if (ascii(head, 4, 'ftyp')) {
    const brand = head.toString('latin1', 8, 12);
    if (brand === 'avif' || brand === 'avis') return 'image/avif';
    if (['heic', 'heix', 'mif1', 'msf1'].includes(brand)) return 'image/heic';
    if (brand.startsWith('qt')) return 'video/quicktime';
    if (brand.startsWith('M4A')) return 'audio/mp4';
    return 'video/mp4';
  }
  if (ascii(head, 0, '%PDF-')) return 'application/pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'application/zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'application/gzip';
  if (ascii(head, 0, 'OggS')) return 'audio/ogg';
  if (ascii(head, 0, 'ID3') || startsWith(head, [0xff, 0xfb])) return 'audio/mpeg';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  return sniffMarkup(head);
}

/** SVG, HTML and XML: text a browser would run script in. */
function sniffMarkup(head: Buffer): string | undefined {
  const text = head.toString('utf8', 0, Math.min(head.length, 4096)).replace(/^\uFEFF/, '').trimStart().toLowerCase();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(text)) return 'image/svg+xml';
  if (/^(<!--[\s\S]*?-->\s*)*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<script[\s>])/.test(text)) return 'text/html';
  // other XML (feeds, data): served with the sandboxing policy too (assets.ts)
  if (/^<\?xml[\s?]/.test(text)) return 'application/xml';
  return undefined;
}

/**
 * The type recorded for an upload: what the bytes show (XML bytes: the client's XML type if it
 * claimed one); otherwise the client's claim, unless
 * that claims something a sniffer would have recognized (an image, SVG, HTML, PDF: the bytes
 * say otherwise) — then application/octet-stream.
 */
export function typeOf(head: Buffer, claimed: string | undefined): string {
  const sniffed = sniff(head);
  const claim = (claimed ?? '').toLowerCase().split(';')[0].trim();
  // XML bytes keep the client's XML type (text/xml, an application/…+xml feed), as Directus records it
  if (sniffed === 'application/xml' && (claim === 'text/xml' || /^application\/[a-z0-9.-]+\+xml$/.test(claim)) && claim !== 'application/xhtml+xml') return claim;
  if (sniffed) return sniffed;
  if (!/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/.test(claim)) return 'application/octet-stream';
  if (claim.startsWith('image/') || claim.includes('html') || claim.includes('xml') || claim === 'application/pdf' || claim.includes('javascript')) {
    return 'application/octet-stream';
  }
  return claim;
}

/** FILES_MIME_TYPE_ALLOW_LIST: `*\/*`, `type/*` or exact types. */
export function mimeAllowed(allow: string[], type: string): boolean {
  const t = type.toLowerCase();
  return allow.some((a) => a === '*/*' || a === t || (a.endsWith('/*') && t.startsWith(a.slice(0, -1))));
}
