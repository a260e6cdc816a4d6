// The rest of Directus's system API (issue 16, generic part): /presets, /notifications,
// /translations, /dashboards, /panels as system collections (the generic CRUD under Directus's
// app-access permissions), GET /extensions, POST /users/me/track/page and /utils (hashes,
// random strings, manual sort, cache clear). Refusals leave the database unchanged.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { verifyPassword } from '../src/auth/password.js';

const app = await startApp(t);

const POLICY = '66666666-6666-4666-8666-666666666666';
const ROLE = '55555555-5555-4555-8555-555555555555';
const OTHER_ROLE = '44444444-4444-4444-8444-444444444444';
const USER = '77777777-7777-4777-8777-777777777777';
const OTHER = '88888888-8888-4888-8888-888888888888';
await app.sql(`
  insert into directus_roles (id, name) values ('${ROLE}', 'Editors'), ('${OTHER_ROLE}', 'Others');
  insert into directus_policies (id, name, app_access) values ('${POLICY}', 'Editors', true);
  insert into directus_users (id, email, status, token, role) values
    ('${USER}', 'editor@example.com', 'active', 'editor-token', '${ROLE}'),
    ('${OTHER}', 'other@example.com', 'active', 'other-token', null);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${POLICY}');
  create table tasks (id serial primary key, name text, sort integer);
  insert into directus_collections (collection, sort_field) values ('tasks', 'sort');
  create table plain (id serial primary key, name text);
`);
const editor = { token: 'editor-token' };
const FORBIDDEN = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };
// Directus 12.4's 403 for an update or delete of an item its permission does not admit
const refused = (message: string) => ({ errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] });
const updateRefused = (collection: string, fields: string) =>
  refused(`You don't have permissions to perform "update" for the field(s) ${fields} in collection "${collection}" or it does not exist.`);
const deleteRefused = (collection: string) => refused(`You don't have permission to perform "delete" for collection "${collection}" or it does not exist.`);
// a write the caller has no permission for at all (as Directus 12.4 words it)
const forbiddenCollection = (c: string) => {
  const message = `You don't have permission to access collection "${c}" or it does not exist. Queried in root.`;
  return { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] };
};
const payloadError = (reason: string) => ({ errors: [{ message: `Invalid payload. ${reason}.`, extensions: { reason, code: 'INVALID_PAYLOAD' } }] });

t.test('presets: own, role and global ones for app users; writes only to their own', async (t) => {
  await app.sql(`
    insert into directus_presets (bookmark, "user", role, collection) values
      ('mine', '${USER}', null, 'tasks'), ('theirs', '${OTHER}', null, 'tasks'),
      ('my role', null, '${ROLE}', 'tasks'), ('other role', null, '${OTHER_ROLE}', 'tasks'),
      ('global', null, null, 'tasks')`);
  const read = await app.get('/presets?fields=bookmark&sort=id', editor);
  t.equal(read.status, 200, read.text);
  t.same(read.body, { data: [{ bookmark: 'mine' }, { bookmark: 'my role' }, { bookmark: 'global' }] });

  const created = await app.post('/presets?fields=bookmark,user.email,layout,icon', { bookmark: 'new', user: USER, collection: 'tasks' }, editor);
  t.equal(created.status, 200, created.text);
  t.same(created.body, { data: { bookmark: 'new', user: { email: 'editor@example.com' }, layout: 'tabular', icon: 'bookmark' } });
  const id = (await app.sql<{ id: number }>(`select id from directus_presets where bookmark = 'new'`))[0].id;
  const patched = await app.patch(`/presets/${id}?fields=layout_query`, { layout_query: { tabular: { sort: ['name'] } } }, editor);
  t.same(patched.body, { data: { layout_query: { tabular: { sort: ['name'] } } } });

  const before = await app.sql('select * from directus_presets order by id');
  const [global] = await app.sql<{ id: number }>(`select id from directus_presets where bookmark = 'global'`);
  const [theirs] = await app.sql<{ id: number }>(`select id from directus_presets where bookmark = 'theirs'`);
  t.same((await app.patch(`/presets/${global.id}`, { bookmark: 'x' }, editor)).body, updateRefused('directus_presets', '"bookmark"'), 'a global preset is read-only to them');
  t.same((await app.del(`/presets/${theirs.id}`, undefined, editor)).body, deleteRefused('directus_presets'));
  t.same((await app.get(`/presets/${theirs.id}`, editor)).body, FORBIDDEN);
  t.same(await app.sql('select * from directus_presets order by id'), before, 'nothing changed');

  t.equal((await app.del(`/presets/${id}`, undefined, editor)).status, 204);
  t.same(await app.sql('select id from directus_presets where id = $1', [id]), []);
});

