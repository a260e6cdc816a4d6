// Cancelling a run of Strata's wire client (src/db/wire) with an AbortSignal, against the run's
// real cluster: the statement stops at once with PostgreSQL's 57014, the backend is idle again,
// the connection keeps serving; an already aborted signal (or one aborted while queued) sends
// nothing; a signal aborted after the run never reaches a later request; over TLS the cancel
// request is encrypted too.
import t from 'tap';
import { randomBytes } from 'node:crypto';
import { connect } from '../src/db/client.js';
import { WirePool } from '../src/db/wire/pool.js';
import { parseUrl } from '../src/db/wire/url.js';
import type { Accountability } from '../src/types.js';
import { readClusterInfo, urlFor } from './setup/cluster.js';
import { makePki, pgProxy } from './helpers/pg-proxy.js';

const cluster = readClusterInfo();
const tag = randomBytes(3).toString('hex');
const dbName = `wire_cancel_${tag}`;
const app = `wire_cancel_${tag}`;

const admin = connect(urlFor(cluster.port, 'postgres'), 1);
await admin.queryAsOwner(`create database ${dbName}`);
const dbUrl = urlFor(cluster.port, dbName);

const cleanups: (() => unknown)[] = [];
t.teardown(async () => {
  for (const fn of cleanups.reverse()) await fn();
  await admin.queryAsOwner(`drop database if exists ${dbName} with (force)`);
  await admin.close();
});

function pool(url = dbUrl, max = 1, name = app): WirePool {
  const p = new WirePool(parseUrl(url, { application_name: name }), max);
  cleanups.push(() => p.end(1));
  return p;
}

const text = (b: Buffer | null) => (b === null ? null : b.toString());
const sql = (s: string) => [{ text: s, params: [] }];
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (err) => err as Record<string, any>);
const abortAfter = (ms: number) => {
  const ac = new AbortController();
  setTimeout(() => ac.abort(), ms);
  return ac.signal;
};

async function until(what: string, cond: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const stateOf = async (pid: string) =>
  (await admin.queryAsOwner<{ state: string; query: string }>('select state, query from pg_stat_activity where pid = $1::int', [pid]))[0];

t.test('an aborted signal cancels the running statement; the connection stays usable', async (t) => {
  const p = pool();
  const pid = text(await p.run(sql('select pg_backend_pid()::text'), 0))!;
  const started = Date.now();
  const err = await failure(p.run(sql('select pg_sleep(30)'), 0, abortAfter(100)));
  const elapsed = Date.now() - started;
  t.match(err, { code: '57014', message: 'canceling statement due to user request' }, "PostgreSQL's query_canceled");
  t.ok(elapsed >= 100 && elapsed < 1000, `rejects within a second of the abort (${elapsed} ms)`);
  await until('the backend to be idle', async () => (await stateOf(pid))?.state === 'idle');
  t.match(await stateOf(pid), { state: 'idle', query: 'select pg_sleep(30)' }, 'pg_stat_activity: the backend is idle, its last query the cancelled one');
  t.equal(text(await p.run(sql('select pg_backend_pid()::text'), 0)), pid, 'the same connection answers the next run');
  t.equal(text(await p.run(sql("select 'after'"), 0)), 'after');
});

t.test('a cancel hits only its own run', async (t) => {
  const p = pool();
  const ac = new AbortController();
  t.equal(text(await p.run(sql("select 'quick'"), 0, ac.signal)), 'quick');
  ac.abort(); // after the run: its listener is gone, nothing is cancelled
  t.equal(text(await p.run(sql("select 'slept', pg_sleep(0.3)"), 0)), 'slept', 'a later run is not cancelled by a stale signal');

  // a run's statements are one transaction: the cancel undoes all of it
  const err = await failure(p.run([{ text: "select set_config('wire.x', 'set', false)", params: [] }, { text: 'select pg_sleep(30)', params: [] }], 1, abortAfter(100)));
  t.equal(err.code, '57014');
  t.equal(text(await p.run(sql("select current_setting('wire.x', true)"), 0)), '', 'the cancelled run was one transaction: its setting rolled back');
});

t.test('db.request: RequestOptions.signal reaches the run', async (t) => {
  const db = connect(dbUrl, 1);
  cleanups.push(() => db.close());
  const acc: Accountability = { user: null, role: null, roles: [], policies: [], admin: true, app: true, ip: '10.0.0.1', userAgent: 'wire-cancel', origin: null };
  const started = Date.now();
  const err = await failure(db.request(acc, 'select pg_sleep(30)', [], { signal: abortAfter(100) }));
  t.match(err, { code: 'SERVICE_UNAVAILABLE', message: 'The request took too long and was cancelled.' }, '57014, mapped as db.request maps it');
  t.ok(Date.now() - started < 1000, 'within a second');
  t.equal(await db.request(acc, "select 'next'", []), 'next');
});

t.test('an already aborted signal sends nothing', async (t) => {
  const proxy = await pgProxy(cluster.port);
  cleanups.push(() => proxy.close());
  const p = pool(`postgres://postgres@127.0.0.1:${proxy.port}/${dbName}`);
  t.equal(text(await p.run(sql("select 'open'"), 0)), 'open');
  const sent = proxy.sessions.map((s) => s.bytes);
  const err = await failure(p.run(sql('select pg_sleep(30)'), 0, AbortSignal.abort()));
  t.match(err, { code: '57014' }, 'rejects as a cancelled statement');
  await new Promise((r) => setTimeout(r, 100));
  t.same(proxy.sessions.map((s) => s.bytes), sent, 'not a byte more on the connection, and no cancel connection');

  // aborted while queued behind a running request: leaves the queue at once
  const running = p.run(sql("select 'first', pg_sleep(0.5)"), 0);
  const started = Date.now();
  const queued = await failure(p.run(sql("select 'never'"), 0, abortAfter(50)));
  t.match(queued, { code: '57014' });
  t.ok(Date.now() - started < 400, 'the queued run fails before the running one ends');
  t.equal(text(await running), 'first', 'the running request completes');
  t.equal(proxy.sessions.length, 1, 'still one connection, no cancel request');
  t.equal(text(await p.run(sql("select 'next'"), 0)), 'next', 'and the pool serves the next run');
});

t.test('over TLS (sslmode=require) the cancel request is negotiated the same way', async (t) => {
  const pki = makePki();
  cleanups.push(() => pki.remove());
  const proxy = await pgProxy(cluster.port, { cert: pki.local });
  cleanups.push(() => proxy.close());
  const p = pool(`postgres://postgres@127.0.0.1:${proxy.port}/${dbName}?sslmode=require`);
  t.equal(text(await p.run(sql("select 'open'"), 0)), 'open');
  const started = Date.now();
  t.match(await failure(p.run(sql('select pg_sleep(30)'), 0, abortAfter(100))), { code: '57014' });
  t.ok(Date.now() - started < 1000, 'cancelled within a second');
  t.same(proxy.sessions.map((s) => ({ tls: s.tls, first: s.first })), [
    { tls: true, first: 196608 },
    { tls: true, first: 80877102 },
  ], 'a second, encrypted connection carried the CancelRequest');
  t.equal(text(await p.run(sql("select 'still there'"), 0)), 'still there');
});
