// Directus's events that are not item writes, raised where they happen (a sign-in:
// src/auth/login-events.ts; an upload whose bytes are stored: src/files/upload.ts; a token signed,
// a request authenticated or answered, a mail sent, items sorted, a version promoted) and heard by
// whatever plugged in (flows: src/flows/events.ts). Events raised on every request (authenticate,
// response) ask `hears` first, synchronously: nothing is built or awaited when nothing listens.
// Item writes need none of this: the audit triggers queue them in the writing transaction. The
// hooks are kept per database handle, so that each app in one process (the tests start several)
// has its own.
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';

export interface EventHooks {
  /** whether anything listens to `event` (action or filter): the caller may skip preparing it */
  listens(event: string): Promise<boolean>;
  /** `listens` without waiting: false only when surely nothing listens (listeners not loaded yet: true) */
  hears(event: string): boolean;
  /** blocking: answers the payload to go on with (changed or not), or throws to refuse */
  filter(event: string, payload: unknown, meta: Record<string, unknown>, accountability: Accountability | null): Promise<unknown>;
  /** after the fact: resolves once the listeners' deliveries are queued (it never throws) */
  action(event: string, meta: Record<string, unknown>, accountability: Accountability | null): Promise<void>;
}

const registered = new WeakMap<Db, EventHooks>();

export function setEventHooks(db: Db, hooks: EventHooks | undefined): void {
  if (hooks) registered.set(db, hooks);
  else registered.delete(db);
}

export const listens = async (db: Db, event: string): Promise<boolean> => (await registered.get(db)?.listens(event)) ?? false;

/** For the hot path: false when surely nothing listens to `event` (then skip it altogether). */
export const hears = (db: Db, event: string): boolean => registered.get(db)?.hears(event) ?? false;

export async function emitFilter<T>(db: Db, event: string, payload: T, meta: Record<string, unknown>, accountability: Accountability | null): Promise<T> {
  const hooks = registered.get(db);
  return hooks ? (await hooks.filter(event, payload, meta, accountability)) as T : payload;
}

/** Never throws: what it reports is done (a listener's failure is the listener's to record). */
export async function emitAction(db: Db, event: string, meta: Record<string, unknown>, accountability: Accountability | null): Promise<void> {
  await registered.get(db)?.action(event, meta, accountability).catch(() => undefined);
}
