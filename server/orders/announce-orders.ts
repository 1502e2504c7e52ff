import "server-only";
import { inngest } from "@/inngest/client";
import { orderCreated } from "@/inngest/events";

/** Inngest accepts at most a few MB per send; 500 small events stay far below it. */
export const ANNOUNCE_CHUNK = 500;

/** The event for one order, with a deterministic id so a re-send is deduplicated by Inngest. */
export function orderCreatedEvent(orderId: string) {
  return orderCreated.create({ orderId }, { id: `order-created-${orderId}` });
}

export type AnnounceSend = (chunk: number, events: ReturnType<typeof orderCreatedEvent>[]) => Promise<unknown>;

/**
 * Hands created orders to the workflow runtime (`order/created`), AFTER the transaction that
 * created them committed; every creator (generation, subscriptions, continuity, intake) calls
 * this. ONE failure policy: a failed send is logged, never thrown — the orders exist, and the
 * request or run that made them must still succeed (a client retrying "create" would make a
 * second subscription). The one sweeper, redriveStuckOrders (inngest/functions/sweep-stuck-orders),
 * re-announces every order never pinned to a workflow, with the same event id.
 *
 * `send` defaults to the Inngest client; an Inngest function passes its `step.sendEvent`
 * (memoized, so a replayed run does not send twice). Returns how many orders were announced.
 */
export async function announceOrders(orderIds: readonly string[], send: AnnounceSend = defaultSend): Promise<number> {
  let sent = 0;
  for (let i = 0; i < orderIds.length; i += ANNOUNCE_CHUNK) {
    const chunk = orderIds.slice(i, i + ANNOUNCE_CHUNK);
    try {
      await send(i / ANNOUNCE_CHUNK, chunk.map(orderCreatedEvent));
      sent += chunk.length;
    } catch (e) {
      console.error(
        `[orders] order/created not sent for ${chunk.length} orders; the stuck-order sweeper will re-announce them`,
        e instanceof Error ? e.message : e,
      );
    }
  }
  return sent;
}

const defaultSend: AnnounceSend = (_chunk, events) => inngest.send(events);
