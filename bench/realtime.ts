// `npm run bench:realtime`: the realtime gateway under load (README, "Realtime"). Strata runs in a
// child process (bench/server.ts) on its own bench database; the sockets and the writer live in
// this process.
//   (b) memory: the gateway's RSS before and after opening N authenticated idle sockets;
//   (a) fan-out: the N sockets subscribe (10 users, one per permission group: a policy whose read
//       permission has a row filter `grp = g`), rows are inserted with plain SQL at R/s for D s,
//       each row visible to one group; latency = from the insert's acknowledgement (commit) to
//       the moment the last subscriber of its group has it;
//   (c) statements per event: a second gateway connected through the counting proxy
//       (bench/statements.ts: pg_stat_statements is not available here) with one socket per group;
//   (d) the outbox's write cost: REST creates/s with no subscriber and with 100, in P pairs of
//       phases, each ratio taken between neighbours (the 100 clients in a process of their own, off
//       the load generator's event loop; still on the same two cores).
// Options: --subscribers N (1000) --rate R (500) --duration D (5) --warmup W (1: seconds of (a) at
// the same rate before the measured D, reported apart; 0: none) --pairs P (3) --database-url URL.
import os from 'node:os';
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import postgres from 'postgres';
import { ADMIN_TOKEN, setBenchEnv } from './config.js';
import { emptyWriteHistory, installInChild, openBenchDatabase } from './database.js';
import { startStrata, type StrataServer } from './server.js';
import { startCountingProxy } from './statements.js';
import { alternatePhases, cpuMs, describePhases, median, runLoadWithCpu } from './load.js';
import { cpuByConnection, postgresCpuByPid, postgresCpuMs } from './cpu.js';
import { GROUPS, closeAll, openSockets, subscribeAll, tokenOf, type Sock } from './ws-clients.js';

const log = (m: string) => process.stdout.write(m + '\n');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const subscribers = arg('subscribers', 1000);
const rate = arg('rate', 500);
const duration = arg('duration', 5);
const warmup = arg('warmup', 1);
const pairs = arg('pairs', 3);
const urlArg = process.argv.includes('--database-url') ? process.argv[process.argv.indexOf('--database-url') + 1] : process.env.DATABASE_URL;

const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);
const mb = (bytes: number) => bytes / 1024 / 1024;

/** The collection, 10 roles/policies with a row-filtered read permission each, 10 users with static tokens. */
async function setUp(sql: postgres.Sql): Promise<void> {
  await sql.unsafe(`
    drop table if exists rt_bench;
    delete from directus_permissions where collection = 'rt_bench';
    delete from directus_collections where collection = 'rt_bench';
    delete from directus_users where email like 'rt-bench-%';
    delete from directus_access where policy in (select id from directus_policies where name like 'rt-bench-%');
    delete from directus_policies where name like 'rt-bench-%';
    delete from directus_roles where name like 'rt-bench-%';
    create table rt_bench (id serial primary key, grp int not null, title text);
    insert into directus_collections (collection) values ('rt_bench');`);
  for (let g = 0; g < GROUPS; g++) {
    await sql.unsafe(`
      with r as (insert into directus_roles (id, name) values (gen_random_uuid(), 'rt-bench-${g}') returning id),
           p as (insert into directus_policies (id, name, app_access) values (gen_random_uuid(), 'rt-bench-${g}', true) returning id),
           a as (insert into directus_access (id, role, policy) select gen_random_uuid(), r.id, p.id from r, p),
           m as (insert into directus_permissions (collection, action, permissions, fields, policy)
                 select 'rt_bench', 'read', '{"grp":{"_eq":${g}}}', 'id,grp,title', p.id from p)
      insert into directus_users (id, email, status, role, token) select gen_random_uuid(), 'rt-bench-${g}@example.com', 'active', r.id, '${tokenOf(g)}' from r`);
  }
}

