// The sandbox behind Flows' "Run Script" (exec) operation: untrusted code runs in a QuickJS
// WebAssembly isolate, never in node:vm, so it shares no object, prototype or global with Node.
// The script sees what Directus gives it (ES built-ins, `module`, `global`, `console`, and a
// `process` that holds only `env`) and nothing else: no require, import(), fetch or timers.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { newQuickJSWASMModuleFromVariant, newVariant, RELEASE_SYNC, type CustomizeVariantOptions, type QuickJSHandle } from 'quickjs-emscripten';

// QuickJS's own memory limit only refuses single allocations that exceed it: its byte counter
// stays near zero under emscripten (no malloc_usable_size), so many small allocations pass. What
// does bound a run is the WebAssembly memory itself, so each run gets its own module instance on
// a memory whose maximum is the limit plus the module's fixed image (static data, C stack).
const PAGE = 64 * 1024;
const MIN_PAGES = 256; // the module's declared minimum (16 MiB)
const IMAGE_BYTES = 5 * 1024 * 1024; // measured: ~4.7 MiB of the first 16 MiB are not heap
const MAX_PAGES = 32768; // the 2 GiB the module itself would allow
// Below what Node's own native stack can hold: wasm frames live on it, so a QuickJS limit set too
// high overflows the host stack first (measured: some recursions do so at 256 KiB).
const MAX_STACK_BYTES = 128 * 1024;
// Jobs run between two checks of the deadline and two yields to the host's event loop.
const JOB_BATCH = 1000;
const LOG_MAX_CHARS = 10_000;
const TIMEOUT_MESSAGE = 'Script execution timed out.'; // Directus's wording
const MEMORY_MESSAGE = 'Script exceeded its memory limit';

// Runs inside the isolate before the script, so the script cannot swap the JSON, eval or Error
// it relies on. It returns the driver: evaluate the code, call module.exports with a copy of the
// data, and settle with the result's JSON (a string), undefined, or [what was thrown, tagged "E"
// for an Error or "T" for any other value], so the host never runs the script's getters.
const PRELUDE = `(function (hostLog, envJson) {
  'use strict';
  const parse = JSON.parse, stringify = JSON.stringify, indirectEval = eval, ErrorCtor = Error, TE = TypeError;
  const show = (v) => { if (typeof v === 'string') return v; try { const s = stringify(v); return s === undefined ? String(v) : s; } catch { return String(v); } };
  const say = (level) => hostLog ? (...args) => { hostLog(level, args.map(show).join(' ')); } : () => {};
  globalThis.global = globalThis;
  globalThis.module = { exports: {} };
  globalThis.process = { env: parse(envJson) };
  globalThis.console = { log: say('log'), info: say('info'), warn: say('warn'), error: say('error'), trace: say('trace'), debug: say('debug') };
  // Directus refuses what structured clone cannot copy; JSON alone would drop functions silently.
  const noFunctions = (key, value) => { if (typeof value === 'function') throw new TE(String(value) + ' could not be cloned.'); return value; };
  const describe = (e) => {
    try {
      if (e instanceof ErrorCtor) return ['E' + stringify([String(e.name), String(e.message)])];
      const json = stringify(e);
      return ['T' + (json === undefined ? stringify(String(e)) : json)];
    } catch { return ['E["Error","The script threw a value that cannot be described"]']; }
  };
  return async function (code, input) {
    try {
      indirectEval(code);
      const fn = globalThis.module && globalThis.module.exports;
      if (typeof fn !== 'function') throw new TE('module.exports is not a function');
      const result = await fn(input === undefined ? undefined : parse(input));
      return result === undefined ? undefined : stringify(result, noFunctions);
    } catch (e) { return describe(e); }
  };
})`;

