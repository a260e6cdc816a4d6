// Compiled writes: the most common write, an admin's create of one item or update of one item
// by key with scalar values for plain columns, as ONE cached statement (strata.compile_write)
// followed in the same flight by its re-read, instead of the write functions' PL/pgSQL
// (strata.write_request). The statement's text is compiled in PostgreSQL from the catalog, as
// reads are, and cached here per collection, action and set of fields; request values reach it
// only as parameters. Everything else, and any compiled write that fails, goes through the
// write functions (src/engine/writer.ts), which answer with Directus's errors.
import type { Accountability } from '../types.js';
import type { Db } from '../db/client.js';
import { Lru } from './cache.js';

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

/** The compiled statement's parameters (strata.compile_write): $1 the payload, $2 the schema version, $3 an update's key. */
export function statementParams(write: CoveredWrite, payload: Record<string, unknown>, schemaVersion: unknown): unknown[] {
  return write.action === 'create' ? [payload, schemaVersion] : [payload, schemaVersion, String(write.key)];
}

export class CompiledWrites {
  private statements = new Lru<string | null>(CACHE_SIZE);
  /** bumped by invalidate(): a compilation that started before a schema change is not cached */
  private generation = 0;
  /** writes by outcome, for /metrics: compiled, retried (failed, then written by the write functions), uncovered */
  readonly stats = { compiled: 0, retried: 0, uncovered: 0 };

  constructor(private db: Db) {}

  /** Drops every statement (the schema changed). */
  invalidate(): void {
    this.statements.clear();
    this.generation++;
  }

  /** The statement for the write's shape, compiled on a miss; null when the write functions must do it. */
  async statementFor(accountability: Accountability, collection: string, write: CoveredWrite): Promise<string | null> {
    const fields = Object.keys(write.payload).sort();
    const cacheKey = JSON.stringify([write.action, collection, fields]);
    let sql = this.statements.get(cacheKey);
    if (sql === undefined) {
      const generation = this.generation;
      sql = await this.db.request(accountability, 'select strata.compile_write($1, $2, $3::jsonb)', [write.action, collection, fields]);
      if (generation === this.generation) this.statements.set(cacheKey, sql);
    }
    if (sql === null) this.stats.uncovered++;
    return sql;
  }
}
