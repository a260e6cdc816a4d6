// Many-to-any items in a collection the caller may not read: Directus answers 200 with the item
// null (not 403), whichever scopes the query names. Every expectation below was recorded from
// Directus 12.4 with the same schema and a user whose policy reads ma_articles, the junction and
// ma_headings (every field), and nothing of ma_notes. Article 1 has two blocks: heading 1 and
// note 1 ("s-note", which must never show).
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);
const POLICY = '4a4a4a4a-4a4a-4a4a-8a4a-4a4a4a4a4a4a';
const reader = { token: 'ma-reader-token' };
await app.sql(`
  create table ma_authors (id serial primary key, name varchar(255), public boolean);
  create table ma_articles (id serial primary key, title varchar(255), author integer references ma_authors(id));
  create table ma_headings (id serial primary key, title varchar(255));
  create table ma_notes (id serial primary key, text text);
  create table ma_articles_blocks (id serial primary key, ma_articles_id integer references ma_articles(id), item varchar(255), collection varchar(255));
  insert into directus_collections (collection, hidden, singleton) values ('ma_articles', false, false), ('ma_headings', false, false),
    ('ma_notes', false, false), ('ma_articles_blocks', true, false);
  insert into directus_collections (collection, hidden, singleton) values ('ma_authors', false, false);
  insert into directus_fields (collection, field, special) values ('ma_articles', 'blocks', 'm2a');
  insert into directus_relations (many_collection, many_field, one_collection, one_field, one_collection_field, one_allowed_collections, junction_field) values
    ('ma_articles_blocks', 'ma_articles_id', 'ma_articles', 'blocks', null, null, 'item'),
    ('ma_articles_blocks', 'item', null, null, 'collection', 'ma_headings,ma_notes', 'ma_articles_id'),
    ('ma_articles', 'author', 'ma_authors', null, null, null, null);
  insert into ma_authors (name, public) values ('Ann', true), ('s-aaron', false);
  insert into ma_articles (title) values ('pub-1');
  insert into ma_articles (title, author) values ('pub-2', 2);
  insert into ma_headings (title) values ('H1');
  insert into ma_notes (text) values ('s-note');
  insert into ma_articles_blocks (ma_articles_id, item, collection) values (1, '1', 'ma_headings'), (1, '1', 'ma_notes');
  insert into directus_policies (id, name) values ('${POLICY}', 'ma readers');
  insert into directus_users (id, email, status, token) values (gen_random_uuid(), 'ma-reader@example.com', 'active', '${reader.token}');
  insert into directus_access (id, "user", policy) select gen_random_uuid(), id, '${POLICY}' from directus_users where token = '${reader.token}';
  insert into directus_permissions (collection, action, fields, policy) values
    ('ma_articles', 'read', '*', '${POLICY}'), ('ma_articles_blocks', 'read', '*', '${POLICY}'), ('ma_headings', 'read', '*', '${POLICY}');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('ma_authors', 'read', '{"public":{"_eq":true}}', '*', '${POLICY}');
`);

const forbidden = (message: string) => ({ errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] });
const article = { id: 1, title: 'pub-1', author: null, blocks: [1, 2] };

