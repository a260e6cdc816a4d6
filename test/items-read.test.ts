// GET/SEARCH /items: the read engine end to end over HTTP, checked against what Directus returns.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

await app.sql(`
  create table authors (id serial primary key, name varchar(255), born date);
  create table articles (id serial primary key, title varchar(255), views int8, price numeric(10,5), rating float8,
    created timestamptz, dt timestamp, published date, meta json, flag boolean, author int references authors(id));
  create table comments (id serial primary key, body text, article int references articles(id));
  create table tags (id serial primary key, name varchar(64));
  create table articles_tags (id serial primary key, articles_id int references articles(id), tags_id int references tags(id));
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values
    ('comments', 'article', 'articles', 'comments'),
    ('articles_tags', 'articles_id', 'articles', 'tags'),
    ('articles_tags', 'tags_id', 'tags', null);
  update directus_relations set junction_field = 'tags_id' where many_collection = 'articles_tags' and many_field = 'articles_id';
  update directus_relations set junction_field = 'articles_id' where many_collection = 'articles_tags' and many_field = 'tags_id';
  insert into authors (name, born) values ('Ann', '1980-01-02'), ('Bob', '1990-05-06');
  insert into articles (title, views, price, rating, created, dt, published, meta, flag, author) values
    ('Hello', 9007199254740993, 12.5, 1.5, '2024-03-01T10:00:00Z', '2024-03-01T10:00:00', '2024-03-01', '{"a":[1,2]}', true, 1),
    ('World', 5, 1, 2.5, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00', '2025-01-01', null, false, 2),
    ('50% off', 1, 1, null, '2023-06-01T00:00:00Z', '2023-06-01T00:00:00', '2023-06-01', null, null, null);
  insert into comments (body, article) values ('c1', 1), ('c2', 1), ('c3', 2);
  insert into tags (name) values ('red'), ('blue');
  insert into articles_tags (articles_id, tags_id) values (1, 1), (1, 2), (2, 2);
`);

t.test('a list with every value type formatted as Directus does on PostgreSQL', async (t) => {
  const res = await app.get('/items/articles?filter[id][_eq]=1');
  t.equal(res.status, 200);
  t.same(res.body, { data: [{
    id: 1, title: 'Hello', views: '9007199254740993', price: '12.50000', rating: 1.5,
    created: '2024-03-01T10:00:00.000Z', dt: '2024-03-01T10:00:00', published: '2024-03-01',
    meta: { a: [1, 2] }, flag: true, author: 1, comments: [1, 2], tags: [1, 2],
  }] });
});

t.test('m2o, o2m and m2m expansion in one request', async (t) => {
  const res = await app.get('/items/articles?fields=id,author.name,comments.body,tags.tags_id.name&sort=id&limit=2');
  t.same(res.body.data, [
    { id: 1, author: { name: 'Ann' }, comments: [{ body: 'c1' }, { body: 'c2' }], tags: [{ tags_id: { name: 'red' } }, { tags_id: { name: 'blue' } }] },
    { id: 2, author: { name: 'Bob' }, comments: [{ body: 'c3' }], tags: [{ tags_id: { name: 'blue' } }] },
  ]);
});

t.test('filters: operators, relational paths, _some/_none, logical groups, JSON syntax', async (t) => {
  const ids = async (qs: string) => (await app.get(`/items/articles?fields=id&sort=id&${qs}`)).body.data?.map((r: { id: number }) => r.id);
  t.same(await ids('filter[title][_contains]=o'), [1, 2, 3]);
  t.same(await ids('filter[title][_starts_with]=W'), [2]);
  t.same(await ids('filter[title][_ends_with]=off'), [3]);
  t.same(await ids('filter[title][_icontains]=WOR'), [2]);
  t.same(await ids('filter[title][_contains]=50%25'), [3], 'LIKE wildcards in values are literal');
  t.same(await ids('filter[views][_gt]=3'), [1, 2]);
  t.same(await ids('filter[id][_in]=1,3'), [1, 3]);
  t.same(await ids('filter[id][_nin]=1,3'), [2]);
  t.same(await ids('filter[rating][_null]=true'), [3]);
  t.same(await ids('filter[rating][_nnull]=true'), [1, 2]);
  t.same(await ids('filter[published][_between]=2024-01-01,2025-12-31'), [1, 2]);
  t.same(await ids('filter[author][name][_eq]=Bob'), [2]);
  t.same(await ids('filter[comments][_some][body][_eq]=c3'), [2]);
  t.same(await ids('filter[comments][_none][body][_eq]=c3'), [1, 3]);
  t.same(await ids('filter[comments][body][_eq]=c1'), [1], 'o2m filters are _some by default');
  t.same(await ids('filter[tags][tags_id][name][_eq]=red'), [1]);
  t.same(await ids('filter[_or][0][id][_eq]=1&filter[_or][1][title][_eq]=World'), [1, 2]);
  t.same(await ids(`filter=${encodeURIComponent('{"_and":[{"views":{"_gte":1}},{"flag":{"_eq":false}}]}')}`), [2]);
  t.same(await ids('filter[year(published)][_eq]=2025'), [2]);
  t.same(await ids('filter[count(comments)][_gt]=1'), [1]);
  t.same(await ids('filter[created][_lt]=$NOW'), [1, 2, 3]);
});

