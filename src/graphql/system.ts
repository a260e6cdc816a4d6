// /graphql/system: the system collections (users, roles, files, ...) through the same schema
// builder, planner and compiled reads as /graphql, their writes through the same Writer with
// Directus's per-collection rules (as REST's /users, /roles, ...), and the root fields of the
// system's own (system-schema.ts) answered by the same core functions as REST's routes: sign-in
// (src/auth/login.ts, tokens.ts), password reset, server info and health, utils.
import type { Config } from '../config.js';
import type { Db } from '../db/client.js';
import type { Jwt } from '../auth/jwt.js';
import type { Catalog } from '../engine/catalog.js';
import { forbidden, invalidPayload } from '../errors.js';
import { checkOwnUpdate, ownUser, tfaDisable, tfaEnable, tfaGenerate } from '../auth/own-user.js';
import type { Writer } from '../engine/writer.js';
import type { Accountability, Timing } from '../types.js';
import { passwordLogin, refreshLogin } from '../auth/login.js';
import { currentRefreshToken, issueTokens } from '../auth/tokens.js';
import { clearCookie, parseCookies } from '../auth/token.js';
import type { Mode } from '../auth/validate.js';
import { stall } from '../auth/stall.js';
import { hashPassword, verifyPassword } from '../auth/password.js';
import { RANDOM_DEFAULT, RANDOM_MAX, randomString } from '../auth/random.js';
import { passwordReset } from '../auth/password-reset.js';
import { accounts } from '../auth/accounts.js';
import { createMailer } from '../mail/mailer.js';
import type { Logger } from '../log.js';
import { checkUserPasswords, systemWritten, WRITABLE_SYSTEM_ENDPOINTS } from '../auth/system-writes.js';
import * as authStore from '../engine/auth-store.js';
import * as utils from '../engine/utils.js';
import * as settings from '../engine/system.js';
import { serverHealth, serverInfo } from '../engine/server-info.js';
import { openApiSpec } from '../engine/oas.js';
import { isPlainObject } from '../request/body.js';
import type { RootCall, RootHandler, Scope } from './execute.js';
import { SYSTEM_ROOTS } from './model.js';
import { planItems } from './plan.js';
import type { RootWrite } from './mutate.js';
import type { SchemaScope, Schemas } from './schemas.js';
import * as schemaApi from '../engine/schema.js';
import { printSchema, visit, type ASTNode } from 'graphql';
import { systemRoots } from './system-schema.js';
import { schemaMutationHandlers } from './schema-mutations.js';
import { COMMENTS, commentChanges, newComment, requireCommentWriter } from '../engine/comments.js';
import { batchFields, clientFields, newFileRecord, type FileService } from '../engine/file-records.js';
import type { Reader } from '../engine/reader.js';
import { prepareCreate, prepareUpdate, prepareUpdateMany, type VersionDeps } from '../engine/versions.js';

const VERSIONS = 'directus_versions';

export interface SystemServices {
  config: Config;
  db: Db;
  jwt: Jwt;
  catalog: Catalog;
  log: Logger;
  writer: Writer;
  reader: Reader;
  /** the bytes of files (the files front end's, given by src/app.ts): import_file, delete_files_* */
  files: FileService;
  /** the schemas of a scope, for server_specs_graphql */
  sdl(scope: 'items' | 'system'): Schemas;
}

/**
 * the collections /graphql/system writes: those with Directus's rules (as REST's, with the
 * settings singleton: update_settings, and content versions: checked by versionRules first),
 * and folders (a plain write)
 */
const SYSTEM_RULES = new Set([...Object.values(WRITABLE_SYSTEM_ENDPOINTS), 'directus_settings', VERSIONS]);
const WRITABLE = new Set([...SYSTEM_RULES, 'directus_folders', 'directus_files', COMMENTS]);

export const systemSchemaScope: SchemaScope = {
  scope: 'system',
  extra: (acc, model) => systemRoots(acc, model),
  writable: (collection) => WRITABLE.has(collection),
};

/** a schema API answer (JSON text; null: none) as the value graphql-js shapes */
const parsed = async (answer: Promise<string | null>): Promise<unknown> => {
  const text = await answer;
  return text === null ? null : JSON.parse(text);
};

/** a root field's arguments without those left out or null, as a REST body would have them */
const given = (args: Record<string, unknown>) => Object.fromEntries(Object.entries(args).filter(([, v]) => v !== undefined && v !== null));

const clientOf = (acc: Accountability): authStore.Client => [acc.ip, acc.userAgent?.slice(0, 1024) ?? null, acc.origin];

