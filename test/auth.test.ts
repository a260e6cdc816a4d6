// /auth/login, /auth/refresh, /auth/logout and how requests carry tokens — HTTP in, HTTP out,
// plus the rows each answer leaves (or does not leave) in the database.
import t from 'tap';
import { SignJWT, decodeJwt, decodeProtectedHeader } from 'jose';
import { startApp, type TestApp } from './helpers/app.js';
import { createUser } from './helpers/users.js';
import { totp, base32Decode } from '../src/auth/totp.js';

const SECRET = 'test-secret-test-secret-test-secret';
// Policies are looked up on every request here, so changes made with SQL show at once.
const app = await startApp(t, { STRATA_AUTH_CACHE_TTL: '0' });
const admin = (await app.sql<{ id: string; role: string }>('select id, role from directus_users where email = $1', [app.cluster.adminEmail]))[0];

const login = (body: unknown, opts = {}) => app.post('/auth/login', body, { token: null, ...opts });
const adminLogin = (mode?: string) => login({ email: app.cluster.adminEmail, password: app.cluster.adminPassword, ...(mode ? { mode } : {}) });
const count = async (table: string) => Number((await app.sql(`select count(*)::int as n from ${table}`))[0].n);
const sessionRow = async (token: string) => (await app.sql('select * from directus_sessions where token = $1', [token]))[0];
const error = (code: string, message: string, ext: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { ...ext, code } }] });
const invalidCredentials = error('INVALID_CREDENTIALS', 'Invalid user credentials.');
const invalidPayload = (reason: string) => error('INVALID_PAYLOAD', `Invalid payload. ${reason}.`, { reason });
/** The Set-Cookie header split into its name=value and attributes. */
function cookieOf(res: { headers: Headers }, name: string) {
  const raw = res.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!raw) return undefined;
  const [pair, ...attrs] = raw.split('; ');
  return { value: decodeURIComponent(pair.slice(name.length + 1)), attrs, raw };
}
const sign = (payload: Record<string, unknown>, secret = SECRET) =>
  new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
const whoAmI = async (opts: object) => {
  const res = await app.get('/server/info', opts);
  return { status: res.status, body: res.body, signedIn: res.status === 200 && 'version' in res.body.data };
};

t.test('login, json mode: access token, refresh token, expires in ms; one session row', async (t) => {
  const before = await count('directus_sessions');
  const res = await adminLogin();
  t.equal(res.status, 200);
  t.match(res.headers.get('content-type'), /application\/json/);
  t.same(Object.keys(res.body.data), ['expires', 'refresh_token', 'access_token'], 'Directus key order');
  t.equal(res.body.data.expires, 900000);
  t.match(res.body.data.refresh_token, /^[A-Za-z0-9_-]{64}$/);

  const jwt = res.body.data.access_token;
  t.same(decodeProtectedHeader(jwt), { alg: 'HS256', typ: 'JWT' });
  const claims = decodeJwt(jwt);
  t.same(Object.keys(claims), ['id', 'role', 'app_access', 'admin_access', 'iat', 'exp', 'iss'], 'exactly Directus claims');
  t.same({ ...claims, iat: 0, exp: 0 }, { id: admin.id, role: admin.role, app_access: true, admin_access: true, iat: 0, exp: 0, iss: 'directus' });
  t.equal(claims.exp! - claims.iat!, 900);
  t.ok(Math.abs(claims.iat! - Date.now() / 1000) < 5);

  t.equal(await count('directus_sessions'), before + 1);
  const row = await sessionRow(res.body.data.refresh_token);
  t.equal(row.user, admin.id);
  t.equal(row.ip, '127.0.0.1');
  t.equal(row.next_token, null);
  const ttl = new Date(row.expires).getTime() - Date.now();
  t.ok(ttl > 7 * 86400_000 - 60_000 && ttl <= 7 * 86400_000, 'session lasts REFRESH_TOKEN_TTL (7d)');
  const [activity] = await app.sql("select * from directus_activity where action = 'login' order by id desc limit 1");
  t.match(activity, { user: admin.id, collection: 'directus_users', item: admin.id, ip: '127.0.0.1' });
  const [u] = await app.sql('select last_access from directus_users where id = $1', [admin.id]);
  t.ok(Date.now() - new Date(u.last_access).getTime() < 60_000, 'last_access updated');

  t.ok((await whoAmI({ token: jwt })).signedIn, 'the access token works');
});

