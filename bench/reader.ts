// The non-admin "reader" of the list-25-m2o-reader scenario: one policy whose read permission on
// articles has a row filter (published only), and a user with a static token.
import postgres from 'postgres';
import type { Api } from './api.js';
import type { Names } from './schema.js';
import { readerPermissions } from './scenarios.js';

export interface ReaderUser {
  token: string;
  /** undoes what was created (target only) */
  remove(): Promise<void>;
}

const STRATA_POLICY = '00000000-0000-4000-8000-0000000b0001';
const STRATA_USER = '00000000-0000-4000-8000-0000000b0002';
export const STRATA_READER_TOKEN = 'bench-reader-token';

/**
 * On Strata, through SQL for now.
 * TODO: create it through POST /policies, /permissions and /users (as createTargetReader does)
 * once Strata serves those endpoints.
 */
export async function createStrataReaderViaSql(url: string, n: Names): Promise<ReaderUser> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await sql.begin(async (tx) => {
      await tx`insert into directus_policies (id, name, icon, admin_access, app_access) values (${STRATA_POLICY}, 'bench reader', 'badge', false, false) on conflict (id) do nothing`;
      await tx`delete from directus_permissions where policy = ${STRATA_POLICY}`;
      for (const p of readerPermissions(n)) {
        await tx`insert into directus_permissions (collection, action, permissions, fields, policy)
          values (${p.collection}, ${p.action}, ${tx.json(p.permissions)}, ${p.fields.join(',')}, ${STRATA_POLICY})`;
      }
      await tx`insert into directus_users (id, email, token, status) values (${STRATA_USER}, 'bench-reader@example.com', ${STRATA_READER_TOKEN}, 'active') on conflict (id) do nothing`;
      await tx`insert into directus_access (id, "user", policy) select gen_random_uuid(), ${STRATA_USER}, ${STRATA_POLICY}
        where not exists (select from directus_access where "user" = ${STRATA_USER} and policy = ${STRATA_POLICY})`;
    });
  } finally {
    await sql.end();
  }
  return { token: STRATA_READER_TOKEN, remove: async () => {} };
}

/** On a --target, through its API; throws when the target refuses (the scenario is then skipped). */
export async function createTargetReader(api: Api, n: Names, prefix: string): Promise<ReaderUser> {
  const created: { users: string[]; policies: string[] } = { users: [], policies: [] };
  const remove = async () => {
    for (const id of created.users) await api.request('DELETE', `/users/${id}`).catch(() => {});
    for (const id of created.policies) await api.request('DELETE', `/policies/${id}`).catch(() => {});
  };
  const token = `${prefix}reader-${Math.random().toString(36).slice(2)}`;
  try {
    const policy = await api.request<{ id: string }>('POST', '/policies', { name: `${prefix}bench reader`, admin_access: false, app_access: false });
    created.policies.push(policy.id);
    await api.request('POST', '/permissions', readerPermissions(n).map((p) => ({ ...p, policy: policy.id })));
    const user = await api.request<{ id: string }>('POST', '/users', {
      email: `${prefix}reader@example.com`, password: token, token, status: 'active', policies: [{ policy: policy.id }],
    });
    created.users.push(user.id);
  } catch (err) {
    await remove();
    throw err;
  }
  return { token, remove };
}
