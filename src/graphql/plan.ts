// One GraphQL root field -> one normalized Query, the same as REST's (src/request/query.ts):
// the selection set becomes `fields` (relations as nested paths), aliases become `alias` (and
// `deep._alias` below the root), a relational field's arguments become its `deep` entry, and the
// root field's arguments filter/sort/limit/offset/page/search. The compiler then emits one
// statement whose JSON already has GraphQL's shape. Where it can't (`__typename`, `<field>_func`,
// aggregates, whose GraphQL shape differs from REST's) the plan carries a `reshape` of the parsed
// value: the only place the GraphQL front end parses row data.
import {
  getArgumentValues, getDirectiveValues, getNamedType, GraphQLIncludeDirective, GraphQLSkipDirective, Kind,
  type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLObjectType, type SelectionSetNode,
} from 'graphql';
import { normalizeQuery, type Query, type QueryLimits } from '../request/query.js';
import { functionBase, restFilter } from './functions.js';
import type { Model, ModelCollection, ModelField } from './model.js';

export type Variables = Record<string, unknown>;

export interface Context {
  model: Model;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Variables;
  limits: QueryLimits;
  /** the scope's root field names -> collections (system scope); absent: a root field is named after its collection */
  roots?: Record<string, string>;
}

export interface RootRead {
  collection: string;
  mode: 'list' | 'one' | 'singleton';
  query: Query & { key?: unknown };
  /** how to turn the compiled read's value into the GraphQL value; absent: the bytes are it */
  reshape?: (value: unknown) => unknown;
}

/**
 * The fields of a selection set by response key, in order, with fragments spread and @skip /
 * @include applied (graphql-js's CollectFields; every type here is an object type, so a fragment
 * that passed validation always applies).
 */
export function collectFields(ctx: Context, sets: readonly SelectionSetNode[], out = new Map<string, FieldNode[]>(), seen = new Set<string>()): Map<string, FieldNode[]> {
  for (const set of sets) {
    for (const sel of set.selections) {
      if (!included(ctx, sel)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        (out.get(key) ?? out.set(key, []).get(key)!).push(sel);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        collectFields(ctx, [sel.selectionSet], out, seen);
      } else {
        const name = sel.name.value;
        if (seen.has(name) || !ctx.fragments[name]) continue;
        seen.add(name);
        collectFields(ctx, [ctx.fragments[name].selectionSet], out, seen);
      }
    }
  }
  return out;
}

function included(ctx: Context, node: Parameters<typeof getDirectiveValues>[1]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, ctx.variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, ctx.variables)?.if !== false;
}

const subSelections = (nodes: FieldNode[]) => nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/** What a relational field's or a root list's arguments mean in a Query (`deep` prefixes them with "_"). */
const ARGS = ['filter', 'sort', 'limit', 'offset', 'page', 'search'] as const;

/**
 * How one level of the output is built when the value is reshaped. `fn`: a `<field>_func`
 * object, each member read from the output key of its REST function field (`from`).
 */
type Shape = { key: string; typename?: string; child?: Shape; fn?: { key: string; from?: string; typename?: string; json?: boolean }[] }[];

interface Level {
  fields: string[];
  shape: Shape;
  /** the compiled value differs from the GraphQL value somewhere below */
  reshape: boolean;
}

