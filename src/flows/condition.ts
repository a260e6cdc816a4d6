// The condition operation: a Directus filter checked against the flow's data chain (keys are
// paths into it, e.g. {"$trigger": {"payload": {"status": {"_eq": "published"}}}}). Passing
// resolves; failing rejects with one FAILED_VALIDATION error per failed rule, as Directus
// reports them (an operator it doesn't know passes). $CURRENT_USER / $CURRENT_ROLE / $NOW are the
// trigger's values.
import type { Accountability } from '../types.js';
import { DirectusError, invalidPayload } from '../errors.js';

/** Throws the failures (an array of FAILED_VALIDATION errors) when `data` does not satisfy `filter`. */
export function checkCondition(filter: unknown, data: unknown, accountability: Accountability | null): void {
  if (filter === null || filter === undefined || filter === '') return;
  if (typeof filter !== 'object' || Array.isArray(filter)) throw invalidPayload('"filter" must be an object');
  const failures = evaluate(filter as Record<string, unknown>, data, [], accountability);
  if (failures.length > 0) throw failures;
}

/** Directus's report of one failed rule: the first path step is the field, the rest the path in it. */
function failure(path: string[], op: string, arg: unknown, value: unknown): DirectusError {
  const [field = '', ...rest] = path;
  const at = rest.length > 0 ? ` at "${rest.join('.')}"` : '';
  const list = (v: unknown) => (Array.isArray(v) ? v : [v]).map((x) => `"${String(x)}"`).join(', ');
  let type = op.slice(1);
  let ext: Record<string, unknown> = {};
  let message: string;
  if (value === undefined && !['_null', '_nnull', '_empty', '_nempty'].includes(op)) {
    type = 'required';
    message = 'Value is required.';
  } else if (op === '_eq' && typeof arg === 'number') {
    // a number matches its text too: reported as a list
    [type, ext, message] = ['in', { valid: [arg, String(arg)] }, `Value has to be one of ${list([arg, String(arg)])}.`];
  } else {
    const messages: Record<string, [string, Record<string, unknown>]> = {
      _eq: [`Value has to be "${String(arg)}".`, { valid: arg }],
      _neq: [`Value can't be "${String(arg)}".`, { invalid: arg }],
      _lt: [`Value has to be less than "${String(arg)}".`, { valid: arg }],
      _lte: [`Value has to be less than or equal to "${String(arg)}".`, { valid: arg }],
      _gt: [`Value has to be greater than "${String(arg)}".`, { valid: arg }],
      _gte: [`Value has to be greater than or equal to "${String(arg)}".`, { valid: arg }],
      _in: [`Value has to be one of ${list(arg)}.`, { valid: arg }],
      _nin: [`Value can't be one of ${list(arg)}.`, { invalid: arg }],
      _null: ['Value has to be null.', {}],
      _nnull: ["Value can't be null.", {}],
      _empty: ['Value has to be empty.', {}],
      _nempty: ["Value can't be empty.", {}],
      _contains: [`Value has to contain "${String(arg)}".`, { substring: arg }],
      _ncontains: [`Value can't contain "${String(arg)}".`, { substring: arg }],
      _regex: ["Value doesn't have the correct format.", { invalid: value }],
    };
    const known = messages[op];
    message = known ? known[0] : "Value doesn't have the correct format.";
    ext = known ? known[1] : { substring: arg };
  }
  return new DirectusError('FAILED_VALIDATION', `Validation failed for field "${field}"${at}. ${message}`, { field, path: rest, type, ...ext });
}

function dynamic(v: unknown, a: Accountability | null): unknown {
  if (v === '$CURRENT_USER') return a?.user ?? null;
  if (v === '$CURRENT_ROLE') return a?.role ?? null;
  if (v === '$CURRENT_ROLES') return a?.roles ?? [];
  if (v === '$NOW') return new Date().toISOString();
  return v;
}

function evaluate(filter: Record<string, unknown>, data: unknown, path: string[], a: Accountability | null): DirectusError[] {
  const out: DirectusError[] = [];
  for (const [key, rule] of Object.entries(filter)) {
    if (key === '_and' || key === '_or') {
      const groups = (Array.isArray(rule) ? rule : []).map((r) => (r && typeof r === 'object' ? evaluate(r as Record<string, unknown>, data, path, a) : []));
      if (key === '_and') out.push(...groups.flat());
      else if (groups.length > 0 && groups.every((g) => g.length > 0)) out.push(...groups.flat());
      continue;
    }
    if (key.startsWith('_')) {
      const arg = dynamic(rule, a);
      if (!KNOWN.has(key)) continue; // Directus lets an operator it doesn't know pass
      if (!test(key, data, arg)) out.push(failure(path, key, arg, data));
      continue;
    }
    const child = data !== null && typeof data === 'object' && Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
    if (rule !== null && typeof rule === 'object' && !Array.isArray(rule)) out.push(...evaluate(rule as Record<string, unknown>, child, [...path, key], a));
  }
  return out;
}

