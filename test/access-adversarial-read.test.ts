// Adversarial reads: a user tries to see hidden rows (row filters) and hidden fields (field
// lists) through every path of GET and SEARCH — nested fields, deep, relational filters,
// _some/_none, search, sort, aggregate, groupBy, alias, meta, functions, dynamic variables,
// exports, keys, single items, revisions and activity. Expected answers were checked against
// Directus 11.17.4; where Directus leaks (relational filters and sorts ignore the related
// collection's row filter) Strata does the safe thing and the test says so.
// The world is described in test/helpers/adversarial-fixture.ts.
import t, { type Test } from 'tap';
import { startApp, type TestResponse } from './helpers/app.js';
import { loadAdversarialFixture, snapshot, editor, multi, norole, anon, EDITOR, ROLE } from './helpers/adversarial-fixture.js';

const app = await startApp(t);
await loadAdversarialFixture(app);
const before = await snapshot(app);

/** Values that exist only in hidden rows or hidden fields: no answer may contain them. */
const HIDDEN = ['s-alpha', 's-beta', 's-gamma', 's-mine', 's-aaron', 'Aaron', 'draft-hidden', 'c-flagged', 's-internal-tag', 's-note', 's-vault', 's-hash', 's-tfa-secret', '2001-01-01', '2002-02-02', '2003-03-03', '2004-04-04'];
const noLeak = (t: Tap, res: TestResponse, what: string) => {
  const found = HIDDEN.filter((h) => res.text.includes(h));
  t.same(found, [], `${what}: nothing hidden in the answer`);
};
type Tap = Test;
const ids = (res: TestResponse) => res.body?.data?.map((r: { id: number }) => r.id);
const forbiddenField = (field: string, collection: string, where = 'root') => {
  const message = `You don't have permission to access field "${field}" in collection "${collection}" or it does not exist. Queried in ${where}.`;
  return { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] };
};
const forbiddenItem = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };
const get = (qs: string, who: object = editor) => app.get(`/items/adv_articles?${qs}`, who);

t.test('nested fields: related rows and fields are cut by their own permissions', async (t) => {
  const star = await get('fields=*.*&sort=id');
  t.equal(star.status, 200);
  noLeak(t, star, '*.*');
  t.same(star.body.data, [
    { id: 1, title: 'pub-1', status: 'published', owner: null, author: { id: 1, name: 'Ann', articles: [1, 4] },
      comments: [{ id: 1, body: 'c-visible', article: 1 }],
      tags: [{ id: 1, adv_articles_id: 1, adv_tags_id: 1 }, { id: 2, adv_articles_id: 1, adv_tags_id: 2 }],
      blocks: [{ id: 1, adv_articles_id: 1, item: '1', collection: 'adv_headings' }, { id: 2, adv_articles_id: 1, item: '1', collection: 'adv_notes' }] },
    { id: 3, title: 'pub-3', status: 'published', owner: null, author: null, comments: [], tags: [], blocks: [] },
    { id: 4, title: 'mine', status: 'draft', owner: EDITOR, author: { id: 1, name: 'Ann', articles: [1, 4] },
      comments: [{ id: 4, body: 'c-on-mine', article: 4 }], tags: [{ id: 4, adv_articles_id: 4, adv_tags_id: 1 }], blocks: [] },
  ], 'what Directus 11 answers: hidden author is null, flagged comment and hidden article absent, no secret');

  const m2m = await get('fields=id,tags.adv_tags_id.name&filter[id][_eq]=1');
  t.same(m2m.body.data, [{ id: 1, tags: [{ adv_tags_id: { name: 'red' } }, { adv_tags_id: null }] }], 'm2m: a hidden related row is null');
  // m2a answers recorded from Directus 12.4: an item of a collection the caller can't read is
  // null whichever scopes are asked for; one of a readable collection not asked for is its key
  const m2a = await get('fields=id,blocks.item:adv_headings.title&filter[id][_eq]=1');
  t.same(m2a.body.data, [{ id: 1, blocks: [{ item: { title: 'H1' } }, { item: null }] }], 'm2a: the readable collection expands, the unreadable one is null');
  const hiddenScope = await get('fields=id,blocks.item:adv_notes.text&filter[id][_eq]=1');
  t.same([hiddenScope.status, hiddenScope.body.data], [200, [{ id: 1, blocks: [{ item: 1 }, { item: null }] }]], 'm2a: a scope into an unreadable collection is null');
  noLeak(t, hiddenScope, 'item:adv_notes.text');
  for (const qs of ['fields=secret', 'fields=author.email', 'fields=comments.flagged', 'fields=tags.adv_tags_id.internal', 'fields=id,vault.*']) {
    const res = await get(qs);
    t.equal(res.status, 403, `${qs}: forbidden`);
    noLeak(t, res, qs);
  }
  const reverse = await app.get('/items/adv_authors?fields=id,articles.title,articles.secret', editor);
  t.same(reverse.body, forbiddenField('secret', 'adv_articles', '"articles"'), 'a hidden field through the o2m side');
  const back = await app.get('/items/adv_authors?fields=id,articles.title&sort=id', editor);
  t.same(back.body.data, [{ id: 1, articles: [{ title: 'pub-1' }, { title: 'mine' }] }], 'o2m lists only visible children of visible parents');

  const deepStar = await get('fields=*.*.*&sort=id');
  noLeak(t, deepStar, '*.*.*');
  // wildcards expand m2a items only into readable collections; the others' items are null (Directus 11)
  t.equal(deepStar.status, 200, '*.*.* through an m2a with an unreadable collection');
  const blockItems = await get('fields=id,blocks.item.*&filter[id][_eq]=1');
  t.same(blockItems.body, { data: [{ id: 1, blocks: [{ item: { id: 1, title: 'H1' } }, { item: null }] }] });
  noLeak(t, blockItems, 'blocks.item.*');
});