/** Comments as REST's /comments writes them: admins only, new ones stamped with their author, changes with their editor. */
function commentRules(acc: Accountability, w: RootWrite): void {
  requireCommentWriter(acc);
  const a = w.args;
  if (w.action === 'create') a.payload = Array.isArray(a.payload) ? a.payload.map((c) => newComment(acc, c)) : newComment(acc, a.payload);
  else if (w.action === 'update') a.data = commentChanges(acc, a.data);
  else if (w.action === 'patch_collection') {
    const d = a.data;
    if (Array.isArray(d)) a.data = d.map((c) => commentChanges(acc, c));
    else if (isPlainObject(d)) d.data = commentChanges(acc, d.data);
  }
}

/**
 * Files as REST's JSON /files writes them (src/engine/file-records.ts): new records get an id,
 * their storage, their uploader and a title; the fields only the server sets are dropped.
 */
function fileRules(acc: Accountability, files: FileService, w: RootWrite): void {
  const a = w.args;
  const record = (item: unknown) => (isPlainObject(item) ? newFileRecord(item, acc, files.storageFor(item.storage)) : item);
  if (w.action === 'create') a.payload = Array.isArray(a.payload) ? a.payload.map(record) : record(a.payload);
  else if (w.action === 'update') a.data = clientFields(a.data);
  else if (w.action === 'patch_collection') {
    const d = a.data;
    if (Array.isArray(d)) a.data = d.map(batchFields);
    else if (isPlainObject(d)) d.data = clientFields(d.data);
  }
}

/**
 * Content versions as REST's /versions writes them (src/engine/versions.ts): new ones checked and
 * given their main item's hash, key changes checked against the item's other versions; in a
 * batch (update_versions_batch) one after the other, as Directus runs them.
 */
async function versionRules(deps: VersionDeps, acc: Accountability, w: RootWrite, timing: Timing): Promise<void> {
  const a = w.args;
  const object = (v: unknown) => {
    if (!isPlainObject(v)) throw invalidPayload('"value" must be of type object');
    return v;
  };
  if (w.action === 'create') await prepareCreate(deps, acc, Array.isArray(a.payload) ? a.payload : [a.payload], timing);
  else if (w.action === 'update') await prepareUpdate(deps, acc, String(a.key), object(a.data), timing);
  else if (w.action === 'patch_collection') {
    const d = a.data;
    if (isPlainObject(d)) await prepareUpdateMany(deps, acc, (d.keys as unknown[]).map(String), object(d.data), timing);
    else if (Array.isArray(d)) {
      const assigned = new Set<string>();
      for (const item of d.map(object)) {
        const { id, ...changes } = item;
        if (id === undefined || id === null) throw invalidPayload('"id" is required');
        await prepareUpdate(deps, acc, String(id), changes, timing, assigned);
      }
    }
  }
}

/** a selection without its aliases: a value read by field name, which graphql-js then shapes (aliases and all) */
const unaliased = <T extends ASTNode>(node: T): T => visit(node, { Field: (f) => (f.alias ? { ...f, alias: undefined } : undefined) });