t.test('an item in an unreadable collection is null, asked for by scope or by wildcard', async (t) => {
  const cases: [string, unknown][] = [
    ['fields=id,blocks.item:ma_notes.text', [{ id: 1, blocks: [{ item: 1 }, { item: null }] }]],
    ['fields=id,blocks.item:ma_notes.*', [{ id: 1, blocks: [{ item: 1 }, { item: null }] }]],
    ['fields=id,blocks.item:ma_notes.id', [{ id: 1, blocks: [{ item: 1 }, { item: null }] }]],
    ['fields=id,blocks.item:ma_notes', [{ id: 1, blocks: [{ item: 1 }, { item: null }] }]],
    ['fields=id,blocks.item:ma_headings.title', [{ id: 1, blocks: [{ item: { title: 'H1' } }, { item: null }] }]],
    ['fields=id,blocks.item:ma_headings.title,blocks.item:ma_notes.text', [{ id: 1, blocks: [{ item: { title: 'H1' } }, { item: null }] }]],
    ['fields=id,blocks.item:ma_headings.*,blocks.item:ma_notes.*', [{ id: 1, blocks: [{ item: { id: 1, title: 'H1' } }, { item: null }] }]],
    ['fields=id,blocks.item.*', [{ id: 1, blocks: [{ item: { id: 1, title: 'H1' } }, { item: null }] }]],
    ['fields=id,blocks.collection,blocks.item:ma_notes.nope', [{ id: 1, blocks: [{ collection: 'ma_headings', item: 1 }, { collection: 'ma_notes', item: null }] }]],
    ['fields=id,blocks.*.*', [{ id: 1, blocks: [
      { id: 1, ma_articles_id: article, item: { id: 1, title: 'H1' }, collection: 'ma_headings' },
      { id: 2, ma_articles_id: article, item: null, collection: 'ma_notes' }] }]],
    ['fields=*.*.*', [{ id: 1, title: 'pub-1', author: null, blocks: [
      { id: 1, ma_articles_id: article, item: { id: 1, title: 'H1' }, collection: 'ma_headings' },
      { id: 2, ma_articles_id: article, item: null, collection: 'ma_notes' }] }]],
    // without a scope the junction's stored key is a plain value, as Directus answers it
    ['fields=id,blocks.item', [{ id: 1, blocks: [{ item: '1' }, { item: '1' }] }]],
    ['fields=*.*', [{ id: 1, title: 'pub-1', author: null, blocks: [
      { id: 1, ma_articles_id: 1, item: '1', collection: 'ma_headings' }, { id: 2, ma_articles_id: 1, item: '1', collection: 'ma_notes' }] }]],
  ];
  for (const [qs, data] of cases) {
    const res = await app.get(`/items/ma_articles?${qs}&filter[id][_eq]=1`, reader);
    t.same([res.status, res.body], [200, { data }], qs);
    t.notOk(res.text.includes('s-note'), `${qs}: the note stays hidden`);
  }
  const junction = await app.get('/items/ma_articles_blocks?fields=id,item:ma_notes.text&sort=id', reader);
  t.same(junction.body, { data: [{ id: 1, item: 1 }, { id: 2, item: null }] }, 'on the junction itself');
  const star = await app.get('/items/ma_articles_blocks?fields=*,item:ma_notes.*&sort=id', reader);
  t.same(star.body, { data: [{ id: 1, ma_articles_id: 1, item: 1, collection: 'ma_headings' }, { id: 2, ma_articles_id: 1, item: null, collection: 'ma_notes' }] });
  const search = await app.search('/items/ma_articles', { query: { fields: ['id', 'blocks.item:ma_notes.text'], filter: { id: { _eq: 1 } } } }, reader);
  t.same(search.body, { data: [{ id: 1, blocks: [{ item: 1 }, { item: null }] }] }, 'SEARCH');
});

t.test('still 403: filters into the unreadable collection, hidden fields of a readable one', async (t) => {
  const notes = forbidden('You don\'t have permission to access collection "ma_notes" or it does not exist. Queried in "blocks.item:ma_notes".');
  for (const qs of ['fields=id&filter[blocks][item:ma_notes][text][_eq]=s-note',
    'fields=id,blocks.item:ma_notes.text&deep[blocks][_filter][item:ma_notes][text][_eq]=x']) {
    const res = await app.get(`/items/ma_articles?${qs}`, reader);
    t.same([res.status, res.body], [403, notes], qs);
  }
  const field = await app.get('/items/ma_articles?fields=id,blocks.item:ma_headings.nope', reader);
  t.same(field.body, forbidden('You don\'t have permission to access field "nope" in collection "ma_headings" or it does not exist. Queried in "blocks.item:ma_headings".'));
});

t.test('a many-to-one to a row the caller may not read: the key as stored, null when expanded', async (t) => {
  // recorded from Directus 11.17 (a row filter on the related collection): the raw key is the
  // article's own column; any expansion of the hidden author is null
  const cases: [string, unknown][] = [
    ['fields=id,author', [{ id: 2, author: 2 }]],
    ['fields=*', [{ id: 2, title: 'pub-2', author: 2, blocks: [] }]],
    ['fields=id,author.name', [{ id: 2, author: null }]],
    ['fields=id,author.*', [{ id: 2, author: null }]],
    ['fields=*.*', [{ id: 2, title: 'pub-2', author: null, blocks: [] }]],
  ];
  for (const [qs, data] of cases) {
    const res = await app.get(`/items/ma_articles?${qs}&filter[id][_eq]=2`, reader);
    t.same([res.status, res.body], [200, { data }], qs);
    t.notOk(res.text.includes('s-aaron'), `${qs}: the author stays hidden`);
  }
});

t.test('the admin reads every item', async (t) => {
  const res = await app.get('/items/ma_articles?fields=id,blocks.item:ma_notes.text,blocks.item:ma_headings.title&filter[id][_eq]=1');
  t.same(res.body, { data: [{ id: 1, blocks: [{ item: { title: 'H1' } }, { item: { text: 's-note' } }] }] });
});
