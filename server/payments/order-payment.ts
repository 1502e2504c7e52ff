import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orders, payments } from "@/db/schema";
import { lockKey } from "./advisory-lock";
import type { GatewayOutcome, PaymentGateway } from "./gateway";
import { paymentMethodFor } from "./payment-method";

export type PaymentResult =
  | { ok: true; ref: string; reused: boolean }
  | { ok: false; code: string; retryable: boolean; transient: boolean };

const fromOutcome = (o: Exclude<GatewayOutcome, { status: "approved" }>): PaymentResult =>
  o.status === "declined"
    ? { ok: false, code: o.code, retryable: o.retryable, transient: false }
    : { ok: false, code: o.code, retryable: true, transient: true };

/**
 * Authorizes the order's total, at most once per order: an existing authorization (or
 * capture) is reused, which is what lets an order re-enter Processing after a restock.
 * The per-order advisory lock makes concurrent deliveries wait for each other instead of
 * both calling the gateway; the idempotency key covers a crash after the gateway answered.
 */
export async function authorizeOrderPayment(
  db: Database, gateway: PaymentGateway, input: { orderId: string; idempotencyKey: string; now: Date },
): Promise<PaymentResult> {
  return db.transaction(async (tx) => {
    await lockKey(tx, `payment:${input.orderId}`);
    const [existing] = await tx.select().from(payments).where(eq(payments.orderId, input.orderId));
    if (existing && (existing.status === "authorized" || existing.status === "captured")) {
      return { ok: true, ref: existing.ref, reused: true };
    }
    const [order] = await tx
      .select({ customerId: orders.customerId, totalMinor: orders.totalMinor, currency: orders.currency })
      .from(orders)
      .where(eq(orders.id, input.orderId));
    if (!order) return { ok: false, code: "order_not_found", retryable: false, transient: false };
    const method = await paymentMethodFor(tx, order.customerId, gateway.name);
    if (!method) return { ok: false, code: "no_payment_method", retryable: false, transient: false };

    const outcome = await gateway.authorize({
      orderId: input.orderId, amountMinor: order.totalMinor, currency: order.currency,
      paymentMethod: method, idempotencyKey: input.idempotencyKey,
    });
    if (outcome.status !== "approved") return fromOutcome(outcome);
    const values = {
      gateway: gateway.name, status: "authorized", amountMinor: order.totalMinor, currency: order.currency,
      ref: outcome.ref, authorizedAt: input.now, capturedAt: null, updatedAt: input.now,
    };
    await tx.insert(payments).values({ orderId: input.orderId, ...values }).onConflictDoUpdate({ target: payments.orderId, set: values });
    return { ok: true, ref: outcome.ref, reused: false };
  });
}

/** Captures the order's authorization; capturing an already captured payment is a no-op. */
export async function captureOrderPayment(
  db: Database, gateway: PaymentGateway, input: { orderId: string; idempotencyKey: string; now: Date },
): Promise<PaymentResult> {
  return db.transaction(async (tx) => {
    await lockKey(tx, `payment:${input.orderId}`);
    const [payment] = await tx.select().from(payments).where(eq(payments.orderId, input.orderId));
    if (payment?.status === "captured") return { ok: true, ref: payment.ref, reused: true };
    if (payment?.status !== "authorized") return { ok: false, code: "not_authorized", retryable: false, transient: false };
    const outcome = await gateway.capture({
      orderId: input.orderId, ref: payment.ref, amountMinor: payment.amountMinor, idempotencyKey: input.idempotencyKey,
    });
    if (outcome.status !== "approved") return fromOutcome(outcome);
    await tx.update(payments).set({ status: "captured", capturedAt: input.now, updatedAt: input.now }).where(eq(payments.id, payment.id));
    return { ok: true, ref: payment.ref, reused: false };
  });
}

/**
 * Gives the money back when an order ends without shipping: voids an open authorization,
 * refunds a capture. Idempotent (keys derive from the payment) and a no-op without a payment.
 */
export async function releaseOrderPayment(
  db: Database, gateway: PaymentGateway, input: { orderId: string; now: Date },
): Promise<PaymentResult | null> {
  return db.transaction(async (tx) => {
    await lockKey(tx, `payment:${input.orderId}`);
    const [payment] = await tx.select().from(payments).where(eq(payments.orderId, input.orderId));
    if (!payment || (payment.status !== "authorized" && payment.status !== "captured")) return null;
    const kind = payment.status === "authorized" ? "void" : "refund";
    const req = { orderId: input.orderId, ref: payment.ref, amountMinor: payment.amountMinor, idempotencyKey: `${payment.id}-${kind}` };
    const outcome = kind === "void" ? await gateway.void(req) : await gateway.refund(req);
    if (outcome.status !== "approved") return fromOutcome(outcome);
    await tx.update(payments).set({ status: kind === "void" ? "voided" : "refunded", updatedAt: input.now }).where(eq(payments.id, payment.id));
    return { ok: true, ref: payment.ref, reused: false };
  });
}
