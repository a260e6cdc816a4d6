// Compiled writes (src/engine/compiled-writes.ts, strata.compile_write): an admin's one-item
// create or update as one statement. Two gateways on one database, one with compiled writes and
// one without (STRATA_COMPILED_WRITES=false, the write functions), get the same requests: the
// answers, the rows, the activity, the revisions and the change events must be the same, and a
// refused write must change nothing and answer the same error. /metrics shows that the compiled
// statement did the work.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { sample } from './helpers/metrics.js';
import { Receiver } from './helpers/receiver.js';
import postgres from 'postgres';

// (the webhook test's receiver listens on the loopback address, which flows may not reach by default)
const ENV = { METRICS_ENABLED: 'true', FLOWS_IP_DENY_LIST: '169.254.0.0/16' };
const fast = await startApp(t, ENV);
const slow = await startApp(t, { ...ENV, STRATA_COMPILED_WRITES: 'false' }, { database: fast.dbName });

await fast.sql(`
  create table c_authors (id serial primary key, name text);
  insert into c_authors (name) values ('Ann'), ('Bob');
  create table c_posts (id serial primary key, title varchar(20) not null, body text, rating int4, views int4 default 7,
    published_at timestamptz, day date, price numeric(8,2), flags jsonb, author int references c_authors(id),
    uid uuid, secret text, date_created timestamptz, user_created uuid, date_updated timestamptz, user_updated uuid);
  create table c_codes (code varchar(8) primary key, label text);
  create table c_docs (id uuid primary key, name text);
  insert into directus_fields (collection, field, special) values
    ('c_posts', 'uid', 'uuid'), ('c_posts', 'secret', 'hash'), ('c_posts', 'date_created', 'date-created'),
    ('c_posts', 'user_created', 'user-created'), ('c_posts', 'date_updated', 'date-updated'), ('c_posts', 'user_updated', 'user-updated'),
    ('c_posts', 'flags', 'cast-json');
  insert into directus_relations (many_collection, many_field, one_collection) values ('c_posts', 'author', 'c_authors');
`);

const compiled = async () => sample((await fast.get('/metrics')).text, 'strata_compiled_writes', { outcome: 'compiled' }) ?? 0;
const retried = async () => sample((await fast.get('/metrics')).text, 'strata_compiled_writes', { outcome: 'retried' }) ?? 0;

/** what a write recorded: its activity, revision and change event, without ids and times */
async function recorded(collection: string, key: string | number) {
  const item = String(key);
  const [act] = await fast.sql(`select a.action, a."user", a.ip, a.origin, a.collection, a.item, r.data, r.delta, r.parent
    from directus_activity a left join directus_revisions r on r.activity = a.id
    where a.collection = $1 and a.item = $2 order by a.id desc limit 1`, [collection, item]);
  // (a jsonb parameter is given as the value: the driver writes it as JSON)
  const [event] = await fast.sql(`select action, keys, accountability - 'user_agent' as accountability from strata.events
    where collection = $1 and keys = jsonb_build_array($2::jsonb) order by id desc limit 1`, [collection, key]);
  return { act, event };
}

/** how many activity rows, revisions and change events name an item */
async function counts(collection: string, key: string | number) {
  const [row] = await fast.sql(`select
      (select count(*)::int from directus_activity where collection = $1 and item = $2::text) as activity,
      (select count(*)::int from directus_revisions where collection = $1 and item = $2::text) as revisions,
      (select count(*)::int from strata.events where collection = $1 and keys = jsonb_build_array($3::jsonb)) as events`,
  [collection, String(key), key]);
  return row;
}

/** values that differ between two writes of the same payload by nature */
const VOLATILE = new Set(['id', 'uid', 'date_created', 'date_updated', 'secret']);
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, VOLATILE.has(k) && x !== null ? `<${k}>` : normalize(x)]));
  }
  return v;
}

