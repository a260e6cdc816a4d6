// This gateway's view of the active flows and webhooks, loaded from the database and loaded
// again whenever any gateway or plain SQL changes them (NOTIFY strata_flows, through the
// catalog). It indexes what the triggers need: flows by id, filter flows by event name
// ("<collection>.items.create", ...), and it keeps the cron jobs of schedule flows, each tick
// queued as a delivery (once per flow and tick, however many gateways tick).
import { Cron } from 'croner';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import { loadFlows, loadWebhooks, queueTick, type FlowRow, type WebhookRow } from '../engine/flow-store.js';

export class FlowRegistry {
  private flows = new Map<string, FlowRow>();
  private webhooks = new Map<string, WebhookRow>();
  private filters = new Map<string, FlowRow[]>();
  /** action flows of the events the gateway raises itself ("auth.login", ...), as listener names ("flow:<id>") */
  private actions = new Map<string, string[]>();
  /** an active action flow on item events, or an active webhook, exists */
  private itemListeners = false;
  private jobs: Cron[] = [];
  private loading: Promise<void> | undefined;
  /** bumped by every change; the flows loaded are current once `loaded` reaches it */
  private version = 1;
  private loaded = 0;
  private closed = false;

  /** `onTick`: a schedule tick was queued */
  constructor(private db: Db, private log: Logger, private onTick: () => void) {}

  /** Flows changed somewhere: load them again (now, so schedules follow at once). */
  changed(): void {
    this.version++;
    void this.ready().catch((err) => this.log.error('could not load flows', { err: (err as Error).message }));
  }

  /** Resolves once the flows are loaded and current. */
  async ready(): Promise<void> {
    // a load that started before the latest change does not count: load again after it
    while (this.loaded < this.version && !this.closed) {
      this.loading ??= this.load().finally(() => { this.loading = undefined; });
      await this.loading;
    }
  }

  get(id: string): FlowRow | undefined {
    return this.flows.get(id);
  }

  /** An active webhook (Directus 9) by id. */
  webhook(id: string): WebhookRow | undefined {
    return this.webhooks.get(id);
  }

  /** The active filter flows of an event ("<collection>.items.create"). */
  filtersFor(event: string): FlowRow[] {
    return this.filters.get(event) ?? [];
  }

  /** The listeners of an event the gateway raises itself (item events are the audit trigger's: strata.event_hooks). */
  actionsFor(event: string): string[] {
    return this.actions.get(event) ?? [];
  }

  /** whether a filter or action flow listens to `event`, without waiting: true while the flows are not current */
  hears(event: string): boolean {
    return this.loaded < this.version || this.filters.has(event) || this.actions.has(event);
  }

  /** whether a flow or webhook may listen to item events (their change events name it): true while the flows are not current */
  get hearsItems(): boolean {
    return this.loaded < this.version || this.itemListeners;
  }

  get hasFilters(): boolean {
    return this.filters.size > 0;
  }

  close(): void {
    this.closed = true;
    for (const job of this.jobs) job.stop();
    this.jobs = [];
  }

  private async load(): Promise<void> {
    const version = this.version;
    const [rows, webhooks] = await Promise.all([loadFlows(this.db), loadWebhooks(this.db)]);
    this.webhooks = new Map(webhooks.map((w) => [String(w.id), w]));
    const flows = new Map<string, FlowRow>();
    const filters = new Map<string, FlowRow[]>();
    const actions = new Map<string, string[]>();
    let itemListeners = webhooks.length > 0;
    for (const flow of rows) {
      flows.set(flow.id, flow);
      if (flow.trigger === 'event' && flow.options?.type === 'filter') {
        for (const event of eventNames(flow)) filters.set(event, [...(filters.get(event) ?? []), flow]);
      } else if (flow.trigger === 'event' && flow.options?.type === 'action') {
        for (const event of listOf(flow.options?.scope)) {
          if (!ITEM_WRITES.test(event)) actions.set(event, [...(actions.get(event) ?? []), `flow:${flow.id}`]);
          else itemListeners = true;
        }
      }
    }
    this.flows = flows;
    this.filters = filters;
    this.actions = actions;
    this.itemListeners = itemListeners;
    this.loaded = version;
    this.schedule(rows.filter((f) => f.trigger === 'schedule'));
  }

  private schedule(flows: FlowRow[]): void {
    for (const job of this.jobs) job.stop();
    this.jobs = [];
    if (this.closed) return;
    for (const flow of flows) {
      const cron = flow.options?.cron;
      if (typeof cron !== 'string') continue;
      try {
        this.jobs.push(new Cron(cron, { protect: true, unref: true }, () => {
          // the tick's time, the same on every gateway (cron fires within milliseconds of it)
          const at = new Date(Math.round(Date.now() / 1000) * 1000);
          queueTick(this.db, flow.id, at).then(this.onTick, (err) => this.log.error('could not queue a scheduled flow', { flow: flow.id, err: (err as Error).message }));
        }));
      } catch (err) {
        this.log.warn('a schedule flow has an invalid cron expression', { flow: flow.id, cron, err: (err as Error).message });
      }
    }
  }
}

/**
 * The events a flow listens to, as Directus names them: items.<action> scopes become one event
 * per collection ("<collection>.items.create"; "users.create" for directus_users), other scopes
 * stay as they are.
 */
export function eventNames(flow: FlowRow): string[] {
  const collections = listOf(flow.options?.collections);
  return listOf(flow.options?.scope).flatMap((scope) => {
    if (!ITEM_WRITES.test(scope)) return [scope];
    const action = scope.split('.')[1];
    return collections.map((c) => itemEvent(c, action));
  });
}

/** the item scopes the audit trigger queues (per collection); items.sort and items.promote are raised by the gateway */
const ITEM_WRITES = /^items\.(create|update|delete)$/;

/** A flow option that is a list of names (or one name). */
const listOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);

/** Directus's name of an item event: "<collection>.items.create"; "users.create" for directus_users. */
export function itemEvent(collection: string, action: string): string {
  return collection.startsWith('directus_') ? `${collection.slice(9)}.${action}` : `${collection}.items.${action}`;
}
