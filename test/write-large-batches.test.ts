// Long lists in one write: a batch PATCH of 20,000 items, a parent created with 20,000 new
// children, a parent given 20,000 existing children (one-to-many), within a 1 MB body. Each
// item's place used to be appended to a JSON array that was copied whole every time, so the
// work grew with the square of the list (20,000 items ran into the statement timeout: 503).
// And sparse items, 4,000 of them each giving its own set of fields: one statement per set,
// which the batch PATCH used to find by a look over every item (4,000 sets: the timeout too).
// Each must now answer 200 and write every row. (The time itself is measured in bench/, not here.)
import t from 'tap';
import { startApp } from './helpers/app.js';

const N = 20_000;
const app = await startApp(t);
await app.sql(`
  create table lb_items (id int primary key, n int);
  insert into lb_items select g, 0 from generate_series(1, ${N}) g;
  create table lb_parents (id serial primary key, name text);
  create table lb_children (id serial primary key, parent int references lb_parents(id), n int);
  insert into lb_children (n) select g from generate_series(1, ${N}) g;
  insert into directus_collections (collection) values ('lb_items'), ('lb_parents'), ('lb_children');
  insert into directus_relations (many_collection, many_field, one_collection, one_field, one_deselect_action)
    values ('lb_children', 'parent', 'lb_parents', 'children', 'nullify');
  insert into directus_fields (collection, field, special) values ('lb_parents', 'children', 'o2m');
  create table lb_sparse (id serial primary key, ${Array.from({ length: 12 }, (_, i) => `c${i} int`).join(', ')});
  insert into directus_collections (collection) values ('lb_sparse');
`);

t.test(`a batch PATCH of ${N.toLocaleString('en')} items`, async (t) => {
  const res = await app.patch('/items/lb_items?fields=id&limit=1', Array.from({ length: N }, (_, i) => ({ id: i + 1, n: i + 1 })));
  t.equal(res.status, 200, 'answered 200', { answer: JSON.stringify(res.body).slice(0, 200) });
  const [row] = await app.sql<{ wrong: number }>('select count(*)::int as wrong from lb_items where n <> id');
  t.equal(row.wrong, 0, 'every item has its value');
});

t.test(`a parent created with ${N.toLocaleString('en')} new children`, async (t) => {
  const res = await app.post('/items/lb_parents?fields=id', { name: 'many', children: Array.from({ length: N }, (_, i) => ({ n: -i })) });
  t.equal(res.status, 200, 'answered 200', { answer: JSON.stringify(res.body).slice(0, 200) });
  const [row] = await app.sql<{ n: number }>('select count(*)::int as n from lb_children where parent = $1', [res.body.data.id]);
  t.equal(row.n, N);
});

t.test(`a parent given ${N.toLocaleString('en')} existing children, then all but one`, async (t) => {
  const keys = (await app.sql<{ id: number }>('select id from lb_children where parent is null order by id')).map((r) => r.id);
  t.equal(keys.length, N);
  const res = await app.post('/items/lb_parents?fields=id', { name: 'adopting', children: keys });
  t.equal(res.status, 200, 'answered 200', { answer: JSON.stringify(res.body).slice(0, 200) });
  const id = res.body.data.id;
  const count = async () => (await app.sql<{ n: number }>('select count(*)::int as n from lb_children where parent = $1', [id]))[0].n;
  t.equal(await count(), N);
  const kept = await app.patch(`/items/lb_parents/${id}?fields=id`, { children: keys.slice(1) });
  t.equal(kept.status, 200, 'answered 200', { answer: JSON.stringify(kept.body).slice(0, 200) });
  t.equal(await count(), N - 1, 'the child no longer listed is deselected');
  const [first] = await app.sql<{ parent: number | null }>('select parent from lb_children where id = $1', [keys[0]]);
  t.equal(first.parent, null, 'nullified, as the relation says');
});

t.test('4,000 sparse items, each with its own set of fields: created, then updated', async (t) => {
  const sparse = (v: number) => Array.from({ length: 4000 }, (_, i) =>
    Object.fromEntries(Array.from({ length: 12 }, (_, b) => b).filter((b) => (((i % 4095) + 1) >> b) & 1).map((b) => [`c${b}`, v])));
  const created = await app.post('/items/lb_sparse?fields=id&limit=-1', sparse(1));
  t.equal(created.status, 200, 'answered 200', { answer: JSON.stringify(created.body).slice(0, 200) });
  const keys = created.body.data.map((r: { id: number }) => r.id);
  t.equal(keys.length, 4000);
  const updates = sparse(2).map((item, i) => ({ id: keys[i], ...item }));
  const updated = await app.patch('/items/lb_sparse?fields=id&limit=1', updates);
  t.equal(updated.status, 200, 'answered 200', { answer: JSON.stringify(updated.body).slice(0, 200) });
  const [row] = await app.sql<{ ones: number; twos: number; nulls: number }>(`select
    count(*) filter (where 1 in (${Array.from({ length: 12 }, (_, i) => `c${i}`).join(', ')}))::int as ones,
    count(*) filter (where 2 in (${Array.from({ length: 12 }, (_, i) => `c${i}`).join(', ')}))::int as twos,
    count(*) filter (where num_nonnulls(${Array.from({ length: 12 }, (_, i) => `c${i}`).join(', ')}) = 0)::int as nulls from lb_sparse`);
  t.strictSame(row, { ones: 0, twos: 4000, nulls: 0 }, 'every item has its fields, and only them, updated');
});
