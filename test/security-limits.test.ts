// Security review H2: the read compiler had no bound on its work. `fields=*.*.*.*.*.*.*.*.*`
// compiled for ~100 s into gigabytes, a 44,000-member `_or` took 40 s, huge lists went straight
// to PostgreSQL, and exports parsed whole results in the event loop. Each of these must now be
// answered within a second (400 INVALID_QUERY, Directus's shape), leave the database as it was,
// and leave the server answering. Limits: STRATA_MAX_QUERY_FIELDS, STRATA_MAX_FILTER_NODES,
// STRATA_MAX_SQL_SIZE, MAX_RELATIONAL_DEPTH.
import t, { type Test } from 'tap';
import { startApp, type TestApp, type TestResponse } from './helpers/app.js';
import { exportText, toCsv, toXml, toYaml } from '../src/rest/export.js';
import { loadConfig, type ConfigError } from '../src/config.js';

// Three collections related both ways (each has two many-to-ones and two one-to-manys), so every
// wildcard level multiplies the fields by four.
const FIXTURE = `
  create table sl_a (id serial primary key, name varchar(255), b integer, c integer);
  create table sl_b (id serial primary key, name varchar(255), a integer, c integer);
  create table sl_c (id serial primary key, name varchar(255), a integer, b integer);
  alter table sl_a add foreign key (b) references sl_b(id), add foreign key (c) references sl_c(id);
  alter table sl_b add foreign key (a) references sl_a(id), add foreign key (c) references sl_c(id);
  alter table sl_c add foreign key (a) references sl_a(id), add foreign key (b) references sl_b(id);
  insert into directus_collections (collection) values ('sl_a'), ('sl_b'), ('sl_c');
  insert into directus_fields (collection, field, special) values
    ('sl_a', 'b', 'm2o'), ('sl_a', 'c', 'm2o'), ('sl_b', 'a', 'm2o'), ('sl_b', 'c', 'm2o'), ('sl_c', 'a', 'm2o'), ('sl_c', 'b', 'm2o'),
    ('sl_a', 'bs', 'o2m'), ('sl_a', 'cs', 'o2m'), ('sl_b', 'as', 'o2m'), ('sl_b', 'cs', 'o2m'), ('sl_c', 'as', 'o2m'), ('sl_c', 'bs', 'o2m');
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values
    ('sl_b', 'a', 'sl_a', 'bs'), ('sl_c', 'a', 'sl_a', 'cs'), ('sl_a', 'b', 'sl_b', 'as'), ('sl_c', 'b', 'sl_b', 'cs'),
    ('sl_a', 'c', 'sl_c', 'as'), ('sl_b', 'c', 'sl_c', 'bs');
  insert into sl_a (name) select 'a' || g from generate_series(1, 50) g;
  insert into sl_b (name, a) values ('b1', 1), ('b2', 2);
  insert into sl_c (name, a, b) values ('c1', 1, 1);
  update sl_a set b = 1, c = 1 where id = 1;
`;

const WILDCARDS = '*.*.*.*.*.*.*.*.*';

async function snapshot(app: TestApp): Promise<string> {
  const [row] = await app.sql<{ h: string }>(`select md5(string_agg(t, '|' order by t)) as h from (
    select 'a' || x::text as t from sl_a x union all select 'b' || x::text from sl_b x union all select 'c' || x::text from sl_c x
    union all select 'r' || count(*)::text from directus_revisions
    union all select 'ac' || count(*)::text from directus_activity where action <> 'login') s`);
  return row.h;
}

async function setup(t: Test, env: Record<string, string> = {}): Promise<TestApp> {
  const app = await startApp(t, env);
  await app.sql(FIXTURE);
  // the pool's connections compile the read functions on first use: warm them, so the timed
  // requests measure the query, not the connection
  await Promise.all([1, 2, 3, 4].map(() => app.get('/items/sl_a?fields=*.*&filter[name][_eq]=a1&sort=name')));
  return app;
}

/** The round trip of one request, in ms. */
async function timed(request: () => Promise<TestResponse>): Promise<{ res: TestResponse; ms: number }> {
  const start = performance.now();
  const res = await request();
  return { res, ms: performance.now() - start };
}

