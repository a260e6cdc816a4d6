// The trust boundary, checked in PostgreSQL itself (README "Security"): what the request roles
// may execute and select, what a missing or forged context is worth, which role admin requests
// run as, that a request's settings end with its transaction, and the regressions of the
// review's critical finding (prototype pollution turned into SQL text).
import t from 'tap';
import { asRole } from './helpers/as-role.js';
import { startApp } from './helpers/app.js';
import { createUser } from './helpers/users.js';
import { connect, CONTEXT, contextParams, requestRoles } from '../src/db/client.js';
import { WirePool } from '../src/db/wire/pool.js';
import { parseUrl } from '../src/db/wire/url.js';
import { clientIpResolver } from '../src/http/client-ip.js';
import type { Accountability } from '../src/types.js';

const app = await startApp(t);
const url = `postgres://postgres@127.0.0.1:${app.cluster.port}/${app.dbName}`;

/** Runs statements as a role (and a request's accountability), rolled back: rows or the error message. */
const as = (role: string, context: string | null, text: string) => asRole(app.db, role, text, context);

const anonymous = JSON.stringify({ user: null, role: null, roles: [], policies: [], admin: false, app: false });

t.test('strata_request executes no internal function', async (t) => {
  // every security-definer function the request role can run, by name: a new one must be added
  // here on purpose, after checking it can't be used to gain anything
  const rows = await app.sql<{ name: string }>(`
    select p.proname as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'strata' and p.prosecdef and has_function_privilege('strata_request', p.oid, 'execute')
    order by 1`);
  t.same([...new Set(rows.map((r) => r.name))], [
    'bump_schema_version', 'check_created', 'check_remaining_admins', 'check_role_nesting', 'check_user_payload', 'check_write',
    'collection_readable', 'field_mask', 'item_permissions', 'link_revisions', 'permissions_me',
    'permitted_fields', 'policies_me_globals', 'project_info', 'revision_kinds',
    // revision_ref: like field_mask, SQL text built from the caller's own read permissions
    'revision_ref', 'secret_mask', 'share_visible', 'user_delete_prepare',
    'write_grants',
  ], 'only the checks and answers requests need');
  const definers = rows.map((r) => r.name);
  for (const internal of ['session_login', 'session_refresh', 'access_for_user', 'access_for_token', 'bootstrap_admin',
    'password_reset', 'invite_accept', 'register_verify', 'login_suspend', 'protect', 'sync_policies', 'grant_table', 'run_ddl',
    'create_collection', 'create_field', 'delete_collection', 'access_for_share', 'share_login', 'share_info', 'share_password']) {
    t.notOk(definers.includes(internal), `${internal} is not executable`);
    const [{ ok }] = await app.sql<{ ok: boolean }>(`select bool_or(has_function_privilege('strata_request', p.oid, 'execute')) as ok
      from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'strata' and p.proname = $1`, [internal]);
    t.equal(ok, false, `strata_request may not execute strata.${internal}`);
  }
  const [{ ok: publicOk }] = await app.sql<{ ok: boolean }>(`select bool_or(has_function_privilege('public', p.oid, 'execute')) as ok
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace where n.nspname = 'strata'`);
  t.equal(publicOk, false, 'PUBLIC executes nothing in schema strata');
  const [{ ok: adminDdl }] = await app.sql<{ ok: boolean }>(`select has_function_privilege('strata_admin', 'strata.create_collection(json)', 'execute') as ok`);
  t.equal(adminDdl, true, 'strata_admin changes the schema through the schema functions');
  const [creds] = await app.sql<{ request: boolean; admin: boolean }>(`select has_table_privilege('strata_request', 'strata.role_credentials', 'select') as request,
    has_table_privilege('strata_admin', 'strata.role_credentials', 'select') as admin`);
  t.same(creds, { request: false, admin: false }, 'the request roles cannot read their passwords');

  const admin = await app.sql<{ id: string }>("select id from directus_users where email = 'admin@example.com'");
  const res = await as('strata_request', anonymous,
    `select strata.session_login('${admin[0].id}'::uuid, 'stolen', 86400000, null, null, null)`);
  t.match(String(res), /permission/, 'calling session_login directly is refused');
  t.same(await app.sql("select count(*)::int as n from directus_sessions where token = 'stolen'"), [{ n: 0 }]);
});

