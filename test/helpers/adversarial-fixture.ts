// The adversarial access-control suite's world (test/access-adversarial*.test.ts): collections
// linked by m2o, o2m, m2m and m2a, each with a row filter and a field list for the editor, and
// values that must never leak ("s-..." secrets, hidden rows, an unreadable collection).
//   adv_articles  read: status = published OR owner = $CURRENT_USER; no secret/score/hidden_date
//   adv_authors   read: public = true; no email          adv_comments read: not flagged; no flagged
//   adv_tags      read: not internal                      adv_headings read: all (public too)
//   adv_notes, adv_vault: no permission at all
// Rows: article 1 published (author Ann, comments c-visible + c-flagged, tags red + internal),
// 2 draft hidden (author Aaron, private), 3 published (author Aaron), 4 draft owned by the editor.
import type { TestApp } from './app.js';

export const EDITOR = '22222222-2222-4222-8222-222222222222';
export const MULTI = '66666666-6666-4666-8666-666666666666';
export const NOROLE = '77777777-7777-4777-8777-777777777777';
export const ROLE = '33333333-3333-4333-8333-333333333333';
export const P_EDIT = '11111111-1111-4111-8111-111111111111';
export const P_PUB_ALL = '88888888-8888-4888-8888-888888888888';
export const P_ALL_FEW = '99999999-9999-4999-8999-999999999999';
export const PUBLIC = 'abf8a154-5b1c-4a46-ac9c-7300570f4f17';

export const editor = { token: 'adv-editor-token' };
export const multi = { token: 'adv-multi-token' };
export const norole = { token: 'adv-norole-token' };
export const anon = { token: null };

const READ_ARTICLES = `{"_or":[{"status":{"_eq":"published"}},{"owner":{"_eq":"$CURRENT_USER"}}]}`;
const MINE_DRAFT = `{"_and":[{"status":{"_eq":"draft"}},{"owner":{"_eq":"$CURRENT_USER"}}]}`;

