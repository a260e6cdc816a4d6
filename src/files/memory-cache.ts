// Small transformed copies (thumbnails) kept in the gateway's memory, least recently used out
// first, up to STRATA_ASSETS_MEMORY_CACHE bytes. Serving a cached transform from storage costs a
// stat, an open, a read and a close on the thread pool, which was half of the gateway's work per
// request; from memory it is none. The caller's access is still decided by its own read of the
// file's row on every request: only the bytes come from here.
// An entry is named by the file's storage location, stored name and modification time besides
// the copy's key, so replacing a file's bytes (a new filename_disk, a new modified_on) makes the
// next request miss and read the new copy from storage, on every gateway.
import type { FileLocation } from '../engine/files.js';

export interface CachedCopy {
  size: number;
  /** the stored copy's modification time (its Last-Modified and ETag) */
  modified: Date;
  body: Buffer;
}

export class AssetMemoryCache {
  private readonly entries = new Map<string, CachedCopy>();
  private bytes = 0;

  /** `maxBytes` 0 keeps nothing; a copy over `maxEntry` bytes is never kept */
  constructor(private readonly maxBytes: number, private readonly maxEntry: number) {}

  static keyOf(file: Pick<FileLocation, 'storage' | 'filename_disk' | 'modified_on'>, key: string): string {
    return `${file.storage}\0${file.filename_disk}\0${file.modified_on.getTime()}\0${key}`;
  }

  get(name: string): CachedCopy | undefined {
    const hit = this.entries.get(name);
    if (hit) {
      // most recently used last: Map keeps insertion order
      this.entries.delete(name);
      this.entries.set(name, hit);
    }
    return hit;
  }

  set(name: string, copy: CachedCopy): void {
    if (copy.body.length > Math.min(this.maxEntry, this.maxBytes)) return;
    const old = this.entries.get(name);
    if (old) {
      this.bytes -= old.body.length;
      this.entries.delete(name);
    }
    this.entries.set(name, copy);
    this.bytes += copy.body.length;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= entry.body.length;
    }
  }

  /** how many copies and bytes are held (tests, metrics) */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}
