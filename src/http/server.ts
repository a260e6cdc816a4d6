// The HTTP edge on uWebSockets.js: copies what it needs from uWS's request synchronously,
// matches the route, reads the body as that route declared (body.ts), hands plain data to the
// pipeline, and writes the answer back corked, respecting backpressure. With body.ts, the only
// module that imports uWebSockets.js.
import uWS from 'uWebSockets.js';
import { STATUS_CODES } from 'node:http';
import { randomBytes } from 'node:crypto';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { DirectusError, errorBody, invalidPayload, routeNotFound } from '../errors.js';
import { isForbiddenKey } from '../request/safe-keys.js';
import type { Accountability } from '../types.js';
import type { Match, Router } from '../router.js';
import type { ApiRequest, ApiResponse, ResponseStream, Timing } from '../types.js';
import { corsHeaders, preflight } from './cors.js';
import { clientIpResolver } from './client-ip.js';
import { BodyStream, readBody, tooLarge } from './body.js';
import { registerSocketEndpoint } from './websocket.js';
import type { SocketEndpoint } from '../types.js';
import { REDACTED, requestFacts, type RequestFacts } from '../request/facts.js';

/** What Directus's `response` event tells of an answered (finished) or abandoned request; secrets redacted (it is queued). */
export interface ResponseFacts {
  finished: boolean;
  request: RequestFacts & { aborted: boolean; completed: boolean; protocol: string; host: string | undefined; size: number };
  response: { status: number; size: number; headers: Record<string, string | string[]> };
  ip: string;
  /** milliseconds, as a string (Directus's toFixed()) */
  duration: string;
}

const BODY_METHODS = new Set(['POST', 'PATCH', 'PUT', 'DELETE', 'SEARCH']);
const STATUS_LINES: Record<number, string> = Object.fromEntries(Object.entries(STATUS_CODES).map(([code, text]) => [code, `${code} ${text}`]));
/** Bodies above this size are streamed with tryEnd/onWritable instead of one end(). */
const STREAM_THRESHOLD = 64 * 1024;

export interface HttpServerDeps {
  config: Config;
  log: Logger;
  router: Router;
  authenticate: (req: ApiRequest, timing: Timing) => Promise<Accountability>;
  /** throws 429 REQUESTS_EXCEEDED when the client is over the rate limit (RATE_LIMITER_*) */
  rateLimit?: (req: ApiRequest) => void;
  /** told of every answered request: its route pattern (undefined: no route), status and seconds taken */
  observe?: (method: string, route: string | undefined, status: number, seconds: number) => void;
  /** Directus's request.not_found filter: told of a request no route serves before its 404; throws to answer otherwise */
  notFound?: (req: ApiRequest, accountability: Accountability) => Promise<void>;
  /** Directus's response action: `wanted()` false (nothing listens) skips it, nothing built */
  responses?: { wanted(): boolean; answered(facts: ResponseFacts, accountability: Accountability | null): void };
  /** WebSocket endpoints (the realtime front end), served before the HTTP routes */
  sockets?: SocketEndpoint[];
}

export interface HttpServer {
  port: number;
  /** stop accepting, wait for in-flight requests (up to timeoutMs), close sockets */
  close(timeoutMs?: number): Promise<void>;
}

