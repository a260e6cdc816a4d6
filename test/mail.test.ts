// Outgoing mail: the SMTP client against the in-test listener, and the log fallback.
import t from 'tap';
import { createMailer } from '../src/mail/mailer.js';
import { formatMessage } from '../src/mail/smtp.js';
import { createLogger } from '../src/log.js';
import { loadConfig } from '../src/config.js';
import { startSmtp } from './helpers/smtp.js';
import { mailParts } from './helpers/mime.js';
import { htmlToText, markdownToHtml } from '../src/mail/render.js';

t.test('without a transport the mail, link included, goes to the log', async (t) => {
  const lines: string[] = [];
  const mailer = createMailer(loadConfig({}).email, createLogger('info', (l) => lines.push(l)));
  await mailer.send({ to: 'a@example.com', subject: 'Hi', text: 'open https://x.example/?token=abc' });
  t.equal(lines.length, 1);
  t.match(JSON.parse(lines[0]), { level: 'info', to: 'a@example.com', subject: 'Hi', text: 'open https://x.example/?token=abc' });
});

t.test('a transport Strata lacks is reported at start and mail is logged', async (t) => {
  const lines: string[] = [];
  const config = loadConfig({ EMAIL_TRANSPORT: 'sendmail' }).email;
  t.same([config.transport, config.unsupportedTransport], ['log', 'sendmail']);
  createMailer(config, createLogger('info', (l) => lines.push(l)));
  t.match(JSON.parse(lines[0]), { level: 'warn', msg: /EMAIL_TRANSPORT=sendmail is not supported/ });
});

t.test('SMTP: envelope, auth, headers, dot-stuffing', async (t) => {
  const smtp = await startSmtp(t);
  const config = loadConfig(smtp.env).email;
  const mailer = createMailer(config, createLogger('silent'));
  await mailer.send({ to: 'b@example.com', subject: 'Grüße', text: 'line one\n.starts with a dot\nhttp://x.example/?token=t1' });
  const m = await smtp.next();
  t.equal(m.from, 'no-reply@example.com');
  t.same(m.to, ['b@example.com']);
  t.equal(m.auth, 'mailer:mail-pass');
  t.equal(m.subject, `=?UTF-8?B?${Buffer.from('Grüße').toString('base64')}?=`);
  t.match(m.raw, /^From: Strata <no-reply@example\.com>\r\nTo: b@example\.com\r\n/);
  t.equal(m.body, 'line one\r\n.starts with a dot\r\nhttp://x.example/?token=t1', 'the leading dot survives');
  t.equal(m.token, 't1');
});

t.test('SMTP failures are logged, never thrown', async (t) => {
  const lines: string[] = [];
  const config = loadConfig({ EMAIL_TRANSPORT: 'smtp', EMAIL_SMTP_HOST: '127.0.0.1', EMAIL_SMTP_PORT: '1' }).email;
  await createMailer(config, createLogger('info', (l) => lines.push(l))).send({ to: 'c@example.com', subject: 's', text: 't' });
  t.match(JSON.parse(lines[0]), { level: 'error', msg: 'could not send mail', to: 'c@example.com' });
});

t.test('message format', async (t) => {
  const msg = formatMessage({ from: 'x@example.com', to: ['y@example.com'], subject: 'S', text: 'a\n.b' }, new Date(0), 'id1');
  t.equal(msg, 'From: x@example.com\r\nTo: y@example.com\r\nSubject: S\r\nDate: Thu, 01 Jan 1970 00:00:00 GMT\r\nMessage-ID: <id1@example.com>\r\n'
    + 'MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\na\r\n..b\r\n');
});

t.test('HTML mail: multipart/alternative, the text part first, the HTML base64-encoded (long lines intact)', async (t) => {
  const html = `<p>${'x'.repeat(2000)}</p>\n<p>.dot</p>`;
  const msg = formatMessage({ from: 'x@example.com', to: ['y@example.com'], subject: 'S', html }, new Date(0), 'id2');
  t.match(msg, /Content-Type: multipart\/alternative; boundary="strata-id2"\r\n\r\n--strata-id2\r\nContent-Type: text\/plain; charset=utf-8/);
  t.ok(msg.split('\r\n').every((l) => l.length <= 998), 'no line longer than SMTP allows');
  const smtp = await startSmtp(t);
  await createMailer(loadConfig(smtp.env).email, createLogger('silent')).send({ to: 'h@example.com', subject: 'H', html, text: 'plain version' });
  const parts = mailParts((await smtp.next()).raw);
  t.equal(parts.html, html);
  t.equal(parts.text, 'plain version');
});

t.test('markdown is rendered and sanitized; HTML reduces to text', async (t) => {
  t.equal((await markdownToHtml('**b** [l](javascript:alert(1)) <a href="https://x.example" onclick="y()">x</a>')).trim(),
    '<p><strong>b</strong> <a>l</a> <a href="https://x.example">x</a></p>');
  t.equal(htmlToText('<h1>T</h1><p>a &amp; b<br>c</p><script>bad()</script>'), 'T\na & b\nc');
});

t.test('cc, bcc, replyTo, a sender\'s name; addresses carrying line breaks or brackets are dropped (no header or SMTP command injection)', async (t) => {
  const smtp = await startSmtp(t);
  await createMailer(loadConfig(smtp.env).email, createLogger('silent')).send({
    to: ['a@example.com', 'x@example.com>\r\nRCPT TO:<evil@example.com'], subject: 'S', text: 'body',
    cc: ['c@example.com', 'y@example.com\r\nBcc: evil2@example.com'], bcc: 'b@example.com', replyTo: ['r@example.com'],
    from: { name: 'Ops\r\nX-Injected: 1 "quoted"' },
  });
  const mail = await smtp.next();
  t.same(mail.to, ['a@example.com', 'c@example.com', 'b@example.com'], 'envelope: to, cc, bcc; the bad addresses dropped');
  t.match(mail.raw, /^From: "OpsX-Injected: 1 quoted" <no-reply@example.com>$/m, 'the name on one line, without quotes');
  t.match(mail.raw, /^Cc: c@example.com$/m);
  t.match(mail.raw, /^Reply-To: r@example.com$/m);
  t.notMatch(mail.raw, /evil|^X-Injected|^Bcc/m);
});
