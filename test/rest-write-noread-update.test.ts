// Updating and deleting rows the caller may change but not read (issue 17, item 2), as Directus
// 12.4 answers with an update and a delete permission and no read permission
// (test/fixtures/rest-write-noread.json, recorded with scripts/record-rest-exact.ts): updates by
// key, keys and batch are written and answered 204, deletes by key(s) too; a missing key is 403
// with Directus's words; by query selects the rows with the read permission (none: 403).
// Row filters are in rest-write-noread-filters.test.ts (Directus 11.17).
import t from 'tap';
import { startApp } from './helpers/app.js';
import { replayFixture } from './helpers/replay.js';

const app = await startApp(t, { LOG_LEVEL: 'error', STRATA_AUTH_CACHE_TTL: '0' });
await replayFixture(t, app, 'rest-write-noread.json');
