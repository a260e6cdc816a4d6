// The rest of Directus's system API (issue 16, second part): routes Directus 12.4 serves that
// Strata answered 404 for (owner registration, the extensions marketplace, MCP), and
// POST /utils/cache/clear reaching every gateway on the database. Expectations are Directus
// 12.4's answers in a default install (no network, MCP off); refusals change no data.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);
const POLICY = '66666666-6666-4666-8666-666666666666';
const USER = '77777777-7777-4777-8777-777777777777';
await app.sql(`
  insert into directus_users (id, email, status, token) values ('${USER}', 'user@example.com', 'active', 'user-token');
  insert into directus_policies (id, name, app_access) values ('${POLICY}', 'Readers', true);
  create table notes (id serial primary key, body text);
  insert into notes (body) values ('one');
  insert into directus_permissions (collection, action, fields, permissions, policy) values ('notes', 'read', '*', '{}', '${POLICY}');
`);
const user = { token: 'user-token' };
const anonymous = { token: null };
const FORBIDDEN = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };
const OWNER = 'select project_owner, project_usage, org_name, product_updates, project_name from directus_settings';

t.test('POST /settings/owner: stores the four owner settings, nothing else', async (t) => {
  const r = await app.post('/settings/owner', {
    project_owner: 'owner@example.com', project_usage: 'personal', org_name: 'Org', product_updates: true, project_name: 'ignored', junk: 1,
  });
  t.equal(r.status, 204, r.text);
  t.equal(r.text, '');
  const [row] = await app.sql(OWNER);
  t.match(row, { project_owner: 'owner@example.com', project_usage: 'personal', org_name: 'Org', product_updates: true });
  t.not(row.project_name, 'ignored', 'other settings are not written through this route');

  const settings = await app.get('/settings?fields=project_owner,org_name');
  t.same(settings.body, { data: { project_owner: 'owner@example.com', org_name: 'Org' } });

  t.equal((await app.post('/settings/owner', { org_name: 'Org 2' })).status, 204);
  t.match((await app.sql(OWNER))[0], { project_owner: 'owner@example.com', org_name: 'Org 2' }, 'a partial body changes only what it names');

  const before = await app.sql(OWNER);
  for (const [who, opts] of [['anonymous', anonymous], ['a user', user]] as const) {
    const refused = await app.post('/settings/owner', { project_owner: 'evil@example.com' }, opts);
    t.equal(refused.status, 403, who);
    t.equal(refused.body.errors[0].extensions.code, 'FORBIDDEN');
  }
  t.equal((await app.post('/settings/owner', {}, user)).status, 403, 'an empty body is refused to non-admins too');
  t.equal((await app.post('/settings/owner', {})).status, 204, 'an empty body changes nothing (Directus: a 500)');
  const bad = await app.post('/settings/owner', [1]);
  t.equal(bad.status, 400);
  t.equal(bad.body.errors[0].extensions.code, 'INVALID_PAYLOAD');
  t.same(await app.sql(OWNER), before, 'refusals changed nothing');
});

t.test('the extensions marketplace: unavailable without the registry, admins only', async (t) => {
  const UNAVAILABLE = {
    errors: [{
      message: 'Service "marketplace" is unavailable. Unable to connect to the registry server.',
      extensions: { service: 'marketplace', reason: 'Unable to connect to the registry server', code: 'SERVICE_UNAVAILABLE' },
    }],
  };
  for (const path of ['/extensions/registry', '/extensions/registry/extension/00000000-0000-4000-8000-000000000000', '/extensions/registry/account/00000000-0000-4000-8000-000000000000']) {
    const r = await app.get(path);
    t.equal(r.status, 503, path);
    t.same(r.body, UNAVAILABLE);
    t.same((await app.get(path, anonymous)).body, FORBIDDEN, `${path} anonymous`);
    t.same((await app.get(path, user)).body, FORBIDDEN, `${path} user`);
  }
  const body = { extension: '00000000-0000-4000-8000-000000000000', version: '00000000-0000-4000-8000-000000000000' };
  for (const path of ['/extensions/registry/install', '/extensions/registry/reinstall']) {
    t.same((await app.post(path, {})).body, FORBIDDEN, `${path} without an extension`);
    const r = await app.post(path, body);
    t.equal(r.status, 503, `${path}: the registry is needed (Directus: a 500 "fetch failed")`);
    t.same(r.body, UNAVAILABLE);
    t.same((await app.post(path, body, user)).body, FORBIDDEN);
  }
  // no extension is installed, so there is none to configure or remove (Directus: these 404s)
  for (const [method, path] of [['PATCH', '/extensions/nope'], ['PATCH', '/extensions/bundle/nope'], ['DELETE', '/extensions/nope']]) {
    const r = await app.request(method, path, { body: {} });
    t.same(r.body, { errors: [{ message: `Route ${path} doesn't exist.`, extensions: { path, code: 'ROUTE_NOT_FOUND' } }] }, `${method} ${path}`);
  }
});

t.test('MCP: off in a default install, for everyone', async (t) => {
  const OFF = { errors: [{ message: 'MCP must be enabled', extensions: { reason: 'MCP must be enabled', code: 'FORBIDDEN' } }] };
  for (const opts of [{}, anonymous, user]) {
    t.same((await app.get('/mcp', opts)).body, OFF);
    const r = await app.post('/mcp', { jsonrpc: '2.0', id: 1, method: 'initialize' }, opts);
    t.equal(r.status, 403);
    t.same(r.body, OFF);
  }
});

t.test('TUS uploads: off by default, so /files/tus is no route (and GET reads a file id)', async (t) => {
  t.same((await app.post('/files/tus', {})).body.errors[0].extensions, { path: '/files/tus', code: 'ROUTE_NOT_FOUND' });
  t.same((await app.get('/files/tus')).body, FORBIDDEN, 'as Directus: no file has the id "tus"');
});

t.test('POST /utils/cache/clear on one gateway drops the caches of another on the same database', async (t) => {
  // the second gateway keeps resolved accesses for an hour: only a clear makes it look again
  const second = await startApp(t, { STRATA_AUTH_CACHE_TTL: '3600000' }, { database: app.dbName });
  t.equal((await second.get('/items/notes', user)).status, 403, 'the user has no policy yet');
  // a link written without its triggers (no change notification): the caches can't know
  await app.db.transaction(async (q) => {
    await q('set local session_replication_role = replica');
    await q(`insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${USER}', '${POLICY}')`);
  });
  t.equal((await second.get('/items/notes', user)).status, 403, 'the second gateway answers from its cache');

  const cleared = await app.post('/utils/cache/clear');
  t.equal(cleared.status, 204);
  // the clear reaches the second gateway as a notification: wait for its effect, bounded
  let r = await second.get('/items/notes?fields=body', user);
  for (let i = 0; i < 2000 && r.status !== 200; i++) r = await second.get('/items/notes?fields=body', user);
  t.equal(r.status, 200, 'the second gateway resolved the access again');
  t.same(r.body, { data: [{ body: 'one' }] });
});
