import "server-only";
import { eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workflows } from "@/db/schema";
import { notFound } from "@/server/errors/app-error";
import { type Problem, validateDefinition, type WorkflowDefinition } from "../model";

/**
 * Saves the designer's draft as is — problems included, so work in progress is never lost —
 * and returns the problems for the designer to show. The definition was schema-checked at
 * the boundary; published versions are untouched.
 */
export async function saveDraft(
  db: DbOrTx,
  input: { workflowId: number; definition: WorkflowDefinition; now: Date },
): Promise<{ problems: Problem[]; draftUpdatedAt: string }> {
  const [row] = await db
    .update(workflows)
    .set({ draft: input.definition, draftUpdatedAt: input.now })
    .where(eq(workflows.id, input.workflowId))
    .returning({ draftUpdatedAt: workflows.draftUpdatedAt });
  if (!row) throw notFound("Workflow");
  return { problems: validateDefinition(input.definition), draftUpdatedAt: row.draftUpdatedAt.toISOString() };
}