t.test('secret columns are not selectable by strata_request, whatever RLS shows', async (t) => {
  await createUser(app, { token: 'some-static-token', tfaSecret: 'JBSWY3DPEHPK3PXP' });
  const full = JSON.stringify({ user: null, role: null, roles: [], policies: [], admin: false, app: false });
  // RLS off for the check: only the column privileges stand between the role and the secrets
  for (const column of ['password', 'token', 'tfa_secret', 'auth_data']) {
    const res = await as('strata_request', full, `select ${column} from directus_users`);
    t.match(String(res), /permission/, `select ${column}: permission denied`);
  }
  t.match(String(await as('strata_request', full, 'select * from directus_users')), /permission/, 'select * too');
  t.same(await as('strata_request', full, 'select count(id)::int as n from directus_users'), [{ n: 0 }], 'other columns are selectable (rows by RLS)');
  const [{ n }] = await app.sql<{ n: number }>(`select count(*)::int as n from information_schema.column_privileges
    where grantee = 'strata_request' and table_name = 'directus_users' and privilege_type = 'SELECT'
      and column_name in ('password', 'token', 'tfa_secret', 'auth_data')`);
  t.equal(n, 0, 'no SELECT grant on any secret column');

  // a column added later with plain SQL is readable; one marked conceal stops being
  await app.sql('create table notes (id serial primary key, body text)');
  await app.sql('alter table notes add column pin text');
  const grants = async () => (await app.sql<{ column_name: string }>(`select column_name from information_schema.column_privileges
    where grantee = 'strata_request' and table_name = 'notes' and privilege_type = 'SELECT' order by column_name`)).map((r) => r.column_name);
  t.same(await grants(), ['body', 'id', 'pin'], 'a column added with plain SQL is granted at once');
  const patched = await app.patch('/fields/notes/pin', { meta: { special: ['conceal'] } });
  t.equal(patched.status, 200);
  t.same(await grants(), ['body', 'id'], 'marked conceal: no longer selectable');
});

t.test('admin requests run as strata_admin, which bypasses RLS but is not a superuser', async (t) => {
  const admin: Accountability = { user: null, role: null, roles: [], policies: [], admin: true, app: true, ip: '127.0.0.1', userAgent: null, origin: null };
  const db = connect(url, 1, { roles: await requestRoles(url) });
  t.teardown(() => db.close());
  const who = JSON.parse((await db.request(admin, `select json_build_object('user', current_user, 'super', r.rolsuper, 'bypass', r.rolbypassrls)::text
    from pg_roles r where r.rolname = current_user`, []))!);
  t.same(who, { user: 'strata_admin', super: false, bypass: true });
  const file = await db.request(admin, "select pg_read_file('/etc/passwd')", []).catch((e) => e);
  t.equal(file.code, 'FORBIDDEN', 'reading server files is refused');
  const copy = await db.request(admin, "copy (select 1) to program 'true'", []).catch((e) => e);
  t.ok(copy instanceof Error, 'COPY TO PROGRAM is refused');
  // the gateway logs in as the request roles: no SQL run by a request can switch back to the
  // installing (superuser) role, or from strata_request to strata_admin
  const role = await db.request(admin, "select set_config('role', 'postgres', true)", []).catch((e) => e);
  t.equal(role.code, 'FORBIDDEN', 'strata_admin cannot switch to the connecting role');
  const anon: Accountability = { ...admin, admin: false };
  for (const target of ['postgres', 'strata_admin']) {
    const r = await db.request(anon, `select set_config('role', '${target}', true)`, []).catch((e) => e);
    t.equal(r.code, 'FORBIDDEN', `strata_request cannot switch to ${target}`);
  }
  t.equal(await db.request(anon, "select session_user::text || ' ' || current_user::text", []), 'strata_request strata_request', 'requests log in as their role');
});

t.test('a missing, broken or forged context is never admin in strata_request', async (t) => {
  const claims = async (context: string | null) => as('strata_request', context, 'select strata.accountability() as a');
  t.same(await claims(null), [{ a: { user: null, role: null, roles: [], policies: [], admin: false, app: false } }], 'missing: anonymous, no policies');
  t.same(await claims('{not json'), [{ a: { user: null, role: null, roles: [], policies: [], admin: false, app: false } }], 'unparsable: the same');
  const forged = (await claims(JSON.stringify({ user: null, role: null, roles: [], policies: [], admin: true, app: true }))) as { a: { admin: boolean } }[];
  t.equal(forged[0].a.admin, false, 'an admin claim set by the request role is ignored');
  const dba = (await as('postgres', null, 'select strata.accountability() as a')) as { a: { admin: boolean } }[];
  t.equal(dba[0].a.admin, true, 'a DBA in psql (no context, a role that sees every row) is admin');
});

t.test('the request context is transaction-local: nothing outlives the request on its connection', async (t) => {
  const pool = new WirePool(parseUrl(url), 1);
  t.teardown(() => pool.end(5));
  const user: Accountability = { user: '00000000-0000-4000-8000-000000000001', role: null, roles: [], policies: [], admin: false, app: false, ip: '127.0.0.1', userAgent: null, origin: null };
  const during = await pool.run([
    { text: CONTEXT, params: contextParams(user) },
    { text: "select current_user || ' ' || (current_setting('strata.accountability', true)::jsonb ->> 'user')", params: [] },
  ], 1);
  t.equal(during!.toString(), 'strata_request 00000000-0000-4000-8000-000000000001');
  const after = await pool.run([{ text: "select current_user || ' ' || coalesce(nullif(current_setting('strata.accountability', true), ''), '-') || ' ' || coalesce(nullif(current_setting('strata.policies', true), ''), '-')", params: [] }], 0);
  t.equal(after!.toString(), 'postgres - -', 'the next statement on the same connection has neither the role nor the claims nor their policies');
});

