// Outgoing mail: the auth flows (password reset, invitations, registration), notifications and
// the flows' mail operation (HTML from src/mail/render.ts). With
// EMAIL_TRANSPORT=smtp it is sent over SMTP; otherwise (no transport, or one Strata doesn't
// have) the whole mail, link included, is written to the log so an operator can pass it on.
// Sending never fails the request that caused it: a failure is logged, as in Directus.
import type { EmailConfig } from '../config.js';
import type { Logger } from '../log.js';
import { sendSmtp } from './smtp.js';
import { MailTemplates, type ProjectFacts } from './render.js';

export interface Mail {
  to: string;
  subject: string;
  /** the plain-text body (with `html`: its alternative; derived from the HTML when absent) */
  text?: string;
  html?: string;
}

export interface Mailer {
  /** resolves when the mail was handed over (or logged); never rejects */
  send(mail: Mail): Promise<void>;
  /** the liquid templates (EMAIL_TEMPLATES_PATH, then the built-in ones) mails are rendered with */
  templates: MailTemplates;
}

const NO_PROJECT: ProjectFacts = { projectName: 'Directus', projectColor: null, projectLogo: null, projectUrl: null };

/** `project`: what templates know of the project (src/mail/render.ts projectFacts; without it, defaults) */
export function createMailer(config: EmailConfig, log: Logger, project: () => Promise<ProjectFacts> = async () => NO_PROJECT): Mailer {
  if (config.unsupportedTransport) {
    log.warn(`EMAIL_TRANSPORT=${config.unsupportedTransport} is not supported by Strata (smtp is): mails are written to the log`);
  }
  return {
    templates: new MailTemplates(config.templatesPath, project),
    async send(mail) {
      if (config.transport !== 'smtp' || !config.smtp) {
        log.info('mail (no transport configured)', { from: config.from, to: mail.to, subject: mail.subject, text: mail.text, ...(mail.html !== undefined ? { html: mail.html } : {}) });
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
