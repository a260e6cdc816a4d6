// Writes over HTTP: flat, batched and nested (m2o, o2m, m2m, m2a in every form), with the
// resulting rows, revisions and activity checked in the database.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t, { MAX_BATCH_MUTATION: '50' });

await app.sql(`
  create table w_authors (id serial primary key, name varchar(20) not null, email varchar(255) unique);
  create table w_articles (id serial primary key, title varchar(255), views int4 default 7, tags varchar(255),
    author int references w_authors(id), uid uuid, date_created timestamptz, user_created uuid, date_updated timestamptz);
  create table w_comments (id serial primary key, body text, article int references w_articles(id), sort int);
  create table w_notes (id serial primary key, body text not null, article int not null references w_articles(id));
  create table w_tags (id serial primary key, name varchar(64) not null);
  create table w_articles_tags (id serial primary key, w_articles_id int references w_articles(id) on delete cascade, w_tags_id int references w_tags(id));
  create table w_headings (id serial primary key, text varchar(255));
  create table w_texts (id uuid primary key default gen_random_uuid(), body text);
  create table w_blocks (id serial primary key, w_articles_id int references w_articles(id) on delete cascade, collection varchar(64), item varchar(255));
  insert into directus_fields (collection, field, special) values
    ('w_articles', 'tags', 'cast-csv'), ('w_articles', 'uid', 'uuid'), ('w_articles', 'date_created', 'date-created'),
    ('w_articles', 'user_created', 'user-created'), ('w_articles', 'date_updated', 'date-updated');
  insert into directus_relations (many_collection, many_field, one_collection, one_field, one_deselect_action, sort_field) values
    ('w_articles', 'author', 'w_authors', 'articles', 'nullify', null),
    ('w_comments', 'article', 'w_articles', 'comments', 'nullify', 'sort'),
    ('w_notes', 'article', 'w_articles', 'notes', 'delete', null),
    ('w_articles_tags', 'w_articles_id', 'w_articles', 'tags_m2m', 'delete', null),
    ('w_articles_tags', 'w_tags_id', 'w_tags', null, 'nullify', null),
    ('w_blocks', 'w_articles_id', 'w_articles', 'blocks', 'delete', null);
  insert into directus_relations (many_collection, many_field, one_collection, one_allowed_collections, one_collection_field) values
    ('w_blocks', 'item', null, 'w_headings,w_texts', 'collection');
  update directus_relations set junction_field = 'w_tags_id' where many_collection = 'w_articles_tags' and many_field = 'w_articles_id';
  update directus_relations set junction_field = 'w_articles_id' where many_collection = 'w_articles_tags' and many_field = 'w_tags_id';
  update directus_relations set junction_field = 'item' where many_collection = 'w_blocks' and many_field = 'w_articles_id';
  update directus_relations set junction_field = 'w_articles_id' where many_collection = 'w_blocks' and many_field = 'item';
`);

const count = async (table: string, where = 'true') => Number((await app.sql(`select count(*)::int as n from ${table} where ${where}`))[0].n);

t.test('create one item: defaults, specials, re-read with fields, revision and activity', async (t) => {
  const res = await app.post('/items/w_articles?fields=id,title,views,tags,uid,user_created,date_created', { title: 'Hello', tags: ['a', 'b'] });
  t.equal(res.status, 200, res.text);
  const item = res.body.data;
  t.match(item, { title: 'Hello', views: 7, tags: ['a', 'b'] });
  t.same(await app.sql('select tags from w_articles where id = $1', [item.id]), [{ tags: 'a,b' }], 'csv stored as a,b');
  t.match(item.uid, /^[0-9a-f-]{36}$/);
  t.ok(item.user_created, 'user-created from the accountability');
  t.ok(item.date_created);
  const [act] = await app.sql("select * from directus_activity where collection = 'w_articles' and item = $1", [String(item.id)]);
  t.match(act, { action: 'create', collection: 'w_articles', user: item.user_created, ip: '127.0.0.1' });
  const [rev] = await app.sql('select * from directus_revisions where activity = $1', [act.id]);
  // as Directus: a create's data (and delta) are the fields the request gave, formatted like a read
  t.same(rev.data, { title: 'Hello', tags: ['a', 'b'] });
  t.equal(rev.parent, null);
});

