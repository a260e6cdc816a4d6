// Delivery of webhooks and action flows (issue 14): Directus 9's /webhooks delivered to a real
// HTTP receiver for API and plain-SQL writes (with or without a payload, by POST or GET), retried with backoff and recorded in
// GET /flows/deliveries (FLOWS_DELIVERY_LOG), the delivery cursor past open, overlapping and
// aborted transactions (each committed change once, no aborted one), shared by two gateways
// (each delivery once), a gateway that dies holding a lease (another one delivers after it
// expires), the IP deny list, and the fault
// injection run: gateways killed (SIGKILL) and the receiver stopped again and again during
// 1,000 creates, after which every create has reached the receiver (repeats counted, no loss).
import t from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { startApp } from './helpers/app.js';
import { Receiver } from './helpers/receiver.js';
import { asRole } from './helpers/as-role.js';
import { freePort, urlFor } from './setup/cluster.js';
import { connect, type Db } from '../src/db/client.js';

t.setTimeout(240_000);

const ENV = {
  FLOWS_IP_DENY_LIST: '169.254.0.0/16', FLOWS_DELIVERY_BACKOFF: '20', FLOWS_DELIVERY_ATTEMPTS: '3',
  FLOWS_DELIVERY_LEASE: '1000', FLOWS_REQUEST_TIMEOUT: '2000',
  // (the tests below read every delivery's record; the default, failures only, is tested on its own)
  FLOWS_DELIVERY_LOG: 'all',
};
const a = await startApp(t, ENV);
const receiver = await Receiver.start();
t.teardown(() => receiver.stop());

await a.sql(`
  create table wh_items (id serial primary key, title varchar(255), n integer);
  create table wh_other (id serial primary key, title varchar(255));
  insert into directus_collections (collection) values ('wh_items'), ('wh_other');
`);
const me = (await a.get('/users/me')).body.data;

/** a query's rows once `test` holds for them (the delivery's bookkeeping lands just after the receiver's answer) */
async function eventually<T>(text: string, test: (rows: T[]) => boolean, params: unknown[] = []): Promise<T[]> {
  for (let i = 0; ; i++) {
    const rows = await a.sql<T>(text, params);
    if (test(rows) || i > 500) return rows;
    await new Promise((r) => setTimeout(r, 20));
  }
}
/** the deliveries to a listener ('webhook:<id>', 'flow:<id>'): the events that name it (still to get them, or done) and its own rows */
const TO = `(kind || ':' || target = $1 or coalesce(listeners, '[]') || coalesce(done, '[]') ? $1)`;
/** every listened item event committed so far has been delivered and recorded (the delivery cursor is past it) */
const cursorPassed = () => eventually<{ ok: boolean }>(
  `select c.last_id >= coalesce((select max(id) from strata.events where listeners is not null), 0) and cardinality(c.gaps) = 0 as ok
   from strata.delivery_cursor c`, (r) => r[0].ok);
const deliveries = async (target: string) => {
  await cursorPassed();
  return eventually<any>(`select status, attempts, last_status, last_error, event, keys from strata.deliveries where ${TO} order by id`,
    (rows) => rows.length > 0 && rows.every((r) => r.status !== 'pending'), [target]);
};
const bodies = (path: string) => receiver.requests.filter((r) => r.url === path).map((r) => r.json);

/** A transaction that writes `title` into wh_items (its event id is drawn) and stays open until finish(commit). */
function heldWrite(db: Db, title: string) {
  let inserted!: () => void;
  let finish!: (commit: boolean) => void;
  const wrote = new Promise<void>((r) => { inserted = r; });
  const decided = new Promise<boolean>((r) => { finish = r; });
  const done = db.transaction(async (q) => {
    await q('insert into wh_items (title) values ($1)', [title]);
    inserted();
    if (!(await decided)) throw new Error('rolled back');
  }).then(() => 'committed', () => 'rolled back');
  return { wrote, finish, done };
}

let hook: number;