/** A refused query: 400 INVALID_QUERY with this reason, nothing changed, the server still answers. */
async function refused(t: Test, app: TestApp, before: string, res: TestResponse, reason: string | RegExp, what: string) {
  t.equal(res.status, 400, `${what}: 400`);
  t.match(res.body, { errors: [{ extensions: { code: 'INVALID_QUERY' } }] }, `${what}: INVALID_QUERY`);
  if (typeof reason === 'string') t.equal(res.body?.errors?.[0]?.extensions?.reason, reason, `${what}: says why`);
  else t.match(res.body?.errors?.[0]?.extensions?.reason, reason, `${what}: says why`);
  t.equal(await snapshot(app), before, `${what}: the database is unchanged`);
  t.equal((await app.get('/server/ping', { token: null })).text, 'pong', `${what}: the server still answers`);
}

t.test('wildcards through relations in both directions are refused within a second', async (t) => {
  const app = await setup(t);
  const before = await snapshot(app);

  const get = await timed(() => app.get(`/items/sl_a?fields=${WILDCARDS}`));
  t.ok(get.ms < 1000, `GET answered in ${Math.round(get.ms)} ms`);
  await refused(t, app, before, get.res, 'The query expands to more than 1000 fields', `GET fields=${WILDCARDS}`);

  const search = await timed(() => app.search('/items/sl_a', { query: { fields: [WILDCARDS, 'id'] } }));
  t.ok(search.ms < 1000, `SEARCH answered in ${Math.round(search.ms)} ms`);
  await refused(t, app, before, search.res, 'The query expands to more than 1000 fields', 'SEARCH');

  // a single item, deep aliases and backlink=false walk the same tree
  const one = await timed(() => app.get(`/items/sl_a/1?fields=${WILDCARDS}&backlink=false&deep[b][_alias][x]=name`));
  t.ok(one.ms < 1000, `one item answered in ${Math.round(one.ms)} ms`);
  await refused(t, app, before, one.res, 'The query expands to more than 1000 fields', 'one item');

  // below the cap, wildcards still expand as before
  const fine = await app.get('/items/sl_a?fields=*.*&filter[id][_eq]=1');
  t.equal(fine.status, 200);
  t.same(fine.body.data, [{
    id: 1, name: 'a1',
    b: { id: 1, name: 'b1', a: 1, c: null, as: [1], cs: [1] },
    c: { id: 1, name: 'c1', a: 1, b: 1, as: [1], bs: [] },
    bs: [{ id: 1, name: 'b1', a: 1, c: null, as: [1], cs: [1] }],
    cs: [{ id: 1, name: 'c1', a: 1, b: 1, as: [1], bs: [] }],
  }]);
});

t.test('STRATA_MAX_QUERY_FIELDS, STRATA_MAX_SQL_SIZE and MAX_RELATIONAL_DEPTH are configurable', async (t) => {
  t.match(loadConfig({}), { maxQueryFields: 1000, maxFilterNodes: 1000, maxSqlSize: 1024 * 1024 }, 'defaults');
  t.match(loadConfig({ STRATA_MAX_QUERY_FIELDS: '50', STRATA_MAX_FILTER_NODES: '70', STRATA_MAX_SQL_SIZE: '2mb' }),
    { maxQueryFields: 50, maxFilterNodes: 70, maxSqlSize: 2 * 1024 * 1024 });
  let problems: string[] = [];
  try {
    loadConfig({ STRATA_MAX_QUERY_FIELDS: '0', STRATA_MAX_FILTER_NODES: 'many', STRATA_MAX_SQL_SIZE: 'big' });
  } catch (err) {
    problems = (err as ConfigError).problems;
  }
  t.same(problems, ['STRATA_MAX_QUERY_FIELDS must be an integer >= 1, got "0"', 'STRATA_MAX_FILTER_NODES must be an integer >= 1, got "many"',
    'STRATA_MAX_SQL_SIZE must be a size such as 1mb, 500kb or 1048576 (bytes), got "big"'], 'bad values are named');

  const small = await setup(t, { STRATA_MAX_QUERY_FIELDS: '20' });
  const before = await snapshot(small);
  t.equal((await small.get('/items/sl_a?fields=*&limit=1')).status, 200, 'one level of 6 fields');
  // *.* is 6 fields + 4 relations x 6 = 30
  await refused(t, small, before, await small.get('/items/sl_a?fields=*.*'), 'The query expands to more than 20 fields', 'fields cap 20');
  await refused(t, small, before, await small.get(`/items/sl_a?fields=${Array.from({ length: 21 }, (_, i) => `name${i}`).join(',')}`),
    '"fields" can\'t have more than 20 entries', 'a fields list longer than the cap');

  const tiny = await setup(t, { STRATA_MAX_SQL_SIZE: '2kb' });
  const beforeTiny = await snapshot(tiny);
  t.equal((await tiny.get('/items/sl_a?fields=id,name&limit=1')).status, 200, 'a small statement');
  await refused(t, tiny, beforeTiny, await tiny.get('/items/sl_a?fields=*.*'), 'The query compiles to more than 2048 bytes of SQL', 'SQL size cap');

  // MAX_RELATIONAL_DEPTH holds for wildcard paths too, however high the fields cap
  const shallow = await setup(t, { MAX_RELATIONAL_DEPTH: '3', STRATA_MAX_QUERY_FIELDS: '1000000' });
  const beforeShallow = await snapshot(shallow);
  t.equal((await shallow.get('/items/sl_a?fields=*.*&limit=1')).status, 200, '*.* within depth 3');
  const deep = await timed(() => shallow.get(`/items/sl_a?fields=${WILDCARDS}`));
  t.ok(deep.ms < 1000, `answered in ${Math.round(deep.ms)} ms`);
  await refused(t, shallow, beforeShallow, deep.res, 'Max relational depth exceeded', 'wildcards deeper than MAX_RELATIONAL_DEPTH');
});

