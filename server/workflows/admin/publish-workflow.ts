import "server-only";
import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, workflows, workflowVersions } from "@/db/schema";
import { notFound } from "@/server/errors/app-error";
import { hasErrors, type Problem, validateDefinition, workflowDefinitionSchema } from "../model";

export type PublishResult = { ok: true; versionId: number; version: number } | { ok: false; problems: Problem[] };

/**
 * Publishes the current draft as the next immutable version (1, 2, 3…) — refused while
 * validateDefinition reports errors. The workflow row is locked so two publishes number
 * their versions in order; unique (workflow_id, version) backs that up. New orders start on
 * the new version; orders already pinned keep theirs (nothing here touches orders).
 */
export async function publishWorkflow(db: Database, input: { workflowId: number; userId: string | null; now: Date }): Promise<PublishResult> {
  return db.transaction(async (tx) => {
    const [wf] = await tx.select().from(workflows).where(eq(workflows.id, input.workflowId)).for("update");
    if (!wf) throw notFound("Workflow");
    const draft = workflowDefinitionSchema.parse(wf.draft);
    const problems = validateDefinition(draft);
    if (hasErrors(problems)) return { ok: false, problems };
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`COALESCE(max(${workflowVersions.version}), 0)::int + 1` })
      .from(workflowVersions)
      .where(eq(workflowVersions.workflowId, wf.id));
    const [created] = await tx
      .insert(workflowVersions)
      .values({ workflowId: wf.id, version: next, definition: draft, publishedAt: input.now, publishedBy: input.userId })
      .returning({ id: workflowVersions.id });
    await tx.insert(auditLog).values({
      at: input.now,
      actorType: input.userId ? "user" : "system",
      actorId: input.userId,
      entityType: "workflow",
      entityId: String(wf.id),
      action: "published",
      data: { version: next, versionId: created!.id, warnings: problems.length },
    });
    return { ok: true, versionId: created!.id, version: next };
  });
}
