// Runs one flow: its operations from the first one, each on the data chain Directus builds
// ($trigger, $last, $accountability, $env, then one entry per operation key), following
// `resolve` after a success and `reject` after a failure until there is no next operation.
// The run is logged as Directus logs it (the flow's `accountability`: 'all' = activity and a
// revision with the steps and the data, 'activity' = activity only, null = nothing); the
// flow's `return` option picks what the run answers (pickReturn).
import type { Accountability } from '../types.js';
import type { Logger } from '../log.js';
import type { Db } from '../db/client.js';
import { logRun, type FlowRow, type OperationRow } from '../engine/flow-store.js';
import { getPath, render } from './template.js';
import { DirectusError } from '../errors.js';

/** Who and what started a run. */
export interface RunContext {
  /** the trigger's accountability; null: none (plain SQL, a schedule), which item operations read as full access */
  accountability: Accountability | null;
  /** the delivery being run (retries run again with the same id: the idempotency key of outgoing requests) */
  deliveryId?: string;
  /** flows started by "trigger flow" operations on the way here (stops a flow from triggering itself forever) */
  depth?: number;
}

export type OperationHandler = (options: Record<string, unknown>, op: { data: Record<string, unknown>; ctx: RunContext; flow: FlowRow; key: string }) => Promise<unknown>;

/** Most operations one run performs: resolve/reject links may form a loop. */
const MAX_STEPS = 1000;

export interface FlowRunResult {
  /** the data chain at the end ($trigger, $last, ..., one entry per operation key) */
  data: Record<string, unknown>;
  /** the last operation failed (a filter flow then refuses the write) */
  rejected: boolean;
}

/**
 * What a run answers: "$all" is the whole data chain, any other string a path in it
 * ("$last", an operation's key); undefined without one. Each trigger decides what a missing
 * `return` means (a webhook answers $last, a sub-flow null, a filter keeps the payload).
 */
export function pickReturn(data: Record<string, unknown>, ret: unknown): unknown {
  if (ret === '$all') return data;
  return typeof ret === 'string' && ret !== '' ? getPath(data, ret) : undefined;
}

/** $accountability as a flow sees it */
export function accountabilityData(a: Accountability | null): Record<string, unknown> | null {
  if (!a) return null;
  return { role: a.role, user: a.user, roles: a.roles, admin: a.admin, app: a.app, ip: a.ip, userAgent: a.userAgent, ...(a.origin ? { origin: a.origin } : {}) };
}

export class FlowRunner {
  constructor(private db: Db, private log: Logger, private operations: Map<string, OperationHandler>, private env: Record<string, string>) {}

  async run(flow: FlowRow, trigger: unknown, ctx: RunContext): Promise<FlowRunResult> {
    const data: Record<string, unknown> = {
      $trigger: trigger ?? null, $last: trigger ?? null, $accountability: accountabilityData(ctx.accountability), $env: { ...this.env },
    };
    const byId = new Map(flow.operations.map((o) => [o.id, o]));
    const steps: Record<string, unknown>[] = [];
    let next = flow.operation ? byId.get(flow.operation) : undefined;
    let rejected = false;
    while (next) {
      if (steps.length >= MAX_STEPS) {
        this.log.warn('flow stopped: too many operations in one run', { flow: flow.id });
        break;
      }
      const { status, result, options } = await this.operate(next, data, ctx, flow);
      data[next.key] = result;
      data.$last = result;
      rejected = status === 'reject';
      steps.push({ operation: next.id, key: next.key, status, options });
      const successor = status === 'resolve' ? next.resolve : next.reject;
      next = successor ? byId.get(successor) : undefined;
    }
    await this.record(flow, ctx, steps, data);
    return { data, rejected };
  }

  private async operate(op: OperationRow, data: Record<string, unknown>, ctx: RunContext, flow: FlowRow) {
    const handler = this.operations.get(op.type);
    if (!handler) {
      this.log.warn('flow operation of an unknown type', { flow: flow.id, type: op.type });
      return { status: 'unknown', result: null, options: null };
    }
    let options: Record<string, unknown> | null = null;
    try {
      options = render(op.options ?? {}, data) as Record<string, unknown>;
      const result = await handler(options, { data, ctx, flow, key: op.key });
      return { status: 'resolve', result: result === undefined ? null : result, options };
    } catch (err) {
      return { status: 'reject', result: errorData(err), options };
    }
  }

  private async record(flow: FlowRow, ctx: RunContext, steps: unknown[], data: Record<string, unknown>): Promise<void> {
    if (flow.accountability !== 'all' && flow.accountability !== 'activity') return;
    const a = ctx.accountability;
    try {
      await logRun(this.db, {
        flow: flow.id,
        accountability: a ? { user: a.user, ip: a.ip || null, userAgent: a.userAgent, origin: a.origin } : null,
        revision: flow.accountability === 'all' ? this.redact({ steps, data }) : null,
      });
    } catch (err) {
      this.log.error('could not log a flow run', { flow: flow.id, err: (err as Error).message });
    }
  }

  /**
   * A run as it is logged (the data chain and the steps' rendered options): environment values
   * and passwords are not written down. A value is redacted where it is a whole string, and
   * inside longer strings ("Bearer <value>") when it is long enough not to be a common word or
   * number (a short value such as "true" or "8055" would blank unrelated text).
   */
  private redact(data: Record<string, unknown>): unknown {
    const secrets = new Set(Object.values(this.env).filter((v) => v !== ''));
    const inner = [...secrets].filter((v) => v.length >= 8);
    const walk = (v: unknown, key?: string): unknown => {
      if (key !== undefined && /^(password|token|secret|authorization|cookie|set-cookie|access_token)$/i.test(key) && v !== null && v !== undefined) return '--redacted--';
      if (typeof v === 'string') return secrets.has(v) ? '--redacted--' : inner.reduce((s, secret) => s.split(secret).join('--redacted--'), v);
      if (Array.isArray(v)) return v.map((i) => walk(i));
      if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, i]) => [k, walk(i, k)]));
      return v;
    };
    return walk(data);
  }
}

/**
 * What a failed operation leaves as $last, as Directus leaves it: the error object itself, so
 * `{{ $last.message }}` reads its message while its JSON (a response, the run's revision) has
 * only its enumerable fields: {name, extensions, code, status} for an API error, {} for most
 * others. Never its stack. A thrown list (a failed condition) keeps its errors so.
 */
export function errorData(err: unknown): unknown {
  if (Array.isArray(err)) return err.map(errorData);
  if (err instanceof DirectusError) {
    const out = new Error(err.message);
    Object.assign(out, { name: 'DirectusError' }, Object.keys(err.extensions).length > 0 ? { extensions: err.extensions } : {},
      { code: err.code, status: err.status });
    Object.defineProperty(out, 'original', { value: err, enumerable: false });
    delete out.stack;
    return out;
  }
  if (err instanceof Error) {
    delete err.stack;
    return err;
  }
  if (typeof err === 'string') {
    try {
      return JSON.parse(err);
    } catch {
      return err;
    }
  }
  return err ?? null;
}
