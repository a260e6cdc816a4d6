// The plain data of the pipeline, shared by the edges, the core and every front end: who is
// asking (Access, Accountability), what a front end received and answers (ApiRequest,
// ApiResponse, RouteContext, Handler), and where time went (Timing). A leaf: it imports nothing,
// so no module needs an edge or a front end to name these values.

// Who is asking: Directus's accountability, resolved from the request's token.
/** What the database reports for a user (or for anonymous access). */
export interface Access {
  user: string | null;
  role: string | null;
  /** the role and its ancestors (Directus 11 nested roles) */
  roles: string[];
  /** policies in force for this request (public policy for anonymous requests) */
  policies: string[];
  admin: boolean;
  app: boolean;
  /** a share token's share (POST /shares/auth) and the item it shares: reads are bound to it (src/auth/shares.ts) */
  share?: string;
  share_collection?: string;
  share_item?: string;
}

/** Who is asking, for this request: their access plus where the request comes from. */
export interface Accountability extends Access {
  ip: string;
  userAgent: string | null;
  origin: string | null;
  /** the request's lifetime: aborted when its client goes away, which cancels its statement */
  signal?: AbortSignal;
}

export interface ApiRequest {
  id: string;
  method: string;
  /** path without the query string, percent-decoded per segment by the router */
  path: string;
  /** raw query string without '?' */
  query: string;
  /** lower-case header names */
  headers: Record<string, string>;
  body: Buffer | undefined;
  /** the client's IP (IP_TRUST_PROXY decides how far X-Forwarded-For is believed) */
  ip: string;
  /** aborted when the client goes away before its answer is written */
  signal?: AbortSignal;
}

export interface ApiResponse {
  status: number;
  /** an array value writes the header once per element (Set-Cookie) */
  headers?: Record<string, string | string[]>;
  /** string or bytes written as they are; undefined means no body (204) */
  body?: string | Buffer;
}

/** Time spent per pipeline stage, reported in the Server-Timing header (ms). */
export type Timing = Record<string, number>;

export interface RouteContext {
  req: ApiRequest;
  params: Record<string, string>;
  accountability: Accountability;
  timing: Timing;
  /**
   * The body, chunk by chunk, for routes declared with `body: 'stream'` (uploads, imports);
   * reading past the route's cap throws 413 CONTENT_TOO_LARGE. Undefined for other routes.
   */
  stream?: AsyncIterable<Buffer>;
}

export type Handler = (ctx: RouteContext) => Promise<ApiResponse> | ApiResponse;

/** Times a stage into ctx.timing (accumulating when a stage runs more than once). */
export async function timed<T>(timing: Timing, stage: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    timing[stage] = (timing[stage] ?? 0) + performance.now() - start;
  }
}

// WebSockets: what the HTTP edge hands a front end (src/realtime), so no front end knows uWS.
/** The upgrade request, copied synchronously from the edge's request. */
export interface SocketUpgrade {
  path: string;
  /** raw query string without '?' */
  query: string;
  /** lower-case header names (authorization, cookie, user-agent, origin, ...) */
  headers: Record<string, string>;
  ip: string;
}

/** One open WebSocket connection. */
export interface Socket {
  readonly ip: string;
  readonly headers: Record<string, string>;
  /** sends a text frame; false when it was not sent (the socket is closed or over its backpressure limit) */
  send(text: string): boolean;
  /** runs `fn` with the socket's sends coalesced into one write (several frames, one syscall) */
  cork(fn: () => void): void;
  close(code?: number, reason?: string): void;
  /** bytes queued for a slow client */
  readonly bufferedAmount: number;
  readonly closed: boolean;
}

/** What a front end does with a connection's frames. */
export interface SocketHandlers {
  message(text: string): void;
  close(code: number): void;
}

/**
 * A WebSocket endpoint served by the HTTP edge: `upgrade` accepts (anything the front end wants
 * to remember, handed to `open`) or refuses with an HTTP status (401 in strict auth mode, 403
 * over the connection limit).
 */
export interface SocketEndpoint {
  path: string;
  /** `protocol`: the subprotocol chosen among the client's (Sec-WebSocket-Protocol); absent: the client's header as sent */
  upgrade(req: SocketUpgrade): Promise<{ refuse: number } | { accept: unknown; protocol?: string }>;
  open(socket: Socket, accepted: unknown): SocketHandlers;
}

/**
 * A streamed response body (file downloads): chunks written as the socket accepts them, with
 * `size` as the Content-Length. The edge ends the iteration early (return()) when the client
 * goes away, so the source (a file) is closed.
 */
export interface ResponseStream {
  body: AsyncIterable<Buffer>;
  size: number;
}

// declaration merging: the streamed body kind of ApiResponse
export interface ApiResponse {
  /** streamed instead of `body` (which is then ignored) */
  stream?: ResponseStream;
}
