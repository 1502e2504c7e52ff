import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { EMAIL_ACTIONS, type EmailAction } from "@/db/vocabulary/email-actions";

/**
 * Signed one-click links for reminder emails ("skip this delivery", "delay one week", "order
 * now"): they work without signing in, so the token itself is the authority. It names the
 * reminder (one email = one customer, one subscription, one upcoming cycle), the action and an
 * expiry, signed with HMAC-SHA256 under a key derived from NEXTAUTH_SECRET (HKDF with its own
 * label, so a link signature can never be replayed as anything else). Single use is enforced
 * in the database (email_action_uses), not here.
 *
 * Format: `v1.<reminderId>.<action>.<expiresAtSeconds>.<signature>`, URL-safe as is.
 */
export interface EmailActionClaims {
  reminderId: string;
  action: EmailAction;
  expiresAt: Date;
}

export type VerifiedToken = { ok: true; claims: EmailActionClaims } | { ok: false; reason: "invalid" | "expired" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function emailActionKey(secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "replen", "email-action-links/v1", 32));
}

export function signEmailAction(key: Buffer, claims: EmailActionClaims): string {
  const body = `v1.${claims.reminderId}.${claims.action}.${Math.floor(claims.expiresAt.getTime() / 1000)}`;
  return `${body}.${signature(key, body)}`;
}

/** Checks signature first (a forged token learns nothing), then expiry against `now`. */
export function verifyEmailAction(key: Buffer, token: string, now: Date): VerifiedToken {
  const parts = token.split(".");
  if (parts.length !== 5 || parts[0] !== "v1") return { ok: false, reason: "invalid" };
  const [, reminderId, action, exp, sig] = parts as [string, string, string, string, string];
  const expected = Buffer.from(signature(key, parts.slice(0, 4).join(".")));
  const given = Buffer.from(sig);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  if (!UUID.test(reminderId) || !(EMAIL_ACTIONS as readonly string[]).includes(action) || !/^\d{1,12}$/.test(exp)) {
    return { ok: false, reason: "invalid" };
  }
  const expiresAt = new Date(Number(exp) * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: "expired" };
  return { ok: true, claims: { reminderId, action: action as EmailAction, expiresAt } };
}

function signature(key: Buffer, body: string): string {
  return createHmac("sha256", key).update(body).digest("base64url");
}
