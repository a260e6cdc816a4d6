// Realtime reliability (issue 13): several gateways on one database, the database dropping every
// connection under live subscriptions, a gateway going away between commit and delivery, aborted
// transactions, and subscribers losing access mid-stream. What is asserted is what a client sees:
// every committed event exactly once, in commit order, and nothing it may no longer read.
//
// The contract after a gateway is lost: a client reconnects (to any gateway) and subscribes
// again; the `init` it gets is the truth at that moment. Events committed while it was
// disconnected are not replayed to it (a gateway delivers what is committed after the
// subscription), the init already contains their effect.
import t from 'tap';
import { startApp, type TestApp } from './helpers/app.js';
import { WsClient } from './helpers/ws-client.js';
import { connect as connectDb } from '../src/db/client.js';
import { urlFor } from './setup/cluster.js';

const a = await startApp(t, { WEBSOCKETS_HEARTBEAT_ENABLED: 'false' });
// a second gateway (its own pool, LISTEN connection and event stream) on the same database
const b = await startApp(t, { WEBSOCKETS_HEARTBEAT_ENABLED: 'false' }, { database: a.dbName });

const POLICY = '11111111-1111-4111-8111-111111111111';
const ROLE = '33333333-3333-4333-8333-333333333333';
const READER = '22222222-2222-4222-8222-222222222222';

await a.sql(`
  create table rel_items (id serial primary key, title varchar(255), status varchar(20) default 'published', secret text);
  insert into directus_collections (collection) values ('rel_items');
  insert into rel_items (title) select 'seed-' || i from generate_series(1, 5) i;
  insert into directus_roles (id, name) values ('${ROLE}', 'Reader');
  insert into directus_policies (id, name, app_access) values ('${POLICY}', 'Readers', true);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${POLICY}');
  insert into directus_users (id, email, status, role, token) values ('${READER}', 'reader@example.com', 'active', '${ROLE}', 'reader-token');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('rel_items', 'read', '{"status":{"_eq":"published"}}', 'id,title,status', '${POLICY}');
`);

/** An authenticated connection subscribed to rel_items (fields id, title), past its `init`. */
async function subscriber(app: TestApp, token = app.adminToken, uid = 's'): Promise<{ c: WsClient; init: any }> {
  const c = await WsClient.open(`${app.url}/websocket`);
  t.teardown(() => c.close());
  const auth = await c.ask({ type: 'auth', access_token: token, uid: 'auth' });
  if (auth.status !== 'ok') throw new Error(`auth failed: ${JSON.stringify(auth)}`);
  c.send({ type: 'subscribe', collection: 'rel_items', query: { fields: ['id', 'title'], sort: ['id'] }, uid });
  const init = await c.next();
  if (init.event !== 'init') throw new Error(`expected init, got ${JSON.stringify(init)}`);
  return { c, init };
}

/**
 * The events a subscriber receives up to and including the one creating a row titled `marker`.
 * The stream delivers in id order, one event at a time to every subscriber, so a duplicate or a
 * late copy of an earlier event would arrive before the marker and show in this list.
 */
async function until(c: WsClient, marker: string): Promise<Array<{ event: string; data: unknown }>> {
  const seen: Array<{ event: string; data: unknown }> = [];
  for (;;) {
    const m = await c.next(() => true, 15_000);
    seen.push({ event: m.event, data: m.data });
    if (m.event === 'create' && Array.isArray(m.data) && m.data.some((r: any) => r.title === marker)) return seen;
  }
}

const sqlInsert = async (app: TestApp, title: string): Promise<number> =>
  (await app.sql<{ id: number }>('insert into rel_items (title) values ($1) returning id', [title]))[0].id;

