// /graphql/system's schema API mutations (collections, fields, relations) and update_settings:
// the same strata.* functions as REST's routes, for admins only; names, arguments and types as
// Directus 12.4's SDL has them (recorded from the real Directus below), where Directus's own
// create_collections_item can't name its collection and create_fields_item / update_fields_items
// fail with internal errors: Strata's input also takes `collection` and `schema`, and they work.
import t from 'tap';
import { startApp } from './helpers/app.js';

const app = await startApp(t);
const ROLE = '81818181-8181-4181-8181-818181818181';
const POLICY = '82828282-8282-4282-8282-828282828282';
await app.sql(`
  insert into directus_roles (id, name) values ('${ROLE}', 'Editors');
  insert into directus_policies (id, name, app_access, admin_access) values ('${POLICY}', 'editors', true, false);
  insert into directus_access (id, role, policy) values (gen_random_uuid(), '${ROLE}', '${POLICY}');
  insert into directus_users (id, email, status, role, token) values (gen_random_uuid(), 'gsw-editor@example.com', 'active', '${ROLE}', 'editor-token');
  insert into directus_permissions (collection, action, permissions, fields, policy) values
    ('directus_settings', 'read', null, '*', '${POLICY}');
`);

const gql = (query: string, variables?: unknown, token?: string) => app.post('/graphql/system', { query, variables }, token ? { token } : {});
const tableExists = async (name: string) => (await app.sql(`select to_regclass('public.${name}') is not null as e`))[0].e as boolean;
const columns = async (table: string) => (await app.sql(`select column_name from information_schema.columns where table_name = '${table}' order by ordinal_position`)).map((r) => r.column_name);

// Directus 12.4's root fields (GET the SDL of the real Directus as an admin), with Strata's additions marked
const DIRECTUS = {
  create_collections_item: '(data: write_directus_collections_input!, concurrentIndexCreation: Boolean): write_directus_collections',
  update_collections_item: '(collection: String!, data: write_directus_collections_input!): write_directus_collections',
  delete_collections_item: '(collection: String!): delete_collection',
  create_fields_item: '(collection: String!, data: write_directus_fields_input!, concurrentIndexCreation: Boolean): write_directus_fields',
  update_fields_item: '(collection: String!, field: String!, data: write_directus_fields_input!, concurrentIndexCreation: Boolean): write_directus_fields',
  update_fields_items: '(collection: String!, data: [write_directus_fields_input!], concurrentIndexCreation: Boolean): [write_directus_fields]',
  delete_fields_item: '(collection: String!, field: String!): delete_field',
  create_relations_item: '(data: write_directus_relations_input!): write_directus_relations',
  update_relations_item: '(collection: String!, field: String!, data: write_directus_relations_input!): write_directus_relations',
  delete_relations_item: '(collection: String!, field: String!): delete_relation',
  update_settings: '(data: update_directus_settings_input!): directus_settings',
  update_extensions_item: '(id: ID, data: update_directus_extensions_inputInput): directus_extensions',
};
const print = (ty: any): string => (ty.kind === 'NON_NULL' ? `${print(ty.ofType)}!` : ty.kind === 'LIST' ? `[${print(ty.ofType)}]` : ty.name);