t.test('deep: _filter/_sort/_alias on hidden fields are 403; _search/_limit see only visible rows', async (t) => {
  t.same((await get('fields=id,comments.*&deep[comments][_filter][flagged][_eq]=true')).body, forbiddenField('flagged', 'adv_comments', '"comments"'));
  t.equal((await get('fields=id,comments.*&deep[comments][_sort]=flagged')).status, 403);
  t.equal((await get('fields=id,comments.x&deep[comments][_alias][x]=flagged')).status, 403);
  t.equal((await get('fields=id,author.name&deep[author][_filter][email][_eq]=s-aaron@x')).status, 403);
  const search = await get('fields=id,comments.body&deep[comments][_search]=c-flagged&sort=id');
  t.same(search.body.data, [{ id: 1, comments: [] }, { id: 3, comments: [] }, { id: 4, comments: [] }]);
  const limit = await get('fields=id,comments.id&deep[comments][_limit]=5&deep[comments][_sort]=-id&filter[id][_eq]=1');
  t.same(limit.body.data, [{ id: 1, comments: [{ id: 1 }] }]);
});

t.test('relational filters and _some/_none are no existence oracles', async (t) => {
  // Directus 11 answers [3] here: its relational filters ignore adv_authors' row filter
  t.same(ids(await get('fields=id&filter[author][name][_eq]=Aaron')), [], 'm2o path into a hidden row matches nothing');
  t.same(ids(await get('fields=id&filter[author][id][_eq]=2')), [], 'not even by key');
  t.same(ids(await get('fields=id&filter[tags][adv_tags_id][name][_eq]=s-internal-tag')), [], 'm2m path into a hidden row (Directus 11: [1])');
  t.same(ids(await get('fields=id&filter[comments][_some][body][_eq]=c-flagged')), [], '_some ignores hidden children');
  t.same(ids(await get('fields=id&filter[comments][_none][body][_eq]=c-flagged&sort=id')), [1, 3, 4], '_none ignores hidden children');
  t.same(ids(await get('fields=id&filter[count(comments)][_eq]=2')), [], 'count() counts visible children (Directus 11: [1])');
  t.same(ids(await get('fields=id&filter[id][_eq]=2')), [], 'a hidden row by its key');
  t.same(ids(await get('fields=id&filter[_or][0][status][_eq]=draft&filter[_or][1][id][_eq]=2')), [4]);
  const cases: [string, object][] = [
    ['filter[author][email][_eq]=s-aaron@x', forbiddenField('email', 'adv_authors', '"author"')],
    ['filter[comments][flagged][_eq]=true', forbiddenField('flagged', 'adv_comments', '"comments"')],
    ['filter[comments][_some][flagged][_eq]=true', forbiddenField('flagged', 'adv_comments', '"comments"')],
    ['filter[comments][_none][flagged][_eq]=true', forbiddenField('flagged', 'adv_comments', '"comments"')],
    ['filter[vault][_some][code][_eq]=s-vault', forbiddenField('vault', 'adv_articles')],
    ['filter[secret][_nnull]=true', forbiddenField('secret', 'adv_articles')],
    ['filter[_and][0][id][_eq]=1&filter[_and][1][score][_gt]=5', forbiddenField('score', 'adv_articles')],
  ];
  for (const [qs, body] of cases) {
    const res = await get(`fields=id&${qs}`);
    t.same([res.status, res.body], [403, body], qs);
  }
  t.equal((await get('fields=id&filter[blocks][item:adv_notes][text][_eq]=s-note')).status, 403, 'm2a path into an unreadable collection');
  t.equal((await get('fields=id&filter[year(hidden_date)][_eq]=2001')).status, 403, 'a function of a hidden field');
});

