// Durable change events (issue 13, part 1): the audit triggers write one strata.events row per
// statement and action, in the writing transaction, for API and plain-SQL writes alike, and
// NOTIFY strata_events; the gateway's EventStream reads the table from its last seen id, so a
// missed notification or a listener reconnect loses nothing and repeats nothing.
import t from 'tap';
import postgres from 'postgres';
import { startApp } from './helpers/app.js';
import { urlFor } from './setup/cluster.js';
import { asRole } from './helpers/as-role.js';
import { EventStream, type ChangeEvent } from '../src/engine/events.js';

const app = await startApp(t);

await app.sql(`
  create table ev_authors (id serial primary key, name varchar(255));
  create table ev_articles (id serial primary key, title varchar(255), author integer references ev_authors(id));
  create table ev_comments (id serial primary key, body text not null, article integer references ev_articles(id));
  create table ev_tags (code varchar(20) primary key);
  insert into directus_collections (collection) values ('ev_authors'), ('ev_articles'), ('ev_comments'), ('ev_tags');
  insert into directus_fields (collection, field, special) values ('ev_articles', 'author', 'm2o'), ('ev_articles', 'comments', 'o2m');
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values
    ('ev_articles', 'author', 'ev_authors', null), ('ev_comments', 'article', 'ev_articles', 'comments');
`);
const me = await app.get('/users/me');
const adminId: string = me.body.data.id;

/**
 * Subscribes and waits until the stream is positioned; `events` then resolves with what is
 * delivered from then on, once `until` holds (the timeout only guards a failing test).
 */
