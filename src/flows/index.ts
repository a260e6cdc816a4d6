// Flows and webhooks, plugged into the core: the registry of active flows (reloaded on NOTIFY
// strata_flows), the runner and its operations, the dispatcher of queued deliveries (action
// flows, webhooks, schedule ticks; woken by every change event), the filter hook every write
// passes through, and the trigger routes.
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { Reader } from '../engine/reader.js';
import type { Writer } from '../engine/writer.js';
import type { Catalog } from '../engine/catalog.js';
import type { QueryLimits } from '../request/query.js';
import type { Router } from '../router.js';
import { createMailer } from '../mail/mailer.js';
import { FlowRegistry } from './registry.js';
import { FlowRunner, pickReturn, type RunContext } from './runner.js';
import { createOperations } from './operations.js';
import { Dispatcher } from './dispatcher.js';
import { filterHook } from './filters.js';
import { flowRoutes } from './routes.js';

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
  const env: Record<string, string> = {};
  for (const name of d.config.flows.envAllowList) if (process.env[name] !== undefined) env[name] = process.env[name]!;
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

  const operations = createOperations({
    db: d.db, log: d.log, reader: d.reader, writer: d.writer, mailer: createMailer(d.config.email, d.log),
    limits: d.limits, config: d.config.flows, runOperationFlow,
  });
  const runner = new FlowRunner(d.db, d.log, operations, env);
  dispatcher = new Dispatcher(d.db, d.log, d.config.flows, registry, runner);
  const primaryKey = async (collection: string) =>
    (await d.db.queryAsOwner<{ pk: string | null }>('select strata.primary_key($1) as pk', [collection]))[0]?.pk ?? null;
  d.writer.beforeWrite = filterHook(registry, runner, primaryKey);
  d.catalog.onFlowsChange(() => registry.changed());
  // a change event may have queued deliveries only while something listens
  d.catalog.onEvents(() => {
    if (registry.listening) dispatcher!.wake();
  });
  registry.changed();
  dispatcher.wake(); // deliveries left by a gateway that stopped

  return {
    routes: (router: Router) => flowRoutes(router, { db: d.db, log: d.log, registry, runner }),
    async close() {
      registry.close();
      d.writer.beforeWrite = undefined;
      await dispatcher!.close();
    },
  };
}
