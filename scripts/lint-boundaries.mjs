// Enforces the architecture's boundaries, with messages that say why. The layers (README "How it
// works"): two edges (src/http: uWebSockets.js; src/db: PostgreSQL), the front ends (src/rest,
// and graphql/realtime/files to come), and a neutral core (src/auth, src/request, src/engine,
// with the plain data types in src/types.ts). Arrows go front end -> core -> src/db; the HTTP
// edge calls a front end's handlers through the router it is given; src/app.ts wires them.
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

const FRONT_ENDS = ['rest', 'graphql', 'realtime', 'files'];
const CORE = ['auth', 'request', 'engine'];
const top = (f) => f.split('/')[1]?.replace(/\.ts$/, '');
const isCore = (f) => CORE.includes(top(f)) || ['types', 'errors', 'router', 'config', 'log'].includes(top(f));
const isFrontEnd = (f) => FRONT_ENDS.includes(top(f));
const importRules = [
  { from: isCore, to: (t) => isFrontEnd(t) || top(t) === 'http' || top(t) === 'app',
    why: 'the core serves every front end: it may not depend on one, on the HTTP edge or on the composition root' },
  { from: isFrontEnd, to: (t) => top(t) === 'http' || top(t) === 'app' || (isFrontEnd(t) && top(t) !== undefined),
    why: 'a front end plugs into the core and is served by the edge through the router: it imports neither the edge, the composition root nor another front end' },
  { from: (f) => top(f) === 'db', to: (t) => isFrontEnd(t) || top(t) === 'http' || ['auth', 'request', 'engine', 'app'].includes(top(t)),
    why: 'src/db is an edge: it knows PostgreSQL and the plain data types, nothing above it' },
  { from: (f) => top(f) === 'http', to: (t) => isFrontEnd(t) || top(t) === 'app',
    why: 'the HTTP edge serves whatever router it is given: it imports no front end' },
];

// SQL text: a string or template literal that starts (after optional whitespace) with a
// statement's first word. Front ends and the rest of the core call named functions of
// src/engine (which run constant SQL text with values as parameters), so every statement the
// gateway sends can be found, reviewed and reused by the next front end in one place.
const SQL_START = /^\s*(?:(?:select|insert|update|delete|with)\s|begin\b)/i;
const SQL_WHY = 'SQL text lives in src/engine and src/db: front ends and the rest of the core call named functions';
const sqlAllowed = (f) => f.startsWith('src/db/') || f.startsWith('src/engine/');
// comments are matched (and skipped) so that quotes inside them don't open a literal
const TOKENS = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g;

/** The string and template literals of a file that hold SQL text, with their line numbers. */
function sqlLiterals(text) {
  const out = [];
  for (const m of text.matchAll(TOKENS)) {
    if (m[0].startsWith('/')) continue;
    if (SQL_START.test(m[0].slice(1))) out.push({ line: text.slice(0, m.index).split('\n').length, text: m[0].split('\n')[0] });
  }
  return out;
}

/** Relative imports of a file, as repository paths ('src/engine/reader.ts'). */
function importsOf(rel, text) {
  const out = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
    out.push(join(rel, '..', m[1]) + '.ts');
  }
  return out;
}

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
  if (!sqlAllowed(rel)) {
    for (const lit of sqlLiterals(text)) {
      console.error(`${rel}:${lit.line}: ${lit.text} is not allowed here: ${SQL_WHY}`);
      failures++;
    }
  }
  for (const target of importsOf(rel, text)) {
    for (const rule of importRules) {
      // a front end's own files import each other freely
      if (isFrontEnd(rel) && top(target) === top(rel)) continue;
      if (rule.from(rel) && rule.to(target)) {
        console.error(`${rel}: imports ${target}: ${rule.why}`);
        failures++;
      }
    }
  }
}
if (failures) process.exit(1);