export function startHttpServer(deps: HttpServerDeps): Promise<HttpServer> {
  const { config, log } = deps;
  const app = uWS.App();
  const idPrefix = randomBytes(3).toString('hex');
  let counter = 0;
  let inflight = 0;
  let drained: (() => void) | undefined;

  const clientIp = clientIpResolver(config.ipTrustProxy, config.ipCustomHeader);

  for (const endpoint of deps.sockets ?? []) {
    registerSocketEndpoint(app, endpoint, {
      maxPayload: config.maxPayloadSize, clientIp,
      onError: (err) => log.error('websocket', { path: endpoint.path, error: String((err as Error)?.stack ?? err) }),
    });
  }

  app.any('/*', (res, uReq) => {
    const started = performance.now();
    const abort = new AbortController();
    const req: ApiRequest = {
      id: `${idPrefix}-${(++counter).toString(36)}`,
      method: uReq.getCaseSensitiveMethod().toUpperCase(),
      path: uReq.getUrl(),
      query: uReq.getQuery() ?? '',
      headers: Object.create(null),
      body: undefined,
      ip: '',
      signal: abort.signal,
    };
    const peer = Buffer.from(res.getRemoteAddressAsText()).toString();
    // header names are client data too: none may name prototype machinery (see safe-keys.ts)
    let badHeader: string | undefined;
    uReq.forEach((k, v) => {
      if (isForbiddenKey(k)) badHeader = k;
      else req.headers[k] = v;
    });
    req.ip = clientIp(peer, req.headers);
    // Routed before the body is read: the route decides how (RouteOptions.body) and how much.
    const match = deps.router.match(req.method, req.path);
    let stream: BodyStream | undefined;
    let aborted = false;
    let settled = false;
    inflight++;
    // counted once, whether the answer is written or the client went away first (mid-body too)
    const settle = () => {
      if (settled) return;
      settled = true;
      inflight--;
      if (inflight === 0 && drained) drained();
    };
    // who asked (set once authenticated): the response event's accountability
    const who: { accountability: Accountability | null } = { accountability: null };
    res.onAborted(() => {
      if (!aborted && !settled && deps.responses?.wanted()) deps.responses.answered(responseFacts(config, req, null, started), who.accountability);
      aborted = true;
      // the client went away: its statement is cancelled in PostgreSQL (db/wire CancelRequest),
      // and a streaming handler's next read throws
      abort.abort();
      stream?.aborted(abort.signal.reason);
      settle();
    });

    const finish = (response: ApiResponse, timing: Timing) => {
      settle();
      if (aborted) return;
      stream?.discard();
      timing.total = performance.now() - started;
      deps.observe?.(req.method, match?.pattern, response.status, timing.total / 1000);
      write(res, response, timing, corsHeaders(config.cors, req.headers.origin), () => aborted, abort.signal);
      if (deps.responses?.wanted()) deps.responses.answered(responseFacts(config, req, response, started), who.accountability);
    };

    const fail = (err: unknown, timing: Timing) => finish(errorResponse(err, req, log), timing);

    const run = (body: Buffer | undefined) => {
      req.body = body;
      const timing: Timing = {};
      handle(req, match, stream, deps, timing, who).then((r) => finish(r, timing), (e) => fail(e, timing));
    };

    if (badHeader !== undefined) return fail(invalidPayload(`Header "${badHeader}" is not allowed`), {});
    const mode = match?.options.body ?? 'json';
    // Unknown routes and 'none' routes never read the body: uWS discards it as it arrives.
    if (!match || mode === 'none') return run(undefined);
    const max = match.options.maxBody ?? config.maxPayloadSize;
    const withBody = BODY_METHODS.has(req.method) && hasBody(req.headers);
    if (withBody && Number(req.headers['content-length'] ?? 0) > max) return fail(tooLarge(), {});
    if (mode === 'stream') {
      stream = new BodyStream(withBody ? res : null, max);
      return run(undefined);
    }
    if (!withBody) return run(undefined);
    readBody(res, max, run, () => fail(tooLarge(), {}));
  });

  return new Promise((resolve, reject) => {
    app.listen(config.host, config.port, (socket) => {
      if (!socket) return reject(new Error(`could not listen on ${config.host}:${config.port}`));
      resolve({
        port: uWS.us_socket_local_port(socket as unknown as uWS.us_socket),
        close: async (timeoutMs = 10_000) => {
          uWS.us_listen_socket_close(socket);
          if (inflight > 0) {
            await new Promise<void>((done) => {
              drained = done;
              setTimeout(done, timeoutMs).unref();
            });
          }
          app.close();
        },
      });
    });
  });
}

async function handle(req: ApiRequest, match: Match | undefined, stream: BodyStream | undefined, deps: HttpServerDeps, timing: Timing,
  who: { accountability: Accountability | null }): Promise<ApiResponse> {
  if (req.method === 'OPTIONS') {
    const answer = preflight(deps.config.cors, req.headers);
    if (answer) return answer;
  }
  // Directus counts every request except CORS preflights, before authentication and routing.
  deps.rateLimit?.(req);
  if (!match) {
    // Directus authenticates before routing: a bad token fails even on unknown routes.
    who.accountability = await deps.authenticate(req, timing);
    await deps.notFound?.(req, who.accountability);
    throw routeNotFound(req.path);
  }
  const accountability = match.options.skipAuth ? anonymous(req) : await deps.authenticate(req, timing);
  who.accountability = accountability;
  return match.handler({ req, params: match.params, accountability, timing, stream });
}

/** The response event's facts: `response` null when the client went away before its answer. */
function responseFacts(config: Config, req: ApiRequest, response: ApiResponse | null, started: number): ResponseFacts {
  const finished = response !== null;
  const request = { ...requestFacts(req, true), aborted: !finished, completed: finished, protocol: 'http', host: req.headers.host, size: req.body?.length ?? 0 };
  const headers = { ...corsHeaders(config.cors, req.headers.origin), ...response?.headers };
  if (headers['set-cookie'] !== undefined) headers['set-cookie'] = REDACTED;
  const size = response?.stream?.size ?? response?.body?.length ?? 0;
  return { finished, request, response: { status: response?.status ?? 0, size, headers }, ip: req.ip, duration: (performance.now() - started).toFixed() };
}

function anonymous(req: ApiRequest): Accountability {
  return { user: null, role: null, roles: [], policies: [], admin: false, app: false, ip: req.ip, userAgent: req.headers['user-agent'] ?? null, origin: req.headers.origin ?? null, signal: req.signal };
}

