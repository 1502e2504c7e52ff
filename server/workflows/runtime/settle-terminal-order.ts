import "server-only";
import type { Database } from "@/db/client";
import { auditLog } from "@/db/schema";
import { releaseOrderInventory } from "@/server/inventory/order-inventory";
import type { PaymentGateway } from "@/server/payments/gateway";
import { releaseOrderPayment } from "@/server/payments/order-payment";

/** Terminal states whose orders left the warehouse; every other terminal state gives back. */
export const SHIPPED_STATES = new Set(["shipped"]);

/**
 * What ending an order means for stock and money, so no terminal state leaks either:
 * - `shipped`: reserved units are consumed (on_hand and reserved both drop);
 * - any other terminal state (rejected, cancelled…): reserved units are released and the
 *   payment voided (authorized) or refunded (captured).
 * Idempotent: a second call finds nothing reserved and no open payment. Writes one audit row
 * when it changed something.
 */
export async function settleTerminalOrder(
  db: Database, gateway: PaymentGateway, input: { orderId: string; state: string; now: Date },
): Promise<{ units: number; payment: "released" | "failed" | "none" }> {
  const shipped = SHIPPED_STATES.has(input.state);
  const { units } = await releaseOrderInventory(db, input.orderId, input.now, { consume: shipped });
  const pay = shipped ? null : await releaseOrderPayment(db, gateway, { orderId: input.orderId, now: input.now });
  const payment = pay === null ? "none" : pay.ok ? "released" : "failed";
  if (units > 0 || payment !== "none") {
    await db.insert(auditLog).values({
      at: input.now, actorType: "system", actorId: "workflow", entityType: "order", entityId: input.orderId,
      action: "settled", fromState: input.state, toState: input.state,
      data: { stock: shipped ? "consumed" : "released", units, payment, ...(pay && !pay.ok ? { paymentError: pay.code } : {}) },
    });
  }
  return { units, payment };
}
