// Adversarial cases for tokens, sessions, password resets, invitations, registration, revisions
// and dynamic variables: the classes of Directus's security advisories that apply to Strata
// (reusable reset links, reset-URL host injection, refresh-token reuse, tokens that outlive a
// demotion, lookups that match more than one token, hashes in revisions or filters, privilege
// changes through /users/me or /users/register). Cases already in test/auth.test.ts and
// test/users-auth.test.ts are not repeated. Every refusal also checks that the database did not
// change.
import t from 'tap';
import { createHmac, randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt } from 'jose';
import { startApp } from './helpers/app.js';
import { createUser, type TestUser } from './helpers/users.js';
import { startSmtp } from './helpers/smtp.js';

const SECRET = 'test-secret-test-secret-test-secret';
const smtp = await startSmtp(t);
const app = await startApp(t, {
  ...smtp.env, STRATA_AUTH_CACHE_TTL: '0', PUBLIC_URL: 'http://strata.example',
  PASSWORD_RESET_URL_ALLOW_LIST: 'https://app.example/reset', USER_INVITE_URL_ALLOW_LIST: 'https://app.example/invite',
  USER_REGISTER_URL_ALLOW_LIST: 'https://app.example/verify', RATE_LIMITER_REGISTRATION_ENABLED: 'false', REGISTER_STALL_TIME: '0',
});

const error = (code: string, message: string, ext: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { ...ext, code } }] });
const forbidden = error('FORBIDDEN', "You don't have permission to access this.");
const invalidCredentials = error('INVALID_CREDENTIALS', 'Invalid user credentials.');
const invalidToken = error('INVALID_TOKEN', 'Invalid token.');
const invalidInvite = error('INVALID_INVITE', 'This invite is no longer valid.');
const invalidPayload = (reason: string) => error('INVALID_PAYLOAD', `Invalid payload. ${reason}.`, { reason });
const codeOf = (res: { body: any }) => res.body?.errors?.[0]?.extensions?.code;
const now = () => Math.floor(Date.now() / 1000);
const sign = (payload: Record<string, unknown>, secret = SECRET, alg = 'HS256') =>
  new SignJWT(payload).setProtectedHeader({ alg, typ: 'JWT' }).sign(new TextEncoder().encode(secret));
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
/** HS256 by hand (WebCrypto refuses an empty key) */
const hs256 = (payload: object, key: string) => {
  const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(payload)}`;
  return `${input}.${createHmac('sha256', key).update(input).digest('base64url')}`;
};
const login = (email: string, password: string, extra = {}) => app.post('/auth/login', { email, password, ...extra }, { token: null });
const userRow = async (id: string) => (await app.sql('select * from directus_users where id = $1', [id]))[0];
const sessionCount = async () => Number((await app.sql('select count(*)::int as n from directus_sessions'))[0].n);
const settle = () => new Promise((r) => setTimeout(r, 150));
/** Set-Cookie value of one cookie */
const cookieValue = (res: { headers: Headers }, name: string) =>
  decodeURIComponent(res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`))?.split(';')[0].slice(name.length + 1) ?? '');

/** A digest of everything an auth flow could change, to check that a refusal changed nothing. */
const snapshot = async () => (await app.sql(`select md5(string_agg(t, '|' order by t)) as h from (
  select 'u' || u::text as t from directus_users u union all select 's' || s::text from directus_sessions s
  union all select 'a' || a.id::text || a.action from directus_activity a union all select 'l' || l::text from strata.login_attempts l
  union all select 'x' || x::text from directus_access x union all select 'p' || p::text from directus_policies p
  union all select 'o' || r::text from directus_roles r union all select 'm' || m::text from directus_permissions m
  union all select 'r' || count(*)::text from directus_revisions) z`))[0].h;

