// Random strings as Directus's utils make them (GET /utils/random/string, GraphQL's
// utils_random_string): nanoid's URL-safe alphabet, 32 characters unless asked, at most 500.
import { randomBytes } from 'node:crypto';
import { invalidQuery } from '../errors.js';

/** nanoid's URL-safe alphabet, which Directus's random strings use: 64 symbols, so a byte modulo 64 is unbiased */
const ALPHABET = 'useandom-26T198340PX75pxJACKVERYMINDBUSHWOLF_GQZbfghjklqvwyzrict';
export const RANDOM_DEFAULT = 32;
export const RANDOM_MAX = 500;

export function randomString(length: number): string {
  let out = '';
  for (const b of randomBytes(length)) out += ALPHABET[b & 63];
  return out;
}

/** A random string of the requested length (undefined, null or '': the default), checked as Directus checks it. */
export function requestedRandomString(raw: unknown): string {
  const length = raw === undefined || raw === null || raw === '' ? RANDOM_DEFAULT : Number(raw);
  if (!Number.isInteger(length) || length < 1) throw invalidQuery('"length" must be a positive integer');
  if (length > RANDOM_MAX) throw invalidQuery('The requested string length is too long');
  return randomString(length);
}
