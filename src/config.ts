// The one place that reads process.env (DESIGN convention 5). Every setting uses Directus's
// variable name where Directus has one, and is validated at start: every bad value is reported
// at once, each with the variable's name, what it must be, and what it was.
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { parseDuration, parseBytes } from './util/units.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
export type SameSite = 'lax' | 'strict' | 'none';

export interface CorsConfig {
  enabled: boolean;
  /**
   * true = reflect the request's origin; false = no CORS headers; a string = that fixed value
   * (e.g. "*"); a list = reflect the request's origin when it is in the list.
   */
  origin: boolean | string | string[];
  methods: string;
  allowedHeaders: string;
  exposedHeaders: string;
  credentials: boolean;
  maxAge: number;
}

export interface CookieConfig {
  name: string;
  domain: string | undefined;
  secure: boolean;
  sameSite: SameSite;
}

export interface SmtpConfig {
  host: string;
  port: number;
  user: string | undefined;
  password: string | undefined;
  /** implicit TLS from the first byte (port 465); otherwise STARTTLS when the server offers it */
  secure: boolean;
  /** never upgrade with STARTTLS */
  ignoreTls: boolean;
  /** the name sent in EHLO */
  name: string;
}

export interface EmailConfig {
  from: string;
  /** 'log': mails (and their links) are written to the log instead of being sent */
  transport: 'smtp' | 'log';
  /** the EMAIL_TRANSPORT value when it names a transport Strata doesn't have (mail is logged) */
  unsupportedTransport: string | undefined;
  smtp: SmtpConfig | undefined;
  /** EMAIL_TEMPLATES_PATH: the directory of custom liquid mail templates (before Strata's built-in ones) */
  templatesPath: string;
}

/** A fixed-window limiter: `points` requests per `durationMs` (0 = the window never ends). */
export interface RateLimitConfig {
  enabled: boolean;
  points: number;
  durationMs: number;
}

export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  /** SERVE_APP: serve the Data Studio (the `@directus/app` package, when installed beside Strata) at /admin */
  serveApp: boolean;
  /** ROOT_REDIRECT: where `/` redirects (false: nowhere); the default, ./admin, only while the app is served */
  rootRedirect: string | false;
  secret: string;
  secretGenerated: boolean;
  adminEmail: string;
  adminPassword: string | undefined;
  adminToken: string | undefined;
  accessTokenTtlMs: number;
  refreshTokenTtlMs: number;
  sessionCookieTtlMs: number;
  /** session-mode refreshes of one token within this window get the same new token */
  sessionRefreshGraceMs: number;
  /** failed and successful logins are padded to this many ms (timing-attack protection) */
  loginStallTimeMs: number;
  refreshCookie: CookieConfig;
  sessionCookie: CookieConfig;
  /** how long a user's resolved policies are reused before asking the database again */
  authCacheTtlMs: number;
  logLevel: LogLevel;
  maxPayloadSize: number;
  queryLimitDefault: number;
  /** Infinity when QUERY_LIMIT_MAX is unset or -1 */
  queryLimitMax: number;
  maxBatchMutation: number;
  /** STRATA_COMPILED_WRITES: an admin's one-item creates and updates as one compiled statement (default true) */
  compiledWrites: boolean;
  maxRelationalDepth: number;
  /** most output fields a read may expand to (wildcards, every relation level; Strata only) */
  maxQueryFields: number;
  /** most nodes (keys and _and/_or members) in a query's filters, deep filters included (Strata only) */
  maxFilterNodes: number;
  /** most bytes of SQL one read may compile to (Strata only) */
  maxSqlSize: number;
  cors: CorsConfig;
  /** GraphQL: introspection allowed (GRAPHQL_INTROSPECTION), most tokens in one document (GRAPHQL_QUERY_TOKEN_LIMIT) */
  graphql: { introspection: boolean; tokenLimit: number };
  /** Prometheus metrics at GET /metrics (METRICS_ENABLED), readable by admins and with `Authorization: Metrics <one of METRICS_TOKENS>` */
  metrics: { enabled: boolean; tokens: string[] };
  healthcheckEnabled: boolean;
  /** ms above which the database check of /server/health reports "warn" */
  dbHealthcheckThresholdMs: number;
  /** undefined = start the embedded PostgreSQL */
  databaseUrl: string | undefined;
  dbEmbeddedDir: string;
  dbEmbeddedPort: number;
  dbPoolMax: number;
  /** bounded compiled-SQL cache (entries) */
  compileCacheSize: number;
  /** STRATA_DEV_MIGRATIONS: also apply sql/current.sql at start (development); production applies committed migrations only */
  devMigrations: boolean;
  /**
   * plan_cache_mode of request connections. Compiled statements take every value from one
   * parameter, so their generic plans are good and skip re-planning (auto would re-plan each
   * request because LIMIT is a parameter).
   */
  planCacheMode: 'force_generic_plan' | 'auto' | 'force_custom_plan';
  /** statement_timeout of request statements, ms (0: none) */
  statementTimeoutMs: number;
  /** STRATA_EVENTS_RETENTION: change events (strata.events) older than this are pruned, ms (0: never) */
  eventsRetentionMs: number;
  /** STRATA_EVENTS_BATCH_WINDOW: the least time between two reads of strata.events, ms (0: none) */
  eventsBatchWindowMs: number;
  /**
   * IP_TRUST_PROXY: which X-Forwarded-For hops to believe for the client's IP. false: none
   * (the socket's peer is the client); true: all (the leftmost address); a number: that many
   * proxies in front of Strata; a list: proxies by address or CIDR.
   */
  ipTrustProxy: boolean | number | string[];
  /** IP_CUSTOM_HEADER: a header that holds the client's IP, set by a trusted proxy (false: none) */
  ipCustomHeader: string | false;
  projectName: string;
  email: EmailConfig;
  /** allowed `reset_url` / `invite_url` / `verification_url` values (exact, or origin + path) */
  passwordResetUrlAllowList: string[];
  userInviteUrlAllowList: string[];
  userRegisterUrlAllowList: string[];
  userInviteTokenTtlMs: number;
  emailVerificationTokenTtlMs: number;
  /** public registration is padded to this many ms (no enumeration of existing emails by timing) */
  registerStallTimeMs: number;
  /** RATE_LIMITER_*: per client IP */
  rateLimiter: RateLimitConfig;
  /** RATE_LIMITER_GLOBAL_*: all clients together */
  rateLimiterGlobal: RateLimitConfig;
  /** RATE_LIMITER_REGISTRATION_*: POST /users/register per client IP */
  rateLimiterRegistration: RateLimitConfig;
  /** STORAGE_*, FILES_*, ASSETS_*: where file bytes live and how uploads and assets are served */
  files: FilesConfig;
  websockets: WebSocketConfig;
  flows: FlowsConfig;
}

