import "server-only";
import type { Database } from "@/db/client";
import { AppError, conflict, notFound } from "@/server/errors/app-error";
import { applyOrderEvent } from "./apply-order-event";
import { stateEnteredEvent } from "./commit-transition";
import { sendAfterCommit, type SendEvents } from "./submit-review-decision";

/** Events with their own Inngest trigger; any other name travels in the order/event envelope. */
const NAMED_EVENTS = new Set(["order/shipped", "inventory/restocked", "payment/method_updated"]);
const RESERVED = new Set(["order/created", "order/state.entered", "order/approval.decided", "order/event"]);

/**
 * Staff sending an event to one order (e.g. "mark shipped"): applied at once with a guarded
 * commit (CONFLICT if the order's current state has no transition on it), then the event is
 * sent for other listeners — carrying the consumed `seq`, so apply-order-event treats it as
 * already applied — together with the next state's event.
 */
export async function sendOrderEvent(
  db: Database,
  send: SendEvents,
  input: { orderId: string; event: string; data?: Record<string, unknown>; userId: string; now: Date; homeCountry: string },
): Promise<{ state: string; seq: number }> {
  if (RESERVED.has(input.event)) {
    throw new AppError("VALIDATION", "This event is sent by the system", { event: "Use the review queue or let the engine send it" });
  }
  const r = await applyOrderEvent(db, {
    orderId: input.orderId,
    event: input.event,
    actor: { type: "user", id: input.userId },
    now: input.now,
    homeCountry: input.homeCountry,
    data: input.data,
  });
  if (!r.applied) {
    if (r.reason === "not_started") throw notFound("Started order");
    throw conflict(`The order's current state does not accept "${input.event}".`);
  }
  const fromSeq = r.seq - 1;
  const id = `order-${input.orderId}-${fromSeq}-${input.event}`;
  const payload = NAMED_EVENTS.has(input.event)
    ? { name: input.event, id, data: { ...input.data, orderId: input.orderId, seq: fromSeq } }
    : { name: "order/event", id, data: { orderId: input.orderId, event: input.event, seq: fromSeq, ...(input.data ? { data: input.data } : {}) } };
  await sendAfterCommit(send, [payload, stateEnteredEvent(input.orderId, r.to, r.versionId, r.seq)]);
  return { state: r.to, seq: r.seq };
}