const json = (v: any) => (typeof v === 'string' ? JSON.parse(v) : v);

t.test('create many, update one, batch forms, delete forms', async (t) => {
  const many = await app.post('/items/w_authors?fields=id,name', [{ name: 'A1' }, { name: 'A2', email: 'a2@x' }, { name: 'A3' }]);
  t.equal(many.status, 200, many.text);
  t.same(many.body.data.map((a: any) => a.name), ['A1', 'A2', 'A3']);
  const ids = many.body.data.map((a: any) => a.id);

  const one = await app.patch(`/items/w_authors/${ids[0]}?fields=name`, { name: 'B1' });
  t.same(one.body, { data: { name: 'B1' } });

  const byKeys = await app.patch('/items/w_authors?fields=id,email&sort=id', { keys: [ids[1], ids[2]], data: { email: null } });
  t.same(byKeys.body.data, [{ id: ids[1], email: null }, { id: ids[2], email: null }]);

  const batch = await app.patch('/items/w_authors?fields=id,name&sort=id', [{ id: ids[0], name: 'C1' }, { id: ids[2], name: 'C3', email: 'c3@x' }]);
  t.same(batch.body.data, [{ id: ids[0], name: 'C1' }, { id: ids[2], name: 'C3' }]);
  t.same(await app.sql('select name, email from w_authors where id = any($1::int[]) order by id', [ids]),
    [{ name: 'C1', email: null }, { name: 'A2', email: null }, { name: 'C3', email: 'c3@x' }]);

  const byQuery = await app.patch('/items/w_authors?fields=name', { query: { filter: { name: { _eq: 'A2' } } }, data: { name: 'Q2' } });
  t.same(byQuery.body.data, [{ name: 'Q2' }]);

  t.equal((await app.patch('/items/w_authors', { data: { name: 'x' } })).body.errors[0].message,
    'Invalid payload. "value" must contain at least one of [query, keys].');

  t.equal((await app.del(`/items/w_authors/${ids[0]}`)).status, 204);
  t.equal((await app.del('/items/w_authors', [ids[1]])).status, 204);
  t.equal((await app.del('/items/w_authors', { query: { filter: { name: { _eq: 'C3' } } } })).status, 204);
  t.equal(await count('w_authors', `id = any('{${ids.join(',')}}')`), 0);
  const acts = await app.sql("select action, count(*)::int as n from directus_activity where collection = 'w_authors' group by 1 order by 1");
  t.same(acts, [{ action: 'create', n: 3 }, { action: 'delete', n: 3 }, { action: 'update', n: 6 }]);
  t.equal((await app.post('/items/directus_users', { email: 'x@y' })).status, 403);
  t.equal((await app.post('/items/nope', { a: 1 })).status, 403);
});

t.test('revision delta is the payload (as Directus); plain SQL is recorded as sql, delta = what changed', async (t) => {
  const res = await app.post('/items/w_authors', { name: 'Rev' });
  const id = res.body.data.id;
  await app.patch(`/items/w_authors/${id}`, { name: 'Rev2', email: null });
  const [rev] = await app.sql("select r.* from directus_revisions r join directus_activity a on a.id = r.activity where a.action = 'update' and r.collection = 'w_authors' and r.item = $1", [String(id)]);
  t.same(json(rev.delta), { name: 'Rev2', email: null });
  t.match(json(rev.data), { id, name: 'Rev2', email: null });

  await app.sql('update w_authors set name = $1 where id = $2', ['bySql', id]);
  const [act] = await app.sql("select * from directus_activity where collection = 'w_authors' and item = $1 order by id desc limit 1", [String(id)]);
  t.match(act, { action: 'update', user: null, origin: 'sql' });
  const [rev2] = await app.sql('select * from directus_revisions where activity = $1', [act.id]);
  t.same(json(rev2.delta), { name: 'bySql' });
});

