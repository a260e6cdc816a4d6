// A sign-in with the local provider as Directus's `auth.login` event: filter flows see the
// payload first ({payload: {email, password}, event, status: 'pending', user, provider}) and may
// change it or refuse the sign-in (their error is the answer; no action event follows); then
// action flows hear of the outcome ({event, payload, status: 'success' | 'fail', user, provider,
// error}). The action is queued by the gateway right after the sign-in (or its refusal): it has
// no transaction of its own to join. Its queued payload has the password (and OTP) redacted, as
// Directus's run log shows them: secrets are not kept in the delivery queue.
import type { Db } from '../db/client.js';
import { DirectusError } from '../errors.js';
import * as authStore from '../engine/auth-store.js';
import { emitAction, emitFilter, listens } from '../engine/emitter.js';
import { nobody } from './accountability.js';

export interface LoginPayload {
  email: string;
  password: string;
  otp?: string;
}

const PROVIDER = 'default';
const REDACTED = '--redacted--';

/** Runs `verify` (the sign-in) inside the auth.login events when anything listens to them. */
export async function withLoginEvents<T extends { user: string }>(db: Db, given: LoginPayload, client: authStore.Client,
  verify: (payload: LoginPayload) => Promise<T>): Promise<T> {
  if (!(await listens(db, 'auth.login'))) return verify(given);
  const [ip, userAgent, origin] = client;
  // the sign-in's caller: nobody yet
  const accountability = nobody({ ip, userAgent, origin });
  const user = (await authStore.loginCandidate(db, given.email))?.id;
  const filtered = await emitFilter(db, 'auth.login', { ...given }, { event: 'auth.login', status: 'pending', user, provider: PROVIDER }, accountability);
  const payload: LoginPayload = filtered && typeof filtered === 'object' ? {
    email: typeof (filtered as LoginPayload).email === 'string' ? (filtered as LoginPayload).email : '',
    password: typeof (filtered as LoginPayload).password === 'string' ? (filtered as LoginPayload).password : '',
    ...(typeof (filtered as LoginPayload).otp === 'string' ? { otp: (filtered as LoginPayload).otp } : {}),
  } : given;
  const logged = { ...payload, password: REDACTED, ...(payload.otp !== undefined ? { otp: REDACTED } : {}) };
  try {
    const session = await verify(payload);
    await emitAction(db, 'auth.login', { payload: logged, status: 'success', user: session.user, provider: PROVIDER }, accountability);
    return session;
  } catch (err) {
    const error = err instanceof DirectusError ? { name: 'DirectusError', message: err.message } : { name: 'Error', message: (err as Error).message };
    await emitAction(db, 'auth.login', { payload: logged, status: 'fail', user, provider: PROVIDER, error }, accountability);
    throw err;
  }
}
