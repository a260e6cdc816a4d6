// What the Directus Data Studio (the `@directus/app` admin app) asks of the API before and
// around its screens, answered as Directus 12.4 answers it: the login providers, the license,
// the server info, the system collections' relations (and reads through them) and the app
// metadata of the system fields and collections (recorded from the real Directus in
// test/fixtures/directus-system-*.json by scripts/record-directus-system.ts).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { startApp } from './helpers/app.js';
import { createUser } from './helpers/users.js';

const app = await startApp(t);
const recorded = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/directus-system-${name}.json`, import.meta.url), 'utf8')).data as any[];

const plain = await createUser(app, { token: 'studio-plain-token' });

t.test('the first admin user is "Admin User", as Directus names it', async (t) => {
  // (before the tests below rename the admin)
  const me = await app.get('/users/me?fields=first_name,last_name,email');
  t.same(me.body, { data: { first_name: 'Admin', last_name: 'User', email: app.cluster.adminEmail } });
});

t.test('GET /auth lists no external providers and keeps the email/password form', async (t) => {
  for (const path of ['/auth', '/auth?sessionOnly', '/auth?sessionOnly=true']) {
    const res = await app.get(path, { token: null });
    t.equal(res.status, 200, path);
    t.same(res.body, { data: [], disableDefault: false }, path);
  }
  const signedIn = await app.get('/auth?sessionOnly', { token: 'studio-plain-token' });
  t.same(signedIn.body, { data: [], disableDefault: false });
});

t.test('GET /license: admins only; what Directus 12.4 answers without a license key', async (t) => {
  const anon = await app.get('/license', { token: null });
  t.equal(anon.status, 403);
  t.equal(anon.body.errors[0].extensions.code, 'FORBIDDEN');
  const user = await app.get('/license', { token: 'studio-plain-token' });
  t.equal(user.status, 403);

  const res = await app.get('/license');
  t.equal(res.status, 200);
  const { usage, ...data } = res.body.data;
  // recorded from Directus 12.4.0 (GET /license as admin, no license key)
  t.same(data, {
    name: 'Core', editable: true, status: 'active', source: null, downgrade_reason: null, expires_at: -1,
    entitlements: {
      seats: { limit: 3 }, collections: { limit: 25 }, flows: { limit: 5 }, sso_enabled: { default: false },
      activity_historical_timeframe: { limit: 2592000 }, revision_historical_timeframe: { limit: 2592000 },
      telemetry_required: { default: true }, offline_enabled: { default: true }, custom_llms_enabled: { default: false },
      custom_permission_rules_enabled: { default: false }, display_powered_by: 'DIRECTUS', production_enabled: { default: true },
      ai_translations_enabled: { default: false },
    },
    grace_period: -1, offline: true,
  });
  t.same(Object.keys(usage), ['seats', 'collections', 'flows']);
  t.ok(usage.seats >= 2, 'the admin and the plain user are active');
  await app.post('/collections', { collection: 'studio_counted', fields: [{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } }] });
  const after = await app.get('/license');
  t.equal(after.body.data.usage.collections, usage.collections + 1, 'collections are counted');
});

t.test('/server/info: the license keys for anyone, the Directus version and features for users', async (t) => {
  const license = { source: null, entitlements: { production_enabled: true, ai_translations_enabled: false, display_powered_by: 'DIRECTUS' } };
  const anon = await app.get('/server/info', { token: null });
  t.same(Object.keys(anon.body.data), ['project', 'license']);
  t.same(anon.body.data.license, license);

  for (const token of [undefined, 'studio-plain-token']) {
    const res = await app.get('/server/info', token ? { token } : {});
    const data = res.body.data;
    // every key Directus 12.4 answers a signed-in user
    t.same(Object.keys(data).sort(), [
      'ai_enabled', 'ai_providers', 'autoSave', 'extensions', 'files', 'license', 'mcp_enabled', 'mcp_oauth_cimd_enabled',
      'mcp_oauth_dcr_enabled', 'mcp_oauth_enabled', 'project', 'project_owner_enabled', 'queryLimit', 'rateLimit', 'rateLimitGlobal', 'version', 'websocket',
    ]);
    t.equal(data.version, '12.4.0', 'the app footer names the Directus version whose API this is');
    t.same(data.license, license);
    t.same(data.files, { mimeTypeAllowList: ['*/*'] });
    t.same(data.autoSave, { revisionInterval: 300 });
    t.same([data.ai_enabled, data.mcp_enabled, data.project_owner_enabled], [false, false, false], 'features Strata lacks are off');
  }
});

t.test('the system relations Directus declares are listed', async (t) => {
  const res = await app.get('/relations');
  t.equal(res.status, 200);
  const collections = new Set((await app.get('/collections')).body.data.map((c: any) => c.collection));
  const key = (r: any) => `${r.collection}.${r.field}->${r.related_collection}.${r.meta?.one_field ?? ''}`;
  const strata = new Map<string, any>(res.body.data.map((r: any) => [key(r), r]));
  for (const r of recorded('relations')) {
    // directus_fields.group names a field of the same collection, not a key: no read follows it
    if (!collections.has(r.collection) || (r.collection === 'directus_fields' && r.field === 'group')) continue;
    const mine = strata.get(key(r));
    t.ok(mine, `${key(r)} is listed`);
    if (!mine) continue;
    const pick = (m: any) => ({ one_field: m.one_field, junction_field: m.junction_field, sort_field: m.sort_field, one_deselect_action: m.one_deselect_action, system: m.system });
    t.same(pick(mine.meta), pick(r.meta), `${key(r)} meta`);
  }
});

t.test('GET /relations lists them in Directus\'s order, the user\'s between', async (t) => {
  // Directus 12.4: the relations with a foreign key (the system ones first, in its order), then
  // those without (the user's, then the system ones); the recording keeps its order
  const key = (r: any) => `${r.collection}.${r.field}->${r.related_collection}.${r.meta?.one_field ?? ''}`;
  const theirs = recorded('relations').map(key);
  await app.post('/collections', { collection: 'studio_tags', fields: [{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
    { field: 'owner', type: 'uuid', schema: {} }, { field: 'note', type: 'integer' }] });
  t.equal((await app.post('/relations', { collection: 'studio_tags', field: 'owner', related_collection: 'directus_users' })).status, 200);
  t.equal((await app.post('/relations', { collection: 'studio_tags', field: 'note', related_collection: null, schema: null, meta: { one_field: null } })).status, 200);
  const mine = (await app.get('/relations')).body.data.map(key);
  const system = mine.filter((k: string) => theirs.includes(k));
  t.ok(system.length >= theirs.length - 1, `${system.length} of Directus's ${theirs.length} system relations listed`);
  t.strictSame(system, theirs.filter((k: string) => system.includes(k)), 'in Directus\'s order');
  const lastWithKey = Math.max(...recorded('relations').filter((r) => r.foreign_key).map((r) => mine.indexOf(key(r))));
  const firstWithout = Math.min(...recorded('relations').filter((r) => !r.foreign_key).map((r) => mine.indexOf(key(r))).filter((i) => i >= 0));
  const owner = mine.indexOf('studio_tags.owner->directus_users.');
  const note = mine.indexOf('studio_tags.note->null.');
  t.ok(lastWithKey < owner && owner < note && note < firstWithout, `${lastWithKey} < ${owner} < ${note} < ${firstWithout}`);
});

