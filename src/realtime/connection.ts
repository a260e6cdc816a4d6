// One realtime connection: its access (authentication modes, re-auth, token expiry), its
// subscriptions, and the dispatch of its messages, handled one at a time in arrival order (an
// `auth` sent right before a `subscribe` applies to it).
import type { Accountability, Socket } from '../types.js';
import type { WebSocketConfig } from '../config.js';
import type { Logger } from '../log.js';
import type { Token } from '../auth/token.js';
import { FixedWindowLimiter } from '../auth/rate-limiter.js';
import { DirectusError } from '../errors.js';
import { isPlainObject } from '../request/body.js';
import { normalizeQuery, type QueryLimits } from '../request/query.js';
import type { Reader } from '../engine/reader.js';
import type { Writer } from '../engine/writer.js';
import { enumError, errorFrame, frame, parseMessage, SocketError, uidOf, validationError, type Message, type Uid } from './messages.js';
import { itemsMessage } from './items.js';
import type { EventName, Subscription, SubscriptionHub } from './subscriptions.js';

/** What an authentication gives a connection: its access, when that ends, and a refresh token to hand out. */
export interface Authenticated {
  access: Accountability;
  /** ms since the epoch; null: does not expire (static tokens, public access) */
  expiresAt: number | null;
  refreshToken?: string;
  /** resolves the same credentials' access again (users, roles or policies changed); `key` names what it depends on */
  reload?: AccessReload;
}

export interface AccessReload {
  key: string;
  resolve(): Promise<Accountability>;
}

export interface ConnectionDeps {
  config: WebSocketConfig;
  log: Logger;
  reader: Reader;
  writer: Writer;
  hub: SubscriptionHub;
  limits: QueryLimits;
  /** the access of an `auth` message (token, credentials or refresh token) */
  authenticate(msg: Message, socket: Socket): Promise<Authenticated>;
  /** the public access (WEBSOCKETS_REST_AUTH=public, and after a token expired in that mode) */
  publicAccess(socket: Socket): Promise<Accountability>;
  /** RATE_LIMITER_*: each connection's messages (undefined: not limited) */
  messageLimit?: { points: number; durationMs: number };
}

const EVENTS: readonly EventName[] = ['create', 'update', 'delete'];
/** setTimeout's largest delay; a later expiry is re-checked then */
const MAX_TIMER = 2 ** 31 - 1;

const authFailed = () => new SocketError('auth', 'AUTH_FAILED', 'Authentication failed.');
const handshakeFailed = () => new SocketError('auth', 'AUTH_FAILED', 'Authentication handshake failed.');

export class Connection {
  private access: Accountability | null = null;
  private reload: AccessReload | undefined;
  private authTimer: NodeJS.Timeout | undefined;
  private expiryTimer: NodeJS.Timeout | undefined;
  private subscriptions = new Map<string, Subscription>();
  /** a message or a pong arrived since the last heartbeat ping */
  alive = true;
  private queue: Promise<void> = Promise.resolve();
  private closed = false;
  /** this connection's messageLimit, from the start or once the handshake's auth succeeded (as Directus) */
  private limiter: FixedWindowLimiter | undefined;

  constructor(private deps: ConnectionDeps, readonly socket: Socket, initial: Authenticated | null) {
    if (deps.config.rest.auth !== 'handshake') this.countMessages();
    if (initial) this.authenticated(initial);
    else if (deps.config.rest.auth === 'handshake') this.awaitAuth(handshakeFailed);
  }

  /** Public mode: the connection starts as the public role (resolved asynchronously, before any message is handled). */
  startPublic(): void {
    this.enqueue(async () => {
      if (this.access) return;
      this.access = await this.deps.publicAccess(this.socket);
      // keyed by what the public access depends on (IP-restricted policies, the client in the accountability)
      const h = this.socket.headers;
      this.reload = { key: `p\u0000${this.socket.ip}\u0000${h['user-agent'] ?? ''}\u0000${h.origin ?? ''}`, resolve: () => this.deps.publicAccess(this.socket) };
    });
  }

  /**
   * Users, roles, policies or their links changed: the connection's access is resolved again
   * (once per `key` in a round), so it stops reading what it may no longer read. Credentials no
   * longer valid (user suspended or deleted, token revoked): no access, as after an expiry.
   */
  async reloadAccess(round: Map<string, Promise<Accountability>>): Promise<void> {
    const reload = this.reload;
    if (!reload || !this.access || this.closed) return;
    let pending = round.get(reload.key);
    if (!pending) round.set(reload.key, (pending = reload.resolve()));
    let access: Accountability | null;
    try {
      access = await pending;
    } catch {
      access = null;
    }
    if (this.reload !== reload || this.closed) return; // re-authenticated meanwhile
    if (access) {
      this.access = access;
      return;
    }
    this.access = null;
    this.reload = undefined;
    this.send(frame({ type: 'auth', status: 'error', error: { code: 'AUTH_FAILED', message: 'Authentication failed.' } }));
    if (this.deps.config.rest.auth === 'public') this.startPublic();
    else this.awaitAuth(() => new SocketError('auth', 'AUTH_TIMEOUT', 'Authentication timed out.'));
  }