t.test('creates: the same answer, row, activity, revision and event as the write functions', async (t) => {
  const payloads = [
    { title: 'Plain' },
    { title: 'Typed', body: 'b', rating: 4, published_at: '2024-06-01T12:00:00Z', day: '2024-06-02', price: '12.5', author: 2 },
    { title: 'Nulls', body: null, rating: null, author: null, views: null },
    { title: 'Given uuid', uid: '0f8fad5b-d9cb-469f-a165-70867728950e' },
    { title: 'Null uuid', uid: null },
    { title: 'Json scalar', flags: 'text' },
    { title: 'Creators', user_created: '00000000-0000-4000-8000-000000000000', date_created: '2000-01-01T00:00:00Z' },
  ];
  for (const payload of payloads) {
    const before = await compiled();
    const a = await fast.post('/items/c_posts?fields=*,author.name', payload);
    t.equal(await compiled(), before + 1, `${payload.title}: one compiled statement`);
    const b = await slow.post('/items/c_posts?fields=*,author.name', payload);
    t.equal(a.status, 200, a.text);
    t.equal(b.status, 200, b.text);
    t.same(normalize(a.body), normalize(b.body), `${payload.title}: the same answer`);
    t.match(a.body.data.uid, /^[0-9a-f-]{36}$/, 'a uuid field is made when not given');
    if (payload.uid) t.equal(a.body.data.uid, payload.uid, 'and kept when given');
    t.ok(a.body.data.date_created && a.body.data.user_created === b.body.data.user_created, 'automatic values from the request');
    const ra = await recorded('c_posts', a.body.data.id);
    const rb = await recorded('c_posts', b.body.data.id);
    t.same(normalize(ra.act), normalize({ ...rb.act, item: ra.act.item }), `${payload.title}: the same activity and revision`);
    t.same(ra.event, { ...rb.event, keys: [a.body.data.id] }, `${payload.title}: the same change event`);
    t.same(await counts('c_posts', a.body.data.id), { activity: 1, revisions: 1, events: 1 }, `${payload.title}: recorded once`);
  }
  // what the revision holds, as Directus writes it: the fields the request gave
  const typed = await fast.sql(`select r.data from directus_revisions r join directus_activity a on a.id = r.activity
    where a.collection = 'c_posts' and r.data ->> 'title' = 'Typed' order by r.id limit 1`);
  t.same(Object.keys(typed[0].data).sort(), ['author', 'body', 'day', 'price', 'published_at', 'rating', 'title']);

  t.test('a hash field is stored hashed', async (t) => {
    const r = await fast.post('/items/c_posts', { title: 'Hashed', secret: 'pa55word' });
    t.equal(r.status, 200, r.text);
    const [row] = await fast.sql('select secret from c_posts where id = $1', [r.body.data.id]);
    t.match(row.secret, /^\$argon2/);
  });

  t.test('GraphQL and a bare re-read (204) take the same path', async (t) => {
    const before = await compiled();
    const q = { query: 'mutation { create_c_posts_item(data: {title: "From GraphQL", rating: 2}) { title rating views } }' };
    const [ga, gb] = [await fast.post('/graphql', q), await slow.post('/graphql', q)];
    t.same(ga.body, gb.body);
    t.same(ga.body, { data: { create_c_posts_item: { title: 'From GraphQL', rating: 2, views: 7 } } });
    t.equal(await compiled(), before + 1);
  });
});

