// The shape of a query: the normalized query with every value the compiler reads from $1
// replaced by "?". Two requests with the same shape compile to the same SQL text, so the
// compiled statement (and PostgreSQL's prepared plan) is cached by shape.
//
// What stays in the shape is exactly what the compiler decides SQL structure from:
// - null (`_eq: null` compiles to IS NULL),
// - booleans of _null/_nnull/_empty/_nempty,
// - dynamic variables ("$NOW(-1 year)", "$CURRENT_USER", ...), compiled to SQL expressions,
// - inside `_json`: the paths (keys, like field names) and whether a compared value (or a
//   list's first value) is a number, which makes the comparison numeric (masked as 0).
// sql/fixtures/strata/read/*.sql reads every other value by path; test/read-engine.test.ts checks
// that a query and its shape compile to identical SQL.
import type { Query } from '../request/query.js';

const VALUE = '?';
const BOOL_OPS = new Set(['_null', '_nnull', '_empty', '_nempty']);
const STRUCTURAL = new Set(['_and', '_or', '_some', '_none']);

function isDynamic(v: unknown): boolean {
  return typeof v === 'string' && v.startsWith('$');
}

function maskValue(op: string, v: unknown): unknown {
  if (v === null || isDynamic(v)) return v;
  if (BOOL_OPS.has(op) && typeof v === 'boolean') return v;
  return VALUE;
}

function jsonFilterShape(filter: unknown): unknown {
  if (Array.isArray(filter)) return filter.map(jsonFilterShape);
  if (typeof filter !== 'object' || filter === null) return VALUE;
  const out: Record<string, unknown> = {};
  for (const [path, ops] of Object.entries(filter)) {
    if (path === '_and' || path === '_or') {
      out[path] = jsonFilterShape(ops);
      continue;
    }
    if (typeof ops !== 'object' || ops === null || Array.isArray(ops)) {
      out[path] = VALUE;
      continue;
    }
    const masked: Record<string, unknown> = {};
    for (const [op, v] of Object.entries(ops)) {
      masked[op] = typeof v === 'number' || (Array.isArray(v) && typeof v[0] === 'number') ? 0 : maskValue(op, v);
    }
    out[path] = masked;
  }
  return out;
}

export function filterShape(filter: unknown): unknown {
  if (Array.isArray(filter)) return filter.map(filterShape);
  if (typeof filter !== 'object' || filter === null) return VALUE;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(filter)) {
    if (k === '_json') out[k] = jsonFilterShape(v);
    else out[k] = k.startsWith('_') && !STRUCTURAL.has(k) ? maskValue(k, v) : filterShape(v);
  }
  return out;
}

function deepShape(deep: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(deep)) {
    if (k === '_filter') out[k] = filterShape(v);
    else if (k === '_limit' || k === '_offset' || k === '_search') out[k] = VALUE;
    else if (k.startsWith('_')) out[k] = v;
    else out[k] = deepShape(v as Record<string, unknown>);
  }
  return out;
}

export function queryShape(q: Query & { key?: unknown; keys?: unknown }): Record<string, unknown> {
  const out: Record<string, unknown> = { ...q };
  if (q.filter) out.filter = filterShape(q.filter);
  if (q.search !== undefined) out.search = VALUE;
  if (q.limit !== undefined) out.limit = VALUE;
  if (q.offset !== undefined) out.offset = VALUE;
  if (q.key !== undefined) out.key = VALUE;
  if (q.keys !== undefined) out.keys = VALUE;
  if (q.deep) out.deep = deepShape(q.deep);
  delete out.export; // decides the response format, not the SQL
  return out;
}
