// The results table (markdown, so it can be pasted into the README) and the JSON file.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LoadResult } from './load.js';
import type { FloorResult } from './floor.js';
import type { Scenario } from './scenarios.js';

export interface RunResult {
  http: LoadResult;
  /** server CPU (user + system) per request, ms; undefined on --target */
  cpuMsPerRequest?: number;
  /** server RSS after the warm-up, at the end of the run and its peak during the run, MB; undefined on --target */
  rssMb?: { start: number; end: number; peak: number };
  floor?: FloorResult;
  /** the hand-written statement for the same body (bench/handwritten.ts), run as the floor is */
  hand?: FloorResult;
  /** CPU ms per request of the load generator, Strata and PostgreSQL (HTTP), of the floor's client and PostgreSQL, and of PostgreSQL under the hand-written statement */
  cpu?: { loadGenerator: number; strata: number; postgres?: number; floorClient?: number; floorPostgres?: number; handPostgres?: number };
}

export interface ScenarioResult {
  scenario: Scenario;
  /** "not available: 404 ..." when the server does not answer 2xx */
  skipped?: string;
  runs: RunResult[];
  /** per request, measured on a separate, proxied server process (Strata only) */
  statements?: { executes: number; parses: number; queries: number };
  /** is the floor what Strata does: statement texts Strata sent, as many per request, the same body bytes */
  floorCheck?: { sameStatements: boolean; sameCount: boolean; sameBody: boolean; sameHandBody?: boolean };
  sql?: string;
}

const median = <T>(xs: T[], key: (x: T) => number): T | undefined => {
  if (!xs.length) return undefined;
  const sorted = [...xs].sort((a, b) => key(a) - key(b));
  return sorted[Math.floor((sorted.length - 1) / 2)];
};

export const medianRun = (r: ScenarioResult) => median(r.runs, (x) => x.http.rps);
const medianFloor = (r: ScenarioResult) => median(r.runs.filter((x) => x.floor), (x) => x.floor!.rps)?.floor;
/** each run's HTTP and floor measurements are taken back to back: the median of their ratios is
 *  steadier than the ratio of the medians when the machine's load drifts */
export const floorRatio = (r: ScenarioResult) => {
  const ratios = r.runs.filter((x) => x.floor && x.floor.rps > 0).map((x) => x.http.rps / x.floor!.rps);
  return median(ratios, (x) => x);
};

const fmt = (n: number | undefined, digits = 0) => (n === undefined || !Number.isFinite(n) ? '–' : n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));

