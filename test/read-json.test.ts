// json(field, path) and the _json filter operator (Directus 11.16+). The recorded cases
// (test/fixtures/read-json.json) are what Directus 12.4 answered for the same requests on the
// same collections and rows (jx_docs, jx_authors below: the reference server's tables, dumped);
// then where Strata deliberately differs (Directus fails with a 500 or answers nonsense),
// permissions, injection through paths, strata.read from SQL and the compiled-SQL cache.
import t from 'tap';
import { readFileSync } from 'node:fs';
import { startApp } from './helpers/app.js';
import { normalizeQuery } from '../src/request/query.js';
import { parseQueryString } from '../src/request/qs.js';
import { queryShape } from '../src/engine/shape.js';

interface Case { method: string; path: string; status: number; response: unknown }
const cases: Case[] = JSON.parse(readFileSync(new URL('./fixtures/read-json.json', import.meta.url), 'utf8'));

const app = await startApp(t);
await app.sql(String.raw`
  create table jx_authors (id serial primary key, name varchar(255), profile json);
  create table jx_docs (id serial primary key, title varchar(255), meta json, tags json, published timestamptz,
    author integer references jx_authors(id));
  insert into directus_collections (collection, hidden, singleton) values ('jx_authors', false, false), ('jx_docs', false, false);
  insert into directus_fields (collection, field, special) values ('jx_authors', 'profile', 'cast-json'),
    ('jx_authors', 'docs', 'o2m'), ('jx_docs', 'meta', 'cast-json'), ('jx_docs', 'tags', 'cast-json'), ('jx_docs', 'author', 'm2o');
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('jx_docs', 'author', 'jx_authors', 'docs');
  insert into jx_authors (id, name, profile) values
    (1, 'Ann', '{"lang":"en","links":[{"url":"a.com"},{"url":"b.com"}]}'), (2, 'Bob', null);
  insert into jx_docs (id, title, meta, tags, published, author) values
    (4, 'one', '{"a":{"b":["x","y"],"c":1},"color":"red","n":10,"flag":true,"arr":[1,2,3],"deep":{"k":{"z":"q"}}}', '["t1","t2"]', '2024-01-02 03:04:05+00', 1),
    (5, 'two', '{"a":{"b":["z"],"c":2},"color":"blue","n":5,"flag":false,"arr":[]}', '[]', null, 2),
    (6, 'three', null, null, null, 1),
    (7, 'four', '{"color":"red","n":"7","weird key":"w","a.b":"dotted"}', '5', null, null),
    (8, 'five', '[{"a":1},{"a":2}]', '{"x":1}', null, null),
    (9, 'six', E'{"1":"one","01":"zo","x":[[1,2],[3]],"é":"acc","f":1.5,"nul":null,"s":"with \\"quote\\" and \\\\\\\\"}', null, null, null),
    (10, 'seven', '{"u":"648daede-810e-4e9d-9371-eba4adfaa3ac","d":"2020-01-01"}', null, null, null);
  select setval('jx_docs_id_seq', 10), setval('jx_authors_id_seq', 2);
`);

const ids = async (qs: string, opts = {}) => {
  const res = await app.get(`/items/jx_docs?fields=id&sort=id&${qs}`, opts);
  return res.status === 200 ? res.body.data.map((r: { id: number }) => r.id) : res.body;
};
const error = async (qs: string, collection = 'jx_docs') => {
  const res = await app.get(`/items/${collection}?${qs}`);
  return { status: res.status, code: res.body.errors?.[0]?.extensions?.code, message: res.body.errors?.[0]?.message };
};
const snapshot = () => app.sql(`select (select json_agg(d order by id)::text from jx_docs d) as docs,
  (select json_agg(a order by id)::text from jx_authors a) as authors, (select count(*)::int from directus_users) as users`);

t.test('what Directus 12 answers, request by request', async (t) => {
  for (const c of cases) {
    const res = await app.request(c.method, c.path);
    const name = decodeURIComponent(c.path);
    t.equal(res.status, c.status, name);
    t.strictSame(res.body, c.response, name);
    t.equal(JSON.stringify(res.body), JSON.stringify(c.response), `${name}: key order`);
  }
});

