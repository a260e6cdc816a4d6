// The database floor: the exact statement Strata runs for a read (its compiled SQL with the same
// $1 query and the same accountability context statement, pipelined on one reserved connection
// as src/db/client.ts does), run directly with postgres.js at the same concurrency and for the
// same duration as the HTTP load. Strata's throughput divided by this is the headline ratio.
import postgres from 'postgres';

export interface FloorResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** the response text of one run (compared with Strata's body) */
  sample: string | null;
}

export interface FloorStatement {
  context: string;
  sql: string;
  params: unknown[];
}

export const CONTEXT_SQL = "select set_config('strata.accountability', $1, false)";

export async function runFloor(url: string, pool: number, s: FloorStatement, connections: number, duration: number): Promise<FloorResult> {
  // the same options as Strata's pool (src/db/client.ts)
  const sql = postgres(url, { max: pool, prepare: true, onnotice: () => {}, connection: { application_name: 'strata-bench-floor' }, types: {} });
  const once = async (): Promise<string | null> => {
    const conn = await sql.reserve();
    try {
      const ctx = conn.unsafe(CONTEXT_SQL, [s.context], { prepare: true });
      const stmt = conn.unsafe(s.sql, s.params as postgres.ParameterOrJSON<never>[], { prepare: true });
      const [, rows] = await Promise.all([ctx, stmt]);
      const first = rows[0];
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
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] : 0);
    return { requests: latencies.length, rps: latencies.length / elapsed, p50: pct(50), p99: pct(99), errors, sample };
  } finally {
    await sql.end();
  }
}
