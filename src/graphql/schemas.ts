// The caller's GraphQL schema, cached per (schema version, policy set): the full catalog is read
// once per schema version, each policy set's model and schema once per version too. Both are
// dropped when the Catalog hears of a schema change (collections, fields, relations, permissions)
// or an access change (users, roles, policies), like every other cache of the gateway.
import type { GraphQLSchema } from 'graphql';
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';
import type { Catalog } from '../engine/catalog.js';
import { Lru } from '../engine/cache.js';
import { detached } from '../auth/accountability.js';
import { fullCatalog, readPermissions } from '../engine/graphql-catalog.js';
import { callerModel, callerWrites, parseCatalog, type FullCatalog, type Model, type WriteModel } from './model.js';
import { buildSchema, type ExtraRoots } from './schema.js';

export interface CallerSchema {
  schema: GraphQLSchema;
  model: Model;
  writes: WriteModel;
  /** the collections whose `<c>_mutated` the schema has (items: the user collections and the system ones the caller reads) */
  subscribable: Model;
}

/** What a scope builds besides its collections' root fields (/graphql/system: src/graphql/system-schema.ts). */
export interface SchemaScope {
  scope: 'items' | 'system';
  /** the scope's own root fields for a caller with this model */
  extra(acc: Accountability, model: Model, writes: WriteModel): ExtraRoots;
  /** the collections the scope's mutations may write */
  writable(collection: string): boolean;
}

/** policy sets kept; a miss costs one permissions read and one schema build */
const MAX_POLICY_SETS = 256;

export class Schemas {
  private full: Promise<{ own: FullCatalog; system?: FullCatalog }> | undefined;
  private perCaller = new Lru<Promise<CallerSchema>>(MAX_POLICY_SETS);

  constructor(private db: Db, catalog: Catalog, private kind?: SchemaScope) {
    catalog.onSchemaChange(() => this.clear());
    catalog.onAccessChange(() => this.clear());
  }

  /** Drops everything: a build in flight completes for its own callers but is not kept. */
  clear(): void {
    this.full = undefined;
    this.perCaller = new Lru(MAX_POLICY_SETS);
  }

  forCaller(acc: Accountability): Promise<CallerSchema> {
    // permissions depend on the policy set alone (admins: all of them)
    // (a scope's own fields may differ for anonymous callers: /graphql/system's server_info)
    const key = (acc.admin ? '*' : [...acc.policies].sort().join(',')) + (this.kind && !acc.user ? '|public' : '');
    const cache = this.perCaller;
    let entry = cache.get(key);
    if (!entry) {
      entry = this.build(detached(acc)).catch((err) => {
        if (cache.get(key) === entry) cache.set(key, undefined as never);
        throw err;
      });
      cache.set(key, entry);
    }
    return entry;
  }

  private async build(acc: Accountability): Promise<CallerSchema> {
    // (the items scope parses the system catalog too: its Subscription type has the system collections')
    const fullPromise = (this.full ??= fullCatalog(this.db).then((text) => ({
      own: parseCatalog(text, this.kind?.scope), system: this.kind ? undefined : parseCatalog(text, 'system'),
    })));
    fullPromise.catch(() => {
      if (this.full === fullPromise) this.full = undefined;
    });
    const [full, permissions] = await Promise.all([fullPromise, acc.admin ? null : readPermissions(this.db, acc)]);
    const model = callerModel(full.own, acc.admin, permissions);
    const writes = callerWrites(full.own, acc.admin, permissions);
    const kind = this.kind;
    if (!kind) {
      const system = callerModel(full.system!, acc.admin, permissions);
      return { schema: buildSchema(model, writes, undefined, system), model, writes, subscribable: new Map([...model, ...system]) };
    }
    for (const name of writes.keys()) if (!kind.writable(name)) writes.delete(name);
    return { schema: buildSchema(model, writes, kind.extra(acc, model, writes)), model, writes, subscribable: model };
  }
}
