// The HTTP edge on its own (no database): routing incl. SEARCH, body limits, CORS, error
// masking with request ids in the logs, Server-Timing, draining on close.
import t from 'tap';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { Router } from '../src/router.js';
import { startHttpServer, type HttpServer } from '../src/http/server.js';
import { json } from '../src/rest/response.js';
import { objectBody } from '../src/request/body.js';
import { DirectusError } from '../src/errors.js';
import type { Accountability } from '../src/types.js';

const anonymous: Accountability = { user: null, role: null, roles: [], policies: [], admin: false, app: false, ip: '', userAgent: null, origin: null };

interface Gateway {
  url: string;
  logs: any[];
  server: HttpServer;
  /** resolves when GET /slow has reached its handler */
  reached: Promise<void>;
  release: () => void;
}

async function gateway(tt: { teardown(fn: () => unknown): void }, env: Record<string, string> = {}): Promise<Gateway> {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', SECRET: 'x', LOG_LEVEL: 'info', ...env });
  const logs: any[] = [];
  const log = createLogger(config.logLevel, (line) => logs.push(JSON.parse(line)));
  let release = () => {};
  let reach = () => {};
  const reached = new Promise<void>((r) => (reach = r));
  const router = new Router()
    .get('/things', () => json('{"data":[]}'))
    .search('/things', ({ req }) => json(JSON.stringify({ data: { searched: objectBody(req) } })))
    .post('/echo', ({ req }) => json(JSON.stringify({ data: { bytes: req.body?.length ?? 0 } })))
    .get('/boom', () => {
      throw new Error('secret internal detail');
    })
    .get('/refused', () => {
      throw new DirectusError('FORBIDDEN', "You don't have permission to access this.");
    })
    .get('/slow', () => new Promise((resolve) => {
      release = () => resolve(json('{"data":"done"}'));
      reach();
    }));
  const server = await startHttpServer({
    config, log, router,
    authenticate: async (req, timing) => {
      timing.auth = 0.01;
      if (req.headers.authorization === 'Bearer bad') throw new DirectusError('INVALID_CREDENTIALS', 'Invalid user credentials.');
      return anonymous;
    },
  });
  let closed = false;
  tt.teardown(() => (closed ? undefined : server.close(100)));
  const g: Gateway = {
    url: `http://127.0.0.1:${server.port}`, logs, server, reached,
    release: () => release(),
  };
  const close = server.close.bind(server);
  server.close = async (ms?: number) => {
    closed = true;
    return close(ms);
  };
  return g;
}

t.test('SEARCH is routed like GET with a body', async (t) => {
  const g = await gateway(t);
  const res = await fetch(`${g.url}/things`, { method: 'SEARCH', headers: { 'content-type': 'application/json' }, body: '{"query":{"limit":1}}' });
  t.equal(res.status, 200);
  t.same(await res.json(), { data: { searched: { query: { limit: 1 } } } });
  const unknown = await fetch(`${g.url}/nothing/here`, { method: 'SEARCH', body: '{}' });
  t.equal(unknown.status, 404);
  t.same(await unknown.json(), { errors: [{ message: "Route /nothing/here doesn't exist.", extensions: { path: '/nothing/here', code: 'ROUTE_NOT_FOUND' } }] });
});

