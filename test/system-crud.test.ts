// System collections through their own endpoints: /users, /roles, /policies, /access,
// /permissions (CRUD) and PATCH /settings, with Directus's response shapes and rules, the
// caller's permissions on every path (denials leave the database unchanged), Directus 9/10
// role-level permissions and role flags, and access changes taking effect on the next request.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { verifyPassword } from '../src/auth/password.js';

const app = await startApp(t);

const POLICY = '66666666-6666-4666-8666-666666666666';
const USER = '77777777-7777-4777-8777-777777777777';
await app.sql(`
  create table notes (id serial primary key, body text, owner uuid);
  insert into notes (body) values ('a'), ('b');
  insert into directus_policies (id, name, app_access) values ('${POLICY}', 'Editors', true);
  insert into directus_users (id, email, status, token) values ('${USER}', 'editor@example.com', 'active', 'editor-token');
  insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${USER}', '${POLICY}');
`);
const editor = { token: 'editor-token' };
const systemRows = async () => ({
  users: await app.sql('select id, email, role, status, password, token from directus_users order by id'),
  roles: await app.sql('select * from directus_roles order by id'),
  policies: await app.sql('select * from directus_policies order by id'),
  access: await app.sql('select * from directus_access order by id'),
  permissions: await app.sql('select * from directus_permissions order by id'),
  settings: await app.sql('select * from directus_settings order by id'),
});

t.test('roles: create, read, update, delete with Directus shapes', async (t) => {
  const created = await app.post('/roles', { name: 'Writers', description: 'w' });
  t.equal(created.status, 200, created.text);
  const id = created.body.data.id;
  t.match(created.body.data, { name: 'Writers', icon: 'supervised_user_circle', description: 'w', parent: null });
  t.same(await app.sql('select name from directus_roles where id = $1', [id]), [{ name: 'Writers' }]);

  const child = await app.post('/roles?fields=id,name,parent.name', { name: 'Junior', parent: id });
  t.same(child.body.data.parent, { name: 'Writers' });
  const many = await app.post('/roles?fields=name&sort=name', [{ name: 'R1' }, { name: 'R2' }]);
  t.same(many.body, { data: [{ name: 'R1' }, { name: 'R2' }] });

  const loop = await app.patch(`/roles/${id}`, { parent: child.body.data.id });
  t.equal(loop.status, 400);
  t.equal(loop.body.errors[0].message, 'Invalid payload. A role cannot have a parent that is already a descendant of itself.');
  const self = await app.patch(`/roles/${id}`, { parent: id });
  t.equal(self.body.errors[0].message, 'Invalid payload. A role cannot be a parent of itself.');

  const patched = await app.patch(`/roles/${id}?fields=name`, { name: 'Authors' });
  t.same(patched.body, { data: { name: 'Authors' } });
  const children = await app.get(`/roles/${id}?fields=children.name`);
  t.same(children.body.data.children, [{ name: 'Junior' }]);

  // deleting a role: users suspended and unlinked, children orphaned, access rows gone
  const u = await app.post('/users', { email: 'member@example.com', role: id });
  t.equal(u.status, 200, u.text);
  const del = await app.del(`/roles/${id}`);
  t.equal(del.status, 204);
  t.same(await app.sql('select role, status from directus_users where id = $1', [u.body.data.id]), [{ role: null, status: 'suspended' }]);
  t.same(await app.sql('select parent from directus_roles where id = $1', [child.body.data.id]), [{ parent: null }]);
  t.same(await app.sql('select * from directus_roles where id = $1', [id]), []);
});

