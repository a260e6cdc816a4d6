// GraphQL field and filter types as Directus 12.4 generates them: Date for dates and times, Hash
// for hashed and concealed fields (presence filters only), ID for uuids, [String] for csv, the
// json filter's `_json`. Expected types and operator lists recorded from Directus 12.4's
// introspection (test/fixtures/directus-graphql-filter-operators.json).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { startApp } from './helpers/app.js';

const app = await startApp(t);
const recorded = JSON.parse(readFileSync(new URL('./fixtures/directus-graphql-filter-operators.json', import.meta.url), 'utf8')) as Record<string, [string, string][]>;

const created = await app.post('/collections', {
  collection: 'typed', schema: {}, fields: [
    { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
    { field: 'd', type: 'date' }, { field: 't', type: 'time' }, { field: 'dt', type: 'dateTime' }, { field: 'ts', type: 'timestamp' },
    { field: 'j', type: 'json' }, { field: 'h', type: 'hash', meta: { special: ['hash'] } }, { field: 'u', type: 'uuid' },
    { field: 'b', type: 'bigInteger' }, { field: 'dec', type: 'decimal' }, { field: 'c', type: 'csv', meta: { special: ['cast-csv'] } },
    { field: 'con', type: 'string', meta: { special: ['conceal'] } }, { field: 'tx', type: 'text' },
  ],
});
if (created.status !== 200) throw new Error(JSON.stringify(created.body));
const items = await app.post('/items/typed', [
  { d: '2024-05-01', ts: '2024-05-01T10:00:00Z', j: { color: 'red', n: 1 }, h: 'secret-one', c: ['a', 'b'], con: 'x', tx: 'one' },
  { d: '2023-01-01', j: { color: 'blue', n: 2 }, tx: 'two' },
]);
if (items.status !== 200) throw new Error(JSON.stringify(items.body));

const gql = (query: string) => app.post('/graphql', { query });
const typeName = (f: { type: { name: string | null; kind: string; ofType: { name: string | null } | null } }) =>
  f.type.name ?? `${f.type.kind}<${f.type.ofType?.name}>`;

t.test('field types and filter types', async (t) => {
  const res = await gql(`{ o: __type(name: "typed") { fields { name type { name kind ofType { name } } } }
    f: __type(name: "typed_filter") { inputFields { name type { name } } } }`);
  const types = Object.fromEntries(res.body.data.o.fields.map((f: never) => [(f as { name: string }).name, typeName(f)]));
  t.match(types, { id: 'NON_NULL<ID>', d: 'Date', t: 'Date', dt: 'Date', ts: 'Date', j: 'JSON', h: 'Hash', u: 'ID', b: 'GraphQLBigInt',
    dec: 'Float', c: 'LIST<String>', con: 'Hash', tx: 'String' });
  const filters = Object.fromEntries(res.body.data.f.inputFields.map((f: { name: string; type: { name: string } }) => [f.name, f.type.name]));
  t.match(filters, { id: 'number_filter_operators', d: 'date_filter_operators', t: 'date_filter_operators', j: 'json_filter_operators',
    h: 'hash_filter_operators', u: 'id_filter_operators', b: 'big_int_filter_operators', dec: 'number_filter_operators',
    c: 'string_filter_operators', con: 'hash_filter_operators', tx: 'string_filter_operators' });
});

t.test('operator types list the operators Directus lists, in its order', async (t) => {
  for (const [name, ops] of Object.entries(recorded)) {
    const res = await gql(`{ __type(name: "${name}") { inputFields { name type { name ofType { name } } } } }`);
    const got = res.body.data.__type.inputFields.map((f: { name: string; type: { name: string | null; ofType: { name: string } | null } }) =>
      [f.name, f.type.name ?? `[${f.type.ofType?.name}]`]);
    t.strictSame(got, ops, name);
  }
});

t.test('filters of the new types work, and secrets stay masked', async (t) => {
  const json = await gql('{ typed(filter: {j: {_json: {color: {_eq: "blue"}}}}) { tx } }');
  t.strictSame(json.body, { data: { typed: [{ tx: 'two' }] } }, '_json');
  const present = await gql('{ typed(filter: {h: {_nnull: true}}) { tx h con } }');
  t.match(present.body, { data: { typed: [{ tx: 'one', h: /^\$argon2id\$/, con: '**********' }] } }, 'a presence filter on a hash; stored hashed, concealed masked');
  t.equal(present.body.data.typed.length, 1);
  const eqHash = await gql('{ typed(filter: {h: {_eq: "secret-one"}}) { tx } }');
  t.equal(eqHash.status, 400, 'no value comparison on a secret (not in hash_filter_operators)');
  const dates = await gql('{ typed(filter: {d: {_between: ["2024-01-01", "2024-12-31"]}}) { d ts c } }');
  t.strictSame(dates.body, { data: { typed: [{ d: '2024-05-01', ts: '2024-05-01T10:00:00.000Z', c: ['a', 'b'] }] } });
});