t.test('search matches neither hidden fields nor hidden rows', async (t) => {
  t.same(ids(await get('fields=id&search=s-alpha')), [], 'the value of a hidden text field (Directus 11: [])');
  t.same(ids(await get('fields=id&search=10')), [], 'the value of a hidden number field');
  t.same(ids(await get('fields=id&search=draft')), [4], 'a hidden row');
  t.same(ids(await get('fields=id&search=pub&sort=id')), [1, 3]);
  const viaSearch = await app.search('/items/adv_articles', { query: { fields: ['id'], search: 's-beta' } }, editor);
  t.same(viaSearch.body, { data: [] });
});

t.test('sort: hidden fields are 403, and the order reveals nothing about hidden rows', async (t) => {
  t.same((await get('fields=id&sort=score')).body, forbiddenField('score', 'adv_articles'));
  t.same((await get('fields=id&sort=-author.email')).body, forbiddenField('email', 'adv_authors', '"author"'));
  t.equal((await get('fields=id&sort=year(hidden_date)')).status, 403);
  // article 3's author is hidden: it sorts like a null, not like "Aaron" (Directus 11 answers
  // [3, 1, 4], ordering by the hidden name)
  t.same(ids(await get('fields=id&sort=author.name,id')), [1, 4, 3]);
});

t.test('aggregate and groupBy: hidden fields are 403, counts cover visible rows', async (t) => {
  t.same((await get('aggregate[count]=*&groupBy[]=status')).body.data, [{ status: 'draft', count: '1' }, { status: 'published', count: '2' }]);
  t.same((await get('aggregate[count]=*')).body.data, [{ count: '3' }]);
  t.same((await get('aggregate[countDistinct]=author')).body.data, [{ countDistinct: { author: 2 } }]);
  for (const qs of ['aggregate[max]=score', 'aggregate[min]=hidden_date', 'aggregate[countDistinct]=secret', 'aggregate[sum]=score&groupBy[]=status',
    'groupBy[]=secret&aggregate[count]=*', 'groupBy[]=year(hidden_date)&aggregate[count]=*', 'aggregate[count]=comments', 'aggregate[max]=author.email']) {
    const res = await get(qs);
    t.equal(res.status, 403, qs);
    noLeak(t, res, qs);
  }
  const search = await app.search('/items/adv_articles', { query: { aggregate: { max: ['score'] } } }, editor);
  t.equal(search.status, 403, 'the same over SEARCH');
});

t.test('alias, meta and functions', async (t) => {
  t.same((await get('alias[x]=secret&fields=id,x')).body, forbiddenField('secret', 'adv_articles'));
  t.same((await get('alias[x]=author&fields=id,x.email')).body, forbiddenField('email', 'adv_authors', '"x"'));
  const aliasOk = await get('alias[x]=author&fields=id,x.name&sort=id');
  t.same(aliasOk.body.data, [{ id: 1, x: { name: 'Ann' } }, { id: 3, x: null }, { id: 4, x: { name: 'Ann' } }], 'an alias of a relation keeps its row filter');
  const meta = await get('meta=*&fields=id&filter[status][_eq]=draft');
  t.same(meta.body, { meta: { total_count: 3, filter_count: 1 }, data: [{ id: 4 }] }, 'counts only visible rows');
  t.equal((await get('meta=*&fields=id&filter[secret][_eq]=s-beta')).status, 403);
  t.same((await get('fields=year(hidden_date)')).body, forbiddenField('hidden_date', 'adv_articles'));
  const counts = await get('fields=id,count(comments)&sort=id');
  t.same(counts.body.data, [{ id: 1, comments_count: '1' }, { id: 3, comments_count: '0' }, { id: 4, comments_count: '1' }], 'count() of visible children');
});

