// One PostgreSQL connection speaking just what the request path needs: startup and password
// authentication (cleartext, md5, SCRAM-SHA-256; TLS as sslmode says), then batches of
// prepared statements pipelined as Parse?/Bind/Execute... + one Sync, so a request is one write,
// one implicit transaction and one ReadyForQuery. The result is the first column of the first
// row of one statement (run) or of every statement (runAll: several compiled reads, e.g. the root
// fields of one GraphQL operation, in one flight), as the bytes PostgreSQL sent: response bodies
// are never decoded here.
// A run in flight can be cancelled (CancelRequest on a second, short-lived connection).
import net from 'node:net';
import tls from 'node:tls';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { MessageWriter, PostgresError, closeStatement, parseError, queryCanceled, sync, writeStatement } from './messages.js';
import { Scram } from './scram.js';
import type { WireOptions } from './url.js';

export interface Statement {
  text: string;
  params: unknown[];
}

/** Prepared statements kept per connection; the least recently used is closed past this. */
const MAX_PREPARED = 1000;

/** Batch.result of runAll: every statement's first value is kept. */
const ALL = -1;

/** What a run answers: the first value of each statement (null: no row, or NULL). */
type Values = (Buffer | null)[];

interface Batch {
  /** with every value (ALL) or with the value of `result`, so run() needs no extra step */
  resolve(answer: Values | Buffer | null): void;
  reject(err: Error): void;
  /** index of the statement whose first value is the result; ALL: every statement's */
  result: number;
  /** statement being answered */
  index: number;
  /** first values so far, by statement (only `result`'s unless ALL) */
  values: Values;
  /** the last statement a DataRow was taken from (only its first row counts) */
  taken: number;
  error?: Error;
  /** [text, name] of the Parse messages awaiting ParseComplete, in order */
  parsing: [string, string][];
}

type Handler = (type: number, buf: Buffer, start: number, end: number) => void;

export class Connection {
  /** set once the socket failed or closed: the pool drops the connection */
  broken: Error | null = null;
  private prepared = new Map<string, string>();
  private named = 0;
  private batch: Batch | null = null;
  private writer = new MessageWriter();
  private chunks: Buffer[] = [];
  private have = 0;
  /** bytes needed before the next message is complete */
  private need = 5;
  private handler: Handler = () => {};
  private maxPrepared = MAX_PREPARED;
  /** BackendKeyData's body (process id + secret key): what a CancelRequest names */
  private backendKey: Buffer | null = null;

  private constructor(private socket: net.Socket, private opts: WireOptions, private encrypted: boolean) {
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('error', (err) => this.fail(err));
    // the server hung up: broken at once, not only when 'close' comes a loop phase later
    socket.on('end', () => this.fail(new Error('PostgreSQL connection closed')));
    socket.on('close', () => this.fail(new Error('PostgreSQL connection closed')));
  }

  /** Connects as libpq does for the URL's sslmode (see SslMode), including its second attempts. */
  static async open(opts: WireOptions): Promise<Connection> {
    const mode = opts.ssl;
    try {
      return await Connection.attempt(opts, mode === 'disable' || mode === 'allow' ? 'no' : mode === 'prefer' ? 'if-offered' : 'yes');
    } catch (err) {
      // allow: the server refused the plain connection (e.g. pg_hba.conf has only hostssl): TLS;
      // when that fails without a word from the server (no SSL), the first refusal says more
      if (mode === 'allow' && err instanceof PostgresError) {
        return Connection.attempt(opts, 'yes').catch((retry) => {
          throw retry instanceof PostgresError ? retry : err;
        });
      }
      // prefer: the TLS handshake failed (e.g. sslrootcert doesn't vouch for the server): plain
      if (mode === 'prefer' && (err as { tlsHandshake?: boolean }).tlsHandshake) return Connection.attempt(opts, 'no');
      throw err;
    }
  }

  private static async attempt(opts: WireOptions, encrypt: Encrypt): Promise<Connection> {
    const socket = await secureDial(opts, encrypt);
    const conn = new Connection(socket, opts, socket instanceof tls.TLSSocket);
    conn.maxPrepared = opts.maxPrepared ?? MAX_PREPARED;
    try {
      await conn.startup(opts);
    } catch (err) {
      socket.destroy();
      throw err;
    }
    return conn;
  }

  /**
   * Runs the statements in one flight; resolves with the first value of statement `result`.
   * When `signal` aborts while they run, the server is asked to cancel them: the run then fails
   * with PostgreSQL's 57014 (query_canceled), and settles only once the cancel request was
   * delivered, so the connection is not reused by a request the late cancel could hit. An
   * already aborted signal fails the run at once, with nothing sent.
   */
  run(statements: Statement[], result: number, signal?: AbortSignal): Promise<Buffer | null> {
    return this.flight(statements, result, signal);
  }