function hasBody(headers: Record<string, string>): boolean {
  return Number(headers['content-length'] ?? 0) > 0 || headers['transfer-encoding'] !== undefined;
}

function errorResponse(err: unknown, req: ApiRequest, log: Logger): ApiResponse {
  let error: DirectusError;
  if (err instanceof DirectusError) {
    error = err;
  } else {
    // Unknown errors are masked: the client sees a generic 500, the log has the detail.
    log.error('unexpected error', { requestId: req.id, method: req.method, path: req.path, error: String((err as Error)?.stack ?? err) });
    error = new DirectusError('INTERNAL_SERVER_ERROR', 'An unexpected error occurred.');
  }
  const headers: Record<string, string | string[]> = { 'content-type': 'application/json; charset=utf-8', ...error.headers };
  if (error.code === 'METHOD_NOT_ALLOWED' && error.extensions.allow) headers.allow = String(error.extensions.allow);
  return { status: error.status, headers, body: errorBody([error]) };
}

function serverTiming(timing: Timing): string {
  let out = '';
  for (const k of Object.keys(timing)) out += `${out ? ', ' : ''}${k};dur=${timing[k].toFixed(2)}`;
  return out;
}

/** Writes `headers`, except those `over` sets (the response's own win over CORS defaults). */
function writeHeaders(res: uWS.HttpResponse, headers: Record<string, string | string[]>, over?: Record<string, unknown>) {
  for (const k of Object.keys(headers)) {
    if (over && Object.hasOwn(over, k)) continue;
    const v = headers[k];
    if (typeof v === 'string') res.writeHeader(k, v);
    else for (const one of v) res.writeHeader(k, one);
  }
}

function write(res: uWS.HttpResponse, r: ApiResponse, timing: Timing, cors: Record<string, string>, isAborted: () => boolean, signal?: AbortSignal) {
  const body = r.body;
  const headers = r.headers ?? {};
  res.cork(() => {
    res.writeStatus(STATUS_LINES[r.status] ?? `${r.status} ${STATUS_CODES[r.status] ?? ''}`);
    writeHeaders(res, cors, headers);
    writeHeaders(res, headers);
    // Directus marks every successful JSON answer as not cacheable by default.
    if (r.status < 400 && !headers['cache-control'] && String(headers['content-type'] ?? '').includes('json')) res.writeHeader('cache-control', 'no-cache');
    res.writeHeader('server-timing', serverTiming(timing));
    if (r.stream && signal) return void streamResponse(res, r.stream, signal);
    if (body === undefined) return void res.endWithoutBody();
    if (body.length < STREAM_THRESHOLD) return void res.end(body);
    streamBody(res, typeof body === 'string' ? Buffer.from(body) : body, isAborted);
  });
}

/**
 * A streamed body (file downloads), chunk by chunk with `size` as the Content-Length: each chunk
 * is handed to uWS only once the socket took the one before (tryEnd + onWritable), so a slow
 * client never makes the gateway buffer a file. The source is closed when the client goes away
 * or the body is complete; a failing source closes the connection (the length can't be kept).
 */
function streamResponse(res: uWS.HttpResponse, s: ResponseStream, signal: AbortSignal) {
  const it = s.body[Symbol.asyncIterator]();
  const stop = () => void it.return?.()?.catch(() => undefined);
  const pump = async () => {
    if (s.size === 0) return void res.cork(() => res.end());
    for (;;) {
      const next = await it.next();
      if (signal.aborted) return stop();
      if (next.done) return void res.cork(() => res.close());
      const chunk = next.value;
      let startOffset = 0;
      let sent: [boolean, boolean] = [false, false];
      res.cork(() => {
        startOffset = res.getWriteOffset();
        sent = res.tryEnd(chunk, s.size);
      });
      if (sent[1]) return stop();
      if (sent[0]) continue;
      const finished = await new Promise<boolean>((resolve) => {
        const onAbort = () => resolve(true);
        signal.addEventListener('abort', onAbort, { once: true });
        res.onWritable((offset) => {
          const [ok, done] = res.tryEnd(chunk.subarray(offset - startOffset), s.size);
          if (ok || done) {
            signal.removeEventListener('abort', onAbort);
            resolve(done);
          }
          return ok;
        });
      });
      if (finished) return stop();
    }
  };
  pump().catch(() => {
    stop();
    if (!signal.aborted) res.cork(() => res.close());
  });
}

/** tryEnd + onWritable: never buffers more than the socket accepts. */
function streamBody(res: uWS.HttpResponse, buf: Buffer, isAborted: () => boolean) {
  const startOffset = res.getWriteOffset();
  const [ok, done] = res.tryEnd(buf, buf.length);
  if (ok || done) return;
  res.onWritable((offset) => {
    if (isAborted()) return true;
    const [ok2] = res.tryEnd(buf.subarray(offset - startOffset), buf.length);
    return ok2;
  });
}
