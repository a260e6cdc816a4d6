// One uploaded file: its row is written first, as the caller (row-level security and write
// checks decide, so a caller who may not create files is refused before a byte is stored);
// then the bytes stream to storage (never held whole in memory) while their head is kept for
// sniffing the type and reading image dimensions; then the measured facts are recorded. Any
// failure after the row was written removes the row and the bytes again.
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { DirectusError, invalidPayload } from '../errors.js';
import type { RouteContext } from '../types.js';
import { completeUpload, discardFile } from '../engine/files.js';
import type { FilesDeps } from './deps.js';
import { mimeAllowed, typeOf } from './sniff.js';
import { diskExtension, titleFromFilename } from './title.js';

/** Bytes of the head kept for sniffing and for reading image dimensions. */
const HEAD_SIZE = 512 * 1024;
/** Fields only the server fills in: a client's values for them are dropped, as Directus does. */
export const SERVER_FIELDS = ['id', 'filename_disk', 'uploaded_by', 'uploaded_on', 'modified_by', 'modified_on', 'created_on',
  'filesize', 'width', 'height', 'duration', 'tus_id', 'tus_data', 'charset'];

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
}

/** The storage location an upload goes to: the client's `storage` when configured, else the default. */
export function storageFor(deps: FilesDeps, requested: unknown): string {
  if (requested === undefined || requested === null || requested === '') return deps.storage.default;
  if (typeof requested !== 'string' || !deps.storage.has(requested)) throw invalidPayload(`"storage" must be one of [${deps.config.files.locations.join(', ')}]`);
  return requested;
}

/** Stores one file; returns its id. Nothing remains when it throws. */
export async function storeUpload(deps: FilesDeps, ctx: RouteContext, meta: Record<string, unknown>, file: IncomingFile): Promise<string> {
  const { config, storage, writer, db } = deps;
  if (!mimeAllowed(config.files.mimeTypeAllowList, file.mimeType || 'application/octet-stream')) throw unsupportedType();
  const id = randomUUID();
  const location = storageFor(deps, meta.storage);
  const filenameDownload = typeof meta.filename_download === 'string' && meta.filename_download !== '' ? meta.filename_download : file.filename;
  const key = `${id}${diskExtension(file.filename)}`;
  const payload: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(meta)) if (!SERVER_FIELDS.includes(k)) payload[k] = v;
  Object.assign(payload, {
    id,
    storage: location,
    filename_disk: key,
    filename_download: filenameDownload,
    title: meta.title ?? titleFromFilename(filenameDownload),
    type: file.mimeType || 'application/octet-stream',
    uploaded_by: ctx.accountability.user,
  });
  // the caller's own write: refused here (403, failed validation, ...) before any byte is stored
  await writer.write(ctx.accountability, 'directus_files', 'create', { payload }, null, ctx.timing);
  const driver = storage.location(location);
  try {
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
    const size = await driver.write(key, tee());
    if (file.truncated()) throw uploadTooLarge();
    const headBuf = Buffer.concat(head);
    const type = typeOf(headBuf, file.mimeType);
    if (!mimeAllowed(config.files.mimeTypeAllowList, type)) throw unsupportedType();
    const dims = type.startsWith('image/') ? await imageSize(headBuf) : null;
    await completeUpload(db, id, { type, filesize: size, width: dims?.width ?? null, height: dims?.height ?? null, metadata: dims?.metadata ?? null });
    return id;
  } catch (err) {
    await Promise.allSettled([driver.delete(key), discardFile(db, id)]);
    throw err;
  }
}

/** Width and height (EXIF orientation applied, as Directus records them) from the file's head. */
async function imageSize(head: Buffer): Promise<{ width: number; height: number; metadata: Record<string, unknown> | null } | null> {
  try {
    const m = await sharp(head, { failOn: 'none' }).metadata();
    if (!m.width || !m.height) return null;
    const swap = (m.orientation ?? 1) >= 5;
    return { width: swap ? m.height : m.width, height: swap ? m.width : m.height, metadata: null };
  } catch {
    return null;
  }
}
