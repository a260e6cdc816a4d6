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

// POST /schema/apply against a schema that moved on since the diff (Directus 12.4's answers)
const HASH_MISMATCH = 'Provided hash does not match the current instance\'s schema hash, indicating the schema has changed after this diff was generated. Please generate a new diff and try again or use the "force" query parameter to bypass this check';

async function makeCollection(name: string, fields: string[], note: string | null = null) {
  const r = await app.post('/collections', {
    collection: name, schema: {}, meta: { note },
    fields: [{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } },
      ...fields.map((field) => ({ field, type: 'string', schema: {}, meta: {} }))],
  });
  if (r.status !== 200) throw new Error(r.text);
}
const dropCollection = async (name: string) => {
  const r = await app.del(`/collections/${name}`);
  if (r.status !== 204 && r.status !== 403) throw new Error(r.text);
};
/** the diff from the current schema to `edit(snapshot)` */
async function diffTo(edit: (s: any) => void): Promise<{ hash: string; diff: any }> {
  const snapshot = (await app.get('/schema/snapshot')).body.data;
  edit(snapshot);
  const r = await app.post('/schema/diff', snapshot);
  if (r.status !== 200) throw new Error(r.text);
  return r.body.data;
}
const fieldsOf = async (collection: string) =>
  (await app.sql<{ field: string; note: string | null }>('select field, note from directus_fields where collection = $1 order by field', [collection]));
const schemaState = () => app.sql(`select collection, field, note from directus_fields where collection like 'sa2_%'
  union all select collection, null, note from directus_collections where collection like 'sa2_%' order by 1, 2`);

t.test('schema/apply: entries that no longer apply (forced), as Directus answers them', async (t) => {
  const fresh = async () => {
    await dropCollection('sa2_c');
    await makeCollection('sa2_c', ['a', 'b']);
  };
  await fresh();
  // the diff: a's note changed, b deleted, x created
  const { hash, diff } = await diffTo((s) => {
    s.fields = s.fields.filter((f: any) => !(f.collection === 'sa2_c' && f.field === 'b'));
    const a = s.fields.find((f: any) => f.collection === 'sa2_c' && f.field === 'a');
    a.meta.note = 'changed';
    s.fields.push({ ...structuredClone(a), field: 'x', meta: { ...a.meta, field: 'x', note: null }, schema: { ...a.schema, name: 'x' } });
  });
  t.same(diff.fields.map((f: any) => [f.field, f.diff.map((d: any) => d.kind)]), [['a', ['E']], ['b', ['D']], ['x', ['N']]]);

  // a deleted since the diff: the hash says so; forced, a's change is skipped (not recreated)
  t.equal((await app.del('/fields/sa2_c/a')).status, 204);
  let before = await schemaState();
  const stale = await app.post('/schema/apply', { hash, diff });
  t.equal(stale.status, 400);
  t.same(stale.body, { errors: [{ message: `Invalid payload. ${HASH_MISMATCH}.`, extensions: { reason: HASH_MISMATCH, code: 'INVALID_PAYLOAD' } }] });
  t.same(await schemaState(), before, 'nothing applied');
  t.equal((await app.post('/schema/apply?force=true', { hash, diff })).status, 204);
  t.same(await fieldsOf('sa2_c'), [{ field: 'id', note: null }, { field: 'x', note: null }], 'b deleted, x created, a not recreated');

  // x created since the diff: creating it again is refused, and nothing else is applied
  await fresh();
  t.equal((await app.post('/fields/sa2_c', { field: 'x', type: 'integer' })).status, 200);
  before = await schemaState();
  const exists = await app.post('/schema/apply?force=true', { hash, diff });
  t.equal(exists.status, 400);
  t.same(exists.body, { errors: [{ message: 'Invalid payload. Field "x" already exists in collection "sa2_c".', extensions: { reason: 'Field "x" already exists in collection "sa2_c"', code: 'INVALID_PAYLOAD' } }] });
  t.same(await schemaState(), before, 'all or nothing');

  // b deleted since the diff: deleting it again is skipped, the rest applies
  await fresh();
  t.equal((await app.del('/fields/sa2_c/b')).status, 204);
  t.equal((await app.post('/schema/apply?force=true', { hash, diff })).status, 204);
  t.same(await fieldsOf('sa2_c'), [{ field: 'a', note: 'changed' }, { field: 'id', note: null }, { field: 'x', note: null }]);
  await dropCollection('sa2_c');
});

