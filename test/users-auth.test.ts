// Account flows: password reset, invitations, registration, two-factor setup, own profile,
// login attempts, per-policy IP allow-lists — HTTP in, HTTP (and mail) out, plus the rows each
// answer leaves. Every refusal also checks that the database did not change.
import t from 'tap';
import { randomUUID } from 'node:crypto';
import { SignJWT, decodeJwt } from 'jose';
import { startApp, type TestApp } from './helpers/app.js';
import { createUser } from './helpers/users.js';
import { startSmtp } from './helpers/smtp.js';
import { totp, base32Decode } from '../src/auth/totp.js';

const SECRET = 'test-secret-test-secret-test-secret';
const smtp = await startSmtp(t);
const app = await startApp(t, {
  ...smtp.env, STRATA_AUTH_CACHE_TTL: '0', PUBLIC_URL: 'http://strata.example',
  PASSWORD_RESET_URL_ALLOW_LIST: 'https://app.example/reset', USER_INVITE_URL_ALLOW_LIST: 'https://app.example/invite',
  USER_REGISTER_URL_ALLOW_LIST: 'https://app.example/verify', RATE_LIMITER_REGISTRATION_ENABLED: 'false', REGISTER_STALL_TIME: '0',
});

const error = (code: string, message: string, ext: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { ...ext, code } }] });
const invalidPayload = (reason: string) => error('INVALID_PAYLOAD', `Invalid payload. ${reason}.`, { reason });
const forbidden = error('FORBIDDEN', "You don't have permission to access this.");
const invalidCredentials = error('INVALID_CREDENTIALS', 'Invalid user credentials.');
const login = (email: string, password: string, extra = {}) => app.post('/auth/login', { email, password, ...extra }, { token: null });
const userRow = async (id: string) => (await app.sql('select * from directus_users where id = $1', [id]))[0];
const sessions = async (user: string) => Number((await app.sql('select count(*)::int as n from directus_sessions where "user" = $1', [user]))[0].n);
/** A digest of the tables an auth flow may touch, to check that a refusal changed nothing. */
const snapshot = async () => (await app.sql(`select md5(string_agg(t, '|' order by t)) as h from (
  select u::text as t from directus_users u union all select s::text from directus_sessions s
  union all select a.id::text || a.action from directus_activity a union all select l::text from strata.login_attempts l) x`))[0].h;
const sign = (payload: Record<string, unknown>, secret = SECRET) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
const now = () => Math.floor(Date.now() / 1000);
const otpFor = (secret: string) => totp(base32Decode(secret), Math.floor(Date.now() / 30000));
const setSettings = (sql: string, params: unknown[] = []) => app.sql(`update directus_settings set ${sql}`, params);

t.test('password reset: request mails a link, the link sets the password once', async (t) => {
  const u = await createUser(app);
  const { refresh_token } = (await login(u.email, u.password)).body.data;
  const req = await app.post('/auth/password/request', { email: u.email.toUpperCase() }, { token: null });
  t.equal(req.status, 204);
  const mail = await smtp.next();
  t.same(mail.to, [u.email]);
  t.equal(mail.from, 'no-reply@example.com');
  t.equal(mail.auth, 'mailer:mail-pass', 'SMTP AUTH with EMAIL_SMTP_USER/PASSWORD');
  t.equal(mail.subject, 'Password Reset Request');
  t.match(mail.link, /^http:\/\/strata\.example\/admin\/reset-password\?token=/);
  const claims = decodeJwt(mail.token!);
  t.match(claims, { email: u.email, scope: 'password-reset', iss: 'directus' });
  t.equal(claims.exp! - claims.iat!, 86400, 'valid for one day');

  const reset = await app.post('/auth/password/reset', { token: mail.token, password: 'brand-new-pass' }, { token: null });
  t.equal(reset.status, 204);
  t.equal((await login(u.email, 'brand-new-pass')).status, 200, 'the new password works');
  t.same((await login(u.email, u.password)).body, invalidCredentials, 'the old one does not');
  t.equal((await app.post('/auth/refresh', { refresh_token }, { token: null })).status, 401, 'sessions from before the reset ended');

  const before = await snapshot();
  const again = await app.post('/auth/password/reset', { token: mail.token, password: 'third-pass' }, { token: null });
  t.same([again.status, again.body], [403, forbidden], 'the token is spent');
  t.equal(await snapshot(), before, 'nothing changed');
});

