// `npm run bench:graphql-schema`: how long Strata takes to build a caller's GraphQL schema for a
// 100-collection catalog (README, "GraphQL"). The catalog: 100 collections of 10 fields each,
// every other one with a many-to-one to the previous one. Strata runs in a child process
// (bench/server.ts) on the bench's embedded PostgreSQL (its own database, strata_bench_s0); the
// timings are HTTP round trips of `{ __typename }` on /graphql:
//   cold: the first query after the schema changed (the catalog read and the schema built);
//   cached: the same query twice more (the cached schema; a validated document);
//   other document: a different query on the cached schema (parsed and validated once).
// Options: --collections N (100) --database-url URL.
import os from 'node:os';
import postgres from 'postgres';
import { ADMIN_TOKEN } from './config.js';
import { installInChild, openBenchDatabase } from './database.js';
import { median } from './load.js';
import { startStrata } from './server.js';

const log = (m: string) => process.stdout.write(m + '\n');
const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const count = arg('collections', 100);
const urlArg = process.argv.includes('--database-url') ? process.argv[process.argv.indexOf('--database-url') + 1] : process.env.DATABASE_URL;

async function timedQuery(url: string, query: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${url}/graphql`, {
    method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify({ query }),
  });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GraphQL answered ${res.status}: ${body.slice(0, 300)}`);
  return performance.now() - start;
}

async function main() {
  const db = await openBenchDatabase(0, urlArg, log);
  if (!(await installInChild(db.url))) throw new Error('installing the schema failed');
  const sql = postgres(db.url, { max: 2, onnotice: () => {} });
  const name = (i: number) => `gs_c${String(i).padStart(3, '0')}`;
  for (let i = 0; i < count; i++) {
    const fields = Array.from({ length: 8 }, (_, f) => `f${f} ${['varchar(255)', 'integer', 'boolean', 'timestamptz'][f % 4]}`).join(', ');
    const ref = i % 2 === 1 ? `, parent integer references ${name(i - 1)}(id)` : ', parent integer';
    await sql.unsafe(`drop table if exists ${name(i)} cascade; create table ${name(i)} (id serial primary key, ${fields}${ref});
      insert into directus_collections (collection) values ('${name(i)}') on conflict do nothing`);
  }
  const server = await startStrata(db.url, 10);
  log(`Strata pid ${server.pid}; ${count} collections of 10 fields; ${os.cpus().length} CPUs, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  try {
    const cold: number[] = [];
    const second: number[] = [];
    const cached: number[] = [];
    const other: number[] = [];
    for (let run = 0; run < 5; run++) {
      // a schema change (NOTIFY strata_schema) drops every cached schema
      await sql.unsafe(`comment on table ${name(0)} is 'run ${run}'`);
      await new Promise((r) => setTimeout(r, 200)); // the notification reaching the gateway
      cold.push(await timedQuery(server.url, '{ __typename }'));
      second.push(await timedQuery(server.url, '{ __typename }'));
      cached.push(await timedQuery(server.url, '{ __typename }'));
      other.push(await timedQuery(server.url, `{ ${name(1)}(limit: 1) { id f0 parent { id f1 } } }`));
    }
    log(`GraphQL schema for ${count} collections (median of 5, HTTP round trip): cold ${median(cold).toFixed(1)} ms, ` +
      `the next query ${median(second).toFixed(1)} ms, then ${median(cached).toFixed(1)} ms; a new document on the cached schema ${median(other).toFixed(1)} ms`);
  } finally {
    await server.stop();
    for (let i = count - 1; i >= 0; i--) await sql.unsafe(`drop table if exists ${name(i)} cascade; delete from directus_collections where collection = '${name(i)}'`);
    await sql.end();
    await db.stop();
  }
}

await main();
