// Requests Strata sends on someone's behalf (file imports, flows' request operations, webhooks):
// where they may go is limited (SSRF). The host name is resolved once, every address it resolves
// to is checked against a deny list (IMPORT_IP_DENY_LIST / FLOWS_IP_DENY_LIST: this host, private
// networks, link-local/cloud metadata by default), and the connection is made to the checked
// address itself, so a second DNS answer (rebinding) can't point it elsewhere. Redirects are not
// followed (a redirect could lead anywhere).
import { lookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** A deny list (addresses and CIDR ranges, IPv4 and IPv6) as a BlockList; `setting` names it in errors. */
export function denyList(entries: string[], setting = 'IMPORT_IP_DENY_LIST'): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address) || (prefix !== undefined && !/^\d{1,3}$/.test(prefix))) throw new Error(`${setting}: "${entry}" is not an address or CIDR range`);
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

/**
 * Directus's [{header, value}] list as request headers (lower-case names; later entries win).
 * A null-prototype object: a "__proto__" name is a header name like any other, never a prototype.
 */
export function headersFrom(list: unknown): Record<string, string> {
  const headers: Record<string, string> = Object.create(null);
  for (const h of Array.isArray(list) ? list : []) {
    if (h !== null && typeof h === 'object' && typeof h.header === 'string' && h.header !== '') headers[h.header.toLowerCase()] = String(h.value ?? '');
  }
  return headers;
}

export interface OutgoingRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** the longest the socket may stay idle */
  timeoutMs: number;
  /**
   * the longest the whole exchange may take, connection to the response's last byte: a receiver
   * that trickles bytes (each in time for the idle timeout) is cut off at this deadline, and
   * the response's body stream then fails with the timeout
   */
  deadlineMs?: number;
}

/** The response (status and headers; the body still to read) of a request to an address the deny list allows. */
export async function sendAllowed(url: URL, list: BlockList, req: OutgoingRequest): Promise<IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('unsupported protocol');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const addresses = await lookup(host, { all: true, verbatim: true });
  if (addresses.length === 0 || addresses.some((a) => denied(list, a.address))) throw new Error(`Requested domain "${host}" resolves to a denied IP address`);
  const pinned = addresses[0];
  const pin: LookupFunction = (_host, options, callback) => {
    if (options.all) (callback as unknown as (e: null, a: typeof addresses) => void)(null, [pinned]);
    else callback(null, pinned.address, pinned.family);
  };
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let res: IncomingMessage | undefined;
    const out = send(url, { method: req.method ?? 'GET', lookup: pin, timeout: req.timeoutMs, headers: req.headers }, (r) => {
      res = r;
      // the deadline ends with the response: read to its end, or dropped by its reader
      r.once('close', () => clearTimeout(deadline));
      resolve(r);
    });
    const deadline = req.deadlineMs === undefined ? undefined : setTimeout(() => {
      const err = new Error(`timeout: no complete answer within ${req.deadlineMs} ms`);
      res?.destroy(err);
      out.destroy(err);
    }, req.deadlineMs);
    deadline?.unref();
    out.on('timeout', () => out.destroy(new Error('timeout')));
    out.on('error', (err) => {
      clearTimeout(deadline);
      reject(err);
    });
    out.end(req.body);
  });
}

/** A response over the size cap (the caller may treat it as cut rather than failed). */
export class ResponseTooLarge extends Error {
  constructor(max: number) {
    super(`response larger than ${max} bytes`);
  }
}

/**
 * A response's body, at most `max` bytes: one announced larger (Content-Length) is refused before
 * a byte is read, one that grows past it is refused when it does; either way the connection is
 * dropped and the error says so.
 */
export async function readBody(res: IncomingMessage, max: number): Promise<Buffer> {
  const announced = Number(res.headers['content-length']);
  if (Number.isFinite(announced) && announced > max) {
    res.destroy();
    throw new ResponseTooLarge(max);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > max) {
      res.destroy();
      throw new ResponseTooLarge(max);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
