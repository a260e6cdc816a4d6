// Schema as code (Directus's /schema/snapshot, /schema/diff, /schema/apply). A snapshot is the
// collections, fields and relations that have Directus meta (system ones left out), in the
// shapes GET /collections, /fields and /relations answer, meta without ids and with sorted keys,
// plus the indexes of system fields. A diff is `deep-diff`'s format (what Directus clients
// store and send back), computed here against the current snapshot; applying one runs every
// change as strata.* schema statements in ONE flight, so a diff applies whole or not at all.
import { createHash } from 'node:crypto';
import deepDiff from 'deep-diff';
import type { Db } from '../db/client.js';
import type { Statement } from '../db/wire/connection.js';
import type { Accountability } from '../types.js';
import { DirectusError, forbidden, invalidPayload } from '../errors.js';

/** The Directus release whose API Strata serves: snapshots name it, and diffs check it (as Directus does). */
export const DIRECTUS_VERSION = '12.4.0';
export const VENDOR = 'postgres';

type Json = Record<string, unknown>;
export type Change = deepDiff.Diff<unknown, unknown>;

export interface Snapshot {
  version: number;
  directus: string;
  vendor: string;
  collections: Json[];
  fields: Json[];
  systemFields: Json[];
  relations: Json[];
}

export interface SnapshotDiff {
  collections: { collection: string; diff: Change[] }[];
  fields: { collection: string; field: string; diff: Change[] }[];
  systemFields: { collection: string; field: string; diff: Change[] }[];
  relations: { collection: string; field: string; related_collection: string | null; diff: Change[] }[];
}

const READ = [
  // the version first: a change landing during these reads makes the apply's lock refuse the
  // version (and the apply take a new snapshot), never leaves a snapshot newer than its version
  'select to_json(version::text)::text from strata.schema_version',
  'select strata.collections_info()::text',
  'select strata.fields_info()::text',
  'select strata.relations_info()::text',
  'select strata.system_field_indexes()::text',
].map((text) => ({ text, params: [] }));

const isSystem = (name: unknown) => typeof name === 'string' && name.startsWith('directus_');

/** Keys in alphabetical order, nested objects too (Directus's snapshots sort meta this way). */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v === null || typeof v !== 'object') return v;
  const out: Json = {};
  for (const k of Object.keys(v).sort()) out[k] = sortKeys((v as Json)[k]);
  return out;
}

/** meta without its id, keys sorted; null stays null */
function cleanMeta(meta: unknown): unknown {
  if (meta === null || typeof meta !== 'object') return meta ?? null;
  const { id: _id, ...rest } = meta as Json;
  return sortKeys(rest);
}