t.test('the answer: from the statement itself, or re-read where a relation leads back to the written row', async (t) => {
  await fast.sql(`create table c_nodes (id serial primary key, title text, parent int references c_nodes(id));
    insert into directus_relations (many_collection, many_field, one_collection) values ('c_nodes', 'parent', 'c_nodes');`);
  // one statement: the answer is read from its RETURNING (no written_key left for a re-read)
  const [{ c }] = await fast.sql(`select strata.compile_write('create', 'c_posts', '["title"]', $1) as c`,
    [`select '{"data":' || (select row_to_json(x.*) from (select r.id as id from w r) x limit 1)::text || '}' from (select $1::jsonb) as params`]);
  t.equal(c.answered, true);
  t.notMatch(c.sql, /written_key/);
  // a node that is its own parent: read back through `parent`, the row must show its new title,
  // which a subquery of the writing statement would not see (it sees the rows as they were)
  const node = await fast.post('/items/c_nodes', { title: 'old' });
  await fast.sql('update c_nodes set parent = id where id = $1', [node.body.data.id]);
  for (const app of [fast, slow]) {
    const before = await compiled();
    const r = await app.patch(`/items/c_nodes/${node.body.data.id}?fields=title,parent.title`, { title: app === fast ? 'new' : 'newer' });
    t.equal(r.status, 200, r.text);
    t.same(r.body.data, { title: app === fast ? 'new' : 'newer', parent: { title: app === fast ? 'new' : 'newer' } });
    if (app === fast) t.equal(await compiled(), before + 1, 'compiled, and re-read');
  }
  // the request's query values (a deep filter's) reach the answer as its own $1
  await fast.sql(`create table c_notes (id serial primary key, body text, post int references c_posts(id));
    insert into directus_fields (collection, field, special) values ('c_posts', 'notes', 'o2m');
    insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('c_notes', 'post', 'c_posts', 'notes');`);
  const post = await fast.post('/items/c_posts', { title: 'With notes' });
  await fast.sql(`insert into c_notes (body, post) values ('keep', $1), ('drop', $1), ('keep', $1)`, [post.body.data.id]);
  const deep = `?fields=title,notes.body,notes.id&deep[notes][_filter][body][_eq]=keep&deep[notes][_sort]=-id`;
  for (const app of [fast, slow]) {
    const before = await compiled();
    const r = await app.patch(`/items/c_posts/${post.body.data.id}${deep}`, { title: 'Notes kept' });
    t.equal(r.status, 200, r.text);
    t.same(r.body.data.notes.map((n: { body: string }) => n.body), ['keep', 'keep'], 'the deep filter applied');
    t.ok(r.body.data.notes[0].id > r.body.data.notes[1].id, 'and its sort');
    if (app === fast) t.equal(await compiled(), before + 1);
  }

  const [{ answer }] = await fast.sql(`select strata.compile_read('c_nodes', '{"fields":["title","parent.title"]}', '{"mode":"returning"}') as answer`);
  t.equal(answer, null, 'no answer from RETURNING through the self-relation');
  // a table whose name starts with the collection's (c_nodes_notes) is another table: answered
  await fast.sql(`create table c_nodes_notes (id serial primary key, node int references c_nodes(id));
    insert into directus_fields (collection, field, special) values ('c_nodes', 'notes', 'o2m');
    insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('c_nodes_notes', 'node', 'c_nodes', 'notes');`);
  const [{ notes }] = await fast.sql(`select strata.compile_read('c_nodes', '{"fields":["title","notes"]}', '{"mode":"returning"}') as notes`);
  t.match(notes, /from w r/, 'an o2m of another table reads the row from the RETURNING');
  t.match(notes, /public\.c_nodes_notes/);
});

t.test('a create\'s lists: [] without reading them only where a foreign key guarantees it', async (t) => {
  // three lists of the same parent: kept by an immediate foreign key, by none (a Directus
  // relation is metadata only), by one added NOT VALID (rows from before it escaped it) and by a
  // deferrable one; rows already naming the key a create is about to give must be answered
  await fast.sql(`create table c_lists (id int primary key, title text);
    create table c_fk (id serial primary key, parent int references c_lists(id));
    create table c_nofk (id serial primary key, parent int);
    create table c_notvalid (id serial primary key, parent int);
    create table c_deferred (id serial primary key, parent int references c_lists(id) deferrable initially deferred);
    insert into c_nofk (parent) values (41), (42), (42);
    insert into c_notvalid (parent) values (42);
    alter table c_notvalid add foreign key (parent) references c_lists(id) not valid;
    insert into directus_fields (collection, field, special) values
      ('c_lists', 'fk', 'o2m'), ('c_lists', 'nofk', 'o2m'), ('c_lists', 'notvalid', 'o2m'), ('c_lists', 'deferred', 'o2m');
    insert into directus_relations (many_collection, many_field, one_collection, one_field) values
      ('c_fk', 'parent', 'c_lists', 'fk'), ('c_nofk', 'parent', 'c_lists', 'nofk'),
      ('c_notvalid', 'parent', 'c_lists', 'notvalid'), ('c_deferred', 'parent', 'c_lists', 'deferred');`);
  const [{ created }] = await fast.sql(`select strata.compile_read('c_lists', '{"fields":["*"]}', '{"mode":"created"}') as created`);
  t.notMatch(created, /public\.c_fk\b/, 'the list a foreign key keeps empty is not read');
  t.match(created, /public\.c_nofk\b/);
  t.match(created, /public\.c_notvalid\b/);
  t.match(created, /public\.c_deferred\b/);
  // a list below the new row (here through its many-to-one) holds older rows: it is read
  const [{ nested }] = await fast.sql(`select strata.compile_read('c_nofk', '{"fields":["id","parent.fk"]}', '{"mode":"created"}') as nested`);
  t.match(nested, /public\.c_fk\b/, 'a list below the new row is read');
  for (const [app, key, expected] of [
    [fast, 42, { fk: [], nofk: [{ id: 2 }, { id: 3 }], notvalid: [1], deferred: [] }],
    [slow, 41, { fk: [], nofk: [{ id: 1 }], notvalid: [], deferred: [] }],
  ] as const) {
    const before = await compiled();
    const r = await app.post('/items/c_lists?fields=*,nofk.id', { id: key, title: 'x' });
    t.equal(r.status, 200, r.text);
    t.same(r.body.data, { id: key, title: 'x', ...expected }, `key ${key}: the rows already naming it`);
    if (app === fast) t.equal(await compiled(), before + 1, 'compiled');
  }
  await fast.sql(`insert into c_fk (parent) values (41), (42)`);
  const p = await fast.post('/items/c_nofk?fields=id,parent.fk', { parent: 42 });
  t.same(p.body.data.parent, { fk: [2] }, 'the create of a child answers its parent\'s list');
  const r = await fast.post('/items/c_lists', { id: 43, title: 'x' });
  t.same(r.body.data, { id: 43, title: 'x', fk: [], nofk: [], notvalid: [], deferred: [] });
  // an update's answer reads every list
  await fast.sql(`insert into c_fk (parent) values (43)`);
  const u = await fast.patch('/items/c_lists/43', { title: 'y' });
  t.same(u.body.data.fk, [3]);
});

