import "server-only";
import { inngest } from "@/inngest/client";
import { orderCreated } from "@/inngest/events";
import type { GeneratedOrder } from "./generate-for-rows";

/** Inngest accepts at most a few MB per send; 500 small events stay far below it. */
const CHUNK = 500;

/** The event for one order, with a deterministic id so a re-send is deduplicated by Inngest. */
export function orderCreatedEvent(orderId: string) {
  return orderCreated.create({ orderId }, { id: `order-created-${orderId}` });
}

/**
 * Announces created orders to the workflow runtime. Call AFTER the transaction that created
 * them committed. If the process dies before this runs, the orders still exist with no
 * workflow pinned, and the workflow sweeper (sweep-stuck-orders) re-sends their events.
 */
export async function emitOrderCreated(orders: readonly Pick<GeneratedOrder, "orderId">[]): Promise<void> {
  for (let i = 0; i < orders.length; i += CHUNK) {
    await inngest.send(orders.slice(i, i + CHUNK).map((o) => orderCreatedEvent(o.orderId)));
  }
}
