// Titles from file names (the core's, shared with GraphQL's writes) and disk extensions.
import { extname } from 'node:path';

export { titleFromFilename } from '../engine/file-records.js';

/** The extension filename_disk keeps: a plain one from the client's name, or none. */
export function diskExtension(filename: string): string {
  const ext = extname(filename).toLowerCase();
  return /^\.[a-z0-9]{1,16}$/.test(ext) ? ext : '';
}
