// One GraphQL operation, read side: graphql-js parses and validates against the caller's schema;
// then every root field is planned into one compiled read (src/graphql/plan.ts), and all of them
// go to PostgreSQL in ONE flight (db.requestMany). The answer `{"data":{...}}` is written by
// concatenating the JSON PostgreSQL built for each field; only fields whose GraphQL shape the
// compiler can't produce (`__typename`, `<field>_func`, aggregates) are parsed and reshaped. Nothing resolves
// field by field.
import {
  execute as executeGraphql, getArgumentValues, getOperationAST, type GraphQLObjectType, type GraphQLSchema, getVariableValues, GraphQLError, Kind, NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate,
  type ASTVisitor, type DocumentNode, type ValidationContext, type FieldNode, type FragmentDefinitionNode, type OperationDefinitionNode,
} from 'graphql';
import type { Db } from '../db/client.js';
import type { Reader } from '../engine/reader.js';
import type { Writer } from '../engine/writer.js';
import { DirectusError, forbidden } from '../errors.js';
import type { QueryLimits } from '../request/query.js';
import { timed, type Accountability, type Timing } from '../types.js';
import { collectFields, planAggregated, planItems, type Context, type RootRead } from './plan.js';
import { planMutation, type RootWrite } from './mutate.js';
import type { Schemas } from './schemas.js';
import { isForbiddenKey } from '../request/safe-keys.js';
import { checkDocument } from './limits.js';
import { DEFAULT_MAX_FIELDS } from '../request/query.js';
import { collectionName } from './model.js';
import { isVersionRoot, planVersion } from './versions.js';

export interface GraphqlRequest {
  query?: unknown;
  variables?: unknown;
  operationName?: unknown;
}

export interface GraphqlDeps {
  db: Db;
  reader: Reader;
  writer: Writer;
  schemas: Schemas;
  limits: QueryLimits;
  options: GraphqlOptions;
  /** the scope's own root fields and write rules (/graphql/system); absent: items */
  scope?: Scope;
}

/** What a scope adds to the collections' root fields (/graphql/system: src/graphql/system.ts). */
export interface Scope {
  /** root field name -> collection (system: `users` -> directus_users) */
  roots: Record<string, string>;
  /** a root field of the scope's own: how it is answered (undefined: a collection's root field) */
  root(name: string): RootHandler | undefined;
  /** before a collection write (checks); `system`: written with Directus's per-collection rules */
  beforeWrite(acc: Accountability, write: RootWrite, timing: Timing): Promise<{ system: boolean }>;
  /** after a collection write succeeded */
  afterWrite(write: RootWrite): void;
}

/** What a scope's root field is given: its arguments, the caller, the HTTP cookies in and out. */
export interface RootCall {
  acc: Accountability;
  ctx: Context;
  rootType: GraphQLObjectType;
  node: FieldNode;
  nodes: FieldNode[];
  args: Record<string, unknown>;
  io: GraphqlIo;
  timing: Timing;
}

/** A scope's root field: a read or a write planned like a collection's, or a value (shaped by the selection here). */
export type RootHandler = (call: RootCall) => RootRead | RootWrite | (() => Promise<unknown>);

/** The HTTP side of an operation: the request's cookies, the Set-Cookie values of the answer. */
export interface GraphqlIo {
  /** GET requests may only query (Directus: 405 METHOD_NOT_ALLOWED for a mutation) */
  method?: string;
  cookieHeader?: string;
  setCookies: string[];
}

export interface GraphqlOptions {
  /** GRAPHQL_INTROSPECTION */
  introspection: boolean;
  /** GRAPHQL_QUERY_TOKEN_LIMIT */
  tokenLimit: number;
  /** MAX_RELATIONAL_DEPTH */
  maxRelationalDepth: number;
}

/** A request Directus refuses before executing: 400 GRAPHQL_VALIDATION with graphql-js's errors. */
export class GraphqlValidationError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super('GraphQL validation error.');
  }
}

const invalid = (message: string) => new GraphqlValidationError([new GraphQLError(message)]);

/**
 * GraphQL names may be `__proto__`, `constructor` or `prototype`; as aliases or fragment names
 * they would become keys of the objects the plan builds (alias, deep, reshaped rows), so they
 * are refused like every other request data key (src/request/safe-keys.ts).
 */