t.test('login, cookie mode: refresh token in an httpOnly cookie, not in the body', async (t) => {
  const res = await adminLogin('cookie');
  t.equal(res.status, 200);
  t.same(Object.keys(res.body.data), ['expires', 'access_token']);
  t.equal(res.body.data.expires, 900000);
  const c = cookieOf(res, 'directus_refresh_token')!;
  t.ok(c, 'refresh cookie set');
  t.match(c.value, /^[A-Za-z0-9_-]{64}$/);
  t.same(c.attrs.filter((a) => !a.startsWith('Expires=')), ['Max-Age=604800', 'Path=/', 'HttpOnly', 'SameSite=Lax']);
  const expires = Date.parse(c.attrs.find((a) => a.startsWith('Expires='))!.slice(8));
  t.ok(Math.abs(expires - (Date.now() + 604800_000)) < 5000, 'Expires matches Max-Age');
  t.equal((await sessionRow(c.value)).user, admin.id);
  t.notOk(cookieOf(res, 'directus_session_token'));
});

t.test('login, session mode: a session JWT in a cookie, body {expires}', async (t) => {
  const res = await adminLogin('session');
  t.equal(res.status, 200);
  t.same(res.body, { data: { expires: 86400000 } });
  const c = cookieOf(res, 'directus_session_token')!;
  t.same(c.attrs.filter((a) => !a.startsWith('Expires=')), ['Max-Age=86400', 'Path=/', 'HttpOnly', 'SameSite=Lax']);
  const claims = decodeJwt(c.value);
  t.same(Object.keys(claims), ['id', 'role', 'app_access', 'admin_access', 'session', 'iat', 'exp', 'iss']);
  t.equal(claims.exp! - claims.iat!, 86400);
  t.equal((await sessionRow(claims.session as string)).user, admin.id, 'the session claim is a session row');
  t.ok((await whoAmI({ token: null, headers: { cookie: `directus_session_token=${c.value}` } })).signedIn, 'the cookie signs requests in');
});

t.test('cookie attributes follow the configuration', async (t) => {
  const other = await startApp(t, {
    REFRESH_TOKEN_COOKIE_NAME: 'rt', REFRESH_TOKEN_COOKIE_SECURE: 'true', REFRESH_TOKEN_COOKIE_SAME_SITE: 'none',
    REFRESH_TOKEN_COOKIE_DOMAIN: 'example.com', REFRESH_TOKEN_TTL: '2h', ACCESS_TOKEN_TTL: '30s',
  });
  const res = await other.post('/auth/login', { email: app.cluster.adminEmail, password: app.cluster.adminPassword, mode: 'cookie' }, { token: null });
  t.equal(res.body.data.expires, 30000);
  const c = cookieOf(res, 'rt')!;
  t.same(c.attrs.filter((a) => !a.startsWith('Expires=')), ['Max-Age=7200', 'Domain=example.com', 'Path=/', 'HttpOnly', 'Secure', 'SameSite=None']);
  const refreshed = await other.post('/auth/refresh', undefined, { token: null, headers: { cookie: `rt=${c.value}` } });
  t.equal(refreshed.status, 200, 'the renamed cookie is read back');
});

