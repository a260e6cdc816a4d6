// /fields: every Directus type, alias fields, changes to a column, and the errors.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { columnsOf, makeUser } from './helpers/schema.js';

const app = await startApp(t);
const forbidden = { errors: [{ message: "You don't have permission to access this.", extensions: { code: 'FORBIDDEN' } }] };
const invalid = (reason: string) => ({ errors: [{ message: `Invalid payload. ${reason}.`, extensions: { reason, code: 'INVALID_PAYLOAD' } }] });
const accessForbidden = (c: string) => {
  const message = `You don't have permission to access collection "${c}" or it does not exist. Queried in root.`;
  return { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] };
};

await app.post('/collections', { collection: 'things', schema: {}, meta: {} });

// type -> [PostgreSQL data_type (information_schema), max length, precision, scale]
const types: Record<string, [string, number | null, number | null, number | null]> = {
  string: ['character varying', 255, null, null],
  text: ['text', null, null, null],
  integer: ['integer', null, 32, 0],
  bigInteger: ['bigint', null, 64, 0],
  float: ['real', null, 24, null],
  decimal: ['numeric', null, 10, 5],
  boolean: ['boolean', null, null, null],
  date: ['date', null, null, null],
  dateTime: ['timestamp without time zone', null, null, null],
  time: ['time without time zone', null, null, null],
  timestamp: ['timestamp with time zone', null, null, null],
  json: ['json', null, null, null],
  uuid: ['uuid', null, null, null],
  hash: ['character varying', 255, null, null],
  csv: ['text', null, null, null],
};

t.test('every Directus type creates its column, as Directus creates it', async (t) => {
  for (const [type, [dataType, maxLength, precision, scale]] of Object.entries(types)) {
    const field = `f_${type.toLowerCase()}`;
    const res = await app.post('/fields/things', { field, type });
    t.equal(res.status, 200, type);
    const d = res.body.data;
    t.equal(d.collection, 'things');
    t.equal(d.field, field);
    // a csv field is csv by its cast-csv flag, which Directus 12.4 adds only when asked: without
    // it the column reads back as text (test/rest-exact-2.test.ts)
    t.equal(d.type, type === 'csv' ? 'text' : type, `${type} reads back as ${type}`);
    t.same(d.schema, {
      name: field, table: 'things', data_type: dataType, default_value: null, generation_expression: null,
      max_length: maxLength, numeric_precision: precision, numeric_scale: scale, is_generated: false,
      is_nullable: true, is_unique: false, is_indexed: false, is_primary_key: false, has_auto_increment: false,
      foreign_key_schema: null, foreign_key_table: null, foreign_key_column: null, comment: null,
    }, type);
    const cols = await columnsOf(app, 'things');
    t.equal(cols[field].data_type, dataType, `${type} column type`);
    t.equal(cols[field].character_maximum_length, maxLength);
  }
  // only the types that need a special flag get a meta row without one being asked for
  const json = await app.get('/fields/things/f_json');
  t.same(json.body.data.meta.special, ['cast-json']);
  t.same((await app.get('/fields/things/f_hash')).body.data.meta.special, ['hash']);
  t.equal((await app.get('/fields/things/f_csv')).body.data.meta, null);
  t.equal((await app.get('/fields/things/f_string')).body.data.meta, null);
});

t.test('schema options: length, precision, not null, default, unique, index, comment', async (t) => {
  let res = await app.post('/fields/things', {
    field: 'code', type: 'string',
    schema: { max_length: 12, is_nullable: false, default_value: "it's", is_unique: true, comment: 'a code' },
    meta: { interface: 'input', note: 'Code', width: 'half', options: { trim: true } },
  });
  t.equal(res.status, 200);
  t.match(res.body.data.schema, { max_length: 12, is_nullable: false, default_value: "it's", is_unique: true, comment: 'a code' });
  t.match(res.body.data.meta, { interface: 'input', note: 'Code', width: 'half', options: { trim: true }, special: null, collection: 'things', field: 'code' });
  t.type(res.body.data.meta.id, 'number');
  const cols = await columnsOf(app, 'things');
  t.equal(cols.code.character_maximum_length, 12);
  t.equal(cols.code.is_nullable, 'NO');
  t.match(cols.code.column_default, /^'it''s'::character varying/);
  const [uq] = await app.sql("select conname from pg_constraint where conrelid = 'things'::regclass and contype = 'u'");
  t.equal(uq.conname, 'things_code_unique');

  res = await app.post('/fields/things', { field: 'price', type: 'decimal', schema: { numeric_precision: 12, numeric_scale: 2, default_value: 9.5, is_indexed: true } });
  t.match(res.body.data.schema, { numeric_precision: 12, numeric_scale: 2, default_value: 9.5, is_indexed: true, is_unique: false });
  t.same(await app.sql("select indexname from pg_indexes where tablename = 'things' and indexname = 'things_price_index'"), [{ indexname: 'things_price_index' }]);

  res = await app.post('/fields/things', { field: 'active', type: 'boolean', schema: { default_value: true } });
  t.equal(res.body.data.schema.default_value, true);
  res = await app.post('/fields/things', { field: 'created', type: 'timestamp', schema: { default_value: 'CURRENT_TIMESTAMP' } });
  t.equal(res.body.data.schema.default_value, 'CURRENT_TIMESTAMP');
  res = await app.post('/fields/things', { field: 'settings', type: 'json', schema: { default_value: { a: [1, 'b'] } } });
  t.same(res.body.data.schema.default_value, { a: [1, 'b'] });
  res = await app.post('/fields/things', { field: 'qty', type: 'integer', schema: { default_value: -3 } });
  t.equal(res.body.data.schema.default_value, -3);
});

