// How row-level security's two per-statement checks read the request's context, against what
// strata.accountability() makes of it: strata.has_policy (read as json when the context is
// valid jsonb) and strata.share_id (null without parsing when the text can't hold a "share"
// key). Every context below, odd ones included, must answer as the full parse does.
import t from 'tap';
import { startApp } from './helpers/app.js';
import { asRole } from './helpers/as-role.js';

const app = await startApp(t);
const P = '6f0e8d4a-1b2c-4d3e-8f00-0000000000aa';
const APP = '5ba7a0c4-a99a-4ccc-8000-00000000a99a'; // strata.app_access_policy()

/** has_policy(P), has_policy(APP), share_id() and what strata.accountability() says, as strata_request */
async function read(context: string) {
  const rows = await asRole(app.db, 'strata_request',
    `select strata.has_policy('${P}') as p, strata.has_policy('${APP}') as app, strata.share_id() as share,
      coalesce(strata.accountability() -> 'policies' ? '${P}', false) as p_full, strata.accountability() ->> 'share' as share_full`, context);
  return (rows as Record<string, unknown>[])[0];
}

const CASES: [string, string, { p: boolean; app: boolean; share: string | null }][] = [
  ['the gateway\'s form', JSON.stringify({ user: null, role: null, roles: [], policies: [P], admin: false, app: false, ip: '::1', user_agent: 'x', origin: null }), { p: true, app: false, share: null }],
  ['no policies', JSON.stringify({ policies: [], app: false }), { p: false, app: false, share: null }],
  ['app access', JSON.stringify({ policies: [], app: true }), { p: false, app: true, share: null }],
  ['a share', JSON.stringify({ policies: [P], share: 'abc' }), { p: true, app: false, share: 'abc' }],
  ['a share key spelled with an escape', '{"policies":[],"\\u0073hare":"esc"}', { p: false, app: false, share: 'esc' }],
  ['"share" inside a value only', JSON.stringify({ policies: [P], user_agent: '"share"' }), { p: true, app: false, share: null }],
  ['a repeated key: the last one counts', `{"policies":["${P}"],"policies":[]}`, { p: false, app: false, share: null }],
  ['a repeated key, the other way', `{"policies":[],"policies":["${P}"]}`, { p: true, app: false, share: null }],
  ['policies as a string', JSON.stringify({ policies: P }), { p: true, app: false, share: null }],
  ['the policy only nested deeper', JSON.stringify({ policies: [[P]], meta: { policies: [P] } }), { p: false, app: false, share: null }],
  ['valid JSON that jsonb refuses (NUL): no context', `{"policies":["${P}"],"share":"s","x":"\\u0000"}`, { p: false, app: false, share: null }],
  ['a huge number (jsonb holds it): a context', `{"policies":["${P}"],"share":"s","n":1e1000}`, { p: true, app: false, share: 's' }],
  ['not JSON: no context', `{"policies":["${P}"]`, { p: false, app: false, share: null }],
  ['empty: no context', '', { p: false, app: false, share: null }],
];

for (const [name, context, want] of CASES) {
  t.test(name, async (t) => {
    const got = await read(context);
    t.same({ p: got.p, app: got.app, share: got.share }, want);
    // the same answers as the full parse
    t.equal(got.p, got.p_full);
    t.equal(got.share, got.share_full);
  });
}
