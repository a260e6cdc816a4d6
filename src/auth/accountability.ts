// Who is asking, for one request: the resolved access plus where the request comes from.
import type { Access, Accountability } from '../types.js';

/** Where a request comes from, whatever the front end (an HTTP request, a WebSocket message). */
export interface Client {
  ip: string;
  userAgent: string | null;
  origin: string | null;
  /** the request's lifetime (see Accountability.signal) */
  signal?: AbortSignal;
}

export function withClient(access: Access, client: Client): Accountability {
  // spelled out rather than spread: one object shape for every request (a hot path)
  const accountability: Accountability = {
    user: access.user, role: access.role, roles: access.roles, policies: access.policies, admin: access.admin, app: access.app,
    ip: client.ip, userAgent: client.userAgent, origin: client.origin, signal: client.signal,
  };
  // a share token: its scope goes to PostgreSQL with the claims (src/auth/shares.ts)
  if (access.share) {
    accountability.share = access.share;
    accountability.share_collection = access.share_collection;
    accountability.share_item = access.share_item;
  }
  return accountability;
}

/**
 * The caller's access for work several callers share (a compilation, a GraphQL schema build,
 * cached and awaited by every concurrent caller of its key): without the request's abort
 * signal, so the caller that happened to ask first going away does not fail the others.
 */
export function detached(accountability: Accountability): Accountability {
  return accountability.signal === undefined ? accountability : { ...accountability, signal: undefined };
}

/** Nobody yet, from this client: the accountability of a sign-in and of the events around it (auth.login, auth.jwt, authenticate). */
export function nobody(client: Pick<Client, 'ip' | 'userAgent' | 'origin'>): Accountability {
  return { user: null, role: null, roles: [], policies: [], admin: false, app: false, ip: client.ip, userAgent: client.userAgent, origin: client.origin };
}
