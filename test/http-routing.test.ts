// Routes are matched before the body is read (no database): each route declares how it takes
// its body (RouteOptions.body: 'json', 'stream', 'none') and how much (maxBody).
import t from 'tap';
import { connect, type Socket } from 'node:net';
import { createHash } from 'node:crypto';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import { Router } from '../src/router.js';
import { startHttpServer, type HttpServer } from '../src/http/server.js';
import { json } from '../src/rest/response.js';
import { DirectusError } from '../src/errors.js';
import type { Accountability } from '../src/types.js';

const anonymous: Accountability = { user: null, role: null, roles: [], policies: [], admin: false, app: false, ip: '', userAgent: null, origin: null };
const MB = 1024 * 1024;

interface Upload {
  chunks: number;
  bytes: number;
  error?: string;
  /** settles when the handler stopped reading (the body ended or failed) */
  ended: Promise<void>;
}

async function gateway(tt: { teardown(fn: () => unknown): void }) {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', SECRET: 'x', LOG_LEVEL: 'silent' });
  const log = createLogger(config.logLevel, () => {});
  const uploads: Upload[] = [];
  let firstChunk = () => {};
  const gotFirstChunk = new Promise<void>((r) => (firstChunk = r));
  let authenticated = 0;
  /** reads the stream slowly at first, so the edge has to pause the socket */
  const consume = async (stream: AsyncIterable<Buffer> | undefined) => {
    let ended = () => {};
    const upload: Upload = { chunks: 0, bytes: 0, ended: new Promise<void>((r) => (ended = r)) };
    uploads.push(upload);
    const hash = createHash('sha256');
    try {
      for await (const chunk of stream!) {
        if (upload.chunks++ === 0) firstChunk();
        upload.bytes += chunk.length;
        hash.update(chunk);
        if (upload.chunks < 5) await new Promise((r) => setTimeout(r, 20));
      }
    } catch (err) {
      upload.error = (err as Error).message;
      throw err;
    } finally {
      ended();
    }
    return json(JSON.stringify({ data: { chunks: upload.chunks, bytes: upload.bytes, sha256: hash.digest('hex') } }));
  };
  const router = new Router()
    .post('/echo', ({ req }) => json(JSON.stringify({ data: { bytes: req.body?.length ?? 0 } })))
    .post('/upload', ({ stream }) => consume(stream), { body: 'stream', maxBody: 10 * MB })
    .post('/small', ({ stream }) => consume(stream), { body: 'stream', maxBody: 2048 })
    .post('/small-json', ({ req }) => json(JSON.stringify({ data: { bytes: req.body?.length ?? 0 } })), { maxBody: 2048 })
    .post('/ignore', ({ req }) => json(JSON.stringify({ data: { body: req.body === undefined ? null : req.body.length } })), { body: 'none' });
  const server: HttpServer = await startHttpServer({
    config, log, router,
    authenticate: async (req) => {
      authenticated++;
      if (req.headers.authorization === 'Bearer bad') throw new DirectusError('INVALID_CREDENTIALS', 'Invalid user credentials.');
      return anonymous;
    },
  });
  let closed = false;
  tt.teardown(() => (closed ? undefined : server.close(100)));
  return {
    url: `http://127.0.0.1:${server.port}`, port: server.port, uploads, gotFirstChunk,
    authenticated: () => authenticated,
    close: (ms?: number) => {
      closed = true;
      return server.close(ms);
    },
  };
}

const chunked = (n: number, size: number) =>
  new ReadableStream({
    start(c) {
      for (let i = 0; i < n; i++) c.enqueue(new Uint8Array(size).fill(97 + (i % 26)));
      c.close();
    },
  });

const post = (url: string, body?: BodyInit, headers: Record<string, string> = {}) =>
  fetch(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

/** A raw HTTP/1.1 connection: for requests fetch cannot make (half-sent bodies). */
function rawRequest(port: number, head: string): Promise<{ socket: Socket; response: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(head);
      let text = '';
      const response = new Promise<string>((done) => {
        socket.on('data', (d) => {
          text += d.toString();
          if (text.includes('\r\n\r\n')) done(text);
        });
        socket.on('close', () => done(text));
      });
      resolve({ socket, response });
    });
    socket.on('error', reject);
  });
}

