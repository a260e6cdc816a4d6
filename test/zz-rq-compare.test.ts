// SCRATCH (not committed): compares Strata with the oracle for queries in /tmp/rq/queries.txt
import t from 'tap';
import { readFileSync, writeFileSync } from 'node:fs';
import { startApp } from './helpers/app.js';
import { loadReadFixture } from './helpers/read-fixture.js';

const app = await startApp(t);
await loadReadFixture(app);
if (process.env.RQ_EXTRA) await app.sql(readFileSync(process.env.RQ_EXTRA, 'utf8'));
const lines = readFileSync(process.env.RQ_QUERIES ?? '/tmp/rq/queries.txt', 'utf8').split('\n').filter((l) => l.trim() && !l.startsWith('#'));
const out: string[] = [];
let same = 0;
for (const line of lines) {
  const [method, path, body] = line.split('\t');
  const opts = body ? { body: JSON.parse(body) } : {};
  const mine = await app.request(method, path, opts);
  const init: RequestInit = { method, headers: { authorization: 'Bearer oracle-admin-token', ...(body ? { 'content-type': 'application/json' } : {}) }, body: body || undefined };
  const res = await fetch('http://127.0.0.1:18055' + path, init);
  const theirs = await res.text();
  let tj: unknown; try { tj = JSON.parse(theirs); } catch { tj = theirs; }
  const a = JSON.stringify(mine.body ?? mine.text);
  const b = JSON.stringify(tj);
  if (a === b && mine.status === res.status) { same++; continue; }
  out.push(`### ${method} ${path} ${body ?? ''}\n  strata ${mine.status}: ${a.slice(0, 1500)}\n  oracle ${res.status}: ${b.slice(0, 1500)}`);
}
writeFileSync('/tmp/rq/diff.txt', `${same}/${lines.length} same\n` + out.join('\n'));
t.pass('done');
