// The bounds of flows' outgoing requests (issue 14), against real misbehaving receivers:
// FLOWS_REQUEST_TIMEOUT is a deadline on the whole exchange (a receiver that trickles a byte
// at a time, each in time for the socket's idle timeout, is cut off), FLOWS_REQUEST_MAX_RESPONSE_SIZE
// refuses a larger answer (announced: unread; streamed: cut where it passes the cap), for request
// operations and webhooks; and the deny list applied to a host NAME: `localhost` is resolved,
// its address checked and refused (and, where the list allows it, the request goes to it).
import t from 'tap';
import { createServer, type ServerResponse } from 'node:http';
import { startApp, type TestApp } from './helpers/app.js';
import { Receiver } from './helpers/receiver.js';

t.setTimeout(120_000);

const LIMITS = { FLOWS_REQUEST_TIMEOUT: '1000', FLOWS_REQUEST_MAX_RESPONSE_SIZE: '64kb', FLOWS_DELIVERY_BACKOFF: '20', FLOWS_DELIVERY_ATTEMPTS: '1', FLOWS_DELIVERY_LOG: 'all' };
const a = await startApp(t, { ...LIMITS, FLOWS_IP_DENY_LIST: '169.254.0.0/16' });
const receiver = await Receiver.start();
t.teardown(() => receiver.stop());

// ---------------------------------------------------------------------------------------------
// a receiver that misbehaves: each answer records how much it sent and when its connection closed

interface Answer { path: string; sent: number; closed: Promise<number> }
const answers: Answer[] = [];
const CHUNK = Buffer.alloc(16 * 1024, 'x');
const bad = createServer((req, res) => {
  const path = req.url ?? '';
  const started = Date.now();
  let closed!: (ms: number) => void;
  const answer: Answer = { path, sent: 0, closed: new Promise((r) => (closed = r)) };
  answers.push(answer);
  let timer: NodeJS.Timeout | undefined;
  res.on('close', () => {
    clearInterval(timer);
    closed(Date.now() - started);
  });
  const write = (r: ServerResponse, b: Buffer | string) => {
    answer.sent += Buffer.byteLength(b);
    return r.write(b);
  };
  req.resume();
  if (path.startsWith('/trickle')) {
    // a byte every 100 ms (well inside the 1 s idle timeout), for at most 30 s
    res.writeHead(200, { 'content-type': 'text/plain' });
    let n = 0;
    timer = setInterval(() => (++n > 300 ? res.end() : write(res, '.')), 100);
  } else if (path.startsWith('/announced')) {
    // says 10 MB are coming, sends 1 KB and waits
    res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(10 * 1024 * 1024) });
    write(res, CHUNK.subarray(0, 1024));
  } else if (path.startsWith('/stream')) {
    // no length: 16 KB chunks as fast as they are taken, up to 16 MB
    res.writeHead(200, { 'content-type': 'text/plain' });
    const pump = () => {
      while (answer.sent < 16 * 1024 * 1024 && !res.destroyed) if (!write(res, CHUNK)) return void res.once('drain', pump);
      res.end();
    };
    pump();
  } else {
    // within the limits: 32 KB at once
    res.writeHead(200, { 'content-type': 'text/plain' });
    write(res, CHUNK);
    write(res, CHUNK);
    res.end();
  }
});
await new Promise<void>((r) => bad.listen(0, '127.0.0.1', () => r()));
t.teardown(() => new Promise<void>((r) => bad.close(() => r())));
const badUrl = `http://127.0.0.1:${(bad.address() as { port: number }).port}`;
const answerTo = (path: string) => answers.find((x) => x.path === path);

// ---------------------------------------------------------------------------------------------
// helpers

const REJ = { key: 'rej', type: 'transform', options: { json: { path: 'reject', msg: '{{$last.message}}' } } };

/** a webhook flow whose only operation is a request to `url` (its reject path reports the error) */
async function requestFlow(app: TestApp, url: string): Promise<string> {
  const res = await app.post('/flows', { name: `zf14_${Math.random()}`, trigger: 'webhook', accountability: 'all', options: { method: 'POST', return: '$all' } });
  if (res.status !== 200) throw new Error(`flow create: ${res.status} ${res.text}`);
  const flow = res.body.data.id;
  const rej = (await app.post('/operations', { ...REJ, flow, position_x: 2, position_y: 1 })).body.data.id;
  const rq = await app.post('/operations', { flow, key: 'rq', type: 'request', position_x: 1, position_y: 1, options: { url, method: 'GET' }, reject: rej });
  if (rq.status !== 200) throw new Error(`operation create: ${rq.status} ${rq.text}`);
  await app.patch(`/flows/${flow}`, { operation: rq.body.data.id });
  return flow;
}
async function fireRequest(app: TestApp, url: string): Promise<{ ms: number; body: any }> {
  const flow = await requestFlow(app, url);
  const started = Date.now();
  const res = await app.post(`/flows/trigger/${flow}`, {});
  if (res.status !== 200) throw new Error(`trigger: ${res.status} ${res.text}`);
  await app.patch(`/flows/${flow}`, { status: 'inactive' });
  return { ms: Date.now() - started, body: res.body };
}

