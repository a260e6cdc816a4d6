// Access control on reads: Directus permissions enforced by PostgreSQL row-level security
// (rows) and by the compiler (fields), for users, the public, nested relations and DBAs.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);

const EDITORS = '11111111-1111-4111-8111-111111111111';
const EDITOR = '22222222-2222-4222-8222-222222222222';
const ROLE = '33333333-3333-4333-8333-333333333333';
const PUBLIC = 'abf8a154-5b1c-4a46-ac9c-7300570f4f17';

await app.sql(`
  create table authors (id serial primary key, name varchar(255), email varchar(255));
  create table articles (id serial primary key, title varchar(255), status varchar(20), secret text,
    author int references authors(id), owner uuid);
  create table comments (id serial primary key, body text, article int references articles(id));
  insert into directus_relations (many_collection, many_field, one_collection, one_field) values ('comments', 'article', 'articles', 'comments');
  insert into authors (name, email) values ('Ann', 'ann@x'), ('Bob', 'bob@x');
  insert into articles (title, status, secret, author, owner) values
    ('one', 'published', 's1', 1, '${EDITOR}'), ('two', 'draft', 's2', 2, null), ('three', 'published', 's3', 2, null);
  insert into comments (body, article) values ('c1', 1), ('c2', 2);
  insert into directus_roles (id, name) values ('${ROLE}', 'Editor');
  insert into directus_policies (id, name, app_access) values ('${EDITORS}', 'Editors', true);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${EDITORS}');
  insert into directus_users (id, email, status, role, token) values ('${EDITOR}', 'ed@example.com', 'active', '${ROLE}', 'editor-token');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('articles', 'read', '{"status":{"_eq":"published"}}', 'id,title,status,author,owner,comments', '${EDITORS}'),
    ('authors', 'read', null, 'id,name', '${EDITORS}');
`);
const editor = { token: 'editor-token' };
const ids = (res: { body: { data: { id: number }[] } }) => res.body.data.map((r) => r.id);

t.test('rows: a user sees only what the row filter allows, in lists, items and counts', async (t) => {
  const list = await app.get('/items/articles?fields=id&sort=id&meta=*', editor);
  t.equal(list.status, 200);
  t.same(ids(list), [1, 3]);
  t.same(list.body.meta, { total_count: 2, filter_count: 2 }, 'counts only visible rows');
  const hidden = await app.get('/items/articles/2', editor);
  t.equal(hidden.status, 403, 'a hidden item answers like a missing one');
  t.same(ids(await app.get('/items/articles?fields=id&sort=id')), [1, 2, 3], 'admin sees everything');
});

t.test('fields: * expands to readable fields; naming others is 403 everywhere', async (t) => {
  const star = await app.get('/items/articles/1', editor);
  t.same(Object.keys(star.body.data), ['id', 'title', 'status', 'author', 'owner'],
    'no secret; no comments list, whose collection is not readable');
  for (const qs of ['fields=secret', 'filter[secret][_eq]=s1', 'sort=secret', 'aggregate[max]=secret', 'groupBy[]=secret', 'fields=author.email', 'filter[author][email][_eq]=ann@x', 'alias[x]=secret&fields=x']) {
    const res = await app.get(`/items/articles?${qs}`, editor);
    t.equal(res.status, 403, `${qs} is forbidden`);
  }
});

t.test('relations: related collections are filtered by their own permissions', async (t) => {
  const res = await app.get('/items/articles/1?fields=id,author.*', editor);
  t.same(res.body.data, { id: 1, author: { id: 1, name: 'Ann' } });
  const comments = await app.get('/items/articles/1?fields=comments.body', editor);
  t.equal(comments.status, 403, 'no read permission on comments');
  const someFilter = await app.get('/items/articles?filter[comments][_some][body][_eq]=c2', editor);
  t.equal(someFilter.status, 403, 'no filtering through an unreadable relation (no existence oracle)');
});

t.test('search and filters cannot reveal hidden rows', async (t) => {
  t.same(ids(await app.get('/items/articles?fields=id&search=two', editor)), []);
  t.same(ids(await app.get('/items/articles?fields=id&filter[title][_eq]=two', editor)), []);
  const agg = await app.get('/items/articles?aggregate[count]=*', editor);
  t.same(agg.body.data, [{ count: '2' }]);
});

t.test('anonymous requests use the public policy', async (t) => {
  const denied = await app.get('/items/articles', { token: null });
  t.equal(denied.status, 403);
  await app.sql(`insert into directus_permissions (collection, action, permissions, fields, policy)
                 values ('authors', 'read', '{"id":{"_eq":2}}', 'name', '${PUBLIC}')`);
  const res = await app.get('/items/authors', { token: null });
  t.equal(res.status, 200);
  t.same(res.body.data, [{ name: 'Bob' }], 'a permission row inserted in SQL applies at once');
});

t.test('$CURRENT_USER in a permission filter', async (t) => {
  await app.sql(`update directus_permissions set permissions = '{"_or":[{"status":{"_eq":"published"}},{"owner":{"_eq":"$CURRENT_USER"}}]}'
                 where collection = 'articles' and policy = '${EDITORS}'`);
  await app.sql(`update articles set owner = '${EDITOR}' where id = 2`);
  t.same(ids(await app.get('/items/articles?fields=id&sort=id', editor)), [1, 2, 3]);
  await app.sql(`update articles set owner = null where id = 2`);
  t.same(ids(await app.get('/items/articles?fields=id&sort=id', editor)), [1, 3]);
});

t.test('a DBA can act as a user in SQL', async (t) => {
  const rows = await app.db.transaction(async (q) => {
    await q(`select strata.as_user('${EDITOR}')`);
    const plain = await q<{ id: number }>('select id from articles order by id');
    const viaRead = await q<{ r: string }>(`select strata.read('articles', '{"fields":["id"],"sort":["id"]}')::text as r`);
    return { plain: plain.map((r) => r.id), viaRead: JSON.parse(viaRead[0].r) };
  });
  t.same(rows.plain, [1, 3]);
  t.same(rows.viaRead, { data: [{ id: 1 }, { id: 3 }] });
});

t.test('requests leave no role or context behind on pooled connections', async (t) => {
  await app.get('/items/articles', editor);
  const [row] = await app.sql<{ role: string; acc: string | null }>("select current_user as role, current_setting('strata.accountability', true) as acc");
  t.equal(row.role, 'postgres');
  t.notOk(row.acc);
});