t.test('password request: unknown, inactive and SSO users get the same 204 and no mail', async (t) => {
  const suspended = await createUser(app, { status: 'suspended' });
  const sso = await createUser(app, { provider: 'github' });
  const before = await snapshot();
  const mails = smtp.received.length;
  for (const email of ['nobody@example.com', suspended.email, sso.email]) {
    const res = await app.post('/auth/password/request', { email }, { token: null });
    t.equal(res.status, 204, email);
  }
  await new Promise((r) => setImmediate(r));
  t.equal(smtp.received.length, mails, 'no mail');
  t.equal(await snapshot(), before);
});

t.test('password request and reset: payload and URL checks', async (t) => {
  const u = await createUser(app);
  const cases: [string, unknown, object][] = [
    ['/auth/password/request', {}, invalidPayload('"email" field is required')],
    ['/auth/password/request', { email: 5 }, invalidPayload('"email" field is required')],
    ['/auth/password/request', { email: u.email, reset_url: 'https://evil.example/reset' }, invalidPayload('URL "https://evil.example/reset" can\'t be used to reset passwords')],
    ['/auth/password/reset', { password: 'x' }, invalidPayload('"token" field is required')],
    ['/auth/password/reset', { token: 'x' }, invalidPayload('"password" field is required')],
    ['/auth/password/reset', { token: 'not-a-jwt', password: 'x' }, error('INVALID_TOKEN', 'Invalid token.')],
  ];
  for (const [path, body, expected] of cases) {
    const res = await app.post(path, body, { token: null });
    t.same([res.status, res.body], [400 + (expected === cases[5][2] ? 3 : 0), expected], `${path} ${JSON.stringify(body)}`);
  }
  const ok = await app.post('/auth/password/request', { email: u.email, reset_url: 'https://app.example/reset?lang=en' }, { token: null });
  t.equal(ok.status, 204, 'an allow-listed URL (same origin and path)');
  t.match((await smtp.next()).link, /^https:\/\/app\.example\/reset\?lang=en&token=/);
});

t.test('password reset tokens: expired, forged, wrong scope or for a changed password are refused', async (t) => {
  const u = await createUser(app);
  const row = await userRow(u.id);
  const { passwordFingerprint } = await import('../src/auth/jwt.js');
  const base = { email: u.email, scope: 'password-reset', hash: passwordFingerprint(row.password), iss: 'directus' };
  const cases: [string, string, number, object][] = [
    ['expired', await sign({ ...base, iat: now() - 100, exp: now() - 10 }), 401, error('TOKEN_EXPIRED', 'Token expired.')],
    ['wrong key', await sign({ ...base, exp: now() + 60 }, 'another-secret-another-secret-another'), 403, error('INVALID_TOKEN', 'Invalid token.')],
    ['alg none', `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify({ ...base, exp: now() + 60 })).toString('base64url')}.`, 403, error('INVALID_TOKEN', 'Invalid token.')],
    ['invite scope', await sign({ ...base, scope: 'invite', exp: now() + 60 }), 403, forbidden],
    ['no hash', await sign({ email: u.email, scope: 'password-reset', iss: 'directus', exp: now() + 60 }), 403, forbidden],
    ['stale hash', await sign({ ...base, hash: 'abc', exp: now() + 60 }), 403, forbidden],
    ['unknown user', await sign({ ...base, email: 'ghost@example.com', exp: now() + 60 }), 403, forbidden],
  ];
  const before = await snapshot();
  for (const [name, token, status, body] of cases) {
    const res = await app.post('/auth/password/reset', { token, password: 'hijacked' }, { token: null });
    t.same([res.status, res.body], [status, body], name);
  }
  t.equal(await snapshot(), before, 'nothing changed');
  const good = await sign({ ...base, exp: now() + 60 });
  t.equal((await app.post('/auth/password/reset', { token: good, password: 'fine-pass' }, { token: null })).status, 204, 'a correct token works');
});

