// URLs of the mailed links: the allow-list check for client-supplied URLs (reset_url,
// invite_url, verification_url) and the link built from one. Pure functions.

/** Directus's rule: allowed when listed exactly, or when its origin + path equals a listed one's. */
export function isUrlAllowed(url: string, allowList: string[]): boolean {
  if (allowList.includes(url)) return true;
  const key = (u: string) => {
    try {
      const parsed = new URL(u);
      return parsed.origin + parsed.pathname;
    } catch {
      return null;
    }
  };
  const wanted = key(url);
  return wanted !== null && allowList.some((a) => key(a) === wanted);
}

/** `base` (absolute or a path) with `token` set in its query string. */
export function withToken(base: string, token: string): string {
  const absolute = /^[a-z][a-z0-9+.-]*:/i.test(base);
  const u = new URL(base, 'http://strata.invalid');
  u.searchParams.set('token', token);
  return absolute ? u.toString() : u.pathname + u.search + u.hash;
}

/** PUBLIC_URL with path segments appended (PUBLIC_URL may be "/" or a full URL). */
export function publicPath(publicUrl: string, ...segments: string[]): string {
  return publicUrl.replace(/\/+$/, '') + '/' + segments.join('/');
}