t.test('notifications: admins send, recipients read theirs and change only the status', async (t) => {
  const sent = await app.post('/notifications?fields=subject,status,recipient', { recipient: USER, subject: 'Hello', message: 'hi' });
  t.equal(sent.status, 200, sent.text);
  t.same(sent.body, { data: { subject: 'Hello', status: 'inbox', recipient: USER } });
  await app.post('/notifications', { recipient: OTHER, subject: 'Not yours' });
  const id = (await app.sql<{ id: number }>(`select id from directus_notifications where subject = 'Hello'`))[0].id;

  t.same((await app.get('/notifications?fields=subject', editor)).body, { data: [{ subject: 'Hello' }] });
  const archived = await app.patch(`/notifications/${id}?fields=status`, { status: 'archived' }, editor);
  t.same(archived.body, { data: { status: 'archived' } });

  const before = await app.sql('select * from directus_notifications order by id');
  const subject = await app.patch(`/notifications/${id}`, { subject: 'Changed' }, editor);
  const message = 'You don\'t have permission to access field "subject" in collection "directus_notifications" or it does not exist. Queried in root.';
  t.same(subject.body, refused(message), 'only the status');
  // no create or delete permission at all: Directus's collection-level 403
  t.same((await app.post('/notifications', { recipient: USER, subject: 'Self' }, editor)).body, forbiddenCollection('directus_notifications'));
  t.same((await app.del(`/notifications/${id}`, undefined, editor)).body, forbiddenCollection('directus_notifications'));
  t.same(await app.sql('select * from directus_notifications order by id'), before, 'nothing changed');
  const missing = await app.post('/notifications', { recipient: USER });
  t.equal(missing.status, 400);
  t.equal(missing.body.errors[0].extensions.code, 'FAILED_VALIDATION');
});

t.test('translations: admins write, app users read', async (t) => {
  const created = await app.post('/translations?fields=language,key,value', { language: 'en-US', key: 'greeting', value: 'Hi' });
  t.same(created.body, { data: { language: 'en-US', key: 'greeting', value: 'Hi' } });
  t.same((await app.get('/translations?fields=key,value', editor)).body, { data: [{ key: 'greeting', value: 'Hi' }] });
  const before = await app.sql('select * from directus_translations order by id');
  t.same((await app.post('/translations', { language: 'de-DE', key: 'greeting', value: 'Hallo' }, editor)).body, forbiddenCollection('directus_translations'));
  t.same((await app.patch(`/translations/${created.body.data.id ?? before[0].id}`, { value: 'Yo' }, editor)).body, forbiddenCollection('directus_translations'));
  t.same(await app.sql('select * from directus_translations order by id'), before);
  const bad = await app.post('/translations', { language: 'en-US', key: 'k' });
  t.equal(bad.body.errors[0].extensions.code, 'FAILED_VALIDATION');
});

