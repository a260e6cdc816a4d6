// Replays a recorded exchange with the real Directus (test/fixtures/rest-exact*.json): `setup`
// requests first (a failure stops the file), then each case, in order (earlier writes are later
// state), with its `before` requests, compared on status and on the body and its key order, or,
// for a case with `pick`, on the picked values only.
import { readFileSync } from 'node:fs';
import type { Test } from 'tap';
import type { TestApp } from './app.js';

interface Req { method: string; path: string; body?: unknown }
interface Case extends Req { name: string; before?: Req[]; pick?: string[]; status: number; response: unknown }

const at = (v: unknown, path: string) => path.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), v);

export async function replayFixture(t: Test, app: TestApp, file: string): Promise<void> {
  const { setup, cases }: { setup: Req[]; cases: Case[] } = JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'));
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
      if (c.pick) {
        for (const p of c.pick) t.strictSame(at(res.body, p), at(c.response, p), p);
        return;
      }
      t.strictSame(res.body, c.response);
      // key order is part of Directus's shape
      t.equal(JSON.stringify(res.body), JSON.stringify(c.response));
    });
  }
}
