// Shared by the schema endpoints (/collections, /fields, /relations): every answer is built by
// a strata.* SQL function (which a DBA can call too); the gateway only refuses non-admin writes
// early and passes the JSON PostgreSQL produced through untouched.
import type { Services } from './services.js';
import { forbidden } from '../errors.js';
import { timed, type ApiResponse, type RouteContext } from '../types.js';
import { data, noContent } from './response.js';

/** A read: the function returns the `data` value as JSON text (it raises FORBIDDEN itself). */
export async function schemaRead(s: Services, ctx: RouteContext, sql: string, params: unknown[]): Promise<ApiResponse> {
  const body = await timed(ctx.timing, 'db', () => s.db.request(ctx.accountability, sql, params));
  return data(body ?? 'null');
}

/**
 * A write: admins only (Directus answers 403 to everyone else, anonymous included). Compiled
 * item queries depend on the schema, so they are dropped after every change.
 */
export async function schemaWrite(s: Services, ctx: RouteContext, sql: string, params: unknown[]): Promise<ApiResponse> {
  if (!ctx.accountability.admin) throw forbidden();
  const body = await timed(ctx.timing, 'db', () => s.db.request(ctx.accountability, sql, params));
  s.schemaChanged();
  return body ? data(body) : noContent();
}

/** A request body as the JSON text a `$n::text::jsonb` parameter takes (a text parameter: postgres.js would encode a string bound to jsonb as a JSON string) (null when there is none). */
export function bodyParam(body: unknown): string | null {
  return body === undefined ? null : JSON.stringify(body);
}