t.test('a 44,000-member _or is refused within a second; with the cap raised, large filters compile', async (t) => {
  const app = await setup(t);
  const before = await snapshot(app);
  const members = Array.from({ length: 44_000 }, (_, i) => ({ id: { _eq: i } }));
  const body = { query: { fields: ['id'], filter: { _or: members } } };
  t.ok(JSON.stringify(body).length < 1024 * 1024, 'the body fits MAX_PAYLOAD_SIZE');
  const big = await timed(() => app.search('/items/sl_a', body));
  t.ok(big.ms < 1000, `answered in ${Math.round(big.ms)} ms`);
  await refused(t, app, before, big.res, 'The filter has more than 1000 nodes', '44,000-member _or');

  // the nodes of deep filters count with the query's own
  const deepFilter = { fields: ['id', 'bs.id'], filter: { _or: members.slice(0, 300) }, deep: { bs: { _filter: { _or: members.slice(0, 300) } } } };
  await refused(t, app, before, await app.search('/items/sl_a', { query: deepFilter }), 'The filter has more than 1000 nodes', 'filter + deep._filter');
  const within = await app.search('/items/sl_a', { query: { fields: ['id'], filter: { _or: members.slice(1, 300) }, sort: ['id'], limit: 3 } });
  t.same(within.body, { data: [{ id: 1 }, { id: 2 }, { id: 3 }] }, '299 members (898 nodes) are within the cap');

  // (so many values are read per row, not planned as 10,000 InitPlans: within the default statement timeout)
  const raised = await setup(t, { STRATA_MAX_FILTER_NODES: '1000000', STRATA_MAX_SQL_SIZE: '100mb' });
  const beforeRaised = await snapshot(raised);
  const res = await raised.search('/items/sl_a', { query: { fields: ['id'], filter: { _or: members.slice(0, 10_000).reverse() }, sort: ['-id'], limit: 2 } });
  t.same(res.body, { data: [{ id: 50 }, { id: 49 }] }, 'a 10,000-member _or compiles and matches (the compiler is linear in the filter)');
  t.equal(await snapshot(raised), beforeRaised);
});