/** FLOWS_*: how flows and webhooks run and are delivered */
export interface FlowsConfig {
  /** FLOWS_ENV_ALLOW_LIST: the environment variables a flow sees as $env, with their values */
  env: Record<string, string>;
  /** FLOWS_RUN_SCRIPT_TIMEOUT (ms) and FLOWS_RUN_SCRIPT_MAX_MEMORY (MB, as in Directus) of the script operation */
  scriptTimeoutMs: number;
  scriptMaxMemoryBytes: number;
  /** FLOWS_IP_DENY_LIST (default: IMPORT_IP_DENY_LIST): where request operations and webhooks may not connect */
  ipDenyList: string[];
  /** FLOWS_REQUEST_TIMEOUT (ms) and FLOWS_REQUEST_MAX_RESPONSE_SIZE (bytes) of outgoing requests */
  requestTimeoutMs: number;
  requestMaxResponseSize: number;
  /** FLOWS_DELIVERY_ATTEMPTS: tries of an action flow or webhook before it is recorded failed */
  deliveryAttempts: number;
  /** FLOWS_DELIVERY_LEASE (ms): how long a claimed delivery is a gateway's before another may take it */
  deliveryLeaseMs: number;
  /** FLOWS_DELIVERY_BACKOFF (ms): the first retry's delay, doubled for each later one (at most an hour) */
  deliveryBackoffMs: number;
  /** FLOWS_DELIVERY_CONCURRENCY: deliveries one gateway runs at once */
  deliveryConcurrency: number;
  /** FLOWS_DELIVERY_RETENTION (ms): finished deliveries older than this are pruned (0: never) */
  deliveryRetentionMs: number;
  /**
   * FLOWS_DELIVERY_LOG: which item event deliveries get a strata.deliveries row: 'failures' (a
   * first attempt that failed, with its retries) or 'all' (every delivered item too)
   */
  deliveryLog: 'failures' | 'all';
}

/** One storage location (STORAGE_<LOCATION>_DRIVER / _ROOT and, for s3, Directus's _KEY, _SECRET, ...). */
export type StorageLocationConfig = { driver: 'local'; root: string } | S3LocationConfig;

/** STORAGE_<LOCATION>_KEY/SECRET/BUCKET/REGION/ENDPOINT/FORCE_PATH_STYLE/ROOT (driver s3) */
export interface S3LocationConfig {
  driver: 's3';
  /** key prefix inside the bucket ('' or ending in /) */
  root: string;
  key?: string;
  secret?: string;
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
}