t.test('/webhooks: Directus 9 CRUD', async (t) => {
  const created = await a.post('/webhooks', {
    name: 'items hook', method: 'POST', url: `${receiver.url}/items`, actions: ['create', 'update', 'delete'],
    collections: ['wh_items'], headers: [{ header: 'X-Secret', value: 's3cret' }],
  });
  t.equal(created.status, 200, created.text);
  hook = created.body.data.id;
  t.match(created.body.data, { name: 'items hook', method: 'POST', status: 'active', data: true, actions: ['create', 'update', 'delete'], collections: ['wh_items'] });
  t.same((await a.get(`/webhooks/${hook}`)).body.data.headers, [{ header: 'X-Secret', value: 's3cret' }]);
  t.equal((await a.get('/webhooks')).body.data.length, 1);
  const missing = await a.post('/webhooks', { name: 'no url', actions: ['create'], collections: ['wh_items'] });
  t.equal(missing.status, 400, 'url is required');
  t.equal((await a.get('/webhooks', { token: null })).status, 403, 'anonymous callers see no webhooks');
  t.equal((await a.sql('select count(*)::int as n from directus_webhooks'))[0].n, 1, 'the refused create left nothing');
});

t.test('a create through the API is delivered as Directus 9 sends it', async (t) => {
  const res = await a.post('/items/wh_items', { title: 'first', n: 1 });
  const id = res.body.data.id;
  await receiver.waitFor(() => bodies('/items').length >= 1);
  const got = receiver.requests.find((r) => r.url === '/items')!;
  t.equal(got.method, 'POST');
  t.same(got.json, { event: 'items.create', accountability: { user: me.id, role: me.role }, payload: { title: 'first', n: 1 }, key: id, collection: 'wh_items' });
  t.equal(got.headers['x-secret'], 's3cret', 'the webhook\'s headers are sent');
  t.match(got.headers['idempotency-key'], /^strata-event:\d+:0-webhook-\d+$/, 'an idempotency key names the change event, its item and the webhook');
  const rows = await deliveries(`webhook:${hook}`);
  t.match(rows, [{ status: 'delivered', attempts: 1, last_status: 200, event: 'items.create' }]);
});

t.test('plain SQL writes are delivered too (no accountability, the written row as payload)', async (t) => {
  const before = bodies('/items').length;
  const [row] = await a.sql<{ id: number }>(`insert into wh_items (title, n) values ('from sql', 7) returning id`);
  await receiver.waitFor(() => bodies('/items').length > before);
  t.same(bodies('/items').at(-1), { event: 'items.create', accountability: null, payload: { id: row.id, title: 'from sql', n: 7 }, key: row.id, collection: 'wh_items' });
  await a.sql(`update wh_items set n = 8 where id = $1`, [row.id]);
  await receiver.waitFor(() => bodies('/items').length > before + 1);
  t.same(bodies('/items').at(-1), { event: 'items.update', accountability: null, payload: { n: 8 }, keys: [row.id], collection: 'wh_items' },
    'an update by plain SQL hands on the columns that changed');
});

t.test('updates and deletes: one delivery per statement with the keys', async (t) => {
  const ids = (await a.post('/items/wh_items', [{ title: 'u1' }, { title: 'u2' }])).body.data.map((r: any) => r.id);
  await receiver.waitFor(() => bodies('/items').filter((b) => b.event === 'items.create' && ['u1', 'u2'].includes(b.payload.title)).length === 2);
  t.pass('a batch create is one delivery per item');
  await a.patch('/items/wh_items', { keys: ids, data: { n: 5 } });
  await receiver.waitFor(() => bodies('/items').some((b) => b.event === 'items.update' && b.keys?.length === 2));
  t.same(bodies('/items').find((b) => b.event === 'items.update' && b.keys?.length === 2).payload, { n: 5 });
  await a.del('/items/wh_items', ids);
  await receiver.waitFor(() => bodies('/items').some((b) => b.event === 'items.delete'));
  const del = bodies('/items').find((b) => b.event === 'items.delete');
  t.same([del.keys, del.payload], [ids, ids], 'a delete hands on its keys');
  const other = await a.post('/items/wh_other', { title: 'not listened to' });
  t.equal(other.status, 200);
  t.equal((await a.sql(`select count(*)::int as n from strata.deliveries where collection = 'wh_other'`))[0].n, 0, 'a collection no webhook lists queues nothing');
});

