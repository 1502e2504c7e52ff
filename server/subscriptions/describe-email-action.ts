import "server-only";
import type { Database } from "@/db/client";
import type { EmailAction } from "@/db/vocabulary/email-actions";
import { delayedDate, isAsAnnounced, loadEmailActionContext } from "./email-action-context";
import { verifyEmailActionToken } from "./email-action-links";
import type { EmailActionResult } from "./perform-email-action";

export type EmailActionPreview =
  | Extract<EmailActionResult, { kind: "invalid" | "expired" | "changed" | "used" }>
  | {
      kind: "ready";
      subscriptionId: string;
      action: EmailAction;
      productName: string;
      quantity: number;
      /** The announced delivery, and for a delay the date it moves to (local dates). */
      dueAt: Date;
      timeZone: string;
      delayedTo: string | null;
    };

/**
 * What a one-click link would do, for the confirmation page. Reads only: opening a link never
 * changes anything (mail scanners and link previews fetch every URL in an email); the
 * customer's click on the page's button does (performEmailAction).
 */
export async function describeEmailAction(db: Database, token: string, now: Date): Promise<EmailActionPreview> {
  const verified = verifyEmailActionToken(token, now);
  if (!verified.ok) return { kind: verified.reason };
  const { reminderId, action } = verified.claims;
  const c = await loadEmailActionContext(db, reminderId);
  if (!c) return { kind: "invalid" };
  if (c.use) return { kind: "used", subscriptionId: c.subscriptionId, action: c.use.action, outcome: c.use.outcome };
  if (!isAsAnnounced(c)) return { kind: "changed", subscriptionId: c.subscriptionId };
  return {
    kind: "ready",
    subscriptionId: c.subscriptionId,
    action,
    productName: c.productName,
    quantity: c.quantity,
    dueAt: c.dueAt,
    timeZone: c.timeZone,
    delayedTo: action === "delay_week" ? delayedDate(c) : null,
  };
}
