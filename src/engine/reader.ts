// Reads: query -> shape -> compiled SQL (cached by shape; compiled inside PostgreSQL by
// strata.compile_read on a miss) -> one prepared statement whose text result is passed on
// without being parsed: REST's whole body (`envelope`), or the bare value for front ends
// without Directus's envelope (`value`: GraphQL root fields, realtime).
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';
import type { Query } from '../request/query.js';
import { timed, type Timing } from '../types.js';
import { queryShape } from './shape.js';
import { CompiledCache } from './cache.js';
import { detached } from '../auth/accountability.js';

/** 'written': 'one' for the item a compiled write has just written (src/engine/compiled-writes.ts) */
export type ReadMode = 'list' | 'one' | 'singleton' | 'written';
/**
 * What a compiled read returns (strata.compile_read's `output`; the envelope is built there
 * and nowhere else). 'envelope': the REST body, `{"data":...}` (with `meta` when asked).
 * 'value': the `data` member alone: the list's array (aggregates: the groups), the item
 * object (null when it can't be read), the singleton object; `meta` is ignored.
 * 'graphql': 'value' with primary keys as strings (GraphQL's ID).
 */
export type ReadOutput = 'envelope' | 'value' | 'graphql';

type ReadQuery = Query & { key?: unknown; keys?: unknown[] };

export interface ReadOptions {
  defaultLimit: number;
  maxDepth: number;
  cacheSize: number;
  /** STRATA_MAX_QUERY_FIELDS: most output fields a read may expand to (the compiler's default when unset) */
  maxFields?: number;
  /** STRATA_MAX_SQL_SIZE: most bytes of compiled SQL (the compiler's default when unset) */
  maxSqlSize?: number;
}

export class Reader {
  private compiled: CompiledCache<string | null>;
  constructor(private db: Db, private opts: ReadOptions) {
    this.compiled = new CompiledCache(opts.cacheSize);
  }

  /** compiled-SQL cache lookups, for /metrics */
  get cacheStats(): { hits: number; misses: number } {
    return this.compiled.stats;
  }

  /** Drops every compiled statement (the schema changed). */
  invalidate(): void {
    this.compiled.clear();
  }

  /**
   * The compiled SQL for a query (compiling it on a cache miss). Field permissions shape the
   * SQL, so the cache key includes the request's policy set (admins share one entry), and
   * the mode and output, which shape the statement too.
   */
  async sqlFor(accountability: Accountability, collection: string, query: ReadQuery, mode: ReadMode, output: ReadOutput = 'envelope'): Promise<string> {
    return (await this.compiledFor(accountability, collection, query, mode, output))!;
  }

  /**
   * The item a compiled write writes, read from that statement's own RETURNING (mode
   * 'returning' of strata.compile_read, embedded by strata.compile_write); null when the read
   * reaches the written collection through a relation and must be a re-read ('written').
   * `created`: the row is one the statement inserts (mode 'created': its one-to-many lists are
   * empty where a foreign key guarantees it, and are not read).
   */
  returningSqlFor(accountability: Accountability, collection: string, query: ReadQuery, output: ReadOutput, created = false): Promise<string | null> {
    return this.compiledFor(accountability, collection, query, created ? 'created' : 'returning', output);
  }

  private async compiledFor(accountability: Accountability, collection: string, query: ReadQuery, mode: ReadMode | 'returning' | 'created', output: ReadOutput): Promise<string | null> {
    const shape = queryShape(query);
    if (output !== 'envelope') delete shape.meta; // REST's: the value outputs ignore it
    const access = accountability.admin ? '*' : [...accountability.policies].sort().join(',');
    const cacheKey = `${mode}\u0000${output}\u0000${collection}\u0000${access}\u0000${JSON.stringify(shape)}`;
    // the same shape already being compiled (concurrent first requests, a subscription's
    // re-read compiled ahead): one compilation serves them all, run as the caller detached from
    // its request (not cancelled with the first one's)
    return this.compiled.get(cacheKey, () => {
      // objects go as JSON text, read by the $2::jsonb and $3::jsonb casts
      const opts = {
        mode, output, default_limit: this.opts.defaultLimit, max_depth: this.opts.maxDepth,
        max_fields: this.opts.maxFields, max_sql_size: this.opts.maxSqlSize,
      };
      return this.db.request(detached(accountability), 'select strata.compile_request($1, $2::jsonb, $3::jsonb)', [collection, shape, opts], { valueErrors: 'INVALID_QUERY' });
    });
  }

  /** The REST body PostgreSQL built, `{"data":...}`; null when one item can't be read. */
  async read(accountability: Accountability, collection: string, query: ReadQuery, mode: ReadMode, timing: Timing): Promise<string | null> {
    return (await this.readBytes(accountability, collection, query, mode, timing))?.toString() ?? null;
  }

  /** read(), as the bytes PostgreSQL sent: what the response writes to the socket. */
  readBytes(accountability: Accountability, collection: string, query: ReadQuery, mode: ReadMode, timing: Timing): Promise<Buffer | null> {
    return this.run(accountability, collection, query, mode, 'envelope', timing);
  }

  /**
   * The read's value alone, as JSON bytes (no envelope, no `meta`): the list's array, the item
   * (null when it can't be read), the singleton. For front ends that place it themselves.
   */
  readValue(accountability: Accountability, collection: string, query: ReadQuery, mode: ReadMode, timing: Timing,
    output: Exclude<ReadOutput, 'envelope'> = 'value'): Promise<Buffer | null> {
    return this.run(accountability, collection, query, mode, output, timing);
  }

  /**
   * Several value reads, each as its own caller, in one round trip (realtime re-reads a batch's
   * groups so: one flight, not one per group). Each answers its value or its error; a statement
   * failing in the shared flight fails the others too, so then each runs again on its own.
   */
  async readValues(reads: { accountability: Accountability; collection: string; query: ReadQuery; mode: ReadMode; output: Exclude<ReadOutput, 'envelope'> }[]):
    Promise<({ value: Buffer | null } | { error: unknown })[]> {
    const compiled = await Promise.all(reads.map((r) => this.sqlFor(r.accountability, r.collection, r.query, r.mode, r.output)
      .then((text) => ({ text }), (error: unknown) => ({ error }))));
    const ready = reads.flatMap((r, i) => ('text' in compiled[i] ? [i] : []));
    const out: ({ value: Buffer | null } | { error: unknown })[] = compiled.map((c) => ('error' in c ? c : { value: null }));
    const each = (i: number) => ({ accountability: reads[i].accountability, text: (compiled[i] as { text: string }).text, params: [reads[i].query] });
    try {
      const values = await this.db.requestEach(ready.map(each), { valueErrors: 'INVALID_QUERY' });
      ready.forEach((i, k) => (out[i] = { value: values[k] }));
    } catch {
      await Promise.all(ready.map(async (i) => {
        const { accountability, text, params } = each(i);
        out[i] = await this.db.requestBytes(accountability, text, params, { valueErrors: 'INVALID_QUERY' })
          .then((value) => ({ value }), (error: unknown) => ({ error }));
      }));
    }
    return out;
  }

  private async run(accountability: Accountability, collection: string, query: ReadQuery, mode: ReadMode, output: ReadOutput, timing: Timing): Promise<Buffer | null> {
    const sql = await timed(timing, 'compile', () => this.sqlFor(accountability, collection, query, mode, output));
    return timed(timing, 'db', () => this.db.requestBytes(accountability, sql, [query], { valueErrors: 'INVALID_QUERY' }));
  }
}
