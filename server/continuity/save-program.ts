import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { products, programSubstitutions, programs } from "@/db/schema";
import { isUuid } from "@/server/subscriptions/subscription.schema";
import { invalid, type FieldErrors } from "../errors/app-error";
import { auditContinuity } from "./audit-program";
import { flagMissingSubstitutions, resolveFixedFlags } from "./flag-missing-substitutions";
import { getProgramOrThrow } from "./load-program";
import { substitutionIssues, type Substitution } from "./model";
import { validateProgram, type ProgramIssue } from "./program-definition";
import type { SaveProgramInput } from "./program-admin.schema";

/**
 * Saves the editor's work: name/price, the draft definition (may still break cross-field
 * rules — it is a draft; the issues come back for the editor to list) and the substitutions
 * calendar, which is live at once for every enrollment and so must be valid to be saved.
 */
export async function saveProgram(
  db: Database,
  userId: string,
  programId: string,
  input: SaveProgramInput,
  now = new Date(),
): Promise<{ issues: ProgramIssue[] }> {
  const saved = await db.transaction(async (tx) => {
    const program = await getProgramOrThrow(tx, programId);
    const substitutions: Substitution[] = input.substitutions.map((s) => ({ ...s }));
    await assertSubstitutionsValid(tx, substitutions);
    await tx
      .update(programs)
      .set({
        name: input.name,
        description: input.description,
        draft: input.draft,
        updatedAt: new Date(),
      })
      .where(eq(programs.id, programId));
    await tx
      .update(products)
      .set({ name: input.name, description: input.description, priceMinor: input.priceMinor })
      .where(eq(products.id, program.parentProductId));
    await tx.delete(programSubstitutions).where(eq(programSubstitutions.programId, programId));
    if (substitutions.length > 0) {
      await tx.insert(programSubstitutions).values(
        substitutions.map((s) => ({
          programId,
          phantomProductId: s.phantomProductId,
          substituteProductId: s.substituteProductId,
          fromDate: s.from,
          toDate: s.to,
        })),
      );
    }
    await auditContinuity(tx, { type: "user", userId }, [
      {
        entityType: "program",
        entityId: programId,
        action: "draft_saved",
        data: { substitutions: substitutions.length, versions: input.draft.versions.length },
      },
    ]);
    const result = validateProgram(programId, input.draft, substitutions);
    return { issues: result.ok ? [] : result.issues };
  });
  // The calendar is live: re-check the gaps it closes or opens.
  await resolveFixedFlags(db, now);
  await flagMissingSubstitutions(db, now, programId);
  return saved;
}

/** Overlaps, reversed ranges, and products that aren't (phantom → real item) pairs. */
export async function assertSubstitutionsValid(db: DbOrTx, substitutions: readonly Substitution[]): Promise<void> {
  const fields: FieldErrors = {};
  for (const issue of substitutionIssues(substitutions)) fields[issue.path.join(".")] ??= issue.message;
  const ids = [...new Set(substitutions.flatMap((s) => [s.phantomProductId, s.substituteProductId]))].filter(isUuid);
  const kinds = new Map(
    (ids.length === 0
      ? []
      : await db
          .select({ id: products.id, kind: products.kind })
          .from(products)
          .where(and(inArray(products.id, ids)))
    ).map((r) => [r.id, r.kind]),
  );
  substitutions.forEach((s, i) => {
    if (kinds.get(s.phantomProductId) !== "phantom") fields[`substitutions.${i}.phantomProductId`] ??= "Choose a phantom product";
    if (kinds.get(s.substituteProductId) !== "standard") fields[`substitutions.${i}.substituteProductId`] ??= "Choose a real product to ship";
  });
  if (Object.keys(fields).length > 0) throw invalid(fields, "The substitutions calendar has errors");
}
