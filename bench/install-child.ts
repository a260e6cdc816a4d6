// Installs or upgrades Strata's schema on the bench database (src/bootstrap.ts installSchema), in
// a process of its own: graphile-migrate keeps a pool that exits the process when its connections
// end, and reports a failed migration in its log rather than by throwing. Exit code 0 = installed.
import { installSchema } from '../src/bootstrap.js';
import { createLogger } from '../src/log.js';
import { benchConfig } from './config.js';

let failed = false;
const logger = createLogger('warn', (line) => {
  if (/"msg":"error/.test(line)) failed = true;
  process.stderr.write(line.slice(0, 300) + '\n');
});
try {
  await installSchema(benchConfig(1, JSON.parse(process.env.BENCH_EXTRA_ENV ?? '{}')), logger, process.env.BENCH_DATABASE_URL!);
} catch (err) {
  process.stderr.write(`installing the schema failed: ${String(err)}\n`);
  failed = true;
}
process.exit(failed ? 2 : 0);