/** A collection's selection: the Query's fields, aliases and deep entries at this level and below. */
function walk(ctx: Context, type: GraphQLObjectType, collection: ModelCollection, byKey: Map<string, FieldNode[]>,
  path: string[], alias: Record<string, string>, deep: Record<string, unknown>): Level {
  const level: Level = { fields: [], shape: [], reshape: false };
  const defs = type.getFields();
  for (const [key, nodes] of byKey) {
    const name = nodes[0].name.value;
    if (name === '__typename') {
      level.shape.push({ key, typename: type.name });
      level.reshape = true;
      continue;
    }
    const base = functionBase(collection, name);
    if (base) {
      level.shape.push({ key, fn: functionFields(ctx, defs[name], base, nodes, key, path, alias, level) });
      level.reshape = true;
      continue;
    }
    if (key !== name) alias[key] = name;
    const field = collection.fields.get(name)!;
    if (!field.relation) {
      level.fields.push([...path, key].join('.'));
      level.shape.push({ key });
      continue;
    }
    const sub: Record<string, unknown> = {};
    const args = getArgumentValues(defs[name] as GraphQLField<unknown, unknown>, nodes[0], ctx.variables);
    const related = ctx.model.get(field.relation.related)!;
    for (const a of ARGS) if (args[a] !== undefined && args[a] !== null) sub[`_${a}`] = a === 'filter' ? restFilter(ctx.model, related, args[a]) : args[a];
    const subAlias: Record<string, string> = {};
    const child = walk(ctx, getNamedType(defs[name].type) as GraphQLObjectType, related, collectFields(ctx, subSelections(nodes)),
      [...path, key], subAlias, sub);
    if (Object.keys(subAlias).length > 0) sub._alias = subAlias;
    if (Object.keys(sub).length > 0) deep[key] = sub;
    if (child.fields.length === 0) {
      // only __typename below: read the key so the related item (or its absence) shows
      child.fields.push([...path, key, related.primaryKey].join('.'));
    }
    level.fields.push(...child.fields);
    level.shape.push({ key, child: child.shape });
    level.reshape ||= child.reshape;
  }
  return level;
}

/**
 * The members of a `<field>_func` selection as REST function fields (`year(date_created)`,
 * `count(comments)`, `json(data, path)`), each under an alias of its own: `<key>-<member key>`
 * (a GraphQL name has no "-", so no selected field is named so, and aliases keep two selections
 * of one function apart).
 */
function functionFields(ctx: Context, def: GraphQLField<unknown, unknown>, base: ModelField, nodes: FieldNode[], key: string,
  path: string[], alias: Record<string, string>, level: Level): NonNullable<Shape[number]['fn']> {
  const type = getNamedType(def.type) as GraphQLObjectType;
  const out: NonNullable<Shape[number]['fn']> = [];
  for (const [subKey, subNodes] of collectFields(ctx, subSelections(nodes))) {
    const fn = subNodes[0].name.value;
    if (fn === '__typename') {
      out.push({ key: subKey, typename: type.name });
      continue;
    }
    const from = `${key}-${subKey}`;
    if (fn === 'json') {
      const { path: jsonPath } = getArgumentValues(type.getFields().json, subNodes[0], ctx.variables);
      alias[from] = `json(${base.field}, ${jsonPath as string})`;
    } else alias[from] = `${fn}(${base.field})`;
    level.fields.push([...path, from].join('.'));
    out.push({ key: subKey, from, json: fn === 'json' });
  }
  return out;
}

/** a function's result as GraphQL's Int (the compiler answers numeric text, as Directus on PostgreSQL) */
const toInt = (v: unknown) => (v === null || v === undefined ? null : Number(v));

function reshape(value: unknown, shape: Shape): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => reshape(v, shape));
  const row = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const s of shape) {
    if (s.fn) out[s.key] = Object.fromEntries(s.fn.map((m) => [m.key, m.typename ?? (m.json ? row[m.from!] ?? null : toInt(row[m.from!]))]));
    else out[s.key] = s.typename ?? (s.child ? reshape(row[s.key], s.child) : row[s.key] ?? null);
  }
  return out;
}

/** The read of an item root field: `<c>` (list or singleton) or `<c>_by_id`. */
export function planItems(ctx: Context, rootType: GraphQLObjectType, node: FieldNode, nodes: FieldNode[],
  collection: ModelCollection, mode: RootRead['mode']): RootRead {
  const def = rootType.getFields()[node.name.value];
  const type = getNamedType(def.type) as GraphQLObjectType;
  const args = getArgumentValues(def, node, ctx.variables);
  const alias: Record<string, string> = {};
  const deep: Record<string, unknown> = {};
  const level = walk(ctx, type, collection, collectFields(ctx, subSelections(nodes)), [], alias, deep);
  if (level.fields.length === 0) level.fields.push(collection.primaryKey);
  const raw: Record<string, unknown> = { fields: level.fields };
  if (mode === 'list') for (const a of ARGS) if (args[a] !== undefined && args[a] !== null) raw[a] = args[a];
  if (raw.filter) raw.filter = restFilter(ctx.model, collection, raw.filter);
  if (Object.keys(alias).length > 0) raw.alias = alias;
  if (Object.keys(deep).length > 0) raw.deep = deep;
  const query: RootRead['query'] = normalizeQuery(raw, ctx.limits, { list: mode === 'list' });
  if (mode === 'one') query.key = args.id;
  const shape = level.shape;
  return { collection: collection.collection, mode, query, reshape: level.reshape ? (v) => reshape(v, shape) : undefined };
}

