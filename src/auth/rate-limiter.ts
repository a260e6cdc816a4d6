// Directus's rate limiters (RATE_LIMITER_*, RATE_LIMITER_GLOBAL_*) with the memory store: a
// fixed window per key that opens at the key's first request and lasts `durationMs`; a request
// beyond `points` in the window is refused with 429 REQUESTS_EXCEEDED until the window ends.
// Pure logic on plain values (the clock is a parameter); each gateway counts on its own.
import type { RateLimitConfig } from '../config.js';
import { DirectusError } from '../errors.js';
import type { ApiRequest } from '../types.js';

const SWEEP_AT = 10_000;

export interface Consumed {
  ok: boolean;
  /** ms until the key's window ends (0 when it never ends) */
  msBeforeNext: number;
}

export class FixedWindowLimiter {
  private windows = new Map<string, { used: number; ends: number }>();
  constructor(readonly points: number, readonly durationMs: number) {}

  consume(key: string, now = Date.now()): Consumed {
    let w = this.windows.get(key);
    if (!w || (this.durationMs > 0 && w.ends <= now)) {
      if (this.windows.size >= SWEEP_AT) this.sweep(now);
      w = { used: 0, ends: this.durationMs > 0 ? now + this.durationMs : Infinity };
      this.windows.set(key, w);
    }
    w.used++;
    return { ok: w.used <= this.points, msBeforeNext: Number.isFinite(w.ends) ? w.ends - now : 0 };
  }

  private sweep(now: number) {
    for (const [k, w] of this.windows) if (w.ends <= now) this.windows.delete(k);
    // still full (a flood of distinct keys within one window): start over rather than grow
    if (this.windows.size >= SWEEP_AT) this.windows.clear();
  }
}

/** `ms`-style short duration, as Directus words it: 1500 -> "2s", 90000 -> "2m". */
export function shortDuration(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'd'], [3_600_000, 'h'], [60_000, 'm'], [1000, 's']];
  for (const [size, unit] of units) if (Math.abs(ms) >= size) return `${Math.round(ms / size)}${unit}`;
  return `${ms}ms`;
}

/** Directus's 429: the limit, when the window resets, and Retry-After in whole seconds. */
export function requestsExceeded(points: number, msBeforeNext: number, now = Date.now()): DirectusError {
  const err = new DirectusError('REQUESTS_EXCEEDED', `Too many requests, retry after ${shortDuration(msBeforeNext)}.`, {
    limit: points,
    reset: new Date(now + msBeforeNext).toISOString(),
  });
  err.headers = { 'retry-after': String(Math.round(msBeforeNext / 1000)) };
  return err;
}

/**
 * The check run for every request before authentication (as in Directus): the global limiter
 * first, then the per-IP one. Returns undefined when no limiter is enabled.
 */
export function createRateLimit(ip: RateLimitConfig, global: RateLimitConfig): ((req: ApiRequest) => void) | undefined {
  const limiters: [FixedWindowLimiter, (req: ApiRequest) => string][] = [];
  if (global.enabled) limiters.push([new FixedWindowLimiter(global.points, global.durationMs), () => 'global']);
  if (ip.enabled) limiters.push([new FixedWindowLimiter(ip.points, ip.durationMs), (req) => req.ip]);
  if (limiters.length === 0) return undefined;
  return (req) => {
    for (const [limiter, key] of limiters) {
      const now = Date.now();
      const r = limiter.consume(key(req), now);
      if (!r.ok) throw requestsExceeded(limiter.points, r.msBeforeNext, now);
    }
  };
}