/** `n` subscribed clients in a child process of their own (bench/subscribers-child.ts); close() ends it. */
async function subscribersApart(url: string, n: number): Promise<{ close(): Promise<{ frames: number; cpuMicros: number }> }> {
  const here = import.meta.filename;
  const child = fork(resolve(import.meta.dirname, here.endsWith('.ts') ? 'subscribers-child.ts' : 'subscribers-child.js'), [url, String(n)],
    { execArgv: here.endsWith('.ts') ? ['--import=tsx'] : [], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const next = <T>(type: string) => new Promise<T>((res, rej) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== type) return;
      child.off('message', onMessage);
      res(m as T);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => rej(new Error(`the subscribers' process exited (${code})`)));
  });
  await next('ready');
  return {
    async close() {
      const closed = next<{ frames: number; cpuMicros: number }>('closed');
      child.send('close');
      return closed;
    },
  };
}

/** (a) inserts at `rate`/s for `seconds` s; per row, ms from its commit to its group's last subscriber. */
async function fanOut(sql: postgres.Sql, socks: Sock[], seconds: number): Promise<{ sent: number; p50: number; p99: number; max: number; missing: number }> {
  const perGroup = socks.filter((s) => s.group === 0).length;
  const committed = new Map<number, number>(); // id -> commit ack time
  const received = new Map<number, number>(); // id -> deliveries so far
  const latencies: number[] = [];
  const early = new Map<number, number>(); // deliveries seen before the insert's ack (the ack is still in flight)
  let done: () => void = () => {};
  const allDone = new Promise<void>((res) => (done = res));
  let sent = 0;
  let finishedSending = false;
  const check = () => {
    if (finishedSending && latencies.length === sent) done();
  };
  const onRow = (id: number) => {
    const n = (received.get(id) ?? 0) + 1;
    received.set(id, n);
    if (n === perGroup) {
      const at = committed.get(id);
      if (at === undefined) early.set(id, performance.now());
      else latencies.push(performance.now() - at);
      check();
    }
  };
  for (const s of socks) s.onEvent = (msg) => {
    if (msg.event === 'create') for (const row of msg.data) onRow(row.id);
  };
  const start = performance.now();
  const writes: Promise<void>[] = [];
  await new Promise<void>((res) => {
    const tick = setInterval(() => {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      while (sent < due) {
        const g = sent % GROUPS;
        sent++;
        writes.push(sql`insert into rt_bench (grp, title) values (${g}, 'x') returning id`.then(([r]) => {
          const now = performance.now();
          committed.set(r.id, now);
          if (early.has(r.id)) {
            latencies.push(0);
            check();
          }
        }));
      }
      if (performance.now() - start >= seconds * 1000) {
        clearInterval(tick);
        res();
      }
    }, 2);
  });
  await Promise.all(writes);
  finishedSending = true;
  check();
  const timeout = new Promise<void>((res) => setTimeout(res, 30_000).unref());
  await Promise.race([allDone, timeout]);
  latencies.sort((x, y) => x - y);
  // what an incomplete row got: no delivery at all (an event lost) or some subscribers only
  const incomplete = [...committed.keys()].filter((id) => (received.get(id) ?? 0) < perGroup && !early.has(id));
  const extra = [...received.values()].reduce((n, v) => n + Math.max(0, v - perGroup), 0);
  if (extra) log(`    ${extra} deliveries beyond one per subscriber (a row delivered twice)`);
  if (incomplete.length) {
    // which outbox row each one had: tells a stream that skipped an event from a re-read that missed the row
    const outbox = await Promise.all(incomplete.slice(0, 10).map((id) =>
      sql`select id::int, txid::text from strata.events where collection = 'rt_bench' and keys @> ${JSON.stringify([id])}::jsonb`));
    log(`    incomplete rows: ${incomplete.slice(0, 10).map((id) => `${id} (${received.get(id) ?? 0} of ${perGroup})`).join(', ')}; their outbox rows: ${JSON.stringify(outbox.flat())}`);
  }
  return { sent, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), max: latencies[latencies.length - 1] ?? NaN, missing: sent - latencies.length };
}