async function collect(stream: EventStream, until: (all: ChangeEvent[]) => boolean, ms = 5000): Promise<{ events: Promise<ChangeEvent[]> }> {
  const all: ChangeEvent[] = [];
  const events = new Promise<ChangeEvent[]>((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for events; got ${JSON.stringify(all)}`));
    }, ms);
    const off = stream.subscribe((batch) => {
      all.push(...batch);
      if (until(all)) {
        clearTimeout(timer);
        off();
        resolve(all);
      }
    });
  });
  await stream.positioned();
  return { events };
}
const count = (n: number) => (all: ChangeEvent[]) => all.length >= n;
const hasTag = (code: string) => (all: ChangeEvent[]) => all.some((e) => e.collection === 'ev_tags' && e.keys.includes(code));

const as = (role: string, text: string) => asRole(app.db, role, text);

t.test('REST create, update and delete produce events with keys and the caller', async (t) => {
  let got = await collect(app.events, count(1));
  const created = await app.post('/items/ev_articles', { title: 'one' });
  t.equal(created.status, 200);
  const id = created.body.data.id;
  let [e] = await got.events;
  t.match(e, { collection: 'ev_articles', action: 'create', keys: [id] });
  t.equal(e.accountability?.user, adminId, 'the accountability of the request');
  t.equal(typeof e.txid, 'string');

  got = await collect(app.events, count(1));
  t.equal((await app.patch(`/items/ev_articles/${id}`, { title: 'two' })).status, 200);
  [e] = await got.events;
  t.match(e, { collection: 'ev_articles', action: 'update', keys: [id], accountability: { user: adminId } });

  got = await collect(app.events, count(1));
  t.equal((await app.post('/items/ev_articles', [{ title: 'a' }, { title: 'b' }])).status, 200);
  [e] = await got.events;
  t.equal(e.keys.length, 2, 'one event per statement, with every key it touched');

  got = await collect(app.events, count(1));
  t.equal((await app.del(`/items/ev_articles/${id}`)).status, 204);
  [e] = await got.events;
  t.match(e, { collection: 'ev_articles', action: 'delete', keys: [id], accountability: { user: adminId } });
});

t.test('a nested write produces events for every collection it touched', async (t) => {
  const got = await collect(app.events, (all) => new Set(all.map((e) => e.collection)).size >= 3);
  const res = await app.post('/items/ev_articles', { title: 'nested', author: { name: 'Ann' }, comments: [{ body: 'c1' }, { body: 'c2' }] });
  t.equal(res.status, 200);
  const all = await got.events;
  const by = (c: string) => all.filter((e) => e.collection === c);
  t.match(by('ev_authors'), [{ action: 'create', keys: [res.body.data.author] }]);
  t.match(by('ev_articles'), [{ action: 'create', keys: [res.body.data.id] }]);
  t.same(by('ev_comments').flatMap((e) => e.keys).sort(), [...res.body.data.comments].sort());
  t.ok(all.every((e) => e.accountability?.user === adminId));
});

t.test('a plain-SQL write produces an event without accountability', async (t) => {
  const got = await collect(app.events, hasTag('sql-1'));
  await app.sql("insert into ev_tags (code) values ('sql-1')");
  const [e] = await got.events;
  t.match(e, { collection: 'ev_tags', action: 'create', keys: ['sql-1'], accountability: null });
});

t.test('an aborted transaction emits nothing', async (t) => {
  const [{ before }] = await app.sql<{ before: string }>('select coalesce(max(id), 0)::text as before from strata.events');
  // the author is inserted (its trigger runs) before the comment without a body fails
  const got = await collect(app.events, hasTag('after-abort'));
  const res = await app.post('/items/ev_articles', { title: 'x', author: { name: 'aborted' }, comments: [{ body: null }] });
  t.equal(res.status, 400, res.text);
  await app.sql("insert into ev_tags (code) values ('after-abort')");
  const all = await got.events;
  t.same(all.map((e) => e.keys), [['after-abort']], 'only the later write is delivered');
  t.same(await app.sql('select collection from strata.events where id > $1', [before]), [{ collection: 'ev_tags' }]);
});

t.test('events arrive in commit order, and a transaction still running holds later ids back, not lost', async (t) => {
  const got = await collect(app.events, hasTag('o-3'));
  await app.sql("insert into ev_tags (code) values ('o-1')");
  await app.sql("update ev_tags set code = 'o-2' where code = 'o-1'");
  await app.sql("insert into ev_tags (code) values ('o-3')");
  const all = await got.events;
  t.same(all.map((e) => [e.action, e.keys]), [['create', ['o-1']], ['update', ['o-2']], ['create', ['o-3']]]);
  t.ok(all.every((e, i) => i === 0 || e.id > all[i - 1].id), 'ids ascending');

  // a transaction draws an id, another draws the next one and commits first: the stream must not
  // move past the first one's id while it is running, or its event would be lost
  const both = await collect(app.events, (a) => hasTag('slow')(a) && hasTag('fast')(a));
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let inserted!: () => void;
  const slowInserted = new Promise<void>((r) => (inserted = r));
  const slow = app.db.transaction(async (sql) => {
    await sql("insert into ev_tags (code) values ('slow')");
    inserted();
    await held;
  });
  await slowInserted;
  await app.sql("insert into ev_tags (code) values ('fast')");
  release();
  await slow;
  const events = await both.events;
  t.same(events.map((e) => e.keys[0]), ['slow', 'fast'], 'both delivered once, in id order');

  // The same with the transaction ids the other way round: `fast` takes its transaction id
  // first, `slow` then takes a newer one and draws the lower event id, `fast` commits. While
  // `slow` runs, the snapshots the stream reads with can have no running transaction below
  // their xmax (the latest *completed* id + 1, here fast's), so a stream that took "xmin has
  // reached the gap's xmax" for "every transaction holding a missing id has ended" skipped
  // slow's event as aborted. `slow` is held for several of the stream's gap retries (100 ms).
  // (Other databases' transactions in the same cluster can hide the fault by completing newer
  // ids meanwhile; run alone, the old stream failed here.)
  const pair = await collect(app.events, (a) => hasTag('xslow')(a) && hasTag('xfast')(a));
  const order: string[] = [];
  const off = app.events.subscribe((batch) => {
    for (const e of batch) if (e.collection === 'ev_tags') order.push(String(e.keys[0]));
  });
  t.teardown(off);
  const fast = postgres(urlFor(app.cluster.port, app.dbName), { max: 1, onnotice: () => {} });
  t.teardown(() => fast.end());
  let fastHasXid!: () => void;
  const fastReady = new Promise<void>((r) => (fastHasXid = r));
  let commitFast!: () => void;
  const fastGo = new Promise<void>((r) => (commitFast = r));
  const fastTx = fast.begin(async (tx) => {
    await tx`select pg_current_xact_id()`;
    fastHasXid();
    await fastGo;
    await tx`insert into ev_tags (code) values ('xfast')`;
  });
  await fastReady;
  let releaseSlow!: () => void;
  const slowHeld = new Promise<void>((r) => (releaseSlow = r));
  let slowIn!: () => void;
  const slowReady = new Promise<void>((r) => (slowIn = r));
  const slowTx = app.db.transaction(async (sql) => {
    await sql("insert into ev_tags (code) values ('xslow')");
    slowIn();
    await slowHeld;
  });
  await slowReady;
  commitFast();
  await fastTx;
  await new Promise((r) => setTimeout(r, 500));
  t.same(order.filter((c) => c === 'xslow' || c === 'xfast'), [], 'nothing delivered past the running transaction\'s id');
  releaseSlow();
  await slowTx;
  t.same((await pair.events).filter((e) => e.collection === 'ev_tags').map((e) => e.keys[0]).slice(-2), ['xslow', 'xfast'],
    'both delivered once, in id order, after the slow one committed');
});

t.test('under concurrent, slow and aborted writes every committed event arrives exactly once', async (t) => {
  // ids are drawn in one order and committed in another; aborted ones leave gaps for good
  await app.sql('create table ev_burst (id serial primary key, v int)');
  const writer = postgres(urlFor(app.cluster.port, app.dbName), { max: 12, onnotice: () => {} });
  t.teardown(() => writer.end());
  const seen = new Map<number, number>();
  const committed = new Set<number>();
  let finished = false;
  let allSeen!: () => void;
  const done = new Promise<void>((r) => (allSeen = r));
  const check = () => finished && [...committed].every((id) => seen.has(id)) && allSeen();
  const off = app.events.subscribe((batch) => {
    for (const e of batch) if (e.collection === 'ev_burst') for (const k of e.keys) seen.set(Number(k), (seen.get(Number(k)) ?? 0) + 1);
    check();
  });
  t.teardown(off);
  await app.events.positioned();
  await Promise.all(Array.from({ length: 1200 }, async (_, i) => {
    if (i % 10 === 0) {
      await writer.begin(async (tx) => {
        await tx`insert into ev_burst (v) values (${i})`;
        throw new Error('rolled back');
      }).catch(() => {});
      return;
    }
    const [row] = i % 10 === 1
      ? await writer.begin(async (tx) => {
        const r = await tx`insert into ev_burst (v) values (${i}) returning id`;
        await tx`select pg_sleep(0.01)`;
        return r;
      })
      : await writer`insert into ev_burst (v) values (${i}) returning id`;
    committed.add(row.id);
  }));
  finished = true;
  check();
  await done;
  t.equal(committed.size, 1080);
  t.same([...seen].filter(([id, n]) => n !== 1 || !committed.has(id)), [], 'each committed row once, no aborted row');
});

t.test('after the listener reconnects, events committed meanwhile are delivered once, in order', async (t) => {
  const got = await collect(app.events, hasTag('r-3'));
  const killed = await app.sql<{ ok: boolean }>(`select pg_terminate_backend(pid) as ok from pg_stat_activity
    where datname = current_database() and application_name = 'strata-listen'`);
  t.same(killed, [{ ok: true }], 'the listener connection was cut');
  for (const code of ['r-1', 'r-2', 'r-3']) await app.sql('insert into ev_tags (code) values ($1)', [code]);
  const all = await got.events;
  t.same(all.map((e) => e.keys[0]), ['r-1', 'r-2', 'r-3']);

  // and the stream keeps going on the new connection, without repeating anything
  const next = await collect(app.events, hasTag('r-4'));
  await app.sql("insert into ev_tags (code) values ('r-4')");
  t.same((await next.events).map((e) => e.keys[0]), ['r-4']);
});

t.test('a stream that missed every notification resumes from its last id', async (t) => {
  // a stream of its own, woken by nothing but the test
  const stream = new EventStream(app.db, { pollMs: 0 });
  await stream.start();
  t.teardown(() => stream.close());
  const got = await collect(stream, hasTag('m-2'));
  for (const code of ['m-1', 'm-2']) await app.sql('insert into ev_tags (code) values ($1)', [code]);
  stream.wake();
  t.same((await got.events).map((e) => e.keys[0]), ['m-1', 'm-2']);
  const again = await collect(stream, hasTag('m-3'));
  await app.sql("insert into ev_tags (code) values ('m-3')");
  stream.wake();
  stream.wake();
  t.same((await again.events).map((e) => e.keys[0]), ['m-3'], 'nothing is delivered twice');
});

t.test('commits within the batch window after a read are read together, in one batch', async (t) => {
  // a stream of its own, woken only by the test; subscribing made it read (to position itself),
  // so every wake-up in the next 3 seconds waits for the window's end and one read serves them all
  const stream = new EventStream(app.db, { pollMs: 0, batchWindowMs: 3000 });
  await stream.start();
  t.teardown(() => stream.close());
  const batches: string[][] = [];
  const got = await collect(stream, hasTag('w-3'));
  const off = stream.subscribe((batch) => batches.push(batch.map((e) => String(e.keys[0]))));
  t.teardown(off);
  await stream.catchUp(); // the positioning read is over (it could otherwise see w-1)
  for (const code of ['w-1', 'w-2', 'w-3']) {
    await app.sql('insert into ev_tags (code) values ($1)', [code]);
    stream.wake();
  }
  t.same((await got.events).map((e) => e.keys[0]), ['w-1', 'w-2', 'w-3']);
  t.same(batches, [['w-1', 'w-2', 'w-3']], 'three commits, three wake-ups, one read');

  // catchUp reads (nothing else wakes this stream) and resolves once the batch is handed on
  const next = collect(stream, hasTag('w-4'));
  await app.sql("insert into ev_tags (code) values ('w-4')");
  await stream.catchUp();
  t.same(batches.at(-1), ['w-4'], 'the commit before the call was read and handed on');
  t.same((await (await next).events).map((e) => e.keys[0]), ['w-4']);
});

t.test('prune_events removes events older than the retention', async (t) => {
  await app.sql("insert into ev_tags (code) values ('old'), ('old-2')");
  await app.sql("update strata.events set created_at = now() - interval '2 days' where keys ? 'old'");
  const [{ n: before }] = await app.sql<{ n: number }>('select count(*)::int as n from strata.events');
  t.equal(await app.events.prune(), 1, 'the gateway prunes with STRATA_EVENTS_RETENTION (1 day)');
  const [{ n: after }] = await app.sql<{ n: number }>('select count(*)::int as n from strata.events');
  t.equal(after, before - 1);
  t.same(await app.sql("select 1 from strata.events where keys ? 'old'"), []);
  const [{ n }] = await app.sql<{ n: string }>("select strata.prune_events('0 seconds')::text as n");
  t.equal(Number(n), after, 'strata.prune_events(interval) for SQL users');
});

t.test('the request roles cannot read, write or prune strata.events', async (t) => {
  for (const role of ['strata_request', 'strata_admin']) {
    t.match(String(await as(role, 'select * from strata.events')), /permission/, `${role} cannot select`);
    t.match(String(await as(role, `insert into strata.events (collection, action, keys) values ('x', 'create', '[]')`)), /permission/, `${role} cannot insert`);
    t.match(String(await as(role, 'delete from strata.events')), /permission/, `${role} cannot delete`);
    t.match(String(await as(role, "select strata.prune_events('0 seconds')")), /permission/, `${role} cannot prune`);
  }
});
