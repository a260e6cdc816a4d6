// Strata in its own process (started by bench/server.ts), so the bench can measure the server's
// CPU time and memory apart from the load generator's. Talks to the parent over IPC:
// -> {ready, port}; on "stats" <- {cpu, rss, peakRss} and the peak is reset.
import { createLogger } from '../src/log.js';
import { createApp } from '../src/app.js';
import { benchConfig } from './config.js';

const databaseUrl = process.env.BENCH_DATABASE_URL!;
const config = benchConfig(Number(process.env.BENCH_POOL ?? 10), JSON.parse(process.env.BENCH_EXTRA_ENV ?? '{}'));
const app = await createApp(config, createLogger(config.logLevel, (l) => process.stderr.write(l)), databaseUrl);

// RSS sampled every 50 ms: the peak between two "stats" messages is one scenario's peak
let peakRss = process.memoryUsage.rss();
setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}, 50).unref();

process.on('message', async (msg: { type: string }) => {
  if (msg.type === 'stats') {
    const rss = process.memoryUsage.rss();
    process.send!({ type: 'stats', cpu: process.cpuUsage(), rss, peakRss: Math.max(peakRss, rss) });
    peakRss = rss;
  } else if (msg.type === 'stop') {
    await app.close();
    process.exit(0);
  }
});
process.send!({ type: 'ready', port: app.port });
