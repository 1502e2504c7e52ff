import "server-only";
import type { Transaction } from "@/db/client";
import { insertOrders, type OrderDraft } from "@/server/orders/insert-orders";
import { advanceCursors, consumeDiscounts, type CursorMove } from "@/server/subscriptions/transition";

/** What a batch does to one locked subscription: move its cursor, and maybe create one order. */
export interface CycleWrite extends CursorMove {
  /** The cycle's order, from the locked row's columns; absent for skips and completions. */
  order: null | {
    cycleIndex: number;
    runAt: Date;
    customerId: string;
    addressId: string | null;
    /** The product (or this cycle's swap) × quantity, then the cycle's one-time add-ons (cycle-lines.ts). */
    lines: readonly OrderLine[];
    /** Merged into the `cycle_generated` audit row (swap / add-on facts), absent when there are none. */
    auditData?: Record<string, unknown>;
    /** An accepted save offer's percentage off (null = none); counted down for each order created. */
    discountPercent: number | null;
  };
}

type OrderLine = { productId: string; quantity: number };

export interface CreatedOrder {
  orderId: string;
  subscriptionId: string;
  cycleIndex: number;
  backordered: boolean;
}

/**
 * Applies a whole batch: every cursor moved (one guarded UPDATE, advanceCursors in server/subscriptions/transition.ts), and the cycles'
 * orders created by server/orders' insertOrders — line priced from products.price_minor now,
 * stock reserved by the batch rule in claim order, a `cycle_generated` audit row each, and
 * idempotent on (subscription_id, cycle_index). A save-offer discount is applied to the order's
 * totals and counted down for the orders actually created (consumeDiscounts). Two statements per
 * batch (one more when some order is backordered, one more when some order is discounted). Returns how many cursors moved (the caller checks it against the
 * batch) and the orders created.
 */
export async function applyCycles(tx: Transaction, writes: readonly CycleWrite[], now: Date): Promise<{ moved: number; created: CreatedOrder[] }> {
  if (writes.length === 0) return { moved: 0, created: [] };
  const moved = await advanceCursors(tx, writes, now);
  const ordering = writes.filter((w) => w.order !== null);
  const drafts = ordering.map((w): OrderDraft => {
    const o = w.order!;
    return {
      customerId: o.customerId,
      kind: "subscription",
      subscriptionId: w.subscriptionId,
      cycleIndex: o.cycleIndex,
      addressId: o.addressId,
      scheduledFor: o.runAt,
      lines: o.lines,
      discountPercent: o.discountPercent,
      auditData: {
        nextRunAt: w.nextRunAt?.toISOString() ?? null,
        ...(o.discountPercent ? { discountPercent: o.discountPercent } : {}),
        ...o.auditData,
      },
    };
  });
  const inserted = await insertOrders(tx, drafts, now, {
    reserve: true,
    audit: { entity: "subscription", actor: { type: "system", id: "generation" }, action: "cycle_generated" },
  });
  const created = inserted.map(({ index, orderId, backordered }) => ({
    orderId,
    subscriptionId: ordering[index]!.subscriptionId,
    cycleIndex: ordering[index]!.order!.cycleIndex,
    backordered,
  }));
  await consumeDiscounts(
    tx,
    inserted.filter(({ index }) => ordering[index]!.order!.discountPercent).map(({ index }) => ordering[index]!.subscriptionId),
    now,
  );
  return { moved, created };
}
