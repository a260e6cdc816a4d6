// The scenarios: the same HTTP requests against Strata or any Directus-compatible server.
// Values are fixed (not randomized) so the database floor can run the very same statement.
import type { Names } from './schema.js';
import type { Counts } from './dataset.js';

export interface Scenario {
  name: string;
  what: string;
  kind: 'read' | 'write';
  method: 'GET' | 'POST' | 'PATCH';
  /** path with its query string */
  path: string;
  body?: string;
  /** whose token: the admin's, or the non-admin reader with a row-filter permission */
  as: 'admin' | 'reader';
  /** items written per request (items/s = requests/s x this) */
  items?: number;
  /** reads: how Strata's items controller calls the read engine (for the floor) */
  read?: { collection: string; query: string; mode: 'list' | 'one'; key?: string };
  /** the scenario whose throughput this one is compared with (reader vs admin, GraphQL vs REST), and the target in % */
  baseline?: { name: string; target: number; what: string };
}

const enc = (fields: Record<string, string>) =>
  Object.entries(fields).map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');

export function scenarios(n: Names, c: Counts): Scenario[] {
  const art = n.articles;
  const tagField = `${n.tags}_id`;
  const list = (name: string, what: string, query: Record<string, string>, as: 'admin' | 'reader' = 'admin', baseline?: Scenario['baseline'], collection = art): Scenario => {
    const qs = enc(query);
    return { name, what, kind: 'read', method: 'GET', path: `/items/${collection}?${qs}`, as, read: { collection, query: qs, mode: 'list' }, baseline };
  };
  const graphql = (name: string, what: string, query: string, rest: string): Scenario => ({
    name, what, kind: 'read', method: 'POST', path: '/graphql', body: JSON.stringify({ query }), as: 'admin',
    baseline: { name: rest, target: 90, what: 'the same REST request\'s req/s' },
  });
  const sorted = { sort: '-published_at', limit: '25' };
  const m2o = { fields: 'id,title,published_at,author.id,author.name', ...sorted };
  const article = (i: number) => ({
    title: `Bench article ${i}`, body: 'Written by the benchmark. '.repeat(4), status: 'draft', rating: 3,
    published_at: '2024-06-01T12:00:00', author: (i % c.authors) + 1,
  });
  const middle = String(Math.ceil(c.articles / 2));

  return [
    { name: 'item-by-id', what: 'GET one article by id (all fields)', kind: 'read', method: 'GET', path: `/items/${art}/${middle}`, as: 'admin',
      read: { collection: art, query: '', mode: 'one', key: middle } },
    list('list-25-sorted', '25 articles, 5 fields, sorted by -published_at', { fields: 'id,title,status,rating,published_at', ...sorted }),
    list('list-25-m2o', '25 articles with their author (m2o)', m2o),
    list('list-25-o2m-m2m', '25 articles with comments (o2m) and tags (m2m, two levels)',
      { fields: `id,title,comments.id,comments.body,tags.${tagField}.id,tags.${tagField}.name`, ...sorted }),
    list('filter-sort', 'status = draft and rating >= 4, sorted by -rating,-published_at',
      { fields: 'id,title,rating', 'filter[status][_eq]': 'draft', 'filter[rating][_gte]': '4', sort: '-rating,-published_at', limit: '25' }),
    list('relational-filter', "articles whose author's name is 'Author 42'",
      { fields: 'id,title', 'filter[author][name][_eq]': 'Author 42', ...sorted }),
    list('aggregate-groupby', 'count and avg(rating) grouped by status', { 'aggregate[count]': '*', 'aggregate[avg]': 'rating', 'groupBy[]': 'status' }),
    list('meta-filter-count', '25 published articles and meta=filter_count',
      { fields: 'id,title', 'filter[status][_eq]': 'published', meta: 'filter_count', ...sorted }),
    // sorts and filters no index serves (issue 18): every candidate row is read, only the page is formatted
    list('sort-unindexed', '25 comments sorted by -created_at (no index)',
      { fields: 'id,body,created_at,article', sort: '-created_at', limit: '25' }, 'admin', undefined, n.comments),
    list('filter-sort-unindexed', 'comments created in March 2020 or later containing "nice", sorted by created_at (no index)',
      { fields: 'id,body,created_at', 'filter[created_at][_gte]': '2020-03-01T00:00:00', 'filter[body][_contains]': 'nice', sort: 'created_at', limit: '25' },
      'admin', undefined, n.comments),
    list('deep-filter-limit', '25 articles, each with its 2 newest comments since 2020-06 (deep _filter, _sort, _limit)',
      { fields: 'id,title,comments.id,comments.created_at', 'deep[comments][_filter][created_at][_gte]': '2020-06-01T00:00:00',
        'deep[comments][_sort]': '-created_at', 'deep[comments][_limit]': '2', ...sorted }),
    list('sort-m2o', '25 articles sorted by their author\'s name, then id', { fields: 'id,title,author.name', sort: 'author.name,id', limit: '25' }),
    list('count-o2m', '25 articles with count(comments)', { fields: 'id,title,count(comments)', ...sorted }),
    list('search', "25 articles matching search 'Article 4242' (title, body, status, numbers)", { fields: 'id,title', search: 'Article 4242', ...sorted }),
    list('meta-all', '25 drafts, meta=* (total_count and filter_count)', { fields: 'id,title', 'filter[status][_eq]': 'draft', meta: '*', ...sorted }),
    list('list-25-m2o-reader', 'list-25-m2o as a non-admin whose permission shows published articles only', m2o, 'reader',
      { name: 'list-25-m2o', target: 85, what: "the admin's req/s" }),
    // the same reads through GraphQL (POST /graphql): one statement per root field, as REST
    graphql('graphql-list-25-m2o', 'list-25-m2o as a GraphQL query',
      `{ ${art}(sort: ["-published_at"], limit: 25) { id title published_at author { id name } } }`, 'list-25-m2o'),
    graphql('graphql-list-25-o2m-m2m', 'list-25-o2m-m2m as a GraphQL query',
      `{ ${art}(sort: ["-published_at"], limit: 25) { id title comments { id body } tags { ${tagField} { id name } } } }`, 'list-25-o2m-m2m'),
    { name: 'create-one', what: 'POST one article', kind: 'write', method: 'POST', path: `/items/${art}`, as: 'admin', items: 1,
      body: JSON.stringify(article(1)) },
    { name: 'create-nested', what: 'POST one article with 5 nested comments (o2m)', kind: 'write', method: 'POST', path: `/items/${art}`, as: 'admin', items: 6,
      body: JSON.stringify({ ...article(2), comments: [1, 2, 3, 4, 5].map((k) => ({ body: `Bench comment ${k}` })) }) },
    { name: 'update-one', what: 'PATCH article 1 (same values)', kind: 'write', method: 'PATCH', path: `/items/${art}/1`, as: 'admin', items: 1,
      body: JSON.stringify({ title: 'Article 1', rating: 2 }) },
    { name: 'create-1000', what: 'POST 1,000 articles in one request', kind: 'write', method: 'POST', path: `/items/${art}`, as: 'admin', items: 1000,
      body: JSON.stringify(Array.from({ length: 1000 }, (_, i) => article(i))) },
  ];
}

/** The reader's permission (also created on --target): published articles, all authors. */
export const readerPermissions = (n: Names) => [
  { collection: n.articles, action: 'read', fields: ['*'], permissions: { status: { _eq: 'published' } } },
  { collection: n.authors, action: 'read', fields: ['*'], permissions: {} },
];