t.test("a 'stream' route reads 5 MB chunk by chunk, past MAX_PAYLOAD_SIZE", async (t) => {
  const g = await gateway(t);
  const body = Buffer.alloc(5 * MB);
  for (let i = 0; i < body.length; i++) body[i] = i % 251;
  const res = await post(`${g.url}/upload`, body);
  const answer = await res.json();
  t.equal(res.status, 200);
  t.equal(answer.data.bytes, 5 * MB, 'every byte');
  t.equal(answer.data.sha256, createHash('sha256').update(body).digest('hex'), 'in order, each chunk copied');
  t.ok(answer.data.chunks > 1, `chunk by chunk (${answer.data.chunks} chunks)`);

  const streamed = await post(`${g.url}/upload`, chunked(80, 64 * 1024));
  t.same([streamed.status, (await streamed.json()).data.bytes], [200, 80 * 64 * 1024], 'chunked transfer encoding too');
  const empty = await post(`${g.url}/upload`);
  t.same([empty.status, (await empty.json()).data], [200, { chunks: 0, bytes: 0, sha256: createHash('sha256').digest('hex') }], 'no body: an empty stream');
  const after = await post(`${g.url}/echo`, '{}');
  t.same(await after.json(), { data: { bytes: 2 } }, 'the server keeps serving');
});

t.test("a route's own cap: 413 from the declared length, and mid-stream", async (t) => {
  const g = await gateway(t);
  const tooLarge = { errors: [{ message: 'Uploaded content is too large.', extensions: { code: 'CONTENT_TOO_LARGE' } }] };
  const declared = await post(`${g.url}/small`, Buffer.alloc(2049));
  t.same([declared.status, await declared.json()], [413, tooLarge], 'declared content-length past the cap');
  t.equal(g.uploads.length, 0, 'answered before the handler (and authentication) ran');
  t.equal(g.authenticated(), 0);
  const at = await post(`${g.url}/small`, Buffer.alloc(2048));
  t.same([at.status, (await at.json()).data.bytes], [200, 2048], 'exactly the cap');

  const midStream = await post(`${g.url}/small`, chunked(4, 1024));
  t.same([midStream.status, await midStream.json()], [413, tooLarge], 'chunked, past the cap');
  t.equal(g.uploads.at(-1)!.error, 'Uploaded content is too large.', "the handler's read failed");

  // the 413 comes as soon as the cap is passed, not after the whole body
  const { socket, response } = await rawRequest(g.port, 'POST /small HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n' + `c00\r\n${'a'.repeat(3072)}\r\n`);
  t.match(await response, /^HTTP\/1\.1 413 /, 'before the body ended');
  socket.destroy();

  const json = await post(`${g.url}/small-json`, Buffer.alloc(2049));
  t.equal(json.status, 413, "a 'json' route with its own cap");
  const jsonAt = await post(`${g.url}/small-json`, Buffer.alloc(2048));
  t.same(await jsonAt.json(), { data: { bytes: 2048 } });
});

t.test('an upload aborted mid-body leaves nothing in flight', async (t) => {
  const g = await gateway(t);
  const { socket } = await rawRequest(g.port, `POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: ${5 * MB}\r\n\r\n`);
  socket.write(Buffer.alloc(256 * 1024));
  await g.gotFirstChunk;
  socket.destroy();
  await g.uploads[0].ended;
  t.match(g.uploads[0].error, /abort/i, "the handler's read throws");
  const started = Date.now();
  await g.close(5000);
  t.ok(Date.now() - started < 1000, `close() resolves promptly (${Date.now() - started} ms)`);
});

t.test("'json' routes as before; 'none' and unknown routes never read the body", async (t) => {
  const g = await gateway(t);
  const echo = await post(`${g.url}/echo`, Buffer.alloc(1000));
  t.same(await echo.json(), { data: { bytes: 1000 } });
  const over = await post(`${g.url}/echo`, Buffer.alloc(MB + 1));
  t.equal(over.status, 413, 'MAX_PAYLOAD_SIZE is the default cap');
  const ignored = await post(`${g.url}/ignore`, Buffer.alloc(2 * MB));
  t.same([ignored.status, await ignored.json()], [200, { data: { body: null } }], "'none': ignored, whatever its size");

  // unknown routes: authenticated first (a bad token fails), then 404, the body never buffered
  const big = Buffer.alloc(5 * MB);
  const unknown = await post(`${g.url}/nothing`, big);
  t.same([unknown.status, (await unknown.json()).errors[0].extensions.code], [404, 'ROUTE_NOT_FOUND'], 'not 413: not read');
  const bad = await post(`${g.url}/nothing`, big, { authorization: 'Bearer bad' });
  t.equal(bad.status, 401, 'a bad token fails before the 404');
  await bad.text();
  const after = await post(`${g.url}/echo`, '{}');
  t.same(await after.json(), { data: { bytes: 2 } }, 'the connection stays usable');
});

t.test('a stream route answered before its body is read (authentication failed) keeps serving', async (t) => {
  const g = await gateway(t);
  const res = await post(`${g.url}/upload`, Buffer.alloc(5 * MB), { authorization: 'Bearer bad' });
  t.equal(res.status, 401);
  await res.text();
  t.equal(g.uploads.length, 0, 'the handler never ran');
  const after = await post(`${g.url}/upload`, Buffer.alloc(3 * MB));
  t.same([after.status, (await after.json()).data.bytes], [200, 3 * MB]);
});