await a.sql(`create table zf14_out (id serial primary key, title text); insert into directus_collections (collection) values ('zf14_out')`);
/** a webhook on zf14_out's creates to `url`, one create, and its delivery once it is settled */
async function deliverTo(app: TestApp, url: string, method = 'POST'): Promise<any> {
  const hook = (await app.post('/webhooks', { name: `zf14 ${url}`, url, method, actions: ['create'], collections: ['zf14_out'] })).body.data.id;
  await app.post('/items/zf14_out', { title: url });
  for (let i = 0; ; i++) {
    const rows = await app.sql(`select status, attempts, last_status, last_error from strata.deliveries where done ? $1 or listeners ? $1 or (kind = 'webhook' and target = $2)`,
      [`webhook:${hook}`, String(hook)]);
    if ((rows.length > 0 && rows[0].status !== 'pending') || i > 750) {
      await app.del(`/webhooks/${hook}`);
      return rows[0];
    }
    await new Promise((r) => setTimeout(r, 20));
  }
}

// ---------------------------------------------------------------------------------------------

t.test('within the limits: the request operation gets the whole answer', async (t) => {
  const { body } = await fireRequest(a, `${badUrl}/small`);
  t.equal(body.rq?.status, 200);
  t.equal(body.rq?.data?.length, 32 * 1024, 'all 32 KB of a 64 KB cap');
});

t.test('FLOWS_REQUEST_TIMEOUT: a receiver trickling bytes is cut off at the deadline', async (t) => {
  const { ms, body } = await fireRequest(a, `${badUrl}/trickle-op`);
  t.same(body.$last, { path: 'reject', msg: 'timeout: no complete answer within 1000 ms' }, 'the operation rejects with the timeout');
  t.ok(ms < 5000, `the flow answered after ${ms} ms (the receiver would trickle for 30 s)`);
  const closedAfter = await answerTo('/trickle-op')!.closed;
  t.ok(closedAfter >= 900 && closedAfter < 5000, `the receiver's connection was closed after ${closedAfter} ms`);
  t.ok(answerTo('/trickle-op')!.sent < 50, 'it got to send a few bytes only');

  const delivery = await deliverTo(a, `${badUrl}/trickle-hook`);
  t.match(delivery, { status: 'failed', attempts: 1, last_error: /timeout: no complete answer within 1000 ms/ }, 'a webhook answered too slowly is a failed delivery');
  t.ok(await answerTo('/trickle-hook')!.closed < 5000, 'and its connection was cut too');
});

t.test('FLOWS_REQUEST_MAX_RESPONSE_SIZE: larger answers are refused', async (t) => {
  const announced = await fireRequest(a, `${badUrl}/announced`);
  t.same(announced.body.$last, { path: 'reject', msg: 'response larger than 65536 bytes' }, 'an answer announcing 10 MB is refused unread');
  await answerTo('/announced')!.closed;
  t.pass('the connection was dropped (the receiver was still holding it open)');

  const streamed = await fireRequest(a, `${badUrl}/stream-op`);
  t.same(streamed.body.$last, { path: 'reject', msg: 'response larger than 65536 bytes' }, 'an answer without a length is refused where it passes the cap');
  await answerTo('/stream-op')!.closed;
  t.ok(answerTo('/stream-op')!.sent < 16 * 1024 * 1024, `the receiver was cut off after ${answerTo('/stream-op')!.sent} of 16 MB`);

  const delivery = await deliverTo(a, `${badUrl}/stream-hook`);
  t.match(delivery, { status: 'delivered', last_status: 200, last_error: null }, 'a webhook\'s answer is not used: the status counts, the body is cut');
  await answerTo('/stream-hook')!.closed;
  t.ok(answerTo('/stream-hook')!.sent < 16 * 1024 * 1024, 'and not read past the cap');
});

t.test('the deny list applies to host names: localhost resolves to a denied address', async (t) => {
  // where loopback is allowed (this gateway), the name resolves and the request reaches it
  const allowed = await fireRequest(a, `http://localhost:${receiver.port}/by-name`);
  t.equal(allowed.body.rq?.status, 200, 'localhost resolved and reached');
  t.equal(receiver.requests.filter((r) => r.url === '/by-name').length, 1);

  const b = await startApp(t, { ...LIMITS, FLOWS_IP_DENY_LIST: '127.0.0.0/8,::1/128' });
  await b.sql(`create table zf14_out (id serial primary key, title text); insert into directus_collections (collection) values ('zf14_out')`);
  const before = receiver.all.length;
  const refused = await fireRequest(b, `http://localhost:${receiver.port}/denied-name`);
  t.same(refused.body.$last, { path: 'reject', msg: 'Requested domain "localhost" resolves to a denied IP address' }, 'the request operation is refused');
  const byAddress = await fireRequest(b, `http://127.0.0.1:${receiver.port}/denied-address`);
  t.same(byAddress.body.$last, { path: 'reject', msg: 'Requested domain "127.0.0.1" resolves to a denied IP address' }, 'as its address is');
  const delivery = await deliverTo(b, `http://localhost:${receiver.port}/denied-hook`);
  t.match(delivery, { status: 'failed', last_status: null, last_error: /"localhost" resolves to a denied IP address/ }, 'a webhook to it fails');
  t.equal(receiver.all.length, before, 'the receiver heard nothing');
  await b.close();
});
