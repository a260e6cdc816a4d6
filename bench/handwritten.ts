// The hand-written floor (issue 18): for each read scenario, the statement a PostgreSQL expert
// would write for the same response body, byte for byte (`npm run bench:sql` checks the bytes and
// compares PostgreSQL's CPU per statement with Strata's). The expert's habits: filter and sort on
// the raw columns, typed parameters, the page's keys first and its rows formatted afterwards,
// related rows by one join per relation; the page size is a literal, as in an application's code.
// They run as the tables' owner: the reader scenario's row permission is written as its filter.
import type { Names } from './schema.js';

export interface HandStatement {
  text: string;
  params: unknown[];
  /**
   * Run first: in the statement's rolled-back transaction (`bench:sql`), or before the floor's
   * load and undone after it (`npm run bench`). A write's statement records its own activity,
   * revision and change event, so it runs with Strata's audit trigger off: with it, the trigger
   * would record the write a second time and the floor would include Strata's own cost.
   */
  setup?: string;
  /** what undoes `setup` where it is not rolled back */
  teardown?: string;
}

/** the writes with a hand-written statement: the one-item create and update, answered with the item */
export const HAND_WRITES = ['create-one', 'update-one'];

const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
/** Directus's format of a timestamp on PostgreSQL */
const ts = (ref: string) => `to_char(${ref} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** the list envelope around a subquery whose rows are the items, in order */
const list = (rows: string, meta = '') =>
  `select '{${meta ? `"meta":{' || ${meta} || '},` : ''}"data":' || coalesce((select array_to_json(array_agg(x)) from (${rows}) x)::text, '[]') || '}'`;

export function handWritten(n: Names, scenario: string): HandStatement | undefined {
  const st = statement(n, scenario);
  // a statement without parameters is parsed and planned again on every run by postgres.js
  // (it keeps prepared statements only for those with parameters): give each one
  if (st && st.params.length === 0) return { text: `${st.text} from (select $1::int) as params`, params: [0] };
  return st;
}

function statement(n: Names, scenario: string): HandStatement | undefined {
  const [articles, authors, comments, tags, links] = [q(n.articles), q(n.authors), q(n.comments), q(n.tags), q(n.articlesTags)];
  const articleId = q(`${n.articles}_id`);
  const tagId = q(`${n.tags}_id`);
  switch (scenario) {
    case 'item-by-id':
      return {
        text: `select '{"data":' || (select row_to_json(x) from (select a.id, a.title, a.body, a.status, a.rating, ${ts('a.published_at')} as published_at, a.author,
            coalesce((select array_to_json(array_agg(c.id order by c.id)) from ${comments} c where c.article = a.id), '[]') as comments,
            coalesce((select array_to_json(array_agg(l.id order by l.id)) from ${links} l where l.${articleId} = a.id), '[]') as tags
          from ${articles} a where a.id = $1::int) x)::text || '}'`,
        params: ['5000'],
      };
    case 'create-one':
    case 'update-one': {
      // the write, its activity row, its revision and its change event (the outbox row realtime
      // and flows read, and the NOTIFY that wakes them) in one statement, answered with the item
      // (the revision's JSON as the application would hand it: the payload, or the row after)
      const row = (r: string) => `${r}.id, ${r}.title, ${r}.body, ${r}.status, ${r}.rating, ${ts(`${r}.published_at`)} as published_at, ${r}.author`;
      const recorded = (action: string, revision: string) => `a as (insert into directus_activity (action, "user", ip, user_agent, origin, collection, item)
          select '${action}', null, '127.0.0.1', null, null, '${n.articles}', w.id::text from w returning id, item),
        r as (insert into directus_revisions (activity, collection, item, data, delta) select a.id, '${n.articles}', a.item, ${revision} from a),
        e as (insert into strata.events (collection, action, keys, accountability)
          select '${n.articles}', '${action}', jsonb_build_array(w.id), '{"user":null,"ip":"127.0.0.1"}' from w returning id),
        notified as (select pg_notify('strata_events', e.id::text) from e)`;
      const answer = (lists: string) => `select '{"data":' || (select row_to_json(x) from (select ${row('w')}, ${lists} from w) x)::text || '}' from notified`;
      const setup = `alter table ${articles} disable trigger strata_audit_insert, disable trigger strata_audit_update`;
      const teardown = `alter table ${articles} enable trigger strata_audit_insert, enable trigger strata_audit_update`;
      if (scenario === 'create-one') {
        return {
          text: `with w as (insert into ${articles} (title, body, status, rating, published_at, author) values ($1, $2, $3, $4::int, $5::timestamptz, $6::int) returning *),
            ${recorded('create', '$7::json, $7::json')}
            ${answer(`'[]'::json as comments, '[]'::json as tags`)}`,
          params: ['Bench article 1', 'Written by the benchmark. '.repeat(4), 'draft', 3, '2024-06-01T12:00:00', 2,
            JSON.stringify({ title: 'Bench article 1', body: 'Written by the benchmark. '.repeat(4), status: 'draft', rating: 3, published_at: '2024-06-01T12:00:00.000Z', author: 2 })],
          setup,
          teardown,
        };
      }
      return {
        text: `with w as (update ${articles} set title = $1, rating = $2::int where id = 1 returning *),
          ${recorded('update', `(select row_to_json(y) from (select ${row('w')} from w) y), $3::json`)}
          ${answer(`coalesce((select array_to_json(array_agg(c.id order by c.id)) from ${comments} c where c.article = w.id), '[]') as comments,
            coalesce((select array_to_json(array_agg(l.id order by l.id)) from ${links} l where l.${articleId} = w.id), '[]') as tags`)}`,
        params: ['Article 1', 2, JSON.stringify({ title: 'Article 1', rating: 2 })],
        setup,
        teardown,
      };
    }
    case 'list-25-sorted':
      return { text: list(`select a.id, a.title, a.status, a.rating, ${ts('a.published_at')} as published_at from ${articles} a order by a.published_at desc limit 25`), params: [] };
    case 'list-25-m2o':
    case 'list-25-m2o-reader':
      // a lookup by primary key per row of the page beats a join of the page with all authors
      return {
        text: list(`select a.id, a.title, ${ts('a.published_at')} as published_at,
            (select row_to_json(y) from (select au.id, au.name from ${authors} au where au.id = a.author) y) as author
          from ${articles} a ${scenario.endsWith('reader') ? `where a.status = 'published'` : ''} order by a.published_at desc limit 25`),
        params: [],
      };
    case 'list-25-o2m-m2m':
      // one join and one group by per relation for the whole page
      return {
        text: `with page as (select a.id, a.title, a.published_at from ${articles} a order by a.published_at desc limit 25),
          c as (select c.article, '[' || string_agg(row_to_json(y)::text, ',' order by y.id) || ']' as list
            from page p join ${comments} c on c.article = p.id, lateral (select c.id, c.body) y group by c.article),
          t as (select l.${articleId} as article, '[' || string_agg('{"${n.tags}_id":' || coalesce(row_to_json(y)::text, 'null') || '}', ',' order by l.id) || ']' as list
            from page p join ${links} l on l.${articleId} = p.id left join ${tags} tg on tg.id = l.${tagId}
              left join lateral (select tg.id, tg.name where tg.id is not null) y on true group by l.${articleId})
          ${list(`select p.id, p.title, coalesce(c.list, '[]')::json as comments, coalesce(t.list, '[]')::json as tags
            from page p left join c on c.article = p.id left join t on t.article = p.id order by p.published_at desc`)}`,
        params: [],
      };
    case 'filter-sort':
      return {
        text: list(`select a.id, a.title, a.rating from ${articles} a where a.status = $1 and a.rating >= $2::int order by a.rating desc, a.published_at desc limit 25`),
        params: ['draft', '4'],
      };
    case 'relational-filter':
      return {
        text: list(`select a.id, a.title from ${articles} a where a.author in (select au.id from ${authors} au where au.name = $1) order by a.published_at desc limit 25`),
        params: ['Author 42'],
      };
    case 'aggregate-groupby':
      return {
        text: list(`select a.status, count(*)::text as count, json_build_object('rating', avg(a.rating)::text) as avg from ${articles} a group by a.status order by a.status limit 100`),
        params: [],
      };
    case 'meta-filter-count':
      return {
        text: list(`select a.id, a.title from ${articles} a where a.status = $1 order by a.published_at desc limit 25`,
          `'"filter_count":' || (select count(*) from ${articles} where status = $1)`),
        params: ['published'],
      };
    case 'meta-all':
      return {
        text: list(`select a.id, a.title from ${articles} a where a.status = $1 order by a.published_at desc limit 25`,
          `'"total_count":' || (select count(*) from ${articles}) || ',"filter_count":' || (select count(*) from ${articles} where status = $1)`),
        params: ['draft'],
      };
    case 'sort-unindexed':
      // the page's keys by the raw column, then only its 25 rows read and formatted
      return {
        text: list(`select c.id, c.body, ${ts('c.created_at')} as created_at, c.article
          from (select id, created_at from ${comments} order by created_at desc limit 25) k join ${comments} c on c.id = k.id order by k.created_at desc`),
        params: [],
      };
    case 'filter-sort-unindexed':
      return {
        text: list(`select c.id, c.body, ${ts('c.created_at')} as created_at
          from (select id, created_at from ${comments} where created_at >= $1::timestamptz and body like '%' || $2 || '%' order by created_at limit 25) k
          join ${comments} c on c.id = k.id order by k.created_at`),
        params: ['2020-03-01T00:00:00', 'nice'],
      };
    case 'deep-filter-limit':
      return {
        text: list(`select a.id, a.title, (select coalesce(array_to_json(array_agg(y)), '[]') from (select c.id, ${ts('c.created_at')} as created_at
            from ${comments} c where c.article = a.id and c.created_at >= $1::timestamptz order by c.created_at desc limit 2) y) as comments
          from ${articles} a order by a.published_at desc limit 25`),
        params: ['2020-06-01T00:00:00'],
      };
    case 'sort-m2o':
      return {
        text: list(`select a.id, a.title, (select row_to_json(y) from (select au.name from ${authors} au where au.id = a.author) y) as author
          from (select a.id, au.name from ${articles} a left join ${authors} au on au.id = a.author order by au.name, a.id limit 25) k
          join ${articles} a on a.id = k.id order by k.name, k.id`),
        params: [],
      };
    case 'count-o2m':
      return {
        text: list(`select a.id, a.title, (select count(*) from ${comments} c where c.article = a.id)::text as comments_count
          from ${articles} a order by a.published_at desc limit 25`),
        params: [],
      };
    case 'search':
      // the term is not a number: only the text columns can match
      return {
        text: list(`select a.id, a.title from ${articles} a where a.title ilike $1 or a.body ilike $1 or a.status ilike $1 order by a.published_at desc limit 25`),
        params: ['%Article 4242%'],
      };
    default:
      return undefined;
  }
}