t.test('schema/apply: collections created, changed or deleted since the diff (forced)', async (t) => {
  const fresh = async () => {
    for (const c of ['sa2_c', 'sa2_d', 'sa2_e']) await dropCollection(c);
    await makeCollection('sa2_c', []);
    await makeCollection('sa2_e', [], 'e');
  };
  await fresh();
  // the diff: sa2_c deleted, sa2_e's note changed, sa2_d created
  const { hash, diff } = await diffTo((s) => {
    s.collections = s.collections.filter((c: any) => c.collection !== 'sa2_c');
    s.fields = s.fields.filter((f: any) => f.collection !== 'sa2_c');
    const e = s.collections.find((c: any) => c.collection === 'sa2_e');
    e.meta.note = 'e2';
    s.collections.push({ ...structuredClone(e), collection: 'sa2_d', meta: { ...e.meta, collection: 'sa2_d', note: 'd' }, schema: { name: 'sa2_d' } });
    const id = s.fields.find((f: any) => f.collection === 'sa2_e' && f.field === 'id');
    s.fields.push({ ...structuredClone(id), collection: 'sa2_d', meta: { ...id.meta, collection: 'sa2_d' }, schema: { ...id.schema, table: 'sa2_d' } });
  });
  t.same(diff.collections.map((c: any) => [c.collection, c.diff.map((d: any) => d.kind)]).sort(), [['sa2_c', ['D']], ['sa2_d', ['N']], ['sa2_e', ['E']]]);

  await makeCollection('sa2_d', []);
  let before = await schemaState();
  const exists = await app.post('/schema/apply?force=true', { hash, diff });
  t.same(exists.body, { errors: [{ message: 'Invalid payload. Collection "sa2_d" already exists.', extensions: { reason: 'Collection "sa2_d" already exists', code: 'INVALID_PAYLOAD' } }] });
  t.same(await schemaState(), before, 'nothing applied');

  await fresh();
  await dropCollection('sa2_c');
  before = await schemaState();
  t.same((await app.post('/schema/apply?force=true', { hash, diff })).body, FORBIDDEN, 'deleting a collection that is gone: forbidden, as Directus');
  t.same(await schemaState(), before, 'nothing applied');

  await fresh();
  await dropCollection('sa2_e');
  t.equal((await app.post('/schema/apply?force=true', { hash, diff })).status, 204, 'changing a collection that is gone is skipped');
  t.same(await app.sql(`select collection, note from directus_collections where collection like 'sa2_%' order by 1`), [{ collection: 'sa2_d', note: 'd' }]);
  await dropCollection('sa2_d');
});

t.test('schema/apply: a schema change committed between the hash check and the apply is caught', async (t) => {
  await makeCollection('sa2_k', ['a', 'b']);
  const noteOnB = (s: any) => {
    s.fields.find((f: any) => f.collection === 'sa2_k' && f.field === 'b').meta.note = 'from the diff';
  };
  /** applies `body` while `change` runs in a transaction held open until the apply waits for the schema lock */
  const raced = async (change: string, body: unknown) => (await app.db.transaction(async (q) => {
    await q(change);
    const answer = app.post('/schema/apply', body);
    // the apply read the schema (not seeing this change) and now waits for the version's row lock
    let waiting = 0;
    for (let i = 0; i < 5000 && waiting === 0; i++) {
      waiting = (await app.sql<{ n: number }>(`select count(*)::int as n from pg_stat_activity
        where wait_event_type = 'Lock' and query like '%lock_schema_version%'`))[0].n;
    }
    if (waiting === 0) throw new Error('the apply never waited for the schema lock');
    return { answer }; // not the promise itself: the transaction must commit before it settles
  })).answer;

  // a change the snapshot sees: the hash no longer matches, nothing of the diff is applied
  const caught = await raced(`update directus_fields set note = 'concurrent' where collection = 'sa2_k' and field = 'a'`, await diffTo(noteOnB));
  t.equal(caught.status, 400);
  t.equal(caught.body.errors[0].extensions.reason, HASH_MISMATCH);
  t.same(await fieldsOf('sa2_k'), [{ field: 'a', note: 'concurrent' }, { field: 'b', note: null }, { field: 'id', note: null }]);

  // a change outside the snapshot (a table without Directus meta): the apply goes ahead after it
  const applied = await raced('create table sa2_plain (id integer)', await diffTo(noteOnB));
  t.equal(applied.status, 204, applied.text);
  t.same(await fieldsOf('sa2_k'), [{ field: 'a', note: 'concurrent' }, { field: 'b', note: 'from the diff' }, { field: 'id', note: null }]);
});

