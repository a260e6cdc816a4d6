// The remaining Directus event scopes (issue 14), against the $trigger shapes Directus 12.4 logs
// (test/fixtures/directus-flow-events.json, recorded from Directus 12.4): auth.jwt (claims a flow
// adds are signed), authenticate (a flow may name the caller; access stays the database's),
// request.not_found, response (queued, secrets redacted), email.send (change or refuse a mail),
// items.sort, items.promote (filter and action), and the mail operation's cc/bcc/replyTo/fromName.
// Nothing listening costs nothing observable: no runs, no queue rows, answers as before.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { startApp } from './helpers/app.js';
import { startSmtp } from './helpers/smtp.js';

t.setTimeout(240_000);

const FX: Record<string, any> = JSON.parse(readFileSync(new URL('./fixtures/directus-flow-events.json', import.meta.url), 'utf8'));
const smtp = await startSmtp(t);
const a = await startApp(t, { ...smtp.env, FLOWS_DELIVERY_BACKOFF: '20', FLOWS_DELIVERY_ATTEMPTS: '2' });
const me = (await a.get('/users/me')).body.data;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const norm = (v: unknown): unknown => {
  if (typeof v === 'string') return v.replace(UUID, '<uuid>');
  if (Array.isArray(v)) return v.map(norm);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, norm(x)]));
  return v;
};
const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1], 'base64url').toString());

async function runsOf(flow: string, n: number): Promise<any[]> {
  for (let i = 0; ; i++) {
    const rows = await a.sql<any>(`select a.id, a."user", a.user_agent, r.data from directus_activity a left join directus_revisions r on r.activity = a.id
      where a.collection = 'directus_flows' and a.item = $1 and a.action = 'run' order by a.id`, [flow]);
    if (rows.length >= n || i > 500) return rows.map((r) => ({ ...r, data: typeof r.data === 'string' ? JSON.parse(r.data) : r.data }));
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function makeFlow(def: Record<string, unknown>, ops: { key: string; type: string; options: unknown }[] = []): Promise<string> {
  // active once its first operation is set: a filter flow without operations answers its $trigger as $last
  const res = await a.post('/flows', { name: `zsc_${Math.random()}`, accountability: 'all', ...def, status: ops.length ? 'inactive' : 'active',
    operations: ops.map((o, i) => ({ ...o, position_x: i + 1, position_y: 1 })) });
  if (res.status !== 200) throw new Error(`flow create: ${res.status} ${res.text}`);
  if (ops.length) await a.patch(`/flows/${res.body.data.id}`, { operation: res.body.data.operations[0], status: 'active' });
  return res.body.data.id;
}
const off = (flow: string) => a.patch(`/flows/${flow}`, { status: 'inactive' });
const exec = (code: string) => ({ key: 'script', type: 'exec', options: { code } });
const reject = (path: Record<string, unknown>) => ({ key: 'check', type: 'condition', options: { filter: { $trigger: path } } });
const login = (body: Record<string, unknown> = {}) => a.post('/auth/login', { email: 'admin@example.com', password: a.cluster.adminPassword, ...body }, { token: null });
const queued = async (event: string) => (await a.sql(`select count(*)::int as n from strata.deliveries where event = $1`, [event]))[0].n;

t.test('auth.jwt: the claims a flow returns are signed, at login and refresh; the session claim stays the session\'s', async (t) => {
  const flow = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['auth.jwt'], return: '$last' } },
    [exec("module.exports = async function (data) { return { ...data.$trigger.payload, tenant: 'acme' }; }")]);
  const res = await login();
  t.equal(res.status, 200);
  const claims = claimsOf(res.body.data.access_token);
  t.same(norm({ ...claims, iat: 0, exp: 0 }), FX.auth_jwt_custom_claims, 'the added claim is in the token (as Directus signs it)');
  const [run] = await runsOf(flow, 1);
  t.same(norm(run.data.data.$trigger), FX.auth_jwt_filter_trigger, '{payload: claims, event, status, user, provider, type: login}');
  t.same({ ...run.data.data.$accountability, userAgent: 'node' }, FX.auth_jwt_accountability, 'nobody signed in yet');
  t.equal((await a.get('/users/me', { token: res.body.data.access_token })).body.data.id, me.id, 'the token works');
  const refreshed = await a.post('/auth/refresh', { refresh_token: res.body.data.refresh_token, mode: 'json' }, { token: null });
  t.equal(claimsOf(refreshed.body.data.access_token).tenant, 'acme');
  t.equal((await runsOf(flow, 2))[1].data.data.$trigger.type, FX.auth_jwt_refresh_type);
  // session mode: the flow is shown the refresh token redacted (Directus: in clear), the cookie's JWT has the real one
  const session = await login({ mode: 'session' });
  const cookie = String(session.headers.get('set-cookie')).split(';')[0];
  const runs = await runsOf(flow, 3);
  t.equal(runs[2].data.data.$trigger.payload.session, '--redacted--');
  const sessionClaims = claimsOf(cookie.split('=')[1]);
  t.equal(sessionClaims.tenant, 'acme');
  t.not(sessionClaims.session, '--redacted--');
  t.equal((await a.get('/users/me', { token: null, headers: { cookie } })).status, 200, 'the session cookie works');
  await off(flow);
});

