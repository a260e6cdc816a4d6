// The Run Script (exec) sandbox: a QuickJS WebAssembly isolate per run, with its limits.
// Directus 12.4 (reference server, webhook flow with one exec operation), what it does:
// - module.exports = (async) function (data): its awaited return value is the result; returning
//   undefined makes the webhook answer 204 ($last null). data is a copy: a later operation still
//   sees the original $trigger after one mutated it. Returned functions are refused
//   ("function(){} could not be cloned."); Date/Map/NaN come out as JSON would.
// - A thrown Error rejects the step, $last = {name, message} (TypeError keeps its name). A thrown
//   string/number, or Promise.reject("nope"), leaves that value as $last; a thrown plain object
//   gives a generic isolated-vm message (Strata: its JSON, the value itself as the Error's
//   `cause`, so the caller can store what Directus stores). No function exported (none, 5, {}): TypeError
//   "module.exports is not a function". Syntax errors reject as SyntaxError.
// - Globals: typeof require "undefined", process "object" (only `env`, {} by default), fetch,
//   setTimeout, Buffer, queueMicrotask "undefined"; console {log, info, warn, error, trace, debug};
//   `global`, `module`. import("fs") rejects. this.constructor.constructor("return process")()
//   reaches only that sandbox process. Object.prototype is writable inside (the isolate's own).
// - while(true){} rejects after 10 s with "Script execution timed out."; deep recursion rejects
//   with RangeError "Maximum call stack size exceeded". A never-settling promise hangs the request
//   (no answer within 5 min): Strata rejects it as a timeout instead, here at once.
// Not probed on the reference: its memory limit (to keep the shared server safe).
import t from 'tap';
import { runScript } from '../src/flows/sandbox.js';

const MB = 1024 * 1024;
const limits = { timeoutMs: 2000, memoryBytes: 16 * MB };
const run = (code: string, data?: unknown, l = limits) => runScript(code, data, l);
const fn = (body: string) => `module.exports = function (data) { ${body} };`;

t.test('results of sync and async functions, JSON-copied out', async (t) => {
  t.same(await run(fn('return { a: data.x + 1, n: data.nested };'), { x: 1, nested: [1, { b: 'c' }] }), { a: 2, n: [1, { b: 'c' }] });
  t.same(await run('module.exports = async function () { await null; const v = await Promise.resolve(3); return [1, 2, v]; };'), [1, 2, 3]);
  t.equal(await run(fn('')), undefined, 'no return value is undefined');
  t.equal(await run(fn('return null;')), null);
  t.equal(await run(fn('return "hello";')), 'hello');
  t.same(await run(fn('return { d: new Date(0), n: NaN, m: new Map([[1, 2]]), u: undefined };')), { d: '1970-01-01T00:00:00.000Z', n: null, m: {} });
  t.equal(await run(fn('return typeof data;')), 'undefined', 'no data is undefined inside');
  await t.rejects(run(fn('return { f: function(){} };')), { name: 'TypeError', message: 'function(){} could not be cloned.' });
});

t.test('the data is a copy: the script cannot change the caller\'s object', async (t) => {
  const input = { $trigger: { query: { foo: 'bar' } }, list: [1] };
  const out = (await run(fn('data.$trigger.query.foo = "changed"; data.list.push(2); data.added = 1; return data;'), input)) as typeof input;
  t.same(input, { $trigger: { query: { foo: 'bar' } }, list: [1] });
  t.equal(out.$trigger.query.foo, 'changed');
  t.not(out.list, input.list);
});

t.test('thrown errors reject with their message', async (t) => {
  await t.rejects(run(fn('throw new Error("boom here");')), { name: 'Error', message: 'boom here' });
  await t.rejects(run('module.exports = async function () { await null; throw new TypeError("bad type"); };'), { name: 'TypeError', message: 'bad type' });
  await t.rejects(run(fn('throw "just a string";')), { message: 'just a string', cause: 'just a string' });
  await t.rejects(run(fn('return Promise.reject(7);')), { message: '7', cause: 7 });
  await t.rejects(run(fn('throw { code: 42 };')), { message: '{"code":42}', cause: { code: 42 } });
  await t.rejects(run('module.exports = function ( {'), { name: 'SyntaxError' });
  const err = await run(fn('throw new RangeError("r");')).catch((e: unknown) => e);
  t.type(err, Error, 'always a host Error, never a value from the isolate');
});

