// Installs/upgrades the schema with graphile-migrate: the committed migrations (sql/committed),
// then, in development only, sql/current.sql (the migration being written: idempotent, empty
// once committed). Production applies only what was committed and reviewed; the test harness,
// scripts/migrate.ts and STRATA_DEV_MIGRATIONS=true servers apply current.sql too.
import { migrate, watch, Logger } from 'graphile-migrate';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';


export function sqlDir(): string {
  // src/db -> project root when run from source (tsx), dist/src/db when compiled.
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes('/dist/') ? resolve(here, '../../../sql') : resolve(here, '../../sql');
}

export interface MigrateOptions {
  /** also run sql/current.sql after the committed migrations (development and tests) */
  current?: boolean;
}

export async function migrateDatabase(connectionString: string, log: (msg: string) => void = () => {},
  opts: MigrateOptions = { current: true }): Promise<void> {
  const logger = new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') log(`${level}: ${message}`);
  });
  const settings = { connectionString, migrationsFolder: sqlDir(), logger };
  // `watch --once` = migrate, then run current.sql once
  if (opts.current) await watch(settings, true);
  else await migrate(settings);
}
