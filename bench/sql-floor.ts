// `npm run bench:sql`: PostgreSQL's own work per read (and per one-item create and update),
// Strata's statement against the hand-written one (bench/handwritten.ts), measured inside the database so the machine's other
// load hardly matters: each statement runs N times, prepared with a generic plan (as Strata's
// pool runs it), on one connection, and the CPU time of that connection's backend process
// (/proc/<pid>/stat) is divided by N. Both bodies must be byte-identical, or the scenario fails
// (a create's new key aside). Writes run in a transaction rolled back afterwards; a compiled
// write is its statement and its re-read, pipelined (bench/floor-statement.ts).
// --explain prints EXPLAIN (ANALYZE, BUFFERS) of both statements; --show prints Strata's SQL;
// --committed measures the committed migrations only (by default sql/current.sql applies too).
// --rounds N alternates N pairs (2 by default) and, from 3, reports each round's ratio too.
// --profile prints, per Strata statement, the functions it spent its time in (track_functions:
// calls and self time per run; the tracking itself slows the measured run down).
import postgres from 'postgres';
import { ADMIN_TOKEN, benchConfig } from './config.js';
import { ADMIN_ROLE, REQUEST_ROLE, requestRoles } from '../src/db/client.js';
import { installInChild, openBenchDatabase } from './database.js';
import { countsFor, datasetReady, ensureDataset, removeWrites } from './dataset.js';
import { floorStatement, writeStatement } from './floor-statement.js';
import { HAND_WRITES, handWritten } from './handwritten.js';
import { perRequest } from './per-request.js';
import { processCpuMs } from './cpu.js';
import { createStrataReaderViaSql } from './reader.js';
import { scenarios } from './scenarios.js';
import { namesFor } from './schema.js';
import { startStrata } from './server.js';
import { Api } from './api.js';

const log = (m: string) => process.stdout.write(m + '\n');
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const only = (option('only') ?? '').split(',').filter(Boolean);
const seconds = Number(option('seconds') ?? 2);
const scale = Number(option('scale') ?? 1);
/** measured pairs per scenario after the first (see main) */
const rounds = Math.max(2, Number(option('rounds') ?? 2));


interface Measured {
  runs: number;
  cpuMs: number;
  wallMs: number;
  body: string;
}

/** thrown to roll a write scenario's transaction back once measured */
class RolledBack extends Error {
  constructor(readonly measured: Measured) {
    super('rolled back');
  }
}

/** a statement of a request, run after its setup; a request of several runs them pipelined, the last one's value is the body */
interface Step { text: string; params: unknown[] }

/**
 * Runs the steps for about `seconds`, in one transaction after `setup` (the request's role and
 * context). Writes (`rollback`) are undone afterwards, so the dataset stays as it was.
 */
async function measure(sql: postgres.Sql, setup: [string, unknown[]] | undefined, steps: Step[], rollback = false, handSetup?: string): Promise<Measured> {
  if (rollback) {
    try {
      await sql.begin(async (tx) => {
        if (handSetup) await tx.unsafe(handSetup);
        throw new RolledBack(await measureIn(tx, setup, steps));
      });
    } catch (err) {
      if (err instanceof RolledBack) return err.measured;
      throw err;
    }
  }
  return sql.begin((tx) => measureIn(tx, setup, steps));
}

async function measureIn(tx: postgres.TransactionSql, setup: [string, unknown[]] | undefined, steps: Step[]): Promise<Measured> {
  // (the hand-written statements have no setup: only Strata's are profiled; before the setup,
  // which takes on the request's role)
  const profiled = flag('profile') && !!setup;
  if (profiled) await tx.unsafe(`set local track_functions = 'all'`);
  if (setup) await tx.unsafe(setup[0], setup[1] as never[], { prepare: true });
  const [{ pid }] = await tx.unsafe('select pg_backend_pid() as pid');
  const once = async () => {
    const all = await Promise.all(steps.map((st) => tx.unsafe(st.text, st.params as never[], { prepare: true })));
    const [row] = all[all.length - 1];
    return row ? (Object.values(row)[0] as string) : '';
  };
  let body = '';
  for (let i = 0; i < 20; i++) body = await once(); // prepared, cached, warm
  const cpu0 = processCpuMs(pid);
  const t0 = performance.now();
  let runs = 0;
  while (performance.now() - t0 < seconds * 1000) {
    // pipelined in batches: the backend never waits for the client
    await Promise.all(Array.from({ length: 10 }, once));
    runs += 10;
  }
  const wallMs = performance.now() - t0;
  const cpuMs = processCpuMs(pid) - cpu0;
  if (profiled) {
    const top = await tx.unsafe(`select schemaname || '.' || funcname as fn, calls, self_time, total_time from pg_stat_xact_user_functions
      order by self_time desc limit 20`);
    const perRun = (ms: number) => (ms / (runs + 20)).toFixed(4);
    log(top.map((f) => `  ${String(f.fn).padEnd(48)} calls/run ${(Number(f.calls) / (runs + 20)).toFixed(1).padStart(5)}  self ${perRun(f.self_time)} ms  total ${perRun(f.total_time)} ms`).join('\n'));
  }
  return { runs, cpuMs, wallMs, body };
}

