// Where Strata's benchmark data lives: a persistent embedded PostgreSQL in .strata/bench-db (so a
// dataset built once is reused by later runs), or the server given by --database-url /
// DATABASE_URL. Either way the bench works in its own database, strata_bench_s<scale>, and never
// touches any other.
import { fork } from 'node:child_process';
import postgres from 'postgres';
import { resolve } from 'node:path';
import { startEmbedded, type EmbeddedDb } from '../src/db/embedded.js';
import { freePort } from '../test/setup/cluster.js';

export interface BenchDatabase {
  /** URL of the bench database */
  url: string;
  /** "embedded PostgreSQL 18.x" or the redacted server URL */
  where: string;
  serverVersion: string;
  /** the embedded cluster's data directory (for its CPU time); undefined for an external server */
  dataDir?: string;
  /** drops and recreates the bench database (its schema could not be upgraded in place) */
  recreate(): Promise<void>;
  stop(): Promise<void>;
}

export const databaseName = (scale: number) => `strata_bench_s${String(scale).replace(/\W/g, '_')}`;

export async function openBenchDatabase(scale: number, serverUrl: string | undefined, log: (m: string) => void): Promise<BenchDatabase> {
  let embedded: EmbeddedDb | undefined;
  let embeddedDir: string | undefined;
  let base = serverUrl;
  if (!base) {
    // bench/ under tsx, dist/bench/ when built: the repository root either way
    const root = resolve(import.meta.dirname, import.meta.dirname.includes('/dist/') ? '../..' : '..');
    const dir = (embeddedDir = resolve(root, '.strata/bench-db'));
    log(`starting the embedded PostgreSQL in ${dir}`);
    embedded = await startEmbedded(dir, await freePort(), () => {});
    base = embedded.url;
  }
  const name = databaseName(scale);
  const serverAdmin = () => postgres(base, { max: 1, onnotice: () => {} });
  const admin = serverAdmin();
  try {
    const [{ exists }] = await admin`select exists (select from pg_database where datname = ${name}) as exists`;
    if (!exists) await admin.unsafe(`create database ${name}`);
    const [{ version }] = await admin`select current_setting('server_version') as version`;
    const url = new URL(base);
    url.pathname = `/${name}`;
    if (url.password) url.searchParams.delete('password');
    return {
      url: url.toString(),
      where: embedded ? `embedded PostgreSQL ${version}` : `PostgreSQL ${version} at ${url.host}`,
      serverVersion: String(version),
      dataDir: embedded ? resolve(embeddedDir!) : undefined,
      async recreate() {
        const sql = serverAdmin();
        try {
          await sql.unsafe(`drop database if exists ${name} with (force)`);
          await sql.unsafe(`create database ${name}`);
        } finally {
          await sql.end();
        }
      },
      stop: async () => {
        await embedded?.stop();
      },
    };
  } catch (err) {
    await embedded?.stop();
    throw err;
  } finally {
    await admin.end();
  }
}

/** installSchema in a child process (bench/install-child.ts: graphile-migrate's pool ends its process): true when it succeeded. */
export function installInChild(url: string): Promise<boolean> {
  const ts = import.meta.filename.endsWith('.ts');
  const child = fork(resolve(import.meta.dirname, ts ? 'install-child.ts' : 'install-child.js'), [], {
    env: { ...process.env, BENCH_DATABASE_URL: url },
    execArgv: ts ? ['--import=tsx'] : [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((res) => child.once('exit', (code) => res(code === 0)));
}

/**
 * Empties the audit tables and the change-event outbox of a bench database (the realtime and
 * flows benches' writes): kept, they grow by every run (a million rows after weeks of runs made
 * creates about 20 % slower and brought autovacuum passes of a million-row table into the
 * measured phases), so runs on different days would not compare. The flows' delivery cursor
 * moves past the ids drawn so far (no gateway runs yet), or its first round would find them all
 * missing.
 */
export async function emptyWriteHistory(sql: postgres.Sql): Promise<void> {
  await sql.unsafe(`truncate directus_revisions, directus_activity, strata.events;
    update strata.delivery_cursor set last_id = greatest(last_id, (select last_value from strata.events_id_seq)), gaps = '{}', gap_horizons = '{}'`);
}
