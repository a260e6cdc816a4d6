// Users made directly in the database for auth tests (the /users endpoint is another issue).
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../src/auth/password.js';
import type { TestApp } from './app.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
}

export async function createUser(
  app: TestApp,
  opts: { email?: string; password?: string | null; status?: string; provider?: string; token?: string; tfaSecret?: string; admin?: boolean } = {},
): Promise<TestUser> {
  const id = randomUUID();
  const email = opts.email ?? `user-${id.slice(0, 8)}@example.com`;
  const password = opts.password === undefined ? `pw-${id.slice(0, 8)}` : opts.password;
  let role: string | null = null;
  if (opts.admin !== undefined) {
    role = randomUUID();
    const policy = randomUUID();
    await app.sql('insert into directus_roles (id, name) values ($1, $2)', [role, `role-${role.slice(0, 8)}`]);
    await app.sql('insert into directus_policies (id, name, admin_access, app_access) values ($1, $2, $3, $3)', [policy, `policy-${policy.slice(0, 8)}`, opts.admin]);
    await app.sql('insert into directus_access (id, role, policy) values ($1, $2, $3)', [randomUUID(), role, policy]);
  }
  await app.sql(
    `insert into directus_users (id, email, password, status, provider, token, tfa_secret, role)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, email, password === null ? null : await hashPassword(password), opts.status ?? 'active', opts.provider ?? 'default', opts.token ?? null, opts.tfaSecret ?? null, role],
  );
  return { id, email, password: password ?? '' };
}
