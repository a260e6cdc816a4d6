// Outgoing mail for the auth flows (password reset, invitations, registration). With
// EMAIL_TRANSPORT=smtp it is sent over SMTP; otherwise (no transport, or one Strata doesn't
// have) the whole mail, link included, is written to the log so an operator can pass it on.
// Sending never fails the request that caused it: a failure is logged, as in Directus.
import type { EmailConfig } from '../config.js';
import type { Logger } from '../log.js';
import { sendSmtp } from './smtp.js';

export interface Mail {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  /** resolves when the mail was handed over (or logged); never rejects */
  send(mail: Mail): Promise<void>;
}

export function createMailer(config: EmailConfig, log: Logger): Mailer {
  if (config.unsupportedTransport) {
    log.warn(`EMAIL_TRANSPORT=${config.unsupportedTransport} is not supported by Strata (smtp is): mails are written to the log`);
  }
  return {
    async send(mail) {
      if (config.transport !== 'smtp' || !config.smtp) {
        log.info('mail (no transport configured)', { from: config.from, to: mail.to, subject: mail.subject, text: mail.text });
        return;
      }
      try {
        await sendSmtp(config.smtp, { from: config.from, ...mail });
      } catch (err) {
        log.error('could not send mail', { to: mail.to, subject: mail.subject, error: (err as Error).message });
      }
    },
  };
}