t.test('wrong credentials: 401 INVALID_CREDENTIALS, nothing written', async (t) => {
  const suspended = await createUser(app, { status: 'suspended' });
  const cases: [string, Record<string, unknown>][] = [
    ['wrong password', { email: app.cluster.adminEmail, password: 'not-the-password' }],
    ['unknown email', { email: 'nobody@example.com', password: 'whatever' }],
    // Directus 12 does not reveal suspension at login: INVALID_CREDENTIALS, even with the right password.
    ['suspended user, right password', { email: suspended.email, password: suspended.password }],
    ['suspended user, wrong password', { email: suspended.email, password: 'nope' }],
  ];
  for (const status of ['draft', 'invited', 'archived']) {
    const u = await createUser(app, { status });
    cases.push([`${status} user`, { email: u.email, password: u.password }]);
  }
  const sso = await createUser(app, { provider: 'github' });
  cases.push(['user of another provider', { email: sso.email, password: sso.password }]);
  const noPassword = await createUser(app, { password: null });
  cases.push(['user without password', { email: noPassword.email, password: 'anything' }]);

  const sessions = await count('directus_sessions');
  const activity = await count('directus_activity');
  for (const [name, body] of cases) {
    const res = await login(body);
    t.equal(res.status, 401, name);
    t.same(res.body, invalidCredentials, name);
  }
  t.equal(await count('directus_sessions'), sessions, 'no session rows');
  t.equal(await count('directus_activity'), activity, 'no activity rows');
});

t.test('email is matched case-insensitively', async (t) => {
  const res = await login({ email: app.cluster.adminEmail.toUpperCase(), password: app.cluster.adminPassword });
  t.equal(res.status, 200);
});

t.test('invalid login payloads: 400 INVALID_PAYLOAD with Directus messages', async (t) => {
  const sessions = await count('directus_sessions');
  const cases: [unknown, string][] = [
    [{ password: 'x' }, '"email" is required'],
    [{ email: app.cluster.adminEmail }, '"password" is required'],
    [{}, '"email" is required'],
    [undefined, '"email" is required'],
    [[1], '"value" must be of type object'],
    [{ email: 5, password: 'x' }, '"email" must be a string'],
    [{ email: '', password: 'x' }, '"email" is not allowed to be empty'],
    [{ email: 'not-an-email', password: 'x' }, '"email" must be a valid email'],
    [{ email: 'a b@example.com', password: 'x' }, '"email" must be a valid email'],
    [{ email: 'a@example', password: 'x' }, '"email" must be a valid email'],
    [{ email: app.cluster.adminEmail, password: 5 }, '"password" must be a string'],
    [{ email: app.cluster.adminEmail, password: '' }, '"password" is not allowed to be empty'],
    [{ email: app.cluster.adminEmail, password: 'x', mode: 'foo' }, '"mode" must be one of [cookie, json, session]'],
    [{ email: app.cluster.adminEmail, password: 'x', mode: null }, '"mode" must be one of [cookie, json, session]'],
    [{ password: 'x', mode: 'foo' }, '"email" is required'],
    [{ email: app.cluster.adminEmail, password: 'x', otp: 5 }, '"otp" must be a string'],
  ];
  for (const [body, reason] of cases) {
    const res = await login(body);
    t.equal(res.status, 400, JSON.stringify(body));
    t.same(res.body, invalidPayload(reason), JSON.stringify(body));
  }
  const nul = await app.request('POST', '/auth/login', { token: null, raw: 'null', contentType: 'application/json' });
  t.same(nul.body, invalidPayload(`Unexpected token 'n', "null" is not valid JSON`), 'a JSON body must be an object or array');
  t.equal(await count('directus_sessions'), sessions, 'no session rows');
});

t.test('two-factor users need a valid one-time password', async (t) => {
  const secret = 'JBSWY3DPEHPK3PXP';
  const u = await createUser(app, { tfaSecret: secret });
  const sessions = await count('directus_sessions');
  const otpError = error('INVALID_OTP', 'Invalid user OTP.');
  t.same((await login({ email: u.email, password: u.password })).body, otpError, 'no otp');
  t.same((await login({ email: u.email, password: u.password, otp: '000000' === totp(base32Decode(secret), Math.floor(Date.now() / 30000)) ? '111111' : '000000' })).body, otpError, 'wrong otp');
  t.same((await login({ email: u.email, password: 'nope', otp: '123456' })).body, invalidCredentials, 'the password is checked first');
  t.equal(await count('directus_sessions'), sessions);
  const ok = await login({ email: u.email, password: u.password, otp: totp(base32Decode(secret), Math.floor(Date.now() / 30000)) });
  t.equal(ok.status, 200);
});