export interface FilesConfig {
  /** STORAGE_LOCATIONS: the first one receives uploads */
  locations: string[];
  storage: Record<string, StorageLocationConfig>;
  /** FILES_MAX_UPLOAD_SIZE per file, bytes (Infinity: none) */
  maxUploadSize: number;
  /** FILES_MIME_TYPE_ALLOW_LIST: `type/subtype`, `type/*` or `*\/*` */
  mimeTypeAllowList: string[];
  /** ASSETS_CACHE_TTL, ms (max-age of Cache-Control) */
  assetsCacheTtlMs: number;
  assetsTransformMaxDimension: number;
  assetsTransformMaxOperations: number;
  assetsTransformMaxConcurrent: number;
  /** ASSETS_CONTENT_SECURITY_POLICY for SVG and HTML assets */
  assetsContentSecurityPolicy: string;
  /** IMPORT_IP_DENY_LIST: addresses and CIDR ranges POST /files/import may not fetch from */
  importIpDenyList: string[];
  /** FILE_METADATA_ALLOW_LIST: the embedded metadata kept in directus_files.metadata (`section.Tag`, `section` or `*`) */
  metadataAllowList: string[];
  /** IMPORT_MAX_FILE_SIZE: largest file POST /utils/import takes, bytes */
  importMaxSize: number;
  /** STRATA_ASSETS_MEMORY_CACHE: bytes of small transformed copies kept in memory (0: none) */
  assetsMemoryCache: number;
  /** STRATA_TEST_HOLD_TRANSFORMS: tests only: a cold transform waits until the next one is answered */
  testHoldTransforms: boolean;
}

/** WEBSOCKETS_*: the realtime WebSocket (Directus's protocol at `rest.path`). */
export interface WebSocketConfig {
  /** WEBSOCKETS_ENABLED && WEBSOCKETS_REST_ENABLED */
  rest: {
    enabled: boolean;
    path: string;
    /** handshake: the first message must authenticate; public: anonymous allowed; strict: the token comes with the upgrade */
    auth: 'handshake' | 'public' | 'strict';
    authTimeoutMs: number;
    /** open connections at most (Infinity: no limit) */
    connLimit: number;
  };
  /** WEBSOCKETS_ENABLED && WEBSOCKETS_GRAPHQL_ENABLED: GraphQL subscriptions (graphql-transport-ws) at `graphql.path` */
  graphql: {
    enabled: boolean;
    path: string;
    /** handshake: connection_init carries {access_token}; public: anonymous allowed; strict: the token comes with the upgrade */
    auth: 'handshake' | 'public' | 'strict';
    /** how long a connection may wait before its connection_init */
    authTimeoutMs: number;
  };
  /** ms between the server's pings; 0: no heartbeat */
  heartbeatMs: number;
}

/** /server/info's `websocket`, as Directus reports its settings (false when off). */
export function websocketInfo(ws: WebSocketConfig): Record<string, unknown> | false {
  if (!ws.rest.enabled) return false;
  return {
    rest: { authentication: ws.rest.auth, path: ws.rest.path },
    graphql: ws.graphql.enabled ? { authentication: ws.graphql.auth, path: ws.graphql.path } : false,
    heartbeat: ws.heartbeatMs > 0 ? ws.heartbeatMs / 1000 : false,
    collaborativeEditing: false,
    logs: false,
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `${problems.length} problems:\n  - ${problems.join('\n  - ')}`);
  }
}

type Env = Record<string, string | undefined>;

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const SAME_SITE: SameSite[] = ['lax', 'strict', 'none'];

/** Reads variables from one env, collecting every problem instead of stopping at the first. */
class Reader {
  problems: string[] = [];
  constructor(private env: Env) {}

  raw(name: string): string | undefined {
    const v = this.env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  }