// A member role (app access, no admin) whose users may edit their own name, email and password
// and read every user, and an admin role.
const MEMBER_ROLE = randomUUID();
const MEMBER_POLICY = randomUUID();
await app.sql(`
  insert into directus_roles (id, name) values ('${MEMBER_ROLE}', 'Members');
  insert into directus_policies (id, name, app_access, admin_access) values ('${MEMBER_POLICY}', 'Members', true, false);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${MEMBER_ROLE}', '${MEMBER_POLICY}');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('directus_users', 'update', '{"id":{"_eq":"$CURRENT_USER"}}', 'first_name,last_name,email,password', '${MEMBER_POLICY}'),
    ('directus_users', 'read', null, '*', '${MEMBER_POLICY}');
`);
const [admin] = await app.sql<{ id: string; role: string }>('select id, role from directus_users where email = $1', [app.cluster.adminEmail]);
const ADMIN_ROLE = admin.role;

async function member(opts: { token?: string } = {}): Promise<TestUser & { token?: string }> {
  const u = await createUser(app, { token: opts.token });
  await app.sql('update directus_users set role = $1 where id = $2', [MEMBER_ROLE, u.id]);
  return { ...u, token: opts.token };
}
async function adminUser(): Promise<TestUser> {
  const u = await createUser(app);
  await app.sql('update directus_users set role = $1 where id = $2', [ADMIN_ROLE, u.id]);
  return u;
}
async function resetTokenFor(email: string): Promise<string> {
  const res = await app.post('/auth/password/request', { email }, { token: null });
  if (res.status !== 204) throw new Error(`password request: ${res.status} ${res.text}`);
  return (await smtp.next()).token!;
}

t.test('tokens are not interchangeable: refresh, access, session and mailed tokens each work only where they belong', async (t) => {
  const m = await member();
  const json = (await login(m.email, m.password)).body.data;
  const sessionJwt = cookieValue(await login(m.email, m.password, { mode: 'session' }), 'directus_session_token');
  const reset = await resetTokenFor(m.email);
  const before = await snapshot();
  const cases: [string, Promise<{ status: number; body: any }>, number, object][] = [
    ['refresh token as a bearer token', app.get('/users/me', { token: json.refresh_token }), 401, invalidCredentials],
    ['access token as a refresh token', app.post('/auth/refresh', { refresh_token: json.access_token }, { token: null }), 401, invalidCredentials],
    ['session JWT as a refresh token', app.post('/auth/refresh', { refresh_token: sessionJwt }, { token: null }), 401, invalidCredentials],
    ['password-reset token as a bearer token', app.get('/users/me', { token: reset }), 403, invalidToken],
    ['access token as a password-reset token', app.post('/auth/password/reset', { token: json.access_token, password: 'hijack-1' }, { token: null }), 403, forbidden],
    ['session JWT as a password-reset token', app.post('/auth/password/reset', { token: sessionJwt, password: 'hijack-2' }, { token: null }), 403, forbidden],
    ['access token as an invite token', app.post('/users/invite/accept', { token: json.access_token, password: 'hijack-3' }, { token: null }), 403, forbidden],
    ['password-reset token as an invite token', app.post('/users/invite/accept', { token: reset, password: 'hijack-4' }, { token: null }), 403, forbidden],
    ['a refresh token that is a SQL pattern', app.post('/auth/refresh', { refresh_token: '%' }, { token: null }), 401, invalidCredentials],
    ['a refresh token given as an object', app.post('/auth/refresh', { refresh_token: { _neq: '' } }, { token: null }), 401, invalidCredentials],
  ];
  for (const [name, pending, status, body] of cases) {
    const res = await pending;
    t.same([res.status, res.body], [status, body], name);
  }
  t.equal(await snapshot(), before, 'nothing changed');
});

t.test('refresh tokens: reuse after rotation is refused in every mode, and two concurrent refreshes rotate once', async (t) => {
  const m = await member();
  const oldCookie = cookieValue(await login(m.email, m.password, { mode: 'cookie' }), 'directus_refresh_token');
  const rotated = await app.post('/auth/refresh', undefined, { token: null, headers: { cookie: `directus_refresh_token=${oldCookie}` } });
  t.equal(rotated.status, 200);
  const before = await snapshot();
  const reuse = await app.post('/auth/refresh', undefined, { token: null, headers: { cookie: `directus_refresh_token=${oldCookie}` } });
  t.same([reuse.status, reuse.body], [401, invalidCredentials], 'cookie mode: the rotated-out cookie is refused');
  t.equal(await snapshot(), before, 'and creates no session');

  const { refresh_token } = (await login(m.email, m.password)).body.data;
  const sessions = await sessionCount();
  const [a, b] = await Promise.all([0, 1].map(() => app.post('/auth/refresh', { refresh_token }, { token: null })));
  t.same([a.status, b.status].sort(), [200, 401], 'json mode: exactly one of two concurrent refreshes wins');
  t.equal(await sessionCount(), sessions, 'still one session');
});

