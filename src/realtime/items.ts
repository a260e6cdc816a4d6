// `items` messages: create / read / update / delete over the socket, through the same Reader and
// Writer as REST (one statement each, RLS as the connection's access). The answer's `data` is
// what the matching REST route's `data` would be: the item(s) re-read with `query`, or the
// key(s) of a delete.
import { forbidden, invalidPayload } from '../errors.js';
import { isPlainObject } from '../request/body.js';
import { normalizeQuery, type Query, type QueryLimits } from '../request/query.js';
import type { Accountability } from '../types.js';
import type { Reader } from '../engine/reader.js';
import type { Writer, WriteAction } from '../engine/writer.js';
import { enumError, SocketError, validationError, type Message } from './messages.js';

export interface ItemsDeps {
  reader: Reader;
  writer: Writer;
  limits: QueryLimits;
}

const ACTIONS = ['create', 'read', 'update', 'delete'] as const;

export async function itemsMessage(deps: ItemsDeps, access: Accountability, msg: Message): Promise<unknown> {
  const { action, collection } = msg;
  if (typeof collection !== 'string') throw validationError('items', 'string', collection, 'collection');
  if (typeof action !== 'string' || !(ACTIONS as readonly string[]).includes(action)) throw enumError('items', ACTIONS, 'action');
  // system collections have their own endpoints (and rules) in REST; Directus refuses them here too
  if (collection.startsWith('directus_')) throw new SocketError('items', 'INVALID_COLLECTION', 'Cannot trigger an action on a system collection.');
  if (msg.query !== undefined && !isPlainObject(msg.query)) throw validationError('items', 'object', msg.query, 'query');
  const rawQuery = (msg.query ?? {}) as Record<string, unknown>;
  const { id, ids, data } = msg;
  if (ids !== undefined && !Array.isArray(ids)) throw invalidPayload('"ids" must be an array');
  const one = id !== undefined;
  const query = normalizeQuery(rawQuery, deps.limits, { list: !one });
  const value = (body: string | Buffer | null) => (body === null ? null : JSON.parse(body.toString()));
  const write = async (act: WriteAction, args: Record<string, unknown>, mode: 'one' | 'list' | null) =>
    value(await deps.writer.write(access, collection, act, args, mode ? { query, mode, output: 'value' } : null, {}));

  switch (action) {
    case 'read': {
      if (one) {
        const item = await deps.reader.readValue(access, collection, { ...query, key: id }, 'one', {});
        if (item === null) throw forbidden();
        return value(item);
      }
      return value(await deps.reader.readValue(access, collection, ids ? { ...query, keys: ids } : query, 'list', {}));
    }
    case 'create': {
      if (!isPlainObject(data) && !Array.isArray(data)) throw invalidPayload('"data" must be an object or an array');
      return write('create', { payload: data }, Array.isArray(data) ? 'list' : 'one');
    }
    case 'update': {
      if (one) {
        if (!isPlainObject(data)) throw invalidPayload('"data" must be of type object');
        return write('update', { key: id, data }, 'one');
      }
      if (Array.isArray(data)) return write('patch_collection', { data }, 'list');
      if (!isPlainObject(data)) throw invalidPayload('"data" must be of type object');
      if (ids) return write('patch_collection', { data: { keys: ids, data } }, 'list');
      return write('patch_collection', { data: { query: queryFor(rawQuery, query), data } }, 'list');
    }
    default: {
      if (one) {
        await write('delete', { key: id }, null);
        return id;
      }
      if (ids) {
        await write('delete', { keys: ids }, null);
        return ids;
      }
      if (msg.query === undefined) throw new SocketError('items', 'INVALID_PAYLOAD', "Either 'ids', 'id' or 'query' is required for a DELETE request.");
      // (Directus answers the deleted keys; the write statement doesn't return them yet)
      await write('delete_query', { query: queryFor(rawQuery, query) }, null);
      return null;
    }
  }
}

/** A query that selects items to change: without the default limit a read would add. */
function queryFor(raw: Record<string, unknown>, query: Query): Query {
  const out = { ...query };
  if (raw.limit === undefined) delete out.limit;
  return out;
}