t.test('collections named like the statement\'s own CTEs (v, w, p, e, a, r)', async (t) => {
  for (const name of ['v', 'w', 'p', 'e', 'a', 'r', 'j']) {
    await fast.sql(`create table "${name}" (id serial primary key, title text, w text, r int)`);
    const before = await compiled();
    const created = await fast.post(`/items/${name}`, { title: 'one', w: 'col w', r: 3 });
    t.equal(created.status, 200, `${name}: ${created.text}`);
    t.same(created.body.data, { id: 1, title: 'one', w: 'col w', r: 3 }, `${name}: the answer`);
    const updated = await fast.patch(`/items/${name}/1`, { title: 'two' });
    t.equal(updated.status, 200, updated.text);
    t.same(updated.body.data, { id: 1, title: 'two', w: 'col w', r: 3 });
    t.equal(await compiled(), before + 2, `${name}: both compiled`);
    t.same(await fast.sql(`select id, title, w, r from "${name}"`), [{ id: 1, title: 'two', w: 'col w', r: 3 }]);
    t.same(await counts(name, 1), { activity: 2, revisions: 2, events: 2 }, `${name}: each write recorded once`);
  }
});

t.test('keys: given, text and uuid keys', async (t) => {
  for (const [collection, payload] of [
    ['c_codes', { code: 'ab-1', label: 'one' }],
    ['c_docs', { id: 'd1f0e2c4-0000-4000-8000-000000000001', name: 'given' }],
  ] as const) {
    const before = await compiled();
    const r = await fast.post(`/items/${collection}`, payload);
    t.equal(r.status, 200, r.text);
    t.same(r.body.data, payload);
    t.equal(await compiled(), before + 1, collection);
  }
  // a uuid key without a default is made, as the write functions make it
  const r = await fast.post('/items/c_docs', { name: 'made' });
  t.equal(r.status, 200, r.text);
  t.match(r.body.data.id, /^[0-9a-f-]{36}$/);
});

t.test('refused creates: the same error, nothing written, then the write functions answered', async (t) => {
  const cases: [string, Record<string, unknown>][] = [
    ['a required field missing', { body: 'no title' }],
    ['null in a NOT NULL column', { title: null }],
    ['a value too long', { title: 'x'.repeat(21) }],
    ['not a number', { title: 'n', rating: 'many' }],
    ['out of range', { title: 'n', rating: 2 ** 40 }],
    ['not a date', { title: 'd', published_at: 'the day after' }],
    ['a missing related item', { title: 'fk', author: 999 }],
    ['a duplicate key', { id: 1, title: 'dup' }],
  ];
  const rows = async () => Number((await fast.sql('select count(*)::int as n from c_posts'))[0].n);
  const activity = async () => Number((await fast.sql('select count(*)::int as n from directus_activity'))[0].n);
  for (const [what, payload] of cases) {
    const [n0, a0, r0] = [await rows(), await activity(), await retried()];
    const a = await fast.post('/items/c_posts', payload);
    const b = await slow.post('/items/c_posts', payload);
    t.equal(a.status, b.status, `${what}: ${a.text}`);
    t.ok(a.status >= 400 && a.status < 500, what);
    t.same(a.body, b.body, `${what}: the same error`);
    t.equal(await rows(), n0, `${what}: no row`);
    t.equal(await activity(), a0, `${what}: no activity`);
    t.equal(await retried(), r0 + 1, `${what}: the compiled statement failed and the write functions answered`);
  }
});

