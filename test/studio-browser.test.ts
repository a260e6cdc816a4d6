// The Data Studio end to end, in a real browser: Directus's admin app (`@directus/app`, served
// by Strata at /admin) runs the session a user has every day — log in; edit an item and save;
// create an item with a many-to-one picked in the app's drawer; an item's revisions and a
// comment; the data model (a collection, a field, a many-to-one, all from the app's forms);
// users (create one through the form, open it), roles and policies; upload a file and open it;
// insights (a dashboard), flows (a flow), project settings; log out. Every step clicks and types
// as a user does and waits on what the app shows (no sleeps), then checks the rows it left.
// Any API request that fails (status >= 400, beyond the expected ones) or any error the app
// shows (an error notification or dialog, an error page) fails the step it happens in.
// Runs where Debian's `chromium` and the app package are installed (`apt-get install chromium`,
// `npm install @directus/app@18.0.0`, the app Directus 12.4 ships); skipped otherwise (CI
// installs neither). A failing step leaves a screenshot in /tmp/studio-browser-<step>.png.
import t from 'tap';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, HTTPResponse } from 'puppeteer-core';
import { findApp } from '../src/app-serve/index.js';
import { startApp } from './helpers/app.js';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
t.setTimeout(300_000);
const skip = !CHROMIUM ? 'no chromium installed' : !findApp() ? '@directus/app is not installed beside Strata' : false;

/** what the app shows when something went wrong: error notifications, the error dialogs it opens
 * for an answer it can't use, a page's "Unexpected Error" panel, an error's text anywhere */
const SCREEN_ERRORS = '.notification-item.error, .v-card.error, .v-info.danger, .v-error';
/** a 1×1 PNG to upload */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');

