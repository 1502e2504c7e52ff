import "server-only";
import { and, eq, isNull, or } from "drizzle-orm";
import type { Database } from "@/db/client";
import { programRevisions, programs } from "@/db/schema";
import { AppError, conflict } from "../errors/app-error";
import { auditContinuity } from "./audit-program";
import { flagMissingSubstitutions } from "./flag-missing-substitutions";
import { getProgramOrThrow, loadProducts, loadSubstitutions, productIdsOf } from "./load-program";
import { definitionOf, validateProgram, type ProgramIssue } from "./program-definition";

export class ProgramInvalidError extends AppError {
  constructor(readonly issues: ProgramIssue[]) {
    super("VALIDATION", "The program can't be activated yet", Object.fromEntries(issues.map((i) => [i.path || "_", i.message])));
  }
}

/**
 * Publishes the draft as the next immutable revision and makes the program active. New
 * joiners get it at once; existing enrollments keep their revision until the workbench moves
 * them. Guarded on the revision read, so two merchandisers activating at once get one
 * revision and one conflict, never two revisions with the same number.
 */
export async function activateProgram(db: Database, userId: string, programId: string, now = new Date()): Promise<{ revision: number }> {
  const published = await db.transaction(async (tx) => {
    const program = await getProgramOrThrow(tx, programId);
    if (program.status === "archived") throw conflict("An archived program can't be activated");
    const substitutions = await loadSubstitutions(tx, programId);
    const result = validateProgram(programId, program.draft, substitutions);
    if (!result.ok) throw new ProgramInvalidError(result.issues);

    const { byId } = await loadProducts(tx, productIdsOf(result.program));
    const issues: ProgramIssue[] = [];
    // Every program ships on a cadence here: regular/perpetual subscribers take the program's period.
    if (result.program.period === null) issues.push({ path: "period", message: "Choose how often the program ships" });
    result.program.versions.forEach((v, vi) =>
      v.series.forEach((e, ei) => {
        const p = byId.get(e.productId);
        if (!p || p.kind === "program")
          issues.push({ path: `versions.${vi}.series.${ei}.productId`, message: "Choose an item or a phantom product" });
      }),
    );
    if (issues.length > 0) throw new ProgramInvalidError(issues);

    const next = (program.currentRevision ?? 0) + 1;
    const [moved] = await tx
      .update(programs)
      .set({ status: "active", currentRevision: next, updatedAt: new Date() })
      .where(
        and(
          eq(programs.id, programId),
          program.currentRevision === null ? isNull(programs.currentRevision) : eq(programs.currentRevision, program.currentRevision),
          or(eq(programs.status, "draft"), eq(programs.status, "active")),
        ),
      )
      .returning({ id: programs.id });
    if (!moved) throw conflict("The program was changed meanwhile; reload and try again");
    await tx.insert(programRevisions).values({ programId, revision: next, definition: definitionOf(result.program), publishedBy: userId });
    await auditContinuity(tx, { type: "user", userId }, [
      {
        entityType: "program",
        entityId: programId,
        action: next === 1 ? "activated" : "revision_published",
        fromState: program.status,
        toState: "active",
        data: { revision: next },
      },
    ]);
    return { revision: next };
  });
  // Gaps in the substitutions calendar show up in "Needs attention" at once, not at the next cron.
  await flagMissingSubstitutions(db, now, programId);
  return published;
}

/** Stops new joiners; existing enrollments run on. */
export async function archiveProgram(db: Database, userId: string, programId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(programs)
      .set({ status: "archived", updatedAt: new Date() })
      .where(and(eq(programs.id, programId), eq(programs.status, "active")))
      .returning({ id: programs.id });
    if (!row) throw conflict("Only an active program can be archived");
    await auditContinuity(tx, { type: "user", userId }, [
      { entityType: "program", entityId: programId, action: "archived", fromState: "active", toState: "archived" },
    ]);
  });
}