  private fail<T>(msg: string, fallback: T): T {
    this.problems.push(msg);
    return fallback;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, min = -Infinity, max = Infinity): number {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(n) || n < min || n > max) {
      const range = min > -Infinity && max < Infinity ? ` from ${min} to ${max}` : min > -Infinity ? ` >= ${min}` : '';
      return this.fail(`${name} must be an integer${range}, got "${raw}"`, fallback);
    }
    return n;
  }

  bool(name: string, fallback: boolean): boolean {
    const raw = this.raw(name);
    if (raw === undefined) return fallback;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    return this.fail(`${name} must be true or false, got "${raw}"`, fallback);
  }

  duration(name: string, fallback: string, allowZero = false): number {
    const raw = this.raw(name) ?? fallback;
    const ms = parseDuration(raw);
    if (ms === undefined || ms < 0 || (ms === 0 && !allowZero)) {
      return this.fail(`${name} must be a duration such as 15m, 7d, 30s or 900000 (milliseconds), got "${raw}"`, parseDuration(fallback)!);
    }
    return ms;
  }

  bytes(name: string, fallback: string, allowZero = false): number {
    const raw = this.raw(name) ?? fallback;
    const n = parseBytes(raw);
    if (n === undefined || n < 0 || (n === 0 && !allowZero)) return this.fail(`${name} must be a size such as 1mb, 500kb or 1048576 (bytes), got "${raw}"`, parseBytes(fallback)!);
    return n;
  }

  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T): T {
    const raw = this.raw(name)?.toLowerCase();
    if (raw === undefined) return fallback;
    if (!(allowed as readonly string[]).includes(raw)) return this.fail(`${name} must be one of ${allowed.join(', ')}; got "${this.raw(name)}"`, fallback);
    return raw as T;
  }
}

function list(raw: string): string[] {
  return raw.split(',').map((s) => s.trim()).filter(Boolean);
}

/** Directus's DB_* variables, or DB_CONNECTION_STRING / DATABASE_URL, to one URL. */
function databaseUrl(r: Reader): string | undefined {
  const client = r.raw('DB_CLIENT');
  if (client && !['pg', 'postgres', 'postgresql'].includes(client)) {
    r.problems.push(`DB_CLIENT "${client}" is not supported: Strata runs on PostgreSQL (pg)`);
  }
  const direct = r.raw('DB_CONNECTION_STRING') ?? r.raw('DATABASE_URL');
  if (direct) {
    const name = r.raw('DB_CONNECTION_STRING') ? 'DB_CONNECTION_STRING' : 'DATABASE_URL';
    let ok = false;
    try {
      ok = ['postgres:', 'postgresql:'].includes(new URL(direct).protocol);
    } catch {
      ok = false;
    }
    if (!ok) r.problems.push(`${name} must be a PostgreSQL URL such as postgres://user:password@host:5432/database`);
    return direct;
  }
  if (!r.raw('DB_HOST') && !r.raw('DB_DATABASE')) return undefined;
  const url = new URL('postgres://localhost');
  url.hostname = r.string('DB_HOST', 'localhost');
  url.port = String(r.int('DB_PORT', 5432, 1, 65535));
  url.pathname = '/' + encodeURIComponent(r.string('DB_DATABASE', 'directus'));
  const user = r.raw('DB_USER');
  const password = r.raw('DB_PASSWORD');
  if (user) url.username = encodeURIComponent(user);
  if (password) url.password = encodeURIComponent(password);
  return url.toString();
}

function corsOrigin(r: Reader): boolean | string | string[] {
  const raw = r.raw('CORS_ORIGIN');
  if (raw === undefined || raw === 'false') return false;
  if (raw === 'true') return true;
  const origins = list(raw);
  // Directus reads a comma-separated value as a list and a single value as a fixed origin.
  return origins.length === 1 && !raw.includes(',') ? origins[0] : origins;
}

function cookie(r: Reader, prefix: 'REFRESH_TOKEN_COOKIE' | 'SESSION_COOKIE', name: string): CookieConfig {
  const c: CookieConfig = {
    name: r.string(`${prefix}_NAME`, name),
    domain: r.raw(`${prefix}_DOMAIN`),
    secure: r.bool(`${prefix}_SECURE`, false),
    sameSite: r.oneOf(`${prefix}_SAME_SITE`, SAME_SITE, 'lax'),
  };
  if (!/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(c.name)) r.problems.push(`${prefix}_NAME must be a valid cookie name, got "${c.name}"`);
  if (c.sameSite === 'none' && !c.secure) r.problems.push(`${prefix}_SAME_SITE=none requires ${prefix}_SECURE=true (browsers refuse such cookies otherwise)`);
  return c;
}

const EMAIL_TRANSPORTS = ['sendmail', 'smtp', 'mailgun', 'sendgrid', 'ses', 'mailtrap'];

