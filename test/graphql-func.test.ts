// GraphQL `<field>_func` (Directus's function fields): types, selections (root, nested, aliased),
// filters, sort, and who may see them. Expected values were recorded from Directus 12.4 with the
// same collections and rows (func_* collections on the reference server).
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const POLICY = '44444444-4444-4444-8444-444444444444';
const ROLE = '55555555-5555-4555-8555-555555555555';
const USER = '66666666-6666-4666-8666-666666666666';

await app.sql(`
  create table authors (id serial primary key, name varchar(255), born date);
  create table articles (id serial primary key, title varchar(255), date_created timestamptz, published date,
    publish_at timestamp, time_of_day time, data json, views int, author int references authors(id));
  create table comments (id serial primary key, body varchar(255), posted timestamptz, article int references articles(id));
  create table tags (id serial primary key, name varchar(255));
  create table articles_tags (id serial primary key, articles_id int references articles(id), tags_id int references tags(id));
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values
    ('articles', 'author', 'authors', null),
    ('comments', 'article', 'articles', 'comments'),
    ('articles_tags', 'articles_id', 'articles', 'tags'),
    ('articles_tags', 'tags_id', 'tags', null);
  insert into authors (name, born) values ('Ann', '1980-05-17'), ('Bob', '1990-11-02');
  insert into tags (name) values ('red'), ('blue'), ('green');
  insert into articles (title, date_created, published, publish_at, time_of_day, data, views, author) values
    ('A', '2024-03-05T10:20:30Z', '2024-03-05', '2024-03-05T08:09:10', '13:14:15', '[1,2,3]', 5, 1),
    ('B', '2023-12-31T23:59:59Z', '2023-12-31', '2023-12-31T22:00:00', '01:02:03', '[]', 7, 2),
    ('C', null, null, null, null, null, 1, null);
  insert into comments (body, posted, article) values ('c1', '2024-03-06T00:00:00Z', 1), ('c2', '2025-01-01T00:00:00Z', 1);
  insert into articles_tags (articles_id, tags_id) values (1, 1), (1, 2), (2, 3);
  insert into directus_roles (id, name) values ('${ROLE}', 'Func reader');
  insert into directus_policies (id, name) values ('${POLICY}', 'Func readers');
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${POLICY}');
  insert into directus_users (id, email, status, role, token) values ('${USER}', 'func@example.com', 'active', '${ROLE}', 'func-token');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('articles', 'read', null, 'id,title,comments,views', '${POLICY}'),
    ('comments', 'read', null, 'id,body,article', '${POLICY}');
`);
const reader = { token: 'func-token' };
const gql = (query: string, variables?: unknown, opts: { token?: string } = {}) => app.post('/graphql', { query, variables }, opts);

t.test('introspection: the function types and filter operators Directus names', async (t) => {
  const res = await gql(`{
    articles: __type(name: "articles") { fields { name type { name } } }
    filter: __type(name: "articles_filter") { inputFields { name type { name } } }
    date: __type(name: "date_functions") { fields { name type { name } } }
    datetime: __type(name: "datetime_functions") { fields { name } }
    time: __type(name: "time_functions") { fields { name } }
    count: __type(name: "count_functions") { fields { name } }
    json: __type(name: "articles_data_func") { fields { name args { name type { kind ofType { name } } } type { name } } }
    dateFilter: __type(name: "date_function_filter_operators") { inputFields { name type { name } } }
    timeFilter: __type(name: "time_function_filter_operators") { inputFields { name } }
  }`);
  t.equal(res.status, 200);
  const d = res.body.data;
  const funcs = (fields: { name: string; type: { name: string } }[]) =>
    Object.fromEntries(fields.filter((f) => f.name.endsWith('_func')).map((f) => [f.name, f.type.name]));
  // recorded from Directus 12.4 (func_articles): each `<field>_func` follows its field
  t.strictSame(d.articles.fields.map((f: { name: string }) => f.name), ['id', 'title', 'date_created', 'date_created_func', 'published',
    'published_func', 'publish_at', 'publish_at_func', 'time_of_day', 'time_of_day_func', 'data', 'data_func', 'views', 'author',
    'comments', 'comments_func', 'tags', 'tags_func']);
  t.strictSame(funcs(d.articles.fields), { date_created_func: 'datetime_functions', published_func: 'date_functions',
    publish_at_func: 'datetime_functions', time_of_day_func: 'time_functions', data_func: 'articles_data_func',
    comments_func: 'count_functions', tags_func: 'count_functions' });
  t.strictSame(funcs(d.filter.inputFields), { date_created_func: 'datetime_function_filter_operators', published_func: 'date_function_filter_operators',
    publish_at_func: 'datetime_function_filter_operators', time_of_day_func: 'time_function_filter_operators',
    data_func: 'count_function_filter_operators', comments_func: 'count_function_filter_operators', tags_func: 'count_function_filter_operators' });
  t.strictSame(d.date.fields, ['year', 'month', 'week', 'day', 'weekday'].map((name) => ({ name, type: { name: 'Int' } })));
  t.strictSame(d.datetime.fields.map((f: { name: string }) => f.name), ['year', 'month', 'week', 'day', 'weekday', 'hour', 'minute', 'second']);
  t.strictSame(d.time.fields.map((f: { name: string }) => f.name), ['hour', 'minute', 'second']);
  t.strictSame(d.count.fields, [{ name: 'count' }]);
  t.strictSame(d.json.fields, [
    { name: 'count', args: [], type: { name: 'Int' } },
    { name: 'json', args: [{ name: 'path', type: { kind: 'NON_NULL', ofType: { name: 'String' } } }], type: { name: 'JSON' } },
  ]);
  t.strictSame(d.dateFilter.inputFields, ['year', 'month', 'week', 'day', 'weekday'].map((name) => ({ name, type: { name: 'number_filter_operators' } })));
  t.strictSame(d.timeFilter.inputFields, [{ name: 'hour' }, { name: 'minute' }, { name: 'second' }]);
});

