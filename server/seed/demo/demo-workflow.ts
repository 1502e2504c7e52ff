import type { Database } from "@/db/client";
import { publishWorkflow } from "@/server/workflows/admin/publish-workflow";
import { saveDraft } from "@/server/workflows/admin/save-draft";
import type { WorkflowDefinition } from "@/server/workflows/model";

/** A copy of `def` whose review guard sends orders above `thresholdMinor` to manual review. */
function withReviewThreshold(def: WorkflowDefinition, thresholdMinor: number): WorkflowDefinition {
  return {
    ...def,
    transitions: def.transitions.map((t) =>
      t.id === "t_validation_review" && t.guard && "field" in t.guard ? { ...t, guard: { ...t.guard, value: thresholdMinor } } : t,
    ),
  };
}

/** The admin's v2 of the default workflow: review from $400 instead of $500; saved and published in the designer's two steps. */
export async function publishDemoVersion2(db: Database, o: { workflowId: number; adminId: string; v1: WorkflowDefinition; now: Date }) {
  await saveDraft(db, { workflowId: o.workflowId, definition: withReviewThreshold(o.v1, 40_000), now: o.now });
  const published = await publishWorkflow(db, { workflowId: o.workflowId, userId: o.adminId, now: o.now });
  if (!published.ok) throw new Error(`demo workflow v2 did not publish: ${JSON.stringify(published.problems)}`);
}

/** An unpublished draft on top of v2 (review from $300), so the designer opens on work in progress. */
export async function saveDemoDraft(db: Database, o: { workflowId: number; v1: WorkflowDefinition; now: Date }) {
  await saveDraft(db, { workflowId: o.workflowId, definition: withReviewThreshold(o.v1, 30_000), now: o.now });
}
