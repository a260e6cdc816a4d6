// Connection settings from a postgres:// URL, as libpq and postgres.js read it: user, password,
// host (a directory = a Unix socket), port, database, and the TLS settings in the query string
// (sslmode, sslrootcert, sslcert, sslkey).

/**
 * libpq's sslmode (https://www.postgresql.org/docs/current/libpq-ssl.html):
 * - disable: plain; allow: plain, TLS when the server refuses plain; prefer: TLS when offered;
 * - require: TLS, the certificate not verified (unless sslrootcert is set: then as verify-ca);
 * - verify-ca: TLS, the chain verified; verify-full: the chain and the host name verified.
 */
export type SslMode = 'disable' | 'allow' | 'prefer' | 'require' | 'verify-ca' | 'verify-full';

export interface WireOptions {
  host: string;
  port: number;
  /** set when host is a directory: the Unix socket path (never encrypted, as in libpq) */
  socketPath?: string;
  user: string;
  password: string;
  database: string;
  ssl: SslMode;
  /**
   * The trusted roots: a PEM file, or 'system' (the platform's roots, as Node's defaults).
   * Unset: verify-ca and verify-full use the platform's roots (libpq would read
   * ~/.postgresql/root.crt and fail without it; Node and postgres.js use the system's).
   */
  sslrootcert?: string;
  /** client certificate and key (PEM files), sent when the server asks for one */
  sslcert?: string;
  sslkey?: string;
  /** startup parameters (application_name, plan_cache_mode, ...) */
  params: Record<string, string>;
  /** prepared statements kept per connection (default 1000; tests use a small bound) */
  maxPrepared?: number;
}

const MODES: readonly string[] = ['disable', 'allow', 'prefer', 'require', 'verify-ca', 'verify-full'];

export function parseUrl(url: string, params: Record<string, string> = {}): WireOptions {
  // libpq's socket form `postgres://user@/db?host=/dir` has an empty host, which WHATWG URL
  // rejects when credentials are present: parse it with the default host (the same result)
  const u = new URL(url.replace(/^(postgres(?:ql)?:\/\/[^/?#]*@)(?=[:/?#]|$)/, '$1localhost'));
  const q = u.searchParams;
  const host = q.get('host') ?? (decodeURIComponent(u.hostname).replace(/^\[|\]$/g, '') || 'localhost');
  const port = Number(q.get('port') ?? u.port) || 5432;
  const user = decodeURIComponent(u.username) || q.get('user') || 'postgres';
  const sslrootcert = q.get('sslrootcert') || undefined;
  return {
    host,
    port,
    socketPath: host.startsWith('/') ? `${host}/.s.PGSQL.${port}` : undefined,
    user,
    password: decodeURIComponent(u.password) || q.get('password') || '',
    database: decodeURIComponent(u.pathname.slice(1)) || q.get('dbname') || user,
    ssl: sslMode(q.get('sslmode'), q.get('ssl'), sslrootcert),
    sslrootcert,
    sslcert: q.get('sslcert') || undefined,
    sslkey: q.get('sslkey') || undefined,
    params,
  };
}

function sslMode(mode: string | null, ssl: string | null, rootcert: string | undefined): SslMode {
  // libpq: sslrootcert=system makes verify-full the default, and anything weaker an error (the
  // system's roots vouch for anyone's certificate for some name: only the host name check binds it)
  if (rootcert === 'system') {
    if (mode !== null && mode !== 'verify-full') throw new Error(`sslmode=${mode} is not allowed with sslrootcert=system (use verify-full)`);
    return 'verify-full';
  }
  if (mode === null) return ssl === 'true' ? 'require' : 'disable';
  if (mode === 'no-verify') return 'require'; // postgres.js's alias
  if (!MODES.includes(mode)) throw new Error(`invalid sslmode "${mode}"`);
  return mode as SslMode;
}