t.test('users: passwords hashed whatever they look like, tokens concealed, policies m2m', async (t) => {
  const fake = '$argon2id$v=19$m=65536,t=3,p=4$c29tZXNhbHQ$RdescudvJCsgt3ub+b+dWRWJTmaaJObG';
  const created = await app.post('/users?fields=*,policies.policy', { email: 'New@Example.com', password: fake, token: 'static-1', policies: [{ policy: POLICY }] });
  t.equal(created.status, 200, created.text);
  const id = created.body.data.id;
  t.equal(created.body.data.password, '**********');
  t.equal(created.body.data.token, '**********');
  t.same(created.body.data.policies, [{ policy: POLICY }]);
  const [row] = await app.sql('select password, token from directus_users where id = $1', [id]);
  t.not(row.password, fake, 'a submitted hash is hashed again');
  t.ok(await verifyPassword(row.password, fake), 'the submitted string is the password');
  t.equal(row.token, 'static-1', 'token stored as given');
  t.same(await app.sql('select policy from directus_access where "user" = $1', [id]), [{ policy: POLICY }]);

  const me = await app.get('/users/me?fields=email', { token: 'static-1' });
  t.same(me.body, { data: { email: 'New@Example.com' } }, 'the static token works');

  const dup = await app.post('/users', { email: 'new@example.COM' });
  t.equal(dup.status, 400);
  t.equal(dup.body.errors[0].extensions.code, 'RECORD_NOT_UNIQUE');
  const bad = await app.post('/users', { email: 'not-an-email' });
  t.equal(bad.body.errors[0].extensions.code, 'FAILED_VALIDATION');

  const upd = await app.patch(`/users/${id}?fields=first_name`, { first_name: 'Nia', password: 'secret-2' });
  t.same(upd.body, { data: { first_name: 'Nia' } });
  const [after] = await app.sql('select password from directus_users where id = $1', [id]);
  t.ok(await verifyPassword(after.password, 'secret-2'));
  const tfa = await app.patch(`/users/${id}`, { tfa_secret: 'X' });
  t.equal(tfa.body.errors[0].message, `Invalid payload. You can't change the "tfa_secret" value manually.`);

  // deselecting a policy deletes its access row (Directus's one_deselect_action)
  await app.patch(`/users/${id}`, { policies: [] });
  t.same(await app.sql('select policy from directus_access where "user" = $1', [id]), []);

  const batch = await app.patch('/users?fields=title', { keys: [id], data: { title: 'T' } });
  t.same(batch.body, { data: [{ title: 'T' }] });
  const del = await app.del('/users', [id]);
  t.equal(del.status, 204);
  t.same(await app.sql('select id from directus_users where id = $1', [id]), []);
});

t.test('the last admin cannot be removed', async (t) => {
  const admins = await app.sql<{ id: string }>(`select u.id from directus_users u where status = 'active' and (strata.access_for_user(u.id) ->> 'admin')::boolean`);
  t.equal(admins.length, 1, 'one admin in the fixture');
  const before = await systemRows();
  const del = await app.del(`/users/${admins[0].id}`);
  t.equal(del.status, 422);
  t.same(del.body.errors[0], { message: "Can't process content. Cannot remove the last admin user from the system.", extensions: { code: 'UNPROCESSABLE_CONTENT', reason: 'Cannot remove the last admin user from the system' } });
  const suspend = await app.patch(`/users/${admins[0].id}`, { status: 'suspended' });
  t.equal(suspend.status, 422);
  t.same(await systemRows(), before, 'nothing changed');
});

t.test('policies: permissions o2m, ip_access, cascade on delete', async (t) => {
  const created = await app.post('/policies?fields=*,permissions.collection,permissions.fields', {
    name: 'Readers', ip_access: ['10.0.0.0/8', '127.0.0.1'],
    permissions: [{ collection: 'notes', action: 'read', fields: ['id', 'body'], permissions: { body: { _eq: 'a' } } }],
  });
  t.equal(created.status, 200, created.text);
  const id = created.body.data.id;
  t.same(created.body.data.ip_access, ['10.0.0.0/8', '127.0.0.1']);
  t.same(created.body.data.permissions, [{ collection: 'notes', fields: ['id', 'body'] }]);
  const [perm] = await app.sql('select id, fields, permissions::jsonb as permissions from directus_permissions where policy = $1', [id]);
  t.equal(perm.fields, 'id,body', 'fields stored as CSV');
  t.same(perm.permissions, { body: { _eq: 'a' } });
  t.same(await app.sql('select ip_access from directus_policies where id = $1', [id]), [{ ip_access: '10.0.0.0/8,127.0.0.1' }]);

  const bad = await app.post('/policies', { name: 'x', ip_access: ['10.0.*'] });
  t.equal(bad.status, 400);
  t.equal(bad.body.errors[0].message, 'Invalid payload. IP Access contains an incorrect value. Valid values are: IP addresses, IP ranges and CIDR blocks.');

  // deselecting a permission deletes it
  await app.patch(`/policies/${id}`, { permissions: [] });
  t.same(await app.sql('select id from directus_permissions where id = $1', [perm.id]), []);

  const p2 = await app.post('/permissions?fields=id,fields,presets', { policy: id, collection: 'notes', action: 'create', fields: '*', presets: { body: 'x' } });
  t.same(p2.body.data.fields, ['*']);
  t.same(p2.body.data.presets, { body: 'x' });
  const access = await app.post('/access?fields=policy,user', { policy: id, user: USER });
  t.same(access.body.data, { policy: id, user: USER });
  t.equal((await app.del(`/policies/${id}`)).status, 204);
  t.same(await app.sql('select id from directus_permissions where policy = $1', [id]), []);
  t.same(await app.sql('select id from directus_access where policy = $1', [id]), []);
});

