// `npm run bench:flows`: flows and webhooks under load (README, "Flows and webhooks"). Strata runs
// in a child process (bench/server.ts) on its own bench database; the writer and the HTTP
// receiver live in this process.
//   (a) webhook deliveries: a webhook on create, rows inserted with plain SQL at R/s for D s;
//       deliveries/s at the receiver, commit -> receipt latency, and the backlog (listened events
//       past the delivery cursor, and pending queue rows) sampled every second: sustained means
//       the backlog does not grow;
//   (b) the write path: REST creates/s with no flow and with 10 active action flows (each one
//       operation) on the collection (each create's change event names the 10 flows; the
//       gateway's dispatcher reads it through the delivery cursor and runs them in the same
//       process meanwhile), in P pairs of phases, each ratio taken between neighbours.
// Options: --rate R (500) --duration D (5) --pairs P (3) --database-url URL.
import { createServer } from 'node:http';
import os from 'node:os';
import postgres from 'postgres';
import { ADMIN_TOKEN, setBenchEnv } from './config.js';
import { emptyWriteHistory, installInChild, openBenchDatabase } from './database.js';
import { startStrata } from './server.js';
import { alternatePhases, describePhases, runLoadWithCpu } from './load.js';
import { postgresCpuMs } from './cpu.js';

const log = (m: string) => process.stdout.write(m + '\n');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const rate = arg('rate', 500);
const duration = arg('duration', 5);
const pairs = arg('pairs', 3);
const urlArg = process.argv.includes('--database-url') ? process.argv[process.argv.indexOf('--database-url') + 1] : process.env.DATABASE_URL;
const quantile = (sorted: number[], q: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN);

