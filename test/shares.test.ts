// Shares over real HTTP: /shares CRUD through the system API, POST /shares/auth in its three
// modes with Directus's refusals, /auth/refresh of a share session, GET /shares/info/:id,
// POST /shares/invite (mail received by the test SMTP listener), who may create a share, and
// what a share token can reach: exactly the shared item and what is linked to it, read only.
// The expectations were recorded from Directus 12.4 (same collections, same requests); where
// Strata answers differently on purpose the test says so.
import t from 'tap';
import { decodeJwt } from 'jose';
import { startApp, type TestApp } from './helpers/app.js';
import { startSmtp } from './helpers/smtp.js';
import { WsClient } from './helpers/ws-client.js';
import { asRole } from './helpers/as-role.js';

const FORBIDDEN_THIS = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };
const INVALID_CREDENTIALS = { errors: [{ message: 'Invalid user credentials.', extensions: { code: 'INVALID_CREDENTIALS' } }] };
const noCollection = (c: string) => {
  const message = `You don't have permission to access collection "${c}" or it does not exist. Queried in root.`;
  return { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] };
};
const noShare = (c: string) => {
  const message = `You don't have permission to perform "share" for collection "${c}" or it does not exist.`;
  return { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] };
};

const READER_POLICY = 'a1a1a1a1-0000-4000-8000-000000000001';
const READER_ROLE = 'a1a1a1a1-0000-4000-8000-000000000002';
const SHARER_POLICY = 'a1a1a1a1-0000-4000-8000-000000000003';
const SHARER_ROLE = 'a1a1a1a1-0000-4000-8000-000000000004';
const SHARER = 'a1a1a1a1-0000-4000-8000-000000000005';

/** sh_authors <- sh_articles.author; sh_articles.comments <- sh_comments.article; sh_secret unrelated (as created on Directus) */
async function schema(app: TestApp) {
  const ok = async (p: Promise<{ status: number; text: string }>) => {
    const r = await p;
    if (r.status >= 300) throw new Error(r.text);
  };
  for (const c of ['sh_authors', 'sh_articles', 'sh_comments', 'sh_secret']) {
    await ok(app.post('/collections', { collection: c, schema: {}, meta: {}, fields: [
      { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } }, { field: 'name', type: 'string' }] }));
  }
  await ok(app.post('/fields/sh_articles', { field: 'author', type: 'integer' }));
  await ok(app.post('/relations', { collection: 'sh_articles', field: 'author', related_collection: 'sh_authors' }));
  await ok(app.post('/fields/sh_comments', { field: 'article', type: 'integer' }));
  await ok(app.post('/relations', { collection: 'sh_comments', field: 'article', related_collection: 'sh_articles', meta: { one_field: 'comments' } }));
  await ok(app.post('/fields/sh_articles', { field: 'comments', type: 'alias', meta: { special: ['o2m'] } }));
  await ok(app.post('/items/sh_authors', [{ name: 'ann' }, { name: 'bob' }]));
  await ok(app.post('/items/sh_articles', [{ name: 'a1', author: 1 }, { name: 'a2', author: 2 }]));
  await ok(app.post('/items/sh_comments', [{ name: 'c1', article: 1 }, { name: 'c2', article: 2 }]));
  await ok(app.post('/items/sh_secret', [{ name: 's' }]));
  // the shares' role reads all four collections and may even write: a share still may not
  await ok(app.post('/policies', { id: READER_POLICY, name: 'sh_readers', app_access: false, admin_access: false }));
  await ok(app.post('/permissions', [
    ...['sh_articles', 'sh_authors', 'sh_comments', 'sh_secret', 'directus_shares', 'directus_users'].map((collection) =>
      ({ policy: READER_POLICY, collection, action: 'read', fields: ['*'] })),
    { policy: READER_POLICY, collection: 'sh_articles', action: 'update', fields: ['*'] },
    { policy: READER_POLICY, collection: 'sh_articles', action: 'delete', fields: ['*'] },
    { policy: READER_POLICY, collection: 'sh_comments', action: 'create', fields: ['*'] },
  ]));
  await ok(app.post('/roles', { id: READER_ROLE, name: 'sh_role', policies: [{ policy: READER_POLICY }] }));
  // a user who may share articles (and read and create shares) but not authors
  await ok(app.post('/policies', { id: SHARER_POLICY, name: 'sh_sharer', app_access: false, admin_access: false }));
  await ok(app.post('/permissions', [
    { policy: SHARER_POLICY, collection: 'sh_articles', action: 'read', fields: ['*'] },
    { policy: SHARER_POLICY, collection: 'sh_articles', action: 'share', fields: ['*'] },
    { policy: SHARER_POLICY, collection: 'sh_authors', action: 'read', fields: ['*'] },
    { policy: SHARER_POLICY, collection: 'directus_shares', action: 'read', fields: ['*'] },
    { policy: SHARER_POLICY, collection: 'directus_shares', action: 'create', fields: ['*'] },
  ]));
  await ok(app.post('/roles', { id: SHARER_ROLE, name: 'sh_sharer', policies: [{ policy: SHARER_POLICY }] }));
  await ok(app.post('/users', { id: SHARER, email: 'sharer@example.com', password: 'pw-sharer', role: SHARER_ROLE }));
}

