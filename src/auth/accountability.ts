// Who is asking, for one request: the resolved access plus where the request comes from.
import type { Access, Accountability } from '../types.js';

export function withRequest(access: Access, ip: string, headers: Record<string, string>, signal?: AbortSignal): Accountability {
  // spelled out rather than spread: one object shape for every request (a hot path)
  return {
    user: access.user, role: access.role, roles: access.roles, policies: access.policies, admin: access.admin, app: access.app,
    ip, userAgent: headers['user-agent'] ?? null, origin: headers.origin ?? null, signal,
  };
}
