// GET /metrics (METRICS_ENABLED): Prometheus text for admins and for METRICS_TOKENS bearers
// (`Authorization: Metrics <token>`), FORBIDDEN for everyone else, absent when disabled.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t, { METRICS_ENABLED: 'true', METRICS_TOKENS: 'scrape-one,scrape-two' });
await app.sql(`
  insert into directus_users (id, email, status, token) values ('77777777-7777-4777-8777-777777777777', 'u@example.com', 'active', 'user-token');
  create table notes (id serial primary key, body text);
`);
const FORBIDDEN = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };

/** the value of one sample line (`name{labels} value`) whose labels contain every given pair */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    const m = /^([a-z_]+)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => have.includes(`${k}="${v}"`))) return Number(m[3]);
  }
  return undefined;
}

t.test('admins and metrics tokens read Prometheus text; others are refused', async (t) => {
  await app.post('/items/notes', { body: 'a' });
  for (let i = 0; i < 3; i++) t.equal((await app.get('/items/notes?fields=id,body')).status, 200);
  const admin = await app.get('/metrics');
  t.equal(admin.status, 200);
  t.match(admin.headers.get('content-type'), /^text\/plain; version=0\.0\.4/);
  t.equal(admin.headers.get('cache-control'), 'no-cache');
  t.ok(sample(admin.text, 'strata_http_requests_total', { method: 'GET', route: '/items/:collection', status: '200' })! >= 3, 'reads counted by route pattern');
  t.equal(sample(admin.text, 'strata_http_requests_total', { method: 'POST', route: '/items/:collection', status: '200' }), 1);
  t.ok(sample(admin.text, 'strata_http_request_duration_seconds_count', { method: 'GET', route: '/items/:collection' })! >= 3);
  t.ok(sample(admin.text, 'strata_db_pool_connections', { pool: 'request', state: 'open' })! >= 0);
  t.ok(sample(admin.text, 'strata_compiled_sql_cache_lookups', { result: 'hit' })! >= 2, 'the same read compiled once, then hit');
  t.ok(sample(admin.text, 'strata_process_resident_memory_bytes')! > 0);

  const scraper = await app.get('/metrics', { token: null, headers: { authorization: 'Metrics scrape-two' } });
  t.equal(scraper.status, 200);
  t.match(scraper.text, /strata_http_requests_total/);

  for (const [who, opts] of [
    ['anonymous', { token: null }],
    ['a user', { token: 'user-token' }],
    ['a wrong metrics token', { token: null, headers: { authorization: 'Metrics scrape' } }],
    ['a metrics token as a bearer', { token: null, headers: { authorization: 'Bearer scrape-one' } }],
  ] as const) {
    const r = await app.get('/metrics', opts);
    t.equal(r.status, who === 'a metrics token as a bearer' ? 401 : 403, who);
    if (r.status === 403) t.same(r.body, FORBIDDEN);
  }
});

t.test('unmatched routes share one label, so clients cannot grow the series', async (t) => {
  for (const p of ['/nope-1', '/nope-2', '/nope-3']) t.equal((await app.get(p)).status, 404);
  const text = (await app.get('/metrics')).text;
  t.equal(sample(text, 'strata_http_requests_total', { route: 'unmatched', status: '404' }), 3);
  t.notMatch(text, /nope-1/);
});

t.test('disabled by default: no /metrics route', async (t) => {
  const off = await startApp(t);
  const r = await off.get('/metrics');
  t.equal(r.status, 404);
  t.equal(r.body.errors[0].extensions.code, 'ROUTE_NOT_FOUND');
});