t.test('failures are retried with backoff, then recorded as failed', async (t) => {
  const flaky = (await a.post('/webhooks', { name: 'flaky', url: `${receiver.url}/flaky`, actions: ['create'], collections: ['wh_other'] })).body.data.id;
  let calls = 0;
  receiver.status = (r) => (r.url === '/flaky' && ++calls <= 2 ? 500 : 200);
  await a.post('/items/wh_other', { title: 'retry me' });
  await receiver.waitFor(() => bodies('/flaky').length === 1);
  t.equal(receiver.all.filter((r) => r.url === '/flaky').length, 3, 'two failed attempts, then a delivered one');
  const keys = new Set(receiver.all.filter((r) => r.url === '/flaky').map((r) => r.headers['idempotency-key']));
  t.equal(keys.size, 1, 'every attempt carries the same idempotency key');
  t.match(await deliveries(`webhook:${flaky}`), [{ status: 'delivered', attempts: 3, last_status: 200 }]);

  receiver.status = (r) => (r.url === '/flaky' ? 503 : 200);
  await a.post('/items/wh_other', { title: 'never accepted' });
  const rows = await eventually<any>(`select status, attempts, last_status, last_error from strata.deliveries where ${TO} order by id`,
    (r) => r.length === 2 && r[1].status === 'failed', [`webhook:${flaky}`]);
  t.same(rows[1], { status: 'failed', attempts: 3, last_status: 503, last_error: `webhook:${flaky}: status 503` }, 'FLOWS_DELIVERY_ATTEMPTS tries, then failed');
  receiver.status = 200;

  const listed = await a.get(`/flows/deliveries?kind=webhook&target=${flaky}&status=failed`);
  t.equal(listed.status, 200);
  t.match(listed.body.data, [{ kind: 'event', event: 'items.create', collection: 'wh_other', listeners: [`webhook:${flaky}`], done: [], status: 'failed', attempts: 3, last_status: 503 }],
    'admins read the record (the listeners left undelivered)');
  const reader = await a.post('/users', { email: 'plain@example.com', password: 'pw-plain-1', role: null });
  t.equal(reader.status, 200, reader.text);
  const login = await a.post('/auth/login', { email: 'plain@example.com', password: 'pw-plain-1' }, { token: null });
  t.equal((await a.get('/flows/deliveries', { token: login.body.data.access_token })).status, 403, 'nobody else does');
  t.equal((await a.get('/flows/deliveries', { token: null })).status, 403);
  await a.del(`/webhooks/${flaky}`);
});

t.test('one record per change, fanned out: a failing listener is retried alone', async (t) => {
  await a.sql(`create table wh_fan (id serial primary key, title text); insert into directus_collections (collection) values ('wh_fan')`);
  const ok = (await a.post('/webhooks', { name: 'fan ok', url: `${receiver.url}/fan-ok`, actions: ['create'], collections: ['wh_fan'] })).body.data.id;
  const flaky = (await a.post('/webhooks', { name: 'fan flaky', url: `${receiver.url}/fan-flaky`, actions: ['create'], collections: ['wh_fan'] })).body.data.id;
  const flow = await a.post('/flows', { name: 'fan flow', trigger: 'event', accountability: null,
    options: { type: 'action', scope: ['items.create'], collections: ['wh_fan'] },
    operations: [{ key: 'call', type: 'request', position_x: 1, position_y: 1, options: { url: `${receiver.url}/fan-flow`, method: 'POST', body: { key: '{{ $trigger.key }}' } } }] });
  await a.patch(`/flows/${flow.body.data.id}`, { operation: flow.body.data.operations[0] });
  let calls = 0;
  receiver.status = (r) => (r.url === '/fan-flaky' && ++calls <= 2 ? 500 : 200);
  const made = await a.post('/items/wh_fan', { title: 'to three listeners' });
  t.equal(made.status, 200);
  await receiver.waitFor(() => bodies('/fan-flaky').length === 1);
  receiver.status = 200;
  const row = await eventually<any>(`select kind, target, event, keys, listeners, done, status, attempts from strata.deliveries where collection = 'wh_fan'`,
    (r) => r[0]?.status !== 'pending');
  t.equal(row.length, 1, 'one record for the change, whatever the number of listeners');
  t.same({ ...row[0], done: [...row[0].done].sort() }, {
    kind: 'event', target: null, event: 'items.create', keys: [made.body.data.id], listeners: [], status: 'delivered', attempts: 3,
    done: [`flow:${flow.body.data.id}`, `webhook:${ok}`, `webhook:${flaky}`].sort(),
  }, 'delivered to all three; the failing one took three attempts');
  t.equal(receiver.all.filter((r) => r.url === '/fan-ok').length, 1, 'the webhook that answered at once got exactly one delivery');
  t.equal(receiver.all.filter((r) => r.url === '/fan-flow').length, 1, 'the flow ran exactly once');
  t.equal(receiver.all.filter((r) => r.url === '/fan-flaky').length, 3, 'the failing webhook alone was tried again');
  const keys = receiver.all.filter((r) => r.url.startsWith('/fan-')).map((r) => String(r.headers['idempotency-key']));
  t.equal(new Set(keys).size, 3, 'each listener has its own idempotency key, the same on every attempt');
  t.same(bodies('/fan-ok')[0], bodies('/fan-flaky')[0], 'both webhooks got the same body');
  await a.del(`/webhooks/${ok}`);
  await a.del(`/webhooks/${flaky}`);
  await a.patch(`/flows/${flow.body.data.id}`, { status: 'inactive' });
});