function NoPrototypeKeys(context: ValidationContext): ASTVisitor {
  const check = (name: string | undefined, node: FieldNode | FragmentDefinitionNode) => {
    if (name !== undefined && isForbiddenKey(name)) context.reportError(new GraphQLError(`Name "${name}" is not allowed.`, { nodes: node }));
  };
  return {
    Field: (node) => check(node.alias?.value, node),
    FragmentDefinition: (node) => check(node.name.value, node),
  };
}
export const RULES = [...specifiedRules, NoPrototypeKeys];
export const RULES_NO_INTROSPECTION = [...RULES, NoSchemaIntrospectionCustomRule];

/** An execution error as Directus reports it: with the root field's path, code in extensions. */
function fieldError(err: DirectusError, node: FieldNode, key: string) {
  const loc = node.loc ? [{ line: node.loc.startToken.line, column: node.loc.startToken.column }] : undefined;
  return { message: err.message, ...(loc ? { locations: loc } : {}), path: [key], extensions: { ...err.extensions, code: err.code } };
}

type Part = {
  key: string; node: FieldNode; nodes?: FieldNode[]; read?: RootRead; write?: RootWrite;
  /** a scope's root field answered by a value (graphql-js shapes it by the selection) */
  compute?: () => Promise<unknown>;
  sql?: string; value?: Buffer | string | null; error?: DirectusError;
};

/**
 * Documents that passed parsing, the limits and validation, per schema (a caller's schema object
 * is cached and replaced, never changed) and query text: a client sends the same few queries again
 * and again, and validating one costs more than running its statement. Bounded per schema.
 */
const validated = new WeakMap<GraphQLSchema, Map<string, DocumentNode>>();
const VALIDATED_PER_SCHEMA = 500;
/**
 * Longer query texts are not kept: the token limit bounds a document, not its text (comments and
 * whitespace are free), and 500 texts of a megabyte each would be a cache any caller could fill.
 */
const VALIDATED_MAX_CHARS = 16_384;

function remember(schema: GraphQLSchema, query: string, document: DocumentNode): void {
  if (query.length > VALIDATED_MAX_CHARS) return;
  let docs = validated.get(schema);
  if (!docs) validated.set(schema, (docs = new Map()));
  if (docs.size >= VALIDATED_PER_SCHEMA) docs.delete(docs.keys().next().value!);
  docs.set(query, document);
}

/** a link must not write (or sign in, or out): as Directus, a mutation sent with GET is refused before validation */
function refuseGetMutation(document: DocumentNode, operationName: string | undefined, io: GraphqlIo): void {
  if (io.method === 'GET' && getOperationAST(document, operationName)?.operation === 'mutation') {
    throw new DirectusError('METHOD_NOT_ALLOWED', 'Invalid method "GET" used. Should be one of "POST".', { allowed: ['POST'], current: 'GET' });
  }
}

