// Directus Flows against what Directus 12.4 answers (test/fixtures/directus-flows.json, recorded
// from the reference server): /flows and /operations CRUD, webhook and manual triggers and what
// they answer, templating, every operation's result, event flows (action: queued and run by the
// dispatcher, logged as activity and revisions; filter: run before the write, able to change or
// refuse it) and schedule flows shared by two gateways. Recorded answers are compared as they
// are, with volatile values (<uuid>, <date>, <int>, <token>, the host's port) normalised.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { startApp, type TestResponse } from './helpers/app.js';
import { Receiver } from './helpers/receiver.js';

t.setTimeout(240_000);

const FX: Record<string, any> = JSON.parse(readFileSync(new URL('./fixtures/directus-flows.json', import.meta.url), 'utf8'));
const ENV = {
  FLOWS_IP_DENY_LIST: '169.254.0.0/16', FLOWS_REQUEST_TIMEOUT: '3000', FLOWS_DELIVERY_BACKOFF: '20',
  FLOWS_DELIVERY_ATTEMPTS: '1', FLOWS_DELIVERY_LEASE: '2000', FLOWS_DELIVERY_LOG: 'all',
};
const a = await startApp(t, ENV);
const receiver = await Receiver.start();
t.teardown(() => receiver.stop());

await a.sql(`
  create table zflw_items (id serial primary key, title varchar(255), n integer);
  create table zflw_ev (id serial primary key, title varchar(255), n integer);
  create table zflw_acc (id serial primary key, title varchar(255), n integer);
  create table zflw_f (id serial primary key, title varchar(255), n integer);
  insert into directus_collections (collection) values ('zflw_items'), ('zflw_ev'), ('zflw_acc'), ('zflw_f');
`);
const me = (await a.get('/users/me')).body.data;

// ---------------------------------------------------------------------------------------------
// helpers

const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const IS_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `actual` with the recorded placeholders put back where the recorded value has one and the
 * actual value fits it; anything else is left as it is (so a difference shows in the diff).
 * `trim`: the recording dropped $accountability and $env from that answer (see _meta).
 */
function conform(actual: any, expected: any, trim = false): any {
  if (typeof expected === 'string') {
    if (expected.startsWith('<omitted')) return expected;
    if (typeof actual !== 'string' && expected !== '<int>') return actual;
    if (expected === '<uuid>') return IS_UUID.test(actual) ? expected : actual;
    if (expected === '<date>') return !Number.isNaN(Date.parse(actual)) ? expected : actual;
    if (expected === '<token>') return actual !== '' ? expected : actual;
    if (expected === '<int>') return Number.isInteger(Number(actual)) && actual !== null ? expected : actual;
    if (expected === '127.0.0.1:18055' && /^127\.0\.0\.1:\d+$/.test(actual)) return expected;
    if (expected.includes('<uuid>')) return actual.replace(UUID_RE, '<uuid>');
    return actual;
  }
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((v, i) => conform(v, expected[i], trim));
  if (expected && typeof expected === 'object' && actual && typeof actual === 'object' && !Array.isArray(actual)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(actual)) {
      if (trim && !(k in expected) && (k === '$accountability' || k === '$env')) continue;
      out[k] = conform(v, expected[k], trim);
    }
    return out;
  }
  return actual;
}

const bodyOf = (res: TestResponse) => (res.text === '' ? '' : res.body ?? res.text);

/** the response is what Directus answered to the recorded request `name` */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function like(t: any, res: TestResponse, name: string, trim = false) {
  const fx = FX[name];
  if (!fx) throw new Error(`no fixture ${name}`);
  t.equal(res.status, fx.status, `${name}: status ${fx.status}`);
  t.same(conform(bodyOf(res), fx.body, trim), fx.body, `${name}: body as Directus answers`);
}

interface Op { key: string; type: string; options?: unknown; resolve?: string; reject?: string }
let flowSeq = 0;

/** a flow and its operations (linked by key; the first one is the entry point) */
async function makeFlow(def: Record<string, unknown>, ops: Op[] = []): Promise<{ id: string; ops: Record<string, string> }> {
  const res = await a.post('/flows', { name: `zflw_${++flowSeq}`, ...def });
  if (res.status !== 200) throw new Error(`flow create: ${res.status} ${res.text}`);
  const id = res.body.data.id as string;
  const ids: Record<string, string> = {};
  let x = 0;
  for (const op of ops) {
    const r = await a.post('/operations', { flow: id, key: op.key, type: op.type, options: op.options ?? null, position_x: ++x, position_y: 1 });
    if (r.status !== 200) throw new Error(`operation create: ${r.status} ${r.text}`);
    ids[op.key] = r.body.data.id;
  }
  for (const op of ops) {
    if (!op.resolve && !op.reject) continue;
    const r = await a.patch(`/operations/${ids[op.key]}`, { resolve: op.resolve ? ids[op.resolve] : null, reject: op.reject ? ids[op.reject] : null });
    if (r.status !== 200) throw new Error(`operation link: ${r.status} ${r.text}`);
  }
  if (ops.length) await a.patch(`/flows/${id}`, { operation: ids[ops[0].key] });
  return { id, ops: ids };
}

/** a webhook flow (POST, return $all unless told) */
const hook = (ops: Op[], options: Record<string, unknown> = {}, def: Record<string, unknown> = {}) =>
  makeFlow({ trigger: 'webhook', options: { method: 'POST', return: '$all', ...options }, ...def }, ops);
const fire = (id: string, body: unknown = {}, opts: Record<string, unknown> = {}) => a.post(`/flows/trigger/${id}`, body, opts);

/** the transforms the recording used to show what reached the resolve and reject paths */
const REJ: Op = { key: 'rej', type: 'transform', options: { json: { path: 'reject', last: '{{$last}}', msg: '{{$last.message}}' } } };
const OK: Op = { key: 'ok', type: 'transform', options: { json: { path: 'resolve', last: '{{$last}}' } } };
const T1: Op = { key: 't1', type: 'transform', options: { json: { ok: true, from: 't1' } } };

