// Starts Strata (bench/server-child.ts) as a child process and reads its CPU time and memory.
// BENCH_CPU_PROF=<dir> writes the child's V8 CPU profile there (node --cpu-prof) when it stops.
import { fork, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export interface ServerStats {
  /** user + system CPU, microseconds since the process started */
  cpuMicros: number;
  rss: number;
  /** highest RSS sampled since the previous stats() */
  peakRss: number;
}

export interface StrataServer {
  url: string;
  pid: number;
  stats(): Promise<ServerStats>;
  stop(): Promise<void>;
}

export async function startStrata(databaseUrl: string, pool: number): Promise<StrataServer> {
  // the compiled child next to this file (dist/bench), or the TypeScript source under tsx
  const here = import.meta.filename;
  const child: ChildProcess = fork(resolve(import.meta.dirname, here.endsWith('.ts') ? 'server-child.ts' : 'server-child.js'), [], {
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl, BENCH_POOL: String(pool) },
    execArgv: [...(here.endsWith('.ts') ? ['--import=tsx'] : []), ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [])],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((res, rej) => {
    child.once('message', (m: any) => (m?.type === 'ready' ? res(m.port) : rej(new Error(`unexpected message ${JSON.stringify(m)}`))));
    child.once('exit', (code) => rej(new Error(`Strata exited with code ${code} before listening`)));
  });
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid!,
    stats: () =>
      new Promise((res) => {
        const onMessage = (m: any) => {
          if (m?.type !== 'stats') return;
          child.off('message', onMessage);
          res({ cpuMicros: m.cpu.user + m.cpu.system, rss: m.rss, peakRss: m.peakRss });
        };
        child.on('message', onMessage);
        child.send({ type: 'stats' });
      }),
    async stop() {
      if (child.exitCode !== null) return;
      child.send({ type: 'stop' });
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
