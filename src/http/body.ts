// Request bodies, read the way the matched route declared (RouteOptions.body): 'json' collects
// the whole body up to a cap; 'stream' hands it to the handler chunk by chunk, with backpressure.
// Every chunk is copied: uWS reuses the memory it passes to onData once the callback returns.
import type uWS from 'uWebSockets.js';
import { DirectusError } from '../errors.js';

/** A stream route's queue: past HIGH_WATER buffered bytes the socket is paused, below LOW_WATER resumed. */
const HIGH_WATER = 1024 * 1024;
const LOW_WATER = 256 * 1024;

export function tooLarge(): DirectusError {
  return new DirectusError('CONTENT_TOO_LARGE', 'Uploaded content is too large.');
}

/** Collects the body, capped at max bytes (today's, and Directus's, JSON body parser). */
export function readBody(res: uWS.HttpResponse, max: number, done: (b: Buffer) => void, overflow: () => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  res.onData((chunk, isLast) => {
    if (failed) return;
    size += chunk.byteLength;
    if (size > max) {
      failed = true;
      return overflow();
    }
    chunks.push(Buffer.from(new Uint8Array(chunk))); // (a copy: the chunk is valid in this callback only; cheaper than ArrayBuffer.slice)
    if (isLast) done(Buffer.concat(chunks, size));
  });
}

/**
 * The body of a 'stream' route as an AsyncIterable<Buffer>, for one consumer. Data that arrives
 * before the handler reads (while the request is authenticated) is queued; past HIGH_WATER the
 * socket is paused until the handler catches up. Past `max` bytes, reading throws 413
 * CONTENT_TOO_LARGE; after the client went away, it throws the abort reason.
 */
export class BodyStream implements AsyncIterable<Buffer> {
  private queue: Buffer[] = [];
  private queued = 0;
  private received = 0;
  private ended = false;
  private paused = false;
  /** the answer is written (or the client is gone): no more pause()/resume() on res */
  private closed = false;
  private error: unknown;
  private wake: (() => void) | undefined;

  /** `res` is null for a request without a body: the stream is empty. */
  constructor(private res: uWS.HttpResponse | null, private max: number) {
    if (!res) this.ended = true;
    else res.onData((chunk, isLast) => this.push(chunk, isLast));
  }

  private push(chunk: ArrayBuffer, isLast: boolean): void {
    if (this.closed || this.error !== undefined) return;
    this.received += chunk.byteLength;
    if (this.received > this.max) return this.fail(tooLarge());
    if (chunk.byteLength > 0) {
      this.queue.push(Buffer.from(new Uint8Array(chunk))); // (a copy, see readBody)
      this.queued += chunk.byteLength;
    }
    if (isLast) this.ended = true;
    else if (!this.paused && this.queued >= HIGH_WATER) {
      this.paused = true;
      this.res!.pause();
    }
    this.notify();
  }

  /** Pending and later reads throw `err`; queued chunks are dropped. */
  fail(err: unknown): void {
    if (this.error !== undefined) return;
    this.error = err;
    this.queue = [];
    this.queued = 0;
    this.notify();
  }

  /** The client went away: `res` may not be touched any more. */
  aborted(reason: unknown): void {
    this.closed = true;
    this.fail(reason);
  }

  /**
   * The answer is about to be written: what the handler did not read is discarded as it
   * arrives (the socket resumed, or the connection would stall on the rest of the body).
   */
  discard(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.paused) this.res!.resume();
    this.fail(new Error('the request was answered before its body was read'));
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<Buffer> {
    for (;;) {
      if (this.error !== undefined) throw this.error;
      const chunk = this.queue.shift();
      if (chunk) {
        this.queued -= chunk.byteLength;
        if (this.paused && !this.closed && this.queued < LOW_WATER) {
          this.paused = false;
          this.res!.resume();
        }
        yield chunk;
        continue;
      }
      if (this.ended) return;
      await new Promise<void>((r) => (this.wake = r));
    }
  }
}
