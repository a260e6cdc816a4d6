// The schema API of the core (Directus's collections, fields and relations): one strata.* SQL
// function per operation (a DBA can call the same ones from psql). Every call runs in the
// caller's request context, so the functions check permissions themselves (reads raise
// FORBIDDEN, writes are admin-only); each answers the `data` value as JSON text, or null.
// Front ends pass plain values; a body is the decoded JSON value (undefined: none).
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';

/**
 * A body as the JSON text a `$n::text::json(b)` parameter takes (a text parameter: postgres.js
 * would encode a string bound to jsonb as a JSON string); null when there is none.
 */
const jsonParam = (body: unknown): string | null => (body === undefined ? null : JSON.stringify(body));

type Answer = Promise<string | null>;

// collections
export const collections = (db: Db, acc: Accountability): Answer =>
  db.request(acc, 'select strata.collections_info()::text', []);
export const collection = (db: Db, acc: Accountability, name: string): Answer =>
  db.request(acc, 'select strata.collection_info($1)::text', [name]);
export const createCollection = (db: Db, acc: Accountability, body: unknown): Answer =>
  db.request(acc, 'select strata.create_collection($1::text::json)::text', [jsonParam(body)]);
export const updateCollections = (db: Db, acc: Accountability, body: unknown): Answer =>
  db.request(acc, 'select strata.update_collections($1::text::json)::text', [jsonParam(body)]);
export const updateCollection = (db: Db, acc: Accountability, name: string, body: unknown): Answer =>
  db.request(acc, 'select strata.update_collection($1, $2::text::json)::text', [name, jsonParam(body)]);
export const deleteCollection = (db: Db, acc: Accountability, name: string): Answer =>
  db.request(acc, 'select strata.delete_collection($1)::text', [name]);

// fields
export const allFields = (db: Db, acc: Accountability): Answer =>
  db.request(acc, 'select strata.fields_info()::text', []);
export const fields = (db: Db, acc: Accountability, collection: string): Answer =>
  db.request(acc, 'select strata.fields_info($1)::text', [collection]);
export const field = (db: Db, acc: Accountability, collection: string, name: string): Answer =>
  db.request(acc, 'select strata.field_info($1, $2)::text', [collection, name]);
export const createField = (db: Db, acc: Accountability, collection: string, body: unknown): Answer =>
  db.request(acc, 'select strata.create_field($1, $2::text::json)::text', [collection, jsonParam(body)]);
export const updateFields = (db: Db, acc: Accountability, collection: string, body: unknown): Answer =>
  db.request(acc, 'select strata.update_fields($1, $2::text::json)::text', [collection, jsonParam(body)]);
export const updateField = (db: Db, acc: Accountability, collection: string, name: string, body: unknown): Answer =>
  db.request(acc, 'select strata.update_field($1, $2, $3::text::json)::text', [collection, name, jsonParam(body)]);
export const deleteField = (db: Db, acc: Accountability, collection: string, name: string): Answer =>
  db.request(acc, 'select strata.delete_field($1, $2)::text', [collection, name]);

// relations
export const allRelations = (db: Db, acc: Accountability): Answer =>
  db.request(acc, 'select strata.relations_info()::text', []);
export const relations = (db: Db, acc: Accountability, collection: string): Answer =>
  db.request(acc, 'select strata.relations_info($1)::text', [collection]);
export const relation = (db: Db, acc: Accountability, collection: string, field: string): Answer =>
  db.request(acc, 'select strata.relation_info($1, $2)::text', [collection, field]);
export const createRelation = (db: Db, acc: Accountability, body: unknown): Answer =>
  db.request(acc, 'select strata.create_relation($1::text::jsonb)::text', [jsonParam(body)]);
export const updateRelation = (db: Db, acc: Accountability, collection: string, field: string, body: unknown): Answer =>
  db.request(acc, 'select strata.update_relation($1, $2, $3::text::jsonb)::text', [collection, field, jsonParam(body)]);
export const deleteRelation = (db: Db, acc: Accountability, collection: string, field: string): Answer =>
  db.request(acc, 'select strata.delete_relation($1, $2)::text', [collection, field]);