t.test('bodies up to MAX_PAYLOAD_SIZE are read whole; past it, 413', async (t) => {
  const g = await gateway(t, { MAX_PAYLOAD_SIZE: '64kb' });
  const max = 64 * 1024;
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${g.url}/echo`, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  const at = await post(Buffer.alloc(max, 'a'));
  t.same([at.status, await at.json()], [200, { data: { bytes: max } }], 'exactly the limit');
  const over = await post(Buffer.alloc(max + 1, 'a'));
  t.equal(over.status, 413, 'one byte over (declared length)');
  t.same(await over.json(), { errors: [{ message: 'Uploaded content is too large.', extensions: { code: 'CONTENT_TOO_LARGE' } }] });
  const chunks = (n: number) =>
    new ReadableStream({
      start(c) {
        for (let i = 0; i < n; i++) c.enqueue(new Uint8Array(16 * 1024).fill(97));
        c.close();
      },
    });
  const streamedOk = await post(chunks(4));
  t.same([streamedOk.status, await streamedOk.json()], [200, { data: { bytes: max } }], 'chunked, exactly the limit');
  const streamedOver = await post(chunks(5));
  t.equal(streamedOver.status, 413, 'chunked, past the limit (no declared length)');
  await streamedOver.text();
  const after = await fetch(`${g.url}/things`);
  t.equal(after.status, 200, 'the server keeps serving');
});

t.test('unexpected errors are masked as 500 and logged with the request id', async (t) => {
  const g = await gateway(t);
  const res = await fetch(`${g.url}/boom?x=1`);
  t.equal(res.status, 500);
  const text = await res.text();
  t.same(JSON.parse(text), { errors: [{ message: 'An unexpected error occurred.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  t.notMatch(text, /secret internal detail/, 'no detail for the client');
  const entry = g.logs.find((l) => l.msg === 'unexpected error');
  t.ok(entry, 'logged');
  t.match(entry, { level: 'error', method: 'GET', path: '/boom', requestId: /^[0-9a-f]{6}-[0-9a-z]+$/, error: /secret internal detail/ });
  t.match(entry.time, /^\d{4}-\d\d-\d\dT/);
  await fetch(`${g.url}/boom`);
  const ids = g.logs.filter((l) => l.msg === 'unexpected error').map((l) => l.requestId);
  t.equal(new Set(ids).size, 2, 'each request has its own id');

  const known = await fetch(`${g.url}/refused`);
  t.equal(known.status, 403);
  t.equal(g.logs.filter((l) => l.msg === 'unexpected error').length, 2, 'Directus errors are not logged as unexpected');
});

t.test('structured logs honour LOG_LEVEL', async (t) => {
  const lines: string[] = [];
  const warn = createLogger('warn', (l) => lines.push(l));
  warn.info('dropped');
  warn.debug('dropped');
  warn.warn('kept', { a: 1 });
  warn.error('kept too');
  t.equal(lines.length, 2);
  t.match(JSON.parse(lines[0]), { level: 'warn', msg: 'kept', a: 1, time: String });
  t.ok(lines.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n')), 'one line each');
  const silent: string[] = [];
  createLogger('silent', (l) => silent.push(l)).error('nothing');
  t.same(silent, []);
  const trace: string[] = [];
  createLogger('trace', (l) => trace.push(l)).trace('all');
  t.equal(trace.length, 1);
});

t.test('a bad token fails before routing, in Directus shape', async (t) => {
  const g = await gateway(t);
  const res = await fetch(`${g.url}/nothing`, { headers: { authorization: 'Bearer bad' } });
  t.equal(res.status, 401);
  t.same(await res.json(), { errors: [{ message: 'Invalid user credentials.', extensions: { code: 'INVALID_CREDENTIALS' } }] });
});

t.test('Server-Timing reports the stages', async (t) => {
  const g = await gateway(t);
  const res = await fetch(`${g.url}/things`);
  t.match(res.headers.get('server-timing'), /^auth;dur=\d+\.\d\d, total;dur=\d+\.\d\d$/);
  t.equal(res.headers.get('cache-control'), 'no-cache', 'JSON answers are not cacheable');
});

t.test('CORS disabled (the default): no headers, OPTIONS reaches the router', async (t) => {
  const g = await gateway(t);
  const res = await fetch(`${g.url}/things`, { headers: { origin: 'https://app.example.com' } });
  t.equal(res.headers.get('access-control-allow-origin'), null);
  const pre = await fetch(`${g.url}/things`, { method: 'OPTIONS', headers: { origin: 'https://app.example.com', 'access-control-request-method': 'PATCH' } });
  t.equal(pre.status, 404);
  t.equal(pre.headers.get('access-control-allow-methods'), null);
});

t.test('CORS_ORIGIN=true reflects the origin; preflights are answered before routing', async (t) => {
  const g = await gateway(t, { CORS_ENABLED: 'true', CORS_ORIGIN: 'true' });
  const res = await fetch(`${g.url}/things`, { headers: { origin: 'https://app.example.com' } });
  t.equal(res.headers.get('access-control-allow-origin'), 'https://app.example.com');
  t.equal(res.headers.get('access-control-allow-credentials'), 'true');
  t.equal(res.headers.get('access-control-expose-headers'), 'Content-Range');
  t.equal(res.headers.get('vary'), 'Origin');
  const err = await fetch(`${g.url}/nothing`, { headers: { origin: 'https://app.example.com' } });
  t.equal(err.headers.get('access-control-allow-origin'), 'https://app.example.com', 'errors carry CORS headers too');

  const pre = await fetch(`${g.url}/any/path/at/all`, {
    method: 'OPTIONS',
    headers: { origin: 'https://app.example.com', 'access-control-request-method': 'PATCH', authorization: 'Bearer bad' },
  });
  t.equal(pre.status, 204, 'before authentication and routing');
  t.equal(pre.headers.get('access-control-allow-origin'), 'https://app.example.com');
  t.equal(pre.headers.get('access-control-allow-methods'), 'GET,POST,PATCH,DELETE');
  t.equal(pre.headers.get('access-control-allow-headers'), 'Content-Type,Authorization');
  t.equal(pre.headers.get('access-control-max-age'), '18000');
  t.equal(pre.headers.get('access-control-allow-credentials'), 'true');
  t.equal(await pre.text(), '');
});

t.test('CORS_ORIGIN as a list allows only the listed origins', async (t) => {
  const g = await gateway(t, {
    CORS_ENABLED: 'true', CORS_ORIGIN: 'https://a.example.com, https://b.example.com',
    CORS_METHODS: 'GET,SEARCH', CORS_ALLOWED_HEADERS: 'Content-Type', CORS_EXPOSED_HEADERS: 'X-Total', CORS_CREDENTIALS: 'false', CORS_MAX_AGE: '60',
  });
  const ok = await fetch(`${g.url}/things`, { headers: { origin: 'https://b.example.com' } });
  t.equal(ok.headers.get('access-control-allow-origin'), 'https://b.example.com');
  t.equal(ok.headers.get('access-control-allow-credentials'), null);
  t.equal(ok.headers.get('access-control-expose-headers'), 'X-Total');
  const no = await fetch(`${g.url}/things`, { headers: { origin: 'https://evil.example.com' } });
  t.equal(no.status, 200, 'the request itself is served; the browser withholds the answer');
  t.equal(no.headers.get('access-control-allow-origin'), null);
  t.equal(no.headers.get('vary'), 'Origin');
  const pre = await fetch(`${g.url}/things`, { method: 'OPTIONS', headers: { origin: 'https://a.example.com' } });
  t.same(
    [pre.status, pre.headers.get('access-control-allow-origin'), pre.headers.get('access-control-allow-methods'), pre.headers.get('access-control-allow-headers'), pre.headers.get('access-control-max-age')],
    [204, 'https://a.example.com', 'GET,SEARCH', 'Content-Type', '60'],
  );
  const badPre = await fetch(`${g.url}/things`, { method: 'OPTIONS', headers: { origin: 'https://evil.example.com' } });
  t.equal(badPre.headers.get('access-control-allow-origin'), null);
});

t.test('CORS_ORIGIN as one fixed value is sent as it is', async (t) => {
  const g = await gateway(t, { CORS_ENABLED: 'true', CORS_ORIGIN: '*' });
  const res = await fetch(`${g.url}/things`, { headers: { origin: 'https://anything.example.com' } });
  t.equal(res.headers.get('access-control-allow-origin'), '*');
  t.equal(res.headers.get('vary'), null);
  const fixed = await gateway(t, { CORS_ENABLED: 'true', CORS_ORIGIN: 'https://app.example.com' });
  const other = await fetch(`${fixed.url}/things`, { headers: { origin: 'https://other.example.com' } });
  t.equal(other.headers.get('access-control-allow-origin'), 'https://app.example.com');
});

t.test('close() drains in-flight requests, then refuses new connections', async (t) => {
  const g = await gateway(t);
  const inflight = fetch(`${g.url}/slow`);
  await g.reached;
  const closing = g.server.close(5000);
  let closed = false;
  void closing.then(() => (closed = true));
  await new Promise((r) => setImmediate(r));
  t.equal(closed, false, 'waits for the in-flight request');
  g.release();
  const res = await inflight;
  t.same([res.status, await res.json()], [200, { data: 'done' }], 'the in-flight request completes');
  await closing;
  await t.rejects(fetch(`${g.url}/things`), 'new connections are refused');
});
