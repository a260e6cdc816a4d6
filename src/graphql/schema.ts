// The GraphQL schema Directus generates for a caller's model (src/graphql/model.ts), read side:
// per collection `<c>` an object type with the caller's readable fields, and the root fields
// `<c>`, `<c>_by_id` and `<c>_aggregated` with Directus's arguments and filter input types.
// The schema only types and validates requests: nothing resolves through it (src/graphql/plan.ts
// turns each root field into one compiled read).
import {
  GraphQLBoolean, GraphQLFloat, GraphQLID, GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull,
  GraphQLObjectType, GraphQLScalarType, GraphQLSchema, GraphQLString, GraphQLUnionType, Kind, valueFromASTUntyped,
  type GraphQLFieldConfigArgumentMap, type GraphQLFieldConfigMap, type GraphQLInputFieldConfigMap,
  type GraphQLInputType, type GraphQLOutputType,
} from 'graphql';
import { FUNC_SUFFIX, FUNCTIONS, functionKind, type FunctionKind } from './functions.js';
import type { Model, ModelCollection, ModelField, WriteModel } from './model.js';
import { buildMutation } from './mutation-schema.js';
import { buildSubscription } from './subscriptions.js';
import { VERSION_ARG, versionRootField } from './versions.js';

// Directus's custom scalars (names as Directus's schema has them)
export const GraphQLJSON = new GraphQLScalarType({
  name: 'JSON',
  description: 'The `JSON` scalar type represents JSON values as specified by [ECMA-404](http://www.ecma-international.org/publications/files/ECMA-ST/ECMA-404.pdf).',
  parseValue: (v) => v,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});
export const GraphQLBigInt = new GraphQLScalarType({
  name: 'GraphQLBigInt',
  description: 'BigInt value',
  parseValue: (v) => v,
  parseLiteral: (ast) => (ast.kind === Kind.INT || ast.kind === Kind.STRING ? ast.value : undefined),
});
export const GraphQLStringOrFloat = new GraphQLScalarType({
  name: 'GraphQLStringOrFloat',
  description: 'A Float or a String',
  parseValue: (v) => v,
  parseLiteral: (ast) => (ast.kind === Kind.INT || ast.kind === Kind.FLOAT ? Number(ast.value) : ast.kind === Kind.STRING ? ast.value : undefined),
});

// dates and secrets have scalars of their own in Directus's schema (the values are the strings
// the items API writes: ISO 8601 dates, "**********" for a concealed or hashed value)
export const GraphQLDate = new GraphQLScalarType({ name: 'Date', description: 'A date, time or timestamp as an ISO 8601 string' });
export const GraphQLHash = new GraphQLScalarType({ name: 'Hash', description: 'A hashed or concealed value (read back masked)' });
const GraphQLJsonFilter = new GraphQLScalarType({
  name: 'GraphQLJsonFilter',
  description: 'Filters on paths inside a JSON value: {"<path>": {"<operator>": value}}',
  parseValue: (v) => v,
  parseLiteral: (ast, variables) => valueFromASTUntyped(ast, variables),
});

const NUMERIC = new Set(['integer', 'bigInteger', 'float', 'decimal']);
const DATES = new Set(['date', 'dateTime', 'time', 'timestamp']);

/** Directus's output type for a field (recorded from Directus 12.4's introspection). */
function scalarFor(f: ModelField): GraphQLOutputType {
  if (f.primaryKey) return new GraphQLNonNull(GraphQLID);
  if (f.secret) return GraphQLHash;
  if (DATES.has(f.type)) return GraphQLDate;
  switch (f.type) {
    case 'integer': return GraphQLInt;
    case 'bigInteger': return GraphQLBigInt;
    case 'float': case 'decimal': return GraphQLFloat;
    case 'boolean': return GraphQLBoolean;
    case 'uuid': return GraphQLID;
    case 'csv': return new GraphQLList(GraphQLString);
    case 'json': case 'geometry': return GraphQLJSON;
    default: return GraphQLString;
  }
}

/** A field's type in a mutation's input: its output scalar, the primary key optional (generated keys). */
export const inputScalarFor = (f: ModelField): GraphQLInputType => (f.primaryKey ? GraphQLID : scalarFor(f) as GraphQLInputType);

