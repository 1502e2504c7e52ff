import "server-only";
import type { Transaction } from "@/db/client";
import { insertOrders } from "@/server/orders/insert-orders";

export interface ChildOrderToCreate {
  subscriptionId: string;
  customerId: string;
  /** The subscription's quantity and address (null = the customer's default). */
  quantity: number;
  addressId: string | null;
  /** The occasion index (one cycle per occasion). */
  cycleIndex: number;
  /** The resolved item (substitution applied): the order's only line. */
  productId: string;
  scheduledFor: Date;
  meta: Record<string, unknown>;
}

export interface CreatedChildOrder {
  orderId: string;
  subscriptionId: string;
  cycleIndex: number;
  backordered: boolean;
}

/**
 * Creates program child orders through server/orders' insertOrders — generation's rules
 * (idempotent on (subscription_id, cycle_index), catalog price, stock reserved by the batch
 * rule, a `cycle_generated` audit row) except that each order's line is the given resolved
 * item, not the subscription's product (which is the program's parent). The line carries the
 * program meta (event, series item, substitution) so staff can see why this item shipped.
 */
export async function insertChildOrders(tx: Transaction, items: readonly ChildOrderToCreate[], now: Date): Promise<CreatedChildOrder[]> {
  const inserted = await insertOrders(
    tx,
    items.map((o) => ({
      customerId: o.customerId,
      kind: "subscription" as const,
      subscriptionId: o.subscriptionId,
      cycleIndex: o.cycleIndex,
      addressId: o.addressId,
      scheduledFor: o.scheduledFor,
      lines: [{ productId: o.productId, quantity: o.quantity, meta: o.meta }],
      auditData: { scheduledFor: o.scheduledFor.toISOString(), productId: o.productId, program: o.meta, quantity: o.quantity },
    })),
    now,
    {
      reserve: true,
      audit: { entity: "subscription", actor: { type: "system", id: "generation" }, action: "cycle_generated" },
    },
  );
  return inserted.map(({ index, orderId, backordered }) => ({
    orderId,
    subscriptionId: items[index]!.subscriptionId,
    cycleIndex: items[index]!.cycleIndex,
    backordered,
  }));
}
