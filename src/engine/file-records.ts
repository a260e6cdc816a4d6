// directus_files rows as every front end writes them (REST's /files, GraphQL's create_files_*,
// update_files_*): what a client may set (the server fills in the rest), and a new metadata-only
// record's defaults. The bytes (storage drivers, uploads, imports) stay with the files front end;
// other front ends reach them through the FileService the composition root hands them.
import { randomUUID } from 'node:crypto';
import { extname } from 'node:path';
import { isPlainObject } from '../request/body.js';
import type { Accountability, Timing } from '../types.js';

/** Fields only the server fills in: a client's values for them are dropped, as Directus does. */
export const SERVER_FIELDS = ['id', 'filename_disk', 'uploaded_by', 'uploaded_on', 'modified_by', 'modified_on', 'created_on',
  'filesize', 'width', 'height', 'duration', 'tus_id', 'tus_data', 'charset'];

/**
 * A client's payload without the fields only the server sets, nor `storage` (chosen once, when
 * the record is created: storageFor). Anything but an object is left for the writer to refuse.
 */
export function clientFields(item: unknown): unknown {
  if (!isPlainObject(item)) return item;
  const out: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(item)) if (!SERVER_FIELDS.includes(k) && k !== 'storage') out[k] = v;
  return out;
}

/** An item of a batch update: the client's fields and the id naming the file it changes. */
export function batchFields(item: unknown): unknown {
  const out = clientFields(item);
  if (isPlainObject(item) && isPlainObject(out) && item.id !== undefined) out.id = item.id;
  return out;
}

/**
 * Directus names an uploaded file after its file name: the extension dropped, separators
 * (- _ .) and camelCase turned into spaces, every word capitalized ("my-holiday_photo.jpg" ->
 * "My Holiday Photo").
 */
export function titleFromFilename(filename: string): string {
  const base = filename.slice(0, filename.length - extname(filename).length) || filename;
  return base
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s._-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase() + w.slice(1))
    .join(' ');
}

/**
 * A file record without bytes (REST's JSON POST /files, GraphQL's create_files_item): the
 * client's fields, a fresh id, the storage location given (already checked: storageFor), the
 * caller as uploader, and a title from filename_download when none is given.
 */
export function newFileRecord(body: Record<string, unknown>, acc: Accountability, storage: string): Record<string, unknown> & { id: string } {
  const payload = clientFields(body) as Record<string, unknown>;
  const id = randomUUID();
  payload.id = id;
  payload.storage = storage;
  payload.uploaded_by = acc.user;
  if (payload.title === undefined && typeof payload.filename_download === 'string') payload.title = titleFromFilename(payload.filename_download);
  return payload as Record<string, unknown> & { id: string };
}

/** What the files front end offers other front ends (given by src/app.ts): the byte side of files. */
export interface FileService {
  /** the storage location a new record goes to: the client's `storage` when configured, else the default (else INVALID_PAYLOAD) */
  storageFor(requested: unknown): string;
  /** POST /files/import: fetches `url` (IMPORT_IP_DENY_LIST applies) and stores it as the caller; the new file's id */
  importFile(acc: Accountability, url: string, data: Record<string, unknown>, timing: Timing): Promise<string>;
  /** DELETE /files: the rows deleted as the caller, then the bytes (and cached transforms) of those gone */
  remove(acc: Accountability, keys: unknown[], timing: Timing, context?: { path?: string }): Promise<void>;
}