t.test('password policy applies to resets', async (t) => {
  await setSettings('auth_password_policy = $1', ['/^.{12,}$/']);
  t.teardown(() => setSettings('auth_password_policy = null'));
  const u = await createUser(app);
  await app.post('/auth/password/request', { email: u.email }, { token: null });
  const { token } = await smtp.next();
  const before = await snapshot();
  const res = await app.post('/auth/password/reset', { token, password: 'short' }, { token: null });
  t.same([res.status, res.body], [400, error('FAILED_VALIDATION', 'Validation failed for field "password". Value doesn\'t have the correct format.', { field: 'password', path: [], type: 'regex' })]);
  t.equal(await snapshot(), before);
  t.equal((await app.post('/auth/password/reset', { token, password: 'long-enough-password' }, { token: null })).status, 204);
});

t.test('auth_login_attempts: the attempt after N consecutive failures suspends the user', async (t) => {
  await setSettings('auth_login_attempts = 2');
  t.teardown(() => setSettings('auth_login_attempts = 25'));
  const u = await createUser(app);
  t.same((await login(u.email, 'wrong-1')).body, invalidCredentials);
  t.equal((await login(u.email, u.password)).status, 200, 'a success resets the count');
  t.same((await login(u.email, 'wrong-2')).body, invalidCredentials);
  t.same((await login(u.email, 'wrong-3')).body, invalidCredentials);
  t.equal((await userRow(u.id)).status, 'active', 'two failures are allowed');
  t.same((await app.sql('select failures from strata.login_attempts where "user" = $1', [u.id]))[0], { failures: 2 });
  const third = await login(u.email, u.password);
  t.same([third.status, third.body], [401, invalidCredentials], 'even the right password is refused now');
  t.equal((await userRow(u.id)).status, 'suspended');
  t.equal(await sessions(u.id), 0, 'the suspension ended the sessions');
  const [act] = await app.sql("select a.*, r.delta from directus_activity a join directus_revisions r on r.activity = a.id where a.item = $1 and a.action = 'update'", [u.id]);
  t.match(act, { user: u.id, collection: 'directus_users', ip: '127.0.0.1', delta: { status: 'suspended' } }, 'recorded as an update by the user');
  t.same(await app.sql('select * from strata.login_attempts where "user" = $1', [u.id]), [], 'the count starts again');
  await app.sql("update directus_users set status = 'active' where id = $1", [u.id]);
  t.equal((await login(u.email, u.password)).status, 200, 're-activated by an admin: signs in again');
  const unknown = await snapshot();
  await login('nobody@example.com', 'x');
  t.equal(await snapshot(), unknown, 'unknown emails leave no trace');
});

t.test('login attempts are not visible to request roles', async (t) => {
  const rows = await app.sql("select has_table_privilege('strata_request', 'strata.login_attempts', 'select') as s");
  t.same(rows, [{ s: false }]);
});

t.test('PATCH /users/me: own profile; a new password ends the other sessions', async (t) => {
  const u = await createUser(app, { admin: true });
  const a = (await login(u.email, u.password)).body.data;
  const b = (await login(u.email, u.password)).body.data;
  const res = await app.patch('/users/me', { first_name: 'Ada', password: 'changed-password' }, { token: a.access_token });
  t.equal(res.status, 200);
  t.equal(res.body.data.first_name, 'Ada');
  t.equal(res.body.data.id, u.id);
  t.match((await userRow(u.id)).password, /^\$argon2id\$/, 'stored hashed');
  t.equal(await sessions(u.id), 0, 'every refresh token of the user is gone');
  t.equal((await app.post('/auth/refresh', { refresh_token: b.refresh_token }, { token: null })).status, 401);
  t.equal((await login(u.email, 'changed-password')).status, 200);

  const before = await snapshot();
  const tfa = await app.patch('/users/me', { tfa_secret: 'JBSWY3DPEHPK3PXP' }, { token: a.access_token });
  t.same([tfa.status, tfa.body], [400, invalidPayload('You can\'t change the "tfa_secret" value manually')]);
  const anon = await app.patch('/users/me', { first_name: 'x' }, { token: null });
  t.same([anon.status, anon.body], [401, invalidCredentials]);
  t.equal(await snapshot(), before, 'refusals change nothing');
});