t.test('Directus 9/10 role-level permissions and role flags', async (t) => {
  const role = await app.post('/roles?fields=id,policies.policy.admin_access,policies.policy.app_access', { name: 'Legacy', app_access: true, admin_access: false, ip_access: '127.0.0.1,::1' });
  t.equal(role.status, 200, role.text);
  const id = role.body.data.id;
  t.same(await app.sql('select id, name, app_access, admin_access, ip_access from directus_policies where id = $1', [id]),
    [{ id, name: 'Legacy', app_access: true, admin_access: false, ip_access: '127.0.0.1,::1' }], "the role's own policy, same id");
  t.same(await app.sql('select role, policy from directus_access where role = $1', [id]), [{ role: id, policy: id }]);

  const perm = await app.post('/permissions?fields=id,policy,collection', { role: id, collection: 'notes', action: 'read', fields: ['*'] });
  t.equal(perm.status, 200, perm.text);
  t.same(perm.body.data.policy, id, 'read back in Directus 11 shape: the policy is the role\'s');

  // a user of that role reads notes through the role's policy
  await app.sql(`insert into directus_users (id, email, status, role, token) values (gen_random_uuid(), 'legacy@example.com', 'active', $1, 'legacy-token')`, [id]);
  const notes = await app.get('/items/notes?fields=body', { token: 'legacy-token' });
  t.same(notes.body, { data: [{ body: 'a' }, { body: 'b' }] });

  // a role without flags: the policy appears with its first role-level permission
  const plain = await app.post('/roles', { name: 'Plain' });
  t.same(await app.sql('select id from directus_policies where id = $1', [plain.body.data.id]), []);
  const p2 = await app.post('/permissions', { role: plain.body.data.id, collection: 'notes', action: 'read', fields: '*' });
  t.equal(p2.body.data.policy, plain.body.data.id);
  t.same(await app.sql('select role from directus_access where policy = $1', [plain.body.data.id]), [{ role: plain.body.data.id }]);
  // role null: the public policy
  const pub = await app.post('/permissions', { role: null, collection: 'notes', action: 'read', fields: 'id' });
  t.equal(pub.body.data.policy, 'abf8a154-5b1c-4a46-ac9c-7300570f4f17');
  const anon = await app.get('/items/notes', { token: null });
  t.same(anon.body, { data: [{ id: 1 }, { id: 2 }] });
  await app.del(`/permissions/${pub.body.data.id}`);

  const upd = await app.patch(`/roles/${plain.body.data.id}`, { app_access: true });
  t.equal(upd.status, 200);
  t.same(await app.sql('select app_access from directus_policies where id = $1', [plain.body.data.id]), [{ app_access: true }]);
});

t.test('non-admins: reads through their own permissions, writes refused with nothing changed', async (t) => {
  // app access: Directus's minimal system permissions (own user, own roles)
  const me = await app.get('/users?fields=email', editor);
  t.same(me.body, { data: [{ email: 'editor@example.com' }] }, 'only themselves');
  const policies = await app.get('/policies', editor);
  t.equal(policies.status, 403);
  const settings = await app.get('/settings?fields=project_name', editor);
  t.equal(settings.status, 403, 'project_name is not among the app-access settings fields');
  const rolesMe = await app.get('/roles/me', editor);
  t.same(rolesMe.body, { data: [] }, 'no role: no roles');

  const before = await systemRows();
  const attempts = [
    await app.post('/users', { email: 'x@example.com' }, editor),
    await app.patch(`/users/${USER}`, { title: 'x' }, editor),
    await app.del(`/users/${USER}`, undefined, editor),
    await app.post('/roles', { name: 'x', admin_access: true }, editor),
    await app.post('/policies', { name: 'x', admin_access: true }, editor),
    await app.post('/access', { user: USER, policy: POLICY }, editor),
    await app.post('/permissions', { policy: POLICY, collection: 'notes', action: 'read', fields: '*' }, editor),
    await app.post('/permissions', { role: null, collection: 'notes', action: 'read', fields: '*' }, editor),
    await app.patch('/settings', { project_name: 'x' }, editor),
    await app.patch('/policies', { keys: [POLICY], data: { admin_access: true } }, editor),
  ];
  t.same(attempts.map((r) => r.status), attempts.map(() => 403), 'every write refused');
  t.same(await systemRows(), before, 'the database did not change');

  const anon = await app.post('/roles', { name: 'x' }, { token: null });
  t.equal(anon.status, 403);
});

