import nodemailer from 'nodemailer';
import { AppError } from '../domain/errors.js';
import type { Mailer } from '../app/staff-ports.js';

/** Sends mail through the SMTP server in SMTP_URL (e.g. smtps://user:pass@mail.example.org:465). */
export function createSmtpMailer(options: { url: string | null; from: string }): Mailer {
  const transport = options.url ? nodemailer.createTransport(options.url) : null;
  return {
    async send(mail) {
      if (!transport) {
        throw new AppError('MAIL_FAILED', 'No mail server is configured, so the message could not be sent. Set SMTP_URL (and MAIL_FROM) and restart.');
      }
      try {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      } catch (error) {
        throw new AppError('MAIL_FAILED', `The mail server refused the message: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
