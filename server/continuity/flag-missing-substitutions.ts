import "server-only";
import { and, asc, eq, lt, sql } from "drizzle-orm";
import type { Database, DbOrTx } from "@/db/client";
import { products, programEnrollments, programFlags, programs, subscriptions } from "@/db/schema";
import { addDays, toLocalDate, type LocalDate } from "@/server/schedule";
import { forecastShipments } from "./forecast";
import { loadOptOuts, loadEnrollments } from "./load-enrollments";
import { loadPrograms, loadProducts, productIdsOf, programKey } from "./load-program";
import { findMissingSubstitutions, previewShipments, type MissingSubstitution, type Program } from "./model";

/** How far ahead of its processing lead a missing substitute is flagged. */
export const FLAG_HORIZON_DAYS = 60;

/**
 * Finds every upcoming phantom shipment with no substitute — for each enrollment's own
 * forecast (its revision, version and opt-outs) and for someone joining today on the current
 * revision — and records one open flag per (program, phantom, ship date) before its flag date
 * (ship date − lead days). Flags whose phantom now has a substitute are resolved. Idempotent.
 */
export async function flagMissingSubstitutions(db: Database, now: Date, onlyProgramId?: string): Promise<{ opened: number; resolved: number }> {
  const active = await db
    .select({ id: programs.id, revision: programs.currentRevision })
    .from(programs)
    .where(and(eq(programs.status, "active"), onlyProgramId ? eq(programs.id, onlyProgramId) : undefined));
  let opened = 0;
  for (const p of active) {
    if (p.revision === null) continue;
    const missing = await missingForProgram(db, p.id, p.revision, now);
    if (missing.length === 0) continue;
    const rows = await db
      .insert(programFlags)
      .values(
        missing.map((m) => ({
          programId: p.id,
          phantomProductId: m.phantomProductId,
          shipDate: m.shipDate,
          flagDate: m.flagDate,
        })),
      )
      .onConflictDoNothing()
      .returning({ id: programFlags.id });
    opened += rows.length;
  }
  return { opened, resolved: await resolveFixedFlags(db, now) };
}

async function missingForProgram(db: DbOrTx, programId: string, currentRevision: number, now: Date): Promise<MissingSubstitution[]> {
  const ids = (
    await db
      .select({ id: programEnrollments.subscriptionId })
      .from(programEnrollments)
      .innerJoin(subscriptions, eq(subscriptions.id, programEnrollments.subscriptionId))
      .where(and(eq(programEnrollments.programId, programId), eq(subscriptions.status, "active")))
  ).map((r) => r.id);
  const enrollments = await loadEnrollments(db, ids);
  const programsByKey = await loadPrograms(db, [{ programId, revision: currentRevision }, ...enrollments]);
  const current = programsByKey.get(programKey(programId, currentRevision));
  if (!current) return [];
  const { isPhantom } = await loadProducts(db, [...programsByKey.values()].flatMap(productIdsOf));
  const optOuts = await loadOptOuts(db, ids);
  const found: MissingSubstitution[] = [];
  const horizon = (program: Program, zone: string): LocalDate => addDays(toLocalDate(now, zone), program.leadDays + FLAG_HORIZON_DAYS);

  for (const e of enrollments) {
    const program = programsByKey.get(programKey(programId, e.revision));
    if (!program) continue;
    const upcoming = forecastShipments(program, e.state, e, { count: 24, optOuts: optOuts.get(e.subscriptionId), isPhantom })
      .filter((r) => !r.optedOut)
      .map((r) => ({ date: r.date, productId: r.productId }));
    found.push(...findMissingSubstitutions(program, upcoming, horizon(program, e.timeZone), isPhantom));
  }
  // Someone joining today (any version) must not meet a gap either, even before anyone joined.
  const today = toLocalDate(now, "UTC");
  for (const version of current.versions) {
    const upcoming = previewShipments(current, { joinDate: today, count: 24, versionId: version.id });
    found.push(...findMissingSubstitutions(current, upcoming, horizon(current, "UTC"), isPhantom));
  }
  const unique = new Map(found.map((m) => [`${m.phantomProductId}|${m.shipDate}`, m]));
  return [...unique.values()];
}

/** Open flags whose phantom now has a substitute covering the ship date are resolved. */
export async function resolveFixedFlags(db: DbOrTx, now: Date): Promise<number> {
  const rows = await db.execute<{ id: string }>(sql`
    UPDATE program_flags f SET status = 'resolved', resolved_at = ${now.toISOString()}::timestamptz
    WHERE f.status = 'open' AND EXISTS (
      SELECT 1 FROM program_substitutions s
      WHERE s.program_id = f.program_id AND s.phantom_product_id = f.phantom_product_id
        AND s.from_date <= f.ship_date AND f.ship_date <= s.to_date)
    RETURNING f.id`);
  return rows.length;
}

export interface FlagView {
  id: string;
  programId: string;
  programName: string;
  phantomName: string;
  shipDate: string;
  flagDate: string;
  overdue: boolean;
}

/** The "Needs attention" list: open flags, soonest flag date first. */
export async function listOpenFlags(db: DbOrTx, now: Date, programId?: string): Promise<FlagView[]> {
  const rows = await db
    .select({
      id: programFlags.id,
      programId: programFlags.programId,
      programName: programs.name,
      phantomName: products.name,
      shipDate: programFlags.shipDate,
      flagDate: programFlags.flagDate,
    })
    .from(programFlags)
    .innerJoin(programs, eq(programs.id, programFlags.programId))
    .innerJoin(products, eq(products.id, programFlags.phantomProductId))
    .where(and(eq(programFlags.status, "open"), programId ? eq(programFlags.programId, programId) : undefined))
    .orderBy(asc(programFlags.flagDate), asc(programFlags.shipDate));
  const today = toLocalDate(now, "UTC");
  return rows.map((r) => ({ ...r, overdue: r.flagDate < today }));
}

/** Flags for ship dates long gone are closed so the list stays a to-do list. */
export async function expireOldFlags(db: DbOrTx, now: Date): Promise<void> {
  await db
    .update(programFlags)
    .set({ status: "resolved", resolvedAt: now })
    .where(and(eq(programFlags.status, "open"), lt(programFlags.shipDate, addDays(toLocalDate(now, "UTC"), -1))));
}
