// Statements run as one of the request roles (strata_request, strata_admin), optionally with a
// request's accountability, in a transaction that is always rolled back: what those roles may
// and may not do, asserted without changing anything.
import type { Db } from '../../src/db/client.js';

/** The statement's rows, or the message of the error it raised. */
export async function asRole(db: Db, role: string, text: string, accountability: string | null = null): Promise<unknown> {
  try {
    return await db.transaction(async (sql) => {
      if (accountability !== null) await sql("select set_config('strata.accountability', $1, true)", [accountability]);
      await sql("select set_config('role', $1, true)", [role]);
      const rows = await sql(text);
      throw Object.assign(new Error('rollback'), { rows });
    });
  } catch (err) {
    const e = err as Error & { rows?: unknown };
    return e.rows ?? e.message;
  }
}
