// The realtime bench's WebSocket clients (bench/realtime.ts): sockets authenticated as the 10
// bench users, each subscribed to rt_bench; also run in a process of their own
// (bench/subscribers-child.ts), apart from the load generator's event loop.
import WebSocket from 'ws';

export const GROUPS = 10;
export const tokenOf = (g: number) => `rt-bench-token-${g}`;

export interface Sock { ws: WebSocket; group: number; onEvent?: (msg: any) => void }

/** Opens `n` sockets authenticated round-robin as the 10 users (20 upgrades in flight at a time). */
export async function openSockets(url: string, n: number): Promise<Sock[]> {
  const out: Sock[] = [];
  const one = (i: number) => new Promise<Sock>((res, rej) => {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/websocket`);
    const s: Sock = { ws, group: i % GROUPS };
    ws.once('error', rej);
    ws.once('open', () => ws.send(JSON.stringify({ type: 'auth', access_token: tokenOf(s.group) })));
    ws.on('message', (data) => {
      const msg = JSON.parse(data.toString());
      if (msg.type === 'auth' && msg.status === 'ok') res(s);
      else if (msg.type === 'auth') rej(new Error(JSON.stringify(msg)));
      else if (msg.type === 'ping') ws.send('{"type":"pong"}');
      else s.onEvent?.(msg);
    });
  });
  for (let i = 0; i < n; i += 20) out.push(...await Promise.all(Array.from({ length: Math.min(20, n - i) }, (_, k) => one(i + k))));
  return out;
}

/** Subscribes every socket to rt_bench and resolves once each has its init. */
export async function subscribeAll(socks: Sock[]): Promise<void> {
  await Promise.all(socks.map((s) => new Promise<void>((res) => {
    s.onEvent = (msg) => {
      if (msg.event === 'init') res();
    };
    s.ws.send(JSON.stringify({ type: 'subscribe', collection: 'rt_bench', query: { fields: ['id', 'grp', 'title'] }, uid: 'b' }));
  })));
}

export const closeAll = async (socks: Sock[]) => {
  await Promise.all(socks.map((s) => new Promise<void>((res) => {
    if (s.ws.readyState === WebSocket.CLOSED) return res();
    s.ws.once('close', () => res());
    s.ws.close();
  })));
};
