import "server-only";
import { sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, workflowOperations } from "@/db/schema";
import { conflict } from "@/server/errors/app-error";
import { selectionWhere } from "../queries/select-orders";
import { getWorkflowOrThrow } from "./get-workflow";
import type { BulkAction, MigrationRequest, OrderSelection } from "./operate.schema";
import { planMigration } from "./plan-migration";

export type StartedOperation = { operationId: string; total: number };

type Start = { workflowId: number; userId: string; now: Date } & (
  { kind: BulkAction; filter: OrderSelection } | { kind: "migrate"; migration: MigrationRequest }
);

/**
 * Queues a bulk action or a migration as a workflow_operations row (what the durable job runs
 * and the progress bar polls) with a `workflow` audit row naming the user; the caller sends
 * `workflow/operation.requested` after commit. A filter or mapping matching no order is refused
 * (CONFLICT), so an empty job never runs. The filter's non-emptiness is the schema's job.
 */
export async function startWorkflowOperation(db: Database, s: Start): Promise<StartedOperation> {
  return db.transaction(async (tx) => {
    await getWorkflowOrThrow(tx, s.workflowId);
    let total: number;
    let filter: Record<string, unknown>;
    let params: Record<string, unknown> = {};
    if (s.kind === "migrate") {
      const plan = await planMigration(tx, s.workflowId, s.migration);
      total = plan.migratable;
      filter = { versionId: plan.fromVersionId };
      params = { fromVersionId: plan.fromVersionId, toVersionId: plan.toVersionId, mapping: plan.mapping };
    } else {
      const [c] = await tx.execute<{ n: number }>(sql`SELECT count(*)::int AS n FROM orders o WHERE ${selectionWhere(s.workflowId, s.filter)}`);
      total = c?.n ?? 0;
      filter = s.filter;
    }
    if (total === 0) throw conflict("No order matches; nothing to do");
    const [op] = await tx
      .insert(workflowOperations)
      .values({
        workflowId: s.workflowId,
        kind: s.kind,
        filter,
        params,
        status: "queued",
        total,
        actorId: s.userId,
        createdAt: s.now,
        updatedAt: s.now,
      })
      .returning({ id: workflowOperations.id });
    await tx.insert(auditLog).values({
      at: s.now,
      actorType: "user",
      actorId: s.userId,
      entityType: "workflow",
      entityId: String(s.workflowId),
      action: s.kind === "migrate" ? "migration_started" : "bulk_operation_started",
      data: { operationId: op!.id, kind: s.kind, filter, ...params, total },
    });
    return { operationId: op!.id, total };
  });
}
