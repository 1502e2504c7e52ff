import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workflowVersions } from "@/db/schema";
import { invalid } from "@/server/errors/app-error";
import { type WorkflowDefinition, workflowDefinitionSchema } from "../model";

/** A published version that belongs to the workflow, or a VALIDATION error on `field`. */
export async function loadWorkflowVersionOrThrow(
  db: DbOrTx,
  workflowId: number,
  versionId: number,
  field: string,
): Promise<{ versionId: number; version: number; definition: WorkflowDefinition }> {
  const [v] = await db
    .select()
    .from(workflowVersions)
    .where(and(eq(workflowVersions.id, versionId), eq(workflowVersions.workflowId, workflowId)));
  if (!v) throw invalid({ [field]: "No such published version of this workflow" });
  return { versionId: v.id, version: v.version, definition: workflowDefinitionSchema.parse(v.definition) };
}