t.test('two gateways: every subscriber on either gateway gets each event once, in commit order', async (t) => {
  const subs = [await subscriber(a), await subscriber(a), await subscriber(b), await subscriber(b)];

  const restId = (await a.post('/items/rel_items', { title: 'via-a' })).body.data.id;
  const sqlId = await sqlInsert(a, 'via-sql');
  const two = await a.sql<{ id: number }>(`insert into rel_items (title) values ('many-1'), ('many-2') returning id`);
  t.equal((await a.patch('/items/rel_items/1', { title: 'patched-a' })).status, 200);
  await a.sql(`update rel_items set title = 'patched-sql' where id = 2`);
  t.equal((await b.patch('/items/rel_items/3', { title: 'patched-b' })).status, 200);
  t.equal((await a.del('/items/rel_items/4')).status, 204);
  await a.sql('delete from rel_items where id = 5');
  await sqlInsert(a, 'end-1');

  const expected = [
    { event: 'create', data: [{ id: restId, title: 'via-a' }] },
    { event: 'create', data: [{ id: sqlId, title: 'via-sql' }] },
    { event: 'create', data: two.map((r, i) => ({ id: r.id, title: `many-${i + 1}` })) },
    { event: 'update', data: [{ id: 1, title: 'patched-a' }] },
    { event: 'update', data: [{ id: 2, title: 'patched-sql' }] },
    { event: 'update', data: [{ id: 3, title: 'patched-b' }] },
    { event: 'delete', data: [4] },
    { event: 'delete', data: [5] },
  ];
  for (const [i, s] of subs.entries()) {
    const seen = await until(s.c, 'end-1');
    t.same(seen.slice(0, -1), expected, `subscriber ${i} (gateway ${i < 2 ? 'A' : 'B'})`);
  }
});

t.test('concurrent writers: each gateway delivers the same sequence, and the last update carries the committed row', async (t) => {
  const onA = await subscriber(a, a.adminToken, 'c');
  const onB = await subscriber(b, b.adminToken, 'c');
  // 20 writers at once through both gateways and plain SQL, all updating row 1
  await Promise.all(Array.from({ length: 20 }, (_, i) => i % 3 === 0
    ? a.sql(`update rel_items set title = $1 where id = 1`, [`w${i}`])
    : (i % 3 === 1 ? a : b).patch('/items/rel_items/1', { title: `w${i}` })));
  await sqlInsert(a, 'end-2');
  const seenA = await until(onA.c, 'end-2');
  const seenB = await until(onB.c, 'end-2');
  t.equal(seenA.length, 21, '20 updates and the marker, each once');
  // each gateway re-reads the row when it delivers, so the titles in between may differ; the events may not
  const shape = (seen: typeof seenA) => seen.map((m) => ({ event: m.event, ids: (m.data as Array<{ id: number }>).map((r) => r.id) }));
  t.same(shape(seenB), shape(seenA), 'both gateways deliver the same sequence of events');
  const final = (await a.sql<{ title: string }>('select title from rel_items where id = 1'))[0].title;
  t.same(seenA[19], { event: 'update', data: [{ id: 1, title: final }] }, 'the last update shows the committed value');
  t.same(seenB[19], seenA[19]);
});

t.test('every database connection terminated under live subscriptions: events committed meanwhile arrive once, in order', async (t) => {
  const subs = [await subscriber(a, a.adminToken, 'r'), await subscriber(b, b.adminToken, 'r')];
  // a superuser connection of its own, which the termination spares (the test files share the
  // cluster: only this database's connections are dropped, the cluster keeps running)
  const admin = connectDb(urlFor(a.cluster.port, a.dbName), 1);
  t.teardown(() => admin.close());
  const killed = await admin.queryAsOwner<{ n: string }>(
    `select count(pg_terminate_backend(pid))::text as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`);
  t.ok(Number(killed[0].n) >= 4, `terminated ${killed[0].n} backends (both gateways' LISTEN and pool connections)`);

  // commits while the gateways reconnect
  const ids: number[] = [];
  for (let i = 0; i < 5; i++) ids.push((await admin.queryAsOwner<{ id: number }>('insert into rel_items (title) values ($1) returning id', [`during-${i}`]))[0].id);
  // the gateways' request pools recover too: a write through each
  const viaA = await a.post('/items/rel_items', { title: 'after-a' });
  t.equal(viaA.status, 200, 'gateway A serves requests again');
  const viaB = await b.post('/items/rel_items', { title: 'after-b' });
  t.equal(viaB.status, 200, 'gateway B serves requests again');
  await admin.queryAsOwner(`insert into rel_items (title) values ('end-3')`);

  const expected = [
    ...ids.map((id, i) => ({ event: 'create', data: [{ id, title: `during-${i}` }] })),
    { event: 'create', data: [{ id: viaA.body.data.id, title: 'after-a' }] },
    { event: 'create', data: [{ id: viaB.body.data.id, title: 'after-b' }] },
  ];
  for (const [i, s] of subs.entries()) t.same((await until(s.c, 'end-3')).slice(0, -1), expected, `subscriber on gateway ${i ? 'B' : 'A'}`);
});

