// Every front end's query (REST query string, SEARCH body, later GraphQL and WebSocket) becomes
// one normalized Query: arrays are arrays, numbers are numbers, `page` is folded into `offset`,
// filter values are coerced and validated the way Directus's sanitizer does. The compiler in
// PostgreSQL only ever sees this form.
import { invalidQuery } from '../errors.js';
import type { QsValue } from './qs.js';
import { isPlainObject } from './body.js';
import { parseJsonSafely } from './safe-keys.js';

export type Filter = { [key: string]: unknown };

export interface Query {
  fields?: string[];
  filter?: Filter;
  search?: string;
  sort?: string[];
  limit?: number;
  offset?: number;
  meta?: string[];
  aggregate?: Record<string, string[]>;
  /** the aggregate functions in request order (output key order), when more than one */
  aggregateOrder?: string[];
  groupBy?: string[];
  deep?: Record<string, unknown>;
  alias?: Record<string, string>;
  backlink?: boolean;
  export?: string;
}

export interface QueryLimits {
  limitDefault: number;
  limitMax: number;
  /** STRATA_MAX_QUERY_FIELDS: the longest fields/sort/groupBy/aggregate list (the compiler counts expanded fields) */
  maxFields?: number;
  /** STRATA_MAX_FILTER_NODES: most filter nodes in one query, deep filters included */
  maxFilterNodes?: number;
}

/** The defaults of STRATA_MAX_QUERY_FIELDS and STRATA_MAX_FILTER_NODES (src/config.ts). */
export const DEFAULT_MAX_FIELDS = 1000;
export const DEFAULT_MAX_FILTER_NODES = 1000;
/** How deeply filters may nest (_and/_or, relations, _json); deeper is refused before compiling. */
export const MAX_FILTER_DEPTH = 50;

/**
 * The filter nodes a query may still hold: every object key (a field, an operator, `_and`/`_or`,
 * `_some`/`_none`) and every member of an `_and`/`_or` list is one node. The compiled SQL grows
 * with them, so counting them here refuses an oversized filter before PostgreSQL sees it.
 */
export class FilterBudget {
  private used = 0;
  constructor(readonly max: number = DEFAULT_MAX_FILTER_NODES) {}

  take(n = 1): void {
    this.used += n;
    if (this.used > this.max) throw invalidQuery(`The filter has more than ${this.max} nodes`);
  }
}

const LIST_OPS = new Set(['_in', '_nin', '_between', '_nbetween']);
const BOOL_OPS = new Set(['_null', '_nnull', '_empty', '_nempty']);
const LOGICAL = new Set(['_and', '_or']);
const RELATIONAL = new Set(['_some', '_none']);

function parseJson(raw: string, what: string): unknown {
  try {
    return parseJsonSafely(raw);
  } catch {
    throw invalidQuery(`Invalid JSON for ${what}`);
  }
}

/** fields/sort/groupBy/meta: "a,b", ["a","b,c"] or a JSON array. */
function csvList(v: unknown, name: string, split: (s: string) => string[] = (s) => s.split(',')): string[] {
  if (typeof v === 'string') {
    const t = v.trim();
    if (t.startsWith('[')) return csvList(parseJson(t, `${name}`), name, split);
    return split(t).map((s) => s.trim()).filter(Boolean);
  }
  if (Array.isArray(v)) return v.flatMap((x) => csvList(x, name, split));
  throw invalidQuery(`"${name}" must be a string or an array`);
}

/**
 * Splits a list of field names at the commas outside parentheses, so `json(meta, a.b)` stays
 * one name. Directus refuses unbalanced and nested parentheses with these messages (always
 * naming "fields", also for sort and groupBy).
 */
function splitFields(s: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '(') {
      if (depth > 0) throw invalidQuery('Nested functions are not supported in "fields"');
      depth++;
    } else if (c === ')') {
      if (depth === 0) throw invalidQuery('Missing closing parenthesis in "fields"');
      depth--;
    } else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i));
      start = i + 1;
    }
  }
  if (depth > 0) throw invalidQuery('Missing closing parenthesis in "fields"');
  out.push(s.slice(start));
  return out;
}

