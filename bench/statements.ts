// Counting the SQL statements a request costs: pg_stat_statements is not available, and
// pg_stat_database's xact counters are flushed lazily and include everyone's work. So a second
// Strata process connects to PostgreSQL through this TCP proxy, which reads the frontend
// protocol messages it forwards: every Execute ('E') or simple Query ('Q') message is one
// statement run, every Parse ('P') one statement prepared. The load runs go to another Strata
// process connected directly, so the proxy never affects throughput figures.
import { createServer, connect, type Server, type Socket } from 'node:net';

export interface StatementCounts {
  executes: number;
  queries: number;
  parses: number;
}

export interface CountingProxy {
  port: number;
  counts(): StatementCounts;
  reset(): void;
  /** every statement text PostgreSQL was asked to prepare or run (to verify the floor's) */
  texts: Set<string>;
  close(): Promise<void>;
}

export async function startCountingProxy(host: string, port: number): Promise<CountingProxy> {
  const counts: StatementCounts = { executes: 0, queries: 0, parses: 0 };
  const sockets = new Set<Socket>();
  const texts = new Set<string>();
  const server: Server = createServer((client) => {
    const upstream = connect(port, host);
    sockets.add(client).add(upstream);
    let pending = Buffer.alloc(0);
    let started = false; // the startup message has no type byte
    client.on('data', (chunk) => {
      upstream.write(chunk);
      pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
      for (;;) {
        if (!started) {
          if (pending.length < 4) break;
          const len = pending.readInt32BE(0);
          if (pending.length < len) break;
          const code = pending.readInt32BE(4);
          // SSLRequest / GSSENCRequest are followed by another untyped startup message
          if (code !== 80877103 && code !== 80877104) started = true;
          pending = pending.subarray(len);
          continue;
        }
        if (pending.length < 5) break;
        const len = pending.readInt32BE(1);
        if (pending.length < len + 1) break;
        const type = String.fromCharCode(pending[0]);
        if (type === 'E') counts.executes++;
        else if (type === 'Q') {
          counts.queries++;
          texts.add(pending.toString('utf8', 5, pending.indexOf(0, 5)));
        } else if (type === 'P') {
          counts.parses++;
          // Parse: statement name (C string), then the query text (C string)
          const textStart = pending.indexOf(0, 5) + 1;
          texts.add(pending.toString('utf8', textStart, pending.indexOf(0, textStart)));
        }
        pending = pending.subarray(len + 1);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const end = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('close', end).on('error', end);
    upstream.on('close', end).on('error', end);
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  return {
    port: (server.address() as { port: number }).port,
    counts: () => ({ ...counts }),
    texts,
    reset() {
      counts.executes = counts.queries = counts.parses = 0;
    },
    close: () =>
      new Promise<void>((res) => {
        for (const s of sockets) s.destroy();
        server.close(() => res());
      }),
  };
}
