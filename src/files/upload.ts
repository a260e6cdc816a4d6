// One uploaded file: the bytes stream to storage (never held whole in memory) while their head
// is kept for sniffing the type and reading image dimensions; then the row is written as the
// caller (row-level security and write checks decide) and the measured facts recorded. See
// storeUpload for why the bytes come first.
import { randomBytes, randomUUID } from 'node:crypto';
import { DirectusError, invalidPayload } from '../errors.js';
import type { RouteContext } from '../types.js';
import { completeUpload, discardFile, type FileLocation } from '../engine/files.js';
import type { FilesDeps } from './deps.js';
import { mimeAllowed, typeOf } from './sniff.js';
import { diskExtension, titleFromFilename } from './title.js';
import { clientFields } from '../engine/file-records.js';
import { embeddedFacts, type EmbeddedFacts } from './metadata.js';
import { emitAction } from '../engine/emitter.js';
import { loadSharp } from './transform.js';
import { uploadEvent } from './upload-event.js';

/** Bytes of the head kept for sniffing and for reading image dimensions. */
const HEAD_SIZE = 512 * 1024;
/** Fields only the server fills in (the core's: src/engine/file-records.ts). */
export { SERVER_FIELDS } from '../engine/file-records.js';

export function unsupportedType(): DirectusError {
  return new DirectusError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported media type.');
}

export function uploadTooLarge(): DirectusError {
  return new DirectusError('CONTENT_TOO_LARGE', 'Uploaded content is too large.');
}

export interface IncomingFile {
  filename: string;
  /** the Content-Type the client gave the part */
  mimeType: string;
  data: AsyncIterable<Buffer>;
  /** true once the part went past FILES_MAX_UPLOAD_SIZE (busboy truncates it) */
  truncated: () => boolean;
  /** the type of bytes the server produced itself (an export): recorded as it is, not sniffed */
  serverType?: string;
}

/** The storage location an upload goes to: the client's `storage` when configured, else the default. */
export function storageFor(deps: FilesDeps, requested: unknown): string {
  if (requested === undefined || requested === null || requested === '') return deps.storage.default;
  if (typeof requested !== 'string' || !deps.storage.has(requested)) throw invalidPayload(`"storage" must be one of [${deps.config.files.locations.join(', ')}]`);
  return requested;
}

/**
 * Stores one file and writes its row; returns its id. With `existing`, the file's bytes are
 * replaced (PATCH /files/:id multipart): the new bytes go under a fresh key, the old ones (and
 * their cached transforms) are removed once the row points at the new ones. Nothing remains
 * when it throws.
 *
 * Order: bytes first, then the row. A failed, aborted, oversized or refused upload is over
 * before the database sees anything, so it leaves no row, no activity or revision, and no
 * change event (an event, once published, can't be taken back; deleting the row afterwards
 * would have left audit rows and told subscribers about a file that never existed). The caller
 * without any create/update permission on directus_files was already refused before the body
 * was read (mayWriteFiles); a write the caller's permissions refuse now (validation, field
 * permissions, row filters) removes the bytes just stored.
 */
export async function storeUpload(deps: FilesDeps, ctx: Pick<RouteContext, 'accountability' | 'timing'>, meta: Record<string, unknown>, file: IncomingFile,
  existing?: FileLocation): Promise<string> {
  const { config, storage, writer, db } = deps;
  if (!mimeAllowed(config.files.mimeTypeAllowList, file.mimeType || 'application/octet-stream')) throw unsupportedType();
  const id = existing?.id ?? randomUUID();
  const location = existing ? existing.storage : storageFor(deps, meta.storage);
  const filenameDownload = typeof meta.filename_download === 'string' && meta.filename_download !== '' ? meta.filename_download : file.filename;
  const key = existing ? `${id}-${randomBytes(4).toString('hex')}${diskExtension(file.filename)}` : `${id}${diskExtension(file.filename)}`;
  const driver = storage.location(location);
  const head: Buffer[] = [];
  let headSize = 0;
  const tee = async function* () {
    for await (const chunk of file.data) {
      if (headSize < HEAD_SIZE) {
        head.push(chunk.subarray(0, HEAD_SIZE - headSize));
        headSize += Math.min(chunk.length, HEAD_SIZE - headSize);
      }
      yield chunk;
    }
  };
  // the driver writes atomically: a failed or aborted stream leaves nothing under `key`
  const size = await driver.write(key, tee());
  try {
    if (file.truncated()) throw uploadTooLarge();
    const headBuf = Buffer.concat(head);
    const type = file.serverType ?? typeOf(headBuf, file.mimeType);
    if (!mimeAllowed(config.files.mimeTypeAllowList, type)) throw unsupportedType();
    const dims = type.startsWith('image/') ? await imageFacts(headBuf, config.files.metadataAllowList) : null;
    const payload = clientFields(meta) as Record<string, unknown>;
    payload.filename_download = filenameDownload;
    payload.type = type;
    if (existing) {
      await writer.write(ctx.accountability, 'directus_files', 'update', { key: id, data: payload }, null, ctx.timing);
    } else {
      Object.assign(payload, {
        id, storage: location, filename_disk: key, title: meta.title ?? titleFromFilename(filenameDownload), uploaded_by: ctx.accountability.user,
      });
      await writer.write(ctx.accountability, 'directus_files', 'create', { payload }, null, ctx.timing);
    }
    const facts = { type, filesize: size, width: dims?.width ?? null, height: dims?.height ?? null, metadata: dims?.metadata ?? null,
      description: dims?.description ?? null, tags: dims?.tags ?? null };
    try {
      await completeUpload(db, id, facts, key);
    } catch (err) {
      // the database failed between two statements: a new row goes again (a replaced file keeps its old bytes)
      if (!existing) await discardFile(db, id).catch(() => undefined);
      throw err;
    }
    await emitAction(db, 'files.upload', uploadEvent(id, payload, facts, existing !== undefined), ctx.accountability);
  } catch (err) {
    await driver.delete(key).catch(() => undefined);
    throw err;
  }
  if (existing) await removeStored(deps, existing);
  return id;
}

/** A file's stored bytes and every transformed copy of it (`<id>__<hash>.<ext>`). */
export async function removeStored(d: FilesDeps, f: Pick<FileLocation, 'id' | 'storage' | 'filename_disk'>): Promise<void> {
  if (!d.storage.has(f.storage)) return;
  const driver = d.storage.location(f.storage);
  const keys = await driver.list(`${f.id}__`);
  if (f.filename_disk) keys.push(f.filename_disk);
  await Promise.all(keys.map((k) => driver.delete(k).catch((err) => d.log.warn('could not remove stored file', { key: k, err: String(err) }))));
}

/**
 * Width and height (EXIF orientation applied, as Directus records them) and the embedded
 * metadata (metadata.ts), from the file's head.
 */
async function imageFacts(head: Buffer, allowList: string[]): Promise<({ width: number; height: number } & EmbeddedFacts) | null> {
  try {
    const sharp = await loadSharp();
    const m = await sharp(head, { failOn: 'none' }).metadata();
    if (!m.width || !m.height) return null;
    const swap = (m.orientation ?? 1) >= 5;
    return { width: swap ? m.height : m.width, height: swap ? m.width : m.height, ...embeddedFacts(m, allowList) };
  } catch {
    return null;
  }
}