function email(r: Reader): EmailConfig {
  const from = r.string('EMAIL_FROM', 'no-reply@example.com');
  const raw = r.raw('EMAIL_TRANSPORT')?.toLowerCase();
  if (raw !== undefined && !EMAIL_TRANSPORTS.includes(raw)) r.problems.push(`EMAIL_TRANSPORT must be one of ${EMAIL_TRANSPORTS.join(', ')}; got "${r.raw('EMAIL_TRANSPORT')}"`);
  const templatesPath = r.string('EMAIL_TEMPLATES_PATH', './templates');
  if (raw !== 'smtp') return { from, transport: 'log', unsupportedTransport: raw, smtp: undefined, templatesPath };
  const secure = r.bool('EMAIL_SMTP_SECURE', false);
  const host = r.raw('EMAIL_SMTP_HOST');
  if (!host) r.problems.push('EMAIL_SMTP_HOST is required when EMAIL_TRANSPORT=smtp');
  return {
    from,
    transport: 'smtp',
    unsupportedTransport: undefined,
    templatesPath,
    smtp: {
      host: host ?? '',
      port: r.int('EMAIL_SMTP_PORT', secure ? 465 : 587, 1, 65535),
      user: r.raw('EMAIL_SMTP_USER'),
      password: r.raw('EMAIL_SMTP_PASSWORD'),
      secure,
      ignoreTls: r.bool('EMAIL_SMTP_IGNORE_TLS', false),
      name: r.string('EMAIL_SMTP_NAME', 'localhost'),
    },
  };
}

/** Directus's RATE_LIMITER* variables; DURATION is in seconds, as in Directus. */
function rateLimit(r: Reader, prefix: string, enabled: boolean, points: number, seconds: number): RateLimitConfig {
  return {
    enabled: r.bool(`${prefix}_ENABLED`, enabled),
    points: r.int(`${prefix}_POINTS`, points, 1),
    durationMs: r.int(`${prefix}_DURATION`, seconds, 0) * 1000,
  };
}

function rateLimiters(r: Reader): Pick<Config, 'rateLimiter' | 'rateLimiterGlobal' | 'rateLimiterRegistration'> {
  const store = r.raw('RATE_LIMITER_STORE');
  if (store !== undefined && store !== 'memory') r.problems.push(`RATE_LIMITER_STORE must be memory (Strata keeps counters in each gateway's memory), got "${store}"`);
  const ip = rateLimit(r, 'RATE_LIMITER', false, 50, 1);
  const global = rateLimit(r, 'RATE_LIMITER_GLOBAL', false, 1000, 1);
  if (global.enabled) {
    if (!ip.enabled) r.problems.push('RATE_LIMITER_GLOBAL_ENABLED=true requires RATE_LIMITER_ENABLED=true');
    const perSecond = (c: RateLimitConfig) => c.points / Math.max(c.durationMs / 1000, 1);
    if (perSecond(global) <= perSecond(ip)) r.problems.push('RATE_LIMITER_GLOBAL_POINTS/DURATION must allow more requests per second than RATE_LIMITER_POINTS/DURATION');
  }
  return { rateLimiter: ip, rateLimiterGlobal: global, rateLimiterRegistration: rateLimit(r, 'RATE_LIMITER_REGISTRATION', true, 5, 60) };
}

/** this host, private networks, link-local (cloud metadata), CGNAT, IPv6 local ranges */
const DEFAULT_IP_DENY_LIST = '0.0.0.0/8,127.0.0.0/8,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16,169.254.0.0/16,'
  + '100.64.0.0/10,::/128,::1/128,fc00::/7,fe80::/10';

/**
 * Directus's STORAGE_LOCATIONS / STORAGE_<LOCATION>_DRIVER|ROOT and FILES_* / ASSETS_*. The
 * local root defaults to `uploads` beside the embedded database's directory (`.strata/uploads`),
 * so one data directory holds both.
 */
