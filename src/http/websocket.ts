// The WebSocket side of the HTTP edge: registers a front end's SocketEndpoint as a uWS ws route,
// copies what the upgrade needs from uWS's request synchronously (uWS frees it at the first
// await), lets the front end accept or refuse the upgrade, and hands it a neutral Socket.
// Frames a slow client can't take pile up to MAX_BACKPRESSURE, past which the socket is closed:
// a client that misses change events must reconnect and re-subscribe (its `init` is the truth),
// while a silently dropped event would leave it wrong without knowing.
import uWS from 'uWebSockets.js';
import { STATUS_CODES } from 'node:http';
import type { Socket, SocketEndpoint, SocketHandlers, SocketUpgrade } from '../types.js';
import { isForbiddenKey } from '../request/safe-keys.js';

/** bytes queued for one client before it is closed as too slow */
const MAX_BACKPRESSURE = 16 * 1024 * 1024;
/**
 * Seconds without any frame before uWS closes a dead TCP connection; uWS pings on its own
 * (protocol pings, answered by every client library) so live idle clients are kept.
 */
const IDLE_TIMEOUT = 120;

interface Data {
  accepted: unknown;
  upgrade: SocketUpgrade;
  handlers?: SocketHandlers;
  socket?: Socket;
  closed: boolean;
}

export interface SocketRouteOptions {
  /** largest frame a client may send (MAX_PAYLOAD_SIZE); larger ones close the connection */
  maxPayload: number;
  /** the client's IP from the peer address and the headers (IP_TRUST_PROXY) */
  clientIp: (peer: string, headers: Record<string, string>) => string;
  onError: (err: unknown) => void;
}

export function registerSocketEndpoint(app: uWS.TemplatedApp, endpoint: SocketEndpoint, opts: SocketRouteOptions): void {
  app.ws<Data>(endpoint.path, {
    maxPayloadLength: opts.maxPayload,
    maxBackpressure: MAX_BACKPRESSURE,
    closeOnBackpressureLimit: 1, // typed as a number, read as a boolean
    idleTimeout: IDLE_TIMEOUT,
    sendPingsAutomatically: true,
    upgrade: (res, req, context) => {
      const headers: Record<string, string> = Object.create(null);
      req.forEach((k, v) => {
        if (!isForbiddenKey(k)) headers[k] = v;
      });
      const key = req.getHeader('sec-websocket-key');
      const protocol = req.getHeader('sec-websocket-protocol');
      const extensions = req.getHeader('sec-websocket-extensions');
      const peer = Buffer.from(res.getRemoteAddressAsText()).toString();
      const upgrade: SocketUpgrade = { path: req.getUrl(), query: req.getQuery() ?? '', headers, ip: opts.clientIp(peer, headers) };
      let aborted = false;
      res.onAborted(() => {
        aborted = true;
      });
      endpoint.upgrade(upgrade).then((decision) => {
        if (aborted) return;
        res.cork(() => {
          if ('refuse' in decision) {
            // a plain HTTP answer instead of the upgrade (as Directus writes it: status line only)
            res.writeStatus(`${decision.refuse} ${STATUS_CODES[decision.refuse] ?? ''}`).end();
            return;
          }
          res.upgrade<Data>({ accepted: decision.accept, upgrade, closed: false }, key, decision.protocol ?? protocol, extensions, context);
        });
      }, (err) => {
        opts.onError(err);
        if (!aborted) res.cork(() => res.writeStatus('500 Internal Server Error').end());
      });
    },
    open: (ws) => {
      const data = ws.getUserData();
      const socket: Socket = {
        ip: data.upgrade.ip,
        headers: data.upgrade.headers,
        send: (text) => {
          if (data.closed) return false;
          // 0: queued (backpressure), 1: sent, 2: dropped (over the limit: the socket closes)
          return ws.send(text, false) !== 2;
        },
        cork: (fn) => {
          if (data.closed) fn();
          else ws.cork(fn);
        },
        close: (code, reason) => {
          if (data.closed) return;
          data.closed = true;
          if (code === undefined) ws.end();
          else ws.end(code, reason ?? '');
        },
        get bufferedAmount() {
          return data.closed ? 0 : ws.getBufferedAmount();
        },
        get closed() {
          return data.closed;
        },
      };
      data.socket = socket;
      data.handlers = endpoint.open(socket, data.accepted);
    },
    message: (ws, message) => {
      const data = ws.getUserData();
      if (data.closed) return;
      // copied now: uWS neuters the buffer when this callback returns
      const text = Buffer.from(message).toString('utf8');
      try {
        data.handlers?.message(text);
      } catch (err) {
        opts.onError(err);
      }
    },
    close: (ws, code) => {
      const data = ws.getUserData();
      data.closed = true;
      try {
        data.handlers?.close(code);
      } catch (err) {
        opts.onError(err);
      }
    },
  });
}
