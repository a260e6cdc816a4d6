// `npm start`: embedded PostgreSQL unless one is configured, schema install, then serve.
import { loadConfig, ConfigError } from './config.js';
import { createLogger } from './log.js';
import { startEmbedded, type EmbeddedDb } from './db/embedded.js';
import { installSchema } from './bootstrap.js';
import { createApp } from './app.js';

async function main() {
  let config;
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
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbedded(config.dbEmbeddedDir, config.dbEmbeddedPort, (m) => log.debug(m));
    url = embedded.url;
  }
  const where = embedded ? `embedded PostgreSQL in ${config.dbEmbeddedDir} (port ${config.dbEmbeddedPort})` : redact(url);

  await installSchema(config, log, url);
  const app = await createApp(config, log, url);
  log.info(`Strata listening on http://${config.host}:${app.port}`, { database: where });
  process.stdout.write(`Strata is listening on http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${app.port} (database: ${where})\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: draining in-flight requests`);
    await app.close();
    await embedded?.stop();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
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