t.test('only the pool connections terminated (the LISTEN connection stays): the next events still arrive', async (t) => {
  const s = await subscriber(a, a.adminToken, 'q');
  const admin = connectDb(urlFor(a.cluster.port, a.dbName), 1);
  t.teardown(() => admin.close());
  await admin.queryAsOwner(`select pg_terminate_backend(pid) from pg_stat_activity
    where datname = current_database() and pid <> pg_backend_pid() and application_name <> 'strata-listen'`);
  const id = (await admin.queryAsOwner<{ id: number }>(`insert into rel_items (title) values ('pool-lost') returning id`))[0].id;
  t.same(await s.c.next(), { type: 'subscription', event: 'create', data: [{ id, title: 'pool-lost' }], uid: 'q' });
});

t.test('a gateway lost between commit and delivery: re-subscribing on another gateway, init is the truth', async (t) => {
  const c = await connectDb(urlFor(a.cluster.port, a.dbName), 1);
  t.teardown(() => c.close());
  const gone = await startApp(t, { WEBSOCKETS_HEARTBEAT_ENABLED: 'false' }, { database: a.dbName });
  const s = await subscriber(gone, gone.adminToken, 'k');
  // the gateway stops reading events (as if its process stalled right after the commit)...
  await gone.events.close();
  const id = (await c.queryAsOwner<{ id: number }>(`insert into rel_items (title) values ('committed-unseen') returning id`))[0].id;
  await c.queryAsOwner(`update rel_items set title = 'changed-unseen' where id = 2`);
  // ...and goes away before delivering them
  await gone.close();
  const closed = await s.c.closed;
  t.ok(closed.code > 0, 'the client sees its connection end');
  t.same(s.c.pending, [], 'nothing was delivered');

  const again = await subscriber(a, a.adminToken, 'k');
  const rows = again.init.data as Array<{ id: number; title: string }>;
  t.same(rows.find((r) => r.id === id), { id, title: 'committed-unseen' }, 'the init has the row created while undelivered');
  t.same(rows.find((r) => r.id === 2), { id: 2, title: 'changed-unseen' }, 'and the update');
  t.same(rows, await a.sql('select id, title from rel_items order by id'), 'the init is exactly the table');
  // and the new subscription goes on from there
  await sqlInsert(a, 'end-4');
  t.same((await until(again.c, 'end-4')).length, 1, 'no replay of what the init already showed');
});

t.test('an aborted transaction emits nothing', async (t) => {
  const s = await subscriber(a, a.adminToken, 'x');
  const c = await connectDb(urlFor(a.cluster.port, a.dbName), 1);
  t.teardown(() => c.close());
  await t.rejects(c.transaction(async (tx) => {
    await tx(`insert into rel_items (title) values ('aborted')`);
    await tx(`update rel_items set title = 'aborted' where id = 1`);
    throw new Error('abort');
  }));
  // a failing REST write (validation error after the insert's trigger ran: nothing commits)
  t.equal((await a.post('/items/rel_items', [{ title: 'ok' }, { title: 'x'.repeat(300) }])).status, 400);
  await sqlInsert(a, 'end-5');
  t.same(await until(s.c, 'end-5'), [{ event: 'create', data: [{ id: (await a.sql('select max(id) as id from rel_items'))[0].id, title: 'end-5' }] }],
    'only the committed marker');
  t.equal((await a.sql(`select count(*)::int as n from rel_items where title in ('aborted', 'ok')`))[0].n, 0);
});

