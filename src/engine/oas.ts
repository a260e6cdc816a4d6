// GET /server/specs/oas (and /graphql/system's server_specs_oas): an OpenAPI 3.0 document of
// what the caller may do, generated from the catalog (strata.collections_info / fields_info /
// relations_info, read as the owner) and the caller's permissions (strata.permissions_me), as
// Directus generates its own: the public routes (server, auth, assets), the utilities for
// signed-in users, the schema API for admins, and per collection the caller may use — user
// collections under /items/{collection}, system collections under their own endpoints — the
// methods their permissions allow, with one component schema per collection listing the fields
// they may read. A collection the caller may not use is not in the document at all.
import { createHash } from 'node:crypto';
import type { Db } from '../db/client.js';
import type { Accountability } from '../types.js';
import { fullCatalog, readPermissions } from './graphql-catalog.js';
import { projectName } from './system.js';

type Json = Record<string, unknown>;
type Action = 'read' | 'create' | 'update' | 'delete';
type Permissions = Record<string, Partial<Record<Action, { access: 'full' | 'partial' | 'none'; fields?: string[] }>>>;

interface FieldInfo {
  collection: string; field: string; type: string;
  schema: { is_primary_key?: boolean; is_nullable?: boolean } | null;
}
interface CollectionInfo { collection: string; meta: { singleton?: boolean; note?: string | null } | null; schema: unknown }
interface RelationInfo { collection: string; field: string; related_collection: string | null; meta: { one_field?: string | null } | null }

/** the system collections Strata serves under an endpoint of their own (directus_<endpoint>); read-only ones marked */
const SYSTEM_ENDPOINTS = new Map<string, { readOnly?: boolean; singleton?: boolean }>([
  ['users', {}], ['roles', {}], ['policies', {}], ['permissions', {}], ['access', {}], ['files', {}], ['folders', {}],
  ['activity', { readOnly: true }], ['revisions', { readOnly: true }], ['presets', {}], ['comments', {}], ['notifications', {}],
  ['translations', {}], ['dashboards', {}], ['panels', {}], ['flows', {}], ['operations', {}], ['webhooks', {}],
  ['settings', { singleton: true }],
]);

const ref = (kind: string, name: string) => ({ $ref: `#/components/${kind}/${name}` });
const dataOf = (schema: Json) => ({ type: 'object', properties: { data: schema } });
const ok = (schema?: Json) => (schema ? { description: 'Successful request', content: { 'application/json': { schema } } } : { description: 'Successful request' });
const body = (schema: Json) => ({ content: { 'application/json': { schema } } });
const oneOrMany = (schema: Json) => ({ oneOf: [{ type: 'array', items: schema }, schema] });
const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [String(c), ref('responses', ERROR_RESPONSES[c])]));
const ERROR_RESPONSES: Record<number, string> = { 400: 'BadRequestError', 401: 'UnauthorizedError', 403: 'ForbiddenError', 404: 'NotFoundError' };