const NUMBER_FNS = new Set(['countAll', 'count', 'countDistinct', 'avg', 'sum', 'avgDistinct', 'sumDistinct', 'min', 'max']);
const toNumber = (v: unknown) => (v === null || v === undefined ? null : typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);

/**
 * `<c>_aggregated`: the selected functions become `aggregate` (countAll counts rows), groupBy
 * and the list arguments pass through. REST answers groups as top-level keys and numbers as
 * PostgreSQL prints them; GraphQL wants `group` and Ints/Floats, so this value is always reshaped.
 */
export function planAggregated(ctx: Context, rootType: GraphQLObjectType, node: FieldNode, nodes: FieldNode[],
  collection: ModelCollection): RootRead {
  const def = rootType.getFields()[node.name.value];
  const type = getNamedType(def.type) as GraphQLObjectType;
  const args = getArgumentValues(def, node, ctx.variables);
  const aggregate: Record<string, string[]> = {};
  type Out = { key: string; fn?: string; typename?: string; group?: true; sub?: { key: string; field?: string; typename?: string }[] };
  const plan: Out[] = [];
  for (const [key, fieldNodes] of collectFields(ctx, subSelections(nodes))) {
    const name = fieldNodes[0].name.value;
    if (name === '__typename') plan.push({ key, typename: type.name });
    else if (name === 'group') plan.push({ key, group: true });
    else if (name === 'countAll') {
      aggregate.countAll = ['*'];
      plan.push({ key, fn: name });
    } else {
      const subType = getNamedType(type.getFields()[name].type) as GraphQLObjectType;
      const sub: NonNullable<Out['sub']> = [];
      for (const [subKey, subNodes] of collectFields(ctx, subSelections(fieldNodes))) {
        const field = subNodes[0].name.value;
        if (field === '__typename') sub.push({ key: subKey, typename: subType.name });
        else {
          sub.push({ key: subKey, field });
          if (!(aggregate[name] ??= []).includes(field)) aggregate[name].push(field);
        }
      }
      plan.push({ key, fn: name, sub });
    }
  }
  // a selection of `group` alone still needs one function for PostgreSQL to group by
  if (Object.keys(aggregate).length === 0) aggregate.countAll = ['*'];
  const raw: Record<string, unknown> = { aggregate };
  for (const a of ARGS) if (args[a] !== undefined && args[a] !== null) raw[a] = args[a];
  if (raw.filter) raw.filter = restFilter(ctx.model, collection, raw.filter);
  if (args.groupBy) raw.groupBy = args.groupBy;
  const query = normalizeQuery(raw, ctx.limits, { list: true });
  const fns = new Set(Object.keys(aggregate));
  const row = (r: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const p of plan) {
      if (p.typename) out[p.key] = p.typename;
      else if (p.group) out[p.key] = query.groupBy ? Object.fromEntries(Object.entries(r).filter(([k]) => !fns.has(k))) : null;
      else if (!p.sub) out[p.key] = toNumber(r[p.fn!]);
      else {
        const values = (r[p.fn!] ?? {}) as Record<string, unknown>;
        out[p.key] = Object.fromEntries(p.sub.map((s) => [s.key, s.typename ?? (NUMBER_FNS.has(p.fn!) ? toNumber(values[s.field!]) : values[s.field!])]));
      }
    }
    return out;
  };
  return { collection: collection.collection, mode: 'list', query, reshape: (v) => (Array.isArray(v) ? v.map((r) => row(r as Record<string, unknown>)) : v) };
}
