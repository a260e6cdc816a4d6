// `npm run bench`: the scenarios against Strata (each read next to its database floor) or, with
// --target, against any Directus-compatible server. See the README section "Benchmarks".
import os from 'node:os';
import { resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parseArgs, type BenchArgs } from './args.js';
import { Api, ApiError } from './api.js';
import { ADMIN_TOKEN, benchConfig } from './config.js';
import { installInChild, openBenchDatabase } from './database.js';
import { countsFor, ensureDataset, removeWrites } from './dataset.js';
import { floorStatement } from './floor-statement.js';
import { runFloor } from './floor.js';
import { HAND_WRITES, handWritten, type HandStatement } from './handwritten.js';
import { runLoad, warmUp } from './load.js';
import { createStrataReaderViaSql, createTargetReader, type ReaderUser } from './reader.js';
import { notes, table, writeJson, medianRun, cpuBudget, type ScenarioResult, type RunResult } from './report.js';
import { postgresCpuMs, ownCpuMs } from './cpu.js';
import { scenarios, type Scenario } from './scenarios.js';
import { createSchema, dropSchema, namesFor } from './schema.js';
import { startStrata } from './server.js';
import { startCountingProxy } from './statements.js';
import { loadThroughApi } from './target-data.js';
import postgres from 'postgres';

const log = (m: string) => process.stdout.write(m + '\n');
/**
 * Runs `f` with a hand-written write's setup in force for every connection: its `alter table
 * ... disable trigger` (Strata's audit trigger, whose work the hand-written statement does
 * itself), undone afterwards. (The DDL changes the schema version: Strata compiles its writes
 * again on the next request, before the next scenario's warm-up.)
 */
async function withSetup<T>(url: string, hand: HandStatement, f: () => Promise<T>): Promise<T> {
  if (!hand.setup) return f();
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(hand.setup);
    try {
      return await f();
    } finally {
      await sql.unsafe(hand.teardown!);
    }
  } finally {
    await sql.end();
  }
}

const root = resolve(import.meta.dirname, import.meta.dirname.includes('/dist/') ? '../..' : '..');
const WARM_UP = 20;
const COUNTED = 10;

const selected = (list: Scenario[], only: string[]) => (only.length ? list.filter((s) => only.some((o) => s.name.includes(o))) : list);

/** One request; undefined when it answered 2xx, else why the scenario is skipped. */
async function probe(api: Api, s: Scenario, token: string): Promise<string | undefined> {
  const res = await api.raw(s.method, s.path, s.body, token);
  if (res.status >= 200 && res.status < 300) return undefined;
  let why = res.text.slice(0, 160);
  try {
    const e = JSON.parse(res.text).errors?.[0];
    if (e) why = `${e.extensions?.code ?? ''} ${e.message}`.trim();
  } catch { /* not JSON */ }
  return `not available: ${res.status} ${why}`;
}

function describe(r: ScenarioResult): string {
  if (r.skipped) return `  ${r.scenario.name}: ${r.skipped}`;
  const m = medianRun(r)!;
  const floor = m.floor ? `, floor ${Math.round(m.floor.rps)} req/s (${Math.round((m.http.rps / m.floor.rps) * 100)} %)` : '';
  return `  ${r.scenario.name}: ${Math.round(m.http.rps)} req/s, p50 ${m.http.p50} ms, p99 ${m.http.p99} ms${m.http.non2xx ? `, ${m.http.non2xx} non-2xx` : ''}${floor}`;
}