t.test('alias fields: presentation and relational aliases have no column', async (t) => {
  let res = await app.post('/fields/things', { field: 'divider', type: 'alias', meta: { special: ['alias', 'no-data'], interface: 'presentation-divider' } });
  t.equal(res.status, 200);
  t.same(res.body.data.schema, null);
  t.equal(res.body.data.type, 'alias');
  t.same(res.body.data.meta.special, ['alias', 'no-data']);
  for (const special of ['o2m', 'm2m', 'm2a']) {
    res = await app.post('/fields/things', { field: `list_${special}`, type: 'alias', meta: { special: [special] } });
    t.equal(res.status, 200);
    t.same(res.body.data.meta.special, [special]);
  }
  const cols = await columnsOf(app, 'things');
  t.notOk(cols.divider);
  t.notOk(cols.list_o2m);
  const list = await app.get('/fields/things');
  t.ok(list.body.data.some((f: any) => f.field === 'divider' && f.schema === null));
});

t.test('meta sort numbers new meta rows after the existing ones', async (t) => {
  const sorts = await app.sql("select field, sort from directus_fields where collection = 'things' order by id");
  const nums = sorts.map((r: any) => r.sort);
  t.same(nums, [...nums].sort((a, b) => a - b));
  t.equal(new Set(nums).size, nums.length);
});

t.test('get: all, per collection, one; unknown ones are 403', async (t) => {
  const all = await app.get('/fields');
  t.equal(all.status, 200);
  t.ok(all.body.data.some((f: any) => f.collection === 'things' && f.field === 'code'));
  t.ok(all.body.data.some((f: any) => f.collection === 'directus_users' && f.field === 'email' && f.meta.system === true));
  const per = await app.get('/fields/things');
  t.ok(per.body.data.every((f: any) => f.collection === 'things'));
  t.equal(per.body.data[0].field, 'id');
  let res = await app.get('/fields/nope');
  t.equal(res.status, 403);
  t.same(res.body, accessForbidden('nope'));
  res = await app.get('/fields/nope/x');
  t.same(res.body, accessForbidden('nope'));
  res = await app.get('/fields/things/nope');
  t.same(res.body, forbidden);
  await app.sql('create table raw_sql (id int primary key, label varchar(40) not null default \'x\')');
  res = await app.get('/fields/raw_sql/label');
  t.match(res.body.data, { type: 'string', meta: null, schema: { max_length: 40, is_nullable: false, default_value: 'x' } });
});

