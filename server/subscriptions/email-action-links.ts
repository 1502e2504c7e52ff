import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";
import type { EmailAction } from "@/db/vocabulary/email-actions";
import { env } from "../env";
import { emailActionKey, signEmailAction, verifyEmailAction, type VerifiedToken } from "./email-action-token";

let cached: { secret: string; key: Buffer } | undefined;

/** The link-signing key for this deployment, derived once from NEXTAUTH_SECRET. */
function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET;
  if (cached?.secret !== secret) cached = { secret, key: emailActionKey(secret) };
  return cached.key;
}

export type EmailActionLinks = Record<EmailAction, string>;

/**
 * The one-click links of one reminder email. They expire when the order is generated (the
 * reminder's due time): after that there is no upcoming delivery left for them to change.
 */
export function emailActionLinks(reminder: { id: string; dueAt: Date }, appUrl: string): EmailActionLinks {
  const base = `${appUrl.replace(/\/$/, "")}/email-actions/`;
  const link = (action: EmailAction) => base + signEmailAction(key(), { reminderId: reminder.id, action, expiresAt: reminder.dueAt });
  return { skip: link("skip"), delay_week: link("delay_week"), order_now: link("order_now") };
}

export function verifyEmailActionToken(token: string, now: Date): VerifiedToken {
  return verifyEmailAction(key(), token, now);
}

/**
 * The confirmation page shows why an action was refused after a redirect; the reason travels in
 * the URL, sealed to its token, so nobody can craft a link that makes our page say something else.
 */
export function sealRefusal(token: string, message: string): string {
  return createHmac("sha256", key()).update(`refusal\n${token}\n${message}`).digest("base64url");
}

export function isSealedRefusal(token: string, message: string, seal: string): boolean {
  const expected = Buffer.from(sealRefusal(token, message));
  const given = Buffer.from(seal);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