const byKeys = (...keys: string[]) => (a: Json, b: Json) => {
  for (const k of keys) {
    const x = String(a[k] ?? '');
    const y = String(b[k] ?? '');
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** The current schema (the caller must be an admin: the schema functions check). */
export async function takeSnapshot(db: Db, acc: Accountability): Promise<Snapshot> {
  return (await versionedSnapshot(db, acc)).snapshot;
}

/** The current schema and the strata.schema_version it is at (or newer than). */
export async function versionedSnapshot(db: Db, acc: Accountability): Promise<{ snapshot: Snapshot; version: string }> {
  const [version, ...rest] = (await db.requestMany(acc, READ)).map((b) => JSON.parse(b?.toString() ?? '[]') as unknown);
  return { snapshot: buildSnapshot(...(rest as [Json[], Json[], Json[], Json[]])), version: String(version) };
}

function buildSnapshot(collections: Json[], fields: Json[], relations: Json[], systemFields: Json[]): Snapshot {
  const tracked = (x: Json) => x.meta !== null && x.meta !== undefined && !isSystem(x.collection);
  return {
    version: 1,
    directus: DIRECTUS_VERSION,
    vendor: VENDOR,
    collections: collections.filter(tracked).map((c) => ({ collection: c.collection, meta: cleanMeta(c.meta), schema: c.schema ?? null })).sort(byKeys('collection')),
    fields: fields.filter(tracked).map((f) => ({ collection: f.collection, field: f.field, type: f.type, meta: cleanMeta(f.meta), ...(f.schema ? { schema: f.schema } : {}) }))
      .sort((a, b) => byKeys('collection')(a, b) || Number((a.meta as Json)?.sort ?? 1e9) - Number((b.meta as Json)?.sort ?? 1e9) || byKeys('field')(a, b)),
    systemFields: systemFields.sort(byKeys('collection', 'field')),
    relations: relations.filter(tracked).map((r) => ({ collection: r.collection, field: r.field, related_collection: r.related_collection ?? null, meta: cleanMeta(r.meta), schema: r.schema ?? null }))
      .sort(byKeys('collection', 'field')),
  };
}

/** Identifies a schema state: /schema/diff answers it, /schema/apply requires it unchanged. */
export const snapshotHash = (s: Snapshot): string => createHash('sha1').update(JSON.stringify(s)).digest('hex');

/** deep-diff's changes from `from` to `to` (absent: N or D of the whole entry). */
function changes(from: Json | undefined, to: Json | undefined): Change[] {
  if (from === undefined && to !== undefined) return [{ kind: 'N', rhs: to } as Change];
  if (to === undefined && from !== undefined) return [{ kind: 'D', lhs: from } as Change];
  return deepDiff.diff(from, to) ?? [];
}

function keyed(rows: Json[], key: (r: Json) => string): Map<string, Json> {
  return new Map(rows.map((r) => [key(r), r]));
}

/**
 * What changes `current` into `target`, as Directus computes it: per collection, field and
 * relation; a deleted collection's fields and relations go with it, so they are not listed.
 */
export function diffSnapshots(current: Snapshot, target: Snapshot): SnapshotDiff {
  const colKey = (r: Json) => String(r.collection);
  const fieldKey = (r: Json) => `${r.collection}\u0000${r.field}`;
  const pairs = (a: Map<string, Json>, b: Map<string, Json>) => [...new Set([...a.keys(), ...b.keys()])].map((k) => [a.get(k), b.get(k)] as const);
  const gone = new Set(current.collections.map(colKey).filter((c) => !target.collections.some((t) => t.collection === c)));

  const out: SnapshotDiff = { collections: [], fields: [], systemFields: [], relations: [] };
  for (const [a, b] of pairs(keyed(current.collections, colKey), keyed(target.collections, colKey))) {
    const diff = changes(a, b);
    if (diff.length) out.collections.push({ collection: String((a ?? b)!.collection), diff });
  }
  for (const [a, b] of pairs(keyed(current.fields, fieldKey), keyed(target.fields, fieldKey))) {
    const row = (a ?? b)!;
    if (!b && gone.has(String(row.collection))) continue;
    const diff = changes(a, b);
    if (diff.length) out.fields.push({ collection: String(row.collection), field: String(row.field), diff });
  }
  // a system field is indexed or not: one missing from the target is "not indexed"
  const indexed = (r: Json | undefined) => ({ schema: { is_indexed: (r?.schema as Json | undefined)?.is_indexed === true } });
  for (const [a, b] of pairs(keyed(current.systemFields, fieldKey), keyed(target.systemFields, fieldKey))) {
    const row = (a ?? b)!;
    const diff = changes(indexed(a), indexed(b));
    if (diff.length) out.systemFields.push({ collection: String(row.collection), field: String(row.field), diff });
  }
  for (const [a, b] of pairs(keyed(current.relations, fieldKey), keyed(target.relations, fieldKey))) {
    const row = (a ?? b)!;
    if (!b && gone.has(String(row.collection))) continue;
    const diff = changes(a, b);
    if (diff.length) out.relations.push({ collection: String(row.collection), field: String(row.field), related_collection: (row.related_collection as string) ?? null, diff });
  }
  return out;
}

export const isEmptyDiff = (d: SnapshotDiff): boolean =>
  !d.collections.length && !d.fields.length && !d.systemFields.length && !d.relations.length;

const kindOf = (diff: Change[]) => (diff.length === 1 && (diff[0].kind === 'N' || diff[0].kind === 'D') && !diff[0].path ? diff[0].kind : 'E');
const rhs = (diff: Change[]) => structuredClone((diff[0] as { rhs: Json }).rhs);

/** `base` with the changes applied (deep-diff's applyChange on a copy). */
function patched(base: Json | undefined, diff: Change[]): Json {
  const target = structuredClone(base ?? {});
  for (const change of diff) deepDiff.applyChange(target, true, change);
  return target;
}

/** A field as the create/update functions take it; an auto-increment key's nextval() default is the column's own. */
function fieldPayload(f: Json): Json {
  const schema = f.schema && typeof f.schema === 'object' ? { ...(f.schema as Json) } : f.schema;
  if (schema && (schema as Json).has_auto_increment === true) delete (schema as Json).default_value;
  return { field: f.field, type: f.type, meta: f.meta ?? null, schema: schema ?? null };
}

const call = (text: string, ...params: unknown[]): Statement => ({ text, params: params.map((p) => (typeof p === 'object' && p !== null ? JSON.stringify(p) : p)) });

const HASH_MISMATCH = 'Provided hash does not match the current instance\'s schema hash, indicating the schema has changed after this diff was generated. Please generate a new diff and try again or use the "force" query parameter to bypass this check';

/** strata.lock_schema_version's refusal: the schema changed since the snapshot was taken */
const isSchemaChanged = (err: unknown) => err instanceof DirectusError && err.code === 'SERVICE_UNAVAILABLE' && err.extensions.reason === 'SCHEMA_CHANGED';

/**
 * POST /schema/apply: checks the hash (unless forced) and applies the diff in one transaction
 * that first locks the schema version it checked against, so a schema change landing between
 * the check and the apply is caught (a new snapshot is taken and compared again) rather than
 * overwritten; no change can land during the apply itself.
 */
export async function applyWithHash(db: Db, acc: Accountability, hash: string, diff: SnapshotDiff, force: boolean): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const { snapshot, version } = await versionedSnapshot(db, acc);
    if (!force && snapshotHash(snapshot) !== hash) throw invalidPayload(HASH_MISMATCH);
    try {
      return await applyDiff(db, acc, snapshot, diff, version);
    } catch (err) {
      // changes that leave the snapshot as it was (permissions, say) just cost another look
      if (!isSchemaChanged(err) || attempt >= 5) throw err;
    }
  }
}

