// GET /assets/:id and /assets/:id/:filename: a file's bytes, streamed from storage, to a caller
// who may read its directus_files row (read as the caller first: unknown or forbidden is 403, as
// in Directus). Conditional requests (ETag, Last-Modified → 304), one byte range (206, 416),
// `download` (attachment), image transformations (transform.ts) cached in storage as
// `<id>__<hash>.<ext>` and reused. SVG, HTML and XML are sandboxed so they can't run script
// in the API's origin.
import { pipeline } from 'node:stream';
import { DirectusError, forbidden } from '../errors.js';
import type { Router } from '../router.js';
import type { ApiResponse, RouteContext } from '../types.js';
import { parseQueryString } from '../request/qs.js';
import { assetSettings, assetSource, type AssetSettings, type FileLocation } from '../engine/files.js';
import type { ByteRange, StorageDriver } from '../storage/index.js';
import type { FilesDeps } from './deps.js';
import { noCollection } from './names.js';
import { outputFormat, pipelineFor, requestedTransformation, transformedKey, TRANSFORMABLE, wantsTransformation } from './transform.js';
import { AssetMemoryCache, type CachedCopy } from './memory-cache.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** types a browser would execute script in: served with a sandboxing CSP */
const ACTIVE = /^(image\/svg\+xml|text\/html|text\/xml|application\/([a-z0-9.-]+\+)?xml)(;|$)/i;

export function assetsRoutes(router: Router, d: FilesDeps): Router {
  let active = 0;
  const memory = new AssetMemoryCache(d.config.files.assetsMemoryCache, SMALL_FILE);
  // the transformation rules of directus_settings, read once until the settings change (a
  // query per transformed asset was a third of a cached transform's cost)
  let settings: Promise<AssetSettings> | undefined;
  d.catalog.onSettingsChange(() => (settings = undefined));
  const currentSettings = () => {
    const loading = (settings ??= assetSettings(d.db));
    loading.catch(() => settings === loading && (settings = undefined));
    return loading;
  };
  // STRATA_TEST_HOLD_TRANSFORMS (tests only): a cold transform waits until another asset request
  // has been answered, so a test can have two transforms overlap without timing
  const held: (() => void)[] = [];
  const handler = async (ctx: RouteContext): Promise<ApiResponse> => {
    if (!d.config.files.testHoldTransforms) return serveAsset(ctx);
    let waiting = false;
    try {
      return await serveAsset(ctx, () => new Promise<void>((r) => { waiting = true; held.push(r); }));
    } finally {
      if (!waiting) held.splice(0).forEach((release) => release());
    }
  };
  const serveAsset = async (ctx: RouteContext, hold?: () => Promise<void>): Promise<ApiResponse> => {
    const id = ctx.params.id;
    if (!UUID.test(id)) throw forbidden();
    // the caller's read permission on the row decides access (row-level security's rules, the
    // share, admin), checked with the location lookup in one statement
    const file = await assetSource(d.db, ctx.accountability, id);
    if (!file) throw await refusal(ctx);
    if (!file.filename_disk || !d.storage.has(file.storage)) throw forbidden();
    const driver = d.storage.location(file.storage);
    const query = parseQueryString(ctx.req.query);
    const download = query.download !== undefined;
    const f = d.config.files;
    const settings = wantsTransformation(query) ? await currentSettings() : { transform: 'all' as const, presets: null };
    const transformation = requestedTransformation(query, settings, {
      maxDimension: f.assetsTransformMaxDimension, maxOperations: f.assetsTransformMaxOperations,
    });
    let key = file.filename_disk;
    let type = file.type ?? 'application/octet-stream';
    /** the transformed copy's stat when it was already stored */
    let cached: Awaited<ReturnType<StorageDriver['stat']>> = null;
    /** where a small transformed copy is kept in memory once read */
    let remember: ((copy: CachedCopy) => void) | undefined;
    const headers: Record<string, string> = {};
    if (transformation && TRANSFORMABLE.has(type)) {
      const accept = ctx.req.headers.accept ?? '';
      const format = outputFormat(transformation, type, accept);
      if (transformation.format === 'auto') headers.vary = 'Accept';
      key = transformedKey(id, transformation, format, [file.focal_point_x, file.focal_point_y]);
      type = `image/${format}`;
      const name = AssetMemoryCache.keyOf(file, key);
      const inMemory = memory.get(name);
      if (inMemory) return serve(ctx, driver, key, inMemory, type, file, download, headers, f.assetsCacheTtlMs, f.assetsContentSecurityPolicy, inMemory.body);
      remember = (copy) => memory.set(name, copy);
      cached = await driver.stat(key);
      if (!cached) {
        if (active >= f.assetsTransformMaxConcurrent) {
          throw new DirectusError('SERVICE_UNAVAILABLE', 'Service "files" is unavailable. Server is too busy.', { service: 'files', reason: 'Server is too busy' });
        }
        active++;
        try {
          await hold?.();
          await transform(driver, file, key, transformation, format);
        } finally {
          active--;
        }
      }
    }
    const stat = cached ?? await driver.stat(key);
    if (!stat) throw forbidden();
    return serve(ctx, driver, key, stat, type, file, download, headers, f.assetsCacheTtlMs, f.assetsContentSecurityPolicy, undefined, remember);
  };
  /**
   * Directus's 403 for a file the caller can't read: an admin's unknown id is the plain
   * FORBIDDEN; a caller without any read permission on directus_files gets the collection's
   * message, one whose permission filters the row out Directus 11's 'perform "read"' message.
   */
  const refusal = async (ctx: RouteContext): Promise<DirectusError> => {
    if (ctx.accountability.admin) return forbidden();
    const any = await d.reader.readValue(ctx.accountability, 'directus_files', { fields: ['*'], limit: 1 }, 'list', ctx.timing)
      .then(() => true, () => false);
    if (!any) return noCollection('directus_files');
    const reason = 'You don\'t have permission to perform "read" for collection "directus_files" or it does not exist.';
    return new DirectusError('FORBIDDEN', reason, { reason });
  };
  router.get('/assets/:id', handler, { body: 'none' });
  router.get('/assets/:id/:filename', handler, { body: 'none' });
  return router;
}

