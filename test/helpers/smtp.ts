// A tiny SMTP server on 127.0.0.1 for tests: accepts every mail and hands it over, so tests
// read the links Strata mails (EMAIL_TRANSPORT=smtp, EMAIL_SMTP_HOST/PORT pointed at it).
import net from 'node:net';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** the AUTH line's credentials, decoded (PLAIN) */
  auth: string | null;
  raw: string;
  subject: string;
  body: string;
  /** the first link with a token= parameter in the body */
  link: string | undefined;
  token: string | undefined;
}

export interface SmtpListener {
  port: number;
  env: Record<string, string>;
  /** the next mail to arrive (or one that arrived and was not taken yet) */
  next(): Promise<ReceivedMail>;
  received: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtp(t: { teardown(fn: () => unknown): void }): Promise<SmtpListener> {
  const queue: ReceivedMail[] = [];
  const waiting: ((m: ReceivedMail) => void)[] = [];
  const received: ReceivedMail[] = [];
  const deliver = (m: ReceivedMail) => {
    received.push(m);
    const w = waiting.shift();
    if (w) w(m);
    else queue.push(m);
  };
  const server = net.createServer((socket) => {
    socket.setEncoding('utf8');
    let buffer = '';
    let inData = false;
    let mail = { from: '', to: [] as string[], auth: null as string | null };
    socket.write('220 test SMTP\r\n');
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (;;) {
        if (inData) {
          const end = buffer.indexOf('\r\n.\r\n');
          if (end < 0) return;
          const raw = buffer.slice(0, end).replace(/\r\n\.\./g, '\r\n.');
          buffer = buffer.slice(end + 5);
          inData = false;
          const [head, ...rest] = raw.split('\r\n\r\n');
          const body = rest.join('\r\n\r\n');
          const link = /\S*[?&]token=[^\s&]+/.exec(body)?.[0];
          deliver({ ...mail, raw, subject: /^Subject: (.*)$/m.exec(head)?.[1] ?? '', body, link,
            token: link ? new URL(link, 'http://x').searchParams.get('token') ?? undefined : undefined });
          mail = { from: '', to: [], auth: null };
          socket.write('250 queued\r\n');
          continue;
        }
        const i = buffer.indexOf('\r\n');
        if (i < 0) return;
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        const verb = line.split(' ')[0].toUpperCase();
        if (verb === 'EHLO') socket.write('250-test\r\n250 AUTH PLAIN LOGIN\r\n');
        else if (verb === 'AUTH') {
          mail.auth = Buffer.from(line.split(' ')[2] ?? '', 'base64').toString().split('\0').filter(Boolean).join(':');
          socket.write('235 ok\r\n');
        } else if (verb === 'MAIL') {
          mail.from = /<(.*)>/.exec(line)?.[1] ?? '';
          socket.write('250 ok\r\n');
        } else if (verb === 'RCPT') {
          mail.to.push(/<(.*)>/.exec(line)?.[1] ?? '');
          socket.write('250 ok\r\n');
        } else if (verb === 'DATA') {
          inData = true;
          socket.write('354 go on\r\n');
        } else if (verb === 'QUIT') {
          socket.end('221 bye\r\n');
          return;
        } else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  const close = () => new Promise<void>((r) => server.close(() => r()));
  t.teardown(close);
  return {
    port,
    env: { EMAIL_TRANSPORT: 'smtp', EMAIL_SMTP_HOST: '127.0.0.1', EMAIL_SMTP_PORT: String(port), EMAIL_SMTP_USER: 'mailer', EMAIL_SMTP_PASSWORD: 'mail-pass', EMAIL_FROM: 'Strata <no-reply@example.com>' },
    next: () => {
      const m = queue.shift();
      return m ? Promise.resolve(m) : new Promise((r) => waiting.push(r));
    },
    received,
    close,
  };
}