function files(r: Reader, dbEmbeddedDir: string): FilesConfig {
  const locations = list(r.string('STORAGE_LOCATIONS', 'local')).map((l) => l.toLowerCase());
  const storage: Record<string, StorageLocationConfig> = Object.create(null);
  const defaultRoot = join(dirname(dbEmbeddedDir), 'uploads');
  for (const loc of locations) {
    const key = `STORAGE_${loc.toUpperCase()}`;
    if (!/^[a-z0-9_]+$/.test(loc)) r.problems.push(`STORAGE_LOCATIONS must be names of letters, digits and _, got "${loc}"`);
    const driver = r.string(`${key}_DRIVER`, loc === 's3' ? 's3' : 'local');
    if (driver === 's3') {
      const bucket = r.string(`${key}_BUCKET`, '');
      if (bucket === '') r.problems.push(`${key}_BUCKET is required for the s3 driver`);
      const root = r.string(`${key}_ROOT`, '').replace(/^\/+/, '');
      storage[loc] = {
        driver: 's3', bucket, root: root === '' || root.endsWith('/') ? root : `${root}/`,
        key: r.raw(`${key}_KEY`), secret: r.raw(`${key}_SECRET`), region: r.string(`${key}_REGION`, 'us-east-1'),
        endpoint: r.raw(`${key}_ENDPOINT`), forcePathStyle: r.bool(`${key}_FORCE_PATH_STYLE`, false),
      };
      continue;
    }
    if (driver !== 'local') r.problems.push(`${key}_DRIVER must be local or s3, got "${driver}"`);
    storage[loc] = { driver: 'local', root: r.string(`${key}_ROOT`, loc === 'local' ? defaultRoot : join(dirname(dbEmbeddedDir), loc)) };
  }
  if (locations.length === 0) r.problems.push('STORAGE_LOCATIONS must name at least one location');
  const maxUpload = r.raw('FILES_MAX_UPLOAD_SIZE');
  return {
    locations,
    storage,
    maxUploadSize: maxUpload === undefined ? Infinity : r.bytes('FILES_MAX_UPLOAD_SIZE', '1mb'),
    mimeTypeAllowList: list(r.string('FILES_MIME_TYPE_ALLOW_LIST', '*/*')).map((m) => m.toLowerCase()),
    assetsCacheTtlMs: r.duration('ASSETS_CACHE_TTL', '30d', true),
    assetsTransformMaxDimension: r.int('ASSETS_TRANSFORM_IMAGE_MAX_DIMENSION', 6000, 1),
    assetsTransformMaxOperations: r.int('ASSETS_TRANSFORM_MAX_OPERATIONS', 5, 0),
    assetsTransformMaxConcurrent: r.int('ASSETS_TRANSFORM_MAX_CONCURRENT', 25, 1),
    assetsContentSecurityPolicy: r.string('ASSETS_CONTENT_SECURITY_POLICY', "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:"),
    importIpDenyList: list(r.string('IMPORT_IP_DENY_LIST', DEFAULT_IP_DENY_LIST)),
    importMaxSize: r.bytes('IMPORT_MAX_FILE_SIZE', '50mb'),
    metadataAllowList: list(r.string('FILE_METADATA_ALLOW_LIST', 'ifd0.Make,ifd0.Model,exif.FNumber,exif.ExposureTime,exif.FocalLength,exif.ISOSpeedRatings')),
    assetsMemoryCache: r.bytes('STRATA_ASSETS_MEMORY_CACHE', '16mb', true),
    testHoldTransforms: r.bool('STRATA_TEST_HOLD_TRANSFORMS', false),
  };
}

function flows(r: Reader): FlowsConfig {
  const importDeny = r.raw('IMPORT_IP_DENY_LIST');
  return {
    env: Object.fromEntries(list(r.string('FLOWS_ENV_ALLOW_LIST', '')).flatMap((name) => {
      const value = r.raw(name);
      return value === undefined ? [] : [[name, value]];
    })),
    scriptTimeoutMs: r.int('FLOWS_RUN_SCRIPT_TIMEOUT', 10_000, 1),
    scriptMaxMemoryBytes: r.int('FLOWS_RUN_SCRIPT_MAX_MEMORY', 32, 1) * 1024 * 1024,
    ipDenyList: list(r.raw('FLOWS_IP_DENY_LIST') ?? importDeny ?? DEFAULT_IP_DENY_LIST),
    requestTimeoutMs: r.int('FLOWS_REQUEST_TIMEOUT', 30_000, 1),
    requestMaxResponseSize: r.bytes('FLOWS_REQUEST_MAX_RESPONSE_SIZE', '10mb'),
    deliveryAttempts: r.int('FLOWS_DELIVERY_ATTEMPTS', 5, 1),
    deliveryLeaseMs: r.int('FLOWS_DELIVERY_LEASE', 60_000, 100),
    deliveryBackoffMs: r.int('FLOWS_DELIVERY_BACKOFF', 1000, 1),
    deliveryConcurrency: r.int('FLOWS_DELIVERY_CONCURRENCY', 16, 1),
    deliveryRetentionMs: r.duration('FLOWS_DELIVERY_RETENTION', '7d', true),
    deliveryLog: r.oneOf('FLOWS_DELIVERY_LOG', ['failures', 'all'] as const, 'failures'),
  };
}

/**
 * Directus's WEBSOCKETS_* variables (seconds, as in Directus). Unlike Directus, WEBSOCKETS_ENABLED
 * defaults to true: the socket serves nothing a REST request couldn't (same tokens, same
 * permissions), and the event stream reads nothing while nobody subscribes.
 */
