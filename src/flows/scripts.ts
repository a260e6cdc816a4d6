// Flow scripts run off the gateway's event loop: a small pool of worker threads (script-worker.ts),
// each running one script at a time in its QuickJS sandbox. The sandbox enforces the script's
// time limit; should a worker still not answer well past it (a single built-in call that does
// not check the deadline), the worker is terminated and replaced.
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';

interface Pending {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
}

/** beyond the script's own deadline, how long a worker may take to answer before it is replaced */
const GRACE_MS = 2000;

class ScriptWorker {
  private worker: Worker;
  private pending = new Map<number, Pending>();
  private next = 0;
  alive = true;

  constructor() {
    // the compiled worker beside this file (dist), or its TypeScript source under tsx
    // (a worker does not inherit tsx's loader: under tsx it registers it first)
    const ts = import.meta.filename.endsWith('.ts');
    const url = new URL(ts ? 'script-worker.ts' : 'script-worker.js', import.meta.url);
    this.worker = ts
      ? new Worker(`import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(url.href)}); })`, { eval: true })
      : new Worker(url);
    this.worker.unref();
    this.worker.on('message', (m: { id: number; ok: boolean; value?: unknown; error?: { name: string; message: string; cause?: unknown } }) => {
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      clearTimeout(p.timer);
      if (m.ok) p.resolve(m.value);
      else {
        const err = new Error(m.error!.message, m.error!.cause === undefined ? undefined : { cause: m.error!.cause });
        // the name as an Error's own name is: readable, not enumerable (an error's JSON is {}, as in Directus)
        Object.defineProperty(err, 'name', { value: m.error!.name, enumerable: false, writable: true, configurable: true });
        p.reject(err);
      }
    });
    this.worker.on('error', (err) => this.failAll(err));
    this.worker.on('exit', () => this.failAll(new Error('Script sandbox failed: its worker stopped')));
  }

  get busy(): number {
    return this.pending.size;
  }

  run(code: string, data: unknown, limits: { timeoutMs: number; memoryBytes: number }, env: Record<string, string>): Promise<unknown> {
    const id = this.next++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.failAll(new Error('Script execution timed out.'));
        void this.worker.terminate();
      }, limits.timeoutMs + GRACE_MS);
      this.pending.set(id, { resolve, reject, timer });
      // the script gets a JSON copy of the data chain (as in Directus: an error in it is {}); sent as its text
      this.worker.postMessage({ id, code, input: data === undefined ? undefined : JSON.stringify(data), limits, env });
    });
  }

  terminate(): Promise<number> {
    this.alive = false;
    return this.worker.terminate();
  }

  private failAll(err: Error): void {
    this.alive = false;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(err);
    }
    this.pending.clear();
  }
}

export class ScriptPool {
  private workers: ScriptWorker[] = [];

  constructor(private size = Math.max(1, Math.min(4, availableParallelism() - 1))) {}

  /** runScript (sandbox.ts) on the least busy worker; workers start on first use */
  run(code: string, data: unknown, limits: { timeoutMs: number; memoryBytes: number }, env: Record<string, string> = {}): Promise<unknown> {
    this.workers = this.workers.filter((w) => w.alive);
    if (!this.workers.some((w) => w.busy === 0) && this.workers.length < this.size) this.workers.push(new ScriptWorker());
    const worker = this.workers.reduce((a, b) => (b.busy < a.busy ? b : a));
    return worker.run(code, data, limits, env);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
    this.workers = [];
  }
}
