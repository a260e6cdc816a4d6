// Configuration: Directus's variable names, defaults, and clear messages for bad values.
import t from 'tap';
import { loadConfig, ConfigError } from '../src/config.js';

const problems = (env: Record<string, string>): string[] => {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
};

t.test('defaults are Directus defaults', async (t) => {
  const c = loadConfig({});
  t.match(c, {
    host: '0.0.0.0', port: 8055, publicUrl: '/', adminEmail: 'admin@example.com', adminPassword: undefined, adminToken: undefined,
    accessTokenTtlMs: 900_000, refreshTokenTtlMs: 604_800_000, sessionCookieTtlMs: 86_400_000, sessionRefreshGraceMs: 10_000,
    loginStallTimeMs: 500, logLevel: 'info', maxPayloadSize: 1024 * 1024, queryLimitDefault: 100, queryLimitMax: Infinity,
    maxBatchMutation: Infinity, maxRelationalDepth: 10, healthcheckEnabled: true, dbHealthcheckThresholdMs: 150,
    databaseUrl: undefined, dbEmbeddedDir: '.strata/db', projectName: 'Directus',
  });
  t.same(c.cors, { enabled: false, origin: false, methods: 'GET,POST,PATCH,DELETE', allowedHeaders: 'Content-Type,Authorization', exposedHeaders: 'Content-Range', credentials: true, maxAge: 18000 });
  t.same(c.refreshCookie, { name: 'directus_refresh_token', domain: undefined, secure: false, sameSite: 'lax' });
  t.same(c.sessionCookie, { name: 'directus_session_token', domain: undefined, secure: false, sameSite: 'lax' });
  t.equal(c.secretGenerated, true);
  t.ok(c.secret.length >= 32, 'a random SECRET when unset');
});

t.test('values are read with Directus names and units', async (t) => {
  const c = loadConfig({
    PORT: '9000', HOST: '127.0.0.1', PUBLIC_URL: 'https://api.example.com', SECRET: 's3cret', ACCESS_TOKEN_TTL: '30s', REFRESH_TOKEN_TTL: '2d',
    SESSION_COOKIE_TTL: '12h', MAX_PAYLOAD_SIZE: '10mb', QUERY_LIMIT_DEFAULT: '25', QUERY_LIMIT_MAX: '500', LOG_LEVEL: 'DEBUG',
    CORS_ENABLED: 'true', CORS_ORIGIN: 'https://a.com,https://b.com', LOGIN_STALL_TIME: '0', MAX_BATCH_MUTATION: '50',
    ADMIN_EMAIL: 'root@example.org', ADMIN_PASSWORD: 'pw', ADMIN_TOKEN: 'tok', SESSION_REFRESH_GRACE_PERIOD: '0',
  });
  t.match(c, {
    port: 9000, host: '127.0.0.1', publicUrl: 'https://api.example.com', secret: 's3cret', secretGenerated: false, accessTokenTtlMs: 30_000,
    refreshTokenTtlMs: 172_800_000, sessionCookieTtlMs: 43_200_000, maxPayloadSize: 10 * 1024 * 1024, queryLimitDefault: 25, queryLimitMax: 500,
    logLevel: 'debug', loginStallTimeMs: 0, maxBatchMutation: 50, adminEmail: 'root@example.org', adminPassword: 'pw', adminToken: 'tok',
    sessionRefreshGraceMs: 0,
  });
  t.same(c.cors.origin, ['https://a.com', 'https://b.com']);
  t.equal(loadConfig({ CORS_ORIGIN: 'true' }).cors.origin, true);
  t.equal(loadConfig({ CORS_ORIGIN: 'https://only.example.com' }).cors.origin, 'https://only.example.com', 'one value is a fixed origin');
  t.equal(loadConfig({ QUERY_LIMIT_MAX: '-1' }).queryLimitMax, Infinity);
  t.equal(loadConfig({ ACCESS_TOKEN_TTL: '900000' }).accessTokenTtlMs, 900_000, 'a bare number is milliseconds');
  t.equal(loadConfig({ PORT: '' }).port, 8055, 'empty means unset');
});

t.test('database settings: a URL, or Directus DB_* variables, or the embedded PostgreSQL', async (t) => {
  t.equal(loadConfig({ DB_CONNECTION_STRING: 'postgres://u:p@db:5432/x' }).databaseUrl, 'postgres://u:p@db:5432/x');
  t.equal(loadConfig({ DATABASE_URL: 'postgresql://db/x' }).databaseUrl, 'postgresql://db/x');
  t.equal(
    loadConfig({ DB_CLIENT: 'pg', DB_HOST: 'db.internal', DB_PORT: '6543', DB_DATABASE: 'cms', DB_USER: 'me', DB_PASSWORD: 'p@ss/word' }).databaseUrl,
    'postgres://me:p%40ss%2Fword@db.internal:6543/cms',
  );
  t.equal(loadConfig({}).databaseUrl, undefined);
  t.match(loadConfig({ DB_EMBEDDED_DIR: '/var/lib/strata', DB_EMBEDDED_PORT: '5999' }), { dbEmbeddedDir: '/var/lib/strata', dbEmbeddedPort: 5999 });
});