t.test('passwords are stored as argon2id hashes', async (t) => {
  const [row] = await app.sql('select password from directus_users where id = $1', [admin.id]);
  t.match(row.password, /^\$argon2id\$v=19\$m=\d+,t=\d+,p=\d+\$/);
  t.not(row.password.includes(app.cluster.adminPassword), true);
});

t.test('refresh, json mode: rotates the token in place', async (t) => {
  const { refresh_token: old } = (await adminLogin()).body.data;
  const sessions = await count('directus_sessions');
  const res = await app.post('/auth/refresh', { refresh_token: old }, { token: null });
  t.equal(res.status, 200);
  t.same(Object.keys(res.body.data), ['expires', 'refresh_token', 'access_token']);
  const next = res.body.data.refresh_token;
  t.not(next, old);
  t.equal(await count('directus_sessions'), sessions, 'same number of sessions');
  t.notOk(await sessionRow(old), 'the old token is gone');
  t.equal((await sessionRow(next)).user, admin.id);
  t.ok((await whoAmI({ token: res.body.data.access_token })).signedIn);
  const again = await app.post('/auth/refresh', { refresh_token: old }, { token: null });
  t.same([again.status, again.body], [401, invalidCredentials], 'the old token is refused at once');
  t.equal((await app.post('/auth/refresh', { refresh_token: next, mode: 'json' }, { token: null })).status, 200, 'the new one works');
});

t.test('refresh, cookie mode: reads and rotates the cookie', async (t) => {
  const login1 = await adminLogin('cookie');
  const old = cookieOf(login1, 'directus_refresh_token')!.value;
  const res = await app.post('/auth/refresh', undefined, { token: null, headers: { cookie: `directus_refresh_token=${old}` } });
  t.equal(res.status, 200);
  t.same(Object.keys(res.body.data), ['expires', 'access_token']);
  const next = cookieOf(res, 'directus_refresh_token')!.value;
  t.not(next, old);
  t.ok(await sessionRow(next));
  t.notOk(await sessionRow(old));
});

t.test('refresh, session mode: a grace period in which the old cookie yields the same new session', async (t) => {
  const cookie = cookieOf(await adminLogin('session'), 'directus_session_token')!.value;
  const oldSession = decodeJwt(cookie).session as string;
  const headers = { cookie: `directus_session_token=${cookie}` };
  const first = await app.post('/auth/refresh', { mode: 'session' }, { token: null, headers });
  t.equal(first.status, 200);
  t.same(first.body, { data: { expires: 86400000 } });
  const newSession = decodeJwt(cookieOf(first, 'directus_session_token')!.value).session as string;
  t.not(newSession, oldSession);
  const old = await sessionRow(oldSession);
  t.equal(old.next_token, newSession, 'the old row points at the new one');
  const grace = new Date(old.expires).getTime() - Date.now();
  t.ok(grace > 0 && grace <= 10_000, 'the old row lives for the grace period (10s)');
  const newRow = await sessionRow(newSession);
  t.ok(Math.abs(new Date(newRow.expires).getTime() - (Date.now() + 86400_000)) < 60_000, 'the new row lasts SESSION_COOKIE_TTL');

  const second = await app.post('/auth/refresh', { mode: 'session' }, { token: null, headers });
  t.equal(second.status, 200, 'the old cookie still refreshes within the grace period');
  t.equal(decodeJwt(cookieOf(second, 'directus_session_token')!.value).session, newSession, 'into the same new session');
  t.ok((await whoAmI({ token: null, headers })).signedIn, 'the old session JWT works within the grace period');

  // The grace period is over:
  await app.sql("update directus_sessions set expires = now() - interval '1 second' where token = $1", [oldSession]);
  const late = await app.post('/auth/refresh', { mode: 'session' }, { token: null, headers });
  t.same([late.status, late.body], [401, invalidCredentials]);
  const stale = await app.get('/server/info', { token: null, headers });
  t.same([stale.status, stale.body], [401, invalidCredentials], 'the old session JWT stops working');
  const cleared = cookieOf(stale, 'directus_session_token');
  t.ok(cleared && cleared.value === '' && cleared.attrs.includes('Max-Age=0'), 'and its cookie is cleared');
});

