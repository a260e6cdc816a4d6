// The catalog: one place that knows the schema version and hash fields, and that tells the
// caches depending on them when they are stale. A write prepared with an older catalog than the
// database's is refused by the database (strata.check_schema_version) and retried once with a
// fresh catalog, so a field made `hash` with plain SQL a moment ago never stores a clear value,
// even before this gateway has heard the schema notification.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { urlFor } from './setup/cluster.js';
import { connect, requestRoles } from '../src/db/client.js';
import { Catalog } from '../src/engine/catalog.js';
import { Reader } from '../src/engine/reader.js';
import { Writer } from '../src/engine/writer.js';
import type { Accountability } from '../src/types.js';

const app = await startApp(t);
const created = await app.post('/collections', {
  collection: 'cat_secrets', schema: {}, meta: {},
  fields: [{ field: 'id', type: 'integer', schema: { is_primary_key: true, has_auto_increment: true } }, { field: 'code', type: 'string' }],
});
t.equal(created.status, 200, 'collection created');

// as a DBA would: the field's meta row, written with plain SQL
const makeHashField = () => app.sql(`with gone as (delete from directus_fields where collection = 'cat_secrets' and field = 'code')
  insert into directus_fields (collection, field, special) values ('cat_secrets', 'code', 'hash')`);

const admin: Accountability = {
  user: null, role: null, roles: [], policies: [], admin: true, app: true, ip: '127.0.0.1', userAgent: null, origin: null,
};

t.test('a write prepared before a plain-SQL schema change is retried with the new hash fields', async (t) => {
  // an engine of its own, listening to nothing: only the database can tell it the schema moved
  const url = urlFor(app.cluster.port, app.dbName);
  const db = connect(url, 2, { roles: await requestRoles(url) });
  t.teardown(() => db.close());
  const catalog = new Catalog(db);
  const reader = new Reader(db, { defaultLimit: 100, maxDepth: 10, cacheSize: 10 });
  catalog.onSchemaChange(() => reader.invalidate());
  let schemaChanges = 0;
  catalog.onSchemaChange(() => schemaChanges++);
  const writer = new Writer(db, reader, catalog, { maxBatchMutation: Infinity, defaultLimit: 100 });

  const before = await catalog.load();
  t.notOk(before.hash.get('cat_secrets')?.has('code'), 'code is not a hash field yet');
  await makeHashField();

  await writer.write(admin, 'cat_secrets', 'create', { payload: { code: 'in clear' } }, null, {});
  const [row] = await app.sql<{ code: string }>('select code from cat_secrets');
  t.match(row.code, /^\$argon2id\$/, 'the value is hashed');
  t.equal(schemaChanges, 1, 'the refusal made the catalog drop what it knew, once');
  const after = await catalog.load();
  t.ok(after.hash.get('cat_secrets')?.has('code'), 'the catalog knows the new hash field');
  t.not(after.version, before.version, 'and the new schema version');
});

t.test('the gateway hears plain-SQL schema changes through its listener', async (t) => {
  await makeHashField();
  const res = await app.post('/items/cat_secrets', { code: 'another' });
  t.equal(res.status, 200);
  const [row] = await app.sql<{ code: string }>('select code from cat_secrets where id = $1', [res.body.data.id]);
  t.match(row.code, /^\$argon2id\$/, 'hashed, whether the notification or the refused write came first');
});