t.test('create errors', async (t) => {
  let res = await app.post('/fields/things', { field: 'code', type: 'string' });
  t.same(res.body, invalid('Field "code" already exists in collection "things"'));
  res = await app.post('/fields/things', { field: 'divider', type: 'alias' });
  t.same(res.body, invalid('Field "divider" already exists in collection "things"'));
  res = await app.post('/fields/things', { type: 'string' });
  t.same(res.body, invalid('"field" is required'));
  res = await app.post('/fields/things', { field: 'x', type: 'nonsense' });
  t.equal(res.status, 400);
  t.match(res.body.errors[0].message, /^Invalid payload\. "type" must be one of \[bigInteger, boolean, date, dateTime, decimal, float, integer, json, string, text, time, timestamp, binary, uuid, alias, hash, csv/);
  res = await app.post('/fields/things', { field: 'x' });
  t.same(res.body, invalid('"type" is required'));
  res = await app.post('/fields/nope', { field: 'x', type: 'string' });
  t.equal(res.status, 403);
  t.same(res.body, accessForbidden('nope'));
  res = await app.post('/fields/things', { field: 'bad_default', type: 'integer', schema: { default_value: 'abc' } });
  t.equal(res.status, 400);
  t.equal(res.body.errors[0].extensions.code, 'INVALID_PAYLOAD');
  t.notOk((await columnsOf(app, 'things')).bad_default);
  res = await app.post('/fields/things', { field: 'x', type: 'string', schema: { max_length: -1 } });
  t.equal(res.status, 400);
});

t.test('update: type, length, nullability, default, unique, index, meta', async (t) => {
  await app.sql("insert into things (f_text, f_integer, code, f_string) values ('12', 1, 'a', 's1'), ('34', 2, 'b', 's2')");
  let res = await app.patch('/fields/things/f_text', { type: 'integer' });
  t.equal(res.status, 200);
  t.equal(res.body.data.type, 'integer');
  t.equal((await columnsOf(app, 'things')).f_text.data_type, 'integer');
  t.same((await app.sql('select f_text from things order by id')).map((r: any) => r.f_text), [12, 34], 'values converted');

  res = await app.patch('/fields/things/f_string', { schema: { max_length: 100, is_nullable: false, default_value: 'abc' } });
  t.equal(res.status, 200);
  t.match(res.body.data.schema, { max_length: 100, is_nullable: false, default_value: 'abc' });
  const cols = await columnsOf(app, 'things');
  t.equal(cols.f_string.character_maximum_length, 100);
  t.equal(cols.f_string.is_nullable, 'NO');

  res = await app.patch('/fields/things/f_integer', { schema: { is_unique: true, default_value: 5 }, meta: { note: 'hello' } });
  t.match(res.body.data, { schema: { is_unique: true, default_value: 5 }, meta: { note: 'hello', special: null } });
  res = await app.patch('/fields/things/f_integer', { schema: { is_unique: false, default_value: null, is_indexed: true } });
  t.match(res.body.data.schema, { is_unique: false, default_value: null, is_indexed: true });
  res = await app.patch('/fields/things/f_integer', { schema: { is_indexed: false } });
  t.equal(res.body.data.schema.is_indexed, false);

  res = await app.patch('/fields/things/f_text', { type: 'json' });
  t.equal(res.body.data.type, 'json', 'a type needing a special flag gets it');
  t.same(res.body.data.meta.special, ['cast-json']);

  // meta of an alias field
  res = await app.patch('/fields/things/divider', { meta: { note: 'section', special: ['alias', 'no-data'] } });
  t.match(res.body.data, { type: 'alias', schema: null, meta: { note: 'section', special: ['alias', 'no-data'] } });

  // batch
  res = await app.patch('/fields/things', [{ field: 'f_date', meta: { hidden: true } }, { field: 'f_time', schema: { comment: 'when' } }]);
  t.equal(res.status, 200);
  t.same(res.body.data.map((f: any) => f.field), ['f_date', 'f_time']);
  t.equal(res.body.data[0].meta.hidden, true);
  t.equal(res.body.data[1].schema.comment, 'when');
});

t.test('update errors', async (t) => {
  let res = await app.patch('/fields/things/nope', { meta: { note: 'x' } });
  t.equal(res.status, 403, 'unknown fields are not created by PATCH');
  t.same(res.body, forbidden);
  t.same(await app.sql("select 1 from directus_fields where field = 'nope'"), []);
  res = await app.patch('/fields/nope/x', { meta: {} });
  t.same(res.body, accessForbidden('nope'));
  // nulls present: NOT NULL cannot be set
  res = await app.patch('/fields/things/f_boolean', { schema: { is_nullable: false } });
  t.equal(res.status, 400);
  t.same(res.body.errors[0].extensions, { collection: 'things', field: 'f_boolean', code: 'CONTAINS_NULL_VALUES' });
  // duplicates present: UNIQUE cannot be set
  await app.sql("update things set f_biginteger = 7");
  res = await app.patch('/fields/things/f_biginteger', { schema: { is_unique: true } });
  t.equal(res.status, 400);
  t.equal(res.body.errors[0].extensions.code, 'RECORD_NOT_UNIQUE');
  // values that do not convert
  await app.sql("update things set f_uuid = null, code = 'zz' where id = 1");
  res = await app.patch('/fields/things/code', { type: 'integer' });
  t.equal(res.status, 400);
  t.equal(res.body.errors[0].extensions.code, 'INVALID_PAYLOAD');
  t.equal((await columnsOf(app, 'things')).code.data_type, 'character varying');
  res = await app.patch('/fields/things', { field: 'x' });
  t.equal(res.status, 400);
  res = await app.patch('/fields/directus_users/email', { meta: { note: 'x' } });
  // as Directus 12.4: only a system field's index may change (test/rest-exact-2.test.ts)
  t.equal(res.status, 400, 'system columns are not editable');
  t.equal(res.body.errors[0].message, 'Invalid payload. Only "schema.is_indexed" may be modified for system fields.');
});

t.test('delete drops the column and its meta', async (t) => {
  let res = await app.del('/fields/things/f_csv');
  t.equal(res.status, 204);
  t.notOk((await columnsOf(app, 'things')).f_csv);
  t.same(await app.sql("select 1 from directus_fields where collection = 'things' and field = 'f_csv'"), []);
  res = await app.del('/fields/things/divider');
  t.equal(res.status, 204);
  t.same(await app.sql("select 1 from directus_fields where collection = 'things' and field = 'divider'"), []);
  res = await app.del('/fields/things/nope');
  t.same(res.body, forbidden);
  res = await app.del('/fields/nope/x');
  t.same(res.body, accessForbidden('nope'));
  res = await app.del('/fields/things/id');
  t.equal(res.status, 400, 'the primary key stays');
  res = await app.del('/fields/directus_users/email');
  t.equal(res.status, 403);
  t.ok((await columnsOf(app, 'directus_users')).email);
});

t.test('permissions', async (t) => {
  const appUser = await makeUser(app, { app: true, read: ['things'] });
  const noApp = await makeUser(app, { app: false });
  for (const token of [null, noApp, appUser]) {
    let res = await app.post('/fields/things', { field: 'sneaky', type: 'string' }, { token });
    t.same(res.body, forbidden);
    res = await app.patch('/fields/things/code', { schema: { max_length: 3 } }, { token });
    t.same(res.body, forbidden);
    res = await app.patch('/fields/things', [{ field: 'code', meta: { note: 'x' } }], { token });
    t.same(res.body, forbidden);
    res = await app.del('/fields/things/code', undefined, { token });
    t.same(res.body, forbidden);
  }
  const cols = await columnsOf(app, 'things');
  t.notOk(cols.sneaky);
  t.equal(cols.code.character_maximum_length, 12);

  for (const token of [null, noApp]) {
    const message = 'You don\'t have permission to perform "read" for collection "directus_fields" or it does not exist.';
    let res = await app.get('/fields', { token });
    t.equal(res.status, 403);
    t.same(res.body, { errors: [{ message, extensions: { reason: message, code: 'FORBIDDEN' } }] });
    res = await app.get('/fields/things', { token });
    t.equal(res.status, 403);
  }
  let res = await app.get('/fields/things', { token: appUser });
  t.equal(res.status, 200);
  res = await app.get('/fields/raw_sql', { token: appUser });
  t.same(res.body, forbidden, 'app users see only what they may read');
  res = await app.get('/fields', { token: appUser });
  t.notOk(res.body.data.some((f: any) => f.collection === 'raw_sql'));
});

t.test('adversarial field names stay identifiers', async (t) => {
  const evil = 'x"); drop table things; --';
  let res = await app.post('/fields/things', { field: evil, type: 'string', schema: { default_value: "'); drop table things; --" } });
  t.equal(res.status, 200);
  t.equal(res.body.data.schema.default_value, "'); drop table things; --");
  t.ok((await columnsOf(app, 'things'))[evil]);
  res = await app.get(`/fields/things/${encodeURIComponent(evil)}`);
  t.equal(res.body.data.field, evil);
  res = await app.del(`/fields/things/${encodeURIComponent(evil)}`);
  t.equal(res.status, 204);
  t.ok((await columnsOf(app, 'things')).code);
});

t.test('a DBA can call the SQL functions directly', async (t) => {
  const [row] = await app.sql(`select strata.create_field('things', '{"field":"dba","type":"bigInteger","schema":{"default_value":42}}')::text as f`);
  t.match(JSON.parse(row.f), { field: 'dba', type: 'bigInteger', schema: { default_value: 42 } });
  await app.sql(`select strata.update_field('things', 'dba', '{"schema":{"is_nullable":false}}')`);
  t.equal((await columnsOf(app, 'things')).dba.is_nullable, 'NO');
  const [info] = await app.sql("select json_array_length(strata.fields_info('things')) as n");
  t.ok(info.n > 10);
  await app.sql("select strata.delete_field('things', 'dba')");
  t.notOk((await columnsOf(app, 'things')).dba);
});