const fieldList = (v: unknown, name: string) => csvList(v, name, splitFields);

function integer(v: unknown, name: string, min: number): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw invalidQuery(`"${name}" must be a number`);
  if (!Number.isInteger(n)) throw invalidQuery(`"${name}" must be an integer`);
  if (n < min) throw invalidQuery(`"${name}" must be greater than or equal to ${min}`);
  return n;
}

function objectParam(v: unknown, name: string): Record<string, unknown> {
  const o = typeof v === 'string' ? parseJson(v, `${name} object`) : v;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) throw invalidQuery(`"${name}" must be an object`);
  return o as Record<string, unknown>;
}

/** Directus coerces these strings (they arrive as text from query strings). */
function coerce(v: unknown): unknown {
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (v === 'null' || v === 'NULL') return null;
  return v;
}

function normalizeOperator(op: string, raw: unknown): unknown {
  let v = coerce(raw);
  if (LIST_OPS.has(op)) {
    if (typeof v === 'string') v = v.startsWith('$') ? v : v.split(',');
    else if (typeof v === 'number' || typeof v === 'boolean') v = [v];
    if (typeof v === 'string') return v; // $CURRENT_ROLES, $CURRENT_POLICIES
    if (!Array.isArray(v) || v.length === 0) throw invalidQuery(`"${op}" has to be an array of values`);
    if (op.endsWith('between') && v.length !== 2) throw invalidQuery(`"${op}" has to be an array of two values`);
    for (const item of v) {
      if (item !== null && typeof item === 'object') throw invalidQuery(`"${op}" values must be strings, numbers or booleans`);
    }
    return v;
  }
  if (BOOL_OPS.has(op)) {
    if (typeof v !== 'boolean') throw invalidQuery(`"${op}" has to be a boolean`);
    return v;
  }
  if (op === '_intersects' || op === '_nintersects' || op === '_intersects_bbox' || op === '_nintersects_bbox') {
    return typeof v === 'string' ? v : JSON.stringify(v);
  }
  if (v !== null && typeof v === 'object') throw invalidQuery(`The filter value for "${op}" has to be a string, number, or boolean`);
  if (v === '' && op !== '_neq') throw invalidQuery(`You can't filter for an empty string in "${op}". Use "_empty" or "_nempty" instead`);
  return v;
}

const isValueOperator = (op: string) => op.startsWith('_') && !LOGICAL.has(op) && !RELATIONAL.has(op);

/**
 * The value of a `_json` operator: {"<path>": {"_op": value}, "_and": [...], "_or": [...]}.
 * Only the values are coerced here, like any filter value; the structure, the paths and the
 * operators are checked by the compiler (strata.compile_json_filter), which SQL callers of
 * strata.read go through too.
 */
function normalizeJsonFilter(raw: unknown, depth: number, budget: FilterBudget): unknown {
  if (depth > MAX_FILTER_DEPTH) throw invalidQuery('Filter is nested too deeply');
  if (Array.isArray(raw)) {
    budget.take(raw.length);
    return raw.map((f) => normalizeJsonFilter(f, depth + 1, budget));
  }
  if (!isPlainObject(raw)) return raw;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    budget.take();
    if (LOGICAL.has(key)) out[key] = normalizeJsonFilter(value, depth + 1, budget);
    else if (!isPlainObject(value)) out[key] = value;
    else {
      budget.take(Object.keys(value).length);
      out[key] = Object.fromEntries(Object.entries(value).map(([op, v]) => [op, isValueOperator(op) ? normalizeOperator(op, v) : v]));
    }
  }
  return out;
}

/**
 * Validates and coerces a filter tree; a bare value under a field means `_eq`. Its nodes are
 * taken from `budget` (one per query, shared with `deep` filters).
 */
