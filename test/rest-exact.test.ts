// Directus-exact REST answers (issue 17): field validation, SEARCH bodies, error shapes and
// other details, request by request against what Directus 12.4 answered for the same requests
// on the same collections (test/fixtures/rest-exact.json: `setup` creates the collections
// through the schema API on both servers, then each case runs its `before` requests and is
// compared on status, body and key order). Cases run in order: earlier writes are later state.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { startApp } from './helpers/app.js';

interface Req { method: string; path: string; body?: unknown }
interface Case extends Req { name: string; before?: Req[]; status: number; response: unknown }
const { setup, cases }: { setup: Req[]; cases: Case[] } =
  JSON.parse(readFileSync(new URL('./fixtures/rest-exact.json', import.meta.url), 'utf8'));

const app = await startApp(t, { LOG_LEVEL: 'error' });
const send = (r: Req) => app.request(r.method, r.path, r.body === undefined ? {} : { body: r.body });

for (const s of setup) {
  const res = await send(s);
  if (res.status >= 300) throw new Error(`setup ${s.method} ${s.path}: ${res.status} ${res.text}`);
}

for (const c of cases) {
  t.test(`${c.name}: ${c.method} ${decodeURIComponent(c.path)}`, async (t) => {
    for (const b of c.before ?? []) {
      const res = await send(b);
      t.ok(res.status < 300, `before: ${b.method} ${b.path} ${res.text}`);
    }
    const res = await send(c);
    t.equal(res.status, c.status, res.text);
    t.strictSame(res.body, c.response);
    // key order is part of Directus's shape
    t.equal(JSON.stringify(res.body), JSON.stringify(c.response));
  });
}
