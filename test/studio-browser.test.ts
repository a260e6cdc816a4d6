// The Data Studio end to end, in a real browser: Directus's admin app (`@directus/app`, served
// by Strata at /admin) logs in, lists a collection, opens an item, and visits the modules a
// user opens every day. Any API request that fails (status >= 400, beyond the expected ones)
// or any error notification on screen fails the test. Runs where Debian's `chromium` and the
// app package are installed (`apt-get install chromium`, `npm install @directus/app@18.0.0`);
// skipped otherwise (CI installs neither).
import t from 'tap';
import { existsSync } from 'node:fs';
import { findApp } from '../src/app-serve/index.js';
import { startApp } from './helpers/app.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
t.setTimeout(600_000);
const skip = !CHROMIUM ? 'no chromium installed' : !findApp() ? '@directus/app is not installed beside Strata' : false;

t.test('a session in the Data Studio', { skip, timeout: 540_000 }, async (t) => {
  const { default: puppeteer } = await import('puppeteer-core');
  const app = await startApp(t);
  // content to browse: a collection with an item
  const created = await app.post('/collections', {
    collection: 'articles', meta: { icon: 'article' },
    fields: [{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } },
      { field: 'title', type: 'string', meta: { interface: 'input' } }],
  });
  t.equal(created.status, 200, JSON.stringify(created.body));
  const item = await app.post('/items/articles', { title: 'Hello from Strata' });
  t.equal(item.status, 200);

  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  t.teardown(() => browser.close());
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const failed: string[] = [];
  const api = new URL(app.url);
  page.on('response', (res) => {
    const url = new URL(res.url());
    // the browser's own /favicon.ico guess is 404 on Directus too
    if (url.host !== api.host || url.pathname.startsWith('/admin/') || url.pathname === '/favicon.ico') return;
    const status = res.status();
    // before login the app tries to resume a session: no session cookie yet
    if (status >= 400 && !(url.pathname === '/auth/refresh' && status < 500 && !loggedIn)) failed.push(`${res.request().method()} ${url.pathname}${url.search} → ${status}`);
  });
  page.on('requestfailed', (req) => {
    const url = new URL(req.url());
    if (url.host === api.host) failed.push(`${req.method()} ${url.pathname} → ${req.failure()?.errorText}`);
  });
  const notices: string[] = [];
  // error notifications, and the "Unexpected Error" dialog the app opens for an answer it can't use
  const errorsOnScreen = () => page.evaluate(() => [
    ...Array.from(document.querySelectorAll('.v-notification.danger, .notification.danger'), (e) => e.textContent?.trim() ?? ''),
    ...((text, at) => (at < 0 ? [] : [text.slice(at, at + 300)]))(document.body.innerText, document.body.innerText.search(/unexpected error/i)),
  ]);
  let loggedIn = false;

  await page.goto(`${app.url}/admin/login`, { waitUntil: 'load', timeout: 60_000 });
  await page.waitForSelector('input[type="email"]', { timeout: 60_000 });
  // the fields' values as a user's typing leaves them (an input event for the app's v-model)
  const enter = (selector: string, value: string) => page.$eval(selector, (el, v) => {
    (el as HTMLInputElement).value = v;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
  await enter('input[type="email"]', app.cluster.adminEmail);
  await enter('input[type="password"]', app.cluster.adminPassword);
  loggedIn = true;
  await page.$eval('form', (form) => (form as HTMLFormElement).requestSubmit());
  await page.waitForFunction(() => !location.pathname.endsWith('/login'), { timeout: 60_000 });
  await page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 }).catch(() => undefined);
  t.match(page.url(), /\/admin\/content/, 'logged in, on the content module');
  notices.push(...(await errorsOnScreen()).map((text) => `after login: ${text}`));

  /** opens a screen; `todo`: what Strata still lacks for it (reported, not failed) */
  const visit = async (path: string, selector: string, todo?: string) => {
    await page.goto(`${app.url}/admin${path}`, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    const found = await page.waitForSelector(selector, { timeout: 60_000 }).then(() => true, () => false);
    // the requests the screen makes once it shows (their failures count too)
    await page.waitForNetworkIdle({ idleTime: 500, timeout: 30_000 }).catch(() => undefined);
    const errors = await errorsOnScreen();
    if (todo) {
      t.ok(found && errors.length === 0, `${path} shows ${selector} ${JSON.stringify(errors)}`, { todo });
      return;
    }
    t.ok(found, `${path} shows ${selector}`);
    notices.push(...errors.map((text) => `${path}: ${text}`));
  };
  await visit('/content/articles', '::-p-text(Hello from Strata)');
  await visit(`/content/articles/${item.body.data.id}`, 'input');
  const title = await page.$eval('input', (el) => (el as HTMLInputElement).value);
  t.equal(title, 'Hello from Strata', 'the item opens with its value');
  await visit('/users', '.v-table, table');
  const [admin] = await app.sql('select id from directus_users where email = $1', [app.cluster.adminEmail]);
  await visit(`/users/${admin.id}`, 'input');
  // the user's own page (not an empty "Adding User" form): it reads through directus_users' relations
  const values = await page.$$eval('input', (els) => els.map((e) => (e as HTMLInputElement).value));
  t.ok(values.includes(app.cluster.adminEmail), 'the user page shows the user');
  await visit('/settings/project', 'input');
  await visit('/insights', '.v-info, .v-table, table, .dashboards, main');
  await visit('/settings/data-model', '::-p-text(articles)');
  await visit('/activity', '.v-table, table');
  await visit('/files', '.v-info, .v-table, table, .cards');
  t.same(failed, [], 'no API request failed');
  t.same(notices, [], 'no error on screen');

  // the roles and policies lists read their user and role counts with `deep[users][_aggregate]` / `_groupBy`
  await visit('/settings/policies', '::-p-text(Administrator)');
  await visit('/settings/roles', '::-p-text(Administrator)');
  t.same(failed, [], 'roles and policies lists: no API request failed');
  t.same(notices, [], 'roles and policies lists: no error on screen');
});
