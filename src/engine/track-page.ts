// PATCH /users/me/track/page: the Data Studio records the last page a user opened (it reopens
// there after the next login). As in Directus, the write is the system's, not the user's: it
// needs no permission on directus_users, and it touches last_page only.
import type { Db } from '../db/client.js';

export async function trackPage(db: Db, user: string, lastPage: string | null): Promise<void> {
  await db.queryAsOwner('update public.directus_users set last_page = $1 where id = $2', [lastPage, user]);
}