t.test('SEARCH bodies and JSON-array fields take json() too', async (t) => {
  const res = await app.search('/items/jx_docs', {
    query: { fields: ['id', 'json(meta, a.b[0])'], filter: { meta: { _json: { 'a.b[1]': { _eq: 'y' } } } } },
  });
  t.same(res.body, { data: [{ id: 4, meta_a_b_0_json: 'x' }] });
  // Directus 12 splits this at the comma inside json() and answers 403
  const arr = await app.get('/items/jx_docs?fields=["json(meta,color)","id"]&filter[id][_eq]=4');
  t.same(arr.body, { data: [{ meta_color_json: 'red', id: 4 }] });
  const one = await app.get('/items/jx_docs/4?fields=json(meta,a.c),json(meta,arr)');
  t.same(one.body, { data: { meta_a_c_json: 1, meta_arr_json: [1, 2, 3] } });
});

t.test('dynamic variables inside _json', async (t) => {
  const [admin] = await app.sql('select id from directus_users where token = $1', [app.adminToken]);
  await app.sql(`update jx_docs set meta = json_build_object('u', $1::text, 'd', '2020-01-01') where id = 10`, [admin.id]);
  t.same(await ids('filter[meta][_json][u][_eq]=$CURRENT_USER'), [10]);
  t.same(await ids('filter[meta][_json][d][_lt]=$NOW'), [10]);
  t.same(await ids('filter[meta][_json][d][_gt]=$NOW'), []);
  await app.sql(`update jx_docs set meta = '{"u":"648daede-810e-4e9d-9371-eba4adfaa3ac","d":"2020-01-01"}' where id = 10`);
});

t.test('where Directus fails or answers nonsense, Strata does the sensible thing', async (t) => {
  // an index beyond any array: Directus 500 (operator does not exist: json -> bigint)
  const big = await app.get('/items/jx_docs?fields=id,json(meta,arr[2147483648])&filter[id][_eq]=4');
  t.same(big.body, { data: [{ id: 4, meta_arr_2147483648_json: null }] });
  t.same(await ids('filter={"meta":{"_json":{"arr[9999999999]":{"_null":true}}}}'), [4, 5, 6, 7, 8, 9, 10]);
  // a number compared with a text that is not one: Directus 500 (invalid input syntax for type numeric)
  t.same(await ids('filter={"meta":{"_json":{"color":{"_gt":5}}}}'), []);
  t.same(await ids('filter={"meta":{"_json":{"a.b[0]":{"_in":[1,2]}}}}'), []);
  // LIKE operators compare text, also with a number: Directus 500 (numeric ~~ unknown)
  t.same(await ids('filter={"meta":{"_json":{"n":{"_contains":1}}}}'), [4]);
  // operators _json does not support: Directus ignores _regex/_foo (all rows) and answers [] for _some
  for (const op of ['_regex', '_json', '_some', '_none', '_intersects', '_foo']) {
    t.same(await error(`filter={"meta":{"_json":{"color":{"${op}":"r"}}}}`), {
      status: 400, code: 'INVALID_QUERY', message: `Invalid query. "_json" filter does not contain the "${op}" filter operator.`,
    }, op);
  }
  t.same(await error('filter={"meta":{"_json":{"a":{"_and":[{"b":{"_eq":1}}]}}}}'), {
    status: 400, code: 'INVALID_QUERY', message: 'Invalid query. "_json" filter does not contain the "_and" filter operator.',
  });
  // Directus accepts an array (no condition) and answers 500 for an empty operator object's value
  t.same(await error('filter={"meta":{"_json":[]}}'), { status: 400, code: 'INVALID_QUERY', message: 'Invalid query. Invalid filter object.' });
  // a path of brackets only: Directus reads the whole document as "meta_json"
  t.same(await error('fields=json(meta,[)'), {
    status: 400, code: 'INVALID_QUERY', message: 'Invalid query. Invalid JSON path: unsupported path expression.',
  });
  // white space around the field: Directus names the value "_meta_color_json"
  const spaced = await app.get('/items/jx_docs?fields=json(%20meta%20,color)&filter[id][_eq]=4');
  t.same(spaced.body, { data: [{ meta_color_json: 'red' }] });
  // names over PostgreSQL's 63 bytes: Directus silently leaves the value out
  const longPath = `${'a'.repeat(30)}.${'b'.repeat(30)}`;
  t.same(await error(`fields=id,json(meta,${longPath})`), {
    status: 400, code: 'INVALID_QUERY',
    message: `Invalid query. The name "meta_${'a'.repeat(30)}_${'b'.repeat(30)}_json" is longer than 63 bytes; name the value with "alias".`,
  });
  const aliased = await app.get(`/items/jx_docs?fields=id,v&alias[v]=json(meta,${longPath})&filter[id][_eq]=4`);
  t.same(aliased.body, { data: [{ id: 4, v: null }] });
  // an alias of a value read through a relation: Directus ignores the alias and nests the value
  t.same(await error('fields=c&alias[c]=json(author.profile,lang)'), {
    status: 400, code: 'INVALID_QUERY', message: 'Invalid query. "alias" value can\'t contain a period character `.`.',
  });
  // keys Directus refuses for no clear reason (combining marks, °) are plain keys here
  await app.sql(`update jx_docs set meta = '{"e\u0301":1,"°":2}' where id = 8`);
  const accents = await app.get('/items/jx_docs?fields=v,w&alias[v]=json(meta,e\u0301)&alias[w]=json(meta,°)&filter[id][_eq]=8');
  t.same(accents.body, { data: [{ v: 1, w: 2 }] });
  await app.sql(`update jx_docs set meta = '[{"a":1},{"a":2}]' where id = 8`);
});