t.test('sessions end with the password or email they were opened with', async (t) => {
  const m = await member();
  const cookie = cookieValue(await login(m.email, m.password, { mode: 'session' }), 'directus_session_token');
  const headers = { cookie: `directus_session_token=${cookie}` };
  t.equal((await app.get('/users/me?fields=id', { token: null, headers })).status, 200, 'the session works');
  const changed = await app.patch('/users/me', { password: 'new-member-password' }, { token: null, headers });
  t.equal(changed.status, 200, `the user changes their password through the session: ${changed.text.slice(0, 300)}`);
  const after = await app.get('/users/me?fields=id', { token: null, headers });
  t.same([after.status, after.body], [401, invalidCredentials], 'the session cookie stops working');
  const refresh = await app.post('/auth/refresh', { mode: 'session' }, { token: null, headers });
  t.same([refresh.status, refresh.body], [401, invalidCredentials], 'and refreshes nothing');

  const other = await member();
  const otherCookie = cookieValue(await login(other.email, other.password, { mode: 'session' }), 'directus_session_token');
  await app.sql('update directus_users set email = $2 where id = $1', [other.id, `moved-${other.email}`]);
  const moved = await app.get('/users/me?fields=id', { token: null, headers: { cookie: `directus_session_token=${otherCookie}` } });
  t.same([moved.status, moved.body], [401, invalidCredentials], 'an email change (even by plain SQL) ends the session');
});

t.test('JWTs: forged algorithms, foreign keys, malformed ids and claims the database no longer backs', async (t) => {
  const claims = { id: admin.id, role: ADMIN_ROLE, app_access: true, admin_access: true, iat: now(), exp: now() + 600, iss: 'directus' };
  const before = await snapshot();
  const forged: [string, string, number, object][] = [
    ['alg "None"', `${b64({ alg: 'None', typ: 'JWT' })}.${b64(claims)}.`, 403, invalidToken],
    ['alg "NONE"', `${b64({ alg: 'NONE' })}.${b64(claims)}.`, 403, invalidToken],
    ['alg HS256 without a signature', `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}.`, 403, invalidToken],
    ['signed with an empty key', hs256(claims, ''), 403, invalidToken],
    ['signed with the secret as HS384', await sign(claims, SECRET, 'HS384'), 403, invalidToken],
    ['a jku header pointing elsewhere', await new SignJWT(claims).setProtectedHeader({ alg: 'HS256', jku: 'https://evil.example/keys' } as never).sign(new TextEncoder().encode('evil-evil-evil-evil-evil-evil-evil')), 403, invalidToken],
    ['issued by someone else, right key', await sign({ ...claims, iss: 'evil' }), 401, invalidCredentials],
    ['not yet valid (nbf in an hour)', await sign({ ...claims, nbf: now() + 3600 }), 403, invalidToken],
  ];
  for (const [name, token, status, body] of forged) {
    const res = await app.get('/users?limit=1', { token });
    t.same([res.status, res.body], [status, body], name);
    const write = await app.post('/users/invite', { email: 'forged@example.com', role: MEMBER_ROLE }, { token });
    t.equal(write.status, status, `${name}: no admin write`);
  }
  t.equal(await snapshot(), before, 'nothing changed');

  // Tokens only the holder of SECRET could mint: still never a 500 or a database message.
  for (const id of ['not-a-uuid', "'; select 1; --", randomUUID()]) {
    const token = await sign({ ...claims, id });
    const res = await app.get('/server/info', { token });
    t.ok([401, 403].includes(res.status), `a signed token for user id ${JSON.stringify(id)}: ${res.status} ${res.text.slice(0, 200)}`);
    t.notOk(/uuid|syntax|sql/i.test(res.text), 'no database error text');
  }
});

