// Content versions (directus_versions, Directus 10.7+): a named draft of one item whose changes
// (`delta`) are kept apart from the item until they are promoted. Everything runs with the
// caller's own permissions: the version through row-level security on directus_versions, the
// item ("main") through the same reads and writes as /items. What Directus checks in code is
// checked here: the collection must have `versioning` on, keys are unique per item and `main`/
// `published` are reserved, the item must be readable to create a version of it, and a promote
// names the main item's hash it was compared against (VERSION_HASH_MISMATCH otherwise).
//
// A version's delta, as a caller reads it, holds only the fields of the item they may read there,
// and who saved it last and when (strata.revision_ref, as for revisions; Directus answers the
// stored delta whole: README "Compatibility notes"); a promote writes the stored delta, as
// Directus does, through the caller's own update permissions.
//
// The hash is the SHA-1 of the main item as the caller reads it (`fields=*`), keys sorted: a
// fingerprint only compared with itself, so it need not equal Directus's own.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Accountability, Timing } from '../types.js';
import type { Reader, ReadMode } from './reader.js';
import type { Writer } from './writer.js';
import type { Catalog } from './catalog.js';
import { DirectusError, forbidden, invalidPayload } from '../errors.js';
import { isPlainObject } from '../request/body.js';
import { emitAction, emitFilter, listens } from './emitter.js';
import { normalizeQuery, type Query } from '../request/query.js';

export interface VersionDeps { db: Db; reader: Reader; writer: Writer; catalog?: Pick<Catalog, 'primaryKey'> }

/** The collection's primary key field (the catalog's cached answer when there is one). */
async function primaryKey(s: VersionDeps, collection: string): Promise<string | null> {
  if (s.catalog) return s.catalog.primaryKey(collection);
  return (await s.db.queryAsOwner<{ pk: string | null }>('select strata.primary_key($1) as pk', [collection]))[0]?.pk ?? null;
}

type Item = Record<string, unknown>;

export interface Version {
  id: string;
  key: string;
  collection: string;
  item: string | null;
  hash: string | null;
  delta: Item | null;
}

const VERSIONS = 'directus_versions';
const VERSION_FIELDS = 'id,key,collection,item,hash,delta';
/** keys that name the item itself, not a version (Directus 12: `published`, and `main` before it) */
export const MAIN_KEYS: ReadonlySet<string> = new Set(['main', 'published']);
/** what a save adds to the stored delta besides the saved fields: who saved last, and when */
const SAVE_META = new Set(['_user', '_date']);
const CREATE_FIELDS = new Set(['key', 'name', 'collection', 'item']);
const UPDATE_FIELDS = new Set(['key', 'name', 'item']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** the internal reads here name their own fields and filters: generous fixed bounds */
const LIMITS = { limitDefault: -1, limitMax: -1, maxFields: 1000, maxFilterNodes: 1000 };

const unprocessable = (reason: string) => new DirectusError('UNPROCESSABLE_CONTENT', `Can't process content. ${reason}.`, { reason });

/** The stored delta without the save bookkeeping: the item's changed fields. */
export function savedFields(delta: Item | null): Item {
  const out: Item = {};
  for (const [k, v] of Object.entries(delta ?? {})) if (!SAVE_META.has(k)) out[k] = v;
  return out;
}

/** SHA-1 of the item's JSON with keys sorted (at every level). */
export function itemHash(item: unknown): string {
  const stable = (v: unknown): unknown => Array.isArray(v) ? v.map(stable)
    : isPlainObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, stable(v[k])])) : v;
  return createHash('sha1').update(JSON.stringify(stable(item)) ?? 'null').digest('hex');
}

const parse = <T>(bytes: Buffer | null): T | null => (bytes === null ? null : JSON.parse(bytes.toString()) as T);

