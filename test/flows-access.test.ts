// What a flow may see and do (issue 14): `$env` holds only the variables FLOWS_ENV_ALLOW_LIST
// names (in templates, in a script's data and its process.env, never written to the run's log),
// and item operations whose permissions are a role's id act with that role's access: allowed
// where its policies allow, refused (the reject path, nothing written) where they do not.
// Refusals as Directus 12.4 answers them (test/fixtures/directus-flows-roles.json).
import t from 'tap';
import { readFileSync } from 'node:fs';
import { startApp } from './helpers/app.js';

t.setTimeout(120_000);

const FX: Record<string, any> = JSON.parse(readFileSync(new URL('./fixtures/directus-flows-roles.json', import.meta.url), 'utf8'));
const a = await startApp(t, {
  FLOWS_ENV_ALLOW_LIST: 'ZF14_VISIBLE,ZF14_UNSET', ZF14_VISIBLE: 'shown-value', ZF14_HIDDEN: 'hidden-value',
  FLOWS_DELIVERY_BACKOFF: '20', FLOWS_DELIVERY_ATTEMPTS: '1',
});
const C = 'zf14_items';
await a.sql(`create table ${C} (id serial primary key, title varchar(255), n integer);
  insert into directus_collections (collection) values ('${C}');
  insert into ${C} (title, n) values ('a', 1), ('b', 2);`);

interface Op { key: string; type: string; options: unknown }
const REJ: Op = { key: 'rej', type: 'transform', options: { json: { path: 'reject', last: '{{$last}}' } } };

/** a webhook flow (return $last unless told): `ops` in a chain, the first one's reject path REJ */
async function hook(ops: Op[], ret = '$last'): Promise<string> {
  const res = await a.post('/flows', { name: `zf14_${Math.random()}`, trigger: 'webhook', accountability: 'all', options: { method: 'POST', return: ret } });
  if (res.status !== 200) throw new Error(`flow create: ${res.status} ${res.text}`);
  const flow = res.body.data.id;
  const rej = (await a.post('/operations', { ...REJ, flow, position_x: 9, position_y: 1 })).body.data.id;
  let next: string | null = null;
  for (let i = ops.length - 1; i >= 0; i--) {
    const op = await a.post('/operations', { ...ops[i], flow, position_x: i + 1, position_y: 1, resolve: next, reject: i === 0 ? rej : null });
    if (op.status !== 200) throw new Error(`operation create: ${op.status} ${op.text}`);
    next = op.body.data.id;
  }
  await a.patch(`/flows/${flow}`, { operation: next });
  return flow;
}
const fire = async (flow: string) => {
  const res = await a.post(`/flows/trigger/${flow}`, {});
  await a.patch(`/flows/${flow}`, { status: 'inactive' });
  return res;
};
const rows = () => a.sql(`select id, title, n from ${C} order by id`);

t.test('$env: only the variables FLOWS_ENV_ALLOW_LIST names', async (t) => {
  const flow = await hook([
    { key: 'tpl', type: 'transform', options: { json: { visible: '{{ $env.ZF14_VISIBLE }}', hidden: '{{ $env.ZF14_HIDDEN }}', missing: '{{ $trigger.no_such }}', inside: 'Bearer {{ $env.ZF14_VISIBLE }}' } } },
    { key: 'script', type: 'exec', options: { code: `module.exports = function (data) {
      return { data: data.$env, process: process.env, hidden: process.env.ZF14_HIDDEN === undefined ? 'absent' : 'present' };
    }` } },
  ], '$all');
  const res = await fire(flow);
  t.equal(res.status, 200, res.text);
  t.same(res.body.$env, { ZF14_VISIBLE: 'shown-value' }, 'the chain\'s $env: the listed variable that is set, nothing else');
  t.equal(res.body.tpl.visible, 'shown-value', 'a template reads a listed variable');
  t.equal(res.body.tpl.inside, 'Bearer shown-value', 'also inside a longer string');
  t.equal(res.body.tpl.hidden, res.body.tpl.missing, 'an unlisted one renders as a path that does not exist');
  t.not(res.body.tpl.hidden, 'hidden-value');
  t.same(res.body.script, { data: { ZF14_VISIBLE: 'shown-value' }, process: { ZF14_VISIBLE: 'shown-value' }, hidden: 'absent' }, 'a script sees the same, as data.$env and process.env');
  t.notOk(JSON.stringify(res.body).includes('hidden-value'), 'the unlisted value appears nowhere');
  const logged = await a.sql(`select r.data::text as data from directus_revisions r join directus_activity ac on ac.id = r.activity
    where ac.collection = 'directus_flows' and ac.item = $1`, [flow]);
  t.equal(logged.length, 1, 'the run is logged');
  t.notOk(logged[0].data.includes('shown-value'), 'without the environment value (in the data chain and in the steps\' rendered options)');
});

