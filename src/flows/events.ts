// The events the gateway raises itself (src/engine/emitter.ts: auth.login, auth.jwt, authenticate,
// files.upload, items.sort, items.promote, email.send, request.not_found, response), for
// flows: filter flows run at once, in the caller's path, each on the payload the previous one
// answered (a refusal is thrown to the caller); action flows are queued as one 'event' delivery
// naming them (strata.deliveries, hooks/deliveries_table.sql) and run by the dispatcher, durable
// from that insert on. Only Directus's event-trigger scopes that Strata raises are heard (README,
// "Flows and webhooks").
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { Accountability } from '../types.js';
import type { EventHooks } from '../engine/emitter.js';
import { queueEvent } from '../engine/flow-store.js';
import type { FlowRegistry } from './registry.js';
import type { FlowRunner } from './runner.js';
import { runFilter } from './filters.js';

/** The accountability JSON the queue keeps (strata.accountability's shape, read back by the dispatcher). */
const stored = (a: Accountability | null): Record<string, unknown> | null => a && {
  user: a.user, role: a.role, roles: a.roles, policies: a.policies, admin: a.admin, app: a.app, ip: a.ip, user_agent: a.userAgent, origin: a.origin,
};

export function flowEventHooks(db: Db, log: Logger, registry: FlowRegistry, runner: FlowRunner, wake: () => void): EventHooks {
  return {
    async listens(event) {
      await registry.ready();
      return registry.filtersFor(event).length > 0 || registry.actionsFor(event).length > 0;
    },
    hears: (event) => registry.hears(event),
    async filter(event, payload, meta, accountability) {
      await registry.ready();
      // no accountability (email.send, authenticate): none, as Directus runs them ($accountability null)
      for (const flow of registry.filtersFor(event)) payload = await runFilter(runner, flow, payload, meta, accountability);
      return payload;
    },
    async action(event, meta, accountability) {
      try {
        await registry.ready();
        const listeners = registry.actionsFor(event);
        if (listeners.length === 0) return;
        await queueEvent(db, event, meta, stored(accountability), listeners);
        wake();
      } catch (err) {
        // the event is lost (it happened, its listeners will not hear of it): say so
        log.error('could not queue an event for flows', { event, err: (err as Error).message });
      }
    },
  };
}
