// What Strata runs for a read scenario, obtained from Strata's own code where it is exported: the query string parsed
// and normalized as the items controller does, compiled by the same Reader (strata.compile_read),
// the accountability resolved by the same authenticator and serialized by the same contextParams.
import { CONTEXT, connect, contextParams, requestRoles } from '../src/db/client.js';
import type { Config } from '../src/config.js';
import { Reader } from '../src/engine/reader.js';
import { WRITE_SQL } from '../src/engine/writer.js';
import { CompiledWrites, coveredWrite, statementParams } from '../src/engine/compiled-writes.js';
import { parseQueryString } from '../src/request/qs.js';
import { normalizeQuery } from '../src/request/query.js';
import { AccessCache, createAuthenticator } from '../src/auth/authenticate.js';
import { Jwt } from '../src/auth/jwt.js';
import type { ApiRequest } from '../src/types.js';
import type { Scenario } from './scenarios.js';
import { requestStatements, type FloorStatement } from './floor.js';

export async function floorStatement(url: string, config: Config, s: Scenario, token: string): Promise<FloorStatement> {
  const read = s.read!;
  const db = connect(url, 1);
  try {
    const reader = new Reader(db, { defaultLimit: config.queryLimitDefault, maxDepth: config.maxRelationalDepth, cacheSize: 10 });
    const limits = { limitDefault: config.queryLimitDefault, limitMax: config.queryLimitMax };
    const normalized = normalizeQuery(parseQueryString(read.query), limits, { list: read.mode === 'list' });
    const query = read.key === undefined ? normalized : { ...normalized, key: read.key };
    const req: ApiRequest = { id: 'bench', method: s.method, path: s.path, query: read.query, headers: { authorization: `Bearer ${token}` }, body: undefined, ip: '127.0.0.1' };
    const authenticate = createAuthenticator(db, new Jwt(config.secret), new AccessCache(0), config.sessionCookie);
    const accountability = await authenticate(req, {});
    const sql = await reader.sqlFor(accountability, read.collection, query, read.mode);
    return requestStatements(contextParams(accountability), sql, [query]);
  } finally {
    await db.close();
  }
}

/**
 * What Strata runs for a write scenario (POST/PATCH of one item as an admin, answered with the
 * item): the context and the compiled write (strata.compile_write, through the same cache as
 * the Writer) answering with the item it wrote, read by the same Reader (mode 'returning'), or
 * followed by its re-read (mode 'written') in one flight (src/engine/writer.ts); a write the
 * compiled form does not cover runs strata.write_request with Writer's arguments instead.
 */
export async function writeStatement(url: string, config: Config, s: Scenario, token: string): Promise<FloorStatement> {
  // (logged in as the request roles, as the gateway: the compiled form depends on the session's user)
  const db = connect(url, 1, { roles: await requestRoles(url) });
  try {
    const reader = new Reader(db, { defaultLimit: config.queryLimitDefault, maxDepth: config.maxRelationalDepth, cacheSize: 10 });
    const collection = s.path.split('/')[2];
    const key = s.path.split('/')[3];
    const query = normalizeQuery({}, { limitDefault: config.queryLimitDefault, limitMax: config.queryLimitMax }, { list: false });
    const req: ApiRequest = { id: 'bench', method: s.method, path: s.path, query: '', headers: { authorization: `Bearer ${token}` }, body: undefined, ip: '127.0.0.1' };
    const accountability = await createAuthenticator(db, new Jwt(config.secret), new AccessCache(0), config.sessionCookie)(req, {});
    const body = JSON.parse(s.body!);
    const [action, args] = key === undefined ? ['create', { payload: body }] : ['update', { key, data: body }];
    // (STRATA_COMPILED_WRITES=false in the bench's environment measures the write functions, as the server's setting would)
    const covered = process.env.STRATA_COMPILED_WRITES === 'false' ? null : coveredWrite(accountability, collection, action, args, {}, 'one');
    const flight = covered && await new CompiledWrites(db).flightFor(reader, accountability, collection, covered, { query, output: 'envelope' });
    if (covered && flight) {
      const [{ version }] = await db.queryAsOwner<{ version: string }>('select version::text as version from strata.schema_version');
      const params = statementParams(covered, covered.payload, version, query);
      if (!flight.reread) return requestStatements(contextParams(accountability), flight.statement.sql, params);
      return {
        sql: flight.statement.sql,
        statements: [
          { text: CONTEXT, params: contextParams(accountability) },
          { text: flight.statement.sql, params },
          { text: flight.reread, params: [query] },
        ],
        result: 2,
      };
    }
    const sql = await reader.sqlFor(accountability, collection, { ...query, key: '?' }, 'one');
    // (convert_errors false: the writer's first try, see src/engine/writer.ts)
    const opts = { max_batch_mutation: null, default_limit: config.queryLimitDefault, read_mode: 'one', output: 'envelope', convert_errors: false };
    return requestStatements(contextParams(accountability),
      WRITE_SQL, [action, collection, args, sql, query, opts]);
  } finally {
    await db.close();
  }
}