t.test('item operations with a role\'s permissions', async (t) => {
  const policy = async (name: string, actions: string[]) => {
    const p = (await a.post('/policies', { name, app_access: false, admin_access: false })).body.data.id;
    for (const action of actions) {
      const perm = await a.post('/permissions', { policy: p, collection: C, action, fields: ['*'], permissions: {} });
      if (perm.status !== 200) throw new Error(`permission: ${perm.status} ${perm.text}`);
    }
    return p;
  };
  const role = async (name: string, policies: string[]) => {
    const r = await a.post('/roles', { name, policies: policies.map((p) => ({ policy: p })) });
    if (r.status !== 200) throw new Error(`role: ${r.status} ${r.text}`);
    return r.body.data.id as string;
  };
  const reader = await role('zf14_reader', [await policy('zf14_reader_pol', ['read'])]);
  const nobody = await role('zf14_nobody', []);
  const editor = await role('zf14_editor', [await policy('zf14_editor_pol', ['read', 'create', 'update', 'delete'])]);
  const op = async (type: string, options: Record<string, unknown>) => fire(await hook([{ key: 'op', type, options: { collection: C, ...options } }]));
  const like = (res: { status: number; body: unknown }, name: string) => t.same([res.status, res.body], [FX[name].status, FX[name].body], name);

  const before = await rows();
  like(await op('item-read', { permissions: reader, query: { fields: ['title'], sort: ['id'] } }), 'role_read_allowed');
  like(await op('item-read', { permissions: reader, key: 1 }), 'role_read_key_allowed');
  like(await op('item-read', { permissions: nobody, query: { fields: ['title'] } }), 'role_read_refused');
  like(await op('item-read', { permissions: nobody, key: 1 }), 'role_read_key_refused');
  like(await op('item-create', { permissions: reader, payload: { title: 'no' } }), 'role_create_refused');
  like(await op('item-update', { permissions: reader, key: 1, payload: { title: 'no' } }), 'role_update_refused');
  like(await op('item-delete', { permissions: reader, key: 1 }), 'role_delete_refused');
  t.same(await rows(), before, 'the refused writes changed nothing');
  // Directus 12.4 rejects with an empty object ({}: an internal error it does not describe);
  // Strata refuses with FORBIDDEN, as for a role without the permission
  const unknown = await op('item-read', { permissions: '00000000-0000-4000-8000-000000000000', key: 1 });
  t.match(unknown.body, { path: 'reject', last: { code: 'FORBIDDEN', status: 403 } }, 'a role that does not exist: the reject path');
  const notUuid = await op('item-create', { permissions: 'editor', payload: { title: 'no' } });
  t.match(notUuid.body, { path: 'reject', last: { code: 'INVALID_PAYLOAD' } }, 'permissions that name no role: the reject path');
  t.same(await rows(), before, 'still nothing written');

  const created = await op('item-create', { permissions: editor, payload: { title: 'by editor', n: 3 } });
  t.same([created.status, created.body], [200, [3]], 'a role that may create: the key written');
  t.equal((await op('item-update', { permissions: editor, key: 3, payload: { n: 30 } })).body, 3, 'update: the key');
  t.same(await rows(), [...before, { id: 3, title: 'by editor', n: 30 }], 'written as that role allowed');
  const userOf = await a.sql(`select action, "user" from directus_activity where collection = $1 and item = '3' order by id`, [C]);
  t.same(userOf, [{ action: 'create', user: null }, { action: 'update', user: null }], 'logged without a user (a role is not a user)');
  t.equal((await op('item-delete', { permissions: editor, key: 3 })).body, 3, 'delete: the key');
  t.same(await rows(), before);
});
