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
  folder: string | null;
}

/** FileLocation's columns, as both of its statements read them */
const LOCATION_COLUMNS = `id::text, storage, filename_disk, filename_download, type, filesize::text, width, height,
  focal_point_x, focal_point_y, modified_on, folder::text`;
const LOCATIONS_SQL = `select ${LOCATION_COLUMNS} from directus_files where id = any($1::uuid[])`;

/** The stored location (and what /assets needs) of these files; missing ids are left out. */
export const fileLocations = (db: Db, ids: string[]): Promise<FileLocation[]> =>
  db.queryAsOwner<FileLocation & Record<string, unknown>>(LOCATIONS_SQL, [ids]);

/**
 * GET /assets' one statement, run AS THE REQUEST: the file's location, or null when row-level
 * security hides the row from the caller (its read permission's filter, a share's item), the
 * same rule as the caller's own read of the file. (These columns are not secret: the request
 * roles may select them; what the caller gets is only the bytes and headers the route sends.)
 */
export async function assetSource(db: Db, accountability: Accountability, id: string): Promise<FileLocation | null> {
  const text = await db.request(accountability, ASSET_SOURCE_SQL, [id]);
  if (text === null) return null;
  const file = JSON.parse(text) as FileLocation;
  return { ...file, modified_on: new Date(file.modified_on) };
}

const ASSET_SOURCE_SQL = `select row_to_json(f)::text from (select ${LOCATION_COLUMNS} from directus_files where id = $1::uuid) f`;

/** What the server measured of an upload (never what the client said). */
export interface UploadFacts {
  type: string | null;
  filesize: number;
  width: number | null;
  height: number | null;
  metadata: Record<string, unknown> | null;
  /** from the embedded metadata (IPTC caption, keywords): kept only where the row has none */
  description?: string | null;
  tags?: string[] | null;
}

/**
 * Records an upload's measured facts (and, for a replaced file, its new key) on the row the
 * caller's own write just created or updated.
 */
export const completeUpload = (db: Db, id: string, f: UploadFacts, filenameDisk: string): Promise<unknown> =>
  db.transaction(async (q) => {
    await q("select set_config('strata.audit', 'off', true)");
    return q(`update directus_files set type = $2, filesize = $3, width = $4, height = $5, metadata = $6::text::json,
      filename_disk = $7, uploaded_on = now(), description = coalesce(description, $8), tags = coalesce(tags, $9::text) where id = $1::uuid`,
    [id, f.type, f.filesize, f.width, f.height, f.metadata === null ? null : JSON.stringify(f.metadata), filenameDisk,
      f.description ?? null, f.tags ? JSON.stringify(f.tags) : null]);
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

/**
 * What an import into `collection` needs to know before it parses a row: whether the collection
 * exists (Directus checks existence, not permissions, before the body: the write decides those),
 * and which fields take JSON values (json columns and relational fields), whose CSV cells are
 * parsed as JSON as Directus does (nested relational values).
 */
export async function importTarget(db: Db, collection: string): Promise<{ exists: boolean; jsonFields: Set<string> }> {
  const rows = await db.queryAsOwner<{ field: string | null }>(
    `select field from strata.columns where collection = $1 and (type in ('json', 'csv') or udt in ('json', 'jsonb'))
     union all select many_field from strata.relations where many_collection = $1
     union all select one_field from strata.relations where one_collection = $1 and one_field is not null
     union all select null where exists (select from strata.columns where collection = $1)`, [collection]);
  return { exists: rows.some((r) => r.field === null), jsonFields: new Set(rows.flatMap((r) => (r.field === null ? [] : [r.field]))) };
}

/**
 * Directus tells the user who asked for an export that it is ready: a notification (sent by
 * the system on their behalf, as Directus does) linking to the new file in the app.
 */
export const notifyExportReady = (db: Db, user: string, collection: string, fileId: string, publicUrl: string): Promise<unknown> =>
  db.queryAsOwner(`insert into directus_notifications (recipient, sender, subject, message, collection, item)
    select u.id, u.id, format('Your export of %s is ready', $2::text),
      format(E'\\nHello %s,\\n\\nYour export of %s is ready. <a href="%s">Click here to view.</a>\\n',
        coalesce(nullif(trim(concat_ws(' ', u.first_name, u.last_name)), ''), u.email), $2::text, $4::text || '/admin/files/' || $3::text),
      'directus_files', $3::text
    from directus_users u where u.id = $1::uuid`, [user, collection, fileId, publicUrl.replace(/\/+$/, '')]);
