// Starts a throwaway PostgreSQL cluster for hand-testing SQL (prints its port); stop it with pg_ctl.
import { startCluster, urlFor } from '../test/setup/cluster.js';
import { connect } from '../src/db/client.js';
const c = await startCluster();
const db = connect(urlFor(c.port, 'postgres'), 1);
await db.queryAsOwner('create database dev');
await db.close();
console.log(JSON.stringify(c));
