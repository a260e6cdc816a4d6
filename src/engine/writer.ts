// Writes: one statement per request (strata.write_request) that performs the whole nested write
// and re-reads the written items with the request's query, using the read SQL the Reader has
// compiled (and cached) for that query's shape. The only payload work done in Node is hashing
// `hash` fields with argon2 (Directus's format), because that is CPU work PostgreSQL can't do.
import { hash } from '@node-rs/argon2';
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';
import type { Query } from '../request/query.js';
import { timed, type Timing } from '../types.js';
import { DirectusError, invalidPayload } from '../errors.js';
import type { Reader, ReadMode, ReadOutput } from './reader.js';
import type { Catalog } from './catalog.js';
import { isPgError } from '../db/errors.js';
import { CompiledWrites, coveredWrite, statementParams, type CoveredWrite } from './compiled-writes.js';

export const WRITE_SQL = 'select strata.write_request($1, $2, $3::jsonb, $4, $5::jsonb, $6::jsonb)';
/** system collections (users, roles, policies, ...): their rules run around the same write */
const SYSTEM_WRITE_SQL = 'select strata.system_write_request($1, $2, $3::jsonb, $4, $5::jsonb, $6::jsonb)';
/** relational nesting a write payload may have (hash fields are looked for at every level) */
const MAX_PAYLOAD_DEPTH = 100;

export type WriteAction = 'create' | 'update' | 'update_batch' | 'update_query' | 'patch_collection' | 'delete' | 'delete_query';

/** How a write re-reads what it wrote (see Writer.write). */
export interface WriteRead { query: Query; mode: ReadMode; output?: ReadOutput }

export interface WriteOptions {
  maxBatchMutation: number;
  defaultLimit: number;
  /** STRATA_COMPILED_WRITES: an admin's one-item writes as one compiled statement (src/engine/compiled-writes.ts) */
  compiled?: boolean;
}

/** Runs before a write of a user collection (filter flows): may change `args` or refuse the write by throwing. */
export type BeforeWrite = (accountability: Accountability, collection: string, action: WriteAction, args: Record<string, unknown>) => Promise<void>;

/**
 * Runs after a write committed (notification mails: src/mail/notifications.ts, which act on a
 * system collection); not awaited, must not throw. A transaction of several writes
 * (Writer.writeInTransaction) reports only its writes of system collections.
 */
export type AfterWrite = (accountability: Accountability, collection: string, action: WriteAction, args: Record<string, unknown>) => void;

export class Writer {
  /** set by the flows front end (src/flows) when it runs */
  beforeWrite: BeforeWrite | undefined;
  /** set by src/app.ts */
  afterWrite: AfterWrite | undefined;

  readonly compiled: CompiledWrites;

  constructor(private db: Db, private reader: Reader, private catalog: Catalog, private opts: WriteOptions) {
    this.compiled = new CompiledWrites(db);
  }

  /**
   * Replaces the values of `hash` fields (at any depth) by their argon2 hashes, in place. A value
   * that already looks like an argon2 hash is hashed too, as Directus does: a client can't store
   * a hash of its choosing. A payload nested deeper than MAX_PAYLOAD_DEPTH is refused rather
   * than written with values this walk did not reach.
   */
  async hashPayload(collection: string, payload: unknown): Promise<void> {
    const catalog = await this.catalog.load();
    if (catalog.hash.size === 0) return;
    const jobs: Promise<void>[] = [];
    const walk = (c: string, item: unknown, depth: number): void => {
      if (typeof item !== 'object' || item === null) return;
      if (depth > MAX_PAYLOAD_DEPTH) throw invalidPayload(`Nested relational data deeper than ${MAX_PAYLOAD_DEPTH} levels`);
      if (Array.isArray(item)) return item.forEach((i) => walk(c, i, depth + 1));
      const obj = item as Record<string, unknown>;
      const hashed = catalog.hash.get(c);
      const rels = catalog.relations.get(c);
      for (const [k, v] of Object.entries(obj)) {
        if (hashed?.has(k) && typeof v === 'string' && v !== '') {
          jobs.push(hash(v).then((h) => { obj[k] = h; }));
          continue;
        }
        const rel = rels?.get(k);
        if (!rel) continue;
        const related = rel.kind === 'm2a' ? String(obj[rel.collectionField ?? ''] ?? '') : rel.related!;
        if (rel.kind === 'o2m' && v && typeof v === 'object' && !Array.isArray(v)) {
          const detailed = v as Record<string, unknown>;
          walk(related, detailed.create, depth + 1);
          walk(related, detailed.update, depth + 1);
        } else {
          walk(related, v, depth + 1);
        }
      }
    };
    walk(collection, payload, 0);
    await Promise.all(jobs);
  }

