// Directus's function fields: `<field>_func` next to a date, dateTime, timestamp or time field
// (`year`, `month`, ... as Ints), a json field (`count`, `json(path)`) and a one-to-many field
// (`count`). They are REST's function fields (`year(date_created)`, `count(comments)`) under
// another name, so the plan reads them as those (src/graphql/plan.ts) and the filters name them
// as REST does (`{date_created_func: {year: {_eq: 2024}}}` -> `{"year(date_created)": ...}`).
import { isPlainObject } from '../request/body.js';
import type { Model, ModelCollection, ModelField } from './model.js';

export type FunctionKind = 'date' | 'datetime' | 'time' | 'json' | 'count';

/** The functions of each kind, in Directus's order (its `date_functions`, ... types). */
export const FUNCTIONS: Record<FunctionKind, readonly string[]> = {
  date: ['year', 'month', 'week', 'day', 'weekday'],
  datetime: ['year', 'month', 'week', 'day', 'weekday', 'hour', 'minute', 'second'],
  time: ['hour', 'minute', 'second'],
  json: ['count'],
  count: ['count'],
};

export const FUNC_SUFFIX = '_func';

/** Which functions a field has (none: no `<field>_func`). Directus 12.4: csv, m2o and m2a fields have none. */
export function functionKind(f: ModelField): FunctionKind | undefined {
  if (f.relation) return f.relation.kind === 'o2m' ? 'count' : undefined;
  switch (f.type) {
    case 'date': return 'date';
    case 'dateTime': case 'timestamp': return 'datetime';
    case 'time': return 'time';
    case 'json': return 'json';
    default: return undefined;
  }
}

/**
 * The field a `<name>` of a collection's GraphQL type is the function field of, if it is one.
 * A real field named `x_func` stays that field (the schema gives no `x_func` then).
 */
export function functionBase(c: ModelCollection, name: string): ModelField | undefined {
  if (!name.endsWith(FUNC_SUFFIX) || c.fields.has(name)) return undefined;
  const base = c.fields.get(name.slice(0, -FUNC_SUFFIX.length));
  return base && functionKind(base) ? base : undefined;
}