/** a query's rows once `test` holds for them (runs land a moment after the write that queued them) */
async function eventually<T = any>(text: string, test: (rows: T[]) => boolean, params: unknown[] = []): Promise<T[]> {
  for (let i = 0; ; i++) {
    const rows = await a.sql<T>(text, params);
    if (test(rows) || i > 750) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const runsOf = async (flow: string, n: number, withRevision = true) => (await eventually<any>(
  `select a.id, a.action, a."user", a.collection, a.item, a.ip, a.user_agent, r.id as revision, r.data
     from directus_activity a left join directus_revisions r on r.activity = a.id
    where a.collection = 'directus_flows' and a.item = $1 order by a.id`,
  (rows) => rows.length >= n && (!withRevision || rows.slice(0, n).every((r) => r.data !== null)), [flow]))
  .map((r) => ({ ...r, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }));
/** the first logged run of `flow` (with its revision) whose data satisfies `test` */
async function runWhere(flow: string, test: (data: any) => boolean): Promise<any> {
  for (let i = 0; ; i++) {
    const found = (await runsOf(flow, 0)).find((r) => r.data && test(r.data.data));
    if (found || i > 500) return found;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const deactivate = async (id: string) => {
  await a.patch(`/flows/${id}`, { status: 'inactive' });
};
/** the deliveries to a flow: its own rows (schedule ticks) and the events that name it (listeners still to get them, or done) */
const TO_FLOW = `(target = $1 or coalesce(listeners, '[]') || coalesce(done, '[]') ? ('flow:' || $1))`;
/** the item events committed so far have been delivered and recorded (the delivery cursor is past them), and no retry is pending */
const settled = async (flow: string) => {
  await eventually<any>(`select c.last_id >= coalesce((select max(id) from strata.events where listeners is not null), 0) as ok from strata.delivery_cursor c`,
    (rows) => rows[0].ok);
  return eventually<any>(`select status from strata.deliveries where ${TO_FLOW}`, (rows) => rows.every((r) => r.status !== 'pending'), [flow]);
};
const count = async (table: string) => (await a.sql<{ n: number }>(`select count(*)::int as n from ${table}`))[0].n;

// a user whose role gives no app access ("noapp" in the recording)
const noappRole = (await a.post('/roles', { name: 'zflw_noapp' })).body.data.id;
await a.post('/users', { email: 'zflw-noapp@example.com', password: 'zflw-noapp-pw', role: noappRole });
const noapp = (await a.post('/auth/login', { email: 'zflw-noapp@example.com', password: 'zflw-noapp-pw' }, { token: null })).body.data.access_token as string;

// ---------------------------------------------------------------------------------------------
// 1. CRUD

t.test('/flows and /operations CRUD as Directus answers it', async (t) => {
  const minimal = await a.post('/flows', { name: 'zflw_min', trigger: 'manual' });
  like(t, minimal, 'flows_create_minimal');
  t.same(Object.keys(minimal.body.data), Object.keys(FX.flows_create_minimal.body.data), 'every field, in Directus\'s order');
  t.equal(minimal.body.data.user_created, me.id, 'user_created is the caller');
  const flow = minimal.body.data.id;
  like(t, await a.post('/flows', { name: 'zflw_notrig' }), 'flows_create_no_trigger');
  like(t, await a.post('/flows', {}), 'flows_create_empty');
  like(t, await a.post('/flows', { name: 'zflw_bad', trigger: 'nope' }), 'flows_create_bad_trigger');
  like(t, await a.post('/flows', { name: 'zflw_bad2', trigger: 'manual', status: 'nope' }), 'flows_create_bad_status');
  like(t, await a.post('/flows', { name: 'zflw_bad3', trigger: 'manual', accountability: 'nope' }), 'flows_create_bad_accountability');
  await a.sql(`delete from directus_flows where name in ('zflw_notrig', 'zflw_bad', 'zflw_bad2', 'zflw_bad3')`);

  like(t, await a.get(`/flows/${flow}`), 'flows_get_one');
  like(t, await a.get('/flows?filter[name][_eq]=zflw_min'), 'flows_list_filtered');
  const deep = await a.get(`/flows/${flow}?fields=*.*`);
  t.equal(deep.status, 200);
  t.same(Object.keys(deep.body.data ?? {}), Object.keys(FX.flows_get_one_deep.body.data), 'fields=*.*: the expanded relations come first');
  t.match(deep.body.data, { user_created: { id: me.id, email: me.email, password: '**********' }, operations: [], folder: null, operation: null });
  like(t, await a.get(`/flows/${randomUUID()}`), 'flows_get_unknown');
  like(t, await a.get('/flows/abc'), 'flows_get_notuuid');

  // operations
  like(t, await a.post('/operations', { flow, key: 'op1', type: 'log' }), 'operations_create_missing_position');
  const op1 = await a.post('/operations', { flow, key: 'op1', type: 'log', position_x: 1, position_y: 1 });
  like(t, op1, 'operations_create_minimal');
  t.same(Object.keys(op1.body.data ?? {}), Object.keys(FX.operations_create_minimal.body.data), 'operation fields in Directus\'s order');
  const op2 = await a.post('/operations', { flow, key: 'op2', name: 'Second', type: 'transform', options: { json: { a: 1 } }, position_x: 20, position_y: 1 });
  like(t, op2, 'operations_create_full');
  like(t, await a.post('/operations', { flow, type: 'log', position_x: 1, position_y: 1 }), 'operations_create_missing_key');
  like(t, await a.post('/operations', { flow, key: 'op3', position_x: 1, position_y: 1 }), 'operations_create_missing_type');
  like(t, await a.post('/operations', { key: 'op4', type: 'log', position_x: 1, position_y: 1 }), 'operations_create_missing_flow');
  like(t, await a.post('/operations', {}), 'operations_create_empty');
  const dup = await a.post('/operations', { flow, key: 'op1', type: 'log', position_x: 1, position_y: 1 });
  like(t, dup, 'operations_create_duplicate_key');
  like(t, await a.post('/operations', { flow: randomUUID(), key: 'op5', type: 'log', position_x: 1, position_y: 1 }), 'operations_create_unknown_flow');
  like(t, await a.post('/operations', { flow, key: 'op6', type: 'no-such-op', position_x: 1, position_y: 1 }), 'operations_create_bad_type');
  const second = op2.body.data.id;
  like(t, await a.patch(`/operations/${dup.body.data.id}`, { resolve: second }), 'operations_patch_resolve');
  like(t, await a.post('/operations', { flow, key: 'op7', type: 'log', position_x: 1, position_y: 1, reject: second }), 'operations_create_resolve_taken');
  like(t, await a.post('/operations', { flow, key: 'op8', type: 'log', position_x: 1, position_y: 1, resolve: second }), 'operations_create_resolve_taken2');
  like(t, await a.patch(`/flows/${flow}`, { operation: dup.body.data.id }), 'flows_patch_operation');
  like(t, await a.get(`/operations?filter[flow][_eq]=${flow}&sort=key`), 'operations_list');
  like(t, await a.get(`/operations/${dup.body.data.id}`), 'operations_get_one');
  like(t, await a.get(`/flows/${flow}`), 'flows_get_one_after_ops');
  const listed = (await a.get(`/flows/${flow}`)).body.data?.operations ?? [];
  t.same(listed, [...listed].sort(), 'the operations alias lists ids ordered by id');

  // nested operations
  const nested = await a.post('/flows', { name: 'zflw_nested', trigger: 'webhook', options: { method: 'GET' }, operations: [{ key: 'a', type: 'log', position_x: 1, position_y: 1, options: { message: 'hi' } }] });
  like(t, nested, 'flows_create_with_nested_ops');
  const nid = nested.body.data.id;
  like(t, await a.get(`/flows/${nid}?fields=*,operations.key,operations.type`), 'flows_get_nested_ops');
  const opA = nested.body.data.operations[0];
  like(t, await a.patch(`/flows/${nid}`, { operations: { create: [{ key: 'b', type: 'log', position_x: 2, position_y: 2 }], update: [{ id: opA, name: 'renamed' }], delete: [] } }), 'flows_patch_nested_ops_create');
  like(t, await a.get(`/operations?filter[flow][_eq]=${nid}&fields=key,name&sort=key`), 'flows_patch_nested_ops_after');
  const opB = (await a.sql<{ id: string }>(`select id::text from directus_operations where flow = $1 and key = 'b'`, [nid]))[0].id;
  like(t, await a.patch(`/flows/${nid}`, { operations: [{ id: opB }, { key: 'c', type: 'log', position_x: 3, position_y: 3 }] }), 'flows_patch_nested_ops_array');
  like(t, await a.get(`/operations?filter[flow][_eq]=${nid}&fields=key,name&sort=key`), 'flows_patch_nested_ops_array_after');
  like(t, await a.patch(`/flows/${nid}`, { status: 'inactive' }), 'flows_patch_status_inactive');
  like(t, await a.patch(`/flows/${nid}`, { nonexistent: 1 }), 'flows_patch_bad_field');
  like(t, await a.patch(`/flows/${nid}`, { name: null }), 'flows_patch_name_null');

  // delete cascades to the operations
  t.equal((await a.sql(`select count(*)::int as n from directus_operations where flow = $1`, [flow]))[0].n, 5, 'five operations before');
  like(t, await a.del(`/flows/${flow}`), 'flows_delete_one');
  like(t, await a.get(`/operations?filter[flow][_eq]=${flow}`), 'operations_after_flow_delete');
  t.equal((await a.sql(`select count(*)::int as n from directus_operations where flow = $1`, [flow]))[0].n, 0, 'the rows are gone');
  like(t, await a.del(`/flows/${randomUUID()}`), 'flows_delete_unknown');
  const opC = (await a.sql<{ id: string }>(`select id::text from directus_operations where flow = $1 order by key desc`, [nid]))[0]?.id;
  like(t, await a.del(`/operations/${opC}`), 'operations_delete_one');
  like(t, await a.del(`/operations/${randomUUID()}`), 'operations_delete_unknown');

  const many = await a.post('/flows', [{ name: 'zflw_m1', trigger: 'manual', status: 'inactive' }, { name: 'zflw_m2', status: 'inactive' }]);
  t.equal(many.status, 200);
  const byName = (rows: any[]) => [...rows].sort((x, y) => String(x.name).localeCompare(String(y.name)));
  t.same(conform(byName(many.body.data), byName(FX.flows_create_many.body.data)), byName(FX.flows_create_many.body.data), 'a batch create answers every item');
  const meta = await a.get('/flows?filter[name][_starts_with]=zflw_m&meta=*&fields=name&sort=name');
  t.same(meta.body.data, FX.flows_meta.body.data);
  t.equal(meta.body.meta?.filter_count, FX.flows_meta.body.meta.filter_count, 'meta filter_count');
  t.equal(meta.body.meta?.total_count, await count('directus_flows'), 'meta total_count counts every flow');
  like(t, await a.del('/flows', many.body.data.map((f: any) => f.id)), 'flows_delete_many');
  like(t, await a.del(`/flows/${nid}`), 'flows_delete_nested');
  t.equal((await a.sql(`select count(*)::int as n from directus_operations where flow = $1`, [nid]))[0].n, 0);
});

t.test('flows are the admin\'s: anonymous and no-app callers get 403', async (t) => {
  like(t, await a.get('/flows', { token: null }), 'anonymous_flows_list');
  like(t, await a.get('/operations', { token: null }), 'anonymous_operations_list');
  const f = await makeFlow({ trigger: 'manual', status: 'inactive' });
  like(t, await a.get('/flows', { token: noapp }), 'noapp_flows_list');
  like(t, await a.get(`/flows/${f.id}`, { token: noapp }), 'noapp_flows_get');
  like(t, await a.get('/operations', { token: noapp }), 'noapp_operations_list');
  like(t, await a.post('/flows', { name: 'zflw_user_flow2', trigger: 'manual', status: 'inactive' }, { token: noapp }), 'noapp_flows_create');
  t.equal((await a.sql(`select count(*)::int as n from directus_flows where name = 'zflw_user_flow2'`))[0].n, 0, 'nothing was created');
});

t.test('a flow changed through the API runs as changed at once', async (t) => {
  // Directus reloads its flows before it answers a write to /flows or /operations
  let stale = 0;
  for (let i = 0; i < 40; i++) {
    // the pattern every other test uses: a flow, its operations, then the entry point, then a trigger
    const f = await makeFlow({ trigger: 'webhook', options: { method: 'POST', return: '$last' } },
      [{ key: 't0', type: 'transform', options: { json: { n: i } }, resolve: 't1' }, { key: 't1', type: 'transform', options: { json: '{{ t0 }}' } }]);
    const res = await fire(f.id, {});
    if (res.body?.n !== i) stale++;
  }
  t.equal(stale, 0, 'a trigger sent right after the last PATCH ran the flow as it now is (40 tries)');
  const f = await makeFlow({ trigger: 'webhook', options: { method: 'POST', return: '$last' } }, [T1]);
  await a.patch(`/flows/${f.id}`, { status: 'inactive' });
  t.equal((await fire(f.id, {})).status, 403, 'deactivated: refused at once');
  await a.patch(`/flows/${f.id}`, { status: 'active' });
  t.equal((await fire(f.id, {})).status, 200, 'activated: runs at once');
});

// ---------------------------------------------------------------------------------------------
// 2. webhook trigger

t.test('webhook trigger: what each return option answers', async (t) => {
  const q = '?q=1';
  for (const [ret, name] of [['$last', 'webhook_return_$last'], ['$all', 'webhook_return_$all'], ['t1', 'webhook_return_t1'],
    [undefined, 'webhook_return_absent'], ['nosuchkey', 'webhook_return_nosuchkey'], ['$trigger', 'webhook_return_$trigger'],
    ['$accountability', 'webhook_return_$accountability']] as const) {
    const f = await hook([T1], { return: ret });
    const res = await a.post(`/flows/trigger/${f.id}${q}`, { a: 1 });
    like(t, res, name);
    if (res.status === 200) t.equal(res.headers.get('content-type'), 'application/json; charset=utf-8', `${name}: content-type`);
    if (ret === '$all') {
      t.same(Object.keys(res.body ?? {}), ['$trigger', '$last', '$accountability', '$env', 't1'], '$all: the data chain in order');
      t.equal(res.body?.$trigger?.path, `/trigger/${f.id}`);
      t.equal(res.body?.$trigger?.headers?.authorization, `Bearer ${a.adminToken}`, 'the caller\'s token is in $trigger.headers');
      t.same(res.body?.$accountability, { role: me.role, user: me.id, roles: [me.role], admin: true, app: true, ip: '127.0.0.1', userAgent: 'node' });
      t.same(res.body?.$env, {}, '$env is empty');
    }
  }
  for (const [json, name] of [['"hello"', 'webhook_return_last_string'], [42, 'webhook_return_last_number'], [null, 'webhook_return_last_null'], [[1, 2], 'webhook_return_last_array']] as const) {
    const f = await hook([{ key: 't1', type: 'transform', options: { json } }], { return: '$last' });
    like(t, await fire(f.id, {}), name);
  }
});

t.test('webhook trigger: methods, callers, bodies, refusals', async (t) => {
  const get = await hook([T1], { method: 'GET' });
  like(t, await a.get(`/flows/trigger/${get.id}?x=1&y[z]=2&arr[]=a&arr[]=b`), 'webhook_get_all');
  like(t, await fire(get.id, { a: 1 }), 'webhook_get_flow_called_with_post');
  like(t, await a.get(`/flows/trigger/${get.id}?x=1`, { token: null }), 'webhook_get_anonymous');
  const post = await hook([T1]);
  like(t, await a.get(`/flows/trigger/${post.id}`), 'webhook_post_flow_called_with_get');
  like(t, await a.post(`/flows/trigger/${post.id}?q=1&r=two`, { a: 1, nested: { b: [1, 2] } }, { headers: { 'x-custom-header': 'v1' } }), 'webhook_post_all_query_body');
  like(t, await fire(post.id, { a: 1 }, { token: null }), 'webhook_post_all_anonymous');
  like(t, await a.request('POST', `/flows/trigger/${post.id}`, { raw: 'plain', contentType: 'text/plain' }), 'webhook_post_text_body');
  like(t, await a.request('POST', `/flows/trigger/${post.id}`), 'webhook_post_no_body');
  const str = await a.request('POST', `/flows/trigger/${post.id}`, { raw: '"plain"', contentType: 'application/json' });
  t.equal(str.status, 400, 'a JSON string body is refused');
  t.equal(str.body?.errors?.[0]?.extensions?.code, 'INVALID_PAYLOAD');

  const asyncFlow = await hook([{ key: 's', type: 'sleep', options: { milliseconds: 300 } }, T1].map((o, i, all) => ({ ...o, resolve: all[i + 1]?.key })), { async: true });
  const started = Date.now();
  like(t, await fire(asyncFlow.id, { a: 1 }), 'webhook_async_true');
  t.ok(Date.now() - started < 300, 'async answers before the flow has run');
  const [run] = await runsOf(asyncFlow.id, 1);
  t.same(run?.data?.data?.t1, { ok: true, from: 't1' }, 'the async run ran all the same');

  const noMethod = await makeFlow({ trigger: 'webhook', options: { return: '$last' } }, [T1]);
  like(t, await fire(noMethod.id, { a: 1 }), 'webhook_no_method_option_post');
  like(t, await a.get(`/flows/trigger/${noMethod.id}`), 'webhook_no_method_option_get');
  const nullOptions = await makeFlow({ trigger: 'webhook', options: null }, [T1]);
  like(t, await a.get(`/flows/trigger/${nullOptions.id}`), 'webhook_null_options_get');
  like(t, await fire(nullOptions.id, {}), 'webhook_null_options_post');
  like(t, await fire((await hook([])).id, { a: 1 }), 'webhook_no_operations_all');
  like(t, await fire((await hook([], { return: '$last' })).id, { a: 1 }), 'webhook_no_operations_last');
  like(t, await fire(randomUUID(), {}), 'webhook_unknown_flow');
  like(t, await a.get(`/flows/trigger/${randomUUID()}`), 'webhook_unknown_flow_get');
  like(t, await a.get('/flows/trigger/abc'), 'webhook_notuuid_flow');
  const inactive = await hook([T1], {}, { status: 'inactive' });
  like(t, await fire(inactive.id, {}), 'webhook_inactive_flow');
  const sub = await makeFlow({ trigger: 'operation', options: { return: '$last' } }, [T1]);
  like(t, await fire(sub.id, { a: 1 }), 'webhook_call_operation_trigger_flow');

  const acc = await hook([{ key: 't', type: 'transform', options: { json: { acc: '{{ $accountability }}' } } }], { return: '$last' });
  like(t, await fire(acc.id, {}, { token: noapp }), 'webhook_accountability_nonadmin_noapp');
  const [logged] = await runsOf(acc.id, 1);
  const fx = FX._derived_webhook_run_revision;
  const noappUser = (await a.sql<{ id: string }>(`select id::text from directus_users where email = 'zflw-noapp@example.com'`))[0].id;
  t.match(logged, { action: 'run', user: noappUser, collection: 'directus_flows', item: acc.id, ip: '127.0.0.1', user_agent: 'node' }, 'the run\'s activity row');
  t.equal(logged?.data?.data?.$trigger?.headers?.authorization, '--redacted--', 'the token is not written down');
  t.same(conform(logged?.data?.steps, fx.revision.data.steps), fx.revision.data.steps, 'the run revision\'s steps');
  t.same(Object.keys(logged?.data?.data ?? {}), ['$trigger', '$last', '$accountability', '$env', 't'], 'the run revision\'s data chain');
});

// ---------------------------------------------------------------------------------------------
// 3. templating

t.test('templating: the recorded table', async (t) => {
  const fx = FX._derived_templates;
  const names = Object.keys(fx.results).filter((n) => n !== 'single');
  const f = await hook([
    { key: 't0', type: 'transform', options: { json: { from: 't0', n: 1 } }, resolve: 't1' },
    { key: 't1', type: 'transform', options: { json: Object.fromEntries(names.map((n) => [n, fx.results[n].template])) } },
  ]);
  const res = await a.post(`/flows/trigger/${f.id}?q=qq`, fx.body);
  t.equal(res.status, 200, res.text.slice(0, 300));
  for (const n of names) {
    const got = res.body?.t1?.[n];
    const want = fx.results[n].t1.v;
    t.same(conform(got, want), want, `${n}: ${JSON.stringify(fx.results[n].template)}`);
  }
  t.equal(res.body?.t1?.user, me.id, '{{ $accountability.user }} is the caller');

  const single = await hook([{ key: 't1', type: 'transform', options: { json: { v: '{{ }}' } } }]);
  const r2 = await a.post(`/flows/trigger/${single.id}?q=qq`, fx.body);
  t.same(r2.body?.t1, fx.results.single.t1, 'an empty tag makes the operation throw ({} in the output)');
  t.same(r2.body?.$last, fx.results.single.last);
});

t.test('transform: string JSON, whole tags, errors on the reject path', async (t) => {
  const T2: Op = { key: 't2', type: 'transform', options: { json: { rejected: true, last: '{{$last}}', msg: '{{$last.message}}', name: '{{$last.name}}', code: '{{$last.code}}' } } };
  const tf = (json: unknown, ret?: string) => hook([{ key: 't1', type: 'transform', options: json === undefined ? {} : { json }, reject: 't2' }, T2], ret ? { return: ret } : {});
  const body = { a: 5, obj: { k: 'v' } };
  like(t, await fire((await tf({ v: '{{ }}' })).id, body), 'transform_empty_tag');
  like(t, await fire((await tf('not json')).id, body), 'transform_string_json_not_json');
  like(t, await fire((await tf('{"n":{{ $trigger.body.a }},"o":{{ $trigger.body.obj }}}')).id, body), 'transform_string_json_unquoted');
  like(t, await fire((await tf('{"raw":"{{ $trigger.body.a }}","s":"x{{ $trigger.body.a }}"}')).id, body), 'transform_string_json_valid');
  const bad = '{"n":{{ $trigger.body.a }} {{ $trigger.body.a }}}';
  let message = '';
  try {
    JSON.parse('{"n":5 5}');
  } catch (err) {
    message = (err as Error).message;
  }
  const inv = await fire((await tf(bad)).id, body);
  t.same(inv.body?.t2, { rejected: true, last: {}, msg: message, name: 'SyntaxError', code: 'undefined' }, 'invalid JSON once rendered rejects with JSON.parse\'s error');
  const noReject = await hook([{ key: 't1', type: 'transform', options: { json: 'not json' } }], { return: '$last' });
  like(t, await fire(noReject.id, body), 'transform_throw_no_reject_return_last');
  const whole = FX.template_json_whole_tag.request.body;
  like(t, await fire((await hook([{ key: 't1', type: 'transform', options: { json: '{{ $trigger.body.obj }}' } }], { return: '$last' })).id, whole), 'template_json_whole_tag');
  like(t, await fire((await hook([{ key: 't1', type: 'transform', options: {} }], { return: '$last' })).id, whole), 'transform_no_json_option');
});

// ---------------------------------------------------------------------------------------------
// 4. operations

t.test('condition', async (t) => {
  const cond = (filter: unknown, links: 'both' | 'none' = 'both', ret = '$all') => hook(links === 'both'
    ? [{ key: 'c', type: 'condition', options: filter === undefined ? {} : { filter }, resolve: 'ok', reject: 'rej' }, OK, REJ]
    : [{ key: 'c', type: 'condition', options: { filter } }], { return: ret });
  const eq1 = { $trigger: { body: { a: { _eq: 1 } } } };
  const both = await cond(eq1);
  like(t, await fire(both.id, { a: 1 }), 'op_condition_pass', true);
  like(t, await fire(both.id, { a: 2 }), 'op_condition_fail', true);
  like(t, await fire(both.id, {}), 'op_condition_fail_missing', true);
  const none = await cond(eq1, 'none');
  like(t, await fire(none.id, { a: 2 }), 'op_condition_fail_no_reject_all', true);
  like(t, await fire(none.id, { a: 1 }), 'op_condition_pass_no_links_all', true);
  const noneLast = await cond(eq1, 'none', '$last');
  like(t, await fire(noneLast.id, { a: 2 }), 'op_condition_fail_no_reject_last');
  like(t, await fire(noneLast.id, { a: 1 }), 'op_condition_pass_no_links_last');
  const tpl = await cond({ $trigger: { body: { a: { _gte: '{{ $trigger.query.min }}' } } } });
  like(t, await a.post(`/flows/trigger/${tpl.id}?min=3`, { a: 5 }), 'op_condition_templated_filter_pass', true);
  const strEq = await cond({ $trigger: { body: { s: { _eq: 'allowed' } } } }, 'none', '$last');
  t.same((await fire(strEq.id, { s: 'no' })).body, [{ name: 'DirectusError', extensions: { field: '$trigger', path: ['body', 's'], type: 'eq', valid: 'allowed' }, code: 'FAILED_VALIDATION', status: 400 }], 'a string _eq fails as type eq');
  like(t, await fire((await cond({ $trigger: { body: { a: { _bogus: 1 } } } })).id, { a: 5 }), 'op_condition_bad_operator', true);
  like(t, await fire((await cond(undefined)).id, { a: 5 }), 'op_condition_no_filter', true);
});

t.test('log, sleep, throw-error', async (t) => {
  like(t, await fire((await hook([{ key: 'l', type: 'log', options: { message: 'hi {{ $trigger.body.a }}' } }])).id, { a: 1 }), 'op_log', true);
  like(t, await fire((await hook([{ key: 'l', type: 'log', options: { message: { level: 'object' } } }])).id, { a: 1 }), 'op_log_object_level', true);
  const sleep = await hook([{ key: 's', type: 'sleep', options: { milliseconds: 150 } }]);
  const started = Date.now();
  like(t, await fire(sleep.id, { a: 1 }), 'op_sleep', true);
  t.ok(Date.now() - started >= FX.op_sleep.elapsedAtLeastMs, 'the sync answer waits for the sleep');
  like(t, await fire((await hook([{ key: 's', type: 'sleep', options: { milliseconds: '{{ $trigger.body.ms }}' } }])).id, { ms: 50 }), 'op_sleep_templated', true);

  const E = (options: unknown, more: Partial<Op> = {}): Op => ({ key: 'e', type: 'throw-error', options, ...more });
  const teapot = { code: 'MY_CODE', status: 418, message: 'no' };
  like(t, await fire((await hook([E(teapot)], { return: '$last' })).id, { a: 1 }), 'op_throw_error_sync_last');
  like(t, await fire((await hook([E(teapot)])).id, { a: 1 }), 'op_throw_error_sync_all', true);
  like(t, await fire((await hook([E({ code: 'MY_CODE', status: '400', message: 'no' })], { return: undefined })).id, { a: 1 }), 'op_throw_error_sync_no_return');
  like(t, await fire((await hook([E({})])).id, { a: 1 }), 'op_throw_error_no_options', true);
  like(t, await fire((await hook([E(teapot, { reject: 'rej' }), REJ])).id, { a: 1 }), 'op_throw_error_with_reject', true);
  const asyncThrow = await hook([E(teapot)], { async: true });
  like(t, await fire(asyncThrow.id, { a: 1 }), 'op_throw_error_async');
  const tplMsg = await hook([E({ code: 'MY_CODE', status: 418, message: 'bad {{ $trigger.body.a }}' }, { reject: 'rej' }), REJ], { return: '$last' });
  t.equal((await fire(tplMsg.id, { a: 7 })).body?.msg, 'bad 7', 'throw-error templates its message');
});

t.test('item operations: results and permissions', async (t) => {
  const item = async (type: string, options: Record<string, unknown>, body: unknown = {}, token?: string | null) => {
    const key = { 'item-create': 'ic', 'item-read': 'ir', 'item-update': 'iu', 'item-delete': 'id' }[type]!;
    const f = await hook([{ key, type, options, reject: 'rej' }, REJ]);
    return fire(f.id, body, token === undefined ? {} : { token });
  };
  const C = 'zflw_items';
  like(t, await item('item-create', { collection: C, payload: { title: '{{ $trigger.body.title }}', n: 1 } }, { title: 't1' }), 'op_item_create_single', true);
  like(t, await item('item-create', { collection: C, payload: [{ title: 'a', n: 2 }, { title: 'b', n: 3 }] }), 'op_item_create_array', true);
  like(t, await item('item-create', { collection: C, payload: '{{ $trigger.body }}' }, { title: 'fromtrigger', n: 4 }), 'op_item_create_payload_template_default_perms', true);
  like(t, await item('item-create', { collection: C, payload: { title: 'x' }, permissions: '$trigger' }), 'op_item_create_perm_trigger_admin', true);
  const before = await count(C);
  like(t, await item('item-create', { collection: C, payload: { title: 'anon' }, permissions: '$trigger' }, {}, null), 'op_item_create_perm_trigger_anonymous', true);
  like(t, await item('item-create', { collection: C, payload: { title: 'pub' }, permissions: '$public' }), 'op_item_create_perm_public', true);
  t.equal(await count(C), before, 'the refused creates wrote nothing');
  like(t, await item('item-create', { collection: C, payload: { nope: 1 } }), 'op_item_create_bad_field', true);
  like(t, await item('item-create', { collection: 'zflw_nosuch', payload: { title: 'x' } }), 'op_item_create_bad_collection', true);
  like(t, await item('item-create', { collection: C }), 'op_item_create_no_payload', true);

  like(t, await item('item-read', { collection: C, key: ['1'] }), 'op_item_read_key_array', true);
  like(t, await item('item-read', { collection: C, key: 1 }), 'op_item_read_key_scalar', true);
  like(t, await item('item-read', { collection: C, key: '{{ $trigger.body.id }}' }, { id: 2 }), 'op_item_read_key_template', true);
  like(t, await item('item-read', { collection: C, query: { filter: { n: { _in: [2, 3] } }, fields: ['title', 'n'], sort: ['id'] } }), 'op_item_read_query', true);
  like(t, await item('item-read', { collection: C, key: [1, 2], query: { fields: ['id', 'title'] } }), 'op_item_read_keys_and_query', true);
  like(t, await item('item-read', { collection: C }), 'op_item_read_no_key_no_query', true);
  like(t, await item('item-read', { collection: C, key: 999 }), 'op_item_read_missing_key', true);
  like(t, await item('item-read', { collection: C, key: 1, permissions: '$public' }), 'op_item_read_public', true);

  like(t, await item('item-update', { collection: C, key: ['1'], payload: { n: 100 } }), 'op_item_update_key_array', true);
  like(t, await item('item-update', { collection: C, key: 1, payload: { n: 101 } }), 'op_item_update_key_scalar', true);
  like(t, await item('item-update', { collection: C, query: { filter: { id: { _in: [2, 3] } } }, payload: { title: 'byquery' } }), 'op_item_update_query', true);
  like(t, await item('item-update', { collection: C, payload: { title: 'nowhere' } }), 'op_item_update_no_key', true);
  like(t, await a.get(`/items/${C}?sort=id&fields=title,n`), 'items_after_update');

  like(t, await item('item-delete', { collection: C, key: ['1'] }), 'op_item_delete_key_array', true);
  like(t, await item('item-delete', { collection: C, key: 2 }), 'op_item_delete_key_scalar', true);
  like(t, await item('item-delete', { collection: C, query: { filter: { id: { _eq: 3 } } } }), 'op_item_delete_query', true);
  like(t, await item('item-delete', { collection: C }), 'op_item_delete_no_key', true);
  like(t, await a.get(`/items/${C}?sort=id&fields=title,n`), 'items_after_delete');
});

t.test('exec', async (t) => {
  const ex = (code: string) => hook([{ key: 'ex', type: 'exec', options: { code }, reject: 'rej' }, REJ]);
  like(t, await fire((await ex('module.exports = async function (data) { return { sum: data.$trigger.body.a + 1, keys: Object.keys(data) }; };')).id, { a: 1 }), 'op_exec', true);
  like(t, await fire((await ex('module.exports = async function () { throw new Error("boom"); };')).id, { a: 1 }), 'op_exec_throw', true);
  like(t, await fire((await ex('module.exports = async function () { return require("fs").readdirSync("/"); };')).id, { a: 1 }), 'op_exec_require', true);
});

t.test('trigger: sub-flows of trigger "operation"', async (t) => {
  const subOp: Op = { key: 'st', type: 'transform', options: { json: { got: '{{ $trigger }}', acc: '{{ $accountability }}', lastInSub: '{{ $last }}' } } };
  const created = await a.post('/flows', { name: 'zflw_sub', trigger: 'operation', options: { return: '$last' } });
  like(t, created, 'flows_create_operation_trigger');
  const sub = created.body.data.id;
  const subOps = await a.post('/operations', { flow: sub, ...subOp, position_x: 1, position_y: 1 });
  await a.patch(`/flows/${sub}`, { operation: subOps.body.data.id });
  const tg = (options: Record<string, unknown>) => hook([{ key: 'tg', type: 'trigger', options }]);
  like(t, await fire((await tg({ flow: sub, payload: { x: 1 } })).id, { a: 1 }), 'op_trigger_object_payload', true);
  like(t, await fire((await tg({ flow: sub, payload: [{ x: 1 }, { x: 2 }], iterationMode: 'serial' })).id, { a: 1 }), 'op_trigger_array_serial', true);
  like(t, await fire((await tg({ flow: sub, payload: [{ x: 1 }, { x: 2 }], iterationMode: 'parallel' })).id, { a: 1 }), 'op_trigger_array_parallel', true);
  like(t, await fire((await tg({ flow: sub, payload: [{ x: 1 }, { x: 2 }, { x: 3 }], iterationMode: 'batch', batchSize: 2 })).id, { a: 1 }), 'op_trigger_array_batch', true);
  like(t, await fire((await tg({ flow: sub, payload: [{ x: 1 }, { x: 2 }] })).id, { a: 1 }), 'op_trigger_array_default_mode', true);
  like(t, await fire((await tg({ flow: sub })).id, { a: 1 }), 'op_trigger_no_payload', true);
  like(t, await fire((await tg({ flow: sub, payload: '{{ $trigger.body }}' })).id, { a: 1, b: [1] }), 'op_trigger_templated_payload', true);
  like(t, await fire((await tg({ flow: randomUUID(), payload: { x: 1 } })).id, { a: 1 }), 'op_trigger_unknown_flow', true);

  const all = await makeFlow({ trigger: 'operation', options: { return: '$all' } }, [{ key: 'st', type: 'transform', options: { json: { ok: 1 } } }]);
  like(t, await fire((await tg({ flow: all.id, payload: { x: 1 } })).id, { a: 1 }), 'op_trigger_sub_return_all', true);
  const absent = await makeFlow({ trigger: 'operation', options: {} }, [{ key: 'st', type: 'transform', options: { json: { ok: 1 } } }]);
  like(t, await fire((await tg({ flow: absent.id, payload: { x: 1 } })).id, { a: 1 }), 'op_trigger_sub_return_absent', true);
  const throws = await makeFlow({ trigger: 'operation', options: { return: '$last' } }, [{ key: 'e', type: 'throw-error', options: { code: 'SUB_ERR', status: 422, message: 'sub failed' } }]);
  like(t, await fire((await tg({ flow: throws.id, payload: { x: 1 } })).id, { a: 1 }), 'op_trigger_sub_throws', true);
  const inactive = await makeFlow({ trigger: 'operation', status: 'inactive', options: { return: '$last' } }, [{ key: 'st', type: 'transform', options: { json: { ok: 1 } } }]);
  like(t, await fire((await tg({ flow: inactive.id, payload: { x: 1 } })).id, { a: 1 }), 'op_trigger_sub_inactive', true);
  const webhookFlow = await hook([T1]);
  like(t, await fire((await tg({ flow: webhookFlow.id, payload: { x: 1 } })).id, {}), 'op_trigger_targets_webhook_flow', true);
});

t.test('request: to a real receiver, and the deny list', async (t) => {
  const rq = (options: Record<string, unknown>) => hook([{ key: 'rq', type: 'request', options, reject: 'rej' }, REJ]);
  const ok = await rq({ url: `${receiver.url}/req?x=1`, method: 'POST', body: { a: '{{ $trigger.body.a }}' }, headers: [{ header: 'X-Test', value: 'v-{{ $trigger.body.a }}' }] });
  const res = await fire(ok.id, { a: 7 });
  t.equal(res.status, 200);
  const result = res.body?.rq;
  t.same(Object.keys(result ?? {}), ['status', 'statusText', 'headers', 'data'], 'the result is {status, statusText, headers, data}');
  t.match(result, { status: 200, statusText: 'OK', headers: { 'content-type': 'application/json' }, data: { ok: true } });
  const got = receiver.requests.find((r) => r.url === '/req?x=1');
  t.equal(got?.method, 'POST');
  t.same(got?.json, { a: 7 }, 'the templated body was sent as JSON (the raw value kept its type)');
  t.equal(got?.headers['x-test'], 'v-7', 'the templated header was sent');
  t.equal(got?.headers['content-type'], 'application/json');

  const getDefault = await rq({ url: `${receiver.url}/get-default` });
  const r2 = await fire(getDefault.id, {});
  t.equal(receiver.requests.find((r) => r.url === '/get-default')?.method, 'GET', 'GET without a method');
  t.equal(r2.body?.rq?.status, 200);

  receiver.status = (r) => (r.url === '/fail' ? 500 : 200);
  const fail = await fire((await rq({ url: `${receiver.url}/fail` })).id, {});
  receiver.status = 200;
  t.equal(fail.body?.$last?.path, 'reject', 'a 500 answer takes the reject path');
  t.equal(fail.body?.$last?.msg, 'Request failed with status code 500');

  const meta = await fire((await rq({ url: 'http://169.254.169.254/latest/meta-data' })).id, {});
  t.equal(meta.body?.$last?.path, 'reject', 'the metadata address is refused');
  t.equal(meta.body?.$last?.msg, 'Requested domain "169.254.169.254" resolves to a denied IP address');
  like(t, await fire((await rq({ url: 'not a url' })).id, {}), 'op_request_bad_url', true);
});

// ---------------------------------------------------------------------------------------------
// 5. event action flows

t.test('action flows: one run per event, logged as Directus logs it', async (t) => {
  const created = await a.post('/flows', { name: 'zflw_evt', trigger: 'event', accountability: 'all', options: { type: 'action', scope: ['items.create', 'items.update', 'items.delete'], collections: ['zflw_ev'] } });
  t.same(conform(created.body, FX.flows_create_event_action.body), { data: { ...FX.flows_create_event_action.body.data, name: 'zflw_evt', options: { type: 'action', scope: ['items.create', 'items.update', 'items.delete'], collections: ['zflw_ev'] } } });
  const flow = created.body.data.id;
  const op = await a.post('/operations', { flow, key: 't', type: 'transform', options: { json: { trigger: '{{ $trigger }}', acc: '{{ $accountability }}' } }, position_x: 1, position_y: 1 });
  await a.patch(`/flows/${flow}`, { operation: op.body.data.id });
  const adminAcc = { role: me.role, user: me.id, roles: [me.role], admin: true, app: true, ip: '127.0.0.1', userAgent: 'node' };
  const ev = (action: string) => `zflw_ev.items.${action}`;

  const one = await a.post('/items/zflw_ev', { title: 'e1', n: 1 });
  t.equal(one.status, 200);
  const k1 = one.body.data.id;
  const runs = await runsOf(flow, 1);
  t.equal(runs.length, 1, 'one create: one run');
  t.same(runs[0].data.data.$trigger, { event: ev('create'), payload: { title: 'e1', n: 1 }, key: k1, collection: 'zflw_ev' }, 'create: $trigger {event, payload, key, collection}');
  t.same(runs[0].data.data.$accountability, adminAcc, 'the caller\'s accountability');
  t.same(runs[0].data.data.$env, {});
  t.same(runs[0].data.steps, [{ operation: op.body.data.id, key: 't', status: 'resolve', options: { json: { trigger: runs[0].data.data.$trigger, acc: adminAcc } } }], 'the run\'s steps with the rendered options');
  t.match(runs[0], { action: 'run', user: me.id, collection: 'directus_flows', item: flow, ip: '127.0.0.1', user_agent: 'node' });
  const activity = await a.get(`/activity?filter[collection][_eq]=directus_flows&filter[item][_eq]=${flow}&sort=id&fields=*`);
  const fxAct = FX.event_flow_activity.body.data[0];
  t.same(conform(activity.body.data?.[0], fxAct), fxAct, 'GET /activity: the run\'s row as Directus shows it');
  const revisions = await a.get(`/revisions?filter[collection][_eq]=directus_flows&filter[item][_eq]=${flow}&sort=id&fields=*`);
  const fxRev = FX.event_flow_revisions.body.data[0];
  const rev = revisions.body.data?.[0];
  t.same(Object.keys(rev ?? {}), Object.keys(fxRev), 'GET /revisions: the run\'s revision fields');
  t.match(rev, { collection: 'directus_flows', item: flow, delta: null, parent: null, version: null });
  t.equal(String(rev?.activity), String(activity.body.data?.[0]?.id), 'the revision belongs to the activity row');

  const two = await a.post('/items/zflw_ev', [{ title: 'e2', n: 2 }, { title: 'e3', n: 3 }]);
  const [k2, k3] = two.body.data.map((r: any) => r.id);
  const is = (event: string, more: (tr: any) => boolean) => (d: any) => d?.$trigger?.event === ev(event) && more(d.$trigger);
  for (const [k, title, n] of [[k2, 'e2', 2], [k3, 'e3', 3]] as const) {
    const run = await runWhere(flow, is('create', (tr) => tr.key === k));
    t.same(run?.data?.data?.$trigger, { event: ev('create'), payload: { title, n }, key: k, collection: 'zflw_ev' }, `a batch create: its own run for ${title}`);
  }
  await a.patch('/items/zflw_ev', { keys: [k2, k3], data: { n: 9 } });
  let run = await runWhere(flow, is('update', (tr) => tr.keys?.length === 2));
  t.same(run?.data?.data?.$trigger, { event: ev('update'), payload: { n: 9 }, keys: [k2, k3], collection: 'zflw_ev' }, 'an update of two: one run with the keys');
  await a.patch(`/items/zflw_ev/${k1}`, { n: 5 });
  run = await runWhere(flow, is('update', (tr) => tr.payload?.n === 5));
  t.same(run?.data?.data?.$trigger, { event: ev('update'), payload: { n: 5 }, keys: [String(k1)], collection: 'zflw_ev' }, 'an update by URL: the key as a string from the URL');
  await a.del(`/items/zflw_ev/${k1}`);
  run = await runWhere(flow, is('delete', (tr) => tr.keys?.length === 1));
  t.same(run?.data?.data?.$trigger, { event: ev('delete'), payload: [String(k1)], keys: [String(k1)], collection: 'zflw_ev' }, 'a delete: the payload is the keys');
  await a.del('/items/zflw_ev', [k2, k3]);
  run = await runWhere(flow, is('delete', (tr) => tr.keys?.length === 2));
  t.same(run?.data?.data?.$trigger, { event: ev('delete'), payload: [k2, k3], keys: [k2, k3], collection: 'zflw_ev' }, 'a batch delete: one run');
  await settled(flow);
  const all7 = await runsOf(flow, 7);
  t.equal(all7.length, 7, 'seven events, seven runs (none twice)');
  t.ok(all7.every((r) => r.revision !== null), 'accountability "all": every run has its revision');
  t.equal((await a.sql(`select count(*)::int as n from strata.deliveries where ${TO_FLOW} and status = 'delivered'`, [flow]))[0].n, 7, 'seven deliveries, each delivered');

  // plain SQL writes run the flow too (no accountability)
  const [row] = await a.sql<{ id: number }>(`insert into zflw_ev (title, n) values ('sql', 1) returning id`);
  run = await runWhere(flow, is('create', (tr) => tr.key === row.id));
  t.match(run?.data?.data?.$trigger, { event: ev('create'), key: row.id, collection: 'zflw_ev', payload: { title: 'sql', n: 1 } }, 'a plain SQL insert runs the flow');
  t.equal(run?.data?.data?.$accountability, null, 'with no accountability');
  t.equal(run?.user, null, 'and no user in the activity row');
  await a.sql(`update zflw_ev set n = 2 where id = $1`, [row.id]);
  run = await runWhere(flow, is('update', (tr) => tr.keys?.[0] === row.id));
  t.match(run?.data?.data?.$trigger, { event: ev('update'), keys: [row.id], collection: 'zflw_ev' }, 'a plain SQL update');
  await a.sql(`delete from zflw_ev where id = $1`, [row.id]);
  run = await runWhere(flow, is('delete', (tr) => tr.keys?.[0] === row.id));
  t.match(run?.data?.data?.$trigger, { event: ev('delete'), keys: [row.id], collection: 'zflw_ev' }, 'a plain SQL delete');
  await deactivate(flow);
});

t.test('flow accountability decides what a run writes; emitEvents', async (t) => {
  const mk = (accountability: string | null) => makeFlow({ trigger: 'event', accountability, options: { type: 'action', scope: ['items.create'], collections: ['zflw_acc'] } },
    [{ key: 't', type: 'transform', options: { json: { ok: 1 } } }]);
  const activity = await mk('activity');
  const none = await mk(null);
  const all = await mk('all');
  const made = await a.post('/items/zflw_acc', { title: 'acc' });
  t.equal(made.status, 200);
  await runsOf(activity.id, 1, false);
  await runsOf(all.id, 1);
  await settled(none.id);
  const counts = async (flow: string) => (await a.sql<any>(`select (select count(*)::int from directus_activity where collection = 'directus_flows' and item = $1) as "activityAdded",
    (select count(*)::int from directus_revisions where collection = 'directus_flows' and item = $1) as "revisionsAdded"`, [flow]))[0];
  const fx = FX._derived_flow_accountability.results;
  t.same(await counts(activity.id), fx.activity, '"activity": one activity row, no revision');
  t.same(await counts(none.id), fx.null, 'null: nothing');
  t.same(await counts(all.id), fx.all, '"all": one of each');
  t.equal((await a.sql(`select count(*)::int as n from strata.deliveries where ${TO_FLOW}`, [none.id]))[0].n, 1, 'the null flow did run');

  // an item-create operation fires action flows only with emitEvents
  const creator = (emitEvents?: boolean) => hook([{ key: 'ic', type: 'item-create', options: { collection: 'zflw_acc', payload: { title: `emit-${emitEvents}` }, ...(emitEvents === undefined ? {} : { emitEvents }) } }], { return: '$last' });
  const quiet = (await fire((await creator()).id, {})).body;
  const quiet2 = (await fire((await creator(false)).id, {})).body;
  const loud = (await fire((await creator(true)).id, {})).body;
  t.ok(Array.isArray(loud) && loud.length === 1, 'the item was created');
  const loudRun = await runWhere(all.id, (d) => d?.$trigger?.key === loud?.[0]);
  t.ok(loudRun, 'emitEvents true: the action flow ran');
  t.match(loudRun?.data?.data?.$trigger, { event: 'zflw_acc.items.create', key: loud?.[0], payload: { title: 'emit-true' } });
  await settled(all.id);
  const allRuns = await runsOf(all.id, 0);
  t.equal(allRuns.filter((r) => r.data?.data?.$trigger?.key === loud?.[0]).length, FX._derived_emitEvents.results.true, 'one run for it');
  const quietRuns = allRuns.filter((r) => [quiet?.[0], quiet2?.[0]].includes(r.data?.data?.$trigger?.key));
  t.equal(quietRuns.length, FX._derived_emitEvents.results.undefined + FX._derived_emitEvents.results.false, 'emitEvents absent or false: no run');
  for (const f of [activity, none, all]) await deactivate(f.id);
});

// ---------------------------------------------------------------------------------------------
// 6. filter flows

t.test('filter flows: change or refuse the write', async (t) => {
  const filter = (scope: string[], ops: Op[], ret?: string) => makeFlow({ trigger: 'event', accountability: 'all', options: { type: 'filter', scope, collections: ['zflw_f'], ...(ret ? { return: ret } : {}) } }, ops);
  const rowOf = async (id: number) => (await a.sql(`select id, title, n from zflw_f where id = $1`, [id]))[0];
  const T: Op = { key: 't', type: 'transform', options: { json: { title: '{{ $trigger.payload.title }}-filtered', n: 42 } } };

  const f1 = await filter(['items.create'], [T], '$last');
  const r1 = await a.post('/items/zflw_f', { title: 'orig', n: 1 });
  t.equal(r1.status, 200);
  t.same(r1.body.data, { id: r1.body.data?.id, title: 'orig-filtered', n: 42 }, 'return $last: the result is written');
  t.same(await rowOf(r1.body.data?.id), { id: r1.body.data?.id, title: 'orig-filtered', n: 42 }, 'the row in the database');
  const [run] = await runsOf(f1.id, 1);
  t.same(run?.data?.data?.$trigger, { payload: { title: 'orig', n: 1 }, event: 'zflw_f.items.create', collection: 'zflw_f' }, 'create: $trigger {payload, event, collection}, no key');
  t.same(run?.data?.steps?.map((s: any) => [s.key, s.status]), [['t', 'resolve']]);
  const batch = await a.post('/items/zflw_f', [{ title: 'b1' }, { title: 'b2' }]);
  t.same(batch.body.data?.map((r: any) => [r.title, r.n]), [['b1-filtered', 42], ['b2-filtered', 42]], 'a batch create: each item filtered');
  t.equal((await runsOf(f1.id, 3)).length, 3, 'one run per item');

  await a.patch(`/flows/${f1.id}`, { options: { type: 'filter', scope: ['items.create'], collections: ['zflw_f'] } });
  const r2 = await a.post('/items/zflw_f', { title: 'orig2', n: 1 });
  t.same([r2.body.data?.title, r2.body.data?.n], ['orig2', 1], 'no return option: the payload is unchanged');
  await a.patch(`/flows/${f1.id}`, { options: { type: 'filter', scope: ['items.create'], collections: ['zflw_f'], return: '$all' } });
  const r3 = await a.post('/items/zflw_f', { title: 'orig3', n: 1 });
  t.same([r3.status, r3.body.data?.title, r3.body.data?.n], [200, null, null], 'return $all: the row is created with nothing of the payload');
  await deactivate(f1.id);

  // refusals: nothing is written
  const before = await count('zflw_f');
  const E = (options: unknown): Op => ({ key: 'e', type: 'throw-error', options });
  const f2 = await filter(['items.create'], [E({ code: 'MY_CODE', status: 400, message: 'no' })]);
  like(t, await a.post('/items/zflw_f', { title: 'blocked' }), 'filter_throw_error');
  like(t, await a.post('/items/zflw_f', [{ title: 'blocked1' }, { title: 'blocked2' }]), 'filter_throw_error_batch');
  await deactivate(f2.id);
  const f3 = await filter(['items.create'], [E({ code: 'MY_CODE', status: '418', message: 'teapot {{ $trigger.payload.title }}' })]);
  like(t, await a.post('/items/zflw_f', { title: 'blocked' }), 'filter_throw_error_418');
  await deactivate(f3.id);
  const f4 = await filter(['items.create'], [E({})]);
  like(t, await a.post('/items/zflw_f', { title: 'blocked' }), 'filter_throw_error_no_options');
  await deactivate(f4.id);
  const f5 = await filter(['items.create'], [{ key: 'c', type: 'condition', options: { filter: { $trigger: { payload: { title: { _eq: 'allowed' } } } } } }], '$last');
  like(t, await a.post('/items/zflw_f', { title: 'blocked' }), 'filter_condition_fail_no_reject');
  const t5 = await count('zflw_f');
  t.equal(t5, before, 'no refused write left a row');
  const passed = await a.post('/items/zflw_f', { title: 'allowed' });
  t.same([passed.status, passed.body?.data?.title, passed.body?.data?.n], [FX.filter_condition_pass_no_resolve.status, null, null], 'a condition that passes (result null) with return $last: the row is written with nulls');
  await deactivate(f5.id);
  const f6 = await filter(['items.create'], [{ key: 't', type: 'transform', options: { json: 'not json' } }], '$last');
  like(t, await a.post('/items/zflw_f', { title: 'blocked' }), 'filter_transform_throws_generic');
  await deactivate(f6.id);
  t.equal(await count('zflw_f'), before + 1, 'only the condition that passed wrote a row');
});

t.test('filter flows on update and delete', async (t) => {
  const ids = (await a.post('/items/zflw_f', [{ title: 'u1', n: 1 }, { title: 'u2', n: 2 }, { title: 'u3', n: 3 }, { title: 'u4', n: 4 }])).body.data.map((r: any) => r.id);
  const upd = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['items.update'], collections: ['zflw_f'], return: '$last' } },
    [{ key: 't', type: 'transform', options: { json: { title: '{{ $trigger.payload.title }}-f' } } }]);
  const one = await a.patch(`/items/zflw_f/${ids[0]}`, { title: 'upd', n: 50 });
  t.same(one.body.data, { id: ids[0], title: 'upd-f', n: 1 }, 'fields left out of the result are not written');
  const many = await a.patch('/items/zflw_f', { keys: [ids[1], ids[2]], data: { title: 'many' } });
  t.same(many.body.data, [{ id: ids[1], title: 'many-f', n: 2 }, { id: ids[2], title: 'many-f', n: 3 }], 'a batch update filtered');
  const runs = await runsOf(upd.id, 2);
  const fx = FX._derived_filter_trigger_shapes.runs;
  t.same(runs[0]?.data?.data?.$trigger, { ...fx[0].$trigger, event: 'zflw_f.items.update', collection: 'zflw_f', keys: [String(ids[0])] }, 'update by URL: $trigger with the keys');
  t.same(runs[1]?.data?.data?.$trigger, { ...fx[1].$trigger, event: 'zflw_f.items.update', collection: 'zflw_f', keys: [ids[1], ids[2]] }, 'batch update: $trigger with the keys');
  await deactivate(upd.id);

  const del = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['items.delete'], collections: ['zflw_f'] } },
    [{ key: 't', type: 'transform', options: { json: { seen: '{{ $trigger.payload }}' } } }]);
  like(t, await a.del(`/items/zflw_f/${ids[3]}`), 'filter_delete_no_return');
  t.equal((await a.sql(`select count(*)::int as n from zflw_f where id = $1`, [ids[3]]))[0].n, 0, 'deleted');
  const [delRun] = await runsOf(del.id, 1);
  t.same(delRun?.data?.data?.$trigger, { payload: [String(ids[3])], event: 'zflw_f.items.delete', collection: 'zflw_f' }, 'delete: $trigger {payload: keys, event, collection}, no keys');
  await deactivate(del.id);
  const block = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['items.delete'], collections: ['zflw_f'] } },
    [{ key: 'e', type: 'throw-error', options: { code: 'NO_DEL', status: 403, message: 'cannot' } }]);
  like(t, await a.del(`/items/zflw_f/${ids[2]}`), 'filter_delete_throw');
  t.equal((await a.sql(`select count(*)::int as n from zflw_f where id = $1`, [ids[2]]))[0].n, 1, 'the refused delete kept the item');
  const [blockRun] = await runsOf(block.id, 1);
  t.same(blockRun?.data?.steps?.map((s: any) => ({ key: s.key, status: s.status })), fx[3].steps, 'the refusing run is logged with its rejected step');
  await deactivate(block.id);
});