t.test('json() where Directus does not support it: the same errors', async (t) => {
  t.same(await error('aggregate[max]=json(meta,n)'), {
    status: 403, code: 'FORBIDDEN',
    message: 'You don\'t have permission to access field "json(meta,n)" in collection "jx_docs" or it does not exist. Queried in root.',
  });
});

t.test('field permissions apply to json() and _json like to the field itself', async (t) => {
  const policy = '5a5a5a5a-0000-4000-8000-000000000001';
  const role = '5a5a5a5a-0000-4000-8000-000000000002';
  await app.sql(`
    insert into directus_roles (id, name) values ('${role}', 'jx reader');
    insert into directus_policies (id, name, app_access) values ('${policy}', 'jx reader', false);
    insert into directus_access (id, role, policy) values (gen_random_uuid(), '${role}', '${policy}');
    insert into directus_users (id, email, status, role, token) values (gen_random_uuid(), 'jx@example.com', 'active', '${role}', 'jx-token');
    insert into directus_permissions (collection, action, permissions, fields, policy) values
      ('jx_docs', 'read', '{"id":{"_lt":8}}', 'id,title,tags,author', '${policy}'),
      ('jx_authors', 'read', null, 'id,name,profile', '${policy}');
  `);
  const reader = { token: 'jx-token' };
  const forbidden = 'You don\'t have permission to access field "meta" in collection "jx_docs" or it does not exist. Queried in root.';
  for (const qs of ['fields=json(meta,color)', 'fields=id&sort=json(meta,n)', 'fields=c&alias[c]=json(meta,color)',
    'fields=id&filter[meta][_json][color][_eq]=red']) {
    const res = await app.get(`/items/jx_docs?${qs}`, reader);
    t.equal(res.status, 403, qs);
    t.equal(res.body.errors[0].message, forbidden, qs);
  }
  // a readable json field, through a relation, under the row filter
  const ok = await app.get('/items/jx_docs?fields=id,json(tags,[0]),json(author.profile,lang)&sort=id', reader);
  t.same(ok.body.data, [
    { id: 4, tags_0_json: 't1', author: { profile_lang_json: 'en' } }, { id: 5, tags_0_json: null, author: { profile_lang_json: null } },
    { id: 6, tags_0_json: null, author: { profile_lang_json: 'en' } }, { id: 7, tags_0_json: null, author: null },
  ]);
  t.same(await ids('filter[tags][_json][[1]][_eq]=t2', reader), [4]);
  t.same(await ids('filter[author][profile][_json][lang][_eq]=en', reader), [4, 6]);
});

