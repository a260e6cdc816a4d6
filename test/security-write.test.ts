// Write-side findings of the security review:
//   H3  field permissions, validation and presets are judged per item, by the permission rows
//       (policies) whose row filter matches that item — never as a union over all policies
//       (Directus advisory GHSA-99vm: a field updatable on row 1 under one policy was
//       updatable on row 2 under another policy that matches row 2 but not that field).
//   M4  the rules of /users (unique email regardless of case, valid email, no tfa_secret, an
//       active admin must remain) and /roles (no parent cycles) hold for nested writes too,
//       and the email rule for plain SQL as well; nested users get their password hashed.
// Every refused request asserts that nothing changed (rows, revisions, activity).
import t, { type Test } from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const ROLE = '33333333-3333-4333-8333-333333333333';
const P_ROW1 = '11111111-1111-4111-8111-111111111111'; // row 1: title only
const P_ROW2 = '22222222-2222-4222-8222-222222222222'; // row 2: status only
const EDITOR = '44444444-4444-4444-8444-444444444444';
const CREATOR_ROLE = '55555555-5555-4555-8555-555555555555';
const P_CREATOR = '66666666-6666-4666-8666-666666666666';
const CREATOR = '77777777-7777-4777-8777-777777777777';
const PARENT_ROLE = '88888888-8888-4888-8888-888888888888';
const CHILD_ROLE = '99999999-9999-4999-8999-999999999999';
const editor = { token: 'sec-editor-token' };
const creator = { token: 'sec-creator-token' };
const admin = {};

await app.sql(`
  create table sec_posts (id serial primary key, title varchar(255), status varchar(20) default 'draft', body text);
  create table sec_notes (id serial primary key, kind varchar(20), body text, reviewed varchar(20));
  create table sec_projects (id serial primary key, name varchar(255), owner uuid references directus_users(id), team uuid references directus_roles(id));
  insert into directus_collections (collection) values ('sec_posts'), ('sec_notes'), ('sec_projects');
  insert into directus_relations (many_collection, many_field, one_collection) values
    ('sec_projects', 'owner', 'directus_users'), ('sec_projects', 'team', 'directus_roles');
  insert into sec_posts (title, status) values ('one', 'draft'), ('two', 'draft'), ('three', 'draft');
  insert into sec_notes (kind, body) values ('a', 'note a'), ('b', 'note b');

  insert into directus_roles (id, name) values ('${ROLE}', 'Sec editors'), ('${CREATOR_ROLE}', 'Sec creators'),
    ('${PARENT_ROLE}', 'Sec parent'), ('${CHILD_ROLE}', 'Sec child');
  update directus_roles set parent = '${PARENT_ROLE}' where id = '${CHILD_ROLE}';
  insert into directus_policies (id, name, app_access) values
    ('${P_ROW1}', 'Row 1, title', false), ('${P_ROW2}', 'Row 2, status', false), ('${P_CREATOR}', 'Creators', false);
  insert into directus_access (id, role, policy) values
    (gen_random_uuid(), '${ROLE}', '${P_ROW1}'), (gen_random_uuid(), '${ROLE}', '${P_ROW2}'),
    (gen_random_uuid(), '${CREATOR_ROLE}', '${P_CREATOR}');
  insert into directus_users (id, email, status, role, token) values
    ('${EDITOR}', 'sec-editor@example.com', 'active', '${ROLE}', '${editor.token}'),
    ('${CREATOR}', 'sec-creator@example.com', 'active', '${CREATOR_ROLE}', '${creator.token}');
  insert into directus_permissions (collection, action, permissions, validation, presets, fields, policy) values
    ('sec_posts', 'read', null, null, null, '*', '${P_ROW1}'),
    ('sec_posts', 'update', '{"id":{"_eq":1}}', null, null, 'title', '${P_ROW1}'),
    ('sec_posts', 'update', '{"id":{"_eq":2}}', null, null, 'status', '${P_ROW2}'),
    ('sec_notes', 'read', null, null, null, '*', '${P_ROW1}'),
    ('sec_notes', 'create', '{"kind":{"_eq":"a"}}', null, '{"reviewed":"by-a"}', 'body,kind', '${P_ROW1}'),
    ('sec_notes', 'create', null, null, '{"reviewed":"by-b"}', 'body', '${P_ROW2}'),
    ('sec_notes', 'update', '{"kind":{"_eq":"a"}}', '{"body":{"_nempty":true}}', '{"reviewed":"by-a"}', 'body', '${P_ROW1}'),
    ('sec_notes', 'update', '{"kind":{"_eq":"b"}}', null, '{"reviewed":"by-b"}', 'body', '${P_ROW2}'),
    ('sec_projects', 'read', null, null, null, '*', '${P_CREATOR}'),
    ('sec_projects', 'create', null, null, null, 'name,owner', '${P_CREATOR}'),
    ('directus_users', 'create', null, null, null, 'email,password,first_name', '${P_CREATOR}'),
    ('directus_users', 'read', null, null, null, 'id,email,first_name', '${P_CREATOR}');
`);

