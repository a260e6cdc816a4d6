// POST /utils/export/:collection {query, format, file}: as Directus, answered 204 at once; the
// export is then read as the caller (their rows and fields only, every item unless the query
// limits them), converted by the REST front end's download formats (injected: deps.exportText)
// and stored as a new file owned by the caller (their directus_files permissions apply), named
// `export-<collection>-<yyyyMMdd>-<Hmmss>.<format>`, with a notification that it is ready.
import { invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import type { RouteContext } from '../types.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { normalizeQuery } from '../request/query.js';
import { importTarget, notifyExportReady } from '../engine/files.js';
import type { FilesDeps } from './deps.js';
import { limitsOf } from './files.js';
import { SERVER_FIELDS, storeUpload } from './upload.js';
import { noCollection, stamp } from './names.js';

/** The formats and the type Directus records for each file. */
const TYPES: Record<string, string> = {
  csv: 'text/csv', csv_utf8: 'text/csv; charset=utf-8', json: 'application/json', xml: 'text/xml', yaml: 'text/yaml',
};


export function itemsExportRoutes(router: Router, d: FilesDeps): Router {
  router.post('/utils/export/:collection', async (ctx) => {
    const collection = ctx.params.collection;
    const body = jsonBody(ctx.req);
    if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
    if (body.query === undefined) throw invalidPayload('"query" is required');
    if (body.format === undefined) throw invalidPayload('"format" is required');
    if (!isPlainObject(body.query)) throw invalidPayload('"query" must be of type object');
    // Directus answers 204 for an unknown format and writes nothing; Strata says so
    if (typeof body.format !== 'string' || !Object.hasOwn(TYPES, body.format)) throw invalidPayload(`"format" must be one of [${Object.keys(TYPES).join(', ')}]`);
    if (body.file !== undefined && body.file !== null && !isPlainObject(body.file)) throw invalidPayload('"file" must be of type object');
    if (!(await importTarget(d.db, collection)).exists) throw noCollection(collection);
    // every item unless the query says otherwise (an export is not a page)
    const query = normalizeQuery({ limit: -1, ...body.query }, limitsOf(d), { list: true });
    const format = body.format;
    const file = isPlainObject(body.file) ? body.file : {};
    // the work outlives the request: not cancelled when the client goes away after the 204
    const detached: RouteContext = { ...ctx, accountability: { ...ctx.accountability, signal: undefined }, timing: {} };
    void runExport(d, detached, collection, query, format, file).catch((err) =>
      d.log.warn('export failed', { collection, err: String((err as Error)?.message ?? err) }));
    return { status: 204 };
  });
  return router;
}

async function runExport(d: FilesDeps, ctx: RouteContext, collection: string, query: ReturnType<typeof normalizeQuery>, format: string,
  file: Record<string, unknown>): Promise<void> {
  const body = await d.reader.readBytes(ctx.accountability, collection, query, 'list', ctx.timing);
  if (body === null) return;
  const text = Buffer.from(await d.exportText(format, body.toString()));
  const base = `export-${collection}-${stamp()}`;
  const meta: Record<string, unknown> = Object.create(null);
  for (const [k, v] of Object.entries(file)) if (!SERVER_FIELDS.includes(k) && k !== 'storage') meta[k] = v;
  meta.title ??= base;
  const filename = `${base}.${format}`;
  meta.filename_download ??= filename;
  const id = await storeUpload(d, ctx, meta, {
    filename, mimeType: TYPES[format], serverType: TYPES[format], truncated: () => false,
    data: (async function* () { yield text; })(),
  });
  if (ctx.accountability.user) await notifyExportReady(d.db, ctx.accountability.user, collection, id, d.config.publicUrl);
}