t.test('paths never reach the SQL as text: injection attempts are refused, nothing changes', async (t) => {
  const before = await snapshot();
  const bad = [
    "json(meta,a');drop table jx_docs;--)", 'json(meta,a"b)', 'json(meta,a\\b)', 'json(meta,a::text)', 'json(meta,a->>0)',
    'json(meta,a #>> \'{}\')', 'json(meta,a) or 1=1', 'json(meta";drop table jx_docs;--,a)', 'json(meta,$$)', 'json(meta,a/**/b)',
    'json(meta,a%00b)', 'json(meta,a%0Ab)',
  ];
  for (const f of bad) {
    for (const qs of [`fields=${f}`, `sort=${f}`, `fields=x&alias[x]=${f}`, `groupBy=${f}`, `fields=author.${f}`]) {
      const res = await app.get(`/items/jx_docs?${qs}`);
      t.ok([400, 403].includes(res.status), `${qs} -> ${res.status}`);
      t.ok(res.body.errors, 'Directus-shaped error');
    }
  }
  for (const key of ["a');drop table jx_docs;--", 'a"}', "a' or '1'='1", 'a\u0000', '{a,b}', 'a,b']) {
    const res = await app.search('/items/jx_docs', { query: { filter: { meta: { _json: { [key]: { _eq: 'x' } } } } } });
    t.equal(res.status, 400, JSON.stringify(key));
  }
  // values are parameters: quotes in compared values are data
  t.same(await ids(`filter[meta][_json][s][_eq]=${encodeURIComponent('with "quote" and \\\\')}`), [9]);
  t.same(await ids(`filter[meta][_json][color][_eq]=${encodeURIComponent("red'); drop table jx_docs; --")}`), []);
  t.same(await snapshot(), before, 'database unchanged');
});

t.test('strata.read from SQL gives the same JSON as the API', async (t) => {
  for (const qs of ['fields=id,json(meta,a.b[0]),json(author.profile,links[1].url)&sort=-json(meta,color),id',
    'fields=id,c&alias[c]=json(meta,a)&filter[meta][_json][_or][0][n][_gt]=6&filter[meta][_json][_or][1][color][_eq]=blue&sort=id',
    'fields=id,docs.json(meta,n)&deep[docs][_filter][meta][_json][n][_in]=10,5']) {
    const collection = qs.includes('docs.') ? 'jx_authors' : 'jx_docs';
    const api = await app.get(`/items/${collection}?${qs}`);
    t.equal(api.status, 200, qs);
    const q = normalizeQuery(parseQueryString(qs), { limitDefault: 100, limitMax: Infinity });
    const [row] = await app.sql('select strata.read($1, $2::jsonb)::text as body', [collection, q]);
    t.same(JSON.parse(row.body), api.body, qs);
  }
  // a number compares numerically, straight from SQL too
  const [num] = await app.sql(`select strata.read('jx_docs', '{"fields":["id"],"sort":["id"],"filter":{"meta":{"_json":{"n":{"_gt":6}}}}}')::text as body`);
  t.same(JSON.parse(num.body), { data: [{ id: 4 }, { id: 7 }] });
  await t.rejects(app.sql(`select strata.read('jx_docs', '{"fields":["json(meta,a-b)"]}')`), /Invalid JSON path/);
});

