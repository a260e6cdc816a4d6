// One-to-many and many-to-many lists of a root list read for the whole page at once
// (strata.select_o2m_page): the same answer as the subquery per parent row the compiler keeps
// when an index gives one parent's related rows in the list's order. Each query is read both
// ways (before and after such indexes exist) and the bodies must be equal; the compiled SQL
// shows which form was used, so the comparison can't pass by comparing a form with itself.
import t from 'tap';
import { randomUUID } from 'node:crypto';
import { startApp } from './helpers/app.js';
import { loadReadFixture } from './helpers/read-fixture.js';
import { asRole } from './helpers/as-role.js';
import { createUser } from './helpers/users.js';

const app = await startApp(t);
await loadReadFixture(app);
// more related rows, so that per-parent limits and offsets cut lists: article 4 gets six
// comments, with a repeated body (a sort key with ties, broken by the key)
await app.sql(`insert into rq_comments (body, article, sort) values ('d1', 4, 5), ('d2', 4, 4), ('d3', 4, 3), ('d1', 4, 2), ('d5', 4, 1), ('d6', 4, 6);
  insert into rq_articles_tags (rq_articles_id, rq_tags_id) values (4, 1), (4, 2), (2, 3), (2, null)`);

const OPTS = '{"mode":"list","default_limit":100,"max_depth":10}';
const QUERIES: Record<string, unknown>[] = [
  { fields: ['id', 'comments.id', 'comments.body', 'tags.rq_tags_id.name'], sort: ['id'], limit: 10 },
  { fields: ['id', 'comments'], sort: ['id'], limit: 10 },
  { fields: ['id', 'tags'], sort: ['-id'], limit: 3, offset: 1 },
  { fields: ['id', 'comments.body'], sort: ['id'], limit: 10, deep: { comments: { _limit: 2, _sort: ['-id'] } } },
  { fields: ['id', 'comments.body'], sort: ['id'], limit: 10, deep: { comments: { _limit: 2, _offset: 1 } } },
  { fields: ['id', 'comments.body'], sort: ['id'], limit: 10, deep: { comments: { _offset: 3 } } },
  { fields: ['id', 'comments.body'], sort: ['id'], limit: 10, deep: { comments: { _limit: -1, _sort: ['body', 'id'] } } },
  { fields: ['id', 'comments.body'], sort: ['id'], limit: 10, deep: { comments: { _limit: 0 } } },
  { fields: ['id', 'comments.id'], sort: ['id'], limit: 10, deep: { comments: { _filter: { body: { _neq: 'c2' } }, _sort: ['-sort'] } } },
  { fields: ['id', 'tags.id', 'tags.rq_tags_id.name'], sort: ['id'], limit: 10, deep: { tags: { _filter: { rq_tags_id: { name: { _neq: 'red' } } } } } },
  { fields: ['id', 'title', 'comments.body', 'tags.rq_tags_id.id'], filter: { id: { _in: [2, 3] } }, sort: ['title'], limit: 10 },
  { fields: ['id', 'comments.body', 'comments.article.title'], sort: ['id'], limit: 2 },
  // _in lists are read through a subquery over "v": no column this form adds may capture it
  { fields: ['id', 'comments.body', 'tags.rq_tags_id.name'], filter: { id: { _in: [1, 2, 4] } }, sort: ['id'], limit: 10,
    deep: { comments: { _filter: { body: { _in: ['c1', 'c2', 'd1'] } } }, tags: { _filter: { rq_tags_id: { name: { _in: ['red', 'green'] } } } } } },
  // values with subqueries (a many-to-any item): the rows numbered per parent, then cut
  { fields: ['id', 'blocks.id', 'blocks.item:rq_headings.title', 'blocks.item:rq_texts.body'], sort: ['id'], limit: 10 },
  { fields: ['id', 'blocks.id', 'blocks.item:rq_headings.title'], sort: ['id'], limit: 10, deep: { blocks: { _limit: 1, _offset: 1 } } },
  { fields: ['id', 'blocks.id', 'blocks.item:rq_texts.body'], sort: ['id'], limit: 10, deep: { blocks: { _limit: 1 } } },
];
// the form each list takes: an ordered array cut to the list's offset and limit, or rows
// numbered per parent when building their values costs subqueries
const PAGED = /= any\(r_keys\.__keys\)/;
const NUMBERED = /row_number\(\) over \(partition by/;

const compiled = async (q: unknown) =>
  (await app.sql<{ sql: string }>('select strata.compile_read($1, $2::jsonb, $3::jsonb) as sql', ['rq_articles', q, JSON.parse(OPTS)]))[0].sql;
const read = async (q: unknown) =>
  JSON.stringify((await app.sql<{ body: unknown }>('select strata.read($1, $2::jsonb, $3::jsonb) as body', ['rq_articles', q, JSON.parse(OPTS)]))[0].body);

// the answers of the lists read for the whole page, before any index orders them per parent
const paged: string[] = [];
for (const q of QUERIES) paged.push(await read(q));

// a reader who may see some tags and some comments only (row-level security on the related
// collections), read both ways below
const POLICY = randomUUID();
await app.sql(`insert into directus_policies (id, name, app_access) values ('${POLICY}', 'Page reader', false);
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('rq_articles', 'read', null, '*', '${POLICY}'),
    ('rq_articles_tags', 'read', null, '*', '${POLICY}'),
    ('rq_tags', 'read', '{"name":{"_neq":"blue"}}', '*', '${POLICY}'),
    ('rq_comments', 'read', '{"body":{"_nin":["c4","d1"]}}', '*', '${POLICY}')`);
const accountability = JSON.stringify({ user: null, role: null, roles: [], policies: [POLICY], admin: false, app: false });
const READER_QUERY = { fields: ['id', 'comments.body', 'tags.rq_tags_id.name'], sort: ['id'], limit: 10, deep: { comments: { _limit: 2 } } };
const asReader = async () => {
  const rows = await asRole(app.db, 'strata_request', `select strata.read('rq_articles', '${JSON.stringify(READER_QUERY)}'::jsonb, '${OPTS}'::jsonb)::text as body`, accountability);
  return (rows as { body: string }[])[0].body;
};
const readerPaged = await asReader();

// a reader who may read the lists on some articles only (two permissions with different
// fields; field masks apply to requests, so over the API): a masked list is null, not []
const MASKED = randomUUID();
const MASKED_ROLE = randomUUID();
await app.sql(`insert into directus_roles (id, name) values ('${MASKED_ROLE}', 'Masked lists');
  insert into directus_policies (id, name, app_access) values ('${MASKED}', 'Masked lists', false);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${MASKED_ROLE}', '${MASKED}');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('rq_articles', 'read', '{"id":{"_in":[1,4]}}', '*', '${MASKED}'),
    ('rq_articles', 'read', '{}', 'id,title', '${MASKED}'),
    ('rq_articles_tags', 'read', null, '*', '${MASKED}'),
    ('rq_tags', 'read', null, '*', '${MASKED}'),
    ('rq_comments', 'read', null, '*', '${MASKED}')`);
const maskedUser = await createUser(app, { token: 'masked-lists-token' });
await app.sql('update directus_users set role = $1 where id = $2', [MASKED_ROLE, maskedUser.id]);
const MASKED_PATH = '/items/rq_articles?fields=id,comments.body,tags.rq_tags_id.name&sort=id&limit=10&deep[comments][_limit]=2';
const maskedPaged = await app.get(MASKED_PATH, { token: 'masked-lists-token' });

// (every read above ran before the first subtest: subtests run while top-level code goes on,
// and none of the setup may overlap them)
t.test('without an index ordering them per parent, the lists are read for the whole page', async (t) => {
  for (const [i, q] of QUERIES.entries()) {
    const sql = await compiled(q);
    t.match(sql, PAGED, JSON.stringify(q));
    if (i >= QUERIES.length - 3) t.match(sql, NUMBERED, 'numbered');
    else t.match(sql, /array_to_json\(\(array_agg\(x\.(\*|id) order by [^)]*\)\)\[/, 'cut');
  }
  // a junction's many-to-one inside such a list is a left join, not a lookup per junction row
  t.match(await compiled(QUERIES[0]), /left join lateral \(select row_to_json\(x\.\*\) as __value from \(select r_\d+_\d+\.name as name from public\.rq_tags/);
});

t.test('what the lists answer: limits, offsets, filters, sorts and empty lists per parent', async (t) => {
  const [all, keys, , limited, offset, offsetOnly, , none, filtered, tagFilter, , , inLists, blocks, blocksCut] = paged.map((b) => JSON.parse(b).data);
  t.same(all.map((a: { comments: { body: string }[] }) => a.comments.map((c) => c.body)),
    [['c2', 'c4', 'c1'], ['c3'], [], ['d5', 'd1', 'd3', 'd2', 'd1', 'd6']], 'in the relation sort_field order');
  t.same(all[1].tags, [{ rq_tags_id: { name: 'blue' } }, { rq_tags_id: { name: 'green' } }, { rq_tags_id: null }],
    'a junction row without its related item reads null in the list');
  t.same(all[2], { id: 3, comments: [], tags: [] }, 'a parent without related rows reads []');
  t.same(keys[0].comments, [2, 4, 1], 'without child fields: the keys');
  t.same(limited.map((a: { comments: unknown[] }) => a.comments), [[{ body: 'c4' }, { body: 'c2' }], [{ body: 'c3' }], [], [{ body: 'd6' }, { body: 'd5' }]]);
  t.same(offset.map((a: { comments: unknown[] }) => a.comments), [[{ body: 'c4' }, { body: 'c1' }], [], [], [{ body: 'd1' }, { body: 'd3' }]]);
  t.same(offsetOnly[3].comments, [{ body: 'd2' }, { body: 'd1' }, { body: 'd6' }]);
  t.same(none.map((a: { comments: unknown[] }) => a.comments), [[], [], [], []], '_limit=0 reads no related row');
  t.same(filtered[0].comments, [{ id: 1 }, { id: 4 }]);
  t.same(tagFilter[0].tags, [{ id: 2, rq_tags_id: { name: 'blue' } }]);
  t.same(inLists.map((a: { id: number; comments: unknown[]; tags: unknown[] }) => [a.id, a.comments, a.tags]), [
    [1, [{ body: 'c2' }, { body: 'c1' }], [{ rq_tags_id: { name: 'red' } }]],
    [2, [], [{ rq_tags_id: { name: 'green' } }]],
    [4, [{ body: 'd1' }, { body: 'd1' }], [{ rq_tags_id: { name: 'green' } }, { rq_tags_id: { name: 'red' } }]],
  ]);
  t.same(blocks[0].blocks, [{ id: 2, item: { body: 'T1' } }, { id: 1, item: { title: 'H1' } }]);
  t.same(blocksCut.map((a: { blocks: unknown[] }) => a.blocks), [[{ id: 1, item: { title: 'H1' } }], [], [], []]);
});

t.test('the API answers the same as strata.read', async (t) => {
  const res = await app.get('/items/rq_articles?fields=id,comments.id,comments.body,tags.rq_tags_id.name&sort=id&limit=10');
  t.equal(res.status, 200);
  t.equal(JSON.stringify(res.body), paged[0]);
});

t.test('row-level security of the related collections applies to lists read for the page', async (t) => {
  t.same(JSON.parse(readerPaged).data, [
    { id: 1, comments: [{ body: 'c2' }, { body: 'c1' }], tags: [{ rq_tags_id: { name: 'red' } }, { rq_tags_id: null }] },
    { id: 2, comments: [{ body: 'c3' }], tags: [{ rq_tags_id: null }, { rq_tags_id: { name: 'green' } }, { rq_tags_id: null }] },
    { id: 3, comments: [], tags: [] },
    { id: 4, comments: [{ body: 'd5' }, { body: 'd3' }], tags: [{ rq_tags_id: { name: 'green' } }, { rq_tags_id: { name: 'red' } }, { rq_tags_id: null }] },
  ], 'hidden comments are not counted by the limit; a hidden tag reads null');
});

t.test('a list the request may read on some parents only is null on the others', async (t) => {
  t.equal(maskedPaged.status, 200);
  t.same(maskedPaged.body.data, [
    { id: 1, comments: [{ body: 'c2' }, { body: 'c4' }], tags: [{ rq_tags_id: { name: 'red' } }, { rq_tags_id: { name: 'blue' } }] },
    { id: 2, comments: null, tags: null },
    { id: 3, comments: null, tags: null },
    { id: 4, comments: [{ body: 'd5' }, { body: 'd1' }], tags: [{ rq_tags_id: { name: 'green' } }, { rq_tags_id: { name: 'red' } }, { rq_tags_id: { name: 'blue' } }] },
  ]);
});

t.test('with indexes ordering each parent\'s rows, the subquery per parent answers the same', async (t) => {
  await app.sql(`create index rq_comments_article_sort on rq_comments (article, sort);
    create index rq_comments_article_id on rq_comments (article, id);
    create index rq_comments_article_body on rq_comments (article, body);
    create index rq_articles_tags_article_id on rq_articles_tags (rq_articles_id, id);
    create index rq_articles_blocks_article_sort on rq_articles_blocks (rq_articles_id, sort)`);
  t.teardown(() => app.sql(`drop index rq_comments_article_sort, rq_comments_article_id, rq_comments_article_body, rq_articles_tags_article_id,
    rq_articles_blocks_article_sort`));
  for (const [i, q] of QUERIES.entries()) {
    const sql = await compiled(q);
    t.notMatch(sql, PAGED, `per parent: ${JSON.stringify(q)}`);
    t.equal(await read(q), paged[i], `same body: ${JSON.stringify(q)}`);
  }
  t.equal(await asReader(), readerPaged, 'the reader: same body');
  // another shape (an always-true filter), so the gateway compiles it again, per parent now
  const masked = await app.get(`${MASKED_PATH}&filter[id][_nnull]=true`, { token: 'masked-lists-token' });
  t.equal(JSON.stringify(masked.body), JSON.stringify(maskedPaged.body), 'the masked reader: same body');
});
