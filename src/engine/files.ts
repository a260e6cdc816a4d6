// The statements the files front end needs besides item reads and writes: where a file's bytes
// are (storage, filename_disk: read as the owner once the caller's own read or write decided
// access), what only the server may fill in after an upload (type, size, dimensions), and the
// asset settings. As in Directus, these run with full rights, on rows the request itself
// created or was allowed to reach; audit is off for them (the caller's write is the one audited).
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';

export interface FileLocation {
  id: string;
  storage: string;
  filename_disk: string | null;
  filename_download: string;
  type: string | null;
  filesize: string | null;
  width: number | null;
  height: number | null;
  focal_point_x: number | null;
  focal_point_y: number | null;
  modified_on: Date;
}

const LOCATIONS_SQL = `select id::text, storage, filename_disk, filename_download, type, filesize::text, width, height,
  focal_point_x, focal_point_y, modified_on from directus_files where id = any($1::uuid[])`;

/** The stored location (and what /assets needs) of these files; missing ids are left out. */
export const fileLocations = (db: Db, ids: string[]): Promise<FileLocation[]> =>
  db.queryAsOwner<FileLocation & Record<string, unknown>>(LOCATIONS_SQL, [ids]);

/** What the server measured of an upload (never what the client said). */
export interface UploadFacts {
  type: string | null;
  filesize: number;
  width: number | null;
  height: number | null;
  metadata: Record<string, unknown> | null;
}

/**
 * Records an upload's measured facts (and, for a replaced file, its new key) on the row the
 * caller's own write just created or updated.
 */
export const completeUpload = (db: Db, id: string, f: UploadFacts, filenameDisk: string): Promise<unknown> =>
  db.transaction(async (q) => {
    await q("select set_config('strata.audit', 'off', true)");
    return q(`update directus_files set type = $2, filesize = $3, width = $4, height = $5, metadata = $6::json,
      filename_disk = $7, uploaded_on = now() where id = $1::uuid`,
    [id, f.type, f.filesize, f.width, f.height, f.metadata === null ? null : JSON.stringify(f.metadata), filenameDisk]);
  });

/**
 * Whether the caller has any `action` permission on directus_files (admins: always): the cheap
 * check an upload makes before reading a byte, so a caller who may not create (or update) files
 * never gets bytes into storage. The caller's own write later decides the rest (row filters,
 * field permissions, validation).
 */
export async function mayWriteFiles(db: Db, accountability: Accountability, action: 'create' | 'update'): Promise<boolean> {
  return (await db.request(accountability, "select (cardinality(strata.permitted_fields('directus_files', $1)) > 0)::text", [action])) === 'true';
}

/**
 * Removes the row of an upload whose measured facts could not be recorded (a database failure
 * between two statements; the bytes are removed by the caller).
 */
export const discardFile = (db: Db, id: string): Promise<unknown> =>
  db.transaction(async (q) => {
    await q("select set_config('strata.audit', 'off', true)");
    return q('delete from directus_files where id = $1::uuid', [id]);
  });

/** Which of these ids still have a row (after a delete: the others' bytes can go). */
export const existingFiles = async (db: Db, ids: string[]): Promise<Set<string>> =>
  new Set((await db.queryAsOwner<{ id: string }>('select id::text from directus_files where id = any($1::uuid[])', [ids])).map((r) => r.id));

export interface AssetSettings {
  transform: 'all' | 'none' | 'presets';
  presets: unknown;
}

/** directus_settings.storage_asset_transform and storage_asset_presets. */
export async function assetSettings(db: Db): Promise<AssetSettings> {
  const row = (await db.queryAsOwner<{ t: string | null; p: unknown }>(
    'select storage_asset_transform as t, storage_asset_presets as p from directus_settings order by id limit 1'))[0];
  const t = row?.t;
  return { transform: t === 'none' || t === 'presets' ? t : 'all', presets: row?.p ?? null };
}

/** The default folder uploads go to (directus_settings.storage_default_folder). */
export const defaultFolder = async (db: Db): Promise<string | null> =>
  (await db.queryAsOwner<{ f: string | null }>('select storage_default_folder::text as f from directus_settings order by id limit 1'))[0]?.f ?? null;
