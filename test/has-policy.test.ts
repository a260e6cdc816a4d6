// strata.has_policy answers from the policy list the gateway sets beside the accountability
// (strata.policies) and, without it, from the accountability itself: both must give the same
// answer for every policy, with and without app access, or row-level security would differ
// between the gateway's requests and a DBA's strata.as_user session.
import t from 'tap';
import { randomUUID } from 'node:crypto';
import { startApp } from './helpers/app.js';
import { CONTEXT, contextJson, contextParams } from '../src/db/client.js';
import { WirePool } from '../src/db/wire/pool.js';
import { parseUrl } from '../src/db/wire/url.js';
import type { Accountability } from '../src/types.js';

const app = await startApp(t);
const url = `postgres://postgres@127.0.0.1:${app.cluster.port}/${app.dbName}`;
const [{ id: appAccess }] = await app.sql<{ id: string }>('select strata.app_access_policy()::text as id');
const [p1, p2, other] = [randomUUID(), randomUUID(), randomUUID()];
const asked = [p1, p2, other, appAccess];
const who = (policies: string[], app: boolean, admin = false): Accountability =>
  ({ user: null, role: null, roles: [], policies, admin, app, ip: '127.0.0.1', userAgent: null, origin: null });

t.test('the policy list and the accountability give the same answers', async (t) => {
  const pool = new WirePool(parseUrl(url), 1);
  t.teardown(() => pool.end(5));
  const ask = `select string_agg(strata.has_policy(p)::text, ',' order by o) from unnest($1::uuid[]) with ordinality x(p, o)`;
  for (const a of [who([], false), who([], true), who([p1], false), who([p1, p2], true), who([p2, appAccess], false), who([p1], false, true)]) {
    const [, list, viaList] = await pool.runAll([{ text: CONTEXT, params: contextParams(a) }, { text: `select current_setting('strata.policies')`, params: [] },
      { text: ask, params: [`{${asked.join(',')}}`] }]);
    // the same claims without the list: a session that only set the accountability
    const [, viaClaims] = await pool.runAll([{ text: "select set_config('strata.accountability', $1, true)", params: [contextJson(a)] },
      { text: ask, params: [`{${asked.join(',')}}`] }]);
    const expected = asked.map((p) => String(a.policies.includes(p) || (p === appAccess && a.app))).join(',');
    t.match(list!.toString(), /^,/, 'the gateway sets the list');
    t.equal(viaList!.toString(), expected, `list: ${JSON.stringify({ policies: a.policies.length, app: a.app })}`);
    t.equal(viaClaims!.toString(), expected, 'claims: the same');
  }
});

t.test('strata.as_user empties the list: the user it acts as is asked, not the request before it', async (t) => {
  const pool = new WirePool(parseUrl(url), 1);
  t.teardown(() => pool.end(5));
  // a DBA's session (as_user is theirs: the request roles may not run it) holding a request's
  // claims and list, then as_user(null) (the public policy only) in the same transaction
  const [, , after] = await pool.runAll([
    { text: "select set_config('strata.accountability', $1, true), set_config('strata.policies', $2, true)", params: [contextJson(who([p1], true)), contextParams(who([p1], true))[2]] },
    { text: 'select strata.as_user(null)', params: [] },
    { text: `select strata.has_policy($1)::text || ' ' || strata.has_policy(strata.app_access_policy())::text || ' ' || current_setting('strata.policies')`, params: [p1] }]);
  t.equal(after!.toString(), 'false false ', 'neither the request\'s policy nor its app access');
});
