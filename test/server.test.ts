// /server/* endpoints and the gateway's cross-cutting behaviour (errors, body limits, CORS).
import t from 'tap';
import { startApp } from './helpers/app.js';

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
  t.equal(res.body.data.project.project_name, 'Directus');
  t.notOk('queryLimit' in res.body.data, 'no limits for anonymous callers');
  t.notOk('version' in res.body.data);
});

t.test('info shows limits and version to admins', async (t) => {
  const res = await app.get('/server/info');
  t.equal(res.status, 200);
  t.same(res.body.data.queryLimit, { default: 100, max: -1 });
  t.type(res.body.data.version, 'string');
});

t.test('health: status only for anonymous, checks for admins', async (t) => {
  const anon = await app.get('/server/health', { token: null });
  t.equal(anon.status, 200);
  t.match(anon.headers.get('content-type'), /application\/health\+json/);
  t.same(anon.body, { status: 'ok' });
  const admin = await app.get('/server/health');
  t.equal(admin.body.status, 'ok');
  t.equal(admin.body.checks['pg:responseTime'][0].componentType, 'datastore');
});

t.test('unknown routes are 404 ROUTE_NOT_FOUND in Directus shape', async (t) => {
  const res = await app.get('/nope/nothing');
  t.equal(res.status, 404);
  t.same(res.body, { errors: [{ message: "Route /nope/nothing doesn't exist.", extensions: { code: 'ROUTE_NOT_FOUND' } }] });
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