t.test('deep nesting and huge lists are refused', async (t) => {
  const app = await setup(t);
  const before = await snapshot(app);
  let nested: object = { id: { _eq: 1 } };
  for (let i = 0; i < 60; i++) nested = { _and: [nested] };
  const nestedRes = await timed(() => app.search('/items/sl_a', { query: { filter: nested } }));
  t.ok(nestedRes.ms < 1000, `answered in ${Math.round(nestedRes.ms)} ms`);
  await refused(t, app, before, nestedRes.res, 'Filter is nested too deeply', '_and nested 60 deep');

  let relational: object = { id: { _eq: 1 } };
  for (let i = 0; i < 60; i++) relational = { b: { a: relational } };
  await refused(t, app, before, await app.search('/items/sl_a', { query: { filter: relational } }), 'Filter is nested too deeply', 'a relational path 120 deep');

  let deep: object = { _limit: 1 };
  for (let i = 0; i < 30; i++) deep = { bs: deep };
  await refused(t, app, before, await app.search('/items/sl_a', { query: { deep } }), 'Deep is nested too deeply', 'deep nested 30 deep');

  const sort = Array.from({ length: 50_000 }, () => 'id');
  const sortRes = await timed(() => app.search('/items/sl_a', { query: { sort } }));
  t.ok(sortRes.ms < 1000, `answered in ${Math.round(sortRes.ms)} ms`);
  await refused(t, app, before, sortRes.res, '"sort" can\'t have more than 1000 entries', '50,000 sort entries');
  await refused(t, app, before, await app.get(`/items/sl_a?sort=${Array.from({ length: 1001 }, () => 'name').join(',')}`),
    '"sort" can\'t have more than 1000 entries', '1,001 sort entries in the URL');

  const fields = Array.from({ length: 50_000 }, (_, i) => `b.name${i % 7}`);
  const fieldsRes = await timed(() => app.search('/items/sl_a', { query: { fields } }));
  t.ok(fieldsRes.ms < 1000, `answered in ${Math.round(fieldsRes.ms)} ms`);
  await refused(t, app, before, fieldsRes.res, '"fields" can\'t have more than 1000 entries', '50,000 fields entries');

  const alias = Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`x${i}`, 'name']));
  await refused(t, app, before, await app.search('/items/sl_a', { query: { fields: ['*'], alias } }), '"alias" can\'t have more than 1000 entries', '1,001 aliases');
  await refused(t, app, before, await app.search('/items/sl_a', { query: { aggregate: { count: Array(1001).fill('id') } } }),
    '"aggregate" can\'t have more than 1000 entries', '1,001 aggregated fields');
});

t.test('exports convert in slices: the event loop keeps running, the bytes are the same', async (t) => {
  const rows = Array.from({ length: 30_000 }, (_, i) => ({
    id: i, title: `Title "${i}"\nline`, price: i / 3, flag: i % 2 === 0, none: null, tags: ['a', 'b'],
    author: { id: i % 10, name: i % 3 ? 'Ann' : '- yes', meta: {} }, comments: i % 5 ? [] : [{ id: 1, body: 'x: y' }],
  }));
  const bodies = {
    list: JSON.stringify({ meta: { total_count: rows.length, filter_count: rows.length }, data: rows }),
    empty: JSON.stringify({ data: [] }),
    one: JSON.stringify({ data: rows[3] }),
    none: JSON.stringify({ data: null }),
  };
  const reference = (format: string, data: never) => format === 'xml' ? toXml(data) : format === 'yaml' ? toYaml(data)
    : format.startsWith('csv') ? toCsv(data, format === 'csv_utf8') : JSON.stringify(data, null, '\t');
  for (const format of ['json', 'csv', 'csv_utf8', 'xml', 'yaml']) {
    for (const [name, body] of Object.entries(bodies)) {
      let turns = 0;
      const timer = setInterval(() => turns++, 0);
      const text = await exportText(format, body);
      clearInterval(timer);
      t.equal(text, reference(format, JSON.parse(body).data as never), `${format}, ${name}: the same bytes as converting it whole`);
      if (name === 'list') t.ok(turns > 0, `${format}: timers ran during the conversion (${turns})`);
    }
  }
});

t.test('JSON nested past 256 levels is refused before anything walks it: 400, not a stack overflow', async (t) => {
  const app = await setup(t);
  const before = await snapshot(app);
  const deep = (n: number) => '['.repeat(n) + '1' + ']'.repeat(n);
  for (const [path, raw] of [
    ['/items/sl_a', `{"name":"x","extra":${deep(200_000)}}`],
    ['/items/sl_a', `[${'{"name":"x","bs":'.repeat(300)}null${'}'.repeat(300)}]`],
    ['/schema/diff', `{"version":1,"directus":"12.4.0","vendor":"postgres","collections":[{"collection":"x","meta":${deep(5000)}}],"fields":[],"relations":[]}`],
  ]) {
    const res = await app.post(path, undefined, { raw, contentType: 'application/json' });
    t.equal(res.status, 400, `${path}: 400`);
    t.same(res.body, { errors: [{ message: 'Invalid payload. JSON is nested more than 256 levels deep.', extensions: { reason: 'JSON is nested more than 256 levels deep', code: 'INVALID_PAYLOAD' } }] });
  }
  // brackets inside strings don't count
  const inString = await app.search('/items/sl_a', undefined, { raw: JSON.stringify({ query: { filter: { name: { _eq: '['.repeat(600) } } } }), contentType: 'application/json' });
  t.equal(inString.status, 200);
  t.same(inString.body.data, []);
  t.equal(await snapshot(app), before, 'the database is unchanged');
  t.equal((await app.get('/server/ping', { token: null })).text, 'pong');
});
