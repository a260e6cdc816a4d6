// The frames of Directus's realtime protocol: parsing a client's frame (JSON object with a string
// `type`; no key may name prototype machinery) and building the server's answers and errors.
import { DirectusError } from '../errors.js';
import { isPlainObject } from '../request/body.js';
import { parseJsonSafely } from '../request/safe-keys.js';

export type Message = Record<string, unknown> & { type: string };
/** a client's `uid`: echoed back on every answer to its message */
export type Uid = string | number | undefined;

/** Errors of the protocol itself (Directus's codes beside the API's). */
export class SocketError extends Error {
  /** Directus answers some validation errors without the message's uid */
  echoUid = true;
  constructor(readonly type: string, readonly code: string, message: string, readonly uid?: Uid) {
    super(message);
  }
}

/** Not JSON, or JSON with a key naming prototype machinery (Strata refuses those; see safe-keys.ts). */
export const unparseable = () => new SocketError('server', 'INVALID_PAYLOAD', 'Unable to parse the incoming message.');

/** Directus's message for a member of the wrong type: `expected string, received undefined at "type"`. */
export function validationError(type: string, expected: string, value: unknown, at?: string): SocketError {
  const where = at === undefined ? '' : ` at "${at}"`;
  return new SocketError(type, 'INVALID_PAYLOAD', `Validation error: Invalid input: expected ${expected}, received ${kindOf(value)}${where}`);
}

/** Directus's message for a member outside its allowed values. */
export function enumError(type: string, allowed: readonly string[], at: string): SocketError {
  return new SocketError(type, 'INVALID_PAYLOAD', `Validation error: ${allowed.map((v) => `Invalid input: expected "${v}" at "${at}"`).join(' or ')}`);
}

const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** The frame as a message; a SocketError when it is not JSON, not an object or has no string type. */
export function parseMessage(text: string): Message {
  let value: unknown;
  try {
    value = parseJsonSafely(text);
  } catch {
    throw unparseable();
  }
  if (!isPlainObject(value)) throw validationError('server', 'object', value);
  if (typeof value.type !== 'string') throw validationError('server', 'string', value.type, 'type');
  return value as Message;
}

/** A client's uid, when it is one Directus accepts (a string or a number). */
export function uidOf(msg: Message): Uid {
  return typeof msg.uid === 'string' || typeof msg.uid === 'number' ? msg.uid : undefined;
}

/** An answer: `uid` is added (as given) when the client sent one. */
export function frame(body: Record<string, unknown>, uid?: Uid): string {
  return JSON.stringify(uid === undefined ? body : { ...body, uid });
}

/** `frame({type: 'subscription', event, data}, uid)` around data serialized once for many subscribers (same text). */
export function subscriptionFrame(event: string, dataJson: string, uid?: Uid): string {
  return `{"type":"subscription","event":${JSON.stringify(event)},"data":${dataJson}${uid === undefined ? '' : `,"uid":${JSON.stringify(uid)}`}}`;
}

/** Any failure as Directus's error frame: `{type, status: "error", error: {code, message}, uid?}`. */
export function errorFrame(type: string, err: unknown, uid?: Uid): string {
  if (err instanceof SocketError) return frame({ type: err.type, status: 'error', error: { code: err.code, message: err.message } }, err.echoUid ? err.uid ?? uid : undefined);
  if (err instanceof DirectusError) return frame({ type, status: 'error', error: { code: err.code, message: err.message } }, uid);
  return frame({ type, status: 'error', error: { code: 'INTERNAL_SERVER_ERROR', message: 'An unexpected error occurred.' } }, uid);
}
