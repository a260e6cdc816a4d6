// Several statements in one flight (Connection.runAll, WirePool.runAll, Db.requestMany), against
// the run's real cluster: every statement's first value comes back in order from one write, one
// Sync and one transaction; no row, NULL and zero columns are null; a failing statement undoes
// the whole run and leaves the connection serving; prepared statements are reused; requestMany
// runs as the request's role with its accountability; large values are byte-exact.
import t from 'tap';
import { createHash, randomBytes } from 'node:crypto';
import { connect } from '../src/db/client.js';
import { DirectusError } from '../src/errors.js';
import { Connection, type Statement } from '../src/db/wire/connection.js';
import { WirePool } from '../src/db/wire/pool.js';
import { parseUrl } from '../src/db/wire/url.js';
import type { Accountability } from '../src/types.js';
import { readClusterInfo, urlFor } from './setup/cluster.js';
import { startApp } from './helpers/app.js';
import { Reader } from '../src/engine/reader.js';

const cluster = readClusterInfo();
const tag = randomBytes(3).toString('hex');
const dbName = `wire_many_${tag}`;

const admin = connect(urlFor(cluster.port, 'postgres'), 1);
await admin.queryAsOwner(`create database ${dbName}`);
const dbUrl = urlFor(cluster.port, dbName);
const check = connect(dbUrl, 1);
await check.queryAsOwner('create table many_items (id int primary key, name text not null)');

const cleanups: (() => unknown)[] = [];
t.teardown(async () => {
  for (const fn of cleanups.reverse()) await fn();
  await check.close();
  await admin.queryAsOwner(`drop database if exists ${dbName} with (force)`);
  await admin.close();
});

async function open(): Promise<Connection> {
  const c = await Connection.open(parseUrl(dbUrl, { application_name: `wire_many_${tag}` }));
  cleanups.push(() => c.close());
  return c;
}

/**
 * The frontend messages a connection writes, by type letter, and how many socket writes carry
 * them: what "one flight" means on the wire.
 */
function spy(c: Connection): { writes: number; types: string[]; reset(): void } {
  const socket = (c as unknown as { socket: { write(b: Buffer): boolean } }).socket;
  const seen = { writes: 0, types: [] as string[], reset: () => ((seen.writes = 0), (seen.types = [])) };
  const write = socket.write.bind(socket);
  socket.write = (b: Buffer) => {
    seen.writes++;
    for (let off = 0; off < b.length; off += 1 + b.readInt32BE(off + 1)) seen.types.push(String.fromCharCode(b[off]));
    return write(b);
  };
  return seen;
}

const sql = (...texts: string[]): Statement[] => texts.map((text) => ({ text, params: [] }));
const texts = (values: (Buffer | null)[]) => values.map((v) => (v === null ? null : v.toString()));
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (err) => err as Record<string, any>);

t.test('every statement answers, in order, from one write, one Sync and one transaction', async (t) => {
  const c = await open();
  const wire = spy(c);
  const values = texts(await c.runAll([
    { text: 'select $1::text', params: ['first'] },
    { text: "select 'second'", params: [] },
    { text: 'select ($1::int * 3)::text', params: [7] },
  ]));
  t.same(values, ['first', 'second', '21']);
  t.equal(wire.writes, 1, 'one socket write');
  t.same(wire.types.filter((m) => m === 'S'), ['S'], 'one Sync');
  t.same(wire.types.filter((m) => m === 'E').length, 3, 'three Executes');

  const ids = texts(await c.runAll(sql('select txid_current()::text', 'select pg_backend_pid()::text', 'select txid_current()::text')));
  t.equal(ids[0], ids[2], 'one transaction id for every statement');
  t.not(ids[0], null);

  // run() keeps its answer: one chosen statement's value
  t.equal((await c.run(sql("select 'a'", "select 'b'", "select 'c'"), 1))?.toString(), 'b');
  t.same(await c.runAll([]), [], 'no statements: no values (the Sync alone)');
});

t.test('no row, NULL, zero columns, several rows, an empty statement', async (t) => {
  const c = await open();
  t.same(texts(await c.runAll(sql(
    'select 1 where false',
    'select null::text',
    'select from generate_series(1, 2)',
    "select x::text from generate_series(5, 7) x",
    '',
    "select 'last'",
  ))), [null, null, null, '5', null, 'last'], 'null where there is no value; only the first row counts');
  // a statement with no result rows (an insert) between reads
  t.same(texts(await c.runAll([
    { text: 'insert into many_items values ($1, $2)', params: [1, 'one'] },
    { text: 'select name from many_items where id = $1', params: [1] },
  ])), [null, 'one'], 'a statement sees the ones before it in the same flight');
  await check.queryAsOwner('delete from many_items');
});