t.test('a granted permission on a system collection works, row filters included', async (t) => {
  await app.post('/permissions', [
    { policy: POLICY, collection: 'directus_roles', action: 'read', fields: ['id', 'name'], permissions: { name: { _starts_with: 'R' } } },
    { policy: POLICY, collection: 'directus_roles', action: 'update', fields: ['name'], permissions: { name: { _starts_with: 'R' } } },
  ]);
  const roles = await app.get('/roles?fields=name&sort=name', editor);
  t.same(roles.body, { data: [{ name: 'R1' }, { name: 'R2' }] });
  const [r1] = await app.sql<{ id: string }>("select id from directus_roles where name = 'R1'");
  const [plain] = await app.sql<{ id: string }>("select id from directus_roles where name = 'Plain'");
  const ok = await app.patch(`/roles/${r1.id}?fields=name`, { name: 'R1b' }, editor);
  t.same(ok.body, { data: { name: 'R1b' } });
  const before = await systemRows();
  t.equal((await app.patch(`/roles/${plain.id}`, { name: 'Rx' }, editor)).status, 403, 'outside the row filter');
  t.equal((await app.patch(`/roles/${r1.id}`, { description: 'x' }, editor)).status, 403, 'outside the field list');
  t.same(await systemRows(), before);

  const item = await app.get(`/permissions/me/directus_roles/${r1.id}`, editor);
  t.same(item.body, { data: { update: { access: true }, delete: { access: false }, share: { access: false } } });
  // a row the editor can't read answers as a missing one: its existence is not revealed
  const other = await app.get(`/permissions/me/directus_roles/${plain.id}`, editor);
  const missing = await app.get('/permissions/me/directus_roles/00000000-0000-4000-8000-000000000000', editor);
  t.same([other.status, other.body], [403, missing.body]);
  const admin = await app.get('/permissions/me/notes');
  t.same(admin.body.data, { update: { access: true }, delete: { access: true }, share: { access: true } });
});

t.test('settings: PATCH updates the singleton', async (t) => {
  const res = await app.patch('/settings?fields=project_name,auth_login_attempts', { project_name: 'Strata test', auth_login_attempts: 5 });
  t.equal(res.status, 200, res.text);
  t.same(res.body, { data: { project_name: 'Strata test', auth_login_attempts: 5 } });
  t.same(await app.sql('select project_name, auth_login_attempts from directus_settings'), [{ project_name: 'Strata test', auth_login_attempts: 5 }]);
  const policy = await app.patch('/settings', { auth_password_policy: '^.{12,}$' });
  t.equal(policy.status, 200);
  const weak = await app.post('/users', { email: 'weak@example.com', password: 'short' });
  t.equal(weak.status, 400);
  t.equal(weak.body.errors[0].extensions.code, 'FAILED_VALIDATION');
  await app.patch('/settings', { auth_password_policy: null });
});

t.test('access changes take effect on the next request', async (t) => {
  const role = (await app.post('/roles', { name: 'Switch', app_access: true })).body.data.id;
  await app.post('/permissions', { policy: role, collection: 'notes', action: 'read', fields: '*' });
  const uid = (await app.post('/users', { email: 'switch@example.com', token: 'switch-token' })).body.data.id;
  const tok = { token: 'switch-token' };
  t.equal((await app.get('/items/notes', tok)).status, 403, 'no role yet');
  await app.patch(`/users/${uid}`, { role });
  t.equal((await app.get('/items/notes', tok)).status, 200, 'role change through the API: next request');
  await app.patch(`/users/${uid}`, { role: null });
  t.equal((await app.get('/items/notes', tok)).status, 403, 'and back');

  // a DBA changes the role in SQL: the gateway hears strata_access and drops its cache
  await app.sql('update directus_users set role = $1 where id = $2', [role, uid]);
  let status = 0;
  for (let i = 0; i < 200 && status !== 200; i++) {
    status = (await app.get('/items/notes', tok)).status;
  }
  t.equal(status, 200, 'SQL role change seen by the gateway');

  // a DBA inserts a permission row in SQL: in force at once (row-level security regenerated)
  t.equal((await app.get('/items/notes?fields=id', { token: null })).status, 403);
  await app.sql(`insert into directus_permissions (collection, action, fields, permissions, policy) values ('notes', 'read', 'id', '{"body":{"_eq":"b"}}', 'abf8a154-5b1c-4a46-ac9c-7300570f4f17')`);
  let anon = await app.get('/items/notes?fields=id', { token: null });
  for (let i = 0; i < 200 && anon.status !== 200; i++) anon = await app.get('/items/notes?fields=id', { token: null });
  t.same(anon.body, { data: [{ id: 2 }] });
});