/** Everything a refused request could have changed: the sec_ tables, users, roles, revisions, activity. */
async function snapshot(): Promise<string> {
  const [row] = await app.sql<{ h: string }>(`select md5(string_agg(t, '|' order by t)) as h from (
    select 'p' || x::text as t from sec_posts x union all select 'n' || x::text from sec_notes x
    union all select 'j' || x::text from sec_projects x
    union all select 'u' || concat_ws(',', id, email, status, role, password, tfa_secret, provider) from directus_users
    union all select 'r' || concat_ws(',', id, name, parent) from directus_roles
    union all select 'rev' || count(*)::text from directus_revisions
    union all select 'act' || count(*)::text from directus_activity where action <> 'login') s`);
  return row.h;
}

type Case = [method: 'POST' | 'PATCH', path: string, body: unknown, status: number, code: string, what: string];
/** Runs refused requests; each must answer `status`/`code` and leave the database as it was. */
async function refused(t: Test, who: object, cases: Case[]) {
  for (const [method, path, body, status, code, what] of cases) {
    const before = await snapshot();
    const res = await app.request(method, path, { ...who, body });
    t.equal(res.status, status, `${what}: ${res.text.slice(0, 300)}`);
    t.equal(res.body?.errors?.[0]?.extensions?.code, code, `${what}: ${code}`);
    t.equal(await snapshot(), before, `${what}: nothing changed`);
  }
}

const posts = async () => app.sql('select id, title, status from sec_posts order by id');

t.test('H3: a field is writable on an item only through a policy that matches that item', async (t) => {
  await refused(t, editor, [
    ['PATCH', '/items/sec_posts/2', { title: 'hacked' }, 403, 'FORBIDDEN', 'GHSA-99vm: title on row 2 (title is only granted on row 1)'],
    ['PATCH', '/items/sec_posts/1', { status: 'published' }, 403, 'FORBIDDEN', 'status on row 1 (status is only granted on row 2)'],
    ['PATCH', '/items/sec_posts/1', { title: 'x', status: 'published' }, 403, 'FORBIDDEN', 'no one policy grants both fields'],
    ['PATCH', '/items/sec_posts/3', { title: 'x' }, 403, 'FORBIDDEN', 'a row no policy matches'],
    ['PATCH', '/items/sec_posts', { keys: [1, 2], data: { title: 'x' } }, 403, 'FORBIDDEN', '{keys, data}: row 2 is not granted title'],
    ['PATCH', '/items/sec_posts', { query: { filter: { id: { _in: [1, 2] } } }, data: { title: 'x' } }, 403, 'FORBIDDEN', '{query, data}'],
    ['PATCH', '/items/sec_posts', [{ id: 1, title: 'ok' }, { id: 2, title: 'hacked' }], 403, 'FORBIDDEN', 'array batch: row 2 is not granted title'],
  ]);
  const denied = await app.patch('/items/sec_posts/2', { title: 'hacked' }, editor);
  t.match(denied.body.errors[0].message, /field "title"/, 'the refusal names the field');

  t.equal((await app.patch('/items/sec_posts/1', { title: 'first' }, editor)).status, 200, 'title on row 1');
  t.equal((await app.patch('/items/sec_posts/2', { status: 'review' }, editor)).status, 200, 'status on row 2');
  const batch = await app.patch('/items/sec_posts', [{ id: 1, title: 'batch' }, { id: 2, status: 'done' }], editor);
  t.equal(batch.status, 200, `each item of a batch through its own policy: ${batch.text}`);
  t.same(await posts(), [
    { id: 1, title: 'batch', status: 'draft' }, { id: 2, title: 'two', status: 'done' }, { id: 3, title: 'three', status: 'draft' },
  ]);
});