/**
 * What Directus does with diff entries that no longer match the schema (a forced apply, or a
 * hash that could not see it): creating what exists is refused (400); changing what is gone is
 * skipped, and so is deleting a field that is gone; deleting a collection that is gone is
 * refused as a forbidden one. Returns the entries still to apply.
 */
function stillApplicable(current: Snapshot, diff: SnapshotDiff): SnapshotDiff {
  const collections = new Set(current.collections.map((c) => String(c.collection)));
  const fieldKey = (r: { collection?: unknown; field?: unknown }) => `${r.collection}\u0000${r.field}`;
  const fields = new Set(current.fields.map(fieldKey));
  const relations = new Set(current.relations.map(fieldKey));
  for (const c of diff.collections) {
    const kind = kindOf(c.diff);
    if (kind === 'N' && collections.has(c.collection)) throw invalidPayload(`Collection "${c.collection}" already exists`);
    if (kind === 'D' && !collections.has(c.collection)) throw forbidden();
  }
  for (const f of diff.fields) {
    if (kindOf(f.diff) === 'N' && fields.has(fieldKey(f))) throw invalidPayload(`Field "${f.field}" already exists in collection "${f.collection}"`);
  }
  return {
    collections: diff.collections.filter((c) => kindOf(c.diff) !== 'E' || collections.has(c.collection)),
    fields: diff.fields.filter((f) => kindOf(f.diff) === 'N' || fields.has(fieldKey(f))),
    systemFields: diff.systemFields,
    relations: diff.relations.filter((r) => kindOf(r.diff) === 'N' || relations.has(fieldKey(r))),
  };
}