t.test('dynamic variables cannot read what the user may not', async (t) => {
  t.same(ids(await get('fields=id&filter[owner][_eq]=$CURRENT_USER')), [4]);
  const token = await get('fields=id&filter[title][_eq]=$CURRENT_USER.token');
  t.equal(token.status, 400, '$CURRENT_USER.token is not a readable field');
  for (const v of ['password', 'tfa_secret']) {
    // a type error must not echo the value into the error message
    for (const qs of [`filter[owner][_eq]=$CURRENT_USER.${v}`, `filter[id][_eq]=$CURRENT_USER.${v}`, `filter[title][_eq]=$CURRENT_USER.${v}`]) {
      const res = await get(`fields=id&${qs}`);
      noLeak(t, res, qs);
      t.same(res.body.data ?? [], [], qs);
    }
  }
  const other = await app.get('/items/adv_headings?filter[title][_eq]=$CURRENT_USER.email', norole);
  noLeak(t, other, 'no role');
});

t.test('single items, SEARCH keys and exports', async (t) => {
  const hidden = await app.get('/items/adv_articles/2', editor);
  const missing = await app.get('/items/adv_articles/999', editor);
  t.same([hidden.status, hidden.body], [403, forbiddenItem], 'a hidden item');
  t.same([missing.status, missing.body], [403, forbiddenItem], 'answers exactly like a missing one');
  t.equal((await app.get('/items/adv_articles/2?fields=id', editor)).status, 403);
  t.equal((await app.get('/items/adv_articles/1?fields=secret', editor)).status, 403);
  t.equal((await app.get('/items/adv_vault/1', editor)).status, 403);
  const keys = await app.search('/items/adv_articles', { keys: [1, 2, 999] }, editor);
  t.same(ids(keys), [1], 'SEARCH keys returns only visible items');
  noLeak(t, keys, 'SEARCH keys');
  const query = await app.search('/items/adv_articles', { query: { filter: { secret: { _eq: 's-alpha' } } } }, editor);
  t.same(query.body, forbiddenField('secret', 'adv_articles'));
  for (const format of ['csv', 'json', 'xml', 'yaml']) {
    const res = await get(`export=${format}&fields=*.*`);
    t.equal(res.status, 200, format);
    noLeak(t, res, `export=${format}`);
    t.notOk(res.text.includes('draft-hidden'), `${format}: no hidden row`);
    t.equal((await get(`export=${format}&fields=id,secret`)).status, 403, `${format} of a hidden field`);
  }
});

t.test('nothing read so far changed anything', async (t) => {
  t.equal(await snapshot(app), before, 'rows, revisions and activity as they were');
});

t.test('revisions and activity of hidden items stay hidden', async (t) => {
  // writes by the admin leave revisions with the hidden values
  await app.patch('/items/adv_articles/2', { secret: 's-beta', title: 'draft-hidden' });
  await app.patch('/items/adv_articles/1', { secret: 's-alpha' });
  for (const path of ['/revisions', '/revisions?filter[collection][_eq]=adv_articles', '/activity', '/activity?fields=*,revisions.*',
    '/items/adv_articles/2/revisions', '/items/adv_articles/1/revisions']) {
    const res = await app.get(path, editor);
    noLeak(t, res, path);
    if (res.status === 200) {
      // Directus 11 shows a user their own activity only
      t.ok(res.body.data.every((a: { user?: string }) => a.user === EDITOR), `${path}: only the user's own`);
    } else t.equal(res.status, 403, path);
  }
  const written = await snapshot(app);
  const search = await app.search('/revisions', { query: { filter: { item: { _eq: '2' } } } }, editor);
  t.equal(search.status, 403);
  t.equal((await app.get('/revisions', anon)).status, 403);
  t.equal(await snapshot(app), written, 'reading revisions wrote nothing');
});

