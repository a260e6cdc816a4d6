// Updating and deleting rows the caller may change but not read, with row filters (issue 17,
// item 2): recorded from Directus 11.17 (Directus 12.4 refuses filtered permissions without a
// license) in test/fixtures/rest-write-noread-11.json: update and delete of open and public rows,
// read of public rows only. An open row is updated (204) or deleted (204); what is answered is
// re-read with the read permission (only the public rows); a closed row is 403 and nothing is
// written. Then what Strata must never do: answer, or leave readable, a row the read permission
// hides, and the write scope that makes this possible (strata.write_scope) must stay closed
// outside the write's own statements.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { replayFixture } from './helpers/replay.js';
import { asRole } from './helpers/as-role.js';

const app = await startApp(t, { LOG_LEVEL: 'error', STRATA_AUTH_CACHE_TTL: '0' });
await replayFixture(t, app, 'rest-write-noread-11.json');
const token = 'nr-filtered-token';
const POLICY = '5e0e5e1e-0000-4000-8000-000000000002';
const context = JSON.stringify({ user: null, role: null, roles: [], policies: [POLICY], admin: false, app: false });
// (postgres.js's rows as a plain array)
const sql = async (text: string) => [...await app.sql(text)];
const rows = () => sql('select id, title, status, (select json_agg(c.* order by c.id) from nr_children c) as children from nr_items order by id');

// Directus 11.17 updated the open rows it cannot read (the fixture's `differs` case); 12.4
// selects by the read permission (rest-write-noread.json), as Strata: nothing matched, nothing changed
t.test('an update by query selects with the read permission', async (t) => {
  t.strictSame(await sql('select id, title from nr_items where id in (1, 2) order by id'), [{ id: 1, title: 'b1' }, { id: 2, title: 'b' }]);
});

t.test('refused updates and deletes change nothing', async (t) => {
  const before = await rows();
  const refused: [string, string, unknown][] = [
    ['PATCH', '/items/nr_items/3', { title: 'x' }],
    ['PATCH', '/items/nr_items', { keys: [1, 3], data: { title: 'x' } }],
    ['PATCH', '/items/nr_items', [{ id: 1, title: 'x' }, { id: 3, title: 'x' }]],
    ['PATCH', '/items/nr_items/4', { children: { update: [{ id: 1, name: 'x' }, { id: 2, name: 'x' }] } }],
    ['PATCH', '/items/nr_items/4', { children: [1, 2, 3, { id: 2, name: 'x' }] }],
    ['DELETE', '/items/nr_items/3', undefined],
    ['DELETE', '/items/nr_items', [1, 3]],
    ['DELETE', '/items/nr_children/1', undefined], // no delete permission on the children
  ];
  for (const [method, path, body] of refused) {
    const res = await app.request(method, path, { token, ...(body === undefined ? {} : { body }) });
    t.equal(res.status, 403, `${method} ${path} ${JSON.stringify(body)}: ${res.text}`);
  }
  // selecting by query or by filter what the read permission hides: nothing is selected
  const query = await app.patch('/items/nr_items', { query: { filter: { status: { _in: ['open', 'closed'] } } }, data: { title: 'x' } }, { token });
  t.strictSame(query.body, { data: [] });
  const del = await app.del('/items/nr_items', { query: { filter: { id: { _in: [1, 2, 3] } } } }, { token });
  t.equal(del.status, 204, 'a delete by query answers 204 whatever it selected');
  t.strictSame(await rows(), before);
});

t.test('the answer of a write never shows a row the read permission hides', async (t) => {
  const one = await app.patch('/items/nr_items/1?fields=*,children.*&filter[status][_eq]=open', { title: 't1' }, { token });
  t.equal(one.status, 204);
  t.equal(one.text, '');
  const keys = await app.patch('/items/nr_items?fields=id,title,status', { keys: [1, 2, 4], data: { title: 't2' } }, { token });
  t.strictSame(keys.body, { data: [{ id: 4, title: 't2', status: 'public' }] });
  const nested = await app.patch('/items/nr_items/4?fields=children.id,children.name', { children: { update: [{ id: 1, name: 'k1c' }] } }, { token });
  t.strictSame(nested.body, { data: { children: [{ id: 3, name: 'k3' }] } }, 'the updated child is not answered');
  t.equal((await app.get('/items/nr_items/1', { token })).status, 403, 'and still can\'t be read');
  t.strictSame((await app.get('/items/nr_items?fields=id', { token })).body, { data: [{ id: 4 }] });
  t.strictSame(await sql('select title from nr_items where id in (1, 2) order by id'), [{ title: 't2' }, { title: 't2' }], 'but they were written');
  t.strictSame(await sql('select name from nr_children where id = 1'), [{ name: 'k1c' }]);
});

t.test('revisions of an update it cannot read stay hidden', async (t) => {
  await app.sql(`insert into directus_permissions (collection, action, fields, permissions, policy) values ('directus_revisions', 'read', '*', '{}', '${POLICY}')`);
  const res = await app.get('/revisions?filter[collection][_eq]=nr_items&filter[item][_in]=1,4&fields=item,data,delta&sort=id', { token });
  t.equal(res.status, 200, res.text);
  const hidden = res.body.data.filter((r: { item: string }) => r.item === '1');
  t.ok(hidden.length > 0);
  t.ok(hidden.every((r: { data: unknown; delta: unknown }) => r.data === null && r.delta === null), 'the unreadable row\'s data is not shown');
  t.ok(res.body.data.some((r: { item: string; data: { title?: string } | null }) => r.item === '4' && r.data?.title), 'the readable row\'s is');
});

t.test('the write scope is open only for the write\'s own statements', async (t) => {
  // after an update by key in a request's transaction, reads see the read permission's rows again
  const after = await asRole(app.db, 'strata_request', `select strata.update_items('nr_items', '[1]', '{"title":"s"}') as keys,
    current_setting('strata.write_scope', true) as scope, (select count(*)::int from nr_items) as visible`, context);
  t.strictSame([...after as unknown[]], [{ keys: [1], scope: '', visible: 1 }]);
  const deleted = await asRole(app.db, 'strata_request', `select strata.delete_items('nr_items', '[2]') as keys,
    current_setting('strata.write_scope', true) as scope`, context);
  t.strictSame([...deleted as unknown[]], [{ keys: [2], scope: '' }]);
  // outside a write, the policy's arm is one InitPlan per statement, not a per-row call
  const plan = await asRole(app.db, 'strata_request', 'explain (costs off) select * from nr_items', context) as { 'QUERY PLAN': string }[];
  const text = plan.map((r) => r['QUERY PLAN']).join('\n');
  t.match(text, /CASE (\(InitPlan \d+\)\.col1|\$\d+) WHEN 'update:nr_items'/, 'the setting is an InitPlan\'s value');
});
