// Authentication findings of the security review (issue 10, L7): failed logins can't suspend
// the last active admin (or anyone could lock everybody out with the admin's email and a few
// wrong passwords); the access cache evicts its least recently used entry instead of emptying
// itself when full, and unknown tokens are cached apart, so a flood of made-up tokens never
// evicts a real user's entry.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { createUser } from './helpers/users.js';
import { AccessCache } from '../src/auth/authenticate.js';
import type { Access } from '../src/types.js';

t.test('AccessCache', async (t) => {
  const access = (name: string) => ({ user: name, role: null, roles: [], policies: [name], admin: false, app: false }) as unknown as Access;
  /** a cache whose loads are counted per key */
  const counted = (cache: AccessCache) => {
    const loads = new Map<string, number>();
    const get = (key: string, value: Access | null) =>
      cache.get(key, async () => (loads.set(key, (loads.get(key) ?? 0) + 1), value));
    return { get, loads: (key: string) => loads.get(key) ?? 0 };
  };

  t.test('full: the least recently used entry goes, not everything', async (t) => {
    const c = counted(new AccessCache(60_000, 3));
    for (const k of ['a', 'b', 'c']) await c.get(k, access(k));
    await c.get('a', access('a')); // a is now the most recently used
    await c.get('d', access('d')); // evicts b
    for (const k of ['a', 'c', 'd']) t.same(await c.get(k, access(k)), access(k), `${k} still cached`);
    t.same(['a', 'b', 'c', 'd'].map(c.loads), [1, 1, 1, 1], 'no reload for a, c, d');
    await c.get('b', access('b'));
    t.equal(c.loads('b'), 2, 'b, the least recently used, was evicted');
  });

  t.test('unknown tokens (null access) are cached for the TTL too', async (t) => {
    const c = counted(new AccessCache(80));
    t.equal(await c.get('token:nope@1.2.3.4', null), null);
    t.equal(await c.get('token:nope@1.2.3.4', null), null);
    t.equal(c.loads('token:nope@1.2.3.4'), 1, 'one query for repeated requests with the same unknown token');
    await new Promise((r) => setTimeout(r, 100));
    await c.get('token:nope@1.2.3.4', null);
    t.equal(c.loads('token:nope@1.2.3.4'), 2, 'asked again once the TTL passed');
  });

  t.test('a flood of unknown tokens does not evict real users (default bounds)', async (t) => {
    const cache = new AccessCache(60_000);
    const c = counted(cache);
    const users = Array.from({ length: 50 }, (_, i) => `user:${i}@10.0.0.1`);
    for (const u of users) await c.get(u, access(u));
    // 20,000 made-up tokens: twice the old bound, at which the whole cache was emptied
    for (let i = 0; i < 20_000; i++) await c.get(`token:random-${i}@10.6.6.6`, null);
    for (const u of users) await c.get(u, access(u));
    t.same(users.filter((u) => c.loads(u) !== 1), [], 'every real user is still cached: no reload');
    t.same(cache.sizes, { found: 50, missing: 1000 }, 'unknown tokens are held apart, in a bounded LRU');
  });

  t.test('clear() empties both', async (t) => {
    const cache = new AccessCache(60_000);
    const c = counted(cache);
    await c.get('user:x', access('x'));
    await c.get('token:y', null);
    cache.clear();
    await c.get('user:x', access('x'));
    await c.get('token:y', null);
    t.same([c.loads('user:x'), c.loads('token:y')], [2, 2]);
  });
});

t.test('failed logins never suspend the last active admin', async (t) => {
  const app = await startApp(t);
  const invalidCredentials = { errors: [{ message: 'Invalid user credentials.', extensions: { code: 'INVALID_CREDENTIALS' } }] };
  const login = (email: string, password: string) => app.post('/auth/login', { email, password }, { token: null });
  const status = async (id: string) => (await app.sql('select status from directus_users where id = $1', [id]))[0].status;
  const attempts = async (id: string) => app.sql('select failures from strata.login_attempts where "user" = $1', [id]);
  const suspensions = async () => Number((await app.sql("select count(*)::int as n from directus_revisions where collection = 'directus_users' and delta::jsonb = '{\"status\":\"suspended\"}'"))[0].n);
  const activeAdmins = async () => (await app.sql<{ id: string }>(
    "select id from directus_users where status = 'active' and coalesce((strata.access_for_user(id) ->> 'admin')::boolean, false)")).map((r) => r.id);
  await app.sql('update directus_settings set auth_login_attempts = 2');

  const [adminId] = await app.sql<{ id: string }>('select id from directus_users where email = $1', [app.cluster.adminEmail]).then((r) => r.map((x) => x.id));
  const second = await createUser(app, { admin: true });
  t.same((await activeAdmins()).sort(), [adminId, second.id].sort(), 'two active admins');

  // while another admin remains, an admin is suspended as anyone (Directus's rule)
  for (const pw of ['wrong-1', 'wrong-2']) t.same((await login(second.email, pw)).body, invalidCredentials);
  const third = await login(second.email, second.password);
  t.same([third.status, third.body], [401, invalidCredentials], 'the attempt after two failures is refused');
  t.equal(await status(second.id), 'suspended', 'and suspends an admin who is not the last one');
  t.same(await activeAdmins(), [adminId], 'one active admin left');

  // the last one: refused in the same way, but stays active
  const before = await suspensions();
  for (const pw of ['wrong-1', 'wrong-2']) t.same((await login(app.cluster.adminEmail, pw)).body, invalidCredentials);
  t.same(await attempts(adminId), [{ failures: 2 }]);
  const refused = await login(app.cluster.adminEmail, app.cluster.adminPassword);
  t.same([refused.status, refused.body], [401, invalidCredentials], 'the attempt after two failures is still refused, even with the right password');
  t.equal(await status(adminId), 'active', 'the last admin is not suspended');
  t.same(await attempts(adminId), [], 'the count starts again');
  t.equal(await suspensions(), before, 'no suspension recorded');
  const next = await login(app.cluster.adminEmail, app.cluster.adminPassword);
  t.equal(next.status, 200, 'the admin signs in with the next attempt');
  t.ok(next.body.data.access_token);
  t.same(await activeAdmins(), [adminId]);

  // an admin who is suspended, with the last admin active: ordinary users are suspended as before
  const user = await createUser(app);
  for (const pw of ['wrong-1', 'wrong-2', user.password]) await login(user.email, pw);
  t.equal(await status(user.id), 'suspended', 'a non-admin is suspended as before');
});
