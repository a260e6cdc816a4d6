// A real HTTP receiver for webhooks and flows' request operations: records every request it
// gets, answers with a status the test chooses (or not at all), and can go away and come back on
// the same port (a receiver that is down). Waits are event-driven: `waitFor` resolves on the
// request that makes its condition true (the timeout only guards a failing test).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface Received {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** the body as JSON (undefined when it is not) */
  json: any;
}

export class Receiver {
  /** the requests answered with a 2xx */
  readonly requests: Received[] = [];
  /** every request, whatever it was answered */
  readonly all: Received[] = [];
  /** the status of the next answers (a function: decided per request) */
  status: number | ((r: Received) => number) = 200;
  private server: Server | undefined;
  private sockets = new Set<Socket>();
  private waiters: Array<{ test: () => boolean; resolve: () => void }> = [];
  port = 0;

  static async start(): Promise<Receiver> {
    const r = new Receiver();
    await r.listen();
    return r;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** starts (again) on the same port */
  listen(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        let json: unknown;
        try {
          json = body ? JSON.parse(body) : undefined;
        } catch {
          json = undefined;
        }
        const got: Received = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body, json };
        this.all.push(got);
        const status = typeof this.status === 'function' ? this.status(got) : this.status;
        // only what was answered with a 2xx counts as received
        if (status >= 200 && status < 300) this.requests.push(got);
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ ok: status < 300 }));
        this.check();
      });
    });
    this.server.on('connection', (s: Socket) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', () => {
      this.port = (this.server!.address() as { port: number }).port;
      resolve();
    }));
  }

  /** goes away at once: open connections are cut, new ones refused */
  async stop(): Promise<void> {
    const s = this.server;
    this.server = undefined;
    if (!s) return;
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((r) => s.close(() => r()));
  }

  /** resolves once `test` holds (checked now and on every request received) */
  waitFor(test: () => boolean, ms = 15_000): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`receiver: timed out; ${this.requests.length} requests so far`)), ms);
      this.waiters.push({ test, resolve: () => { clearTimeout(timer); resolve(); } });
    });
  }

  private check(): void {
    this.waiters = this.waiters.filter((w) => {
      if (!w.test()) return true;
      w.resolve();
      return false;
    });
  }
}
