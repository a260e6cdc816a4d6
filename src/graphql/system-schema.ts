// The root fields /graphql/system has besides its collections' (users, roles, ...: the generic
// builder over the system catalog), with Directus 12's names and argument shapes
// (test/fixtures/graphql-system.json records them): server_*, users_me, roles_me, and the
// auth_*, users_me_*, utils_*, update_users_me and import_file mutations. What a caller may not use is not in
// their schema: users_me needs a read of directus_users, update_users_me an update of it, and
// an anonymous caller's server_info has only `project`.
import {
  GraphQLBoolean, GraphQLEnumType, GraphQLFloat, GraphQLID, GraphQLInputObjectType, GraphQLScalarType, GraphQLInt, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLString, getNullableType,
  type GraphQLFieldConfigMap,
} from 'graphql';
import type { Accountability } from '../types.js';
import type { Model } from './model.js';
import { GraphQLBigInt, GraphQLJSON, GraphQLVoid, type ExtraRoots } from './schema.js';
import { schemaMutationFields } from './schema-mutations.js';

const nonNull = GraphQLNonNull;
const str = { type: GraphQLString };
const reqStr = { type: new nonNull(GraphQLString) };

const authMode = new GraphQLEnumType({ name: 'auth_mode', values: { json: {}, cookie: {}, session: {} } });
const authTokens = new GraphQLObjectType({
  name: 'auth_tokens',
  fields: { access_token: str, expires: { type: GraphQLBigInt }, refresh_token: str },
});
const tfaGenerate = new GraphQLObjectType({ name: 'users_me_tfa_generate_data', fields: { secret: str, otpauth_url: str } });

const project = new GraphQLObjectType({
  name: 'server_info_project',
  fields: {
    ...Object.fromEntries(['project_name', 'project_descriptor', 'project_logo', 'project_color', 'default_language',
      'public_foreground', 'public_background', 'public_note', 'custom_css'].map((f) => [f, str])),
    public_registration: { type: GraphQLBoolean },
    public_registration_verify_email: { type: GraphQLBoolean },
  },
});
const wsAuth = (scope: string) => new GraphQLEnumType({
  name: `server_info_websocket_${scope}_authentication`, values: { public: {}, handshake: {}, strict: {} },
});
const websocket = new GraphQLObjectType({
  name: 'server_info_websocket',
  fields: {
    rest: { type: new GraphQLObjectType({ name: 'server_info_websocket_rest', fields: { authentication: { type: wsAuth('rest') }, path: str } }) },
    graphql: { type: new GraphQLObjectType({ name: 'server_info_websocket_graphql', fields: { authentication: { type: wsAuth('graphql') }, path: str } }) },
    heartbeat: { type: GraphQLInt },
  },
});
const queryLimit = new GraphQLObjectType({ name: 'server_info_query_limit', fields: { default: { type: GraphQLInt }, max: { type: GraphQLInt } } });
/** signed-in callers see limits and features; anonymous ones the project alone (Directus builds two types of one name) */
const serverInfo = {
  user: new GraphQLObjectType({
    name: 'server_info',
    fields: {
      project: { type: project }, rateLimit: { type: GraphQLBoolean }, rateLimitGlobal: { type: GraphQLBoolean },
      websocket: { type: websocket }, queryLimit: { type: queryLimit },
    },
  }),
  public: new GraphQLObjectType({ name: 'server_info', fields: { project: { type: project } } }),
};