t.test('auth.jwt: a refusing flow refuses the sign-in with its error; no session is left', async (t) => {
  const flow = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['auth.jwt'] } }, [reject({ user: { _null: true } })]);
  const before = (await a.sql(`select count(*)::int as n from directus_sessions where "user" = $1`, [me.id]))[0].n;
  const res = await login();
  t.equal(res.status, 400);
  t.equal(res.body.errors[0].extensions.code, 'FAILED_VALIDATION');
  t.notOk(res.body.data, 'no token');
  t.equal((await a.sql(`select count(*)::int as n from directus_sessions where "user" = $1`, [me.id]))[0].n, before, 'no session');
  await off(flow);
  t.equal((await login()).status, 200, 'signing in again once it is off');
});

t.test('authenticate: the flow sees Directus\'s default accountability and the request; its answer names the caller', async (t) => {
  const watch = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['authenticate'] } });
  // (Directus was asked with /server/ping, which Strata answers without authenticating: /users/me here)
  const res = await a.get('/users/me?x=1', { headers: { 'user-agent': 'probe-auth', origin: 'http://o.example' } });
  t.equal(res.status, 200);
  await off(watch);
  const run = (await runsOf(watch, 1))[0];
  const trig = run.data.data.$trigger;
  t.same(trig.payload, FX.authenticate_filter_trigger.payload);
  t.equal(trig.event, 'authenticate');
  t.match(trig.req, { ...FX.authenticate_filter_trigger.req, url: '/users/me?x=1', path: '/users/me' });
  t.equal(trig.req.headers.authorization, '--redacted--', 'the token is not logged');
  t.same({ user: run.user, user_agent: run.user_agent, accountability: run.data.data.$accountability }, FX.authenticate_run, 'no accountability yet');

  // a flow naming a user by a header: that user's access (from the database), the token unread
  const editor = (await a.post('/users', { email: 'auth-ed@example.com', password: 'pw-editor-1', status: 'active' })).body.data.id;
  const name = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['authenticate'], return: '$last' } },
    [exec(`module.exports = async function (data) { const h = data.$trigger.req.headers['x-as']; return h ? { ...data.$trigger.payload, user: h, admin: true } : data.$trigger.payload; }`)]);
  const editorToken = (await a.post('/auth/login', { email: 'auth-ed@example.com', password: 'pw-editor-1' }, { token: null })).body.data.access_token;
  const asEditor = async (path: string) => {
    const [named, signedIn] = [await a.get(path, { token: null, headers: { 'x-as': editor } }), await a.get(path, { token: editorToken })];
    return [{ status: named.status, body: named.body }, { status: signedIn.status, body: signedIn.body }];
  };
  const [me1, me2] = await asEditor('/users/me?fields=id,email');
  t.same(me1, me2, 'the user the flow named: as if signed in');
  const [admin1] = [await a.get('/flows?fields=id&limit=1', { token: null, headers: { 'x-as': me.id } })];
  t.equal(admin1.status, 200, 'the admin the flow named');
  const [flows1, flows2] = await asEditor('/flows');
  t.same(flows1, flows2, 'an admin flag a flow sets is not believed: access is the user\'s');
  t.equal(flows1.status, 403);
  t.equal((await a.get('/users/me', { token: null, headers: { 'x-as': 'not-a-uuid' } })).status, 401, 'an unknown user: invalid credentials');
  t.equal((await a.get('/users/me')).body.data.id, me.id, 'the same answer: the token decides');
  // a refusing flow refuses every request with its error
  await off(name);
  const refuse = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['authenticate'] } }, [reject({ req: { headers: { 'x-block': { _null: true } } } })]);
  const blocked = await a.get('/users/me', { headers: { 'x-block': '1' } });
  t.equal(blocked.status, 400);
  t.equal(blocked.body.errors[0].extensions.code, 'FAILED_VALIDATION');
  t.equal((await a.get('/users/me')).status, 200);
  await off(refuse);
});

