// Property-based fuzzing of everything a client can put in a request — query strings (bracket
// syntax), JSON and SEARCH bodies, cookies and headers — against a real server running in this
// process, so prototype pollution shows directly on this process's Object.prototype.
// Properties, for every generated request:
//   * the answer is never a 500 and never a dropped connection; the status is one Directus uses
//     for client errors, and an error body has Directus's shape {"errors":[{message,extensions:{code}}]};
//   * no prototype (Object, Array, Function, String) gained, lost or changed a property;
//   * the server still answers GET /server/ping;
//   * an error answer (and any GET or SEARCH) left the database as it was;
//   * a key named __proto__, constructor or prototype is refused: 400 INVALID_QUERY in a query
//     string, 400 INVALID_PAYLOAD in a JSON or SEARCH body, 400 INVALID_PAYLOAD as a header name.
// fast-check prints the seed and the shrunk counterexample of a failing property; rerun one with
// `fc.assert(..., { seed, path })`.
import t from 'tap';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { startApp } from './helpers/app.js';
import { hashPassword } from '../src/auth/password.js';

const app = await startApp(t, { STRATA_AUTH_CACHE_TTL: '0' });
const COLLECTION = 'fuzz_notes';
const FORBIDDEN = ['__proto__', 'constructor', 'prototype'];

// ---------------------------------------------------------------------------------------------
// The world: a small collection made through the schema API by the admin, three rows, and a
// non-admin user whose policy may read, create and update it (and update their own name).

const ROLE = randomUUID();
const POLICY = randomUUID();
const USER = randomUUID();
const USER_TOKEN = 'fuzz-user-static-token';
const USER_EMAIL = 'fuzz-user@example.com';
const PUBLIC_POLICY = 'abf8a154-5b1c-4a46-ac9c-7300570f4f17';

const createdCollection = await app.post('/collections', {
  collection: COLLECTION, schema: {}, meta: {},
  fields: [
    { field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } },
    { field: 'title', type: 'string' },
    { field: 'score', type: 'integer' },
    { field: 'info', type: 'json' },
    { field: 'owner', type: 'uuid' },
  ],
});
if (createdCollection.status !== 200) {
  // Reported by the 'fixture' test below; the same table made with SQL lets the fuzzing run.
  await app.sql(`create table ${COLLECTION} (id serial primary key, title varchar(255), score integer, info json, owner uuid)`);
  await app.sql('insert into directus_collections (collection) values ($1)', [COLLECTION]);
  await app.sql(`insert into directus_fields (collection, field, special) values ($1, 'info', 'cast-json')`, [COLLECTION]);
}
const createdRows = await app.post(`/items/${COLLECTION}`, [
  { title: 'first', score: 1, info: { a: 1 } }, { title: 'second', score: 2, info: [1, 2] }, { title: 'third', score: 3, info: null },
]);
if (createdRows.status !== 200) {
  await app.sql(`insert into ${COLLECTION} (title, score, info) values ('first', 1, '{"a":1}'), ('second', 2, '[1,2]'), ('third', 3, null)`);
}
await app.sql(`
  insert into directus_roles (id, name) values ('${ROLE}', 'Fuzz role');
  insert into directus_policies (id, name, app_access, admin_access) values ('${POLICY}', 'Fuzz policy', true, false);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${POLICY}');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('${COLLECTION}', 'read', null, '*', '${POLICY}'),
    ('${COLLECTION}', 'create', null, 'title,score,info', '${POLICY}'),
    ('${COLLECTION}', 'update', null, 'title,score,info', '${POLICY}'),
    ('directus_users', 'update', '{"id":{"_eq":"$CURRENT_USER"}}', 'first_name,last_name', '${POLICY}'),
    ('${COLLECTION}', 'read', null, 'id,title', '${PUBLIC_POLICY}');
`);
await app.sql('insert into directus_users (id, email, password, status, role, token) values ($1, $2, $3, $4, $5, $6)',
  [USER, USER_EMAIL, await hashPassword('fuzz-user-password'), 'active', ROLE, USER_TOKEN]);

type Who = 'admin' | 'user' | 'anon';
const TOKENS: Record<Who, string | null> = { admin: app.adminToken, user: USER_TOKEN, anon: null };

// ---------------------------------------------------------------------------------------------
// Requests, and the checks every answer must pass.

interface Answer { status: number; text: string; body: any }

/** fetch with header tuples (names such as `__proto__` can't be keys of a plain object literal). */
async function send(method: string, path: string, opts: { who?: Who; headers?: [string, string][]; body?: string } = {}): Promise<Answer> {
  const headers: [string, string][] = [...(opts.headers ?? [])];
  const token = TOKENS[opts.who ?? 'anon'];
  if (token) headers.push(['authorization', `Bearer ${token}`]);
  if (opts.body !== undefined) headers.push(['content-type', 'application/json']);
  const res = await fetch(app.url + path, { method, headers, body: opts.body });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, text, body };
}

