// Helpers for the schema API tests: users with and without app access, and catalog queries.
import { randomUUID } from 'node:crypto';
import type { TestApp } from './app.js';

/** Creates an active user with a static token whose one policy has the given access. */
export async function makeUser(app: TestApp, opts: { app: boolean; read?: string[] }): Promise<string> {
  const policy = randomUUID();
  const user = randomUUID();
  const token = `tok-${randomUUID()}`;
  await app.sql('insert into directus_policies (id, name, app_access, admin_access) values ($1, $2, $3, false)', [policy, `p-${policy}`, opts.app]);
  await app.sql('insert into directus_users (id, email, token, status) values ($1, $2, $3, $4)', [user, `${user}@example.com`, token, 'active']);
  await app.sql('insert into directus_access (id, "user", policy) values ($1, $2, $3)', [randomUUID(), user, policy]);
  for (const collection of opts.read ?? []) {
    await app.sql("insert into directus_permissions (collection, action, fields, policy) values ($1, 'read', '*', $2)", [collection, policy]);
  }
  return token;
}

/** Columns of a table as information_schema describes them, keyed by name. */
export async function columnsOf(app: TestApp, table: string): Promise<Record<string, { data_type: string; is_nullable: string; column_default: string | null; character_maximum_length: number | null; numeric_precision: number | null; numeric_scale: number | null }>> {
  const rows = await app.sql(
    `select column_name, data_type, is_nullable, column_default, character_maximum_length, numeric_precision, numeric_scale
     from information_schema.columns where table_schema = 'public' and table_name = $1 order by ordinal_position`, [table]);
  return Object.fromEntries(rows.map((r: any) => [r.column_name, r]));
}

export async function tableExists(app: TestApp, table: string): Promise<boolean> {
  const [row] = await app.sql<{ ok: boolean }>("select to_regclass(format('public.%I', $1::text)) is not null as ok", [table]);
  return row.ok;
}

/** Foreign keys of a table: column -> {table, column, on_delete}. */
export async function foreignKeys(app: TestApp, table: string) {
  const rows = await app.sql(
    `select a.attname as col, rc.relname as ref_table, ra.attname as ref_col, con.conname as name, con.confdeltype as on_delete
     from pg_constraint con join pg_class c on c.oid = con.conrelid join pg_class rc on rc.oid = con.confrelid
     join pg_attribute a on a.attrelid = con.conrelid and a.attnum = con.conkey[1]
     join pg_attribute ra on ra.attrelid = con.confrelid and ra.attnum = con.confkey[1]
     where con.contype = 'f' and c.relname = $1`, [table]);
  return Object.fromEntries(rows.map((r: any) => [r.col, r]));
}