export const ADVERSARIAL_FIXTURE = `
  create table adv_authors (id serial primary key, name varchar(255), email varchar(255), public boolean default true);
  create table adv_articles (id serial primary key, title varchar(255), status varchar(20) default 'draft', secret text,
    score integer, hidden_date date, author integer references adv_authors(id), owner uuid);
  create table adv_comments (id serial primary key, body text, flagged boolean default false,
    article integer references adv_articles(id));
  create table adv_tags (id serial primary key, name varchar(255), internal boolean default false);
  create table adv_articles_tags (id serial primary key, adv_articles_id integer references adv_articles(id),
    adv_tags_id integer references adv_tags(id));
  create table adv_headings (id serial primary key, title varchar(255));
  create table adv_notes (id serial primary key, text text);
  create table adv_articles_blocks (id serial primary key, adv_articles_id integer references adv_articles(id),
    item varchar(255), collection varchar(255));
  create table adv_vault (id serial primary key, code text, article integer references adv_articles(id));

  insert into directus_collections (collection, hidden, singleton) values
    ('adv_authors', false, false), ('adv_articles', false, false), ('adv_comments', false, false), ('adv_tags', false, false),
    ('adv_articles_tags', true, false), ('adv_headings', false, false), ('adv_notes', false, false),
    ('adv_articles_blocks', true, false), ('adv_vault', false, false);
  insert into directus_fields (collection, field, special) values
    ('adv_articles', 'author', 'm2o'), ('adv_authors', 'articles', 'o2m'), ('adv_articles', 'comments', 'o2m'),
    ('adv_articles', 'tags', 'm2m'), ('adv_articles', 'blocks', 'm2a'), ('adv_articles', 'vault', 'o2m');
  insert into directus_relations (many_collection, many_field, one_collection, one_field, one_collection_field,
    one_allowed_collections, junction_field) values
    ('adv_articles', 'author', 'adv_authors', 'articles', null, null, null),
    ('adv_comments', 'article', 'adv_articles', 'comments', null, null, null),
    ('adv_vault', 'article', 'adv_articles', 'vault', null, null, null),
    ('adv_articles_tags', 'adv_articles_id', 'adv_articles', 'tags', null, null, 'adv_tags_id'),
    ('adv_articles_tags', 'adv_tags_id', 'adv_tags', null, null, null, 'adv_articles_id'),
    ('adv_articles_blocks', 'adv_articles_id', 'adv_articles', 'blocks', null, null, 'item'),
    ('adv_articles_blocks', 'item', null, null, 'collection', 'adv_headings,adv_notes', 'adv_articles_id');

  insert into adv_authors (name, email, public) values ('Ann', 'ann@x', true), ('Aaron', 's-aaron@x', false);
  insert into adv_articles (title, status, secret, score, hidden_date, author, owner) values
    ('pub-1', 'published', 's-alpha', 10, '2001-01-01', 1, null),
    ('draft-hidden', 'draft', 's-beta', 99, '2002-02-02', 2, null),
    ('pub-3', 'published', 's-gamma', 5, '2003-03-03', 2, null),
    ('mine', 'draft', 's-mine', 1, '2004-04-04', 1, '${EDITOR}');
  insert into adv_comments (body, flagged, article) values
    ('c-visible', false, 1), ('c-flagged', true, 1), ('c-on-hidden', false, 2), ('c-on-mine', false, 4);
  insert into adv_tags (name, internal) values ('red', false), ('s-internal-tag', true);
  insert into adv_articles_tags (adv_articles_id, adv_tags_id) values (1, 1), (1, 2), (2, 1), (4, 1);
  insert into adv_headings (title) values ('H1');
  insert into adv_notes (text) values ('s-note');
  insert into adv_articles_blocks (adv_articles_id, item, collection) values (1, '1', 'adv_headings'), (1, '1', 'adv_notes'), (2, '1', 'adv_headings');
  insert into adv_vault (code, article) values ('s-vault', 1);

  insert into directus_roles (id, name) values ('${ROLE}', 'Adv editor');
  insert into directus_policies (id, name, app_access) values
    ('${P_EDIT}', 'Adv editors', true), ('${P_PUB_ALL}', 'Adv published, all fields', false), ('${P_ALL_FEW}', 'Adv all rows, few fields', false);
  insert into directus_users (id, email, status, role, token, password, tfa_secret) values
    ('${EDITOR}', 'adv-ed@example.com', 'active', '${ROLE}', '${editor.token}', '$argon2id$v=19$m=65536,t=3,p=4$c2VjcmV0c2FsdA$s-hash', 's-tfa-secret'),
    ('${MULTI}', 'adv-multi@example.com', 'active', null, '${multi.token}', null, null),
    ('${NOROLE}', 'adv-norole@example.com', 'active', null, '${norole.token}', null, null);
  insert into directus_access (id, role, "user", policy) values
    (gen_random_uuid(), '${ROLE}', null, '${P_EDIT}'),
    (gen_random_uuid(), null, '${MULTI}', '${P_PUB_ALL}'), (gen_random_uuid(), null, '${MULTI}', '${P_ALL_FEW}');
  insert into directus_permissions (collection, action, permissions, validation, presets, fields, policy) values
    ('adv_articles', 'read', '${READ_ARTICLES}', null, null, 'id,title,status,author,owner,comments,tags,blocks', '${P_EDIT}'),
    ('adv_authors', 'read', '{"public":{"_eq":true}}', null, null, 'id,name,articles', '${P_EDIT}'),
    ('adv_comments', 'read', '{"flagged":{"_eq":false}}', null, null, 'id,body,article', '${P_EDIT}'),
    ('adv_tags', 'read', '{"internal":{"_eq":false}}', null, null, 'id,name', '${P_EDIT}'),
    ('adv_articles_tags', 'read', null, null, null, '*', '${P_EDIT}'),
    ('adv_articles_blocks', 'read', null, null, null, '*', '${P_EDIT}'),
    ('adv_headings', 'read', null, null, null, '*', '${P_EDIT}'),
    ('adv_articles', 'create', null, '{"status":{"_in":["draft","review"]}}', '{"status":"draft","owner":"$CURRENT_USER"}', 'title,status,author,comments,tags,blocks', '${P_EDIT}'),
    ('adv_articles', 'update', '${MINE_DRAFT}', '{"title":{"_nempty":true}}', null, 'title,status,author,comments,tags,blocks', '${P_EDIT}'),
    ('adv_articles', 'delete', '${MINE_DRAFT}', null, null, '*', '${P_EDIT}'),
    ('adv_comments', 'create', null, null, null, 'body,article', '${P_EDIT}'),
    ('adv_articles_tags', 'create', null, null, null, '*', '${P_EDIT}'),
    ('adv_articles_blocks', 'create', null, null, null, '*', '${P_EDIT}'),
    ('adv_articles', 'read', '{"status":{"_eq":"published"}}', null, null, '*', '${P_PUB_ALL}'),
    ('adv_articles', 'read', null, null, null, 'id,title,status', '${P_ALL_FEW}'),
    ('adv_headings', 'read', null, null, null, 'title', '${PUBLIC}');
`;

export async function loadAdversarialFixture(app: TestApp): Promise<void> {
  await app.sql(ADVERSARIAL_FIXTURE);
}

/** Everything a refused request could have changed: every adv_ table, revisions and activity. */
export async function snapshot(app: TestApp): Promise<string> {
  const [row] = await app.sql<{ h: string }>(`select md5(string_agg(t, '|' order by t)) as h from (
    select 'ar' || a::text as t from adv_articles a union all select 'au' || x::text from adv_authors x
    union all select 'c' || x::text from adv_comments x union all select 't' || x::text from adv_tags x
    union all select 'at' || x::text from adv_articles_tags x union all select 'h' || x::text from adv_headings x
    union all select 'n' || x::text from adv_notes x union all select 'b' || x::text from adv_articles_blocks x
    union all select 'v' || x::text from adv_vault x
    union all select 'r' || count(*)::text from directus_revisions
    union all select 'ac' || count(*)::text from directus_activity where action <> 'login') s`);
  return row.h;
}
