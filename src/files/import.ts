// POST /files/import {url, data}: a file fetched from a URL, stored as an upload is. The server
// fetches on the caller's behalf, so where it may fetch from is limited (src/util/outgoing.ts:
// IMPORT_IP_DENY_LIST, resolved addresses pinned, no redirects). Failures are Directus's 503
// "external-file".
import type { IncomingMessage } from 'node:http';
import { basename } from 'node:path';
import { DirectusError, forbidden, invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { mayWriteFiles } from '../engine/files.js';
import type { FilesDeps } from './deps.js';
import type { Accountability, Timing } from '../types.js';
import { storeUpload } from './upload.js';
import { json, limitsOf } from './files.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery } from '../request/query.js';
import type { BlockList } from 'node:net';
import { denyList, sendAllowed } from '../util/outgoing.js';

const TIMEOUT_MS = 30_000;

/** the deny list of a configuration, parsed once */
const denyLists = new WeakMap<string[], BlockList>();
const denyListOf = (entries: string[]): BlockList => {
  let list = denyLists.get(entries);
  if (!list) denyLists.set(entries, (list = denyList(entries)));
  return list;
};

const unavailable = (url: string) => new DirectusError('SERVICE_UNAVAILABLE', `Service "external-file" is unavailable. Couldn't fetch file from URL "${url}".`,
  { service: 'external-file', reason: `Couldn't fetch file from URL "${url}"` });

/** The response of a GET to `url`, connected to an address the deny list allows; not a 2xx: an error. */
async function fetchAllowed(url: URL, list: BlockList): Promise<IncomingMessage> {
  const res = await sendAllowed(url, list, { timeoutMs: TIMEOUT_MS, headers: { 'user-agent': 'Strata file import' } });
  if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
    res.resume();
    throw new Error(`status ${res.statusCode}`);
  }
  return res;
}

/** The file at `raw` fetched (where IMPORT_IP_DENY_LIST allows) and stored as the caller's upload; its id. */
export async function importFile(d: FilesDeps, acc: Accountability, raw: string, meta: Record<string, unknown>, timing: Timing): Promise<string> {
  const list = denyListOf(d.config.files.importIpDenyList);
  if (!(await mayWriteFiles(d.db, acc, 'create'))) throw forbidden();
  let res: IncomingMessage;
  try {
    res = await fetchAllowed(new URL(raw), list);
  } catch {
    throw unavailable(raw);
  }
  const max = d.config.files.maxUploadSize;
  let size = 0;
  let truncated = false;
  // FILES_MAX_UPLOAD_SIZE: reading stops past it (storeUpload then refuses the file)
  const data = async function* () {
    try {
      for await (const chunk of res as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (size > max) {
          truncated = true;
          return;
        }
        yield chunk;
      }
    } finally {
      res.destroy();
    }
  };
  const last = basename(new URL(raw).pathname);
  let name: string;
  try {
    name = decodeURIComponent(last) || 'file';
  } catch {
    name = last || 'file'; // a malformed escape (`%E0`): the name as it is written
  }
  return storeUpload(d, { accountability: acc, timing }, meta, { filename: name, mimeType: String(res.headers['content-type'] ?? ''), data: data(), truncated: () => truncated });
}

export function importRoutes(router: Router, d: FilesDeps): Router {
  denyListOf(d.config.files.importIpDenyList); // a malformed IMPORT_IP_DENY_LIST fails at start, not on an import
  router.post('/files/import', async (ctx) => {
    const body = jsonBody(ctx.req);
    if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
    if (body.url === undefined) throw invalidPayload('"url" is required');
    if (typeof body.url !== 'string') throw invalidPayload('"url" must be a string');
    if (body.data !== undefined && body.data !== null && !isPlainObject(body.data)) throw invalidPayload('"data" must be of type object');
    const meta = (isPlainObject(body.data) ? body.data : {}) as Record<string, unknown>;
    const id = await importFile(d, ctx.accountability, body.url, meta, ctx.timing);
    const query = normalizeQuery(parseQueryString(ctx.req.query), limitsOf(d), { list: false });
    const out = await d.reader.readBytes(ctx.accountability, 'directus_files', { ...query, key: id }, 'one', ctx.timing);
    return out === null ? { status: 204 } : json(out);
  });
  return router;
}