  /**
   * Runs the statements in one flight, as run() does (one write, one Sync, one implicit
   * transaction: any failure fails the run and undoes every statement; the same cancelling), and
   * resolves with the first value of every statement, in order.
   */
  runAll(statements: Statement[], signal?: AbortSignal): Promise<Values> {
    return this.flight(statements, ALL, signal);
  }

  private flight<T extends Values | Buffer | null>(statements: Statement[], result: number, signal?: AbortSignal): Promise<T> {
    if (this.broken) return Promise.reject(this.broken);
    if (signal?.aborted) return Promise.reject(queryCanceled());
    return new Promise((resolve, reject) => {
      let cancelling: Promise<void> | undefined;
      const onAbort = () => {
        if (this.batch === batch) cancelling = this.cancel().catch(() => {});
      };
      const settle = <T>(fn: (v: T) => void) => (v: T) => {
        signal?.removeEventListener('abort', onAbort);
        if (cancelling) void cancelling.then(() => fn(v));
        else fn(v);
      };
      const values: Values = new Array(result === ALL ? statements.length : result + 1).fill(null);
      const batch: Batch = { resolve: settle(resolve as (v: Values | Buffer | null) => void), reject: settle(reject), result, index: 0, values, taken: -1, parsing: [] };
      const w = this.writer;
      // A cached statement becomes the most recently used; a text new to the connection is
      // parsed once, even when the run uses it twice.
      const names: string[] = [];
      const parse: boolean[] = [];
      let fresh: Map<string, string> | undefined;
      for (const s of statements) {
        let name = this.prepared.get(s.text);
        let first = false;
        if (name !== undefined) {
          this.prepared.delete(s.text);
          this.prepared.set(s.text, name);
        } else if ((name = fresh?.get(s.text)) === undefined) {
          name = `s${++this.named}`;
          first = true;
          (fresh ??= new Map()).set(s.text, name);
          batch.parsing.push([s.text, name]);
        }
        names.push(name);
        parse.push(first);
      }
      // Past the bound, the least recently used are closed FIRST: an error in a statement skips
      // every later message up to Sync, so a Close after the statements could be lost. What this
      // run binds (the most recently used, at the end of the map) is never closed.
      try {
        let evict = this.prepared.size + (fresh?.size ?? 0) - this.maxPrepared;
        if (evict > 0) {
          for (const [text, name] of this.prepared) {
            if (evict-- <= 0 || names.includes(name)) break;
            this.prepared.delete(text);
            closeStatement(w, name);
          }
        }
        for (let i = 0; i < statements.length; i++) writeStatement(w, names[i], statements[i].text, statements[i].params, parse[i]);
        sync(w);
      } catch (err) {
        // a statement the protocol can't carry (a value JSON can't write, a text that is no
        // string): the writer holds part of a message, and the next flight would send it ahead of
        // its own. This connection is done; its pool opens another.
        this.broken ??= err instanceof Error ? err : new Error(String(err));
        this.socket.destroy();
        throw err;
      }
      this.batch = batch;
      this.socket.write(w.take());
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /**
   * Asks the server to cancel what this connection runs: a CancelRequest (code 80877102 + the
   * backend's key) on a new connection, encrypted as this one is (PostgreSQL reads it after the
   * SSLRequest negotiation too). Resolves once the server hung up on it: the backend was signalled.
   */
  async cancel(): Promise<void> {
    const key = this.backendKey;
    if (!key) return;
    let timer: NodeJS.Timeout | undefined;
    const gaveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, CANCEL_TIMEOUT_MS)));
    try {
      await Promise.race([sendCancel(this.opts, this.encrypted, key), gaveUp]);
    } finally {
      clearTimeout(timer);
    }
  }

  close(): void {
    if (!this.broken) this.socket.end(this.writer.begin('X').end().take());
    this.broken ??= new Error('PostgreSQL connection closed');
  }

  destroy(): void {
    this.socket.destroy();
  }

  private fail(err: Error): void {
    this.broken ??= err;
    const batch = this.batch;
    this.batch = null;
    // the server's FATAL ErrorResponse before it hung up says more than "closed"
    batch?.reject(batch.error ?? this.broken);
  }

  // --- reading: split the stream into messages without copying more than once per message

