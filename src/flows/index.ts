// Flows and webhooks, plugged into the core: the registry of active flows (reloaded on NOTIFY
// strata_flows), the runner and its operations, the dispatcher of deliveries (action flows and
// webhooks on item events, read through the delivery cursor, woken by NOTIFY strata_events;
// queued rows: the gateway's own events, schedule ticks, retries, woken by NOTIFY
// strata_deliveries), the filter hook every
// write passes through, the hooks of the events the gateway raises itself (auth.login,
// files.upload, server.start/stop: events.ts), and the trigger routes.
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { Reader } from '../engine/reader.js';
import type { Writer } from '../engine/writer.js';
import type { Catalog } from '../engine/catalog.js';
import type { QueryLimits } from '../request/query.js';
import type { Router } from '../router.js';
import type { RouteContext } from '../types.js';
import { createMailer } from '../mail/mailer.js';
import { projectFacts } from '../mail/render.js';
import { FlowRegistry } from './registry.js';
import { FlowRunner, pickReturn, type RunContext } from './runner.js';
import { createOperations } from './operations.js';
import { Dispatcher } from './dispatcher.js';
import { filterHook } from './filters.js';
import { flowRoutes } from './routes.js';
import { ScriptPool } from './scripts.js';
import { flowEventHooks } from './events.js';
import { setEventHooks } from '../engine/emitter.js';

/** how many flows deep "trigger flow" operations may chain */
const MAX_TRIGGER_DEPTH = 32;

export interface FlowsDeps {
  config: Config;
  log: Logger;
  db: Db;
  reader: Reader;
  writer: Writer;
  catalog: Catalog;
  limits: QueryLimits;
}

export function flows(d: FlowsDeps) {
  const env = d.config.flows.env;
  let dispatcher: Dispatcher | undefined;
  const registry = new FlowRegistry(d.db, d.log, () => dispatcher?.wake());

  async function runOperationFlow(id: string, payload: unknown, ctx: RunContext): Promise<unknown> {
    if ((ctx.depth ?? 0) > MAX_TRIGGER_DEPTH) throw new Error(`flows triggered more than ${MAX_TRIGGER_DEPTH} levels deep`);
    await registry.ready();
    const flow = registry.get(id);
    if (!flow || flow.trigger !== 'operation') return null;
    const run = await runner.run(flow, payload, ctx);
    return pickReturn(run.data, flow.options?.return) ?? null;
  }

  const scripts = new ScriptPool();
  const operations = createOperations({
    db: d.db, log: d.log, reader: d.reader, writer: d.writer, mailer: createMailer(d.config.email, d.log, d.db, projectFacts(d.db, d.config.publicUrl)),
    limits: d.limits, config: d.config.flows, scripts, env, runOperationFlow, primaryKey: (c) => d.catalog.primaryKey(c),
  });
  const runner = new FlowRunner(d.db, d.log, operations, env);
  dispatcher = new Dispatcher(d.db, d.log, d.config.flows, registry, runner, d.config.eventsBatchWindowMs);
  d.writer.beforeWrite = filterHook(registry, runner, (collection) => d.catalog.primaryKey(collection));
  const events = flowEventHooks(d.db, d.log, registry, runner, () => dispatcher!.wake('rows'));
  setEventHooks(d.db, events);
  d.catalog.onFlowsChange(() => registry.changed());
  d.catalog.onDeliveries(() => dispatcher!.wake('rows'));
  // (a change event flows or webhooks listen to names them: the dispatcher reads it through the
  // delivery cursor; one wake-up channel for all events, and no wake-up while nothing listens)
  d.catalog.onEvents(() => {
    if (registry.hearsItems) dispatcher!.wake('events');
  });
  registry.changed();
  dispatcher.wake(); // deliveries left by a gateway that stopped
  // Directus's server.start / server.stop actions ($trigger {event}: Directus's also holds its
  // HTTP server object, which no flow can use); queued like any event, so a stopping gateway's
  // server.stop runs on another gateway, or on this one's next start
  void events.action('server.start', {}, null);

  /** every key names an item the caller can read (a key that is not one reads nothing) */
  async function mayRead(ctx: RouteContext, collection: string, keys: unknown[]): Promise<boolean> {
    const pk = await d.catalog.primaryKey(collection);
    if (!pk) return false;
    try {
      const bytes = await d.reader.readValue(ctx.accountability, collection, { fields: [pk], keys, limit: -1 }, 'list', ctx.timing);
      const rows = bytes ? (JSON.parse(bytes.toString()) as Record<string, unknown>[]) : [];
      const found = new Set(rows.map((r) => String(r[pk])));
      return keys.every((k) => found.has(String(k)));
    } catch {
      return false;
    }
  }

  return {
    /** delivery counters (for /metrics) */
    deliveries: () => ({ ...dispatcher!.stats, running: dispatcher!.runningCount }),
    routes: (router: Router) => flowRoutes(router, { db: d.db, log: d.log, registry, runner, mayRead }),
    async close() {
      await events.action('server.stop', {}, null);
      registry.close();
      d.writer.beforeWrite = undefined;
      setEventHooks(d.db, undefined);
      await dispatcher!.close();
      await scripts.close();
    },
  };
}
