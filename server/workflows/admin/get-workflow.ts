import "server-only";
import { desc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workflows, workflowVersions } from "@/db/schema";
import { notFound } from "@/server/errors/app-error";
import { type Problem, validateDefinition, type WorkflowDefinition, workflowDefinitionSchema } from "../model";
import { inFlightByVersion } from "../queries/in-flight-by-version";

export type WorkflowDetail = {
  workflow: { id: number; name: string };
  draft: WorkflowDefinition;
  draftUpdatedAt: string;
  live: { versionId: number; version: number; definition: WorkflowDefinition; publishedAt: string } | null;
  versions: Array<{ versionId: number; version: number; publishedAt: string; inFlight: number }>;
  problems: Problem[];
};

export async function getWorkflowOrThrow(db: DbOrTx, id: number) {
  const [wf] = await db.select().from(workflows).where(eq(workflows.id, id));
  if (!wf) throw notFound("Workflow");
  return wf;
}

/** The live (highest) version's definition, or null before the first publish. */
export async function liveDefinition(db: DbOrTx, workflowId: number) {
  const [v] = await db
    .select()
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, workflowId))
    .orderBy(desc(workflowVersions.version))
    .limit(1);
  return v
    ? { versionId: v.id, version: v.version, definition: workflowDefinitionSchema.parse(v.definition), publishedAt: v.publishedAt.toISOString() }
    : null;
}

/** Designer payload: draft with its problems, the live version, and every version's in-flight count. */
export async function getWorkflow(db: DbOrTx, id: number): Promise<WorkflowDetail> {
  const wf = await getWorkflowOrThrow(db, id);
  const [live, counts, versions] = await Promise.all([
    liveDefinition(db, id),
    inFlightByVersion(db, id),
    db
      .select({ versionId: workflowVersions.id, version: workflowVersions.version, publishedAt: workflowVersions.publishedAt })
      .from(workflowVersions)
      .where(eq(workflowVersions.workflowId, id))
      .orderBy(desc(workflowVersions.version)),
  ]);
  const draft = workflowDefinitionSchema.parse(wf.draft);
  return {
    workflow: { id: wf.id, name: wf.name },
    draft,
    draftUpdatedAt: wf.draftUpdatedAt.toISOString(),
    live,
    versions: versions.map((v) => ({
      versionId: v.versionId,
      version: v.version,
      publishedAt: v.publishedAt.toISOString(),
      inFlight: counts.find((c) => c.versionId === v.versionId)?.count ?? 0,
    })),
    problems: validateDefinition(draft),
  };
}
