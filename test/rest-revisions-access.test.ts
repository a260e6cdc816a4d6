// Non-admins read /activity, /revisions, /revisions/:id, /activity/:id and Directus 8's
// /items/:collection/:id/revisions through their own permissions, as Directus does. Answers
// recorded from Directus 12.4 (and 11.17 for row filters and field lists):
//   - no read permission on directus_revisions (or directus_activity): 403 FORBIDDEN naming the
//     collection, for lists and single items alike, anonymous callers too;
//   - an app-access user with no other permission: /activity lists their own rows only (the
//     app's minimal permissions), /activity/:id of someone else's row is 403 "You don't have
//     permission to access this.", /revisions is 403;
//   - /activity's `*` has no `revisions` without a read permission on directus_revisions;
//   - with one, its row filter and field list apply like any collection's.
// Where Strata differs on purpose (README "Compatibility notes"): Directus answers a revision's
// `data` and `delta` whole to anyone who may read the revision — values of fields, rows and
// collections the caller may not read. Strata keeps only the fields of the revised item the
// caller may read there (strata.revision_ref), null when it may read none of it.
import t, { type Test } from 'tap';
import { startApp, type TestResponse } from './helpers/app.js';
import { loadAdversarialFixture, editor, multi, norole, anon, EDITOR, P_EDIT, P_PUB_ALL } from './helpers/adversarial-fixture.js';

const app = await startApp(t, { STRATA_AUTH_CACHE_TTL: '0' });
await loadAdversarialFixture(app);
// writes by the admin leave revisions holding the hidden values
for (const [path, body] of [['/items/adv_articles/2', { secret: 's-beta', title: 'draft-hidden' }], ['/items/adv_articles/1', { secret: 's-alpha', title: 'pub-1' }],
  ['/items/adv_notes/1', { text: 's-note' }], ['/items/adv_authors/2', { email: 's-aaron@x' }]] as const) {
  const res = await app.patch(path, body);
  if (res.status !== 200) throw new Error(res.text);
}

/** Values that exist only in hidden rows, hidden fields or unreadable collections. */
const HIDDEN = ['s-alpha', 's-beta', 's-gamma', 's-mine', 's-aaron', 'Aaron', 'draft-hidden', 's-note', '2001-01-01', '2002-02-02', '2003-03-03', '2004-04-04'];
const noLeak = (t: Test, res: TestResponse, what: string) => t.same(HIDDEN.filter((h) => res.text.includes(h)), [], `${what}: nothing hidden in the answer`);
const forbiddenCollection = (collection: string) => {
  const message = `You don't have permission to access collection "${collection}" or it does not exist. Queried in root.`;
  return { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] };
};
const forbiddenItem = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };
const revisionId = async (collection: string, item: string) =>
  (await app.sql<{ id: number }>('select max(id) as id from directus_revisions where collection = $1 and item = $2', [collection, item]))[0].id;
const activityOf = async (user: string | null) =>
  (await app.sql<{ id: number }>('select min(id) as id from directus_activity where "user" is not distinct from $1', [user]))[0].id;
const allRows = async () => (await app.sql<{ h: string }>(`select md5(string_agg(t, '|' order by t)) as h from (
  select 'r' || r::text as t from directus_revisions r union all select 'a' || a.id::text from directus_activity a) s`))[0].h;

t.test('without a read permission on directus_revisions: 403 as Directus', async (t) => {
  const rev = await revisionId('adv_articles', '1');
  for (const [path, who] of [['/revisions', editor], [`/revisions/${rev}`, editor], ['/items/adv_articles/1/revisions', editor],
    ['/revisions', anon], [`/revisions/${rev}`, norole], ['/revisions', multi]] as const) {
    const res = await app.get(path, who);
    t.same([res.status, res.body], [403, forbiddenCollection('directus_revisions')], `${path} as ${JSON.stringify(who)}`);
  }
  const search = await app.search('/revisions', { query: { filter: { item: { _eq: '2' } } } }, editor);
  t.same([search.status, search.body], [403, forbiddenCollection('directus_revisions')], 'SEARCH');
  for (const [path, who] of [['/activity', norole], [`/activity/${await activityOf(null)}`, norole], ['/activity', anon]] as const) {
    const res = await app.get(path, who);
    t.same([res.status, res.body], [403, forbiddenCollection('directus_activity')], `${path} without app access`);
  }
});

