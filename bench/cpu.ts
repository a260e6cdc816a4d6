// CPU time of the embedded PostgreSQL (the postmaster and every backend), from /proc: with the
// server's and the load generator's CPU, it shows where a request's CPU goes, which on a small
// machine is what bounds throughput. Linux only; undefined elsewhere or for an external server.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type postgres from 'postgres';

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** the fields of /proc/<pid>/stat after the parenthesized command: state(0) ppid(1) ... utime(11) stime(12) */
const statFields = (stat: string) => stat.slice(stat.lastIndexOf(')') + 2).split(' ');

/** user + system CPU of one process (a PostgreSQL backend), ms */
export function processCpuMs(pid: number): number {
  const f = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return (Number(f[11]) + Number(f[12])) * TICK_MS;
}

/** user + system CPU of the cluster's processes, ms; undefined when it can't be read */
export function postgresCpuMs(dataDir: string | undefined): number | undefined {
  const byPid = postgresCpuByPid(dataDir);
  return byPid && [...byPid.values()].reduce((a, b) => a + b, 0);
}

/**
 * user + system CPU of each of the cluster's processes (the postmaster and its children), ms by
 * pid; undefined when it can't be read. (A process that exited meanwhile is not counted.)
 */
export function postgresCpuByPid(dataDir: string | undefined): Map<number, number> | undefined {
  if (!dataDir) return undefined;
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    const byPid = new Map<number, number>();
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      } catch {
        continue; // exited meanwhile
      }
      const f = statFields(stat);
      const pid = Number(name);
      if (pid === postmaster || Number(f[1]) === postmaster) byPid.set(pid, (Number(f[11]) + Number(f[12])) * TICK_MS);
    }
    return byPid;
  } catch {
    return undefined;
  }
}

/**
 * The CPU the cluster's processes spent between two postgresCpuByPid readings, per connection:
 * by application_name (by backend type for PostgreSQL's own processes), from pg_stat_activity.
 */
export async function cpuByConnection(sql: postgres.Sql, before: Map<number, number>, after: Map<number, number>): Promise<Record<string, number>> {
  const rows = await sql<{ pid: number; name: string }[]>`select pid, coalesce(nullif(application_name, ''), backend_type) as name from pg_stat_activity`;
  const names = new Map(rows.map((r) => [r.pid, r.name]));
  const spent: Record<string, number> = {};
  for (const [pid, ms] of after) {
    const name = names.get(pid) ?? 'other processes';
    spent[name] = (spent[name] ?? 0) + ms - (before.get(pid) ?? 0);
  }
  return spent;
}

/** this process's CPU (the load generator or the floor's client), ms */
export const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
