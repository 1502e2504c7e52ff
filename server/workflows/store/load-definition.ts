import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workflowVersions } from "@/db/schema";
import { type WorkflowDefinition, workflowDefinitionSchema } from "../model";

export type PinnedVersion = { versionId: number; workflowId: number; version: number; definition: WorkflowDefinition };

// Published versions never change, so a process-wide cache is always correct.
const cache = new Map<number, PinnedVersion>();

/** The immutable definition an order is pinned to; parsed once per process. */
export async function loadVersion(db: DbOrTx, versionId: number): Promise<PinnedVersion> {
  const hit = cache.get(versionId);
  if (hit) return hit;
  const [row] = await db
    .select({ workflowId: workflowVersions.workflowId, version: workflowVersions.version, definition: workflowVersions.definition })
    .from(workflowVersions)
    .where(eq(workflowVersions.id, versionId));
  if (!row) throw new Error(`workflow version ${versionId} does not exist`);
  const loaded = { versionId, workflowId: row.workflowId, version: row.version, definition: workflowDefinitionSchema.parse(row.definition) };
  cache.set(versionId, loaded);
  return loaded;
}
