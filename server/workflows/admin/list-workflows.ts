import "server-only";
import { asc } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { workflows } from "@/db/schema";
import { inFlightByVersion } from "../queries/in-flight-by-version";

export type WorkflowSummary = { id: number; name: string; liveVersion: number | null; draftUpdatedAt: string; inFlight: number };

/** Every workflow with its live version number and orders in flight across all its versions. */
export async function listWorkflows(db: DbOrTx): Promise<WorkflowSummary[]> {
  const [rows, counts] = await Promise.all([
    db.select({ id: workflows.id, name: workflows.name, draftUpdatedAt: workflows.draftUpdatedAt }).from(workflows).orderBy(asc(workflows.name)),
    inFlightByVersion(db),
  ]);
  return rows.map((w) => {
    const mine = counts.filter((c) => c.workflowId === w.id);
    return {
      id: w.id,
      name: w.name,
      draftUpdatedAt: w.draftUpdatedAt.toISOString(),
      liveVersion: mine.length ? Math.max(...mine.map((c) => c.version)) : null,
      inFlight: mine.reduce((n, c) => n + c.count, 0),
    };
  });
}
