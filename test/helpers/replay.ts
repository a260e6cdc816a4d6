// Replays a recorded exchange with the real Directus (test/fixtures/rest-exact*.json): `setup`
// requests first (a failure stops the file), then each case, in order (earlier writes are later
// state), with its `before` requests, compared on status and on the body and its key order, or,
// for a case with `pick`, on the picked values only. A case with `token` is sent with that static
// token (a user the setup made) instead of the admin's; `where` keeps the elements of a list
// answer whose keys hold one of its values (the recording holds only those); `mask` names values
// of each element (or of the one object) that differ by nature, ids of rows both servers number
// themselves: they are compared as present or absent, not by value. A case with `differs` (why)
// is where Strata answers otherwise on purpose (README "Compatibility notes"): the recording
// documents Directus's answer, and the test file asserts Strata's by hand.
import { readFileSync } from 'node:fs';
import type { Test } from 'tap';
import type { TestApp } from './app.js';

interface Req { method: string; path: string; body?: unknown }
interface Case extends Req {
  name: string; token?: string; differs?: string; before?: Req[]; pick?: string[]; where?: Record<string, unknown[]>; mask?: string[];
  status: number; response: unknown;
}

const at = (v: unknown, path: string) => path.split('.').reduce<any>((o, k) => (o == null ? undefined : o[k]), v);

/** The answer with `where` and `mask` applied (a copy). */
function comparable(body: unknown, c: Case): unknown {
  if (!c.where && !c.mask) return body;
  const b = structuredClone(body) as { data?: unknown };
  if (c.where && Array.isArray(b?.data)) {
    b.data = b.data.filter((x: Record<string, unknown>) => Object.entries(c.where!).every(([k, vs]) => vs.includes(x[k])));
  }
  const items = Array.isArray(b?.data) ? b.data : b?.data ? [b.data] : [];
  for (const item of items) {
    for (const path of c.mask ?? []) {
      const keys = path.split('.');
      const parent = keys.length === 1 ? item : at(item, keys.slice(0, -1).join('.'));
      const last = keys[keys.length - 1];
      if (parent && typeof parent === 'object' && last in parent) parent[last] = '<masked>';
    }
  }
  return b;
}

export async function replayFixture(t: Test, app: TestApp, file: string): Promise<void> {
  const { setup, cases }: { setup: Req[]; cases: Case[] } = JSON.parse(readFileSync(new URL(`../fixtures/${file}`, import.meta.url), 'utf8'));
  const send = (r: Req & { token?: string }) =>
    app.request(r.method, r.path, { ...(r.body === undefined ? {} : { body: r.body }), ...(r.token ? { token: r.token } : {}) });
  for (const s of setup) {
    const res = await send(s);
    if (res.status >= 300) throw new Error(`setup ${s.method} ${s.path}: ${res.status} ${res.text}`);
  }
  for (const c of cases) {
    if (c.differs) {
      for (const b of c.before ?? []) await send(b);
      continue;
    }
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
      const [got, want] = [comparable(res.body, c), comparable(c.response, c)];
      t.strictSame(got, want);
      // key order is part of Directus's shape
      t.equal(JSON.stringify(got), JSON.stringify(want));
    });
  }
}