/** One request written by hand on its own connection; null when no answer comes within 3 s. */
function rawRequest(text: string): Promise<Answer | null> {
  return new Promise((resolve) => {
    const socket = net.connect(Number(new URL(app.url).port), '127.0.0.1', () => socket.write(text));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(null);
    }, 1000);
    socket.on('data', (d) => chunks.push(d));
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      const all = Buffer.concat(chunks).toString();
      const m = /^HTTP\/1\.1 (\d{3})/.exec(all);
      if (!m) return resolve(null);
      const bodyText = all.slice(all.indexOf('\r\n\r\n') + 4);
      let body: unknown;
      try {
        body = JSON.parse(bodyText);
      } catch {
        body = undefined;
      }
      resolve({ status: Number(m[1]), text: bodyText, body });
    });
  });
}

const ALLOWED = new Set([200, 204, 400, 401, 403, 404, 405, 413, 415]);

/** Throws (a property failure) when the answer is not one Directus could give. */
function checkAnswer(res: Answer, what: string, extra: Set<number> = new Set()) {
  if (!ALLOWED.has(res.status) && !extra.has(res.status)) throw new Error(`${what}: status ${res.status}: ${res.text.slice(0, 300)}`);
  if (res.status === 431) return; // uWebSockets.js's own answer to oversized headers (HTML, no JSON)
  if (res.status >= 400) {
    const e = res.body?.errors;
    const ok = Array.isArray(e) && e.length > 0 && e.every((x: any) => typeof x?.message === 'string' && typeof x?.extensions?.code === 'string');
    if (!ok) throw new Error(`${what}: status ${res.status} without Directus's error shape: ${res.text.slice(0, 300)}`);
  } else if (res.status === 200 && res.body === undefined) {
    throw new Error(`${what}: 200 whose body is not JSON: ${res.text.slice(0, 300)}`);
  }
}

const codeOf = (res: Answer): string | undefined => res.body?.errors?.[0]?.extensions?.code;

// Prototype state: every own property (value or accessor) of the prototypes request data could
// reach. A change is undone at once (so one failure does not poison the rest of the run) and
// reported.
const WATCHED: [string, object][] = [['Object.prototype', Object.prototype], ['Array.prototype', Array.prototype],
  ['Function.prototype', Function.prototype], ['String.prototype', String.prototype]];
type ProtoState = Map<PropertyKey, PropertyDescriptor>[];
const protoState = (): ProtoState =>
  WATCHED.map(([, p]) => new Map(Reflect.ownKeys(p).map((k) => [k, Object.getOwnPropertyDescriptor(p, k)!])));
const sameDescriptor = (a: PropertyDescriptor, b: PropertyDescriptor) =>
  a.value === b.value && a.get === b.get && a.set === b.set && a.writable === b.writable && a.enumerable === b.enumerable && a.configurable === b.configurable;

function pollutionSince(before: ProtoState): string[] {
  const found: string[] = [];
  WATCHED.forEach(([name, proto], i) => {
    const was = before[i];
    for (const key of Reflect.ownKeys(proto)) {
      const now = Object.getOwnPropertyDescriptor(proto, key)!;
      const old = was.get(key);
      if (!old) {
        found.push(`${name}.${String(key)} added`);
        delete (proto as Record<PropertyKey, unknown>)[key];
      } else if (!sameDescriptor(old, now)) {
        found.push(`${name}.${String(key)} changed`);
        Object.defineProperty(proto, key, old);
      }
    }
    for (const [key, old] of was) {
      if (!Object.getOwnPropertyDescriptor(proto, key)) {
        found.push(`${name}.${String(key)} removed`);
        Object.defineProperty(proto, key, old);
      }
    }
  });
  return found;
}

/** A digest of every row a refused request could have changed. */
async function snapshot(): Promise<string> {
  const [row] = await app.sql<{ h: string }>(`select md5(string_agg(t, '|' order by t)) as h from (
    select 'n' || x::text as t from ${COLLECTION} x
    union all select 'u' || u::text from directus_users u
    union all select 's' || s::text from directus_sessions s
    union all select 'p' || p::text from directus_permissions p
    union all select 'r' || count(*)::text from directus_revisions
    union all select 'a' || count(*)::text from directus_activity) z`);
  return row.h;
}

/**
 * Sends one request and checks everything the properties promise; returns the answer for
 * further, request-specific checks.
 */
