// Who is asking: Directus's accountability, resolved from the request's token.
/** What the database reports for a user (or for anonymous access). */
export interface Access {
  user: string | null;
  role: string | null;
  /** the role and its ancestors (Directus 11 nested roles) */
  roles: string[];
  /** policies in force for this request (public policy for anonymous requests) */
  policies: string[];
  admin: boolean;
  app: boolean;
}

/** Who is asking, for this request: their access plus where the request comes from. */
export interface Accountability extends Access {
  ip: string;
  userAgent: string | null;
  origin: string | null;
  /** the request's lifetime: aborted when its client goes away, which cancels its statement */
  signal?: AbortSignal;
}

export function withRequest(access: Access, ip: string, headers: Record<string, string>, signal?: AbortSignal): Accountability {
  // spelled out rather than spread: one object shape for every request (a hot path)
  return {
    user: access.user, role: access.role, roles: access.roles, policies: access.policies, admin: access.admin, app: access.app,
    ip, userAgent: headers['user-agent'] ?? null, origin: headers.origin ?? null, signal,
  };
}
