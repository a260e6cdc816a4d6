// GraphQL over WebSocket at WEBSOCKETS_GRAPHQL_PATH: the graphql-transport-ws protocol, spoken by
// the graphql-ws package's server core (it parses and validates the protocol's messages, answers
// pings, tracks operation ids and closes with the protocol's codes); this module feeds it the
// socket's frames and answers its operations with Strata's own paths:
//   - subscriptions (`<c>_mutated`, user and system collections: directus_users_mutated) are planned into one normalized re-read (subscriptions.ts) and
//     fed by the realtime delivery (ChangeFeed: grouped, re-read once per group as the
//     subscriber's access, through RLS), so a subscriber receives exactly what it could GET;
//   - queries and mutations (single results, which the protocol allows) go to the HTTP executor.
// Authentication as Directus: `handshake` wants connection_init's payload {access_token}, `strict`
// the token with the upgrade, `public` takes either or none. A refused one is closed 4403.
import {
  CloseCode, handleProtocols, makeServer, MessageType,
  type ExecutionResult, type FormattedExecutionResult, type SubscribePayload,
} from 'graphql-ws';
import { getOperationAST, GraphQLError, Kind, parse, validate, getVariableValues, type DocumentNode, type ExecutionArgs, type FragmentDefinitionNode } from 'graphql';
import type { Accountability, Socket, SocketEndpoint, SocketUpgrade } from '../types.js';
import type { Logger } from '../log.js';
import type { ResolveAccess } from '../auth/authenticate.js';
import { tokenExpiresAt } from '../auth/login.js';
import { parseCookies } from '../auth/token.js';
import type { Query } from '../request/query.js';
import { DEFAULT_MAX_FIELDS } from '../request/query.js';
import { isPlainObject } from '../request/body.js';
import { parseJsonSafely } from '../request/safe-keys.js';
import { DirectusError } from '../errors.js';
import { executeOperation, GraphqlValidationError, RULES, RULES_NO_INTROSPECTION, type GraphqlDeps } from './execute.js';
import { checkDocument } from './limits.js';
import { planSubscription, type EventName, type SubscriptionPlan } from './subscriptions.js';

/** A subscriber of the realtime delivery (src/realtime/subscriptions.ts, wired by src/app.ts). */
export interface ChangeSubscription {
  collection: string;
  query: Query;
  event?: EventName;
  /** how the changed rows are re-read: GraphQL's primary keys are strings (ID) */
  output: 'graphql';
  access(): Accountability | null;
  deliver(event: EventName, data: unknown): void;
}

/** The realtime delivery: `add` resolves once every event committed from then on will reach the subscriber. */
export interface ChangeFeed {
  add(sub: ChangeSubscription): Promise<void>;
  /** runs `job` on the delivery chain: after the events already read, before the next ones */
  enqueue(job: () => Promise<void>): void;
  release(sub: ChangeSubscription): void;
  remove(sub: ChangeSubscription): void;
}

export interface GraphqlSocketOptions {
  path: string;
  auth: 'handshake' | 'public' | 'strict';
  authTimeoutMs: number;
  /** the session cookie's name (strict mode: the token may come as the cookie) */
  sessionCookie: string;
}

export interface GraphqlSocketDeps {
  graphql: GraphqlDeps;
  feed: ChangeFeed;
  resolveAccess: ResolveAccess;
  log: Logger;
  options: GraphqlSocketOptions;
}

/** What a connection knows: its access (null until connection_init in handshake mode) and when it ends. */
interface Extra {
  socket: Socket;
  access: Accountability | null;
  /** resolves the same credentials' access again (users, roles, policies or their links changed) */
  reload?: () => Promise<Accountability>;
  expiresAt: number | null;
  expiry?: NodeJS.Timeout;
  /** settles the message being set up (see `message` below) */
  setUp?: () => void;
}

/** What onSubscribe hands the executor: a single result already computed, or a subscription to start. */
type Prepared = { result: FormattedExecutionResult } | Listening;
type Listening = { plan: SubscriptionPlan; extra: Extra; listening?: () => void };

const clientOf = (s: { ip: string; headers: Record<string, string> }) => ({ ip: s.ip, userAgent: s.headers['user-agent'] ?? null, origin: s.headers.origin ?? null });
/** setTimeout's largest delay; a later expiry is re-checked then */
const MAX_TIMER = 2 ** 31 - 1;