async function main() {
  // /metrics tells where a delivery stopped, should one never arrive (see (c))
  setBenchEnv({ METRICS_ENABLED: 'true' });
  const db = await openBenchDatabase(0, urlArg, log);
  const servers: StrataServer[] = [];
  try {
    if (!(await installInChild(db.url))) throw new Error('installing the schema failed');
    const sql = postgres(db.url, { max: 8, onnotice: () => {} });
    await emptyWriteHistory(sql);
    await setUp(sql);
    const server = await startStrata(db.url, 10);
    servers.push(server);
    log(`Strata pid ${server.pid} at ${server.url}; ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

    // (b) memory per idle authenticated socket
    const base = await server.stats();
    const socks = await openSockets(server.url, subscribers);
    const idle = await server.stats();
    const perSocket = (idle.rss - base.rss) / subscribers;
    log(`(b) ${subscribers} idle authenticated sockets: RSS ${mb(base.rss).toFixed(0)} -> ${mb(idle.rss).toFixed(0)} MB, ` +
      `${(perSocket / 1024).toFixed(1)} KB per socket, ~${Math.round(1024 ** 3 / perSocket).toLocaleString('en')} sockets per GB`);

    // (a) fan-out latency
    await subscribeAll(socks);
    const subscribed = await server.stats();
    log(`    subscribed (${GROUPS} groups): RSS ${mb(subscribed.rss).toFixed(0)} MB`);
    // a warm-up at the same rate first: the first writes after the subscriptions meet a gateway
    // and a database that have not run these statements yet (each pool connection plans them
    // on first use, the JIT has not seen the delivery path): every latency over 100 ms in the
    // runs that measured from a cold start came from their first 0.3 s. Reported on its own
    const warm = warmup > 0 ? await fanOut(sql, socks, warmup) : undefined;
    if (warm) log(`(a) warm-up: ${warm.sent} inserts at ${rate}/s for ${warmup} s: p50 ${warm.p50.toFixed(1)} ms, p99 ${warm.p99.toFixed(1)} ms, max ${warm.max.toFixed(1)} ms`);
    const cpu0 = (await server.stats()).cpuMicros;
    const benchCpu0 = process.cpuUsage();
    const f = await fanOut(sql, socks, duration);
    const benchCpu = process.cpuUsage(benchCpu0);
    const after = await server.stats();
    log(`(a) ${f.sent} inserts at ${rate}/s for ${duration} s, ${subscribers} subscribers in ${GROUPS} groups: commit -> last subscriber of the group ` +
      `p50 ${f.p50.toFixed(1)} ms, p99 ${f.p99.toFixed(1)} ms, max ${f.max.toFixed(1)} ms${f.missing ? `, ${f.missing} rows not fully delivered within 30 s` : ''}; ` +
      `gateway CPU ${((after.cpuMicros - cpu0) / 1000 / (f.sent || 1)).toFixed(2)} ms per event, peak RSS ${mb(after.peakRss).toFixed(0)} MB; ` +
      `this bench process (the ${subscribers} client sockets) ${((benchCpu.user + benchCpu.system) / 1000 / (f.sent || 1)).toFixed(2)} ms of CPU per event`);
    await closeAll(socks);

    // (d) outbox write cost: REST creates with no subscriber and with 100, in alternating phases
    // (the machine's speed drifts over a run; a ratio of neighbouring phases is steadier)
    const create = { method: 'POST', path: '/items/rt_bench', body: '{"grp":0,"title":"w"}', token: ADMIN_TOKEN };
    // PostgreSQL's CPU per create is also split by connection (cpuByConnection), per side
    const split: Record<'without' | 'with', Record<string, number[]>> = { without: {}, with: {} };
    const load = async (side: 'without' | 'with') => {
      const before = postgresCpuByPid(db.dataDir);
      const result = await runLoadWithCpu(server.url, create, 4, duration, () => postgresCpuMs(db.dataDir), async () => (await server.stats()).cpuMicros);
      const after = postgresCpuByPid(db.dataDir);
      if (before && after) {
        for (const [name, ms] of Object.entries(await cpuByConnection(sql, before, after))) (split[side][name] ??= []).push(ms / Math.max(result.requests, 1));
      }
      return result;
    };
    // (the 100 clients in a process of their own: see bench/subscribers-child.ts)
    const framesPerCreate: number[] = [];
    const clientsCpuPerCreate: number[] = [];
    const phases = await alternatePhases(pairs, async (withSubscribers) => {
      if (!withSubscribers) return load('without');
      const hundred = await subscribersApart(server.url, 100);
      const result = await load('with');
      const { frames, cpuMicros } = await hundred.close();
      framesPerCreate.push(frames / Math.max(result.requests, 1));
      clientsCpuPerCreate.push(cpuMicros / 1000 / Math.max(result.requests, 1));
      return result;
    });
    log(`(d) POST /items/rt_bench (4 connections, ${pairs} pairs of ${duration} s phases): creates/s without subscribers / with 100: ` +
      `${describePhases(phases)} (the deliveries included: ${median(framesPerCreate).toFixed(1)} frames received per create, median of the phases; ` +
      `the clients' process ${cpuMs(median(clientsCpuPerCreate))} ms of CPU per create)`);
    const names = [...new Set([...Object.keys(split.without), ...Object.keys(split.with)])];
    const perCreate = (side: 'without' | 'with', name: string) => (split[side][name] ? median(split[side][name]) : 0);
    const shown = names.filter((n) => Math.max(perCreate('without', n), perCreate('with', n)) >= 0.005)
      .sort((a, b) => perCreate('with', b) - perCreate('with', a));
    if (shown.length) log(`    PostgreSQL CPU per create by connection (ms, medians, without -> with): ${shown.map((n) => `${n} ${cpuMs(perCreate('without', n))} -> ${cpuMs(perCreate('with', n))}`).join(', ')}`);
    await server.stop();
    servers.pop();

    // (c) statements per event: a gateway through the counting proxy, one subscriber per group
    const u = new URL(db.url);
    const proxy = await startCountingProxy(u.hostname, Number(u.port || 5432));
    const proxied = new URL(db.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const counted = await startStrata(proxied.toString(), 10);
    servers.push(counted);
    const few = await openSockets(counted.url, GROUPS);
    await subscribeAll(few);
    let got = 0;
    let wake: () => void = () => {};
    for (const s of few) s.onEvent = (msg) => {
      if (msg.event === 'create') {
        got += msg.data.length;
        wake();
      }
    };
    // a delivery that never comes fails the bench with what the gateway says of its stream, not a hang
    const waitFor = (n: number) => new Promise<void>((res, rej) => {
      const timer = setTimeout(async () => {
        const metrics = await fetch(`${counted.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } }).then((r) => r.text()).catch(String);
        const [{ max }] = await sql`select max(id)::int as max from strata.events`;
        rej(new Error(`(c): ${got} of ${n} rows delivered after 10 s; strata.events max id ${max}; gateway: ` +
          metrics.split('\n').filter((l) => /^strata_(change|realtime)/.test(l)).join('; ')));
      }, 10_000);
      wake = () => {
        if (got < n) return;
        clearTimeout(timer);
        res();
      };
      wake();
    });
    const EVENTS = 50;
    // one at a time: each event its own batch
    proxy.reset();
    for (let i = 0; i < EVENTS; i++) {
      await sql`insert into rt_bench (grp, title) values (${i % GROUPS}, 'c')`;
      await waitFor(i + 1);
    }
    const single = proxy.counts();
    // 50 events committed at once (one statement each, concurrently): fewer, larger batches
    proxy.reset();
    got = 0;
    await Promise.all(Array.from({ length: EVENTS }, (_, i) => sql`insert into rt_bench (grp, title) values (${i % GROUPS}, 'c')`));
    await waitFor(EVENTS);
    const burst = proxy.counts();
    await closeAll(few);
    const per = (c: { executes: number; queries: number }) => ((c.executes + c.queries) / EVENTS).toFixed(2);
    log(`(c) statements per event with ${GROUPS} groups: ${per(single)} one event at a time, ${per(burst)} for ${EVENTS} events committed together ` +
      `(each event: one re-read per group, plus the outbox reads)`);
    await counted.stop();
    servers.pop();
    await proxy.close();
    await sql.end();
  } finally {
    for (const s of servers) await s.stop();
    await db.stop();
  }
}

await main();
process.exit(0);
