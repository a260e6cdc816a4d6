// Shared by the schema endpoints (/collections, /fields, /relations): every answer is built by
// a schema operation of the core (src/engine/schema.ts, one strata.* SQL function each, which a
// DBA can call too); the gateway only refuses non-admin writes early and passes the JSON
// PostgreSQL produced through untouched.
import type { Services } from './services.js';
import type { Db } from '../db/client.js';
import { forbidden } from '../errors.js';
import { timed, type Accountability, type ApiResponse, type RouteContext } from '../types.js';
import { data, noContent } from './response.js';

/** A schema operation of the core: its arguments after the database and the caller's accountability. */
type SchemaOp<A extends unknown[]> = (db: Db, acc: Accountability, ...args: A) => Promise<string | null>;

/** A read: the operation answers the `data` value as JSON text (it raises FORBIDDEN itself). */
export async function schemaRead<A extends unknown[]>(s: Services, ctx: RouteContext, op: SchemaOp<A>, ...args: A): Promise<ApiResponse> {
  const body = await timed(ctx.timing, 'db', () => op(s.db, ctx.accountability, ...args));
  return data(body ?? 'null');
}

/**
 * A write: admins only (Directus answers 403 to everyone else, anonymous included). Compiled
 * item queries depend on the schema, so they are dropped after every change.
 */
export async function schemaWrite<A extends unknown[]>(s: Services, ctx: RouteContext, op: SchemaOp<A>, ...args: A): Promise<ApiResponse> {
  if (!ctx.accountability.admin) throw forbidden();
  const body = await timed(ctx.timing, 'db', () => op(s.db, ctx.accountability, ...args));
  s.catalog.schemaChanged();
  return body ? data(body) : noContent();
}