export function normalizeFilter(raw: unknown, depth = 0, budget = new FilterBudget()): Filter {
  if (depth > MAX_FILTER_DEPTH) throw invalidQuery('Filter is nested too deeply');
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw invalidQuery('Invalid filter object');
  const out: Filter = {};
  for (const [key, value] of Object.entries(raw)) {
    budget.take();
    if (LOGICAL.has(key)) {
      const list = Array.isArray(value) ? value : typeof value === 'object' && value !== null ? Object.values(value) : null;
      if (!list) throw invalidQuery(`"${key}" must be an array`);
      budget.take(list.length);
      out[key] = list.map((f) => normalizeFilter(f, depth + 1, budget));
    } else if (key === '_json') {
      out[key] = normalizeJsonFilter(value, depth + 1, budget);
    } else if (key.startsWith('_') && !RELATIONAL.has(key)) {
      out[key] = normalizeOperator(key, value);
    } else if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      out[key] = normalizeFilter(value, depth + 1, budget);
    } else {
      budget.take(); // the implicit _eq
      out[key] = { _eq: normalizeOperator('_eq', value) };
    }
  }
  return out;
}

function normalizeDeep(raw: unknown, limits: QueryLimits, budget: FilterBudget, depth = 0): Record<string, unknown> {
  const node = objectParam(raw, 'deep');
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    switch (key) {
      case '_filter': out._filter = normalizeFilter(typeof value === 'string' ? parseJson(value, 'filter object') : value, 0, budget); break;
      case '_sort': out._sort = capped(fieldList(value, 'sort'), 'sort', limits); break;
      case '_limit': out._limit = limit(value, limits); break;
      case '_offset': out._offset = integer(value, 'offset', 0); break;
      case '_page': break; // folded into _offset below
      case '_search':
        if (typeof value !== 'string') throw invalidQuery('"search" must be a string');
        out._search = value;
        break;
      case '_alias': out._alias = alias(value); capped(Object.keys(out._alias as object), 'alias', limits); break;
      case '_aggregate': { // a one-to-many field's rows aggregated per parent row
        const agg = aggregate(value, limits);
        out._aggregate = agg.aggregate;
        if (agg.aggregateOrder) out._aggregateOrder = agg.aggregateOrder;
        break;
      }
      case '_groupBy': out._groupBy = capped(fieldList(value, 'groupBy'), 'groupBy', limits); break;
      default:
        if (key.startsWith('_')) break; // other query params are meaningless inside deep
        if (depth > 20) throw invalidQuery('Deep is nested too deeply');
        // a relation's entry that is no object (`deep[states]=1`, or qs's remainder key past its
        // depth) means nothing, and Directus ignores it
        if (!isPlainObject(value)) break;
        out[key] = normalizeDeep(value, limits, budget, depth + 1);
    }
  }
  if (node._page !== undefined) {
    const page = integer(node._page, 'page', 0);
    const lim = (out._limit as number | undefined) ?? limits.limitDefault;
    if (lim !== -1 && page > 0) out._offset = lim * (page - 1);
  }
  return out;
}

/**
 * A fields/sort/groupBy/aggregate list, refused when longer than STRATA_MAX_QUERY_FIELDS: each
 * entry is at least one output field or ORDER BY term (the compiler also counts the fields
 * wildcards expand to).
 */
function capped(list: string[], name: string, limits: QueryLimits): string[] {
  const max = limits.maxFields ?? DEFAULT_MAX_FIELDS;
  if (list.length > max) throw invalidQuery(`"${name}" can't have more than ${max} entries`);
  return list;
}

/** `aggregate` (or a deep node's `_aggregate`): {fn: [fields]}, and the functions' request order. */
function aggregate(v: unknown, limits: QueryLimits): Pick<Query, 'aggregate' | 'aggregateOrder'> {
  const agg = objectParam(v, 'aggregate');
  const out: Record<string, string[]> = {};
  for (const [fn, fields] of Object.entries(agg)) out[fn] = fieldList(fields, `aggregate[${fn}]`);
  capped(Object.values(out).flat(), 'aggregate', limits);
  // jsonb sorts object keys; Directus answers the functions in request order
  return Object.keys(out).length > 1 ? { aggregate: out, aggregateOrder: Object.keys(out) } : { aggregate: out };
}

function limit(v: unknown, limits: QueryLimits): number {
  let n = integer(v, 'limit', -1);
  if (n === -1 && Number.isFinite(limits.limitMax)) n = limits.limitMax;
  if (n > limits.limitMax) throw invalidQuery(`"limit" can't be greater than ${limits.limitMax}`);
  return n;
}

