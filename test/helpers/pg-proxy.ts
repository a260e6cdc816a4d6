// A PostgreSQL front for the wire client's tests: answers the SSLRequest itself (with a
// certificate of the test's choosing, or 'N'), then relays the plain protocol to the run's
// cluster. It records each connection: encrypted or not, the first message's code (196608 =
// startup, 80877102 = CancelRequest), the client certificate's CN, the bytes the client sent.
// Lets tests exercise TLS verification and cancel requests without touching the cluster's
// configuration (other test files share the cluster).
import net from 'node:net';
import tls from 'node:tls';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Session {
  tls: boolean;
  /** the protocol code of the first message after the SSL negotiation */
  first: number;
  /** the CN of the client certificate, when one was sent */
  clientCn?: string;
  /** bytes received from the client after the negotiation */
  bytes: number;
}

export interface ProxyOptions {
  /** the server certificate: without one the SSLRequest is answered 'N' */
  cert?: { cert: Buffer; key: Buffer };
  /** refuse a plain startup as a hostssl-only pg_hba.conf does (FATAL 28000) */
  requireTls?: boolean;
  /** ask for a client certificate */
  requestCert?: boolean;
}

export interface PgProxy {
  port: number;
  sessions: Session[];
  close(): Promise<void>;
}

const SSL_REQUEST = 80877103;

/** An ErrorResponse: severity FATAL, the code and message */
function fatal(code: string, message: string): Buffer {
  const body = Buffer.from(`SFATAL\0VFATAL\0C${code}\0M${message}\0\0`);
  const head = Buffer.alloc(5);
  head[0] = 0x45;
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

export function pgProxy(upstreamPort: number, opts: ProxyOptions = {}): Promise<PgProxy> {
  const sessions: Session[] = [];
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket) => {
    sockets.add(s);
    s.on('error', () => {});
    s.on('close', () => sockets.delete(s));
  };

  // the first message after the negotiation: relayed, then everything both ways
  const relay = (front: net.Socket, session: Session, first: Buffer) => {
    session.first = first.readInt32BE(4);
    if (session.first === 196608 && opts.requireTls && !session.tls) {
      front.end(fatal('28000', 'no pg_hba.conf entry: SSL required'));
      return;
    }
    const upstream = net.connect(upstreamPort, '127.0.0.1');
    track(upstream);
    session.bytes += first.length;
    upstream.write(first);
    front.on('data', (d: Buffer) => (session.bytes += d.length, upstream.write(d)));
    upstream.pipe(front);
    // a half close is passed on (a CancelRequest is followed by the client's end at once)
    front.on('end', () => upstream.end());
    upstream.on('close', () => front.destroy());
  };

  const server = net.createServer((raw) => {
    track(raw);
    const session: Session = { tls: false, first: 0, bytes: 0 };
    sessions.push(session);
    raw.once('data', (d: Buffer) => {
      if (d.length !== 8 || d.readInt32BE(4) !== SSL_REQUEST) return relay(raw, session, d);
      if (!opts.cert) {
        raw.write('N');
        raw.once('data', (next: Buffer) => relay(raw, session, next));
        return;
      }
      raw.write('S');
      const secure = new tls.TLSSocket(raw, { isServer: true, ...opts.cert, requestCert: opts.requestCert, rejectUnauthorized: false });
      track(secure);
      secure.once('secure', () => {
        session.tls = true;
        const peer = secure.getPeerCertificate();
        if (peer && peer.subject) session.clientCn = peer.subject.CN as string;
      });
      secure.once('data', (first: Buffer) => relay(secure, session, first));
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve({
      port: (server.address() as net.AddressInfo).port,
      sessions,
      close: () => new Promise<void>((res) => {
        for (const s of sockets) s.destroy();
        server.close(() => res());
      }),
    }));
  });
}

export interface TestPki {
  dir: string;
  /** file paths */
  ca: string;
  otherCa: string;
  clientCert: string;
  clientKey: string;
  /** server certificates signed by `ca`: for 127.0.0.1 and localhost, and for db.example only */
  local: { cert: Buffer; key: Buffer };
  elsewhere: { cert: Buffer; key: Buffer };
  remove(): void;
}

/** Two test CAs (EC P-256, valid two days), server certificates and a client certificate. */
export function makePki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'wire-pki-'));
  const f = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  const ca = (name: string, cn: string) =>
    openssl('req', '-x509', ...ec, '-keyout', f(`${name}.key`), '-out', f(`${name}.crt`), '-days', '2', '-subj', `/CN=${cn}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const leaf = (name: string, cn: string, ext: string) => {
    writeFileSync(f(`${name}.ext`), ext);
    openssl('req', ...ec, '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', `/CN=${cn}`);
    openssl('x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-CAcreateserial',
      '-out', f(`${name}.crt`), '-days', '2', '-extfile', f(`${name}.ext`));
  };
  ca('ca', 'Strata Test CA');
  ca('other', 'Some Other CA');
  leaf('local', 'strata-test-db', 'subjectAltName=IP:127.0.0.1,DNS:localhost\n');
  leaf('elsewhere', 'db.example', 'subjectAltName=DNS:db.example\n');
  leaf('client', 'strata-client', 'extendedKeyUsage=clientAuth\n');
  const pair = (name: string) => ({ cert: readFileSync(f(`${name}.crt`)), key: readFileSync(f(`${name}.key`)) });
  return {
    dir, ca: f('ca.crt'), otherCa: f('other.crt'), clientCert: f('client.crt'), clientKey: f('client.key'),
    local: pair('local'), elsewhere: pair('elsewhere'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
