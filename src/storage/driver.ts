// The storage edge: where file bytes live (Directus's storage locations). A driver knows one
// kind of store (local disk today); front ends and the core use it only through this interface,
// by location name, with keys they built themselves (never a client's path).
import type { Readable } from 'node:stream';

export interface StoredStat {
  size: number;
  modified: Date;
}

/** Inclusive byte range, as HTTP Range names it. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface StorageDriver {
  /**
   * Writes the stream under `key`, atomically: the bytes appear under `key` only once the
   * stream ended without error (a failed write leaves nothing). Returns the bytes written.
   */
  write(key: string, data: AsyncIterable<Buffer>): Promise<number>;
  /** The bytes of `key` (a range of them when given). */
  read(key: string, range?: ByteRange): Readable;
  /**
   * The whole of a small `key` in one call, where the store has a cheaper way than a stream
   * (local disk: one readFile; a stream costs an open, reads, a close and their bookkeeping,
   * which dominated serving a cached thumbnail). Drivers without it are streamed.
   */
  readAll?(key: string): Promise<Buffer>;
  stat(key: string): Promise<StoredStat | null>;
  exists(key: string): Promise<boolean>;
  /** Removes `key`; a missing key is not an error. */
  delete(key: string): Promise<void>;
  /** Keys that start with `prefix` (transformed copies of a file: `<id>__`). */
  list(prefix: string): Promise<string[]>;
}

/** The configured locations, by name (STORAGE_LOCATIONS); the first receives uploads. */
export interface Storage {
  readonly default: string;
  location(name: string): StorageDriver;
  has(name: string): boolean;
}

/**
 * Keys are single path segments Strata builds (`<uuid>.<ext>`, `<uuid>__<hash>.<ext>`): anything
 * else (separators, `..`, control characters) is refused before a driver sees it.
 */
export function checkKey(key: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,254}$/.test(key) || key.includes('..')) throw new Error(`invalid storage key "${key}"`);
  return key;
}
