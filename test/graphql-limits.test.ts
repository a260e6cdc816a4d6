// GraphQL limits: abusive documents (aliases, fragment fan-out, depth, tokens) are refused with
// 400 GRAPHQL_VALIDATION before validation and execution, in milliseconds; introspection can be
// switched off (GRAPHQL_INTROSPECTION) and the token limit set (GRAPHQL_QUERY_TOKEN_LIMIT).
import t, { type Test } from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t, { GRAPHQL_INTROSPECTION: 'false', GRAPHQL_QUERY_TOKEN_LIMIT: '30000', MAX_RELATIONAL_DEPTH: '3' });
await app.sql(`
  create table nodes (id serial primary key, name varchar(255), parent int references nodes(id));
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('nodes', 'parent', 'nodes', 'children');
  insert into nodes (name, parent) values ('root', null), ('kid', 1);
`);
const gql = (query: string) => app.post('/graphql', { query });

async function refusedFast(t: Test, query: string, message: RegExp, what: string) {
  const start = performance.now();
  const res = await gql(query);
  const ms = performance.now() - start;
  t.equal(res.status, 400, `${what}: 400`);
  t.equal(res.body.errors?.[0]?.extensions?.code, 'GRAPHQL_VALIDATION', `${what}: GRAPHQL_VALIDATION`);
  t.match(res.body.errors?.[0]?.extensions?.errors?.[0]?.message, message, `${what}: says why`);
  // generous: it tells a refusal before parsing work from one after it, also on a loaded 2-core machine
  t.ok(ms < 2000, `${what}: answered in ${ms.toFixed(0)} ms`);
}

t.test('alias bombs, fragment fan-out and deep nesting are refused fast', async (t) => {
  const aliases = Array.from({ length: 10000 }, (_, i) => `a${i}:name`).join(' ');
  await refusedFast(t, `{ nodes { ${aliases} } }`, /more than 1000 fields|more tha[nt] 30000 tokens/, '10000 aliases');
  const fewer = Array.from({ length: 5000 }, (_, i) => `a${i}:name`).join(' ');
  await refusedFast(t, `{ nodes { ${fewer} } }`, /more than 1000 fields/, '5000 aliases');
  const same = Array.from({ length: 9000 }, () => 'name').join(' ');
  await refusedFast(t, `{ nodes { ${same} } }`, /more than 1000 fields/, '9000 repeats of one field');
  const fans = Array.from({ length: 30 }, (_, i) => `fragment F${i} on nodes { ...F${i + 1} ...F${i + 1} }`).join(' ');
  await refusedFast(t, `{ nodes { ...F0 } } ${fans} fragment F30 on nodes { name }`, /more than 1000 fields/, 'fragments spread 2^30 times');
  await refusedFast(t, '{ nodes { parent { parent { parent { parent { name } } } } } }', /nested deeper than 4 levels/, 'a path of five fields');
  const ok = await gql('{ nodes(filter: {id: {_eq: 2}}) { parent { children { name } } } }');
  t.same(ok.body, { data: { nodes: [{ parent: { children: [{ name: 'kid' }] } }] } }, 'a path of three fields (MAX_RELATIONAL_DEPTH) is answered');
});

t.test('token limit', async (t) => {
  const many = Array.from({ length: 31000 }, () => 'name').join(' ');
  await refusedFast(t, `{ nodes { ${many} } }`, /Document contains more tha[nt] 30000 tokens/, '31000 tokens');
});

t.test('introspection switched off', async (t) => {
  for (const q of ['{ __schema { types { name } } }', '{ __type(name: "nodes") { name } }']) {
    const res = await gql(q);
    t.equal(res.status, 400);
    t.equal(res.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
    t.match(res.body.errors[0].extensions.errors[0].message, /introspection has been disabled/);
  }
  const typename = await gql('{ __typename nodes(limit: 1) { __typename name } }');
  t.same(typename.body, { data: { __typename: 'Query', nodes: [{ __typename: 'nodes', name: 'root' }] } }, '__typename still works');
});
