// A small client for a Directus-compatible HTTP API (Strata or any --target): JSON in, JSON out,
// with the server's error message in the exception.
export class ApiError extends Error {
  constructor(readonly status: number, readonly method: string, readonly path: string, readonly body: string) {
    super(`${method} ${path} -> ${status}: ${body.slice(0, 300)}`);
  }
}

export class Api {
  constructor(readonly url: string, public token: string) {}

  static async login(url: string, email: string, password: string): Promise<Api> {
    const api = new Api(url, '');
    const res = await api.request<{ access_token: string }>('POST', '/auth/login', { email, password });
    api.token = res.access_token;
    return api;
  }

  async request<T = any>(method: string, path: string, body?: unknown, token = this.token): Promise<T> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.url + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new ApiError(res.status, method, path, text);
    return (text ? JSON.parse(text).data : undefined) as T;
  }

  /** status and raw body, never throws on non-2xx (scenario probes) */
  async raw(method: string, path: string, body?: string, token = this.token): Promise<{ status: number; text: string; headers: Headers }> {
    const headers: Record<string, string> = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(this.url + path, { method, headers, body });
    return { status: res.status, text: await res.text(), headers: res.headers };
  }
}
