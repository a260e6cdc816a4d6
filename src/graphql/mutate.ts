// One mutation root field -> one write, the same as REST's (src/rest/items-write.ts): the action
// and arguments strata.write_request takes, and the selection set as the query the written items
// are re-read with (planned like a query's root field, compiled in the `value` output). Deletes
// answer `{id}` / `{ids}` from their arguments; a collection the caller can't read answers `true`.
import { getArgumentValues, getNamedType, type FieldNode, type GraphQLObjectType } from 'graphql';
import type { WriteAction, WriteRead } from '../engine/writer.js';
import { isPlainObject } from '../request/body.js';
import { invalidPayload } from '../errors.js';
import { collectFields, planItems, type Context } from './plan.js';
import { collectionName } from './model.js';

export interface RootWrite {
  collection: string;
  action: WriteAction;
  args: Record<string, unknown>;
  /** the re-read of the written items (null: the answer is `answer`) */
  read: WriteRead | null;
  reshape?: (value: unknown) => unknown;
  /** the field's JSON when nothing is re-read */
  answer?: string;
  /** the caller's own user (update_users_me): /users/me's rules apply */
  own?: boolean;
}

const OPS = /^(create|update|delete)_(.+?)(_items|_item|_batch)?$/;

export function planMutation(ctx: Context, rootType: GraphQLObjectType, node: FieldNode, nodes: FieldNode[]): RootWrite {
  const name = node.name.value;
  const def = rootType.getFields()[name];
  const args = getArgumentValues(def, node, ctx.variables);
  const [, op, root, suffix] = OPS.exec(name)!;
  // system scope: `users` -> directus_users
  const collection = collectionName(ctx, root);
  const readable = ctx.model.get(collection);

  if (op === 'delete') {
    const many = suffix === '_items';
    const ids = many ? args.ids as unknown[] : [args.id];
    // the answer is known before the write: the selection of `delete_one` / `delete_many`
    const out: Record<string, unknown> = {};
    for (const [key, sub] of collectFields(ctx, nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : [])))) {
      const field = sub[0].name.value;
      out[key] = field === '__typename' ? getNamedType(def.type).name : field === 'ids' ? ids : ids[0];
    }
    return { collection, action: 'delete', args: many ? { keys: ids } : { key: args.id }, read: null, answer: JSON.stringify(out) };
  }

  let action: WriteAction;
  let writeArgs: Record<string, unknown>;
  let mode: 'one' | 'list';
  if (op === 'create') {
    mode = suffix === '_item' ? 'one' : 'list';
    // create_<c>_items without data creates nothing (an empty list), as an empty REST array
    action = 'create';
    writeArgs = { payload: mode === 'one' ? args.data : (args.data ?? []) };
  } else if (suffix === '_item') {
    [action, mode, writeArgs] = ['update', 'one', { key: args.id, data: args.data }];
  } else if (suffix === '_items') {
    [action, mode, writeArgs] = ['patch_collection', 'list', { data: { keys: args.ids, data: args.data } }];
  } else if (suffix === '_batch') {
    [action, mode, writeArgs] = ['patch_collection', 'list', { data: args.data ?? [] }];
  } else {
    // update_<singleton>
    [action, mode, writeArgs] = ['patch_collection', 'one', { data: args.data }];
  }
  if (action === 'update' && !isPlainObject(args.data)) throw invalidPayload('"value" must be of type object');
  if (!readable) return { collection, action, args: writeArgs, read: null, answer: 'true' };
  const read = planItems(ctx, rootType, node, nodes, readable, mode === 'one' || readable.singleton ? 'one' : 'list');
  delete read.query.key;
  // a singleton's re-read is compiled in the database (write_request): it is read as REST reads it;
  // a user singleton's write is an upsert, the settings' (update_settings) a patch of its one row,
  // re-read as PATCH /settings re-reads it
  const readMode = readable.singleton ? (collection === 'directus_settings' ? 'singleton' : 'list') : mode;
  return { collection, action, args: writeArgs, read: { query: read.query, mode: readMode, output: 'graphql' }, reshape: read.reshape };
}