t.test('the public policy, users without a role, and unknown collections', async (t) => {
  t.same((await app.get('/items/adv_headings', anon)).body, { data: [{ title: 'H1' }] });
  t.same((await app.get('/items/adv_headings?fields=id', anon)).body, forbiddenField('id', 'adv_headings'));
  t.equal((await app.get('/items/adv_headings?filter[id][_eq]=1', anon)).status, 403, 'no filter on a field outside the public field list');
  t.equal((await app.get('/items/adv_headings?sort=id', anon)).status, 403);
  t.same((await app.get('/items/adv_headings', norole)).body, { data: [{ title: 'H1' }] }, 'the public policy applies to users too (Directus 11)');
  for (const who of [anon, norole]) {
    for (const path of ['/items/adv_articles', '/items/adv_articles/1', '/items/adv_articles?aggregate[count]=*', '/items/adv_nope', '/items/directus_users']) {
      const res = await app.get(path, who);
      t.equal(res.status, 403, path);
      noLeak(t, res, path);
    }
  }
  const unknown = await app.get('/items/adv_nope', editor);
  const forbidden = await app.get('/items/adv_vault', editor);
  t.same(unknown.body.errors[0].extensions.code, forbidden.body.errors[0].extensions.code, 'a forbidden collection answers like a missing one');
});

t.test('multiple policies: rows are ORed, fields allowed only under one policy\'s rows are not', async (t) => {
  // the user has "published rows, all fields" and "all rows, id/title/status"
  const list = await get('fields=id,title&sort=id', multi);
  t.same(ids(list), [1, 2, 3, 4], 'rows of either policy');
  t.test('fields allowed only under one policy are null on rows outside its filter, in output, filters, search, aggregates, groupBy and single items', async (t) => {
    const star = await get('fields=id,secret&sort=id', multi);
    t.same(star.body.data, [{ id: 1, secret: 's-alpha' }, { id: 2, secret: null }, { id: 3, secret: 's-gamma' }, { id: 4, secret: null }]);
    t.same(ids(await get('fields=id&filter[secret][_eq]=s-beta', multi)), [], 'Directus 11 answers [2] here (a leak): the right answer is none');
    t.same(ids(await get('fields=id&search=s-mine', multi)), [], 'Directus 11 answers [4] (a leak)');
    t.same((await get('aggregate[max]=score', multi)).body.data, [{ max: { score: 10 } }], 'Directus 11 answers 99 (a leak)');
    t.same((await get('groupBy[]=secret&aggregate[count]=*', multi)).body.data.map((r: { secret: string }) => r.secret).filter(Boolean).sort(), ['s-alpha', 's-gamma']);
    t.equal((await app.get('/items/adv_articles/2?fields=secret', multi)).status, 403, 'Directus 11: 403 for a field not readable on that item');
  });
});


