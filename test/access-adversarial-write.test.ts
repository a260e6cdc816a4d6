// Adversarial writes: a user tries to write into forbidden collections, rows and fields through
// every path — nested m2o/o2m/m2m/m2a payloads at depth 2-3, o2m deselects, one-to-many-only
// updates, batches with one forbidden key, {query, data} and {query} selecting by hidden
// fields, preset overrides, validation bypasses — as the editor, the public and a user without
// a role. Every refusal also asserts that nothing changed (rows, revisions, activity).
// The world is described in test/helpers/adversarial-fixture.ts.
import t, { type Test } from 'tap';
import { startApp } from './helpers/app.js';
import { loadAdversarialFixture, snapshot, editor, norole, anon, EDITOR } from './helpers/adversarial-fixture.js';

const app = await startApp(t);
await loadAdversarialFixture(app);
// article 5: the editor's own childless draft (updatable and deletable)
await app.sql(`insert into adv_articles (title, status, owner) values ('mine-empty', 'draft', '${EDITOR}')`);

type Case = [method: 'POST' | 'PATCH' | 'DELETE', path: string, body: unknown, status: number, what: string];
/** Runs refused requests; each must answer `status` and leave the database as it was. */
async function refused(t: Tap, cases: Case[], who: object = editor) {
  for (const [method, path, body, status, what] of cases) {
    const before = await snapshot(app);
    const res = await app.request(method, path, { ...who, body });
    t.equal(res.status, status, `${what}: ${res.text.slice(0, 200)}`);
    t.equal(await snapshot(app), before, `${what}: nothing changed`);
  }
}
type Tap = Test;

t.test('nested writes into forbidden collections, depth 2 and 3', async (t) => {
  await refused(t, [
    ['POST', '/items/adv_articles', { title: 'n', author: { name: 'Eve' } }, 403, 'create m2o author (no create on adv_authors)'],
    ['POST', '/items/adv_articles', { title: 'n', comments: [{ body: 'x', flagged: true }] }, 403, 'create o2m child with a field outside its create fields'],
    ['POST', '/items/adv_articles', { title: 'n', vault: [{ code: 'x' }] }, 403, 'o2m into a collection without any permission'],
    ['POST', '/items/adv_articles', { title: 'n', tags: [{ adv_tags_id: { name: 't' } }] }, 403, 'depth 3: article -> junction (allowed) -> tag (no create)'],
    ['POST', '/items/adv_articles', { title: 'n', tags: [{ adv_tags_id: { id: 2, name: 'renamed' } }] }, 403, 'depth 3: update a hidden tag through the junction'],
    ['POST', '/items/adv_articles', { title: 'n', blocks: [{ collection: 'adv_notes', item: { text: 'x' } }] }, 403, 'depth 3: m2a item in a collection without permission'],
    ['POST', '/items/adv_articles', { title: 'n', blocks: [{ collection: 'adv_headings', item: { title: 'x' } }] }, 403, 'depth 3: m2a item in a read-only collection'],
    ['PATCH', '/items/adv_articles/4', { author: { name: 'Eve' } }, 403, 'update: create an m2o author'],
    ['PATCH', '/items/adv_articles/4', { author: { id: 1, name: 'renamed' } }, 403, 'update: change the m2o author (no update on adv_authors)'],
    ['PATCH', '/items/adv_articles/4', { author: { id: 2, name: 'renamed' } }, 403, 'update: change a hidden m2o author'],
    ['PATCH', '/items/adv_articles/4', { comments: { update: [{ id: 4, body: 'edited' }] } }, 403, 'update an o2m child (no update on comments)'],
    ['PATCH', '/items/adv_articles/4', { comments: [{ id: 1, body: 'stolen' }] }, 403, 'move a visible child of another article here'],
    ['PATCH', '/items/adv_articles/4', { comments: [3] }, 403, 'assign a child of a hidden article by key'],
    ['PATCH', '/items/adv_articles/4', { tags: { create: [{ adv_tags_id: { name: 'x' } }] } }, 403, 'depth 3 through the detailed o2m form'],
    ['PATCH', '/items/adv_articles/4', { blocks: { create: [{ collection: 'adv_notes', item: { text: 'x' } }] } }, 403, 'm2a through the detailed form'],
  ]);
  const ok = await app.post('/items/adv_articles', { title: 'with child', comments: [{ body: 'hello' }] }, editor);
  t.equal(ok.status, 200, 'a permitted nested create works');
  t.same(await app.sql('select body, article from adv_comments where article = $1', [ok.body.data.id]), [{ body: 'hello', article: ok.body.data.id }]);
});

