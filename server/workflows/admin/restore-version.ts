import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, workflows } from "@/db/schema";
import { type Problem, validateDefinition } from "../model";
import { loadWorkflowVersionOrThrow } from "./load-workflow-version";

/**
 * Makes an earlier published version the draft again (rollback = restore + publish). The
 * version itself is untouched and orders pinned to any version keep running it; the old
 * draft is replaced, recorded in the audit row so nothing is silently lost.
 */
export async function restoreVersion(
  db: Database,
  input: { workflowId: number; versionId: number; userId: string; now: Date },
): Promise<{ problems: Problem[]; draftUpdatedAt: string; version: number }> {
  return db.transaction(async (tx) => {
    const v = await loadWorkflowVersionOrThrow(tx, input.workflowId, input.versionId, "versionId");
    const [old] = await tx.select({ draft: workflows.draft }).from(workflows).where(eq(workflows.id, input.workflowId)).for("update");
    await tx.update(workflows).set({ draft: v.definition, draftUpdatedAt: input.now }).where(eq(workflows.id, input.workflowId));
    await tx.insert(auditLog).values({
      at: input.now,
      actorType: "user",
      actorId: input.userId,
      entityType: "workflow",
      entityId: String(input.workflowId),
      action: "draft_restored",
      data: { versionId: v.versionId, version: v.version, replacedDraft: old?.draft ?? null },
    });
    return { problems: validateDefinition(v.definition), draftUpdatedAt: input.now.toISOString(), version: v.version };
  });
}