/** Writes the transformed copy to storage (atomically: a failed transform leaves nothing). */
async function transform(driver: StorageDriver, file: FileLocation, key: string, t: Parameters<typeof pipelineFor>[0], format: string): Promise<void> {
  const img = await pipelineFor(t, format, { x: file.focal_point_x, y: file.focal_point_y, width: file.width, height: file.height });
  const out = pipeline(driver.read(file.filename_disk!), img, () => undefined);
  try {
    await driver.write(key, out);
  } catch (err) {
    if (err instanceof DirectusError) throw err;
    throw new DirectusError('INVALID_QUERY', `Invalid query. The image could not be transformed: ${String((err as Error).message ?? err).replace(/\.$/, '')}.`,
      { reason: 'The image could not be transformed' });
  }
}

/** files up to this size are read in one call (StorageDriver.readAll) and sent as one body: thumbnails, icons */
const SMALL_FILE = 256 * 1024;

/**
 * The response for stored bytes: headers, 304, one range, or the whole. `bytes`: the whole
 * content already in memory; `remember`: told the whole content of a small copy once read.
 */
function serve(ctx: RouteContext, driver: StorageDriver, key: string, stat: { size: number; modified: Date }, type: string,
  file: FileLocation, download: boolean, extra: Record<string, string>, ttlMs: number, csp: string,
  bytes?: Buffer, remember?: (copy: CachedCopy) => void): ApiResponse | Promise<ApiResponse> {
  const modified = new Date(Math.max(stat.modified.getTime(), new Date(file.modified_on).getTime()));
  const etag = `"${stat.size.toString(16)}-${modified.getTime().toString(16)}-${key.length > 40 ? key.slice(38, 46) : '0'}"`;
  const headers: Record<string, string> = {
    ...extra,
    'content-type': type,
    'content-disposition': `${download ? 'attachment' : 'inline'}; filename="${asciiName(file.filename_download)}"; filename*=UTF-8''${encodeURIComponent(file.filename_download)}`,
    'accept-ranges': 'bytes',
    // Directus: personal (a signed-in caller's) answers are private, public ones public
    'cache-control': ttlMs > 0 ? `${ctx.accountability.user ? 'private' : 'public'}, max-age=${Math.floor(ttlMs / 1000)}` : 'no-cache',
    'last-modified': modified.toUTCString(),
    etag,
    'x-content-type-options': 'nosniff',
  };
  if (ACTIVE.test(type)) headers['content-security-policy'] = csp;
  const h = ctx.req.headers;
  if (h['if-none-match'] !== undefined ? etagMatches(h['if-none-match'], etag) : notModifiedSince(h['if-modified-since'], modified)) {
    return { status: 304, headers };
  }
  let range: ByteRange | null | undefined;
  if (h.range !== undefined && (h['if-range'] === undefined || h['if-range'] === etag)) {
    range = parseRange(h.range, stat.size);
    if (range === null) {
      return {
        status: 416,
        headers: { ...headers, 'content-range': `bytes */${stat.size}`, 'content-type': 'application/json; charset=utf-8' },
        body: JSON.stringify({ errors: [{ message: `Range "${rangeText(h.range)}" is invalid or the file's size doesn't match the requested range.`,
          extensions: { range: rangeOf(h.range), code: 'RANGE_NOT_SATISFIABLE' } }] }),
      };
    }
  }
  if (range) {
    headers['content-range'] = `bytes ${range.start}-${range.end}/${stat.size}`;
    if (bytes) return { status: 206, headers, body: bytes.subarray(range.start, range.end + 1) };
    return { status: 206, headers, stream: { body: driver.read(key, range), size: range.end - range.start + 1 } };
  }
  if (bytes) return { status: 200, headers, body: bytes };
  if (stat.size === 0) return { status: 200, headers, body: Buffer.alloc(0) };
  if (driver.readAll && stat.size <= SMALL_FILE) {
    return driver.readAll(key).then((body) => {
      if (body.length === stat.size) remember?.({ size: stat.size, modified: stat.modified, body });
      return { status: 200, headers, body };
    });
  }
  return { status: 200, headers, stream: { body: driver.read(key), size: stat.size } };
}