t.test('refresh refusals', async (t) => {
  const required = invalidPayload('The refresh token is required in either the payload or cookie');
  const post = (body: unknown, headers: Record<string, string> = {}) => app.post('/auth/refresh', body, { token: null, headers });
  t.same((await post({})).body, required, 'no token');
  t.same((await post(undefined)).body, required, 'no body');
  t.same((await post({ mode: 'json' })).body, required, 'json mode without token');
  t.same((await post({ mode: 'cookie', refresh_token: 'x' })).body, required, 'cookie mode reads only the cookie');
  t.same((await post({ mode: 'foo', refresh_token: 'x' })).body, required, 'unknown mode');
  t.same((await post({ mode: 'session' }, { cookie: 'directus_refresh_token=x' })).body, required, 'session mode reads only the session cookie');
  t.equal((await post({})).status, 400);
  t.same((await post({ refresh_token: 'no-such-token' })).body, invalidCredentials, 'unknown token');

  const { refresh_token: deleted } = (await adminLogin()).body.data;
  await app.sql('delete from directus_sessions where token = $1', [deleted]);
  const res = await post({ refresh_token: deleted });
  t.same([res.status, res.body], [401, invalidCredentials], 'a token whose row was deleted');

  const { refresh_token: expired } = (await adminLogin()).body.data;
  await app.sql("update directus_sessions set expires = now() - interval '1 minute' where token = $1", [expired]);
  t.same((await post({ refresh_token: expired })).body, invalidCredentials, 'an expired session');
});

t.test('suspending or deactivating a user ends their sessions at once, however it is done', async (t) => {
  // Directus's users service ends them on status changes made through the API; Strata's trigger
  // also covers plain SQL, so the refresh token is unknown (INVALID_CREDENTIALS) right away.
  for (const status of ['suspended', 'archived', 'draft']) {
    const u = await createUser(app);
    const { refresh_token } = (await login({ email: u.email, password: u.password })).body.data;
    await app.sql('update directus_users set status = $2 where id = $1', [u.id, status]);
    t.notOk(await sessionRow(refresh_token), `${status}: the session row is deleted`);
    const res = await app.post('/auth/refresh', { refresh_token }, { token: null });
    t.same([res.status, res.body], [401, invalidCredentials], status);
  }
});

t.test('refresh of a suspended user whose session survived: USER_SUSPENDED, the session ends', async (t) => {
  const u = await createUser(app);
  const { refresh_token } = (await login({ email: u.email, password: u.password })).body.data;
  // without the trigger (as after a suspension by an older Directus sharing the database)
  await app.sql('alter table directus_users disable trigger strata_user_sessions');
  try {
    await app.sql("update directus_users set status = 'suspended' where id = $1", [u.id]);
  } finally {
    await app.sql('alter table directus_users enable trigger strata_user_sessions');
  }
  t.ok(await sessionRow(refresh_token), 'the session survived');
  const res = await app.post('/auth/refresh', { refresh_token }, { token: null });
  t.same([res.status, res.body], [401, error('USER_SUSPENDED', 'User suspended.')]);
  t.notOk(await sessionRow(refresh_token), 'the session row is deleted');
});

