// `bench:sql`'s second measure for the one-item writes: PostgreSQL's CPU per request as the
// gateway sends it, each flight (Strata: its context statement and the compiled write; the
// hand-written statement alone) its own implicit transaction, committed, on one connection of
// the gateway's own wire pool. The rolled-back measure runs thousands of writes in one
// transaction, which leaves out what every request pays once: the commit, the transaction's
// locks, and whatever a function or trigger sets up again in each transaction. Committed rows
// are the caller's to remove (dataset.ts removeWrites).
import postgres from 'postgres';
import { processCpuMs } from './cpu.js';
import { WirePool } from '../src/db/wire/pool.js';
import { parseUrl } from '../src/db/wire/url.js';

export interface Flight { statements: { text: string; params: unknown[] }[]; result: number }

async function cpuPerFlight(pool: WirePool, flight: Flight, seconds: number): Promise<number> {
  const pid = Number((await pool.run([{ text: 'select pg_backend_pid()::text', params: [] }], 0))!.toString());
  const once = () => pool.run(flight.statements as never, flight.result);
  for (let i = 0; i < 50; i++) await once(); // prepared, planned, warm
  const cpu0 = processCpuMs(pid);
  const t0 = performance.now();
  let runs = 0;
  while (performance.now() - t0 < seconds * 1000) {
    await once();
    runs++;
  }
  return (processCpuMs(pid) - cpu0) / runs;
}

/**
 * Strata's flight against the hand-written statement's, alternated `rounds` times: the lower
 * of each kept, and each round's ratio. `strata()` is asked again every round: the hand-written
 * statement's setup (its `alter table ... disable trigger`, undone after it) changes the schema
 * version a compiled write carries.
 */
export async function perRequest(url: string, login: { user: string; password: string } | null, strata: () => Promise<Flight>,
  hand: Flight & { setup?: string; teardown?: string }, rounds: number, seconds: number): Promise<{ strata: number; hand: number; ratios: number[] }> {
  const target = parseUrl(url, { plan_cache_mode: 'force_generic_plan' });
  const strataPool = new WirePool(login ? { ...target, ...login } : target, 1);
  const handPool = new WirePool(target, 1);
  const owner = postgres(url, { max: 1, onnotice: () => {} });
  let [a, b] = [Infinity, Infinity];
  const ratios: number[] = [];
  try {
    for (let round = 0; round < rounds; round++) {
      const ra = await cpuPerFlight(strataPool, await strata(), seconds);
      if (hand.setup) await owner.unsafe(hand.setup);
      let rb: number;
      try {
        rb = await cpuPerFlight(handPool, hand, seconds);
      } finally {
        if (hand.teardown) await owner.unsafe(hand.teardown);
      }
      ratios.push(ra / rb);
      [a, b] = [Math.min(a, ra), Math.min(b, rb)];
    }
  } finally {
    await Promise.all([strataPool.end(1), handPool.end(1), owner.end()]);
  }
  return { strata: a, hand: b, ratios };
}
