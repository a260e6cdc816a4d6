// The official Directus client as a real client of Strata's realtime WebSocket (issue 13):
// `createDirectus(url).with(realtime())` from @directus/sdk, unchanged, with the `ws` package as
// its WebSocket (Node 20 has no global one; the SDK takes it through `globals`).
import t from 'tap';
import WebSocket from 'ws';
import { authentication, createDirectus, realtime, staticToken } from '@directus/sdk';
import { startApp } from './helpers/app.js';
import { createUser } from './helpers/users.js';

const app = await startApp(t, { WEBSOCKETS_HEARTBEAT_ENABLED: 'false' });
await app.sql(`
  create table sdk_notes (id serial primary key, title varchar(255), body text);
  insert into directus_collections (collection) values ('sdk_notes');
  insert into sdk_notes (title) values ('first');
`);

interface Schema {
  sdk_notes: Array<{ id: number; title: string; body: string | null }>;
}

const globals = { WebSocket: WebSocket as never };

/**
 * The value a subscription yields next, after `action`. The SDK listens for a subscription's
 * next message only while its generator is being awaited (a message arriving between two
 * `next()` calls is not seen: the same holds against Directus), so the wait starts first.
 */
async function after<T>(gen: AsyncGenerator<T>, action: () => Promise<unknown> = async () => undefined): Promise<T> {
  const pending = gen.next();
  await action();
  const r = await pending;
  if (r.done) throw new Error('subscription ended');
  return r.value;
}

t.test('access token (handshake): subscribe, then create/update/delete events', async (t) => {
  const client = createDirectus<Schema>(app.url, { globals }).with(staticToken(app.adminToken)).with(realtime({ reconnect: false }));
  await client.connect();
  t.teardown(() => client.disconnect());

  const { subscription, unsubscribe } = await client.subscribe('sdk_notes', { query: { fields: ['id', 'title'], sort: ['id'] } as never });
  t.same(await after(subscription), { type: 'subscription', event: 'init', data: [{ id: 1, title: 'first' }], uid: '1' });

  let id = 0;
  t.match(await after(subscription, async () => (id = (await app.post('/items/sdk_notes', { title: 'second' })).body.data.id)),
    { type: 'subscription', event: 'create', data: [{ id: Number, title: 'second' }], uid: '1' });
  t.same(await after(subscription, () => app.sql(`update sdk_notes set title = 'by sql' where id = $1`, [id])),
    { type: 'subscription', event: 'update', data: [{ id, title: 'by sql' }], uid: '1' });
  t.same(await after(subscription, () => app.del(`/items/sdk_notes/${id}`)), { type: 'subscription', event: 'delete', data: [id], uid: '1' });
  unsubscribe();
});

t.test('email and password through authentication(): login, connect, items messages', async (t) => {
  const user = await createUser(app, { admin: true });
  const client = createDirectus<Schema>(app.url, { globals }).with(authentication('json')).with(realtime({ reconnect: false }));
  await client.login(user.email, user.password);
  t.teardown(() => client.stopRefreshing()); // its refresh timer would keep the process alive
  t.ok(await client.getToken(), 'logged in over REST');
  await client.connect();
  t.teardown(() => client.disconnect());

  const answers: any[] = [];
  const waiters: Array<() => void> = [];
  client.onWebSocket('message', (msg: any) => {
    if (msg?.type !== 'items') return;
    answers.push(msg);
    waiters.splice(0).forEach((w) => w());
  });
  const answer = async (uid: string): Promise<any> => {
    for (;;) {
      const i = answers.findIndex((m) => m.uid === uid);
      if (i >= 0) return answers.splice(i, 1)[0];
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };

  client.sendMessage({ type: 'items', collection: 'sdk_notes', action: 'create', data: { title: 'over ws' }, query: { fields: ['id', 'title'] }, uid: 'c' });
  const created = await answer('c');
  t.match(created, { type: 'items', data: { id: Number, title: 'over ws' }, uid: 'c' });
  client.sendMessage({ type: 'items', collection: 'sdk_notes', action: 'update', id: created.data.id, data: { body: 'b' }, query: { fields: ['title', 'body'] }, uid: 'u' });
  t.same(await answer('u'), { type: 'items', data: { title: 'over ws', body: 'b' }, uid: 'u' });
  client.sendMessage({ type: 'items', collection: 'sdk_notes', action: 'read', query: { fields: ['title'], sort: ['id'] }, uid: 'r' });
  t.same(await answer('r'), { type: 'items', data: [{ title: 'first' }, { title: 'over ws' }], uid: 'r' });
  client.sendMessage({ type: 'items', collection: 'sdk_notes', action: 'delete', id: created.data.id, uid: 'd' });
  t.same(await answer('d'), { type: 'items', data: created.data.id, uid: 'd' });
  t.same((await app.get('/items/sdk_notes?fields=title')).body.data, [{ title: 'first' }]);
});

t.test('strict mode: the SDK puts the token on the upgrade URL', async (t) => {
  const strict = await startApp(t, { WEBSOCKETS_REST_AUTH: 'strict', WEBSOCKETS_HEARTBEAT_ENABLED: 'false' }, { database: app.dbName });
  const client = createDirectus<Schema>(strict.url, { globals }).with(staticToken(strict.adminToken)).with(realtime({ authMode: 'strict', reconnect: false }));
  await client.connect();
  t.teardown(() => client.disconnect());
  const { subscription } = await client.subscribe('sdk_notes', { event: 'create', query: { fields: ['title'] } as never });
  t.same(await after(subscription), { type: 'subscription', event: 'init', uid: '1' });
  t.same(await after(subscription, () => strict.post('/items/sdk_notes', { title: 'strict' })),
    { type: 'subscription', event: 'create', data: [{ title: 'strict' }], uid: '1' });
});
