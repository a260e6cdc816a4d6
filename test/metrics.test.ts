// GET /metrics (METRICS_ENABLED): Prometheus text for admins and for METRICS_TOKENS bearers
// (`Authorization: Metrics <token>`), FORBIDDEN for everyone else, absent when disabled.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { sample } from './helpers/metrics.js';
import { WsClient } from './helpers/ws-client.js';

const app = await startApp(t, { METRICS_ENABLED: 'true', METRICS_TOKENS: 'scrape-one,scrape-two', FLOWS_DELIVERY_ATTEMPTS: '1' });
await app.sql(`
  insert into directus_users (id, email, status, token) values ('77777777-7777-4777-8777-777777777777', 'u@example.com', 'active', 'user-token');
  create table notes (id serial primary key, body text);
`);
const FORBIDDEN = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };

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

t.test('concurrent first reads of one query compile it once', async (t) => {
  const lookups = async () => {
    const text = (await app.get('/metrics')).text;
    return { hits: sample(text, 'strata_compiled_sql_cache_lookups', { result: 'hit' })!, misses: sample(text, 'strata_compiled_sql_cache_lookups', { result: 'miss' })! };
  };
  const before = await lookups();
  const answers = await Promise.all(Array.from({ length: 6 }, () => app.get('/items/notes?fields=id&filter[body][_contains]=concurrent')));
  t.same(answers.map((r) => r.status), [200, 200, 200, 200, 200, 200]);
  const after = await lookups();
  t.equal(after.misses - before.misses, 1, 'one compilation');
  t.equal(after.hits - before.hits, 5, 'the other five waited for it');
});

t.test('unmatched routes share one label, so clients cannot grow the series', async (t) => {
  for (const p of ['/nope-1', '/nope-2', '/nope-3']) t.equal((await app.get(p)).status, 404);
  const text = (await app.get('/metrics')).text;
  t.equal(sample(text, 'strata_http_requests_total', { route: 'unmatched', status: '404' }), 3);
  t.notMatch(text, /nope-1/);
});

t.test('change events: read and delivered by the stream, realtime subscriptions and frames, flow deliveries', async (t) => {
  await app.sql(`create table feed (id serial primary key, title text); insert into directus_collections (collection) values ('feed')`);
  const scrape = async () => (await app.get('/metrics')).text;
  const before = await scrape();
  t.equal(sample(before, 'strata_subscriptions', { front: 'realtime' }), 0);
  t.equal(sample(before, 'strata_subscriptions', { front: 'graphql' }), 0);
  t.equal(sample(before, 'strata_realtime_connections'), 0);
  const read0 = sample(before, 'strata_change_events_total', { stage: 'read' })!;
  t.ok(read0 >= 0);

  const ws = await WsClient.open(`${app.url}/websocket`);
  t.teardown(() => ws.close());
  t.equal((await ws.ask({ type: 'auth', access_token: app.adminToken, uid: 'auth' })).status, 'ok');
  ws.send({ type: 'subscribe', collection: 'feed', query: { fields: ['title'] }, uid: 's' });
  t.match(await ws.next(), { type: 'subscription', event: 'init' });
  const subscribed = await scrape();
  t.equal(sample(subscribed, 'strata_subscriptions', { front: 'realtime' }), 1);
  t.equal(sample(subscribed, 'strata_realtime_connections'), 1);
  t.equal(sample(subscribed, 'strata_subscription_messages_total', { front: 'realtime' }), 0, 'init is an answer, not a change message');

  // a flow (no operations: its run succeeds) and a webhook to a closed port (fails; one attempt)
  const flow = await app.post('/flows', { name: 'metrics flow', trigger: 'event', accountability: null, options: { type: 'action', scope: ['items.create'], collections: ['feed'] } });
  t.equal(flow.status, 200, flow.text);
  const hook = await app.post('/webhooks', { name: 'metrics hook', url: 'http://127.0.0.1:1/nothing', actions: ['create'], collections: ['feed'] });
  t.equal(hook.status, 200, hook.text);

  t.equal((await app.post('/items/feed', { title: 'one' })).status, 200);
  t.equal((await app.post('/items/feed', { title: 'two' })).status, 200);
  t.same(await ws.next(), { type: 'subscription', event: 'create', data: [{ title: 'one' }], uid: 's' });
  t.same(await ws.next(), { type: 'subscription', event: 'create', data: [{ title: 'two' }], uid: 's' });

  // both events reached the subscriber, so the stream read and handed them on; the deliveries
  // finish on their own schedule: scrape until both outcomes are counted (bounded)
  let text = await scrape();
  const delivered = () => sample(text, 'strata_flow_deliveries_total', { result: 'delivered' }) ?? 0;
  const failed = () => sample(text, 'strata_flow_deliveries_total', { result: 'failed' }) ?? 0;
  for (let i = 0; i < 2000 && (delivered() < 2 || failed() < 2); i++) text = await scrape();
  t.ok(sample(text, 'strata_change_events_total', { stage: 'read' })! >= read0 + 2, 'the two creates were read from strata.events');
  t.ok(sample(text, 'strata_change_events_total', { stage: 'delivered' })! >= 2);
  t.equal(sample(text, 'strata_subscription_messages_total', { front: 'realtime' }), 2, 'one frame per create');
  t.equal(delivered(), 2, 'the flow ran for each create');
  t.equal(failed(), 2, 'the webhook failed for each create');
  t.equal(sample(text, 'strata_flow_deliveries_running'), 0);
  const [{ max }] = await app.sql<{ max: string }>('select max(id)::text as max from strata.events');
  t.equal(sample(text, 'strata_change_event_last_id'), Number(max), 'the stream is caught up');
  t.match(text, /# TYPE strata_change_events_total counter/);

  ws.close();
  await ws.closed;
  text = await scrape();
  for (let i = 0; i < 2000 && sample(text, 'strata_realtime_connections') !== 0; i++) text = await scrape();
  t.equal(sample(text, 'strata_realtime_connections'), 0);
  t.equal(sample(text, 'strata_subscriptions', { front: 'realtime' }), 0, 'a closed connection drops its subscriptions');
});

t.test('disabled by default: no /metrics route', async (t) => {
  const off = await startApp(t);
  const r = await off.get('/metrics');
  t.equal(r.status, 404);
  t.equal(r.body.errors[0].extensions.code, 'ROUTE_NOT_FOUND');
});
