// Plain data crossing the HTTP edge: handlers receive an ApiRequest and return an ApiResponse,
// so everything between the two edges is ordinary functions on ordinary values.
import type { Accountability } from '../auth/accountability.js';

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
}

export type Handler = (ctx: RouteContext) => Promise<ApiResponse> | ApiResponse;

export const json = (body: string | Buffer, status = 200, headers: Record<string, string> = {}): ApiResponse => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body,
});

/** `{"data": <raw JSON text>}` without parsing the inner JSON. */
export const data = (rawJson: string, status = 200): ApiResponse => json(`{"data":${rawJson}}`, status);

export const noContent = (): ApiResponse => ({ status: 204 });

/** Times a stage into ctx.timing (accumulating when a stage runs more than once). */
export async function timed<T>(timing: Timing, stage: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    timing[stage] = (timing[stage] ?? 0) + performance.now() - start;
  }
}