t.test('reads go through the system relations', async (t) => {
  // the admin writes an item: its activity names the admin, its revision the collection
  await app.patch('/users/me', { first_name: 'Ada' });
  const created = await app.post('/collections', { collection: 'studio_notes', fields: [{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } }, { field: 'title', type: 'string' }] });
  t.equal(created.status, 200, JSON.stringify(created.body));
  await app.post('/items/studio_notes', { title: 'hello' });
  const activity = await app.get('/activity?fields=user.first_name,user.email,revisions.collection&sort=-id&limit=1&filter[collection][_eq]=studio_notes');
  t.equal(activity.status, 200, JSON.stringify(activity.body));
  t.equal(activity.body.data[0].user.first_name, 'Ada');
  t.equal(activity.body.data[0].revisions[0].collection, 'studio_notes');

  const [file] = await app.sql("insert into directus_files (id, storage, filename_download, type) values (gen_random_uuid(), 'local', 'me.png', 'image/png') returning id");
  await app.patch('/users/me', { avatar: file.id });
  const me = await app.get('/users/me?fields=avatar.*,role.name,policies.policy.name');
  t.equal(me.status, 200, JSON.stringify(me.body));
  t.equal(me.body.data.avatar.filename_download, 'me.png');

  const revisions = await app.get('/revisions?fields=activity.user.first_name&sort=-id&limit=1');
  t.equal(revisions.body.data[0].activity.user.first_name, 'Ada');

  // a caller without read access to directus_activity still gets nothing through them
  const denied = await app.get('/activity?fields=user.first_name', { token: 'studio-plain-token' });
  t.equal(denied.status, 403);
  t.ok(plain.id);
});

t.test('system field metadata is what Directus declares', async (t) => {
  const res = await app.get('/fields');
  t.equal(res.status, 200);
  const mine = new Map<string, any>(res.body.data.filter((f: any) => f.collection.startsWith('directus_')).map((f: any) => [`${f.collection}.${f.field}`, f]));
  let compared = 0;
  let aliases = 0;
  const missing: string[] = [];
  for (const f of recorded('fields')) {
    if (!f.meta) continue;
    const m = mine.get(`${f.collection}.${f.field}`);
    if (!m) {
      missing.push(`${f.collection}.${f.field}`);
      continue;
    }
    compared++;
    if (f.type === 'alias') {
      aliases++;
      t.equal(m.type, 'alias', `${f.collection}.${f.field} is an alias`);
    }
    t.same(m.meta, f.meta, `${f.collection}.${f.field}`);
  }
  t.ok(compared > 400, `${compared} system fields compared`);
  t.ok(aliases >= 50, `${aliases} alias/presentation fields served`);
  t.same(missing, [], 'every field Directus declares exists in Strata');

  const users = await app.get('/fields/directus_users');
  const policies = users.body.data.find((f: any) => f.field === 'policies');
  t.match(policies, { type: 'alias', meta: { special: ['m2m'], interface: 'list-m2m' } });
});

