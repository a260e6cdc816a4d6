// SCRAM-SHA-256 client (RFC 5802/7677), PostgreSQL's default password authentication.
import { createHash, createHmac, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';

const hmac = (key: Buffer, data: string) => createHmac('sha256', key).update(data).digest();
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest();

export class Scram {
  private nonce = randomBytes(18).toString('base64');
  private clientFirstBare = `n=*,r=${this.nonce}`;
  private serverSignature?: Buffer;

  constructor(private password: string) {}

  /** the client-first-message (no channel binding) */
  first(): string {
    return `n,,${this.clientFirstBare}`;
  }

  /** the client-final-message for the server-first-message */
  final(serverFirst: string): string {
    const attrs = Object.fromEntries(serverFirst.split(',').map((kv) => [kv[0], kv.slice(2)]));
    if (!attrs.r?.startsWith(this.nonce)) throw new Error('SCRAM: the server nonce does not extend ours');
    const salted = pbkdf2Sync(this.password, Buffer.from(attrs.s, 'base64'), Number(attrs.i), 32, 'sha256');
    const clientKey = hmac(salted, 'Client Key');
    const withoutProof = `c=biws,r=${attrs.r}`;
    const authMessage = `${this.clientFirstBare},${serverFirst},${withoutProof}`;
    const signature = hmac(sha256(clientKey), authMessage);
    const proof = Buffer.from(clientKey.map((b, i) => b ^ signature[i]));
    this.serverSignature = hmac(hmac(salted, 'Server Key'), authMessage);
    return `${withoutProof},p=${proof.toString('base64')}`;
  }

  /** checks the server-final-message: the server knew the password too */
  verify(serverFinal: string): void {
    const v = Buffer.from(/v=([^,]+)/.exec(serverFinal)?.[1] ?? '', 'base64');
    if (!this.serverSignature || v.length !== this.serverSignature.length || !timingSafeEqual(v, this.serverSignature)) {
      throw new Error('SCRAM: the server signature does not match');
    }
  }
}
