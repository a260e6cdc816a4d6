// The local driver: files in one directory (STORAGE_<LOCATION>_ROOT). Writes go to a hidden
// temporary name first and are renamed into place when complete, so a failed or aborted upload
// never leaves a partial file under its real name.
import { createReadStream } from 'node:fs';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { checkKey, type ByteRange, type StorageDriver, type StoredStat } from './driver.js';

export class LocalDriver implements StorageDriver {
  private readonly root: string;
  private ready: Promise<unknown> | undefined;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private path(key: string): string {
    return join(this.root, checkKey(key));
  }

  private ensureRoot(): Promise<unknown> {
    return (this.ready ??= mkdir(this.root, { recursive: true }));
  }

  async write(key: string, data: AsyncIterable<Buffer>): Promise<number> {
    const target = this.path(key);
    await this.ensureRoot();
    const temp = join(this.root, `.tmp-${randomBytes(8).toString('hex')}`);
    let size = 0;
    const counted = async function* () {
      for await (const chunk of data) {
        size += chunk.length;
        yield chunk;
      }
    };
    try {
      // the file is opened (and closed) here, not by the write stream: a stream destroyed while
      // its own open is still in flight creates the file after the cleanup below ran
      const file = await open(temp, 'wx');
      try {
        // pipeline respects the file's backpressure: the source is pulled as fast as the disk takes it
        await pipeline(Readable.from(counted()), file.createWriteStream());
      } finally {
        await file.close(); // (the stream closes it too; this waits for that close)
      }
      await rename(temp, target);
    } catch (err) {
      await rm(temp, { force: true });
      throw err;
    }
    return size;
  }

  read(key: string, range?: ByteRange): Readable {
    return createReadStream(this.path(key), range ? { start: range.start, end: range.end } : {});
  }

  readAll(key: string): Promise<Buffer> {
    return readFile(this.path(key));
  }

  async stat(key: string): Promise<StoredStat | null> {
    try {
      const s = await stat(this.path(key));
      return s.isFile() ? { size: s.size, modified: s.mtime } : null;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async list(prefix: string): Promise<string[]> {
    try {
      return (await readdir(this.root)).filter((n) => n.startsWith(prefix) && !n.startsWith('.tmp-'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw err;
    }
  }
}