t.test('request.not_found: the flow sees the unknown route; a refusal answers its error', async (t) => {
  const flow = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['request.not_found'] } }, [reject({ request: { query: { y: { _neq: 'block' } } } })]);
  const res = await a.get('/nope/x?y=2', { headers: { 'user-agent': 'probe-nf' } });
  t.same({ status: res.status, body: res.body }, FX.request_not_found_answer);
  const [run] = await runsOf(flow, 1);
  t.match(run.data.data.$trigger, FX.request_not_found_trigger);
  t.equal(run.user, me.id, 'the caller\'s accountability');
  const refused = await a.get('/nope/x?y=block');
  t.equal(refused.status, 400);
  t.equal(refused.body.errors[0].extensions.code, 'FAILED_VALIDATION');
  t.equal((await a.get('/server/ping')).status, 200, 'known routes never ask');
  t.equal((await runsOf(flow, 2)).length, 2);
  await off(flow);
});

t.test('response: an action flow hears of each answered request, secrets redacted in the queue', async (t) => {
  const flow = await makeFlow({ trigger: 'event', options: { type: 'action', scope: ['response'] } });
  // (Directus was asked with /server/ping; here a route that authenticates, with the token in the query)
  const res = await a.get('/users/me?z=3&access_token=' + a.adminToken, { token: null, headers: { 'user-agent': 'probe-resp' } });
  t.equal(res.status, 200);
  let run;
  for (let n = 1; !run && n < 20; n++) run = (await runsOf(flow, n)).find((r) => r.data.data.$trigger.request.path === '/users/me');
  await off(flow);
  const { _note, ...expected } = FX.response_action_trigger;
  t.match(run.data.data.$trigger, { ...expected, request: { ...expected.request, host: `127.0.0.1:${new URL(a.url).port}`, path: '/users/me', url: `/users/me?z=3&access_token=--redacted--`, query: { z: '3', access_token: '--redacted--' } }, duration: /^\d+$/ });
  t.equal(run.data.data.$trigger.request.headers['user-agent'], 'probe-resp');
  t.equal(run.user, me.id, 'the caller (a token in the query)');
  const rows = await a.sql(`select payload::text as p from strata.deliveries where event = 'response'`);
  t.ok(rows.length >= 1);
  t.notOk(rows.some((r) => r.p.includes(a.adminToken)), 'no token in the queue');
});

t.test('email.send: a flow changes a mail, or refuses it', async (t) => {
  const change = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['email.send'], return: '$last' } },
    [exec("module.exports = async function (data) { return { ...data.$trigger.payload, subject: 'Changed: ' + data.$trigger.payload.subject, bcc: ['audit@example.com'] }; }")]);
  const mailer = await makeFlow({ trigger: 'webhook', options: { method: 'GET' } },
    [{ key: 'mail', type: 'mail', options: FX.mail_operation_options }]);
  t.equal((await a.get(`/flows/trigger/${mailer}`)).status, 204);
  const mail = await smtp.next();
  t.equal(mail.subject, 'Changed: Hi');
  t.same(mail.to.sort(), ['a@example.com', 'audit@example.com', 'b@example.com', 'c@example.com'], 'to and cc; the flow\'s bcc replaced the operation\'s');
  t.match(mail.raw, /^To: a@example.com, b@example.com$/m);
  t.match(mail.raw, /^Cc: c@example.com$/m);
  t.match(mail.raw, /^Reply-To: r@example.com$/m);
  t.match(mail.raw, /^From: "Flow Sender" <no-reply@example.com>$/m, 'fromName with EMAIL_FROM\'s address');
  t.notMatch(mail.raw, /^Bcc:/m, 'bcc is the envelope\'s only');
  const runs = await runsOf(change, 1);
  const { html, ...payload } = runs[0].data.data.$trigger.payload;
  const { html: fxHtml, ...fxPayload } = FX.email_send_mail_operation_trigger.payload;
  t.same(payload, { ...fxPayload, text: FX.mail_operation_options.body }, 'Directus\'s payload (Strata also hands the markdown as text)');
  t.equal(html.trim(), fxHtml.trim());
  t.equal(runs[0].data.data.$accountability, null);
  await off(change);
  // a refusing flow: the password reset still answers 204, no mail goes
  const refuse = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['email.send'] } }, [reject({ payload: { to: { _neq: 'admin@example.com' } } })]);
  const before = smtp.received.length;
  t.equal((await a.post('/auth/password/request', { email: 'admin@example.com' }, { token: null })).status, FX.email_send_refused.password_request_status);
  await runsOf(refuse, 1);
  t.equal((await a.get(`/flows/trigger/${mailer}`)).status, 204);
  t.equal((await smtp.next()).subject, 'Hi', 'other mail goes');
  t.equal(smtp.received.length, before + 1, 'the reset mail was not sent');
  await off(refuse);
  await off(mailer);
});

