// Two ways a non-admin could learn about rows they may not read (security review, issue 10):
// L4 /permissions/me/:collection/:pk told an existing hidden item from a missing one; L9 views,
// materialized views and foreign tables served as collections have no row-level security (a
// view reads its tables with its owner's rights), so the request role gets no privilege on them.
import t, { type Test } from 'tap';
import { randomUUID } from 'node:crypto';
import { startApp, type TestResponse } from './helpers/app.js';

const app = await startApp(t);

const USER = randomUUID();
const ROLE = randomUUID();
const POLICY = randomUUID();
const reader = { token: `exposure-${USER}` };
const forbidden = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };
const forbiddenCollection = (c: string) => {
  const message = `You don't have permission to access collection "${c}" or it does not exist. Queried in root.`;
  return { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] };
};

// sx_items: the user reads the published items, and may update or delete any item (a filter
// evaluated past row-level security would tell which keys exist)
await app.sql(`
  create table sx_items (id integer primary key, title text, status text not null);
  insert into sx_items values (1, 'pub', 'published'), (2, 's-draft', 'draft');
  insert into directus_roles (id, name) values ('${ROLE}', 'sx');
  insert into directus_policies (id, name, app_access) values ('${POLICY}', 'sx', true);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${POLICY}');
  insert into directus_users (id, email, status, role, token) values ('${USER}', 'sx@example.com', 'active', '${ROLE}', '${reader.token}');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('sx_items', 'read', '{"status":{"_eq":"published"}}', '*', '${POLICY}'),
    ('sx_items', 'update', null, '*', '${POLICY}'),
    ('sx_items', 'delete', '{"status":{"_eq":"draft"}}', '*', '${POLICY}');
`);

/** Everything a request could have changed. */
const snapshot = async () => JSON.stringify(await app.sql(`select
  (select jsonb_agg(i order by id) from sx_items i) as items,
  (select count(*) from directus_activity) as activity, (select count(*) from directus_revisions) as revisions`));

const same = (t: Test, res: TestResponse, status: number, body: unknown, what: string) => t.same([res.status, res.body], [status, body], what);

t.test('L4: /permissions/me/:collection/:pk is no existence oracle', async (t) => {
  const before = await snapshot();
  same(t, await app.get('/permissions/me/sx_items/1', reader), 200,
    { data: { update: { access: true }, delete: { access: false }, share: { access: false } } }, 'a readable item: its permissions');
  const hidden = await app.get('/permissions/me/sx_items/2', reader);
  const missing = await app.get('/permissions/me/sx_items/999', reader);
  same(t, hidden, 403, forbidden, 'an existing item the user may not read: 403');
  same(t, missing, 403, forbidden, 'an item that does not exist: the same 403');
  t.equal(hidden.text, missing.text, 'byte for byte the same answer');
  same(t, await app.get('/permissions/me/sx_nothing/1', reader), 403, forbidden, 'an unknown collection: 403 too');
  same(t, await app.get('/permissions/me/sx_items', reader), 200,
    { data: { update: { access: true }, delete: { access: true }, share: { access: false } } }, 'the collection without a key: as before');
  same(t, await app.get('/permissions/me/sx_items/2'), 200,
    { data: { update: { access: true }, delete: { access: true }, share: { access: true } } }, 'an admin: everything');
  t.equal(await snapshot(), before, 'nothing changed');
});

t.test('L9: views, materialized views and foreign tables are not readable by non-admins', async (t) => {
  await app.sql(`
    create view sx_view as select id, title, status from sx_items;
    create materialized view sx_matview as select id, title, status from sx_items;
    insert into directus_permissions (collection, action, permissions, fields, policy) values
      ('sx_view', 'read', null, '*', '${POLICY}'),
      ('sx_view', 'update', null, '*', '${POLICY}'),
      ('sx_view', 'delete', null, '*', '${POLICY}'),
      ('sx_matview', 'read', null, '*', '${POLICY}');
  `);
  const before = await snapshot();
  for (const c of ['sx_view', 'sx_matview']) {
    const list = await app.get(`/items/${c}`, reader);
    same(t, list, 403, forbiddenCollection(c), `${c}: a read permission row does not make it readable (no row-level security there)`);
    t.notOk(list.text.includes('s-draft'), `${c}: no hidden row in the answer`);
    t.match(await app.get(`/items/${c}/2`, reader), { status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } }, `${c}: nor one item`);
    same(t, await app.get(`/items/sx_items?filter[id][_in]=1,2&fields=id`, reader), 200, { data: [{ id: 1 }] }, 'the table still filters by its policy');
  }
  t.match(await app.patch('/items/sx_view/2', { title: 'changed' }, reader), { status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } }, 'no write through the view');
  t.match(await app.del('/items/sx_view/2', undefined, reader), { status: 403, body: { errors: [{ extensions: { code: 'FORBIDDEN' } }] } }, 'no delete through the view');
  t.equal(await snapshot(), before, 'the refused requests changed nothing');

  const privileges = await app.sql(`select c.relname, has_table_privilege('strata_request', c.oid, 'select, insert, update, delete') as any
    from pg_class c where c.relname in ('sx_view', 'sx_matview') order by 1`);
  t.same(privileges, [{ relname: 'sx_matview', any: false }, { relname: 'sx_view', any: false }], 'strata_request holds no privilege on them');

  await app.sql('create table sx_copy as select * from sx_items');
  t.same(await app.sql("select relrowsecurity as rls from pg_class where relname = 'sx_copy'"), [{ rls: true }],
    'a table made by CREATE TABLE AS comes under row-level security too');
  same(t, await app.get('/items/sx_copy', reader), 403, forbiddenCollection('sx_copy'), 'and, without a permission row, is 403');

  const admin = await app.get('/items/sx_view?sort=id&fields=id,title');
  same(t, admin, 200, { data: [{ id: 1, title: 'pub' }, { id: 2, title: 's-draft' }] }, 'an admin reads the view');
  same(t, await app.get('/items/sx_matview?sort=id&fields=id'), 200, { data: [{ id: 1 }, { id: 2 }] }, 'and the materialized view');
});

t.test('L9: views existing when access control is (re)applied lose what the request role was granted', async (t) => {
  await app.sql(`create view sx_granted as select id, title, status from sx_items;
    grant select on sx_granted to strata_request;
    insert into directus_permissions (collection, action, permissions, fields, policy) values ('sx_granted', 'read', null, '*', '${POLICY}');`);
  await app.sql('select strata.protect_all()');
  same(t, await app.get('/items/sx_granted', reader), 403, forbiddenCollection('sx_granted'), 'its permission rows are ignored');
  const [granted] = await app.sql("select has_table_privilege('strata_request', 'sx_granted', 'select') as s");
  t.same(granted, { s: false }, 'strata.protect_all() revoked the grant');
  same(t, await app.get('/items/sx_granted?fields=id&sort=id'), 200, { data: [{ id: 1 }, { id: 2 }] }, 'admins keep access');
});