t.test('two-factor setup: generate (password), enable (otp + secret), disable (otp)', async (t) => {
  const u = await createUser(app, { admin: true });
  const token = (await login(u.email, u.password)).body.data.access_token;
  const post = (path: string, body: unknown) => app.post(`/users/me/tfa/${path}`, body, { token });
  t.same((await post('generate', {})).body, invalidPayload('"password" is required'));
  t.same((await post('generate', { password: 'wrong' })).body, invalidCredentials);
  const gen = await post('generate', { password: u.password });
  t.equal(gen.status, 200);
  const { secret, otpauth_url } = gen.body.data;
  t.match(secret, /^[A-Z2-7]{16}$/);
  t.equal(otpauth_url, `otpauth://totp/Directus:${encodeURIComponent(u.email)}?secret=${secret}&period=30&digits=6&algorithm=SHA1&issuer=Directus`);
  t.equal((await userRow(u.id)).tfa_secret, null, 'generating stores nothing');

  const wrongOtp = otpFor(secret) === '000000' ? '111111' : '000000';
  t.same((await post('enable', { secret, otp: wrongOtp })).body, invalidPayload('"otp" is invalid'));
  t.same((await post('enable', { otp: '123456' })).body, invalidPayload('"secret" is required'));
  t.equal((await userRow(u.id)).tfa_secret, null);
  t.equal((await post('enable', { secret, otp: otpFor(secret) })).status, 204);
  t.equal((await userRow(u.id)).tfa_secret, secret);
  t.same((await post('generate', { password: u.password })).body, invalidPayload('TFA Secret is already set for this user'));
  t.same((await login(u.email, u.password)).body, error('INVALID_OTP', 'Invalid user OTP.'), 'login now needs the otp');
  t.equal((await login(u.email, u.password, { otp: otpFor(secret) })).status, 200);

  t.same((await post('disable', { otp: wrongOtp })).body, invalidPayload('"otp" is invalid'));
  t.equal((await userRow(u.id)).tfa_secret, secret);
  t.equal((await post('disable', { otp: otpFor(secret) })).status, 204);
  t.equal((await userRow(u.id)).tfa_secret, null);
  t.same((await app.post('/users/me/tfa/generate', { password: 'x' }, { token: null })).body, invalidCredentials);
});

t.test('invitations: an invited user, a mailed token, accepted once', async (t) => {
  const role = randomUUID();
  await app.sql("insert into directus_roles (id, name) values ($1, 'Invitees')", [role]);
  const email = `invitee-${role.slice(0, 8)}@example.com`;
  const res = await app.post('/users/invite', { email, role, invite_url: 'https://app.example/invite' });
  t.equal(res.status, 204);
  const [row] = await app.sql('select * from directus_users where email = $1', [email]);
  t.match(row, { status: 'invited', role, password: null });
  const mail = await smtp.next();
  t.same(mail.to, [email]);
  t.equal(mail.subject, "You've been invited");
  t.match(mail.link, /^https:\/\/app\.example\/invite\?token=/);
  const claims = decodeJwt(mail.token!);
  t.match(claims, { email, scope: 'invite', iss: 'directus' });
  t.equal(claims.exp! - claims.iat!, 7 * 86400, 'USER_INVITE_TOKEN_TTL (7d)');

  const accept = await app.post('/users/invite/accept', { token: mail.token, password: 'invitee-pass' }, { token: null });
  t.equal(accept.status, 204);
  t.equal((await userRow(row.id)).status, 'active');
  t.equal((await login(email, 'invitee-pass')).status, 200);

  const before = await snapshot();
  const again = await app.post('/users/invite/accept', { token: mail.token, password: 'other-pass' }, { token: null });
  t.same([again.status, again.body], [400, error('INVALID_INVITE', 'This invite is no longer valid.')], 'the token is spent');
  const reinvite = await app.post('/users/invite', { email, role });
  t.equal(reinvite.status, 204, 'inviting an active user does nothing');
  t.equal(await snapshot(), before, 'nothing changed');
});

