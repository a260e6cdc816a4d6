// Outgoing mail: the auth flows (password reset, invitations, registration), notifications and
// the flows' mail operation (HTML from src/mail/render.ts). With
// EMAIL_TRANSPORT=smtp it is sent over SMTP; otherwise (no transport, or one Strata doesn't
// have) the whole mail, link included, is written to the log so an operator can pass it on.
// Sending never fails the request that caused it: a failure is logged, as in Directus. Before
// it goes, Directus's `email.send` filter runs when a flow listens: the flow's answer is the mail
// sent (no `to` left: none is), and a refusal keeps it from being sent.
import type { EmailConfig } from '../config.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../log.js';
import { emitFilter, listens } from '../engine/emitter.js';
import { isPlainObject } from '../request/body.js';
import { addressOf, sendSmtp } from './smtp.js';
import { MailTemplates, type ProjectFacts } from './render.js';

export interface Mail {
  to: string | string[];
  subject: string;
  cc?: string | string[];
  bcc?: string | string[];
  replyTo?: string | string[];
  /** the sender's name and address; without it EMAIL_FROM (the flow mail operation's fromName: that name, EMAIL_FROM's address) */
  from?: { name?: string; address?: string } | string;
  /** the plain-text body (with `html`: its alternative; derived from the HTML when absent) */
  text?: string;
  html?: string;
}

export interface Mailer {
  /** resolves when the mail was handed over (or logged, or refused by a flow); never rejects */
  send(mail: Mail): Promise<void>;
  /** the liquid templates (EMAIL_TEMPLATES_PATH, then the built-in ones) mails are rendered with */
  templates: MailTemplates;
}

const NO_PROJECT: ProjectFacts = { projectName: 'Directus', projectColor: null, projectLogo: null, projectUrl: null };

/** An address list as given (one address, a list, or "a, b"), without anything that is not one address. */
const addresses = (v: unknown): string[] => (Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : [])
  .filter((a): a is string => typeof a === 'string').map((a) => a.trim())
  // an address never carries a line break or angle brackets of its own: nothing reaches an SMTP command or header but one address
  .filter((a) => /^[^\s<>@",]+@[^\s<>@",]+$/.test(addressOf(a)) && !/[\r\n]/.test(a));

/** The mail a flow answered, or null when it left no recipient. */
function mailOf(v: unknown, given: Mail): Mail | null {
  if (!isPlainObject(v) || addresses(v.to).length === 0) return null;
  const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
  return { to: addresses(v.to), subject: str(v.subject) ?? '', cc: addresses(v.cc), bcc: addresses(v.bcc), replyTo: addresses(v.replyTo),
    from: isPlainObject(v.from) ? { name: str(v.from.name), address: str(v.from.address) } : str(v.from) ?? given.from,
    ...(str(v.text) !== undefined ? { text: str(v.text) } : {}), ...(str(v.html) !== undefined ? { html: str(v.html) } : {}) };
}

/** "Name <address>": the mail's `from` (a valid address, or a name and address), else EMAIL_FROM */
function sender(from: Mail['from'], fallback: string): string {
  if (typeof from === 'string') return addresses(from).length === 1 ? from.trim() : fallback;
  if (!from) return fallback;
  const address = from.address && addresses(from.address).length === 1 ? addressOf(from.address) : addressOf(fallback);
  const name = from.name?.replace(/[\r\n"\\]/g, '').trim();
  return name ? `"${name}" <${address}>` : address;
}

/** `db`: where flows listen (the email.send filter); `project`: what templates know of the project (src/mail/render.ts projectFacts; without it, defaults) */
export function createMailer(config: EmailConfig, log: Logger, db?: Db, project: () => Promise<ProjectFacts> = async () => NO_PROJECT): Mailer {
  if (config.unsupportedTransport) {
    log.warn(`EMAIL_TRANSPORT=${config.unsupportedTransport} is not supported by Strata (smtp is): mails are written to the log`);
  }
  return {
    templates: new MailTemplates(config.templatesPath, project),
    async send(given) {
      // a sender's name alone (the mail operation's fromName) goes with EMAIL_FROM's address, as Directus shows it
      if (isPlainObject(given.from) && !given.from.address) given = { ...given, from: { ...given.from, address: addressOf(config.from) } };
      let mail: Mail | null = given;
      if (db && (await listens(db, 'email.send'))) {
        try {
          mail = mailOf(await emitFilter<unknown>(db, 'email.send', { ...given }, { event: 'email.send' }, null), given);
          // a changed HTML body with the text left as it was: the text is derived from the new HTML
          if (mail && mail.html !== given.html && mail.text === given.text) delete mail.text;
        } catch (err) {
          log.warn('mail refused by a flow (email.send)', { to: given.to, subject: given.subject, error: (err as Error).message });
          return;
        }
        if (!mail) {
          log.info('mail dropped by a flow (email.send): no recipient left', { subject: given.subject });
          return;
        }
      }
      const to = addresses(mail.to);
      const out = { from: sender(mail.from, config.from), to, cc: addresses(mail.cc), bcc: addresses(mail.bcc), replyTo: addresses(mail.replyTo),
        subject: mail.subject, ...(mail.text !== undefined ? { text: mail.text } : {}), ...(mail.html !== undefined ? { html: mail.html } : {}) };
      if (to.length === 0) {
        log.warn('mail without a valid recipient not sent', { subject: mail.subject });
        return;
      }
      if (config.transport !== 'smtp' || !config.smtp) {
        // address lists as one line each, as a header shows them; empty ones left out
        const { cc, bcc, replyTo, ...rest } = out;
        const lists = Object.entries({ cc, bcc, replyTo }).filter(([, v]) => v.length > 0).map(([k, v]) => [k, v.join(', ')]);
        log.info('mail (no transport configured)', { ...rest, to: to.join(', '), ...Object.fromEntries(lists) });
        return;
      }
      try {
        await sendSmtp(config.smtp, out);
      } catch (err) {
        log.error('could not send mail', { to: to.join(', '), subject: mail.subject, error: (err as Error).message });
      }
    },
  };
}
