// The flows' mail operation (as Directus's): `type` markdown (the default) renders the body as
// markdown, wysiwyg sends its HTML as given, template renders a liquid template by name with
// `data` — from EMAIL_TEMPLATES_PATH first (a project template may extend the built-in `base`
// layout), then the built-in ones. Received by the test SMTP server; flows run by their webhook.
import t from 'tap';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from './helpers/app.js';
import { startSmtp } from './helpers/smtp.js';
import { mailParts } from './helpers/mime.js';

const templates = mkdtempSync(join(tmpdir(), 'strata-mail-templates-'));
writeFileSync(join(templates, 'welcome.liquid'), '{% layout "base" %}{% block content %}<h1>Welcome, {{ name }}!</h1><p>{{ projectName }} has {{ items | size }} items for you.</p>{% endblock %}');
writeFileSync(join(templates, 'plain.liquid'), 'Plain {{ name | upcase }}');

const smtp = await startSmtp(t);
const app = await startApp(t, { ...smtp.env, EMAIL_TEMPLATES_PATH: templates });

/** a webhook flow with one mail operation; fired, it answers its data chain ($last: the operation's outcome) */
async function mailFlow(options: Record<string, unknown>) {
  const flow = (await app.post('/flows', { name: `mail ${Math.random()}`, trigger: 'webhook', options: { method: 'POST', return: '$all' } })).body.data.id;
  const op = (await app.post('/operations', { flow, key: 'm', type: 'mail', position_x: 1, position_y: 1, options })).body.data.id;
  await app.patch(`/flows/${flow}`, { operation: op });
  return (body: unknown = {}) => app.post(`/flows/trigger/${flow}`, body);
}

t.test('markdown (the default type): rendered to HTML, the source as the text part', async (t) => {
  const fire = await mailFlow({ to: ['md@example.com'], subject: 'Markdown {{ $trigger.body.n }}', body: '# Title\n\nSome *emphasis* and [a link](https://example.com).\n\n<img src=x onerror=alert(1)>' });
  t.equal((await fire({ n: 7 })).body.$last, null, 'the operation succeeded');
  const mail = await smtp.next();
  t.same(mail.to, ['md@example.com']);
  t.equal(mail.subject, 'Markdown 7', 'options are templated from the data chain');
  const { html, text } = mailParts(mail.raw);
  t.match(html, /<h1>Title<\/h1>/);
  t.match(html, /<em>emphasis<\/em>/);
  t.match(html, /<a href="https:\/\/example\.com">a link<\/a>/);
  t.notMatch(html, /onerror/, 'no event handlers');
  t.match(text, /^# Title/);
});

t.test('wysiwyg: the HTML as given', async (t) => {
  const fire = await mailFlow({ to: 'w@example.com', subject: 'Wysiwyg', type: 'wysiwyg', body: '<p style="color:red">Red *not markdown*</p>' });
  t.equal((await fire()).body.$last, null, 'the operation succeeded');
  const { html, text } = mailParts((await smtp.next()).raw);
  t.equal(html, '<p style="color:red">Red *not markdown*</p>');
  t.equal(text, 'Red *not markdown*', 'a text part derived from the HTML');
});

t.test('template: a project template extending the built-in base layout, with data', async (t) => {
  const fire = await mailFlow({ to: 'tpl@example.com', subject: 'Template', type: 'template', template: 'welcome',
    data: { name: '{{ $trigger.body.name }}', items: [1, 2, 3] } });
  t.equal((await fire({ name: 'Ada <b>' })).body.$last, null, 'the operation succeeded');
  const { html } = mailParts((await smtp.next()).raw);
  t.match(html, /^<!doctype html>/, 'inside the base layout');
  t.match(html, /<h1>Welcome, Ada <b>!<\/h1>/);
  t.match(html, /Directus has 3 items for you\./, 'project defaults and data');

  const plain = await mailFlow({ to: 'tpl@example.com', subject: 'Plain', type: 'template', template: 'plain', data: { name: 'bob' } });
  await plain();
  t.equal(mailParts((await smtp.next()).raw).html, 'Plain BOB');

  const base = await mailFlow({ to: 'tpl@example.com', subject: 'Base', type: 'template', data: { html: '<p>inside base</p>', url: 'https://example.com/x' } });
  await base();
  const baseHtml = mailParts((await smtp.next()).raw).html;
  t.match(baseHtml, /<p>inside base<\/p>/, 'no template name: the built-in base');
  t.match(baseHtml, /href="https:\/\/example\.com\/x"/);
});

t.test('a missing or path-like template name rejects the operation; nothing is mailed', async (t) => {
  const before = smtp.received.length;
  for (const template of ['nope', '../../etc/passwd', '/etc/hostname']) {
    const fire = await mailFlow({ to: 'bad@example.com', subject: 'Bad', type: 'template', template });
    const res = await fire();
    // the operation rejected: $last is its error (a success leaves null)
    t.not(res.body.$last, null, `${template}: the operation fails`);
  }
  // a good mail afterwards is the next one received
  const good = await mailFlow({ to: 'good@example.com', subject: 'Good', body: 'ok' });
  await good();
  t.equal((await smtp.next()).subject, 'Good');
  t.equal(smtp.received.length, before + 1);
});