t.test('system collections: a filter flow on users.create and an action flow on users.update', async (t) => {
  const refuse = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['items.create'], collections: ['directus_users'] } },
    [{ key: 'c', type: 'condition', options: { filter: { $trigger: { payload: { email: { _ends_with: '@example.com' } } } } } }]);
  const users = await count('directus_users');
  const bad = await a.post('/users', { email: 'someone@elsewhere.org', password: 'pw-else-1' });
  t.equal(bad.status, 400, 'refused by the filter flow');
  t.equal(bad.body.errors?.[0]?.extensions?.code, 'FAILED_VALIDATION');
  t.equal(await count('directus_users'), users, 'no user was created');
  const good = await a.post('/users', { email: 'someone@example.com', password: 'pw-good-1' });
  t.equal(good.status, 200, good.text);
  await deactivate(refuse.id);

  const seen = await makeFlow({ trigger: 'event', accountability: 'all', options: { type: 'action', scope: ['items.update'], collections: ['directus_users'] } },
    [{ key: 't', type: 'transform', options: { json: '{{ $trigger }}' } }]);
  await a.patch(`/users/${good.body.data.id}`, { first_name: 'Seen' });
  const [run] = await runsOf(seen.id, 1);
  t.same(run?.data?.data?.$trigger, { event: 'users.update', payload: { first_name: 'Seen' }, keys: [good.body.data.id], collection: 'directus_users' },
    'the action flow ran with Directus\'s system event name');
  await deactivate(seen.id);
});