/** The asked range as Directus reports it in a 416: "a-b" and {start, end}. */
const rangeText = (header: string) => header.trim().replace(/^bytes=/, '');
function rangeOf(header: string): { start?: number; end?: number } {
  const [a, b] = rangeText(header).split('-');
  return { ...(a ? { start: Number(a) } : {}), ...(b ? { end: Number(b) } : {}) };
}

const asciiName = (name: string) => name.replace(/[^\x20-\x7e]|["\\]/g, '_');

function etagMatches(header: string, etag: string): boolean {
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

function notModifiedSince(header: string | undefined, modified: Date): boolean {
  if (header === undefined) return false;
  const since = Date.parse(header);
  return Number.isFinite(since) && Math.floor(modified.getTime() / 1000) <= Math.floor(since / 1000);
}

/**
 * One range of `bytes=a-b`, `bytes=a-` or `bytes=-n`; undefined (serve everything) for forms
 * Strata doesn't serve (several ranges, other units); null when unsatisfiable (416).
 */
export function parseRange(header: string, size: number): ByteRange | null | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return undefined;
  const [, a, b] = m;
  if (a === '' && b === '') return null;
  if (a === '') {
    const n = Number(b);
    if (n === 0 || size === 0) return null;
    return { start: Math.max(size - n, 0), end: size - 1 };
  }
  const start = Number(a);
  const end = b === '' ? size - 1 : Math.min(Number(b), size - 1);
  if (start >= size || start > end) return null;
  return { start, end };
}