t.test('a demoted admin loses admin access at once, with their JWT and with their static token', async (t) => {
  const u = await adminUser();
  await app.sql('update directus_users set token = $2 where id = $1', [u.id, `static-${u.id}`]);
  const jwt = (await login(u.email, u.password)).body.data.access_token;
  t.equal(decodeJwt(jwt).admin_access, true, 'the token says admin');
  t.equal((await app.get('/revisions?limit=1', { token: jwt })).status, 200, 'admin before');
  const demote = await app.patch(`/users/${u.id}`, { role: MEMBER_ROLE });
  t.equal(demote.status, 200, 'an admin moves them to the member role');
  const before = await snapshot();
  for (const [name, token] of [['JWT issued while admin', jwt], ['static token', `static-${u.id}`]]) {
    t.equal((await app.get('/revisions?limit=1', { token })).status, 403, `${name}: admin-only reads refused`);
    const invite = await app.post('/users/invite', { email: `by-demoted-${randomUUID().slice(0, 6)}@example.com`, role: ADMIN_ROLE }, { token });
    t.same([invite.status, invite.body], [403, forbidden], `${name}: admin-only writes refused`);
    const promote = await app.patch('/users/me', { role: ADMIN_ROLE }, { token });
    t.equal(promote.status, 403, `${name}: can't put themselves back`);
  }
  t.equal(await snapshot(), before, 'nothing changed');
});

t.test('static tokens match exactly and only while they are the user\'s', async (t) => {
  const m = await member({ token: 'member_token_1' });
  t.equal((await app.get('/users/me?fields=id', { token: 'member_token_1' })).status, 200);
  const before = await snapshot();
  for (const guess of ['member%', 'member_token__', 'MEMBER_TOKEN_1', 'member_token_1%', '%', '_', "member_token_1' or '1'='1"]) {
    const res = await app.get('/users/me?fields=id', { token: guess });
    t.ok(res.status === 401 || res.status === 400, `${JSON.stringify(guess)}: ${res.status}`);
    t.not(res.body?.data?.id, m.id, `${JSON.stringify(guess)} is not the member's token`);
  }
  t.equal(await snapshot(), before);
  await app.sql("update directus_users set token = 'member_token_2' where id = $1", [m.id]);
  t.same((await app.get('/users/me', { token: 'member_token_1' })).body, invalidCredentials, 'a replaced token stops working');
  for (const status of ['archived', 'draft', 'invited', 'unverified']) {
    await app.sql('update directus_users set status = $2 where id = $1', [m.id, status]);
    t.same((await app.get('/users/me', { token: 'member_token_2' })).body, invalidCredentials, `status ${status}: refused`);
  }
  await app.sql('update directus_users set token = null, status = $2 where id = $1', [m.id, 'active']);
  t.same((await app.get('/users/me', { token: 'member_token_2' })).body, invalidCredentials, 'a removed token stops working');
});

t.test('login lookups are exact: no patterns, no case tricks in the password', async (t) => {
  const m = await member();
  // (failed attempts on a real email are counted in strata.login_attempts: that part may change)
  const trail = async () => (await app.sql("select (select count(*) from directus_sessions)::text || '/' || (select count(*) from directus_activity)::text || '/' || (select md5(u::text) from directus_users u where id = $1) as h", [m.id]))[0].h;
  const before = await trail();
  for (const [email, password] of [['%@example.com', m.password], [m.email.replace(/.$/, '_'), m.password], [`${m.email}%`, m.password],
    [m.email, m.password.toUpperCase()], [m.email, `${m.password} `], [` ${m.email}`, 'x']]) {
    const res = await login(email, password);
    t.ok(res.status === 401 || res.status === 400, `${email} / ${password}: ${res.status}`);
    t.notOk(res.body?.data?.access_token, 'no token');
  }
  t.equal(await trail(), before, 'no session, no activity, the user unchanged');
});