// ---------------------------------------------------------------------------------------------
// 7. manual trigger

t.test('manual trigger', async (t) => {
  const created = await a.post('/flows', { name: 'zflw_manual', trigger: 'manual', accountability: 'all', options: { collections: ['zflw_items'], requireConfirmation: false } });
  like(t, created, 'flows_create_manual');
  const flow = created.body.data.id;
  const op = await a.post('/operations', { flow, key: 't', type: 'transform', options: { json: { got: '{{ $trigger }}', acc: '{{ $accountability }}' } }, position_x: 1, position_y: 1 });
  await a.patch(`/flows/${flow}`, { operation: op.body.data.id });
  const admin = await fire(flow, { collection: 'zflw_items', keys: [4, 5] });
  like(t, admin, 'manual_admin');
  t.equal(admin.body?.got?.headers?.authorization, `Bearer ${a.adminToken}`, 'the webhook shape, headers included');
  like(t, await a.get(`/flows/trigger/${flow}`), 'manual_admin_get');
  like(t, await fire(flow, { collection: 'zflw_items', keys: [4] }, { token: null }), 'manual_anonymous');
  like(t, await fire(flow, { collection: 'directus_users', keys: [1] }), 'manual_wrong_collection');
  like(t, await fire(flow, { keys: [1] }), 'manual_no_collection');
  like(t, await fire(flow, {}), 'manual_empty_body');
  like(t, await fire(flow, { collection: 'zflw_items', keys: ['4'], extra: 'x' }), 'manual_extra_fields');
  like(t, await fire(flow, { collection: 'zflw_items', keys: [4], note: 'hi' }), 'manual_require_confirmation_body');
  like(t, await fire(flow, { collection: 'zflw_items' }), 'manual_no_keys');
  like(t, await fire(flow, { collection: 'zflw_items', keys: 4 }), 'manual_keys_not_array');
  like(t, await fire(flow, { collection: 'zflw_items', keys: [4] }, { token: noapp }), 'manual_nonadmin_noapp');

  // an app user may start it on the items it can read, and on no others
  const [mine, theirs] = (await a.sql<{ id: number }>(`insert into zflw_items (title) values ('mine'), ('theirs') returning id`)).map((r) => r.id);
  await a.sql(`
    insert into directus_policies (id, name, app_access) values ('7a7a7a7a-0000-4000-8000-000000000001', 'zflw app', true);
    insert into directus_roles (id, name) values ('7a7a7a7a-0000-4000-8000-000000000002', 'zflw app');
    insert into directus_access (id, role, policy) values (gen_random_uuid(), '7a7a7a7a-0000-4000-8000-000000000002', '7a7a7a7a-0000-4000-8000-000000000001');
    insert into directus_users (id, email, status, role, token) values (gen_random_uuid(), 'zflw-app@example.com', 'active', '7a7a7a7a-0000-4000-8000-000000000002', 'zflw-app-token');
    insert into directus_permissions (collection, action, permissions, fields, policy)
      values ('zflw_items', 'read', '{"title":{"_eq":"mine"}}', '*', '7a7a7a7a-0000-4000-8000-000000000001');
  `);
  const own = await fire(flow, { collection: 'zflw_items', keys: [mine] }, { token: 'zflw-app-token' });
  t.equal(own.status, 200, 'an app user, on an item it can read');
  t.same(own.body?.got?.body, { collection: 'zflw_items', keys: [mine] });
  t.equal((await fire(flow, { collection: 'zflw_items', keys: [mine, theirs] }, { token: 'zflw-app-token' })).status, 403,
    'not on an item it cannot read');
  t.equal((await fire(flow, { collection: 'zflw_items', keys: ['not a key'] }, { token: 'zflw-app-token' })).status, 403, 'nor on a key that names nothing');

  const manual = (options: Record<string, unknown>, ops: Op[], def: Record<string, unknown> = {}) =>
    makeFlow({ trigger: 'manual', options: { collections: ['zflw_items'], requireConfirmation: false, ...options }, ...def }, ops);
  const tOp: Op = { key: 't', type: 'transform', options: { json: { got: '{{ $trigger }}', acc: '{{ $accountability }}' } } };
  like(t, await fire((await manual({ return: '$all' }, [tOp])).id, { collection: 'zflw_items', keys: [4] }), 'manual_return_all_option');
  like(t, await fire((await manual({}, [{ key: 'e', type: 'throw-error', options: { code: 'MY_CODE', status: 418, message: 'no' } }])).id, { collection: 'zflw_items', keys: [4] }), 'manual_throw_error');
  like(t, await fire((await manual({ async: true }, [tOp])).id, { collection: 'zflw_items', keys: [4] }), 'manual_async_option');
  like(t, await fire((await manual({}, [tOp], { status: 'inactive' })).id, { collection: 'zflw_items', keys: [4] }), 'manual_inactive');
});

