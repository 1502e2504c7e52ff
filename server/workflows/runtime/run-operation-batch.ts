import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database, Transaction } from "@/db/client";
import { workflowOperations } from "@/db/schema";
import { CANCELLED_STATE } from "@/server/orders/order-states";
import { releaseStock } from "@/server/orders/release-stock";
import type { BulkAction, OrderSelection } from "../admin/operate.schema";
import { selectionWhere } from "../queries/select-orders";
import { commitTransitions, stateEnteredEvent } from "./commit-transition";
import { migrateOrders, type MigrationParams } from "./migrate-orders";
import { type BulkRow, planBulkMoves } from "./plan-bulk-moves";
import type { RuntimeEvent } from "./runtime-steps";

export const OPERATION_BATCH_SIZE = 100;

export type BatchResult = { done: boolean; processed: number; succeeded: number; events: RuntimeEvent[] };

/**
 * Runs the next batch of a workflow operation (bulk action or migration) in ONE transaction:
 * the operation row is locked (two runners never take the same batch), the next orders after
 * its cursor (by id) that still match are locked and moved with the runtime's guarded commits —
 * each with an audit row naming the user who started it — and the progress and cursor advance.
 * A crash rolls the batch back; the next run resumes at the cursor. Events for the moved
 * orders are returned for the caller to send after commit.
 */
export async function runOperationBatch(db: Database, operationId: string, now: Date): Promise<BatchResult> {
  return db.transaction(async (tx) => {
    const [op] = await tx.select().from(workflowOperations).where(eq(workflowOperations.id, operationId)).for("update");
    if (!op || op.status === "done") return { done: true, processed: 0, succeeded: 0, events: [] };
    const where =
      op.kind === "migrate"
        ? sql`o.workflow_version_id = ${(op.params as MigrationParams).fromVersionId}`
        : selectionWhere(op.workflowId, op.filter as OrderSelection);
    const rows = [
      ...(await tx.execute<BulkRow>(sql`
        SELECT o.id::text, o.state, o.transition_seq AS seq, o.workflow_version_id AS version_id FROM orders o
        WHERE ${where} ${op.cursor ? sql`AND o.id > ${op.cursor}::uuid` : sql``}
        ORDER BY o.id LIMIT ${OPERATION_BATCH_SIZE} FOR UPDATE OF o`)),
    ];
    const actor = { type: "user" as const, id: op.actorId ?? "unknown" };
    const events =
      op.kind === "migrate"
        ? await migrateOrders(tx, rows, op.params as MigrationParams, { operationId, actor, now })
        : await applyBulk(tx, op.kind as BulkAction, rows, { operationId, actor, now });
    const done = rows.length < OPERATION_BATCH_SIZE;
    await tx
      .update(workflowOperations)
      .set({
        status: done ? "done" : "running",
        processed: sql`${workflowOperations.processed} + ${rows.length}`,
        succeeded: sql`${workflowOperations.succeeded} + ${events.length}`,
        skipped: sql`${workflowOperations.skipped} + ${rows.length - events.length}`,
        cursor: rows.at(-1)?.id ?? op.cursor,
        updatedAt: now,
      })
      .where(eq(workflowOperations.id, operationId));
    return { done, processed: rows.length, succeeded: events.length, events };
  });
}

type Ctx = { operationId: string; actor: { type: "user"; id: string }; now: Date };

async function applyBulk(tx: Transaction, action: BulkAction, rows: BulkRow[], ctx: Ctx): Promise<RuntimeEvent[]> {
  const moves = await planBulkMoves(tx, action, rows);
  const results = await commitTransitions(
    tx,
    moves.map((m) => ({
      orderId: m.row.id,
      from: m.row.state,
      seq: m.row.seq,
      to: m.to,
      versionId: m.row.version_id,
      via: "manual" as const,
      edgeId: m.edgeId,
      firedGuard: `bulk ${action}`,
      inputs: {},
      actor: ctx.actor,
      now: ctx.now,
      extra: { bulk: action, operationId: ctx.operationId, ...m.extra },
    })),
  );
  const moved = moves.flatMap((m, i) => {
    const r = results[i];
    return r?.committed ? [{ ...m, seq: r.seq }] : [];
  });
  const cancelled = moved.filter((m) => m.to === CANCELLED_STATE).map((m) => m.row.id);
  if (cancelled.length > 0) await releaseStock(tx, cancelled, ctx.now);
  return moved.map((m) => stateEnteredEvent(m.row.id, m.to, m.row.version_id, m.seq));
}