/** directus_collections' flags Directus reads from its schema (not the caller's permissions). */
async function collectionFlags(db: Db, collection: string): Promise<{ versioning: boolean; singleton: boolean } | null> {
  const rows = await db.queryAsOwner<{ versioning: boolean; singleton: boolean }>(
    'select coalesce(c.versioning, false) as versioning, coalesce(c.singleton, false) as singleton from pg_catalog.pg_class t ' +
    'left join public.directus_collections c on c.collection = $1 ' +
    "where t.relname = $1 and t.relnamespace = 'public'::regnamespace and t.relkind in ('r', 'p', 'v')", [collection]);
  return rows[0] ?? null;
}

/** One version as the caller may read it; Directus's 403 when it doesn't exist or can't be read. */
export async function readVersion(s: VersionDeps, acc: Accountability, id: string, timing: Timing): Promise<Version> {
  if (!UUID.test(id)) throw forbidden();
  const query = { ...normalizeQuery({ fields: VERSION_FIELDS }, LIMITS, { list: false }), key: id };
  const v = parse<Version>(await s.reader.readValue(acc, VERSIONS, query, 'one', timing));
  if (!v) throw forbidden();
  return v;
}

/**
 * The version's main item as the caller reads it with `query` (default every field): the item,
 * the singleton (a version without item of a singleton), or {} (a version of an item not created
 * yet). Directus's 403 when it can't be read.
 */
export async function readMain(s: VersionDeps, acc: Accountability, v: Pick<Version, 'collection' | 'item'>, timing: Timing,
  query: Query = { fields: ['*'] }, output: 'value' | 'graphql' = 'value'): Promise<Item> {
  let mode: ReadMode = 'one';
  if (v.item === null) {
    if (!(await collectionFlags(s.db, v.collection))?.singleton) return {};
    mode = 'singleton';
  }
  const main = parse<Item>(await s.reader.readValue(acc, v.collection, mode === 'one' ? { ...query, key: v.item } : query, mode, timing, output));
  if (!isPlainObject(main)) throw forbidden();
  return main;
}

/** Whether another version of that item already has that key. */
async function keyTaken(db: Db, collection: string, item: string | null, key: string, except: string | null): Promise<boolean> {
  const rows = await db.queryAsOwner<{ taken: boolean }>(
    'select exists (select from public.directus_versions where collection = $1 and item is not distinct from $2 and key = $3 ' +
    'and id is distinct from $4::uuid) as taken', [collection, item, key, except]);
  return rows[0].taken;
}

function checkKey(key: unknown): string {
  if (key === undefined) throw invalidPayload('"key" is required');
  if (typeof key !== 'string') throw invalidPayload('"key" must be a string');
  if (key === '') throw invalidPayload('"key" is not allowed to be empty');
  if (MAIN_KEYS.has(key)) throw invalidPayload(`"${key}" is a reserved version key`);
  return key;
}

function checkFields(payload: Item, allowed: ReadonlySet<string>): void {
  const extra = Object.keys(payload).find((k) => !allowed.has(k));
  if (extra !== undefined) throw invalidPayload(`"${extra}" is not allowed`);
  if (payload.item !== undefined && payload.item !== null && typeof payload.item !== 'string') throw invalidPayload('"item" must be a string');
  if (payload.name !== undefined && payload.name !== null && typeof payload.name !== 'string') throw invalidPayload('"name" must be a string');
}

/**
 * Directus's checks of new versions (POST /versions, one or many), in place: each gets the hash
 * of its main item, which must be readable to the caller.
 */