/** EXPLAIN (ANALYZE, BUFFERS) of a statement as a generic plan, as the request pool runs it. */
async function explain(sql: postgres.Sql, setup: [string, unknown[]] | undefined, text: string, params: unknown[]): Promise<string> {
  return sql.begin(async (tx) => {
    if (setup) await tx.unsafe(setup[0], setup[1] as never[]);
    await tx.unsafe('set local plan_cache_mode = force_generic_plan');
    // Strata's one parameter is the query (jsonb); the hand-written ones' types are inferred
    const json = !!setup;
    const types = json ? params.map(() => 'jsonb').join(', ') : '';
    await tx.unsafe(`prepare bench_explain${types ? `(${types})` : ''} as ${text}`);
    const literal = (p: unknown) => `'${(json ? JSON.stringify(p) : String(p)).replace(/'/g, "''")}'${json ? '::jsonb' : ''}`;
    const args = params.map(literal).join(', ');
    for (let i = 0; i < 5; i++) await tx.unsafe(`execute bench_explain${args ? `(${args})` : ''}`);
    const rows = await tx.unsafe(`explain (analyze, buffers, costs off) execute bench_explain${args ? `(${args})` : ''}`);
    await tx.unsafe('deallocate bench_explain');
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  });
}

async function main() {
  const db = await openBenchDatabase(scale, option('database-url') ?? process.env.DATABASE_URL, log);
  const names = namesFor('');
  const counts = countsFor(scale);
  const config = benchConfig(2);
  const rows: string[][] = [];
  /** the writes per request (bench/per-request.ts) */
  const requestRows: string[][] = [];
  let failed = false;
  try {
    // the SQL under development too (sql/current.sql), unless told otherwise: this is the compiler's bench
    if (!flag('committed')) process.env.BENCH_EXTRA_ENV ??= JSON.stringify({ STRATA_DEV_MIGRATIONS: 'true' });
    if (!(await installInChild(db.url))) throw new Error('installing the schema failed');
    if (!(await datasetReady(db.url, scale))) {
      // the schema is created through the API: a server for the time of the load
      const server = await startStrata(db.url, 2);
      try {
        await ensureDataset(new Api(server.url, ADMIN_TOKEN), db.url, scale, names, log);
      } finally {
        await server.stop();
      }
    }
    const readerToken = (await createStrataReaderViaSql(db.url, names)).token;
    const options = { max: 1, onnotice: () => {}, connection: { application_name: 'strata-bench-sql', plan_cache_mode: 'force_generic_plan' }, types: {} };
    const sql = postgres(db.url, options);
    // Strata's statements run where the gateway runs them: logged in as the request's role
    // (strata_admin, strata_request), which decides e.g. whether a compiled write records itself
    const roles = await requestRoles(db.url);
    const loginOf = (role: string, password: string) => postgres(db.url, { ...options, username: role, password });
    const logins = roles ? { admin: loginOf(ADMIN_ROLE, roles.admin), request: loginOf(REQUEST_ROLE, roles.request) } : { admin: sql, request: sql };
    try {
      for (const s of scenarios(names, counts)) {
        const write = HAND_WRITES.includes(s.name);
        if ((!s.read && !write) || (only.length && !only.some((o) => s.name.includes(o)))) continue;
        const hand = handWritten(names, s.name);
        const strata = await (write ? writeStatement : floorStatement)(db.url, config, s, s.as === 'admin' ? ADMIN_TOKEN : readerToken);
        const context = strata.statements[0];
        const setup: [string, unknown[]] = [context.text, context.params];
        const statement = strata.statements[strata.result];
        const steps = strata.statements.slice(1);
        if (flag('show')) log(`\n-- ${s.name}: Strata\n${steps.map((st) => st.text).join(';\n')}\n`);
        if (!hand) {
          rows.push([s.name, '–', '–', '–', 'no hand-written statement']);
          continue;
        }
        if (flag('explain')) {
          log(`\n== ${s.name}: Strata\n${await explain(sql, setup, statement.text, statement.params)}`);
          log(`\n== ${s.name}: hand-written\n${await explain(sql, undefined, hand.text, hand.params)}`);
        }
        // alternated, `rounds` times each (2 by default), the lower kept: the first runs of a
        // backend are slower. From 3 rounds on, each round's own ratio is reported too (its
        // median and range): on a shared machine one round's pair shares its moment's noise
        const lower = (x: Measured, y: Measured) => (x.cpuMs / x.runs <= y.cpuMs / y.runs ? x : y);
        const handSteps = [{ text: hand.text, params: hand.params }];
        const strataSql = s.as === 'admin' ? logins.admin : logins.request;
        let a = await measure(strataSql, setup, steps, write);
        let b = await measure(sql, undefined, handSteps, write, hand.setup);
        const ratios: number[] = [];
        for (let round = 1; round < rounds; round++) {
          const ra = await measure(strataSql, setup, steps, write);
          const rb = await measure(sql, undefined, handSteps, write, hand.setup);
          ratios.push((ra.cpuMs / ra.runs) / (rb.cpuMs / rb.runs));
          [a, b] = [lower(a, ra), lower(b, rb)];
        }
        if (flag('verbose')) log(`  runs ${a.runs}/${b.runs}, CPU ${a.cpuMs}/${b.cpuMs} ms, wall ${a.wallMs.toFixed(0)}/${b.wallMs.toFixed(0)} ms`);
        // a create's key differs from run to run
        const same = write ? a.body.replace(/^\{"data":\{"id":\d+/, '') === b.body.replace(/^\{"data":\{"id":\d+/, '') : a.body === b.body;
        if (!same) {
          failed = true;
          log(`${s.name}: the bodies differ\n  Strata: ${a.body.slice(0, 600)}\n  hand:   ${b.body.slice(0, 600)}`);
        }
        const per = (m: Measured) => m.cpuMs / m.runs;
        const sorted = ratios.sort((x, y) => x - y);
        const spread = rounds >= 3 ? [`${sorted[Math.floor(sorted.length / 2)].toFixed(2)} (${sorted[0].toFixed(2)}-${sorted[sorted.length - 1].toFixed(2)})`] : [];
        rows.push([s.name, per(a).toFixed(3), per(b).toFixed(3), (per(a) / per(b)).toFixed(2), ...spread, same ? 'same bytes' : 'BODIES DIFFER']);
        log(`${s.name}: Strata ${per(a).toFixed(3)} ms (${a.runs} runs), hand-written ${per(b).toFixed(3)} ms (${b.runs} runs)`);
        if (write) {
          const login = roles && (s.as === 'admin' ? { user: ADMIN_ROLE, password: roles.admin } : { user: REQUEST_ROLE, password: roles.request });
          const flight = async () => {
            const f = await writeStatement(db.url, config, s, ADMIN_TOKEN);
            return { statements: f.statements, result: f.result };
          };
          const r = await perRequest(db.url, login, flight, { statements: handSteps, result: 0, setup: hand.setup, teardown: hand.teardown }, rounds, seconds);
          const sortedR = r.ratios.sort((x, y) => x - y);
          requestRows.push([s.name, r.strata.toFixed(3), r.hand.toFixed(3), (r.strata / r.hand).toFixed(2),
            `${sortedR[Math.floor(sortedR.length / 2)].toFixed(2)} (${sortedR[0].toFixed(2)}-${sortedR[sortedR.length - 1].toFixed(2)})`]);
          log(`${s.name}, per request: Strata ${r.strata.toFixed(3)} ms, hand-written ${r.hand.toFixed(3)} ms`);
        }
      }
    } finally {
      await Promise.all([sql.end(), roles && logins.admin.end(), roles && logins.request.end()]);
      // (the per-request measure commits its writes)
      if (requestRows.length) {
        const owner = postgres(db.url, { max: 1, onnotice: () => {} });
        await removeWrites(owner, names, counts).finally(() => owner.end());
      }
    }
  } finally {
    await db.stop();
  }
  log('\nPostgreSQL CPU per statement (ms), generic plans, one backend, in-database:\n');
  log(rounds >= 3 ? '| scenario | Strata | hand-written | Strata/hand | per round: median (range) | body |\n|---|---:|---:|---:|---:|---|'
    : '| scenario | Strata | hand-written | Strata/hand | body |\n|---|---:|---:|---:|---|');
  for (const r of rows) log(`| ${r.join(' | ')} |`);
  if (requestRows.length) {
    log('\nThe writes per request, PostgreSQL CPU per flight (ms): each its own transaction, committed, as the gateway sends it (Strata: context + statement):\n');
    log('| scenario | Strata | hand-written | Strata/hand | per round: median (range) |\n|---|---:|---:|---:|---:|');
    for (const r of requestRows) log(`| ${r.join(' | ')} |`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((err) => {
  process.stderr.write(`bench:sql failed: ${err?.stack ?? err}\n`);
  process.exit(1);
});
