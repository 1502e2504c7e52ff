import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { workflows, workflowVersions } from "@/db/schema";
import { env } from "@/server/env";
import { defaultWorkflowDefinition } from "../model";

export const DEFAULT_WORKFLOW_NAME = "default";

/**
 * Ensures the workflow named "default" exists with version 1 published (the default
 * definition, threshold from APPROVAL_THRESHOLD_MINOR). Idempotent and race-safe: the name
 * and (workflow, version) are unique, so concurrent callers converge on the same rows and an
 * existing workflow — even one an admin has since republished — is never touched.
 * No `server-only` import: the seed scripts run it outside Next.js.
 */
export async function seedDefaultWorkflow(db: Database, opts: { approvalThresholdMinor?: number } = {}) {
  const definition = defaultWorkflowDefinition({
    approvalThresholdMinor: opts.approvalThresholdMinor ?? env().APPROVAL_THRESHOLD_MINOR,
  });
  return db.transaction(async (tx) => {
    await tx.insert(workflows).values({ name: DEFAULT_WORKFLOW_NAME, draft: definition }).onConflictDoNothing();
    const [wf] = await tx.select({ id: workflows.id }).from(workflows).where(eq(workflows.name, DEFAULT_WORKFLOW_NAME));
    if (!wf) throw new Error("default workflow row missing after insert");
    const [{ count } = { count: 0 }] = await tx
      .select({ count: sql<number>`count(*)::int` })
      .from(workflowVersions)
      .where(eq(workflowVersions.workflowId, wf.id));
    if (count === 0) {
      await tx.insert(workflowVersions).values({ workflowId: wf.id, version: 1, definition }).onConflictDoNothing();
    }
    return { workflowId: wf.id };
  });
}
