// PostgreSQL errors -> Directus errors. The one table mapping SQLSTATEs to Directus codes.
import { DirectusError, type ErrorCode } from '../errors.js';

/**
 * Strata's own SQL raises `errcode = 'SD000'` with `detail` = the Directus code and `hint` =
 * the extensions as JSON (see sql/fixtures/strata/util/raise.sql), so errors keep their Directus
 * shape whichever layer detects them.
 */
const STRATA_SQLSTATE = 'SD000';

interface PgError {
  code?: string;
  message?: string;
  detail?: string;
  hint?: string;
  table_name?: string;
  column_name?: string;
  constraint_name?: string;
}

// SQLSTATE -> how Directus reports the same failure.
const BY_SQLSTATE: Record<string, (e: PgError, valueErrors?: ValueErrorCode) => DirectusError | undefined> = {
  // unique_violation: `Value "x" for field "f" in collection "c" has to be unique.`
  '23505': (e) => {
    const m = /Key \((.+?)\)=\((.*)\) already exists/.exec(e.detail ?? '');
    const field = m?.[1] ?? e.column_name ?? null;
    const value = m?.[2] ?? null;
    return new DirectusError('RECORD_NOT_UNIQUE', `Value "${value}" for field "${field}" in collection "${e.table_name}" has to be unique.`, {
      collection: e.table_name ?? null, field, value,
    });
  },
  // not_null_violation
  '23502': (e) => new DirectusError('NOT_NULL_VIOLATION', `Value for field "${e.column_name}" in collection "${e.table_name}" can't be null.`, {
    collection: e.table_name ?? null, field: e.column_name ?? null,
  }),
  // foreign_key_violation
  '23503': (e) => {
    const m = /Key \((.+?)\)=\((.*)\) is not present/.exec(e.detail ?? '');
    return new DirectusError('INVALID_FOREIGN_KEY', `Invalid foreign key "${m?.[2] ?? ''}" for field "${m?.[1] ?? ''}" in collection "${e.table_name}".`, {
      collection: e.table_name ?? null, field: m?.[1] ?? null, value: m?.[2] ?? null,
    });
  },
  // string_data_right_truncation
  '22001': (e) => new DirectusError('VALUE_TOO_LONG', `Value for field "${e.column_name ?? ''}" in collection "${e.table_name ?? ''}" is too long.`, {
    collection: e.table_name ?? null, field: e.column_name ?? null,
  }),
  // numeric_value_out_of_range
  '22003': (e) => new DirectusError('VALUE_OUT_OF_RANGE', `Numeric value for field "${e.column_name ?? ''}" in collection "${e.table_name ?? ''}" is out of range.`, {
    collection: e.table_name ?? null, field: e.column_name ?? null,
  }),
  // invalid_text_representation / invalid_datetime_format / datetime_field_overflow /
  // invalid_parameter_value (a scalar where _in needs a list): a value of the wrong type
  '22P02': valueError,
  '22007': valueError,
  '22008': valueError,
  '22023': valueError,
  // untranslatable_character: a NUL character (\u0000), which text and jsonb can't hold
  '22P05': valueError,
  // invalid_regular_expression (user-supplied _regex)
  '2201B': (e) => new DirectusError('INVALID_QUERY', `Invalid query. ${firstLine(e.message)}.`),
  // undefined_function, for a type without ordering or equality (json): a sort, groupBy,
  // countDistinct or min/max on a json field is the query's fault (Directus answers 500); any
  // other missing function is Strata's and stays masked
  '42883': (e) => /^could not identify an? (ordering|equality) operator|^function (min|max|sum|avg)\(json\) does not exist/.test(e.message ?? '')
    ? new DirectusError('INVALID_QUERY', 'Invalid query. A json field can\'t be sorted, grouped or aggregated.', { reason: 'A json field can\'t be sorted, grouped or aggregated' })
    : undefined,
  // insufficient_privilege: row-level security refused the change
  '42501': () => new DirectusError('FORBIDDEN', "You don't have permission to access this."),
  // query_canceled: the statement ran past STRATA_STATEMENT_TIMEOUT (or its client went away,
  // when nobody reads the answer)
  '57014': () => new DirectusError('SERVICE_UNAVAILABLE', 'The request took too long and was cancelled.'),
  // statement_too_complex / program_limit_exceeded: a query PostgreSQL refuses to plan or run
  '54001': () => new DirectusError('INVALID_QUERY', 'Invalid query. The query is too complex.', { reason: 'The query is too complex' }),
  '54000': () => new DirectusError('INVALID_QUERY', 'Invalid query. The query is too complex.', { reason: 'The query is too complex' }),
  // check_violation
  '23514': (e) => new DirectusError('FAILED_VALIDATION', `Validation failed for field "${e.column_name ?? e.constraint_name ?? ''}".`, {
    collection: e.table_name ?? null, field: e.column_name ?? null,
  }),
};

type ValueErrorCode = 'INVALID_QUERY' | 'INVALID_PAYLOAD';

function valueError(e: PgError, code: ValueErrorCode = 'INVALID_PAYLOAD'): DirectusError {
  const reason = firstLine(e.message);
  return new DirectusError(code, `${code === 'INVALID_QUERY' ? 'Invalid query' : 'Invalid payload'}. ${reason}.`, { reason });
}

function firstLine(s: string | undefined): string {
  return (s ?? '').split('\n')[0].replace(/\.$/, '');
}

// jsonb sorts object keys; Directus's extensions come in this order (then any others)
const EXTENSION_ORDER = ['reason', 'collection', 'field', 'value'];
function directusOrder(ext: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of EXTENSION_ORDER) if (k in ext) out[k] = ext[k];
  return Object.assign(out, ext);
}

export function isPgError(err: unknown): err is PgError {
  return typeof err === 'object' && err !== null && typeof (err as PgError).code === 'string' && (err as { severity?: unknown }).severity !== undefined;
}

/** A Directus error for a database error, or undefined when it must be masked as a 500. */
export function fromPgError(err: unknown, valueErrors?: ValueErrorCode): DirectusError | undefined {
  if (!isPgError(err)) return undefined;
  if (err.code === STRATA_SQLSTATE) {
    let ext: Record<string, unknown> = {};
    try {
      ext = err.hint ? JSON.parse(err.hint) : {};
    } catch { /* a hint that is not JSON carries no extensions */ }
    const code = (err.detail ?? 'INTERNAL_SERVER_ERROR') as ErrorCode;
    // `more`: the further errors of the same code raised together (strata.check_validation)
    const { more, ...first } = ext;
    const error = new DirectusError(code, err.message ?? '', directusOrder(first));
    if (Array.isArray(more)) error.more = more.map((m) => new DirectusError(code, String(m?.message ?? ''), directusOrder(m?.extensions ?? {})));
    return error;
  }
  const error = BY_SQLSTATE[err.code!]?.(err, valueErrors);
  // (the writer tells PostgreSQL's own value errors from Strata's converted ones by this)
  if (error) error.cause = err;
  return error;
}
