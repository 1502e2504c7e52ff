import "server-only";
import { desc, eq } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { workflows, workflowVersions } from "@/db/schema";
import { env } from "@/server/env";
import { DEFAULT_WORKFLOW_NAME, seedDefaultWorkflow } from "./seed-default-workflow";

export type LiveVersion = { workflowId: number; versionId: number; version: number };

/** The highest published version of a workflow, or null if it was never published. */
export async function liveVersionOf(db: DbOrTx, workflowId: number): Promise<LiveVersion | null> {
  const [row] = await db
    .select({ versionId: workflowVersions.id, version: workflowVersions.version })
    .from(workflowVersions)
    .where(eq(workflowVersions.workflowId, workflowId))
    .orderBy(desc(workflowVersions.version))
    .limit(1);
  return row ? { workflowId, ...row } : null;
}

/**
 * The version new orders start on: the live version of the workflow named ORDER_WORKFLOW_NAME.
 * The default workflow is created on first use, so a database that was migrated but never
 * seeded (tests, a fresh deploy) still runs orders through it.
 */
export async function liveVersionForNewOrders(db: Database): Promise<LiveVersion> {
  const name = env().ORDER_WORKFLOW_NAME;
  const find = async () => {
    const [wf] = await db.select({ id: workflows.id }).from(workflows).where(eq(workflows.name, name));
    return wf ? liveVersionOf(db, wf.id) : null;
  };
  const live = await find();
  if (live) return live;
  if (name === DEFAULT_WORKFLOW_NAME) {
    await seedDefaultWorkflow(db);
    const seeded = await find();
    if (seeded) return seeded;
  }
  throw new Error(`workflow "${name}" has no published version; publish it or change ORDER_WORKFLOW_NAME`);
}
