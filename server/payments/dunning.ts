import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orders, payments } from "@/db/schema";
import { transitionMany } from "@/server/subscriptions/transition";
import type { WorkflowDefinition } from "@/server/workflows/model";
import type { PaymentGateway } from "./gateway";
import { authorizeOrderPayment, captureOrderPayment, type PaymentResult } from "./order-payment";

/** Hours list ("24,72") → ms delays, ascending. */
export function parseDunningHours(csv: string): number[] {
  return csv
    .split(",")
    .map((h) => h.trim())
    .filter(Boolean)
    .map((h) => Math.round(Number(h) * 3_600_000))
    .filter((ms) => Number.isFinite(ms) && ms >= 0)
    .sort((a, b) => a - b);
}

/**
 * A dunning state is where a payment failure sends an order: the `onFailure` target of an
 * authorize_payment or capture_payment action (payment_failed in the default workflow).
 */
export function isDunningState(def: WorkflowDefinition, stateId: string): boolean {
  return def.states.some((s) =>
    s.actions.flat().some((a) => (a.type === "authorize_payment" || a.type === "capture_payment") && a.onFailure?.transitionTo === stateId),
  );
}

/**
 * One scheduled dunning retry: if the order still sits in that visit of the dunning state,
 * try the money again — capture when an authorization is already held (the capture was what
 * failed), otherwise a fresh authorization. "left" when the order moved on meanwhile.
 */
export async function retryDunningPayment(
  db: Database,
  gateway: PaymentGateway,
  input: { orderId: string; state: string; seq: number; round: number; now: Date },
): Promise<{ kind: "left" } | { kind: "paid" } | { kind: "failed"; code: string }> {
  const [order] = await db.select({ state: orders.state, seq: orders.transitionSeq }).from(orders).where(eq(orders.id, input.orderId));
  if (!order || order.state !== input.state || order.seq !== input.seq) return { kind: "left" };
  const [payment] = await db.select({ status: payments.status }).from(payments).where(eq(payments.orderId, input.orderId));
  const key = `order-${input.orderId}-${input.seq}-dunning-${input.round}`;
  const r: PaymentResult =
    payment?.status === "authorized" || payment?.status === "capturing"
      ? await captureOrderPayment(db, gateway, { orderId: input.orderId, idempotencyKey: key, now: input.now })
      : await authorizeOrderPayment(db, gateway, { orderId: input.orderId, idempotencyKey: key, now: input.now });
  return r.ok ? { kind: "paid" } : { kind: "failed", code: r.code };
}

/**
 * The end of dunning: pauses the order's subscription (guarded: only an active one) with an
 * audit row, so no further cycles are generated against a card that keeps failing.
 * Returns the subscription id when this call paused it.
 */
export async function pauseSubscriptionForDunning(db: Database, input: { orderId: string; now: Date }): Promise<{ subscriptionId: string } | null> {
  return db.transaction(async (tx) => {
    const [order] = await tx.select({ subscriptionId: orders.subscriptionId }).from(orders).where(eq(orders.id, input.orderId));
    if (!order?.subscriptionId) return null;
    const [paused] = await transitionMany(tx, {
      ids: [order.subscriptionId],
      from: "active",
      to: "paused",
      set: { pausedUntil: null },
      action: "paused",
      actor: { type: "system", id: "dunning" },
      now: input.now,
      data: () => ({ reason: "payment_failed", orderId: input.orderId }),
    });
    if (!paused) return null;
    return { subscriptionId: paused };
  });
}