function websockets(r: Reader): WebSocketConfig {
  const enabled = r.bool('WEBSOCKETS_ENABLED', true);
  const path = r.string('WEBSOCKETS_REST_PATH', '/websocket');
  if (!/^\/[\w\-./]*$/.test(path)) r.problems.push(`WEBSOCKETS_REST_PATH must be a path such as /websocket, got "${path}"`);
  const limit = r.raw('WEBSOCKETS_REST_CONN_LIMIT');
  const graphqlPath = r.string('WEBSOCKETS_GRAPHQL_PATH', '/graphql');
  if (!/^\/[\w\-./]*$/.test(graphqlPath)) r.problems.push(`WEBSOCKETS_GRAPHQL_PATH must be a path such as /graphql, got "${graphqlPath}"`);
  if (graphqlPath === path) r.problems.push('WEBSOCKETS_GRAPHQL_PATH and WEBSOCKETS_REST_PATH must differ');
  return {
    rest: {
      enabled: enabled && r.bool('WEBSOCKETS_REST_ENABLED', true),
      path,
      auth: r.oneOf('WEBSOCKETS_REST_AUTH', ['handshake', 'public', 'strict'] as const, 'handshake'),
      authTimeoutMs: r.int('WEBSOCKETS_REST_AUTH_TIMEOUT', 10, 1) * 1000,
      connLimit: limit === undefined || limit.toLowerCase() === 'infinity' ? Infinity : r.int('WEBSOCKETS_REST_CONN_LIMIT', 0, 1),
    },
    graphql: {
      enabled: enabled && r.bool('WEBSOCKETS_GRAPHQL_ENABLED', true),
      path: graphqlPath,
      auth: r.oneOf('WEBSOCKETS_GRAPHQL_AUTH', ['handshake', 'public', 'strict'] as const, 'handshake'),
      authTimeoutMs: r.int('WEBSOCKETS_GRAPHQL_AUTH_TIMEOUT', 10, 1) * 1000,
    },
    heartbeatMs: r.bool('WEBSOCKETS_HEARTBEAT_ENABLED', true) ? r.int('WEBSOCKETS_HEARTBEAT_PERIOD', 30, 1) * 1000 : 0,
  };
}

