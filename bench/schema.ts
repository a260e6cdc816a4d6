// The benchmark's data model, created through the schema API as a user would create it:
// authors <-m2o- articles -o2m-> comments, articles -m2m-> tags through articles_tags.
// Foreign-key columns and the sorted/filtered columns are indexed (schema.is_indexed).
import type { Api } from './api.js';

export interface Names {
  authors: string;
  articles: string;
  comments: string;
  tags: string;
  articlesTags: string;
}

export const namesFor = (prefix: string): Names => ({
  authors: `${prefix}authors`,
  articles: `${prefix}articles`,
  comments: `${prefix}comments`,
  tags: `${prefix}tags`,
  articlesTags: `${prefix}articles_tags`,
});

const pk = { field: 'id', type: 'integer', meta: { hidden: true, readonly: true }, schema: { is_primary_key: true, has_auto_increment: true } };
const field = (name: string, type: string, schema: Record<string, unknown> = {}) => ({ field: name, type, meta: {}, schema });
const m2oField = (name: string) => ({ field: name, type: 'integer', meta: { special: ['m2o'], interface: 'select-dropdown-m2o' }, schema: { is_indexed: true } });

/** Creates the collections, fields and relations (in dependency order). */
export async function createSchema(api: Api, n: Names): Promise<void> {
  const collection = (name: string, fields: object[]) =>
    api.request('POST', '/collections', { collection: name, meta: { note: 'strata bench' }, schema: {}, fields: [pk, ...fields] });

  await collection(n.authors, [field('name', 'string'), field('email', 'string'), field('bio', 'text')]);
  await collection(n.tags, [field('name', 'string')]);
  await collection(n.articles, [
    field('title', 'string'),
    field('body', 'text'),
    field('status', 'string', { is_indexed: true }),
    field('rating', 'integer'),
    field('published_at', 'timestamp', { is_indexed: true }),
  ]);
  await api.request('POST', `/fields/${n.articles}`, m2oField('author'));
  await api.request('POST', '/relations', { collection: n.articles, field: 'author', related_collection: n.authors, meta: { one_field: null }, schema: { on_delete: 'SET NULL' } });

  await collection(n.comments, [field('body', 'text'), field('created_at', 'timestamp')]);
  await api.request('POST', `/fields/${n.comments}`, m2oField('article'));
  await api.request('POST', `/fields/${n.articles}`, { field: 'comments', type: 'alias', meta: { special: ['o2m'], interface: 'list-o2m' } });
  await api.request('POST', '/relations', { collection: n.comments, field: 'article', related_collection: n.articles, meta: { one_field: 'comments' }, schema: { on_delete: 'CASCADE' } });

  await collection(n.articlesTags, []);
  await api.request('POST', `/fields/${n.articlesTags}`, m2oField(`${n.articles}_id`));
  await api.request('POST', `/fields/${n.articlesTags}`, m2oField(`${n.tags}_id`));
  await api.request('POST', `/fields/${n.articles}`, { field: 'tags', type: 'alias', meta: { special: ['m2m'], interface: 'list-m2m' } });
  await api.request('POST', '/relations', {
    collection: n.articlesTags, field: `${n.articles}_id`, related_collection: n.articles,
    meta: { one_field: 'tags', junction_field: `${n.tags}_id` }, schema: { on_delete: 'CASCADE' },
  });
  await api.request('POST', '/relations', {
    collection: n.articlesTags, field: `${n.tags}_id`, related_collection: n.tags,
    meta: { one_field: null, junction_field: `${n.articles}_id` }, schema: { on_delete: 'CASCADE' },
  });
}

/** Drops what createSchema made (junction first, so no foreign key blocks a drop). */
export async function dropSchema(api: Api, n: Names): Promise<void> {
  for (const c of [n.articlesTags, n.comments, n.articles, n.tags, n.authors]) {
    await api.request('DELETE', `/collections/${c}`).catch((err) => {
      if (err?.status !== 403 && err?.status !== 404) throw err;
    });
  }
}