t.test('a session in the Data Studio', { skip, timeout: 280_000 }, async (t) => {
  const { default: puppeteer } = await import('puppeteer-core');
  const app = await startApp(t);
  // content to work on: articles with a many-to-one to authors
  const collection = (name: string, icon: string, field: string) => app.post('/collections', {
    collection: name, meta: { icon, display_template: `{{${field}}}` },
    fields: [{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true }, meta: { hidden: true } },
      { field, type: 'string', meta: { interface: 'input' } }],
  });
  const setup = [
    await collection('authors', 'person', 'name'),
    await collection('articles', 'article', 'title'),
    await app.post('/fields/articles', { field: 'author', type: 'integer', meta: {
      interface: 'select-dropdown-m2o', special: ['m2o'], display: 'related-values', display_options: { template: '{{name}}' } } }),
    await app.post('/relations', { collection: 'articles', field: 'author', related_collection: 'authors' }),
    await app.post('/items/authors', [{ name: 'Ada Lovelace' }, { name: 'Grace Hopper' }]),
    await app.post('/items/articles', { title: 'Hello from Strata', author: 1 }),
  ];
  if (setup.some((r) => r.status !== 200)) throw new Error(`setup failed: ${setup.map((r) => r.text).join('\n')}`);
  const article = setup[5].body.data.id;
  const upload = join(mkdtempSync(join(tmpdir(), 'studio-browser-')), 'strata-logo.png');
  writeFileSync(upload, PNG);

  // no WebGL: the sign-in page's animated shader background, rendered in software without a GPU,
  // takes whole CPU cores and starves the app (the page then shows a plain background)
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-3d-apis', '--disable-dev-shm-usage'],
  });
  t.teardown(() => browser.close());
  const page: Page = await browser.newPage();
  page.setDefaultTimeout(60_000);
  await page.setViewport({ width: 1400, height: 900 });

  // API requests that failed, and errors the app showed, since the last step's check
  const failed: string[] = [];
  const onScreen: string[] = [];
  let signedIn = false;
  const api = new URL(app.url);
  page.on('response', (res) => {
    const url = new URL(res.url());
    // the app's own files; the browser's /favicon.ico guess (404 on Directus too)
    if (url.host !== api.host || url.pathname.startsWith('/admin/') || url.pathname === '/favicon.ico') return;
    const status = res.status();
    // signed out, the app tries to resume a session it has no cookie for
    if (status >= 400 && !(url.pathname === '/auth/refresh' && status < 500 && !signedIn)) {
      failed.push(`${res.request().method()} ${url.pathname}${decodeURIComponent(url.search)} → ${status}`);
    }
  });
  page.on('requestfailed', (req) => {
    const url = new URL(req.url());
    // an answered request the page dropped as it navigated (the app leaves on sign-out without
    // waiting for the 204's end: net::ERR_ABORTED against Directus 12.4 as well) is no failure
    if (url.host === api.host && !req.response()) failed.push(`${req.method()} ${url.pathname} → ${req.failure()?.errorText}`);
  });
  // every error element the app puts on screen, as it appears (a notification may be gone by the time a step ends)
  await page.exposeFunction('strataScreenError', (text: string) => { onScreen.push(text); });
  await page.evaluateOnNewDocument((selector) => {
    const seen = new WeakSet<Element>();
    const report = () => {
      for (const el of Array.from(document.querySelectorAll(selector))) {
        if (seen.has(el)) continue;
        seen.add(el);
        (window as unknown as { strataScreenError(text: string): void }).strataScreenError((el as HTMLElement).innerText?.trim().slice(0, 300) ?? '');
      }
    };
    new MutationObserver(report).observe(document, { childList: true, subtree: true });
  }, SCREEN_ERRORS);

  /** in-app navigation, as the app's own links do (a full page load per screen would start the app each time) */
  const go = async (path: string) => {
    await page.evaluate((p) => (document.querySelector('#app') as any).__vue_app__.config.globalProperties.$router.push(p), path);
    await page.waitForFunction((p) => location.pathname === `/admin${p}`, {}, path);
  };
  const at = (pattern: RegExp) => page.waitForFunction((source) => new RegExp(source).test(location.pathname), {}, pattern.source);
  /** clicks an element once it is the one on top where it shows (not under a drawer or dialog
   * still closing, which would take the click) */
  const click = async (selector: string) => {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const el = await page.locator(selector).waitHandle();
      await el.scrollIntoView().catch(() => undefined);
      const onTop = await page.waitForFunction((e) => {
        const r = e.getBoundingClientRect();
        const top = document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
        return top !== null && (e.contains(top) || top.contains(e));
      }, { timeout: 2_000 }, el).then(() => true, () => false);
      if (onTop) return el.click();
      if (Date.now() > deadline) throw new Error(`${selector} stays covered`);
    }
  };
  /** the answer to the request a click sends */
  const answer = async (method: string, path: string | RegExp, act: () => Promise<unknown>): Promise<HTTPResponse> => {
    const [res] = await Promise.all([page.waitForResponse((r) => {
      const p = new URL(r.url()).pathname;
      return r.request().method() === method && (typeof path === 'string' ? p === path : path.test(p));
    }), act()]);
    return res;
  };
  /** types into an input as a user replacing its value (select all, type) */
  const retype = async (selector: string, value: string) => {
    await page.locator(selector).click();
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.type(value);
  };
  const inputValue = (selector: string, value: string) =>
    page.waitForFunction((s, v) => (document.querySelector(s) as HTMLInputElement | null)?.value === v, {}, selector, value);
  /** the header's primary action (Save, Create, Upload File…) once it is enabled */
  const primary = '.header-bar .primary button.button:not([disabled]), .header-bar .primary a.button';
  const drawerPrimary = '.v-drawer .header-bar .primary button:not([disabled])';

  let stopped = false;
  /** one step of the session: it must complete, with no failed request and no error on screen */
  const step = async (name: string, fn: () => Promise<void>) => {
    if (stopped) return;
    const started = Date.now();
    try {
      await fn();
      t.comment(`${name}: ${Date.now() - started} ms`);
    } catch (err) {
      stopped = true;
      const shot = `/tmp/studio-browser-${name.replace(/\W+/g, '-')}.png`;
      await page.screenshot({ path: shot }).catch(() => undefined);
      t.fail(`${name}: ${(err as Error).message} (screenshot: ${shot}; at ${page.url()})`);
    }
    t.same(failed.splice(0), [], `${name}: no API request failed`);
    t.same(onScreen.splice(0), [], `${name}: no error on screen`);
  };

  await step('log in', async () => {
    await page.goto(`${app.url}/admin/login`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('input[type="email"]');
    // the fields' values as a user's typing leaves them (an input event for the app's v-model)
    const enter = (selector: string, value: string) => page.$eval(selector, (el, v) => {
      (el as HTMLInputElement).value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
    }, value);
    await enter('input[type="email"]', app.cluster.adminEmail);
    await enter('input[type="password"]', app.cluster.adminPassword);
    signedIn = true;
    // a plain click: the login page's animated background keeps a locator's "stable" check waiting
    const login = await answer('POST', '/auth/login', () => page.click('button[type="submit"]'));
    t.equal(login.status(), 200, 'the app logs in');
    await at(/\/admin\/content/);
    // the content module lists the user's collections, and no system collection among them
    await page.waitForSelector('.content-navigation ::-p-text(Authors)');
    t.same(await page.$$eval('.content-navigation .v-list-item', (items) => items.map((i) => (i as HTMLElement).innerText.trim())),
      ['Articles', 'Authors'], 'the content navigation');
  });

  // a new project's admin is asked about its license (as on Directus 12.4): the Core plan, for a personal project
  await step('answer the license question', async () => {
    await click('.v-card ::-p-text(I\'m using Core plan)');
    await click('.v-card .v-select input');
    await click('.v-menu-content ::-p-text(Personal / Side project)');
    // the menu closes first (a click while it is open only closes it)
    await inputValue('.v-card .v-select input', 'Personal / Side project');
    await page.waitForFunction(() => !document.querySelector('.v-menu-content'));
    const saved = await answer('PATCH', '/settings', () => click('.v-card-actions button:not([disabled]) ::-p-text(Save)'));
    t.equal(saved.status(), 200);
    await page.waitForFunction(() => !document.querySelector('.v-card-actions'));
    t.same(await app.sql('select project_usage from directus_settings'), [{ project_usage: 'personal' }]);
  });

  await step('edit an item and save', async () => {
    await go(`/content/articles/${article}`);
    await inputValue('[data-field="title"] input', 'Hello from Strata');
    await page.waitForSelector('[data-field="author"] ::-p-text(Ada Lovelace)');
    await retype('[data-field="title"] input', 'Hello again from Strata');
    const saved = await answer('PATCH', `/items/articles/${article}`, () => click(primary));
    t.equal(saved.status(), 200);
    // "save and quit": back to the list, which shows the new title
    await at(/\/content\/articles$/);
    await page.waitForSelector('.v-table ::-p-text(Hello again from Strata)');
    t.same(await app.sql('select title, author from articles where id = $1', [article]), [{ title: 'Hello again from Strata', author: 1 }]);
  });

  await step('create an item with a many-to-one chosen in the drawer', async () => {
    await click('.header-bar .primary ::-p-text(Create)');
    await at(/\/content\/articles\/\+$/);
    await page.locator('[data-field="title"] input').fill('Created in the Studio');
    await click('[data-field="author"] ::-p-text(Select an item)');
    await click('.v-drawer tr.table-row ::-p-text(Grace Hopper)');
    await click(drawerPrimary);
    await page.waitForSelector('[data-field="author"] ::-p-text(Grace Hopper)');
    const created = await answer('POST', '/items/articles', () => click(primary));
    t.equal(created.status(), 200);
    await page.waitForSelector('.v-table ::-p-text(Created in the Studio)');
    t.same(await app.sql("select a.title, w.name from articles a join authors w on w.id = a.author where a.title = 'Created in the Studio'"),
      [{ title: 'Created in the Studio', name: 'Grace Hopper' }]);
  });

  await step('open the item\'s revisions and add a comment', async () => {
    await go(`/content/articles/${article}`);
    await click('aside.sidebar ::-p-text(Revisions)');
    // the edit above: its revision opens side by side with the one before
    await click('::-p-text(Updated 1 Field)');
    await page.waitForSelector('.comparison-modal');
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.comparison-modal input'), (i) => (i as HTMLInputElement).value)
      .includes('Hello from Strata'));
    await click('.comparison-modal ::-p-text(Cancel)');
    await page.waitForFunction(() => !document.querySelector('.comparison-modal'));
    await click('aside.sidebar ::-p-text(Comments)');
    await click('[contenteditable][placeholder="Leave a comment..."]');
    await page.keyboard.type('Reviewed in the Studio');
    const posted = await answer('POST', '/comments', () => click('.post-comment button:not([disabled])'));
    t.equal(posted.status(), 200);
    await page.waitForSelector('.comment-item ::-p-text(Reviewed in the Studio)');
    t.same(await app.sql('select collection, item, comment from directus_comments'),
      [{ collection: 'articles', item: String(article), comment: 'Reviewed in the Studio' }]);
  });

  await step('create a collection, a field and a many-to-one in the data model', async () => {
    await go('/settings/data-model');
    await page.waitForSelector('::-p-text(articles)');
    await click('.header-bar .primary ::-p-text(Create)');
    await page.locator('.v-drawer input[placeholder="A unique table name..."]').fill('reviews');
    await click(drawerPrimary);
    await page.waitForSelector('.v-drawer ::-p-text(Finish Setup)');
    const collection = await answer('POST', '/collections', () => click(drawerPrimary));
    t.equal(collection.status(), 200);
    await at(/\/data-model\/reviews$/);

    await click('::-p-text(Create Field)');
    await click('.v-drawer button.interface ::-p-text(Input)');
    await page.locator('.v-drawer input[placeholder="A unique column name..."]').fill('body');
    const field = await answer('POST', '/fields/reviews', () => click('.v-drawer button:not([disabled]) ::-p-text(Save)'));
    t.equal(field.status(), 200);
    await page.waitForFunction(() => !document.querySelector('.v-drawer'));

    await click('::-p-text(Create Field)');
    await click('.v-drawer button.interface ::-p-text(Many to One)');
    await page.locator('.v-drawer input[placeholder="A unique column name..."]').fill('article');
    await page.locator('.v-drawer input[placeholder="Collection..."]').fill('articles');
    const relation = await answer('POST', '/relations', () => click('.v-drawer button:not([disabled]) ::-p-text(Save)'));
    t.equal(relation.status(), 200);
    await page.waitForFunction(() => !document.querySelector('.v-drawer'));
    t.same(await app.sql("select column_name, data_type from information_schema.columns where table_name = 'reviews' order by ordinal_position"),
      [{ column_name: 'id', data_type: 'integer' }, { column_name: 'body', data_type: 'character varying' }, { column_name: 'article', data_type: 'integer' }]);
    t.same(await app.sql("select many_field, one_collection from directus_relations where many_collection = 'reviews'"),
      [{ many_field: 'article', one_collection: 'articles' }]);
  });

  await step('create a user through the form and open it', async () => {
    await go('/users');
    await page.waitForSelector('.v-table ::-p-text(Admin)');
    await click(primary);
    await at(/\/users\/\+$/);
    await page.locator('[data-field="first_name"] input').fill('Studio');
    await page.locator('[data-field="last_name"] input').fill('Editor');
    await page.locator('[data-field="email"] input').fill('studio.editor@example.com');
    await page.locator('[data-field="password"] input').fill('studio-pass-1');
    const created = await answer('POST', '/users', () => click(primary));
    t.equal(created.status(), 200);
    await click('.v-table ::-p-text(studio.editor@example.com)');
    await at(/\/users\/[0-9a-f-]{36}$/);
    await inputValue('[data-field="email"] input', 'studio.editor@example.com');
    await page.waitForSelector('::-p-text(Studio Editor)');
    t.same(await app.sql("select first_name, last_name, status from directus_users where email = 'studio.editor@example.com'"),
      [{ first_name: 'Studio', last_name: 'Editor', status: 'active' }]);
  });

  await step('open a role and policies', async () => {
    // both rows first: the Public one joins the list above the others once loaded
    const bothRows = () => page.waitForFunction(() => ['Public', 'Administrator']
      .every((name) => Array.from(document.querySelectorAll('.v-table tr.table-row'), (r) => (r as HTMLElement).innerText).some((text) => text.includes(name))));
    await go('/settings/roles');
    await bothRows();
    await click('.v-table ::-p-text(Administrator)');
    await at(/\/roles\/[0-9a-f-]{36}$/);
    // the role's users, by name
    await page.waitForSelector('::-p-text(Admin User)');
    await go('/settings/policies');
    await bothRows();
    await click('.v-table ::-p-text(Administrator)');
    await at(/\/policies\/[0-9a-f-]{36}$/);
    await page.waitForSelector('::-p-text(Admins have all permissions)');
    await go('/settings/policies');
    await bothRows();
    await click('.v-table ::-p-text(Public)');
    await at(/\/policies\/[0-9a-f-]{36}$/);
    await page.waitForSelector('::-p-text(No Permissions)');
  });

  await step('upload a file and open it', async () => {
    await go('/files');
    await click('.header-bar .primary ::-p-text(Upload File)');
    await at(/\/files\/\+$/);
    const input = await page.waitForSelector('.v-upload input[type=file]');
    const uploaded = await answer('POST', '/files', () => input!.uploadFile(upload));
    t.equal(uploaded.status(), 200);
    // back in the library, the file's card (its thumbnail is an image transform of the upload)
    await click('.card ::-p-text(Strata Logo)');
    await at(/\/files\/[0-9a-f-]{36}$/);
    await inputValue('[data-field="title"] input', 'Strata Logo');
    t.same(await app.sql('select filename_download, type, filesize::int from directus_files'),
      [{ filename_download: 'strata-logo.png', type: 'image/png', filesize: PNG.length }]);
  });

  await step('create a dashboard', async () => {
    await go('/insights');
    await page.waitForSelector('::-p-text(No Dashboards)');
    await click('.header-bar .primary ::-p-text(Create)');
    // the create dialog exists once per "create" button of the page: the one on top is the last
    await page.waitForSelector('.v-card input[placeholder="Dashboard Name"]');
    const inputs = await page.$$('.v-card input[placeholder="Dashboard Name"]');
    await inputs.at(-1)!.type('Studio Dashboard');
    const saves = await page.$$('.v-card-actions button ::-p-text(Save)');
    const created = await answer('POST', '/dashboards', () => saves.at(-1)!.click());
    t.equal(created.status(), 200);
    await at(/\/insights\/[0-9a-f-]{36}$/);
    await page.waitForSelector('.header-bar ::-p-text(Studio Dashboard)');
    t.same(await app.sql('select name, icon from directus_dashboards'), [{ name: 'Studio Dashboard', icon: 'space_dashboard' }]);
  });

  await step('create a flow', async () => {
    await go('/flows');
    await click(primary);
    await page.locator('.v-drawer input[placeholder="Name"]').fill('Studio Flow');
    await click(drawerPrimary);
    await click('.v-drawer ::-p-text(Triggers on an incoming HTTP request)');
    const created = await answer('POST', '/flows', () => click(drawerPrimary));
    t.equal(created.status(), 200);
    await at(/\/flows\/[0-9a-f-]{36}$/);
    await page.waitForSelector('::-p-text(Webhook)');
    t.same(await app.sql('select name, trigger, status from directus_flows'), [{ name: 'Studio Flow', trigger: 'webhook', status: 'active' }]);
  });

  await step('open and save the project settings', async () => {
    await go('/settings/project');
    await inputValue('[data-field="project_name"] input', 'Directus');
    await retype('[data-field="project_name"] input', 'Strata Studio');
    const saved = await answer('PATCH', '/settings', () => click(primary));
    t.equal(saved.status(), 200);
    // the navigation shows the new name
    await page.waitForSelector('::-p-text(Strata Studio)');
    t.same(await app.sql('select project_name from directus_settings'), [{ project_name: 'Strata Studio' }]);
  });

  await step('browse the activity', async () => {
    await go('/activity');
    await page.waitForSelector('.v-table tr.table-row');
  });

  await step('log out', async () => {
    await page.hover('.module-bar-avatar .space-bar');
    await click('.sign-out-wrapper button');
    signedIn = false;
    const out = await answer('POST', '/auth/logout', () => click('.v-card-actions ::-p-text(Sign Out)'));
    t.equal(out.status(), 204);
    await at(/\/login$/);
    await page.waitForSelector('input[type="email"]');
    t.same(await app.sql('select count(*)::int as n from directus_sessions'), [{ n: 0 }], 'the session is gone');
  });
  t.notOk(stopped, 'the whole session ran');
});
