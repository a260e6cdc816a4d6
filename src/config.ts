// The one place that reads process.env (DESIGN convention 5). Every setting uses Directus's
// variable name where Directus has one, and is validated at start with a clear message.
import { randomBytes } from 'node:crypto';
import { parseDuration, parseBytes } from './util/units.js';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';

export interface CorsConfig {
  enabled: boolean;
  /** true = reflect the request origin; false = no CORS header; list = allowed origins */
  origin: boolean | string[];
  methods: string;
  allowedHeaders: string;
  exposedHeaders: string;
  credentials: boolean;
  maxAge: number;
}

export interface Config {
  host: string;
  port: number;
  publicUrl: string;
  secret: string;
  secretGenerated: boolean;
  adminEmail: string;
  adminPassword: string | undefined;
  adminToken: string | undefined;
  accessTokenTtlMs: number;
  refreshTokenTtlMs: number;
  sessionCookieTtlMs: number;
  /** failed and successful logins are padded to this many ms (timing-attack protection) */
  loginStallTimeMs: number;
  cookieSecure: boolean;
  cookieSameSite: string;
  /** how long a user's resolved policies are reused before asking the database again */
  authCacheTtlMs: number;
  logLevel: LogLevel;
  maxPayloadSize: number;
  queryLimitDefault: number;
  /** Infinity when QUERY_LIMIT_MAX is unset or -1 */
  queryLimitMax: number;
  maxBatchMutation: number;
  maxRelationalDepth: number;
  cors: CorsConfig;
  /** undefined = start the embedded PostgreSQL */
  databaseUrl: string | undefined;
  dbEmbeddedDir: string;
  dbEmbeddedPort: number;
  dbPoolMax: number;
  /** bounded compiled-SQL cache (entries) */
  compileCacheSize: number;
  projectName: string;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, fallback: number, min = -Infinity): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(`${name} must be an integer${min > -Infinity ? ` >= ${min}` : ''}, got "${raw}"`);
  return n;
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  throw new ConfigError(`${name} must be true or false, got "${raw}"`);
}

function duration(env: Env, name: string, fallback: string): number {
  const raw = env[name] || fallback;
  const ms = parseDuration(raw);
  if (ms === undefined || ms <= 0) throw new ConfigError(`${name} must be a duration such as 15m, 7d or 900000 (ms), got "${raw}"`);
  return ms;
}

function list(raw: string | undefined): string[] {
  return (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean);
}

/** Directus's DB_* variables, or DB_CONNECTION_STRING / DATABASE_URL, to one URL. */
function databaseUrl(env: Env): string | undefined {
  const direct = env.DB_CONNECTION_STRING || env.DATABASE_URL;
  if (direct) return direct;
  if (!env.DB_HOST && !env.DB_DATABASE) return undefined;
  if (env.DB_CLIENT && !['pg', 'postgres', 'postgresql'].includes(env.DB_CLIENT)) {
    throw new ConfigError(`DB_CLIENT "${env.DB_CLIENT}" is not supported: Strata runs on PostgreSQL (pg)`);
  }
  const url = new URL('postgres://localhost');
  url.hostname = env.DB_HOST || 'localhost';
  url.port = String(int(env, 'DB_PORT', 5432, 1));
  url.pathname = '/' + encodeURIComponent(env.DB_DATABASE || 'directus');
  if (env.DB_USER) url.username = encodeURIComponent(env.DB_USER);
  if (env.DB_PASSWORD) url.password = encodeURIComponent(env.DB_PASSWORD);
  return url.toString();
}

export function loadConfig(env: Env = process.env): Config {
  const logLevel = (env.LOG_LEVEL || 'info') as LogLevel;
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  const maxPayloadSize = parseBytes(env.MAX_PAYLOAD_SIZE || '1mb');
  if (maxPayloadSize === undefined) throw new ConfigError(`MAX_PAYLOAD_SIZE must be a size such as 1mb or 500kb, got "${env.MAX_PAYLOAD_SIZE}"`);
  const queryLimitMaxRaw = int(env, 'QUERY_LIMIT_MAX', -1, -1);
  const queryLimitMax = queryLimitMaxRaw === -1 ? Infinity : queryLimitMaxRaw;
  const queryLimitDefault = int(env, 'QUERY_LIMIT_DEFAULT', 100, 1);
  if (queryLimitDefault > queryLimitMax) throw new ConfigError('QUERY_LIMIT_DEFAULT must not exceed QUERY_LIMIT_MAX');
  const secret = env.SECRET;
  const corsOrigin = env.CORS_ORIGIN;
  const port = int(env, 'PORT', 8055, 0);
  if (port > 65535) throw new ConfigError(`PORT must be at most 65535, got ${port}`);

  return {
    host: env.HOST || '0.0.0.0',
    port,
    publicUrl: env.PUBLIC_URL || '/',
    secret: secret || randomBytes(32).toString('base64url'),
    secretGenerated: !secret,
    adminEmail: env.ADMIN_EMAIL || 'admin@example.com',
    adminPassword: env.ADMIN_PASSWORD || undefined,
    adminToken: env.ADMIN_TOKEN || undefined,
    accessTokenTtlMs: duration(env, 'ACCESS_TOKEN_TTL', '15m'),
    refreshTokenTtlMs: duration(env, 'REFRESH_TOKEN_TTL', '7d'),
    sessionCookieTtlMs: duration(env, 'SESSION_COOKIE_TTL', '1d'),
    loginStallTimeMs: int(env, 'LOGIN_STALL_TIME', 500, 0),
    cookieSecure: bool(env, 'REFRESH_TOKEN_COOKIE_SECURE', false),
    cookieSameSite: env.REFRESH_TOKEN_COOKIE_SAME_SITE || 'lax',
    authCacheTtlMs: int(env, 'STRATA_AUTH_CACHE_TTL', 1000, 0),
    logLevel,
    maxPayloadSize,
    queryLimitDefault,
    queryLimitMax,
    maxBatchMutation: env.MAX_BATCH_MUTATION ? int(env, 'MAX_BATCH_MUTATION', 0, 1) : Infinity,
    maxRelationalDepth: int(env, 'MAX_RELATIONAL_DEPTH', 10, 2),
    cors: {
      enabled: bool(env, 'CORS_ENABLED', false),
      origin: corsOrigin === undefined || corsOrigin === 'false' ? false : corsOrigin === 'true' ? true : list(corsOrigin),
      methods: env.CORS_METHODS || 'GET,POST,PATCH,DELETE',
      allowedHeaders: env.CORS_ALLOWED_HEADERS || 'Content-Type,Authorization',
      exposedHeaders: env.CORS_EXPOSED_HEADERS || 'Content-Range',
      credentials: bool(env, 'CORS_CREDENTIALS', true),
      maxAge: int(env, 'CORS_MAX_AGE', 18000, 0),
    },
    databaseUrl: databaseUrl(env),
    dbEmbeddedDir: env.DB_EMBEDDED_DIR || '.strata/db',
    dbEmbeddedPort: int(env, 'DB_EMBEDDED_PORT', 54329, 1),
    dbPoolMax: int(env, 'DB_POOL__MAX', 10, 1),
    compileCacheSize: int(env, 'STRATA_COMPILE_CACHE_SIZE', 1000, 1),
    projectName: env.PROJECT_NAME || 'Directus',
  };
}
