// Notification mails, as Directus sends them: a notification created by any path (POST
// /notifications, /graphql/system, the flows' notification operation — all through the
// Writer) is mailed to its recipient when they have an email address and `email_notifications`
// on. Subject: the notification's; body: its message rendered from markdown into the `base`
// template, with a link to the item (PUBLIC_URL/admin/content/<collection>/<item>) when it names
// one and PUBLIC_URL is absolute. Mail goes out after the write committed and never holds up or
// fails it: problems are logged.
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import type { AfterWrite } from '../engine/writer.js';
import { notificationRecipients } from '../engine/notifications.js';
import { isPlainObject } from '../request/body.js';
import type { Mailer } from './mailer.js';
import { markdownToHtml } from './render.js';

export interface NotificationMailDeps {
  db: Db;
  log: Logger;
  mailer: Mailer;
  publicUrl: string;
}

interface Created {
  recipient: string;
  subject: string;
  message: string | null;
  collection: string | null;
  item: string | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);

export function notificationMails(d: NotificationMailDeps): AfterWrite {
  const base = /^https?:\/\//i.test(d.publicUrl) ? d.publicUrl.replace(/\/+$/, '') : null;

  async function send(created: Created[]) {
    const users = new Map((await notificationRecipients(d.db, created.map((c) => c.recipient))).map((u) => [u.id.toLowerCase(), u]));
    for (const n of created) {
      const user = users.get(n.recipient.toLowerCase());
      if (!user?.email || user.email_notifications !== true) continue;
      const url = base && n.collection && n.item ? `${base}/admin/content/${encodeURIComponent(n.collection)}/${encodeURIComponent(n.item)}` : undefined;
      const html = await d.mailer.templates.render('base', { html: n.message ? await markdownToHtml(n.message) : '', ...(url ? { url } : {}) });
      await d.mailer.send({ to: user.email, subject: n.subject, html, ...(n.message ? { text: url ? `${n.message}\n\n${url}` : n.message } : {}) });
    }
  }

  return (_acc, collection, action, args) => {
    if (collection !== 'directus_notifications' || action !== 'create') return;
    const items = (Array.isArray(args.payload) ? args.payload : [args.payload]).filter(isPlainObject);
    const created = items.flatMap((i): Created[] => {
      const recipient = str(i.recipient);
      return recipient ? [{ recipient, subject: str(i.subject) ?? '', message: str(i.message), collection: str(i.collection), item: str(i.item) }] : [];
    });
    if (created.length === 0) return;
    void send(created).catch((err) => d.log.error('could not send notification mail', { error: (err as Error).message }));
  };
}