// The schema API's answers as Directus types them (strata.collections_info(), fields_info(),
// relations_info() give the same JSON as REST's /collections, /fields, /relations). Every member
// is nullable: a system collection's minimal meta may lack what Directus marks non-null.
const T = { s: str, b: { type: GraphQLBoolean }, i: { type: GraphQLInt }, f: { type: GraphQLFloat }, j: { type: GraphQLJSON }, l: { type: new GraphQLList(GraphQLString) } };
type Kind = keyof typeof T;
const object = (name: string, fields: Record<string, Kind | GraphQLObjectType>) => new GraphQLObjectType({
  name, fields: () => Object.fromEntries(Object.entries(fields).map(([f, k]) => [f, typeof k === 'string' ? T[k] : { type: k }])),
});
const directusCollections = object('directus_collections', {
  collection: 's',
  meta: object('directus_collections_meta', {
    collection: 's', icon: 's', note: 's', display_template: 's', hidden: 'b', singleton: 'b', translations: 'j', archive_field: 's',
    archive_app_filter: 'b', archive_value: 's', unarchive_value: 's', sort_field: 's', accountability: 's', color: 's',
    item_duplication_fields: 'j', sort: 'i', group: 's', collapse: 's', preview_url: 's', versioning: 'b', status: 's',
    autosave_revision_interval: 'f',
  }),
  schema: object('directus_collections_schema', { name: 's', comment: 's' }),
});
const directusFields = object('directus_fields', {
  collection: 's', field: 's', type: 's',
  meta: object('directus_fields_meta', {
    id: 'i', collection: 's', field: 's', special: 'l', interface: 's', options: 'j', display: 's', display_options: 'j', readonly: 'b',
    hidden: 'b', sort: 'i', width: 's', translations: 'j', note: 's', conditions: 'j', required: 'b', group: 's', validation: 'j',
    validation_message: 's', searchable: 'b',
  }),
  schema: object('directus_fields_schema', {
    name: 's', table: 's', data_type: 's', default_value: 's', max_length: 'i', numeric_precision: 'i', numeric_scale: 'i',
    is_generated: 'b', generation_expression: 's', is_indexed: 'b', is_nullable: 'b', is_unique: 'b', is_primary_key: 'b',
    has_auto_increment: 'b', foreign_key_column: 's', foreign_key_table: 's', comment: 's',
  }),
});
const directusRelations = object('directus_relations', {
  collection: 's', field: 's', related_collection: 's',
  schema: object('directus_relations_schema', {
    table: 's', column: 's', foreign_key_table: 's', foreign_key_column: 's', constraint_name: 's', on_update: 's', on_delete: 's',
  }),
  meta: object('directus_relations_meta', {
    id: 'i', many_collection: 's', many_field: 's', one_collection: 's', one_field: 's', one_collection_field: 's',
    one_allowed_collections: 'l', junction_field: 's', sort_field: 's', one_deselect_action: 's',
  }),
});
const directusExtensions = object('directus_extensions', {
  bundle: 's', name: 's',
  schema: object('directus_extensions_schema', { type: 's', local: 'b' }),
  meta: object('directus_extensions_meta', { enabled: 'b' }),
});
const extensionInput = new GraphQLInputObjectType({
  name: 'update_directus_extensions_inputInput',
  fields: { meta: { type: new GraphQLInputObjectType({ name: 'update_directus_extensions_input_metaInput', fields: { enabled: { type: GraphQLBoolean } } }) } },
});
const permissionsMe = new GraphQLScalarType({ ...GraphQLJSON.toConfig(), name: 'permissions_me_type', description: undefined });
const policyGlobals = object('policy_me_globals_type', { enforce_tfa: 'b', app_access: 'b', admin_access: 'b' });
const sdlScope = new GraphQLEnumType({ name: 'graphql_sdl_scope', values: { items: {}, system: {} } });
const listOf = (t: GraphQLObjectType) => ({ type: new nonNull(new GraphQLList(new nonNull(t))) });