t.test('logout: 204, the session is gone and its token refused', async (t) => {
  const { refresh_token, access_token } = (await adminLogin()).body.data;
  const res = await app.post('/auth/logout', { refresh_token }, { token: null });
  t.equal(res.status, 204);
  t.equal(res.text, '');
  t.equal(res.headers.getSetCookie().length, 0, 'no cookies touched in json mode');
  t.notOk(await sessionRow(refresh_token));
  const [activity] = await app.sql("select * from directus_activity where action = 'logout' order by id desc limit 1");
  t.match(activity, { user: admin.id, collection: 'directus_users', item: admin.id });
  t.same((await app.post('/auth/refresh', { refresh_token }, { token: null })).body, invalidCredentials);
  t.ok((await whoAmI({ token: access_token })).signedIn, 'a stateless access token lives until it expires (as in Directus)');

  const again = await app.post('/auth/logout', { refresh_token }, { token: null });
  t.equal(again.status, 204, 'logging out an unknown session is not an error');
  const none = await app.post('/auth/logout', {}, { token: null });
  t.same([none.status, none.body], [400, invalidPayload('The refresh token is required in either the payload or cookie')]);
});

t.test('logout in cookie and session modes clears the cookies', async (t) => {
  const rt = cookieOf(await adminLogin('cookie'), 'directus_refresh_token')!.value;
  const res = await app.post('/auth/logout', undefined, { token: null, headers: { cookie: `directus_refresh_token=${rt}` } });
  t.equal(res.status, 204);
  const cleared = cookieOf(res, 'directus_refresh_token')!;
  t.equal(cleared.value, '');
  t.ok(cleared.attrs.includes('Max-Age=0') && cleared.attrs.includes('Expires=Thu, 01 Jan 1970 00:00:00 GMT'), 'expired now');
  t.notOk(await sessionRow(rt));

  const st = cookieOf(await adminLogin('session'), 'directus_session_token')!.value;
  const headers = { cookie: `directus_session_token=${st}` };
  const out = await app.post('/auth/logout', { mode: 'session' }, { token: null, headers });
  t.equal(out.status, 204);
  t.equal(cookieOf(out, 'directus_session_token')!.value, '');
  t.notOk(await sessionRow(decodeJwt(st).session as string));
  const after = await app.get('/server/info', { token: null, headers });
  t.same([after.status, after.body], [401, invalidCredentials], 'the session JWT stops working at once');
  const bearer = await app.get('/server/info', { token: st });
  t.same([bearer.status, bearer.body], [401, invalidCredentials], 'also as a bearer token');
  t.equal(bearer.headers.getSetCookie().length, 0, 'no cookie to clear for a bearer token');
});

t.test('where tokens come from', async (t) => {
  const jwt = (await adminLogin()).body.data.access_token;
  t.ok((await whoAmI({ token: null, headers: { authorization: `Bearer ${jwt}` } })).signedIn, 'Authorization: Bearer');
  t.ok((await whoAmI({ token: null, headers: { authorization: `bearer ${jwt}` } })).signedIn, 'bearer, any case');
  const q = await app.get(`/server/info?access_token=${jwt}`, { token: null });
  t.ok('version' in q.body.data, '?access_token=');
  const both = await app.get(`/server/info?access_token=${jwt}`, { token: jwt });
  t.same([both.status, both.body], [400, invalidPayload('The request uses more than one method for including an access token')], 'both at once');
  const basic = await whoAmI({ token: null, headers: { authorization: 'Basic YTpi' } });
  t.same([basic.status, basic.signedIn], [200, false], 'another scheme is no token');
  const empty = await app.get('/server/info?access_token=', { token: null });
  t.same([empty.status, 'version' in empty.body.data], [200, false], 'an empty access_token is no token');
});