t.test('app access: the user\'s own activity, no revisions (the app\'s minimal permissions)', async (t) => {
  const created = await app.post('/items/adv_articles', { title: 'by-editor' }, editor);
  t.equal(created.status, 200);
  const mine = await app.get('/activity?fields=id,action,collection,user', editor);
  t.equal(mine.status, 200);
  t.ok(mine.body.data.length > 0, 'the editor sees their create');
  t.ok(mine.body.data.every((a: { user: string }) => a.user === EDITOR), 'and only their own rows');
  const star = await app.get(`/activity/${mine.body.data[0].id}`, editor);
  t.notOk('revisions' in star.body.data, '`*` leaves out revisions, which the user may not read (Directus 12.4)');
  t.same((await app.get(`/activity/${await activityOf(null)}`, editor)).body, forbiddenItem, "someone else's row: 403 as Directus");
  for (const fields of ['id,revisions.data', 'id,revisions', 'id,revisions.*']) {
    const nested = await app.get(`/activity/${mine.body.data[0].id}?fields=${fields}`, editor);
    t.same([nested.status, nested.body], [200, { data: { id: mine.body.data[0].id } }], `${fields}: revisions left out, as Directus 12.4 does`);
  }
});

t.test('a read permission on directus_revisions gives access; data and delta hold only what the caller may read', async (t) => {
  await app.sql(`insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('directus_revisions', 'read', null, '*', '${P_EDIT}'), ('directus_activity', 'read', null, '*', '${P_EDIT}')`);
  const list = await app.get('/revisions?fields=id,collection,item,data,delta&sort=id&limit=-1', editor);
  t.equal(list.status, 200);
  noLeak(t, list, '/revisions');
  const byItem = (c: string, i: string) => list.body.data.filter((r: { collection: string; item: string }) => r.collection === c && r.item === i);
  // article 1 is readable (id, title, status, author, owner, comments, tags, blocks): its
  // revisions keep those fields; the admin's update sent secret and title, so delta is the title
  t.same(byItem('adv_articles', '1').map((r: { data: unknown; delta: unknown }) => [r.data, r.delta]), [
    [{ id: 1, title: 'pub-1', status: 'published', author: 1, owner: null }, { id: 1, title: 'pub-1', status: 'published', author: 1, owner: null }],
    [{ id: 1, title: 'pub-1', status: 'published', author: 1, owner: null }, { title: 'pub-1' }],
  ]);
  t.same(byItem('adv_articles', '2').map((r: { data: unknown; delta: unknown }) => [r.data, r.delta]), [[null, null], [null, null]],
    'a row the caller may not read: null (Directus: the whole row, secret included)');
  t.same(byItem('adv_notes', '1').map((r: { data: unknown }) => r.data), [null, null], 'an unreadable collection: null (Directus: the whole row)');
  t.same(byItem('adv_authors', '1').map((r: { data: unknown }) => r.data), [{ id: 1, name: 'Ann' }], 'no email, which the caller may not read');
  t.same(byItem('adv_authors', '2').map((r: { data: unknown }) => r.data), [null, null], 'a hidden author');

  const one = await app.get(`/revisions/${await revisionId('adv_articles', '2')}`, editor);
  t.same([one.status, one.body.data.data, one.body.data.delta, one.body.data.item], [200, null, null, '2'], '/revisions/:id: the revision, not its values');
  for (const path of ['/items/adv_articles/1/revisions', '/activity?fields=*,revisions.*&limit=-1', `/revisions/${await revisionId('adv_notes', '1')}?fields=*,activity.*`,
    '/revisions?fields=id,json(data,secret),json(delta,text)', '/revisions?fields=id,data.secret']) {
    const res = await app.get(path, editor);
    t.not(res.status, 500, path);
    noLeak(t, res, path);
  }
  const activity = await app.get('/activity?fields=id,revisions.id&limit=1&sort=id', editor);
  t.same(Object.keys(activity.body.data[0]), ['id', 'revisions'], 'with the permission, activity shows its revisions');
});

