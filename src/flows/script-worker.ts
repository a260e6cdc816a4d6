// A worker thread that runs flow scripts (sandbox.ts) one at a time, so a script that loops
// until its deadline holds up this thread, not the gateway's requests. Messages:
// in {id, code, input (the data as JSON text), limits, env}; out {id, ok: true, value} or {id, ok: false, error: {name, message, cause}}.
import { parentPort } from 'node:worker_threads';
import { runScript } from './sandbox.js';

interface Job {
  id: number;
  code: string;
  input: string | undefined;
  limits: { timeoutMs: number; memoryBytes: number };
  env: Record<string, string>;
}

parentPort!.on('message', async (job: Job) => {
  try {
    const value = await runScript(job.code, job.input === undefined ? undefined : JSON.parse(job.input), job.limits, { env: job.env });
    parentPort!.postMessage({ id: job.id, ok: true, value });
  } catch (err) {
    const e = err as Error;
    parentPort!.postMessage({ id: job.id, ok: false, error: { name: e.name, message: e.message, cause: e.cause } });
  }
});
