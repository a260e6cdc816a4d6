// Records what the real Directus answers for a REST-exact fixture's requests (issue 17), so the
// test compares Strata with Directus's own answers, never with expectations written by hand.
//   npx tsx scripts/record-rest-exact.ts <spec.json> <fixture.json> [directus-url]
// (re-record a fixture in place: npx tsx scripts/record-rest-exact.ts test/fixtures/rest-exact-2.json test/fixtures/rest-exact-2.json)
// The spec holds {cleanup: [collections deleted before and after], teardown?: [requests sent before
// and after, their answers ignored: users, policies], setup: [requests], cases: [{name, method,
// path, body?, token?: a static token to send instead of the admin's, before?: [requests], pick?:
// ["data.type", ...], where?: {"collection": [...]}, mask?: ["meta.id"]}]}; the fixture written is
// the same with each case's `status` and `response` from Directus, a list trimmed to the elements
// `where` names (see test/helpers/replay.ts) (default
// http://127.0.0.1:18055, admin@example.com / admin-pass: see /work/shared/tools/directus-oracle.sh).
import { readFileSync, writeFileSync } from 'node:fs';

interface Req { method: string; path: string; body?: unknown }
interface Case extends Req { name: string; token?: string; before?: Req[]; pick?: string[]; where?: Record<string, unknown[]> }
const [specFile, outFile, base = 'http://127.0.0.1:18055'] = process.argv.slice(2);
if (!specFile || !outFile) throw new Error('usage: record-rest-exact.ts <spec.json> <fixture.json> [directus-url]');
const spec: { cleanup?: string[]; teardown?: Req[]; setup: Req[]; cases: Case[] } = JSON.parse(readFileSync(specFile, 'utf8'));
// a recorded fixture is its own spec: the collections its setup and cases create are the ones to delete
spec.cleanup ??= [...spec.setup, ...spec.cases].filter((r) => r.method === 'POST' && r.path === '/collections')
  .map((r) => (r.body as { collection: string }).collection).reverse();

const login = await fetch(`${base}/auth/login`, {
  method: 'POST', headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: process.env.DIRECTUS_EMAIL ?? 'admin@example.com', password: process.env.DIRECTUS_PASSWORD ?? 'admin-pass' }),
});
const token = ((await login.json()) as { data: { access_token: string } }).data.access_token;

async function send(r: Req & { token?: string }): Promise<{ status: number; body: unknown }> {
  const headers: Record<string, string> = { authorization: `Bearer ${r.token ?? token}` };
  if (r.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(base + r.path, { method: r.method, headers, body: r.body === undefined ? undefined : JSON.stringify(r.body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const clean = async () => {
  for (const r of spec.teardown ?? []) await send(r);
  for (const c of spec.cleanup ?? []) await send({ method: 'DELETE', path: `/collections/${c}` });
};
await clean();
for (const s of spec.setup) {
  const res = await send(s);
  if (res.status >= 300) throw new Error(`setup ${s.method} ${s.path}: ${res.status} ${JSON.stringify(res.body)}`);
}
const cases = [];
for (const c of spec.cases) {
  for (const b of c.before ?? []) {
    const res = await send(b);
    if (res.status >= 300) throw new Error(`before ${b.method} ${b.path}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  const res = await send(c);
  const { status: _s, response: _r, ...request } = c as Case & { status?: number; response?: unknown };
  cases.push({ ...request, status: res.status, response: c.where ? trim(res.body, c.where) : res.body });
}
// Directus 12 without a license allows few collections: leave none behind
await clean();
// one request or case per line: readable diffs when a case is re-recorded
/** A list answer's elements whose keys hold one of `where`'s values (GET /fields is large). */
function trim(body: unknown, where: Record<string, unknown[]>): unknown {
  const b = body as { data?: unknown };
  if (!Array.isArray(b?.data)) return body;
  return { ...b, data: b.data.filter((x: Record<string, unknown>) => Object.entries(where).every(([k, vs]) => vs.includes(x[k]))) };
}
const lines = (list: unknown[]) => list.map((x) => `  ${JSON.stringify(x)}`).join(',\n');
const teardown = spec.teardown ? `"teardown": [\n${lines(spec.teardown)}\n], ` : '';
writeFileSync(outFile, `{${teardown}"setup": [\n${lines(spec.setup)}\n], "cases": [\n${lines(cases)}\n]}\n`);
console.log(`${cases.length} cases recorded from ${base}`);