t.test('request data never becomes SQL text (prototype pollution → SQL injection → admin session)', async (t) => {
  const user = await createUser(app);
  const login = await app.post('/auth/login', { email: user.email, password: user.password }, { token: null });
  const token = login.body.data.access_token;
  const [admin] = await app.sql<{ id: string }>("select id from directus_users where email = 'admin@example.com'");
  const sessions = async () => (await app.sql<{ n: number }>('select count(*)::int as n from directus_sessions'))[0].n;
  const before = await sessions();
  const payload = encodeURIComponent(`session_login('${admin.id}','tok',now()+interval '1 day',null,null,null), $1::text, $2, $3::jsonb, $4, $5::jsonb, $6::jsonb --`);
  const res = await app.patch(`/users/me?__proto__[fn]=${payload}`, { first_name: 'x' }, { token });
  t.equal(res.status, 400);
  t.equal(res.body.errors[0].extensions.code, 'INVALID_QUERY');
  t.equal(({} as Record<string, unknown>).fn, undefined, 'Object.prototype untouched');
  t.equal(await sessions(), before, 'no session was created');
  t.same(await app.sql("select first_name from directus_users where id = $1", [user.id]), [{ first_name: null }], 'nothing written');

  const crash = await app.get('/items/anything?__proto__[a]=1', { token: null });
  t.equal(crash.status, 400, 'anonymous pollution attempt: a 400, not a crash');
  t.equal((await app.get('/server/ping')).status, 200, 'the server still answers');
  for (const q of ['constructor[prototype][x]=1', 'filter[__proto__][admin]=1', 'a[b][prototype]=1']) {
    const r = await app.get(`/items/anything?${q}`, { token: null });
    t.equal(r.status, 400, `${q}: refused`);
  }
  const body = await app.request('PATCH', '/users/me', { raw: '{"first_name":"y","__proto__":{"fn":"x"}}', contentType: 'application/json', token });
  t.same([body.status, body.body.errors[0].extensions.code], [400, 'INVALID_PAYLOAD'], 'a JSON body with __proto__ is refused');
  const escaped = await app.request('PATCH', '/users/me', { raw: '{"\\u005f_proto__":{"fn":"x"}}', contentType: 'application/json', token });
  t.equal(escaped.status, 400, 'also written with a \\u escape');
  t.same(await app.sql("select first_name from directus_users where id = $1", [user.id]), [{ first_name: null }], 'nothing written');
  const cookie = await app.get('/server/info', { token: null, headers: { cookie: '__proto__=x; constructor=y' } });
  t.equal(cookie.status, 200, 'cookies named after prototype machinery are ignored');
});

t.test('IP_TRUST_PROXY decides how far X-Forwarded-For is believed', async (t) => {
  const headers = { 'x-forwarded-for': '6.6.6.6, 10.0.0.5' };
  t.equal(clientIpResolver(false, false)('10.0.0.9', headers), '10.0.0.9', 'false: the socket peer');
  t.equal(clientIpResolver(true, false)('10.0.0.9', headers), '6.6.6.6', 'true: the leftmost address');
  t.equal(clientIpResolver(1, false)('10.0.0.9', headers), '10.0.0.5', '1 hop: the address the nearest proxy saw');
  t.equal(clientIpResolver(['10.0.0.0/8'], false)('10.0.0.9', headers), '6.6.6.6', 'trusted proxies are skipped');
  t.equal(clientIpResolver(['10.0.0.9'], false)('10.0.0.9', headers), '10.0.0.5', 'an untrusted hop is the client');
  t.equal(clientIpResolver(['10.0.0.0/8'], false)('192.168.1.1', headers), '192.168.1.1', 'a peer that is not a trusted proxy is the client');
  t.equal(clientIpResolver(true, 'cf-connecting-ip')('10.0.0.9', { 'cf-connecting-ip': '7.7.7.7' }), '7.7.7.7', 'IP_CUSTOM_HEADER');
});

t.test('statements are bounded by STRATA_STATEMENT_TIMEOUT', async (t) => {
  const db = connect(url, 1, { statementTimeoutMs: 200, roles: await requestRoles(url) });
  t.teardown(() => db.close());
  const user: Accountability = { user: null, role: null, roles: [], policies: [], admin: false, app: false, ip: '127.0.0.1', userAgent: null, origin: null };
  const started = Date.now();
  const err = await db.request(user, 'select pg_sleep(5)', []).catch((e) => e);
  t.equal(err.code, 'SERVICE_UNAVAILABLE');
  t.ok(Date.now() - started < 2000, 'cancelled by the timeout');
});
