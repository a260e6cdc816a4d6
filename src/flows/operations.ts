// Directus's flow operations, by type. Each gets its options already rendered against the data
// chain (template.ts) and returns the value the chain keeps under its key (undefined: null);
// throwing rejects (the reject path runs, $last is the error). Item operations go through the
// same Reader and Writer as REST, with the flow's choice of permissions: "$trigger" (whoever
// triggered it), "$public", "$full", or a role's id.
import type { Accountability } from '../types.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { Reader } from '../engine/reader.js';
import type { Writer, WriteAction } from '../engine/writer.js';
import type { Mailer } from '../mail/mailer.js';
import { renderMailBody } from '../mail/render.js';
import type { FlowsConfig } from '../config.js';
import { customError, forbidden, invalidPayload } from '../errors.js';
import { normalizeQuery, type QueryLimits } from '../request/query.js';
import { isPlainObject } from '../request/body.js';
import { accessForRole, accessPublic } from '../engine/access-store.js';
import { WRITABLE_SYSTEM_ENDPOINTS } from '../auth/system-writes.js';
import { denyList, headersFrom, readBody, sendAllowed } from '../util/outgoing.js';
import { errorData, type OperationHandler, type RunContext } from './runner.js';
import type { ScriptPool } from './scripts.js';
import { checkCondition } from './condition.js';

export interface OperationDeps {
  db: Db;
  log: Logger;
  reader: Reader;
  writer: Writer;
  mailer: Mailer;
  limits: QueryLimits;
  config: FlowsConfig;
  /** where scripts run (worker threads) */
  scripts: ScriptPool;
  /** FLOWS_ENV_ALLOW_LIST's variables (a script's environment) */
  env: Record<string, string>;
  /** a collection's primary key field */
  primaryKey(collection: string): Promise<string | null>;
  /** runs a flow whose trigger is "another flow" (the trigger operation) */
  runOperationFlow(flow: string, payload: unknown, ctx: RunContext): Promise<unknown>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const WRITABLE_SYSTEM = new Set(Object.values(WRITABLE_SYSTEM_ENDPOINTS));

/** Full access without a user: "$full", and a trigger without accountability (plain SQL, a schedule). */
const FULL: Accountability = { user: null, role: null, roles: [], policies: [], admin: true, app: true, ip: '', userAgent: null, origin: null };

const toArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter((s) => s !== '') : [v]);
const parseJsonOption = (v: unknown): unknown => {
  if (typeof v !== 'string') return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
};
const value = (bytes: Buffer | string | null): unknown => (bytes === null ? null : JSON.parse(bytes.toString()));
const emptyKey = (key: unknown) => key === undefined || key === null || key === '' || (Array.isArray(key) && key.length === 0);

