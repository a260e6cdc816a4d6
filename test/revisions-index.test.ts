// An item's revisions and activity are found through an index, not by reading every row: the
// statements the gateway prepares for `/revisions?filter[collection]&filter[item]` (and Directus
// 8's /items/:collection/:id/revisions, the same read), `/activity` likewise, are planned as it
// runs them (generic plans) on tables of 100,000 rows. For a non-admin whose read permission on
// the revised collection has a row filter, each revision's data is picked by looking the item
// up (strata.revision_ref): by its primary key, through its index.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { normalizeQuery } from '../src/request/query.js';
import { queryShape } from '../src/engine/shape.js';

const app = await startApp(t, { STRATA_AUTH_CACHE_TTL: '0' });
const res = await app.post('/collections', { collection: 'rix_items', schema: {}, meta: {}, fields: [
  { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } }, { field: 'name', type: 'string', schema: {} }] });
if (res.status !== 200) throw new Error(res.text);
const U = 'c1111111-1111-4111-8111-111111111111';
// bulk rows without revisions of their own (README: strata.audit), then five updates with them
await app.sql(`
  set strata.audit = off;
  insert into rix_items (name) select 'n' || g from generate_series(1, 20000) g;
  reset strata.audit;
  update rix_items set name = name || 'x' where id <= 5;
  insert into directus_revisions (activity, collection, item, data)
    select (select min(id) from directus_activity), 'other' || (g % 50), (g % 5000)::text, '{}' from generate_series(1, 100000) g;
  insert into directus_activity (action, collection, item) select 'update', 'other' || (g % 50), (g % 5000)::text from generate_series(1, 100000) g;
  analyze directus_revisions; analyze directus_activity; analyze rix_items;
  insert into directus_policies (id, name) values ('${U}', 'rix');
  insert into directus_users (id, email, status, token) values ('${U}', 'rix@example.com', 'active', 'rix-token');
  insert into directus_access (id, "user", policy) values (gen_random_uuid(), '${U}', '${U}');
  insert into directus_permissions (collection, action, fields, permissions, policy) values
    ('rix_items', 'read', '*', '{"name":{"_nnull":true}}', '${U}'),
    ('directus_revisions', 'read', '*', '{}', '${U}'), ('directus_activity', 'read', '*', '{}', '${U}');
`);
// EXPLAIN of the statement a request runs: compiled for that user, prepared, planned generically
await app.sql(`create function public.rix_plan(p_user uuid, p_collection text, p_shape jsonb, p_query jsonb) returns setof text
language plpgsql as $f$
declare r record;
begin
  if p_user is not null then perform strata.as_user(p_user); end if;
  execute 'prepare rix_q(jsonb) as ' || strata.compile_request(p_collection, p_shape,
    '{"mode":"list","output":"envelope","default_limit":100,"max_depth":10,"max_fields":1000,"max_sql_size":1000000}');
  set local plan_cache_mode = force_generic_plan;
  for r in execute format('explain (costs off) execute rix_q(%L)', p_query) loop return next r."QUERY PLAN"; end loop;
  deallocate rix_q;
end $f$`);
const LIMITS = { limitDefault: 100, limitMax: Infinity, maxFields: 1000, maxFilterNodes: 1000 };
async function plan(user: string | null, collection: string, raw: Record<string, string>): Promise<string> {
  const query = normalizeQuery(raw, LIMITS, { list: true });
  const rows = await app.sql<{ p: string }>('select rix_plan($1, $2, $3::text::jsonb, $4::text::jsonb) as p',
    [user, collection, JSON.stringify(queryShape(query)), JSON.stringify(query)]);
  return rows.map((r) => r.p).join('\n');
}
const ofItem = (collection: string) => ({ filter: JSON.stringify({ _and: [{ collection: { _eq: 'rix_items' } }, { item: { _eq: '3' } }] }), sort: 'id', limit: '100',
  ...(collection === 'directus_activity' ? { fields: 'id,item' } : {}) });

t.test('an item\'s revisions and activity: an index scan', async (t) => {
  for (const [who, collection, index] of [[null, 'directus_revisions', 'directus_revisions_collection_item_index'],
    [U, 'directus_revisions', 'directus_revisions_collection_item_index'],
    [null, 'directus_activity', 'directus_activity_collection_item_index']] as const) {
    const p = await plan(who, collection, ofItem(collection));
    t.match(p, `Index Scan using ${index} on ${collection}`, `${collection} as ${who ?? 'admin'}`);
    t.notMatch(p, /Seq Scan/, p);
  }
});

t.test('a non-admin\'s revisions look their items up by key', async (t) => {
  const p = await plan(U, 'directus_revisions', { filter: JSON.stringify({ collection: { _eq: 'rix_items' } }), sort: '-id', limit: '50' });
  t.match(p, 'Index Scan using rix_items_pkey on rix_items');
  t.notMatch(p, /Seq Scan/, p);
});

t.test('the answers', async (t) => {
  // item 5's one revision (the update), its data picked for the caller
  const mine = await app.get('/items/rix_items/5/revisions?fields=item,delta', { token: 'rix-token' });
  t.equal(mine.status, 200, mine.text);
  t.same(mine.body.data, [{ item: '5', delta: { name: 'n5x' } }]);
  const list = await app.get('/revisions?filter[collection][_eq]=rix_items&fields=item,data&sort=item', { token: 'rix-token' });
  t.same(list.body.data.map((r: { item: string }) => r.item), ['1', '2', '3', '4', '5']);
  t.same(list.body.data[4].data, { id: 5, name: 'n5x' });
});
