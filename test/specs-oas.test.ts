// GET /server/specs/oas and /graphql/system's server_specs_oas: the OpenAPI 3 document of what
// the caller may do, valid per a real OpenAPI validator. Shapes as Directus 12.4 answered
// (recorded against it): the document itself is the body (no `data`), `openapi` 3.0.1, the
// public paths for everyone (server, auth, assets), `/items/<collection>` and `/<collection>/{id}`
// with one method per permitted action (a user with read + create on a collection got get/post on
// the list and get on `{id}`), a component schema `Items<PascalName>` per collection with
// `x-collection`, m2o fields as `oneOf` [key, related item], and nothing of a collection the
// caller may not use.
import t, { type Test } from 'tap';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startApp } from './helpers/app.js';
import { makeUser } from './helpers/schema.js';

const app = await startApp(t, { STRATA_AUTH_CACHE_TTL: '0', PUBLIC_URL: 'https://api.example.com' });

// (set up before any assertion: the root test may end once it has asserted and has nothing pending)
const statuses: number[] = [];
for (const body of [
  { collection: 'oas_authors', schema: {}, meta: {}, fields: [
    { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
    { field: 'name', type: 'string', schema: { is_nullable: false } }] },
  { collection: 'oas_posts', schema: {}, meta: {}, fields: [
    { field: 'id', type: 'uuid', schema: { is_primary_key: true }, meta: { special: ['uuid'] } },
    { field: 'title', type: 'string' }, { field: 'published', type: 'dateTime' }, { field: 'score', type: 'float' },
    { field: 'data', type: 'json' }, { field: 'author', type: 'integer', meta: { special: ['m2o'] } }] },
  { collection: 'oas_secrets', schema: {}, meta: {}, fields: [
    { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } }, { field: 'code', type: 'string' }] },
]) statuses.push((await app.post('/collections', body)).status);
statuses.push((await app.post('/relations', { collection: 'oas_posts', field: 'author', related_collection: 'oas_authors' })).status);

// a user who may read oas_posts and oas_authors and create oas_posts, nothing of oas_secrets
const userToken = await makeUser(app, { app: false, read: ['oas_posts', 'oas_authors'] });
await app.sql(`insert into directus_permissions (collection, action, fields, policy)
  select 'oas_posts', 'create', '*', policy from directus_permissions where collection = 'oas_posts' and action = 'read'`);
t.same(statuses, [200, 200, 200, 200], 'collections and relation created');

async function valid(t: Test, doc: unknown) {
  const validator = new Validator();
  const res = await validator.validate(doc as any);
  t.ok(res.valid, 'valid per the OpenAPI 3.0 schema');
  if (!res.valid) t.comment(JSON.stringify(res.errors).slice(0, 2000));
  // every $ref points at something in the document
  const refs = new Set<string>();
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) k === '$ref' ? refs.add(x as string) : walk(x);
  };
  walk(doc);
  const missing = [...refs].filter((r) => r.slice(2).split('/').reduce<any>((o, k) => o?.[k], doc) === undefined);
  t.same(missing, [], 'every $ref resolves');
}

const methods = (doc: any, path: string) => Object.keys(doc.paths[path] ?? {}).sort();

t.test('admin: every collection, every method, the schema API', async (t) => {
  const res = await app.get('/server/specs/oas');
  t.equal(res.status, 200);
  t.match(res.headers.get('content-type'), /application\/json/);
  const doc = res.body;
  await valid(t, doc);
  t.equal(doc.openapi, '3.0.1');
  t.match(doc.info, { title: String, version: /^[0-9a-f]{40}$/ });
  t.same(doc.servers, [{ url: 'https://api.example.com', description: 'This server' }]);
  for (const c of ['oas_authors', 'oas_posts', 'oas_secrets']) {
    t.same(methods(doc, `/items/${c}`), ['delete', 'get', 'patch', 'post'], c);
    t.same(methods(doc, `/items/${c}/{id}`), ['delete', 'get', 'patch'], c);
  }
  t.same(doc.components.schemas.ItemsOasPosts, {
    type: 'object', 'x-collection': 'oas_posts', properties: {
      id: { nullable: false, type: 'string', format: 'uuid' },
      title: { nullable: true, type: 'string' },
      published: { nullable: true, type: 'string', format: 'date-time' },
      score: { nullable: true, type: 'number' },
      data: { nullable: true },
      author: { nullable: true, oneOf: [{ type: 'integer' }, { $ref: '#/components/schemas/ItemsOasAuthors' }] },
    },
  });
  t.same(doc.components.schemas.ItemsOasAuthors.properties.name, { nullable: false, type: 'string' });
  t.same(doc.paths['/items/oas_posts/{id}'].get.parameters[1].schema, { type: 'string', format: 'uuid' }, 'the key typed as the primary key');
  for (const p of ['/schema/snapshot', '/schema/diff', '/schema/apply', '/users', '/users/{id}', '/users/me', '/roles', '/permissions', '/settings', '/utils/random/string']) {
    t.ok(doc.paths[p], p);
  }
  t.same(methods(doc, '/activity'), ['get'], 'activity is read-only');
  t.same(methods(doc, '/settings'), ['get', 'patch'], 'settings is a singleton');
  t.ok(doc.components.schemas.Users.properties.email);
  t.ok(doc.tags.some((tag: any) => tag.name === 'ItemsOasSecrets' && tag['x-collection'] === 'oas_secrets'));
});