t.test('function fields in selections: root, nested m2o and o2m, counts of o2m and m2m', async (t) => {
  const res = await gql(`{ articles(sort: "id") {
    title date_created_func { year month week day weekday hour minute second } published_func { year month week day weekday }
    publish_at_func { year hour } time_of_day_func { hour minute second } comments_func { count } tags_func { count }
    author { born_func { year } } comments { posted_func { year } }
  } }`);
  t.equal(res.status, 200);
  // recorded from Directus 12.4 (ids left out: see the README on integer keys); a null date has
  // its functions object with nulls
  t.strictSame(res.body, { data: { articles: [
    { title: 'A', date_created_func: { year: 2024, month: 3, week: 10, day: 5, weekday: 2, hour: 10, minute: 20, second: 30 },
      published_func: { year: 2024, month: 3, week: 10, day: 5, weekday: 2 }, publish_at_func: { year: 2024, hour: 8 },
      time_of_day_func: { hour: 13, minute: 14, second: 15 }, comments_func: { count: 2 }, tags_func: { count: 2 },
      author: { born_func: { year: 1980 } }, comments: [{ posted_func: { year: 2024 } }, { posted_func: { year: 2025 } }] },
    { title: 'B', date_created_func: { year: 2023, month: 12, week: 52, day: 31, weekday: 0, hour: 23, minute: 59, second: 59 },
      published_func: { year: 2023, month: 12, week: 52, day: 31, weekday: 0 }, publish_at_func: { year: 2023, hour: 22 },
      time_of_day_func: { hour: 1, minute: 2, second: 3 }, comments_func: { count: 0 }, tags_func: { count: 1 },
      author: { born_func: { year: 1990 } }, comments: [] },
    { title: 'C', date_created_func: { year: null, month: null, week: null, day: null, weekday: null, hour: null, minute: null, second: null },
      published_func: { year: null, month: null, week: null, day: null, weekday: null }, publish_at_func: { year: null, hour: null },
      time_of_day_func: { hour: null, minute: null, second: null }, comments_func: { count: 0 }, tags_func: { count: 0 },
      author: null, comments: [] },
  ] } });
});

t.test('aliases, __typename, json count and json(path), by_id, variables, fragments', async (t) => {
  // recorded from Directus 12.4: {"id":"1","data_func":{"count":3,"json":1},"x":{"c":3}} and
  // {"__typename":"func_articles","d":{"__typename":"datetime_functions","y":2024}} (names without func_)
  const res = await gql(`query ($p: String!) {
    articles(filter: {title: {_eq: "A"}}) { data_func { count json(path: $p) } x: data_func { c: count } }
    articles_by_id(id: 1) { __typename d: date_created_func { __typename y: year } e: date_created_func { y: month } ...F }
  } fragment F on articles { author { b: born_func { year } } }`, { p: '[1]' });
  t.strictSame(res.body, { data: {
    articles: [{ data_func: { count: 3, json: 2 }, x: { c: 3 } }],
    articles_by_id: { __typename: 'articles', d: { __typename: 'datetime_functions', y: 2024 }, e: { y: 3 }, author: { b: { year: 1980 } } },
  } });
  const typename = await gql('{ articles_by_id(id: 3) { published_func { __typename } } }');
  t.strictSame(typename.body, { data: { articles_by_id: { published_func: { __typename: 'date_functions' } } } }, '__typename alone');
  const empty = await gql('{ articles_by_id(id: 2) { data_func { count } } }');
  t.strictSame(empty.body, { data: { articles_by_id: { data_func: { count: 0 } } } }, 'an empty json array counts 0');
});