t.test('sort, limit, offset, page, search, meta', async (t) => {
  t.same((await app.get('/items/articles?fields=id&sort=-views')).body.data, [{ id: 1 }, { id: 2 }, { id: 3 }]);
  t.same((await app.get('/items/articles?fields=id&sort=author.name,-id')).body.data.map((r: { id: number }) => r.id), [1, 2, 3]);
  t.same((await app.get('/items/articles?fields=id&sort=id&limit=1&offset=1')).body.data, [{ id: 2 }]);
  t.same((await app.get('/items/articles?fields=id&sort=id&limit=1&page=3')).body.data, [{ id: 3 }]);
  t.same((await app.get('/items/articles?fields=id&search=world')).body.data, [{ id: 2 }]);
  const meta = await app.get('/items/articles?fields=id&meta=*&filter[id][_gt]=1');
  t.same(meta.body.meta, { total_count: 3, filter_count: 2 });
});

t.test('aggregate and groupBy', async (t) => {
  const res = await app.get('/items/articles?aggregate[count]=*&aggregate[sum]=views&groupBy[]=author&sort=author');
  t.same(res.body.data, [
    { author: 1, count: '1', sum: { views: '9007199254740993' } },
    { author: 2, count: '1', sum: { views: '5' } },
    { author: null, count: '1', sum: { views: '1' } },
  ]);
  const total = await app.get('/items/articles?aggregate[count]=id');
  t.same(total.body.data, [{ count: { id: '3' } }]);
  // keys in request order, as Directus answers (t.same ignores key order: compare serialized)
  const text = (r: { body: unknown }) => JSON.stringify(r.body);
  const ordered = await app.get('/items/articles?aggregate[sum]=views&aggregate[count]=*&aggregate[max]=views,id&groupBy=author&sort=author&limit=1');
  t.equal(text(ordered), '{"data":[{"author":1,"sum":{"views":"9007199254740993"},"count":"1","max":{"views":"9007199254740993","id":1}}]}');
  const reversed = await app.get('/items/articles?aggregate[max]=id&aggregate[count]=*');
  t.equal(text(reversed), '{"data":[{"max":{"id":3},"count":"3"}]}');
});

t.test('deep: per-relation filter, sort and limit', async (t) => {
  const res = await app.get('/items/articles?fields=id,comments.body&filter[id][_eq]=1&deep[comments][_sort]=-body&deep[comments][_limit]=1');
  t.same(res.body.data, [{ id: 1, comments: [{ body: 'c2' }] }]);
});

t.test('one item by key, and 403 for a missing one', async (t) => {
  const res = await app.get('/items/articles/2?fields=id,title');
  t.same(res.body, { data: { id: 2, title: 'World' } });
  const missing = await app.get('/items/articles/999');
  t.equal(missing.status, 403);
  t.equal(missing.body.errors[0].extensions.code, 'FORBIDDEN');
});

t.test('SEARCH with a query body and with keys', async (t) => {
  const q = await app.search('/items/articles', { query: { fields: ['id'], filter: { views: { _lt: 10 } }, sort: ['id'] } });
  t.same(q.body.data, [{ id: 2 }, { id: 3 }]);
  const k = await app.search('/items/articles?fields=id', { keys: [3, 1] });
  t.same(k.body.data, [{ id: 1 }, { id: 3 }]);
});

t.test('errors in Directus shape, with nothing leaking', async (t) => {
  const unknownCollection = await app.get('/items/nope');
  t.equal(unknownCollection.status, 403);
  t.match(unknownCollection.body.errors[0].message, /collection "nope" or it does not exist/);
  const unknownField = await app.get('/items/articles?fields=nope');
  t.equal(unknownField.status, 403);
  t.equal(unknownField.body.errors[0].message, 'You don\'t have permission to access field "nope" in collection "articles" or it does not exist. Queried in root.');
  const nested = await app.get('/items/articles?fields=author.nope');
  t.match(nested.body.errors[0].message, /Queried in "author"\./);
  const badOp = await app.get('/items/articles?filter[title][_gt]=1');
  t.equal(badOp.status, 400);
  t.equal(badOp.body.errors[0].message, 'Invalid query. "string" field type does not contain the "_gt" filter operator.');
  const badJson = await app.get('/items/articles?filter={bad');
  t.equal(badJson.body.errors[0].message, 'Invalid query. Invalid JSON for filter object.');
  const badValue = await app.get('/items/articles?filter[views][_eq]=abc');
  t.equal(badValue.status, 400, 'a value of the wrong type is a bad query, not a server error');
  t.equal(badValue.body.errors[0].extensions.code, 'INVALID_QUERY');
  const badLimit = await app.get('/items/articles?limit=-2');
  t.equal(badLimit.body.errors[0].message, 'Invalid query. "limit" must be greater than or equal to -1.');
  const system = await app.get('/items/directus_users');
  t.equal(system.status, 403);
});

t.test('injection attempts through names are refused and change nothing', async (t) => {
  const before = await app.sql('select count(*)::int as n from articles');
  for (const qs of [
    'fields=id";drop table articles;--',
    'sort=id;drop table articles',
    'filter[id"; drop table articles; --][_eq]=1',
    'filter[year(id);drop table articles)][_eq]=1',
    'aggregate[sum]=views);drop table articles;--',
    'groupBy[]=author";drop table articles;--',
    'deep[comments"; drop table articles;--][_limit]=1',
    'alias[x]=id";drop',
    'search=\'; drop table articles; --',
    'filter[title][_eq]=\'); drop table articles; --',
  ]) {
    const res = await app.get(`/items/articles?${qs}`);
    t.ok(res.status === 200 || res.status === 400 || res.status === 403, `${qs} -> ${res.status}`);
    t.ok(res.body.errors || Array.isArray(res.body.data), 'Directus-shaped answer');
  }
  t.same(await app.sql('select count(*)::int as n from articles'), before, 'table intact');
});
