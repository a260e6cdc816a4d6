// HTTP load: N keep-alive connections, each sending the next request as soon as the previous
// answer has fully arrived, for a fixed duration. A deliberately small HTTP/1.1 client (raw
// sockets, Content-Length and chunked bodies): on a machine where the load generator shares the
// cores with the server and PostgreSQL, every microsecond it spends is taken from them, and
// autocannon spent about twice as much CPU per request (README, "Reading the numbers").
import net from 'node:net';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
}

export interface Request {
  method: string;
  path: string;
  body?: string;
  token: string;
}

const CRLF2 = Buffer.from('\r\n\r\n');

/** The request's bytes, sent unchanged on every iteration. */
function requestBytes(url: URL, r: Request): Buffer {
  const body = r.body === undefined ? '' : r.body;
  const head = [
    `${r.method} ${r.path} HTTP/1.1`,
    `host: ${url.host}`,
    `authorization: Bearer ${r.token}`,
    'connection: keep-alive',
    ...(r.body === undefined ? [] : ['content-type: application/json', `content-length: ${Buffer.byteLength(body)}`]),
  ];
  return Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`);
}

/**
 * Where the response that starts at 0 ends in `buf`, or -1 while incomplete; `close` is set
 * when the server will close the connection after it.
 */
function responseEnd(buf: Buffer): { end: number; status: number; close: boolean } | null {
  const headEnd = buf.indexOf(CRLF2);
  if (headEnd < 0) return null;
  const head = buf.toString('latin1', 0, headEnd).toLowerCase();
  const status = Number(head.slice(9, 12));
  const close = /\r\nconnection: *close/.test(head);
  const length = /\r\ncontent-length: *(\d+)/.exec(head);
  let pos = headEnd + 4;
  if (length) return pos + Number(length[1]) <= buf.length ? { end: pos + Number(length[1]), status, close } : null;
  if (!/\r\ntransfer-encoding: *chunked/.test(head)) return { end: pos, status, close }; // 204, 304, no body
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', pos);
    if (lineEnd < 0) return null;
    const size = parseInt(buf.toString('latin1', pos, lineEnd), 16);
    pos = lineEnd + 2 + size + 2;
    if (pos > buf.length) return null;
    if (size === 0) return { end: pos, status, close };
  }
}

export async function runLoad(baseUrl: string, r: Request, connections: number, duration: number): Promise<LoadResult> {
  const url = new URL(baseUrl);
  const bytes = requestBytes(url, r);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  const started = performance.now();
  const end = started + duration * 1000;

  // each connection loops until the duration is over; a server that stops answering is given
  // 30 s more (autocannon's timeout), then counted as an error
  const connection = () => new Promise<void>((resolve) => {
    let socket: net.Socket;
    let pending: Buffer | null = null;
    let sentAt = 0;
    let finished = false;
    const done = () => {
      finished = true;
      clearTimeout(guard);
      socket.removeAllListeners().destroy();
      resolve();
    };
    const guard = setTimeout(() => {
      errors++;
      done();
    }, duration * 1000 + 30_000);
    const send = () => {
      if (performance.now() >= end) return done();
      sentAt = performance.now();
      socket.write(bytes);
    };
    const open = () => {
      pending = null;
      socket = net.connect(Number(url.port), url.hostname, send);
      socket.setNoDelay(true);
      socket.on('data', (chunk: Buffer) => {
        pending = pending ? Buffer.concat([pending, chunk]) : chunk;
        const res = responseEnd(pending);
        if (!res) return;
        latencies.push(performance.now() - sentAt);
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        pending = res.end < pending.length ? pending.subarray(res.end) : null;
        if (!res.close) return send();
        socket.removeAllListeners().destroy();
        open();
      });
      // an error or a close the server did not announce: the request in flight is lost
      const gone = () => {
        if (finished) return;
        errors++;
        socket.removeAllListeners().destroy();
        if (performance.now() < end) open();
        else done();
      };
      socket.on('error', gone);
      socket.on('close', gone);
    };
    open();
  });

  await Promise.all(Array.from({ length: connections }, connection));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => (latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]) : 0);
  const non2xx = Object.entries(statuses).reduce((n, [s, c]) => n + (s.startsWith('2') ? 0 : c), 0);
  return { requests: latencies.length, rps: latencies.length / elapsed, p50: pct(50), p99: pct(99), errors, non2xx, statuses };
}

/** Sequential requests (warm-up: compiled statements, prepared statements, caches). */
export async function warmUp(baseUrl: string, r: Request, count: number): Promise<void> {
  const headers: Record<string, string> = { authorization: `Bearer ${r.token}` };
  if (r.body !== undefined) headers['content-type'] = 'application/json';
  for (let i = 0; i < count; i++) {
    const res = await fetch(baseUrl + r.path, { method: r.method, headers, body: r.body });
    await res.arrayBuffer();
  }
}

/**
 * runLoad, with the CPU the run cost per request: PostgreSQL's (`pgCpuMs`, bench/cpu.ts) and the
 * server process's (`serverCpuMicros`). On a machine where the load generator, the server and
 * PostgreSQL share two cores, throughput moves with whatever else runs; the CPU per request is
 * the steadier measure of what a change to the write path costs.
 */
export async function runLoadWithCpu(baseUrl: string, r: Request, connections: number, duration: number,
  pgCpuMs: () => number | undefined, serverCpuMicros: () => Promise<number>): Promise<LoadResult & { pgMsPerRequest?: number; serverMsPerRequest: number }> {
  const [pg0, s0] = [pgCpuMs(), await serverCpuMicros()];
  const result = await runLoad(baseUrl, r, connections, duration);
  const [pg1, s1] = [pgCpuMs(), await serverCpuMicros()];
  const n = Math.max(result.requests, 1);
  return { ...result, pgMsPerRequest: pg0 === undefined || pg1 === undefined ? undefined : (pg1 - pg0) / n, serverMsPerRequest: (s1 - s0) / 1000 / n };
}

/** The middle value (the upper of the two middle ones for an even count). */
export const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

type LoadWithCpu = Awaited<ReturnType<typeof runLoadWithCpu>>;

/**
 * A load run `pairs` times without and then with something (`run(false)`, `run(true)`): the
 * machine's speed drifts over a bench, so each ratio is taken between neighbouring phases.
 */
export async function alternatePhases(pairs: number, run: (withIt: boolean) => Promise<LoadWithCpu>): Promise<{ without: LoadWithCpu; with: LoadWithCpu }[]> {
  const phases: { without: LoadWithCpu; with: LoadWithCpu }[] = [];
  for (let i = 0; i < pairs; i++) phases.push({ without: await run(false), with: await run(true) });
  return phases;
}

/** The pairs' req/s and ratios, their median, and the medians of the CPU per request. */
export function describePhases(phases: { without: LoadWithCpu; with: LoadWithCpu }[]): string {
  const ratios = phases.map((p) => p.with.rps / p.without.rps);
  const cpuMedian = (side: 'without' | 'with', of: 'pgMsPerRequest' | 'serverMsPerRequest') => cpuMs(median(phases.map((p) => p[side][of] ?? NaN)));
  return phases.map((p, i) => `${Math.round(p.without.rps)} / ${Math.round(p.with.rps)} (${Math.round(ratios[i] * 100)} %)`).join(', ') +
    `; median ${Math.round(median(ratios) * 100)} %; CPU per create (medians): PostgreSQL ${cpuMedian('without', 'pgMsPerRequest')} -> ` +
    `${cpuMedian('with', 'pgMsPerRequest')} ms, gateway ${cpuMedian('without', 'serverMsPerRequest')} -> ${cpuMedian('with', 'serverMsPerRequest')} ms`;
}

/** A CPU time per request for the benches' lines ('?' where it could not be read). */
export const cpuMs = (ms: number | undefined): string => (ms === undefined ? '?' : ms.toFixed(2));