t.test('static tokens (directus_users.token)', async (t) => {
  const u = await createUser(app, { token: 'static-token-of-a-user', admin: false });
  const res = await app.get('/server/info', { token: 'static-token-of-a-user' });
  t.equal(res.status, 200);
  t.ok('version' in res.body.data, 'signed in');
  const health = await app.get('/server/health', { token: 'static-token-of-a-user' });
  t.same(health.body, { status: 'ok' }, 'as a non-admin user');
  t.ok((await whoAmI({ token: app.cluster.adminToken })).signedIn, 'the admin token from ADMIN_TOKEN');
  const unknown = await app.get('/server/info', { token: 'no-such-static-token' });
  t.same([unknown.status, unknown.body], [401, invalidCredentials]);
  const notDirectus = await sign({ id: u.id, role: null, app_access: false, admin_access: false, iss: 'someone-else' });
  t.same((await app.get('/server/info', { token: notDirectus })).body, invalidCredentials, 'a JWT of another issuer is looked up as a static token');
  await app.sql("update directus_users set status = 'suspended' where id = $1", [u.id]);
  t.same((await app.get('/server/info', { token: 'static-token-of-a-user' })).body, invalidCredentials, 'stops working when the user is suspended');
});

t.test('forged, tampered and expired JWTs', async (t) => {
  const jwt = (await adminLogin()).body.data.access_token as string;
  const [h, p, s] = jwt.split('.');
  const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const invalidToken = error('INVALID_TOKEN', 'Invalid token.');
  const now = Math.floor(Date.now() / 1000);
  const cases: [string, string, number, object][] = [
    ['alg none', `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`, 403, invalidToken],
    ['edited claims', `${h}.${b64({ ...payload, role: null })}.${s}`, 403, invalidToken],
    ['wrong key', await sign(payload, 'not-the-secret-not-the-secret'), 403, invalidToken],
    ['HS512 with the right key', await new SignJWT(payload).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(SECRET)), 403, invalidToken],
    ['missing admin_access', await sign({ id: admin.id, role: admin.role, app_access: true, iat: now, exp: now + 60, iss: 'directus' }), 403, invalidToken],
    ['expired', await sign({ ...payload, iat: now - 120, exp: now - 60 }), 401, error('TOKEN_EXPIRED', 'Token expired.')],
  ];
  for (const [name, token, status, body] of cases) {
    const res = await app.get('/server/info', { token });
    t.equal(res.status, status, name);
    t.same(res.body, body, name);
  }
  const ping = await app.get('/server/ping', { token: cases[0][1] });
  t.equal(ping.text, 'pong', 'ping answers before authentication');
  const unknownRoute = await app.get('/no/such/route', { token: cases[0][1] });
  t.equal(unknownRoute.status, 403, 'authentication runs before routing');
});

t.test('tokens of users who are deleted or suspended stop working', async (t) => {
  for (const change of ['suspend', 'delete'] as const) {
    const u = await createUser(app);
    const { access_token } = (await login({ email: u.email, password: u.password })).body.data;
    t.ok((await whoAmI({ token: access_token })).signedIn, `${change}: works before`);
    if (change === 'suspend') await app.sql("update directus_users set status = 'suspended' where id = $1", [u.id]);
    else await app.sql('delete from directus_users where id = $1', [u.id]);
    const res = await app.get('/server/info', { token: access_token });
    t.same([res.status, res.body], [401, invalidCredentials], `${change}: refused after`);
  }
});

t.test('a user without role gets a token with role null and no access flags', async (t) => {
  const u = await createUser(app);
  const res = await login({ email: u.email, password: u.password });
  const claims = decodeJwt(res.body.data.access_token);
  t.same([claims.id, claims.role, claims.app_access, claims.admin_access], [u.id, null, false, false]);
});

t.test('failed and successful logins take at least LOGIN_STALL_TIME', async (t) => {
  const slow = await startApp(t, { LOGIN_STALL_TIME: '300' });
  for (const [name, body] of [
    ['unknown email', { email: 'nobody@example.com', password: 'x' }],
    ['wrong password', { email: app.cluster.adminEmail, password: 'x' }],
    ['success', { email: app.cluster.adminEmail, password: app.cluster.adminPassword }],
  ] as const) {
    const started = performance.now();
    const res = await slow.post('/auth/login', body, { token: null });
    const took = performance.now() - started;
    t.ok(took >= 295, `${name}: ${Math.round(took)} ms (status ${res.status})`);
  }
});