  /**
   * Runs a write and returns what the re-read returns (null = 204). `read` is the query the
   * written items are re-read with (null: no re-read); `mode` 'one' for a single key; `output`
   * 'envelope' (default: the REST body) or 'value' (the bare value), as for reads.
   */
  async write(accountability: Accountability, collection: string, action: WriteAction, args: Record<string, unknown>,
    read: WriteRead | null, timing: Timing, extra: Record<string, unknown> = {},
    how: { system?: boolean } = {}): Promise<string | null> {
    // a flow's item operation without "emit events" runs no filter flow, as in Directus
    if (this.beforeWrite && extra.emit_events !== false) await this.beforeWrite(accountability, collection, action, args);
    const original = structuredClone(args);
    let out: string | null;
    const covered = this.opts.compiled !== false && this.opts.maxBatchMutation >= 1
      ? coveredWrite(accountability, collection, action, args, extra, read?.mode ?? null) : null;
    const compiled = covered && await this.writeCompiled(accountability, collection, covered, read, timing);
    if (compiled) {
      // (the payload as written, hashed fields hashed)
      args = action === 'create' ? { ...args, payload: compiled.payload } : { ...args, data: compiled.payload };
      out = compiled.out;
    } else try {
      // first without converting PostgreSQL's value and foreign-key errors (strata.write_request's
      // convert_errors): catching them costs a subtransaction per statement of every write
      out = await this.writeOnce(accountability, collection, action, args, read, timing, { ...extra, convert_errors: false }, how);
    } catch (err) {
      if (isUnconverted(err)) {
        // the write failed as a whole (its transaction rolled back): once more, with the error
        // converted to Directus's (which field, which value)
        out = await this.writeOnce(accountability, collection, action, original, read, timing, extra, how);
        args = original;
      } else {
        // the schema changed after the hash fields were looked up (schema notifications are
        // asynchronous; strata.check_schema_version refused the write): look them up again and
        // write once more, so no value escapes hashing
        if (!isSchemaChanged(err)) throw err;
        this.catalog.schemaChanged();
        out = await this.writeOnce(accountability, collection, action, original, read, timing, extra, how);
        args = original;
      }
    }
    // (the write's one flight has committed when its answer arrives)
    // this gateway's settings readers see the change at once (others on its notification)
    if (collection === 'directus_settings') this.catalog.settingsChanged();
    this.afterWrite?.(accountability, collection, action, args);
    return out;
  }

  /**
   * The write as a compiled statement that answers with the item (or, where it can't, followed
   * by its re-read), in one flight; null when the shape is not one strata.compile_write covers,
   * or the statement failed: nothing was written then (the flight is one transaction), and the
   * write functions write it, answering a failure with Directus's error (a refused value, a
   * missing required field, a duplicate key...).
   */
  private async writeCompiled(accountability: Accountability, collection: string, write: CoveredWrite, read: WriteRead | null,
    timing: Timing): Promise<{ out: string | null; payload: Record<string, unknown> } | null> {
    // hashed in a copy: the write functions must hash the payload as the client sent it
    const payload = structuredClone(write.payload);
    try {
      const flight = await timed(timing, 'compile', () => this.compiled.flightFor(this.reader, accountability, collection, write,
        read && { query: read.query, output: read.output ?? 'envelope' }));
      if (flight === null) return null;
      const { statement, reread } = flight;
      await timed(timing, 'hash', () => this.hashPayload(collection, payload));
      const params = statementParams(write, payload, (await this.catalog.load()).version, read?.query);
      const values = await timed(timing, 'db', () => this.db.requestMany(accountability,
        reread ? [{ text: statement.sql, params }, { text: reread, params: [read!.query] }] : [{ text: statement.sql, params }]));
      this.compiled.stats.compiled++;
      const out = statement.answered ? values[0] : reread ? values[1] : null;
      return { out: out?.toString() ?? null, payload };
    } catch (err) {
      // only a failure PostgreSQL reported (as such, or as the Directus error it maps to) is known
      // to have written nothing (a connection lost after the commit is not); a cancelled or
      // timed-out statement is not run again
      const pg = err instanceof DirectusError ? err.cause : err;
      const reported = err instanceof DirectusError || isPgError(err);
      if (!reported || (isPgError(pg) && pg.code === '57014') || accountability.signal?.aborted) throw err;
      if (isSchemaChanged(err)) this.catalog.schemaChanged();
      this.compiled.stats.retried++;
      return null;
    }
  }

