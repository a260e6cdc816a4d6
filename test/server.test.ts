// /server/* endpoints and the gateway's cross-cutting behaviour (errors, body limits, CORS).
import t from 'tap';
import { startApp } from './helpers/app.js';
import { connect } from '../src/db/client.js';
import { urlFor } from './setup/cluster.js';

const app = await startApp(t, { MAX_PAYLOAD_SIZE: '2kb' });

t.test('ping answers pong before authentication, even with a bad token', async (t) => {
  const res = await app.get('/server/ping', { token: 'not-a-real-token' });
  t.equal(res.status, 200);
  t.equal(res.text, 'pong');
  t.match(res.headers.get('content-type'), /text\/html/);
});

t.test('info shows the public project subset to anonymous callers', async (t) => {
  const res = await app.get('/server/info', { token: null });
  t.equal(res.status, 200);
  t.equal(res.headers.get('cache-control'), 'no-cache');
  t.same(Object.keys(res.body.data), ['project', 'license'], 'Directus 12.4 shows the license keys to anyone');
  t.same(Object.keys(res.body.data.project), [
    'project_name', 'project_descriptor', 'project_logo', 'project_color', 'default_appearance', 'default_theme_light',
    'default_theme_dark', 'theme_light_overrides', 'theme_dark_overrides', 'default_language', 'public_foreground',
    'public_background', 'public_favicon', 'public_note', 'custom_css', 'public_registration', 'public_registration_verify_email',
  ]);
  t.equal(res.body.data.project.project_name, 'Directus');
});

t.test('info shows limits, features and version to signed-in users', async (t) => {
  const res = await app.get('/server/info');
  t.equal(res.status, 200);
  t.same(res.body.data.queryLimit, { default: 100, max: -1 });
  t.same([res.body.data.rateLimit, res.body.data.rateLimitGlobal], [false, false]);
  t.same(res.body.data.websocket, { rest: { authentication: 'handshake', path: '/websocket' }, graphql: { authentication: 'handshake', path: '/graphql' }, heartbeat: 30, collaborativeEditing: false, logs: false },
    'WEBSOCKETS_ENABLED defaults to true in Strata (false in Directus)');
  t.same(res.body.data.extensions, { limit: null });
  t.type(res.body.data.version, 'string');
  await app.sql("insert into directus_users (id, email, status, token) values (gen_random_uuid(), 'plain@example.com', 'active', 'plain-user-token')");
  const plain = await app.get('/server/info', { token: 'plain-user-token' });
  t.type(plain.body.data.version, 'string', 'Directus 12 shows the version to any signed-in user');
});

t.test('info reflects project settings', async (t) => {
  const [before] = await app.sql('select project_name, project_color from directus_settings order by id limit 1');
  t.ok(before, 'the schema install seeds the settings row');
  await app.sql("update directus_settings set project_name = 'Acme', project_color = '#123456'");
  const res = await app.get('/server/info', { token: null });
  t.same([res.body.data.project.project_name, res.body.data.project.project_color], ['Acme', '#123456']);
  await app.sql('update directus_settings set project_name = $1, project_color = $2', [before.project_name, before.project_color]);
});

t.test('health: 403 for anonymous callers, status for users, every check for admins', async (t) => {
  const anon = await app.get('/server/health', { token: null });
  t.equal(anon.status, 403);
  t.same(anon.body, { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] });
  const user = await app.get('/server/health', { token: 'plain-user-token' });
  t.equal(user.status, 200);
  t.match(user.headers.get('content-type'), /application\/health\+json/);
  t.equal(user.headers.get('cache-control'), 'no-cache');
  t.same(user.body, { status: 'ok' });
  const admin = await app.get('/server/health');
  t.equal(admin.status, 200);
  t.same(Object.keys(admin.body), ['status', 'releaseId', 'serviceId', 'checks']);
  t.equal(admin.body.status, 'ok');
  t.equal(admin.body.serviceId, '/');
  t.same(Object.keys(admin.body.checks), ['pg:responseTime', 'pg:connectionsAvailable']);
  t.match(admin.body.checks['pg:responseTime'][0], { status: 'ok', componentType: 'datastore', observedUnit: 'ms', observedValue: Number, threshold: 150 });
});

t.test('health reports warn above DB_HEALTHCHECK_THRESHOLD, and can be turned off', async (t) => {
  const slow = await startApp(t, { DB_HEALTHCHECK_THRESHOLD: '0' });
  const res = await slow.get('/server/health');
  t.equal(res.status, 200, 'warn is still 200');
  t.equal(res.body.status, 'warn');
  t.equal(res.body.checks['pg:responseTime'][0].status, 'warn');
  const off = await startApp(t, { HEALTHCHECK_ENABLED: 'false' });
  t.equal((await off.get('/server/health')).status, 404);
});

t.test('health is 503 error when the database does not answer', async (t) => {
  // a long auth cache lets the admin's token be recognised without the database
  const broken = await startApp(t, { STRATA_AUTH_CACHE_TTL: '600000' });
  t.equal((await broken.get('/server/health')).status, 200);
  const root = connect(urlFor(broken.cluster.port, 'postgres'), 1);
  t.teardown(() => root.close());
  await root.queryAsOwner(`alter database ${broken.dbName} with allow_connections false`);
  await root.queryAsOwner('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [broken.dbName]);
  const res = await broken.get('/server/health');
  t.equal(res.status, 503);
  t.equal(res.body.status, 'error');
  t.match(res.body.checks['pg:responseTime'][0], { status: 'error', output: "Can't connect to the database." });
  await root.queryAsOwner(`alter database ${broken.dbName} with allow_connections true`);
});

t.test('unknown routes are 404 ROUTE_NOT_FOUND in Directus shape', async (t) => {
  const res = await app.get('/nope/nothing');
  t.equal(res.status, 404);
  t.same(res.body, { errors: [{ message: "Route /nope/nothing doesn't exist.", extensions: { path: '/nope/nothing', code: 'ROUTE_NOT_FOUND' } }] });
});

t.test('a bad token fails even on an unknown route', async (t) => {
  const res = await app.get('/nope', { token: 'garbage' });
  t.equal(res.status, 401);
  t.equal(res.body.errors[0].extensions.code, 'INVALID_CREDENTIALS');
});

t.test('malformed JSON is 400 INVALID_PAYLOAD', async (t) => {
  const res = await app.request('POST', '/auth/login', { raw: '{"email": ', contentType: 'application/json' });
  t.equal(res.status, 400);
  t.equal(res.body.errors[0].extensions.code, 'INVALID_PAYLOAD');
});

t.test('unsupported content type is 415', async (t) => {
  const res = await app.request('POST', '/auth/login', { raw: 'email=a', contentType: 'application/x-www-form-urlencoded' });
  t.equal(res.status, 415);
  t.equal(res.body.errors[0].extensions.code, 'UNSUPPORTED_MEDIA_TYPE');
});

t.test('bodies past MAX_PAYLOAD_SIZE are 413', async (t) => {
  const res = await app.request('POST', '/auth/login', { raw: JSON.stringify({ email: 'x'.repeat(5000) }), contentType: 'application/json' });
  t.equal(res.status, 413);
  t.equal(res.body.errors[0].extensions.code, 'CONTENT_TOO_LARGE');
});

t.test('every response carries Server-Timing', async (t) => {
  const res = await app.get('/server/info');
  t.match(res.headers.get('server-timing'), /total;dur=/);
});