t.test('H3: validation and presets are those of the policies that grant the item', async (t) => {
  await refused(t, editor, [
    // the policy of kind-b notes has no validation: it must not excuse a kind-a note
    ['PATCH', '/items/sec_notes/1', { body: '' }, 400, 'FAILED_VALIDATION', 'kind a: its own policy\'s validation'],
    ['PATCH', '/items/sec_notes', { keys: [1, 2], data: { body: '' } }, 400, 'FAILED_VALIDATION', 'kind a among others'],
    // create: kind is only granted by the policy whose row filter wants kind = a
    ['POST', '/items/sec_notes', { body: 'x', kind: 'b' }, 403, 'FORBIDDEN', 'create: the policy granting kind does not match the new item'],
    ['POST', '/items/sec_notes', [{ body: 'ok', kind: 'a' }, { body: 'x', kind: 'b' }], 403, 'FORBIDDEN', 'create batch with one such item'],
  ]);

  const b = await app.patch('/items/sec_notes/2', { body: '' }, editor);
  t.equal(b.status, 200, 'kind b has no validation');
  const both = await app.patch('/items/sec_notes', { keys: [1, 2], data: { body: 'both' } }, editor);
  t.equal(both.status, 200, both.text);
  t.same(await app.sql('select id, body, reviewed from sec_notes order by id'), [
    { id: 1, body: 'both', reviewed: 'by-a' }, { id: 2, body: 'both', reviewed: 'by-b' },
  ], 'each item gets the presets of the policy that grants it');

  const created = await app.post('/items/sec_notes', { body: 'new', kind: 'a' }, editor);
  t.equal(created.status, 200, created.text);
  t.same(await app.sql('select kind, body, reviewed from sec_notes where id = $1', [created.body.data.id]),
    [{ kind: 'a', body: 'new', reviewed: 'by-a' }], 'create: presets of the policy granting the fields');
});

const userCount = async () => Number((await app.sql('select count(*) as n from directus_users'))[0].n);

t.test('M4: nested users follow the /users rules', async (t) => {
  const users = await userCount();
  await refused(t, creator, [
    ['POST', '/items/sec_projects', { name: 'p', owner: { email: 'ADMIN@example.com', password: 'x' } }, 400, 'RECORD_NOT_UNIQUE',
      'a nested user with the admin\'s email in another case'],
    ['POST', '/items/sec_projects', { name: 'p', owner: { email: 'sec-creator@example.com', password: 'x' } }, 400, 'RECORD_NOT_UNIQUE',
      'a nested user with an existing email'],
    ['POST', '/items/sec_projects', { name: 'p', owner: { email: 'not-an-email', password: 'x' } }, 400, 'FAILED_VALIDATION',
      'a nested user with an invalid email'],
    ['POST', '/items/sec_projects', [{ name: 'p', owner: { email: 'twin@example.com' } }, { name: 'q', owner: { email: 'Twin@example.com' } }],
      400, 'RECORD_NOT_UNIQUE', 'two nested users of one request with the same email'],
  ]);
  t.equal(await userCount(), users, 'no user was created');
  const login = await app.post('/auth/login', { email: 'admin@example.com', password: app.cluster.adminPassword }, { token: null });
  t.equal(login.status, 200, 'the admin still logs in');

  const ok = await app.post('/items/sec_projects?fields=id,owner', { name: 'p', owner: { email: 'new-owner@example.com', password: 'secret-pw' } }, creator);
  t.equal(ok.status, 200, ok.text);
  const [row] = await app.sql('select password from directus_users where email = $1', ['new-owner@example.com']);
  t.match(row.password, /^\$argon2id\$/, 'the nested user\'s password is hashed');
  await app.sql(`update directus_users set status = 'active' where email = 'new-owner@example.com'`);
  const owner = await app.post('/auth/login', { email: 'new-owner@example.com', password: 'secret-pw' }, { token: null });
  t.equal(owner.status, 200, 'and works for login');
});

