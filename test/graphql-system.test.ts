// /graphql/system over HTTP: the system collections as items, the system's own root fields
// (server_*, users_me, roles_me, auth_*, utils_*, update_users_me), permission-shaped schemas,
// with the names, argument shapes and answers Directus 12.4 gave (test/fixtures/graphql-system.json).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { startApp } from './helpers/app.js';
import { base32Decode, totp } from '../src/auth/totp.js';
import { ScopedJwt } from '../src/auth/jwt.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/graphql-system.json', import.meta.url), 'utf8'));
const app = await startApp(t, { STRATA_AUTH_CACHE_TTL: '0' });

const POLICY = '44444444-4444-4444-8444-444444444444';
const ROLE = '55555555-5555-4555-8555-555555555555';
const API_USER = '66666666-6666-4666-8666-666666666666';
const NOBODY_POLICY = '77777777-7777-4777-8777-777777777777';
const NOBODY_ROLE = '88888888-8888-4888-8888-888888888888';
await app.sql(`
  insert into directus_roles (id, name) values ('${ROLE}', 'gqls role'), ('${NOBODY_ROLE}', 'nobody role');
  insert into directus_policies (id, name, app_access, admin_access) values ('${POLICY}', 'gqls api', false, false),
    ('${NOBODY_POLICY}', 'nobody', false, false);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${POLICY}'), (gen_random_uuid(), '${NOBODY_ROLE}', '${NOBODY_POLICY}');
  insert into directus_users (id, email, status, role, token) values ('${API_USER}', 'gqls-api@example.com', 'active', '${ROLE}', 'api-token'),
    (gen_random_uuid(), 'nobody@example.com', 'active', '${NOBODY_ROLE}', 'nobody-token');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('directus_users', 'read', null, '*', '${POLICY}'),
    ('directus_roles', 'read', null, '*', '${POLICY}'),
    ('directus_users', 'update', null, '*', '${POLICY}');
`);

const gql = (query: string, variables?: unknown, opts: { token?: string | null; headers?: Record<string, string> } = {}) =>
  app.post('/graphql/system', { query, variables }, opts);
const names = async (token: string | null, kind: 'queryType' | 'mutationType') => {
  const res = await gql(`{ __schema { ${kind} { fields { name } } } }`, undefined, { token });
  return ((res.body.data.__schema[kind]?.fields ?? []) as { name: string }[]).map((f) => f.name);
};
const otpFor = (secret: string) => totp(base32Decode(secret), Math.floor(Date.now() / 30000));
const count = async (sql: string) => (await app.sql(`select count(*)::int as n from ${sql}`))[0].n;

t.test('root fields and their arguments as Directus names them', async (t) => {
  const res = await gql('{ __schema { queryType { fields { ...f } } mutationType { fields { ...f } } } } fragment f on __Field { name type { ...t } args { name type { ...t } } } fragment t on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }');
  t.equal(res.status, 200);
  const print = (ty: any): string => (ty.kind === 'NON_NULL' ? `${print(ty.ofType)}!` : ty.kind === 'LIST' ? `[${print(ty.ofType)}]` : ty.name);
  for (const kind of ['query', 'mutation'] as const) {
    const ours = new Map<string, any>(res.body.data.__schema[`${kind}Type`].fields.map((f: any) => [f.name, f]));
    for (const [name, want] of Object.entries<any>(fixture[kind])) {
      // Strata serves no content versions: the `version` argument of Directus's reads is left out
      const wantArgs = Object.fromEntries(Object.entries(want.args).filter(([a]) => a !== 'version'));
      const f = ours.get(name);
      if (!f) {
        t.fail(`${kind} ${name} is missing`);
        continue;
      }
      t.same({ type: print(f.type), args: Object.fromEntries(f.args.map((a: any) => [a.name, print(a.type)])) }, { type: want.type, args: wantArgs }, `${kind} ${name}`);
    }
  }
});

