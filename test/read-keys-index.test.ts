// A read by keys (SEARCH {"keys": [...]}, the re-read of the rows a batch write wrote, realtime's
// re-read of the changed rows) finds each key through the primary key's index, planned as the
// gateway runs it (a generic plan: the keys are not known when it is planned). It was planned
// as a merge join walking the index from the lowest key, so reading the newest row of a table
// read every row before it.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { queryShape } from '../src/engine/shape.js';

const app = await startApp(t);
await app.sql(`
  create table rk_items (id serial primary key, name text);
  insert into directus_collections (collection) values ('rk_items');
  set strata.audit = off;
  insert into rk_items (name) select 'n' || g from generate_series(1, 20000) g;
  reset strata.audit;
  analyze rk_items;
  create function public.rk_plan(p_shape jsonb, p_query jsonb) returns setof text language plpgsql as $f$
  declare r record;
  begin
    execute 'prepare rk_q(jsonb) as ' || strata.compile_request('rk_items', p_shape,
      '{"mode":"list","output":"value","default_limit":100,"max_depth":10,"max_fields":1000,"max_sql_size":1000000}');
    set local plan_cache_mode = force_generic_plan;
    for r in execute format('explain (analyze, costs off, timing off, summary off) execute rk_q(%L)', p_query) loop return next r."QUERY PLAN"; end loop;
    deallocate rk_q;
  end $f$;
`);

t.test('the newest rows by key: an index search per key, not a walk over the table', async (t) => {
  const query = { fields: ['id', 'name'], keys: [19999, 20000], limit: -1 };
  const plan = (await app.sql<{ p: string }>('select rk_plan($1::text::jsonb, $2::text::jsonb) as p',
    [JSON.stringify(queryShape(query as never)), JSON.stringify(query)])).map((r) => r.p).join('\n');
  t.match(plan, /Index Cond: \(id = ANY/, plan);
  t.notMatch(plan, /rows=(\d{3,})/, 'no step of the plan touches hundreds of rows');

  const res = await app.search('/items/rk_items', { keys: [20000, 3, 19999], query: { fields: ['id', 'name'] } });
  t.equal(res.status, 200, res.text);
  t.same(res.body.data.map((r: { id: number }) => r.id).sort((a: number, b: number) => a - b), [3, 19999, 20000], 'the keys asked for');
});
