import "server-only";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { intakePayloads, orders } from "@/db/schema";
import { cancelOrderExternally } from "@/server/workflows/order-runtime";
import type { RuntimeEvent } from "@/server/workflows/order-runtime";
import type { Channel, OrderStatus } from "./adapters/canonical-order";
import { finishPayload } from "./finish-payload";
import type { IntakeResult, StoredCanonical } from "./intake-status";
import { decideStatusUpdate } from "./status-rule";

type PayloadRow = typeof intakePayloads.$inferSelect;
export type ExistingOrder = { id: string; state: string; seq: number; versionId: number | null };
/** The payload's result, and the events to send once the transaction committed. */
export type ExistingOrderOutcome = { result: IntakeResult; events: RuntimeEvent[] };

/** The order a channel already sent under this external id, locked so updates to it serialise. */
export async function findIntakeOrderForUpdate(tx: Transaction, channel: Channel, externalId: string): Promise<ExistingOrder | null> {
  const [row] = await tx
    .select({ id: orders.id, state: orders.state, seq: orders.transitionSeq, versionId: orders.workflowVersionId })
    .from(orders)
    .where(and(eq(orders.channel, channel), eq(orders.externalId, externalId)))
    .for("update");
  return row ?? null;
}

/**
 * Idempotency and the state rule (server/intake/status-rule.ts) for a payload about an order
 * that exists: a replay creates nothing and returns the original result; a later channel
 * status is recorded; an earlier one is refused; a cancel stops the order if it hasn't shipped —
 * through the workflow runtime (cancelOrderExternally: guarded move, audit row, stock released;
 * the returned event settles the payment after commit).
 */
export async function applyToExistingOrder(
  tx: Transaction,
  row: PayloadRow,
  order: StoredCanonical,
  existing: ExistingOrder,
  now: Date,
): Promise<ExistingOrderOutcome> {
  const finish = async (result: Parameters<typeof finishPayload>[2]) => ({ result: await finishPayload(tx, row, result, now), events: [] });
  const accepted = and(eq(intakePayloads.orderId, existing.id), eq(intakePayloads.status, "accepted"));
  // A byte-identical redelivery of a payload already applied gets that payload's result,
  // whatever happened to the order since (e.g. a create redelivered after a cancel).
  if (row.correctedBody === null) {
    const [same] = await tx
      .select({ id: intakePayloads.id, action: intakePayloads.action })
      .from(intakePayloads)
      .where(and(accepted, eq(intakePayloads.bodySha256, row.bodySha256)))
      .orderBy(asc(intakePayloads.processedAt))
      .limit(1);
    if (same) return finish({ canonical: order, orderId: existing.id, status: "duplicate", duplicateOf: same.id, action: same.action });
  }
  const [original] = await tx
    .select({ id: intakePayloads.id })
    .from(intakePayloads)
    .where(and(accepted, eq(intakePayloads.action, "created")))
    .orderBy(asc(intakePayloads.processedAt))
    .limit(1);
  const [latest] = await tx
    .select({ status: intakePayloads.channelStatus })
    .from(intakePayloads)
    .where(accepted)
    .orderBy(desc(intakePayloads.processedAt))
    .limit(1);
  const recorded = (latest?.status ?? "open") as OrderStatus;
  const decision = decideStatusUpdate(recorded, order.status, existing.state);
  const base = { canonical: order, orderId: existing.id };

  switch (decision.kind) {
    case "duplicate":
      return finish({ ...base, status: "duplicate", duplicateOf: original?.id ?? null, action: "created" });
    case "advance":
      return finish({ ...base, status: "accepted", action: "status_advanced" });
    case "refuse": {
      const message =
        decision.reason === "already_shipped"
          ? `The order has already shipped (state ${existing.state}); the channel's cancellation was not applied`
          : `The channel status "${order.status}" would move the order back from "${recorded}"`;
      return finish({
        ...base,
        status: "rejected",
        reason: decision.reason,
        errors: [{ path: "status", message, code: decision.reason }],
      });
    }
    case "cancel": {
      const { event } = await cancelOrderExternally(tx, {
        orderId: existing.id,
        from: existing.state,
        seq: existing.seq,
        versionId: existing.versionId,
        actor: { type: "channel", id: order.channel },
        now,
        data: { event: "intake/cancelled", payloadId: row.id },
      });
      const { result } = await finish({ ...base, status: "accepted", action: "cancelled" });
      return { result, events: event ? [event] : [] };
    }
  }
}
