// Turns sql/current.sql (with its --!include'd fixtures inlined) into the next committed
// migration in sql/committed/, using a throwaway PostgreSQL for graphile-migrate's shadow
// database, and resets current.sql. Usage: npx tsx scripts/commit-migration.ts "message"
import { commit } from 'graphile-migrate';
import { startCluster, stopCluster, urlFor } from '../test/setup/cluster.js';
import { connect } from '../src/db/client.js';
import { sqlDir } from '../src/db/migrate.js';

const cluster = await startCluster();
try {
  const root = connect(urlFor(cluster.port, 'postgres'), 1);
  await root.queryAsOwner('create database strata_dev');
  await root.queryAsOwner('create database strata_shadow');
  await root.close();
  await commit({
    connectionString: urlFor(cluster.port, 'strata_dev'),
    shadowConnectionString: urlFor(cluster.port, 'strata_shadow'),
    rootConnectionString: urlFor(cluster.port, 'postgres'),
    migrationsFolder: sqlDir(),
  }, process.argv[2] ?? null);
} finally {
  stopCluster(cluster);
}
