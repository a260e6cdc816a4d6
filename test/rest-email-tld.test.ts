// Emails whose top-level domain is not on IANA's list (".test", ".local", ".invalid",
// ".example", ".localhost") are refused where Directus refuses them. Every answer below was
// recorded from Directus 12.4:
//   POST /auth/login, POST /users/invite, POST /users/register -> 400 INVALID_PAYLOAD
//     ("email" must be a valid email; "email[1]" for the second of an array)
//   POST /users (one or a batch), PATCH /users/:id, PATCH /users {keys, data}, PATCH /users/me
//     -> 400 FAILED_VALIDATION {field: email, type: email, path: []}, nothing written
//   POST /auth/password/request and POST /shares/invite -> 204 (no TLD check there)
//   real TLDs in any case or form (".COM", ".xn--p1ai", ".рф") pass the check (401 for an unknown user)
import t from 'tap';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from './helpers/app.js';
import { createUser } from './helpers/users.js';
import { startSmtp } from './helpers/smtp.js';

const smtp = await startSmtp(t);
const app = await startApp(t, { ...smtp.env, STRATA_AUTH_CACHE_TTL: '0', REGISTER_STALL_TIME: '0', RATE_LIMITER_REGISTRATION_ENABLED: 'false' });
const error = (code: string, message: string, ext: Record<string, unknown> = {}) => ({ errors: [{ message, extensions: { ...ext, code } }] });
const invalidEmail = (name = 'email') => error('INVALID_PAYLOAD', `Invalid payload. "${name}" must be a valid email.`, { reason: `"${name}" must be a valid email` });
const failedEmail = error('FAILED_VALIDATION', 'Validation failed for field "email". Value has to be a valid email address.', { field: 'email', type: 'email', path: [] });
const users = async () => (await app.sql<{ h: string }>("select md5(string_agg(u::text, '|' order by u.id)) as h from directus_users u"))[0].h;
const FAKE_TLDS = ['a@b.test', 'a@b.local', 'a@b.invalid', 'a@b.example', 'a@b.localhost', 'a@b.TEST'];

t.test('login: an email with an unknown TLD is 400 INVALID_PAYLOAD, real TLDs in any form are checked as usual', async (t) => {
  for (const email of FAKE_TLDS) {
    const res = await app.post('/auth/login', { email, password: 'x' }, { token: null });
    t.same([res.status, res.body], [400, invalidEmail()], email);
  }
  for (const email of ['a@b.COM', 'a@b.xn--p1ai', 'a@b.рф', 'a@example.com']) {
    const res = await app.post('/auth/login', { email, password: 'x' }, { token: null });
    t.same([res.status, res.body], [401, error('INVALID_CREDENTIALS', 'Invalid user credentials.')], email);
  }
  const u = await createUser(app, { email: 'case@Example.COM' });
  t.equal((await app.post('/auth/login', { email: 'case@example.com', password: u.password }, { token: null })).status, 200, 'a real user still logs in');
});

t.test('user writes: FAILED_VALIDATION, nothing written', async (t) => {
  const before = await users();
  for (const email of ['em1@b.test', 'em1@b.local', 'em1@corp.example', 'em1@localhost', 'not-an-email', 'em1@b.com.']) {
    const res = await app.post('/users', { email });
    t.same([res.status, res.body], [400, failedEmail], `POST /users ${email}`);
  }
  const batch = await app.post('/users', [{ email: 'em2@ok.com' }, { email: 'em2@b.test' }]);
  t.same([batch.status, batch.body], [400, failedEmail], 'a batch with one bad email');
  t.equal(await users(), before, 'no user was written');

  const ok = await app.post('/users', { email: 'em-ok@Example.com', password: 'pw-12345' });
  t.equal(ok.status, 200, 'a real TLD in capitals');
  const id = ok.body.data.id;
  const after = await users();
  t.same([(await app.patch(`/users/${id}`, { email: 'em3@b.test' })).body], [failedEmail], 'PATCH /users/:id');
  t.same([(await app.patch('/users', { keys: [id], data: { email: 'em3@b.invalid' } })).body], [failedEmail], 'PATCH /users {keys, data}');
  t.same([(await app.patch('/users', [{ id, email: 'em3@b.local' }])).body], [failedEmail], 'PATCH /users [batch]');
  t.equal(await users(), after, 'no user was changed');
  t.equal((await app.patch(`/users/${id}`, { email: 'em3@b.xn--p1ai' })).status, 200, 'a punycode TLD');
});

