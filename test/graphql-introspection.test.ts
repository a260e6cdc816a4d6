// What codegen tools do with a GraphQL endpoint (graphql-codegen, Apollo's client:codegen,
// gql.tada): run the standard introspection query, rebuild the schema from it, and validate the
// application's documents against it before generating types. Both scopes, as an admin and as a
// restricted user, must give a schema graphql-js accepts as valid, equal to the SDL download
// (/server/specs/graphql), against which everyday Directus documents validate.
import t from 'tap';
import { buildClientSchema, buildSchema, getIntrospectionQuery, parse, printSchema, validate, assertValidSchema, type IntrospectionQuery } from 'graphql';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const created = async (path: string, body: unknown) => {
  const res = await app.post(path, body);
  if (res.status !== 200 && res.status !== 204) throw new Error(`${path}: ${res.status} ${res.text}`);
};
// a catalog with every kind of field a client generates types for
await created('/collections', { collection: 'authors', schema: {}, meta: {} });
await created('/fields/authors', { field: 'name', type: 'string' });
await created('/collections', { collection: 'posts', schema: {}, meta: {} });
for (const field of [
  { field: 'title', type: 'string' }, { field: 'body', type: 'text' }, { field: 'views', type: 'integer' },
  { field: 'rating', type: 'float' }, { field: 'price', type: 'decimal' }, { field: 'big', type: 'bigInteger' },
  { field: 'published', type: 'boolean' }, { field: 'published_on', type: 'dateTime' }, { field: 'day', type: 'date' },
  { field: 'at', type: 'time' }, { field: 'stamp', type: 'timestamp' }, { field: 'meta', type: 'json' },
  { field: 'tags', type: 'csv', meta: { special: ['cast-csv'] } }, { field: 'ref', type: 'uuid' },
  { field: 'secret', type: 'hash', meta: { special: ['hash'] } }, { field: 'author', type: 'integer' },
]) await created('/fields/posts', field);
await created('/relations', { collection: 'posts', field: 'author', related_collection: 'authors', meta: { one_field: 'posts' } });
await created('/fields/authors', { field: 'posts', type: 'alias', meta: { special: ['o2m'] } });
await created('/collections', { collection: 'site', schema: {}, meta: { singleton: true } });
await created('/fields/site', { field: 'motto', type: 'string' });
await app.sql(`
  insert into directus_roles (id, name) values ('33333333-3333-4333-8333-333333333333', 'R');
  insert into directus_policies (id, name, app_access) values ('11111111-1111-4111-8111-111111111111', 'P', true);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '33333333-3333-4333-8333-333333333333', '11111111-1111-4111-8111-111111111111');
  insert into directus_users (id, email, status, role, token) values (gen_random_uuid(), 'r@example.com', 'active', '33333333-3333-4333-8333-333333333333', 'r-token');
  insert into directus_permissions (collection, action, fields, policy) values
    ('posts', 'read', 'id,title,views,author,published_on', '11111111-1111-4111-8111-111111111111'),
    ('posts', 'create', 'title', '11111111-1111-4111-8111-111111111111'),
    ('authors', 'read', '*', '11111111-1111-4111-8111-111111111111');
`);

const documents = {
  items: [
    'query List($n: Int, $f: posts_filter) { posts(limit: $n, filter: $f, sort: ["-published_on"]) { id title author { id name } } }',
    'query One($id: ID!) { posts_by_id(id: $id) { id title published_on_func { year month } } }',
    'query Agg { posts_aggregated(groupBy: ["author"]) { group countAll sum { views } } }',
    'query Nested { authors { name posts(limit: 3, sort: ["id"]) { title } posts_func { count } } }',
    'mutation Make($title: String) { create_posts_item(data: {title: $title}) { id title } }',
  ],
  admin: [
    'query Everything { posts { meta tags ref big price rating at day stamp published secret } site { motto } }',
    'mutation Edit($id: ID!, $data: update_posts_input!) { update_posts_item(id: $id, data: $data) { id } delete_authors_items(ids: ["1"]) { ids } }',
  ],
  system: [
    'query Me { users_me { id email role { name } } server_info { project { project_name } } }',
    'mutation Login($e: String!, $p: String!) { auth_login(email: $e, password: $p) { access_token expires refresh_token } }',
  ],
};

for (const [scope, path, specs] of [['items', '/graphql', '/server/specs/graphql/'], ['system', '/graphql/system', '/server/specs/graphql/system']] as const) {
  for (const [who, token] of [['admin', app.adminToken], ['a restricted user', 'r-token']] as const) {
    t.test(`${scope} scope as ${who}: the introspection result is a valid schema equal to the SDL download`, async (t) => {
      const res = await app.post(path, { query: getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }) }, { token });
      t.equal(res.status, 200);
      t.notOk(res.body.errors, 'no errors');
      const schema = buildClientSchema(res.body.data as IntrospectionQuery);
      t.doesNotThrow(() => assertValidSchema(schema), 'graphql-js accepts the schema');
      const sdl = await app.get(specs, { token });
      t.equal(sdl.status, 200);
      t.equal(printSchema(buildSchema(sdl.text)), printSchema(schema), 'the SDL download describes the same schema');
      const docs = scope === 'system' ? documents.system : who === 'admin' ? [...documents.items, ...documents.admin] : documents.items;
      for (const doc of docs) t.same(validate(schema, parse(doc)).map((e) => e.message), [], `validates: ${doc.slice(0, 60)}`);
      if (scope === 'items' && who !== 'admin') {
        // codegen against a restricted schema: what the user may not touch is not there
        t.notOk(schema.getType('site'), 'no type for a collection the user may not read');
        t.same(validate(schema, parse(documents.admin[0])).length > 0, true, 'the admin\'s document does not validate');
      }
    });
  }
}