t.test('invitations: payload checks, URL allow-list, admins only', async (t) => {
  const role = randomUUID();
  await app.sql("insert into directus_roles (id, name) values ($1, 'R')", [role]);
  const member = await createUser(app, { admin: false });
  const memberToken = (await login(member.email, member.password)).body.data.access_token;
  const before = await snapshot();
  const cases: [unknown, object, string?][] = [
    [{}, invalidPayload('"email" is required')],
    [{ email: 'x' }, invalidPayload('"email" must be a valid email')],
    [{ email: 'a@example.com' }, invalidPayload('"role" is required')],
    [{ email: 'a@example.com', role: 'nope' }, invalidPayload('"role" must be a valid GUID')],
    [{ email: ['a@example.com', 5], role }, invalidPayload('"email[1]" must be a string')],
    [{ email: 'a@example.com', role, invite_url: 'https://evil.example/x' }, invalidPayload('URL "https://evil.example/x" can\'t be used to invite users')],
    [{ email: 'a@example.com', role }, forbidden, memberToken],
  ];
  for (const [body, expected, token] of cases) {
    const res = await app.post('/users/invite', body, token ? { token } : {});
    t.same(res.body, expected, JSON.stringify(body));
  }
  const accept: [unknown, object][] = [
    [{}, invalidPayload('"token" is required')],
    [{ token: 'x' }, invalidPayload('"password" is required')],
    [{ token: 'x', password: 'y' }, error('INVALID_TOKEN', 'Invalid token.')],
    [{ token: await sign({ email: member.email, scope: 'password-reset', iss: 'directus', exp: now() + 60 }), password: 'y' }, forbidden],
    [{ token: await sign({ email: member.email, scope: 'invite', iss: 'directus', exp: now() + 60 }), password: 'y' }, error('INVALID_INVITE', 'This invite is no longer valid.')],
    [{ token: await sign({ email: member.email, scope: 'invite', iss: 'directus', exp: now() - 5 }), password: 'y' }, error('TOKEN_EXPIRED', 'Token expired.')],
  ];
  for (const [body, expected] of accept) {
    const res = await app.post('/users/invite/accept', body, { token: null });
    t.same(res.body, expected, JSON.stringify(body));
  }
  t.equal(await snapshot(), before, 'nothing changed');
});

t.test('registration: off by default; with verification the user is unverified until the link is followed', async (t) => {
  const email = `reg-${randomUUID().slice(0, 8)}@example.com`;
  const before = await snapshot();
  const off = await app.post('/users/register', { email, password: 'reg-password' }, { token: null });
  t.same([off.status, off.body], [403, forbidden]);
  t.equal(await snapshot(), before);

  const role = randomUUID();
  await app.sql("insert into directus_roles (id, name) values ($1, 'Registered')", [role]);
  await setSettings('public_registration = true, public_registration_verify_email = true, public_registration_role = $1', [role]);
  t.teardown(() => setSettings('public_registration = false, public_registration_role = null, public_registration_email_filter = null'));
  const res = await app.post('/users/register', { email, password: 'reg-password', first_name: 'Reg' }, { token: null });
  t.equal(res.status, 204);
  const [row] = await app.sql('select * from directus_users where email = $1', [email]);
  t.match(row, { status: 'unverified', role, first_name: 'Reg' });
  t.same((await login(email, 'reg-password')).body, invalidCredentials, 'unverified users cannot sign in');
  const mail = await smtp.next();
  t.equal(mail.subject, 'Verify your email address');
  t.match(mail.link, /^http:\/\/strata\.example\/users\/register\/verify-email\?token=/);
  t.match(decodeJwt(mail.token!), { email, scope: 'pending-registration' });

  const verify = await fetch(`${app.url}/users/register/verify-email?token=${mail.token}`, { redirect: 'manual' });
  t.equal(verify.status, 302);
  t.equal(verify.headers.get('location'), `/admin/users/${row.id}`);
  t.equal((await userRow(row.id)).status, 'active');
  t.equal((await login(email, 'reg-password')).status, 200);
  const again = await app.get(`/users/register/verify-email?token=${mail.token}`, { token: null });
  t.same([again.status, again.body], [400, invalidPayload('Invalid verification code')], 'the link works once');

  const snap = await snapshot();
  const existing = await app.post('/users/register', { email, password: 'takeover-attempt' }, { token: null });
  t.equal(existing.status, 204, 'an existing email is not revealed');
  t.equal(await snapshot(), snap, '... and not touched');
  t.same((await app.get('/users/register/verify-email', { token: null })).body, error('INVALID_TOKEN', 'Invalid token.'));

  await setSettings(`public_registration_email_filter = '{"email":{"_ends_with":"@corp.example"}}'`);
  const filtered = await app.post('/users/register', { email: 'outsider@example.com', password: 'p' }, { token: null });
  t.same([filtered.status, filtered.body], [403, forbidden], 'public_registration_email_filter');
  t.equal(await snapshot(), snap);
  t.same((await app.post('/users/register', { email: 'a@corp.example.com', password: 'p', verification_url: 'https://evil.example/v' }, { token: null })).body,
    invalidPayload('URL "https://evil.example/v" can\'t be used to verify registered users'));
});