t.test('presets: app access rules (Directus 11 with app-access policies)', async (t) => {
  const APP_ROLE = '55555555-5555-4555-8555-555555555555';
  const APP_POLICY = '56565656-5656-4565-8565-565656565656';
  const APP_USER = '57575757-5757-4757-8757-575757575757';
  const NOAPP_USER = '58585858-5858-4858-8858-585858585858';
  await app.sql(`
    insert into directus_roles (id, name) values ('${APP_ROLE}', 'App');
    insert into directus_policies (id, name, app_access) values ('${APP_POLICY}', 'App', true);
    insert into directus_access (id, role, policy) values (gen_random_uuid(), '${APP_ROLE}', '${APP_POLICY}');
    insert into directus_users (id, email, status, token, role) values
      ('${APP_USER}', 'app@example.com', 'active', 'app-token', '${APP_ROLE}'),
      ('${NOAPP_USER}', 'noapp@example.com', 'active', 'noapp-token', null)`);
  const appUser = { token: 'app-token' };
  const noApp = { token: 'noapp-token' };
  const presets = () => app.sql('select id, bookmark, "user", role, collection from directus_presets order by id');
  const before = await presets();

  // without app access: no presets at all
  const noRead = await app.get('/presets', noApp);
  t.equal(noRead.status, 403);
  t.equal(noRead.body.errors[0].extensions.code, 'FORBIDDEN');
  t.equal((await app.post('/presets', { bookmark: 'n', user: NOAPP_USER, collection: 'notes' }, noApp)).status, 403);

  // with it: a preset for another user fails the "user is you" validation
  const mustBeMe = {
    errors: [{
      message: `Validation failed for field "user". Value has to be "${APP_USER}".`,
      extensions: { field: 'user', path: [], type: 'eq', valid: APP_USER, code: 'FAILED_VALIDATION' },
    }],
  };
  const forOther = await app.post('/presets', { bookmark: 'x', user: NOAPP_USER, collection: 'notes' }, appUser);
  t.equal(forOther.status, 400);
  t.same(forOther.body, mustBeMe);
  t.same(await presets(), before, 'refusals wrote nothing');

  const own = await app.post('/presets?fields=id,user', { bookmark: 'own', user: APP_USER, collection: 'notes' }, appUser);
  t.equal(own.status, 200, own.text);
  t.same(own.body.data.user, APP_USER);
  const id = own.body.data.id;
  const mine = await presets();
  for (const change of [{ user: NOAPP_USER }, { user: null, role: APP_ROLE }, { user: null }]) {
    const r = await app.patch(`/presets/${id}`, change, appUser);
    t.equal(r.status, 400, JSON.stringify(change));
    t.same(r.body, mustBeMe);
  }
  t.same(await presets(), mine, 'their preset is still theirs');

  // as in Directus, the rule only looks at a submitted `user`: without one, an app user's preset
  // is their role's, or everyone's (the Data Studio's role and global defaults)
  const forRole = await app.post('/presets?fields=bookmark,user,role', { bookmark: 'role default', role: APP_ROLE, collection: 'notes' }, appUser);
  t.same([forRole.status, forRole.body], [200, { data: { bookmark: 'role default', user: null, role: APP_ROLE } }]);
  const global = await app.post('/presets?fields=bookmark,user,role', { bookmark: 'global default', collection: 'notes' }, appUser);
  t.same([global.status, global.body], [200, { data: { bookmark: 'global default', user: null, role: null } }]);
  // which they then may not change or delete (update and delete are limited to their own)
  const [row] = await app.sql<{ id: number }>(`select id from directus_presets where bookmark = 'global default'`);
  // (Directus 12.4's words, asked of it with an app-access user and a global preset)
  const updateRefused = 'You don\'t have permissions to perform "update" for the field(s) "bookmark" in collection "directus_presets" or it does not exist.';
  const deleteRefused = 'You don\'t have permission to perform "delete" for collection "directus_presets" or it does not exist.';
  t.same((await app.patch(`/presets/${row.id}`, { bookmark: 'changed' }, appUser)).body, { errors: [{ message: updateRefused, extensions: { reason: updateRefused, code: 'FORBIDDEN' } }] });
  t.same((await app.del(`/presets/${row.id}`, undefined, appUser)).body, { errors: [{ message: deleteRefused, extensions: { reason: deleteRefused, code: 'FORBIDDEN' } }] });
  t.equal((await app.sql(`select bookmark from directus_presets where id = $1`, [row.id]))[0].bookmark, 'global default');
});
