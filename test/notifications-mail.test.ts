// Notification mails (as Directus sends them): creating a notification mails its recipient when
// they have an email address and email_notifications on — subject the notification's, the
// message rendered from markdown into the base template, a link to the item under PUBLIC_URL.
// Mail goes out after the write and never fails it. Received by the test SMTP server.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { startSmtp } from './helpers/smtp.js';
import { mailParts } from './helpers/mime.js';

const smtp = await startSmtp(t);
const app = await startApp(t, { ...smtp.env, PUBLIC_URL: 'https://cms.example.com/' });
// a second gateway on the same database whose SMTP server refuses every connection
const broken = await startApp(t, { ...smtp.env, EMAIL_SMTP_PORT: '1', PUBLIC_URL: 'https://cms.example.com' }, { database: app.dbName });

const user = async (email: string, wants: boolean | null) =>
  (await app.sql<{ id: string }>(`insert into directus_users (id, email, status, email_notifications) values (gen_random_uuid(), $1, 'active', $2) returning id::text`,
    [email, wants]))[0].id;
const wants = await user('wants@example.com', true);
const refuses = await user('refuses@example.com', false);
await app.sql(`update directus_settings set project_name = 'Mailtest', project_color = '#123456'`);
const settingsRows = await app.sql('select count(*)::int as n from directus_settings');
if (settingsRows[0].n === 0) await app.sql(`insert into directus_settings (project_name, project_color) values ('Mailtest', '#123456')`);

t.test('POST /notifications mails a recipient who wants it: subject, rendered markdown, link to the item', async (t) => {
  const res = await app.post('/notifications', { recipient: wants, subject: 'You were mentioned', message: 'Hello **there**\n\n- one\n- two\n\n<script>alert(1)</script>',
    collection: 'articles', item: '42' });
  t.equal(res.status, 200);
  const mail = await smtp.next();
  t.same(mail.to, ['wants@example.com']);
  t.equal(mail.subject, 'You were mentioned');
  const { html, text, contentType } = mailParts(mail.raw);
  t.match(contentType, /^multipart\/alternative/);
  t.match(html, /<strong>there<\/strong>/, 'markdown rendered');
  t.match(html, /<li>one<\/li>\s*<li>two<\/li>/);
  t.notMatch(html, /<script|alert\(1\)/, 'active content removed');
  t.match(html, /href="https:\/\/cms\.example\.com\/admin\/content\/articles\/42"/, 'a link to the item under PUBLIC_URL');
  t.match(html, /Mailtest/, 'the project name in the layout');
  t.match(html, /#123456/, 'the project color');
  t.match(text, /Hello \*\*there\*\*/, 'the text part is the message');
});

t.test('no mail when email_notifications is off; one per recipient who wants it in a batch', async (t) => {
  const before = smtp.received.length;
  const res = await app.post('/notifications', [
    { recipient: refuses, subject: 'not mailed', message: 'x' },
    { recipient: wants, subject: 'batch mailed', message: 'y' },
  ]);
  t.equal(res.status, 200);
  const mail = await smtp.next();
  t.equal(mail.subject, 'batch mailed');
  t.same(mail.to, ['wants@example.com']);
  // a later notification arrives next: nothing was mailed for the refusing user in between
  await app.post('/notifications', { recipient: wants, subject: 'marker', message: 'z' });
  t.equal((await smtp.next()).subject, 'marker');
  t.equal(smtp.received.length, before + 2, 'exactly the two mails to the user who wants them');
  t.notOk(smtp.received.some((m) => m.to.includes('refuses@example.com')));
});

t.test('a failing SMTP server does not fail the notification', async (t) => {
  const res = await broken.post('/notifications', { recipient: wants, subject: 'lost mail', message: 'still saved' });
  t.equal(res.status, 200);
  const rows = await app.sql(`select subject, message from directus_notifications where subject = 'lost mail'`);
  t.same(rows, [{ subject: 'lost mail', message: 'still saved' }]);
});

t.test('the flows notification operation goes through the same write and mails too', async (t) => {
  const flow = (await app.post('/flows', { name: 'notify', trigger: 'webhook', options: { method: 'POST', return: '$last' } })).body.data.id;
  const op = (await app.post('/operations', { flow, key: 'n', type: 'notification', position_x: 1, position_y: 1,
    options: { recipient: [wants], subject: 'From a flow', message: 'Flow says _hi_', permissions: '$full' } })).body.data.id;
  await app.patch(`/flows/${flow}`, { operation: op });
  const fired = await app.post(`/flows/trigger/${flow}`, {});
  t.equal(fired.status, 200);
  const mail = await smtp.next();
  t.equal(mail.subject, 'From a flow');
  t.match(mailParts(mail.raw).html, /<em>hi<\/em>/);
  t.notMatch(mailParts(mail.raw).html, /admin\/content/, 'no item: no link');
});
