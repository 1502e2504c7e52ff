import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/server/env";

export interface Email {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends one email; resolves once the SMTP server accepted it, rejects otherwise. */
export type SendEmail = (email: Email) => Promise<void>;

const transports = new Map<string, Transporter>();

function transportFor(smtpUrl: string): Transporter {
  let transport = transports.get(smtpUrl);
  if (!transport) {
    // Pooled: a reminder run sends many messages over a few reused connections.
    transport = nodemailer.createTransport(`${smtpUrl}${smtpUrl.includes("?") ? "&" : "?"}pool=true`);
    transports.set(smtpUrl, transport);
  }
  return transport;
}

/**
 * A sender bound to an SMTP server (default: SMTP_URL). Tests pass the URL of their own
 * local SMTP server (scripts/lib/mail-sink.ts) instead of relying on the process env.
 */
export function emailSender(opts: { smtpUrl?: string; from?: string } = {}): SendEmail {
  const smtpUrl = opts.smtpUrl ?? env().SMTP_URL;
  const from = opts.from ?? env().MAIL_FROM;
  return async (email) => {
    await transportFor(smtpUrl).sendMail({ from, to: email.to, subject: email.subject, text: email.text, html: email.html });
  };
}

export const sendEmail: SendEmail = (email) => emailSender()(email);

/** Closes pooled SMTP connections (tests and scripts that must exit cleanly). */
export function closeEmailTransports(): void {
  for (const t of transports.values()) t.close();
  transports.clear();
}