t.test('PATCH /users/me: FAILED_VALIDATION for the user\'s own email', async (t) => {
  const policy = '5e5e5e5e-5e5e-4e5e-8e5e-5e5e5e5e5e5e';
  const u = await createUser(app);
  await app.sql(`insert into directus_policies (id, name, app_access) values ('${policy}', 'em self', true);
    insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${u.id}', '${policy}');
    insert into directus_permissions (collection, action, fields, policy) values ('directus_users', 'update', '*', '${policy}')`);
  const token = (await app.post('/auth/login', { email: u.email, password: u.password }, { token: null })).body.data.access_token;
  const before = await users();
  for (const email of ['em5@b.test', 'em5@b.local']) {
    const res = await app.patch('/users/me', { email }, { token });
    t.same([res.status, res.body], [400, failedEmail], email);
  }
  t.equal(await users(), before);
  const fine = await app.patch('/users/me?fields=email', { email: 'em5@example.org' }, { token });
  t.same([fine.status, fine.body], [200, { data: { email: 'em5@example.org' } }]);
});

t.test('invite and registration: INVALID_PAYLOAD; password request and share invites: no check (204)', async (t) => {
  const role = (await app.sql<{ id: string }>("insert into directus_roles (id, name) values (gen_random_uuid(), 'em role') returning id"))[0].id;
  const before = await users();
  t.same((await app.post('/users/invite', { email: 'inv@b.test', role })).body, invalidEmail());
  t.same((await app.post('/users/invite', { email: ['inv@ok.com', 'inv@b.local'], role })).body, invalidEmail('email[1]'));
  await app.sql('update directus_settings set public_registration = true');
  t.same((await app.post('/users/register', { email: 'reg@b.test', password: 'p' }, { token: null })).body, invalidEmail());
  t.same((await app.post('/users/register', { email: 'a@corp.example', password: 'p', verification_url: 'https://evil.example/v' }, { token: null })).body,
    invalidEmail(), 'the email is checked before the verification URL');
  t.equal(await users(), before, 'nobody invited or registered');

  t.equal((await app.post('/auth/password/request', { email: 'pr@b.test' }, { token: null })).status, 204);
  const made = await app.post('/collections', { collection: 'em_shared', schema: {}, meta: {}, fields: [
    { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } }] });
  if (made.status !== 200) throw new Error(made.text);
  await app.post('/items/em_shared', {});
  const created = await app.post('/shares', { name: 'em', collection: 'em_shared', item: '1' });
  if (created.status !== 200) throw new Error(created.text);
  const share = created.body.data.id;
  t.equal((await app.post('/shares/invite', { share, emails: ['x@b.test'] })).status, 204, 'Directus 12.4 checks no TLD on share invites');
  t.same((await smtp.next()).to, ['x@b.test']);
});

t.test('SQL: strata.email_tld is the tlds package\'s list, and the committed file is up to date', async (t) => {
  const [r] = await app.sql("select strata.email_tld('com') as com, strata.email_tld('COM') as upper, strata.email_tld('xn--p1ai') as puny, strata.email_tld('рф') as uni, strata.email_tld('test') as test, strata.email_tld('local') as local, strata.email_tld(null) as nul");
  t.same(r, { com: true, upper: true, puny: true, uni: true, test: false, local: false, nul: null });
  const out = join(mkdtempSync(join(tmpdir(), 'strata-tlds-')), 'email_tld.sql');
  execFileSync(process.execPath, ['scripts/gen-email-tlds.mjs', out]);
  t.equal(readFileSync(out, 'utf8'), readFileSync('sql/fixtures/strata/util/email_tld.sql', 'utf8'), 'regenerate with node scripts/gen-email-tlds.mjs');
});