t.test('the root fields as Directus declares them; none of them in a non-admin\'s schema', async (t) => {
  const intro = '{ __schema { mutationType { fields { name type { ...t } args { name type { ...t } } } } } } fragment t on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }';
  const fields = new Map<string, any>((await gql(intro)).body.data.__schema.mutationType.fields.map((f: any) => [f.name, f]));
  for (const [name, want] of Object.entries(DIRECTUS)) {
    const f = fields.get(name);
    t.equal(f && `(${f.args.map((a: any) => `${a.name}: ${print(a.type)}`).join(', ')}): ${print(f.type)}`, want, name);
  }
  const input = await gql('{ __type(name: "write_directus_collections_input") { inputFields { name } } }');
  t.same(input.body.data.__type.inputFields.map((f: any) => f.name), ['collection', 'meta', 'schema', 'fields'],
    'Directus\'s input (meta, fields) plus collection and schema, so a collection can be named');
  const editor = (await gql('{ __schema { mutationType { fields { name } } } }', undefined, 'editor-token')).body.data.__schema.mutationType?.fields ?? [];
  t.same(editor.filter((f: any) => /collections|fields|relations/.test(f.name)), [], 'an app user has no schema mutation');
  const refused = await gql('mutation { delete_collections_item(collection: "directus_users") { collection } }', undefined, 'editor-token');
  t.equal(refused.status, 400);
  t.equal(refused.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
  t.ok(await tableExists('directus_users'));
});

t.test('collections, fields and relations created, changed and deleted, as REST would', async (t) => {
  const created = await gql(`mutation ($data: write_directus_collections_input!) { create_collections_item(data: $data) { collection meta { icon note } schema { name } } }`, {
    data: {
      collection: 'gsw_articles', meta: { icon: 'article', note: 'from GraphQL' },
      fields: [{ field: 'id', type: 'integer', meta: { hidden: true }, schema: { is_primary_key: true, has_auto_increment: true } },
        { field: 'title', type: 'string', meta: { interface: 'input' } }],
    },
  });
  t.same(created.body, { data: { create_collections_item: { collection: 'gsw_articles', meta: { icon: 'article', note: 'from GraphQL' }, schema: { name: 'gsw_articles' } } } });
  t.same(await columns('gsw_articles'), ['id', 'title']);
  const rest = await app.get('/collections/gsw_articles');
  t.equal(rest.body.data.meta.note, 'from GraphQL', 'REST sees the collection GraphQL created');

  await gql('mutation { create_collections_item(data: { collection: "gsw_authors", fields: [{ field: "id", type: "integer", schema: { is_primary_key: true, has_auto_increment: true } }] }) { collection } }');
  const field = await gql('mutation { create_fields_item(collection: "gsw_articles", data: { field: "author", type: "integer", meta: { interface: "select-dropdown-m2o", special: ["m2o"] } }) { collection field type meta { interface special } schema { data_type } } }');
  t.same(field.body, { data: { create_fields_item: { collection: 'gsw_articles', field: 'author', type: 'integer', meta: { interface: 'select-dropdown-m2o', special: ['m2o'] }, schema: { data_type: 'integer' } } } });
  const relation = await gql('mutation { create_relations_item(data: { collection: "gsw_articles", field: "author", related_collection: "gsw_authors", schema: { table: "gsw_articles", column: "author", foreign_key_table: "gsw_authors", foreign_key_column: "id", on_update: "NO ACTION", on_delete: "SET NULL" } }) { collection field related_collection schema { on_delete } meta { many_collection one_collection } } }');
  t.same(relation.body, { data: { create_relations_item: { collection: 'gsw_articles', field: 'author', related_collection: 'gsw_authors', schema: { on_delete: 'SET NULL' }, meta: { many_collection: 'gsw_articles', one_collection: 'gsw_authors' } } } });
  const fk = await app.sql(`select confdeltype from pg_constraint where conrelid = 'gsw_articles'::regclass and contype = 'f'`);
  t.same(fk, [{ confdeltype: 'n' }], 'a real foreign key, ON DELETE SET NULL');

  // (the schema input's table, columns and on_update are required, as in Directus's type)
  const changed = await gql('mutation { update_relations_item(collection: "gsw_articles", field: "author", data: { schema: { table: "gsw_articles", column: "author", foreign_key_table: "gsw_authors", foreign_key_column: "id", on_update: "NO ACTION", on_delete: "CASCADE" } }) { schema { on_delete } } }');
  t.same(changed.body, { data: { update_relations_item: { schema: { on_delete: 'CASCADE' } } } });
  const note = await gql('mutation { update_fields_item(collection: "gsw_articles", field: "title", data: { meta: { note: "n1" } }) { field meta { note } } }');
  t.same(note.body, { data: { update_fields_item: { field: 'title', meta: { note: 'n1' } } } });
  const many = await gql('mutation { update_fields_items(collection: "gsw_articles", data: [{ field: "title", meta: { note: "n2" } }, { field: "author", meta: { note: "n3" } }]) { field meta { note } } }');
  t.same(many.body.data.update_fields_items.map((f: any) => [f.field, f.meta.note]).sort(), [['author', 'n3'], ['title', 'n2']]);
  const meta = await gql('mutation { update_collections_item(collection: "gsw_articles", data: { meta: { note: "changed" } }) { collection meta { note icon } } }');
  t.same(meta.body, { data: { update_collections_item: { collection: 'gsw_articles', meta: { note: 'changed', icon: 'article' } } } });

  t.same((await gql('mutation { delete_relations_item(collection: "gsw_articles", field: "author") { collection field } }')).body,
    { data: { delete_relations_item: { collection: 'gsw_articles', field: 'author' } } });
  t.same(await app.sql(`select count(*)::int as n from pg_constraint where conrelid = 'gsw_articles'::regclass and contype = 'f'`), [{ n: 0 }]);
  t.same((await gql('mutation { delete_fields_item(collection: "gsw_articles", field: "author") { collection field } }')).body,
    { data: { delete_fields_item: { collection: 'gsw_articles', field: 'author' } } });
  t.same(await columns('gsw_articles'), ['id', 'title']);
  t.same((await gql('mutation { delete_collections_item(collection: "gsw_articles") { collection } }')).body,
    { data: { delete_collections_item: { collection: 'gsw_articles' } } });
  t.notOk(await tableExists('gsw_articles'));
});

t.test('refusals as Directus words them, nothing changed', async (t) => {
  // (recorded from Directus 12.4: an unknown collection's delete is FORBIDDEN)
  const unknown = await gql('mutation { delete_collections_item(collection: "gsw_nope") { collection } }');
  t.same(unknown.body, { data: { delete_collections_item: null }, errors: [{ message: 'You don\'t have permission to access this.',
    extensions: { code: 'FORBIDDEN' }, locations: [{ line: 1, column: 12 }], path: ['delete_collections_item'] }] });
  const reserved = await gql('mutation { create_collections_item(data: { collection: "directus_gsw" }) { collection } }');
  t.match(reserved.body.errors[0], { message: 'Invalid payload. "collection" can\'t start with "directus_".', extensions: { code: 'INVALID_PAYLOAD' } },
    'as REST answers it (Directus 12.4)');
  t.notOk(await tableExists('directus_gsw'));
  const noName = await gql('mutation { create_collections_item(data: { meta: { icon: "box" } }) { collection } }');
  t.match(noName.body.errors[0], { message: 'Invalid payload. "collection" is required.', extensions: { code: 'INVALID_PAYLOAD' } },
    'as Directus answers an input without a collection');
  // a field on a collection that does not exist
  const orphan = await gql('mutation { create_fields_item(collection: "gsw_nope", data: { field: "x", type: "string" }) { field } }');
  t.equal(orphan.body.errors[0].extensions.code, 'FORBIDDEN');
  t.notOk(await tableExists('gsw_nope'));
});

t.test('update_settings: the settings singleton, as PATCH /settings', async (t) => {
  const res = await gql('mutation { update_settings(data: { project_name: "From GraphQL", project_color: "#123456" }) { project_name project_color } }');
  t.same(res.body, { data: { update_settings: { project_name: 'From GraphQL', project_color: '#123456' } } });
  t.equal((await app.get('/settings')).body.data.project_name, 'From GraphQL');
  const editor = (await gql('{ __schema { mutationType { fields { name } } } }', undefined, 'editor-token')).body.data.__schema.mutationType?.fields ?? [];
  t.notOk(editor.some((f: any) => f.name === 'update_settings'), 'a caller who can only read the settings can\'t update them');
  const refused = await gql('mutation { update_settings(data: { project_name: "x" }) { project_name } }', undefined, 'editor-token');
  t.equal(refused.body.errors[0].extensions.code, 'GRAPHQL_VALIDATION');
  t.equal((await app.get('/settings')).body.data.project_name, 'From GraphQL', 'unchanged');
});

t.test('comments: written as REST writes them (author and editor stamped), admins only', async (t) => {
  await app.sql(`create table gsw_posts (id serial primary key, title text); insert into gsw_posts (title) values ('p')`);
  const admin = (await app.sql(`select id from directus_users where email = '${app.cluster.adminEmail}'`))[0].id;
  const created = await gql('mutation { create_comments_item(data: { collection: "gsw_posts", item: "1", comment: "first" }) { id comment user_created { email } } }');
  const id = created.body.data.create_comments_item.id;
  t.same(created.body, { data: { create_comments_item: { id, comment: 'first', user_created: { email: app.cluster.adminEmail } } } });
  const updated = await gql(`mutation { update_comments_item(id: "${id}", data: { comment: "edited" }) { comment user_updated { email } } }`);
  t.same(updated.body, { data: { update_comments_item: { comment: 'edited', user_updated: { email: app.cluster.adminEmail } } } });
  t.same(await app.sql(`select comment, user_created, user_updated, date_updated is not null as dated from directus_comments where id = '${id}'`),
    [{ comment: 'edited', user_created: admin, user_updated: admin, dated: true }]);
  const missing = await gql('mutation { create_comments_items(data: [{ collection: "gsw_posts", item: "1", comment: "" }]) { id } }');
  t.match(missing.body.errors[0], { message: 'Invalid payload. "comment" is required.', extensions: { code: 'INVALID_PAYLOAD' } });
  t.same((await gql(`mutation { delete_comments_item(id: "${id}") { id } }`)).body, { data: { delete_comments_item: { id } } });
  t.same(await app.sql(`select count(*)::int as n from directus_comments`), [{ n: 0 }], 'deleted; the refused create wrote nothing');
});

t.test('update_extensions_item: no extension is installed, so any id is FORBIDDEN (as Directus answers an unknown one)', async (t) => {
  const res = await gql('mutation { update_extensions_item(id: "9a8b8a3c-3a7e-4d51-9d0c-1b2c3d4e5f60", data: { meta: { enabled: false } }) { name meta { enabled } } }');
  t.same(res.body, { data: { update_extensions_item: null }, errors: [{ message: 'You don\'t have permission to access this.',
    extensions: { code: 'FORBIDDEN' }, locations: [{ line: 1, column: 12 }], path: ['update_extensions_item'] }] });
});
