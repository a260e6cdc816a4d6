// Compiled writes (src/engine/compiled-writes.ts, strata.compile_write): an admin's one-item
// create or update as one statement. Two gateways on one database, one with compiled writes and
// one without (STRATA_COMPILED_WRITES=false, the write functions), get the same requests: the
// answers, the rows, the activity, the revisions and the change events must be the same, and a
// refused write must change nothing and answer the same error. /metrics shows that the compiled
// statement did the work.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { sample } from './helpers/metrics.js';

const fast = await startApp(t, { METRICS_ENABLED: 'true' });
const slow = await startApp(t, { METRICS_ENABLED: 'true', STRATA_COMPILED_WRITES: 'false' }, { database: fast.dbName });

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
async function recorded(collection: string, item: string) {
  const [act] = await fast.sql(`select a.action, a."user", a.ip, a.origin, a.collection, a.item, r.data, r.delta, r.parent
    from directus_activity a left join directus_revisions r on r.activity = a.id
    where a.collection = $1 and a.item = $2 order by a.id desc limit 1`, [collection, item]);
  const [event] = await fast.sql(`select action, keys, accountability - 'user_agent' as accountability from strata.events
    where collection = $1 and keys @> jsonb_build_array($2::text) or keys @> jsonb_build_array(case when $2 ~ '^[0-9]+$' then $2::int end)
    order by id desc limit 1`, [collection, item]);
  return { act, event };
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
    const ra = await recorded('c_posts', String(a.body.data.id));
    const rb = await recorded('c_posts', String(b.body.data.id));
    t.same(normalize(ra.act), normalize({ ...rb.act, item: ra.act.item }), `${payload.title}: the same activity and revision`);
    t.same(ra.event, { ...rb.event, keys: [a.body.data.id] }, `${payload.title}: the same change event`);
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
  const [da, db] = [await recorded('c_posts', String(a)), await recorded('c_posts', String(b))];
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