t.test('auth_login, auth_refresh, auth_logout round trip', async (t) => {
  const login = await gql(`mutation { auth_login(email: "${app.cluster.adminEmail}", password: "${app.cluster.adminPassword}") { access_token expires refresh_token } }`, undefined, { token: null });
  t.equal(login.status, 200);
  const tokens = login.body.data.auth_login;
  t.match(tokens, { access_token: /^ey/, expires: fixture.answers.auth_login_json.data.auth_login.expires, refresh_token: /^[\w-]{64}$/ });
  t.notOk(login.body.errors);
  // the access token works
  const me = await gql('{ users_me { email role { name } } }', undefined, { token: tokens.access_token });
  t.same(me.body, { data: { users_me: { email: app.cluster.adminEmail, role: { name: 'Administrator' } } } });

  const refreshed = await gql('mutation ($t: String) { auth_refresh(refresh_token: $t, mode: json) { access_token expires refresh_token } }', { t: tokens.refresh_token }, { token: null });
  const next = refreshed.body.data.auth_refresh;
  t.match(next, { access_token: /^ey/, expires: '900000', refresh_token: /^[\w-]{64}$/ });
  t.not(next.refresh_token, tokens.refresh_token, 'the refresh token is rotated');

  const out = await gql('mutation ($t: String) { auth_logout(refresh_token: $t) }', { t: next.refresh_token }, { token: null });
  t.same(out.body, fixture.answers.auth_logout);
  t.equal(await count(`directus_sessions where token = '${next.refresh_token}'`), 0);
  const again = await gql('mutation ($t: String) { auth_refresh(refresh_token: $t) { access_token } }', { t: next.refresh_token }, { token: null });
  t.same(again.body, { ...fixture.answers.auth_refresh_after_logout, errors: again.body.errors && fixture.answers.auth_refresh_after_logout.errors.map((e: any) => ({ ...e, locations: [{ line: 1, column: 25 }] })) });

  const wrong = await gql(`mutation { auth_login(email: "${app.cluster.adminEmail}", password: "wrong") { access_token } }`, undefined, { token: null });
  t.same(wrong.body, fixture.answers.auth_login_wrong_password);
  const noToken = await gql('mutation { auth_logout }', undefined, { token: null });
  t.same(noToken.body, fixture.answers.auth_logout_without_token);
});

t.test('auth_login in session and cookie modes sets the cookie', async (t) => {
  const session = await gql(`mutation { auth_login(email: "${app.cluster.adminEmail}", password: "${app.cluster.adminPassword}", mode: session) { access_token expires refresh_token } }`, undefined, { token: null });
  t.same(session.body, fixture.answers.auth_login_session);
  const cookie = session.headers.get('set-cookie') ?? '';
  t.match(cookie, /^directus_session_token=ey[^;]+; Max-Age=86400; Path=\/; Expires=[^;]+; HttpOnly; SameSite=Lax$/);
  // the session cookie authenticates, and auth_refresh in session mode reads it
  const jar = { cookie: cookie.split(';')[0] };
  const me = await gql('{ users_me { email } }', undefined, { token: null, headers: jar });
  t.same(me.body, { data: { users_me: { email: app.cluster.adminEmail } } });

  const viaCookie = await gql(`mutation { auth_login(email: "${app.cluster.adminEmail}", password: "${app.cluster.adminPassword}", mode: cookie) { expires refresh_token } }`, undefined, { token: null });
  t.same(viaCookie.body, { data: { auth_login: { expires: '900000', refresh_token: null } } });
  const refreshCookie = (viaCookie.headers.get('set-cookie') ?? '').split(';')[0];
  t.match(refreshCookie, /^directus_refresh_token=[\w-]{64}$/);
  const refreshed = await gql('mutation { auth_refresh(mode: cookie) { access_token } }', undefined, { token: null, headers: { cookie: refreshCookie } });
  t.match(refreshed.body, { data: { auth_refresh: { access_token: /^ey/ } } });
  t.match(refreshed.headers.get('set-cookie') ?? '', /^directus_refresh_token=[\w-]{64};/);
});

t.test('server_info, server_ping, server_health', async (t) => {
  const res = await gql('{ server_ping server_info { project { project_name } rateLimit queryLimit { default max } } server_health }');
  t.equal(res.status, 200);
  t.match(res.body, { data: { server_ping: 'pong', server_info: { project: { project_name: 'Directus' }, rateLimit: false, queryLimit: { default: 100, max: -1 } }, server_health: { status: 'ok', checks: {} } } });
  // anonymous: the project alone, no health
  t.same((await gql('{ __type(name: "server_info") { fields { name } } }', undefined, { token: null })).body.data.__type.fields.map((f: any) => f.name),
    fixture.answers.public_server_info_fields.filter((f: string) => f !== 'license'));
  const health = await gql('{ server_health }', undefined, { token: null });
  t.same(health.body, fixture.answers.public_server_health);
  const pub = await gql('{ server_info { project { project_name } } }', undefined, { token: null });
  t.same(pub.body, { data: { server_info: { project: { project_name: 'Directus' } } } });
});