t.test('outgoing requests obey the IP deny list', async (t) => {
  const metadata = (await a.post('/webhooks', { name: 'metadata', url: 'http://169.254.169.254/latest/meta-data', actions: ['create'], collections: ['wh_other'] })).body.data.id;
  await a.post('/items/wh_other', { title: 'to the metadata service' });
  const rows = await eventually<any>(`select status, last_error from strata.deliveries where ${TO}`, (r) => r[0]?.status === 'failed', [`webhook:${metadata}`]);
  t.match(rows[0], { status: 'failed', last_error: /169.254.169.254" resolves to a denied IP address/ });
  await a.del(`/webhooks/${metadata}`);
});

t.test('an inactive webhook queues nothing', async (t) => {
  await a.patch(`/webhooks/${hook}`, { status: 'inactive' });
  await a.post('/items/wh_items', { title: 'unheard' });
  t.equal((await a.sql(`select count(*)::int as n from strata.deliveries where keys @> (select to_jsonb(array[id]) from wh_items where title = 'unheard')`))[0].n, 0);
  await a.patch(`/webhooks/${hook}`, { status: 'active' });
});

t.test('Directus 9 webhooks: data false sends no payload, GET sends no body', async (t) => {
  const made = await a.post('/webhooks', { name: 'no data', method: 'POST', url: `${receiver.url}/no-data`, data: false, actions: ['create'], collections: ['wh_other'] });
  t.equal(made.status, 200, made.text);
  t.match(made.body.data, { method: 'POST', data: false }, 'stored as given');
  const get = (await a.post('/webhooks', { name: 'get', method: 'GET', url: `${receiver.url}/get?from=hook`, actions: ['create'], collections: ['wh_other'],
    headers: [{ header: 'X-Secret', value: 'g3t' }] })).body.data;
  t.match(get, { method: 'GET', data: true }, 'data defaults to true');
  await a.post('/items/wh_other', { title: 'bodiless' });
  await receiver.waitFor(() => receiver.requests.some((r) => r.url === '/no-data') && receiver.requests.some((r) => r.url === '/get?from=hook'));
  const noData = receiver.requests.find((r) => r.url === '/no-data')!;
  t.equal(noData.method, 'POST');
  t.equal(noData.body, '', 'data false: the request has no body');
  t.equal(noData.headers['content-type'], undefined, 'and no content type');
  t.match(noData.headers['idempotency-key'], /^strata-event:\d+:0-webhook-\d+$/, 'but its idempotency key');
  const asGet = receiver.requests.find((r) => r.url === '/get?from=hook')!;
  t.equal(asGet.method, 'GET');
  t.equal(asGet.body, '', 'GET: no body, whatever data says');
  t.equal(asGet.headers['content-type'], undefined);
  t.equal(asGet.headers['x-secret'], 'g3t', 'the webhook\'s headers are sent');
  for (const id of [made.body.data.id, get.id]) t.match(await deliveries(`webhook:${id}`), [{ status: 'delivered', attempts: 1, last_status: 200 }]);
  await a.del(`/webhooks/${made.body.data.id}`);
  await a.del(`/webhooks/${get.id}`);
});

t.test('system collections: directus_users changes are delivered, secrets masked, sign-ins are no change', async (t) => {
  const users = (await a.post('/webhooks', { name: 'users', url: `${receiver.url}/users`, actions: ['create', 'update'], collections: ['directus_users'] })).body.data.id;
  const made = await a.post('/users', { email: 'hooked@example.com', password: 'pw-hooked-1' });
  t.equal(made.status, 200, made.text);
  await receiver.waitFor(() => bodies('/users').length >= 1);
  t.match(bodies('/users')[0], { event: 'items.create', collection: 'directus_users', key: made.body.data.id,
    payload: { email: 'hooked@example.com', password: '**********' } }, 'the password is masked, never handed on');
  t.equal((await a.post('/auth/login', { email: 'hooked@example.com', password: 'pw-hooked-1' }, { token: null })).status, 200);
  await a.patch(`/users/${made.body.data.id}`, { first_name: 'Hook' });
  await receiver.waitFor(() => bodies('/users').length >= 2);
  t.same(bodies('/users')[1].payload, { first_name: 'Hook' });
  await cursorPassed();
  t.equal((await a.sql(`select count(*)::int as n from strata.deliveries where ${TO}`, [`webhook:${users}`]))[0].n, 2,
    'the sign-in (last_access) queued nothing');
  await a.del(`/webhooks/${users}`);
});

t.test('the request roles cannot read or change the queue, the listeners, or queue deliveries', async (t) => {
  const as = async (role: string, text: string) => String(await asRole(a.db, role, text));
  for (const role of ['strata_request', 'strata_admin']) {
    t.match(await as(role, 'select * from strata.deliveries'), /permission/, `${role} cannot read deliveries (payloads)`);
    t.match(await as(role, `update strata.deliveries set status = 'delivered'`), /permission/, `${role} cannot mark deliveries`);
    t.match(await as(role, `insert into strata.deliveries (kind, target, event) values ('webhook', '1', 'items.create')`), /permission/, `${role} cannot queue`);
    t.match(await as(role, `insert into strata.event_hooks values ('wh_other', 'create', 'webhook', '1')`), /permission/, `${role} cannot add a listener`);
    t.match(await as(role, 'select * from strata.delivery_cursor'), /permission/, `${role} cannot read the delivery cursor`);
    t.match(await as(role, `select strata.claim_events('me', null, null, '[]', 10, 60000)`), /permission/, `${role} cannot take the delivery cursor`);
  }
  // (compiled writes, strata_admin's, name their listeners and record their event themselves)
  t.match(await as('strata_request', `select strata.event_listeners('wh_items', 'create')`), /permission/, 'strata_request cannot list the listeners');
  t.match(await as('strata_request', `select strata.record_event('wh_items', 'create', '[1]', '[{"keys":[1],"payload":{}}]')`), /permission/,
    'strata_request cannot record a change event');
});

t.test('a run longer than the lease keeps it: delivered once', async (t) => {
  await a.sql(`create table wh_slow (id serial primary key, title text); insert into directus_collections (collection) values ('wh_slow')`);
  const flow = await a.post('/flows', { name: 'slow', trigger: 'event', accountability: null,
    options: { type: 'action', scope: ['items.create'], collections: ['wh_slow'] },
    operations: [{ key: 'nap', type: 'sleep', position_x: 1, position_y: 1, options: { milliseconds: 2500 } }] });
  t.equal(flow.status, 200, flow.text);
  const nap = flow.body.data.operations[0];
  const call = await a.post('/operations', { flow: flow.body.data.id, key: 'call', type: 'request', position_x: 2, position_y: 1,
    options: { url: `${receiver.url}/slow`, method: 'POST', body: { key: '{{ $trigger.key }}' } } });
  await a.patch(`/operations/${nap}`, { resolve: call.body.data.id });
  await a.patch(`/flows/${flow.body.data.id}`, { operation: nap });
  await a.sql(`insert into wh_slow (title) values ('takes a while')`);
  await receiver.waitFor(() => receiver.requests.some((r) => r.url === '/slow'));
  const rows = await eventually<any>(`select status, attempts from strata.deliveries where ${TO}`, (r) => r[0]?.status === 'delivered', [`flow:${flow.body.data.id}`]);
  t.match(rows, [{ status: 'delivered', attempts: 1 }], 'its lease (1 s) was renewed through the 2.5 s run: no second claim');
  t.equal(receiver.all.filter((r) => r.url === '/slow').length, 1, 'the receiver heard of it once');
  t.match(receiver.requests.find((r) => r.url === '/slow')!.headers['idempotency-key'], /^strata-event:\d+:0-flow-[0-9a-f-]{36}-call$/, 'a request operation names its delivery, flow and operation');
  await a.patch(`/flows/${flow.body.data.id}`, { status: 'inactive' });
});

t.test('an open transaction holds no later delivery back; its event is delivered at commit, an aborted one never', async (t) => {
  const titled = (title: string) => bodies('/items').filter((b) => b.payload?.title === title);
  // a transaction writes (its event id is drawn) and stays open
  const open = heldWrite(a.db, 'late');
  await open.wrote;
  await a.post('/items/wh_items', { title: 'after the open one' });
  await receiver.waitFor(() => titled('after the open one').length === 1);
  t.equal(titled('late').length, 0, 'a later commit was delivered while the open transaction held an earlier event id');
  const [held] = await a.sql<any>('select cardinality(gaps) as gaps from strata.delivery_cursor');
  t.ok(held.gaps >= 1, 'its id is a gap the cursor looks for again');
  open.finish(true);
  t.equal(await open.done, 'committed');
  await receiver.waitFor(() => titled('late').length === 1);
  t.pass('delivered once it committed');

  // the same, rolled back: nothing is delivered for it, and the gap is dropped
  const aborted = a.db.transaction(async (q) => {
    await q(`insert into wh_items (title) values ('never committed')`);
    throw new Error('rolled back');
  }).catch(() => 'aborted');
  t.equal(await aborted, 'aborted');
  await a.post('/items/wh_items', { title: 'after the aborted one' });
  await receiver.waitFor(() => titled('after the aborted one').length === 1);
  await cursorPassed();
  const [cursor] = await a.sql<any>('select cardinality(gaps) as gaps from strata.delivery_cursor');
  t.equal(cursor.gaps, 0, 'no gap is left once the aborted transaction has ended');
  t.equal(titled('never committed').length, 0, 'the aborted write was never delivered');
});

t.test('thousands of gaps at once (a burst of aborted writes) around held transactions: each commit delivered once, no aborted one', async (t) => {
  const titled = (title: string) => bodies('/items').filter((b) => b.payload?.title === title);
  // two transactions write (their event ids are drawn) and stay open, on connections of their own
  const writers = connect(urlFor(a.cluster.port, a.dbName), 2);
  t.teardown(() => writers.close());
  const held = ['held then committed', 'held then rolled back'].map((title) => heldWrite(writers, title));
  await Promise.all(held.map((h) => h.wrote));
  // 3,000 writes undone (each in a subtransaction rolled back): 3,000 event ids never committed
  await a.sql(`do $$ begin for i in 1 .. 3000 loop
      begin insert into wh_items (title) values ('undone'); raise exception 'undo'; exception when others then null; end;
    end loop; end $$`);
  await a.post('/items/wh_items', { title: 'after the burst' });
  await receiver.waitFor(() => titled('after the burst').length === 1);
  const [during] = await a.sql<any>('select cardinality(gaps) as gaps from strata.delivery_cursor');
  t.ok(during.gaps >= 2, `the held ids are gaps the cursor looks for again (${during.gaps} gaps)`);
  held[0].finish(true);
  held[1].finish(false);
  t.strictSame(await Promise.all(held.map((h) => h.done)), ['committed', 'rolled back']);
  await receiver.waitFor(() => titled('held then committed').length === 1);
  await a.post('/items/wh_items', { title: 'after everything' });
  await receiver.waitFor(() => titled('after everything').length === 1);
  await cursorPassed();
  const [cursor] = await a.sql<any>('select cardinality(gaps) as gaps from strata.delivery_cursor');
  t.equal(cursor.gaps, 0, 'no gap is left once every transaction that drew an id has ended');
  t.equal(titled('held then committed').length, 1, 'the held write that committed: delivered once');
  t.equal(titled('held then rolled back').length + titled('undone').length, 0, 'no undone write was delivered');
  t.equal(titled('after the burst').length, 1);
});

t.test('concurrent, overlapping and aborted writes: every committed change delivered exactly once, no aborted one', async (t) => {
  // eight writers, 25 transactions each, overlapping (a third hold their transaction open for a
  // moment, so event ids commit out of order), one in five rolled back
  const committed: string[] = [];
  const aborted: string[] = [];
  await Promise.all(Array.from({ length: 8 }, async (_, w) => {
    for (let i = 0; i < 25; i++) {
      const title = `cc-${w}-${i}`;
      const abort = (w + i) % 5 === 0;
      await a.db.transaction(async (q) => {
        await q('insert into wh_items (title) values ($1)', [title]);
        if (i % 3 === 0) await q('select pg_sleep(0.005)');
        if (abort) throw new Error('rolled back');
      }).then(() => committed.push(title), () => aborted.push(title));
    }
  }));
  t.equal(committed.length, 160);
  const got = () => bodies('/items').map((b) => b.payload?.title).filter((x) => typeof x === 'string' && x.startsWith('cc-'));
  await receiver.waitFor(() => new Set(got()).size >= committed.length);
  await cursorPassed();
  const counts = new Map<string, number>();
  for (const title of got()) counts.set(title, (counts.get(title) ?? 0) + 1);
  t.same(committed.filter((c) => counts.get(c) !== 1), [], 'each committed change reached the receiver exactly once');
  t.same(aborted.filter((c) => counts.has(c)), [], 'no rolled-back change reached it');
});

t.test('two gateways share the queue: each delivery runs once', async (t) => {
  const b = await startApp(t, ENV, { database: a.dbName });
  const before = bodies('/items').length;
  const made = await a.post('/items/wh_items', Array.from({ length: 40 }, (_, i) => ({ title: `shared-${i}` })));
  t.equal(made.status, 200);
  await receiver.waitFor(() => bodies('/items').length >= before + 40);
  const got = receiver.requests.slice(-40).filter((r) => r.url === '/items');
  t.equal(new Set(got.map((r) => r.headers['idempotency-key'])).size, 40, 'forty deliveries, none twice');
  await b.close();
});

t.test('FLOWS_DELIVERY_LOG=failures (the default): a delivered item leaves no row, a failed attempt its retry', async (t) => {
  const { FLOWS_DELIVERY_LOG: _, ...defaults } = ENV;
  const c = await startApp(t, defaults);
  await c.sql(`create table wh_quiet (id serial primary key, title text); insert into directus_collections (collection) values ('wh_quiet')`);
  const quiet = (await c.post('/webhooks', { name: 'quiet', url: `${receiver.url}/quiet`, actions: ['create'], collections: ['wh_quiet'] })).body.data.id;
  let failures = 0;
  receiver.status = (r) => (r.url === '/quiet' && r.json?.payload?.title === 'flaky' && ++failures === 1 ? 500 : 200);
  const fine = (await c.post('/items/wh_quiet', { title: 'fine' })).body.data.id;
  const flaky = (await c.post('/items/wh_quiet', { title: 'flaky' })).body.data.id;
  await receiver.waitFor(() => bodies('/quiet').length === 2);
  receiver.status = 200;
  t.same(bodies('/quiet').map((b) => b.key).sort(), [fine, flaky].sort(), 'both were delivered');
  const recorded = () => c.sql<any>(`select keys, status, attempts, last_status from strata.deliveries where listeners || done ? $1 order by id`, [`webhook:${quiet}`]);
  let rows = await recorded();
  // (the retry's outcome lands just after the receiver's answer)
  for (let i = 0; i < 500 && rows.some((r: any) => r.status === 'pending'); i++) rows = await new Promise((r) => setTimeout(r, 20)).then(recorded);
  t.same([...rows], [{ keys: [flaky], status: 'delivered', attempts: 2, last_status: 200 }], 'only the item that needed a retry has a row');
  const [cursor] = await c.sql<any>(`select c.last_id >= (select max(id) from strata.events where listeners is not null) as passed from strata.delivery_cursor c`);
  t.equal(cursor.passed, true, 'the cursor is past both');
  await c.close();
});

t.test('a gateway that dies holding a lease: another one delivers once the lease expires', async (t) => {
  // what a gateway leaves when it claimed a delivery and died before it finished
  const [row] = await a.sql<{ id: string }>(`insert into strata.deliveries (kind, target, event, collection, keys, payload, attempts, lease_until)
    values ('webhook', $1, 'items.create', 'wh_items', '[999]', '{"title":"orphan"}', 1, now() + interval '300 milliseconds') returning id::text`, [String(hook)]);
  // the queueing commit's wake-up, which reached every gateway (the one that died claimed the row)
  await a.sql(`select pg_notify('strata_deliveries', '')`);
  await receiver.waitFor(() => receiver.requests.some((r) => r.headers['idempotency-key'] === `strata-${row.id}`));
  const rows = await eventually<any>(`select status, attempts from strata.deliveries where id = $1::bigint`, (r) => r[0].status !== 'pending', [row.id]);
  t.match(rows[0], { status: 'delivered', attempts: 2 }, 'delivered on the second attempt, by the gateway still alive');
});

t.test('fault injection: gateways killed and the receiver stopped during 1,000 creates, nothing lost', async (t) => {
  await a.sql(`update directus_webhooks set status = 'inactive' where id = $1`, [hook]);
  await a.post('/webhooks', { name: 'sink', url: `${receiver.url}/sink`, actions: ['create'], collections: ['wh_other'] });
  // the gateway in this process stops delivering: the killed child gateways do all of it
  await a.close();
  const root = resolve(import.meta.dirname, '..');
  const databaseUrl = urlFor(a.cluster.port, a.dbName);
  const spawnGateway = async (): Promise<ChildProcess> => {
    const port = await freePort();
    const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: root, stdio: 'ignore',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: databaseUrl,
        SECRET: 'fault-injection-secret', LOG_LEVEL: 'silent', ...ENV, FLOWS_DELIVERY_ATTEMPTS: '1000', FLOWS_DELIVERY_LEASE: '500' },
    });
    t.teardown(() => { if (proc.exitCode === null) proc.kill('SIGKILL'); });
    return proc;
  };
  let gateway = await spawnGateway();
  const total = 1000;
  const writer = (async () => {
    // the writes go straight to the database: the API gateways are the ones being killed
    for (let i = 0; i < total; i += 50) {
      await a.sql(`insert into wh_other (title) select 'fi-' || g from generate_series($1::int, $2::int) g`, [i, i + 49]);
    }
  })();
  const received = () => new Set(receiver.requests.filter((r) => r.url === '/sink').map((r) => r.json.payload.title)).size;
  for (let round = 0; round < 3; round++) {
    await receiver.waitFor(() => received() >= (round + 1) * 150, 60_000);
    gateway.kill('SIGKILL');
    await receiver.stop();
    gateway = await spawnGateway();
    await receiver.listen();
  }
  await writer;
  await receiver.waitFor(() => received() === total, 120_000);
  const all = receiver.requests.filter((r) => r.url === '/sink');
  t.equal(received(), total, `every one of ${total} creates reached the receiver`);
  t.ok(all.length >= total, `${all.length - total} repeats (at least once: a repeat carries the same idempotency key)`);
  const byKey = new Map<string, Set<string>>();
  for (const r of all) byKey.set(String(r.headers['idempotency-key']), (byKey.get(String(r.headers['idempotency-key'])) ?? new Set()).add(r.json.payload.title));
  t.ok([...byKey.values()].every((s) => s.size === 1), 'one idempotency key never names two different changes');
  gateway.kill('SIGKILL');
});
