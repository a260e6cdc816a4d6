// HTTP load with autocannon: N connections, each sending the next request as soon as the previous
// answer arrives, for a fixed duration.
import autocannon from 'autocannon';

export interface LoadResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  statuses: Record<string, number>;
}

export interface Request {
  method: string;
  path: string;
  body?: string;
  token: string;
}

export async function runLoad(baseUrl: string, r: Request, connections: number, duration: number): Promise<LoadResult> {
  const headers: Record<string, string> = { authorization: `Bearer ${r.token}` };
  if (r.body !== undefined) headers['content-type'] = 'application/json';
  const res = await autocannon({ url: baseUrl + r.path, method: r.method, headers, body: r.body, connections, duration, timeout: 30 });
  const statuses = Object.fromEntries(Object.entries(res.statusCodeStats).map(([k, v]) => [k, v.count]));
  const requests = res.latency.totalCount;
  return {
    requests,
    rps: requests / res.duration,
    p50: res.latency.p50,
    p99: res.latency.p99,
    errors: res.errors + res.timeouts,
    non2xx: res.non2xx,
    statuses,
  };
}

/** Sequential requests (warm-up: compiled statements, prepared statements, caches). */
export async function warmUp(baseUrl: string, r: Request, count: number): Promise<void> {
  const headers: Record<string, string> = { authorization: `Bearer ${r.token}` };
  if (r.body !== undefined) headers['content-type'] = 'application/json';
  for (let i = 0; i < count; i++) {
    const res = await fetch(baseUrl + r.path, { method: r.method, headers, body: r.body });
    await res.arrayBuffer();
  }
}
