// Compiled writes: the most common write, an admin's create of one item or update of one item
// by key with scalar values for plain columns, as ONE cached statement (strata.compile_write)
// that answers with the item it wrote (or, where it can't, followed in the same flight by its
// re-read), instead of the write functions' PL/pgSQL (strata.write_request). The statement's
// text is compiled in PostgreSQL from the catalog, as reads are, and cached here per
// collection, action, set of fields and answer; request values reach it only as parameters.
// Everything else, and any compiled write that fails, goes through the write functions
// (src/engine/writer.ts), which answer with Directus's errors.
import type { Accountability } from '../types.js';
import type { Db } from '../db/client.js';
import type { Query } from '../request/query.js';
import type { Reader, ReadOutput } from './reader.js';
import { detached } from '../auth/accountability.js';
import { CompiledCache } from './cache.js';

/** statement shapes kept (a shape the write functions must handle is kept too, as null) */
const CACHE_SIZE = 500;

/** The write a compiled statement may perform: its payload, and the key of an update. */
export interface CoveredWrite {
  action: 'create' | 'update';
  payload: Record<string, unknown>;
  key?: string | number;
}

/**
 * The write `args` describe when a compiled statement may perform it, else null: an admin's
 * (permissions, presets and validation per grant are the write functions'), of a user
 * collection (system collections have rules of their own), one object (not a batch) whose
 * values are all scalars or null (objects and arrays are nested writes or JSON the write
 * functions prepare), re-read by key or not at all, with no option but the request's path (a
 * flow's item operation without "emit events" is the write functions').
 */
export function coveredWrite(accountability: Accountability, collection: string, action: string,
  args: Record<string, unknown>, extra: Record<string, unknown>, readMode: string | null): CoveredWrite | null {
  if (!accountability.admin || collection.startsWith('directus_')) return null;
  if ((readMode !== null && readMode !== 'one') || Object.keys(extra).some((k) => k !== 'path')) return null;
  const object = action === 'create' ? args.payload : action === 'update' && args.keys === undefined ? args.data : undefined;
  if (typeof object !== 'object' || object === null || Array.isArray(object)) return null;
  const payload = object as Record<string, unknown>;
  const fields = Object.keys(payload);
  if (fields.length === 0 || fields.some((f) => typeof payload[f] === 'object' && payload[f] !== null)) return null;
  if (action === 'create') return { action, payload };
  const key = args.key;
  return typeof key === 'string' || typeof key === 'number' ? { action: 'update', payload, key } : null;
}

/** A compiled statement, and whether it answers with the item (else the key is left for a re-read in mode 'written'). */
export interface CompiledStatement {
  sql: string;
  answered: boolean;
}

/**
 * The compiled statement's parameters (strata.compile_write): $1 the answer's query (the read's
 * own $1), $2 the payload, $3 the schema version, $4 an update's key.
 */
export function statementParams(write: CoveredWrite, payload: Record<string, unknown>, schemaVersion: unknown, query: unknown): unknown[] {
  const params = [query ?? {}, payload, schemaVersion];
  return write.action === 'create' ? params : [...params, String(write.key)];
}

/** What a compiled write sends: its statement, and the re-read after it where the statement can't answer itself. */
export interface CompiledFlight {
  statement: CompiledStatement;
  reread: string | null;
}

export class CompiledWrites {
  /** by shape; concurrent first writes of one shape share one compilation */
  private statements = new CompiledCache<CompiledStatement | null>(CACHE_SIZE);
  /** writes by outcome, for /metrics: compiled, retried (failed, then written by the write functions), uncovered */
  readonly stats = { compiled: 0, retried: 0, uncovered: 0 };

  constructor(private db: Db) {}

  /** Drops every statement (the schema changed). */
  invalidate(): void {
    this.statements.clear();
  }

  /**
   * What the write sends, compiled on a miss (the gateway's writer and the bench's floor run the
   * same): the statement answering with the item read as `read` asks (null: no answer), or
   * followed by that read's re-read; null when the write functions must do it.
   */
  async flightFor(reader: Reader, accountability: Accountability, collection: string, write: CoveredWrite,
    read: { query: Query; output: ReadOutput } | null): Promise<CompiledFlight | null> {
    const query = read && { ...read.query, key: '?' };
    const answer = query && await reader.returningSqlFor(accountability, collection, query, read.output, write.action === 'create');
    const statement = await this.statementFor(accountability, collection, write, answer);
    if (statement === null) return null;
    const reread = query && !statement.answered ? await reader.sqlFor(accountability, collection, query, 'written', read.output) : null;
    return { statement, reread };
  }

  /**
   * The statement for the write's shape, compiled on a miss; null when the write functions must
   * do it. `answer`: the re-read compiled with mode 'returning' (null: none, or none possible).
   */
  async statementFor(accountability: Accountability, collection: string, write: CoveredWrite, answer: string | null): Promise<CompiledStatement | null> {
    const fields = Object.keys(write.payload).sort();
    const cacheKey = JSON.stringify([write.action, collection, fields, answer]);
    const statement = await this.statements.get(cacheKey, async () => {
      const text = await this.db.request(detached(accountability), 'select strata.compile_write($1, $2, $3::jsonb, $4)', [write.action, collection, fields, answer]);
      return text === null ? null : JSON.parse(text) as CompiledStatement;
    });
    if (statement === null) this.stats.uncovered++;
    return statement;
  }
}