t.test('stripped values can\'t be matched, sorted, searched or aggregated', async (t) => {
  const idsOf = (res: TestResponse) => (res.body?.data ?? []).map((r: { id: number }) => r.id);
  const hidden = await revisionId('adv_articles', '2');
  const queries: [string, string][] = [
    ['filter[data][_nnull]=true&filter[collection][_eq]=adv_articles&filter[item][_eq]=2', 'a null value'],
    ['filter[data][_json][secret][_eq]=s-beta', '_json on a hidden field'],
    ['filter[delta][_json][secret][_nnull]=true', '_json on a hidden field of delta'],
    ['filter[data][_json][text][_eq]=s-note', '_json on an unreadable collection\'s field'],
  ];
  for (const [qs, what] of queries) {
    const res = await app.get(`/revisions?fields=id&${qs}`, editor);
    t.same([res.status, idsOf(res)], [200, []], what);
  }
  const search = await app.get('/revisions?fields=id&search=s-beta', editor);
  t.same(idsOf(search), [], 'search');
  const viaSearch = await app.search('/revisions', { query: { fields: ['id', 'data'], filter: { id: { _eq: hidden } } } }, editor);
  t.same(viaSearch.body, { data: [{ id: hidden, data: null }] });
  const count = await app.get('/revisions?aggregate[count]=data&filter[collection][_eq]=adv_notes', editor);
  t.same(count.body, { data: [{ count: { data: 0 } }] }, 'count of a stripped value: nothing to count');
});

t.test('per-row field grants: the fields of the policies whose filter the item matches', async (t) => {
  await app.sql(`insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('directus_revisions', 'read', '{"collection":{"_eq":"adv_articles"}}', 'id,collection,item,data', '${P_PUB_ALL}')`);
  // multi: P_PUB_ALL (published rows, all fields) and P_ALL_FEW (every row, id/title/status)
  const res = await app.get('/revisions?filter[item][_in]=1,2&sort=id', multi);
  t.equal(res.status, 200);
  t.same(Object.keys(res.body.data[0]), ['id', 'collection', 'item', 'data'], 'the permission\'s field list');
  t.ok(res.body.data.every((r: { collection: string }) => r.collection === 'adv_articles'), 'its row filter');
  const data = res.body.data.map((r: { item: string; data: Record<string, unknown> }) => [r.item, r.data]);
  t.same(data, [
    ['1', { id: 1, title: 'pub-1', status: 'published', secret: 's-alpha', score: 10, hidden_date: '2001-01-01', author: 1, owner: null }],
    ['2', { id: 2, title: 'draft-hidden', status: 'draft' }],
    ['2', { id: 2, title: 'draft-hidden', status: 'draft' }],
    ['1', { id: 1, title: 'pub-1', status: 'published', secret: 's-alpha', score: 10, hidden_date: '2001-01-01', author: 1, owner: null }],
  ], 'a published article whole, the draft with the fields every row grants');
  // recorded from Directus 11.17 with the same kind of permission (a row filter, a field list)
  const delta = await app.get('/revisions?fields=id,delta&limit=1', multi);
  t.same([delta.status, delta.body.errors?.[0]?.message], [403, 'You don\'t have permission to access field "delta" in collection "directus_revisions" or it does not exist. Queried in root.'], 'a field outside the list');
  const filtered = await app.get('/revisions?fields=id&filter[activity][_eq]=1', multi);
  t.equal(filtered.status, 403, 'a filter on a field outside the list');
  const other = await app.get(`/revisions/${await revisionId('adv_notes', '1')}`, multi);
  t.same([other.status, other.body], [403, forbiddenItem], 'a revision outside the row filter');
});

t.test('deleted items: fields granted without a row filter stay, filtered ones go', async (t) => {
  // editor: adv_headings readable on every row, adv_comments only where not flagged
  await app.sql("insert into adv_headings (title) values ('H-gone'); insert into adv_comments (body, article) values ('c-gone', 1)");
  const heading = await revisionId('adv_headings', '2');
  const comment = await revisionId('adv_comments', '5');
  const read = async () => (await app.get(`/revisions?fields=id,data&filter[id][_in]=${heading},${comment}&sort=id`, editor)).body.data;
  t.same(await read(), [{ id: heading, data: { id: 2, title: 'H-gone' } }, { id: comment, data: { id: 5, body: 'c-gone', article: 1 } }]);
  await app.sql('delete from adv_headings where id = 2; delete from adv_comments where id = 5');
  t.same(await read(), [{ id: heading, data: { id: 2, title: 'H-gone' } }, { id: comment, data: null }],
    'a deleted row can\'t match a row filter any more');
});

t.test('admins see revisions as stored; reading wrote nothing', async (t) => {
  const before = await allRows();
  const admin = await app.get(`/revisions/${await revisionId('adv_articles', '2')}?fields=data`);
  t.match(admin.body.data.data, { secret: 's-beta', title: 'draft-hidden' });
  await app.get('/revisions', editor);
  await app.get('/activity', editor);
  t.equal(await allRows(), before);
});
