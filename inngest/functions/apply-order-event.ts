import type { Inngest } from "inngest";
import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { handleOrderEvents, type OrderEventInput } from "@/server/workflows/runtime/handle-order-event";
import { inngest } from "../client";
import { inventoryRestocked, orderEvent, orderShipped, paymentMethodUpdated } from "../events";
import { workflowBatching } from "./workflow-batching";

/** Events named in workflow definitions that this function applies (others: the order/event envelope). */
export const ORDER_EVENT_TRIGGERS = [orderShipped, inventoryRestocked, paymentMethodUpdated, orderEvent];

function toInput(name: string, data: Record<string, unknown>): OrderEventInput {
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const seq = typeof data.seq === "number" ? data.seq : undefined;
  if (name === orderEvent.name) {
    const extra = data.data && typeof data.data === "object" ? (data.data as Record<string, unknown>) : undefined;
    return { event: str(data.event) ?? name, orderId: str(data.orderId), seq, data: extra };
  }
  return { event: name, orderId: str(data.orderId), productId: str(data.productId), customerId: str(data.customerId), seq, data };
}

/**
 * External events that move orders (order/shipped from the WMS, inventory/restocked,
 * payment/method_updated, or any name wrapped in order/event), in batches: applied straight to
 * Postgres with guarded commits (set-based), then the next states are driven. Nothing waits
 * for these events in a run, so one that arrives early is never lost.
 */
export function createApplyOrderEvent(client: Inngest) {
  const { batchEvents } = workflowBatching();
  return client.createFunction({ id: "apply-order-event", triggers: ORDER_EVENT_TRIGGERS, batchEvents }, async ({ events, step }) => {
    const inputs = events.map((event) => {
      const input = toInput(event.name, event.data as Record<string, unknown>);
      return { ...input, actorId: `event:${input.event}` };
    });
    const r = await step.run("apply", () => handleOrderEvents(getDb(), inputs, { now: new Date(), homeCountry: env().HOME_COUNTRY }));
    if (r.next.length > 0) await step.sendEvent("enter-next", r.next);
    return { events: inputs.length, applied: r.outcomes.filter((o) => o.applied).length };
  });
}

export const applyOrderEventFunction = createApplyOrderEvent(inngest);
