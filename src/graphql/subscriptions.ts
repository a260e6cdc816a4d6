// GraphQL subscriptions, schema and plan: per readable collection `<c>_mutated(event: EventEnum)`
// of type `<c>_mutated { key: ID!, event: EventEnum, data: <c> }`, as Directus names them, for
// the user collections and the system ones alike (`directus_users_mutated`, on both scopes'
// schemas as Directus 12.4 lists them; the WebSocket executes them). A
// subscription becomes one normalized Query (the `data` selection, through the same plan as a
// root read: src/graphql/plan.ts) that the realtime delivery re-reads for each changed key as
// the subscriber's access; the plan then writes each row into the subscription's result shape
// (aliases, `__typename`). Deletes carry the key with `data: null`, as Directus sends them.
import {
  getArgumentValues, GraphQLEnumType, GraphQLError, GraphQLID, GraphQLNonNull, GraphQLObjectType,
  type FieldNode, type GraphQLFieldConfigMap, type OperationDefinitionNode,
} from 'graphql';
import { normalizeQuery, type Query } from '../request/query.js';
import type { Model } from './model.js';
import { collectFields, planItems, type Context } from './plan.js';

export type EventName = 'create' | 'update' | 'delete';

export const EventEnum = new GraphQLEnumType({
  name: 'EventEnum',
  values: { create: { value: 'create' }, update: { value: 'update' }, delete: { value: 'delete' } },
});

const SUFFIX = '_mutated';

/**
 * The Subscription root type of the collections of `models` (a scope's, then the other scope's),
 * or undefined when the caller reads none. A collection whose `<c>_mutated` name is another
 * collection's name (or that is named EventEnum) gets none: the type names would collide.
 */
export function buildSubscription(models: Model[], objectOf: (collection: string) => GraphQLObjectType): GraphQLObjectType | undefined {
  const taken = (name: string) => models.some((m) => m.has(name));
  if (taken(EventEnum.name)) return undefined;
  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const c of models.flatMap((m) => [...m.values()])) {
    const name = `${c.collection}${SUFFIX}`;
    if (taken(name)) continue;
    const type = new GraphQLObjectType({
      name,
      fields: { key: { type: new GraphQLNonNull(GraphQLID) }, event: { type: EventEnum }, data: { type: objectOf(c.collection) } },
    });
    fields[name] = { type, args: { event: { type: EventEnum } } };
  }
  return Object.keys(fields).length > 0 ? new GraphQLObjectType({ name: 'Subscription', fields }) : undefined;
}

/** The re-read's output name of the changed row's primary key ("__" names can't be GraphQL aliases). */
const KEY = '__key';

export interface SubscriptionPlan {
  collection: string;
  /** only this action (the `event` argument) */
  event?: EventName;
  /** the re-read of the changed rows: the `data` selection plus the primary key as `__key` */
  query: Query;
  /** one result per changed row or deleted key, in the GraphQL shape of the subscription */
  results(event: EventName, data: unknown): { data: Record<string, unknown> }[];
}

type Out = { key: string; value: 'key' | 'event' | 'data' | 'typename' };

/** The plan of a validated subscription operation (one root field: graphql-js's validation). */
export function planSubscription(ctx: Context, root: GraphQLObjectType, operation: OperationDefinitionNode): SubscriptionPlan {
  const [[rootKey, nodes]] = [...collectFields(ctx, [operation.selectionSet])];
  const node: FieldNode = nodes[0];
  const def = root.getFields()[node.name.value];
  const collection = ctx.model.get(node.name.value.slice(0, -SUFFIX.length))!;
  const type = def.type as GraphQLObjectType;
  const event = getArgumentValues(def, node, ctx.variables).event as EventName | undefined;

  const outs: Out[] = [];
  let dataNodes: FieldNode[] | undefined;
  for (const [key, fieldNodes] of collectFields(ctx, nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])))) {
    const name = fieldNodes[0].name.value;
    if (name === '__typename') outs.push({ key, value: 'typename' });
    else if (name === 'data') {
      // one re-read per event and subscription: two differently aliased `data` selections would need two
      if (dataNodes) throw new GraphQLError('A subscription may select "data" once.', { nodes: fieldNodes[0] });
      dataNodes = fieldNodes;
      outs.push({ key, value: 'data' });
    } else outs.push({ key, value: name as 'key' | 'event' });
  }

  let query: Query;
  let reshape: ((v: unknown) => unknown) | undefined;
  if (dataNodes) {
    const read = planItems(ctx, type, dataNodes[0], dataNodes, collection, 'list');
    query = { ...read.query, fields: [...(read.query.fields ?? []), KEY] };
    reshape = read.reshape;
  } else {
    // no data selected: the key is still read, so only subscribers who may read the row hear of it
    query = { ...normalizeQuery({}, ctx.limits, { list: true }), fields: [KEY] };
  }
  query.alias = { ...query.alias, [KEY]: collection.primaryKey };

  const result = (key: unknown, ev: EventName, row: unknown) => {
    const value: Record<string, unknown> = {};
    for (const o of outs) {
      value[o.key] = o.value === 'typename' ? type.name : o.value === 'key' ? String(key) : o.value === 'event' ? ev : row;
    }
    return { data: { [rootKey]: value } };
  };

  return {
    collection: collection.collection,
    event,
    query,
    results(ev, data) {
      if (!Array.isArray(data)) return [];
      if (ev === 'delete') return data.map((key) => result(key, ev, null));
      return data.map((raw) => {
        const row = raw as Record<string, unknown>;
        const key = row[KEY];
        if (reshape) return result(key, ev, reshape(row));
        const { [KEY]: _key, ...rest } = row;
        return result(key, ev, rest);
      });
    },
  };
}