/**
 * Applies a diff to the schema in one flight (one transaction: all or nothing), in the order
 * that keeps references valid: deletions (relations, fields, collections), then creations
 * (collections with their new fields, parent folders first), updates, relations, indexes.
 * `version`: the schema version `current` was taken at; the flight locks it first.
 */
export async function applyDiff(db: Db, acc: Accountability, current: Snapshot, entries: SnapshotDiff, version: string): Promise<void> {
  const diff = stillApplicable(current, entries);
  const currentCollection = keyed(current.collections, (r) => String(r.collection));
  const currentField = keyed(current.fields, (r) => `${r.collection}\u0000${r.field}`);
  const currentRelation = keyed(current.relations, (r) => `${r.collection}\u0000${r.field}`);
  const deleted = new Set(diff.collections.filter((c) => kindOf(c.diff) === 'D').map((c) => c.collection));
  const created = diff.collections.filter((c) => kindOf(c.diff) === 'N').map((c) => rhs(c.diff));
  const createdNames = new Set(created.map((c) => String(c.collection)));
  const newFields = diff.fields.filter((f) => kindOf(f.diff) === 'N');
  const out: Statement[] = [];

  for (const r of diff.relations) if (kindOf(r.diff) === 'D') out.push(call('select strata.delete_relation($1, $2)', r.collection, r.field));
  for (const f of diff.fields) {
    if (kindOf(f.diff) === 'D' && !deleted.has(f.collection)) out.push(call('select strata.delete_field($1, $2)', f.collection, f.field));
  }
  for (const c of diff.collections) if (kindOf(c.diff) === 'D') out.push(call('select strata.delete_collection($1)', c.collection));

  // folders (groups) before the collections inside them
  const depth = (c: Json, seen = 0): number => {
    const group = (c.meta as Json | null)?.group;
    const parent = created.find((p) => p.collection === group);
    return parent && seen < created.length ? 1 + depth(parent, seen + 1) : 0;
  };
  for (const c of [...created].sort((a, b) => depth(a) - depth(b))) {
    const fields = newFields.filter((f) => f.collection === c.collection).map((f) => fieldPayload(rhs(f.diff)));
    out.push(call('select strata.create_collection($1::text::json)', { collection: c.collection, meta: c.meta ?? null, schema: c.schema ?? null, ...(c.schema ? { fields } : {}) }));
  }
  for (const c of diff.collections) {
    if (kindOf(c.diff) !== 'E') continue;
    out.push(call('select strata.update_collection($1, $2::text::json)', c.collection, { meta: patched(currentCollection.get(c.collection), c.diff).meta ?? null }));
  }
  for (const f of newFields) {
    if (!createdNames.has(f.collection)) out.push(call('select strata.create_field($1, $2::text::json)', f.collection, fieldPayload(rhs(f.diff))));
  }
  for (const f of diff.fields) {
    if (kindOf(f.diff) !== 'E') continue;
    out.push(call('select strata.update_field($1, $2, $3::text::json)', f.collection, f.field, fieldPayload(patched(currentField.get(`${f.collection}\u0000${f.field}`), f.diff))));
  }
  for (const r of diff.relations) {
    const kind = kindOf(r.diff);
    if (kind === 'N') out.push(call('select strata.create_relation($1::text::jsonb)', rhs(r.diff)));
    if (kind === 'E') {
      const next = patched(currentRelation.get(`${r.collection}\u0000${r.field}`), r.diff);
      out.push(call('select strata.update_relation($1, $2, $3::text::jsonb)', r.collection, r.field, { meta: next.meta ?? null, schema: next.schema ?? null }));
    }
  }
  for (const f of diff.systemFields) {
    const next = patched({ schema: { is_indexed: current.systemFields.some((s) => s.collection === f.collection && s.field === f.field) } }, f.diff);
    out.push(call('select strata.set_system_field_index($1, $2, $3)', f.collection, f.field, (next.schema as Json | undefined)?.is_indexed === true));
  }
  if (out.length) await db.requestMany(acc, [call('select strata.lock_schema_version($1)', version), ...out]);
}
