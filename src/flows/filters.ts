// Filter flows ("event" trigger, type "filter"): they run in the gateway before a write reaches
// the database, for every front end (the Writer calls this hook), and may change the payload
// (the flow's `return` becomes the new payload; without one the payload stays) or refuse the
// write (the last operation rejected: its error is the request's error, and nothing is
// written), for user and system collections. Creates run once per item, as Directus runs them;
// an update runs once with its keys; a delete hands its keys as the payload. Writes of a flow's
// own item operations without "emit events" skip them, as in Directus.
import type { Accountability } from '../types.js';
import { DirectusError } from '../errors.js';
import { isPlainObject } from '../request/body.js';
import type { BeforeWrite } from '../engine/writer.js';
import { itemEvent, type FlowRegistry } from './registry.js';
import { pickReturn, type FlowRunner } from './runner.js';
import type { FlowRow } from '../engine/flow-store.js';

export function filterHook(registry: FlowRegistry, runner: FlowRunner, primaryKey: (collection: string) => Promise<string | null>): BeforeWrite {
  return async (accountability, collection, action, args) => {
    await registry.ready();
    if (!registry.hasFilters) return;
    const kind = action === 'create' ? 'create' : action === 'delete' || action === 'delete_query' ? 'delete' : 'update';
    const event = itemEvent(collection, kind);
    const flows = registry.filtersFor(event);
    if (flows.length === 0) return;
    const run = async (payload: unknown, meta: Record<string, unknown>) => {
      for (const flow of flows) payload = await runFilter(runner, flow, payload, { event, ...meta, collection }, accountability);
      return payload;
    };
    const data = args.data as Record<string, unknown> | unknown[] | undefined;
    if (action === 'create') {
      const items = Array.isArray(args.payload) ? args.payload : [args.payload];
      const out = [];
      for (const item of items) out.push(await run(item, {}));
      args.payload = Array.isArray(args.payload) ? out : out[0];
    } else if (action === 'update') {
      args.data = await run(args.data, { keys: [args.key] });
    } else if (action === 'patch_collection' && Array.isArray(data)) {
      // a batch: each item on its own, with its key, which it keeps whatever the flow returns
      const pk = await primaryKey(collection);
      const out = [];
      for (const item of data) {
        if (!pk || !isPlainObject(item)) {
          out.push(item);
          continue;
        }
        const { [pk]: key, ...rest } = item;
        out.push({ ...(await run(rest, { keys: [key] }) as object), [pk]: key });
      }
      args.data = out;
    } else if (action === 'patch_collection' && isPlainObject(data)) {
      data.data = await run(data.data, { keys: Array.isArray(data.keys) ? data.keys : [] });
    } else if (action === 'delete' || action === 'delete_query') {
      const keys = action === 'delete' ? (args.keys ?? [args.key]) : [];
      const out = await run(keys, {});
      if (action === 'delete' && Array.isArray(out)) {
        delete args.key;
        args.keys = out;
      }
    }
  };
}

/** One filter flow on a payload ($trigger: {payload, ...meta}): the payload to go on with, or its refusal thrown. */
export async function runFilter(runner: FlowRunner, flow: FlowRow, payload: unknown, meta: Record<string, unknown>, accountability: Accountability | null): Promise<unknown> {
  const { data, rejected } = await runner.run(flow, { payload, ...meta }, { accountability });
  if (rejected) throw refusal(data.$last);
  const ret = flow.options?.return;
  if (ret === undefined || ret === null || ret === '') return payload;
  const result = pickReturn(data, ret);
  if (Array.isArray(payload)) return Array.isArray(result) ? result : payload;
  return isPlainObject(result) ? result : {};
}

/** The error a refused write answers: the operation's own API error(s), or a 500 with the failure's message. */
function refusal(last: unknown): DirectusError {
  const errors = (Array.isArray(last) ? last : [last]).map((e) => {
    const original = e && typeof e === 'object' ? (e as { original?: unknown }).original : undefined;
    if (original instanceof DirectusError) return original;
    const message = e instanceof Error ? e.message : typeof e === 'string' ? e : 'An unexpected error occurred.';
    return new DirectusError('INTERNAL_SERVER_ERROR', message);
  });
  const [first, ...more] = errors.length > 0 ? errors : [new DirectusError('INTERNAL_SERVER_ERROR', 'An unexpected error occurred.')];
  first.more = more;
  return first;
}