t.test('system collection metadata is what Directus declares', async (t) => {
  const res = await app.get('/collections');
  const mine = new Map<string, any>(res.body.data.map((c: any) => [c.collection, c]));
  for (const c of recorded('collections')) {
    const m = mine.get(c.collection);
    if (!m) continue;
    t.same(m.meta, c.meta, c.collection);
  }
  t.equal(mine.get('directus_users').meta.icon, 'people_alt');
});

t.test('the system collections listed are Directus 12.4\'s (the app lists any other directus_* as the user\'s)', async (t) => {
  const system = (rows: any[]) => [...new Set(rows.map((r: any) => r.collection as string).filter((c) => c.startsWith('directus_')))].sort();
  const collections = await app.get('/collections');
  t.same(system(collections.body.data), system(recorded('collections')), 'GET /collections');
  const fields = await app.get('/fields');
  t.same(system(fields.body.data), system(recorded('fields')), 'GET /fields');
  // Directus 9's webhooks (no longer a Directus collection) are still served on their own route
  const hooks = await app.get('/webhooks');
  t.equal(hooks.status, 200);
  t.same(hooks.body, { data: [] });
});

t.test('$FOLLOW(collection, field) filters through an undeclared one-to-many', async (t) => {
  // the app's policies list: policies with an access row that names a role or a user
  const filter = (f: unknown) => `/policies?fields=id&sort=id&filter=${encodeURIComponent(JSON.stringify(f))}`;
  const expected = async (sql: string) => (await app.sql(sql)).map((r: any) => r.id).sort();
  const ids = (res: any) => res.body.data.map((r: any) => r.id).sort();

  const none = await app.get(filter({ '$FOLLOW(directus_access,policy)': { _none: { _and: [{ role: { _null: true } }, { user: { _null: true } }] } } }));
  t.equal(none.status, 200, JSON.stringify(none.body));
  t.same(ids(none), await expected('select id from directus_policies p where not exists (select from directus_access a where a.policy = p.id and a.role is null and a.user is null)'));

  const some = await app.get(filter({ '$FOLLOW( directus_access , policy )': { role: { _nnull: true } } }));
  t.same(ids(some), await expected('select id from directus_policies p where exists (select from directus_access a where a.policy = p.id and a.role is not null)'));
  t.ok(ids(some).length > 0);
  const someExplicit = await app.get(filter({ '$FOLLOW(directus_access,policy)': { _some: { role: { _nnull: true } } } }));
  t.same(ids(someExplicit), ids(some));

  // what can't be followed is an unknown field, never a server error
  for (const key of ['$FOLLOW(directus_access,nope)', '$FOLLOW(nope,policy)', '$FOLLOW(directus_access)', '$FOLLOW(directus_access,policy,role)', '$FOLLOW(directus_access,policy']) {
    const res = await app.get(filter({ [key]: { _none: { id: { _nnull: true } } } }));
    t.ok([400, 403].includes(res.status), `${key}: ${res.status} ${JSON.stringify(res.body)}`);
  }
  // a caller who may not read directus_access can't follow it
  const denied = await app.get(`/users/me?fields=id&filter=${encodeURIComponent(JSON.stringify({ '$FOLLOW(directus_access,user)': { _some: { id: { _nnull: true } } } }))}`, { token: 'studio-plain-token' });
  t.ok([400, 403].includes(denied.status), `${denied.status}`);
});

t.test('PATCH /users/me/track/page records the last page the app opened', async (t) => {
  const track = (body: unknown, token: string | null = 'studio-plain-token') => app.patch('/users/me/track/page', body, { token });
  const res = await track({ last_page: '/content/articles' });
  t.equal(res.status, 204, 'without any permission on directus_users, as Directus');
  t.equal(res.text, '');
  const [row] = await app.sql('select last_page from directus_users where id = $1', [plain.id]);
  t.equal(row.last_page, '/content/articles');
  t.equal((await track({ last_page: 5 })).status, 204);

  const anon = await track({ last_page: '/x' }, null);
  t.equal(anon.status, 401);
  t.equal(anon.body.errors[0].extensions.code, 'INVALID_CREDENTIALS');
  const missing = await track({});
  t.equal(missing.status, 400);
  t.equal(missing.body.errors[0].message, 'Invalid payload. "last_page" key is required.');
  const long = await track({ last_page: 'x'.repeat(300) });
  t.equal(long.status, 400);
  t.equal(long.body.errors[0].extensions.code, 'VALUE_TOO_LONG');
  t.equal((await track({ last_page: { a: 1 } })).status, 400);
  const [after] = await app.sql('select last_page, first_name from directus_users where id = $1', [plain.id]);
  t.same(after, { last_page: '5', first_name: null }, 'nothing else written');
});
