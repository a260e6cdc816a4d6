// Writes at the level of hand-written SQL (issue 18): the write functions' INSERT, UPDATE and
// re-read are prepared once per connection (strata.prepared) instead of planned on every
// request, and the gateway's first try leaves value and foreign-key errors to PostgreSQL
// (strata.write_request's convert_errors), converting them by trying again. What a user sees
// must not change: rows, answers, errors, revisions.
import t from 'tap';
import { DirectusError } from '../src/errors.js';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

await app.sql(`
  create table w_people (id serial primary key, name varchar(20));
  create table w_notes (id serial primary key, title varchar(20), n int, person int references w_people(id));
  insert into w_people (name) values ('Ann');
`);
const count = async (sql: string) => Number((await app.sql(sql))[0].n);
/** the SQLSTATE and Directus code a statement fails with */
const failure = async (sql: string, params: unknown[] = []) => {
  try {
    await app.sql(sql, params);
  } catch (err) {
    const pg = (err instanceof DirectusError ? err.cause : err) as { code?: string } | undefined;
    return { sqlstate: pg?.code ?? (err as { code?: string }).code, directus: err instanceof DirectusError ? err.code : undefined, message: (err as Error).message };
  }
  return undefined;
};

t.test('one prepared statement per written shape, reused by later writes of the session', async (t) => {
  const rows = await app.db.transaction(async (q) => {
    await q(`select strata.items_create('w_notes', '{"title":"a","n":1}')`);
    await q(`select strata.items_create('w_notes', '{"title":"b","n":2}')`);
    await q(`select strata.items_update('w_notes', '1', '{"n":10}')`);
    await q(`select strata.items_update('w_notes', '2', '{"n":20}')`);
    const [{ n }] = await q(`select count(*)::int as n from pg_prepared_statements where name like 'strata\\_ps\\_%'`);
    return { prepared: n, notes: await q('select id, title, n from w_notes order by id') };
  });
  t.equal(rows.prepared, 2, 'one INSERT and one UPDATE, each prepared once');
  t.same(rows.notes, [{ id: 1, title: 'a', n: 10 }, { id: 2, title: 'b', n: 20 }]);
});

t.test('a column added or dropped: new shapes get their statement, old ones still write', async (t) => {
  const notes = await app.db.transaction(async (q) => {
    await q(`select strata.items_create('w_notes', '{"title":"c","n":3}')`);
    await q('alter table w_notes add column extra text');
    await q(`select strata.items_create('w_notes', '{"title":"d","extra":"x"}')`);
    await q(`select strata.items_create('w_notes', '{"title":"e","n":5}')`);
    await q('alter table w_notes drop column extra');
    // (a field that is no column is dropped from the payload, as Directus ignores it)
    await q(`select strata.items_create('w_notes', '{"title":"f","extra":"y"}')`);
    return q(`select title, n from w_notes where title in ('c', 'd', 'e', 'f') order by title`);
  });
  t.same(notes, [{ title: 'c', n: 3 }, { title: 'd', n: null }, { title: 'e', n: 5 }, { title: 'f', n: null }]);
});

t.test('the first try leaves value errors to PostgreSQL; SQL callers and the API get Directus\'s', async (t) => {
  const write = `select strata.write_request('create', 'w_notes', $1::jsonb, null, '{}', $2::jsonb)`;
  const bad = { payload: { title: 'x', n: 'abc' } };
  t.match(await failure(write, [bad, { convert_errors: false }]), { sqlstate: '22P02' }, 'unconverted');
  t.match(await failure(write, [bad, {}]), { directus: 'INVALID_PAYLOAD', message: /"n"/ }, 'converted by default');

  const before = await count('select count(*) as n from w_notes');
  const activity = await count('select count(*) as n from directus_activity');
  const revisions = await count('select count(*) as n from directus_revisions');
  const value = await app.post('/items/w_notes', { title: 'x', n: 'abc' });
  t.equal(value.status, 400);
  t.match(value.body.errors[0], { extensions: { code: 'INVALID_PAYLOAD' }, message: /"n"/ });
  const fk = await app.post('/items/w_notes', { title: 'x', person: 999 });
  t.same(fk.body.errors[0], { message: 'Invalid foreign key "999" for field "person" in collection "w_notes".',
    extensions: { collection: 'w_notes', field: 'person', value: 999, code: 'INVALID_FOREIGN_KEY' } });
  const long = await app.patch('/items/w_notes/1', { title: 'abcdefghijklmnopqrstuvwxyz' });
  t.equal(long.body.errors[0].extensions.code, 'VALUE_TOO_LONG');
  t.equal(await count('select count(*) as n from w_notes'), before, 'nothing written');
  t.same(await app.sql('select title from w_notes where id = 1'), [{ title: 'a' }], 'nothing updated');
  t.equal(await count('select count(*) as n from directus_activity'), activity, 'no activity');
  t.equal(await count('select count(*) as n from directus_revisions'), revisions, 'no revision');

  const ok = await app.post('/items/w_notes?fields=title,n', { title: 'ok', n: 7 });
  t.same(ok.body, { data: { title: 'ok', n: 7 } }, 'and a good write after them');
});

t.test('revisions: an API write names the columns it wrote, plain SQL the whole row', async (t) => {
  const res = await app.post('/items/w_notes?fields=id', { title: 'api', n: 1 });
  const [api] = await app.sql(`select data, delta from directus_revisions where collection = 'w_notes' and item = $1`, [String(res.body.data.id)]);
  t.same(api, { data: { title: 'api', n: 1 }, delta: { title: 'api', n: 1 } });
  const [{ id }] = await app.sql(`insert into w_notes (title, n) values ('sql', 2) returning id`);
  const [plain] = await app.sql(`select data, delta from directus_revisions where collection = 'w_notes' and item = $1`, [String(id)]);
  t.same(plain, { data: { id, title: 'sql', n: 2, person: null }, delta: { id, title: 'sql', n: 2, person: null } });
});

t.test('a connection keeps at most 500 of them', async (t) => {
  const kept = await app.db.transaction(async (q) => {
    await q(`do $$ begin for i in 1..520 loop perform strata.run_prepared(format('select ($1 ->> ''v'') || %s', i), '{"v":"x"}'); end loop; end $$`);
    const [{ v }] = await q(`select strata.run_prepared('select ($1 ->> ''v'') || 520', '{"v":"x"}') as v`);
    const [{ n }] = await q(`select count(*)::int as n from pg_prepared_statements where name like 'strata\\_ps\\_%'`);
    return { v: String(v), n: Number(n) };
  });
  t.equal(kept.v, 'x520');
  t.ok(kept.n <= 500, `${kept.n} prepared`);
});