// ---------------------------------------------------------------------------------------------
// 8. schedule

t.test('schedule flows: every tick runs once, however many gateways tick', async (t) => {
  const f = await makeFlow({ trigger: 'schedule', accountability: 'activity', options: { cron: '* * * * * *' } },
    [{ key: 'r', type: 'request', options: { url: `${receiver.url}/tick`, method: 'POST', body: { flow: 'tick' } } }]);
  const ticks = () => receiver.requests.filter((r) => r.url === '/tick');
  await receiver.waitFor(() => ticks().length >= 2, 10_000);
  t.ok(ticks().length >= 2, 'the schedule runs');
  t.same(ticks()[0].json, { flow: 'tick' });

  const b = await startApp(t, ENV, { database: a.dbName });
  const seen = ticks().length;
  await receiver.waitFor(() => ticks().length >= seen + 4, 15_000);
  t.ok(ticks().length >= seen + 4, 'ticks go on with two gateways');
  const off = await a.patch(`/flows/${f.id}`, { status: 'inactive' });
  t.equal(off.status, 200, 'deactivated');
  await settled(f.id);
  const deliveries = await a.sql<{ dedupe: string; status: string }>(`select dedupe, status from strata.deliveries where target = $1 and event = 'schedule'`, [f.id]);
  const seconds = new Set(deliveries.map((d) => String(d.dedupe).replace(/^schedule:[^:]+:/, '').slice(0, 19)));
  t.equal(seconds.size, deliveries.length, 'one delivery per second: no tick queued twice by the two gateways');
  const keys = ticks().map((r) => String(r.headers['idempotency-key']));
  t.equal(new Set(keys).size, keys.length, 'no tick was sent twice');
  const activity = (await a.sql(`select count(*)::int as n from directus_activity where collection = 'directus_flows' and item = $1`, [f.id]))[0].n;
  t.equal(activity, deliveries.filter((d) => d.status === 'delivered').length, 'one run logged per tick');
  t.ok(Math.abs(ticks().length - activity) <= 1, 'the receiver got each run\'s request');
  await b.close();
});