export function systemRoots(acc: Accountability, model: Model): ExtraRoots {
  return {
    query: (objects) => {
      const fields: GraphQLFieldConfigMap<unknown, unknown> = {
        server_specs_oas: { type: GraphQLJSON },
        server_specs_graphql: { type: GraphQLString, args: { scope: { type: sdlScope } } },
        server_ping: str,
        server_info: { type: acc.user ? serverInfo.user : serverInfo.public },
        server_health: { type: GraphQLJSON },
      };
      const users = objects.get('directus_users');
      const roles = objects.get('directus_roles');
      // the schema API and what the caller may do: admins and app users (strata.schema_access()), as Directus 12
      if (acc.admin || acc.app) {
        Object.assign(fields, {
          collections: listOf(directusCollections),
          collections_by_name: { type: directusCollections, args: { name: reqStr } },
          fields: listOf(directusFields),
          fields_in_collection: { ...listOf(directusFields), args: { collection: reqStr } },
          fields_by_name: { type: directusFields, args: { collection: reqStr, field: reqStr } },
          relations: listOf(directusRelations),
          relations_in_collection: { ...listOf(directusRelations), args: { collection: reqStr } },
          relations_by_name: { type: directusRelations, args: { collection: reqStr, field: reqStr } },
          extensions: listOf(directusExtensions),
          permissions_me: { type: permissionsMe },
          policies_me_globals: { type: policyGlobals },
        });
      }
      if (users && model.has('directus_users')) fields.users_me = { type: users };

      if (roles && model.has('directus_roles')) fields.roles_me = { type: new GraphQLList(roles) };
      return fields;
    },
    mutation: (objects, collections) => {
      const fields: GraphQLFieldConfigMap<unknown, unknown> = {
        auth_login: { type: authTokens, args: { email: reqStr, password: reqStr, mode: { type: authMode }, otp: str } },
        auth_refresh: { type: authTokens, args: { refresh_token: str, mode: { type: authMode } } },
        auth_logout: { type: GraphQLBoolean, args: { refresh_token: str, mode: { type: authMode } } },
        auth_password_request: { type: GraphQLBoolean, args: { email: reqStr, reset_url: str } },
        auth_password_reset: { type: GraphQLBoolean, args: { token: reqStr, password: reqStr } },
        users_me_tfa_generate: { type: tfaGenerate, args: { password: reqStr } },
        users_me_tfa_enable: { type: GraphQLBoolean, args: { otp: reqStr, secret: reqStr } },
        users_me_tfa_disable: { type: GraphQLBoolean, args: { otp: reqStr } },
        // utils_hash_*: as Directus <= 12.0 had them (Strata's REST still serves /utils/hash/*)
        utils_hash_generate: { type: GraphQLString, args: { string: reqStr } },
        utils_hash_verify: { type: GraphQLBoolean, args: { string: reqStr, hash: reqStr } },
        utils_random_string: { type: GraphQLString, args: { length: { type: GraphQLInt } } },
        utils_sort: { type: GraphQLBoolean, args: { collection: reqStr, item: { type: new nonNull(GraphQLID) }, to: { type: new nonNull(GraphQLID) } } },
        utils_revert: { type: GraphQLBoolean, args: { revision: { type: new nonNull(GraphQLID) } } },
        utils_cache_clear: { type: GraphQLVoid },
        users_invite_accept: { type: GraphQLBoolean, args: { token: reqStr, password: reqStr } },
        users_register: { type: GraphQLBoolean, args: { email: reqStr, password: reqStr, verification_url: str, first_name: str, last_name: str } },
        users_register_verify: { type: GraphQLBoolean, args: { token: reqStr } },
      };
      // inviting creates users: admins only
      if (acc.admin) {
        fields.users_invite = { type: GraphQLBoolean, args: { email: reqStr, role: reqStr, invite_url: str } };
        Object.assign(fields, schemaMutationFields());
        // no extension is installed: every id is unknown (FORBIDDEN, as Directus answers an unknown one)
        fields.update_extensions_item = { type: directusExtensions, args: { id: { type: GraphQLID }, data: { type: extensionInput } } };
      }
      // update_users_me: when the caller may update users, with the same input as update_users_item
      const updateUser = collections.update_users_item;
      const users = objects.get('directus_users');
      if (updateUser?.args?.data && users) fields.update_users_me = { type: users, args: { data: { type: getNullableType(updateUser.args.data.type) } } };
      // import_file: when the caller may create files, with create_files_item's input as its data
      const createFile = collections.create_files_item;
      const files = objects.get('directus_files');
      if (createFile?.args?.data && files) fields.import_file = { type: files, args: { url: reqStr, data: { type: getNullableType(createFile.args.data.type) } } };
      return fields;
    },
  };
}
