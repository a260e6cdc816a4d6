// The caller's view of the items catalog, from which their GraphQL schema is generated: the user
// collections (not directus_*: those belong to /graphql/system) they may read, each with the
// fields they may read, and the relations whose other side they may read too. Directus leaves out
// of a caller's schema whatever they may not use, so asking for it fails validation.
import type { CatalogText } from '../engine/graphql-catalog.js';

export interface ModelField {
  field: string;
  /** Directus's field type (integer, string, json, alias, ...) */
  type: string;
  primaryKey: boolean;
  /** a create must give it: NOT NULL, no default, not generated (Directus's NonNull in create inputs) */
  required?: boolean;
  /** a hash field or one with the `conceal`/`hash` special: Directus's `Hash` type, presence filters only */
  secret?: boolean;
  /** m2o: the field holds the related item; o2m: a list of related items */
  relation?: { kind: 'm2o' | 'o2m'; related: string };
  /**
   * many-to-any: the junction's item field, whose row names its collection in `collectionField`.
   * Typed as a union of the allowed collections only when the caller may read all of them and
   * the collection field (Directus drops the relation otherwise: the field is its plain key).
   */
  m2a?: { allowed: string[]; collectionField: string };
}

export interface ModelCollection {
  collection: string;
  /** the name of its root fields when it is not the collection's: system collections drop `directus_` (`users`) */
  root?: string;
  singleton: boolean;
  primaryKey: string;
  fields: Map<string, ModelField>;
}

export type Model = Map<string, ModelCollection>;

/** Directus's answer per collection and action (strata.permissions_me). */
type Permissions = Record<string, Record<string, { access: 'full' | 'partial' | 'none'; fields?: string[] }>>;

/** GraphQL names: letters, digits and "_", not starting with a digit nor "__" (reserved). */
const NAME = /^[_A-Za-z][_0-9A-Za-z]*$/;
/** type names the generated schema uses itself; a collection with one of these names is left out */
const RESERVED = new Set(['Query', 'Mutation', 'Subscription', 'JSON', 'GraphQLBigInt', 'GraphQLStringOrFloat', 'String', 'Int', 'Float', 'Boolean', 'ID',
  'Date', 'Hash', 'GraphQLJsonFilter', 'id_filter_operators', 'hash_filter_operators', 'json_filter_operators',
  ...['date', 'datetime', 'time', 'count'].flatMap((kind) => [`${kind}_functions`, `${kind}_function_filter_operators`])]);
export const validName = (n: string) => NAME.test(n) && !n.startsWith('__');

interface FieldInfo {
  collection: string; field: string; type: string;
  meta: { special?: string[] | string | null } | null;
  schema: { is_primary_key?: boolean; is_nullable?: boolean; default_value?: unknown; has_auto_increment?: boolean; is_generated?: boolean } | null;
}
interface CollectionInfo { collection: string; meta: { singleton?: boolean } | null; schema: unknown }
interface RelationInfo {
  collection: string; field: string; related_collection: string | null;
  meta: { one_field?: string | null; one_allowed_collections?: string[] | null; one_collection_field?: string | null } | null;
}

/** The full catalog, parsed once per schema version (shared by every policy set). */
export interface FullCatalog {
  version: string;
  collections: Model;
}

/**
 * The system collections /graphql/system serves as items (root field -> collection), as Directus
 * 12 does; collections, fields, relations and the rest have root fields of their own (system-schema.ts).
 */
export const SYSTEM_ROOTS: Record<string, string> = Object.fromEntries(
  ['activity', 'permissions', 'files', 'users', 'roles', 'presets', 'folders', 'revisions', 'flows', 'panels', 'shares',
    'notifications', 'dashboards', 'operations', 'translations', 'settings', 'policies', 'access', 'comments', 'versions']
    .map((root) => [root, `directus_${root}`]));
const SYSTEM_COLLECTIONS = new Map(Object.entries(SYSTEM_ROOTS).map(([root, collection]) => [collection, root]));

/** The collection a root field name is about: the name itself, or the scope's (system: `users` -> directus_users). */
export const collectionName = (scope: { roots?: Record<string, string> }, root: string): string =>
  scope.roots ? (Object.hasOwn(scope.roots, root) ? scope.roots[root] : '') : root;