async function main() {
  // the gateway may reach the receiver on this host
  // (and /metrics counts the flow runs)
  setBenchEnv({ FLOWS_IP_DENY_LIST: '169.254.0.0/16', METRICS_ENABLED: 'true' });
  const db = await openBenchDatabase(0, urlArg, log);
  if (!(await installInChild(db.url))) throw new Error('installing the schema failed');
  const sql = postgres(db.url, { max: 8, onnotice: () => {} });
  await emptyWriteHistory(sql);
  await sql.unsafe(`
    drop table if exists fl_bench;
    create table fl_bench (id serial primary key, title text, sent double precision);
    delete from directus_webhooks; delete from directus_flows; delete from strata.deliveries;
  `);
  // the receiver: latency from the insert's commit to the webhook's arrival
  /** listened events the delivery cursor has not passed, and queue rows still pending */
  const backlogNow = async () => (await sql`select (select count(*) from strata.delivery_cursor c, strata.events e
      where e.id > c.last_id and e.listeners is not null) + (select count(*) from strata.deliveries where status = 'pending') as n`)[0].n as number;
  const committed = new Map<number, number>();
  const latencies: number[] = [];
  let received = 0;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const now = performance.now();
      const body = JSON.parse(Buffer.concat(chunks).toString());
      received++;
      const at = committed.get(body.key);
      if (at !== undefined) latencies.push(now - at);
      res.writeHead(200).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  const port = (receiver.address() as { port: number }).port;
  const server = await startStrata(db.url, 10);
  log(`Strata pid ${server.pid} at ${server.url}; ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    // (a) webhook deliveries at `rate` inserts/s
    const hook = await fetch(`${server.url}/webhooks`, {
      method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench', url: `http://127.0.0.1:${port}/hook`, actions: ['create'], collections: ['fl_bench'] }),
    });
    if (hook.status !== 200) throw new Error(`creating the webhook: ${hook.status} ${await hook.text()}`);
    const backlog: number[] = [];
    const sampler = setInterval(() => {
      void backlogNow().then((n) => backlog.push(n));
    }, 1000);
    let sent = 0;
    const writes: Promise<void>[] = [];
    const start = performance.now();
    await new Promise<void>((res) => {
      const tick = setInterval(() => {
        const due = Math.floor(((performance.now() - start) / 1000) * rate);
        while (sent < due) {
          sent++;
          writes.push(sql`insert into fl_bench (title) values ('w') returning id`.then(([r]) => { committed.set(r.id, performance.now()); }));
        }
        if (performance.now() - start >= duration * 1000) {
          clearInterval(tick);
          res();
        }
      }, 2);
    });
    await Promise.all(writes);
    const sendEnd = performance.now();
    const receivedAtEnd = received;
    const deadline = Date.now() + 60_000;
    while (received < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const drained = performance.now();
    clearInterval(sampler);
    latencies.sort((x, y) => x - y);
    log(`(a) webhook on create, ${sent} inserts at ${rate}/s for ${duration} s: ${receivedAtEnd} delivered while writing ` +
      `(${Math.round(receivedAtEnd / ((sendEnd - start) / 1000))}/s), all ${received} after ${((drained - start) / 1000).toFixed(1)} s ` +
      `(${Math.round(received / ((drained - start) / 1000))}/s overall); commit -> receiver p50 ${quantile(latencies, 0.5).toFixed(0)} ms, ` +
      `p99 ${quantile(latencies, 0.99).toFixed(0)} ms; backlog (events not yet delivered) per second: ${backlog.join(', ')}`);
    await sql`delete from directus_webhooks`;

    // (b) the write path with no flow and with 10 active action flows, in alternating phases
    // (the machine's speed drifts over a run; a ratio of neighbouring phases is steadier)
    const create = { method: 'POST', path: '/items/fl_bench', body: '{"title":"w"}', token: ADMIN_TOKEN };
    const load = () => runLoadWithCpu(server.url, create, 4, duration, () => postgresCpuMs(db.dataDir), async () => (await server.stats()).cpuMicros);
    for (let i = 0; i < 10; i++) {
      const flow = await fetch(`${server.url}/flows`, {
        method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: `bench ${i}`, status: 'inactive', trigger: 'event', accountability: null,
          options: { type: 'action', scope: ['items.create'], collections: ['fl_bench'] },
          operations: [{ key: 'noop', type: 'transform', position_x: 1, position_y: 1, options: { json: { key: '{{ $trigger.key }}' } } }],
        }),
      });
      const id = (await flow.json()).data.id;
      const op = await sql`select id from directus_operations where flow = ${id}`;
      await sql`update directus_flows set operation = ${op[0].id} where id = ${id}`;
    }
    // flow runs finished, from the gateway's /metrics
    const runsSoFar = async () => {
      const text = await (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
      return [...text.matchAll(/^strata_flow_deliveries_total\{[^}]*\} (\d+)/gm)].reduce((n, m) => n + Number(m[1]), 0);
    };
    const settle = async () => {
      // the previous phase's deliveries finish first; the gateways reload the flows on a notification
      while ((await backlogNow()) > 0) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 300));
    };
    // (flow runs of the phases with flows, and the backlog left after each)
    let runs = 0;
    const pendingAfter: number[] = [];
    const phases = await alternatePhases(pairs, async (withFlows) => {
      await sql`update directus_flows set status = ${withFlows ? 'active' : 'inactive'} where name like 'bench %'`;
      await settle();
      if (!withFlows) return load();
      const before = await runsSoFar();
      const result = await load();
      pendingAfter.push(await backlogNow());
      await settle();
      runs += (await runsSoFar()) - before;
      return result;
    });
    log(`(b) POST /items/fl_bench (4 connections, ${pairs} pairs of ${duration} s phases): creates/s without flows / with 10 active action flows: ` +
      `${describePhases(phases)} (the flow runs included); ${runs} flow runs; events not yet delivered at the end of each phase with flows: ${pendingAfter.join(', ')}`);
  } finally {
    await server.stop();
    receiver.close();
    await sql.end();
    await db.stop();
  }
}

await main();