t.test('one-to-many deselects need update/delete permission on the children', async (t) => {
  await refused(t, [
    ['PATCH', '/items/adv_articles/4', { comments: [] }, 403, 'nullify all children (no update on comments)'],
    ['PATCH', '/items/adv_articles/4', { comments: null }, 403, 'null = []'],
    ['PATCH', '/items/adv_articles/4', { comments: { delete: [4] } }, 403, 'detailed delete = nullify'],
    ['PATCH', '/items/adv_articles/4', { tags: [] }, 403, 'm2m: unlink junction rows (no update/delete on the junction)'],
    ['PATCH', '/items/adv_articles/4', { tags: { delete: [4] } }, 403, 'm2m: detailed delete'],
  ]);
});

t.test('one-to-many values on an item the user may not update (or see)', async (t) => {
  // these used to create the children: an update carrying only one-to-many values skipped the
  // row-level check of its parent
  await refused(t, [
    ['PATCH', '/items/adv_articles/2', { comments: { create: [{ body: 'injected' }] } }, 403, 'hidden parent'],
    ['PATCH', '/items/adv_articles/1', { comments: { create: [{ body: 'injected' }] } }, 403, 'readable, not updatable parent'],
    ['PATCH', '/items/adv_articles/1', { comments: [{ body: 'injected' }] }, 403, 'array form'],
    ['PATCH', '/items/adv_articles/1', { tags: { create: [{ adv_tags_id: 1 }] } }, 403, 'm2m link'],
    ['PATCH', '/items/adv_articles/999', { comments: { create: [{ body: 'injected' }] } }, 403, 'missing parent: the same answer'],
    ['PATCH', '/items/adv_articles/2', {}, 403, 'an empty update of a hidden item'],
    ['PATCH', '/items/adv_articles', { keys: [4, 1], data: { comments: { create: [{ body: 'x' }] } } }, 403, 'batch with one parent not updatable'],
    ['PATCH', '/items/adv_articles', [{ id: 4, comments: { create: [{ body: 'x' }] } }, { id: 1, comments: { create: [{ body: 'y' }] } }], 403, 'array batch'],
  ]);
  const hidden = await app.patch('/items/adv_articles/2', { comments: { create: [{ body: 'x' }] } }, editor);
  const missing = await app.patch('/items/adv_articles/999', { comments: { create: [{ body: 'x' }] } }, editor);
  t.same(hidden.body, missing.body, 'a hidden parent answers like a missing one');
  const ok = await app.patch('/items/adv_articles/4', { comments: { create: [{ body: 'mine too' }] } }, editor);
  t.equal(ok.status, 200, 'the editor\'s own draft takes new children');
});

t.test('batches with one forbidden key change nothing', async (t) => {
  await refused(t, [
    ['PATCH', '/items/adv_articles', { keys: [5, 2], data: { title: 'x' } }, 403, '{keys, data} with a hidden key'],
    ['PATCH', '/items/adv_articles', { keys: [5, 1], data: { title: 'x' } }, 403, '{keys, data} with a readable, not updatable key'],
    ['PATCH', '/items/adv_articles', { keys: [5, 999], data: { title: 'x' } }, 403, '{keys, data} with a missing key'],
    ['PATCH', '/items/adv_articles', [{ id: 5, title: 'x' }, { id: 2, title: 'y' }], 403, 'array batch with a hidden key'],
    ['DELETE', '/items/adv_articles', [5, 2], 403, 'delete array with a hidden key'],
    ['DELETE', '/items/adv_articles', { keys: [5, 1] }, 403, 'delete {keys} with a readable, not deletable key'],
    ['DELETE', '/items/adv_articles/2', undefined, 403, 'delete a hidden item'],
    ['DELETE', '/items/adv_articles/999', undefined, 403, 'delete a missing item'],
    ['PATCH', '/items/adv_articles/2', { title: 'x' }, 403, 'update a hidden item'],
  ]);
});