export function graphqlSocket(deps: GraphqlSocketDeps): { endpoint: SocketEndpoint; accessChanged(): void; close(): void } {
  const { graphql, feed, options } = deps;
  const connections = new Set<Extra>();

  const byToken = async (token: string, source: 'query' | 'cookie' | 'message', socket: { ip: string; headers: Record<string, string> }) => {
    const reload = async () => {
      const access = await deps.resolveAccess({ token, source }, clientOf(socket));
      if (!access.user) throw new Error('no user');
      return access;
    };
    return { access: await reload(), reload, expiresAt: tokenExpiresAt(token) };
  };

  const server = makeServer<Record<string, unknown> | undefined, Extra>({
    connectionInitWaitTimeout: options.authTimeoutMs,
    async onConnect(ctx) {
      const { extra } = ctx;
      if (options.auth === 'strict') return extra.access !== null;
      const token = ctx.connectionParams?.access_token;
      if (typeof token === 'string' && token !== '') {
        try {
          Object.assign(extra, await byToken(token, 'message', extra.socket));
        } catch {
          return false;
        }
      } else if (options.auth === 'public') {
        extra.reload = () => deps.resolveAccess(null, clientOf(extra.socket));
        extra.access = await extra.reload();
      } else return false;
      if (extra.expiresAt !== null) expireAt(extra, extra.expiresAt);
      return true;
    },
    onSubscribe: (ctx, _id, payload) => prepare(graphql, ctx.extra, payload, ctx.extra.setUp),
    execute: (args) => ((args.contextValue as Prepared & { result: FormattedExecutionResult }).result as ExecutionResult),
    subscribe: (args) => start(feed, args.contextValue as Listening),
    // the results are already formatted (errors as Directus writes them)
    onNext: (_ctx, _id, _payload, _args, result) => result as FormattedExecutionResult,
  });

  /** The token's access ends: the connection is closed (a client reconnects with a fresh token). */
  const expireAt = (extra: Extra, at: number) => {
    clearTimeout(extra.expiry);
    extra.expiry = setTimeout(() => {
      if (Date.now() < at) return expireAt(extra, at);
      extra.socket.close(CloseCode.Forbidden, 'Forbidden');
    }, Math.min(Math.max(at - Date.now(), 0), MAX_TIMER));
    extra.expiry.unref();
  };

  const endpoint: SocketEndpoint = {
    path: options.path,
    async upgrade(req: SocketUpgrade) {
      const protocol = handleProtocols(req.headers['sec-websocket-protocol'] ?? '') || '';
      const accepted: Omit<Extra, 'socket'> & { protocol: string } = { access: null, expiresAt: null, protocol };
      if (options.auth === 'strict') {
        const fromQuery = new URLSearchParams(req.query).get('access_token');
        const cookie = parseCookies(req.headers.cookie)[options.sessionCookie];
        const token = fromQuery ? { token: fromQuery, source: 'query' as const } : cookie ? { token: cookie, source: 'cookie' as const } : null;
        if (!token) return { refuse: 401 };
        try {
          Object.assign(accepted, await byToken(token.token, token.source, req));
        } catch {
          return { refuse: 401 };
        }
      }
      // no graphql-transport-ws among the client's subprotocols: graphql-ws closes it (4406)
      return { accept: accepted, protocol };
    },
    open(socket: Socket, accepted: unknown) {
      const { protocol, ...state } = accepted as Omit<Extra, 'socket'> & { protocol: string };
      const extra: Extra = { socket, ...state };
      connections.add(extra);
      if (extra.expiresAt !== null) expireAt(extra, extra.expiresAt);
      let onMessage: ((data: string) => Promise<void>) | undefined;
      const closed = server.opened({
        protocol,
        send: (data) => {
          socket.send(data);
        },
        close: (code, reason) => socket.close(code, reason),
        onMessage: (cb) => {
          onMessage = cb;
        },
      }, extra);
      // Messages are taken in arrival order: each waits until the previous one is set up (a
      // connection_init authenticated, a subscription listening, a query answered), so a query
      // answered after a subscribe proves the subscription receives every later change.
      let ready: Promise<void> = Promise.resolve();
      return {
        message: (text) => {
          let type: unknown;
          try {
            const msg = parseJsonSafely(text); // no prototype keys (graphql-ws parses it again)
            type = isPlainObject(msg) ? msg.type : undefined;
          } catch {
            return socket.close(CloseCode.BadRequest, 'Invalid message received');
          }
          ready = ready.then(() => new Promise<void>((settled) => {
            // as Directus: before a handshake, only connection_init is taken (checked in turn: a
            // subscribe sent right behind its connection_init waits for it to be authenticated)
            if (options.auth === 'handshake' && !extra.access && type !== MessageType.ConnectionInit) {
              socket.close(CloseCode.Forbidden, 'Forbidden');
              return settled();
            }
            extra.setUp = settled;
            onMessage?.(text).then(settled, (err) => {
              settled();
              deps.log.error('graphql websocket', { err: String((err as Error)?.stack ?? err) });
              socket.close(CloseCode.InternalServerError, 'Internal server error');
            });
          }));
        },
        close: (code) => {
          connections.delete(extra);
          clearTimeout(extra.expiry);
          void closed(code, '');
        },
      };
    },
  };

  return {
    endpoint,
    /**
     * Users, roles, policies or their links changed: every connection resolves its credentials
     * again, on the delivery chain, so events committed after the change are re-read with the new
     * access. Credentials that no longer hold (a suspended user, a deleted token) close the
     * connection as an expired token does.
     */
    accessChanged() {
      feed.enqueue(() => Promise.all([...connections].map(async (extra) => {
        const reload = extra.reload;
        if (!reload || !extra.access) return;
        let access: Accountability | null;
        try {
          access = await reload();
        } catch {
          access = null;
        }
        extra.access = access;
        if (!access) extra.socket.close(CloseCode.Forbidden, 'Forbidden');
      })).then(() => undefined));
    },
    close() {
      for (const extra of connections) clearTimeout(extra.expiry);
      connections.clear();
    },
  };
}