function alias(v: unknown): Record<string, string> {
  const o = objectParam(v, 'alias');
  const out: Record<string, string> = {};
  for (const [k, target] of Object.entries(o)) {
    if (typeof target !== 'string') throw invalidQuery('"alias" values must be strings');
    if (k.includes('.')) throw invalidQuery('"alias" key can\'t contain a period character `.`');
    // json(field, path) may have "."s in its path, not in its field: an alias of a value read
    // through a relation (json(author.profile, x)) is refused (Directus answers it unaliased)
    const json = /^json\(([^,()]*),[^()]*\)$/.exec(target.trim());
    if (json ? json[1].includes('.') : target.includes('.')) throw invalidQuery('"alias" value can\'t contain a period character `.`');
    out[k] = target;
  }
  return out;
}

/**
 * Normalizes raw parameters (from a query string or a SEARCH body's `query`). List reads get
 * the default limit when none is given, like Directus.
 */
export function normalizeQuery(raw: Record<string, unknown>, limits: QueryLimits, opts: { list: boolean } = { list: true }): Query {
  const q: Query = {};
  const budget = new FilterBudget(limits.maxFilterNodes);
  if (raw.fields !== undefined) q.fields = capped(fieldList(raw.fields, 'fields'), 'fields', limits);
  if (raw.filter !== undefined && raw.filter !== '') {
    q.filter = normalizeFilter(typeof raw.filter === 'string' ? parseJson(raw.filter, 'filter object') : raw.filter, 0, budget);
  }
  if (raw.search !== undefined && raw.search !== '') {
    if (typeof raw.search !== 'string') throw invalidQuery('"search" must be a string');
    q.search = raw.search;
  }
  if (raw.sort !== undefined && raw.sort !== '') q.sort = capped(fieldList(raw.sort, 'sort'), 'sort', limits);
  if (raw.limit !== undefined && raw.limit !== '') q.limit = limit(raw.limit, limits);
  if (raw.offset !== undefined && raw.offset !== '') q.offset = integer(raw.offset, 'offset', 0);
  if (raw.page !== undefined && raw.page !== '') {
    const page = integer(raw.page, 'page', 0);
    const lim = q.limit ?? limits.limitDefault;
    if (lim !== -1 && page > 0) q.offset = lim * (page - 1);
  }
  if (raw.meta !== undefined && raw.meta !== '') {
    q.meta = csvList(raw.meta, 'meta');
    for (const m of q.meta) {
      if (!['total_count', 'filter_count', '*'].includes(m)) throw invalidQuery(`"meta" can only contain total_count, filter_count or *`);
    }
  }
  if (raw.aggregate !== undefined && raw.aggregate !== '') Object.assign(q, aggregate(raw.aggregate, limits));
  if (raw.groupBy !== undefined && raw.groupBy !== '') q.groupBy = capped(fieldList(raw.groupBy, 'groupBy'), 'groupBy', limits);
  if (raw.deep !== undefined && raw.deep !== '') q.deep = normalizeDeep(raw.deep, limits, budget);
  if (raw.alias !== undefined && raw.alias !== '') {
    q.alias = alias(raw.alias);
    capped(Object.keys(q.alias), 'alias', limits);
  }
  if (raw.backlink !== undefined) q.backlink = raw.backlink !== 'false' && raw.backlink !== false;
  if (raw.export !== undefined && raw.export !== '') {
    // (a string only: String() of an object from `export[valueOf]=` would throw)
    const format = typeof raw.export === 'string' ? raw.export : '';
    if (!['json', 'csv', 'csv_utf8', 'xml', 'yaml'].includes(format)) throw invalidQuery('"export" must be one of json, csv, csv_utf8, xml, yaml');
    q.export = format;
  }
  if (opts.list && q.limit === undefined && !q.aggregate) q.limit = limits.limitDefault;
  if (q.aggregate && q.groupBy && q.limit === undefined) q.limit = limits.limitDefault;
  return q;
}