async function probe(method: string, path: string, opts: { who?: Who; headers?: [string, string][]; body?: string; allow?: Set<number> } = {}): Promise<Answer> {
  const what = `${method} ${path.slice(0, 400)} as ${opts.who ?? 'anon'}${opts.body !== undefined ? ` body ${opts.body.slice(0, 400)}` : ''}`;
  const dbBefore = await snapshot();
  const before = protoState();
  let res: Answer;
  try {
    res = await send(method, path, opts);
  } catch (err) {
    throw new Error(`${what}: no answer (${(err as Error).message}; cause ${String((err as { cause?: unknown }).cause)})`);
  }
  const polluted = pollutionSince(before);
  if (polluted.length) throw new Error(`${what}: prototype pollution: ${polluted.join(', ')} (status ${res.status})`);
  checkAnswer(res, what, opts.allow);
  let ping: Answer;
  try {
    ping = await send('GET', '/server/ping');
  } catch (err) {
    throw new Error(`${what}: the server stopped answering (${(err as Error).message})`);
  }
  if (ping.status !== 200 || ping.text !== 'pong') throw new Error(`${what}: /server/ping answered ${ping.status} ${ping.text.slice(0, 100)}`);
  if (res.status >= 400 || method === 'GET' || method === 'SEARCH') {
    const dbAfter = await snapshot();
    if (dbAfter !== dbBefore) throw new Error(`${what}: answered ${res.status} but the database changed: ${res.text.slice(0, 300)}`);
  }
  return res;
}

// ---------------------------------------------------------------------------------------------
// Arbitraries.

/** Words of the query language, prototype machinery, and inherited property names. */
const WORDS = ['__proto__', 'constructor', 'prototype', '_or', '_and', '_not', 'filter', 'fields', 'sort', 'deep', 'aggregate', 'groupBy',
  'alias', 'meta', 'search', 'limit', 'offset', 'page', 'export', 'id', 'title', 'score', 'info', 'owner', '_eq', '_neq', '_in', '_gt',
  '_null', '_some', '_none', '_json', '_limit', '_filter', '_sort', 'count', 'countDistinct', 'sum', 'min', 'max', '*', '*.*',
  '$CURRENT_USER', '$CURRENT_USER.password', '$NOW', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__',
  'isPrototypeOf', 'length', '0', '1', '19', '20', '21', '99999999999', '-1', '1e309', 'NaN', 'null', 'true', 'year(id)', 'count(info)'];
const ODD = ['[', ']', '[]', '][', '[[', ']]', '%', '%2', '%5B', '%5D', '%5b%5d', '%00', '%ZZ', '%C3', '%C3%28', '%F0%9F%98%80', '%ED%A0%80',
  '%5F%5Fproto%5F%5F', 'constructo%72', 'prototyp%65', '.', ',', '(', ')', '%26', '%3D', '+', '%2B', 'é', '𝔘', '中文', '\u0301', '%E2%80%AE'];