  /**
   * Several writes by one caller in one transaction (a streamed import's batches): `fn` writes
   * through the function it is given, without re-reads; everything commits when `fn` resolves,
   * nothing when it throws. PostgreSQL's value errors are converted at once (a failed statement
   * can't be tried again inside the transaction), and after-write hooks run once it committed.
   */
  async writeInTransaction<T>(accountability: Accountability,
    fn: (write: (collection: string, action: WriteAction, args: Record<string, unknown>, timing: Timing, extra?: Record<string, unknown>) => Promise<void>) => Promise<T>): Promise<T> {
    const written: [string, WriteAction, Record<string, unknown>][] = [];
    const out = await this.db.requestTransaction(accountability, (run) => fn(async (collection, action, args, timing, extra = {}) => {
      if (this.beforeWrite && extra.emit_events !== false) await this.beforeWrite(accountability, collection, action, args);
      await this.writeOnce(accountability, collection, action, args, null, timing, extra, {}, run);
      // (kept for the after-write hooks, which act on system collections only: a user
      // collection's batches are not held until the commit)
      if (this.afterWrite && collection.startsWith('directus_')) written.push([collection, action, args]);
    }));
    for (const [collection, action, args] of written) this.afterWrite?.(accountability, collection, action, args);
    return out;
  }

  private async writeOnce(accountability: Accountability, collection: string, action: WriteAction, args: Record<string, unknown>,
    read: WriteRead | null, timing: Timing, extra: Record<string, unknown>,
    how: { system?: boolean }, run = (text: string, params: unknown[]) => this.db.request(accountability, text, params)): Promise<string | null> {
    if (args.payload !== undefined) await timed(timing, 'hash', () => this.hashPayload(collection, args.payload));
    if (args.data !== undefined) await timed(timing, 'hash', () => this.hashPayload(collection, args.data));
    let sql: string | null = null;
    let query: Query | Record<string, never> = {};
    let unreadable: DirectusError | undefined;
    if (read) {
      query = read.mode === 'list' && read.query.limit === undefined ? { ...read.query, limit: -1 } : read.query;
      const { mode, output } = read;
      const shapeQuery = mode === 'one' ? { ...query, key: '?' } : mode === 'list' ? { ...query, keys: [] } : query;
      try {
        sql = await timed(timing, 'compile', () => this.reader.sqlFor(accountability, collection, shapeQuery, mode, output ?? 'envelope'));
      } catch (err) {
        // as Directus: the write is done, and the answer is 204 when the written items can't be
        // read back (no read permission, or a field of `fields` the caller may not read)
        if (!(err instanceof DirectusError && err.code === 'FORBIDDEN')) throw err;
        [read, query, unreadable] = [null, {}, err];
      }
    }
    const opts = {
      max_batch_mutation: Number.isFinite(this.opts.maxBatchMutation) ? this.opts.maxBatchMutation : null,
      default_limit: this.opts.defaultLimit,
      read_mode: read?.mode ?? null,
      output: read?.output ?? 'envelope', // a singleton's re-read is compiled in the database
      schema_version: (await this.catalog.load()).version,
      ...extra,
    };
    // the SQL text is one of two constants: nothing of the request reaches it
    try {
      return await timed(timing, 'db', () => run(how.system === true ? SYSTEM_WRITE_SQL : WRITE_SQL, [action, collection, args, sql, query, opts]));
    } catch (err) {
      // neither readable nor writable: the read's refusal names the collection, as Directus's
      // does, unless the write's own refusal has Directus's words (`reason`: a key the update or
      // delete permission does not admit, a field it does not permit)
      if (unreadable && err instanceof DirectusError && err.code === 'FORBIDDEN' && err.extensions.reason === undefined) throw unreadable;
      throw err;
    }
  }
}

/** the SQLSTATEs the write functions convert to Directus's errors when asked (strata.insert_rows, strata.update_items) */
const CONVERTED = new Set(['22001', '22003', '22P02', '22007', '22008', '22023', '22P03', '42804', '23503']);

/** a value or foreign-key error as PostgreSQL raised it, unconverted (strata.write_request's convert_errors false) */
function isUnconverted(err: unknown): boolean {
  const pg = err instanceof DirectusError ? err.cause : err;
  return isPgError(pg) && CONVERTED.has(pg.code!);
}

/** strata.check_schema_version's refusal: 503 SERVICE_UNAVAILABLE, reason SCHEMA_CHANGED */
function isSchemaChanged(err: unknown): boolean {
  return err instanceof DirectusError && err.code === 'SERVICE_UNAVAILABLE' && err.extensions.reason === 'SCHEMA_CHANGED';
}
