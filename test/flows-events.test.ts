// Event flows on Directus's events that are not item writes (issue 14), against the $trigger
// shapes Directus 12.4 logs (test/fixtures/directus-flow-events.json): auth.login (filter flows
// see the sign-in first and may refuse it; action flows hear of its success or failure),
// files.upload (action flows, once an upload's bytes and row are stored), and server.start /
// server.stop of a gateway. Their action runs are queued deliveries like item events (durable
// from the queue's insert, secrets redacted there), and nothing is queued when nothing listens.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { startApp } from './helpers/app.js';

t.setTimeout(180_000);

const FX: Record<string, any> = JSON.parse(readFileSync(new URL('./fixtures/directus-flow-events.json', import.meta.url), 'utf8'));
const a = await startApp(t, { FLOWS_DELIVERY_BACKOFF: '20', FLOWS_DELIVERY_ATTEMPTS: '2', FLOWS_DELIVERY_LEASE: '2000' });
const me = (await a.get('/users/me')).body.data;

/** volatile values as the recording wrote them */
const norm = (v: unknown): unknown => {
  if (typeof v === 'string') {
    if (/^\d{4}-\d\d-\d\dT[\d:.]+Z$/.test(v)) return '<date>';
    return v.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<uuid>');
  }
  if (Array.isArray(v)) return v.map(norm);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]));
  return v;
};

/** the logged runs of a flow (activity and revision), once there are `n` */
async function runsOf(flow: string, n: number): Promise<any[]> {
  for (let i = 0; ; i++) {
    const rows = await a.sql<any>(`select a.id, a."user", a.ip, a.user_agent, r.data from directus_activity a join directus_revisions r on r.activity = a.id
      where a.collection = 'directus_flows' and a.item = $1 order by a.id`, [flow]);
    if (rows.length >= n || i > 750) return rows.map((r) => ({ ...r, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }));
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function makeFlow(def: Record<string, unknown>, ops: { key: string; type: string; options: unknown }[] = []): Promise<string> {
  const res = await a.post('/flows', { name: `zfev_${Math.random()}`, accountability: 'all', ...def,
    operations: ops.map((o, i) => ({ ...o, position_x: i + 1, position_y: 1 })) });
  if (res.status !== 200) throw new Error(`flow create: ${res.status} ${res.text}`);
  if (ops.length) await a.patch(`/flows/${res.body.data.id}`, { operation: res.body.data.operations[0] });
  return res.body.data.id;
}

/** the deliveries of the gateway's events, once none is pending */
async function settledDeliveries(): Promise<any[]> {
  for (let i = 0; ; i++) {
    const rows = await a.sql<any>(`select kind, target, event, listeners, done, status, payload::text as payload from strata.deliveries
      where event in ('auth.login', 'files.upload') order by id`);
    if (rows.every((r) => r.status !== 'pending') || i > 750) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}

const login = (email: string, password: string, ua = 'probe-agent') =>
  a.post('/auth/login', { email, password }, { token: null, headers: { 'user-agent': ua } });

const action = await makeFlow({ trigger: 'event', options: { type: 'action', scope: ['auth.login', 'files.upload'] } });
const filter = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['auth.login'] } },
  [{ key: 'check', type: 'condition', options: { filter: { $trigger: { payload: { email: { _neq: 'blocked@example.com' } } } } } }]);
const blocked = (await a.post('/users', { email: 'blocked@example.com', password: 'pw-blocked', status: 'active' })).body.data.id;

t.test('auth.login: the filter flow sees the sign-in first, the action flow its success', async (t) => {
  const res = await login('admin@example.com', a.cluster.adminPassword);
  t.equal(res.status, 200);
  const [run] = await runsOf(action, 1);
  const [check] = await runsOf(filter, 1);
  t.same(norm(check.data.data.$trigger), FX.auth_login_filter_trigger, 'filter: {payload, event, status: pending, user, provider}');
  t.equal(check.data.data.$trigger.user, me.id);
  t.same(norm(run.data.data.$trigger), FX.auth_login_action_success_trigger, 'action: {event, payload, status, user, provider}');
  t.equal(run.data.data.$trigger.user, me.id);
  t.same(run.data.data.$accountability, { ...FX.auth_login_accountability, ip: run.data.data.$accountability?.ip }, 'nobody is signed in yet');
  t.match(run, { user: null, user_agent: 'probe-agent' }, 'the run\'s activity row');
});

