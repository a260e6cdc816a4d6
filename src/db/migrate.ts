// Installs/upgrades the schema with graphile-migrate: committed migrations from sql/committed,
// then sql/current.sql (idempotent; empty once committed). Same code for the server and tests.
import { watch, Logger } from 'graphile-migrate';
import { fileURLToPath } from 'node:url';
import { resolve } from 'node:path';


export function sqlDir(): string {
  // src/db -> project root when run from source (tsx), dist/src/db when compiled.
  const here = fileURLToPath(new URL('.', import.meta.url));
  return here.includes('/dist/') ? resolve(here, '../../../sql') : resolve(here, '../../sql');
}

export async function migrateDatabase(connectionString: string, log: (msg: string) => void = () => {}): Promise<void> {
  const logger = new Logger(() => (level, message) => {
    if (level === 'error' || level === 'warning') log(`${level}: ${message}`);
  });
  await watch({ connectionString, migrationsFolder: sqlDir(), logger }, true);
}