export async function prepareCreate(s: VersionDeps, acc: Accountability, payloads: unknown[], timing: Timing): Promise<void> {
  const seen = new Set<string>();
  for (const p of payloads) {
    if (!isPlainObject(p)) throw invalidPayload('"value" must be of type object');
    checkFields(p, CREATE_FIELDS);
    const key = checkKey(p.key);
    if (p.collection === undefined) throw invalidPayload('"collection" is required');
    if (typeof p.collection !== 'string') throw invalidPayload('"collection" must be a string');
    const item = (p.item ?? null) as string | null;
    if (item === null && key !== 'draft') throw invalidPayload('"key" must be "draft" for versions not linked to an item');
    const flags = await collectionFlags(s.db, p.collection);
    if (!flags) throw forbidden();
    if (!flags.versioning) throw unprocessable(`Content Versioning is not enabled for collection "${p.collection}"`);
    const id = JSON.stringify([p.collection, item, key]);
    if (seen.has(id)) throw unprocessable(`Cannot create multiple versions on "${item}" in collection "${p.collection}" with the same key "${key}"`);
    seen.add(id);
    if (await keyTaken(s.db, p.collection, item, key, null)) {
      throw unprocessable(`Version "${key}" already exists for item "${item}" in collection "${p.collection}"`);
    }
    let main: Item;
    try {
      main = await readMain(s, acc, { collection: p.collection, item }, timing);
    } catch (err) {
      if (err instanceof DirectusError && err.code === 'FORBIDDEN') throw forbidden(); // Directus names nothing here
      throw err;
    }
    // a version without item of a singleton drafts its first item: only while it has none
    if (item === null && flags.singleton) {
      const pk = await primaryKey(s, p.collection);
      if (pk && main[pk] !== null && main[pk] !== undefined) throw unprocessable(`Singleton collection "${p.collection}" already contains an item`);
    }
    p.hash = item === null ? null : itemHash(main);
  }
}

/**
 * Directus's checks of a version's update (PATCH /versions/:id): key, name and item only.
 * `assigned`: the keys earlier updates of the same batch gave (update_versions_batch: one after
 * the other, as Directus runs them), which count as taken; this one's is added.
 */
export async function prepareUpdate(s: VersionDeps, acc: Accountability, id: string, data: Item, timing: Timing,
  assigned?: Set<string>): Promise<void> {
  checkFields(data, UPDATE_FIELDS);
  if (data.key === undefined) return;
  const key = checkKey(data.key);
  const v = await readVersion(s, acc, id, timing);
  const item = data.item === undefined ? v.item : (data.item as string | null);
  const slot = JSON.stringify([v.collection, item, key]);
  if (assigned?.has(slot) || await keyTaken(s.db, v.collection, item, key, v.id)) {
    throw unprocessable(`Version "${key}" already exists for item "${item}" in collection "${v.collection}"`);
  }
  assigned?.add(slot);
}

/**
 * The same changes to several versions (GraphQL's update_versions_items, Directus's updateMany):
 * as one update each, and no two versions of one item may get the same key.
 */
export async function prepareUpdateMany(s: VersionDeps, acc: Accountability, ids: string[], data: Item, timing: Timing): Promise<void> {
  checkFields(data, UPDATE_FIELDS);
  if (data.key === undefined) return;
  const key = checkKey(data.key);
  const items = new Set<string>();
  for (const id of ids) {
    const v = await readVersion(s, acc, id, timing);
    const item = data.item === undefined ? v.item : (data.item as string | null);
    const slot = JSON.stringify([v.collection, item]);
    if (items.has(slot)) throw unprocessable(`Cannot update multiple versions on "${item}" in collection "${v.collection}" to the same key "${key}"`);
    items.add(slot);
  }
  for (const id of ids) await prepareUpdate(s, acc, id, data, timing);
}

/** The collection and item of a version the caller has already read (they may not have asked for them). */
export async function versionTarget(db: Db, id: string): Promise<Pick<Version, 'collection' | 'item'> | undefined> {
  if (!UUID.test(id)) return undefined;
  return (await db.queryAsOwner<{ collection: string; item: string | null }>(
    'select collection, item from public.directus_versions where id = $1::uuid', [id]))[0];
}

/** The delta as Directus answers it for one version: the saved fields, with the item's key. */
export async function deltaView(s: VersionDeps, v: Pick<Version, 'collection' | 'item'>, delta: Item | null): Promise<Item> {
  const pk = v.item === null ? null : await primaryKey(s, v.collection);
  return { ...(pk ? { [pk]: v.item } : {}), ...savedFields(delta) };
}

/**
 * POST /versions/:id/save: the body merged into the delta; answers the main item with the whole
 * delta over it, as the caller may read it.
 */
