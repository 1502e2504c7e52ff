import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { orders, workflows, workflowVersions } from "@/db/schema";
import type { WorkflowDefinition } from "@/server/workflows/model";

/** Publishes `definition` as version 1 of a new workflow (tests only: no validation). */
export async function publishCustomWorkflow(db: Database, name: string, definition: WorkflowDefinition) {
  const [wf] = await db.insert(workflows).values({ name, draft: definition }).returning();
  const [v] = await db.insert(workflowVersions).values({ workflowId: wf!.id, version: 1, definition }).returning();
  return { workflowId: wf!.id, versionId: v!.id };
}

/** Pins an order to a version in its initial state, as startOrderWorkflow would. */
export async function pinOrder(db: Database, orderId: string, versionId: number, state = "created") {
  await db.update(orders).set({ workflowVersionId: versionId, state, transitionSeq: 0, stateEnteredAt: new Date() }).where(eq(orders.id, orderId));
}
