// The client's IP address behind proxies (Directus's IP_TRUST_PROXY and IP_CUSTOM_HEADER).
// `ip_access` policies and rate limits key on it, so a client must not be able to choose it:
// X-Forwarded-For is believed only for the hops configured as trusted, walking from the socket's
// peer towards the client and stopping at the first address that is not a trusted proxy.
import { BlockList, isIPv6 } from 'node:net';

export type TrustProxy = boolean | number | string[];

export function clientIpResolver(trust: TrustProxy, customHeader: string | false) {
  const proxies = Array.isArray(trust) ? blockList(trust) : undefined;
  return (peer: string, headers: Record<string, string>): string => {
    if (trust === false) return peer;
    if (customHeader) {
      const custom = headers[customHeader]?.trim();
      if (custom) return custom;
    }
    const forwarded = headers['x-forwarded-for'];
    if (!forwarded) return peer;
    // nearest hop last: [client, proxy1, proxy2] + the peer
    const chain = [...forwarded.split(',').map((s) => s.trim()).filter(Boolean), peer];
    if (trust === true) return chain[0];
    if (typeof trust === 'number') return chain[Math.max(0, chain.length - 1 - trust)];
    for (let i = chain.length - 1; i > 0; i--) {
      if (!isTrusted(proxies!, chain[i])) return chain[i];
    }
    return chain[0];
  };
}

function blockList(entries: string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, prefix] = entry.split('/');
    const type = isIPv6(address) ? 'ipv6' : 'ipv4';
    try {
      if (prefix !== undefined) list.addSubnet(address, Number(prefix), type);
      else list.addAddress(address, type);
    } catch {
      // an entry that is not an address trusts nothing
    }
  }
  return list;
}

function isTrusted(list: BlockList, address: string): boolean {
  const ip = address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address;
  try {
    return list.check(ip, isIPv6(ip) ? 'ipv6' : 'ipv4');
  } catch {
    return false;
  }
}
