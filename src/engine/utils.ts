// The core's part of Directus's /utils endpoints: manual sorting (strata.sort_items, in the
// caller's request context, then the items.sort event) and telling every gateway to drop what it
// cached.
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';
import { emitAction } from './emitter.js';

/** The collection's manual sort field (directus_collections.sort_field); undefined when it has none. */
export const sortField = async (db: Db, collection: string): Promise<string | undefined> =>
  (await db.queryAsOwner<{ sort_field: string | null }>(
    'select sort_field from directus_collections where collection = $1', [collection]))[0]?.sort_field ?? undefined;

/** Moves `item` to the place of `to` (keys as JSON values), with the caller's rights; then Directus's items.sort action. */
export const sortItems = async (db: Db, acc: Accountability, collection: string, field: string, item: unknown, to: unknown): Promise<void> => {
  await db.request(acc, 'select strata.sort_items($1, $2, $3::jsonb, $4::jsonb)', [collection, field, JSON.stringify(item), JSON.stringify(to)]);
  await emitAction(db, 'items.sort', { collection, item, to }, acc);
};

/**
 * Every gateway listening drops its caches (compiled SQL, schema facts, access, GraphQL
 * schemas): the notifications any schema or access change sends, sent on demand.
 */
export const announceCacheClear = async (db: Db): Promise<void> => {
  await db.queryAsOwner("select pg_notify('strata_schema', 'cache_clear'), pg_notify('strata_access', 'cache_clear')");
};

/**
 * POST /users/me/track/page: the user's last visited page of the app. Directus writes it
 * whatever the user's permissions on directus_users (the app tracks every user), as the owner.
 */
export const trackPage = async (db: Db, user: string, page: string): Promise<void> => {
  await db.queryAsOwner('update directus_users set last_page = $2 where id = $1', [user, page]);
};