t.test('function fields in filters (root, relational arguments, through relations, _and/_some) and sort', async (t) => {
  const titles = async (q: string) => {
    const res = await gql(q);
    t.equal(res.status, 200, q);
    return res.body.data.articles.map((a: { title: string }) => a.title);
  };
  // each recorded from Directus 12.4 (as ids 1, 2, 3 = A, B, C)
  t.strictSame(await titles('{ articles(filter: {date_created_func: {year: {_eq: 2024}}}) { title } }'), ['A']);
  t.strictSame(await titles('{ articles(filter: {comments_func: {count: {_gte: 1}}}) { title } }'), ['A']);
  t.strictSame(await titles('{ articles(filter: {tags_func: {count: {_eq: 1}}}) { title } }'), ['B']);
  t.strictSame(await titles('{ articles(filter: {author: {born_func: {year: {_lt: 1985}}}}) { title } }'), ['A']);
  t.strictSame(await titles('{ articles(filter: {comments: {posted_func: {year: {_eq: 2025}}}}) { title } }'), ['A']);
  t.strictSame(await titles('{ articles(sort: ["-year(date_created)"]) { title } }'), ['C', 'A', 'B']);
  t.strictSame(await titles('{ articles(sort: ["year(date_created)"]) { title } }'), ['B', 'A', 'C']);
  // (Strata only: Directus 12.4 fails count() of a json value that is no array; here it is null)
  t.strictSame(await titles('{ articles(filter: {data_func: {count: {_eq: 3}}}) { title } }'), ['A']);
  t.strictSame(await titles('{ articles(filter: {_and: [{published_func: {month: {_eq: 12}}}, {time_of_day_func: {hour: {_lt: 2}}}]}) { title } }'), ['B']);
  t.strictSame(await titles('{ articles(filter: {comments: {_some: {posted_func: {year: {_eq: 2024}}}}}) { title } }'), ['A']);
  const vars = await gql('query ($f: articles_filter) { articles(filter: $f) { title } }', { f: { publish_at_func: { hour: { _in: [8, 9] } } } });
  t.strictSame(vars.body, { data: { articles: [{ title: 'A' }] } }, 'in a variable');
  // recorded from Directus 12.4: {"id":"1","comments":[{"id":"2"}]}, ...
  const nested = await gql('{ articles(sort: "id") { title comments(filter: {posted_func: {year: {_eq: 2025}}}) { body } } }');
  t.strictSame(nested.body, { data: { articles: [{ title: 'A', comments: [{ body: 'c2' }] }, { title: 'B', comments: [] }, { title: 'C', comments: [] }] } });
  const agg = await gql('{ articles_aggregated(filter: {date_created_func: {year: {_gte: 2023}}}) { countAll } }');
  t.strictSame(agg.body, { data: { articles_aggregated: [{ countAll: 2 }] } }, 'in an aggregate');
  const grouped = await gql('{ articles_aggregated(groupBy: ["year(date_created)"]) { group count { id } } }');
  t.strictSame(grouped.body, { data: { articles_aggregated: [
    { group: { date_created_year: '2023' }, count: { id: 1 } }, { group: { date_created_year: '2024' }, count: { id: 1 } },
    { group: { date_created_year: null }, count: { id: 1 } },
  ] } }, 'grouped by a function: recorded from Directus 12.4');
});

t.test('in a mutation\'s answer', async (t) => {
  // recorded from Directus 12.4: {"update_func_articles_item":{"id":"3","published_func":{"year":2022,"month":2}}}
  const res = await gql('mutation { update_articles_item(id: 3, data: {published: "2022-02-02"}) { published_func { year month } } }');
  t.strictSame(res.body, { data: { update_articles_item: { published_func: { year: 2022, month: 2 } } } });
  await app.sql('update articles set published = null where id = 3');
});

