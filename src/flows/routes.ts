// The flows front end's routes: GET|POST /flows/trigger/:id (webhook and manual triggers, which
// answer the flow's result) and GET /flows/deliveries (the delivery queue, for admins). The
// CRUD of /flows, /operations and /webhooks is the generic system collection API (src/rest).
import type { Router } from '../router.js';
import type { ApiResponse, RouteContext } from '../types.js';
import { forbidden, invalidPayload, routeNotFound } from '../errors.js';
import { isJsonContentType, jsonBody } from '../request/body.js';
import { parseQueryString } from '../request/qs.js';
import type { FlowRegistry } from './registry.js';
import { pickReturn, type FlowRunner } from './runner.js';
import { listDeliveries } from '../engine/flow-store.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const answer = (value: unknown): ApiResponse =>
  value === undefined || value === null ? { status: 204 }
    : { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(value) };

export interface FlowRoutesDeps {
  db: Db;
  log: Logger;
  registry: FlowRegistry;
  runner: FlowRunner;
  /** whether the caller may read every one of these items */
  mayRead(ctx: RouteContext, collection: string, keys: unknown[]): Promise<boolean>;
}

export function flowRoutes(router: Router, d: FlowRoutesDeps): Router {
  const trigger = async (ctx: RouteContext): Promise<ApiResponse> => {
    const id = ctx.params.id;
    if (!UUID.test(id)) throw routeNotFound(ctx.req.path);
    // the body as Directus hands it on: JSON objects and arrays; anything else is {}
    const body = ctx.req.body && ctx.req.body.length > 0 && isJsonContentType(ctx.req.headers['content-type']) ? jsonBody(ctx.req) : {};
    if (typeof body !== 'object' || body === null) throw invalidPayload('Payload must be an object or an array');
    await d.registry.ready();
    const flow = d.registry.get(id.toLowerCase());
    if (!flow) throw forbidden();
    const method = ctx.req.method;
    if (flow.trigger === 'webhook') {
      const wanted = typeof flow.options?.method === 'string' ? flow.options.method.toUpperCase() : 'GET';
      if (wanted !== method) throw forbidden();
    } else if (flow.trigger === 'manual') {
      if (method !== 'POST' || !ctx.accountability.user || !ctx.accountability.app) throw forbidden();
      const b = body as Record<string, unknown>;
      const allowed = Array.isArray(flow.options?.collections) ? flow.options.collections : [];
      if (typeof b.collection !== 'string' || !allowed.includes(b.collection) || !Array.isArray(b.keys)) throw forbidden();
      // a caller starts a flow only on items it may read (admins may read everything)
      if (!ctx.accountability.admin && !(await d.mayRead(ctx, b.collection, b.keys))) throw forbidden();
    } else {
      throw forbidden();
    }
    const data = { path: `/trigger/${id}`, query: parseQueryString(ctx.req.query), body, method, headers: { ...ctx.req.headers } };
    // the run is not the request's: it goes on if the client goes away (an async flow answers at once)
    const run = d.runner.run(flow, data, { accountability: { ...ctx.accountability, signal: undefined } });
    if (flow.options?.async === true) {
      run.catch((err) => d.log.error('flow run failed', { flow: flow.id, err: (err as Error).message }));
      return { status: 204 };
    }
    const result = await run;
    // a manual flow answers its last result; a webhook flow its `return` ($last without one)
    const ret = flow.trigger === 'manual' ? '$last' : flow.options?.return ?? '$last';
    return answer(pickReturn(result.data, ret));
  };
  router.get('/flows/trigger/:id', trigger);
  router.post('/flows/trigger/:id', trigger);

  router.get('/flows/deliveries', async (ctx) => {
    if (!ctx.accountability.admin) throw forbidden();
    const q = parseQueryString(ctx.req.query);
    const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
    const limit = Number(q.limit ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw invalidPayload('"limit" must be between 1 and 1000');
    const rows = await listDeliveries(d.db, { status: text(q.status), kind: text(q.kind), target: text(q.target), limit });
    return answer({ data: rows });
  });
  return router;
}