t.test('a share token: the adversarial reads reach nothing beyond the shared item and what links to it', async (t) => {
  // a share of article 1 with the editor's role: the editor may read articles 1, 3 and 4, the
  // share only 1 (and its visible comments, author, tags and blocks); reads as the role's fields
  const share = await app.post('/shares', { name: 'adv share', collection: 'adv_articles', item: '1', role: ROLE });
  if (share.status !== 200) throw new Error(share.text);
  const login = await app.post('/shares/auth', { share: share.body.data.id }, { token: null });
  if (login.status !== 200) throw new Error(login.text);
  const sh = { token: login.body.data.access_token as string };
  const beyond = ['pub-3', 'mine', 'c-on-mine', 'c-on-hidden'];
  const nothingBeyond = (t: Tap, res: TestResponse, what: string) => {
    noLeak(t, res, what);
    t.same(beyond.filter((h) => res.text.includes(h)), [], `${what}: nothing of other items`);
  };
  const shareBefore = await snapshot(app);

  const cases: [string, (res: TestResponse) => void][] = [];
  const expect = (qs: string, check: (res: TestResponse) => void) => cases.push([qs, check]);
  expect('fields=id&sort=id', (r) => t.same(ids(r), [1]));
  expect('fields=*.*&sort=id', (r) => t.same(ids(r), [1]));
  expect('fields=*.*.*', (r) => t.equal(r.status, 200));
  expect('fields=id&search=pub', (r) => t.same(ids(r), [1], 'search finds the shared item only'));
  expect('fields=id&search=mine', (r) => t.same(ids(r), []));
  expect('fields=id&filter[id][_neq]=1', (r) => t.same(ids(r), []));
  expect('fields=id&filter[id][_in]=3,4', (r) => t.same(ids(r), []));
  expect('fields=id&filter[status][_eq]=draft', (r) => t.same(ids(r), [], 'the editor\'s own draft is not the share\'s'));
  expect('fields=id&sort=-id&limit=1', (r) => t.same(ids(r), [1]));
  expect('aggregate[count]=*', (r) => t.same(r.body.data, [{ count: 1 }]));
  expect('aggregate[countDistinct]=status&groupBy[]=status', (r) => t.same(r.body.data, [{ status: 'published', countDistinct: { status: 1 } }]));
  expect('fields=id&meta=*', (r) => t.match(r.body.meta, { total_count: 1, filter_count: 1 }));
  expect('fields=id&filter[author][name][_eq]=Aaron', (r) => t.same(ids(r), [], 'no existence oracle through the author'));
  expect('fields=id&filter[comments][_some][body][_eq]=c-on-mine', (r) => t.same(ids(r), []));
  expect('fields=id,comments.body', (r) => t.same(r.body.data, [{ id: 1, comments: [{ body: 'c-visible' }] }]));
  expect('fields=id,tags.adv_tags_id.name', (r) => t.same(r.body.data, [{ id: 1, tags: [{ adv_tags_id: { name: 'red' } }, { adv_tags_id: null }] }]));
  // hidden fields are hidden from the share as from the role: filters, sorts, aggregates on them are refused
  for (const qs of ['fields=secret', 'filter[secret][_eq]=s-alpha', 'sort=score', 'aggregate[max]=score', 'groupBy[]=secret', 'fields=author.email', 'fields=comments.flagged', 'fields=id,vault.*']) {
    expect(qs, (r) => t.equal(r.status, 403, `${qs}: forbidden`));
  }
  for (const [qs, check] of cases) {
    const res = await get(qs, sh);
    nothingBeyond(t, res, qs);
    check(res);
  }
  const searched = await app.search('/items/adv_articles', { query: { fields: ['id', 'title'], filter: { title: { _in: ['pub-3', 'mine'] } } } }, sh);
  t.same(searched.body, { data: [] }, 'SEARCH: the same rows');

  // other items of the shared collection, and other collections
  for (const path of ['/items/adv_articles/3', '/items/adv_articles/4', '/items/adv_articles/2']) {
    const res = await app.get(path, sh);
    t.equal(res.status, 403, path);
    nothingBeyond(t, res, path);
  }
  t.same((await app.get('/items/adv_articles/1?fields=id,title', sh)).body, { data: { id: 1, title: 'pub-1' } });
  for (const path of ['/items/adv_comments?fields=id,body&sort=id', '/items/adv_authors?fields=id,name', '/items/adv_vault', '/items/adv_notes',
    '/items/directus_users', '/users', '/activity', '/revisions', '/items/adv_comments?aggregate[count]=*', '/items/adv_comments/4']) {
    const res = await app.get(path, sh);
    nothingBeyond(t, res, path);
    if (res.status === 200) {
      // what is linked to the shared item, at most
      const rows = Array.isArray(res.body.data) ? res.body.data : [res.body.data];
      if (path.startsWith('/items/adv_comments?fields')) t.same(rows, [{ id: 1, body: 'c-visible' }], path);
      if (path.startsWith('/items/adv_authors')) t.same(rows, [{ id: 1, name: 'Ann' }], path);
      if (path.includes('aggregate')) t.same(rows, [{ count: 1 }], path);
    } else t.equal(res.status, 403, path);
  }

  // writes: refused, nothing changed
  for (const [method, path, body] of [
    ['POST', '/items/adv_comments', { body: 'x', article: 1 }], ['PATCH', '/items/adv_articles/1', { title: 'changed' }],
    ['DELETE', '/items/adv_articles/1', undefined], ['POST', '/items/adv_articles', { title: 'new' }],
  ] as const) {
    const res = await app.request(method, path, { ...sh, body });
    t.equal(res.status, 403, `${method} ${path}`);
  }
  t.equal(await snapshot(app), shareBefore, 'the share\'s writes changed nothing');
});
