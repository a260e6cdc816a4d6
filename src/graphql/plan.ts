// One GraphQL root field -> one normalized Query, the same as REST's (src/request/query.ts):
// the selection set becomes `fields` (relations as nested paths), aliases become `alias` (and
// `deep._alias` below the root), a relational field's arguments become its `deep` entry, and the
// root field's arguments filter/sort/limit/offset/page/search. The compiler then emits one
// statement whose JSON already has GraphQL's shape. Where it can't (`__typename`, `<field>_func`,
// aggregates, whose GraphQL shape differs from REST's, many-to-any unions) the plan carries a
// `reshape` of the parsed value: the only place the GraphQL front end parses row data.
import {
  getArgumentValues, getDirectiveValues, getNamedType, GraphQLIncludeDirective, GraphQLSkipDirective, Kind,
  type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLObjectType, type GraphQLUnionType,
  type NamedTypeNode, type SelectionSetNode,
} from 'graphql';
import { isPlainObject } from '../request/body.js';
import { normalizeQuery, type Query, type QueryLimits } from '../request/query.js';
import { functionBase } from './functions.js';
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
 * @include applied (graphql-js's CollectFields). Below an object type a fragment that passed
 * validation always applies; below a many-to-any union, `applies` says which type conditions
 * hold for the member collection being collected.
 */
export function collectFields(ctx: Context, sets: readonly SelectionSetNode[], out = new Map<string, FieldNode[]>(), seen = new Set<string>(),
  applies?: (condition: NamedTypeNode | undefined) => boolean): Map<string, FieldNode[]> {
  for (const set of sets) {
    for (const sel of set.selections) {
      if (!included(ctx, sel)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        (out.get(key) ?? out.set(key, []).get(key)!).push(sel);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        if (!applies || applies(sel.typeCondition)) collectFields(ctx, [sel.selectionSet], out, seen, applies);
      } else {
        const name = sel.name.value;
        if (seen.has(name) || !ctx.fragments[name]) continue;
        if (applies && !applies(ctx.fragments[name].typeCondition)) continue;
        seen.add(name);
        collectFields(ctx, [ctx.fragments[name].selectionSet], out, seen, applies);
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
 * object, each member read from the output key of its REST function field (`from`). A
 * many-to-any union's value is built by the shape of the row's collection, read under `collectionKey`.
 */
type Shape = {
  key: string; typename?: string; child?: Shape;
  fn?: { key: string; from?: string; typename?: string; json?: boolean }[];
  union?: { collectionKey: string; members: Map<string, Shape> };
}[];

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
    if (field.m2a) {
      level.shape.push({ key, union: union(ctx, defs[name].type as GraphQLUnionType, field.m2a, nodes, key, level, path, alias, deep) });
      level.reshape = true;
      continue;
    }
    if (!field.relation) {
      level.fields.push([...path, key].join('.'));
      level.shape.push({ key });
      continue;
    }
    const sub: Record<string, unknown> = {};
    const args = getArgumentValues(defs[name] as GraphQLField<unknown, unknown>, nodes[0], ctx.variables);
    const related = ctx.model.get(field.relation.related)!;
    listArgs(ctx, related, args, sub, '_');
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

/**
 * A many-to-any field (`item { ... on headings { title } }`), planned as REST's scopes: per allowed
 * collection whose type the selection names, `<key>:<collection>.<field>` (its aliases and nested
 * arguments in `deep["<key>:<collection>"]`), plus the junction's collection field under a key no
 * GraphQL name can be (`-collection`), so the reshape knows each row's type. A row of a collection
 * the selection doesn't name is `{}`, as Directus answers it (REST gives its key).
 */
function union(ctx: Context, type: GraphQLUnionType, m2a: NonNullable<ModelField['m2a']>, nodes: FieldNode[], key: string, level: Level,
  path: string[], alias: Record<string, string>, deep: Record<string, unknown>): NonNullable<Shape[number]['union']> {
  const collectionKey = `-${m2a.collectionField}`;
  alias[collectionKey] = m2a.collectionField;
  level.fields.push([...path, collectionKey].join('.'));
  const members = new Map<string, Shape>();
  for (const name of m2a.allowed) {
    const applies = (c: NamedTypeNode | undefined) => !c || c.name.value === name || c.name.value === type.name;
    const byKey = collectFields(ctx, subSelections(nodes), new Map(), new Set(), applies);
    if (byKey.size === 0) continue;
    const scope = `${key}:${name}`;
    const member = ctx.model.get(name)!;
    const sub: Record<string, unknown> = {};
    const subAlias: Record<string, string> = {};
    const child = walk(ctx, type.getTypes().find((t) => t.name === name)!, member, byKey, [...path, scope], subAlias, sub);
    if (Object.keys(subAlias).length > 0) sub._alias = subAlias;
    if (Object.keys(sub).length > 0) deep[scope] = sub;
    // only __typename: read the key so the item (or its absence) shows
    if (child.fields.length === 0) child.fields.push([...path, scope, member.primaryKey].join('.'));
    level.fields.push(...child.fields);
    members.set(name, child.shape);
  }
  return { collectionKey, members };
}

function reshape(value: unknown, shape: Shape): unknown {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map((v) => reshape(v, shape));
  const row = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const s of shape) {
    if (s.typename) out[s.key] = s.typename;
    else if (s.fn) out[s.key] = Object.fromEntries(s.fn.map((m) => [m.key, m.typename ?? (m.json ? row[m.from!] ?? null : toInt(row[m.from!]))]));
    else if (s.union) {
      const item = row[s.key];
      const member = s.union.members.get(row[s.union.collectionKey] as string);
      out[s.key] = item === null || item === undefined ? null : member && isPlainObject(item) ? reshape(item, member) : {};
    } else out[s.key] = s.child ? reshape(row[s.key], s.child) : row[s.key] ?? null;
  }
  return out;
}

/**
 * A list's arguments as Query parameters (`prefix` "_" in `deep`). Filters are GraphQL's (already
 * coerced by their input types, so only the schema's keys) but for `<f>_func: {fn: ops}`, REST's
 * `"fn(f)": ops`, and many-to-any paths, `<field>__<collection>` in GraphQL (a name can't hold
 * ":"), REST's `<field>:<collection>`.
 */
function listArgs(ctx: Context, collection: ModelCollection, args: Record<string, unknown>, out: Record<string, unknown>, prefix = ''): void {
  for (const a of ARGS) {
    const v = args[a];
    if (v !== undefined && v !== null) out[`${prefix}${a}`] = a === 'filter' ? restFilter(ctx, collection, v) : v;
  }
}

function restFilter(ctx: Context, collection: ModelCollection | undefined, filter: unknown): unknown {
  if (Array.isArray(filter)) return filter.map((f) => restFilter(ctx, collection, f));
  if (!collection || !isPlainObject(filter)) return filter;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    const field = collection.fields.get(key);
    if (key === '_and' || key === '_or' || key === '_some' || key === '_none') out[key] = restFilter(ctx, collection, value);
    else if (field?.relation) out[key] = restFilter(ctx, ctx.model.get(field.relation.related), value);
    else if (field) out[key] = value;
    else if (functionBase(collection, key)) {
      const base = functionBase(collection, key)!.field;
      for (const [fn, ops] of Object.entries(value as Record<string, unknown>)) out[`${fn}(${base})`] = ops;
    } else {
      const at = key.indexOf('__');
      const m2a = at > 0 ? collection.fields.get(key.slice(0, at))?.m2a : undefined;
      const member = key.slice(at + 2);
      if (m2a?.allowed.includes(member)) out[`${key.slice(0, at)}:${member}`] = restFilter(ctx, ctx.model.get(member), value);
      else out[key] = value;
    }
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
  if (mode === 'list') listArgs(ctx, collection, args, raw);
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
  listArgs(ctx, collection, args, raw);
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
