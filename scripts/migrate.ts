// Applies sql/ (committed migrations + current.sql) to the database URL given as argument.
import { migrateDatabase } from '../src/db/migrate.js';
await migrateDatabase(process.argv[2], console.log);
