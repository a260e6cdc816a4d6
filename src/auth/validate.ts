// Validation of the /auth/login payload, with Directus's messages (`"email" is required`, ...),
// checked in Directus's order: the body, email, password, mode, otp. Pure functions.
import { invalidPayload } from '../errors.js';
import { isPlainObject } from '../request/body.js';

export type Mode = 'json' | 'cookie' | 'session';
export const MODES: readonly Mode[] = ['cookie', 'json', 'session'];

export interface LoginPayload {
  email: string;
  password: string;
  mode: Mode;
  otp: string | undefined;
}

/**
 * A syntactic email check: a dot-atom local part (<= 64 characters) and a domain of at least two
 * labels. Directus also refuses top-level domains missing from IANA's list (".local", ".test");
 * Strata does not, so users of internal domains can log in.
 */
export function isEmail(s: string): boolean {
  const at = s.lastIndexOf('@');
  if (at < 1 || s.length > 254) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  const atom = /^[^\s"(),.:;<>@[\\\]]+$/u;
  if (local.length > 64 || !local.split('.').every((part) => atom.test(part))) return false;
  const labels = domain.split('.');
  return labels.length >= 2 && labels.every((l) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(l));
}

function requiredString(body: Record<string, unknown>, key: string): string {
  const v = body[key];
  if (v === undefined) throw invalidPayload(`"${key}" is required`);
  if (typeof v !== 'string') throw invalidPayload(`"${key}" must be a string`);
  if (v === '') throw invalidPayload(`"${key}" is not allowed to be empty`);
  return v;
}

export function modeOf(v: unknown, fallback: Mode = 'json'): Mode {
  if (v === undefined) return fallback;
  if (!MODES.includes(v as Mode)) throw invalidPayload(`"mode" must be one of [${MODES.join(', ')}]`);
  return v as Mode;
}

export function loginPayload(body: unknown): LoginPayload {
  if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
  const email = requiredString(body, 'email');
  if (!isEmail(email)) throw invalidPayload('"email" must be a valid email');
  const password = requiredString(body, 'password');
  const mode = modeOf(body.mode);
  if (body.otp !== undefined && typeof body.otp !== 'string') throw invalidPayload('"otp" must be a string');
  return { email, password, mode, otp: body.otp as string | undefined };
}
