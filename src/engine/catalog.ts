// What the gateway knows about the database's schema and access rules, and the one place that
// says when that knowledge is stale. The Catalog holds the schema version and the facts the
// Writer needs before a write reaches PostgreSQL (hash fields, relations); caches elsewhere
// (the Reader's compiled SQL, the per-user access cache) subscribe to its change events
// instead of being cleared by hand. It is fed by one LISTEN connection (src/db/schema-listener.ts:
// changes made by anyone, with plain SQL too) and by this gateway's own routes, which call
// schemaChanged()/accessChanged() at once rather than wait for the notification.
import type { Db } from '../db/client.js';

export interface FieldRelation {
  /** related collection (m2o, o2m); null for many-to-any, whose item names it in `collectionField` */
  related: string | null;
  kind: 'm2o' | 'o2m' | 'm2a';
  collectionField?: string;
}

export interface SchemaFacts {
  /**
   * strata.schema_version when loaded. Writes send it along and the database refuses a write
   * made with an older one (strata.check_schema_version): hash fields may have changed since.
   */
  version: string;
  /** collection -> its `hash` fields */
  hash: Map<string, Set<string>>;
  /** collection -> relational field -> what it points to (only loaded when some field hashes) */
  relations: Map<string, Map<string, FieldRelation>>;
}

type Listener = () => void;

export class Catalog {
  private facts: Promise<SchemaFacts> | undefined;
  /** collection -> its primary key field (null: none), until the schema changes */
  private keys = new Map<string, Promise<string | null>>();
  private schemaListeners: Listener[] = [];
  private accessListeners: Listener[] = [];
  private eventListeners: Listener[] = [];
  private flowListeners: Listener[] = [];
  private deliveryListeners: Listener[] = [];
  private settingsListeners: Listener[] = [];

  constructor(private db: Db) {}

  /** Called (with no argument) after any change to collections, fields, relations or permissions. */
  onSchemaChange(fn: Listener): void {
    this.schemaListeners.push(fn);
  }

  /** Called after any change to users, roles, policies or access links. */
  onAccessChange(fn: Listener): void {
    this.accessListeners.push(fn);
  }

  /** Called when strata.events may have new rows (a NOTIFY strata_events, or a listener reconnect). */
  onEvents(fn: Listener): void {
    this.eventListeners.push(fn);
  }

  /** Called when deliveries of flows or webhooks were queued in strata.deliveries (NOTIFY strata_deliveries, or a listener reconnect). */
  onDeliveries(fn: Listener): void {
    this.deliveryListeners.push(fn);
  }

  deliveriesQueued(): void {
    for (const fn of this.deliveryListeners) fn();
  }

  /** Called after any change to flows, operations or webhooks. */
  onFlowsChange(fn: Listener): void {
    this.flowListeners.push(fn);
  }

  /** Flows, operations or webhooks changed: the flow registry loads them again. */
  flowsChanged(): void {
    for (const fn of this.flowListeners) fn();
  }

  /** New change events may be committed: the event stream reads from its last seen id. */
  eventsAppended(): void {
    for (const fn of this.eventListeners) fn();
  }

  /** The schema changed: facts are loaded again on next use and every subscriber drops its cache. */
  schemaChanged(): void {
    this.facts = undefined;
    this.keys.clear();
    for (const fn of this.schemaListeners) fn();
  }

  /** Called after any change to directus_settings (NOTIFY strata_settings, a listener reconnect, or this gateway's own write). */
  onSettingsChange(fn: Listener): void {
    this.settingsListeners.push(fn);
  }

  /** directus_settings changed: what was read of it is read again. */
  settingsChanged(): void {
    for (const fn of this.settingsListeners) fn();
  }

  /** Users, roles, policies or access links changed: every access subscriber drops its cache. */
  accessChanged(): void {
    for (const fn of this.accessListeners) fn();
  }

  /** A collection's primary key field (null: none, or no such collection), looked up once per schema version. */
  primaryKey(collection: string): Promise<string | null> {
    let key = this.keys.get(collection);
    if (!key) {
      key = this.db.queryAsOwner<{ pk: string | null }>('select strata.primary_key($1) as pk', [collection]).then((r) => r[0]?.pk ?? null);
      key.catch(() => this.keys.delete(collection));
      this.keys.set(collection, key);
    }
    return key;
  }

  /** The schema facts, loaded once per schema version (concurrent callers share one load). */
  load(): Promise<SchemaFacts> {
    return (this.facts ??= this.read().catch((err) => {
      this.facts = undefined;
      throw err;
    }));
  }

  private async read(): Promise<SchemaFacts> {
    // the version first: a change landing between these reads makes the write retry, never
    // leaves it with facts newer than its version
    const [{ version }] = await this.db.queryAsOwner<{ version: string }>('select version::text as version from strata.schema_version');
    const rows = await this.db.queryAsOwner<{ collection: string; field: string }>(
      `select collection, field from directus_fields where 'hash' = any(string_to_array(special, ','))
       union select collection, field from strata.system_fields where 'hash' = any(string_to_array(special, ','))`);
    const hash = new Map<string, Set<string>>();
    for (const r of rows) (hash.get(r.collection) ?? hash.set(r.collection, new Set()).get(r.collection)!).add(r.field);
    const relations = new Map<string, Map<string, FieldRelation>>();
    if (hash.size > 0) {
      const rels = await this.db.queryAsOwner<{ many_collection: string; many_field: string; one_collection: string | null; one_field: string | null; one_collection_field: string | null }>(
        'select many_collection, many_field, one_collection, one_field, one_collection_field from strata.relations');
      const add = (c: string, f: string, r: FieldRelation) => (relations.get(c) ?? relations.set(c, new Map()).get(c)!).set(f, r);
      for (const r of rels) {
        if (r.one_collection) add(r.many_collection, r.many_field, { kind: 'm2o', related: r.one_collection });
        else add(r.many_collection, r.many_field, { kind: 'm2a', related: null, collectionField: r.one_collection_field ?? undefined });
        if (r.one_collection && r.one_field) add(r.one_collection, r.one_field, { kind: 'o2m', related: r.many_collection });
      }
    }
    return { version, hash, relations };
  }
}
