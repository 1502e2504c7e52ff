import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { auditLog, intakePayloads, orders } from "@/db/schema";
import type { Channel, OrderStatus } from "./adapters/canonical-order";
import { finishPayload } from "./finish-payload";
import type { IntakeResult, StoredCanonical } from "./intake-status";
import { decideStatusUpdate } from "./status-rule";

type PayloadRow = typeof intakePayloads.$inferSelect;
export type ExistingOrder = { id: string; state: string };

/** The order a channel already sent under this external id, locked so updates to it serialise. */
export async function findIntakeOrderForUpdate(tx: Transaction, channel: Channel, externalId: string): Promise<ExistingOrder | null> {
  const [row] = await tx.select({ id: orders.id, state: orders.state }).from(orders)
    .where(and(eq(orders.channel, channel), eq(orders.externalId, externalId))).for("update");
  return row ?? null;
}

/**
 * Idempotency and the state rule (server/intake/status-rule.ts) for a payload about an order
 * that exists: a replay creates nothing and returns the original result; a later channel
 * status is recorded; an earlier one is refused; a cancel stops the order if it hasn't shipped.
 */
export async function applyToExistingOrder(
  tx: Transaction, row: PayloadRow, order: StoredCanonical, existing: ExistingOrder, now: Date,
): Promise<IntakeResult> {
  const accepted = and(eq(intakePayloads.orderId, existing.id), eq(intakePayloads.status, "accepted"));
  // A byte-identical redelivery of a payload already applied gets that payload's result,
  // whatever happened to the order since (e.g. a create redelivered after a cancel).
  if (row.correctedBody === null) {
    const [same] = await tx.select({ id: intakePayloads.id, action: intakePayloads.action }).from(intakePayloads)
      .where(and(accepted, eq(intakePayloads.bodySha256, row.bodySha256))).orderBy(asc(intakePayloads.processedAt)).limit(1);
    if (same) return finishPayload(tx, row, { canonical: order, orderId: existing.id, status: "duplicate", duplicateOf: same.id, action: same.action }, now);
  }
  const [original] = await tx.select({ id: intakePayloads.id }).from(intakePayloads)
    .where(and(accepted, eq(intakePayloads.action, "created"))).orderBy(asc(intakePayloads.processedAt)).limit(1);
  const [latest] = await tx.select({ status: intakePayloads.channelStatus }).from(intakePayloads)
    .where(accepted).orderBy(desc(intakePayloads.processedAt)).limit(1);
  const recorded = (latest?.status ?? "open") as OrderStatus;
  const decision = decideStatusUpdate(recorded, order.status, existing.state);
  const base = { canonical: order, orderId: existing.id };

  switch (decision.kind) {
    case "duplicate":
      return finishPayload(tx, row, { ...base, status: "duplicate", duplicateOf: original?.id ?? null, action: "created" }, now);
    case "advance":
      return finishPayload(tx, row, { ...base, status: "accepted", action: "status_advanced" }, now);
    case "refuse": {
      const message = decision.reason === "already_shipped"
        ? `The order has already shipped (state ${existing.state}); the channel's cancellation was not applied`
        : `The channel status "${order.status}" would move the order back from "${recorded}"`;
      return finishPayload(tx, row, {
        ...base, status: "rejected", reason: decision.reason, errors: [{ path: "status", message, code: decision.reason }],
      }, now);
    }
    case "cancel":
      await cancelOrder(tx, existing, { channel: order.channel, payloadId: row.id, now });
      return finishPayload(tx, row, { ...base, status: "accepted", action: "cancelled" }, now);
  }
}

/**
 * Guarded transition to `cancelled` (… WHERE state = :seen, the row is locked) that also bumps
 * transition_seq, so any workflow step still in flight for the old state can no longer commit.
 * Stock the order held is released in the same transaction.
 */
async function cancelOrder(tx: Transaction, existing: ExistingOrder, ctx: { channel: Channel; payloadId: string; now: Date }) {
  const moved = await tx.update(orders)
    .set({ state: "cancelled", stateEnteredAt: ctx.now, transitionSeq: sql`${orders.transitionSeq} + 1` })
    .where(and(eq(orders.id, existing.id), eq(orders.state, existing.state))).returning({ id: orders.id });
  if (moved.length === 0) throw new Error("order state changed under a row lock");
  await tx.execute(sql`
    UPDATE inventory v SET reserved = v.reserved - r.qty, updated_at = now()
    FROM (SELECT product_id, SUM(reserved_quantity)::int AS qty FROM order_lines
          WHERE order_id = ${existing.id} AND reserved_quantity > 0 GROUP BY product_id) r
    WHERE v.product_id = r.product_id`);
  await tx.execute(sql`UPDATE order_lines SET reserved_quantity = 0 WHERE order_id = ${existing.id} AND reserved_quantity > 0`);
  await tx.insert(auditLog).values({
    actorType: "channel", actorId: ctx.channel, entityType: "order", entityId: existing.id, action: "intake_cancelled",
    fromState: existing.state, toState: "cancelled", at: ctx.now, data: { payloadId: ctx.payloadId },
  });
}