// Compiled once; every run instantiates it afresh (about 10 ms).
let compiled: Promise<WebAssembly.Module> | undefined;
function wasmModule(): Promise<WebAssembly.Module> {
  return (compiled ??= (async () => {
    const fromPackage = createRequire(createRequire(import.meta.url).resolve('quickjs-emscripten'));
    return WebAssembly.compile(await readFile(fromPackage.resolve('@jitl/quickjs-wasmfile-release-sync/wasm')));
  })().catch((err: unknown) => {
    compiled = undefined; // let a later run try again
    throw err;
  }));
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: Error };

/**
 * Runs a Flows script: `module.exports = (async) function (data) {...}` is called with a JSON copy
 * of `data` and its awaited return value comes back as a JSON copy (undefined stays undefined).
 * Rejects with an Error carrying the script's error name and message (a thrown non-Error value
 * becomes the message and `cause`), or a timeout, memory or stack error. `options.log` receives
 * the script's console output; `options.env` is the script's `env` in its `process`.
 */
export async function runScript(
  code: string,
  data: unknown,
  limits: { timeoutMs: number; memoryBytes: number },
  options: { log?: (msg: string, level: string) => void; env?: Record<string, string> } = {},
): Promise<unknown> {
  const input = data === undefined ? undefined : JSON.stringify(data);
  if (code.length + (input?.length ?? 0) > limits.memoryBytes) throw new RangeError('Script code and data exceed its memory limit');
  const maxResultChars = Math.floor(limits.memoryBytes / 4);
  const maxPages = Math.min(MAX_PAGES, Math.max(MIN_PAGES, Math.ceil((IMAGE_BYTES + limits.memoryBytes) / PAGE)));
  const memory = new WebAssembly.Memory({ initial: MIN_PAGES, maximum: maxPages });
  // QuickJS may throw null, not its InternalError, when even that error object does not fit: a
  // refused growth of the memory is how such a failure is recognised.
  let memoryRefused = false;
  const grow = memory.grow.bind(memory);
  memory.grow = (delta: number) => { try { return grow(delta); } catch (err) { memoryRefused = true; throw err; } };
  // Emscripten's own printing goes nowhere: a module abort is reported by the error it throws.
  const quiet = { print: () => {}, printErr: () => {} } as unknown as CustomizeVariantOptions['emscriptenModule'];
  const QuickJS = await newQuickJSWASMModuleFromVariant(
    newVariant(RELEASE_SYNC, { wasmModule: await wasmModule(), wasmMemory: memory, emscriptenModule: quiet }),
  );
  const deadline = Date.now() + limits.timeoutMs;
  let timedOut = false;
  let healthy = true;
  const handles: QuickJSHandle[] = [];
  const own = (h: QuickJSHandle) => (handles.push(h), h);
  const runtime = QuickJS.newRuntime();
  const ctx = runtime.newContext();
  let outcome: Outcome;
  try {
    runtime.setMemoryLimit(limits.memoryBytes); // still refuses one oversized allocation at once
    runtime.setMaxStackSize(MAX_STACK_BYTES);
    runtime.setInterruptHandler(() => (timedOut ||= Date.now() > deadline));
    const log = options.log;
    const hostLog = log
      ? own(ctx.newFunction('log', (level, msg) => { log(ctx.getString(msg).slice(0, LOG_MAX_CHARS), ctx.getString(level)); }))
      : ctx.undefined;
    const prelude = ctx.evalCode(PRELUDE, 'prelude.js');
    own(prelude.error ?? prelude.value);
    if (prelude.error) throw new Error('the sandbox prelude failed');
    const driver = ctx.callFunction(prelude.value, ctx.undefined, hostLog, own(ctx.newString(JSON.stringify(options.env ?? {}))));
    own(driver.error ?? driver.value);
    if (driver.error) throw new Error('the sandbox prelude failed');
    const args = [own(ctx.newString(code)), input === undefined ? ctx.undefined : own(ctx.newString(input))];
    const call = ctx.callFunction(driver.value, ctx.undefined, ...args);
    const promise = own(call.error ?? call.value);
    outcome = call.error ? failure(ctx.dump(promise)) : await settle();

    async function settle(): Promise<Outcome> {
      for (;;) {
        const state = ctx.getPromiseState(promise);
        if (state.type === 'fulfilled') return result(own(state.value));
        if (state.type === 'rejected') return failure(ctx.dump(own(state.error)));
        // Nothing outside the isolate can settle its promises (it has no timers or host I/O), so
        // an empty job queue means the script would only ever run into its deadline.
        if (!runtime.hasPendingJob()) return { ok: false, error: new Error(TIMEOUT_MESSAGE) };
        const jobs = runtime.executePendingJobs(JOB_BATCH);
        if (jobs.error) return failure(ctx.dump(own(jobs.error)));
        if (Date.now() > deadline) return { ok: false, error: new Error(TIMEOUT_MESSAGE) };
        await new Promise((resolve) => setImmediate(resolve)); // let other requests (and runs) go on
      }
    }

    function result(h: QuickJSHandle): Outcome {
      const type = ctx.typeof(h);
      if (type === 'undefined') return { ok: true, value: undefined };
      if (type === 'string') {
        if (ctx.getNumber(own(ctx.getProp(h, 'length'))) > maxResultChars) { // measured before it is copied out
          return { ok: false, error: new RangeError(`Script result is larger than ${maxResultChars} characters of JSON`) };
        }
        return { ok: true, value: JSON.parse(ctx.getString(h)) };
      }
      const thrown = own(ctx.getProp(h, 0));
      const tagged = ctx.typeof(thrown) === 'string' ? ctx.getString(thrown) : 'E["Error","unknown failure"]';
      const [tag, body] = [tagged[0], tagged.slice(1)];
      if (tag === 'E') {
        const [name, message] = JSON.parse(body) as [string, string];
        return failure({ name, message });
      }
      const value: unknown = JSON.parse(body);
      if (value === null && memoryRefused) return failure(null);
      return { ok: false, error: new Error(typeof value === 'string' ? value : body, { cause: value }) };
    }

    // Error names and messages as Directus (V8) words them, where QuickJS words them differently.
    function failure(thrown: unknown): Outcome {
      const { name, message } = (thrown ?? {}) as { name?: unknown; message?: unknown };
      if (timedOut) return { ok: false, error: new Error(TIMEOUT_MESSAGE) };
      if ((name === 'InternalError' && message === 'out of memory') || (thrown == null && memoryRefused)) {
        return { ok: false, error: new RangeError(MEMORY_MESSAGE) };
      }
      if (name === 'InternalError' && message === 'stack overflow') return { ok: false, error: new RangeError('Maximum call stack size exceeded') };
      // QuickJS: "'require' is not defined"; V8: "require is not defined"
      const error = new Error(typeof message === 'string' ? message.replace(/^'([^']+)' is not defined$/, '$1 is not defined') : String(thrown));
      if (typeof name === 'string' && name) error.name = name;
      return { ok: false, error };
    }
  } catch (err) {
    // Thrown by the WebAssembly itself, not by the script: Node's native stack ran out inside
    // QuickJS (deeply nested JSON or source recurses in C, where the QuickJS limit does not
    // reach), or the module aborted. Its state is then unknown: it is dropped, not freed.
    healthy = false;
    outcome = { ok: false, error: err instanceof RangeError ? new RangeError('Maximum call stack size exceeded') : new Error(`Script sandbox failed: ${err instanceof Error ? err.message : String(err)}`) };
  }
  if (healthy) {
    try {
      for (const h of handles) if (h.alive) h.dispose();
      ctx.dispose();
      runtime.dispose();
    } catch {
      // QuickJS (2025-09-13) sometimes fails its own leak check when a runtime is freed after its
      // garbage collector ran while promises awaited promises (long promise chains), and the
      // module aborts. The outcome stands: the module instance is this run's alone, and garbage.
    }
  }
  if (!outcome.ok) throw outcome.error;
  return outcome.value;
}
