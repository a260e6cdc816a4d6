// What a GraphQL schema is built from: the whole items catalog (collections, fields, relations),
// read as the owner once per schema version, and what one caller may read (strata.permissions_me,
// in their request context). The GraphQL front end intersects the two per policy set; nothing
// here depends on GraphQL.
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';

export interface CatalogText {
  /** strata.schema_version when read */
  version: string;
  /** strata.collections_info(), strata.fields_info(), strata.relations_info() as JSON text */
  collections: string;
  fields: string;
  relations: string;
}

/**
 * The full catalog as the owner sees it (no request context: strata.schema_access() is 'admin').
 * One statement, so the four answers describe the same schema.
 */
export const fullCatalog = async (db: Db): Promise<CatalogText> =>
  (await db.queryAsOwner<CatalogText & Record<string, unknown>>(
    `select (select version::text from strata.schema_version) as version,
       strata.collections_info()::text as collections, strata.fields_info()::text as fields,
       strata.relations_info()::text as relations`))[0];

/** The caller's permissions per collection and action (GET /permissions/me's data), as JSON text. */
export const readPermissions = (db: Db, acc: Accountability): Promise<string | null> =>
  db.request(acc, 'select strata.permissions_me()::text', []);