t.test('a failing statement fails the run and undoes the others; the connection keeps serving', async (t) => {
  const c = await open();
  const err = await failure(c.runAll([
    { text: 'insert into many_items values ($1, $2)', params: [10, 'kept?'] },
    { text: 'select (1 / $1::int)::text', params: [0] },
    { text: 'insert into many_items values ($1, $2)', params: [11, 'never'] },
  ]));
  t.match(err, { code: '22012', message: 'division by zero' }, "PostgreSQL's error, with its fields");
  t.same(await check.queryAsOwner('select id from many_items'), [], 'the first statement was rolled back, the last never ran');
  t.equal(c.broken, null);
  t.same(texts(await c.runAll(sql("select 'again'", "select current_setting('transaction_isolation') is not null")))[0], 'again');
  t.same(texts(await c.runAll(sql('select 1::text', 'select 2::text'))), ['1', '2'], 'the next run answers normally');
  // the first statement failing, and the last
  t.match(await failure(c.runAll(sql('select 1/0', "select 'x'"))), { code: '22012' });
  t.match(await failure(c.runAll(sql("select 'x'", 'select nope'))), { code: '42703' });
  t.same(texts(await c.runAll(sql("select 'fine'"))), ['fine']);
});

t.test('prepared statements are parsed once per connection and reused', async (t) => {
  const c = await open();
  const wire = spy(c);
  const batch = sql("select 'p1'", "select 'p2'", "select 'p1'");
  t.same(texts(await c.runAll(batch)), ['p1', 'p2', 'p1']);
  t.same(wire.types.filter((m) => m === 'P').length, 2, 'each new text parsed once, even twice in one run');
  wire.reset();
  t.same(texts(await c.runAll(batch)), ['p1', 'p2', 'p1']);
  t.same(wire.types.filter((m) => m === 'P'), [], 'the next run parses nothing');
  const prepared = texts(await c.runAll(sql("select string_agg(statement, '|' order by statement) from pg_prepared_statements where statement like 'select ''p%'")));
  t.same(prepared, ["select 'p1'|select 'p2'"], 'pg_prepared_statements lists each text once');
  // a failed run's new statements: parsed in the failed transaction, they still serve afterwards
  await failure(c.runAll(sql("select 'p3'", 'select 1/0')));
  t.same(texts(await c.runAll(sql("select 'p3'"))), ['p3']);
});

t.test('large values mixed with small ones are byte-exact', async (t) => {
  const c = await open();
  // ~1.3 MB of md5 hex plus multibyte text, between small values (several socket chunks)
  let big = '';
  for (let i = 1; i <= 40000; i++) big += createHash('md5').update(String(i)).digest('hex');
  const multibyte = 'ünï✓😀'.repeat(50000);
  const values = await c.runAll([
    { text: "select 'small-1'", params: [] },
    { text: "select string_agg(md5(i::text), '' order by i) from generate_series(1, 40000) i", params: [] },
    { text: 'select $1::text', params: [null] },
    { text: 'select repeat($1, 50000)', params: ['ünï✓😀'] },
    { text: "select 'small-2'", params: [] },
  ]);
  t.equal(values[0]?.toString(), 'small-1');
  t.ok(values[1]?.equals(Buffer.from(big)), 'the large value, byte for byte');
  t.equal(values[2], null);
  t.ok(values[3]?.equals(Buffer.from(multibyte)), 'multibyte text, byte for byte');
  t.equal(values[4]?.toString(), 'small-2');
});

t.test('cancelling a run of several statements', async (t) => {
  const c = await open();
  const ac = new AbortController();
  setTimeout(() => ac.abort(), 100);
  const started = Date.now();
  const err = await failure(c.runAll(sql("select 'before'", 'select pg_sleep(30)', "select 'after'"), ac.signal));
  t.match(err, { code: '57014' }, "PostgreSQL's query_canceled");
  t.ok(Date.now() - started < 10000, 'stopped at once');
  t.same(texts(await c.runAll(sql("select 'still here'"))), ['still here']);
  t.match(await failure(c.runAll(sql("select 'never'"), AbortSignal.abort())), { code: '57014' }, 'an aborted signal sends nothing');
});

t.test('the pool runs several statements on one connection', async (t) => {
  const p = new WirePool(parseUrl(dbUrl, { application_name: `wire_many_${tag}` }), 1);
  cleanups.push(() => p.end(1));
  const [a, b] = await Promise.all([
    p.runAll(sql('select pg_backend_pid()::text', 'select pg_backend_pid()::text')),
    p.runAll(sql("select 'queued'", "select 'too'")),
  ]);
  t.equal(texts(a)[0], texts(a)[1]);
  t.same(texts(b), ['queued', 'too'], 'a run waiting for the connection gets it next');
  t.equal((await p.run(sql("select 'x'", "select 'y'"), 0))?.toString(), 'x', 'run() unchanged');
});

