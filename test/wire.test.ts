// Strata's own PostgreSQL wire client (src/db/wire), against the run's real cluster: results as
// bytes, parameters, one run() = one implicit transaction, errors with postgres.js's fields, the
// per-connection prepared-statement cache, the pool, password authentication, TLS and Unix sockets.
import t from 'tap';
import net from 'node:net';
import { createHash, randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '../src/db/client.js';
import { fromPgError } from '../src/db/errors.js';
import { DirectusError } from '../src/errors.js';
import { Connection, type Statement } from '../src/db/wire/connection.js';
import { WirePool } from '../src/db/wire/pool.js';
import { parseUrl, type WireOptions } from '../src/db/wire/url.js';
import type { Accountability } from '../src/types.js';
import { readClusterInfo, urlFor } from './setup/cluster.js';

const cluster = readClusterInfo();
const tag = randomBytes(3).toString('hex');
const dbName = `wire_${tag}`;
const app = `wire_${tag}`;
const hbaFile = join(cluster.dir, 'data', 'pg_hba.conf');

// independent of the client under test: postgres.js pools (one backend each, see reload())
const admin = connect(urlFor(cluster.port, 'postgres'), 1);
await admin.queryAsOwner(`create database ${dbName}`);
const dbUrl = urlFor(cluster.port, dbName);
const check = connect(dbUrl, 1);
await check.queryAsOwner('create table wire_items (id int primary key, name text not null)');
// admin requests run as strata_admin (the cluster's template install made the role)
await check.queryAsOwner('grant all on wire_items to strata_admin');

// Everything this file starts, undone in reverse order at the end (pools before the database).
const cleanups: (() => unknown)[] = [];
t.teardown(async () => {
  for (const fn of cleanups.reverse()) await fn();
  await check.close();
  await admin.queryAsOwner(`drop database if exists ${dbName} with (force)`);
  await admin.close();
});

function pool(max = 1, opts: Partial<WireOptions> = {}, url = dbUrl): WirePool {
  const p = new WirePool({ ...parseUrl(url, { application_name: app }), ...opts }, max);
  cleanups.push(() => p.end(1));
  return p;
}

async function open(url: string): Promise<Connection> {
  const c = await Connection.open(parseUrl(url));
  cleanups.push(() => c.close());
  return c;
}

const text = (b: Buffer | null) => (b === null ? null : b.toString());
const one = async (p: WirePool | Connection, sql: string, params: unknown[] = []) => text(await p.run([{ text: sql, params }], 0));
const failure = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (err) => err as Record<string, any>);