  message(text: string): void {
    this.alive = true;
    // counted as it arrives, as Directus counts: one past the limit is answered and dropped,
    // never queued (a flood can't grow the queue)
    const limit = this.limiter?.consume('');
    if (limit && !limit.ok) {
      return this.send(frame({ type: 'server', status: 'error', error: { code: 'REQUESTS_EXCEEDED', message: `Too many messages, retry after ${limit.msBeforeNext}ms.` } }));
    }
    this.enqueue(() => this.handle(text));
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.authTimer);
    clearTimeout(this.expiryTimer);
    for (const sub of this.subscriptions.values()) this.deps.hub.remove(sub);
    this.subscriptions.clear();
  }

  private enqueue(job: () => Promise<void>): void {
    this.queue = this.queue.then(job).catch((err) => this.deps.log.error('realtime message', { err: String((err as Error)?.stack ?? err) }));
  }

  private send(text: string): void {
    if (!this.closed) this.socket.send(text);
  }

  private fail(err: SocketError): void {
    this.send(errorFrame(err.type, err));
    this.socket.close(); // without a status code, as Directus closes (1005 at the client)
  }

  /** Non-public modes: without an authentication within WEBSOCKETS_REST_AUTH_TIMEOUT the connection closes. */
  private awaitAuth(error: () => SocketError): void {
    clearTimeout(this.authTimer);
    this.authTimer = setTimeout(() => {
      if (!this.access && !this.closed) this.fail(error());
    }, this.deps.config.rest.authTimeoutMs);
  }

  private countMessages(): void {
    const m = this.deps.messageLimit;
    if (m) this.limiter ??= new FixedWindowLimiter(m.points, m.durationMs);
  }

  private authenticated(auth: Authenticated): void {
    this.countMessages();
    this.access = auth.access;
    this.reload = auth.reload;
    clearTimeout(this.authTimer);
    clearTimeout(this.expiryTimer);
    if (auth.expiresAt !== null) this.scheduleExpiry(auth.expiresAt);
  }

  private scheduleExpiry(at: number): void {
    this.expiryTimer = setTimeout(() => {
      if (Date.now() < at) return this.scheduleExpiry(at);
      // the token's access ends here: nothing more is delivered until the client authenticates again
      this.access = null;
      this.reload = undefined;
      this.send(frame({ type: 'auth', status: 'error', error: { code: 'TOKEN_EXPIRED', message: 'Token expired.' } }));
      if (this.deps.config.rest.auth === 'public') this.startPublic();
      else this.awaitAuth(() => new SocketError('auth', 'AUTH_TIMEOUT', 'Authentication timed out.'));
    }, Math.min(Math.max(at - Date.now(), 0), MAX_TIMER));
  }

  private async handle(text: string): Promise<void> {
    if (this.closed) return;
    let msg: Message;
    try {
      msg = parseMessage(text);
    } catch (err) {
      // a handshake that starts with garbage is a failed handshake
      if (!this.access && this.deps.config.rest.auth !== 'public') return this.fail(handshakeFailed());
      return this.send(errorFrame('server', err));
    }
    const uid = uidOf(msg);
    if (msg.type === 'auth') return this.auth(msg, uid);
    if (!this.access) {
      // handshake (or an expired token in a non-public mode): only `auth` is accepted
      return this.fail(handshakeFailed());
    }
    try {
      switch (msg.type) {
        case 'ping':
          return this.send(frame({ type: 'pong' }, uid));
        case 'pong':
          return;
        case 'subscribe':
          return await this.subscribe(msg, uid);
        case 'unsubscribe':
          return this.unsubscribe(uid);
        case 'items': {
          const data = await itemsMessage(this.deps, this.access, msg);
          return this.send(frame({ type: 'items', data }, uid));
        }
        default:
          return; // Directus ignores message types it doesn't handle
      }
    } catch (err) {
      if (!(err instanceof SocketError) && !(err instanceof DirectusError)) this.deps.log.error('realtime message failed', { err: String((err as Error)?.stack ?? err) });
      this.send(errorFrame(msg.type, err, uid));
    }
  }

  private async auth(msg: Message, uid: Uid): Promise<void> {
    // as Directus: a failure while the handshake is pending is the handshake's (no uid), later
    // ones are the message's; an auth message without credentials is ignored once authenticated
    const handshake = !this.access && this.deps.config.rest.auth !== 'public';
    if (!hasCredentials(msg)) return handshake ? this.fail(handshakeFailed()) : undefined;
    try {
      const auth = await this.deps.authenticate(msg, this.socket);
      if (this.closed) return;
      this.authenticated(auth);
      this.send(frame(auth.refreshToken ? { type: 'auth', status: 'ok', refresh_token: auth.refreshToken } : { type: 'auth', status: 'ok' }, uid));
    } catch (err) {
      if (!(err instanceof DirectusError) && !(err instanceof SocketError)) this.deps.log.error('realtime auth failed', { err: String((err as Error)?.stack ?? err) });
      if (handshake) return this.fail(handshakeFailed());
      this.send(errorFrame('auth', authFailed(), uid));
      if (this.deps.config.rest.auth !== 'public') this.socket.close();
    }
  }

  private async subscribe(msg: Message, uid: Uid): Promise<void> {
    const { collection, event, item } = msg;
    // Directus answers these validation errors without the uid
    const invalid = (err: SocketError) => Object.assign(err, { echoUid: false });
    if (typeof collection !== 'string') throw invalid(validationError('subscribe', 'string', collection, 'collection'));
    if (event !== undefined && (typeof event !== 'string' || !EVENTS.includes(event as EventName))) throw invalid(enumError('subscribe', EVENTS, 'event'));
    if (item !== undefined && typeof item !== 'string' && typeof item !== 'number') throw invalid(validationError('subscribe', 'string', item, 'item'));
    if (msg.query !== undefined && !isPlainObject(msg.query)) throw invalid(validationError('subscribe', 'object', msg.query, 'query'));
    const query = normalizeQuery((msg.query ?? {}) as Record<string, unknown>, this.deps.limits, { list: item === undefined });
    const key = uid === undefined ? '' : String(uid);
    // re-subscribing with a uid replaces that subscription
    const previous = this.subscriptions.get(key);
    if (previous) this.deps.hub.remove(previous);
    const sub: Subscription = {
      collection, query, item, event: event as EventName | undefined, uid: uid === undefined ? undefined : String(uid),
      access: () => this.access,
      send: (text) => this.send(text),
      cork: (fn) => this.socket.cork(fn),
    };
    this.subscriptions.set(key, sub);
    // subscribed before the initial read: nothing committed after that read can be missed
    // (an event committed while it runs may show in both, never in neither)
    await this.deps.hub.add(sub);
    let data: unknown;
    try {
      const bytes = item !== undefined
        ? await this.deps.reader.readValue(this.access!, collection, { ...query, key: item }, 'one', {})
        : await this.deps.reader.readValue(this.access!, collection, query, 'list', {});
      data = bytes === null ? null : JSON.parse(bytes.toString());
    } catch (err) {
      // (Directus 12 answers an unreadable or unknown collection with the read's FORBIDDEN too)
      this.deps.hub.remove(sub);
      if (this.subscriptions.get(key) === sub) this.subscriptions.delete(key);
      throw err;
    }
    this.send(frame(event === undefined ? { type: 'subscription', event: 'init', data } : { type: 'subscription', event: 'init' }, sub.uid));
    this.deps.hub.release(sub);
  }

  private unsubscribe(uid: Uid): void {
    if (uid === undefined) {
      for (const sub of this.subscriptions.values()) this.deps.hub.remove(sub);
      this.subscriptions.clear();
    } else {
      const key = String(uid);
      const sub = this.subscriptions.get(key);
      if (sub) this.deps.hub.remove(sub);
      this.subscriptions.delete(key);
    }
    this.send(frame({ type: 'subscription', event: 'unsubscribe' }, uid));
  }

  /** Heartbeat tick: a connection that said nothing since the last ping is closed. */
  heartbeat(): void {
    if (!this.alive) return this.socket.close();
    this.alive = false;
    this.send(frame({ type: 'ping' }));
  }
}

const hasCredentials = (msg: Message) =>
  typeof msg.access_token === 'string' || typeof msg.refresh_token === 'string' || (typeof msg.email === 'string' && typeof msg.password === 'string');

/** The token of an upgrade (strict mode, or handshake with a token in the URL): ?access_token= or the session cookie. */
export function upgradeToken(query: string, cookieToken: string | undefined): Token | null {
  const fromQuery = new URLSearchParams(query).get('access_token');
  if (fromQuery) return { token: fromQuery, source: 'query' };
  return cookieToken ? { token: cookieToken, source: 'cookie' } : null;
}