t.test('{query, data} and {query} cannot select by what the user may not read', async (t) => {
  await refused(t, [
    ['PATCH', '/items/adv_articles', { query: { filter: { secret: { _eq: 's-mine' } } }, data: { title: 'x' } }, 403, 'filter on a hidden field (Directus 11 allows it: an oracle)'],
    ['PATCH', '/items/adv_articles', { query: { sort: ['score'], limit: 1 }, data: { title: 'x' } }, 403, 'sort on a hidden field'],
    ['PATCH', '/items/adv_articles', { query: { filter: { author: { email: { _eq: 'ann@x' } } } }, data: { title: 'x' } }, 403, 'relational filter on a hidden field'],
    ['PATCH', '/items/adv_articles', { query: { filter: { id: { _in: [1, 4] } } }, data: { title: 'x' } }, 403, 'selects a readable item the user may not update'],
    ['DELETE', '/items/adv_articles', { query: { filter: { secret: { _eq: 's-mine' } } } }, 403, 'delete by a hidden field'],
    ['DELETE', '/items/adv_articles', { query: { filter: { id: { _in: [1, 5] } } } }, 403, 'delete selecting an undeletable item'],
  ]);
  const before = await snapshot(app);
  const search = await app.patch('/items/adv_articles', { query: { search: 's-mine' }, data: { title: 'x' } }, editor);
  t.same(search.body, { data: [] }, 'search does not look into hidden fields');
  const hidden = await app.patch('/items/adv_articles', { query: { filter: { id: { _eq: 2 } } }, data: { title: 'x' } }, editor);
  t.same(hidden.body, { data: [] }, 'a hidden row is not selected');
  t.equal(await snapshot(app), before);
});

t.test('presets cannot be overridden outside the field list; dynamic presets resolve', async (t) => {
  const ok = await app.post('/items/adv_articles', { title: 'preset' }, editor);
  t.equal(ok.status, 200);
  t.same(await app.sql('select status, owner from adv_articles where id = $1', [ok.body.data.id]), [{ status: 'draft', owner: EDITOR }], '$CURRENT_USER preset');
  await refused(t, [
    ['POST', '/items/adv_articles', { title: 'x', owner: '66666666-6666-4666-8666-666666666666' }, 403, 'override a preset of a field outside the create fields'],
    ['POST', '/items/adv_articles', { title: 'x', owner: null }, 403, 'null it'],
    ['POST', '/items/adv_articles', [{ title: 'a' }, { title: 'b', owner: null }], 403, 'in the second item of a batch'],
    ['POST', '/items/adv_articles', { title: 'x', status: 'published' }, 400, 'a preset field in the create fields is overridable, but validation still holds'],
    ['PATCH', '/items/adv_articles/5', { owner: null }, 403, 'update a field outside the update fields'],
    ['PATCH', '/items/adv_articles/5', { secret: 'x' }, 403, 'a hidden field'],
  ]);
});

t.test('validation cannot be bypassed', async (t) => {
  await refused(t, [
    ['PATCH', '/items/adv_articles/5', { title: '' }, 400, 'update validation'],
    ['PATCH', '/items/adv_articles', { keys: [5], data: { title: '' } }, 400, '{keys, data}'],
    ['PATCH', '/items/adv_articles', [{ id: 5, title: '' }], 400, 'array batch'],
    ['PATCH', '/items/adv_articles', { query: { filter: { id: { _eq: 5 } } }, data: { title: '' } }, 400, '{query, data}'],
    ['POST', '/items/adv_articles', { title: 'x', status: 'published' }, 400, 'create validation'],
    ['POST', '/items/adv_articles', [{ title: 'ok' }, { title: 'x', status: 'published' }], 400, 'one invalid item in a batch'],
  ]);
  // like Directus 11, rules apply to the values a payload gives: an update that leaves the
  // validated field out is not refused for it
  const untouched = await app.patch('/items/adv_articles/5', { status: 'review' }, editor);
  t.equal(untouched.status, 200);
  t.same(await app.sql('select title, status from adv_articles where id = 5'), [{ title: 'mine-empty', status: 'review' }]);
});

t.test('forbidden collections, the public and users without a role', async (t) => {
  await refused(t, [
    ['POST', '/items/adv_vault', { code: 'x' }, 403, 'no permission at all'],
    ['PATCH', '/items/adv_vault/1', { code: 'x' }, 403, 'update'],
    ['DELETE', '/items/adv_vault/1', undefined, 403, 'delete'],
    ['POST', '/items/adv_headings', { title: 'x' }, 403, 'read-only collection'],
    ['POST', '/items/directus_users', { email: 'x@example.com' }, 403, 'system collection through /items'],
  ]);
  for (const who of [anon, norole]) {
    await refused(t, [
      ['POST', '/items/adv_headings', { title: 'x' }, 403, 'public can read, not create'],
      ['PATCH', '/items/adv_headings/1', { title: 'x' }, 403, 'nor update'],
      ['DELETE', '/items/adv_headings/1', undefined, 403, 'nor delete'],
      ['POST', '/items/adv_articles', { title: 'x' }, 403, 'create'],
      ['PATCH', '/items/adv_articles', { query: {}, data: { title: 'x' } }, 403, 'update by query'],
      ['DELETE', '/items/adv_articles', { query: {} }, 403, 'delete by query'],
    ], who);
  }
});
