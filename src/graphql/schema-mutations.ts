// The schema API's mutations on /graphql/system (admins, as REST's /collections, /fields and
// /relations): create/update/delete_collections_item, create/update_fields_item(s),
// delete_fields_item, create/update/delete_relations_item, with Directus 12's names, arguments
// and `write_directus_*` types. Each runs the same strata.* schema function as its REST route,
// then drops the cached schema on this gateway at once (the others hear the NOTIFY).
// Directus 12.4's own create_collections_item can't name the collection (its input has no
// `collection`) and its create_fields_item / update_fields_items fail with internal errors: here
// the input also takes `collection` and `schema`, and all of them work (README, compatibility notes).
import {
  GraphQLBoolean, GraphQLFloat, GraphQLInputObjectType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString,
  type GraphQLFieldConfigMap, type GraphQLInputType, type GraphQLOutputType,
} from 'graphql';
import type { Db } from '../db/client.js';
import type { Catalog } from '../engine/catalog.js';
import * as schemaApi from '../engine/schema.js';
import { forbidden } from '../errors.js';
import type { Accountability } from '../types.js';
import type { RootCall, RootHandler } from './execute.js';
import { GraphQLJSON } from './schema.js';

type Kind = 's' | 's!' | 'b' | 'i' | 'f' | 'j' | 'l';
const SCALARS: Record<Kind, GraphQLInputType & GraphQLOutputType> = {
  s: GraphQLString, 's!': new GraphQLNonNull(GraphQLString), b: GraphQLBoolean, i: GraphQLInt, f: GraphQLFloat, j: GraphQLJSON,
  l: new GraphQLList(GraphQLString),
};
type Shape = { [field: string]: Kind | Shape };

const COLLECTION_META: Shape = {
  collection: 's', icon: 's', note: 's', display_template: 's', hidden: 'b', singleton: 'b', translations: 'j', archive_field: 's',
  archive_app_filter: 'b', archive_value: 's', unarchive_value: 's', sort_field: 's', accountability: 's', color: 's',
  item_duplication_fields: 'j', sort: 'i', group: 's', collapse: 's', preview_url: 's', versioning: 'b', status: 's',
  autosave_revision_interval: 'f',
};
const FIELD: Shape = {
  collection: 's', field: 's', type: 's',
  meta: {
    id: 'i', collection: 's', field: 's', special: 'l', interface: 's', options: 'j', display: 's', display_options: 'j', readonly: 'b',
    hidden: 'b', sort: 'i', width: 's', translations: 'j', note: 's', conditions: 'j', required: 'b', group: 's', validation: 'j',
    validation_message: 's', searchable: 'b',
  },
  schema: {
    name: 's', table: 's', data_type: 's', default_value: 's', max_length: 'i', numeric_precision: 'i', numeric_scale: 'i',
    is_generated: 'b', generation_expression: 's', is_indexed: 'b', is_nullable: 'b', is_unique: 'b', is_primary_key: 'b',
    has_auto_increment: 'b', foreign_key_column: 's', foreign_key_table: 's', comment: 's',
  },
};
const RELATION: Shape = {
  collection: 's', field: 's', related_collection: 's',
  schema: {
    table: 's!', column: 's!', foreign_key_table: 's!', foreign_key_column: 's!', constraint_name: 's', on_update: 's!', on_delete: 's!',
  },
  meta: {
    id: 'i', many_collection: 's', many_field: 's', one_collection: 's', one_field: 's', one_collection_field: 's',
    one_allowed_collections: 'l', junction_field: 's', sort_field: 's', one_deselect_action: 's',
  },
};

interface WriteTypes { output: GraphQLObjectType; input: GraphQLInputObjectType }
const built = new Map<string, WriteTypes>();

/** `write_<name>` (output) and `write_<name>_input` (input) of one shape, nested shapes named by their key; built once per name */
function typesOf(name: string, shape: Shape): WriteTypes {
  let t = built.get(name);
  if (t) return t;
  const member = (f: string, k: Kind | Shape, side: keyof WriteTypes) => [f, { type: typeof k === 'string' ? SCALARS[k] : typesOf(`${name}_${f}`, k)[side] }];
  t = {
    output: new GraphQLObjectType({ name: `write_${name}`, fields: () => Object.fromEntries(Object.entries(shape).map(([f, k]) => member(f, k, 'output'))) }),
    input: new GraphQLInputObjectType({ name: `write_${name}_input`, fields: () => Object.fromEntries(Object.entries(shape).map(([f, k]) => member(f, k, 'input'))) }),
  };
  built.set(name, t);
  return t;
}

