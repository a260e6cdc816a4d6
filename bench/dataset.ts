// The benchmark dataset on Strata: the schema is created through the HTTP schema API (as a user
// would), then rows are bulk-loaded with generate_series (fast, deterministic). A database
// comment marks a finished load, so later runs at the same scale reuse it; rows left by the write
// scenarios are deleted at the start and end of every run, so every run reads the same data.
import postgres from 'postgres';
import type { Api } from './api.js';
import { createSchema, dropSchema, type Names } from './schema.js';

/** Bump when the model or the generated values change: older datasets are rebuilt. */
const DATASET_VERSION = 1;

export interface Counts {
  authors: number;
  tags: number;
  articles: number;
  comments: number;
  links: number;
}

export const countsFor = (scale: number): Counts => ({
  authors: Math.max(1, Math.round(1000 * scale)),
  tags: Math.max(3, Math.round(100 * scale)),
  articles: Math.max(1, Math.round(10000 * scale)),
  comments: Math.max(1, Math.round(50000 * scale)),
  links: Math.max(1, Math.round(10000 * scale)) * 3,
});

export interface DatasetInfo {
  counts: Counts;
  reused: boolean;
  /** seconds spent creating and loading (0 when reused) */
  buildSeconds: number;
}

/** Whether the database holds a finished load at this scale (no server is needed to reuse it). */
export async function datasetReady(url: string, scale: number): Promise<boolean> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql`select shobj_description(oid, 'pg_database') as note from pg_database where datname = current_database()`;
    return row?.note === JSON.stringify({ strataBench: DATASET_VERSION, scale });
  } finally {
    await sql.end();
  }
}

export async function ensureDataset(api: Api, url: string, scale: number, n: Names, log: (m: string) => void): Promise<DatasetInfo> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  const counts = countsFor(scale);
  const marker = JSON.stringify({ strataBench: DATASET_VERSION, scale });
  try {
    const [row] = await sql`select shobj_description(oid, 'pg_database') as note from pg_database where datname = current_database()`;
    if (row?.note === marker) {
      await removeWrites(sql, n, counts);
      return { counts, reused: true, buildSeconds: 0 };
    }
    const started = performance.now();
    log(`building the scale-${scale} dataset: schema through the API, rows with SQL`);
    await dropSchema(api, n); // a load interrupted half-way
    await createSchema(api, n);
    await bulkLoad(sql, n, counts);
    await sql.unsafe(`comment on database ${quoteIdent(String((await sql`select current_database() as d`)[0].d))} is ${quoteLiteral(marker)}`);
    return { counts, reused: false, buildSeconds: (performance.now() - started) / 1000 };
  } finally {
    await sql.end();
  }
}

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const quoteLiteral = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** Rows generated from their id, so every load at a scale is identical. */
async function bulkLoad(sql: postgres.Sql, n: Names, c: Counts): Promise<void> {
  const t = { authors: quoteIdent(n.authors), tags: quoteIdent(n.tags), articles: quoteIdent(n.articles), comments: quoteIdent(n.comments), links: quoteIdent(n.articlesTags) };
  const aId = quoteIdent(`${n.articles}_id`);
  const tId = quoteIdent(`${n.tags}_id`);
  await sql.begin(async (tx) => {
    await tx.unsafe(`insert into ${t.authors} (id, name, email, bio)
      select i, 'Author ' || i, 'author' || i || '@example.com', 'Writes about topic ' || (i % 17) || '. ' || repeat('Lorem ipsum dolor sit amet. ', 3)
      from generate_series(1, ${c.authors}) i`);
    await tx.unsafe(`insert into ${t.tags} (id, name) select i, 'tag-' || i from generate_series(1, ${c.tags}) i`);
    // status: 70% published, 20% draft, 10% archived; one article every 37 minutes from 2020
    await tx.unsafe(`insert into ${t.articles} (id, title, body, status, rating, published_at, author)
      select i, 'Article ' || i, repeat('Body of article ' || i || '. ', 8),
        case when i % 10 < 7 then 'published' when i % 10 < 9 then 'draft' else 'archived' end,
        i % 5 + 1, timestamp '2020-01-01' + i * interval '37 minutes', (i::bigint * 7919) % ${c.authors} + 1
      from generate_series(1, ${c.articles}) i`);
    await tx.unsafe(`insert into ${t.comments} (id, body, created_at, article)
      select i, 'Comment ' || i || ': ' || repeat('nice ', 6), timestamp '2020-01-02' + i * interval '7 minutes', (i::bigint * 104729) % ${c.articles} + 1
      from generate_series(1, ${c.comments}) i`);
    // three distinct tags per article (offsets 0, 37, 74 modulo the tag count)
    await tx.unsafe(`insert into ${t.links} (id, ${aId}, ${tId})
      select i + 1, i / 3 + 1, ((i / 3) * 3 + (i % 3) * 37) % ${c.tags} + 1
      from generate_series(0, ${c.links - 1}) i`);
    for (const table of Object.values(t)) {
      await tx.unsafe(`select setval(pg_get_serial_sequence(${quoteLiteral(table)}, 'id'), (select max(id) from ${table}))`);
    }
  });
  for (const table of Object.values(t)) await sql.unsafe(`vacuum analyze ${table}`);
}

/** Deletes what write scenarios added (ids above the loaded range), restores the sequences and vacuums. */
export async function removeWrites(sql: postgres.Sql, n: Names, c: Counts): Promise<void> {
  const q = quoteIdent;
  await sql.unsafe(`delete from ${q(n.comments)} where id > ${c.comments}`);
  await sql.unsafe(`delete from ${q(n.articlesTags)} where id > ${c.links}`);
  await sql.unsafe(`delete from ${q(n.articles)} where id > ${c.articles}`);
  const tables: [string, number][] = [[n.comments, c.comments], [n.articlesTags, c.links], [n.articles, c.articles]];
  for (const [table, max] of tables) await sql.unsafe(`select setval(pg_get_serial_sequence(${quoteLiteral(q(table))}, 'id'), ${max})`);
  // the update scenario rewrites article 1 with its generated values; put them back anyway
  await sql.unsafe(`update ${q(n.articles)} set title = 'Article 1', rating = 2 where id = 1 and (title <> 'Article 1' or rating <> 2)`);
  // Write scenarios leave hundreds of thousands of dead row versions (update-one rewrites one
  // article thousands of times); reads of the next run must not pay for scanning past them.
  for (const table of [n.comments, n.articlesTags, n.articles]) await sql.unsafe(`vacuum analyze ${q(table)}`);
}