t.test('a subscriber losing access mid-stream receives nothing it may no longer read', async (t) => {
  const reader = await subscriber(a, 'reader-token', 'p');
  const admin = await subscriber(a, a.adminToken, 'p');
  t.ok(reader.init.data.length > 0, 'the reader reads published rows');
  /** Nothing reached the reader: once the admin has `marker`, the reader's copy (if any) was sent before its pong. */
  const nothingFor = async (marker: string, what: string) => {
    await until(admin.c, marker);
    t.same(await reader.c.ask({ type: 'ping', uid: marker }), { type: 'pong', uid: marker });
    t.same(reader.c.pending, [], what);
  };

  // fewer fields: what it reads from then on has only the fields it may still read
  const perm = (await a.get(`/permissions?filter[policy][_eq]=${POLICY}&filter[collection][_eq]=rel_items`)).body.data[0];
  t.equal((await a.patch(`/permissions/${perm.id}`, { fields: ['id'] })).status, 200);
  const star = { c: await WsClient.open(`${a.url}/websocket`) };
  t.teardown(() => star.c.close());
  t.equal((await star.c.ask({ type: 'auth', access_token: 'reader-token', uid: 'auth' })).status, 'ok');
  star.c.send({ type: 'subscribe', collection: 'rel_items', query: { fields: ['*'], sort: ['id'] }, uid: 'star' });
  t.same(Object.keys((await star.c.next()).data[0]), ['id'], 'a new subscription with * sees only id');
  const id = await sqlInsert(a, 'fewer-fields');
  t.same(await star.c.next(), { type: 'subscription', event: 'create', data: [{ id }], uid: 'star' }, 'its events too');
  // the older subscription asks for title, which the reader may no longer read: nothing
  await nothingFor('fewer-fields', 'a subscription naming a field it lost gets nothing');

  // the permission removed as admin through REST: nothing at all any more
  t.equal((await a.del(`/permissions/${perm.id}`)).status, 204);
  await sqlInsert(a, 'no-permission');
  await nothingFor('no-permission', 'no read permission: no event');
  t.same(await star.c.ask({ type: 'ping', uid: 'n' }), { type: 'pong', uid: 'n' });
  t.same(star.c.pending, [], 'the * subscription got nothing either');

  // permission back, then the policy detached from the reader's role with plain SQL
  t.equal((await a.post('/permissions', { collection: 'rel_items', action: 'read', fields: ['id', 'title'], policy: POLICY })).status, 200);
  const back = await subscriber(a, 'reader-token', 'back');
  await sqlInsert(a, 'readable-again');
  t.match(await back.c.next(), { event: 'create', data: [{ title: 'readable-again' }] }, 'with the permission back it reads again');
  await until(admin.c, 'readable-again');
  await a.sql('delete from directus_access where role = $1', [ROLE]);
  await sqlInsert(a, 'policy-detached');
  await until(admin.c, 'policy-detached');
  t.same(await back.c.ask({ type: 'ping', uid: 'd' }), { type: 'pong', uid: 'd' });
  t.same(back.c.pending, [], 'a policy detached from its role: no event');

  // the user suspended: the connection's credentials no longer hold; it must authenticate again
  await a.sql(`update directus_users set status = 'suspended' where id = $1`, [READER]);
  t.same(await back.c.next(), { type: 'auth', status: 'error', error: { code: 'AUTH_FAILED', message: 'Authentication failed.' } },
    'a suspended user\'s connection loses its access (Strata: Directus keeps it until the token expires)');
  back.c.send({ type: 'subscribe', collection: 'rel_items', uid: 'z' });
  t.same(await back.c.next(), { type: 'auth', status: 'error', error: { code: 'AUTH_FAILED', message: 'Authentication handshake failed.' } },
    'and may do nothing but auth');
  await back.c.closed;
});