t.test('bad values are refused with the variable, the rule and the value', async (t) => {
  const cases: [Record<string, string>, string][] = [
    [{ PORT: 'abc' }, 'PORT must be an integer from 0 to 65535, got "abc"'],
    [{ PORT: '70000' }, 'PORT must be an integer from 0 to 65535, got "70000"'],
    [{ PORT: '80.5' }, 'PORT must be an integer from 0 to 65535, got "80.5"'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent; got "loud"'],
    [{ ACCESS_TOKEN_TTL: 'soon' }, 'ACCESS_TOKEN_TTL must be a duration such as 15m, 7d, 30s or 900000 (milliseconds), got "soon"'],
    [{ REFRESH_TOKEN_TTL: '0' }, 'REFRESH_TOKEN_TTL must be a duration such as 15m, 7d, 30s or 900000 (milliseconds), got "0"'],
    [{ SESSION_COOKIE_TTL: '5 fortnights' }, 'SESSION_COOKIE_TTL must be a duration such as 15m, 7d, 30s or 900000 (milliseconds), got "5 fortnights"'],
    [{ MAX_PAYLOAD_SIZE: 'huge' }, 'MAX_PAYLOAD_SIZE must be a size such as 1mb, 500kb or 1048576 (bytes), got "huge"'],
    [{ MAX_PAYLOAD_SIZE: '0' }, 'MAX_PAYLOAD_SIZE must be a size such as 1mb, 500kb or 1048576 (bytes), got "0"'],
    [{ CORS_ENABLED: 'yes' }, 'CORS_ENABLED must be true or false, got "yes"'],
    [{ QUERY_LIMIT_DEFAULT: '0' }, 'QUERY_LIMIT_DEFAULT must be an integer >= 1, got "0"'],
    [{ QUERY_LIMIT_MAX: '-5' }, 'QUERY_LIMIT_MAX must be an integer >= -1, got "-5"'],
    [{ QUERY_LIMIT_DEFAULT: '200', QUERY_LIMIT_MAX: '100' }, 'QUERY_LIMIT_DEFAULT (200) must not exceed QUERY_LIMIT_MAX (100)'],
    [{ DB_CLIENT: 'mysql', DB_HOST: 'x' }, 'DB_CLIENT "mysql" is not supported: Strata runs on PostgreSQL (pg)'],
    [{ DB_CONNECTION_STRING: 'mysql://x/y' }, 'DB_CONNECTION_STRING must be a PostgreSQL URL such as postgres://user:password@host:5432/database'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL must be a PostgreSQL URL such as postgres://user:password@host:5432/database'],
    [{ DB_HOST: 'x', DB_PORT: 'five' }, 'DB_PORT must be an integer from 1 to 65535, got "five"'],
    [{ PUBLIC_URL: 'api.example.com' }, 'PUBLIC_URL must be an http(s) URL such as https://api.example.com, or a path starting with "/"; got "api.example.com"'],
    [{ ADMIN_EMAIL: 'admin' }, 'ADMIN_EMAIL must be an email address, got "admin"'],
    [{ REFRESH_TOKEN_COOKIE_SAME_SITE: 'sometimes' }, 'REFRESH_TOKEN_COOKIE_SAME_SITE must be one of lax, strict, none; got "sometimes"'],
    [{ SESSION_COOKIE_SAME_SITE: 'none' }, 'SESSION_COOKIE_SAME_SITE=none requires SESSION_COOKIE_SECURE=true (browsers refuse such cookies otherwise)'],
    [{ SESSION_COOKIE_NAME: 'bad name;' }, 'SESSION_COOKIE_NAME must be a valid cookie name, got "bad name;"'],
    [{ LOGIN_STALL_TIME: '-1' }, 'LOGIN_STALL_TIME must be an integer >= 0, got "-1"'],
    [{ DB_EMBEDDED_PORT: '0' }, 'DB_EMBEDDED_PORT must be an integer from 1 to 65535, got "0"'],
    [{ HEALTHCHECK_ENABLED: 'maybe' }, 'HEALTHCHECK_ENABLED must be true or false, got "maybe"'],
  ];
  for (const [env, message] of cases) t.same(problems(env), [message], JSON.stringify(env));
});

t.test('every problem is reported at once', async (t) => {
  let err: unknown;
  try {
    loadConfig({ PORT: 'x', LOG_LEVEL: 'y', CORS_ENABLED: 'z' });
  } catch (e) {
    err = e;
  }
  t.ok(err instanceof ConfigError);
  t.equal((err as ConfigError).problems.length, 3);
  t.match((err as Error).message, /^3 problems:\n  - LOG_LEVEL .*\n  - PORT .*\n  - CORS_ENABLED /);
});