async function login(app: TestApp, email: string, password: string): Promise<string> {
  const r = await app.post('/auth/login', { email, password }, { token: null });
  return r.body.data.access_token;
}

async function share(app: TestApp, payload: Record<string, unknown>, token?: string): Promise<string> {
  const r = await app.post('/shares', payload, token === undefined ? {} : { token });
  if (r.status !== 200) throw new Error(r.text);
  return r.body.data.id;
}

async function shareToken(app: TestApp, id: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await app.post('/shares/auth', { share: id, ...extra }, { token: null });
  if (r.status !== 200) throw new Error(r.text);
  return r.body.data.access_token;
}

t.test('shares', async (t) => {
  const smtp = await startSmtp(t);
  const app = await startApp(t, { ...smtp.env, PUBLIC_URL: 'https://cms.example.com', WEBSOCKETS_REST_AUTH: 'public' });
  await schema(app);
  const [admin] = await app.sql<{ id: string }>("select id from directus_users where email = 'admin@example.com'");

  t.test('CRUD through the system API (admin)', async (t) => {
    const created = await app.post('/shares', { name: 's1', collection: 'sh_articles', item: '1', password: 'pw123', max_uses: 2 });
    t.equal(created.status, 200);
    t.same(Object.keys(created.body.data), ['id', 'name', 'collection', 'item', 'role', 'password', 'user_created', 'date_created',
      'date_start', 'date_end', 'times_used', 'max_uses']);
    t.match(created.body.data, { name: 's1', collection: 'sh_articles', item: '1', role: null, password: '**********',
      user_created: admin.id, date_start: null, date_end: null, times_used: 0, max_uses: 2 });
    const id = created.body.data.id;
    const [row] = await app.sql('select password from directus_shares where id = $1', [id]);
    t.match(row.password, /^\$argon2id\$/, 'the password is stored as an argon2 hash');
    const list = await app.get('/shares?fields=id,name');
    t.same(list.body.data.filter((s: { id: string }) => s.id === id), [{ id, name: 's1' }]);
    const patched = await app.patch(`/shares/${id}`, { name: 's1b', times_used: 0 });
    t.match(patched.body.data, { name: 's1b', password: '**********' });
    t.equal((await app.del(`/shares/${id}`)).status, 204);
    t.same((await app.get(`/shares/${id}`)).body, FORBIDDEN_THIS);

    // Directus: the collection must exist (for admins too); the item is not checked for admins.
    // A share without collection and item fails Strata's required-field check first (Directus: 403)
    const noName = await app.post('/shares', { name: 'bad' });
    t.equal(noName.status, 400);
    t.match(noName.body.errors, [{ extensions: { code: 'FAILED_VALIDATION', field: 'collection', type: 'required' } }]);
    t.same((await app.post('/shares', { collection: 'nope', item: '1' })).body, noCollection('nope'));
    t.equal((await app.post('/shares', { collection: 'sh_articles', item: '999' })).status, 200);
  });

  t.test('who may create a share: a share permission on the collection that the item satisfies', async (t) => {
    const user = await login(app, 'sharer@example.com', 'pw-sharer');
    const mine = await app.post('/shares', { collection: 'sh_articles', item: '1', user_created: admin.id }, { token: user });
    t.equal(mine.status, 200);
    t.equal(mine.body.data.user_created, SHARER, 'the creator is the caller, whatever the payload says');
    t.same((await app.post('/shares', { collection: 'sh_articles', item: '999' }, { token: user })).body, noShare('sh_articles'));
    t.same((await app.post('/shares', { collection: 'sh_authors', item: '1' }, { token: user })).body, noCollection('sh_authors'));
    t.same((await app.post('/shares', { collection: 'sh_secret', item: '1' }, { token: user })).body, noCollection('sh_secret'));
    // moving one's share to an item one may not share is refused the same way
    t.same((await app.patch(`/shares/${mine.body.data.id}`, { collection: 'sh_authors' }, { token: user })).status, 403);
    t.equal((await app.sql('select count(*)::int as n from directus_shares where user_created = $1', [SHARER]))[0].n, 1);
    t.equal((await app.post('/shares', { collection: 'sh_articles', item: '1' }, { token: null })).status, 403, 'anonymous callers');
    // the same rules for /graphql/system's mutations
    const gql = (query: string, token?: string) => app.post('/graphql/system', { query }, token === undefined ? {} : { token });
    const viaGql = await gql('mutation { create_shares_item(data: { collection: "sh_articles", item: "2" }) { id item } }', user);
    t.match(viaGql.body, { data: { create_shares_item: { id: /^[0-9a-f-]{36}$/, item: '2' } } });
    t.same(await app.sql('select collection, user_created from directus_shares where id = $1', [viaGql.body.data.create_shares_item.id]),
      [{ collection: 'sh_articles', user_created: SHARER }]);
    const refusedGql = await gql('mutation { create_shares_item(data: { collection: "sh_articles", item: "999" }) { id } }', user);
    t.equal(refusedGql.body.errors[0].message, noShare('sh_articles').errors[0].message);
    t.equal((await app.sql('select count(*)::int as n from directus_shares where user_created = $1', [SHARER]))[0].n, 2);
  });

  t.test('POST /shares/auth: modes, claims, counting', async (t) => {
    const id = await share(app, { collection: 'sh_articles', item: '1', role: READER_ROLE });
    const json = await app.post('/shares/auth', { share: id, extra: 1 }, { token: null });
    t.equal(json.status, 200);
    t.same(Object.keys(json.body.data), ['expires', 'refresh_token', 'access_token']);
    t.equal(json.body.data.expires, 900000);
    const claims = decodeJwt(json.body.data.access_token);
    t.same(Object.keys(claims), ['app_access', 'admin_access', 'role', 'share', 'iat', 'exp', 'iss'], "Directus 12's share claims");
    t.match(claims, { app_access: false, admin_access: false, role: null, share: id, iss: 'directus' });

    const session = await app.post('/shares/auth', { share: id, mode: 'session' }, { token: null });
    t.same(session.body, { data: { expires: 86400000 } });
    const cookie = session.headers.get('set-cookie')!;
    t.match(cookie, /^directus_session_token=[^;]+; Max-Age=86400; Path=\/; Expires=.*; HttpOnly; SameSite=Lax$/);
    const sessionJwt = cookie.split(';')[0].split('=')[1];
    t.match(decodeJwt(sessionJwt), { share: id, session: /.+/ });
    const viaCookie = await app.get('/items/sh_articles?fields=id', { token: null, headers: { cookie: `directus_session_token=${sessionJwt}` } });
    t.same(viaCookie.body, { data: [{ id: 1 }] });

    const cookieMode = await app.post('/shares/auth', { share: id, mode: 'cookie' }, { token: null });
    t.same(Object.keys(cookieMode.body.data), ['expires', 'access_token']);
    t.match(cookieMode.headers.get('set-cookie'), /^directus_refresh_token=[^;]+; Max-Age=604800; Path=\/;/);

    const [used] = await app.sql('select times_used from directus_shares where id = $1', [id]);
    t.equal(used.times_used, 3, 'every login is a use');
    t.equal((await app.sql('select count(*)::int as n from directus_sessions where share = $1 and "user" is null', [id]))[0].n, 3);

    // refresh: share tokens again, the old refresh token stops working
    const refreshed = await app.post('/auth/refresh', { refresh_token: json.body.data.refresh_token }, { token: null });
    t.equal(refreshed.status, 200);
    t.match(decodeJwt(refreshed.body.data.access_token), { share: id, role: null });
    t.not(refreshed.body.data.refresh_token, json.body.data.refresh_token);
    t.same((await app.post('/auth/refresh', { refresh_token: json.body.data.refresh_token }, { token: null })).body, INVALID_CREDENTIALS);
    const again = await app.get('/items/sh_articles?fields=id', { token: refreshed.body.data.access_token });
    t.same(again.body, { data: [{ id: 1 }] });

    // logging out ends a share's session
    const out = await app.post('/shares/auth', { share: id }, { token: null });
    t.equal((await app.post('/auth/logout', { refresh_token: out.body.data.refresh_token }, { token: null })).status, 204);
    t.same((await app.post('/auth/refresh', { refresh_token: out.body.data.refresh_token }, { token: null })).body, INVALID_CREDENTIALS);

    // deleting the share ends its tokens
    await app.del(`/shares/${id}`);
    t.equal((await app.get('/items/sh_articles', { token: refreshed.body.data.access_token })).status, 401);
  });

  t.test('POST /shares/auth refusals (Directus 12.4)', async (t) => {
    const protectedShare = await share(app, { collection: 'sh_articles', item: '1', password: 'pw123' });
    const ended = await share(app, { collection: 'sh_articles', item: '1', date_end: '2020-01-01T00:00:00Z' });
    const future = await share(app, { collection: 'sh_articles', item: '1', date_start: '2099-01-01T00:00:00Z' });
    const once = await share(app, { collection: 'sh_articles', item: '1', max_uses: 1 });
    const refused = async (body: unknown) => {
      const r = await app.post('/shares/auth', body, { token: null });
      t.equal(r.status, 401, JSON.stringify(body));
      t.same(r.body, INVALID_CREDENTIALS);
    };
    await refused({ share: protectedShare, password: 'wrong' });
    // Directus answers 500 for a missing password and for a share id that is not a uuid
    await refused({ share: protectedShare });
    await refused({ share: 'notuuid' });
    await refused({ share: ended });
    await refused({ share: future });
    await refused({ share: '00000000-0000-0000-0000-000000000000' });
    t.equal((await app.post('/shares/auth', { share: protectedShare, password: 'pw123' }, { token: null })).status, 200);
    t.equal((await app.post('/shares/auth', { share: once }, { token: null })).status, 200);
    // Directus lets max_uses + 1 logins in (max_uses 1 allowed 2); Strata stops at max_uses
    await refused({ share: once });
    t.same((await app.sql('select times_used from directus_shares where id = $1', [once]))[0], { times_used: 1 });
    t.same((await app.sql('select times_used from directus_shares where id = $1', [ended]))[0], { times_used: 0 }, 'refusals are not uses');

    const bad = async (body: unknown, reason: string) => {
      const r = await app.post('/shares/auth', body, { token: null });
      t.equal(r.status, 400);
      t.same(r.body, { errors: [{ message: `Invalid payload. ${reason}.`, extensions: { reason, code: 'INVALID_PAYLOAD' } }] });
    };
    await bad({}, '"share" is required');
    await bad({ share: once, mode: 'bogus' }, '"mode" must be one of [cookie, json, session]');
    await bad({ share: 1 }, '"share" must be a string');
    await bad({ share: once, password: 5 }, '"password" must be a string');
  });

  t.test('GET /shares/info/:id', async (t) => {
    const id = await share(app, { collection: 'sh_articles', item: '1', password: 'pw123', max_uses: 2, date_start: '2020-01-01T00:00:00Z' });
    const info = await app.get(`/shares/info/${id}`, { token: null });
    t.equal(info.status, 200);
    t.same(info.body, { data: { id, collection: 'sh_articles', item: '1', password: '**********', max_uses: 2, times_used: 0,
      date_start: '2020-01-01T00:00:00.000Z', date_end: null } });
    const open = await share(app, { collection: 'sh_articles', item: '1' });
    t.equal((await app.get(`/shares/info/${open}`, { token: null })).body.data.password, null);
    t.same((await app.get('/shares/info/00000000-0000-0000-0000-000000000000', { token: null })).body, FORBIDDEN_THIS);
    t.same((await app.get('/shares/info/nope', { token: null })).body, FORBIDDEN_THIS, 'Directus: 404 ROUTE_NOT_FOUND');
  });

  t.test('POST /shares/invite mails the link', async (t) => {
    const id = await share(app, { collection: 'sh_articles', item: '1' });
    const r = await app.post('/shares/invite', { share: id, emails: ['friend@example.com'] });
    t.equal(r.status, 204);
    const mail = await smtp.next();
    t.same(mail.to, ['friend@example.com']);
    t.match(mail.body, `https://cms.example.com/admin/shared/${id}`);
    t.same((await app.post('/shares/invite', { share: id, emails: ['x@example.com'] }, { token: null })).body, FORBIDDEN_THIS);
    t.same((await app.post('/shares/invite', { share: '00000000-0000-0000-0000-000000000000', emails: ['x@example.com'] })).body, FORBIDDEN_THIS);
    // Directus: 500 "payload.emails is not iterable"
    t.equal((await app.post('/shares/invite', { share: id })).status, 400);
    t.equal((await app.post('/shares/invite', { share: id, emails: ['a@example.com\r\nRCPT TO:<b@example.com>'] })).status, 400);
    t.equal(smtp.received.length, 1, 'refused invitations mail nothing');
  });

  t.test('a share token reads the shared item and what is linked to it, and nothing else', async (t) => {
    const id = await share(app, { collection: 'sh_articles', item: '1', role: READER_ROLE });
    const token = await shareToken(app, id);
    const get = async (path: string) => app.get(path, { token });
    t.same((await get('/items/sh_articles')).body, { data: [{ id: 1, name: 'a1', author: 1, comments: [1] }] });
    t.same((await get('/items/sh_articles/1')).body, { data: { id: 1, name: 'a1', author: 1, comments: [1] } });
    t.same((await get('/items/sh_articles/2')).body, FORBIDDEN_THIS);
    t.same((await get('/items/sh_articles/1?fields=*,author.*,comments.*')).body,
      { data: { id: 1, name: 'a1', author: { id: 1, name: 'ann' }, comments: [{ id: 1, name: 'c1', article: 1 }] } });
    t.same((await get('/items/sh_authors')).body, { data: [{ id: 1, name: 'ann' }] });
    t.same((await get('/items/sh_comments')).body, { data: [{ id: 1, name: 'c1', article: 1 }] });
    t.same((await get('/items/sh_comments?fields=*,article.*')).body,
      { data: [{ id: 1, name: 'c1', article: { id: 1, name: 'a1', author: 1, comments: [1] } }] });
    t.same((await get('/items/sh_articles?aggregate[count]=*')).body, { data: [{ count: 1 }] });
    t.same((await get('/items/sh_articles?search=a2')).body, { data: [] });
    t.same((await get('/items/sh_articles?filter[id][_eq]=2')).body, { data: [] });
    t.same((await get('/items/sh_authors?filter[name][_eq]=bob')).body, { data: [] });
    t.same((await get('/users/me')).body, { data: { share: id } });
    t.equal((await get('/permissions/me/sh_articles/1')).status, 403, 'no user: FORBIDDEN (as for anonymous callers)');
    // the functions that look at items past row-level security see the share's scope too
    const [{ acc }] = await app.sql('select strata.access_for_share($1)::text as acc', [id]);
    const readable = await asRole(app.db, 'postgres', `select strata.item_readable('sh_articles', '1') as a1, strata.item_readable('sh_articles', '2') as a2,
      strata.item_readable('sh_authors', '1') as u1, strata.item_readable('sh_authors', '2') as u2, strata.item_readable('sh_secret', '1') as s1`, acc);
    t.same(readable, [{ a1: true, a2: false, u1: true, u2: false, s1: false }]);

    // Directus answers 403 for collections the share doesn't reach; Strata's answer is empty
    t.same((await get('/items/sh_secret')).body, { data: [] });
    t.same((await get('/users')).body, { data: [] });
    t.same((await get('/shares')).body, { data: [] });
    t.same((await get('/items/sh_comments?aggregate[count]=*&groupBy[]=article')).body, { data: [{ article: 1, count: 1 }] });
    const search = await app.search('/items/sh_authors', { query: { filter: { id: { _in: [1, 2] } } } }, { token });
    t.same(search.body, { data: [{ id: 1, name: 'ann' }] });

    const gql = await app.post('/graphql', { query: '{ sh_articles { id name } sh_authors { id } sh_comments { id article { id } } sh_secret { id } }' }, { token });
    t.same(gql.body, { data: { sh_articles: [{ id: 1, name: 'a1' }], sh_authors: [{ id: 1 }], sh_comments: [{ id: 1, article: { id: 1 } }], sh_secret: [] } });
    const gqlById = await app.post('/graphql', { query: '{ sh_articles_by_id(id: 2) { id } sh_authors_by_id(id: 2) { id } }' }, { token });
    t.same(gqlById.body.data, { sh_articles_by_id: null, sh_authors_by_id: null });
  });

  t.test('a share token writes nothing', async (t) => {
    const id = await share(app, { collection: 'sh_articles', item: '1', role: READER_ROLE });
    const token = await shareToken(app, id);
    const before = await app.sql(`select (select json_agg(a order by id) from sh_articles a)::text as a,
      (select json_agg(c order by id) from sh_comments c)::text as c, (select count(*) from directus_shares)::int as s`);
    const writes: [string, string, unknown][] = [
      ['PATCH', '/items/sh_articles/1', { name: 'x' }],
      ['PATCH', '/items/sh_articles', { keys: [1], data: { name: 'x' } }],
      ['DELETE', '/items/sh_articles/1', undefined],
      ['POST', '/items/sh_comments', { name: 'c3', article: 1 }],
      ['POST', '/shares', { collection: 'sh_articles', item: '2' }],
      ['PATCH', `/shares/${id}`, { max_uses: 1000 }],
      ['DELETE', `/shares/${id}`, undefined],
      ['POST', '/graphql', { query: 'mutation { update_sh_articles_item(id: 1, data: { name: "x" }) { id } }' }],
    ];
    for (const [method, path, body] of writes) {
      const r = await app.request(method, path, { token, body });
      const refused = r.status === 403 || (r.status === 200 && Array.isArray(r.body?.errors) && r.body.errors[0].extensions.code === 'FORBIDDEN');
      t.ok(refused, `${method} ${path} refused: ${r.status} ${r.text.slice(0, 200)}`);
    }
    const after = await app.sql(`select (select json_agg(a order by id) from sh_articles a)::text as a,
      (select json_agg(c order by id) from sh_comments c)::text as c, (select count(*) from directus_shares)::int as s`);
    t.same(after, before, 'the database is unchanged');
  });

  t.test("a share never gets more than its creator's policies", async (t) => {
    // the sharer's own policy does not include the share's role's policy: the share gets nothing
    // (Directus intersects permission by permission and would show sh_articles and sh_authors)
    const user = await login(app, 'sharer@example.com', 'pw-sharer');
    const id = await share(app, { collection: 'sh_articles', item: '1', role: READER_ROLE }, user);
    const token = await shareToken(app, id);
    const r = await app.get('/items/sh_comments', { token });
    t.equal(r.status, 403);
    // with no role, a share has the public policies (which read nothing here)
    const none = await shareToken(app, await share(app, { collection: 'sh_articles', item: '1' }));
    t.equal((await app.get('/items/sh_articles', { token: none })).status, 403);
  });

  t.test('realtime: a share subscriber hears of its linked rows only, never grouped with other callers', async (t) => {
    // the public may read every comment; a share without role has the public policies, bound to article 1
    const [pub] = await app.sql<{ policy: string }>('select policy from directus_access where role is null and "user" is null limit 1');
    t.equal((await app.post('/permissions', { policy: pub.policy, collection: 'sh_comments', action: 'read', fields: ['*'] })).status, 200);
    const token = await shareToken(app, await share(app, { collection: 'sh_articles', item: '1' }));
    const query = { fields: ['name'], sort: ['id'] };
    const anonymous = await WsClient.open(`${app.url}/websocket`);
    anonymous.send({ type: 'subscribe', collection: 'sh_comments', query, uid: 'a' });
    t.same((await anonymous.next()).data, [{ name: 'c1' }, { name: 'c2' }]);
    const shared = await WsClient.open(`${app.url}/websocket`);
    t.match(await shared.ask({ type: 'auth', access_token: token, uid: 'auth' }), { status: 'ok' });
    shared.send({ type: 'subscribe', collection: 'sh_comments', query, uid: 's' });
    t.same((await shared.next()).data, [{ name: 'c1' }]);
    await app.post('/items/sh_comments', { name: 'on a2', article: 2 });
    t.same((await anonymous.next()).data, [{ name: 'on a2' }]);
    await app.post('/items/sh_comments', { name: 'on a1', article: 1 });
    t.same((await anonymous.next()).data, [{ name: 'on a1' }]);
    t.same(await shared.next(), { type: 'subscription', event: 'create', data: [{ name: 'on a1' }], uid: 's' }, 'the comment on a2 never came');
    anonymous.close();
    shared.close();
  });
});