// `<type>_filter_operators`, shared by every collection
const list = <T extends GraphQLInputType | GraphQLOutputType>(t: T) => new GraphQLList(t);
function operatorFields(value: GraphQLInputType, ops: string[]): GraphQLInputFieldConfigMap {
  const fields: GraphQLInputFieldConfigMap = {};
  for (const op of ops) {
    if (['_null', '_nnull', '_empty', '_nempty'].includes(op)) fields[op] = { type: GraphQLBoolean };
    else if (['_in', '_nin', '_between', '_nbetween'].includes(op)) fields[op] = { type: list(value) };
    else fields[op] = { type: value };
  }
  return fields;
}
const operators = (name: string, value: GraphQLInputType, ops: string[]) => new GraphQLInputObjectType({ name, fields: operatorFields(value, ops) });
// the operators of each type in Directus 12.4's order (introspection recorded from it)
const TEXT = ['_eq', '_neq', '_contains', '_icontains', '_ncontains', '_starts_with', '_nstarts_with', '_istarts_with', '_nistarts_with',
  '_ends_with', '_nends_with', '_iends_with', '_niends_with', '_in', '_nin', '_null', '_nnull', '_empty', '_nempty'];
const NUMBER = ['_eq', '_neq', '_in', '_nin', '_gt', '_gte', '_lt', '_lte', '_null', '_nnull', '_between', '_nbetween'];
const PRESENCE = ['_null', '_nnull', '_empty', '_nempty'];
// (dates compare as strings, but their ranges take Directus's string-or-number bounds)
const dateOperators = new GraphQLInputObjectType({
  name: 'date_filter_operators',
  fields: {
    ...operatorFields(GraphQLString, ['_eq', '_neq', '_gt', '_gte', '_lt', '_lte', '_null', '_nnull', '_in', '_nin']),
    ...operatorFields(GraphQLStringOrFloat, ['_between', '_nbetween']),
  },
});
const FILTERS = {
  string: operators('string_filter_operators', GraphQLString, TEXT),
  id: operators('id_filter_operators', GraphQLID, TEXT),
  number: operators('number_filter_operators', GraphQLStringOrFloat, NUMBER),
  bigInt: operators('big_int_filter_operators', GraphQLBigInt, NUMBER),
  boolean: operators('boolean_filter_operators', GraphQLBoolean, ['_eq', '_neq', '_null', '_nnull']),
  date: dateOperators,
  // secrets: presence only, as REST allows on them
  hash: operators('hash_filter_operators', GraphQLString, PRESENCE),
  json: new GraphQLInputObjectType({
    name: 'json_filter_operators',
    fields: { _json: { type: GraphQLJsonFilter }, _null: { type: GraphQLBoolean }, _nnull: { type: GraphQLBoolean } },
  }),
};
function filterOperatorsFor(f: ModelField): GraphQLInputObjectType | undefined {
  if (f.secret) return FILTERS.hash;
  if (DATES.has(f.type)) return FILTERS.date;
  switch (f.type) {
    case 'integer': case 'float': case 'decimal': return FILTERS.number;
    case 'bigInteger': return FILTERS.bigInt;
    case 'boolean': return FILTERS.boolean;
    case 'uuid': return FILTERS.id;
    case 'string': case 'text': case 'csv': return FILTERS.string;
    case 'json': return FILTERS.json;
    default: return undefined; // geometry: not filterable through GraphQL
  }
}

// `<field>_func`: Directus's shared function types (a json field's is its own, `<c>_<field>_func`,
// for its `json(path)`), and the filter operators of each kind (the functions' Int results)
const intFields = (fns: readonly string[]) => Object.fromEntries(fns.map((fn) => [fn, { type: GraphQLInt }]));
const FUNCTION_TYPES = {
  date: new GraphQLObjectType({ name: 'date_functions', fields: intFields(FUNCTIONS.date) }),
  datetime: new GraphQLObjectType({ name: 'datetime_functions', fields: intFields(FUNCTIONS.datetime) }),
  time: new GraphQLObjectType({ name: 'time_functions', fields: intFields(FUNCTIONS.time) }),
  count: new GraphQLObjectType({ name: 'count_functions', fields: intFields(FUNCTIONS.count) }),
};
const functionFilter = (name: string, fns: readonly string[]) =>
  new GraphQLInputObjectType({ name, fields: Object.fromEntries(fns.map((fn) => [fn, { type: FILTERS.number }])) });
const FUNCTION_FILTERS = {
  date: functionFilter('date_function_filter_operators', FUNCTIONS.date),
  datetime: functionFilter('datetime_function_filter_operators', FUNCTIONS.datetime),
  time: functionFilter('time_function_filter_operators', FUNCTIONS.time),
  count: functionFilter('count_function_filter_operators', FUNCTIONS.count),
};

