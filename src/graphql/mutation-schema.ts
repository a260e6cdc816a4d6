// The Mutation type Directus generates for a caller (items scope): per collection the caller may
// write, `create_<c>_item(s)`, `update_<c>_item(s)`, `update_<c>_batch` (singletons: `update_<c>`),
// `delete_<c>_item(s)`, with the input types `create_<c>_input` / `update_<c>_input` built from
// the fields of the caller's create / update permissions. A relation is typed as the related
// collection's input (nested writes, as REST accepts them) when the caller may do the same action
// there; otherwise an m2o is its key's scalar and an o2m is left out. An action the caller may
// not do is not in the schema. The mutation answers the written items as the read type; a
// collection the caller can't read answers Boolean.
import {
  GraphQLBoolean, GraphQLID, GraphQLInputObjectType, GraphQLList, GraphQLNonNull, GraphQLObjectType,
  type GraphQLFieldConfigArgumentMap, type GraphQLFieldConfigMap, type GraphQLInputFieldConfigMap, type GraphQLInputType,
} from 'graphql';
import type { WriteModel, WritableCollection } from './model.js';
import { inputScalarFor } from './schema.js';

export const DeleteOne = new GraphQLObjectType({ name: 'delete_one', fields: { id: { type: new GraphQLNonNull(GraphQLID) } } });
export const DeleteMany = new GraphQLObjectType({ name: 'delete_many', fields: { ids: { type: new GraphQLNonNull(new GraphQLList(GraphQLID)) } } });

/** What the read side of the schema offers a mutation: the object type and query arguments of a readable collection. */
export interface ReadSide {
  object(collection: string): GraphQLObjectType | undefined;
  listArgs(collection: string): GraphQLFieldConfigArgumentMap;
}

export function buildMutation(writes: WriteModel, read: ReadSide,
  extra?: (collections: GraphQLFieldConfigMap<unknown, unknown>) => GraphQLFieldConfigMap<unknown, unknown>): GraphQLObjectType | undefined {
  const inputs = { create: new Map<string, GraphQLInputObjectType>(), update: new Map<string, GraphQLInputObjectType>() };
  const inputOf = (action: 'create' | 'update', w: WritableCollection): GraphQLInputObjectType => {
    const c = w.collection;
    let type = inputs[action].get(c.collection);
    if (type) return type;
    type = new GraphQLInputObjectType({
      name: `${action}_${c.collection}_input`,
      fields: () => {
        const fields: GraphQLInputFieldConfigMap = {};
        for (const name of w[action]!) {
          const f = c.fields.get(name)!;
          const related = f.relation ? writes.get(f.relation.related) : undefined;
          let t: GraphQLInputType;
          if (related?.[action]) {
            const input = inputOf(action, related);
            t = f.relation!.kind === 'm2o' ? input : new GraphQLList(input);
          } else if (f.relation?.kind === 'o2m' || f.type === 'alias') continue;
          else t = inputScalarFor(f);
          // Directus: a create must give the fields the database can't fill in itself
          if (action === 'create' && f.required && !f.primaryKey) t = new GraphQLNonNull(t);
          fields[name] = { type: t };
        }
        return fields;
      },
    });
    inputs[action].set(c.collection, type);
    return type;
  };

  const fields: GraphQLFieldConfigMap<unknown, unknown> = {};
  for (const w of writes.values()) {
    const collection = w.collection.collection;
    const name = w.collection.root ?? collection;
    const object = read.object(collection);
    const one = object ?? GraphQLBoolean;
    const many = object ? new GraphQLNonNull(new GraphQLList(new GraphQLNonNull(object))) : GraphQLBoolean;
    const args = object ? read.listArgs(collection) : {};
    const id = { type: new GraphQLNonNull(GraphQLID) };
    const ids = { type: new GraphQLNonNull(new GraphQLList(GraphQLID)) };
    if (w.create && !w.collection.singleton) {
      const input = inputOf('create', w);
      fields[`create_${name}_items`] = { type: many, args: { ...args, data: { type: new GraphQLList(new GraphQLNonNull(input)) } } };
      fields[`create_${name}_item`] = { type: one, args: { data: { type: new GraphQLNonNull(input) } } };
    }
    if (w.update) {
      const input = inputOf('update', w);
      if (w.collection.singleton) fields[`update_${name}`] = { type: one, args: { data: { type: new GraphQLNonNull(input) } } };
      else {
        fields[`update_${name}_items`] = { type: many, args: { ...args, ids, data: { type: new GraphQLNonNull(input) } } };
        fields[`update_${name}_batch`] = { type: many, args: { ...args, data: { type: new GraphQLList(new GraphQLNonNull(input)) } } };
        fields[`update_${name}_item`] = { type: one, args: { id, data: { type: new GraphQLNonNull(input) } } };
      }
    }
    if (w.delete && !w.collection.singleton) {
      fields[`delete_${name}_items`] = { type: DeleteMany, args: { ids } };
      fields[`delete_${name}_item`] = { type: DeleteOne, args: { id } };
    }
  }
  // a scope's own mutations first (Directus lists auth_login, ... before the collections'), given the collections' to reuse their inputs
  const all = extra ? { ...extra(fields), ...fields } : fields;
  return Object.keys(all).length > 0 ? new GraphQLObjectType({ name: 'Mutation', fields: all }) : undefined;
}
