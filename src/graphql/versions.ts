// Content versions in the items scope, as Directus's schema has them: `<c>_by_version(version:
// String!, id: ID!): version_<c>` (singletons: `version` only), where `version_<c>` has the
// collection's fields with relational ones as JSON (a version's delta holds them as written);
// and `version` on `<c>_by_id` and singleton root fields.
// Answered by the core's versioned read (src/engine/versions.ts, as REST's `?version=`), and
// shaped by the selection like every value field.
import {
  getArgumentValues, GraphQLID, GraphQLNonNull, GraphQLObjectType, GraphQLString,
  type FieldNode, type GraphQLFieldConfigMap, type GraphQLOutputType,
} from 'graphql';
import type { Accountability, Timing } from '../types.js';
import type { ModelCollection } from './model.js';
import type { Context } from './plan.js';
import type { GraphqlDeps } from './execute.js';
import { GraphQLJSON, inputScalarFor } from './schema.js';
import { MAIN_KEYS, versionedRead } from '../engine/versions.js';
import { collectionName } from './model.js';
import { collectFields } from './plan.js';
import { normalizeQuery } from '../request/query.js';
import { invalidQuery } from '../errors.js';

const SUFFIX = '_by_version';

/** `<root>_by_version` and its `version_<c>` type. */
export function versionRootField(c: ModelCollection): GraphQLFieldConfigMap<unknown, unknown>[string] {
  const type = new GraphQLObjectType({
    name: `version_${c.collection}`,
    fields: () => Object.fromEntries([...c.fields.values()].map((f) => [f.field, { type: f.relation ? GraphQLJSON : inputScalarFor(f) as GraphQLOutputType }])),
  });
  const version = { type: new GraphQLNonNull(GraphQLString) };
  return { type, args: c.singleton ? { version } : { version, id: { type: new GraphQLNonNull(GraphQLID) } } };
}

/** The `version` argument of `<c>_by_id` and of a singleton's root field (Directus's SDL). */
export const VERSION_ARG = { version: { type: GraphQLString } };

/** The collection a root field reads in a content version: `<c>_by_version`, or `<c>_by_id`/a singleton given `version`. */
function versionTarget(ctx: Context, rootType: GraphQLObjectType, node: FieldNode, name: string): ModelCollection | undefined {
  const exact = ctx.model.get(collectionName(ctx, name));
  if (!exact && name.endsWith(SUFFIX)) return ctx.model.get(collectionName(ctx, name.slice(0, -SUFFIX.length)));
  const byId = exact ? undefined : name.endsWith('_by_id') ? ctx.model.get(collectionName(ctx, name.slice(0, -6))) : undefined;
  const c = exact?.singleton ? exact : byId;
  if (!c || !node.arguments?.some((a) => a.name.value === 'version')) return undefined;
  const { version } = getArgumentValues(rootType.getFields()[name], node, ctx.variables);
  return typeof version === 'string' && !MAIN_KEYS.has(version) ? c : undefined;
}

/** Whether a root field of the items scope reads a content version (then planVersion answers it). */
export const isVersionRoot = (ctx: Context, rootType: GraphQLObjectType, node: FieldNode, name: string): boolean =>
  versionTarget(ctx, rootType, node, name) !== undefined;

/**
 * The readable field paths a selection asks for, by field name (graphql-js applies aliases and
 * __typename when it shapes the value). Arguments of relational fields are refused: a versioned
 * read has no per-relation query.
 */
function selectedFields(ctx: Context, c: ModelCollection, nodes: FieldNode[], prefix: string): string[] {
  const out: string[] = [];
  for (const [, same] of collectFields(ctx, same0(nodes))) {
    const name = same[0].name.value;
    if (name === '__typename') continue;
    const field = c.fields.get(name);
    if (!field) continue;
    if (!field.relation) {
      out.push(prefix + name);
      continue;
    }
    if (same.some((n) => (n.arguments?.length ?? 0) > 0)) throw invalidQuery(`Arguments of "${name}" can't be used in a versioned read`);
    const related = ctx.model.get(field.relation.related)!;
    const below = selectedFields(ctx, related, same, `${prefix}${name}.`);
    out.push(...(below.length > 0 ? below : [`${prefix}${name}.${related.primaryKey}`]));
  }
  return out;
}
const same0 = (nodes: FieldNode[]) => nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));

/**
 * The value of a root field read in a content version: `<c>_by_version` (every readable field,
 * relational ones as stored), or `<c>_by_id(version:)` / `<singleton>(version:)` (the selected
 * fields, relations as the main item has them).
 */
export function planVersion(deps: Pick<GraphqlDeps, 'db' | 'reader' | 'writer'>, acc: Accountability, ctx: Context,
  rootType: GraphQLObjectType, node: FieldNode, nodes: FieldNode[], name: string, timing: Timing): () => Promise<unknown> {
  const c = versionTarget(ctx, rootType, node, name)!;
  const args = getArgumentValues(rootType.getFields()[name], node, ctx.variables) as { version: string; id?: string };
  if (!name.endsWith(SUFFIX) || ctx.model.has(collectionName(ctx, name))) {
    const fields = selectedFields(ctx, c, nodes, '');
    const query = normalizeQuery({ fields: fields.length > 0 ? fields : [c.primaryKey] }, ctx.limits, { list: false });
    return () => versionedRead(deps, acc, c.collection, query, c.singleton ? 'singleton' : 'one', args.id, args.version, false, timing,
      { output: 'graphql' });
  }
  return async () => {
    // Directus: `main`/`published` (reserved: no version has them) or a key the item has no
    // version of answer the item itself; an item that can't be read is 403, as for <c>_by_id
    return versionedRead(deps, acc, c.collection, { fields: ['*'] }, c.singleton ? 'singleton' : 'one', args.id, args.version, false, timing,
      { orMain: true, output: 'graphql' });
  };
}