/** "s16_tasks" -> "S16Tasks": component and tag names */
const pascal = (s: string) => s.split(/[^A-Za-z0-9]+/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join('');

/** A field's value as OpenAPI types it (Directus's field types; relations: the key or the related item). */
function typeOf(type: string): Json {
  switch (type) {
    case 'integer': return { type: 'integer' };
    case 'bigInteger': return { type: 'integer', format: 'int64' };
    case 'float': case 'decimal': return { type: 'number' };
    case 'boolean': return { type: 'boolean' };
    case 'uuid': return { type: 'string', format: 'uuid' };
    case 'date': return { type: 'string', format: 'date' };
    case 'dateTime': case 'timestamp': return { type: 'string', format: 'date-time' };
    case 'time': return { type: 'string', format: 'time' };
    case 'csv': return { type: 'array', items: { type: 'string' } };
    case 'json': case 'unknown': case 'alias': return {};
    case 'geometry': case 'geometry.Point': case 'geometry.LineString': case 'geometry.Polygon': case 'geometry.MultiPoint':
    case 'geometry.MultiLineString': case 'geometry.MultiPolygon': return { type: 'object' };
    default: return { type: 'string' };
  }
}

interface Collection {
  name: string;
  /** the path the collection is served under: /items/<name> or /<endpoint> */
  path: string;
  /** component schema and tag name: Items<Name> or the endpoint's (Users) */
  component: string;
  singleton: boolean;
  readOnly: boolean;
  primaryKey: FieldInfo | undefined;
  fields: FieldInfo[];
}

export interface OasContext {
  publicUrl: string;
}

/** The document for one caller. */
export async function openApiSpec(db: Db, ctx: OasContext, acc: Accountability): Promise<Json> {
  const [catalog, permsText, project] = await Promise.all([fullCatalog(db), acc.admin ? null : readPermissions(db, acc), projectName(db)]);
  const perms: Permissions = permsText ? JSON.parse(permsText) : {};
  const may = (collection: string, action: Action): boolean => acc.admin || (perms[collection]?.[action]?.access ?? 'none') !== 'none';
  /** the fields a collection's schema shows: those the caller may read (without read: those they may write) */
  const shownFields = (collection: string): Set<string> | null => {
    if (acc.admin) return null;
    const p = perms[collection] ?? {};
    const read = p.read && p.read.access !== 'none' ? [p.read] : Object.values(p).filter((a) => a && a.access !== 'none');
    const fields = new Set(read.flatMap((a) => a!.fields ?? []));
    return fields.has('*') ? null : fields;
  };

  // the collections the caller may use at all, with their readable fields
  const collections = new Map<string, Collection>();
  for (const c of JSON.parse(catalog.collections) as CollectionInfo[]) {
    if (c.schema === null || !(['read', 'create', 'update', 'delete'] as Action[]).some((a) => may(c.collection, a))) continue;
    if (c.collection.startsWith('directus_')) {
      const endpoint = c.collection.slice('directus_'.length);
      const served = SYSTEM_ENDPOINTS.get(endpoint);
      if (!served) continue;
      collections.set(c.collection, { name: c.collection, path: `/${endpoint}`, component: pascal(endpoint), singleton: served.singleton === true,
        readOnly: served.readOnly === true, primaryKey: undefined, fields: [] });
    } else {
      collections.set(c.collection, { name: c.collection, path: `/items/${c.collection}`, component: `Items${pascal(c.collection)}`,
        singleton: c.meta?.singleton === true, readOnly: false, primaryKey: undefined, fields: [] });
    }
  }
  const shown = new Map([...collections.keys()].map((c) => [c, shownFields(c)]));
  for (const f of JSON.parse(catalog.fields) as FieldInfo[]) {
    const c = collections.get(f.collection);
    if (!c) continue;
    if (f.schema?.is_primary_key) c.primaryKey = f;
    const only = shown.get(f.collection);
    if (!only || only.has(f.field)) c.fields.push(f);
  }
  const related = new Map<string, string>();
  for (const r of JSON.parse(catalog.relations) as RelationInfo[]) {
    if (!r.related_collection) continue;
    related.set(`${r.collection}.${r.field}`, r.related_collection);
    if (r.meta?.one_field) related.set(`${r.related_collection}.${r.meta.one_field}!o2m`, r.collection);
  }

  const schemas: Json = {
    Error: { type: 'object', required: ['errors'], properties: { errors: { type: 'array', items: { type: 'object', required: ['message'],
      properties: { message: { type: 'string' }, extensions: { type: 'object', properties: { code: { type: 'string' } }, additionalProperties: true } } } } } },
    'x-metadata': { type: 'object', properties: { total_count: { type: 'integer' }, filter_count: { type: 'integer' } } },
  };
  const keyType = (collection: string): Json => {
    const pk = collections.get(collection)?.primaryKey;
    return pk ? typeOf(pk.type) : { type: 'string' };
  };
  /** a field's property: relations are the related key or (expanded) the related item, when the caller may read it */
  const property = (c: Collection, f: FieldInfo): Json | undefined => {
    const nullable = f.schema ? { nullable: f.schema.is_nullable !== false } : {};
    const m2o = related.get(`${c.name}.${f.field}`);
    const o2m = related.get(`${c.name}.${f.field}!o2m`);
    const target = m2o ?? o2m;
    if (target !== undefined) {
      const other = collections.get(target);
      const item = other ? { oneOf: [keyType(target), ref('schemas', other.component)] } : keyType(target);
      return o2m !== undefined ? { nullable: true, type: 'array', items: item } : { ...nullable, ...item };
    }
    if (f.type === 'alias') return undefined;
    return { ...nullable, ...typeOf(f.type) };
  };
  for (const c of collections.values()) {
    const properties: Json = {};
    for (const f of c.fields) {
      const p = property(c, f);
      if (p) properties[f.field] = p;
    }
    schemas[c.component] = { type: 'object', properties, 'x-collection': c.name };
  }

  const paths: Json = {};
  const tags: Json[] = [];
  const tag = (name: string, description: string, extra: Json = {}) => tags.push({ name, description, ...extra });
  const op = (tagName: string, operationId: string, summary: string, rest: Json) => ({ tags: [tagName], operationId, summary, ...rest });

  // anyone
  tag('Server', 'The server itself: liveness and public project information.');
  paths['/server/ping'] = { get: op('Server', 'ping', 'Ping the server', { responses: { 200: { description: 'The server is up', content: { 'text/html': { schema: { type: 'string', example: 'pong' } } } } } }) };
  paths['/server/info'] = { get: op('Server', 'serverInfo', 'Project information', { responses: { 200: ok(dataOf({ type: 'object' })), ...errors(401) } }) };
  paths['/server/specs/oas'] = { get: op('Server', 'oas', 'This OpenAPI document', { responses: { 200: ok({ type: 'object' }) } }) };
  tag('Authentication', 'Signing in and out, refreshing tokens, resetting passwords.');
  const tokens = dataOf({ type: 'object', properties: { access_token: { type: 'string' }, expires: { type: 'integer' }, refresh_token: { type: 'string' } } });
  const auth = (path: string, id: string, summary: string, props: Json, required: string[], res: Json) => {
    paths[path] = { post: op('Authentication', id, summary, { requestBody: body({ type: 'object', ...(required.length > 0 ? { required } : {}), properties: props }), responses: { ...res, ...errors(400, 401) } }) };
  };
  const mode = { type: 'string', enum: ['json', 'cookie', 'session'] };
  auth('/auth/login', 'login', 'Sign in', { email: { type: 'string', format: 'email' }, password: { type: 'string' }, mode, otp: { type: 'string' } }, ['email', 'password'], { 200: ok(tokens) });
  auth('/auth/refresh', 'refresh', 'Refresh a session', { refresh_token: { type: 'string' }, mode }, [], { 200: ok(tokens) });
  auth('/auth/logout', 'logout', 'Sign out', { refresh_token: { type: 'string' }, mode }, [], { 204: { description: 'Signed out' } });
  auth('/auth/password/request', 'passwordRequest', 'Request a password reset mail', { email: { type: 'string', format: 'email' }, reset_url: { type: 'string' } }, ['email'], { 204: { description: 'Mailed when the user exists' } });
  auth('/auth/password/reset', 'passwordReset', 'Reset a password', { token: { type: 'string' }, password: { type: 'string' } }, ['token', 'password'], { 204: { description: 'Password changed' } });
  tag('Assets', 'File contents, images transformed on request.');
  paths['/assets/{id}'] = { get: op('Assets', 'getAsset', 'A file\'s contents', {
    parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      { name: 'key', in: 'query', schema: { type: 'string' } }, { name: 'transforms', in: 'query', schema: { type: 'string' } },
      { name: 'download', in: 'query', schema: { type: 'boolean' } }],
    responses: { 200: { description: 'The file', content: { '*/*': { schema: { type: 'string', format: 'binary' } } } }, ...errors(403, 404) } }) };

  // signed-in users
  if (acc.user || acc.admin) {
    tag('Utilities', 'Helpers for clients: random strings, manual sorting, cache clearing.');
    paths['/utils/random/string'] = { get: op('Utilities', 'random', 'A random string', { parameters: [{ name: 'length', in: 'query', schema: { type: 'integer', maximum: 500 } }], responses: { 200: ok(dataOf({ type: 'string' })) } }) };
    paths['/utils/sort/{collection}'] = { post: op('Utilities', 'sort', 'Move an item in a manually sorted collection', {
      parameters: [ref('parameters', 'Collection')], requestBody: body({ type: 'object', required: ['item', 'to'], properties: { item: {}, to: {} } }),
      responses: { 204: { description: 'Sorted' }, ...errors(400, 403) } }) };
    paths['/utils/cache/clear'] = { post: op('Utilities', 'clearCache', 'Clear the caches', { responses: { 204: { description: 'Cleared' }, ...errors(403) } }) };
  }
  // admins: the schema as code
  if (acc.admin) {
    tag('Schema', 'The schema as a snapshot, a diff and its application.');
    paths['/schema/snapshot'] = { get: op('Schema', 'schemaSnapshot', 'Snapshot of the schema', { parameters: [{ name: 'export', in: 'query', schema: { type: 'string', enum: ['json', 'yaml'] } }], responses: { 200: ok(dataOf({ type: 'object' })), ...errors(403) } }) };
    paths['/schema/diff'] = { post: op('Schema', 'schemaDiff', 'Difference between a snapshot and the schema', { requestBody: body({ type: 'object' }), responses: { 200: ok(dataOf({ type: 'object' })), 204: { description: 'No difference' }, ...errors(400, 403) } }) };
    paths['/schema/apply'] = { post: op('Schema', 'schemaApply', 'Apply a diff', { requestBody: body({ type: 'object' }), responses: { 204: { description: 'Applied' }, ...errors(400, 403) } }) };
  }
  if (acc.user && collections.has('directus_users') && may('directus_users', 'read')) {
    paths['/users/me'] = { get: op('Users', 'getMe', 'The signed-in user', { parameters: [ref('parameters', 'Fields')], responses: { 200: ok(dataOf(ref('schemas', 'Users'))), ...errors(401) } }) };
    if (may('directus_users', 'update')) {
      (paths['/users/me'] as Json).patch = op('Users', 'updateMe', 'Update the signed-in user', { requestBody: body(ref('schemas', 'Users')), responses: { 200: ok(dataOf(ref('schemas', 'Users'))), ...errors(401, 403) } });
    }
  }

  // per collection: the methods the caller's permissions allow
  const LIST_QUERY = ['Fields', 'Filter', 'Search', 'Sort', 'Limit', 'Offset', 'Page', 'Meta', 'Aggregate', 'GroupBy', 'Deep', 'Alias'].map((p) => ref('parameters', p));
  for (const c of collections.values()) {
    const item = ref('schemas', c.component);
    const what = c.name.startsWith('directus_') ? c.component.toLowerCase() : `${c.name} items`;
    const id = { name: 'id', in: 'path', required: true, description: 'The primary key of the item.', schema: keyType(c.name) };
    tag(c.component, c.name.startsWith('directus_') ? `The ${what}.` : `Items of the ${c.name} collection.`, { 'x-collection': c.name });
    const list: Json = {};
    const one: Json = {};
    if (c.singleton) {
      if (may(c.name, 'read')) list.get = op(c.component, `read${c.component}`, `Read the ${what}`, { parameters: [ref('parameters', 'Fields')], responses: { 200: ok(dataOf(item)), ...errors(401, 403) } });
      if (!c.readOnly && may(c.name, 'update')) list.patch = op(c.component, `update${c.component}`, `Update the ${what}`, { requestBody: body(item), responses: { 200: ok(dataOf(item)), ...errors(400, 401, 403) } });
    } else {
      if (may(c.name, 'read')) {
        list.get = op(c.component, `read${c.component}`, `List the ${what}`, { security: [{ Auth: [] }, { KeyAuth: [] }], parameters: LIST_QUERY,
          responses: { 200: ok({ type: 'object', properties: { data: { type: 'array', items: item }, meta: ref('schemas', 'x-metadata') } }), ...errors(401, 403) } });
        one.get = op(c.component, `readSingle${c.component}`, `Read one of the ${what}`, { parameters: [ref('parameters', 'Fields'), id], responses: { 200: ok(dataOf(item)), ...errors(401, 403, 404) } });
      }
      if (!c.readOnly && may(c.name, 'create')) {
        list.post = op(c.component, `create${c.component}`, `Create ${what}`, { parameters: [ref('parameters', 'Fields')], requestBody: body(oneOrMany(item)),
          responses: { 200: ok(dataOf(oneOrMany(item))), 204: { description: 'Created; nothing may be read back' }, ...errors(400, 401, 403) } });
      }
      if (!c.readOnly && may(c.name, 'update')) {
        list.patch = op(c.component, `update${c.component}`, `Update several ${what}`, { parameters: [ref('parameters', 'Fields')],
          requestBody: body({ oneOf: [{ type: 'array', items: item }, { type: 'object', properties: { keys: { type: 'array', items: keyType(c.name) }, query: ref('schemas', 'Query'), data: item } }] }),
          responses: { 200: ok(dataOf({ type: 'array', items: item })), ...errors(400, 401, 403) } });
        one.patch = op(c.component, `updateSingle${c.component}`, `Update one of the ${what}`, { parameters: [ref('parameters', 'Fields'), id], requestBody: body(item),
          responses: { 200: ok(dataOf(item)), ...errors(400, 401, 403, 404) } });
      }
      if (!c.readOnly && may(c.name, 'delete')) {
        list.delete = op(c.component, `delete${c.component}`, `Delete several ${what}`, {
          requestBody: body({ oneOf: [{ type: 'array', items: keyType(c.name) }, { type: 'object', properties: { keys: { type: 'array', items: keyType(c.name) }, query: ref('schemas', 'Query') } }] }),
          responses: { 204: { description: 'Deleted' }, ...errors(400, 401, 403) } });
        one.delete = op(c.component, `deleteSingle${c.component}`, `Delete one of the ${what}`, { parameters: [id], responses: { 204: { description: 'Deleted' }, ...errors(401, 403, 404) } });
      }
    }
    if (Object.keys(list).length > 0) paths[c.path] = { ...(paths[c.path] as Json | undefined), ...list };
    if (Object.keys(one).length > 0) paths[`${c.path}/{id}`] = one;
  }

  schemas.Query = { type: 'object', properties: {
    fields: { type: 'array', items: { type: 'string' } }, filter: { type: 'object' }, search: { type: 'string' },
    sort: { type: 'array', items: { type: 'string' } }, limit: { type: 'integer', minimum: -1 }, offset: { type: 'integer', minimum: 0 },
    page: { type: 'integer', minimum: 1 }, deep: { type: 'object' } } };

  const components = {
    schemas,
    parameters: {
      Collection: { name: 'collection', in: 'path', required: true, description: 'A collection\'s name.', schema: { type: 'string' } },
      Fields: query('fields', 'The fields to return; dots reach into relations, * means all.', { type: 'array', items: { type: 'string' } }),
      Filter: query('filter', 'Only the items matching these conditions.', { type: 'object' }),
      Search: query('search', 'Only the items containing this text.', { type: 'string' }),
      Sort: query('sort', 'Sort order; a leading - sorts descending.', { type: 'array', items: { type: 'string' } }),
      Limit: query('limit', 'How many items to return at most (-1: all).', { type: 'integer' }),
      Offset: query('offset', 'How many items to skip.', { type: 'integer' }),
      Page: query('page', 'Which page of limit items to return.', { type: 'integer' }),
      Meta: query('meta', 'Which counts to return in meta (total_count, filter_count, *).', { type: 'string' }),
      Aggregate: query('aggregate', 'Aggregate functions over fields.', { type: 'object' }),
      GroupBy: query('groupBy', 'Fields to group aggregates by.', { type: 'array', items: { type: 'string' } }),
      Deep: query('deep', 'Query parameters for nested relations.', { type: 'object' }),
      Alias: query('alias', 'Other names for fields.', { type: 'object' }),
    },
    responses: {
      BadRequestError: { description: 'The request is not valid', content: { 'application/json': { schema: ref('schemas', 'Error') } } },
      UnauthorizedError: { description: 'The credentials are missing or not valid', content: { 'application/json': { schema: ref('schemas', 'Error') } } },
      ForbiddenError: { description: 'The caller may not do this', content: { 'application/json': { schema: ref('schemas', 'Error') } } },
      NotFoundError: { description: 'No such resource', content: { 'application/json': { schema: ref('schemas', 'Error') } } },
    },
    securitySchemes: {
      Auth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT or static token' },
      KeyAuth: { type: 'apiKey', in: 'query', name: 'access_token' },
    },
  };

  const content = { paths, tags, components };
  return {
    openapi: '3.0.1',
    info: {
      title: `${project || 'Directus'} API`,
      description: 'The endpoints and collections this caller may use, generated from the current schema and permissions.',
      // changes whenever what the document describes changes
      version: createHash('sha1').update(catalog.version).update(JSON.stringify(content)).digest('hex'),
    },
    servers: [{ url: ctx.publicUrl, description: 'This server' }],
    ...content,
  };
}

function query(name: string, description: string, schema: Json): Json {
  // objects and arrays travel as JSON or comma-separated text in the query string
  return { name, in: 'query', required: false, description, schema };
}
