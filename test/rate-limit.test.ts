// RATE_LIMITER_* and RATE_LIMITER_GLOBAL_*: the fixed-window logic on its own, then through a
// real server (429 REQUESTS_EXCEEDED with Directus's message, extensions and Retry-After).
import t from 'tap';
import { FixedWindowLimiter, shortDuration } from '../src/auth/rate-limiter.js';
import { loadConfig, ConfigError } from '../src/config.js';
import { startApp } from './helpers/app.js';

t.test('fixed window per key', async (t) => {
  const l = new FixedWindowLimiter(2, 1000);
  t.same(l.consume('a', 0), { ok: true, msBeforeNext: 1000 });
  t.same(l.consume('a', 400), { ok: true, msBeforeNext: 600 });
  t.same(l.consume('a', 500), { ok: false, msBeforeNext: 500 });
  t.same(l.consume('b', 500), { ok: true, msBeforeNext: 1000 }, 'keys count apart');
  t.same(l.consume('a', 1000), { ok: true, msBeforeNext: 1000 }, 'a new window');
  const forever = new FixedWindowLimiter(1, 0);
  t.equal(forever.consume('x', 0).ok, true);
  t.equal(forever.consume('x', 1e12).ok, false, 'duration 0: the window never ends');
});

t.test('durations in Directus wording', async (t) => {
  t.same([shortDuration(400), shortDuration(1400), shortDuration(1500), shortDuration(90_000), shortDuration(7_200_000)], ['400ms', '1s', '2s', '2m', '2h']);
});

t.test('configuration', async (t) => {
  const c = loadConfig({});
  t.same(c.rateLimiter, { enabled: false, points: 50, durationMs: 1000 });
  t.same(c.rateLimiterGlobal, { enabled: false, points: 1000, durationMs: 1000 });
  t.same(c.rateLimiterRegistration, { enabled: true, points: 5, durationMs: 60_000 });
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
      return [];
    } catch (err) {
      return (err as ConfigError).problems;
    }
  };
  t.same(problems({ RATE_LIMITER_STORE: 'redis' }), ['RATE_LIMITER_STORE must be memory (Strata keeps counters in each gateway\'s memory), got "redis"']);
  t.same(problems({ RATE_LIMITER_GLOBAL_ENABLED: 'true' }), ['RATE_LIMITER_GLOBAL_ENABLED=true requires RATE_LIMITER_ENABLED=true']);
  t.same(problems({ RATE_LIMITER_ENABLED: 'true', RATE_LIMITER_GLOBAL_ENABLED: 'true', RATE_LIMITER_GLOBAL_POINTS: '10' }),
    ['RATE_LIMITER_GLOBAL_POINTS/DURATION must allow more requests per second than RATE_LIMITER_POINTS/DURATION']);
  t.same(problems({ RATE_LIMITER_POINTS: '0' }), ['RATE_LIMITER_POINTS must be an integer >= 1, got "0"']);
});

t.test('per IP: the request after RATE_LIMITER_POINTS in the window is refused with 429', async (t) => {
  const app = await startApp(t, { RATE_LIMITER_ENABLED: 'true', RATE_LIMITER_POINTS: '3', RATE_LIMITER_DURATION: '60', CORS_ENABLED: 'true', CORS_ORIGIN: 'true' });
  const sessions = async () => (await app.sql('select count(*)::int as n from directus_sessions'))[0].n;
  for (let i = 0; i < 3; i++) t.equal((await app.get('/server/ping', { token: null })).status, 200);
  const before = await sessions();
  const res = await app.post('/auth/login', { email: app.cluster.adminEmail, password: app.cluster.adminPassword }, { token: null });
  t.equal(res.status, 429);
  // the window began with the first ping: on a loaded machine a second may have passed since
  t.match(res.headers.get('retry-after'), /^(59|60)$/);
  t.same(Object.keys(res.body.errors[0].extensions), ['limit', 'reset', 'code']);
  // Directus words the wait with `ms`: just under a minute is "60s", a full one "1m"
  t.match(res.body, { errors: [{ message: /^Too many requests, retry after (59s|60s|1m)\.$/, extensions: { limit: 3, code: 'REQUESTS_EXCEEDED' } }] });
  const reset = Date.parse(res.body.errors[0].extensions.reset);
  t.ok(Math.abs(reset - (Date.now() + 60_000)) < 5000, 'reset: when the window ends');
  t.equal(await sessions(), before, 'the refused login did nothing');
  const preflight = await app.request('OPTIONS', '/items/x', { token: null, headers: { origin: 'http://a.example', 'access-control-request-method': 'GET' } });
  t.equal(preflight.status, 204, 'CORS preflights (CORS_ENABLED) are answered before the limiter');
});

t.test('global: all clients together', async (t) => {
  const app = await startApp(t, {
    RATE_LIMITER_ENABLED: 'true', RATE_LIMITER_POINTS: '100', RATE_LIMITER_DURATION: '60',
    RATE_LIMITER_GLOBAL_ENABLED: 'true', RATE_LIMITER_GLOBAL_POINTS: '2', RATE_LIMITER_GLOBAL_DURATION: '1',
  });
  // 2/s globally is more than 100/60s per IP, as Directus requires
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await app.get('/server/ping', { token: null })).status);
  t.same(statuses.slice(0, 2), [200, 200]);
  if (statuses[2] === 429) t.pass('the third request in the same second is refused');
  else t.comment('the second boundary fell between requests; not asserted');
});

t.test('registration has its own limiter (RATE_LIMITER_REGISTRATION_*)', async (t) => {
  const app = await startApp(t, { RATE_LIMITER_REGISTRATION_POINTS: '2', REGISTER_STALL_TIME: '0' });
  const statuses = [];
  for (let i = 0; i < 3; i++) statuses.push((await app.post('/users/register', { email: `r${i}@example.com`, password: 'p' }, { token: null })).status);
  t.same(statuses, [403, 403, 429], 'public registration is off (403) but attempts still count');
});