t.test('m2o: create, update, assign, nullify', async (t) => {
  const res = await app.post('/items/w_articles?fields=id,author.name', { title: 'm2o', author: { name: 'New' } });
  t.equal(res.status, 200, res.text);
  t.same(res.body.data.author, { name: 'New' });
  const id = res.body.data.id;
  const [{ author }] = await app.sql('select author from w_articles where id = $1', [id]);
  const upd = await app.patch(`/items/w_articles/${id}?fields=author.id,author.name`, { author: { id: author, name: 'Changed' } });
  t.same(upd.body.data, { author: { id: author, name: 'Changed' } });
  const other = (await app.post('/items/w_authors', { name: 'Other' })).body.data.id;
  t.same((await app.patch(`/items/w_articles/${id}?fields=author`, { author: other })).body.data, { author: other });
  t.same((await app.patch(`/items/w_articles/${id}?fields=author`, { author: null })).body.data, { author: null });
  // parent revision links the nested create
  const c = await app.post('/items/w_articles', { title: 'm2o-rev', author: { name: 'Kid' } });
  const revs = await app.sql(`select r.id, r.collection, r.parent from directus_revisions r where (r.collection = 'w_articles' and r.item = $1)
    or (r.collection = 'w_authors' and r.item = (select author::text from w_articles where id = $2)) order by r.id`, [String(c.body.data.id), c.body.data.id]);
  t.equal(revs.length, 2);
  t.equal(revs[0].collection, 'w_authors');
  t.equal(revs[0].parent, revs[1].id, 'child revision points at the parent revision');
  t.equal(revs[1].parent, null);
});

t.test('o2m: array form (assign, create, update, deselect nullify/delete) and detailed form', async (t) => {
  const res = await app.post('/items/w_articles?fields=id,comments.body,comments.sort', { title: 'o2m', comments: [{ body: 'c1' }, { body: 'c2' }] });
  t.equal(res.status, 200, res.text);
  t.same(res.body.data.comments, [{ body: 'c1', sort: 1 }, { body: 'c2', sort: 2 }]);
  const id = res.body.data.id;
  const cs = await app.sql('select id from w_comments where article = $1 order by id', [id]);
  const loose = (await app.post('/items/w_comments', { body: 'loose' })).body.data.id;
  // keep c1 (changed), drop c2 (nullify), assign loose, create c3
  const upd = await app.patch(`/items/w_articles/${id}?fields=comments.body`, { comments: [{ id: cs[0].id, body: 'c1!' }, loose, { body: 'c3' }] });
  t.equal(upd.status, 200, upd.text);
  t.same(upd.body.data.comments.map((c: any) => c.body).sort(), ['c1!', 'c3', 'loose']);
  t.same(await app.sql('select article from w_comments where id = $1', [cs[1].id]), [{ article: null }], 'deselected child nullified');
  // detailed form
  const det = await app.patch(`/items/w_articles/${id}?fields=comments.body`, { comments: { create: [{ body: 'd1' }], update: [{ id: loose, body: 'loose!' }], delete: [cs[0].id] } });
  t.same(det.body.data.comments.map((c: any) => c.body).sort(), ['c3', 'd1', 'loose!']);
  t.equal(await count('w_comments', `id = ${cs[0].id} and article is null`), 1);
  t.equal((await app.patch(`/items/w_articles/${id}`, { comments: { bad: [] } })).body.errors[0].message, 'Invalid payload. Invalid one-to-many update structure: "bad" is not allowed.');
  // deselect action delete
  const n = await app.post('/items/w_articles?fields=id,notes', { title: 'notes', notes: [{ body: 'n1' }, { body: 'n2' }] });
  const noteIds = n.body.data.notes;
  await app.patch(`/items/w_articles/${n.body.data.id}`, { notes: [noteIds[0]] });
  t.equal(await count('w_notes', `id = ${noteIds[1]}`), 0, 'deselected child deleted');
  t.equal(await count('w_notes', `id = ${noteIds[0]}`), 1);
  // a nullify deselect on a NOT NULL key fails and leaves everything as it was
  const bad = await app.patch(`/items/w_articles/${id}`, { title: 'changed?', comments: [] });
  t.equal(bad.status, 200, 'comments.article is nullable');
});