t.test('password reset: one link spends every other, and dies with a password change or suspension', async (t) => {
  const m = await member();
  const first = await resetTokenFor(m.email);
  const second = await resetTokenFor(m.email);
  t.equal((await app.post('/auth/password/reset', { token: first, password: 'reset-one-pass' }, { token: null })).status, 204);
  let before = await snapshot();
  const reuse = await app.post('/auth/password/reset', { token: second, password: 'reset-two-pass' }, { token: null });
  t.same([reuse.status, reuse.body], [403, forbidden], 'the other outstanding link is spent too');
  t.equal(await snapshot(), before);

  const third = await resetTokenFor(m.email);
  const jwt = (await login(m.email, 'reset-one-pass')).body.data.access_token;
  const change = await app.patch('/users/me', { password: 'changed-by-me' }, { token: jwt });
  t.equal(change.status, 200, `the user changes their password: ${change.text.slice(0, 200)}`);
  before = await snapshot();
  const afterChange = await app.post('/auth/password/reset', { token: third, password: 'reset-three-pass' }, { token: null });
  t.same([afterChange.status, afterChange.body], [403, forbidden], 'a link dies when the user changes the password');
  t.equal(await snapshot(), before);

  const fourth = await resetTokenFor(m.email);
  await app.sql("update directus_users set status = 'suspended' where id = $1", [m.id]);
  before = await snapshot();
  const suspended = await app.post('/auth/password/reset', { token: fourth, password: 'reset-four-pass' }, { token: null });
  t.same([suspended.status, suspended.body], [403, forbidden], 'a suspended user\'s link does not work');
  t.equal((await userRow(m.id)).status, 'suspended', 'and does not reactivate them');
  t.equal(await snapshot(), before);
});

t.test('password reset: a link does not carry over to a new account with the old email', async (t) => {
  const a = await member();
  const token = await resetTokenFor(a.email);
  await app.sql('update directus_users set email = $2 where id = $1', [a.id, `renamed-${a.email}`]);
  const b = await createUser(app, { email: a.email });
  const before = await snapshot();
  const res = await app.post('/auth/password/reset', { token, password: 'takeover-pass' }, { token: null });
  t.same([res.status, res.body], [403, forbidden]);
  t.equal(await snapshot(), before, 'neither account changed');
  t.equal((await login(b.email, b.password)).status, 200, 'the new account keeps its password');
});

