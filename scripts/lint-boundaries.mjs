// Enforces the architecture's boundaries (DESIGN.md convention 5), with messages that say why.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const rules = [
  { pattern: /from ['"]postgres['"]|import\(['"]postgres['"]\)/, allowed: (f) => f.startsWith('src/db/'),
    why: 'only src/db talks to PostgreSQL: the rest of the gateway is pure functions on plain data' },
  { pattern: /from ['"]uWebSockets\.js['"]/, allowed: (f) => f.startsWith('src/http/'),
    why: 'only src/http knows uWebSockets.js: handlers receive plain ApiRequest values' },
  { pattern: /process\.env/, allowed: (f) => f === 'src/config.ts',
    why: 'configuration is read and validated in one place, src/config.ts' },
];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

let failures = 0;
for (const file of files(join(root, 'src'))) {
  const rel = relative(root, file);
  const text = readFileSync(file, 'utf8');
  for (const rule of rules) {
    if (rule.pattern.test(text) && !rule.allowed(rel)) {
      console.error(`${rel}: ${rule.pattern} is not allowed here: ${rule.why}`);
      failures++;
    }
  }
}
if (failures) process.exit(1);