t.test('no function in module.exports', async (t) => {
  for (const code of ['const x = 1;', 'module.exports = 5;', 'module.exports = { a: 1 };']) {
    await t.rejects(run(code), { name: 'TypeError', message: 'module.exports is not a function' }, code);
  }
});

t.test('timeouts bound wall time, async jobs included', async (t) => {
  const short = { timeoutMs: 300, memoryBytes: 16 * MB };
  let started = Date.now();
  await t.rejects(run(fn('while (true) {}'), undefined, short), { message: /timed out/ });
  const elapsed = Date.now() - started;
  t.ok(elapsed >= 300 && elapsed < 2000, `an infinite loop stops at the deadline (${elapsed} ms)`);
  await t.rejects(run('while (true) {}', undefined, short), { message: /timed out/ }, 'at the top level too');
  await t.rejects(run(fn('try { while (true) {} } catch (e) { return "caught"; }'), undefined, short), { message: /timed out/ }, 'the script cannot catch it');
  started = Date.now();
  await t.rejects(run(fn('return new Promise(() => {});'), undefined, short), { message: /timed out/ });
  t.ok(Date.now() - started < 2000, 'a promise that nothing can settle is refused without waiting');
  await t.rejects(run('module.exports = async function () { for (;;) await null; };', undefined, short), { message: /timed out/ });
  await t.rejects(run(fn('const f = () => Promise.resolve().then(f); return f();'), undefined, short), { message: /timed out/ }, 'an endless job chain');
});

t.test('memory limit: large and many allocations reject and the process stays healthy', async (t) => {
  const rssBefore = process.memoryUsage().rss;
  await t.rejects(run(fn('return new Array(1e8).fill(0).length;')), { name: 'RangeError', message: /memory limit/ });
  // Each allocation below the limit: QuickJS's own limit would let these grow to 2 GiB.
  await t.rejects(run(fn('const a = []; for (;;) a.push(new Uint8Array(1e6));')), { message: /memory limit/ });
  await t.rejects(run(fn('const a = []; for (let i = 0; ; i++) a.push({ i });')), { message: /memory limit/ });
  await t.rejects(run(fn('const s = []; for (let i = 0; ; i++) s.push("x" + i);')), { message: /memory limit/ });
  t.ok(process.memoryUsage().rss - rssBefore < 256 * MB, 'host memory grew by far less than the scripts asked for');
  t.equal(await run(fn('return 1 + 1;')), 2, 'runs go on normally afterwards');
});

t.test('results larger than a quarter of the memory limit are refused', async (t) => {
  await t.rejects(run(fn('return "x".repeat(5e6);')), { name: 'RangeError', message: /larger than/ });
  t.equal(((await run(fn('return "x".repeat(1e6);'))) as string).length, 1e6, 'below the bound they pass');
});

t.test('stack overflow rejects instead of crashing', async (t) => {
  await t.rejects(run(fn('function f(n) { return f(n + 1) + 1; } return f(0);')), { name: 'RangeError', message: 'Maximum call stack size exceeded' });
  t.equal(await run(fn('function f(n) { return f(n + 1) + 1; } try { return f(0); } catch (e) { return "caught"; }')), 'caught');
  // Nested too deep for the host's native stack (JSON.stringify recurses in C).
  await t.rejects(run(fn('let a = []; for (let i = 0; i < 200000; i++) a = [a]; return a;')), { name: 'RangeError' });
  t.equal(await run(fn('return 40 + 2;')), 42, 'and the next run is fine');
});

