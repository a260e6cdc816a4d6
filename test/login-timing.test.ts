// Failed logins take the same time whether or not the user exists (LOGIN_STALL_TIME): the
// median time of an unknown email and of a wrong password for a real user are compared.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { createUser } from './helpers/users.js';

const STALL = 150;
const ROUNDS = 7;
const app = await startApp(t, { LOGIN_STALL_TIME: String(STALL) });
const user = await createUser(app);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function timeLogin(email: string): Promise<number> {
  const started = performance.now();
  const res = await app.post('/auth/login', { email, password: 'wrong-password' }, { token: null });
  if (res.status !== 401) throw new Error(`expected 401, got ${res.status}`);
  return performance.now() - started;
}

t.test('unknown email vs wrong password: same median time, at least LOGIN_STALL_TIME', async (t) => {
  const unknown: number[] = [];
  const known: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // interleaved, so load on the machine affects both alike
    unknown.push(await timeLogin(`nobody-${i}@example.com`));
    known.push(await timeLogin(user.email));
  }
  const [mu, mk] = [median(unknown), median(known)];
  t.comment(`median unknown ${mu.toFixed(1)} ms, known ${mk.toFixed(1)} ms`);
  t.ok(Math.min(...unknown, ...known) >= STALL - 5, 'every failure takes at least the stall time');
  t.ok(Math.abs(mu - mk) < 40, `medians within 40 ms (${Math.abs(mu - mk).toFixed(1)})`);
  const before = await app.sql('select count(*)::int as n from strata.login_attempts');
  t.same(before, [{ n: 1 }], 'only the real user has a failure count');
});
