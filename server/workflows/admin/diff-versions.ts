import "server-only";
import type { DbOrTx } from "@/db/client";
import { type SemanticDiff, semanticDiff } from "../model";
import { loadWorkflowVersionOrThrow } from "./load-workflow-version";

/** What changed from one published version of a workflow to another (either direction). */
export async function diffVersions(
  db: DbOrTx,
  workflowId: number,
  fromVersionId: number,
  toVersionId: number,
): Promise<SemanticDiff & { from: number; to: number }> {
  const [a, b] = await Promise.all([
    loadWorkflowVersionOrThrow(db, workflowId, fromVersionId, "from"),
    loadWorkflowVersionOrThrow(db, workflowId, toVersionId, "to"),
  ]);
  return { ...semanticDiff(a.definition, b.definition), from: a.version, to: b.version };
}