export function table(results: ScenarioResult[], strata: boolean): string {
  const head = ['scenario', 'req/s', 'p50 ms', 'p99 ms', 'err / non-2xx', ...(strata ? ['CPU ms/req', 'RSS MB start→end (peak)', 'floor req/s', 'Strata/floor', 'hand req/s', 'PG ms/req Strata / hand', 'stmts/req'] : [])];
  const rows: string[][] = [];
  for (const r of results) {
    if (r.skipped) continue;
    const m = medianRun(r)!;
    const floor = medianFloor(r);
    const st = r.statements;
    rows.push([
      r.scenario.name,
      fmt(m.http.rps),
      fmt(m.http.p50),
      fmt(m.http.p99),
      `${m.http.errors} / ${m.http.non2xx}`,
      ...(strata ? [
        fmt(m.cpuMsPerRequest, 2),
        m.rssMb ? `${fmt(m.rssMb.start)}→${fmt(m.rssMb.end)} (${fmt(m.rssMb.peak)})` : '–',
        floor ? fmt(floor.rps) : '–',
        floor ? `${fmt(floorRatio(r)! * 100)} %` : '–',
        m.hand ? fmt(m.hand.rps) : '–',
        m.cpu?.postgres !== undefined && m.cpu.handPostgres !== undefined ? `${fmt(m.cpu.postgres, 2)} / ${fmt(m.cpu.handPostgres, 2)}` : '–',
        st ? `${fmt(st.executes + st.queries, 2)}${st.parses ? ` (+${fmt(st.parses, 2)} parse)` : ''}` : '–',
      ] : []),
    ]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ')} |`;
  return [line(head), `|${widths.map((w, i) => (i === 0 ? ':' : '') + '-'.repeat(w + 1) + (i === 0 ? '' : ':')).join('|')}|`, ...rows.map(line)].join('\n');
}

/** Lines under the table: skipped scenarios, items/s, the targets of issues 3, 4 and 5. */
export function notes(results: ScenarioResult[], strata: boolean): string[] {
  const out: string[] = [];
  const byName = new Map(results.map((r) => [r.scenario.name, r]));
  for (const r of results) if (r.skipped) out.push(`${r.scenario.name}: ${r.skipped}`);
  for (const r of results) {
    if (r.skipped || !r.scenario.items || r.scenario.items === 1) continue;
    out.push(`${r.scenario.name}: ${fmt(medianRun(r)!.http.rps * r.scenario.items)} items/s`);
  }
  const one = byName.get('create-one');
  const batch = byName.get('create-1000');
  if (one && batch && !one.skipped && !batch.skipped) {
    const ratio = (medianRun(batch)!.http.rps * 1000) / medianRun(one)!.http.rps;
    out.push(`create-1000 vs create-one: ${fmt(ratio, 1)}x the items/s (target: >= 20x)`);
  }
  for (const r of results) {
    const against = r.scenario.baseline;
    const base = against && byName.get(against.name);
    if (!against || !base || r.skipped || base.skipped) continue;
    out.push(`${r.scenario.name} vs ${base.scenario.name}: ${fmt((medianRun(r)!.http.rps / medianRun(base)!.http.rps) * 100)} % of ${against.what} (target: >= ${against.target} %)`);
  }
  if (strata) {
    const target = ['item-by-id', 'list-25-sorted', 'list-25-m2o', 'list-25-o2m-m2m'];
    const checked = target.map((name) => byName.get(name)).filter((r): r is ScenarioResult => !!r && !r.skipped && !!medianFloor(r));
    if (checked.length) {
      const verdicts = checked.map((r) => {
        const ratio = floorRatio(r)!;
        return `${r.scenario.name} ${fmt(ratio * 100)} % ${ratio >= 0.8 ? 'meets' : 'MISSES'}`;
      });
      out.push(`reads at >= 80 % of the floor: ${verdicts.join(', ')}`);
    }
    for (const r of results) {
      const c = r.floorCheck;
      if (!c) continue;
      if (!c.sameStatements) out.push(`${r.scenario.name}: Strata did not send the floor's statement texts (src/db changed? update bench/floor.ts)`);
      if (!c.sameCount) out.push(`${r.scenario.name}: Strata ran ${(r.statements?.executes ?? 0) + (r.statements?.queries ?? 0)} statements per request, the floor another number`);
      if (!c.sameBody) out.push(`${r.scenario.name}: the floor's result differs from the HTTP body`);
      if (c.sameHandBody === false) out.push(`${r.scenario.name}: the hand-written statement's result differs from the HTTP body (bench/handwritten.ts)`);
    }
    // (a write's check is its hand-written statement's body only: it has no first floor)
    const verified = results.filter((r) => r.scenario.read && r.floorCheck && r.floorCheck.sameStatements && r.floorCheck.sameCount && r.floorCheck.sameBody).length;
    const floored = results.filter((r) => r.scenario.read && r.floorCheck).length;
    if (floored) out.push(`floor verified against Strata (same statement texts, same count per request, same response bytes): ${verified} of ${floored} read scenarios`);
  }
  return out;
}

/** Where each read's CPU goes: with 2 cores, requests/s can't exceed 2,000 / (CPU ms per request). */
export function cpuBudget(results: ScenarioResult[]): string[] {
  const out: string[] = [];
  const f = (n: number | undefined) => (n === undefined ? '?' : n.toFixed(2));
  for (const r of results) {
    const c = !r.skipped ? medianRun(r)?.cpu : undefined;
    if (!c || c.postgres === undefined) continue;
    const http = c.loadGenerator + c.strata + c.postgres;
    const floor = c.floorClient !== undefined && c.floorPostgres !== undefined ? c.floorClient + c.floorPostgres : undefined;
    out.push(`${r.scenario.name}: HTTP ${f(c.loadGenerator)} load generator + ${f(c.strata)} Strata + ${f(c.postgres)} PostgreSQL = ${f(http)} ms` +
      (floor === undefined ? '' : `; floor ${f(c.floorClient)} client + ${f(c.floorPostgres)} PostgreSQL = ${f(floor)} ms`) +
      (c.handPostgres === undefined ? '' : `; hand-written: PostgreSQL ${f(c.handPostgres)} ms (Strata's PostgreSQL ${(c.postgres / c.handPostgres).toFixed(2)}x)`));
  }
  return out;
}

export function writeJson(dir: string, name: string, data: unknown): string {
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}-${name}.json`);
  writeFileSync(file, JSON.stringify(data, null, 2) + '\n');
  return file;
}