const encoded = (s: string) => encodeURIComponent(s);
const queryToken = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 5, arbitrary: fc.constantFrom(...ODD) },
  { weight: 2, arbitrary: fc.string({ maxLength: 8 }).map(encoded) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }).map(encoded) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 6000 }).map((n) => 'a'.repeat(n)) },
);
const queryKey = fc.array(queryToken, { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
const queryValue = fc.oneof(
  { weight: 4, arbitrary: fc.array(queryToken, { maxLength: 4 }).map((parts) => parts.join('')) },
  { weight: 1, arbitrary: fc.constantFrom('{"__proto__":{"x":1}}', '{"_or":[{"constructor":{"_eq":1}}]}', '{"title":{"_eq":"x"}}', '["id","title"]',
    '{"prototype":1}', '{"\\u005f_proto__":{"y":1}}', '[{"__proto__":1}]', '{"a":{"_json":{"__proto__":{"_eq":1}}}}').map(encoded) },
);
/** a query string of 1 to 6 parameters, sometimes one that names a forbidden key in its path */
const queryString = fc.array(fc.tuple(queryKey, queryValue), { minLength: 1, maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));

// Well-formed keys (`base[seg]...`, depth within the parser's limit) with a forbidden segment
// somewhere: these must be refused whatever else the query holds.
const PLAIN = WORDS.filter((w) => !FORBIDDEN.includes(w));
const forbiddenSegment = fc.constantFrom('__proto__', 'constructor', 'prototype', '%5F%5Fproto%5F%5F', 'constructo%72', 'prototyp%65');
const keyWithForbidden = fc.tuple(fc.array(fc.constantFrom(...PLAIN, ''), { minLength: 1, maxLength: 8 }), forbiddenSegment, fc.nat())
  .map(([segs, bad, at]) => {
    const path = [...segs];
    path.splice(at % (path.length + 1), 0, bad);
    if (path[0] === '') path[0] = 'filter'; // the first segment is the parameter's name
    return path[0] + path.slice(1).map((s) => `[${s}]`).join('');
  });

// JSON texts written out by hand, so that keys are exactly what the text says ("__proto__"
// literally, or behind \u escapes).
type Node = { t: 'leaf'; v: unknown } | { t: 'obj'; entries: [string, boolean, Node][] } | { t: 'arr'; items: Node[] };
const KEYS = ['__proto__', 'constructor', 'prototype', 'title', 'score', 'info', 'id', 'owner', 'query', 'filter', 'fields', 'keys', 'data',
  'email', 'password', 'mode', 'refresh_token', 'otp', 'first_name', 'last_name', 'role', 'status', 'policies', 'admin_access', 'token',
  'tfa_secret', '_eq', '_in', '_or', '_and', 'deep', 'alias', 'aggregate', 'sort', 'limit', 'toString', 'valueOf', 'hasOwnProperty', '0', ''];
const jsonKey = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...KEYS) }, { weight: 2, arbitrary: fc.string({ maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 5 }) });
const { node } = fc.letrec<{ node: Node; obj: Node; arr: Node }>((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, fc.jsonValue({ maxDepth: 2 }).map((v): Node => ({ t: 'leaf', v })), tie('obj'), tie('arr')),
  obj: fc.array(fc.tuple(jsonKey, fc.boolean(), tie('node')), { maxLength: 5 }).map((entries): Node => ({ t: 'obj', entries })),
  arr: fc.array(tie('node'), { maxLength: 4 }).map((items): Node => ({ t: 'arr', items })),
}));
/** `"key"`, or with every character as a \u escape */
const keyText = (k: string, escape: boolean) =>
  escape ? `"${[...k].map((c) => (c.length === 1 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : JSON.stringify(c).slice(1, -1))).join('')}"` : JSON.stringify(k);
const jsonText = (n: Node): string =>
  n.t === 'leaf' ? JSON.stringify(n.v)
    : n.t === 'arr' ? `[${n.items.map(jsonText).join(',')}]`
      : `{${n.entries.map(([k, esc, v]) => `${keyText(k, esc)}:${jsonText(v)}`).join(',')}}`;
/** a node wrapped in up to 50 levels of objects and arrays */
const deepJson = fc.tuple(node, fc.array(fc.tuple(fc.boolean(), jsonKey, fc.boolean()), { maxLength: 50 })).map(([inner, wraps]) =>
  wraps.reduce((text, [isObj, k, esc]) => (isObj ? `{${keyText(k, esc)}:${text}}` : `[${text}]`), jsonText(inner)));
const RAW_BODIES = ['{"__proto__":{"fn":"x"}}', '{"constructor":{"prototype":{"polluted":true}}}', '{"a":[{"__proto__":{"admin":true}}]}',
  '{"\\u005f\\u005fproto\\u005f\\u005f":{"x":1}}', '{"__pro\\u0074o__":{"x":1}}', '{"query":{"__proto__":{"admin":true}}}',
  '{"query":{"filter":{"constructor":{"_eq":1}}}}', '[{"title":"a","__proto__":{"x":1}}]', '{"title":"__proto__"}', '{"__proto__":null}',
  '{"__proto__":[]}', '{"prototype":"x"}', 'null', '"__proto__"', '[]', '{}', '{', '{"a":1}}', '\u0000', '{"a":"\\ud800"}',
  '{"email":{"__proto__":"x"},"password":"p"}', '{"refresh_token":{"constructor":1}}'];
