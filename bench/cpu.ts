// CPU time of the embedded PostgreSQL (the postmaster and every backend), from /proc: with the
// server's and the load generator's CPU, it shows where a request's CPU goes, which on a small
// machine is what bounds throughput. Linux only; undefined elsewhere or for an external server.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

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
  if (!dataDir) return undefined;
  try {
    const postmaster = Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
    let ticks = 0;
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
      if (pid === postmaster || Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
    }
    return ticks * TICK_MS;
  } catch {
    return undefined;
  }
}

/** this process's CPU (the load generator or the floor's client), ms */
export const ownCpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
