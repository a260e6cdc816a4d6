// Connection settings from a postgres:// URL, as libpq and postgres.js read it: user, password,
// host (a directory = a Unix socket), port, database, and sslmode in the query string.
export interface WireOptions {
  host: string;
  port: number;
  /** set when host is a directory: the Unix socket path */
  socketPath?: string;
  user: string;
  password: string;
  database: string;
  ssl: 'disable' | 'prefer' | 'require' | 'verify-full';
  /** startup parameters (application_name, plan_cache_mode, ...) */
  params: Record<string, string>;
  /** prepared statements kept per connection (default 1000; tests use a small bound) */
  maxPrepared?: number;
}

export function parseUrl(url: string, params: Record<string, string> = {}): WireOptions {
  // libpq's socket form `postgres://user@/db?host=/dir` has an empty host, which WHATWG URL
  // rejects when credentials are present: parse it with the default host (the same result)
  const u = new URL(url.replace(/^(postgres(?:ql)?:\/\/[^/?#]*@)(?=[:/?#]|$)/, '$1localhost'));
  const q = u.searchParams;
  const host = q.get('host') ?? (decodeURIComponent(u.hostname).replace(/^\[|\]$/g, '') || 'localhost');
  const port = Number(q.get('port') ?? u.port) || 5432;
  const user = decodeURIComponent(u.username) || q.get('user') || 'postgres';
  const mode = q.get('sslmode') ?? (q.get('ssl') === 'true' ? 'require' : 'disable');
  return {
    host,
    port,
    socketPath: host.startsWith('/') ? `${host}/.s.PGSQL.${port}` : undefined,
    user,
    password: decodeURIComponent(u.password) || q.get('password') || '',
    database: decodeURIComponent(u.pathname.slice(1)) || q.get('dbname') || user,
    ssl: mode === 'verify-full' || mode === 'verify-ca' ? 'verify-full' : mode === 'require' || mode === 'no-verify' ? 'require' : mode === 'prefer' ? 'prefer' : 'disable',
    params,
  };
}