const KNOWN = new Set(['_eq', '_neq', '_lt', '_lte', '_gt', '_gte', '_in', '_nin', '_null', '_nnull', '_empty', '_nempty', '_contains', '_ncontains',
  '_icontains', '_nicontains', '_starts_with', '_nstarts_with', '_istarts_with', '_nistarts_with', '_ends_with', '_nends_with', '_iends_with',
  '_niends_with', '_between', '_nbetween', '_regex']);
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [v]);
const num = (v: unknown) => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : v);
// eslint-disable-next-line eqeqeq
const same = (x: unknown, y: unknown) => x === y || (x !== null && y !== null && x !== undefined && y !== undefined && typeof x !== 'object' && String(x) === String(y));
const compare = (x: unknown, y: unknown): number => {
  const [p, q] = [num(x), num(y)];
  if (typeof p === 'number' && typeof q === 'number') return p - q;
  return str(x) < str(y) ? -1 : str(x) > str(y) ? 1 : 0;
};
const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (typeof v === 'object' && v !== null && Object.keys(v).length === 0);

function test(op: string, v: unknown, arg: unknown): boolean {
  switch (op) {
    case '_eq': return same(v, arg);
    case '_neq': return !same(v, arg);
    case '_lt': return v !== null && v !== undefined && compare(v, arg) < 0;
    case '_lte': return v !== null && v !== undefined && compare(v, arg) <= 0;
    case '_gt': return v !== null && v !== undefined && compare(v, arg) > 0;
    case '_gte': return v !== null && v !== undefined && compare(v, arg) >= 0;
    case '_in': return list(arg).some((x) => same(v, x));
    case '_nin': return !list(arg).some((x) => same(v, x));
    case '_null': return (arg === false || arg === 'false') ? v !== null && v !== undefined : v === null || v === undefined;
    case '_nnull': return (arg === false || arg === 'false') ? v === null || v === undefined : v !== null && v !== undefined;
    case '_empty': return (arg === false || arg === 'false') ? !isEmpty(v) : isEmpty(v);
    case '_nempty': return (arg === false || arg === 'false') ? isEmpty(v) : !isEmpty(v);
    case '_contains': return Array.isArray(v) ? v.some((x) => same(x, arg)) : str(v).includes(str(arg));
    case '_ncontains': return !(Array.isArray(v) ? v.some((x) => same(x, arg)) : str(v).includes(str(arg)));
    case '_icontains': return str(v).toLowerCase().includes(str(arg).toLowerCase());
    case '_nicontains': return !str(v).toLowerCase().includes(str(arg).toLowerCase());
    case '_starts_with': return str(v).startsWith(str(arg));
    case '_nstarts_with': return !str(v).startsWith(str(arg));
    case '_istarts_with': return str(v).toLowerCase().startsWith(str(arg).toLowerCase());
    case '_nistarts_with': return !str(v).toLowerCase().startsWith(str(arg).toLowerCase());
    case '_ends_with': return str(v).endsWith(str(arg));
    case '_nends_with': return !str(v).endsWith(str(arg));
    case '_iends_with': return str(v).toLowerCase().endsWith(str(arg).toLowerCase());
    case '_niends_with': return !str(v).toLowerCase().endsWith(str(arg).toLowerCase());
    case '_between': { const [lo, hi] = list(arg); return v !== null && v !== undefined && compare(v, lo) >= 0 && compare(v, hi) <= 0; }
    case '_nbetween': { const [lo, hi] = list(arg); return !(v !== null && v !== undefined && compare(v, lo) >= 0 && compare(v, hi) <= 0); }
    case '_regex': {
      try {
        const m = /^\/(.*)\/([a-z]*)$/s.exec(str(arg));
        return new RegExp(m ? m[1] : str(arg), m ? m[2].replace(/[^imsu]/g, '') : '').test(str(v));
      } catch {
        return false;
      }
    }
    default: return true;
  }
}
