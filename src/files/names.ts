// What the files front end names as Directus names it: the stamp of export and archive file
// names, and the 403 for a collection that doesn't exist or can't be read at all.
import { DirectusError } from '../errors.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `yyyyMMdd-Hmmss` in the server's local time, the hour unpadded (Directus: `20261206-51517` at 05:15:17). */
export const stamp = (now = new Date()): string =>
  `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${now.getHours()}${pad(now.getMinutes())}${pad(now.getSeconds())}`;

/** Directus's 403 for a collection that doesn't exist or that the caller may not read at all. */
export function noCollection(collection: string): DirectusError {
  const reason = `You don't have permission to access collection "${collection}" or it does not exist. Queried in root.`;
  return new DirectusError('FORBIDDEN', reason, { reason });
}
