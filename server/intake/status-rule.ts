import { CLOSED_STATES, SHIPPED_STATES } from "@/server/orders/order-states";
import type { OrderStatus } from "./adapters/canonical-order";

/**
 * State rule for a payload about an order that already exists (same channel + external id).
 * Channel statuses only move forward: open → paid → fulfilled; cancelled ends the line.
 *
 * | incoming vs recorded                          | decision                                 |
 * | --------------------------------------------- | ---------------------------------------- |
 * | same status                                   | duplicate: original result, nothing made |
 * | later (open→paid, paid→fulfilled…)            | advance: recorded on the payload only    |
 * | earlier, or anything after cancelled          | refuse `state_regression`                |
 * | cancelled, order not shipped/closed           | cancel: through the workflow runtime     |
 * | cancelled, order already shipped              | refuse `already_shipped`                 |
 * | cancelled, order already cancelled/rejected   | advance (nothing left to stop)           |
 */
export type StatusDecision =
  { kind: "duplicate" } | { kind: "advance" } | { kind: "cancel" } | { kind: "refuse"; reason: "state_regression" | "already_shipped" };

const RANK: Record<OrderStatus, number> = { open: 0, paid: 1, fulfilled: 2, cancelled: 3 };

export function decideStatusUpdate(recorded: OrderStatus, incoming: OrderStatus, orderState: string): StatusDecision {
  if (incoming === recorded) return { kind: "duplicate" };
  if (incoming === "cancelled") {
    if (SHIPPED_STATES.includes(orderState)) return { kind: "refuse", reason: "already_shipped" };
    if (CLOSED_STATES.includes(orderState)) return { kind: "advance" };
    return { kind: "cancel" };
  }
  if (recorded === "cancelled" || RANK[incoming] < RANK[recorded]) return { kind: "refuse", reason: "state_regression" };
  return { kind: "advance" };
}