export async function saveVersion(s: VersionDeps, acc: Accountability, id: string, body: unknown, timing: Timing): Promise<Item> {
  if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
  const v = await readVersion(s, acc, id, timing);
  const main = await readMain(s, acc, v, timing);
  await s.db.request(acc, 'select strata.version_save($1::uuid, $2::jsonb)::text', [v.id, body]);
  return { ...main, ...(await readVersion(s, acc, id, timing)).delta };
}

/** The delta as stored, of a version the caller has read (what a promote writes). */
async function storedDelta(db: Db, id: string): Promise<Item | null> {
  return (await db.queryAsOwner<{ delta: Item | null }>('select delta from public.directus_versions where id = $1::uuid', [id]))[0]?.delta ?? null;
}

/** GET /versions/:id/compare */
export async function compareVersion(s: VersionDeps, acc: Accountability, id: string, timing: Timing): Promise<Item> {
  const v = await readVersion(s, acc, id, timing);
  const main = await readMain(s, acc, v, timing);
  const mainHash = itemHash(main);
  return { outdated: v.hash !== mainHash, mainHash, current: await deltaView(s, v, v.delta), main };
}

/**
 * POST /versions/:id/promote {mainHash, fields?}: writes the delta (or the named fields of it)
 * to the main item through the normal writer (permissions, revisions, activity, flows), when
 * the main item is still the one the client compared against. The version stays. Answers the
 * item's key.
 */
export async function promoteVersion(s: VersionDeps, acc: Accountability, id: string, body: unknown, timing: Timing,
  extra: Record<string, unknown>): Promise<string | number | null> {
  if (!isPlainObject(body) || typeof body.mainHash !== 'string') throw invalidPayload('"mainHash" field is required');
  if (body.fields !== undefined && !(Array.isArray(body.fields) && body.fields.every((f) => typeof f === 'string'))
      && typeof body.fields !== 'string') {
    throw invalidPayload('"fields" must be an array');
  }
  const v = await readVersion(s, acc, id, timing);
  const main = await readMain(s, acc, v, timing);
  const mainHash = itemHash(main);
  if (body.mainHash !== mainHash) {
    throw new DirectusError('VERSION_HASH_MISMATCH', 'Main item has changed since this version was last updated.', { mainHash });
  }
  const saved = savedFields(await storedDelta(s.db, v.id));
  const pk = await primaryKey(s, v.collection);
  if (pk) delete saved[pk];
  const picked = body.fields === undefined ? null : new Set(typeof body.fields === 'string' ? body.fields.split(',') : body.fields as string[]);
  let data: Item = {};
  for (const [k, val] of Object.entries(saved)) if (!picked || picked.has(k)) data[k] = val;
  // Directus's items.promote events: filter flows may change (or refuse) what is written, action flows hear of it
  const meta = { collection: v.collection, item: v.item, version: id };
  if (await listens(s.db, 'items.promote')) {
    const filtered = await emitFilter<unknown>(s.db, 'items.promote', data, { event: 'items.promote', ...meta }, acc);
    data = isPlainObject(filtered) ? filtered : {};
  }
  const key = await writePromoted(s, acc, v, pk, data, timing, extra);
  await emitAction(s.db, 'items.promote', { payload: data, ...meta, item: key }, acc);
  return key;
}

/** The promoted fields written to the main item (an update; a singleton's patch; a create for a version of an item not created yet): its key. */
async function writePromoted(s: VersionDeps, acc: Accountability, v: Version, pk: string | null, data: Item, timing: Timing,
  extra: Record<string, unknown>): Promise<string | number | null> {
  if (v.item !== null) {
    await s.writer.write(acc, v.collection, 'update', { key: v.item, data }, null, timing, extra);
    return v.item;
  }
  if ((await collectionFlags(s.db, v.collection))?.singleton) {
    await s.writer.write(acc, v.collection, 'patch_collection', { data }, null, timing, extra);
    return null;
  }
  const created = await s.writer.write(acc, v.collection, 'create', { payload: data },
    { query: { fields: pk ? [pk] : ['*'] }, mode: 'one', output: 'value' }, timing, extra);
  const item = created === null ? null : JSON.parse(created) as Item | null;
  return pk && item ? item[pk] as string | number : null;
}