/** A field's `<field>_func` and which functions it has, if it has one (not when a field of that name exists). */
function functionField(c: ModelCollection, f: ModelField): { name: string; kind: FunctionKind } | undefined {
  const kind = functionKind(f);
  const name = f.field + FUNC_SUFFIX;
  return kind && !c.fields.has(name) ? { name, kind } : undefined;
}
/** a json field's functions: `count` and `json(path)` (Directus's `<c>_<field>_func`) */
const jsonFunctions = (c: ModelCollection, f: ModelField) => new GraphQLObjectType({
  name: `${c.collection}_${f.field}${FUNC_SUFFIX}`,
  fields: { count: { type: GraphQLInt }, json: { type: GraphQLJSON, args: { path: { type: new GraphQLNonNull(GraphQLString) } } } },
});

/** The query arguments of a list (root fields and relational fields alike). */
const listArgs = (filter: GraphQLInputType): GraphQLFieldConfigArgumentMap => ({
  filter: { type: filter },
  sort: { type: list(GraphQLString) },
  limit: { type: GraphQLInt },
  offset: { type: GraphQLInt },
  page: { type: GraphQLInt },
  search: { type: GraphQLString },
});

/** Root fields of a scope's own (/graphql/system: auth_login, users_me, server_info, ...), given the object types built. */
export interface ExtraRoots {
  query(objects: ReadonlyMap<string, GraphQLObjectType>): GraphQLFieldConfigMap<unknown, unknown>;
  /** `collections`: the collections' mutations, whose input types a scope's own may reuse */
  mutation(objects: ReadonlyMap<string, GraphQLObjectType>, collections: GraphQLFieldConfigMap<unknown, unknown>): GraphQLFieldConfigMap<unknown, unknown>;
}

/** The object types of a model's collections and their filter input types (relations typed within the model). */
function readTypes(model: Model): { objects: Map<string, GraphQLObjectType>; filterOf: (c: ModelCollection) => GraphQLInputObjectType } {
  const objects = new Map<string, GraphQLObjectType>();
  const filters = new Map<string, GraphQLInputObjectType>();
  const quantifiers = new Map<string, GraphQLInputObjectType>();

  const filterOf = (c: ModelCollection): GraphQLInputObjectType => filters.get(c.collection)!;
  for (const c of model.values()) {
    filters.set(c.collection, new GraphQLInputObjectType({
      name: `${c.collection}_filter`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const f of c.fields.values()) {
          if (f.relation?.kind === 'm2o') fields[f.field] = { type: filterOf(model.get(f.relation.related)!) };
          else if (f.relation?.kind === 'o2m') fields[f.field] = { type: quantifiers.get(f.relation.related)! };
          else if (!f.m2a) {
            const ops = filterOperatorsFor(f);
            if (ops) fields[f.field] = { type: ops };
          }
          const fn = functionField(c, f);
          if (fn) fields[fn.name] = { type: FUNCTION_FILTERS[fn.kind === 'json' ? 'count' : fn.kind] };
        }
        fields._and = { type: list(filterOf(c)) };
        fields._or = { type: list(filterOf(c)) };
        // many-to-any: one filter per allowed collection, `<field>__<collection>` (Directus's names,
        // after _and/_or; the item field itself has none); the plan writes them as REST's `<field>:<collection>`
        for (const f of c.fields.values()) {
          if (f.m2a) for (const a of f.m2a.allowed) fields[`${f.field}__${a}`] = { type: filterOf(model.get(a)!) };
        }
        return fields;
      },
    }));
    // o2m filters: the related collection's filter plus `_some`/`_none` (Directus's quantifier type)
    quantifiers.set(c.collection, new GraphQLInputObjectType({
      name: `${c.collection}_quantifier_filter`,
      fields: () => ({ ...filterOf(c).toConfig().fields, _some: { type: filterOf(c) }, _none: { type: filterOf(c) } }),
    }));
  }

  for (const c of model.values()) {
    objects.set(c.collection, new GraphQLObjectType({
      name: c.collection,
      fields: () => {
        const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
        for (const f of c.fields.values()) {
          if (f.relation) {
            const related = model.get(f.relation.related)!;
            const type = objects.get(related.collection)!;
            fields[f.field] = {
              type: f.relation.kind === 'm2o' ? type : list(type),
              args: listArgs(filterOf(related)),
            };
          } else if (f.m2a) fields[f.field] = { type: unionOf(c, f) };
          else fields[f.field] = { type: scalarFor(f) };
          const fn = functionField(c, f);
          if (fn) fields[fn.name] = { type: fn.kind === 'json' ? jsonFunctions(c, f) : FUNCTION_TYPES[fn.kind] };
        }
        return fields;
      },
    }));
  }
  // many-to-any: `<junction>_<field>_union` of the allowed collections' types (all readable: model.ts)
  const unionOf = (c: ModelCollection, f: ModelField) => new GraphQLUnionType({
    name: `${c.collection}_${f.field}_union`,
    types: () => f.m2a!.allowed.map((a) => objects.get(a)!),
  });
  return { objects, filterOf };
}