t.test('m2m and m2a through their junctions', async (t) => {
  const tag = (await app.post('/items/w_tags', { name: 'old' })).body.data.id;
  const res = await app.post('/items/w_articles?fields=id,tags_m2m.w_tags_id.name', { title: 'm2m', tags_m2m: [{ w_tags_id: tag }, { w_tags_id: { name: 'new' } }] });
  t.equal(res.status, 200, res.text);
  t.same(res.body.data.tags_m2m.map((j: any) => j.w_tags_id.name).sort(), ['new', 'old']);
  const id = res.body.data.id;
  const junctions = await app.sql('select id, w_tags_id from w_articles_tags where w_articles_id = $1 order by id', [id]);
  // drop the first link (junction deleted: deselect action delete), keep the second
  await app.patch(`/items/w_articles/${id}`, { tags_m2m: [junctions[1].id] });
  t.same(await app.sql('select id from w_articles_tags where w_articles_id = $1', [id]), [{ id: junctions[1].id }]);
  t.equal(await count('w_tags', `id = ${tag}`), 1, 'the tag itself stays');
  // detailed form
  await app.patch(`/items/w_articles/${id}`, { tags_m2m: { create: [{ w_tags_id: { name: 'd' } }], delete: [junctions[1].id] } });
  t.same(await app.sql('select t.name from w_articles_tags j join w_tags t on t.id = j.w_tags_id where j.w_articles_id = $1', [id]), [{ name: 'd' }]);

  const m2a = await app.post('/items/w_articles?fields=id,blocks.collection,blocks.item', { title: 'm2a', blocks: [
    { collection: 'w_headings', item: { text: 'H' } }, { collection: 'w_texts', item: { body: 'T' } }] });
  t.equal(m2a.status, 200, m2a.text);
  const blocks = await app.sql('select collection, item from w_blocks where w_articles_id = $1 order by id', [m2a.body.data.id]);
  t.equal(blocks.length, 2);
  t.same(await app.sql('select text from w_headings where id = $1::int', [blocks[0].item]), [{ text: 'H' }]);
  t.same(await app.sql('select body from w_texts where id = $1::uuid', [blocks[1].item]), [{ body: 'T' }]);
  const noColl = await app.post('/items/w_articles', { title: 'm2a-bad', blocks: [{ item: { text: 'H' } }] });
  t.equal(noColl.status, 400);
  t.equal(noColl.body.errors[0].message, 'Invalid payload. Can\'t update nested record "w_blocks.item" without field "w_blocks.collection" being set.');
});

t.test('deep nesting: five levels in one request', async (t) => {
  const res = await app.post('/items/w_articles_tags?fields=id', {
    w_tags_id: { name: 'deep' },
    w_articles_id: { title: 'L2', author: { name: 'L3' }, comments: [{ body: 'L3c' }], blocks: [{ collection: 'w_headings', item: { text: 'L4' } }] },
  });
  t.equal(res.status, 200, res.text);
  const [row] = await app.sql(`select a.title, au.name, (select body from w_comments where article = a.id) as c, (select h.text from w_blocks b join w_headings h on h.id = b.item::int where b.w_articles_id = a.id) as h
    from w_articles_tags j join w_articles a on a.id = j.w_articles_id join w_authors au on au.id = a.author where j.id = $1`, [res.body.data.id]);
  t.same(row, { title: 'L2', name: 'L3', c: 'L3c', h: 'L4' });
});

