// Strata's configuration in the bench: the defaults a user gets, on 127.0.0.1, with a fixed admin
// token. Shared by the server process and the floor (which must compile with the same limits).
import { loadConfig, type Config } from '../src/config.js';

export const ADMIN_TOKEN = 'bench-admin-token';

/** `extra`: further settings for one bench (bench/flows.ts lets the gateway reach its local receiver) */
export function benchConfig(pool: number, extra: Record<string, string> = {}): Config {
  return loadConfig({
    HOST: '127.0.0.1',
    PORT: '0',
    SECRET: 'strata-bench-secret-strata-bench-secret',
    LOG_LEVEL: 'warn',
    DB_POOL__MAX: String(pool),
    ADMIN_EMAIL: 'admin@example.com',
    ADMIN_PASSWORD: 'bench-admin-password',
    ADMIN_TOKEN,
    ...extra,
  });
}

/**
 * The gateway's extra environment of the standalone benches (realtime, flows, files), passed to
 * the server and installer children in BENCH_EXTRA_ENV; STRATA_BENCH_DEV_MIGRATIONS=true adds
 * STRATA_DEV_MIGRATIONS, so sql/current.sql is applied too (measuring uncommitted SQL).
 */
export function setBenchEnv(extra: Record<string, string>): void {
  process.env.BENCH_EXTRA_ENV = JSON.stringify({
    ...extra, ...passedThrough(), ...(process.env.STRATA_BENCH_DEV_MIGRATIONS === 'true' ? { STRATA_DEV_MIGRATIONS: 'true' } : {}),
  });
}

/** the event stream's batch window, when set in the bench's own environment, reaches the gateway (to compare settings) */
function passedThrough(): Record<string, string> {
  const window = process.env.STRATA_EVENTS_BATCH_WINDOW;
  return window === undefined ? {} : { STRATA_EVENTS_BATCH_WINDOW: window };
}
