// Validation of the /auth/login payload, with Directus's messages (`"email" is required`, ...),
// checked in Directus's order: the body, email, password, mode, otp. Pure functions.
import { createRequire } from 'node:module';
import { domainToASCII } from 'node:url';
import { invalidPayload } from '../errors.js';
import { isPlainObject } from '../request/body.js';

/** IANA's top-level domains (the `tlds` package), as listed and in their punycode form. */
const TLDS: ReadonlySet<string> = new Set((createRequire(import.meta.url)('tlds') as string[])
  .flatMap((t) => [t.toLowerCase(), domainToASCII(t)]));

export type Mode = 'json' | 'cookie' | 'session';
export const MODES: readonly Mode[] = ['cookie', 'json', 'session'];

export interface LoginPayload {
  email: string;
  password: string;
  mode: Mode;
  otp: string | undefined;
}

/**
 * Directus's email check: a dot-atom local part (<= 64 characters) and a domain of at least two
 * labels whose last one is a top-level domain on IANA's list (".test", ".local", ".invalid" are
 * refused, as Directus 12.4 refuses them at login, invite and registration;
 * sql/fixtures/strata/util/email_tld.sql is the same list for user writes). `anyTld: true`
 * skips the list (share invites: Directus 12.4 checks none there; the syntax still keeps
 * header injection out of the mail).
 */
export function isEmail(s: string, opts: { anyTld?: boolean } = {}): boolean {
  const at = s.lastIndexOf('@');
  if (at < 1 || s.length > 254) return false;
  const local = s.slice(0, at);
  const domain = s.slice(at + 1);
  const atom = /^[^\s"(),.:;<>@[\\\]]+$/u;
  if (local.length > 64 || !local.split('.').every((part) => atom.test(part))) return false;
  const labels = domain.split('.');
  if (labels.length < 2 || !labels.every((l) => /^[\p{L}\p{N}](?:[\p{L}\p{N}-]{0,61}[\p{L}\p{N}])?$/u.test(l))) return false;
  const tld = labels[labels.length - 1].toLowerCase();
  return opts.anyTld === true || TLDS.has(tld) || TLDS.has(domainToASCII(tld));
}

export function requiredString(body: Record<string, unknown>, key: string): string {
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

/** Joi.string() on an optional key: undefined, or a non-empty string. */
export function optionalString(body: Record<string, unknown>, key: string): string | undefined {
  return body[key] === undefined ? undefined : requiredString(body, key);
}

/** Joi.string().uri() on an optional key. */
export function optionalUri(body: Record<string, unknown>, key: string): string | undefined {
  const v = optionalString(body, key);
  if (v !== undefined && !/^[a-z][a-z0-9+.-]*:\S*$/i.test(v)) throw invalidPayload(`"${key}" must be a valid uri`);
  return v;
}

/** Joi.object() refuses keys it doesn't know, after checking the ones it does. */
export function noOtherKeys(body: Record<string, unknown>, known: string[]): void {
  const extra = Object.keys(body).find((k) => !known.includes(k));
  if (extra !== undefined) throw invalidPayload(`"${extra}" is not allowed`);
}

export function objectBody(body: unknown): Record<string, unknown> {
  if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
  return body;
}

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** POST /users/invite: {email: email | email[], role: uuid, invite_url?: uri}. */
export function invitePayload(raw: unknown): { emails: string[]; role: string; inviteUrl: string | undefined } {
  const body = objectBody(raw);
  const email = body.email;
  if (email === undefined) throw invalidPayload('"email" is required');
  const emails = Array.isArray(email) ? email : [email];
  emails.forEach((e, i) => {
    const name = Array.isArray(email) ? `email[${i}]` : 'email';
    if (typeof e !== 'string') throw invalidPayload(`"${name}" must be a string`);
    if (e === '') throw invalidPayload(`"${name}" is not allowed to be empty`);
    if (!isEmail(e)) throw invalidPayload(`"${name}" must be a valid email`);
  });
  const role = requiredString(body, 'role');
  if (!UUID_V4.test(role)) throw invalidPayload('"role" must be a valid GUID');
  const inviteUrl = optionalUri(body, 'invite_url');
  noOtherKeys(body, ['email', 'role', 'invite_url']);
  return { emails: emails as string[], role, inviteUrl };
}

/** POST /users/register: {email, password, verification_url?, first_name?, last_name?}. */
export function registerPayload(raw: unknown) {
  const body = objectBody(raw);
  const email = requiredString(body, 'email');
  if (!isEmail(email)) throw invalidPayload('"email" must be a valid email');
  const password = requiredString(body, 'password');
  const verificationUrl = optionalUri(body, 'verification_url');
  const firstName = optionalString(body, 'first_name');
  const lastName = optionalString(body, 'last_name');
  noOtherKeys(body, ['email', 'password', 'verification_url', 'first_name', 'last_name']);
  return { email, password, verificationUrl, firstName, lastName };
}
