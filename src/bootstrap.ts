// First start: install the schema and create the first admin user.
import { randomBytes } from 'node:crypto';
import type { Config } from './config.js';
import type { Logger } from './log.js';
import { connect } from './db/client.js';
import { migrateDatabase } from './db/migrate.js';
import { hashPassword } from './auth/password.js';

export async function installSchema(config: Config, log: Logger, databaseUrl: string): Promise<void> {
  await migrateDatabase(databaseUrl, (m) => log.warn(m));
  const db = connect(databaseUrl, 1);
  try {
    const password = config.adminPassword ?? randomBytes(12).toString('base64url');
    const [row] = await db.queryAsOwner<{ id: string | null }>('select strata.bootstrap_admin($1, $2, $3) as id', [
      config.adminEmail,
      await hashPassword(password),
      config.adminToken ?? null,
    ]);
    if (row.id) {
      log.info('created the first admin user', { email: config.adminEmail });
      // printed once, on the console, when we generated it
      if (!config.adminPassword) process.stdout.write(`\nAdmin user ${config.adminEmail} created with password: ${password}\n\n`);
    }
  } finally {
    await db.close();
  }
}