async function benchStrata(args: BenchArgs) {
  const db = await openBenchDatabase(args.scale, args.databaseUrl, log);
  const config = benchConfig(args.pool);
  const names = namesFor('');
  const counts = countsFor(args.scale);
  const results: ScenarioResult[] = [];
  let dataset;
  try {
    if (!(await installInChild(db.url))) {
      // e.g. sql/current.sql changed in a way that does not apply over the previous version
      log('the bench database could not be migrated in place: recreating it (the dataset is rebuilt)');
      await db.recreate();
      if (!(await installInChild(db.url))) throw new Error('installing the schema on a new database failed (see the errors above)');
    }

    // Phase 1, on a Strata whose PostgreSQL connections go through the counting proxy: build or
    // reuse the dataset, probe every scenario, count statements per request.
    const dbUrl = new URL(db.url);
    const proxy = await startCountingProxy(dbUrl.hostname, Number(dbUrl.port || 5432));
    const proxied = new URL(db.url);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    let reader: ReaderUser;
    let strataTexts = new Set<string>();
    const counter = await startStrata(proxied.toString(), args.pool);
    try {
      const api = new Api(counter.url, ADMIN_TOKEN);
      dataset = await ensureDataset(api, db.url, args.scale, names, log);
      log(dataset.reused ? `reusing the scale-${args.scale} dataset in ${db.where}` : `dataset built in ${dataset.buildSeconds.toFixed(1)} s`);
      reader = await createStrataReaderViaSql(db.url, names);
      for (const s of selected(scenarios(names, counts), args.only)) {
        const token = s.as === 'admin' ? ADMIN_TOKEN : reader.token;
        const r: ScenarioResult = { scenario: s, runs: [], skipped: await probe(api, s, token) };
        results.push(r);
        if (r.skipped) continue;
        await warmUp(counter.url, { ...s, token }, 2);
        proxy.reset();
        await warmUp(counter.url, { ...s, token }, COUNTED);
        const c = proxy.counts();
        r.statements = { executes: c.executes / COUNTED, parses: c.parses / COUNTED, queries: c.queries / COUNTED };
      }
      strataTexts = new Set(proxy.texts);
    } finally {
      await counter.stop();
      await proxy.close();
    }
    // The probes above ran the write scenarios too (thousands of new draft articles with the
    // newest dates): remove them, or every read below, the non-admin one most, pays for them.
    {
      const sql = postgres(db.url, { max: 1, onnotice: () => {} });
      await removeWrites(sql, names, counts).finally(() => sql.end());
    }

    // Phase 2: the load, on a Strata connected directly; each read followed by its floor.
    log(`running ${results.filter((r) => !r.skipped).length} scenarios: ${args.connections} connections, ${args.duration} s each, ${args.runs} run(s)`);
    const server = await startStrata(db.url, args.pool);
    try {
      const api = new Api(server.url, ADMIN_TOKEN);
      for (const r of results) {
        if (r.skipped) {
          log(describe(r));
          continue;
        }
        const s = r.scenario;
        const token = s.as === 'admin' ? ADMIN_TOKEN : reader!.token;
        const floor = s.read && !args.noFloor ? await floorStatement(db.url, config, s, token) : undefined;
        // the second floor: the statement a person would write by hand for the same body
        // (bench/handwritten.ts); for the one-item create and update too, which have no first floor
        const hand = (floor || HAND_WRITES.includes(s.name)) && !args.noFloor ? handWritten(names, s.name) : undefined;
        r.sql = floor?.sql;
        for (let i = 0; i < args.runs; i++) {
          await warmUp(server.url, { ...s, token }, WARM_UP);
          const before = await server.stats();
          const [pg0, own0] = [postgresCpuMs(db.dataDir), ownCpuMs()];
          const http = await runLoad(server.url, { ...s, token }, args.connections, args.duration);
          const [pg1, own1] = [postgresCpuMs(db.dataDir), ownCpuMs()];
          const after = await server.stats();
          const per = (ms: number, n: number) => ms / Math.max(1, n);
          const run: RunResult = {
            http,
            cpuMsPerRequest: per((after.cpuMicros - before.cpuMicros) / 1000, http.requests),
            rssMb: { start: before.rss / 2 ** 20, end: after.rss / 2 ** 20, peak: after.peakRss / 2 ** 20 },
          };
          run.cpu = { loadGenerator: per(own1 - own0, http.requests), strata: run.cpuMsPerRequest!, postgres: pg1 === undefined ? undefined : per(pg1 - pg0!, http.requests) };
          if (floor) {
            run.floor = await runFloor(db.url, args.pool, floor, args.connections, args.duration, () => [postgresCpuMs(db.dataDir), ownCpuMs()]);
            run.cpu.floorClient = run.floor.cpu?.client;
            run.cpu.floorPostgres = run.floor.cpu?.postgres;
          }
          if (hand) {
            run.hand = await withSetup(db.url, hand, () => runFloor(db.url, args.pool, { sql: hand.text, statements: [hand], result: 0 },
              args.connections, args.duration, () => [postgresCpuMs(db.dataDir), ownCpuMs()]));
            run.cpu.handPostgres = run.hand.cpu?.postgres;
          }
          r.runs.push(run);
        }
        if (floor) {
          // is the floor what Strata does? same statement texts, same count, same bytes out
          const sample = r.runs[0].floor!.sample;
          const body = (await api.raw(s.method, s.path, s.body, token)).text;
          r.floorCheck = {
            sameStatements: floor.statements.every((st) => strataTexts.has(st.text)),
            // a fraction above comes from the auth cache's refresh (once a second per token), not from the read
            sameCount: r.statements !== undefined && Math.floor(r.statements.executes + r.statements.queries) === floor.statements.length,
            // an item's statement may return the envelope itself or the bare object
            sameBody: sample === body || (s.read!.mode === 'one' && `{"data":${sample}}` === body),
            sameHandBody: hand ? r.runs[0].hand?.sample === body : undefined,
          };
        } else if (hand) {
          // a write has no first floor: only its hand-written statement's body is checked (a
          // create's key differs from write to write)
          const body = (await api.raw(s.method, s.path, s.body, token)).text;
          const keyless = (b: string | null | undefined) => b?.replace(/^\{"data":\{"id":\d+/, '');
          r.floorCheck = { sameStatements: true, sameCount: true, sameBody: true, sameHandBody: keyless(r.runs[0].hand?.sample) === keyless(body) };
        }
        log(describe(r));
      }
    } finally {
      await server.stop();
      const sql = postgres(db.url, { max: 1, onnotice: () => {} });
      await removeWrites(sql, names, counts).finally(() => sql.end());
    }
  } finally {
    await db.stop();
  }
  return { server: `Strata (${db.where})`, dataset, results };
}

async function benchTarget(args: BenchArgs) {
  const target = args.target!;
  const api = args.token ? new Api(target, args.token) : await Api.login(target, args.email!, args.password!);
  const prefix = `b${randomBytes(3).toString('hex')}_`;
  const names = namesFor(prefix);
  const counts = countsFor(args.scale);
  const results: ScenarioResult[] = [];
  let reader: ReaderUser | undefined;
  let readerError = '';
  const cleanup = async () => {
    if (args.keep) return log(`kept the collections ${Object.values(names).join(', ')} on ${target}`);
    log(`deleting the ${prefix}* collections and the bench reader from ${target}`);
    await reader?.remove();
    await dropSchema(api, names);
  };
  const interrupted = () => void cleanup().finally(() => process.exit(130));
  process.once('SIGINT', interrupted);
  try {
    log(`creating ${prefix}* collections on ${target} through its schema API, loading the scale-${args.scale} dataset through POST /items`);
    const started = performance.now();
    await createSchema(api, names);
    await loadThroughApi(api, names, counts, log);
    log(`dataset loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    try {
      reader = await createTargetReader(api, names, prefix);
    } catch (err) {
      readerError = err instanceof ApiError ? `not available: ${err.status} creating the reader's permission: ${err.body.slice(0, 160)}` : String(err);
    }
    for (const s of selected(scenarios(names, counts), args.only)) {
      if (s.as === 'reader' && !reader) {
        results.push({ scenario: s, runs: [], skipped: readerError });
        continue;
      }
      const token = s.as === 'admin' ? api.token : reader!.token;
      const r: ScenarioResult = { scenario: s, runs: [], skipped: await probe(api, s, token) };
      results.push(r);
      if (r.skipped) {
        log(describe(r));
        continue;
      }
      for (let i = 0; i < args.runs; i++) {
        await warmUp(target, { ...s, token }, WARM_UP);
        r.runs.push({ http: await runLoad(target, { ...s, token }, args.connections, args.duration) });
      }
      log(describe(r));
    }
  } finally {
    process.off('SIGINT', interrupted);
    await cleanup();
  }
  return { server: target, dataset: { counts, reused: false }, results };
}

async function main() {
  const args = parseArgs(process.argv.slice(2), process.env);
  const started = performance.now();
  const loadAtStart = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const run = args.target ? await benchTarget(args) : await benchStrata(args);
  const strata = !args.target;
  const machine = {
    /** 1, 5 and 15-minute load averages when the run ended: other work on the machine skews results */
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
  log('');
  log(`${run.server} · scale ${args.scale} · ${args.connections} connections · ${args.duration} s per scenario · ${args.runs} run(s), median shown`);
  log(`${machine.cpus} CPUs (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}; load average at the start ${loadAtStart.join(' ')}, at the end ${machine.loadAverage.join(' ')}`);
  log('');
  log(table(run.results, strata));
  const lines = notes(run.results, strata);
  if (lines.length) log('\n' + lines.map((l) => `- ${l}`).join('\n'));
  const budget = strata ? cpuBudget(run.results) : [];
  if (budget.length) log('\nCPU per request (ms):\n' + budget.map((l) => `- ${l}`).join('\n'));
  const file = writeJson(resolve(root, 'bench/results'), strata ? 'strata' : new URL(args.target!).host.replace(/\W/g, '_'), {
    args: { ...args, password: args.password ? '***' : undefined, token: args.token ? '***' : undefined },
    machine: { ...machine, loadAverageAtStart: loadAtStart }, server: run.server, dataset: run.dataset,
    seconds: (performance.now() - started) / 1000,
    results: run.results,
  });
  log(`\nresults: ${file} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
}

main().catch((err) => {
  process.stderr.write(`bench failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
