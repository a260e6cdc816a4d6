import { openBenchDatabase } from './database.js';
import { installSchema } from '../src/bootstrap.js';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { startStrata } from './server.js';
import { Api } from './api.js';
import { ensureDataset } from './dataset.js';
import { namesFor } from './schema.js';
const db = await openBenchDatabase(0.1, undefined, console.log);
console.log(db.url, db.where);
const config = loadConfig({ ADMIN_EMAIL: 'admin@example.com', ADMIN_PASSWORD: 'bench-admin-password', ADMIN_TOKEN: 'bench-admin-token', LOG_LEVEL: 'warn' });
await installSchema(config, createLogger('warn'), db.url);
const s = await startStrata(db.url, 10);
console.log(s.url, await s.stats());
const api = new Api(s.url, 'bench-admin-token');
try {
  console.log(await ensureDataset(api, db.url, 0.1, namesFor(''), console.log));
  console.log((await api.raw('GET', '/items/articles?fields=id,title,author.name,comments.id,tags.tags_id.name&limit=2')).text);
} catch (e) { console.error(e); }
await s.stop(); await db.stop();