/** Parses, limits and validates one operation against the caller's schema; runs it unless it is a subscription. */
async function prepare(graphql: GraphqlDeps, extra: Extra, payload: SubscribePayload, listening?: () => void): Promise<ExecutionArgs | readonly GraphQLError[]> {
  const access = extra.access!;
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: graphql.options.tokenLimit });
  } catch (err) {
    return [err instanceof GraphQLError ? err : new GraphQLError('Failed to parse GraphQL document.')];
  }
  const operationName = payload.operationName ?? undefined;
  const operation = getOperationAST(document, operationName);
  const { schema, subscribable } = await graphql.schemas.forCaller(access);
  if (operation?.operation !== 'subscription') {
    // queries and mutations: the HTTP executor, one result
    try {
      const body = await executeOperation(graphql, access, { query: payload.query, variables: payload.variables ?? undefined, operationName }, {});
      return { schema, document, operationName, contextValue: { result: JSON.parse(body.toString()) } satisfies Prepared };
    } catch (err) {
      if (err instanceof GraphqlValidationError) return err.errors;
      throw err;
    }
  }
  const tooBig = checkDocument(document, { maxFields: graphql.limits.maxFields ?? DEFAULT_MAX_FIELDS, maxRelationalDepth: graphql.options.maxRelationalDepth });
  if (tooBig) return [tooBig];
  const errors = validate(schema, document, graphql.options.introspection ? RULES : RULES_NO_INTROSPECTION);
  if (errors.length > 0) return errors;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], payload.variables ?? {});
  if (coerced.errors) return coerced.errors;
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  let plan: SubscriptionPlan;
  try {
    plan = planSubscription({ model: subscribable, fragments, variables: coerced.coerced, limits: graphql.limits }, schema.getSubscriptionType()!, operation);
  } catch (err) {
    if (err instanceof GraphQLError) return [err];
    if (err instanceof DirectusError) return [new GraphQLError(err.message, { extensions: { ...err.extensions, code: err.code } })];
    throw err;
  }
  return { schema, document, operationName, contextValue: { plan, extra, listening } satisfies Prepared };
}

/**
 * A subscription's stream of results: registered with the realtime delivery before it is
 * returned (so nothing committed after the subscribe is missed); each change becomes one result
 * per row or key. Ends (and leaves the delivery) when graphql-ws returns it: the client's
 * `complete`, or the socket's close.
 */
async function start(feed: ChangeFeed, prepared: Listening): Promise<AsyncIterableIterator<ExecutionResult>> {
  const { plan, extra } = prepared;
  const queue: ExecutionResult[] = [];
  let wake: (() => void) | undefined;
  let done = false;
  const sub: ChangeSubscription = {
    collection: plan.collection,
    query: plan.query,
    event: plan.event,
    output: 'graphql',
    // the connection's current access: re-resolved when users, roles or policies change
    access: () => (done ? null : extra.access),
    deliver(event, data) {
      if (done) return;
      queue.push(...(plan.results(event, data) as ExecutionResult[]));
      wake?.();
    },
  };
  await feed.add(sub);
  feed.release(sub);
  prepared.listening?.();
  const finish = async (): Promise<IteratorResult<ExecutionResult>> => {
    done = true;
    feed.remove(sub);
    wake?.();
    return { done: true, value: undefined };
  };
  const iterator: AsyncIterableIterator<ExecutionResult> = {
    async next() {
      while (!done && queue.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      if (done) return { done: true, value: undefined };
      return { done: false, value: queue.shift()! };
    },
    return: finish,
    throw: finish,
    [Symbol.asyncIterator]() {
      return iterator;
    },
  };
  return iterator;
}