// the nested types are built once (graphql-js wants one object per type name in a schema)
const fieldTypes = typesOf('directus_fields', FIELD);
const relationTypes = typesOf('directus_relations', RELATION);
const collectionMeta = typesOf('directus_collections_meta', COLLECTION_META);
const collectionSchema = typesOf('directus_collections_schema', { name: 's', comment: 's' });
const collectionOutput = new GraphQLObjectType({
  name: 'write_directus_collections',
  fields: { collection: { type: GraphQLString }, meta: { type: collectionMeta.output }, schema: { type: collectionSchema.output } },
});
const collectionInput = new GraphQLInputObjectType({
  name: 'write_directus_collections_input',
  fields: {
    collection: { type: GraphQLString }, meta: { type: collectionMeta.input }, schema: { type: collectionSchema.input },
    fields: { type: new GraphQLList(new GraphQLNonNull(fieldTypes.input)) },
  },
});
const deleted = (name: string, fields: string[]) => new GraphQLObjectType({
  name, fields: Object.fromEntries(fields.map((f) => [f, { type: GraphQLString }])),
});
const deleteCollection = deleted('delete_collection', ['collection']);
const deleteField = deleted('delete_field', ['collection', 'field']);
const deleteRelation = deleted('delete_relation', ['collection', 'field']);

const reqStr = { type: new GraphQLNonNull(GraphQLString) };
const concurrent = { concurrentIndexCreation: { type: GraphQLBoolean } };

/** The root fields, for admins (a non-admin's schema has none of them, as Directus's). */
export function schemaMutationFields(): GraphQLFieldConfigMap<unknown, unknown> {
  const data = (t: GraphQLInputType) => ({ type: new GraphQLNonNull(t) });
  return {
    create_collections_item: { type: collectionOutput, args: { data: data(collectionInput), ...concurrent } },
    update_collections_item: { type: collectionOutput, args: { collection: reqStr, data: data(collectionInput) } },
    delete_collections_item: { type: deleteCollection, args: { collection: reqStr } },
    create_fields_item: { type: fieldTypes.output, args: { collection: reqStr, data: data(fieldTypes.input), ...concurrent } },
    update_fields_item: { type: fieldTypes.output, args: { collection: reqStr, field: reqStr, data: data(fieldTypes.input), ...concurrent } },
    update_fields_items: { type: new GraphQLList(fieldTypes.output), args: { collection: reqStr, data: { type: new GraphQLList(new GraphQLNonNull(fieldTypes.input)) }, ...concurrent } },
    delete_fields_item: { type: deleteField, args: { collection: reqStr, field: reqStr } },
    create_relations_item: { type: relationTypes.output, args: { data: data(relationTypes.input) } },
    update_relations_item: { type: relationTypes.output, args: { collection: reqStr, field: reqStr, data: data(relationTypes.input) } },
    delete_relations_item: { type: deleteRelation, args: { collection: reqStr, field: reqStr } },
  };
}

/** How each is answered: the schema function's JSON answer (deletes: the names given). */
export function schemaMutationHandlers(db: Db, catalog: Catalog): Record<string, RootHandler> {
  const run = ({ acc }: RootCall, op: (acc: Accountability) => Promise<string | null>, deletedAs?: Record<string, unknown>) => async () => {
    if (!acc.admin) throw forbidden();
    let answer: string | null;
    try {
      answer = await op(acc);
    } finally {
      catalog.schemaChanged();
    }
    return deletedAs ?? (answer === null ? null : JSON.parse(answer));
  };
  const str = (v: unknown) => String(v);
  return {
    create_collections_item: (c) => run(c, (acc) => schemaApi.createCollection(db, acc, c.args.data)),
    update_collections_item: (c) => run(c, (acc) => schemaApi.updateCollection(db, acc, str(c.args.collection), c.args.data)),
    delete_collections_item: (c) => run(c, (acc) => schemaApi.deleteCollection(db, acc, str(c.args.collection)), { collection: c.args.collection }),
    create_fields_item: (c) => run(c, (acc) => schemaApi.createField(db, acc, str(c.args.collection), c.args.data)),
    update_fields_item: (c) => run(c, (acc) => schemaApi.updateField(db, acc, str(c.args.collection), str(c.args.field), c.args.data)),
    update_fields_items: (c) => run(c, (acc) => schemaApi.updateFields(db, acc, str(c.args.collection), c.args.data ?? [])),
    delete_fields_item: (c) => run(c, (acc) => schemaApi.deleteField(db, acc, str(c.args.collection), str(c.args.field)),
      { collection: c.args.collection, field: c.args.field }),
    create_relations_item: (c) => run(c, (acc) => schemaApi.createRelation(db, acc, c.args.data)),
    update_relations_item: (c) => run(c, (acc) => schemaApi.updateRelation(db, acc, str(c.args.collection), str(c.args.field), c.args.data)),
    delete_relations_item: (c) => run(c, (acc) => schemaApi.deleteRelation(db, acc, str(c.args.collection), str(c.args.field)),
      { collection: c.args.collection, field: c.args.field }),
  };
}