t.test('updates by key: the same answer and records; automatic values; missing and bad keys', async (t) => {
  const [{ id: a }] = await fast.sql(`insert into c_posts (title, rating) values ('Up A', 1) returning id`);
  const [{ id: b }] = await fast.sql(`insert into c_posts (title, rating) values ('Up B', 1) returning id`);
  const before = await compiled();
  const ra = await fast.patch(`/items/c_posts/${a}?fields=title,rating,body,user_updated`, { title: 'Changed', rating: 5, body: null });
  const rb = await slow.patch(`/items/c_posts/${b}?fields=title,rating,body,user_updated`, { title: 'Changed', rating: 5, body: null });
  t.equal(await compiled(), before + 1);
  t.equal(ra.status, 200, ra.text);
  t.same(ra.body, rb.body);
  t.ok(ra.body.data.user_updated, 'user-updated set');
  const [da, db] = [await recorded('c_posts', a), await recorded('c_posts', b)];
  t.same(normalize(da.act), normalize({ ...db.act, item: String(a) }), 'the same activity and revision (data: the whole row; delta: what was written)');
  t.same(Object.keys(da.act.delta).sort(), ['body', 'date_updated', 'rating', 'title', 'user_updated']);
  t.equal(da.act.data.id, a);
  t.same(da.event, { ...db.event, keys: [a] });
  const [row] = await fast.sql('select date_updated from c_posts where id = $1', [a]);
  t.ok(row.date_updated, 'date-updated set');

  for (const [what, key, payload] of [
    ['a missing item', '999999', { title: 'x' }],
    ['a key of the wrong type', 'abc', { title: 'x' }],
    ['null in a NOT NULL column', String(a), { title: null }],
    ['a value too long', String(a), { title: 'y'.repeat(30) }],
  ] as const) {
    const x = await fast.patch(`/items/c_posts/${key}`, payload);
    const y = await slow.patch(`/items/c_posts/${key}`, payload);
    t.equal(x.status, y.status, `${what}: ${x.text}`);
    t.same(x.body, y.body, `${what}: the same answer`);
  }
  const [after] = await fast.sql('select title, rating from c_posts where id = $1', [a]);
  t.same(after, { title: 'Changed', rating: 5 }, 'refused updates changed nothing');
});

t.test('shapes the write functions keep: nested, batches, unknown fields, JSON values, non-admins', async (t) => {
  const before = await compiled();
  const cases: [string, unknown, string?][] = [
    ['a nested many-to-one', { title: 'Nested', author: { name: 'Cy' } }],
    ['a batch', [{ title: 'B1' }, { title: 'B2' }]],
    ['an unknown field', { title: 'Unknown', nope: 1 }],
    ['a JSON object value', { title: 'Json', flags: { a: 1 } }],
  ];
  for (const [what, payload] of cases) {
    const a = await fast.post('/items/c_posts?fields=title,author.name,flags', payload);
    const b = await slow.post('/items/c_posts?fields=title,author.name,flags', payload);
    t.equal(a.status, b.status, what);
    t.same(a.body, b.body, what);
  }
  t.equal(await compiled(), before, 'none of them compiled');
});

t.test('a schema change reaches the next write: a new validation rule is obeyed', async (t) => {
  t.equal((await fast.post('/items/c_posts', { title: 'Before rule', body: 'short' })).status, 200);
  const rule = await fast.patch('/fields/c_posts/body', { meta: { validation: { _and: [{ body: { _contains: 'ok' } }] } } });
  t.equal(rule.status, 200, rule.text);
  const rows = Number((await fast.sql('select count(*)::int as n from c_posts'))[0].n);
  const refused = await fast.post('/items/c_posts', { title: 'After rule', body: 'short' });
  t.equal(refused.status, 400, refused.text);
  t.equal(refused.body.errors[0].extensions.code, 'FAILED_VALIDATION');
  t.equal(Number((await fast.sql('select count(*)::int as n from c_posts'))[0].n), rows, 'nothing written');
  t.equal((await fast.post('/items/c_posts', { title: 'After rule', body: 'is ok' })).status, 200);
  await fast.patch('/fields/c_posts/body', { meta: { validation: null } });
});

