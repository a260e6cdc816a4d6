// Loading the dataset into a --target through its API (POST /items in batches), with the same
// values bench/dataset.ts generates in SQL. The collections are new, so ids come out 1..N in
// insertion order, as in the SQL load (batches are sent one after another for that reason).
import type { Api } from './api.js';
import type { Counts } from './dataset.js';
import type { Names } from './schema.js';

const BATCH = 500;
const timestamp = (base: string, minutes: number) => new Date(Date.parse(base + 'Z') + minutes * 60_000).toISOString().slice(0, 19);
const status = (i: number) => (i % 10 < 7 ? 'published' : i % 10 < 9 ? 'draft' : 'archived');

export async function loadThroughApi(api: Api, n: Names, c: Counts, log: (m: string) => void): Promise<void> {
  const load = async (collection: string, count: number, row: (i: number) => object) => {
    const started = performance.now();
    for (let from = 1; from <= count; from += BATCH) {
      const rows = [];
      for (let i = from; i < Math.min(from + BATCH, count + 1); i++) rows.push(row(i));
      await api.request('POST', `/items/${collection}?fields=id`, rows);
    }
    log(`  ${collection}: ${count} rows in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  };
  await load(n.authors, c.authors, (i) => ({
    name: `Author ${i}`, email: `author${i}@example.com`, bio: `Writes about topic ${i % 17}. ` + 'Lorem ipsum dolor sit amet. '.repeat(3),
  }));
  await load(n.tags, c.tags, (i) => ({ name: `tag-${i}` }));
  await load(n.articles, c.articles, (i) => ({
    title: `Article ${i}`, body: `Body of article ${i}. `.repeat(8), status: status(i), rating: (i % 5) + 1,
    published_at: timestamp('2020-01-01T00:00:00', i * 37), author: ((i * 7919) % c.authors) + 1,
  }));
  await load(n.comments, c.comments, (i) => ({
    body: `Comment ${i}: ` + 'nice '.repeat(6), created_at: timestamp('2020-01-02T00:00:00', i * 7), article: ((i * 104729) % c.articles) + 1,
  }));
  await load(n.articlesTags, c.links, (k) => {
    const i = k - 1;
    const a = Math.floor(i / 3);
    return { [`${n.articles}_id`]: a + 1, [`${n.tags}_id`]: ((a * 3 + (i % 3) * 37) % c.tags) + 1 };
  });
}