/** Polls briefly for a condition PostgreSQL reaches asynchronously (a backend exiting). */
async function until(what: string, cond: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300; i++) {
    if (await cond()) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const backends = async (name: string) =>
  (await admin.queryAsOwner<{ n: number }>('select count(*)::int as n from pg_stat_activity where application_name = $1', [name]))[0].n;

/**
 * pg_reload_conf, then waits until the postmaster has reloaded: a NEW backend (forked with the
 * postmaster's configuration, the one new connections get) shows a newer load time.
 */
async function reload(): Promise<void> {
  const loaded = async () => {
    const c = await Connection.open(parseUrl(urlFor(cluster.port, 'postgres')));
    try {
      return (await one(c, 'select pg_conf_load_time()::text'))!;
    } finally {
      c.close();
    }
  };
  const before = await loaded();
  await admin.queryAsOwner('select pg_reload_conf()');
  await until('the configuration reload', async () =>
    (await admin.queryAsOwner<{ done: boolean }>('select $1::timestamptz > $2::timestamptz as done', [await loaded(), before]))[0].done);
}

/** The statements prepared in the session of `c` (except this query itself), and their total. */
async function prepared(c: WirePool | Connection): Promise<{ texts: string[]; total: number }> {
  const r = JSON.parse((await one(c, `select jsonb_build_object('texts', coalesce(jsonb_agg(statement) filter (where statement not like '%pg_prepared_statements%'), '[]'), 'total', count(*))::text from pg_prepared_statements`))!);
  return { texts: r.texts.sort(), total: r.total };
}

interface Proxy {
  /** server -> client authentication request codes (R messages), per connection */
  auth: number[][];
  port: number;
  close(): Promise<void>;
}

/** A byte-for-byte relay to the cluster's TCP port, listening on a Unix socket path or a TCP port. */
function relay(listen: string | 0): Promise<Proxy> {
  const sockets = new Set<net.Socket>();
  const auth: number[][] = [];
  const server = net.createServer((client) => {
    const upstream = net.connect(cluster.port, '127.0.0.1');
    const codes: number[] = [];
    auth.push(codes);
    let head = Buffer.alloc(0);
    let done = false;
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => {});
      s.on('close', () => (client.destroy(), upstream.destroy(), sockets.delete(s)));
    }
    client.on('data', (d) => upstream.write(d));
    upstream.on('data', (d: Buffer) => {
      if (!done) {
        head = Buffer.concat([head, d]);
        let off = 0;
        while (head.length - off >= 5 && head.length - off >= 1 + head.readInt32BE(off + 1)) {
          if (head[off] === 0x52) codes.push(head.readInt32BE(off + 5));
          if (head[off] === 0x5a || head[off] === 0x45) done = true;
          off += 1 + head.readInt32BE(off + 1);
        }
        head = head.subarray(off);
      }
      client.write(d);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    const ready = () => resolve({
      auth,
      port: typeof listen === 'string' ? 0 : (server.address() as net.AddressInfo).port,
      close: () => new Promise<void>((res) => {
        for (const s of sockets) s.destroy();
        server.close(() => res());
      }),
    });
    if (typeof listen === 'string') server.listen(listen, ready);
    else server.listen(0, '127.0.0.1', ready);
  });
}

t.test('parseUrl reads what libpq and postgres.js read', async (t) => {
  const a = parseUrl('postgres://u%20x:p%40ss@[::1]:6543/my%20db?sslmode=verify-ca', { application_name: 'x' });
  t.same([a.host, a.port, a.user, a.password, a.database, a.ssl, a.socketPath, a.params], ['::1', 6543, 'u x', 'p@ss', 'my db', 'verify-ca', undefined, { application_name: 'x' }]);
  const b = parseUrl('postgres:///db?host=/run/pg');
  t.same([b.socketPath, b.user, b.database, b.ssl], ['/run/pg/.s.PGSQL.5432', 'postgres', 'db', 'disable']);
  const c = parseUrl('postgres://alice@/db?host=%2Fvar%2Frun&port=6000&sslmode=require');
  t.same([c.socketPath, c.user, c.database, c.ssl], ['/var/run/.s.PGSQL.6000', 'alice', 'db', 'require'], 'a user with an empty host (libpq socket form)');
  const d = parseUrl('postgresql://bob:pw@db.example:5433');
  t.same([d.host, d.port, d.user, d.password, d.database, d.ssl], ['db.example', 5433, 'bob', 'pw', 'bob', 'disable']);
});

t.test('results: the first column of the first row of the chosen statement, as bytes', async (t) => {
  const p = pool();
  const three: Statement[] = [{ text: "select 'a'", params: [] }, { text: "select 'b', 'not me'", params: [] }, { text: "select 'c'", params: [] }];
  t.same([text(await p.run(three, 0)), text(await p.run(three, 1)), text(await p.run(three, 2))], ['a', 'b', 'c']);
  t.equal(await one(p, "select x, 'second column' from (values ('r1'), ('r2')) v(x)"), 'r1', 'first row, first column');
  t.equal(await p.run([{ text: 'select null::text', params: [] }], 0), null, 'NULL is null');
  t.equal(await p.run([{ text: "select 'x' where false", params: [] }], 0), null, 'no rows is null');
  t.equal(await p.run([{ text: 'select from (values (1)) v', params: [] }], 0), null, 'a row without columns is null');
  t.equal(await p.run([{ text: 'select 1 from (values (1)) v where false', params: [] }, { text: 'select from (values (1)) v', params: [] }, { text: "select 'after'", params: [] }], 2).then(text), 'after');
  t.equal(await p.run([{ text: "select set_config('wire.unused', 'x', false)", params: [] }, { text: 'update wire_items set name = name where false', params: [] }], 1), null, 'a statement without rows is null');
  t.equal(text(await p.run([{ text: '', params: [] }, { text: "select 'after an empty query'", params: [] }], 1)), 'after an empty query', 'an empty query counts as a statement');

  const utf8 = 'naïve café — 日本語 — emoji 🎉👩‍👩‍👧 — ß Ω ∑ — \u{10348}';
  const echoed = await p.run([{ text: 'select $1::text', params: [utf8] }], 0);
  t.ok(echoed!.equals(Buffer.from(utf8)), 'multi-byte UTF-8 parameters come back byte-exact');
  const made = await p.run([{ text: 'select chr(233) || chr(26085) || chr(127881)', params: [] }], 0);
  t.ok(made!.equals(Buffer.from('é日🎉')), 'multi-byte UTF-8 values made by PostgreSQL are byte-exact');

  const unit = 'aé€😀|';
  const big = await p.run([{ text: 'select repeat($1, 700000)', params: [unit] }, { text: "select 'tail'", params: [] }], 0);
  t.equal(big!.length, Buffer.byteLength(unit) * 700000, 'a 7.7 MB value arrives whole');
  t.ok(big!.equals(Buffer.from(unit.repeat(700000))), 'and byte-exact across socket chunks (and split code points)');
  t.equal(await one(p, "select 'next request'"), 'next request', 'the stream is in sync after a large message');
  const sent = randomBytes(2_500_000).toString('base64');
  t.equal(await one(p, 'select md5($1)', [sent]), createHash('md5').update(sent).digest('hex'), 'a 3.3 MB parameter arrives whole');
  t.equal(await one(p, 'select g::text from generate_series(1, 200000) g'), '1', 'many rows: the first one');
  t.equal(await one(p, "select 'still in sync'"), 'still in sync');
});

t.test('parameters in PostgreSQL text format', async (t) => {
  const p = pool();
  t.equal(await one(p, "select $1::text || '|' || $2::text", ['a', 'b']), 'a|b');
  t.equal(await one(p, 'select $1', ['untyped']), 'untyped', 'an untyped parameter is text');
  const nasty = "it's \"quoted\" \\ backslash; drop table wire_items; --";
  t.equal(await one(p, 'select $1::text', [nasty]), nasty, 'values are never spliced into SQL');
  t.equal(await one(p, 'select ($1::int * 2)::text', [21]), '42');
  t.equal(await one(p, 'select $1::float8::text', [0.1]), '0.1');
  t.equal(await one(p, 'select $1::numeric::text', [-1.5e-7]), '-0.00000015');
  t.equal(await one(p, 'select ($1::int8 + 1)::text', [9007199254740993n]), '9007199254740994', 'bigints keep their precision');
  t.same([await one(p, 'select $1::bool::text', [true]), await one(p, 'select $1::bool::text', [false])], ['true', 'false']);
  t.equal(await one(p, "select coalesce($1::text, 'was null')", [null]), 'was null');
  t.equal(await one(p, "select coalesce($1::text, 'was undefined')", [undefined]), 'was undefined');
  t.equal(await one(p, 'select ($1::text is null)::text', ['']), 'false', 'an empty string is not NULL');
  t.equal(await one(p, 'select $1::jsonb::text', [{ a: 'é', n: 1, nested: { b: [1, null, true] } }]), '{"a": "é", "n": 1, "nested": {"b": [1, null, true]}}', 'objects go as JSON');
  t.equal(await one(p, 'select $1::jsonb::text', [[1, 'two', null, { three: 3 }]]), '[1, "two", null, {"three": 3}]', 'arrays go as JSON');
  t.equal(await one(p, "select $1::jsonb ->> 'k'", [{ k: 'v' }]), 'v');
  const many = Array.from({ length: 300 }, (_, i) => i + 1);
  t.equal(await one(p, `select (${many.map((i) => `$${i}::int`).join(' + ')})::text`, many), String((300 * 301) / 2), '300 parameters');
  t.equal(await one(p, 'select $1::text || $2::text || coalesce($3::text, \'-\') || $4::jsonb::text', ['x', 2, null, ['y']]), 'x2-["y"]', 'mixed parameter kinds');
});

t.test('one run() is one implicit transaction; errors carry postgres.js fields', async (t) => {
  const p = pool();
  const pid = await one(p, 'select pg_backend_pid()::text');
  const ins = (id: number, name: string | null): Statement => ({ text: 'insert into wire_items (id, name) values ($1, $2)', params: [id, name] });

  const dup = await failure(p.run([ins(1, 'first'), ins(1, 'again')], 1));
  t.match(dup, {
    code: '23505', severity: 'ERROR', message: 'duplicate key value violates unique constraint "wire_items_pkey"',
    detail: 'Key (id)=(1) already exists.', schema_name: 'public', table_name: 'wire_items', constraint_name: 'wire_items_pkey',
  });
  t.ok(dup instanceof Error, 'an Error');
  t.same(await check.queryAsOwner('select * from wire_items'), [], "statement 1's insert was rolled back with statement 2");
  const mapped = fromPgError(dup);
  t.ok(mapped instanceof DirectusError);
  t.match(mapped, { code: 'RECORD_NOT_UNIQUE', message: 'Value "1" for field "id" in collection "wire_items" has to be unique.', extensions: { collection: 'wire_items', field: 'id', value: '1' } });

  const nul = await failure(p.run([ins(2, 'ok'), ins(3, null)], 0));
  t.match(nul, { code: '23502', severity: 'ERROR', table_name: 'wire_items', column_name: 'name', schema_name: 'public' });
  t.match(fromPgError(nul), { code: 'NOT_NULL_VIOLATION', message: 'Value for field "name" in collection "wire_items" can\'t be null.' });
  t.same(await check.queryAsOwner('select * from wire_items'), [], 'nothing of the failed run is left');

  const first = await failure(p.run([ins(4, null), ins(5, 'never inserted')], 1));
  t.equal(first.code, '23502', 'an error in statement 1 skips statement 2');
  t.same(await check.queryAsOwner('select * from wire_items'), []);

  t.equal(await one(p, 'select pg_backend_pid()::text'), pid, 'the same connection stays in use after errors');
  t.equal(text(await p.run([ins(6, 'kept'), { text: 'select name from wire_items where id = $1', params: [6] }], 1)), 'kept', 'statement 2 sees statement 1');
  t.same(await check.queryAsOwner('select id, name from wire_items'), [{ id: 6, name: 'kept' }], 'and a successful run commits');

  const bind = await failure(p.run([{ text: 'select $1::int', params: ['abc'] }], 0));
  t.match(bind, { code: '22P02', message: 'invalid input syntax for type integer: "abc"' });
  t.match(fromPgError(bind, 'INVALID_QUERY'), { code: 'INVALID_QUERY' });
  t.match(await failure(p.run([{ text: 'select 1 / $1::int', params: [0] }], 0)), { code: '22012', message: 'division by zero' });
  t.equal(await one(p, 'select pg_backend_pid()::text'), pid, 'still the same connection');
  await check.queryAsOwner('delete from wire_items');
});

t.test('a statement that fails to parse does not poison the cache', async (t) => {
  const p = pool();
  const pid = await one(p, 'select pg_backend_pid()::text');
  const bad = await failure(one(p, 'selec 1'));
  t.match(bad, { code: '42601', message: 'syntax error at or near "selec"', position: '1' });
  t.match(await failure(one(p, 'selec 1')), { code: '42601', message: 'syntax error at or near "selec"' }, 'the same bad text fails the same way again');
  t.equal(await one(p, "select 'fixed'"), 'fixed');
  t.match(await failure(one(p, 'select $1::no_such_type', ['x'])), { code: '42704' });

  const batch = [{ text: "select 'parsed fine'", params: [] }, { text: 'selec 2', params: [] }, { text: "select 'never parsed'", params: [] }];
  t.match(await failure(p.run(batch, 2)), { code: '42601' });
  const { texts } = await prepared(p);
  t.ok(texts.includes("select 'parsed fine'"), 'a statement parsed before the error is kept');
  t.notOk(texts.includes('selec 2'), 'the bad one is not');
  t.notOk(texts.includes("select 'never parsed'"), 'nor the one after it');
  t.same([await one(p, "select 'never parsed'"), await one(p, "select 'parsed fine'")], ['never parsed', 'parsed fine']);
  t.match(await failure(p.run(batch, 2)), { code: '42601' }, 'the batch fails again on the bad statement only');
  t.equal(await one(p, 'select pg_backend_pid()::text'), pid, 'all on one connection');
});

t.test('a statement that cannot be written fails alone: its connection is not used again', async (t) => {
  const p = pool();
  const pid = await one(p, 'select pg_backend_pid()::text');
  // JSON.stringify throws on a BigInt: the Bind message is left half written
  const flight = [{ text: "select 'first'", params: [] }, { text: 'select $1::jsonb::text', params: [{ n: 1n }] }];
  t.match(await failure(p.run(flight, 1)), { name: 'TypeError', message: /BigInt/ });
  t.equal(await one(p, "select 'next'"), 'next', 'the next run is whole');
  t.not(await one(p, 'select pg_backend_pid()::text'), pid, 'on another connection');
  t.match(await failure(p.run([{ text: undefined as unknown as string, params: [] }], 0)), { name: 'TypeError' });
  t.equal(await one(p, "select 'and again'"), 'and again');
});

t.test('session settings', async (t) => {
  const p = pool();
  const set = (name: string, local: boolean): Statement => ({ text: `select set_config('wire.${name}', $1, ${local})`, params: ['value-' + name] });
  const get = (name: string): Statement => ({ text: `select current_setting('wire.${name}', true)`, params: [] });
  t.equal(text(await p.run([set('session', false), get('session')], 1)), 'value-session', 'statement 1 sets, statement 2 sees');
  t.equal(text(await p.run([get('session')], 0)), 'value-session', 'a session setting stays on the connection');
  t.equal(text(await p.run([set('local', true), get('local')], 1)), 'value-local', 'a transaction-local setting is seen within the run');
  t.equal(text(await p.run([get('local')], 0)), '', 'and is gone after it: the run was one transaction');

  const custom = pool(1, { params: { application_name: `${app}_startup`, plan_cache_mode: 'force_custom_plan' } });
  t.equal(await one(custom, "select current_setting('plan_cache_mode')"), 'force_custom_plan');
  t.equal(await one(custom, "select current_setting('application_name')"), `${app}_startup`);
  t.equal(await one(custom, "select current_setting('client_encoding')"), 'UTF8');
  t.equal(await backends(`${app}_startup`), 1, 'pg_stat_activity shows the application_name');

  // the request path of src/db/client.ts: accountability context + the statement, errors mapped
  const db = connect(dbUrl, 1, { planCacheMode: 'force_custom_plan' });
  cleanups.push(() => db.close());
  const acc: Accountability = { user: null, role: null, roles: [], policies: [], admin: true, app: true, ip: '10.0.0.1', userAgent: 'wire-test', origin: null };
  t.equal(await db.request(acc, "select current_setting('strata.accountability')::jsonb ->> 'user_agent'", []), 'wire-test');
  t.equal(await db.request(acc, "select current_setting('plan_cache_mode') || ' ' || current_setting('application_name')", []), 'force_custom_plan strata');
  t.equal(await db.request(acc, 'select null', []), null);
  await db.request(acc, 'insert into wire_items values ($1, $2)', [7, 'x']);
  const err = await failure(db.request(acc, 'insert into wire_items values ($1, $2)', [7, 'y']));
  t.match(err, { code: 'RECORD_NOT_UNIQUE', status: 400 }, 'db.request maps PostgreSQL errors to Directus errors');
  await check.queryAsOwner('delete from wire_items');
});

t.test('prepared statement cache', async (t) => {
  const p = pool();
  for (let i = 0; i < 3; i++) t.equal(await one(p, "select 'cached'"), 'cached');
  t.same((await prepared(p)).texts, ["select 'cached'"], 'the same text is parsed once per connection');
  t.equal(text(await p.run([{ text: "select 'twice'", params: [] }, { text: "select 'twice'", params: [] }], 1)), 'twice');
  t.same((await prepared(p)).texts, ["select 'cached'", "select 'twice'"], 'a text used twice in one run is parsed once');

  // bound 3; prepared() is itself a statement of the cache (the least recently used go first)
  const small = pool(1, { maxPrepared: 3 });
  for (const s of ['e1', 'e2', 'e3', 'e1', 'e4']) await one(small, `select '${s}'`);
  t.same(await prepared(small), { texts: ["select 'e1'", "select 'e4'"], total: 3 }, 'past the bound the least recently used are closed server-side');
  await one(small, "select 'e5'");
  t.same(await prepared(small), { texts: ["select 'e4'", "select 'e5'"], total: 3 });
  t.match(await failure(small.run([{ text: "select 'n1'", params: [] }, { text: 'select 1 / 0', params: [] }], 1)), { code: '22012' });
  t.same(await prepared(small), { texts: ["select 'n1'", 'select 1 / 0'], total: 3 }, 'a run that fails still closes what it evicted');
  t.equal(await one(small, "select 'e4'"), 'e4', 'an evicted text is parsed again when needed');

  // a run with more statements than the bound still works: what it uses is never closed under it
  const tiny = pool(1, { maxPrepared: 1 });
  const pair = (v: string): Statement[] => [{ text: "select set_config('wire.b', $1, false)", params: [v] }, { text: "select current_setting('wire.b')", params: [] }];
  t.equal(text(await tiny.run(pair('one'), 1)), 'one');
  t.equal(text(await tiny.run(pair('two'), 1)), 'two');
  t.equal(await one(tiny, "select 'c'"), 'c');
  t.same(await prepared(tiny), { texts: [], total: 1 }, 'and the bound holds again afterwards');
});

t.test('pool', async (t) => {
  t.test('more concurrent runs than connections complete in FIFO order', async (t) => {
    const p = pool(1);
    const done: number[] = [];
    await Promise.all(Array.from({ length: 8 }, (_, i) => p.run([{ text: 'select $1::int', params: [i] }], 0).then((b) => done.push(Number(text(b))))));
    t.same(done, [0, 1, 2, 3, 4, 5, 6, 7]);
  });

  t.test('connections are opened on demand, never more than max', async (t) => {
    const name = `${app}_max`;
    const p = pool(3, { params: { application_name: name } });
    t.equal(await backends(name), 0, 'none before the first run');
    for (let i = 0; i < 3; i++) await one(p, 'select 1');
    t.equal(await backends(name), 1, 'sequential runs share one connection');
    const seen = await Promise.all(Array.from({ length: 30 }, () =>
      one(p, "select pg_backend_pid() || ',' || (select count(*) from pg_stat_activity where application_name = $1)", [name])));
    const pids = new Set(seen.map((s) => s!.split(',')[0]));
    const most = Math.max(...seen.map((s) => Number(s!.split(',')[1])));
    t.equal(pids.size, 3, '30 concurrent runs use 3 connections');
    t.ok(most <= 3, `never more than 3 backends at once (saw ${most})`);
    t.equal(await backends(name), 3);
  });

  t.test('a terminated backend is dropped and replaced', async (t) => {
    const p = pool(1);
    const pid1 = await one(p, 'select pg_backend_pid()::text');
    const killed = await failure(one(p, 'select pg_terminate_backend(pg_backend_pid())'));
    t.match(killed, { code: '57P01', severity: 'FATAL' }, 'the run killed under it fails with the FATAL error');
    const pid2 = await one(p, 'select pg_backend_pid()::text');
    t.not(pid2, pid1, 'the next run gets a fresh connection');

    // killed while idle in the pool
    await admin.queryAsOwner('select pg_terminate_backend($1::int)', [pid2]);
    await until('the backend to exit', async () => (await admin.queryAsOwner('select 1 from pg_stat_activity where pid = $1::int', [pid2])).length === 0);
    await new Promise((r) => setImmediate(r));
    const pid3 = await one(p, 'select pg_backend_pid()::text');
    t.ok(pid3 && pid3 !== pid2, 'a connection killed while idle is replaced');
  });

  t.test('failed opens do not strand waiting runs', async (t) => {
    const p = pool(1, {}, urlFor(cluster.port, `${dbName}_missing`));
    const all = Promise.allSettled([1, 2, 3].map(() => one(p, 'select 1')));
    const settled = await Promise.race([all, new Promise<'stuck'>((r) => setTimeout(() => r('stuck'), 5000).unref())]);
    t.not(settled, 'stuck', 'every run settles');
    if (settled !== 'stuck') t.same(settled.map((s) => s.status === 'rejected' && s.reason.code), ['3D000', '3D000', '3D000']);
    const ended = await Promise.race([p.end(30).then(() => 'ended'), new Promise((r) => setTimeout(() => r('stuck'), 5000).unref())]);
    t.equal(ended, 'ended', 'end() does not wait for connections that never opened');
  });

  t.test('end() waits for running requests, then closes every backend', async (t) => {
    const name = `${app}_end`;
    const locker = pool(1);
    await one(locker, 'select pg_advisory_lock(4242)::text');
    const p = pool(2, { params: { application_name: name } });
    await Promise.all([one(p, 'select 1'), one(p, 'select 2')]);
    t.equal(await backends(name), 2);
    const blocked = one(p, "select 'unblocked', pg_advisory_xact_lock(4242)");
    let ended = false;
    const end = p.end(30).then(() => { ended = true; });
    t.match(await failure(one(p, 'select 3')), { message: 'the database pool is closing' }, 'no new run once end() was called');
    await until('the request to wait on the lock', async () =>
      (await admin.queryAsOwner("select 1 from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'", [name])).length === 1);
    t.notOk(ended, 'end() waits while a request runs');
    await one(locker, 'select pg_advisory_unlock(4242)::text');
    t.equal(await blocked, 'unblocked', 'the running request completes');
    await end;
    t.ok(ended);
    await until('the backends to exit', async () => (await backends(name)) === 0);
    t.pass('pg_stat_activity shows no backend of the pool');
    t.match(await failure(one(p, 'select 4')), { message: 'the database pool is closing' }, 'run() after end() rejects');
    await Promise.race([p.end(30), new Promise((_, rej) => setTimeout(() => rej(new Error('a second end() hangs')), 2000).unref())]);
    t.pass('a second end() returns at once');
  });

  t.test('a connection still opening when end(timeout) gave up is closed once its run is done', async (t) => {
    const name = `${app}_late`;
    // a proxy that holds the connection until told: its open outlasts end()'s wait
    let arrived = false;
    let letThrough!: () => void;
    const held = new Promise<void>((r) => (letThrough = r));
    const proxy = net.createServer((client) => {
      arrived = true;
      client.pause();
      void held.then(() => {
        const server = net.connect(cluster.port, '127.0.0.1');
        server.on('error', () => client.destroy());
        client.on('error', () => server.destroy());
        client.pipe(server).pipe(client);
        client.resume();
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
    t.teardown(() => new Promise((r) => proxy.close(r)));
    const p = pool(1, { host: '127.0.0.1', port: (proxy.address() as net.AddressInfo).port, params: { application_name: name } });
    const run = one(p, 'select 1');
    await until('the connection to reach the proxy', async () => arrived);
    await p.end(0.05);
    letThrough();
    t.equal(await run, '1', 'the run that was already waiting for its connection completes');
    await until('the backend to exit', async () => (await backends(name)) === 0);
    t.pass('the late connection was closed, not left idle in an ended pool');
  });

  t.test('end(timeout) gives up on a stuck request', async (t) => {
    const name = `${app}_stuck`;
    const locker = pool(1);
    await one(locker, 'select pg_advisory_lock(4343)::text');
    const p = pool(1, { params: { application_name: name } });
    const stuck = failure(one(p, "select 'never', pg_advisory_xact_lock(4343)"));
    await until('the request to wait on the lock', async () =>
      (await admin.queryAsOwner("select 1 from pg_stat_activity where application_name = $1 and wait_event_type = 'Lock'", [name])).length === 1);
    await p.end(0.05);
    t.match(await stuck, { message: /closed/ }, 'the stuck request fails once its connection is destroyed');
    await one(locker, 'select pg_advisory_unlock(4343)::text');
    await until('the backend to exit', async () => (await backends(name)) === 0);
    t.pass('and its backend goes away');
  });
});

t.test('password authentication: scram-sha-256, md5, password', async (t) => {
  const users = { scram: `wire_scram_${tag}`, md5: `wire_md5_${tag}`, password: `wire_pw_${tag}` } as const;
  const secret = { scram: 'Sc-pässwörd €1', md5: 'md5 p@ss:word', password: "clear 'text'" } as const;
  const lines = `host all ${users.scram} 127.0.0.1/32 scram-sha-256\nhost all ${users.md5} 127.0.0.1/32 md5\nhost all ${users.password} 127.0.0.1/32 password\n`;
  writeFileSync(hbaFile, lines + readFileSync(hbaFile, 'utf8'));
  cleanups.push(async () => {
    writeFileSync(hbaFile, readFileSync(hbaFile, 'utf8').split('\n').filter((l) => !l.includes(`_${tag} `)).join('\n'));
    await reload();
    for (const u of Object.values(users)) await admin.queryAsOwner(`drop role if exists ${u}`);
  });
  const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
  await admin.queryAsOwner(`create role ${users.scram} login password ${literal(secret.scram)}`);
  await admin.queryAsOwner(`create role ${users.password} login password ${literal(secret.password)}`);
  await admin.transaction(async (q) => {
    await q("set local password_encryption = 'md5'");
    await q(`create role ${users.md5} login password ${literal(secret.md5)}`);
  });
  t.same(await admin.queryAsOwner('select rolname, left(rolpassword, 3) as kind from pg_authid where rolname = any($1) order by rolname', [Object.values(users)]), [
    { rolname: users.md5, kind: 'md5' }, { rolname: users.password, kind: 'SCR' }, { rolname: users.scram, kind: 'SCR' },
  ], 'the md5 user has an md5 verifier');
  await reload();

  const proxy = await relay(0);
  cleanups.push(() => proxy.close());
  const url = (user: string, pw: string) => `postgres://${user}:${encodeURIComponent(pw)}@127.0.0.1:${proxy.port}/${dbName}`;
  const expected = { scram: [10, 11, 12, 0], md5: [5, 0], password: [3, 0] };
  for (const kind of ['scram', 'md5', 'password'] as const) {
    const c = await open(url(users[kind], secret[kind]));
    t.equal(await one(c, 'select current_user'), users[kind], `${kind}: connects with the right password`);
    t.same(proxy.auth.at(-1), expected[kind], `${kind}: through that authentication exchange`);
    c.close();
    const err = await failure(Connection.open(parseUrl(url(users[kind], secret[kind] + 'x'))));
    t.match(err, { code: '28P01', severity: 'FATAL', message: `password authentication failed for user "${users[kind]}"` }, `${kind}: a wrong password fails clearly`);
  }
  t.match(await failure(Connection.open(parseUrl(url(users.scram, '')))), { code: '28P01' }, 'no password fails too');
});

t.test('TLS (sslmode)', async (t) => {
  const p = (mode: string, user = 'postgres') => pool(1, {}, `postgres://${user}@127.0.0.1:${cluster.port}/${dbName}?sslmode=${mode}`);
  const sslOf = (c: WirePool) => one(c, 'select ssl::text from pg_stat_ssl where pid = pg_backend_pid()');
  t.match(await failure(one(p('require'), 'select 1')), { message: 'the PostgreSQL server does not support SSL' }, 'require refuses a server without SSL');
  t.equal(await sslOf(p('prefer')), 'false', 'prefer falls back to plain');

  // a server that hangs up before answering the SSLRequest (or the startup message)
  const rude = net.createServer((s) => s.destroy());
  await new Promise<void>((r) => rude.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => rude.close(r)));
  const rudeUrl = (mode: string) => `postgres://postgres@127.0.0.1:${(rude.address() as net.AddressInfo).port}/x?sslmode=${mode}`;
  for (const mode of ['require', 'disable']) {
    const hungUp = await Promise.race([failure(Connection.open(parseUrl(rudeUrl(mode)))), new Promise((r) => setTimeout(() => r('pending'), 3000).unref())]);
    t.match(hungUp, { message: /closed|ECONNRESET/ }, `sslmode=${mode}: a server hanging up fails the open`);
  }

  const data = join(cluster.dir, 'data');
  const crt = `wire-${tag}.crt`;
  const key = `wire-${tag}.key`;
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(data, key), '-out', join(data, crt), '-days', '2', '-subj', '/CN=localhost'], { stdio: 'ignore' });
  chmodSync(join(data, key), 0o600);
  if (cluster.uid !== undefined) for (const f of [crt, key]) chownSync(join(data, f), cluster.uid, cluster.gid!);
  cleanups.push(async () => {
    await admin.queryAsOwner('alter system reset ssl');
    await admin.queryAsOwner('alter system reset ssl_cert_file');
    await admin.queryAsOwner('alter system reset ssl_key_file');
    await reload();
    for (const f of [crt, key]) rmSync(join(data, f), { force: true });
  });
  await admin.queryAsOwner(`alter system set ssl_cert_file = '${crt}'`);
  await admin.queryAsOwner(`alter system set ssl_key_file = '${key}'`);
  await admin.queryAsOwner('alter system set ssl = on');
  await reload();
  t.equal(await one(p('disable'), "select current_setting('ssl')"), 'on', 'the server has SSL on');

  const secure = p('require');
  t.equal(await sslOf(secure), 'true', 'require connects over TLS');
  t.equal(await sslOf(p('prefer')), 'true', 'prefer uses TLS when offered');
  t.equal(await sslOf(p('disable')), 'false', 'disable does not');
  const unit = 'tls é 🎉 ';
  const big = await secure.run([{ text: 'select repeat($1, 300000)', params: [unit] }], 0);
  t.ok(big!.equals(Buffer.from(unit.repeat(300000))), 'a 3.6 MB value arrives whole over TLS');
  const verify = await failure(one(p('verify-full'), 'select 1'));
  t.match(verify, { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }, 'verify-full rejects an untrusted certificate');
  // SCRAM over TLS: the server also offers SCRAM-SHA-256-PLUS; the client must pick plain SCRAM
  const scramUser = `wire_scram_${tag}`;
  const scram = pool(1, {}, `postgres://${scramUser}:${encodeURIComponent('Sc-pässwörd €1')}@127.0.0.1:${cluster.port}/${dbName}?sslmode=require`);
  t.equal(await one(scram, "select current_user || ' ' || (select ssl::text from pg_stat_ssl where pid = pg_backend_pid())"), `${scramUser} true`, 'SCRAM authentication over TLS');
});

t.test('Unix socket (host=<dir>)', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'wire-sock-'));
  const port = 6000 + Math.floor(Math.random() * 1000);
  const proxy = await relay(join(dir, `.s.PGSQL.${port}`));
  cleanups.push(async () => {
    await proxy.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const p = pool(2, {}, `postgres://postgres@/${dbName}?host=${encodeURIComponent(dir)}&port=${port}&sslmode=require`);
  t.equal(await one(p, 'select current_database()'), dbName, 'connects through the socket file');
  t.equal(proxy.auth.length, 1, 'through the relay on the socket path (and without an SSLRequest)');
  t.equal(await one(p, 'select $1::text', ['é🎉']), 'é🎉');
});