/** items: the user collections (/graphql); system: the system collections (/graphql/system). */
export function parseCatalog(text: CatalogText, scope: 'items' | 'system' = 'items'): FullCatalog {
  const collections: Model = new Map();
  for (const c of JSON.parse(text.collections) as CollectionInfo[]) {
    // folders (no schema) are not items; system collections are the system scope's alone
    const root = SYSTEM_COLLECTIONS.get(c.collection);
    if (scope === 'system' ? root === undefined : c.collection.startsWith('directus_')) continue;
    if (c.schema === null || !validName(c.collection) || RESERVED.has(c.collection)) continue;
    collections.set(c.collection, { collection: c.collection, root, singleton: c.meta?.singleton === true, primaryKey: '', fields: new Map() });
  }
  for (const f of JSON.parse(text.fields) as FieldInfo[]) {
    const c = collections.get(f.collection);
    if (!c || !validName(f.field)) continue;
    const primaryKey = f.schema?.is_primary_key === true;
    if (primaryKey) c.primaryKey = f.field;
    const s = f.schema;
    const required = s !== null && s.is_nullable === false && (s.default_value ?? null) === null && !s.has_auto_increment && !s.is_generated;
    const special = f.meta?.special;
    const specials = Array.isArray(special) ? special : typeof special === 'string' ? special.split(',') : [];
    const secret = f.type === 'hash' || specials.includes('conceal') || specials.includes('hash');
    c.fields.set(f.field, { field: f.field, type: f.type, primaryKey, required, ...(secret ? { secret } : {}) });
  }
  for (const r of JSON.parse(text.relations) as RelationInfo[]) {
    if (!r.related_collection) {
      const item = collections.get(r.collection)?.fields.get(r.field);
      const allowed = r.meta?.one_allowed_collections;
      const collectionField = r.meta?.one_collection_field;
      if (item && allowed && allowed.length > 0 && collectionField) item.m2a = { allowed: [...allowed], collectionField };
      continue;
    }
    const many = collections.get(r.collection)?.fields.get(r.field);
    // (system scope: a relation to a collection outside it, e.g. `collection` -> directus_collections,
    // is a plain field holding the key, as Directus types it: `collection: String!`)
    if (many && (scope === 'items' || collections.has(r.related_collection))) many.relation = { kind: 'm2o', related: r.related_collection };
    const oneField = r.meta?.one_field;
    const target = collections.get(r.related_collection);
    if (!oneField || !target || !collections.has(r.collection) || !validName(oneField)) continue;
    // the o2m field is the relation's one_field, whether or not a directus_fields row describes it
    const one = target.fields.get(oneField) ?? target.fields.set(oneField, { field: oneField, type: 'alias', primaryKey: false }).get(oneField)!;
    one.relation = { kind: 'o2m', related: r.collection };
  }
  for (const [name, c] of collections) if (!c.primaryKey) collections.delete(name);
  return { version: text.version, collections };
}

/**
 * What one caller may read: admins everything; others the collections with a read permission,
 * with the fields it lists ("*": all), minus alias fields that are not relations and relations
 * to collections they may not read.
 */
export function callerModel(full: FullCatalog, admin: boolean, permissionsJson: string | null): Model {
  const perms: Permissions = admin ? {} : JSON.parse(permissionsJson ?? '{}');
  const out: Model = new Map();
  for (const [name, c] of full.collections) {
    if (admin) {
      out.set(name, { ...c, fields: new Map(c.fields) });
      continue;
    }
    const read = perms[name]?.read;
    if (!read || read.access === 'none') continue;
    const all = !read.fields || read.fields.includes('*');
    const allowed = new Set(read.fields ?? []);
    const fields = new Map([...c.fields].filter(([f]) => all || allowed.has(f)));
    out.set(name, { ...c, fields });
  }
  for (const c of out.values()) {
    for (const [name, f] of c.fields) {
      if (f.relation ? !out.has(f.relation.related) : f.type === 'alias') c.fields.delete(name);
      else if (f.m2a && !(c.fields.has(f.m2a.collectionField) && f.m2a.allowed.every((a) => out.has(a)))) {
        // (the catalog's field objects are shared by every caller: replaced, not changed)
        c.fields.set(name, { ...f, m2a: undefined });
      }
    }
  }
  return out;
}

/** What one caller may write in a collection: the fields per action (absent: the action is not allowed). */
export interface WritableCollection {
  /** the collection as the catalog has it: every field (a field may be writable and not readable) */
  collection: ModelCollection;
  create?: Set<string>;
  update?: Set<string>;
  delete: boolean;
}

export type WriteModel = Map<string, WritableCollection>;

/**
 * What one caller may write: per collection, the fields of its create and update permissions
 * ("*": all) and whether it may delete. Alias fields that are not relations carry no value and
 * are left out; relations stay, the schema decides how they are typed (src/graphql/mutations.ts).
 */
export function callerWrites(full: FullCatalog, admin: boolean, permissionsJson: string | null): WriteModel {
  const perms: Permissions = admin ? {} : JSON.parse(permissionsJson ?? '{}');
  const out: WriteModel = new Map();
  const fieldsFor = (c: ModelCollection, action: 'create' | 'update'): Set<string> | undefined => {
    const p = admin ? { access: 'full', fields: ['*'] } : perms[c.collection]?.[action];
    if (!p || p.access === 'none') return undefined;
    const all = !p.fields || p.fields.includes('*');
    const allowed = new Set(p.fields ?? []);
    return new Set([...c.fields.values()].filter((f) => (all || allowed.has(f.field)) && (f.relation || f.type !== 'alias')).map((f) => f.field));
  };
  for (const [name, c] of full.collections) {
    const create = fieldsFor(c, 'create');
    const update = fieldsFor(c, 'update');
    const del = admin || (perms[name]?.delete !== undefined && perms[name].delete.access !== 'none');
    if (create || update || del) out.set(name, { collection: c, create, update, delete: del });
  }
  return out;
}
