// A small path router for Directus's routes: static segments and ":param" segments.
// Matching is pure: (method, path) -> handler + params + options; the HTTP edge matches before
// it reads a body, so each route decides how its body is read (RouteOptions.body).
import type { Handler } from './types.js';

/**
 * How a route takes its request body, decided before any of it is read:
 * - 'json' (default): collected whole into ctx.req.body, up to `maxBody` (413 past it);
 * - 'stream': handed to the handler as ctx.stream, chunk by chunk, up to `maxBody` (uploads, imports);
 * - 'none': ignored (ctx.req.body stays undefined).
 */
export type BodyMode = 'json' | 'stream' | 'none';

export interface RouteOptions {
  /** runs before authentication (Directus serves /server/ping this way) */
  skipAuth?: boolean;
  body?: BodyMode;
  /** largest body in bytes (default MAX_PAYLOAD_SIZE) */
  maxBody?: number;
}

interface Route {
  method: string;
  pattern: string;
  segments: string[];
  handler: Handler;
  options: RouteOptions;
}

export interface Match {
  /** the route as registered (`/items/:collection`): a bounded label for metrics */
  pattern: string;
  handler: Handler;
  params: Record<string, string>;
  options: RouteOptions;
}

export class Router {
  private routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler, options: RouteOptions = {}): this {
    this.routes.push({ method, pattern, segments: split(pattern), handler, options });
    return this;
  }

  get = (p: string, h: Handler, o?: RouteOptions) => this.add('GET', p, h, o);
  search = (p: string, h: Handler, o?: RouteOptions) => this.add('SEARCH', p, h, o);
  post = (p: string, h: Handler, o?: RouteOptions) => this.add('POST', p, h, o);
  patch = (p: string, h: Handler, o?: RouteOptions) => this.add('PATCH', p, h, o);
  delete = (p: string, h: Handler, o?: RouteOptions) => this.add('DELETE', p, h, o);

  match(method: string, path: string): Match | undefined {
    const parts = split(path);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params: Record<string, string> = {};
      let ok = true;
      for (let i = 0; i < parts.length && ok; i++) {
        const seg = route.segments[i];
        if (seg.startsWith(':')) params[seg.slice(1)] = decode(parts[i]);
        else ok = seg === parts[i];
      }
      if (ok) return { pattern: route.pattern, handler: route.handler, params, options: route.options };
    }
    return undefined;
  }
}

function split(path: string): string[] {
  return path.split('/').filter((s) => s !== '');
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
