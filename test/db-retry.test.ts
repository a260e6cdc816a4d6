// A request PostgreSQL undoes as a deadlock (here with a transaction that locks the tables the
// request reads in the other order, as a permission change's policy DDL does) changed nothing,
// so the gateway runs it again instead of answering 500. The deadlock is made on purpose: the
// request holds the first table and waits for the second, which the other transaction holds
// while it waits for the first. The request waited first, so PostgreSQL's deadlock check undoes
// the request's transaction (deadlock_timeout, 1 s).
import t from 'tap';
import { startApp } from './helpers/app.js';

t.test('a request undone by a deadlock runs again', async (t) => {
  const app = await startApp(t);
  const made = async (path: string, body: unknown) => t.equal((await app.post(path, body)).status, 200, path);
  await made('/collections', { collection: 'dl_b', schema: {}, meta: {}, fields: [
    { field: 'id', type: 'integer', meta: {}, schema: { is_primary_key: true, has_auto_increment: true } },
    { field: 'label', type: 'string', meta: {}, schema: {} },
  ] });
  await made('/collections', { collection: 'dl_a', schema: {}, meta: {}, fields: [
    { field: 'id', type: 'integer', meta: {}, schema: { is_primary_key: true, has_auto_increment: true } },
    { field: 'b', type: 'integer', meta: { special: ['m2o'] }, schema: {} },
  ] });
  await made('/relations', { collection: 'dl_a', field: 'b', related_collection: 'dl_b' });
  await app.sql("insert into dl_b (label) values ('one'); insert into dl_a (b) values (1)");
  const deadlocks = async () => Number((await app.sql('select deadlocks from pg_stat_database where datname = current_database()'))[0].deadlocks);
  const before = await deadlocks();

  let answer: Promise<{ status: number; body: any }> | undefined;
  await app.db.transaction(async (q) => {
    await q('lock table dl_b in access exclusive mode');
    answer = app.get('/items/dl_a?fields=id,b.label');
    // the request holds dl_a and waits for dl_b
    const waiting = await waitFor(async () => {
      const locks = await app.sql(`select c.relname, l.granted from pg_locks l join pg_class c on c.oid = l.relation
        join pg_stat_activity a on a.pid = l.pid where a.application_name = 'strata' and c.relname in ('dl_a', 'dl_b')`);
      return locks.some((l) => l.relname === 'dl_b' && !l.granted) ? locks : undefined;
    });
    t.ok(waiting.some((l) => l.relname === 'dl_a' && l.granted), 'the request holds dl_a while it waits for dl_b');
    await q('lock table dl_a in access exclusive mode'); // the cycle: PostgreSQL undoes the request
  });
  const res = await answer!;
  t.equal(res.status, 200, 'answered once the other transaction ended');
  t.same(res.body.data, [{ id: 1, b: { label: 'one' } }]);
  await waitFor(async () => ((await deadlocks()) > before ? true : undefined));
  t.pass('PostgreSQL counted the deadlock');
});

/** Polls `fn` (each poll a database round trip) until it returns a value. */
async function waitFor<T>(fn: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 1000; i++) {
    const v = await fn();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}