t.test('system collections as items: a users query with its role, aggregates, settings', async (t) => {
  const users = await gql('query { users(filter: {email: {_eq: "gqls-api@example.com"}}) { email r: role { name __typename } __typename } }');
  t.same(users.body, { data: { users: [{ email: 'gqls-api@example.com', r: { name: 'gqls role', __typename: 'directus_roles' }, __typename: 'directus_users' }] } });
  const agg = await gql('{ users_aggregated { countAll } settings { project_name } }');
  t.same(agg.body, { data: { users_aggregated: [{ countAll: await count('directus_users') }], settings: { project_name: 'Directus' } } });
  const bad = await gql('{ users { nope } }');
  t.equal(bad.status, 400);
  t.same(bad.body, fixture.answers.unknown_field);
  // the user collections are /graphql's, not /graphql/system's
  t.equal((await gql('{ directus_users { id } }')).status, 400);
});

t.test('create_roles_item, update_roles_item, delete_roles_item', async (t) => {
  const created = await gql('mutation { create_roles_item(data: {name: "GQL role", description: "d"}) { id name description __typename } }');
  t.match(created.body, { data: { create_roles_item: { id: /^[0-9a-f-]{36}$/, name: 'GQL role', description: 'd', __typename: 'directus_roles' } } });
  const id = created.body.data.create_roles_item.id;
  const updated = await gql('mutation ($id: ID!) { update_roles_item(id: $id, data: {name: "GQL role 2"}) { name } }', { id });
  t.same(updated.body, fixture.answers.update_roles_item);
  const deleted = await gql('mutation ($id: ID!) { delete_roles_item(id: $id) { id } }', { id });
  t.same(deleted.body, { data: { delete_roles_item: { id } } });
  t.equal(await count(`directus_roles where id = '${id}'`), 0);
  const unknown = await gql('mutation { create_roles_item(data: {name: "x", nope: 1}) { id } }');
  t.equal(unknown.status, 400);
  t.same(unknown.body, fixture.answers.unknown_input_field);
});

t.test('create_users_item: the password policy and hashing of REST apply', async (t) => {
  await app.sql(`update directus_settings set auth_password_policy = '/^.{8,}$/'`);
  t.teardown(() => app.sql('update directus_settings set auth_password_policy = null'));
  const short = await gql('mutation { create_users_item(data: {email: "short@example.com", password: "abc"}) { id } }');
  t.equal(short.body.data.create_users_item, null);
  t.equal(short.body.errors[0].extensions.code, 'FAILED_VALIDATION');
  t.equal(await count(`directus_users where email = 'short@example.com'`), 0);
  const ok = await gql('mutation { create_users_item(data: {email: "long@example.com", password: "long-enough"}) { email password } }');
  t.same(ok.body, { data: { create_users_item: { email: 'long@example.com', password: '**********' } } });
  t.match((await app.sql(`select password from directus_users where email = 'long@example.com'`))[0].password, /^\$argon2id\$/);
});

