// Directus names an uploaded file after its file name: the extension dropped, separators
// (- _ .) and camelCase turned into spaces, every word capitalized ("my-holiday_photo.jpg" ->
// "My Holiday Photo").
import { extname } from 'node:path';

export function titleFromFilename(filename: string): string {
  const base = filename.slice(0, filename.length - extname(filename).length) || filename;
  return base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/** The extension filename_disk keeps: a plain one from the client's name, or none. */
export function diskExtension(filename: string): string {
  const ext = extname(filename).toLowerCase();
  return /^\.[a-z0-9]{1,16}$/.test(ext) ? ext : '';
}