t.test('a restricted user: only what their permissions allow; nothing of what they may not read', async (t) => {
  const res = await app.get('/server/specs/oas', { token: userToken });
  t.equal(res.status, 200);
  const doc = res.body;
  await valid(t, doc);
  t.same(methods(doc, '/items/oas_posts'), ['get', 'post']);
  t.same(methods(doc, '/items/oas_posts/{id}'), ['get']);
  t.same(methods(doc, '/items/oas_authors'), ['get']);
  const text = JSON.stringify(doc);
  t.notMatch(text, /oas_secrets|OasSecrets/, 'the unreadable collection is absent');
  t.notOk(doc.paths['/schema/snapshot'], 'no schema API');
  t.notOk(doc.paths['/users'], 'no system collection without a permission');
  t.ok(doc.paths['/utils/random/string'], 'utilities for signed-in users');
  t.same(doc.components.schemas.ItemsOasPosts.properties.author.oneOf[1], { $ref: '#/components/schemas/ItemsOasAuthors' });
});

t.test('field permissions: the schema lists the fields the caller may read; write-only collections their writable fields', async (t) => {
  const token = await makeUser(app, { app: false });
  await app.sql(`insert into directus_permissions (collection, action, fields, policy)
    select c, a, f, a2.policy from directus_access a2 join directus_users u on u.id = a2."user",
      (values ('oas_authors', 'read', 'id'), ('oas_secrets', 'create', 'code')) v(c, a, f)
    where u.token = $1`, [token]);
  const doc = (await app.get('/server/specs/oas', { token })).body;
  await valid(t, doc);
  t.same(Object.keys(doc.components.schemas.ItemsOasAuthors.properties), ['id']);
  t.same(Object.keys(doc.components.schemas.ItemsOasSecrets.properties), ['code']);
  t.same(methods(doc, '/items/oas_secrets'), ['post'], 'create only');
  t.notOk(doc.paths['/items/oas_secrets/{id}']);
});

t.test('the public: the public routes only', async (t) => {
  const res = await app.get('/server/specs/oas', { token: null });
  t.equal(res.status, 200);
  await valid(t, res.body);
  t.same(Object.keys(res.body.paths).sort(), ['/assets/{id}', '/auth/login', '/auth/logout', '/auth/password/request', '/auth/password/reset',
    '/auth/refresh', '/server/info', '/server/ping', '/server/specs/oas']);
  t.notMatch(JSON.stringify(res.body), /oas_/);

  // a public read permission puts the collection in the public document
  await app.sql(`insert into directus_permissions (collection, action, fields, policy)
    values ('oas_authors', 'read', '*', 'abf8a154-5b1c-4a46-ac9c-7300570f4f17')`);
  const after = await app.get('/server/specs/oas', { token: null });
  t.same(methods(after.body, '/items/oas_authors'), ['get']);
  t.notMatch(JSON.stringify(after.body), /oas_posts|oas_secrets/);
});

t.test('GraphQL: server_specs_oas answers the same document', async (t) => {
  const rest = await app.get('/server/specs/oas', { token: userToken });
  const res = await app.post('/graphql/system', { query: '{ server_specs_oas }' }, { token: userToken });
  t.equal(res.status, 200);
  t.same(res.body.data.server_specs_oas, rest.body);
  const admin = await app.post('/graphql/system', { query: '{ server_specs_oas }' });
  t.ok(admin.body.data.server_specs_oas.paths['/items/oas_secrets']);
});
