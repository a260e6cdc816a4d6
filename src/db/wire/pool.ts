// A fixed-size pool of wire connections, opened on demand. A request holds one connection for
// its single flight; waiting requests are served first come, first served. A request whose
// AbortSignal fires leaves the queue, or has its statements cancelled by the server.
import { Connection, type Statement } from './connection.js';
import { queryCanceled } from './messages.js';
import type { WireOptions } from './url.js';

interface Waiter {
  resolve(c: Connection): void;
  reject(err: Error): void;
}

export interface PoolStats {
  open: number;
  idle: number;
  waiting: number;
}

export class WirePool {
  private idle: Connection[] = [];
  private waiters: Waiter[] = [];
  /** connections opened and not broken (idle or running a request) */
  private all = new Set<Connection>();
  private opened = 0;
  private closing = false;
  private drained: (() => void) | null = null;
  private ending?: Promise<void>;

  constructor(private opts: WireOptions, private max: number) {}

  /** What /metrics reports: connections open, idle, and requests waiting for one. */
  stats(): PoolStats {
    return { open: this.all.size, idle: this.idle.length, waiting: this.waiters.length };
  }

  /** Runs the statements on one connection (see Connection.run, also for `signal`). */
  run(statements: Statement[], result: number, signal?: AbortSignal): Promise<Buffer | null> {
    return this.use(signal, (conn) => conn.run(statements, result, signal));
  }

  /** Runs the statements on one connection, answering every one's first value (Connection.runAll). */
  runAll(statements: Statement[], signal?: AbortSignal): Promise<(Buffer | null)[]> {
    return this.use(signal, (conn) => conn.runAll(statements, signal));
  }

  /**
   * Lends one connection to `fn` for several flights (a transaction spanning them: see
   * Db.requestTransaction), and takes it back when `fn` has settled. `fn` must leave the
   * connection outside any transaction, or broken.
   */
  hold<T>(signal: AbortSignal | undefined, fn: (conn: Connection) => Promise<T>): Promise<T> {
    return this.use(signal, fn);
  }

  /** Lends one connection to `fn`, and takes it back when its flight has settled. */
  private async use<T>(signal: AbortSignal | undefined, fn: (conn: Connection) => Promise<T>): Promise<T> {
    // not only when no connection is idle: end() was called, nothing new starts
    if (this.closing) throw new Error('the database pool is closing');
    if (signal?.aborted) throw queryCanceled();
    let conn = this.idle.pop();
    while (conn?.broken) {
      // closed while idle (the server restarted, an idle timeout): forget it
      this.all.delete(conn);
      this.opened--;
      conn = this.idle.pop();
    }
    conn ??= await this.acquire(signal);
    try {
      return await fn(conn);
    } finally {
      this.release(conn);
    }
  }

  /** Waits up to `timeout` seconds for running requests, then closes every connection. */
  end(timeout: number): Promise<void> {
    // a second call waits for the first (the counts no longer add up once idle ones are closed)
    return (this.ending ??= this.shutdown(timeout));
  }

  private async shutdown(timeout: number): Promise<void> {
    this.closing = true;
    for (const w of this.waiters.splice(0)) w.reject(new Error('the database pool is closing'));
    if (this.opened > this.idle.length) {
      await new Promise<void>((resolve) => {
        this.drained = resolve;
        setTimeout(resolve, timeout * 1000).unref();
      });
    }
    for (const c of this.idle.splice(0)) c.close();
    for (const c of this.all) if (!c.broken) c.destroy();
  }

  private acquire(signal?: AbortSignal): Promise<Connection> {
    if (this.closing) return Promise.reject(new Error('the database pool is closing'));
    if (this.opened >= this.max) return this.wait(signal);
    this.opened++;
    return Connection.open(this.opts).then(
      (c) => (this.all.add(c), c),
      (err) => {
        this.opened--;
        // a request queued behind this attempt would wait for a release that never comes: it
        // makes its own attempt
        const w = this.waiters.shift();
        if (w) this.acquire().then(w.resolve, w.reject);
        this.checkDrained();
        throw err;
      },
    );
  }

  /** Queues for a connection; an aborted request leaves the queue at once. */
  private wait(signal?: AbortSignal): Promise<Connection> {
    return new Promise((resolve, reject) => {
      // a waiter already served (a connection on its way) runs and fails at once instead: the
      // connection comes back to the pool through run()'s release
      const onAbort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i < 0) return;
        this.waiters.splice(i, 1);
        reject(queryCanceled());
      };
      const waiter: Waiter = {
        resolve: (c) => (signal?.removeEventListener('abort', onAbort), resolve(c)),
        reject: (err) => (signal?.removeEventListener('abort', onAbort), reject(err)),
      };
      this.waiters.push(waiter);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private release(conn: Connection): void {
    if (this.closing && !conn.broken && this.waiters.length === 0) {
      // back after end() began: closed now, not idled. One that outlasted end()'s wait (a long
      // flight, or a connection still opening then) would stay idle for good, its socket keeping
      // the process alive
      conn.close();
    }
    if (conn.broken) {
      this.all.delete(conn);
      this.opened--;
      // a waiter gets a fresh connection in place of the broken one
      const w = this.waiters.shift();
      if (w) this.acquire().then(w.resolve, w.reject);
    } else {
      const w = this.waiters.shift();
      if (w) return w.resolve(conn);
      this.idle.push(conn);
    }
    this.checkDrained();
  }

  private checkDrained(): void {
    if (this.closing && this.opened === this.idle.length) this.drained?.();
  }
}
