// The query language over HTTP (GET and SEARCH), operator by operator and relation type by
// relation type, against what Directus 12 answered for the same request on the same
// collections and rows (test/fixtures/read-oracle.json, recorded from the reference server;
// collections in test/helpers/read-fixture.ts). Where Strata deliberately differs from
// Directus, the case is asserted separately in read-engine.test.ts with the reason.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { startApp } from './helpers/app.js';
import { loadReadFixture } from './helpers/read-fixture.js';

interface Case { method: string; path: string; body?: unknown; status: number; response: unknown }
const cases: Case[] = JSON.parse(readFileSync(new URL('./fixtures/read-oracle.json', import.meta.url), 'utf8'));

const app = await startApp(t);
await loadReadFixture(app);

for (const c of cases) {
  t.test(`${c.method} ${decodeURIComponent(c.path)}`, async (t) => {
    const res = await app.request(c.method, c.path, c.body === undefined ? {} : { body: c.body });
    t.equal(res.status, c.status);
    t.strictSame(res.body, c.response);
    // key order is part of Directus's shape
    t.equal(JSON.stringify(res.body), JSON.stringify(c.response));
  });
}
