// What a notification mail needs to know about its recipients (read as the owner: the mail is
// the system's, whoever created the notification may not read the recipient's user row).
import type { Db } from '../db/client.js';

export type NotificationRecipient = {
  id: string;
  email: string | null;
  email_notifications: boolean | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The users with these ids (ids that are no UUID match nobody). */
export async function notificationRecipients(db: Db, ids: string[]): Promise<NotificationRecipient[]> {
  const valid = [...new Set(ids.filter((id) => UUID.test(id)))];
  if (valid.length === 0) return [];
  return db.queryAsOwner<NotificationRecipient>(
    'select id::text as id, email, email_notifications from directus_users where id = any($1::uuid[])', [valid]);
}
