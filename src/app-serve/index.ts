// The Data Studio: Directus's admin app (the `@directus/app` package, installed beside Strata by
// whoever wants it; Strata does not ship it) served at /admin as Directus serves it, and `/`
// redirecting there (SERVE_APP, ROOT_REDIRECT). Files under the app's dist/ are streamed with
// their content type and cached for good (their names carry a content hash); every other path
// under /admin is the app's own route and gets the index page, with its base address filled in
// so the app finds its assets and the API below whatever PUBLIC_URL says.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join, sep } from 'node:path';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { Router } from '../router.js';
import type { ApiResponse, Handler } from '../types.js';

/** the @directus/app release whose API Strata answers (Directus 12.4.0 ships app 18.0.0) */
export const APP_VERSION = '18.0.0';

/** deepest path under /admin routed to the app (its routes are a few segments deep) */
const MAX_DEPTH = 12;

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.mjs': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.mp4': 'video/mp4',
  '.webm': 'video/webm',
};

/** an app-extensions bundle with no extension of any kind */
const NO_EXTENSIONS = ['interfaces', 'displays', 'layouts', 'modules', 'panels', 'themes', 'operations']
  .map((kind) => `export const ${kind} = [];`).join('\n') + '\n';

export type AppServeConfig = Pick<Config, 'serveApp' | 'rootRedirect' | 'publicUrl'>;

/** The installed app's dist/ directory and version, or undefined when the package is not installed. */
export function findApp(): { dist: string; version: string } | undefined {
  const require = createRequire(import.meta.url);
  try {
    const dist = dirname(require.resolve('@directus/app'));
    const version = JSON.parse(readFileSync(require.resolve('@directus/app/package.json'), 'utf8')).version;
    return { dist, version };
  } catch {
    return undefined;
  }
}

/** The path the app lives under, as its <base href>: PUBLIC_URL's path + admin/ ("/admin/" by default). */
export function appBase(publicUrl: string): string {
  const path = publicUrl.startsWith('/') ? publicUrl : new URL(publicUrl).pathname;
  return `${path.replace(/\/+$/, '')}/admin/`;
}

/**
 * The index page with its settings filled in: the base address, and the places Directus fills
 * with app extensions' head and body embeds left empty (Strata serves no app extensions).
 */
export function indexPage(html: string, base: string): string {
  const href = base.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
  return html
    .replace(/<base\b[^>]*>/i, `<base href="${href}" />`)
    .replace('<!-- directus-embed-head -->', '')
    .replace('<!-- directus-embed-body -->', '');
}

/**
 * Registers /admin (the app) and / (the redirect) on the router. `installed`: the app's
 * directory and version (found with findApp when not given; null: not installed). Without the
 * app, `/` redirects only when ROOT_REDIRECT was set to somewhere else than the app.
 */
export function appRoutes(router: Router, config: AppServeConfig, log: Logger, installed?: { dist: string; version: string } | null): Router {
  const app = installed === undefined ? (config.serveApp ? findApp() : undefined) : installed ?? undefined;
  const served = config.serveApp && app !== undefined;
  if (config.serveApp && !app) {
    log.info('SERVE_APP: @directus/app is not installed, the Data Studio is not served', { install: `npm install @directus/app@${APP_VERSION}` });
  }
  if (served && app.version !== APP_VERSION) {
    log.warn('SERVE_APP: this @directus/app release may expect another API', { installed: app.version, matching: APP_VERSION });
  }
  if (served) serveApp(router, app.dist, appBase(config.publicUrl));
  // the app extensions the app loads at start (Directus bundles them here): Strata has none
  router.get('/extensions/sources/index.js', () => ({
    status: 200, headers: { 'content-type': 'application/javascript; charset=utf-8', 'cache-control': 'no-cache' }, body: NO_EXTENSIONS,
  }), { skipAuth: true, body: 'none' });
  const redirect = config.rootRedirect;
  if (redirect !== false && (served || redirect !== './admin')) {
    router.get('/', () => ({ status: 302, headers: { location: redirect }, body: '' }), { skipAuth: true, body: 'none' });
  }
  return router;
}

function serveApp(router: Router, dist: string, base: string) {
  const index = Buffer.from(indexPage(readFileSync(join(dist, 'index.html'), 'utf8'), base));
  const root = dist.endsWith(sep) ? dist : dist + sep;
  const page = (): ApiResponse => ({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' }, body: index });

  const handler: Handler = ({ params }) => {
    const segments = Object.keys(params).sort((a, b) => Number(a.slice(1)) - Number(b.slice(1))).map((k) => params[k]);
    const file = fileOf(root, segments);
    if (!file) return page();
    return {
      status: 200,
      headers: { 'content-type': CONTENT_TYPES[extname(file.path).toLowerCase()] ?? 'application/octet-stream', 'cache-control': 'max-age=31536000, immutable' },
      stream: { body: createReadStream(file.path), size: file.size },
    };
  };
  // the router matches whole segment lists: one route per depth
  router.get('/admin', handler, { skipAuth: true, body: 'none' });
  for (let depth = 1; depth <= MAX_DEPTH; depth++) {
    const pattern = '/admin' + Array.from({ length: depth }, (_, i) => `/:p${i}`).join('');
    router.get(pattern, handler, { skipAuth: true, body: 'none' });
  }
}

/**
 * The regular file under dist/ a path names, or undefined (then it is the app's route). Decoded
 * segments that could leave dist/ ("..", ".", a slash or backslash, NUL) or hidden files name nothing.
 */
function fileOf(root: string, segments: string[]): { path: string; size: number } | undefined {
  if (segments.length === 0) return undefined;
  if (segments.some((s) => s === '' || s.startsWith('.') || /[/\\\0]/.test(s))) return undefined;
  const path = join(root, ...segments);
  if (!path.startsWith(root) || path === join(root, 'index.html')) return undefined;
  try {
    const stat = statSync(path);
    return stat.isFile() ? { path, size: stat.size } : undefined;
  } catch {
    return undefined;
  }
}