export function systemScope(s: SystemServices): Scope {
  const { config, db, jwt } = s;
  const resets = passwordReset(config, db, createMailer(config.email, s.log, db));
  const flows = accounts(config, db, s.log);
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

  /** auth_tokens as Directus answers it: expires as a BigInt string, the tokens a mode hands out in the body (else null) */
  const tokens = async (call: RootCall, user: string, refreshToken: string, mode: Mode, type: 'login' | 'refresh') => {
    const issued = await issueTokens(db, jwt, config, user, refreshToken, mode, call.acc, type);
    if (issued.cookie) call.io.setCookies.push(issued.cookie);
    return { access_token: issued.access_token ?? null, expires: String(issued.expires), refresh_token: issued.refresh_token ?? null };
  };

  const own = { db, writer: s.writer, catalog: s.catalog };

  const handlers: Record<string, RootHandler> = {
    ...schemaMutationHandlers(db, s.catalog),
    server_ping: () => async () => 'pong',
    server_info: ({ acc }) => () => serverInfo(config, db, acc),
    server_health: ({ acc }) => async () => (await serverHealth(config, db, acc)).body,

    // the schema API, read as the caller (the strata.* functions check permissions: FORBIDDEN)
    collections: ({ acc }) => () => parsed(schemaApi.collections(db, acc)),
    collections_by_name: ({ acc, args }) => () => parsed(schemaApi.collection(db, acc, String(args.name))),
    fields: ({ acc }) => () => parsed(schemaApi.allFields(db, acc)),
    fields_in_collection: ({ acc, args }) => () => parsed(schemaApi.fields(db, acc, String(args.collection))),
    fields_by_name: ({ acc, args }) => () => parsed(schemaApi.field(db, acc, String(args.collection), String(args.field))),
    relations: ({ acc }) => () => parsed(schemaApi.allRelations(db, acc)),
    relations_in_collection: ({ acc, args }) => () => parsed(schemaApi.relations(db, acc, String(args.collection))),
    relations_by_name: ({ acc, args }) => () => parsed(schemaApi.relation(db, acc, String(args.collection), String(args.field))),
    // no extension is installed (as REST's GET /extensions)
    extensions: () => async () => [],
    update_extensions_item: () => async () => {
      throw forbidden();
    },
    server_specs_oas: ({ acc }) => () => openApiSpec(db, config, acc),
    server_specs_graphql: ({ acc, args }) => async () => {
      const schemas = s.sdl(args.scope === 'system' ? 'system' : 'items');
      return printSchema((await schemas.forCaller(acc)).schema);
    },

    users_me: ({ acc, ctx, rootType, node, nodes }) => {
      const read = planItems(ctx, rootType, node, nodes, ctx.model.get('directus_users')!, 'one');
      read.query.key = ownUser(acc);
      return read;
    },
    roles_me: ({ acc, ctx, rootType, node, nodes }) => {
      const read = planItems(ctx, rootType, node, nodes, ctx.model.get('directus_roles')!, 'list');
      // the caller's role and its ancestors (Directus 11 nested roles), read as REST's /roles/me reads them
      Object.assign(read.query, { limit: -1, keys: acc.roles });
      return read;
    },
    permissions_me: ({ acc }) => () => parsed(settings.permissionsMe(db, acc)),
    policies_me_globals: ({ acc }) => () => parsed(settings.policiesMeGlobals(db, acc)),

    // (Directus checks no email syntax here: a malformed email is just wrong credentials)
    auth_login: (call) => async () => {
      const { args } = call;
      const mode = (args.mode ?? 'json') as Mode;
      const started = Date.now();
      try {
        const { user, refreshToken } = await passwordLogin(db, String(args.email), String(args.password), str(args.otp), config.refreshTokenTtlMs, clientOf(call.acc));
        return await tokens(call, user, refreshToken, mode, 'login');
      } finally {
        await stall(started, config.loginStallTimeMs);
      }
    },
    auth_refresh: (call) => async () => {
      const { mode, token } = await currentRefreshToken(jwt, config, call.args, call.io.cookieHeader);
      const session = mode === 'session';
      const result = await refreshLogin(db, token, session ? config.sessionCookieTtlMs : config.refreshTokenTtlMs, session,
        config.sessionRefreshGraceMs, clientOf(call.acc), config.loginStallTimeMs);
      return tokens(call, result.user, result.refreshToken, mode, 'refresh');
    },
    auth_logout: (call) => async () => {
      const { token } = await currentRefreshToken(jwt, config, call.args, call.io.cookieHeader);
      await authStore.logout(db, token, clientOf(call.acc));
      const cookies = parseCookies(call.io.cookieHeader);
      for (const c of [config.refreshCookie, config.sessionCookie]) if (c.name in cookies) call.io.setCookies.push(clearCookie(c));
      return true;
    },
    auth_password_request: ({ args }) => async () => {
      await resets.request(args.email, str(args.reset_url));
      return true;
    },
    auth_password_reset: ({ acc, args }) => async () => {
      await resets.reset(args.token, args.password, clientOf(acc));
      s.catalog.accessChanged();
      return true;
    },

    users_me_tfa_generate: ({ acc, args }) => () => tfaGenerate(db, acc, args.password),
    users_me_tfa_enable: ({ acc, args, timing }) => async () => {
      await tfaEnable(own, acc, args.secret, args.otp, timing);
      return true;
    },
    users_me_tfa_disable: ({ acc, args, timing }) => async () => {
      await tfaDisable(own, acc, args.otp, timing);
      return true;
    },

    // invitations and registration (src/auth/accounts.ts); arguments left out or null are not given
    users_invite: ({ acc, args }) => async () => {
      await flows.invite(given(args), acc, clientOf(acc));
      s.catalog.accessChanged();
      return true;
    },
    users_invite_accept: ({ acc, args }) => async () => {
      await flows.acceptInvite(given(args), clientOf(acc));
      s.catalog.accessChanged();
      return true;
    },
    users_register: ({ acc, args }) => async () => {
      await flows.register(given(args), clientOf(acc));
      return true;
    },
    users_register_verify: ({ acc, args }) => async () => {
      await flows.verifyRegistration(String(args.token), clientOf(acc));
      s.catalog.accessChanged();
      return true;
    },

    utils_hash_generate: ({ args }) => () => hashPassword(String(args.string)),
    utils_hash_verify: ({ args }) => () => verifyPassword(String(args.hash), String(args.string)),
    utils_random_string: ({ args }) => async () => {
      // (REST's query parameter is refused as INVALID_QUERY; this argument as Directus refuses it)
      const length = args.length ?? RANDOM_DEFAULT;
      if (typeof length !== 'number' || length < 1 || length > RANDOM_MAX) throw invalidPayload(`"length" must be between 1 and ${RANDOM_MAX}`);
      return randomString(length);
    },
    utils_sort: ({ acc, args }) => async () => {
      const collection = String(args.collection);
      const field = await utils.sortField(db, collection);
      // a collection the caller can't update is a 403 before its meta says anything (strata.sort_items)
      await utils.sortItems(db, acc, collection, field ?? '', args.item, args.to);
      return true;
    },
    utils_revert: ({ acc, args }) => async () => {
      const revision = String(args.revision);
      if (!/^\d+$/.test(revision)) throw forbidden();
      await settings.revert(db, acc, Number(revision));
      return true;
    },
    utils_cache_clear: ({ acc }) => async () => {
      if (!acc.admin) throw forbidden();
      s.catalog.schemaChanged();
      s.catalog.accessChanged();
      await utils.announceCacheClear(db);
      return null;
    },

    // files: their bytes are the files front end's (s.files): fetched and stored as POST
    // /files/import does, then read back with the selection as the caller; deleted as DELETE
    // /files does (rows as the caller, then the bytes and cached transforms of those gone)
    import_file: ({ acc, ctx, rootType, node, nodes, args, timing }) => {
      const plainCtx = { ...ctx, fragments: Object.fromEntries(Object.entries(ctx.fragments).map(([k, f]) => [k, unaliased(f)])) };
      const read = planItems(plainCtx, rootType, unaliased(node), nodes.map(unaliased), ctx.model.get('directus_files')!, 'one');
      return async () => {
        const data = args.data ?? {};
        if (!isPlainObject(data)) throw invalidPayload('"data" must be of type object');
        read.query.key = await s.files.importFile(acc, String(args.url), data, timing);
        const value = await s.reader.readValue(acc, 'directus_files', read.query, 'one', timing, 'graphql');
        if (value === null) return null;
        const parsedValue: unknown = JSON.parse(value.toString());
        return read.reshape ? read.reshape(parsedValue) : parsedValue;
      };
    },
    delete_files_item: ({ acc, args, timing }) => async () => {
      await s.files.remove(acc, [args.id], timing);
      return { id: args.id };
    },
    delete_files_items: ({ acc, args, timing }) => async () => {
      const ids = args.ids as unknown[];
      await s.files.remove(acc, ids, timing);
      return { ids };
    },

    // the caller's own user, written as update_users_item writes it (their permissions apply),
    // with /users/me's rules (checkOwnUpdate, in beforeWrite: it is async)
    update_users_me: ({ acc, ctx, rootType, node, nodes, args }) => {
      const key = ownUser(acc);
      const data = args.data ?? {};
      if (!isPlainObject(data)) throw invalidPayload('"value" must be of type object');
      const users = ctx.model.get('directus_users')!;
      const read = planItems(ctx, rootType, node, nodes, users, 'one');
      delete read.query.key;
      return { collection: 'directus_users', action: 'update', own: true, args: { key, data }, read: { query: read.query, mode: 'one', output: 'graphql' }, reshape: read.reshape };
    },
  };

  return {
    roots: SYSTEM_ROOTS,
    root: (name) => (Object.hasOwn(handlers, name) ? handlers[name] : undefined),
    async beforeWrite(acc, w: RootWrite, timing) {
      if (w.collection === VERSIONS) await versionRules(s, acc, w, timing);
      if (w.own) await checkOwnUpdate(db, acc, w.args.data as Record<string, unknown>);
      if (w.collection === COMMENTS) commentRules(acc, w);
      if (w.collection === 'directus_files') fileRules(acc, s.files, w);
      // the items a write carries: one, a list, or {keys, data} (update_<c>_items)
      const p = w.action === 'create' ? w.args.payload : w.args.data;
      const items = Array.isArray(p) ? p : isPlainObject(p) && Array.isArray(p.keys) ? [p.data] : [p];
      await checkUserPasswords(db, w.collection, items);
      return { system: SYSTEM_RULES.has(w.collection) };
    },
    afterWrite: (w) => systemWritten(s.catalog, w.collection),
  };
}