  private onData(chunk: Buffer): void {
    this.chunks.push(chunk);
    this.have += chunk.length;
    if (this.have < this.need) return;
    const buf = this.chunks.length === 1 ? this.chunks[0] : Buffer.concat(this.chunks, this.have);
    let off = 0;
    while (buf.length - off >= 5) {
      const end = off + 1 + buf.readInt32BE(off + 1);
      if (end > buf.length) break;
      this.handler(buf[off], buf, off + 5, end);
      off = end;
    }
    const rest = buf.length - off;
    this.chunks = rest ? [buf.subarray(off)] : [];
    this.have = rest;
    this.need = rest >= 5 ? 1 + buf.readInt32BE(off + 1) : 5;
  }

  private answer: Handler = (type, buf, start, end) => {
    const b = this.batch;
    if (!b) {
      // NoticeResponse / ParameterStatus between requests; a FATAL error (the backend was
      // terminated) means this connection must not be handed out again
      if (type === 0x45) this.broken ??= parseError(buf.subarray(start, end));
      return;
    }
    switch (type) {
      case 0x31: { // ParseComplete
        const [text, name] = b.parsing.shift()!;
        this.prepared.set(text, name);
        break;
      }
      case 0x44: // DataRow: Int16 columns, then Int32 length (-1 = NULL) + bytes of each
        if (b.taken !== b.index && (b.result === ALL || b.index === b.result)) {
          b.taken = b.index;
          // a row of zero columns (`select from t`) has no value: null, not the next message's bytes
          const len = buf.readInt16BE(start) === 0 ? -1 : buf.readInt32BE(start + 2);
          // a view, not a copy: every chunk read is a fresh buffer, never overwritten
          b.values[b.index] = len < 0 ? null : buf.subarray(start + 6, start + 6 + len);
        }
        break;
      case 0x43: // CommandComplete
      case 0x49: // EmptyQueryResponse
        b.index++;
        break;
      case 0x45: // ErrorResponse: the rest of the batch is skipped until ReadyForQuery
        b.error ??= parseError(buf.subarray(start, end));
        break;
      case 0x5a: // ReadyForQuery
        this.batch = null;
        if (b.error) b.reject(b.error);
        else b.resolve(b.result === ALL ? b.values : b.values[b.result]);
        break;
      // BindComplete, CloseComplete, NoticeResponse, ParameterStatus, NotificationResponse: nothing to do
    }
  };

  private startup(opts: WireOptions): Promise<void> {
    return new Promise((resolve, reject) => {
      const w = this.writer;
      w.begin(0).int32(196608);
      const params = { user: opts.user, database: opts.database, client_encoding: 'UTF8', ...opts.params };
      for (const [k, v] of Object.entries(params)) w.cstr(k).cstr(v);
      this.socket.write(w.cstr('').end().take());
      let scram: Scram | undefined;
      const failStartup = (err: Error) => {
        this.handler = () => {};
        reject(err);
      };
      this.batch = { resolve: () => {}, reject: failStartup, result: ALL, index: 0, values: [], taken: -1, parsing: [] };
      this.handler = (type, buf, start, end) => {
        try {
          if (type === 0x45) return failStartup(parseError(buf.subarray(start, end)));
          if (type === 0x5a) {
            this.batch = null;
            this.handler = this.answer;
            return resolve();
          }
          if (type === 0x4b) this.backendKey = Buffer.from(buf.subarray(start, end)); // BackendKeyData
          if (type !== 0x52) return; // ParameterStatus, BackendKeyData, notices
          const code = buf.readInt32BE(start);
          if (code === 3) {
            this.socket.write(w.begin('p').cstr(opts.password).end().take());
          } else if (code === 5) {
            const inner = md5(opts.password + opts.user);
            const salted = createHash('md5').update(inner).update(buf.subarray(start + 4, start + 8)).digest('hex');
            this.socket.write(w.begin('p').cstr(`md5${salted}`).end().take());
          } else if (code === 10) {
            scram = new Scram(opts.password);
            const first = Buffer.from(scram.first());
            this.socket.write(w.begin('p').cstr('SCRAM-SHA-256').int32(first.length).bytes(first).end().take());
          } else if (code === 11) {
            this.socket.write(w.begin('p').bytes(Buffer.from(scram!.final(buf.toString('utf8', start + 4, end)))).end().take());
          } else if (code === 12) {
            scram!.verify(buf.toString('utf8', start + 4, end));
          } else if (code !== 0) {
            failStartup(new Error(`unsupported PostgreSQL authentication method ${code}`));
          }
        } catch (err) {
          failStartup(err as Error);
        }
      };
    });
  }
}

const md5 = (s: string) => createHash('md5').update(s).digest('hex');