/** The response body of one operation (status 200), or a GraphqlValidationError (400). */
export async function executeOperation(deps: GraphqlDeps, acc: Accountability, req: GraphqlRequest, timing: Timing,
  io: GraphqlIo = { setCookies: [] }): Promise<string | Buffer> {
  if (typeof req.query !== 'string' || req.query.trim() === '') throw invalid('Must provide query string.');
  if (req.variables !== undefined && req.variables !== null && (typeof req.variables !== 'object' || Array.isArray(req.variables))) {
    throw invalid('Variables must be provided as an Object where each property is a variable value.');
  }
  const operationName = typeof req.operationName === 'string' && req.operationName !== '' ? req.operationName : undefined;
  const { schema, model } = await timed(timing, 'schema', () => deps.schemas.forCaller(acc));
  let document = validated.get(schema)?.get(req.query);
  if (!document) {
    try {
      document = parse(req.query, { maxTokens: deps.options.tokenLimit });
    } catch (err) {
      throw new GraphqlValidationError([err as GraphQLError]);
    }
    refuseGetMutation(document, operationName, io);
    const tooBig = checkDocument(document, { maxFields: deps.limits.maxFields ?? DEFAULT_MAX_FIELDS, maxRelationalDepth: deps.options.maxRelationalDepth });
    if (tooBig) throw new GraphqlValidationError([tooBig]);
    const errors = validate(schema, document, deps.options.introspection ? RULES : RULES_NO_INTROSPECTION);
    if (errors.length > 0) throw new GraphqlValidationError(errors);
    remember(schema, req.query, document);
  } else {
    refuseGetMutation(document, operationName, io);
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) throw invalid(operationName ? `Unknown operation named "${operationName}".` : 'Must provide operation name if query contains multiple operations.');
  const rootType = operation.operation === 'query' ? schema.getQueryType() : operation.operation === 'mutation' ? schema.getMutationType() : null;
  // (validation already refuses an operation type the schema lacks)
  if (!rootType) throw invalid(`Schema is not configured to execute ${operation.operation} operation.`);
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], (req.variables ?? {}) as Record<string, unknown>);
  if (coerced.errors) throw new GraphqlValidationError(coerced.errors);

  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  const ctx: Context = { model, fragments, variables: coerced.coerced, limits: deps.limits, roots: deps.scope?.roots };

  // plan every root field (a planning error belongs to its field alone)
  const parts: Part[] = [];
  const introspection: FieldNode[] = [];
  for (const [key, nodes] of collectFields(ctx, [operation.selectionSet])) {
    const node = nodes[0];
    const name = node.name.value;
    const part: Part = { key, node };
    parts.push(part);
    if (name === '__typename') part.value = JSON.stringify(rootType.name);
    else if (name === '__schema' || name === '__type') introspection.push(...nodes);
    else if (name === '_empty') part.value = 'null';
    else {
      try {
        const own = deps.scope?.root(name);
        if (own) {
          const planned = own({ acc, ctx, rootType, node, nodes, args: getArgumentValues(rootType.getFields()[name], node, ctx.variables), io, timing });
          if (typeof planned === 'function') [part.compute, part.nodes] = [planned, nodes];
          else if ('action' in planned) part.write = planned;
          else part.read = planned;
        } else if (operation.operation === 'mutation') part.write = planMutation(ctx, rootType, node, nodes);
        else if (!deps.scope && isVersionRoot(ctx, rootType, node, name)) {
          [part.compute, part.nodes] = [planVersion(deps, acc, ctx, rootType, node, nodes, name, timing), nodes];
        } else part.read = plan(ctx, rootType, node, nodes, name);
      } catch (err) {
        if (!(err instanceof DirectusError)) throw err;
        part.error = err;
      }
    }
  }
  if (introspection.length > 0) {
    const data = introspect(schema, document, operation, introspection, coerced.coerced);
    for (const p of parts) if (p.key in data) p.value = JSON.stringify(data[p.key]);
  }

  // a scope's value fields: in order among the writes of a mutation, at once in a query
  const compute = (p: Part) => runCompute(p, schema, document, operation, coerced.coerced);
  if (operation.operation === 'mutation') await timed(timing, 'write', () => runWrites(deps, acc, parts, timing, compute));
  else await Promise.all(parts.filter((p) => p.compute).map(compute));

  // compile (cached by shape), then every root field in one flight
  const reads = parts.filter((p) => p.read);
  await timed(timing, 'compile', () => Promise.all(reads.map(async (p) => {
    try {
      p.sql = await deps.reader.sqlFor(acc, p.read!.collection, p.read!.query, p.read!.mode, 'graphql');
    } catch (err) {
      if (!(err instanceof DirectusError)) throw err;
      p.error = err;
    }
  })));
  const ready = reads.filter((p) => p.sql !== undefined);
  await timed(timing, 'db', () => run(deps.db, acc, ready));

  // {"data":{...}} from PostgreSQL's bytes, in selection order
  const chunks: (string | Buffer)[] = ['{"data":{'];
  const fieldErrors: ReturnType<typeof fieldError>[] = [];
  parts.forEach((p, i) => {
    let value: Buffer | string | null = p.value ?? null;
    if (p.read && !p.error) {
      if (value === null && p.read.mode === 'one') p.error = forbidden(); // as REST: a hidden item answers like a missing one
      else if (p.read.reshape) value = JSON.stringify(p.read.reshape(value === null ? null : JSON.parse(value.toString())));
    }
    if (p.write && !p.error && p.write.reshape && value !== null) value = JSON.stringify(p.write.reshape(JSON.parse(value.toString())));
    if (p.error) {
      fieldErrors.push(fieldError(p.error, p.node, p.key));
      value = null;
    }
    chunks.push(`${i > 0 ? ',' : ''}${JSON.stringify(p.key)}:`, value ?? 'null');
  });
  chunks.push('}');
  if (fieldErrors.length > 0) chunks.push(',"errors":', JSON.stringify(fieldErrors));
  chunks.push('}');
  return Buffer.concat(chunks.map((c) => (typeof c === 'string' ? Buffer.from(c) : c)));
}

