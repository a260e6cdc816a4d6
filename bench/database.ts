// Where Strata's benchmark data lives: a persistent embedded PostgreSQL in .strata/bench-db (so a
// dataset built once is reused by later runs), or the server given by --database-url /
// DATABASE_URL. Either way the bench works in its own database, strata_bench_s<scale>, and never
// touches any other.
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
  stop(): Promise<void>;
}

export const databaseName = (scale: number) => `strata_bench_s${String(scale).replace(/\W/g, '_')}`;

export async function openBenchDatabase(scale: number, serverUrl: string | undefined, log: (m: string) => void): Promise<BenchDatabase> {
  let embedded: EmbeddedDb | undefined;
  let base = serverUrl;
  if (!base) {
    // bench/ under tsx, dist/bench/ when built: the repository root either way
    const root = resolve(import.meta.dirname, import.meta.dirname.includes('/dist/') ? '../..' : '..');
    const dir = resolve(root, '.strata/bench-db');
    log(`starting the embedded PostgreSQL in ${dir}`);
    embedded = await startEmbedded(dir, await freePort(), () => {});
    base = embedded.url;
  }
  const name = databaseName(scale);
  const admin = postgres(base, { max: 1, onnotice: () => {} });
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