export function loadConfig(env: Env = process.env): Config {
  const r = new Reader(env);
  const logLevel = r.oneOf('LOG_LEVEL', LOG_LEVELS, 'info');
  const queryLimitMaxRaw = r.int('QUERY_LIMIT_MAX', -1, -1);
  const queryLimitMax = queryLimitMaxRaw === -1 ? Infinity : queryLimitMaxRaw;
  const queryLimitDefault = r.int('QUERY_LIMIT_DEFAULT', 100, 1);
  if (queryLimitDefault > queryLimitMax) {
    r.problems.push(`QUERY_LIMIT_DEFAULT (${queryLimitDefault}) must not exceed QUERY_LIMIT_MAX (${queryLimitMax})`);
  }
  const secret = r.raw('SECRET');
  const publicUrl = r.string('PUBLIC_URL', '/');
  if (!publicUrl.startsWith('/')) {
    try {
      if (!['http:', 'https:'].includes(new URL(publicUrl).protocol)) throw new Error();
    } catch {
      r.problems.push(`PUBLIC_URL must be an http(s) URL such as https://api.example.com, or a path starting with "/"; got "${publicUrl}"`);
    }
  }
  const adminEmail = r.string('ADMIN_EMAIL', 'admin@example.com');
  if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail)) r.problems.push(`ADMIN_EMAIL must be an email address, got "${adminEmail}"`);

  const config: Config = {
    host: r.string('HOST', '0.0.0.0'),
    port: r.int('PORT', 8055, 0, 65535),
    publicUrl,
    serveApp: r.bool('SERVE_APP', true),
    rootRedirect: ((v: string) => (v === '' || v === 'false' ? false : v))(r.string('ROOT_REDIRECT', './admin')),
    secret: secret ?? randomBytes(32).toString('base64url'),
    secretGenerated: !secret,
    adminEmail,
    adminPassword: r.raw('ADMIN_PASSWORD'),
    adminToken: r.raw('ADMIN_TOKEN'),
    accessTokenTtlMs: r.duration('ACCESS_TOKEN_TTL', '15m'),
    refreshTokenTtlMs: r.duration('REFRESH_TOKEN_TTL', '7d'),
    sessionCookieTtlMs: r.duration('SESSION_COOKIE_TTL', '1d'),
    sessionRefreshGraceMs: r.duration('SESSION_REFRESH_GRACE_PERIOD', '10s', true),
    loginStallTimeMs: r.int('LOGIN_STALL_TIME', 500, 0),
    refreshCookie: cookie(r, 'REFRESH_TOKEN_COOKIE', 'directus_refresh_token'),
    sessionCookie: cookie(r, 'SESSION_COOKIE', 'directus_session_token'),
    authCacheTtlMs: r.int('STRATA_AUTH_CACHE_TTL', 1000, 0),
    logLevel,
    maxPayloadSize: r.bytes('MAX_PAYLOAD_SIZE', '1mb'),
    queryLimitDefault,
    queryLimitMax,
    maxBatchMutation: r.raw('MAX_BATCH_MUTATION') ? r.int('MAX_BATCH_MUTATION', 0, 1) : Infinity,
    compiledWrites: r.bool('STRATA_COMPILED_WRITES', true),
    maxRelationalDepth: r.int('MAX_RELATIONAL_DEPTH', 10, 2),
    maxQueryFields: r.int('STRATA_MAX_QUERY_FIELDS', 1000, 1),
    maxFilterNodes: r.int('STRATA_MAX_FILTER_NODES', 1000, 1),
    maxSqlSize: r.bytes('STRATA_MAX_SQL_SIZE', '1mb'),
    cors: {
      enabled: r.bool('CORS_ENABLED', false),
      origin: corsOrigin(r),
      methods: r.string('CORS_METHODS', 'GET,POST,PATCH,DELETE'),
      allowedHeaders: r.string('CORS_ALLOWED_HEADERS', 'Content-Type,Authorization'),
      exposedHeaders: r.string('CORS_EXPOSED_HEADERS', 'Content-Range'),
      credentials: r.bool('CORS_CREDENTIALS', true),
      maxAge: r.int('CORS_MAX_AGE', 18000, -1),
    },
    graphql: { introspection: r.bool('GRAPHQL_INTROSPECTION', true), tokenLimit: r.int('GRAPHQL_QUERY_TOKEN_LIMIT', 5000, 1) },
    metrics: { enabled: r.bool('METRICS_ENABLED', false), tokens: list(r.string('METRICS_TOKENS', '')) },
    healthcheckEnabled: r.bool('HEALTHCHECK_ENABLED', true),
    dbHealthcheckThresholdMs: r.int('DB_HEALTHCHECK_THRESHOLD', 150, 0),
    databaseUrl: databaseUrl(r),
    dbEmbeddedDir: r.string('DB_EMBEDDED_DIR', '.strata/db'),
    dbEmbeddedPort: r.int('DB_EMBEDDED_PORT', 54329, 1, 65535),
    dbPoolMax: r.int('DB_POOL__MAX', 10, 1),
    compileCacheSize: r.int('STRATA_COMPILE_CACHE_SIZE', 1000, 1),
    devMigrations: r.bool('STRATA_DEV_MIGRATIONS', false),
    planCacheMode: r.oneOf('STRATA_PLAN_CACHE_MODE', ['force_generic_plan', 'auto', 'force_custom_plan'] as const, 'force_generic_plan'),
    statementTimeoutMs: r.duration('STRATA_STATEMENT_TIMEOUT', '30s', true),
    eventsRetentionMs: r.duration('STRATA_EVENTS_RETENTION', '1d', true),
    eventsBatchWindowMs: r.duration('STRATA_EVENTS_BATCH_WINDOW', '25', true),
    ipTrustProxy: trustProxy(r.string('IP_TRUST_PROXY', 'false')),
    ipCustomHeader: ((v: string) => (v === '' || v === 'false' ? false : v.toLowerCase()))(r.string('IP_CUSTOM_HEADER', 'false')),
    projectName: r.string('PROJECT_NAME', 'Directus'),
    email: email(r),
    passwordResetUrlAllowList: list(r.string('PASSWORD_RESET_URL_ALLOW_LIST', '')),
    userInviteUrlAllowList: list(r.string('USER_INVITE_URL_ALLOW_LIST', '')),
    userRegisterUrlAllowList: list(r.string('USER_REGISTER_URL_ALLOW_LIST', '')),
    userInviteTokenTtlMs: r.duration('USER_INVITE_TOKEN_TTL', '7d'),
    emailVerificationTokenTtlMs: r.duration('EMAIL_VERIFICATION_TOKEN_TTL', '7d'),
    registerStallTimeMs: r.int('REGISTER_STALL_TIME', 750, 0),
    ...rateLimiters(r),
    files: files(r, r.string('DB_EMBEDDED_DIR', '.strata/db')),
    websockets: websockets(r),
    flows: flows(r),
  };
  if (r.problems.length) throw new ConfigError(r.problems);
  return config;
}

/** IP_TRUST_PROXY as Directus takes it: true/false, a number of hops, or a list of proxies. */
function trustProxy(raw: string): boolean | number | string[] {
  const v = raw.trim();
  if (v === 'true') return true;
  if (v === 'false' || v === '') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return list(v);
}
