// The read engine's test collections: the same tables, field meta and relation rows Directus 12
// created for them through its own API (collections rq_* on the reference server), with the
// same rows, so expected outputs in the read tests are what Directus returned for them.
//   rq_articles: every value type, m2o author, o2m comments (sort_field "sort"), m2m tags,
//   m2a blocks (rq_headings | rq_texts, sort_field "sort"); rq_settings: a singleton.
import type { TestApp } from './app.js';

export const READ_FIXTURE = `
  create table rq_authors (id serial primary key, name varchar(255), born date);
  create table rq_tags (id serial primary key, name varchar(255));
  create table rq_headings (id serial primary key, title varchar(255));
  create table rq_texts (id serial primary key, body text);
  create table rq_articles (id serial primary key, title varchar(255), body text, views bigint, price numeric(10,5),
    rating real, published date, created timestamptz, dt timestamp, tm time, flag boolean, uid uuid, meta json,
    tags_csv text, secret varchar(255), pw varchar(255), author integer references rq_authors(id));
  create table rq_comments (id serial primary key, body text, article integer references rq_articles(id), sort integer);
  create table rq_articles_tags (id serial primary key, rq_articles_id integer references rq_articles(id),
    rq_tags_id integer references rq_tags(id));
  create table rq_articles_blocks (id serial primary key, rq_articles_id integer references rq_articles(id),
    item varchar(255), collection varchar(255), sort integer);
  create table rq_settings (id serial primary key, site_name varchar(255) default 'My site', cnt integer default 5);

  insert into directus_collections (collection, hidden, singleton) values
    ('rq_authors', false, false), ('rq_tags', false, false), ('rq_headings', false, false), ('rq_texts', false, false),
    ('rq_articles', false, false), ('rq_comments', false, false), ('rq_articles_tags', true, false),
    ('rq_articles_blocks', true, false), ('rq_settings', false, true);
  insert into directus_fields (collection, field, special, sort) values
    ('rq_articles', 'meta', 'cast-json', 2), ('rq_articles', 'tags_csv', 'cast-csv', 3), ('rq_articles', 'secret', 'conceal', 4),
    ('rq_articles', 'pw', 'hash', 5), ('rq_articles', 'author', 'm2o', 6), ('rq_authors', 'articles', 'o2m', 2),
    ('rq_articles', 'comments', 'o2m', 7), ('rq_articles', 'tags', 'm2m', 8), ('rq_articles', 'blocks', 'm2a', 9);
  insert into directus_relations (many_collection, many_field, one_collection, one_field, one_collection_field,
    one_allowed_collections, junction_field, sort_field) values
    ('rq_articles', 'author', 'rq_authors', 'articles', null, null, null, null),
    ('rq_comments', 'article', 'rq_articles', 'comments', null, null, null, 'sort'),
    ('rq_articles_tags', 'rq_articles_id', 'rq_articles', 'tags', null, null, 'rq_tags_id', null),
    ('rq_articles_tags', 'rq_tags_id', 'rq_tags', null, null, null, 'rq_articles_id', null),
    ('rq_articles_blocks', 'rq_articles_id', 'rq_articles', 'blocks', null, null, 'item', 'sort'),
    ('rq_articles_blocks', 'item', null, null, 'collection', 'rq_headings,rq_texts', 'rq_articles_id', null);

  insert into rq_authors (name, born) values ('Ann', '1980-01-02'), ('Bob', '1990-05-06'), ('Cy', null);
  insert into rq_articles (title, body, views, price, rating, published, created, dt, tm, flag, uid, meta, tags_csv, secret, pw, author) values
    ('Hello', 'First body', 9007199254740993, 12.5, 1.5, '2024-03-01', '2024-03-01T10:00:00Z', '2024-03-01T10:00:00', '10:30:00', true,
     '8f14e45f-ceea-467f-a1f6-5e3b8a4a5b1c', '{"a":[1,2]}', 'a,b', 's3cret', '$argon2id$v=19$m=65536,t=3,p=4$abc$def', 1),
    ('World', '', 5, 1, 2.5, '2025-01-01', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00', '23:59:59', false, null, '[1,2,3]', '', null, null, 2),
    ('50% off_sale', null, 1, 1, null, '2023-06-01', '2023-06-01T00:00:00Z', '2023-06-01T00:00:00', null, null, null, null, null, null, null, null),
    ('hello again', 'Zed', 100, 3.25, 0.1, '2024-12-31', '2024-12-31T23:59:59Z', '2024-12-31T23:59:59', '00:00:00', true, null, '"str"', 'x', 'y', null, 1);
  insert into rq_comments (body, article, sort) values ('c1', 1, 3), ('c2', 1, 1), ('c3', 2, null), ('c4', 1, 2);
  insert into rq_tags (name) values ('red'), ('blue'), ('green');
  insert into rq_articles_tags (rq_articles_id, rq_tags_id) values (1, 1), (1, 2), (2, 2), (4, 3);
  insert into rq_headings (title) values ('H1'), ('H2');
  insert into rq_texts (body) values ('T1');
  insert into rq_articles_blocks (rq_articles_id, item, collection, sort) values (1, '1', 'rq_headings', 2), (1, '1', 'rq_texts', 1), (2, '2', 'rq_headings', null);
`;

export async function loadReadFixture(app: TestApp): Promise<void> {
  await app.sql(READ_FIXTURE);
}