function dial(opts: WireOptions): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = opts.socketPath ? net.connect(opts.socketPath) : net.connect(opts.port, opts.host);
    socket.once('connect', () => {
      socket.off('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

/** Whether a connection asks for TLS: never, when the server offers it, or it must. */
type Encrypt = 'no' | 'if-offered' | 'yes';

/** How long a cancel request may take before its connection is dropped. */
const CANCEL_TIMEOUT_MS = 5000;

/** A socket to the server, through the SSLRequest negotiation when `encrypt` asks for it. */
async function secureDial(opts: WireOptions, encrypt: Encrypt): Promise<net.Socket> {
  const socket = await dial(opts);
  if (encrypt === 'no' || opts.socketPath) return socket;
  return negotiateTls(socket, opts, encrypt);
}

/** CancelRequest: length, code 80877102, the backend's key; the server then hangs up. */
async function sendCancel(opts: WireOptions, encrypted: boolean, key: Buffer): Promise<void> {
  const socket = await secureDial(opts, encrypted ? 'yes' : 'no');
  const head = Buffer.alloc(8);
  head.writeInt32BE(8 + key.length, 0);
  head.writeInt32BE(80877102, 4);
  await new Promise<void>((resolve) => {
    socket.once('close', () => resolve()).on('error', () => {});
    socket.setTimeout(CANCEL_TIMEOUT_MS, () => socket.destroy());
    socket.on('data', () => {}); // nothing is expected; reading on lets 'end' and 'close' come
    socket.end(Buffer.concat([head, key]));
  });
  socket.destroy();
}

/** SSLRequest; 'S' upgrades the socket, 'N' is refused unless TLS is only wanted if offered. */
function negotiateTls(socket: net.Socket, opts: WireOptions, encrypt: Encrypt): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    // a server that resets or hangs up instead of answering fails the open (no unhandled
    // 'error', no promise left pending forever)
    const closed = () => reject(new Error('PostgreSQL connection closed during SSL negotiation'));
    socket.once('error', reject).once('close', closed);
    socket.once('data', (reply: Buffer) => {
      socket.off('error', reject).off('close', closed);
      if (reply[0] !== 0x53) {
        if (encrypt === 'if-offered') return resolve(socket);
        socket.destroy();
        return reject(new Error('the PostgreSQL server does not support SSL'));
      }
      let options: tls.ConnectionOptions;
      try {
        options = tlsOptions(opts);
      } catch (err) {
        socket.destroy();
        return reject(err);
      }
      const secure = tls.connect({ ...options, socket });
      secure.once('secureConnect', () => resolve(secure));
      secure.once('error', (err) => {
        socket.destroy();
        reject(Object.assign(err, { tlsHandshake: true }));
      });
    });
    socket.write(Buffer.from([0, 0, 0, 8, 4, 210, 22, 47]));
  });
}

/**
 * libpq's verification rules: the chain is verified in verify-ca and verify-full, and in every
 * other mode once a root certificate is given (so require + sslrootcert = verify-ca); the host
 * name only in verify-full.
 */
export function tlsOptions(opts: WireOptions): tls.ConnectionOptions {
  const root = opts.sslrootcert;
  const verifyChain = opts.ssl === 'verify-ca' || opts.ssl === 'verify-full' || root !== undefined;
  return {
    // Node would check the certificate against 'localhost' for an IP: the host itself
    host: opts.host,
    servername: net.isIP(opts.host) ? undefined : opts.host,
    rejectUnauthorized: verifyChain,
    ca: root && root !== 'system' ? readFileSync(root) : undefined,
    checkServerIdentity: opts.ssl === 'verify-full' ? tls.checkServerIdentity : () => undefined,
    cert: opts.sslcert ? readFileSync(opts.sslcert) : undefined,
    key: opts.sslkey ? readFileSync(opts.sslkey) : undefined,
  };
}

/**
 * The same TLS rules for a postgres.js pool on the same URL (Strata's internal pool): its `ssl`
 * option, and the URL without the TLS parameters (postgres.js would send sslrootcert, sslcert
 * and sslkey to the server as settings, which PostgreSQL refuses). allow connects in plain and
 * prefer does not verify (postgres.js has no fallbacks).
 */
export function postgresJsTls(url: string, opts: WireOptions): { url: string; ssl: false | 'prefer' | tls.ConnectionOptions } {
  // the query string only: WHATWG URL refuses libpq's socket form (`postgres://user@/db?host=/dir`)
  const at = url.indexOf('?');
  const q = new URLSearchParams(at < 0 ? '' : url.slice(at + 1));
  for (const k of ['ssl', 'sslmode', 'sslrootcert', 'sslcert', 'sslkey']) q.delete(k);
  const rest = q.toString();
  const ssl = opts.socketPath || opts.ssl === 'disable' || opts.ssl === 'allow' ? false : opts.ssl === 'prefer' ? 'prefer' : tlsOptions(opts);
  return { url: (at < 0 ? url : url.slice(0, at)) + (rest ? `?${rest}` : ''), ssl };
}