t.test('a caller who may not read a field has no `_func` of it', async (t) => {
  const ok = await gql('{ articles(sort: "id") { title comments_func { count } } }', undefined, reader);
  t.strictSame(ok.body, { data: { articles: [
    { title: 'A', comments_func: { count: 2 } }, { title: 'B', comments_func: { count: 0 } }, { title: 'C', comments_func: { count: 0 } },
  ] } });
  for (const q of [
    '{ articles { date_created_func { year } } }',
    '{ articles { data_func { count } } }',
    '{ articles { tags_func { count } } }', // the junction collection is not readable
    '{ articles { comments { posted_func { year } } } }',
    '{ articles(filter: {date_created_func: {year: {_eq: 2024}}}) { id } }',
    '{ articles(filter: {comments: {posted_func: {year: {_eq: 2025}}}}) { id } }',
    '{ articles { comments(filter: {posted_func: {year: {_eq: 2025}}}) { id } } }',
    '{ articles_aggregated(filter: {data_func: {count: {_eq: 3}}}) { countAll } }',
  ]) {
    const res = await gql(q, undefined, reader);
    t.strictSame([res.status, res.body.errors?.[0]?.extensions?.code], [400, 'GRAPHQL_VALIDATION'], q);
  }
  const variable = await gql('query ($f: articles_filter) { articles(filter: $f) { id } }', { f: { date_created_func: { year: { _eq: 2024 } } } }, reader);
  t.strictSame([variable.status, variable.body.errors?.[0]?.extensions?.code], [400, 'GRAPHQL_VALIDATION'], 'nor in a variable');
  // sort strings are REST's: a hidden field is refused there, as REST refuses it
  const sort = await gql('{ articles(sort: ["year(date_created)"]) { id } }', undefined, reader);
  t.equal(sort.body.data.articles, null);
  t.equal(sort.body.errors[0].extensions.code, 'FORBIDDEN');
});

t.test('adversarial json(path): request data stays a value the compiler checks', async (t) => {
  for (const path of ["'; drop table articles; --", 'a) , x', '[0]) as x, (select 1', '__proto__']) {
    const res = await gql('query ($p: String!) { articles(sort: "id") { data_func { json(path: $p) } } }', { p: path });
    t.equal(res.status, 200, path);
    if (res.body.errors) t.equal(res.body.errors[0].extensions.code, 'INVALID_QUERY', `${path}: refused as REST refuses it`);
    else t.strictSame(res.body.data.articles.map((a: { data_func: { json: unknown } }) => a.data_func.json), [null, null, null], `${path}: reads nothing`);
  }
  t.equal((await app.sql('select count(*)::int as n from articles'))[0].n, 3, 'the table is intact');
});

t.test('/graphql/system has them too', async (t) => {
  const gqls = (query: string) => app.post('/graphql/system', { query });
  const res = await gqls(`{
    users: __type(name: "directus_users") { fields { name type { name } } }
    activity: __type(name: "directus_activity") { fields { name type { name } } }
    usersFilter: __type(name: "directus_users_filter") { inputFields { name type { name } } }
  }`);
  const funcs = (fields: { name: string; type: { name: string } }[]) =>
    Object.fromEntries(fields.filter((f) => f.name.endsWith('_func')).map((f) => [f.name, f.type.name]));
  // recorded from Directus 12.4
  t.strictSame(funcs(res.body.data.users.fields), { tags_func: 'directus_users_tags_func', last_access_func: 'datetime_functions',
    auth_data_func: 'directus_users_auth_data_func', theme_light_overrides_func: 'directus_users_theme_light_overrides_func',
    theme_dark_overrides_func: 'directus_users_theme_dark_overrides_func', policies_func: 'count_functions' });
  t.strictSame(funcs(res.body.data.activity.fields), { timestamp_func: 'datetime_functions', revisions_func: 'count_functions' });
  t.strictSame(funcs(res.body.data.usersFilter.inputFields), { tags_func: 'count_function_filter_operators',
    last_access_func: 'datetime_function_filter_operators', auth_data_func: 'count_function_filter_operators',
    theme_light_overrides_func: 'count_function_filter_operators', theme_dark_overrides_func: 'count_function_filter_operators',
    policies_func: 'count_function_filter_operators' });
  await app.sql(`insert into directus_activity (action, collection, item, timestamp) values ('create', 'articles', '1', '2021-06-07T08:00:00Z')`);
  const rows = await gqls('{ activity(filter: {timestamp_func: {year: {_eq: 2021}}}) { item timestamp_func { year month } } }');
  t.strictSame(rows.body, { data: { activity: [{ item: '1', timestamp_func: { year: 2021, month: 6 } }] } });
});