/**
 * The caller's schema. `alsoSubscribable`: the collections of the other scope the caller reads,
 * whose `<c>_mutated` the Subscription type has too (Directus lists every readable collection's,
 * system and user, on /graphql; the WebSocket executes the items scope).
 */
export function buildSchema(model: Model, writes: WriteModel = new Map(), extra?: ExtraRoots, alsoSubscribable?: Model): GraphQLSchema {
  const { objects, filterOf } = readTypes(model);

  const query: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const c of model.values()) {
    const type = objects.get(c.collection)!;
    const root = c.root ?? c.collection;
    if (c.singleton) {
      query[root] = extra ? { type } : { type, args: VERSION_ARG };
      if (!extra) query[`${root}_by_version`] = versionRootField(c); // content versions: items scope only
      continue;
    }
    query[root] = { type: new GraphQLNonNull(list(new GraphQLNonNull(type))), args: listArgs(filterOf(c)) };
    query[`${root}_by_id`] = { type, args: { id: { type: new GraphQLNonNull(GraphQLID) }, ...(extra ? {} : VERSION_ARG) } };
    query[`${root}_aggregated`] = {
      type: new GraphQLNonNull(list(new GraphQLNonNull(aggregatedType(c)))),
      args: { groupBy: { type: list(GraphQLString) }, ...listArgs(filterOf(c)) },
    };
    if (!extra) query[`${root}_by_version`] = versionRootField(c);
  }
  if (Object.keys(query).length === 0) {
    // GraphQL needs one query field: Directus answers an empty schema the same way
    query._empty = { type: GraphQLVoid };
  }
  const mutation = buildMutation(writes, {
    object: (name) => objects.get(name),
    listArgs: (name) => listArgs(filterOf(model.get(name)!)),
  }, extra && ((collections) => extra.mutation(objects, collections)));
  const queryFields = extra ? { ...extra.query(objects), ...query } : query;
  // `<c>_mutated` of this scope's collections, then of the other scope's (their types built apart: the names don't overlap)
  const other = alsoSubscribable && readTypes(alsoSubscribable).objects;
  const subscription = buildSubscription([model, ...(alsoSubscribable ? [alsoSubscribable] : [])],
    (name) => objects.get(name) ?? other!.get(name)!);
  return new GraphQLSchema({ query: new GraphQLObjectType({ name: 'Query', fields: queryFields }), mutation, subscription });
}

export const GraphQLVoid = new GraphQLScalarType({ name: 'Void', description: 'Represents NULL values', serialize: () => null });

/** `<c>_aggregated`: the group and Directus's aggregate functions over the readable fields. */
function aggregatedType(c: ModelCollection): GraphQLObjectType {
  const plain = [...c.fields.values()].filter((f) => f.type !== 'alias' && f.relation?.kind !== 'o2m');
  const numeric = plain.filter((f) => NUMERIC.has(f.type));
  const counts = new GraphQLObjectType({
    name: `${c.collection}_aggregated_count`,
    fields: Object.fromEntries(plain.map((f) => [f.field, { type: GraphQLInt }])),
  });
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {
    group: { type: GraphQLJSON },
    countAll: { type: GraphQLInt },
    count: { type: counts },
    countDistinct: { type: counts },
  };
  if (numeric.length > 0) {
    const values = new GraphQLObjectType({
      name: `${c.collection}_aggregated_fields`,
      fields: Object.fromEntries(numeric.map((f) => [f.field, { type: GraphQLFloat }])),
    });
    for (const fn of ['avg', 'sum', 'avgDistinct', 'sumDistinct', 'min', 'max']) fields[fn] = { type: values };
  }
  return new GraphQLObjectType({ name: `${c.collection}_aggregated`, fields });
}
