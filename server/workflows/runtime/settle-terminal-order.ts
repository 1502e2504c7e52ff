import "server-only";
import { mapLimit } from "@/server/lib/map-limit";
import { sql } from "drizzle-orm";
import { orderAuditRows } from "@/server/orders/order-audit-rows";
import type { Database } from "@/db/client";
import { SHIPPED_STATES as SHIPPED_ORDER_STATES } from "@/server/orders/order-states";
import { releaseStock } from "@/server/orders/release-stock";
import type { PaymentGateway } from "@/server/payments/gateway";
import { releaseOrderPayment } from "@/server/payments/order-payment";

/** Terminal states whose orders left the warehouse (server/orders); every other terminal state gives back. */
export const SHIPPED_STATES: ReadonlySet<string> = new Set(SHIPPED_ORDER_STATES);

export type Settlement = { units: number; payment: "released" | "failed" | "none" };

/**
 * What ending an order means for stock and money, so no terminal state leaks either:
 * - `shipped`: reserved units are consumed (on_hand and reserved both drop);
 * - any other terminal state (rejected, cancelled…): reserved units are released and the
 *   payment voided (authorized) or refunded (captured).
 * Idempotent: a second call finds nothing reserved and no open payment. Writes one audit row
 * when it changed something.
 */
export async function settleTerminalOrder(
  db: Database,
  gateway: PaymentGateway,
  input: { orderId: string; state: string; now: Date },
): Promise<Settlement> {
  return (await settleTerminalOrders(db, gateway, [input], { parallelism: 1 }))[0] as Settlement;
}

/**
 * settleTerminalOrder for many orders: stock set-based per kind of ending, then each open
 * payment released by its own gateway call (no transaction open), then the audit rows in one
 * statement. Results in input order.
 */
export async function settleTerminalOrders(
  db: Database,
  gateway: PaymentGateway,
  inputs: ReadonlyArray<{ orderId: string; state: string; now: Date }>,
  opts: { parallelism: number },
): Promise<Settlement[]> {
  if (inputs.length === 0) return [];
  const now = inputs[0]!.now;
  const shipped = inputs.filter((i) => SHIPPED_STATES.has(i.state)).map((i) => i.orderId);
  const others = inputs.filter((i) => !SHIPPED_STATES.has(i.state)).map((i) => i.orderId);
  const units = new Map([...(await releaseStock(db, shipped, now, { consume: true })), ...(await releaseStock(db, others, now))]);
  const payments = new Map<string, Awaited<ReturnType<typeof releaseOrderPayment>>>();
  await mapLimit(others, opts.parallelism, async (orderId) => {
    payments.set(orderId, await releaseOrderPayment(db, gateway, { orderId, now }));
  });
  const results = inputs.map((i): Settlement => {
    const pay = payments.get(i.orderId) ?? null;
    return { units: units.get(i.orderId) ?? 0, payment: pay === null ? "none" : pay.ok ? "released" : "failed" };
  });
  const audits = inputs.flatMap((i, n) => {
    const r = results[n]!;
    if (r.units === 0 && r.payment === "none") return [];
    const pay = payments.get(i.orderId);
    const data = {
      stock: SHIPPED_STATES.has(i.state) ? "consumed" : "released",
      units: r.units,
      payment: r.payment,
      ...(pay && !pay.ok ? { paymentError: pay.code } : {}),
    };
    return [{ id: i.orderId, state: i.state, at: i.now.toISOString(), data }];
  });
  if (audits.length > 0) {
    await db.execute(
      orderAuditRows(
        {
          at: sql`a.at`,
          actorType: sql`'system'`,
          actorId: sql`'workflow'`,
          entityId: sql`a.id`,
          action: sql`'settled'`,
          fromState: sql`a.state`,
          toState: sql`a.state`,
          data: sql`a.data`,
        },
        sql`jsonb_to_recordset(${JSON.stringify(audits)}::jsonb) AS a(id text, state text, at timestamptz, data jsonb)`,
      ),
    );
  }
  return results;
}