t.test('registration without verification: active at once, no mail', async (t) => {
  await setSettings('public_registration = true, public_registration_verify_email = false');
  t.teardown(() => setSettings('public_registration = false, public_registration_verify_email = true'));
  const email = `direct-${randomUUID().slice(0, 8)}@example.com`;
  const mails = smtp.received.length;
  t.equal((await app.post('/users/register', { email, password: 'pw-direct' }, { token: null })).status, 204);
  t.equal((await login(email, 'pw-direct')).status, 200);
  t.equal(smtp.received.length, mails);
  t.same((await app.post('/users/register', { email }, { token: null })).body, invalidPayload('"password" is required'));
  t.same((await app.post('/users/register', { email, password: 'p', role: 'x' }, { token: null })).body, invalidPayload('"role" is not allowed'), 'no choosing your role');
});

t.test('per-policy IP allow-lists (ip_access): policies that do not list the client IP are dropped', async (t) => {
  const u = await createUser(app, { admin: true });
  const [{ policy }] = await app.sql('select a.policy from directus_access a join directus_users u on u.role = a.role where u.id = $1', [u.id]);
  const signIn = async () => {
    const res = await login(u.email, u.password);
    return { status: res.status, token: res.body.data.access_token as string, admin_access: decodeJwt(res.body.data.access_token).admin_access };
  };
  for (const [ipAccess, allowed] of [
    ['127.0.0.1', true], ['10.0.0.0/8,127.0.0.0/8', true], ['127.0.0.0-127.0.0.9', true], ['::1', false],
    ['10.0.0.0/8', false], ['not-an-ip', false],
  ] as const) {
    await app.sql('update directus_policies set ip_access = $2 where id = $1', [policy, ipAccess]);
    const c = await signIn();
    t.equal(c.status, 200, `${ipAccess}: login is not refused (Directus 11/12 drop the policy, no INVALID_IP)`);
    t.equal(c.admin_access, allowed, `${ipAccess}: admin_access`);
    const before = await snapshot();
    t.equal((await app.get('/users?limit=1', { token: c.token })).status, allowed ? 200 : 403, `${ipAccess}: admin reads`);
    if (!allowed) {
      const write = await app.post('/users/invite', { email: 'ip-test@example.com', role: randomUUID() }, { token: c.token });
      t.same([write.status, write.body], [403, forbidden], `${ipAccess}: admin writes refused`);
      t.equal(await snapshot(), before, `${ipAccess}: nothing changed`);
    }
  }
  await app.sql('update directus_policies set ip_access = null where id = $1', [policy]);
  t.equal((await signIn()).admin_access, true);

  // the public policy too
  const [{ id: pub }] = await app.sql("select p.id from directus_policies p join directus_access a on a.policy = p.id where a.role is null and a.user is null limit 1");
  const anonymous = async () => JSON.parse((await app.sql('select strata.access_public($1)::text as a', ['127.0.0.1']))[0].a).policies;
  t.ok((await anonymous()).includes(pub));
  await app.sql("update directus_policies set ip_access = '10.1.2.3' where id = $1", [pub]);
  t.notOk((await anonymous()).includes(pub), 'a public policy restricted to another IP is dropped');
  await app.sql('update directus_policies set ip_access = null where id = $1', [pub]);
});

t.test('ip_in_networks', async (t) => {
  const check = async (ip: string, list: string) => (await app.sql('select strata.ip_in_networks($1, $2) as ok', [ip, list]))[0].ok;
  t.equal(await check('127.0.0.1', '127.0.0.1'), true);
  t.equal(await check('127.0.0.1', ' 10.0.0.1 , 127.0.0.1 '), true, 'spaces around entries');
  t.equal(await check('10.2.3.4', '10.0.0.0/8'), true);
  t.equal(await check('11.2.3.4', '10.0.0.0/8'), false);
  t.equal(await check('10.0.0.5', '10.0.0.1-10.0.0.9'), true);
  t.equal(await check('10.0.0.10', '10.0.0.1-10.0.0.9'), false);
  t.equal(await check('2001:db8::1', '2001:db8::/32'), true);
  t.equal(await check('127.0.0.1', 'garbage,,'), false);
  t.equal(await check('not-an-ip', '0.0.0.0/0'), false);
});
