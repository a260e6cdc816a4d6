// Directus-exact REST answers (issue 17): field validation, SEARCH bodies, error shapes and
// other details, request by request against what Directus 12.4 answered for the same requests
// on the same collections (test/fixtures/rest-exact.json: `setup` creates the collections
// through the schema API on both servers, then each case runs its `before` requests and is
// compared on status, body and key order). Cases run in order: earlier writes are later state.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { replayFixture } from './helpers/replay.js';

const app = await startApp(t, { LOG_LEVEL: 'error' });
await replayFixture(t, app, 'rest-exact.json');