t.test('no way out to Node, the network or the file system', async (t) => {
  t.same(
    await run(fn('return [typeof require, typeof process, typeof fetch, typeof globalThis.process, typeof setTimeout, typeof Buffer, typeof queueMicrotask, typeof global, typeof console.log];')),
    ['undefined', 'object', 'undefined', 'object', 'undefined', 'undefined', 'undefined', 'object', 'function'],
    'the globals Directus gives a script',
  );
  t.same(await run(fn('return [Object.keys(process), process.env, typeof process.pid, typeof process.binding, typeof process.versions];')), [['env'], {}, 'undefined', 'undefined', 'undefined']);
  t.same(await runScript(fn('return process.env;'), undefined, limits, { env: { ALLOWED: 'yes' } }), { ALLOWED: 'yes' }, 'env holds only what the host passes');
  t.match(await run('module.exports = async function () { try { await import("fs"); return "imported"; } catch (e) { return String(e); } };'), /could not load module/);
  await t.rejects(run('module.exports = async function () { return (await import("node:child_process")).execSync("id"); };'), { message: /could not load module/ });
  t.same(
    await run(fn('const p = this.constructor.constructor("return process")(); return [Object.keys(p), typeof p.mainModule];')),
    [['env'], 'undefined'],
    'the Function constructor reaches only the sandbox\'s own process',
  );
  t.same(await run(fn('return [Function("return typeof require")(), (async function(){}).constructor("return typeof fetch")() instanceof Promise, eval("typeof module")];')), ['undefined', true, 'object']);
});

t.test('prototype pollution stays inside the run', async (t) => {
  t.equal(await run(fn('Object.prototype.polluted = 1; Array.prototype.x = 2; JSON.stringify = () => "\\"hijacked\\""; return ({}).polluted;')), 1);
  t.equal(({} as Record<string, unknown>).polluted, undefined, 'the host\'s Object.prototype is untouched');
  t.equal(([] as unknown as Record<string, unknown>).x, undefined);
  t.same(await run(fn('return [({}).polluted, typeof [].x, JSON.stringify({ a: 1 })];')), [null, 'undefined', '{"a":1}'], 'the next run starts clean');
  t.same(await run(fn('JSON.stringify = () => "\\"hijacked\\""; JSON.parse = () => 0; return { a: 1 };')), { a: 1 }, 'the sandbox\'s own JSON is captured before the script');
});

t.test('console goes to the supplied log, or nowhere', async (t) => {
  const lines: [string, string][] = [];
  const out = await runScript(fn('console.log("hi", { a: 1 }, 2); console.warn("careful"); return 1;'), undefined, limits, { log: (msg, level) => lines.push([level, msg]) });
  t.equal(out, 1);
  t.same(lines, [['log', 'hi {"a":1} 2'], ['warn', 'careful']]);
  t.equal(await run(fn('console.log("dropped"); console.error("x"); return Object.keys(console).join();')), 'log,info,warn,error,trace,debug');
});

t.test('200 runs in a row do not leak', async (t) => {
  const rssBefore = process.memoryUsage().rss;
  let correct = 0;
  for (let i = 0; i < 200; i++) if ((await run(fn('return data.i * 2;'), { i })) === i * 2) correct++;
  t.equal(correct, 200);
  t.ok(process.memoryUsage().rss - rssBefore < 300 * MB, `rss grew by ${Math.round((process.memoryUsage().rss - rssBefore) / MB)} MiB`);
});

t.test('concurrent runs are isolated from each other', async (t) => {
  // Each run yields to the host between job batches, so the ten interleave.
  const code = `module.exports = async function (data) {
    globalThis.count = (globalThis.count || 0) + 1;
    Object.prototype.owner = data.id;
    for (let i = 0; i < 5000; i++) await null;
    return { id: data.id, count: globalThis.count, owner: ({}).owner };
  };`;
  const results = await Promise.all(Array.from({ length: 10 }, (_, id) => run(code, { id })));
  t.same(results, Array.from({ length: 10 }, (_, id) => ({ id, count: 1, owner: id })));
});