t.test('a failure at any depth leaves no row, revision or activity', async (t) => {
  const before = async () => ({
    a: await count('w_articles'), au: await count('w_authors'), c: await count('w_comments'), h: await count('w_headings'),
    act: await count('directus_activity'), rev: await count('directus_revisions'),
  });
  const start = await before();
  const cases: [string, unknown, string][] = [
    ['top-level not null', { name: null }, 'FAILED_VALIDATION'],
    ['nested m2o too long', { title: 'x', author: { name: 'x'.repeat(30) } }, 'VALUE_TOO_LONG'],
    ['m2m junction bad foreign key', { title: 'x', comments: [{ body: 'ok' }], tags_m2m: [{ w_tags_id: { name: 'fine' } }, { w_tags_id: 999999 }] }, 'INVALID_FOREIGN_KEY'],
    ['deep m2a bad type', { title: 'x', blocks: [{ collection: 'w_headings', item: { id: 'abc', text: 'x' } }] }, 'INVALID_PAYLOAD'],
    ['out of range', { title: 'x', views: 99999999999 }, 'VALUE_OUT_OF_RANGE'],
  ];
  for (const [name, payload, code] of cases) {
    const coll = name === 'top-level not null' ? 'w_authors' : 'w_articles';
    const res = await app.post(`/items/${coll}`, payload);
    t.equal(res.status, 400, `${name}: ${res.text}`);
    t.equal(res.body.errors?.[0]?.extensions?.code, code, name);
  }
  const tooLong = await app.post('/items/w_articles', { title: 'x', author: { name: 'x'.repeat(30) } });
  t.match(tooLong.body.errors[0], { message: `Value "${'x'.repeat(30)}" for field "name" in collection "w_authors" is too long.`, extensions: { collection: 'w_authors', field: 'name' } });
  const dup = await app.post('/items/w_authors', [{ name: 'u1', email: 'dup@x' }, { name: 'u2', email: 'dup@x' }]);
  t.match(dup.body.errors[0].extensions, { code: 'RECORD_NOT_UNIQUE', collection: 'w_authors', field: 'email' });
  t.same(await before(), start);
});

t.test('MAX_BATCH_MUTATION counts nested writes', async (t) => {
  const ok = await app.post('/items/w_tags', Array.from({ length: 50 }, (_, i) => ({ name: `b${i}` })));
  t.equal(ok.status, 200);
  const tooMany = await app.post('/items/w_articles', Array.from({ length: 26 }, () => ({ title: 'x', author: { name: 'y' } })));
  t.equal(tooMany.status, 400);
  t.equal(tooMany.body.errors[0].message, 'Invalid payload. Exceeded max batch mutation limit of 50.');
});

t.test('singletons', async (t) => {
  await app.sql("create table w_settings (id serial primary key, site varchar(64)); insert into directus_collections (collection, singleton) values ('w_settings', true)");
  const first = await app.patch('/items/w_settings', { site: 'one' });
  t.equal(first.status, 200, first.text);
  t.same(first.body.data, { id: 1, site: 'one' });
  const second = await app.patch('/items/w_settings?fields=site', { site: 'two' });
  t.same(second.body.data, { site: 'two' });
  t.equal(await count('w_settings'), 1);
  const post = await app.post('/items/w_settings', { site: 'x' });
  t.equal(post.status, 404);
  t.equal(post.body.errors[0].extensions.code, 'ROUTE_NOT_FOUND');
  t.equal((await app.patch('/items/w_settings/1', { site: 'x' })).status, 404);
});

t.test('revert, Directus 8 revision routes, /revisions and /activity', async (t) => {
  const id = (await app.post('/items/w_authors', { name: 'v1' })).body.data.id;
  await app.patch(`/items/w_authors/${id}`, { name: 'v2' });
  await app.patch(`/items/w_authors/${id}`, { name: 'v3', email: 'v3@x' });
  const list = await app.get(`/items/w_authors/${id}/revisions?fields=id,data,delta`);
  t.equal(list.status, 200, list.text);
  t.same(list.body.data.map((r: any) => r.data.name), ['v1', 'v2', 'v3']);
  const second = await app.get(`/items/w_authors/${id}/revisions/1?fields=id,delta`);
  t.same(second.body.data.delta, { name: 'v2' });
  const reverted = await app.patch(`/items/w_authors/${id}/revert/${second.body.data.id}?fields=name,email`);
  t.same(reverted.body, { data: { name: 'v2', email: null } });
  await app.patch(`/items/w_authors/${id}`, { name: 'v4' });
  t.equal((await app.post(`/utils/revert/${list.body.data[0].id}`)).status, 204);
  t.same(await app.sql('select name, email from w_authors where id = $1', [id]), [{ name: 'v1', email: null }]);
  const revs = await app.get(`/revisions?filter[collection][_eq]=w_authors&filter[item][_eq]=${id}&fields=delta,activity.action&sort=-id&limit=1`);
  t.same(revs.body.data, [{ delta: { name: 'v1' }, activity: { action: 'update' } }], 'the revert is itself a revision');
  const acts = await app.get(`/activity?filter[item][_eq]=${id}&filter[collection][_eq]=w_authors&fields=action&sort=id`);
  t.same(acts.body.data.map((a: any) => a.action), ['create', 'update', 'update', 'update', 'update', 'update']);
  t.equal((await app.post('/utils/revert/999999')).status, 403);
});