t.test('a non-admin: their schema holds what they may do; refused system mutations change nothing', async (t) => {
  // (the order of root fields is the catalog's)
  t.same((await names('api-token', 'queryType')).sort(), [...fixture.answers.api_user_reading_and_updating_users_query_roots].sort());
  const mutations = await names('api-token', 'mutationType');
  for (const m of fixture.answers.api_user_reading_and_updating_users_mutation_roots_extra) t.ok(mutations.includes(m), m);
  t.notOk(mutations.some((m) => /roles|policies|permissions/.test(m)), 'no role, policy or permission mutation');

  const roles = await count('directus_roles');
  const refused = await gql('mutation { create_roles_item(data: {name: "x"}) { id } }', undefined, { token: 'api-token' });
  t.equal(refused.status, 400);
  t.same(refused.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
  t.match(refused.body.errors[0].extensions.errors[0].message, /^Cannot query field "create_roles_item" on type "Mutation"\./);
  t.equal(await count('directus_roles'), roles);
  // hidden system collections can't be introspected
  t.same((await gql('{ __type(name: "directus_policies") { name } }', undefined, { token: 'api-token' })).body, { data: { __type: null } });

  const me = await gql('{ users_me { email first_name role { name } } roles_me { name } }', undefined, { token: 'api-token' });
  t.same(me.body, fixture.answers.roles_me);
  const updated = await gql('mutation { update_users_me(data: {first_name: "Appy"}) { first_name email } }', undefined, { token: 'api-token' });
  t.same(updated.body, fixture.answers.update_users_me);
  const tfa = await gql('mutation { update_users_me(data: {tfa_secret: "x"}) { email } }', undefined, { token: 'api-token' });
  t.equal(tfa.body.errors[0].extensions.code, 'INVALID_PAYLOAD');

  // a user with no system permission: Directus's bare schema
  t.same(await names('nobody-token', 'queryType'), ['server_specs_oas', 'server_specs_graphql', 'server_ping', 'server_info', 'server_health', '_empty']);
  const cache = await gql('mutation { utils_cache_clear }', undefined, { token: 'nobody-token' });
  t.same(cache.body, fixture.answers.public_utils_cache_clear);
});

t.test('the public role', async (t) => {
  t.same(await names(null, 'queryType'), fixture.answers.public_query_roots);
  t.same((await gql('{ users_me { email } }', undefined, { token: null })).body, fixture.answers.users_me_public);
  const utils = await gql('mutation { utils_random_string(length: 5) }', undefined, { token: null });
  t.match(utils.body, { data: { utils_random_string: /^[\w-]{5}$/ } });
  t.same((await gql('mutation { utils_cache_clear }', undefined, { token: null })).body, fixture.answers.public_utils_cache_clear);
  const request = await gql('mutation { auth_password_request(email: "nobody@example.com") }', undefined, { token: null });
  t.same(request.body, { data: { auth_password_request: true } });
});

t.test('admin utils and GET /graphql/system', async (t) => {
  const res = await gql('mutation { utils_random_string(length: 5) utils_cache_clear }');
  t.match(res.body, { data: { utils_random_string: /^[\w-]{5}$/, utils_cache_clear: null } });
  const hashed = await gql('mutation { utils_hash_generate(string: "abc") }');
  const hash = hashed.body.data.utils_hash_generate;
  t.match(hash, /^\$argon2id\$/);
  t.same((await gql('mutation ($h: String!) { utils_hash_verify(string: "abc", hash: $h) }', { h: hash })).body, { data: { utils_hash_verify: true } });
  const get = await app.get(`/graphql/system?query=${encodeURIComponent('{ server_ping }')}`);
  t.same(get.body, { data: { server_ping: 'pong' } });
  const sdl = await app.get('/server/specs/graphql/system');
  t.equal(sdl.status, 200);
  t.match(sdl.text, /auth_login\(email: String!, password: String!, mode: auth_mode, otp: String\): auth_tokens/);
});

t.test('users_me_tfa_generate, enable (then login needs otp), disable', async (t) => {
  await app.sql(`insert into directus_users (id, email, status, role, token, password) values
    (gen_random_uuid(), 'tfa@example.com', 'active', '${ROLE}', 'tfa-token', (select password from directus_users where email = $1))`, [app.cluster.adminEmail]);
  const wrong = await gql('mutation { users_me_tfa_generate(password: "nope") { secret } }', undefined, { token: 'tfa-token' });
  t.equal(wrong.body.errors[0].extensions.code, 'INVALID_CREDENTIALS');
  const gen = await gql(`mutation { users_me_tfa_generate(password: "${app.cluster.adminPassword}") { secret otpauth_url } }`, undefined, { token: 'tfa-token' });
  const { secret, otpauth_url } = gen.body.data.users_me_tfa_generate;
  t.match(otpauth_url, `otpauth://totp/Directus:tfa%40example.com?secret=${secret}&`);
  const badOtp = await gql('mutation ($s: String!) { users_me_tfa_enable(secret: $s, otp: "000000") }', { s: secret }, { token: 'tfa-token' });
  t.equal(badOtp.body.errors[0].extensions.code, 'INVALID_PAYLOAD');
  const on = await gql('mutation ($s: String!, $o: String!) { users_me_tfa_enable(secret: $s, otp: $o) }', { s: secret, o: otpFor(secret) }, { token: 'tfa-token' });
  t.same(on.body, { data: { users_me_tfa_enable: true } });
  const noOtp = await gql(`mutation { auth_login(email: "tfa@example.com", password: "${app.cluster.adminPassword}") { access_token } }`, undefined, { token: null });
  t.equal(noOtp.body.errors[0].extensions.code, 'INVALID_OTP');
  const withOtp = await gql(`mutation ($o: String) { auth_login(email: "tfa@example.com", password: "${app.cluster.adminPassword}", otp: $o) { access_token } }`, { o: otpFor(secret) }, { token: null });
  t.match(withOtp.body, { data: { auth_login: { access_token: /^ey/ } } });
  const off = await gql('mutation ($o: String!) { users_me_tfa_disable(otp: $o) }', { o: otpFor(secret) }, { token: 'tfa-token' });
  t.same(off.body, { data: { users_me_tfa_disable: true } });
  t.same(await app.sql(`select tfa_secret from directus_users where email = 'tfa@example.com'`), [{ tfa_secret: null }]);
});

t.test('auth_password_reset with a forged or used token changes nothing', async (t) => {
  const before = (await app.sql('select password from directus_users where email = $1', [app.cluster.adminEmail]))[0].password;
  const forged = await gql('mutation { auth_password_reset(token: "not-a-jwt", password: "x-new-password") }', undefined, { token: null });
  t.equal(forged.body.data.auth_password_reset, null);
  t.ok(['INVALID_TOKEN', 'FORBIDDEN', 'INVALID_PAYLOAD'].includes(forged.body.errors[0].extensions.code), forged.body.errors[0].extensions.code);
  t.same(await app.sql('select password from directus_users where email = $1', [app.cluster.adminEmail]), [{ password: before }]);
});

t.test('the schema API: collections, fields, relations, extensions, server_specs_graphql', async (t) => {
  const res = await gql('{ collections_by_name(name: "directus_users") { collection meta { singleton hidden } schema { name } } fields_by_name(collection: "directus_users", field: "email") { field type schema { data_type is_nullable } meta { hidden } } relations_in_collection(collection: "directus_users") { field related_collection } extensions { name } }');
  // (directus_users.avatar, without a foreign key, is listed as Directus declares it:
  // catalog/system_studio_meta.sql; the order of the list is not Directus's)
  const byField = (body: any) => ({ ...body, data: { ...body.data, relations_in_collection: [...body.data.relations_in_collection].sort((a: any, b: any) => a.field.localeCompare(b.field)) } });
  t.same(byField(res.body), byField(fixture.answers.schema_api));
  t.same((await gql('{ collections_by_name(name: "nope") { collection } }')).body, fixture.answers.collections_by_name_unknown);
  const all = await gql('{ collections { collection } fields_in_collection(collection: "directus_roles") { field } }');
  t.ok(all.body.data.collections.some((c: any) => c.collection === 'directus_users'));
  t.ok(all.body.data.fields_in_collection.some((f: any) => f.field === 'name'));
  const sdl = await gql('{ server_specs_graphql(scope: system) }');
  t.match(sdl.body.data.server_specs_graphql, /type directus_users \{/);
  // not for a user without app access
  t.equal((await gql('{ collections { collection } }', undefined, { token: 'api-token' })).status, 400);
});

t.test('secrets of system collections are no filter or sort oracle', async (t) => {
  for (const q of ['{ users(filter: {token: {_starts_with: "a"}}) { id } }', '{ users(filter: {password: {_starts_with: "$"}}) { id } }', '{ users(sort: ["tfa_secret"]) { id } }']) {
    const res = await gql(q);
    t.equal(res.body.data?.users ?? null, null, q);
    t.ok(res.body.errors?.length, q);
  }
});

t.test('permissions_me, policies_me_globals, utils_revert', async (t) => {
  t.same((await gql('{ policies_me_globals { app_access admin_access enforce_tfa } }')).body, fixture.answers.policies_me_globals_admin);
  const mine = await gql('{ permissions_me }');
  t.match(mine.body, { data: { permissions_me: { directus_users: { read: { access: 'full' }, update: { access: 'full' } } } } });
  // (Directus 12 offers it to admins and app users only)
  t.equal((await gql('{ permissions_me }', undefined, { token: 'api-token' })).status, 400);
  const nope = await gql('mutation { utils_revert(revision: "x") }');
  t.equal(nope.body.errors[0].extensions.code, 'FORBIDDEN');
});

t.test('GET may only query: a mutation is 405, nothing written', async (t) => {
  const before = await count('directus_sessions');
  const res = await app.get(`/graphql/system?query=${encodeURIComponent(`mutation { auth_login(email: "${app.cluster.adminEmail}", password: "${app.cluster.adminPassword}") { access_token } }`)}`, { token: null });
  t.equal(res.status, 405);
  t.same(res.body, fixture.answers.get_mutation);
  t.equal(await count('directus_sessions'), before);
});

t.test('users_invite (admins), users_invite_accept, users_register', async (t) => {
  const invited = await gql(`mutation { users_invite(email: "invitee@example.com", role: "${ROLE}") }`);
  t.same(invited.body, { data: { users_invite: true } });
  t.match((await app.sql(`select status, role from directus_users where email = 'invitee@example.com'`))[0], { status: 'invited', role: ROLE });
  // the mailed token (signed with the server's SECRET)
  const token = await new ScopedJwt('test-secret-test-secret-test-secret').sign({ email: 'invitee@example.com', scope: 'invite' }, 60_000);
  const accepted = await gql('mutation ($t: String!) { users_invite_accept(token: $t, password: "invitee-pass") }', { t: token }, { token: null });
  t.same(accepted.body, { data: { users_invite_accept: true } });
  const login = await gql('mutation { auth_login(email: "invitee@example.com", password: "invitee-pass") { access_token } }', undefined, { token: null });
  t.match(login.body, { data: { auth_login: { access_token: /^ey/ } } });
  const again = await gql('mutation ($t: String!) { users_invite_accept(token: $t, password: "other-pass") }', { t: token }, { token: null });
  t.equal(again.body.errors[0].extensions.code, 'INVALID_INVITE');
  // only admins have users_invite
  t.equal((await gql(`mutation { users_invite(email: "x@example.com", role: "${ROLE}") }`, undefined, { token: 'api-token' })).status, 400);

  // registration is closed unless the settings open it
  const closed = await gql('mutation { users_register(email: "reg@example.com", password: "reg-pass-1") }', undefined, { token: null });
  t.equal(closed.body.errors[0].extensions.code, 'FORBIDDEN');
  t.equal(await count(`directus_users where email = 'reg@example.com'`), 0);
  await app.sql(`update directus_settings set public_registration = true, public_registration_verify_email = false, public_registration_role = '${ROLE}'`);
  t.teardown(() => app.sql('update directus_settings set public_registration = false, public_registration_role = null'));
  const open = await gql('mutation { users_register(email: "reg@example.com", password: "reg-pass-1", first_name: "Reg") }', undefined, { token: null });
  t.same(open.body, { data: { users_register: true } });
  t.match((await app.sql(`select status, first_name, role from directus_users where email = 'reg@example.com'`))[0], { first_name: 'Reg', role: ROLE });
});

t.test('errors as Directus answers them', async (t) => {
  const a = fixture.answers;
  t.same((await gql('mutation { auth_login(email: "bad", password: "x") { access_token } }', undefined, { token: null })).body, a.auth_login_malformed_email);
  t.same((await gql('mutation { utils_random_string(length: 1000) }')).body, a.utils_random_string_too_long);
  t.same((await gql('mutation { utils_random_string(length: 0) }')).body, a.utils_random_string_too_long);
  t.same((await gql('mutation { auth_refresh { access_token } }', undefined, { token: null })).body, a.auth_refresh_without_token);
  t.same((await gql('mutation { update_users_me(data: {tfa_secret: "x"}) { id } }')).body, a.update_users_me_tfa_secret);
  t.same((await gql('mutation { users_register(email: "r@example.com", password: "x") }', undefined, { token: null })).body, a.users_register_closed);
  t.same((await gql('mutation { users_invite_accept(token: "x", password: "x") }', undefined, { token: null })).body, a.users_invite_accept_bad_token);
  t.same((await gql('mutation { auth_password_reset(token: "not-a-jwt", password: "x") }', undefined, { token: null })).body, a.auth_password_reset_bad_token);
  t.same((await gql('mutation { utils_revert(revision: "x") }')).body, a.utils_revert_bad_revision);
});