t.test('the path is shape, the compared value is not (except whether it is a number)', async (t) => {
  const limits = { limitDefault: 100, limitMax: Infinity };
  const shape = (qs: string) => queryShape(normalizeQuery(parseQueryString(qs), limits));
  t.same(shape('filter[meta][_json][a.b[0]][_eq]=x&fields=json(meta,a.b[0])').filter, { meta: { _json: { 'a.b[0]': { _eq: '?' } } } });
  t.same(shape('filter={"meta":{"_json":{"n":{"_gt":6},"m":{"_in":[1,"2"]},"o":{"_in":["1",2]},"p":{"_null":true}}}}').filter,
    { meta: { _json: { n: { _gt: 0 }, m: { _in: 0 }, o: { _in: '?' }, p: { _null: true } } } });
  t.not(JSON.stringify(shape('filter={"meta":{"_json":{"n":{"_gt":6}}}}')), JSON.stringify(shape('filter={"meta":{"_json":{"n":{"_gt":"6"}}}}')));
  t.equal(JSON.stringify(shape('filter={"meta":{"_json":{"n":{"_gt":6}}}}')), JSON.stringify(shape('filter={"meta":{"_json":{"n":{"_gt":99}}}}')));
  // a query and its shape compile to the same SQL; values stay out of it
  const opts = { mode: 'list', default_limit: 100, max_depth: 10 };
  for (const qs of ['fields=id,json(meta,a.b[0])&sort=-json(meta,n)&filter={"meta":{"_json":{"n":{"_gt":6},"color":{"_icontains":"SECRETVALUE"}}}}',
    'fields=id,author.json(profile,lang)&filter={"meta":{"_json":{"_or":[{"a.b":{"_in":["SECRETVALUE"]}},{"f":{"_between":[1,2]}}]}}}']) {
    const q = normalizeQuery(parseQueryString(qs), limits);
    const [a] = await app.sql('select strata.compile_read($1, $2::jsonb, $3::jsonb) as sql', ['jx_docs', q, opts]);
    const [b] = await app.sql('select strata.compile_read($1, $2::jsonb, $3::jsonb) as sql', ['jx_docs', queryShape(q), opts]);
    t.equal(a.sql, b.sql, qs);
    t.notMatch(a.sql, /SECRETVALUE/);
  }
  // the cache keeps numeric and text comparisons apart (same path, same operator)
  t.same(await ids('filter={"meta":{"_json":{"n":{"_gt":6}}}}'), [4, 7]);
  t.same(await ids('filter={"meta":{"_json":{"n":{"_gt":"6"}}}}'), [7]);
  t.same(await ids('filter={"meta":{"_json":{"n":{"_gt":4}}}}'), [4, 5, 7]);
  t.same(await ids('filter={"meta":{"_json":{"color":{"_eq":"red"}}}}'), [4, 7]);
  t.same(await ids('filter={"meta":{"_json":{"a.b[0]":{"_eq":"z"}}}}'), [5]);
});

t.test('json values come back in compact form, as Directus serializes them', async (t) => {
  // Directus 12.4, POST /items/<c> {"j":{"a":1,"b":[1,{"c":"x y"}]}} on a json field, answered
  // {"data":{"id":1,"j":{"a":1,"b":[1,{"c":"x y"}]}}}: no spaces outside strings
  const get = async (path: string) => (await fetch(app.url + path, { headers: { authorization: `Bearer ${app.adminToken}` } })).text();
  const created = await fetch(`${app.url}/items/jx_docs?fields=meta`, { method: 'POST',
    headers: { authorization: `Bearer ${app.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ title: 'compact', meta: { a: 1, b: [1, { c: 'x y' }] } }) });
  t.equal(await created.text(), '{"data":{"meta":{"a":1,"b":[1,{"c":"x y"}]}}}', 'the create answer');
  // a DBA's text with spaces and newlines (a json column keeps the text it was given)
  await app.sql(String.raw`insert into jx_docs (id, title, meta) values (40, 'spaced', E'{ "k" : "a  b\\"  c",\n  "n": [ 1, 2 ] }')`);
  t.equal(await get('/items/jx_docs/40?fields=meta'), String.raw`{"data":{"meta":{"k":"a  b\"  c","n":[1,2]}}}`, 'plain-SQL text, read');
  t.equal(await get('/items/jx_docs?fields=title,meta&filter[title][_eq]=compact'), '{"data":[{"title":"compact","meta":{"a":1,"b":[1,{"c":"x y"}]}}]}', 'a list');
  await app.sql('delete from jx_docs where id = 40 or title = $1', ['compact']);
});

t.test('a json field sorted, grouped or aggregated is a 400, not a 500 (Directus: 500)', async (t) => {
  for (const q of ['/items/jx_docs?sort=meta', '/items/jx_docs?sort=-meta', '/items/jx_docs?groupBy[]=meta&aggregate[count]=*',
    '/items/jx_docs?aggregate[countDistinct]=meta', '/items/jx_docs?aggregate[max]=meta', '/revisions?sort=data', '/revisions?groupBy[]=delta&aggregate[count]=*']) {
    const res = await app.get(q);
    t.same([res.status, res.body.errors?.[0]?.extensions?.code], [400, 'INVALID_QUERY'], q);
  }
  t.equal((await app.get('/items/jx_docs?sort=json(meta,n)&fields=id')).status, 200, 'json() of the field still sorts');
});
