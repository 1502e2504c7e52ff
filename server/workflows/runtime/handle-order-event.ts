import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orderLines, orders } from "@/db/schema";
import { applyOrderEvents, type EventApplication, type EventOutcome } from "./apply-order-event";
import { stateEnteredEvent } from "./commit-transition";
import type { RuntimeEvent } from "./runtime-steps";

export type OrderEventInput = {
  event: string;
  orderId?: string;
  /** inventory/restocked: every order holding a line of this product. */
  productId?: string;
  /** payment/method_updated: every order of this customer. */
  customerId?: string;
  seq?: number;
  data?: Record<string, unknown>;
};

const FAN_OUT_LIMIT = 1_000;

/**
 * The orders an event concerns: the one named, or — for product / customer level events —
 * every order of that product or customer whose current state has a transition on the event.
 */
async function targets(db: Database, input: OrderEventInput): Promise<string[]> {
  if (input.orderId) return [input.orderId];
  // Only orders whose current state (in their pinned version) listens to this event.
  const open = sql`EXISTS (
    SELECT 1 FROM workflow_versions v, jsonb_array_elements(v.definition->'transitions') t
    WHERE v.id = ${orders.workflowVersionId} AND t->>'from' = ${orders.state}
      AND t->'trigger'->>'kind' = 'event' AND t->'trigger'->>'event' = ${input.event})`;
  if (input.productId) {
    const rows = await db
      .selectDistinct({ id: orders.id })
      .from(orders)
      .innerJoin(orderLines, eq(orderLines.orderId, orders.id))
      .where(and(eq(orderLines.productId, input.productId), open))
      .limit(FAN_OUT_LIMIT);
    return rows.map((r) => r.id);
  }
  if (input.customerId) {
    const rows = await db
      .select({ id: orders.id })
      .from(orders)
      .where(and(eq(orders.customerId, input.customerId), open))
      .limit(FAN_OUT_LIMIT);
    return rows.map((r) => r.id);
  }
  return [];
}

/**
 * Applies an event to the orders it concerns and returns the state-entered events to send
 * (after commit, by the caller). Each order is its own guarded commit.
 */
export async function handleOrderEvent(
  db: Database,
  input: OrderEventInput,
  opts: { now: Date; homeCountry: string; actorId: string },
): Promise<{ outcomes: Array<{ orderId: string } & EventOutcome>; next: RuntimeEvent[] }> {
  return handleOrderEvents(db, [{ ...input, actorId: opts.actorId }], opts);
}

/** handleOrderEvent for a batch of events (set-based, see applyOrderEvents), in arrival order. */
export async function handleOrderEvents(
  db: Database,
  inputs: ReadonlyArray<OrderEventInput & { actorId?: string }>,
  opts: { now: Date; homeCountry: string; actorId?: string },
): Promise<{ outcomes: Array<{ orderId: string } & EventOutcome>; next: RuntimeEvent[] }> {
  const applications: EventApplication[] = [];
  for (const input of inputs) {
    for (const orderId of await targets(db, input)) {
      applications.push({
        orderId,
        event: input.event,
        seq: input.orderId ? input.seq : undefined,
        actor: { type: "system" as const, id: input.actorId ?? opts.actorId ?? `event:${input.event}` },
        now: opts.now,
        homeCountry: opts.homeCountry,
        data: input.data,
      });
    }
  }
  const results = await applyOrderEvents(db, applications);
  const outcomes = results.map((r, i) => ({ orderId: applications[i]!.orderId, ...r }));
  const next = outcomes.flatMap((o) => (o.applied ? [stateEnteredEvent(o.orderId, o.to, o.versionId, o.seq)] : []));
  return { outcomes, next };
}
