// tap `before`: start the run's cluster and build the migrated template database.
import { startCluster, writeClusterInfo, urlFor, TEMPLATE_DB, stopCluster } from './cluster.js';
import { connect } from '../../src/db/client.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { installSchema } from '../../src/bootstrap.js';

const cluster = await startCluster();
try {
  const admin = connect(urlFor(cluster.port, 'postgres'), 1);
  await admin.queryAsOwner(`create database ${TEMPLATE_DB}`);
  await admin.close();
  const creds = { adminEmail: 'admin@example.com', adminPassword: 'admin-password', adminToken: 'admin-static-token' };
  const config = loadConfig({ ADMIN_EMAIL: creds.adminEmail, ADMIN_PASSWORD: creds.adminPassword, ADMIN_TOKEN: creds.adminToken, LOG_LEVEL: 'warn' });
  await installSchema(config, createLogger('warn', (l) => process.stderr.write(l)), urlFor(cluster.port, TEMPLATE_DB), { current: true }); // tests run the uncommitted migration too
  writeClusterInfo({ ...cluster, ...creds });
} catch (err) {
  stopCluster(cluster);
  throw err;
}