const jsonBodyText = fc.oneof(
  { weight: 6, arbitrary: deepJson },
  { weight: 2, arbitrary: fc.constantFrom(...RAW_BODIES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 2, arbitrary: node.map((n) => `{"query":${jsonText(n)}}`) },
);

/** The keys the server's JSON.parse will see in objects of a text (escapes decoded). */
function forbiddenKeysIn(text: string): string[] {
  const found: string[] = [];
  try {
    JSON.parse(text, function (this: unknown, key: string, value: unknown) {
      if (FORBIDDEN.includes(key) && !Array.isArray(this)) found.push(key);
      return value;
    });
  } catch {
    return [];
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

t.test('the pollution detector sees a planted, a changed and a removed property, and undoes them', async (t) => {
  const before = protoState();
  (Object.prototype as Record<string, unknown>).plantedByTest = 1;
  const original = Array.prototype.includes;
  Array.prototype.includes = () => true;
  const fnName = Object.getOwnPropertyDescriptor(Function.prototype, 'name')!;
  delete (Function.prototype as unknown as Record<string, unknown>).name;
  t.same(pollutionSince(before).sort(), ['Array.prototype.includes changed', 'Function.prototype.name removed', 'Object.prototype.plantedByTest added']);
  t.equal(({} as Record<string, unknown>).plantedByTest, undefined, 'undone');
  t.equal(Array.prototype.includes, original);
  t.same(Object.getOwnPropertyDescriptor(Function.prototype, 'name'), fnName);
  t.same(pollutionSince(before), [], 'nothing left');
});

t.test('fixture: the collection and its rows were made through the API', async (t) => {
  t.equal(createdCollection.status, 200, `POST /collections: ${createdCollection.text.slice(0, 300)}`);
  t.equal(createdRows.status, 200, `POST /items/${COLLECTION}: ${createdRows.text.slice(0, 300)}`);
  const user = await send('GET', `/items/${COLLECTION}?fields=id,title&sort=id`, { who: 'user' });
  t.same(user.body, { data: [{ id: 1, title: 'first' }, { id: 2, title: 'second' }, { id: 3, title: 'third' }] }, 'the non-admin reads the rows');
  const anon = await send('GET', `/items/${COLLECTION}?fields=title&sort=id&limit=1`);
  t.same(anon.body, { data: [{ title: 'first' }] }, 'the public reads titles');
  const later = await send('POST', `/items/${COLLECTION}`, { who: 'admin', body: '{"title":"fourth"}' });
  t.equal(later.status, 200, `a create by the admin, later: ${later.text.slice(0, 200)}`);
  await app.sql(`delete from ${COLLECTION} where title = 'fourth'`);
});

t.test('regressions from the review', async (t) => {
  const invalidQuery = (res: Answer) => [res.status, codeOf(res)];
  const proto = Object.prototype as Record<string, unknown>;

  const anon = await probe('GET', `/items/${COLLECTION}?__proto__[a]=1`);
  t.same(invalidQuery(anon), [400, 'INVALID_QUERY'], 'GET ?__proto__[a]=1 (anonymous): 400 INVALID_QUERY');
  t.equal(proto.a, undefined, 'nothing planted');
  t.equal((await send('GET', '/server/ping')).text, 'pong', 'the process still answers');

  const dbBefore = await snapshot();
  const me = await probe('PATCH', '/users/me?__proto__[fn]=x', { who: 'user', body: '{"first_name":"Changed"}' });
  t.same(invalidQuery(me), [400, 'INVALID_QUERY'], 'PATCH /users/me?__proto__[fn]=x (non-admin): 400 INVALID_QUERY');
  t.equal(await snapshot(), dbBefore, 'and the user was not updated');
  t.equal(proto.fn, undefined);

  const ctor = await probe('GET', `/items/${COLLECTION}?constructor[prototype][x]=1`, { who: 'user' });
  t.same(invalidQuery(ctor), [400, 'INVALID_QUERY'], '?constructor[prototype][x]=1');
  t.equal(proto.x, undefined);
  for (const qs of ['filter[__proto__][x]=1', 'filter[title][__proto__]=1', 'filter[_or][0][constructor][_eq]=1', 'deep[__proto__][_limit]=1',
    'alias[__proto__]=id', 'aggregate[constructor]=id', 'fields[__proto__]=id', 'sort[prototype]=id', '%5F%5Fproto%5F%5F[a]=1',
    'filter=' + encodeURIComponent('{"__proto__":{"x":1}}'), 'deep=' + encodeURIComponent('{"constructor":{"_limit":1}}'),
    'alias=' + encodeURIComponent('{"__proto__":"id"}'), 'aggregate=' + encodeURIComponent('{"prototype":"id"}')]) {
    const res = await probe('GET', `/items/${COLLECTION}?${qs}`, { who: 'user' });
    t.same(invalidQuery(res), [400, 'INVALID_QUERY'], qs);
  }

  const search = await probe('SEARCH', `/items/${COLLECTION}`, { who: 'user', body: '{"query":{"__proto__":{"admin":true}}}' });
  t.same([search.status, codeOf(search)], [400, 'INVALID_PAYLOAD'], 'SEARCH {"query":{"__proto__":{"admin":true}}}');
  const before = await snapshot();
  for (const body of ['{"__proto__":{"fn":"x"}}', '{"\\u005f_proto__":{"fn":"x"}}', '{"title":"t","constructor":{"prototype":{"fn":"x"}}}',
    '[{"title":"t"},{"title":"u","prototype":1}]', '{"info":{"a":{"b":{"__proto__":{"fn":"x"}}}}}']) {
    const res = await probe('POST', `/items/${COLLECTION}`, { who: 'admin', body });
    t.same([res.status, codeOf(res)], [400, 'INVALID_PAYLOAD'], `POST ${body}`);
    t.equal(proto.fn, undefined);
  }
  t.equal(await snapshot(), before, 'no row created');

  for (const [path, body] of [['/auth/login', '{"__proto__":{"email":"a@b.c"},"email":"x@example.com","password":"p"}'],
    ['/auth/refresh', '{"constructor":{"refresh_token":"x"}}'], ['/auth/password/request', '{"email":"x@example.com","__proto__":{}}']]) {
    const res = await probe('POST', path, { body });
    t.same([res.status, codeOf(res)], [400, 'INVALID_PAYLOAD'], `POST ${path} ${body}`);
  }
  const meBody = await probe('PATCH', '/users/me', { who: 'user', body: '{"first_name":"x","__proto__":{"role":"x"}}' });
  t.same([meBody.status, codeOf(meBody)], [400, 'INVALID_PAYLOAD'], 'PATCH /users/me with a __proto__ key');

  // fetch silently drops a header named __proto__, so these go over a raw socket
  for (const name of ['constructor', 'prototype']) {
    const res = await rawRequest(`GET /server/info HTTP/1.1\r\nHost: x\r\n${name}: x\r\nConnection: close\r\n\r\n`);
    t.same(res && [res.status, codeOf(res)], [400, 'INVALID_PAYLOAD'], `a header named ${name}: ${res ? res.text.slice(0, 200) : 'no answer within 3 s'}`);
  }
  // uWebSockets.js's parser refuses header names with "_" itself, before any of Strata's code
  // runs (see the test below): no answer is a refusal too, as long as nothing else is hurt
  const protoHeader = await rawRequest('GET /server/info HTTP/1.1\r\nHost: x\r\n__proto__: x\r\nConnection: close\r\n\r\n');
  t.ok(!protoHeader || (protoHeader.status >= 400 && protoHeader.status < 500), `a header named __proto__ is refused: ${protoHeader ? `${protoHeader.status} ${protoHeader.text.slice(0, 200)}` : 'dropped by the HTTP parser'}`);
  t.equal((await send('GET', '/server/ping')).text, 'pong', 'and the server still answers');
  const cookies = await probe('GET', `/items/${COLLECTION}?fields=title&limit=1`, { headers: [['cookie', '__proto__=x; constructor=y; prototype=z; toString=1']] });
  t.same([cookies.status, cookies.body], [200, { data: [{ title: 'first' }] }], 'cookies named like prototype machinery are no cookies (anonymous read)');
});

t.test('inherited property names are just unknown names', async (t) => {
  // Every name of Object.prototype, where the query language expects a field, operator,
  // function or relation, answers exactly as an unknown name does (same status, code, data).
  const same = (res: Answer) => [res.status, codeOf(res), res.body?.data];
  for (const qs of ['filter[NAME][_eq]=1', 'filter[title][NAME]=1', 'filter[NAME]=1', 'fields=NAME', 'sort=NAME', 'alias[x]=NAME&fields=x',
    'aggregate[NAME]=id', 'aggregate[count]=NAME', 'groupBy[]=NAME', 'deep[NAME][_limit]=1', 'meta=NAME', 'filter[_or][NAME][_eq]=1',
    'fields=NAME.id', 'fields=NAME(id)', 'filter[NAME(id)][_eq]=1', 'filter[info][_json][NAME][_eq]=1',
    // a parameter that must be text given as an object with such a key (found by the fuzzer: 500 before)
    'export[NAME]=', 'export[]NAME=', 'deep[title][_search][NAME]=', 'search[NAME]=']) {
    for (const name of ['toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', '__lookupGetter__']) {
      // a leading "_" means an operator to the query language: compare with an unknown one
      const stand = name.startsWith('_') ? '__zzunknown__' : 'zzunknown';
      const unknown = await probe('GET', `/items/${COLLECTION}?${qs.replaceAll('NAME', stand)}`, { who: 'user' });
      const res = await probe('GET', `/items/${COLLECTION}?${qs.replaceAll('NAME', name)}`, { who: 'user' });
      t.same(same(res), same(unknown), `${qs.replaceAll('NAME', name)}: ${res.status} ${res.text.slice(0, 160)}`);
    }
  }
  for (const name of ['toString', 'hasOwnProperty', 'valueOf']) {
    const unknown = await probe('POST', `/items/${COLLECTION}`, { who: 'user', body: '{"title":"x","zzunknown":1}' });
    const res = await probe('POST', `/items/${COLLECTION}`, { who: 'user', body: `{"title":"x","${name}":1}` });
    t.same([res.status, codeOf(res)], [unknown.status, codeOf(unknown)], `POST {"${name}":1}: ${res.status} ${res.text.slice(0, 160)}`);
  }
});

t.test('header names with an underscore hurt nothing', async (t) => {
  // uWebSockets.js's parser drops such requests (Directus, on Node's parser, accepts them: see
  // README "Compatibility notes"); the process and every other connection carry on.
  for (const name of ['x_custom', '_a', '__defineSetter__', '__proto__']) {
    const res = await rawRequest(`GET /server/ping HTTP/1.1\r\nHost: x\r\n${name}: 1\r\nConnection: close\r\n\r\n`);
    t.ok(!res || res.status < 500, `${name}: ${res ? `${res.status}` : 'dropped by the HTTP parser'}`);
    t.equal((await send('GET', '/server/ping')).text, 'pong', `${name}: the server still answers`);
  }
});

t.test('fuzz: query strings', async () => {
  const targets: [string, string, Who[]][] = [
    ['GET', `/items/${COLLECTION}`, ['user', 'anon', 'admin']],
    ['GET', `/items/${COLLECTION}/1`, ['user', 'anon']],
    ['GET', '/users', ['user', 'anon', 'admin']],
    ['GET', '/server/info', ['user', 'anon']],
    ['PATCH', '/users/me', ['user', 'anon']],
  ];
  const request = fc.constantFrom(...targets).chain(([method, path, whos]) =>
    fc.tuple(fc.constant(method), fc.constant(path), fc.constantFrom(...whos), queryString));
  await fc.assert(fc.asyncProperty(request, async ([method, path, who, qs]) => {
    await probe(method, `${path}?${qs}`, { who, body: method === 'PATCH' ? '{"first_name":"Fuzzed"}' : undefined, allow: new Set([431]) });
  }), { numRuns: 250 });
});

t.test('fuzz: a forbidden key anywhere in a query string path is 400 INVALID_QUERY', async () => {
  const targets: [string, string, Who][] = [
    ['GET', `/items/${COLLECTION}`, 'user'], ['GET', `/items/${COLLECTION}`, 'anon'], ['GET', '/users', 'user'], ['PATCH', '/users/me', 'user'],
  ];
  const request = fc.tuple(fc.constantFrom(...targets), keyWithForbidden, fc.array(fc.tuple(fc.constantFrom(...PLAIN), fc.constantFrom(...PLAIN)), { maxLength: 3 }), fc.nat());
  await fc.assert(fc.asyncProperty(request, async ([[method, path, who], bad, others, at]) => {
    const pairs = others.map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    pairs.splice(at % (pairs.length + 1), 0, `${bad}=1`);
    const res = await probe(method, `${path}?${pairs.join('&')}`, { who, body: method === 'PATCH' ? '{"first_name":"Fuzzed"}' : undefined });
    if (res.status !== 400 || codeOf(res) !== 'INVALID_QUERY') throw new Error(`${method} ${path}?${pairs.join('&')} as ${who}: expected 400 INVALID_QUERY, got ${res.status} ${res.text.slice(0, 300)}`);
  }), { numRuns: 150 });
});

t.test('fuzz: JSON and SEARCH bodies', async () => {
  const targets: [string, string, Who[]][] = [
    ['POST', `/items/${COLLECTION}`, ['user', 'anon', 'admin']],
    ['PATCH', `/items/${COLLECTION}/1`, ['user', 'anon', 'admin']],
    ['PATCH', `/items/${COLLECTION}`, ['user', 'admin']],
    ['SEARCH', `/items/${COLLECTION}`, ['user', 'anon', 'admin']],
    ['SEARCH', '/users', ['user', 'anon']],
    ['POST', '/auth/login', ['anon']],
    ['POST', '/auth/refresh', ['anon']],
    ['PATCH', '/users/me', ['user', 'anon']],
  ];
  const request = fc.constantFrom(...targets).chain(([method, path, whos]) =>
    fc.tuple(fc.constant(method), fc.constant(path), fc.constantFrom(...whos), jsonBodyText));
  await fc.assert(fc.asyncProperty(request, async ([method, path, who, body]) => {
    const res = await probe(method, path, { who, body });
    const bad = forbiddenKeysIn(body);
    // Refused by the parser (400 INVALID_PAYLOAD), unless the caller was turned away before the
    // body was read (401/403); never accepted.
    if (bad.length && !((res.status === 400 && codeOf(res) === 'INVALID_PAYLOAD') || res.status === 401 || res.status === 403)) {
      throw new Error(`${method} ${path} as ${who} with key(s) ${bad.join(', ')}: expected 400 INVALID_PAYLOAD, got ${res.status} ${res.text.slice(0, 300)}; body ${body.slice(0, 300)}`);
    }
  }), { numRuns: 250 });
});

t.test('fuzz: cookies, headers and Authorization values', async () => {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const [admin] = await app.sql<{ id: string; role: string }>('select id, role from directus_users where email = $1', [app.cluster.adminEmail]);
  const now = Math.floor(Date.now() / 1000);
  const adminClaims = { id: admin.id, role: admin.role, app_access: true, admin_access: true, iat: now, exp: now + 600, iss: 'directus' };
  const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 40 })
    .map((s) => s.trim());
  const jwtish = fc.oneof(
    fc.constant(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(adminClaims)}.`),
    fc.constant(`${b64({ alg: 'None' })}.${b64(adminClaims)}.`),
    fc.constant(`${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(adminClaims)}.`),
    fc.constant(`${Buffer.from('{"alg":"HS256","__proto__":{"alg":"none"}}').toString('base64url')}.${b64(adminClaims)}.x`),
    fc.constant(`${Buffer.from('{"alg":"none","__proto__":{"x":1}}').toString('base64url')}.${Buffer.from(`{"iss":"directus","constructor":{"prototype":{"admin_access":true}},"id":"${admin.id}"}`).toString('base64url')}.`),
    fc.tuple(latin1, latin1, latin1).map(([a, b, c]) => `${Buffer.from(a).toString('base64url')}.${Buffer.from(b).toString('base64url')}.${c.replace(/\s/g, '')}`),
    fc.constantFrom('a.b.c', '..', 'a..', 'eyJhbGciOiJub25lIn0.e30.', 'admin-static-tokenx'),
  );
  const authorization = fc.oneof(
    fc.constantFrom('Bearer ', 'Bearer', 'bearer  ', 'Bearer a.b.c', 'Basic YWRtaW46YWRtaW4=', 'Bearer null', 'Bearer undefined', 'Bearer __proto__',
      'Bearer constructor', 'Bearer [object Object]', 'Digest x', `Bearer ${'A'.repeat(10000)}`),
    jwtish.map((j) => `Bearer ${j}`),
    latin1,
  );
  const cookieName = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'directus_session_token',
    'directus_refresh_token', 'a', '', ' ', '=');
  const cookieValue = fc.oneof(latin1.map((s) => s.replace(/;/g, '')), jwtish, fc.constantFrom('%', '%ZZ', '%E0%A4%A', '', '"x"', 'a'.repeat(6000)));
  const cookie = fc.array(fc.tuple(cookieName, cookieValue), { minLength: 1, maxLength: 6 })
    .map((pairs) => pairs.map(([n, v]) => `${n}=${v}`).join('; '));
  // (names with "_" are left to the test above: the server does not answer them today)
  const headerName = fc.constantFrom('x-custom', 'x-forwarded-for', 'x-real-ip', 'origin', 'user-agent', 'accept', 'content-type', 'x-http-method-override',
    'hasOwnProperty', 'toString', 'valueOf', 'isPrototypeOf', 'constructor', 'prototype');
  const header = fc.tuple(headerName, fc.oneof(latin1, fc.integer({ min: 1000, max: 20000 }).map((n) => 'v'.repeat(n))));
  const targets: [string, string][] = [['GET', '/server/info'], ['GET', `/items/${COLLECTION}?limit=1`], ['GET', '/revisions?limit=1'], ['POST', '/auth/refresh'], ['GET', '/users/me']];
  const request = fc.record({
    target: fc.constantFrom(...targets),
    authorization: fc.option(authorization, { nil: undefined }),
    cookie: fc.option(cookie, { nil: undefined }),
    headers: fc.array(header, { maxLength: 3 }),
  });
  await fc.assert(fc.asyncProperty(request, async ({ target: [method, path], authorization, cookie, headers }) => {
    const sent: [string, string][] = [...headers];
    if (authorization !== undefined) sent.push(['authorization', authorization]);
    if (cookie !== undefined) sent.push(['cookie', cookie]);
    const res = await probe(method, path, { headers: sent, allow: new Set([431]) });
    const bad = headers.find(([name]) => FORBIDDEN.includes(name));
    if (bad && (res.status !== 400 || codeOf(res) !== 'INVALID_PAYLOAD')) throw new Error(`a header named ${bad[0]}: expected 400 INVALID_PAYLOAD, got ${res.status} ${res.text.slice(0, 200)}`);
    // Nothing but the admin's own credentials reads admin-only data.
    if (path.startsWith('/revisions') && res.status === 200) throw new Error(`GET /revisions answered 200 to ${JSON.stringify(sent).slice(0, 400)}`);
    if (path === '/users/me' && res.status === 200) throw new Error(`GET /users/me answered 200 to ${JSON.stringify(sent).slice(0, 400)}: ${res.text.slice(0, 200)}`);
  }), { numRuns: 200 });
});
