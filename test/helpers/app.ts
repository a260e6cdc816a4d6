// Per test file: a database cloned from the migrated template, a real Strata server on a free
// port, and a small fetch-based client. Everything is torn down when the test file ends.
import { basename } from 'node:path';
import { randomBytes } from 'node:crypto';
import { connect, type Db } from '../../src/db/client.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/log.js';
import { createApp } from '../../src/app.js';
import type { EventStream } from '../../src/engine/events.js';
import { readClusterInfo, urlFor, TEMPLATE_DB, type ClusterInfo } from '../setup/cluster.js';

export interface TestResponse {
  status: number;
  headers: Headers;
  text: string;
  /** parsed JSON body (undefined when empty or not JSON) */
  body: any;
}

export interface RequestOptions {
  token?: string | null;
  body?: unknown;
  /** raw body bytes/text sent as they are (with `contentType`) */
  raw?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
}

export interface TestApp {
  url: string;
  /** a connection to this file's database, for asserting on resulting rows */
  db: Db;
  cluster: ClusterInfo;
  dbName: string;
  adminToken: string;
  request(method: string, path: string, opts?: RequestOptions): Promise<TestResponse>;
  get(path: string, opts?: RequestOptions): Promise<TestResponse>;
  post(path: string, body?: unknown, opts?: RequestOptions): Promise<TestResponse>;
  patch(path: string, body?: unknown, opts?: RequestOptions): Promise<TestResponse>;
  del(path: string, body?: unknown, opts?: RequestOptions): Promise<TestResponse>;
  search(path: string, body?: unknown, opts?: RequestOptions): Promise<TestResponse>;
  /** the server's change-event stream (strata.events) */
  events: EventStream;
  /** rows of a SQL query on this file's database */
  sql<T = any>(text: string, params?: unknown[]): Promise<T[]>;
  /** stops this server now (a gateway going away mid-test); the teardown then skips it */
  close(): Promise<void>;
}

export interface StartOptions {
  /** run on this existing database (another startApp's dbName: a second gateway) instead of a fresh one */
  database?: string;
}

interface Tap {
  teardown(fn: () => unknown): void;
}

export async function startApp(t: Tap, env: Record<string, string> = {}, opts: StartOptions = {}): Promise<TestApp> {
  const cluster = readClusterInfo();
  const name = basename(process.argv[1] ?? 'test').replace(/\W+/g, '_').slice(0, 30);
  const dbName = opts.database ?? `t_${name}_${randomBytes(4).toString('hex')}`.toLowerCase();
  const root = connect(urlFor(cluster.port, 'postgres'), 1);
  if (!opts.database) await root.queryAsOwner(`create database ${dbName} template ${TEMPLATE_DB}`);
  const databaseUrl = urlFor(cluster.port, dbName);
  const config = loadConfig({
    HOST: '127.0.0.1', PORT: '0', SECRET: 'test-secret-test-secret-test-secret', LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent', LOGIN_STALL_TIME: '0',
    DB_POOL__MAX: '4', ...env,
  });
  const app = await createApp(config, createLogger(config.logLevel), databaseUrl);
  const db = connect(databaseUrl, 2);
  const url = `http://127.0.0.1:${app.port}`;

  let closing: Promise<void> | undefined;
  const close = () => (closing ??= app.close());
  t.teardown(async () => {
    await close();
    await db.close();
    if (!opts.database) await root.queryAsOwner(`drop database if exists ${dbName} with (force)`);
    await root.close();
  });

  const request = async (method: string, path: string, opts: RequestOptions = {}): Promise<TestResponse> => {
    const headers: Record<string, string> = { ...opts.headers };
    const token = opts.token === undefined ? cluster.adminToken : opts.token;
    if (token) headers.authorization = `Bearer ${token}`;
    let body: string | Buffer | undefined;
    if (opts.raw !== undefined) {
      body = opts.raw;
      if (opts.contentType) headers['content-type'] = opts.contentType;
    } else if (opts.body !== undefined) {
      body = JSON.stringify(opts.body);
      headers['content-type'] = opts.contentType ?? 'application/json';
    }
    const res = await fetch(url + path, { method, headers, body: body as BodyInit | undefined });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: res.status, headers: res.headers, text, body: parsed };
  };

  return {
    url, db, cluster, dbName, adminToken: cluster.adminToken, events: app.events,
    request,
    get: (p, o) => request('GET', p, o),
    post: (p, b, o) => request('POST', p, { ...o, body: b }),
    patch: (p, b, o) => request('PATCH', p, { ...o, body: b }),
    del: (p, b, o) => request('DELETE', p, { ...o, body: b }),
    search: (p, b, o) => request('SEARCH', p, { ...o, body: b }),
    sql: (text, params) => db.queryAsOwner(text, params) as never,
    close,
  };
}
