// POST /files/import {url, data}: a file fetched from a URL, stored as an upload is. The server
// fetches on the caller's behalf, so where it may fetch from is limited (SSRF): the host name is
// resolved once, every address it resolves to is checked against IMPORT_IP_DENY_LIST (this host,
// private networks, link-local/cloud metadata by default), and the connection is made to the
// checked address itself, so a second DNS answer (rebinding) can't point it elsewhere. Redirects
// are not followed (a redirect could lead anywhere). Failures are Directus's 503 "external-file".
import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { basename } from 'node:path';
import { DirectusError, forbidden, invalidPayload } from '../errors.js';
import type { Router } from '../router.js';
import { isPlainObject, jsonBody } from '../request/body.js';
import { mayWriteFiles } from '../engine/files.js';
import type { FilesDeps } from './deps.js';
import { storeUpload } from './upload.js';
import { json, limitsOf } from './files.js';
import { parseQueryString } from '../request/qs.js';
import { normalizeQuery } from '../request/query.js';

const TIMEOUT_MS = 30_000;

const unavailable = (url: string) => new DirectusError('SERVICE_UNAVAILABLE', `Service "external-file" is unavailable. Couldn't fetch file from URL "${url}".`,
  { service: 'external-file', reason: `Couldn't fetch file from URL "${url}"` });

/** IMPORT_IP_DENY_LIST as a BlockList (addresses and CIDR ranges, IPv4 and IPv6). */
export function denyList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address) || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) throw new Error(`IMPORT_IP_DENY_LIST: "${entry}" is not an address or CIDR range`);
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
}

function denied(list: BlockList, address: string): boolean {
  // an IPv4-mapped IPv6 address is its IPv4 address
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return list.check(mapped[1], 'ipv4');
  return list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** The response of a GET to `url`, connected to an address the deny list allows. */
async function fetchAllowed(url: URL, list: BlockList): Promise<IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('unsupported protocol');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0 || addresses.some((a) => denied(list, a.address))) throw new Error('denied address');
  const pinned = addresses[0];
  const pin: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: typeof addresses) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, { method: 'GET', lookup: pin, timeout: TIMEOUT_MS, headers: { 'user-agent': 'Strata file import' } }, (res) => {
      if ((res.statusCode ?? 0) < 200 || (res.statusCode ?? 0) >= 300) {
        res.resume();
        return reject(new Error(`status ${res.statusCode}`));
      }
      resolve(res);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    req.end();
  });
}

export function importRoutes(router: Router, d: FilesDeps): Router {
  const list = denyList(d.config.files.importIpDenyList);
  router.post('/files/import', async (ctx) => {
    const body = jsonBody(ctx.req);
    if (!isPlainObject(body)) throw invalidPayload('"value" must be of type object');
    if (body.url === undefined) throw invalidPayload('"url" is required');
    if (typeof body.url !== 'string') throw invalidPayload('"url" must be a string');
    if (body.data !== undefined && body.data !== null && !isPlainObject(body.data)) throw invalidPayload('"data" must be of type object');
    if (!(await mayWriteFiles(d.db, ctx.accountability, 'create'))) throw forbidden();
    const raw = body.url;
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
    const name = decodeURIComponent(basename(new URL(raw).pathname)) || 'file';
    const meta = (isPlainObject(body.data) ? body.data : {}) as Record<string, unknown>;
    const id = await storeUpload(d, ctx, meta, { filename: name, mimeType: String(res.headers['content-type'] ?? ''), data: data(), truncated: () => truncated });
    const query = normalizeQuery(parseQueryString(ctx.req.query), limitsOf(d), { list: false });
    const out = await d.reader.readBytes(ctx.accountability, 'directus_files', { ...query, key: id }, 'one', ctx.timing);
    return out === null ? { status: 204 } : json(out);
  });
  return router;
}