/** The versions of `collection` with that key (of one item, or of every item when `item` is undefined). */
async function versionsByKey(s: VersionDeps, acc: Accountability, collection: string, key: string, item: string | null | undefined,
  timing: Timing): Promise<Version[]> {
  const filter: Item = { collection: { _eq: collection }, key: { _eq: key } };
  if (item !== undefined) filter.item = item === null ? { _null: true } : { _eq: item };
  const query = normalizeQuery({ fields: VERSION_FIELDS, filter, limit: '-1' }, LIMITS);
  return parse<Version[]>(await s.reader.readValue(acc, VERSIONS, query, 'list', timing)) ?? [];
}

/** One item as a version shows it: the saved fields over the main item's (the fields it has), and `$meta`. */
function overlay(main: Item, v: Version, pk: string | null): Item {
  const out: Item = { ...main };
  // (a saved primary key never renames the item: Directus shows and promotes the item's own)
  // (nor replaces a related item the query read: relations show the main item's)
  const nested = (x: unknown) => typeof x === 'object' && x !== null;
  for (const [k, val] of Object.entries(savedFields(v.delta))) {
    if (Object.hasOwn(out, k) && k !== pk && !(nested(out[k]) && !nested(val))) out[k] = val;
  }
  // (Directus shows the empty delta of an item's version, not of a version without item)
  out.$meta = v.delta === null && v.item !== null ? { version_id: v.id, delta: {} } : { version_id: v.id };
  return out;
}

/**
 * A read with `?version=<key>` (not main/published): the item (mode 'one', key), the singleton,
 * or the list of the items that have that version, each with the version's saved fields over the
 * main item's as the query reads it (`$meta.version_id`). `raw` (versionRaw): the stored delta
 * with the item's key instead. Filters and sorting see the main items' values. The value of the
 * `data` member. Without that version: 403, or the item itself (`orMain`). `output` 'graphql':
 * primary keys as strings (GraphQL's ID).
 */
export async function versionedRead(s: VersionDeps, acc: Accountability, collection: string, query: Query,
  mode: ReadMode, key: string | undefined, versionKey: string, raw: boolean, timing: Timing,
  opts: { orMain?: boolean; output?: 'value' | 'graphql' } = {}): Promise<unknown> {
  if (mode === 'list' && (await collectionFlags(s.db, collection))?.singleton) mode = 'singleton';
  if (mode === 'one' || mode === 'singleton') {
    const [v] = await versionsByKey(s, acc, collection, versionKey, mode === 'one' ? key! : undefined, timing);
    const main = await readMain(s, acc, { collection, item: mode === 'one' ? key! : null }, timing, query, opts.output);
    if (!v && opts.orMain) return main; // GraphQL's <c>_by_version answers the item itself then
    if (!v) throw forbidden();
    if (raw) return v.delta === null ? main : deltaView(s, v, v.delta);
    return overlay(main, v, await primaryKey(s, collection));
  }
  const versions = (await versionsByKey(s, acc, collection, versionKey, undefined, timing)).filter((v) => v.item !== null);
  if (versions.length === 0) return [];
  const pk = await primaryKey(s, collection);
  if (!pk) return [];
  // the key is needed to pair items with their versions: read it, and drop it again if not asked for
  const fields = query.fields ?? ['*'];
  const addKey = !fields.includes('*') && !fields.includes(pk);
  const listQuery = { ...query, fields: addKey ? [...fields, pk] : fields, keys: versions.map((v) => v.item!) };
  const items = parse<Item[]>(await s.reader.readValue(acc, collection, listQuery, 'list', timing, opts.output)) ?? [];
  const byItem = new Map(versions.map((v) => [v.item, v]));
  return Promise.all(items.map(async (main) => {
    const v = byItem.get(String(main[pk]));
    if (!v) return main; // (a key written differently than the item's own, e.g. a uuid's case: shown as it is)
    const shown = raw ? (v.delta === null ? main : await deltaView(s, v, v.delta)) : overlay(main, v, pk);
    if (addKey && !raw) delete shown[pk];
    return shown;
  }));
}
