// A minimal SMTP client (RFC 5321) over node:net / node:tls, enough for Directus's transactional
// mails: EHLO, STARTTLS when offered (or implicit TLS with EMAIL_SMTP_SECURE), AUTH PLAIN or
// LOGIN, one envelope, DATA with dot-stuffing, QUIT. No dependency, no connection pool.
import net from 'node:net';
import tls from 'node:tls';
import type { SmtpConfig } from '../config.js';
import { htmlToText } from './render.js';

const TIMEOUT_MS = 15_000;

export interface OutgoingMail {
  from: string;
  to: string[];
  cc?: string[];
  /** envelope recipients only: no header names them */
  bcc?: string[];
  replyTo?: string[];
  subject: string;
  text?: string;
  /** with html, the message is multipart/alternative: the text part, then the HTML part */
  html?: string;
}

interface Reply {
  code: number;
  lines: string[];
}

/** Reads SMTP replies (multi-line "250-..." until "250 ...") from a socket, one at a time. */
class ReplyReader {
  private buffer = '';
  private waiting: ((r: Reply) => void)[] = [];
  private ready: Reply[] = [];
  private failed: Error | undefined;
  private failWaiting: ((e: Error) => void)[] = [];

  attach(socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.push(chunk));
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.fail(new Error('SMTP connection closed')));
  }

  detach(socket: net.Socket) {
    socket.removeAllListeners('data');
    socket.removeAllListeners('error');
    socket.removeAllListeners('close');
  }

  private push(chunk: string) {
    this.buffer += chunk;
    let lines: string[] = [];
    let i: number;
    while ((i = this.buffer.indexOf('\r\n')) >= 0 || (i = this.buffer.indexOf('\n')) >= 0) {
      const line = this.buffer.slice(0, i);
      this.buffer = this.buffer.slice(i + (this.buffer[i] === '\r' ? 2 : 1));
      lines.push(line);
      if (/^\d{3}(?: |$)/.test(line)) {
        const reply = { code: Number(line.slice(0, 3)), lines: lines.map((l) => l.slice(4)) };
        lines = [];
        const w = this.waiting.shift();
        this.failWaiting.shift();
        if (w) w(reply);
        else this.ready.push(reply);
      }
    }
    if (lines.length) this.buffer = lines.join('\r\n') + '\r\n' + this.buffer;
  }

  private fail(err: Error) {
    this.failed ??= err;
    for (const f of this.failWaiting.splice(0)) f(err);
    this.waiting = [];
  }

  next(): Promise<Reply> {
    const r = this.ready.shift();
    if (r) return Promise.resolve(r);
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.waiting.push(resolve);
      this.failWaiting.push(reject);
    });
  }
}

/** An RFC 5322 message: UTF-8 text, subject encoded when not ASCII, lines dot-stuffed for DATA. */
export function formatMessage(mail: OutgoingMail, now = new Date(), id = `${Date.now()}.${Math.random().toString(36).slice(2)}`): string {
  const ascii = (s: string) => /^[\x20-\x7e]*$/.test(s);
  const subject = ascii(mail.subject) ? mail.subject : `=?UTF-8?B?${Buffer.from(mail.subject).toString('base64')}?=`;
  const domain = addressOf(mail.from).split('@')[1] ?? 'localhost';
  const headers = [
    `From: ${mail.from}`, `To: ${mail.to.join(', ')}`,
    ...(mail.cc?.length ? [`Cc: ${mail.cc.join(', ')}`] : []), ...(mail.replyTo?.length ? [`Reply-To: ${mail.replyTo.join(', ')}`] : []),
    `Subject: ${subject}`, `Date: ${now.toUTCString()}`, `Message-ID: <${id}@${domain}>`, 'MIME-Version: 1.0',
  ];
  const text = (mail.text ?? (mail.html !== undefined ? htmlToText(mail.html) : '')).replace(/\r?\n/g, '\r\n');
  // SMTP lines end at 998 characters: HTML, and text with longer lines, go base64-encoded (76 a line)
  const base64 = (s: string) => Buffer.from(s).toString('base64').replace(/.{76}/g, '$&\r\n');
  const textPart = text.split('\r\n').some((l) => l.length > 998)
    ? { encoding: 'base64', content: base64(text) } : { encoding: '8bit', content: text };
  let body: string;
  if (mail.html === undefined) {
    headers.push('Content-Type: text/plain; charset=utf-8', `Content-Transfer-Encoding: ${textPart.encoding}`);
    body = textPart.content;
  } else {
    const boundary = `strata-${id.replace(/[^A-Za-z0-9]/g, '')}`;
    headers.push(`Content-Type: multipart/alternative; boundary="${boundary}"`);
    body = [`--${boundary}`, 'Content-Type: text/plain; charset=utf-8', `Content-Transfer-Encoding: ${textPart.encoding}`, '', textPart.content,
      `--${boundary}`, 'Content-Type: text/html; charset=utf-8', 'Content-Transfer-Encoding: base64', '', base64(mail.html), `--${boundary}--`].join('\r\n');
  }
  body = body.split('\r\n').map((l) => (l.startsWith('.') ? '.' + l : l)).join('\r\n');
  return `${headers.join('\r\n')}\r\n\r\n${body}\r\n`;
}