t.test('dashboards and panels: nested create, creator recorded, panels deleted with the dashboard', async (t) => {
  const admin = (await app.sql<{ id: string }>(`select id from directus_users where email = 'admin@example.com'`))[0]?.id;
  const created = await app.post('/dashboards?fields=name,icon,user_created,panels.type,panels.user_created', {
    name: 'Sales', panels: [{ type: 'metric', position_x: 1, position_y: 1, width: 6, height: 4, options: { field: 'id' } }],
  });
  t.equal(created.status, 200, created.text);
  t.match(created.body.data, { name: 'Sales', icon: 'dashboard', panels: [{ type: 'metric' }] });
  t.ok(created.body.data.user_created, 'the creator is recorded');
  if (admin) t.equal(created.body.data.user_created, admin);
  t.equal(created.body.data.panels[0].user_created, created.body.data.user_created);
  const panels = await app.get('/panels?fields=type,options,dashboard.name');
  t.same(panels.body, { data: [{ type: 'metric', options: { field: 'id' }, dashboard: { name: 'Sales' } }] });

  const before = await app.sql('select * from directus_dashboards order by id');
  const noAccess = {
    message: 'You don\'t have permission to access collection "directus_dashboards" or it does not exist. Queried in root.',
    extensions: { reason: 'You don\'t have permission to access collection "directus_dashboards" or it does not exist. Queried in root.', code: 'FORBIDDEN' },
  };
  t.same((await app.get('/dashboards', editor)).body, { errors: [noAccess] }, 'insights need permissions');
  t.same((await app.post('/dashboards', { name: 'Mine' }, editor)).body, { errors: [noAccess] });
  t.same(await app.sql('select * from directus_dashboards order by id'), before);

  const id = (await app.sql<{ id: string }>(`select id from directus_dashboards where name = 'Sales'`))[0].id;
  t.equal((await app.del(`/dashboards/${id}`)).status, 204);
  t.same(await app.sql('select id from directus_panels'), [], 'its panels went with it');
});

t.test('extensions: none installed', async (t) => {
  const res = await app.get('/extensions');
  t.equal(res.status, 200);
  t.same(res.body, { data: [] });
});

t.test('users/me/track/page: sets last_page for any user', async (t) => {
  const res = await app.post('/users/me/track/page', { last_page: '/content/tasks' }, editor);
  t.equal(res.status, 204, res.text);
  t.same(await app.sql('select last_page from directus_users where id = $1', [USER]), [{ last_page: '/content/tasks' }]);
  const missing = await app.post('/users/me/track/page', {}, editor);
  t.same(missing.body, payloadError('"last_page" is required'));
  const anon = await app.post('/users/me/track/page', { last_page: '/x' }, { token: null as any });
  t.equal(anon.status, 401);
  t.same(await app.sql('select last_page from directus_users where id = $1', [USER]), [{ last_page: '/content/tasks' }]);
});

t.test('utils/hash: argon2 generate and verify', async (t) => {
  const gen = await app.post('/utils/hash/generate', { string: 'secret' });
  t.equal(gen.status, 200, gen.text);
  t.match(gen.body.data, /^\$argon2id\$/);
  t.ok(await verifyPassword(gen.body.data, 'secret'));
  t.same((await app.post('/utils/hash/verify', { string: 'secret', hash: gen.body.data })).body, { data: true });
  t.same((await app.post('/utils/hash/verify', { string: 'wrong', hash: gen.body.data })).body, { data: false });
  t.same((await app.post('/utils/hash/verify', { string: 'x', hash: 'not-a-hash' })).body, { data: false });
  t.same((await app.post('/utils/hash/generate', {})).body, payloadError('"string" is required'));
  t.same((await app.post('/utils/hash/verify', { string: 'x' })).body, payloadError('"hash" is required'));
  t.same((await app.post('/utils/hash/generate', { string: { __proto__: 'x' } })).body, payloadError('"string" must be a string'));
});

t.test('utils/random/string: length, alphabet and limits', async (t) => {
  const def = await app.get('/utils/random/string');
  t.equal(def.status, 200);
  t.match(def.body.data, /^[A-Za-z0-9_-]{32}$/);
  t.match((await app.get('/utils/random/string?length=500')).body.data, /^[A-Za-z0-9_-]{500}$/);
  t.equal((await app.get('/utils/random/string?length=3', editor)).body.data.length, 3);
  const long = await app.get('/utils/random/string?length=501');
  t.same(long.body, { errors: [{ message: 'Invalid query. The requested string length is too long.', extensions: { reason: 'The requested string length is too long', code: 'INVALID_QUERY' } }] });
  t.equal((await app.get('/utils/random/string?length=abc')).status, 400);
});

