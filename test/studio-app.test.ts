// SERVE_APP and ROOT_REDIRECT: the Data Studio (`@directus/app`) served at /admin as Directus
// serves it, and `/` redirecting there. The routes are checked on a stand-in app directory
// (always), and on the real package through a running server when it is installed beside
// Strata (`npm install @directus/app@18.0.0`; skipped otherwise, as in CI).
import t from 'tap';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Router } from '../src/router.js';
import { createLogger } from '../src/log.js';
import { appBase, appRoutes, findApp, indexPage } from '../src/app-serve/index.js';
import type { ApiResponse, RouteContext } from '../src/types.js';
import { startApp } from './helpers/app.js';

const log = createLogger('silent');
const dist = mkdtempSync(join(tmpdir(), 'strata-app-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<html><head><base /><!-- directus-embed-head --><script src="./assets/index.js"></script></head><body><!-- directus-embed-body --></body></html>');
writeFileSync(join(dist, 'assets', 'index.js'), 'console.log("app")');
writeFileSync(join(dist, 'assets', 'index.css'), 'body{}');
writeFileSync(join(dist, 'favicon.ico'), Buffer.from([0, 0, 1, 0]));
writeFileSync(join(dist, '.secret'), 'hidden');

async function get(router: Router, path: string): Promise<{ res: ApiResponse; body: string } | undefined> {
  const match = router.match('GET', path);
  if (!match) return undefined;
  const res = await match.handler({ params: match.params } as unknown as RouteContext);
  let body = res.body?.toString() ?? '';
  if (res.stream) {
    const chunks: Buffer[] = [];
    for await (const c of res.stream.body) chunks.push(c);
    body = Buffer.concat(chunks).toString();
    t.equal(Buffer.byteLength(body), res.stream.size, `${path}: the announced size`);
  }
  return { res, body };
}

t.test('the index page gets its base address and no extension embeds', async (t) => {
  t.equal(appBase('/'), '/admin/');
  t.equal(appBase('https://cms.example.com/api/'), '/api/admin/');
  t.equal(appBase('https://cms.example.com'), '/admin/');
  const html = indexPage('<head><base /><!-- directus-embed-head --></head><body><!-- directus-embed-body --></body>', '/x"y/admin/');
  t.equal(html, '<head><base href="/x&#34;y/admin/" /></head><body></body>');
});

t.test('files of the app are streamed with their type; other paths are the app\'s routes', async (t) => {
  const router = appRoutes(new Router(), { serveApp: true, rootRedirect: './admin', publicUrl: 'https://cms.example.com/cms' }, log, { dist, version: '18.0.0' });
  const js = await get(router, '/admin/assets/index.js');
  t.equal(js?.res.headers?.['content-type'], 'application/javascript; charset=utf-8');
  t.equal(js?.res.headers?.['cache-control'], 'max-age=31536000, immutable');
  t.equal(js?.body, 'console.log("app")');
  t.equal((await get(router, '/admin/assets/index.css'))?.res.headers?.['content-type'], 'text/css; charset=utf-8');
  t.equal((await get(router, '/admin/favicon.ico'))?.res.headers?.['content-type'], 'image/x-icon');

  for (const path of ['/admin', '/admin/', '/admin/content/articles/12', '/admin/assets/missing.js', '/admin/index.html',
    // nothing outside dist/ (nor hidden) is ever read: such paths are app routes
    '/admin/..%2f..%2fetc%2fpasswd', '/admin/%2e%2e/%2e%2e/etc/passwd', '/admin/assets/..%5c..%5cindex.js', '/admin/.secret', '/admin/assets%00/index.js']) {
    const page = await get(router, path);
    t.equal(page?.res.status, 200, path);
    t.equal(page?.res.headers?.['content-type'], 'text/html; charset=utf-8', path);
    t.equal(page?.res.headers?.['cache-control'], 'no-cache', path);
    t.match(page?.body, '<base href="/cms/admin/" />', path);
    t.notMatch(page?.body, 'directus-embed', path);
  }

  const extensions = await get(router, '/extensions/sources/index.js');
  t.equal(extensions?.res.headers?.['content-type'], 'application/javascript; charset=utf-8');
  t.match(extensions?.body, 'export const interfaces = [];', 'no app extensions');

  const root = await get(router, '/');
  t.equal(root?.res.status, 302);
  t.equal(root?.res.headers?.location, './admin');
});

t.test('SERVE_APP=false, ROOT_REDIRECT, and no app installed', async (t) => {
  const off = appRoutes(new Router(), { serveApp: false, rootRedirect: './admin', publicUrl: '/' }, log, { dist, version: '18.0.0' });
  t.equal(off.match('GET', '/admin'), undefined, 'no app');
  t.equal(off.match('GET', '/'), undefined, 'the default redirect goes to the app only while it is served');
  const missing = appRoutes(new Router(), { serveApp: true, rootRedirect: './admin', publicUrl: '/' }, log, null);
  t.equal(missing.match('GET', '/admin/x'), undefined);
  t.equal(missing.match('GET', '/'), undefined);
  const elsewhere = appRoutes(new Router(), { serveApp: false, rootRedirect: 'https://example.com/home', publicUrl: '/' }, log);
  t.equal((await get(elsewhere, '/'))?.res.headers?.location, 'https://example.com/home');
  const none = appRoutes(new Router(), { serveApp: true, rootRedirect: false, publicUrl: '/' }, log, { dist, version: '18.0.0' });
  t.equal(none.match('GET', '/'), undefined, 'ROOT_REDIRECT=false');
});

const installed = findApp();
t.test('the installed @directus/app at /admin of a running server', { skip: installed ? false : '@directus/app is not installed beside Strata' }, async (t) => {
  const app = await startApp(t);
  const index = await app.get('/admin', { token: null });
  t.equal(index.status, 200);
  t.match(index.headers.get('content-type'), 'text/html');
  t.match(index.text, '<base href="/admin/" />');
  const script = /src="\.\/(assets\/[^"]+\.js)"/.exec(index.text)?.[1];
  t.ok(script, 'the index page loads a script');
  const asset = await app.get(`/admin/${script}`, { token: null });
  t.equal(asset.status, 200);
  t.equal(asset.headers.get('content-type'), 'application/javascript; charset=utf-8');
  t.ok(asset.text.length > 1000);
  const route = await app.get('/admin/content/articles', { token: 'not-a-token' });
  t.equal(route.status, 200, 'static files need no (valid) token');
  t.equal(route.text, index.text);
  const root = await fetch(app.url + '/', { redirect: 'manual' });
  t.equal(root.status, 302);
  t.equal(root.headers.get('location'), './admin');
});