t.test('Db.requestMany: the request role and its accountability, in one transaction', async (t) => {
  const app = await startApp(t);
  const acc = (admin: boolean): Accountability => ({
    user: null, role: null, roles: [], policies: [], admin, app: admin, ip: '10.1.2.3', userAgent: 'many-test', origin: null,
  });
  const probe = sql(
    'select current_user::text',
    "select current_setting('strata.accountability')::jsonb ->> 'user_agent'",
    'select txid_current()::text',
    "select current_setting('strata.accountability')::jsonb ->> 'ip'",
    'select txid_current()::text',
  );
  for (const isAdmin of [false, true]) {
    const v = texts(await app.db.requestMany(acc(isAdmin), probe));
    t.equal(v.length, 5, 'one value per given statement (the context statement is not one)');
    t.equal(v[0], isAdmin ? 'strata_admin' : 'strata_request', 'runs as the role of the request');
    t.equal(v[1], 'many-test');
    t.equal(v[3], '10.1.2.3');
    t.equal(v[2], v[4], 'one transaction');
  }

  // errors are mapped as request() maps them
  const err = await failure(app.db.requestMany(acc(true), [
    { text: "select 'ok'", params: [] },
    { text: 'select $1::int', params: ['not a number'] },
  ], { valueErrors: 'INVALID_QUERY' }));
  t.ok(err instanceof DirectusError, 'a Directus error');
  t.match(err, { code: 'INVALID_QUERY' });
  t.same(texts(await app.db.requestMany(acc(false), sql("select 'after'"))), ['after'], 'the pool keeps serving');

  // compiled reads side by side, as GraphQL root fields will send them
  const reads = await app.db.requestMany(acc(true), [
    { text: 'select strata.read($1, $2::jsonb)::text', params: ['directus_roles', { fields: ['name'], limit: 1 }] },
    { text: 'select strata.read($1, $2::jsonb)::text', params: ['directus_policies', { aggregate: { count: ['*'] } }] },
  ]);
  t.equal(reads.length, 2);
  t.ok(Array.isArray(JSON.parse(reads[0]!.toString()).data), 'a list read');
  t.ok(JSON.parse(reads[1]!.toString()).data, 'an aggregate read');
});

t.test('Db.requestEach and Reader.readValues: different callers in one flight, each with its own context', async (t) => {
  const app = await startApp(t);
  const acc = (admin: boolean, ip: string): Accountability => ({
    user: null, role: null, roles: [], policies: [], admin, app: admin, ip, userAgent: 'each-test', origin: null,
  });
  const probe = "select current_user || ' ' || (current_setting('strata.accountability')::jsonb ->> 'ip') || ' ' || pg_backend_pid()";
  const v = (texts(await app.db.requestEach([
    { accountability: acc(false, '10.0.0.1'), text: probe, params: [] },
    { accountability: acc(true, '10.0.0.2'), text: probe, params: [] },
    { accountability: acc(false, '10.0.0.3'), text: probe, params: [] },
  ]))) as string[];
  t.same(v.map((x) => x.split(' ').slice(0, 2).join(' ')), ['strata_request 10.0.0.1', 'strata_admin 10.0.0.2', 'strata_request 10.0.0.3'],
    'each statement runs as its own caller, in the given order');
  t.equal(v[0].split(' ')[2], v[2].split(' ')[2], 'callers of one pool share one flight (one connection)');
  const err = await failure(app.db.requestEach([
    { accountability: acc(false, '10.0.0.1'), text: "select 'ok'", params: [] },
    { accountability: acc(false, '10.0.0.1'), text: 'select $1::int', params: ['x'] },
  ], { valueErrors: 'INVALID_QUERY' }));
  t.match(err, { code: 'INVALID_QUERY' }, 'a failing statement fails the flight, mapped as request() maps it');

  // the Reader: a read failing in PostgreSQL (an invalid regular expression) does not take the
  // others of the flight with it: they are run again one by one
  await app.sql('create table each_items (id int primary key, name text)');
  await app.sql("insert into each_items values (1, 'a'), (2, 'b')");
  await app.sql("insert into directus_collections (collection) values ('each_items')");
  await app.post('/utils/cache/clear', {});
  const reader = new Reader(app.db, { defaultLimit: 100, maxDepth: 10, cacheSize: 10 });
  const list = (query: object, a = acc(true, '10.0.0.9')) => ({ accountability: a, collection: 'each_items', query, mode: 'list' as const, output: 'value' as const });
  const out = await reader.readValues([
    list({ fields: ['id'], sort: ['id'] }),
    list({ fields: ['id'], filter: { name: { _regex: '(' } } }),
    list({ fields: ['name'], keys: [2] }),
    list({ fields: ['nope'] }),
  ]);
  t.same(out.map((o) => ('value' in o ? JSON.parse(o.value!.toString()) : (o.error as DirectusError).code)),
    [[{ id: 1 }, { id: 2 }], 'INVALID_QUERY', [{ name: 'b' }], 'FORBIDDEN'], 'each read answers its own value or error');
});