t.test('items.sort and items.promote', async (t) => {
  await a.post('/collections', { collection: 'zsorted', schema: {}, meta: { sort_field: 'sort', versioning: true }, fields: [
    { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
    { field: 'title', type: 'string' }, { field: 'sort', type: 'integer' }] });
  for (const title of ['a', 'b', 'c']) await a.post('/items/zsorted', { title });
  const action = await makeFlow({ trigger: 'event', options: { type: 'action', scope: ['items.sort', 'items.promote'] } });
  const filter = await makeFlow({ trigger: 'event', options: { type: 'filter', scope: ['items.promote'], return: '$last' } },
    [exec("module.exports = async function (data) { if (data.$trigger.payload.title === 'no') throw new Error('not that title'); return { title: data.$trigger.payload.title + '!' }; }")]);
  t.equal((await a.post('/utils/sort/zsorted', { item: 1, to: 3 })).status, 204);
  const [sorted] = await runsOf(action, 1);
  t.same(sorted.data.data.$trigger, { ...FX.items_sort_action_trigger, collection: 'zsorted' });
  t.equal(sorted.user, me.id);

  const version = (await a.post('/versions', { key: 'draft', name: 'Draft', collection: 'zsorted', item: '2' })).body.data;
  await a.post(`/versions/${version.id}/save`, { title: 'b2' });
  const promote = async () => a.post(`/versions/${version.id}/promote`, { mainHash: (await a.get(`/versions/${version.id}/compare`)).body.data.mainHash });
  t.same((await promote()).body, { data: '2' });
  t.equal((await a.get('/items/zsorted/2')).body.data.title, 'b2!', 'the filter\'s answer was written');
  const [f] = await runsOf(filter, 1);
  t.same(norm(f.data.data.$trigger), { ...FX.items_promote_filter_trigger, collection: 'zsorted' });
  const runs = await runsOf(action, 2);
  t.same(norm(runs[1].data.data.$trigger), { ...FX.items_promote_action_trigger, collection: 'zsorted', payload: { title: 'b2!' } }, 'the action hears what was written');
  // a refusal: nothing written, no action
  await a.post(`/versions/${version.id}/save`, { title: 'no' });
  const refused = await promote();
  t.equal(refused.status, 500);
  t.equal(refused.body.errors[0].message, 'not that title');
  t.equal((await a.get('/items/zsorted/2')).body.data.title, 'b2!', 'nothing written');
  await runsOf(filter, 2);
  t.equal((await runsOf(action, 0)).length, 2, 'no action run');
  await off(action);
  await off(filter);
});

t.test('nothing listening: no runs, nothing queued, answers as before', async (t) => {
  const runs = async () => (await a.sql(`select count(*)::int as n from directus_activity where collection = 'directus_flows' and action = 'run'`))[0].n;
  const before = await runs();
  const events = ['response', 'items.sort', 'items.promote'];
  const queuedBefore = await Promise.all(events.map(queued));
  const res = await login();
  t.notOk('tenant' in claimsOf(res.body.data.access_token), 'plain claims');
  t.equal((await a.get('/users/me')).status, 200);
  t.equal((await a.get('/nope')).status, 404);
  t.equal((await a.post('/utils/sort/zsorted', { item: 3, to: 1 })).status, 204);
  t.equal((await a.post('/auth/password/request', { email: 'admin@example.com' }, { token: null })).status, 204);
  t.match((await smtp.next()).subject, /Password Reset/, 'mail goes');
  await new Promise((r) => setTimeout(r, 200));
  t.equal(await runs(), before, 'no flow ran');
  t.same(await Promise.all(events.map(queued)), queuedBefore, 'nothing queued');
});
