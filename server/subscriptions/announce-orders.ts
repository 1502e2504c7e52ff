import "server-only";
import { emitOrderCreated } from "../generation/emit-order-created";

/**
 * Sends `order/created` for orders a committed transaction created. A failed send must not
 * fail the request: the orders exist, and a client retrying "create" would make a second
 * subscription. The workflow sweeper (server/workflows/runtime/redrive-stuck-orders.ts)
 * re-sends order/created for any order that never started its workflow.
 */
export async function announceOrders(orders: ReadonlyArray<{ orderId: string }>): Promise<void> {
  if (orders.length === 0) return;
  try {
    await emitOrderCreated(orders);
  } catch (e) {
    console.error("[subscriptions] order/created not sent; the generation sweeper will re-send it", e instanceof Error ? e.message : e);
  }
}