t.test('auth.login: failures, for a known user and an unknown email', async (t) => {
  t.equal((await login('admin@example.com', 'wrong-password')).status, 401);
  let runs = await runsOf(action, 2);
  t.same(norm(runs[1].data.data.$trigger), FX.auth_login_action_fail_trigger, 'status fail, the user, the error');
  t.equal((await login('nobody@example.com', 'whatever')).status, 401);
  runs = await runsOf(action, 3);
  t.same(norm(runs[2].data.data.$trigger), { ...FX.auth_login_action_fail_unknown_user_trigger, payload: { email: 'nobody@example.com', password: '--redacted--' } },
    'an unknown email: no user');
});

t.test('auth.login: a filter flow refuses a sign-in; no session, no action run', async (t) => {
  const before = (await runsOf(action, 3)).length;
  const res = await login('blocked@example.com', 'pw-blocked');
  t.equal(res.status, FX.auth_login_refused_by_filter.status);
  t.same(res.body, FX.auth_login_refused_by_filter.body, 'the flow\'s error is the answer');
  t.equal((await a.sql(`select count(*)::int as n from directus_sessions where "user" = $1`, [blocked]))[0].n, 0, 'no session');
  // the refusal's filter run is logged; the next sign-in's action run comes after it with nothing in between
  t.equal((await login('blocked@example.com', 'wrong')).status, 400, 'refused before the password is checked');
  const again = await login('admin@example.com', 'wrong-password');
  t.equal(again.status, 401);
  await runsOf(action, before + 1);
  await settledDeliveries();
  const runs = await runsOf(action, 0);
  t.equal(runs.length, before + 1, 'only the last sign-in ran the action flow');
  t.equal(runs.at(-1).data.data.$trigger.payload.email, 'admin@example.com');
});

t.test('auth.login: durable deliveries, without the password', async (t) => {
  const rows = await settledDeliveries();
  t.equal(rows.length, 4, 'every sign-in with a listener was queued, the refused ones not');
  t.ok(rows.every((r) => r.kind === 'event' && r.target === null && r.status === 'delivered'), 'as delivered event rows');
  t.same(rows[0].done, [`flow:${action}`]);
  t.notOk(rows.some((r) => [a.cluster.adminPassword, 'pw-blocked', 'wrong-password'].some((pw) => r.payload.includes(pw))), 'no password is kept in the queue');
});

t.test('files.upload: the action flow hears of a stored upload', async (t) => {
  const form = new FormData();
  form.append('title', 'T1');
  form.append('file', new Blob(['hello'], { type: 'text/plain' }), 'fl14.txt');
  const up = await fetch(`${a.url}/files`, { method: 'POST', body: form, headers: { authorization: `Bearer ${a.adminToken}`, 'user-agent': 'curl/7.88.1' } });
  t.equal(up.status, 200);
  const file = (await up.json()).data;
  const runs = await runsOf(action, 5);
  const run = runs.find((r) => r.data.data.$trigger.event === 'files.upload');
  t.same(norm(run?.data.data.$trigger), FX.files_upload_action_trigger, '{event, payload, key, collection}');
  t.equal(run?.data.data.$trigger.key, file.id);
  t.equal(run?.data.data.$trigger.payload.filename_disk, file.filename_disk);
  t.same(norm(run?.data.data.$accountability), { ...FX.files_upload_accountability, ip: run?.data.data.$accountability?.ip }, 'the uploader\'s accountability');
  t.equal(run?.user, me.id);
});

t.test('server.start and server.stop: a gateway starting and stopping', async (t) => {
  const flow = await makeFlow({ trigger: 'event', options: { type: 'action', scope: ['server.start', 'server.stop'] } });
  const b = await startApp(t, {}, { database: a.dbName });
  const [start] = await runsOf(flow, 1);
  t.same(start.data.data.$trigger, { event: 'server.start' });
  t.equal(start.data.data.$accountability, null, 'no accountability');
  await b.close();
  const runs = await runsOf(flow, 2);
  t.same(runs[1]?.data.data.$trigger, { event: 'server.stop' }, 'the stopping gateway queued it; the other one ran it');
  await a.patch(`/flows/${flow}`, { status: 'inactive' });
});

t.test('nothing listening: nothing queued, sign-ins as before', async (t) => {
  await a.patch(`/flows/${action}`, { status: 'inactive' });
  await a.patch(`/flows/${filter}`, { status: 'inactive' });
  const count = async () => (await a.sql(`select count(*)::int as n from strata.deliveries where event in ('auth.login', 'files.upload')`))[0].n;
  const before = await count();
  t.equal((await login('blocked@example.com', 'pw-blocked')).status, 200, 'the filter no longer refuses');
  t.equal(await count(), before, 'no delivery queued');
});
