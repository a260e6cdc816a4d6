// The first of the README's two commands, for real: the server process on the embedded
// PostgreSQL — first start (schema, admin with a generated password printed once), SIGTERM
// (clean exit, PostgreSQL stopped), second start on the same data.
import t from 'tap';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { connect as netConnect } from 'node:net';
import { connect } from '../src/db/client.js';
import { freePort } from './setup/cluster.js';

t.setTimeout(300_000);

const root = resolve(import.meta.dirname, '..');
const parent = mkdtempSync(join(tmpdir(), 'strata-start-'));
const dataDir = join(parent, 'db');
const [port, pgPort] = [await freePort(), await freePort()];
const base = `http://127.0.0.1:${port}`;
t.teardown(() => rmSync(parent, { recursive: true, force: true }));

interface Server {
  proc: ChildProcess;
  out: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Server {
  let out = '';
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH, HOME: process.env.HOME,
      HOST: '127.0.0.1', PORT: String(port), DB_EMBEDDED_DIR: dataDir, DB_EMBEDDED_PORT: String(pgPort),
      SECRET: 'start-test-secret', LOG_LEVEL: 'warn', ADMIN_EMAIL: 'owner@example.com', ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  proc.stdout!.on('data', (c) => (out += c));
  proc.stderr!.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => proc.on('exit', (code) => r(code)));
  t.teardown(() => {
    if (proc.exitCode === null) proc.kill('SIGKILL');
  });
  return { proc, out: () => out, exited };
}

async function listening(s: Server): Promise<void> {
  const found = await Promise.race([
    new Promise<boolean>((r) => {
      const check = () => (/Strata is listening on http:\/\/127\.0\.0\.1:\d+/.test(s.out()) ? r(true) : undefined);
      s.proc.stdout!.on('data', check);
      check();
    }),
    s.exited.then(() => false),
  ]);
  if (!found) throw new Error(`the server exited before listening:\n${s.out()}`);
}

const accepts = (p: number) =>
  new Promise<boolean>((r) => {
    const sock = netConnect(p, '127.0.0.1');
    sock.on('connect', () => (sock.destroy(), r(true)));
    sock.on('error', () => r(false));
  });

const login = (password: string) =>
  fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@example.com', password }) });

let password = '';
let refreshToken = '';

t.test('first start: embedded PostgreSQL, schema, admin with a generated password printed once', async (t) => {
  const s = start({});
  await listening(s);
  t.match(s.out(), `Strata is listening on http://127.0.0.1:${port} (database: embedded PostgreSQL in ${dataDir} (port ${pgPort}))`);
  const printed = [...s.out().matchAll(/Admin user owner@example\.com created with password: (\S+)/g)];
  t.equal(printed.length, 1, 'the generated password is printed once');
  password = printed[0][1];
  t.ok(password.length >= 12);
  t.ok(existsSync(join(dataDir, 'PG_VERSION')), 'the data lives in DB_EMBEDDED_DIR');

  const ping = await fetch(`${base}/server/ping`);
  t.equal(await ping.text(), 'pong');
  const res = await login(password);
  t.equal(res.status, 200);
  refreshToken = (await res.json()).data.refresh_token;

  // no well-known credentials: the superuser's password is random, kept in the data directory
  const weak = connect(`postgres://postgres:postgres@127.0.0.1:${pgPort}/strata`, 1);
  await t.rejects(weak.queryAsOwner('select 1'), /password authentication failed/, 'postgres/postgres is refused');
  await weak.close();
  const secret = readFileSync(join(dataDir, 'strata-password'), 'utf8').trim();
  t.ok(secret.length >= 24, 'a random password');
  t.equal(statSync(join(dataDir, 'strata-password')).mode & 0o777, 0o600, 'readable by its owner only');
  const db = connect(`postgres://postgres:${encodeURIComponent(secret)}@127.0.0.1:${pgPort}/strata`, 1);
  await db.queryAsOwner("update directus_settings set project_name = 'Kept across restarts'");
  const [row] = await db.queryAsOwner<{ password: string }>("select password from directus_users where email = 'owner@example.com'");
  t.match(row.password, /^\$argon2id\$/);
  await db.close();

  s.proc.kill('SIGTERM');
  t.equal(await s.exited, 0, 'SIGTERM: exit code 0');
  t.equal(await accepts(port), false, 'the HTTP port is closed');
  t.equal(await accepts(pgPort), false, 'PostgreSQL is stopped');
  t.notOk(existsSync(join(dataDir, 'postmaster.pid')), 'PostgreSQL shut down cleanly');
});

t.test('second start reuses the data', async (t) => {
  const s = start({ ADMIN_PASSWORD: 'ignored-because-the-admin-exists' });
  await listening(s);
  t.notMatch(s.out(), /created with password/, 'no new admin, no password printed');
  t.equal((await login(password)).status, 200, 'the same admin logs in with the same password');
  t.equal((await login('ignored-because-the-admin-exists')).status, 401);
  const refreshed = await fetch(`${base}/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refresh_token: refreshToken }) });
  t.equal(refreshed.status, 200, 'the session made before the restart is still there');
  const info = await (await fetch(`${base}/server/info`)).json();
  t.equal(info.data.project.project_name, 'Kept across restarts', 'a setting written before the restart');
  s.proc.kill('SIGTERM');
  t.equal(await s.exited, 0);
  t.equal(await accepts(pgPort), false, 'PostgreSQL is stopped again');
});