t.test('the statement records the write itself in the sessions the audit trigger trusts', async (t) => {
  // the gateway's admin pool logs in as strata_admin: the recording form
  const login = async (role: string) => {
    const [{ password }] = await fast.sql('select password from strata.role_credentials where role = $1', [role]);
    const sql = postgres(`postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${fast.cluster.port}/${fast.dbName}`, { max: 1, onnotice: () => {} });
    t.teardown(() => sql.end());
    return sql;
  };
  const admin = await login('strata_admin');
  const [{ sql: text }] = await admin`select strata.compile_write('create', 'c_posts', '["title"]') ->> 'sql' as sql`;
  t.match(text, /strata\.record_event\('c_posts', 'create'/, 'the change event');
  t.match(text, /insert into public\.directus_activity/, 'the activity row');
  t.match(text, /insert into public\.directus_revisions/, 'the revision');
  t.match(text, /set_config\('strata\.recorded', 'c_posts', true\)/, 'and the trigger is told');
  // so does the installing role's (where the request roles can't log in, the gateway's sessions are its)
  const [{ sql: owners }] = await fast.sql(`select strata.compile_write('create', 'c_posts', '["title"]') ->> 'sql' as sql`);
  t.equal(owners, text);
  // any other session user: the form the audit trigger records
  const request = await login('strata_request');
  const [{ sql: requests }] = await request`select strata.compile_write('create', 'c_posts', '["title"]') ->> 'sql' as sql`;
  t.notMatch(requests, /record_event|strata\.recorded/);
  // a table with a trigger of its own: the audit trigger records
  await fast.sql(`create table c_triggered (id serial primary key, name text);
    create function c_touch() returns trigger language plpgsql as $$ begin return new; end $$;
    create trigger c_touch before insert on c_triggered for each row execute function c_touch();`);
  const [{ sql: triggered, answered }] = await admin`select c ->> 'sql' as sql, c -> 'answered' as answered
    from strata.compile_write('create', 'c_triggered', '["name"]', 'select 1') c`;
  t.notMatch(triggered, /record_event|strata\.recorded/);
  // (nor does it answer from its RETURNING, which a trigger could change after: the re-read does)
  t.equal(answered, false);
  t.match(triggered, /set_config\('strata\.written_key'/);
  const r = await fast.post('/items/c_triggered', { name: 'x' });
  t.equal(r.status, 200, r.text);
  t.same(await counts('c_triggered', r.body.data.id), { activity: 1, revisions: 1, events: 1 });

  // strata.recorded set in a strata_request session (a user allowed to create) is ignored: recorded as usual
  const policy = '6c000000-0000-4000-8000-000000000001';
  await fast.sql(`insert into directus_policies (id, name) values ('${policy}', 'c creators');
    insert into directus_permissions (collection, action, fields, policy) values ('c_posts', 'create', '*', '${policy}')`);
  const context = JSON.stringify({ user: null, role: null, roles: [], policies: [policy], admin: false, app: false, ip: '10.0.0.9' });
  await request.begin(async (tx) => {
    await tx`select set_config('strata.accountability', ${context}, true), set_config('strata.recorded', 'c_posts', true)`;
    await tx`insert into c_posts (title) values ('flagged')`;
  });
  const [{ id }] = await fast.sql(`select id from c_posts where title = 'flagged'`);
  t.same(await counts('c_posts', id), { activity: 1, revisions: 1, events: 1 }, 'activity, revision and event all written by the trigger');
});

t.test('accountability modes: activity only, and nothing but the change event', async (t) => {
  await fast.sql(`create table c_activity (id serial primary key, name text); create table c_silent (id serial primary key, name text);
    insert into directus_collections (collection, accountability) values ('c_activity', 'activity'), ('c_silent', null);`);
  for (const [collection, expected] of [
    ['c_activity', { activity: 1, revisions: 0, events: 1 }],
    ['c_silent', { activity: 0, revisions: 0, events: 1 }],
  ] as const) {
    const before = await compiled();
    const a = await fast.post(`/items/${collection}`, { name: 'x' });
    const b = await slow.post(`/items/${collection}`, { name: 'x' });
    t.equal(await compiled(), before + 1);
    t.same(await counts(collection, a.body.data.id), expected, `${collection}: compiled`);
    t.same(await counts(collection, b.body.data.id), expected, `${collection}: the write functions`);
    const u = await fast.patch(`/items/${collection}/${a.body.data.id}`, { name: 'y' });
    t.equal(u.status, 200, u.text);
    t.same(await counts(collection, a.body.data.id),
      { activity: expected.activity * 2, revisions: 0, events: 2 }, `${collection}: and its update`);
  }
});

t.test('a listening webhook gets the same payloads from compiled writes', async (t) => {
  const receiver = await Receiver.start();
  t.teardown(() => receiver.stop());
  await fast.sql('create table c_hooked (id serial primary key, title text, n int)');
  const hook = await fast.post('/webhooks', { name: 'compiled', method: 'POST', url: `${receiver.url}/hook`, actions: ['create', 'update'], collections: ['c_hooked'] });
  t.equal(hook.status, 200, hook.text);
  const a = await fast.post('/items/c_hooked', { title: 'A', n: 1 });
  const b = await slow.post('/items/c_hooked', { title: 'A', n: 1 });
  await fast.patch(`/items/c_hooked/${a.body.data.id}`, { n: 2 });
  await slow.patch(`/items/c_hooked/${b.body.data.id}`, { n: 2 });
  await receiver.waitFor(() => receiver.requests.length >= 4);
  const got = receiver.requests.map((r) => r.json);
  const of = (key: number) => got.filter((j) => JSON.stringify(j.keys ?? [j.key]) === JSON.stringify([key]));
  const strip = (j: any) => ({ ...j, key: undefined, keys: undefined });
  t.same(of(a.body.data.id).map(strip), of(b.body.data.id).map(strip), 'the same events and payloads');
  t.same(of(a.body.data.id).map((j) => j.payload), [{ title: 'A', n: 1 }, { n: 2 }]);
  t.same(await counts('c_hooked', a.body.data.id), { activity: 2, revisions: 2, events: 2 }, 'recorded once each');
});

t.test('hostile payloads: names are never SQL, values stay values, refused ones change nothing', async (t) => {
  const rows = async () => Number((await fast.sql('select count(*)::int as n from c_posts'))[0].n);
  // a value that looks like SQL is stored as it was sent, by the compiled statement
  const before = await compiled();
  const sqlish = "x'); drop table c_posts; --";
  const stored = await fast.post('/items/c_posts', { title: 'Values', body: sqlish });
  t.equal(stored.status, 200, stored.text);
  t.equal(await compiled(), before + 1);
  t.same(await fast.sql('select body from c_posts where id = $1', [stored.body.data.id]), [{ body: sqlish }]);
  // field names that are not columns never reach SQL text: the shape is not compiled
  for (const [what, payload] of [
    ['a quoted name', { title: 'Names', 'title" = null; drop table c_posts; --': 1 }],
    ['ten thousand names', { title: 'Many', ...Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f${i}`, i])) }],
  ] as const) {
    const [n0, c0] = [await rows(), await compiled()];
    const a = await fast.post('/items/c_posts?fields=title', payload);
    const b = await slow.post('/items/c_posts?fields=title', payload);
    t.equal(a.status, b.status, what);
    t.same(a.body, b.body, what);
    t.equal(await compiled(), c0, `${what}: not compiled`);
    t.equal(await rows(), n0 + (a.status === 200 ? 2 : 0), `${what}: one row per gateway at most`);
  }
  // a prototype key is refused before anything is written
  const [n0, c0] = [await rows(), await compiled()];
  const proto = await fast.request('POST', '/items/c_posts', { raw: '{"title":"Proto","__proto__":{"admin":true}}', contentType: 'application/json' });
  t.equal(proto.status, 400, proto.text);
  t.equal(await rows(), n0, 'no row');
  t.equal(await compiled(), c0);
  t.same(await fast.sql(`select to_regclass('public.c_posts') is not null as exists`), [{ exists: true }], 'the table is still there');
});
