import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import type { PaymentStatus } from "@/db/schema";
import { authorizeOrderPayments } from "./authorize-payments";
import { captureOrderPayments } from "./capture-payments";
import type { PaymentGateway } from "./gateway";
import {
  CLAIM_LEASE_MS,
  fromOutcome,
  type PaymentRequest,
  type PaymentResult,
  type PaymentRow,
  recordOutcomes,
  releaseLeases,
} from "./payment-claims";

export type { PaymentResult } from "./payment-claims";

/*
 * The order's money, one order at a time: authorize and capture wrap their set-based
 * versions; release (rare: an order ending without shipping) is here. All of them are
 * claim → call → record (payment-claims.ts): never a gateway call inside a transaction.
 */

/** Claims the row for `to` from the settled status `from`, or from an expired or own `to` claim. */
async function claimRow(db: Database, orderId: string, to: PaymentStatus, from: PaymentStatus, key: string, now: Date): Promise<boolean> {
  const at = now.toISOString();
  const rows = await db.execute(sql`
    UPDATE payments SET status = ${to}, pending_key = ${key}, updated_at = ${at}::timestamptz,
      lease_until = ${new Date(now.getTime() + CLAIM_LEASE_MS).toISOString()}::timestamptz
    WHERE order_id = ${orderId}
      AND (status = ${from} OR (status = ${to} AND (pending_key = ${key} OR lease_until IS NULL OR lease_until <= ${at}::timestamptz)))
    RETURNING id`);
  return rows.length > 0;
}

/** authorizeOrderPayments for one order (authorize-payments.ts). */
export async function authorizeOrderPayment(db: Database, gateway: PaymentGateway, input: PaymentRequest): Promise<PaymentResult> {
  return (await authorizeOrderPayments(db, gateway, [input], { parallelism: 1 }))[0]!;
}

/** captureOrderPayments for one order (capture-payments.ts). */
export async function captureOrderPayment(db: Database, gateway: PaymentGateway, input: PaymentRequest): Promise<PaymentResult> {
  return (await captureOrderPayments(db, gateway, [input], { parallelism: 1 }))[0]!;
}

/**
 * Gives the money back when an order ends without shipping: voids an open authorization,
 * refunds a capture. Idempotent (keys derive from the payment) and a no-op without a payment.
 */
export async function releaseOrderPayment(
  db: Database,
  gateway: PaymentGateway,
  input: { orderId: string; now: Date },
): Promise<PaymentResult | null> {
  const { orderId, now } = input;
  const [current] = await db.execute<PaymentRow>(sql`SELECT id, status, ref, amount_minor, pending_key FROM payments WHERE order_id = ${orderId}`);
  if (!current || !current.ref) return null;
  const kind =
    current.status === "authorized" || current.status === "voiding"
      ? "void"
      : current.status === "captured" || current.status === "refunding"
        ? "refund"
        : null;
  if (!kind) return null;
  const [inFlight, from, done] = kind === "void" ? (["voiding", "authorized", "voided"] as const) : (["refunding", "captured", "refunded"] as const);
  // One key per payment and kind: a repeated release replays at the gateway by construction.
  const key = `${current.id}-${kind}`;
  if (!(await claimRow(db, orderId, inFlight, from, key, now))) return null;
  const req = { orderId, ref: current.ref, amountMinor: Number(current.amount_minor), idempotencyKey: key };
  const outcome = kind === "void" ? await gateway.void(req) : await gateway.refund(req);
  if (outcome.status === "approved") {
    await recordOutcomes(db, inFlight, [{ orderId, key, status: done }], now);
    return { ok: true, ref: current.ref, reused: false };
  }
  if (outcome.status === "declined") {
    await recordOutcomes(db, inFlight, [{ orderId, key, status: from }], now);
  } else {
    await releaseLeases(db, inFlight, [{ orderId, key }], now);
  }
  return fromOutcome(outcome);
}
