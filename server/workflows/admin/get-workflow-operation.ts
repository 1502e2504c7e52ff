import "server-only";
import { and, desc, eq, inArray, lt } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workflowOperations } from "@/db/schema";
import { notFound } from "@/server/errors/app-error";
import type { OperationProgress } from "./operate.schema";

const toProgress = (op: typeof workflowOperations.$inferSelect): OperationProgress => ({
  id: op.id,
  kind: op.kind,
  status: op.status,
  total: op.total,
  processed: op.processed,
  succeeded: op.succeeded,
  skipped: op.skipped,
  createdAt: op.createdAt.toISOString(),
  updatedAt: op.updatedAt.toISOString(),
});

/** One operation's progress (the progress bar polls it). */
export async function getWorkflowOperationOrThrow(db: DbOrTx, workflowId: number, operationId: string): Promise<OperationProgress> {
  const [op] = await db
    .select()
    .from(workflowOperations)
    .where(and(eq(workflowOperations.id, operationId), eq(workflowOperations.workflowId, workflowId)));
  if (!op) throw notFound("Operation");
  return toProgress(op);
}

/** The workflow's latest operations, newest first. */
export async function listWorkflowOperations(db: DbOrTx, workflowId: number): Promise<OperationProgress[]> {
  const rows = await db
    .select()
    .from(workflowOperations)
    .where(eq(workflowOperations.workflowId, workflowId))
    .orderBy(desc(workflowOperations.createdAt))
    .limit(20);
  return rows.map(toProgress);
}

/** Operations left queued/running without progress for 2 minutes (lost event, crashed run): the cron resumes them. */
export async function stalledWorkflowOperations(db: DbOrTx, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: workflowOperations.id })
    .from(workflowOperations)
    .where(and(inArray(workflowOperations.status, ["queued", "running"]), lt(workflowOperations.updatedAt, new Date(now.getTime() - 120_000))));
  return rows.map((r) => r.id);
}
