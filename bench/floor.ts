// The database floor: the exact statements Strata runs for a read (the accountability context
// statement, then its compiled SQL with the same $1 query), run directly with postgres.js,
// pipelined on one reserved connection, at the same concurrency and for the same duration as the
// HTTP load. Strata sends the same statements with its own protocol client (src/db/wire, one
// Sync for both); the floor is the plain postgres.js baseline the ratio is defined against.
// Strata's throughput divided by this is the headline ratio. bench/run.ts checks that Strata
// really sends these statements (the counting proxy sees the same texts and the same number of
// executions), so a change in src/db shows up.
import postgres from 'postgres';
import { CONTEXT } from '../src/db/client.js';

export interface FloorResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** the response text of one run (compared with Strata's body) */
  sample: string | null;
  /** CPU ms per request of this process (the client) and of PostgreSQL, when measurable */
  cpu?: { client: number; postgres?: number };
}

/** CPU counters read around the timed loop: [PostgreSQL ms or undefined, this process ms] */
export type CpuProbe = () => [number | undefined, number];

export interface Statement {
  text: string;
  params: unknown[];
}

export interface FloorStatement {
  /** the compiled read */
  sql: string;
  /** everything sent per request, in order */
  statements: Statement[];
  /** which statement's first column is the response body */
  result: number;
}

/** The per-request sequence of src/db/client.ts request(): the context, then the statement. */
export function requestStatements(context: [string, string, string], sql: string, params: unknown[]): FloorStatement {
  return {
    sql,
    statements: [
      { text: CONTEXT, params: context },
      { text: sql, params },
    ],
    result: 1,
  };
}

export async function runFloor(url: string, pool: number, s: FloorStatement, connections: number, duration: number, probe?: CpuProbe): Promise<FloorResult> {
  // the same options as Strata's request pool (src/db/client.ts), generic plans included
  const sql = postgres(url, { max: pool, prepare: true, onnotice: () => {}, connection: { application_name: 'strata-bench-floor', plan_cache_mode: 'force_generic_plan' }, types: {} });
  const once = async (): Promise<string | null> => {
    const conn = await sql.reserve();
    try {
      // all queued before any is awaited: postgres.js pipelines them in one flight
      const all = await Promise.all(s.statements.map((st) => conn.unsafe(st.text, st.params as postgres.ParameterOrJSON<never>[], { prepare: true })));
      const first = all[s.result][0];
      if (!first) return null;
      for (const k in first) return first[k] as string | null;
      return null;
    } finally {
      conn.release();
    }
  };
  try {
    let sample: string | null = null;
    for (let i = 0; i < Math.max(pool, connections) * 2; i++) sample = await once(); // prepare on every connection
    const latencies: number[] = [];
    let errors = 0;
    // read before the pool ends: its backends' CPU leaves /proc with them
    const cpu0 = probe?.();
    const started = performance.now();
    const end = started + duration * 1000;
    const worker = async () => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await once();
          latencies.push(performance.now() - t);
        } catch {
          errors++;
        }
      }
    };
    await Promise.all(Array.from({ length: connections }, worker));
    const elapsed = (performance.now() - started) / 1000;
    const cpu1 = probe?.();
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : 0);
    const n = Math.max(1, latencies.length);
    const cpu = cpu0 && cpu1 ? { client: (cpu1[1] - cpu0[1]) / n, postgres: cpu1[0] === undefined || cpu0[0] === undefined ? undefined : (cpu1[0] - cpu0[0]) / n } : undefined;
    return { requests: latencies.length, rps: latencies.length / elapsed, p50: pct(50), p99: pct(99), errors, sample, cpu };
  } finally {
    await sql.end();
  }
}