t.test('utils/sort: Directus renumbering, permissions', async (t) => {
  await app.sql(`insert into tasks (name, sort) values ('a', 1), ('b', 2), ('c', 3), ('d', null), ('e', null)`);
  const order = async () => (await app.sql<{ name: string; sort: number }>('select name, sort from tasks order by sort, id')).map((r) => `${r.name}${r.sort}`).join(' ');

  const before = await app.sql('select * from tasks order by id');
  t.same((await app.post('/utils/sort/tasks', { item: 1, to: 3 }, editor)).body, FORBIDDEN, 'update permission needed');
  t.same((await app.post('/utils/sort/nothing', { item: 1, to: 3 })).body, FORBIDDEN);
  t.same(await app.sql('select * from tasks order by id'), before, 'nothing changed');
  t.same((await app.post('/utils/sort/tasks', { to: 3 })).body, payloadError('"item" is required'));
  t.same((await app.post('/utils/sort/plain', { item: 1, to: 2 })).body, payloadError(`Collection "plain" doesn't have a sort field`));

  // a later item moves up: rows without a place are numbered first, after the last one
  let res = await app.post('/utils/sort/tasks', { item: 5, to: 2 });
  t.equal(res.status, 204, res.text);
  t.equal(await order(), 'a1 e2 b3 c4 d5');
  // an earlier item moves down
  res = await app.post('/utils/sort/tasks', { item: 1, to: 3 });
  t.equal(res.status, 204, res.text);
  t.equal(await order(), 'e1 b2 c3 a4 d5');

  await app.sql(`insert into directus_permissions (collection, action, fields, policy) values ('tasks', 'update', '*', '${POLICY}'), ('tasks', 'read', '*', '${POLICY}')`);
  res = await app.post('/utils/sort/tasks', { item: '4', to: '1' }, editor);
  t.equal(res.status, 204, res.text);
  t.equal(await order(), 'e1 b2 c3 d4 a5');
});

t.test('utils/cache/clear: admins only', async (t) => {
  t.same((await app.post('/utils/cache/clear', undefined, editor)).body, FORBIDDEN);
  t.equal((await app.post('/utils/cache/clear')).status, 204);
  // a permission written behind the gateway's back is seen after the clear
  await app.sql(`insert into directus_permissions (collection, action, fields, policy) values ('plain', 'read', '*', '${POLICY}')`);
  t.equal((await app.post('/utils/cache/clear')).status, 204);
  t.equal((await app.get('/items/plain', editor)).status, 200);
});

t.test('users/:id/tfa/disable: admins remove a user\'s second factor, without a code', async (t) => {
  const secret = async () => (await app.sql(`select tfa_secret from directus_users where id = '${USER}'`))[0].tfa_secret;
  await app.sql(`update directus_users set tfa_secret = 'JBSWY3DPEHPK3PXP' where id = '${USER}'`);
  const anonymous = await app.post(`/users/${USER}/tfa/disable`, undefined, { token: null });
  t.equal(anonymous.status, 401);
  t.equal(anonymous.body.errors[0].extensions.code, 'INVALID_CREDENTIALS');
  t.same((await app.post(`/users/${OTHER}/tfa/disable`, undefined, editor)).body, FORBIDDEN, 'not for non-admins');
  t.same((await app.post(`/users/${USER}/tfa/disable`, undefined, editor)).body, FORBIDDEN, 'not even for themselves (that is /users/me/tfa/disable, with a code)');
  t.equal(await secret(), 'JBSWY3DPEHPK3PXP', 'unchanged by the refusals');
  t.equal((await app.post(`/users/${USER}/tfa/disable`)).status, 204);
  t.equal(await secret(), null);
  t.equal((await app.post(`/users/${USER}/tfa/disable`, { tfa_secret: 'X' })).status, 204, 'a body sets nothing');
  t.equal(await secret(), null);
});
