// Work several callers share: a compiled read or write of one shape, a GraphQL schema of one
// policy set. One computation serves every concurrent caller of its key (and the cache after
// them), so it must not be cancelled when the caller that happened to ask first goes away:
// each caller here runs with a request's abort signal, and the first one's is aborted while the
// computation is in flight.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { Reader } from '../src/engine/reader.js';
import { CompiledWrites } from '../src/engine/compiled-writes.js';
import { Catalog } from '../src/engine/catalog.js';
import { Schemas } from '../src/graphql/schemas.js';
import { normalizeQuery } from '../src/request/query.js';
import { parseQueryString } from '../src/request/qs.js';
import type { Accountability } from '../src/types.js';

const app = await startApp(t);

const EDITORS = '11111111-1111-4111-8111-111111111111';
const EDITOR = '22222222-2222-4222-8222-222222222222';
const ROLE = '33333333-3333-4333-8333-333333333333';

await app.sql(`
  create table sw_articles (id serial primary key, title varchar(255), status varchar(20), secret text);
  insert into sw_articles (title, status, secret) values ('one', 'published', 's1'), ('two', 'draft', 's2'), ('three', 'published', 's3');
  insert into directus_roles (id, name) values ('${ROLE}', 'Editor');
  insert into directus_policies (id, name, app_access) values ('${EDITORS}', 'Editors', false);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${EDITORS}');
  insert into directus_users (id, email, status, role) values ('${EDITOR}', 'ed@example.com', 'active', '${ROLE}');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('sw_articles', 'read', '{"status":{"_eq":"published"}}', 'id,title,status', '${EDITORS}');
`);

const base = { ip: '127.0.0.1', userAgent: null, origin: null };
const admin: Accountability = { ...base, user: null, role: null, roles: [], policies: [], admin: true, app: true };
const editor: Accountability = { ...base, user: EDITOR, role: ROLE, roles: [ROLE], policies: [EDITORS], admin: false, app: false };

/** two concurrent callers of `work`, the first of whom goes away at once */
async function firstGoesAway<T>(acc: Accountability, work: (acc: Accountability) => Promise<T>) {
  const gone = new AbortController();
  const first = work({ ...acc, signal: gone.signal });
  const second = work({ ...acc, signal: new AbortController().signal });
  gone.abort(new Error('the client went away'));
  return Promise.allSettled([first, second]);
}

t.test('a compiled read', async (t) => {
  const reader = new Reader(app.db, { defaultLimit: 100, maxDepth: 10, cacheSize: 100 });
  const query = normalizeQuery(parseQueryString('fields=id,title&sort=-id'), { limitDefault: 100, limitMax: -1, maxFields: 1000, maxFilterNodes: 1000 }, { list: true });
  const [first, second] = await firstGoesAway(editor, (acc) => reader.sqlFor(acc, 'sw_articles', query, 'list'));
  t.equal(second.status, 'fulfilled', 'the caller still there gets the statement');
  t.equal(first.status, 'fulfilled', 'the compilation ran to its end');
  const body = await app.db.requestBytes(editor, (second as PromiseFulfilledResult<string>).value, [query]);
  t.strictSame(JSON.parse(body!.toString()).data, [{ id: 3, title: 'three' }, { id: 1, title: 'one' }], 'and it reads as its caller');
});

t.test('a compiled write', async (t) => {
  const writes = new CompiledWrites(app.db);
  const write = { action: 'create' as const, payload: { title: 'four' } };
  const [first, second] = await firstGoesAway(admin, (acc) => writes.statementFor(acc, 'sw_articles', write, null));
  t.equal(second.status, 'fulfilled', 'the caller still there gets the statement');
  t.equal(first.status, 'fulfilled');
  t.match((second as PromiseFulfilledResult<unknown>).value, { sql: /insert into/ });
  t.equal(writes.stats.uncovered, 0);
});

t.test("a caller's GraphQL schema", async (t) => {
  const schemas = new Schemas(app.db, new Catalog(app.db));
  const [first, second] = await firstGoesAway(editor, (acc) => schemas.forCaller(acc));
  t.equal(second.status, 'fulfilled', 'the caller still there gets the schema');
  t.equal(first.status, 'fulfilled');
  const fields = (second as PromiseFulfilledResult<Awaited<ReturnType<Schemas['forCaller']>>>).value.schema.getType('sw_articles');
  t.strictSame(Object.keys((fields as unknown as { getFields(): object }).getFields()).sort(), ['id', 'status', 'title'], 'built for the policy set: the readable fields');
});
