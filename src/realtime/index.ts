// The realtime front end: Directus's WebSocket protocol at WEBSOCKETS_REST_PATH, served by the
// HTTP edge as a SocketEndpoint. Authentication reuses the core (resolveAccess for tokens, the
// local-provider login for credentials and refresh tokens); reads and writes go through the same
// Reader and Writer as REST; change events come from the gateway's EventStream (subscriptions.ts).
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Db } from '../db/client.js';
import type { Accountability, Socket, SocketEndpoint, SocketUpgrade } from '../types.js';
import type { ResolveAccess } from '../auth/authenticate.js';
import type { Client } from '../auth/accountability.js';
import { withClient } from '../auth/accountability.js';
import { parseCookies } from '../auth/token.js';
import { passwordLogin, refreshLogin, tokenExpiresAt } from '../auth/login.js';
import { stall } from '../auth/stall.js';
import { invalidCredentials } from '../errors.js';
import { accessForUser } from '../engine/access-store.js';
import type { Reader } from '../engine/reader.js';
import type { Writer } from '../engine/writer.js';
import type { EventStream } from '../engine/events.js';
import type { QueryLimits } from '../request/query.js';
import { Connection, upgradeToken, type Authenticated } from './connection.js';
import type { Message } from './messages.js';
import { SubscriptionHub } from './subscriptions.js';

export interface RealtimeDeps {
  config: Config;
  log: Logger;
  db: Db;
  reader: Reader;
  writer: Writer;
  events: EventStream;
  resolveAccess: ResolveAccess;
  limits: QueryLimits;
  /** a collection's primary key field (the catalog's): the hub splits a batch's rows by it */
  primaryKey(collection: string): Promise<string | null>;
}

export interface Realtime {
  endpoint: SocketEndpoint;
  /** users, roles, policies or their links changed (the catalog's onAccessChange): connections resolve their access again */
  accessChanged(): void;
  /** open connections, subscriptions held and change frames sent (for /metrics) */
  stats(): { connections: number; subscriptions: number; messages: number };
  /** stops the heartbeat and drops every subscription (the edge closes the sockets) */
  close(): void;
}

const clientOf = (socket: { ip: string; headers: Record<string, string> }): Client => ({
  ip: socket.ip, userAgent: socket.headers['user-agent'] ?? null, origin: socket.headers.origin ?? null,
});

/** What an access depends on besides its credentials: connections sharing all of it share one re-resolution. */
const clientKey = (c: Client) => `${c.ip}\u0000${c.userAgent ?? ''}\u0000${c.origin ?? ''}`;

export function realtime(deps: RealtimeDeps): Realtime {
  const { config, log, db } = deps;
  const ws = config.websockets;
  const hub = new SubscriptionHub(deps.events, deps.reader, log, deps.primaryKey);
  const connections = new Set<Connection>();

  /** A token's access, and when it expires. */
  const byToken = async (token: string, source: 'query' | 'cookie' | 'message', client: Client): Promise<Authenticated> => {
    const resolve = async () => {
      const access = await deps.resolveAccess({ token, source }, client);
      // a user's token, or a share's (its reads are bound to the shared item by row-level security)
      if (!access.user && !access.share) throw invalidCredentials();
      return access;
    };
    return { access: await resolve(), expiresAt: tokenExpiresAt(token), reload: { key: `t\u0000${token}\u0000${clientKey(client)}`, resolve } };
  };

  /** A fresh session's access (credentials or refresh token): its access token would live ACCESS_TOKEN_TTL. */
  const bySession = async (user: string, refreshToken: string, client: Client): Promise<Authenticated> => {
    const resolve = async () => {
      const access = await accessForUser(db, user, client.ip);
      if (!access) throw invalidCredentials();
      return withClient(access, client);
    };
    return { access: await resolve(), expiresAt: Date.now() + config.accessTokenTtlMs, refreshToken, reload: { key: `u\u0000${user}\u0000${clientKey(client)}`, resolve } };
  };

  const authenticate = async (msg: Message, socket: Socket): Promise<Authenticated> => {
    const client = clientOf(socket);
    const store = [client.ip, client.userAgent?.slice(0, 1024) ?? null, client.origin] as const;
    if (typeof msg.access_token === 'string' && msg.access_token) return byToken(msg.access_token, 'message', client);
    if (typeof msg.email === 'string' && typeof msg.password === 'string') {
      const otp = typeof msg.otp === 'string' ? msg.otp : undefined;
      const started = Date.now();
      try {
        const session = await passwordLogin(db, msg.email, msg.password, otp, config.refreshTokenTtlMs, store);
        return await bySession(session.user, session.refreshToken, client);
      } finally {
        await stall(started, config.loginStallTimeMs); // as /auth/login: every answer takes as long
      }
    }
    if (typeof msg.refresh_token === 'string' && msg.refresh_token) {
      const session = await refreshLogin(db, msg.refresh_token, config.refreshTokenTtlMs, false, 0, store);
      return bySession(session.user, session.refreshToken, client);
    }
    throw invalidCredentials();
  };

  const publicAccess = (socket: Socket): Promise<Accountability> => deps.resolveAccess(null, clientOf(socket));

  const connectionDeps = {
    config: ws, log, reader: deps.reader, writer: deps.writer, hub, limits: deps.limits, authenticate, publicAccess,
    // (the REST limiter's settings, counted apart from it: per connection, as Directus)
    messageLimit: config.rateLimiter.enabled ? config.rateLimiter : undefined,
  };

  const endpoint: SocketEndpoint = {
    path: ws.rest.path,
    async upgrade(req: SocketUpgrade) {
      if (connections.size >= ws.rest.connLimit) return { refuse: 403 };
      const token = upgradeToken(req.query, parseCookies(req.headers.cookie)[config.sessionCookie.name]);
      // strict: the token comes with the upgrade; handshake: a token there counts as the handshake
      if (!token) return ws.rest.auth === 'strict' ? { refuse: 401 } : { accept: null };
      try {
        return { accept: await byToken(token.token, token.source as 'query' | 'cookie', clientOf(req)) };
      } catch {
        return { refuse: 401 };
      }
    },
    open(socket: Socket, accepted: unknown) {
      const conn = new Connection(connectionDeps, socket, accepted as Authenticated | null);
      if (!accepted && ws.rest.auth === 'public') conn.startPublic();
      connections.add(conn);
      return {
        message: (text) => conn.message(text),
        close: () => {
          connections.delete(conn);
          conn.close();
        },
      };
    },
  };

  const heartbeat = ws.heartbeatMs > 0
    ? setInterval(() => {
      for (const conn of connections) conn.heartbeat();
    }, ws.heartbeatMs).unref()
    : undefined;

  return {
    endpoint,
    stats: () => ({ connections: connections.size, ...hub.stats }),
    accessChanged() {
      // on the delivery chain: events committed after the change are delivered with the new access
      const round = new Map<string, Promise<Accountability>>();
      hub.enqueue(() => Promise.all([...connections].map((conn) => conn.reloadAccess(round))).then(() => undefined));
    },
    close() {
      clearInterval(heartbeat);
      for (const conn of connections) conn.close();
      connections.clear();
    },
  };
}