/**
 * The mutation root fields, in order (GraphQL executes them serially): each is one
 * strata.write_request statement that writes and re-reads, as REST's writes.
 */
async function runWrites(deps: GraphqlDeps, acc: Accountability, parts: Part[], timing: Timing,
  compute: (p: Part) => Promise<void>): Promise<void> {
  for (const p of parts) {
    if (p.compute) await compute(p);
    if (!p.write || p.error) continue;
    const w = p.write;
    try {
      const how = deps.scope ? await deps.scope.beforeWrite(acc, w, timing) : { system: false };
      const value = await deps.writer.write(acc, w.collection, w.action, w.args, w.read, timing, {}, how);
      deps.scope?.afterWrite(w);
      p.value = w.read ? value : w.answer!;
    } catch (err) {
      if (!(err instanceof DirectusError)) throw err;
      p.error = err;
    }
  }
}

function plan(ctx: Context, rootType: Parameters<typeof planItems>[1], node: FieldNode, nodes: FieldNode[], name: string): RootRead {
  const of = (root: string) => ctx.model.get(collectionName(ctx, root));
  const exact = of(name);
  if (exact) return planItems(ctx, rootType, node, nodes, exact, exact.singleton ? 'singleton' : 'list');
  if (name.endsWith('_by_id')) return planItems(ctx, rootType, node, nodes, of(name.slice(0, -6))!, 'one');
  return planAggregated(ctx, rootType, node, nodes, of(name.slice(0, -11))!);
}

/**
 * A scope's root field answered by a value: computed, then shaped by its selection by graphql-js
 * (aliases, fragments, __typename, scalars), as introspection is. No row data passes here.
 */
async function runCompute(p: Part, schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode,
  variables: Record<string, unknown>): Promise<void> {
  try {
    const value = await p.compute!();
    const data = introspect(schema, document, operation, p.nodes!, variables, { [p.node.name.value]: value });
    p.value = JSON.stringify(data[p.key] ?? null);
  } catch (err) {
    if (!(err instanceof DirectusError)) throw err;
    p.error = err;
  }
}

/**
 * All compiled reads in one flight. The flight is one implicit transaction, so one failing read
 * fails them all: then (only then) each read runs on its own, to give each field its own answer
 * or error, as Directus does.
 */
async function run(db: Db, acc: Accountability, parts: Part[]): Promise<void> {
  if (parts.length === 0) return;
  try {
    const values = await db.requestMany(acc, parts.map((p) => ({ text: p.sql!, params: [p.read!.query] })), { valueErrors: 'INVALID_QUERY' });
    parts.forEach((p, i) => (p.value = values[i]));
    return;
  } catch (err) {
    if (!(err instanceof DirectusError) || parts.length === 1) {
      if (err instanceof DirectusError) parts[0].error = err;
      else throw err;
      return;
    }
  }
  await Promise.all(parts.map(async (p) => {
    try {
      p.value = await db.requestBytes(acc, p.sql!, [p.read!.query], { valueErrors: 'INVALID_QUERY' });
    } catch (err) {
      if (!(err instanceof DirectusError)) throw err;
      p.error = err;
    }
  }));
}

/** __schema / __type, answered by graphql-js from the caller's schema (no data is read). */
function introspect(schema: Parameters<typeof executeGraphql>[0]['schema'], document: DocumentNode, operation: OperationDefinitionNode,
  nodes: FieldNode[], variables: Record<string, unknown>, rootValue?: Record<string, unknown>): Record<string, unknown> {
  const only: DocumentNode = {
    kind: Kind.DOCUMENT,
    definitions: [
      { ...operation, selectionSet: { kind: Kind.SELECTION_SET, selections: nodes } },
      ...document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION),
    ],
  };
  const result = executeGraphql({ schema, document: only, variableValues: variables, rootValue }) as { data?: Record<string, unknown> | null };
  return result.data ?? {};
}