t.test('M4: nested writes by an admin keep the system rules', async (t) => {
  const [{ id: adminId }] = await app.sql(`select id from directus_users where email = 'admin@example.com'`);
  const project = await app.post('/items/sec_projects', { name: 'admin project', owner: adminId });
  t.equal(project.status, 200, project.text);
  const path = `/items/sec_projects/${project.body.data.id}`;
  await refused(t, admin, [
    ['PATCH', path, { owner: { id: adminId, status: 'suspended' } }, 422, 'UNPROCESSABLE_CONTENT', 'suspending the last admin through a nested update'],
    ['PATCH', path, { owner: { id: adminId, tfa_secret: 'JBSWY3DPEHPK3PXP' } }, 400, 'INVALID_PAYLOAD', 'setting tfa_secret through a nested update'],
    ['PATCH', path, { owner: { id: CREATOR, email: 'Admin@Example.com' } }, 400, 'RECORD_NOT_UNIQUE', 'taking the admin\'s email through a nested update'],
    ['PATCH', path, { team: { id: PARENT_ROLE, parent: CHILD_ROLE } }, 400, 'INVALID_PAYLOAD', 'a role cycle through a nested update'],
    ['PATCH', path, { team: { id: CHILD_ROLE, parent: CHILD_ROLE } }, 400, 'INVALID_PAYLOAD', 'a role as its own parent'],
    ['POST', '/items/sec_projects', { name: 'x', owner: { email: 'ADMIN@EXAMPLE.COM' } }, 400, 'RECORD_NOT_UNIQUE', 'a nested create by an admin'],
  ]);
  t.equal((await app.patch(path, { team: { id: CHILD_ROLE, name: 'Sec child renamed' } })).status, 200, 'a permitted nested role update');
});

t.test('M4: emails are unique regardless of case in the database itself', async (t) => {
  const users = await userCount();
  const err = await app.sql(`insert into directus_users (id, email) values (gen_random_uuid(), 'SEC-Editor@Example.com')`).then(() => null, (e) => e);
  // (the test's SQL client maps PostgreSQL's unique_violation to Directus's error)
  t.match(String(err), /"sec-editor@example.com" .* has to be unique/, 'plain SQL can\'t add a case variant of an existing email');
  t.equal(await userCount(), users);
  // the REST path answers Directus's error (the check before the write)
  await refused(t, admin, [
    ['POST', '/users', { email: 'Sec-Editor@example.com' }, 400, 'RECORD_NOT_UNIQUE', '/users create'],
    ['POST', '/users', [{ email: 'pair@example.com' }, { email: 'PAIR@example.com' }], 400, 'RECORD_NOT_UNIQUE', '/users batch with a case variant'],
  ]);
});

t.test('M4: a batch of /users is checked once, after all its items', async (t) => {
  const [{ id: adminId, role: adminRole }] = await app.sql(`select id, role from directus_users where email = 'admin@example.com'`);
  // the admin hands the admin role over to another user: fine, an active admin remains
  const res = await app.patch('/users', [{ id: adminId, role: CREATOR_ROLE }, { id: CREATOR, role: adminRole }]);
  t.equal(res.status, 200, res.text);
  t.same(await app.sql('select id, role from directus_users where id = any($1) order by email', [[adminId, CREATOR]]),
    [{ id: adminId, role: CREATOR_ROLE }, { id: CREATOR, role: adminRole }]);
  await app.sql('update directus_users set role = $2 where id = $1', [adminId, adminRole]);
  await app.sql('update directus_users set role = $2 where id = $1', [CREATOR, CREATOR_ROLE]);
});