t.test('plain SQL inserts and deletes are recorded; collection accountability is honoured', async (t) => {
  await app.sql("insert into w_tags (name) values ('sql1'), ('sql2')");
  t.equal(await count('directus_activity', "collection = 'w_tags' and origin = 'sql' and action = 'create'"), 2);
  t.equal(await count('directus_revisions r join w_tags g on r.item = g.id::text', "r.collection = 'w_tags' and g.name like 'sql%'"), 2);
  await app.sql("delete from w_tags where name like 'sql%'");
  t.equal(await count('directus_activity', "collection = 'w_tags' and origin = 'sql' and action = 'delete'"), 2);
  await app.sql("create table w_quiet (id serial primary key, v int); create table w_light (id serial primary key, v int)");
  await app.sql("insert into directus_collections (collection, accountability) values ('w_quiet', null), ('w_light', 'activity')");
  await app.post('/items/w_quiet', { v: 1 });
  await app.post('/items/w_light', { v: 1 });
  t.equal(await count('directus_activity', "collection = 'w_quiet'"), 0);
  t.equal(await count('directus_activity', "collection = 'w_light'"), 1);
  t.equal(await count('directus_revisions', "collection = 'w_light'"), 0);
  // a collection made through the schema API is tracked too
  const made = await app.post('/collections', { collection: 'w_api', schema: {}, fields: [{ field: 'v', type: 'string' }] });
  t.equal(made.status, 200, made.text);
  await app.sql("insert into w_api (v) values ('x')");
  t.equal(await count('directus_revisions', "collection = 'w_api'"), 1);
});

t.test('comments', async (t) => {
  const c = await app.post('/comments', { collection: 'w_authors', item: '1', comment: 'hi' });
  t.equal(c.status, 200, c.text);
  t.match(c.body.data, { collection: 'w_authors', item: '1', comment: 'hi' });
  t.ok(c.body.data.user_created);
  const u = await app.patch(`/comments/${c.body.data.id}?fields=comment`, { comment: 'edited' });
  t.same(u.body, { data: { comment: 'edited' } });
  t.equal((await app.del(`/comments/${c.body.data.id}`)).status, 204);
  t.equal(await count('directus_comments'), 0);
  t.equal((await app.post('/comments', { collection: 'w_authors' })).status, 400);
});

t.test('hash fields are stored as argon2 hashes, also nested', async (t) => {
  await app.sql("create table w_secrets (id serial primary key, pin varchar(255), author int references w_authors(id))");
  await app.sql("insert into directus_fields (collection, field, special) values ('w_secrets', 'pin', 'hash')");
  await app.sql("insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('w_secrets', 'author', 'w_authors', 'secrets')");
  await app.post('/fields/w_secrets', { field: 'note', type: 'string' }); // the schema API tells the gateway the schema changed
  const res = await app.post('/items/w_authors?fields=id', { name: 'h', secrets: [{ pin: '1234' }] });
  t.equal(res.status, 200, res.text);
  const [row] = await app.sql('select pin from w_secrets where author = $1', [res.body.data.id]);
  t.match(row.pin, /^\$argon2/);
});