export function createOperations(d: OperationDeps): Map<string, OperationHandler> {
  const deny = denyList(d.config.ipDenyList, 'FLOWS_IP_DENY_LIST');

  async function accountabilityFor(permissions: unknown, ctx: RunContext): Promise<Accountability> {
    if (permissions === '$trigger') return ctx.accountability ?? FULL;
    if (permissions === '$full' || permissions === undefined || permissions === null || permissions === '') return FULL;
    const client = { ip: ctx.accountability?.ip ?? '', userAgent: null, origin: null };
    if (permissions === '$public') {
      const access = await accessPublic(d.db, client.ip);
      return { ...access!, ...client };
    }
    if (typeof permissions !== 'string' || !UUID.test(permissions)) throw invalidPayload(`"permissions" must be $trigger, $public, $full or a role's id`);
    const access = await accessForRole(d.db, permissions);
    if (!access) throw forbidden();
    return { ...access, ...client };
  }

  function collectionOf(o: Record<string, unknown>): string {
    if (typeof o.collection !== 'string' || o.collection === '') throw invalidPayload('"collection" is required');
    return o.collection;
  }

  const primaryKey = d.primaryKey;
  const hasQuery = (o: Record<string, unknown>) => isPlainObject(parseJsonOption(o.query)) && Object.keys(parseJsonOption(o.query) as object).length > 0;
  const query = (o: Record<string, unknown>, list: boolean) => normalizeQuery(isPlainObject(parseJsonOption(o.query)) ? parseJsonOption(o.query) as Record<string, unknown> : {}, d.limits, { list });

  /** a write as REST makes it; the result is what Directus's services return: the key(s) written */
  async function write(o: Record<string, unknown>, ctx: RunContext, action: WriteAction, args: Record<string, unknown>, reRead: 'one' | 'list' | null) {
    const collection = collectionOf(o);
    const acc = await accountabilityFor(o.permissions, ctx);
    const pk = await primaryKey(collection);
    const read = reRead && pk ? { query: { fields: [pk] }, mode: reRead, output: 'value' as const } : null;
    const out = value(await d.writer.write(acc, collection, action, args, read, {}, { emit_events: o.emitEvents === true },
      { system: WRITABLE_SYSTEM.has(collection) }));
    if (!pk || out === null) return null;
    return Array.isArray(out) ? out.map((i) => (i as Record<string, unknown>)[pk]) : (out as Record<string, unknown>)[pk];
  }

  const ops = new Map<string, OperationHandler>();

  ops.set('condition', async (o, { data, ctx }) => {
    checkCondition(parseJsonOption(o.filter), data, ctx.accountability);
    return null;
  });

  ops.set('log', async (o, { flow }) => {
    d.log.info(`flow ${flow.name}: ${typeof o.message === 'string' ? o.message : JSON.stringify(o.message ?? null)}`);
    return undefined;
  });

  ops.set('sleep', async (o) => {
    const ms = Math.min(Math.max(Number(o.milliseconds) || 0, 0), 2 ** 31 - 1);
    await new Promise((r) => setTimeout(r, ms));
    return undefined;
  });

  // a string is JSON once rendered (values may stand unquoted in it); invalid JSON rejects
  ops.set('transform', async (o) => (typeof o.json === 'string' ? JSON.parse(o.json) : o.json));

  ops.set('throw-error', async (o) => {
    const status = Number(o.status);
    throw customError(typeof o.code === 'string' && o.code !== '' ? o.code : 'INTERNAL_SERVER_ERROR',
      Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500,
      typeof o.message === 'string' && o.message !== '' ? o.message : 'An unexpected error occurred.');
  });

  ops.set('exec', async (o, { data }) => {
    if (typeof o.code !== 'string') throw invalidPayload('"code" is required');
    return d.scripts.run(o.code, data, { timeoutMs: d.config.scriptTimeoutMs, memoryBytes: d.config.scriptMaxMemoryBytes }, d.env);
  });

  ops.set('trigger', async (o, { ctx }) => {
    if (typeof o.flow !== 'string') throw invalidPayload('"flow" is required');
    const payload = parseJsonOption(o.payload);
    const next = { ...ctx, depth: (ctx.depth ?? 0) + 1 };
    // a sub-flow that fails still resolves this operation, with its error as the result
    const run = (p: unknown) => d.runOperationFlow(o.flow as string, p, next).catch(errorData);
    if (!Array.isArray(payload)) return run(payload);
    if (o.iterationMode === 'parallel') return Promise.all(payload.map(run));
    const results: unknown[] = [];
    const size = o.iterationMode === 'batch' ? Math.max(1, Number(o.batchSize) || 10) : 1;
    for (let i = 0; i < payload.length; i += size) results.push(...(await Promise.all(payload.slice(i, i + size).map(run))));
    return results;
  });

  ops.set('item-create', async (o, { ctx }) => {
    const payload = parseJsonOption(o.payload);
    if (payload === null || payload === undefined || payload === '') return null;
    const items = Array.isArray(payload) ? payload : [payload];
    return write(o, ctx, 'create', { payload: items }, 'list');
  });

  ops.set('item-read', async (o, { ctx }) => {
    const collection = collectionOf(o);
    const acc = await accountabilityFor(o.permissions, ctx);
    const key = parseJsonOption(o.key);
    if (emptyKey(key)) return value(await d.reader.readValue(acc, collection, query(o, true), 'list', {}));
    const keys = toArray(key);
    if (keys.length === 1) {
      const item = await d.reader.readValue(acc, collection, { ...query(o, false), key: keys[0] }, 'one', {});
      if (item === null) throw forbidden();
      return value(item);
    }
    return value(await d.reader.readValue(acc, collection, { ...query(o, true), keys }, 'list', {}));
  });

  ops.set('item-update', async (o, { ctx }) => {
    const payload = parseJsonOption(o.payload);
    if (!isPlainObject(payload)) return null;
    const key = parseJsonOption(o.key);
    if (emptyKey(key)) {
      if (!hasQuery(o)) return null;
      return write(o, ctx, 'patch_collection', { data: { query: query(o, true), data: payload } }, 'list');
    }
    // the key(s) as given: Directus's services answer what they were asked with
    const keys = toArray(key);
    if (keys.length === 1) {
      await write(o, ctx, 'update', { key: keys[0], data: payload }, null);
      return keys[0];
    }
    await write(o, ctx, 'patch_collection', { data: { keys, data: payload } }, null);
    return keys;
  });

  ops.set('item-delete', async (o, { ctx }) => {
    const key = parseJsonOption(o.key);
    if (emptyKey(key)) {
      if (!hasQuery(o)) return null;
      const collection = collectionOf(o);
      const pk = await primaryKey(collection);
      const matched = pk ? value(await d.reader.readValue(await accountabilityFor(o.permissions, ctx), collection,
        { ...query(o, true), fields: [pk] }, 'list', {})) as Record<string, unknown>[] | null : null;
      await write(o, ctx, 'delete_query', { query: query(o, true) }, null);
      return matched?.map((i) => i[pk!]) ?? null;
    }
    const keys = toArray(key);
    if (keys.length === 1) {
      await write(o, ctx, 'delete', { key: keys[0] }, null);
      return keys[0];
    }
    await write(o, ctx, 'delete', { keys }, null);
    return keys;
  });

  ops.set('notification', async (o, { ctx }) => {
    const recipients = toArray(parseJsonOption(o.recipient)).filter((r) => typeof r === 'string' && r !== '');
    if (recipients.length === 0) return null;
    const acc = await accountabilityFor(o.permissions ?? '$trigger', ctx);
    const sender = ctx.accountability?.user ?? null;
    const rows = recipients.map((recipient) => ({
      recipient, sender, subject: o.subject ?? null, message: o.message ?? null,
      collection: o.collection ?? null, item: o.item === undefined || o.item === null ? null : String(o.item),
    }));
    const out = value(await d.writer.write(acc, 'directus_notifications', 'create', { payload: rows },
      { query: { fields: ['id'] }, mode: 'list', output: 'value' }, {}, {}, { system: true }));
    return Array.isArray(out) ? out.map((r) => (r as { id: unknown }).id) : null;
  });

  ops.set('mail', async (o) => {
    const list = (v: unknown) => toArray(parseJsonOption(v)).filter((t): t is string => typeof t === 'string' && t !== '');
    const to = list(o.to);
    if (to.length === 0) throw invalidPayload('"to" is required');
    // markdown (default), wysiwyg or a liquid template, as Directus's mail operation (src/mail/render.ts)
    const body = await renderMailBody(d.mailer.templates, { ...o, data: parseJsonOption(o.data) });
    // one mail to every recipient, as Directus sends it; fromName: that name with EMAIL_FROM's address
    const fromName = typeof o.fromName === 'string' ? o.fromName.trim() : '';
    await d.mailer.send({ to, cc: list(o.cc), bcc: list(o.bcc), replyTo: list(o.replyTo), ...(fromName ? { from: { name: fromName } } : {}),
      subject: typeof o.subject === 'string' ? o.subject : '', ...body });
    return undefined;
  });

  ops.set('request', async (o, { ctx, key }) => {
    if (typeof o.url !== 'string') throw invalidPayload('"url" is required');
    const method = typeof o.method === 'string' && o.method !== '' ? o.method.toUpperCase() : 'GET';
    const headers = headersFrom(o.headers);
    if (ctx.deliveryId) headers['idempotency-key'] ??= `strata-${ctx.deliveryId}-${key}`;
    let body: string | undefined;
    if (o.body !== undefined && o.body !== null && o.body !== '' && method !== 'GET' && method !== 'HEAD') {
      body = typeof o.body === 'string' ? o.body : JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    // (encoded first, as Directus does: a space is a URL's %20)
    return httpCall(new URL(encodeURI(o.url)), method, headers, body);
  });

  /** a request's outcome as Directus hands it on: {status, statusText, headers, data}; an error status rejects */
  async function httpCall(url: URL, method: string, headers: Record<string, string>, body?: string) {
    // FLOWS_REQUEST_TIMEOUT bounds the whole exchange; a response past FLOWS_REQUEST_MAX_RESPONSE_SIZE rejects
    const timeoutMs = d.config.requestTimeoutMs;
    const res = await sendAllowed(url, deny, { method, headers, body, timeoutMs, deadlineMs: timeoutMs });
    const raw = (await readBody(res, d.config.requestMaxResponseSize)).toString();
    const type = String(res.headers['content-type'] ?? '');
    const data = type.includes('json') ? parseJsonOption(raw) : raw;
    const out = { status: res.statusCode, statusText: res.statusMessage, headers: res.headers, data };
    if ((res.statusCode ?? 0) >= 400) throw Object.assign(new Error(`Request failed with status code ${res.statusCode}`), { status: res.statusCode, response: out });
    return out;
  }

  return ops;
}

