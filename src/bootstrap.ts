// Every start: bring the schema up to date (committed migrations; sql/current.sql too with
// STRATA_DEV_MIGRATIONS or `current`, as the test harness asks), and on first start create the
// first admin user.
import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { connect } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { hashPassword } from './auth/password.js';
import { bootstrapAdmin } from './engine/system.js';

export async function installSchema(config: Config, log: Logger, databaseUrl: string, opts: { current?: boolean } = {}): Promise<void> {
  await migrateDatabase(databaseUrl, (m) => log.warn(m), { current: opts.current ?? config.devMigrations });
  const db = connect(databaseUrl, 1);
  try {
    const password = config.adminPassword ?? randomBytes(12).toString('base64url');
    const created = await bootstrapAdmin(db, config.adminEmail, await hashPassword(password), config.adminToken ?? null);
    if (created) {
      log.info('created the first admin user', { email: config.adminEmail });
      // printed once, on the console, when we generated it
      if (!config.adminPassword) process.stdout.write(`\nAdmin user ${config.adminEmail} created with password: ${password}\n\n`);
    }
  } finally {
    await db.close();
  }
}
