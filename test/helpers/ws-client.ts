// A realtime test client on the `ws` package: messages are queued as they arrive and awaited one
// at a time (event-driven, with a timeout that only guards a failing test). The server's
// heartbeat pings are answered and kept out of the queue unless `autoPong` is off.
import WebSocket from 'ws';

export interface WsClientOptions {
  headers?: Record<string, string>;
  autoPong?: boolean;
}

export class WsClient {
  private queue: any[] = [];
  private waiters: Array<() => void> = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private isClosed = false;

  private constructor(readonly ws: WebSocket, private opts: WsClientOptions) {
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.type === 'ping' && opts.autoPong !== false) {
        ws.send(JSON.stringify({ type: 'pong' }));
        return;
      }
      this.queue.push(msg);
      this.notify();
    });
    this.closed = new Promise((resolve) => ws.on('close', (code, reason) => {
      this.isClosed = true;
      this.notify();
      resolve({ code, reason: reason.toString() });
    }));
  }

  static open(url: string, opts: WsClientOptions = {}): Promise<WsClient> {
    const ws = new WebSocket(url.replace(/^http/, 'ws'), { headers: opts.headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(new WsClient(ws, opts)));
      ws.once('unexpected-response', (_req, res) => reject(Object.assign(new Error(`upgrade refused: ${res.statusCode}`), { status: res.statusCode })));
      ws.once('error', reject);
    });
  }

  private notify() {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  send(msg: unknown): void {
    this.ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg));
  }

  /** The next message (or the first queued one matching `match`), removed from the queue. */
  async next(match: (m: any) => boolean = () => true, ms = 5000): Promise<any> {
    const deadline = Date.now() + ms;
    for (;;) {
      const i = this.queue.findIndex(match);
      if (i >= 0) return this.queue.splice(i, 1)[0];
      if (this.isClosed) throw new Error(`closed while waiting; queued: ${JSON.stringify(this.queue)}`);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for a message; queued: ${JSON.stringify(this.queue)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Sends and awaits the answer carrying the same uid. */
  async ask(msg: Record<string, unknown>): Promise<any> {
    this.send(msg);
    return this.next((m) => m.uid === msg.uid || m.uid === String(msg.uid));
  }

  /** messages received and not yet taken */
  get pending(): any[] {
    return [...this.queue];
  }

  close(): void {
    this.ws.close();
  }
}
