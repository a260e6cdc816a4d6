// ZIP downloads (Directus 11+): POST /assets/files {ids} and POST /assets/folder/:id (the folder
// and its sub-folders, entries under `<folder>/<sub>/…`). Only what the caller can read goes in:
// the files and folders are read as the caller (row-level security), the bytes are then fetched
// from storage. Streamed with yazl, entries stored uncompressed so the archive's length is known
// before the first byte (Content-Length; media files don't deflate anyway) and the gateway holds
// one chunk at a time whatever the archive's size.
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { DirectusError, invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import type { ApiResponse, RouteContext } from '../types.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { normalizeQuery } from '../request/query.js';
import { fileLocations } from '../engine/files.js';
import type { FilesDeps } from './deps.js';
import { limitsOf } from './files.js';
import { noCollection, stamp } from './names.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const noFiles = () => invalidPayload('No files found in the selected folders tree');
const validation = (reason: string) => invalidPayload(`Validation error: ${reason}`);

interface Row { id: string; name?: string; parent?: string | null; folder?: string | null; filename_download?: string }

export function zipRoutes(router: Router, d: FilesDeps): Router {
  /** Rows of a system collection as the caller sees them; no read permission at all: Directus's 403. */
  const readAs = async (ctx: RouteContext, collection: string, input: Record<string, unknown>): Promise<Row[]> => {
    try {
      const out = await d.reader.readValue(ctx.accountability, collection, normalizeQuery({ ...input, limit: -1 }, limitsOf(d), { list: true }), 'list', ctx.timing);
      return JSON.parse(out?.toString() ?? '[]') as Row[];
    } catch (err) {
      if (!(err instanceof DirectusError) || err.code !== 'FORBIDDEN') throw err;
      // no read permission on the collection at all: Directus's message; otherwise (a field the
      // caller may not read or filter on) the reader's own refusal
      const any = await d.reader.readValue(ctx.accountability, collection, normalizeQuery({ fields: ['*'], limit: 1 }, limitsOf(d), { list: true }), 'list', ctx.timing)
        .then(() => true, () => false);
      throw any ? err : noCollection(collection);
    }
  };

  router.post('/assets/files', async (ctx) => {
    const body = jsonBody(ctx.req);
    const ids = isPlainObject(body) ? body.ids : undefined;
    if (!Array.isArray(ids)) throw validation(`Invalid input: expected array, received ${ids === null ? 'null' : typeof ids} at "ids"`);
    if (ids.length === 0) throw validation('Too small: expected array to have >=1 items at "ids"');
    const bad = ids.findIndex((id) => typeof id !== 'string' || !UUID.test(id));
    if (bad >= 0) throw validation(`"id" must be a uuid at "ids[${bad}]"`);
    const files = await readAs(ctx, 'directus_files', { fields: ['id', 'filename_download'], filter: { id: { _in: ids } } });
    if (files.length === 0) throw noFiles();
    return archive(d, `files-${stamp()}.zip`, [], files.map((f) => ({ id: f.id, dir: '' })));
  });

  router.post('/assets/folder/:id', async (ctx) => {
    const rootId = ctx.params.id;
    const folders = await readAs(ctx, 'directus_folders', { fields: ['id', 'name', 'parent'] });
    const root = UUID.test(rootId) ? folders.find((f) => f.id === rootId) : undefined;
    if (!root) throw noFiles();
    // the tree below the folder, as far as the caller can see it: folder id -> its path in the archive
    const paths = new Map<string, string>([[root.id, `${segment(root.name ?? 'folder')}/`]]);
    for (let added = true; added;) {
      added = false;
      for (const f of folders) {
        if (paths.has(f.id) || !f.parent || !paths.has(f.parent)) continue;
        paths.set(f.id, `${paths.get(f.parent)}${segment(f.name ?? 'folder')}/`);
        added = true;
      }
    }
    const files = await readAs(ctx, 'directus_files', { fields: ['id'], filter: { folder: { _in: [...paths.keys()] } } });
    if (files.length === 0) throw noFiles();
    // folder of each file as the owner reads it (the caller may not read the `folder` field itself)
    const located = await fileLocations(d.db, files.map((f) => f.id));
    const folderOf = new Map(located.map((f) => [f.id, f.folder]));
    return archive(d, `folder-${root.name ?? 'folder'}-${stamp()}.zip`, [...paths.values()],
      files.map((f) => ({ id: f.id, dir: paths.get(folderOf.get(f.id) ?? '') ?? paths.get(root.id)! })));
  });
  return router;
}

/** A path segment that can't leave its folder or hide in the archive ("..", separators, control characters). */
function segment(name: string): string {
  const s = name.replace(/[/\\\x00-\x1f]/g, '_').trim();
  return s === '' || s === '.' || s === '..' ? '_' : s;
}

/** The archive of these files (under their folders' paths) and directories, streamed from storage. */
async function archive(d: FilesDeps, name: string, dirs: string[], entries: { id: string; dir: string }[]): Promise<ApiResponse> {
  const located = await fileLocations(d.db, entries.map((e) => e.id));
  const byId = new Map(located.map((f) => [f.id, f]));
  const zip = new yazl.ZipFile();
  // a file that can't be read mid-archive ends the response (its length can't be kept)
  zip.on('error', (err: Error) => (zip.outputStream as unknown as Readable).destroy(err));
  const used = new Set<string>();
  let count = 0;
  for (const e of entries) {
    const f = byId.get(e.id);
    if (!f?.filename_disk || !d.storage.has(f.storage)) continue;
    const driver = d.storage.location(f.storage);
    const stat = await driver.stat(f.filename_disk);
    if (!stat) continue;
    // the same name twice in one folder: "name (1)", "name (2)", as Directus names them
    const base = `${e.dir}${segment(f.filename_download)}`;
    let path = base;
    for (let i = 1; used.has(path); i++) path = `${base} (${i})`;
    used.add(path);
    const key = f.filename_disk;
    zip.addReadStreamLazy(path, { size: stat.size, compress: false, mtime: stat.modified },
      (cb: (err: Error | null, stream: Readable) => void) => cb(null, driver.read(key)));
    count++;
  }
  if (count === 0) throw noFiles();
  for (const dir of dirs) zip.addEmptyDirectory(dir);
  // yazl hands the calculated total to this callback (its typings omit the argument)
  const size = await new Promise<number>((resolve) =>
    zip.end({ forceZip64Format: false, comment: '' }, ((total: number) => resolve(total)) as unknown as () => void));
  return {
    status: 200,
    headers: { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${name.replace(/[^\x20-\x7e]|["\\]/g, '_')}"` },
    stream: { body: zip.outputStream as unknown as AsyncIterable<Buffer>, size },
  };
}