/** "Name <a@b>" -> "a@b" */
export function addressOf(s: string): string {
  const m = /<([^>]+)>/.exec(s);
  return (m ? m[1] : s).trim();
}

export async function sendSmtp(config: SmtpConfig, mail: OutgoingMail): Promise<void> {
  let socket: net.Socket = await connectSocket(config);
  let reader = new ReplyReader();
  reader.attach(socket);
  socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('SMTP timeout')));
  const expect = async (ok: number[], what: string) => {
    const r = await reader.next();
    if (!ok.includes(r.code)) throw new Error(`SMTP ${what}: ${r.code} ${r.lines.join(' ')}`);
    return r;
  };
  const command = (line: string, ok: number[], what = line.split(' ')[0]) => {
    socket.write(line + '\r\n');
    return expect(ok, what);
  };
  try {
    await expect([220], 'greeting');
    let ehlo = await command(`EHLO ${config.name}`, [250]);
    if (!config.secure && !config.ignoreTls && ehlo.lines.some((l) => /^STARTTLS\b/i.test(l))) {
      await command('STARTTLS', [220]);
      reader.detach(socket);
      socket = await upgrade(socket, config.host);
      reader = new ReplyReader();
      reader.attach(socket);
      ehlo = await command(`EHLO ${config.name}`, [250]);
    }
    if (config.user) {
      const auth = ehlo.lines.find((l) => /^AUTH\b/i.test(l))?.toUpperCase() ?? '';
      if (/\bPLAIN\b/.test(auth) || !/\bLOGIN\b/.test(auth)) {
        const token = Buffer.from(`\0${config.user}\0${config.password ?? ''}`).toString('base64');
        await command(`AUTH PLAIN ${token}`, [235], 'AUTH');
      } else {
        await command('AUTH LOGIN', [334], 'AUTH');
        await command(Buffer.from(config.user).toString('base64'), [334], 'AUTH');
        await command(Buffer.from(config.password ?? '').toString('base64'), [235], 'AUTH');
      }
    }
    await command(`MAIL FROM:<${addressOf(mail.from)}>`, [250], 'MAIL');
    for (const rcpt of [...mail.to, ...(mail.cc ?? []), ...(mail.bcc ?? [])]) await command(`RCPT TO:<${addressOf(rcpt)}>`, [250, 251], 'RCPT');
    await command('DATA', [354]);
    socket.write(formatMessage(mail) + '.\r\n');
    await expect([250], 'message');
    await command('QUIT', [221]).catch(() => {});
  } finally {
    reader.detach(socket);
    socket.on('error', () => {});
    socket.destroy();
  }
}

function connectSocket(config: SmtpConfig): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = config.secure
      ? tls.connect({ host: config.host, port: config.port, servername: net.isIP(config.host) ? undefined : config.host }, () => resolve(socket))
      : net.connect({ host: config.host, port: config.port }, () => resolve(socket));
    socket.once('error', reject);
  });
}

function upgrade(socket: net.Socket, host: string): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const secure = tls.connect({ socket, servername: net.isIP(host) ? undefined : host }, () => resolve(secure));
    secure.once('error', reject);
  });
}