t.test('password reset links: built from PUBLIC_URL, never from request headers; reset_url allow-list bypasses refused', async (t) => {
  const m = await member();
  const res = await app.post('/auth/password/request', { email: m.email }, {
    token: null, headers: { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https', origin: 'https://evil.example', referer: 'https://evil.example/' },
  });
  t.equal(res.status, 204);
  const mail = await smtp.next();
  t.match(mail.link, /^http:\/\/strata\.example\/admin\/reset-password\?token=/, 'Host, X-Forwarded-Host and Origin are ignored');
  t.notOk(mail.body.includes('evil.example'));

  const before = await snapshot();
  const mails = smtp.received.length;
  for (const url of ['https://app.example@evil.example/reset', 'https://app.example.evil.example/reset', '//evil.example/reset',
    'https://app.example/reset/../evil', 'http://app.example/reset', 'https://app.example:8443/reset', 'javascript:alert(1)//app.example/reset',
    'https://app.example\\@evil.example/reset', 'https://evil.example/https://app.example/reset', 'https://app.example/resetx', ' https://evil.example/reset',
    'https://app.example%2F@evil.example/reset', 'data:text/html,https://app.example/reset']) {
    const bad = await app.post('/auth/password/request', { email: m.email, reset_url: url }, { token: null });
    t.same([bad.status, codeOf(bad)], [400, 'INVALID_PAYLOAD'], url);
  }
  await settle();
  t.equal(smtp.received.length, mails, 'no mail for any of them');
  t.equal(await snapshot(), before);
});

t.test('invitations: a token activates only its own, still invited, user', async (t) => {
  const x = `invite-x-${randomUUID().slice(0, 6)}@example.com`;
  const y = `invite-y-${randomUUID().slice(0, 6)}@example.com`;
  t.equal((await app.post('/users/invite', { email: [x, y], role: MEMBER_ROLE })).status, 204);
  const mails = [await smtp.next(), await smtp.next()];
  const tokenX = mails.find((m) => m.to.includes(x))!.token!;
  const [rowX] = await app.sql('select * from directus_users where email = $1', [x]);
  const [rowY] = await app.sql('select * from directus_users where email = $1', [y]);

  await app.sql("update directus_users set status = 'suspended' where id = $1", [rowX.id]);
  let before = await snapshot();
  const suspended = await app.post('/users/invite/accept', { token: tokenX, password: 'invitee-pass' }, { token: null });
  t.same([suspended.status, suspended.body], [400, invalidInvite], 'an invitee suspended before accepting stays out');
  t.equal(await snapshot(), before, 'status and password unchanged');
  t.equal((await userRow(rowY.id)).status, 'invited', 'the other invitee is untouched');

  const reinvite = await app.post('/users/invite', { email: x, role: ADMIN_ROLE });
  t.equal(reinvite.status, 204, 're-inviting a suspended user answers like any invitation');
  const [afterReinvite] = await app.sql('select status, role, password from directus_users where id = $1', [rowX.id]);
  t.same(afterReinvite, { status: 'suspended', role: MEMBER_ROLE, password: null }, '... and neither reactivates nor re-roles them');

  await app.sql('delete from directus_users where id = $1', [rowX.id]);
  before = await snapshot();
  const deleted = await app.post('/users/invite/accept', { token: tokenX, password: 'invitee-pass' }, { token: null });
  t.same([deleted.status, deleted.body], [400, invalidInvite], 'the token of a deleted invitee creates no user');
  t.equal(await snapshot(), before);
});

t.test('registration: nothing but the allowed fields; no takeover of invited or suspended accounts', async (t) => {
  await app.sql('update directus_settings set public_registration = true, public_registration_verify_email = false, public_registration_role = $1', [MEMBER_ROLE]);
  t.teardown(() => app.sql('update directus_settings set public_registration = false, public_registration_role = null'));
  const before = await snapshot();
  for (const [key, value] of Object.entries({
    status: 'active', policies: [{ policy: MEMBER_POLICY }], admin_access: true, app_access: true, token: 'registered-token', provider: 'github',
    external_identifier: 'x', auth_data: '{}', tfa_secret: 'JBSWY3DPEHPK3PXP', id: randomUUID(), email_notifications: false, Role: ADMIN_ROLE,
  })) {
    const res = await app.post('/users/register', { email: `reg-${randomUUID().slice(0, 6)}@example.com`, password: 'reg-pass', [key]: value }, { token: null });
    t.same([res.status, res.body], [400, invalidPayload(`"${key}" is not allowed`)], key);
  }
  t.equal(await snapshot(), before, 'no user created');

  const invitedEmail = `reg-invited-${randomUUID().slice(0, 6)}@example.com`;
  await app.post('/users/invite', { email: invitedEmail, role: ADMIN_ROLE });
  await smtp.next();
  const suspended = await createUser(app, { status: 'suspended' });
  const snap = await snapshot();
  for (const email of [invitedEmail, invitedEmail.toUpperCase(), suspended.email.toUpperCase()]) {
    const res = await app.post('/users/register', { email, password: 'takeover-pass' }, { token: null });
    t.equal(res.status, 204, `${email}: not revealed`);
  }
  t.equal(await snapshot(), snap, 'the invited and the suspended accounts are untouched');
  t.same((await login(invitedEmail, 'takeover-pass')).body, invalidCredentials);

  const email = `reg-ok-${randomUUID().slice(0, 6)}@example.com`;
  t.equal((await app.post('/users/register', { email, password: 'reg-pass-ok' }, { token: null })).status, 204);
  const [row] = await app.sql('select role, status, token, provider from directus_users where email = $1', [email]);
  t.same(row, { role: MEMBER_ROLE, status: 'active', token: null, provider: 'default' }, 'the registration role, nothing more');
  const jwt = (await login(email, 'reg-pass-ok')).body.data.access_token;
  t.equal(decodeJwt(jwt).admin_access, false);
  t.equal((await app.get('/revisions?limit=1', { token: jwt })).status, 403);
});

t.test('PATCH /users/me: role, status, policies, admin flags, tokens and other users are out of reach', async (t) => {
  const m = await member();
  const jwt = (await login(m.email, m.password)).body.data.access_token;
  const before = await snapshot();
  const cases: [unknown, number, string][] = [
    [{ role: ADMIN_ROLE }, 403, 'FORBIDDEN'],
    [{ role: null }, 403, 'FORBIDDEN'],
    [{ status: 'active' }, 403, 'FORBIDDEN'],
    [{ policies: [{ policy: MEMBER_POLICY }] }, 403, 'FORBIDDEN'],
    [{ policies: { create: [{ policy: MEMBER_POLICY }] } }, 403, 'FORBIDDEN'],
    [{ admin_access: true }, 403, 'FORBIDDEN'],
    [{ token: 'chosen-static-token' }, 403, 'FORBIDDEN'],
    [{ id: admin.id, first_name: 'Eve' }, 403, 'FORBIDDEN'],
    [{ first_name: 'Eve', role: ADMIN_ROLE }, 403, 'FORBIDDEN'],
    [{ provider: 'github' }, 400, 'INVALID_PAYLOAD'],
    [{ external_identifier: 'x' }, 400, 'INVALID_PAYLOAD'],
    [{ tfa_secret: null }, 400, 'INVALID_PAYLOAD'],
    [{ email: app.cluster.adminEmail.toUpperCase() }, 400, 'RECORD_NOT_UNIQUE'],
  ];
  for (const [body, status, code] of cases) {
    const res = await app.patch('/users/me', body, { token: jwt });
    t.same([res.status, codeOf(res)], [status, code], JSON.stringify(body));
  }
  const other = [
    ['PATCH /users/<admin>', app.patch(`/users/${admin.id}`, { first_name: 'Eve' }, { token: jwt })],
    ['PATCH /users (batch)', app.patch('/users', { keys: [admin.id], data: { first_name: 'Eve' } }, { token: jwt })],
    ['POST /users with the admin role', app.post('/users', { email: 'eve@example.com', password: 'eve-pass', role: ADMIN_ROLE }, { token: jwt })],
    ['POST /access', app.post('/access', { user: m.id, policy: MEMBER_POLICY }, { token: jwt })],
  ] as const;
  for (const [name, pending] of other) {
    const res = await pending;
    t.equal(res.status, 403, name);
  }
  t.equal(await snapshot(), before, 'nothing changed');
  const masked = await app.patch('/users/me?fields=password,token,tfa_secret', { first_name: 'Mallory' }, { token: jwt });
  t.equal(masked.status, 200, `an allowed change: ${masked.text.slice(0, 200)}`);
  t.notOk(/\$argon2/.test(masked.text), 'the answer holds no hash');
});

t.test('two-factor: disabling needs a valid one-time password in any shape', async (t) => {
  const u = await createUser(app, { tfaSecret: 'JBSWY3DPEHPK3PXP', admin: false });
  const { totp, base32Decode } = await import('../src/auth/totp.js');
  const otp = totp(base32Decode('JBSWY3DPEHPK3PXP'), Math.floor(Date.now() / 30000));
  const jwt = (await login(u.email, u.password, { otp })).body.data.access_token;
  const before = await snapshot();
  for (const body of [{}, { otp: null }, { otp: 123456 }, { otp: [otp === '000000' ? '111111' : '000000'] }, { otp: '' }, { otp: { _neq: '' } }]) {
    const res = await app.post('/users/me/tfa/disable', body, { token: jwt });
    t.equal(res.status >= 400 && res.status < 500, true, `${JSON.stringify(body)}: ${res.status}`);
  }
  t.equal((await userRow(u.id)).tfa_secret, 'JBSWY3DPEHPK3PXP', 'still enabled');
  t.equal(await snapshot(), before);
});

t.test('hashes and secrets never leave through filters, sorts, aggregates or dynamic variables', async (t) => {
  const m = await member({ token: 'member-static-secret' });
  const jwt = (await login(m.email, m.password)).body.data.access_token;
  await app.sql("update directus_users set tfa_secret = 'JBSWY3DPEHPK3PXP' where id = $1", [m.id]);
  const secrets = ['$argon2', 'member-static-secret', 'admin-static-token', 'JBSWY3DPEHPK3PXP'];
  const leaks = (text: string) => secrets.filter((s) => text.includes(s));
  const before = await snapshot();
  for (const qs of ['filter[password][_starts_with]=$argon2', 'filter[password][_contains]=argon', 'filter[password][_eq]=x', 'filter[password][_gt]=$',
    'filter[password][_in]=a,b', 'filter[token][_eq]=admin-static-token', 'filter[token][_starts_with]=admin', 'filter[token][_ncontains]=zzz',
    'filter[tfa_secret][_eq]=JBSWY3DPEHPK3PXP', 'filter[tfa_secret][_starts_with]=J', 'sort=password', 'sort=-token', 'aggregate[min]=password',
    'aggregate[max]=token', 'groupBy[]=tfa_secret', 'search=argon2', 'search=admin-static-token', 'search=JBSWY3DPEHPK3PXP',
    'filter[first_name][_eq]=$CURRENT_USER.password', 'filter[first_name][_eq]=$CURRENT_USER.token', 'filter[first_name][_eq]=$CURRENT_USER.tfa_secret',
    'filter[id][_eq]=$CURRENT_USER.password', 'filter[first_name][_eq]=$CURRENT_USER.auth_data', 'filter[email][_eq]=$CURRENT_USER.role.policies',
    'fields=*,role.*,policies.*', 'filter[json(auth_data, a)][_nnull]=true']) {
    for (const [who, token] of [['admin', app.adminToken], ['member', jwt]] as const) {
      const res = await app.get(`/users?${qs}`, { token });
      t.same(leaks(res.text), [], `${who} ${qs}: ${res.status}`);
      t.not(res.status, 500, `${who} ${qs}`);
      // an answer that lists users must not have selected them by a secret's value
      if (res.status === 200 && /password|token|tfa_secret/.test(qs.split('=')[0]) && !/_nnull|_ncontains|fields/.test(qs)) {
        t.same(res.body.data, [], `${who} ${qs}: no row chosen by a secret`);
      }
    }
  }
  const search = await app.search('/users', { query: { filter: { password: { _starts_with: '$argon2' } } } }, { token: jwt });
  t.equal(search.status, 400, 'SEARCH: the same refusal');
  t.equal(await snapshot(), before, 'reads changed nothing');
});

t.test('revisions of users hold no hash or secret; only admins read them', async (t) => {
  const created = await app.post('/users', { email: `rev-${randomUUID().slice(0, 6)}@example.com`, password: 'rev-pass-1', token: 'rev-static-1', tfa_secret: 'JBSWY3DPEHPK3PXP' });
  t.equal(created.status, 200);
  t.equal((await app.patch(`/users/${created.body.data.id}`, { password: 'rev-pass-2', token: 'rev-static-2' })).status, 200);
  const secrets = ['$argon2', 'rev-pass', 'rev-static', 'JBSWY3DPEHPK3PXP'];
  const [raw] = await app.sql("select coalesce(string_agg(coalesce(data::text, '') || coalesce(delta::text, ''), '|'), '') as t from directus_revisions where collection = 'directus_users'");
  t.same(secrets.filter((s) => raw.t.includes(s)), [], 'directus_revisions rows hold no secret');
  const adminView = await app.get('/revisions?filter[collection][_eq]=directus_users&fields=data,delta,collection');
  t.equal(adminView.status, 200);
  t.same(secrets.filter((s) => adminView.text.includes(s)), [], 'the admin\'s view holds no secret');
  for (const r of adminView.body.data as { data: any; delta: any }[]) {
    for (const v of [r.data, r.delta]) {
      for (const field of ['password', 'token', 'tfa_secret']) {
        if (v && v[field] != null) t.equal(v[field], '**********', `${field} is masked`);
      }
    }
  }
  const activity = await app.get('/activity?fields=*,revisions.*');
  t.same(secrets.filter((s) => activity.text.includes(s)), [], 'nor does activity');

  const m = await member();
  const jwt = (await login(m.email, m.password)).body.data.access_token;
  const before = await snapshot();
  for (const [name, pending] of [
    ['GET /revisions', app.get('/revisions?filter[collection][_eq]=directus_users', { token: jwt })],
    ['SEARCH /revisions', app.search('/revisions', { query: { filter: { collection: { _eq: 'directus_users' } } } }, { token: jwt })],
    ['GET /revisions anonymous', app.get('/revisions', { token: null })],
  ] as const) {
    const res = await pending;
    t.equal(res.status, 403, name);
    t.same(secrets.filter((s) => res.text.includes(s)), [], `${name}: no secret`);
  }
  t.equal(await snapshot(), before);
});
