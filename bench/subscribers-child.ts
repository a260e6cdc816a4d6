// A child process holding subscribed WebSocket clients (bench/realtime.ts (d)): `n` sockets
// (argv: url, n) opened, authenticated and subscribed (bench/ws-clients.ts), then 'ready'; on
// 'close' they are closed, the frames they received reported, and the process ends. In the
// load generator's own process, parsing their frames (ten per create there) would share its
// event loop with the requests it times.
import { closeAll, openSockets, subscribeAll } from './ws-clients.js';

const [url, n] = [process.argv[2], Number(process.argv[3])];
const socks = await openSockets(url, n);
await subscribeAll(socks);
let frames = 0;
for (const s of socks) s.onEvent = () => void frames++;
process.send!({ type: 'ready' });
const cpu0 = process.cpuUsage();
process.once('message', async () => {
  const cpu = process.cpuUsage(cpu0);
  await closeAll(socks);
  process.send!({ type: 'closed', frames, cpuMicros: cpu.user + cpu.system }, () => process.exit(0));
});
