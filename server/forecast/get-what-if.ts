import "server-only";
import { eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { programs } from "@/db/schema";
import { loadSubstitutions } from "@/server/continuity/load-program";
import { validateProgram } from "@/server/continuity/program-definition";
import { invalid, notFound } from "@/server/errors/app-error";
import type { LocalDate } from "@/server/schedule";
import {
  aggregateBook,
  applyDraftToCatalog,
  applyDraftToEnrollment,
  CycleDayMemo,
  DemandAccumulator,
  diffForecasts,
  emptyTally,
  WindowClock,
  type DemandForecast,
  type ForecastCatalog,
  type ForecastDifference,
  type WhatIfDraft,
} from "./model";
import { defaultStartDate } from "./get-demand-forecast";
import { scanBook } from "./scan-book";
import type { WhatIfRequest } from "./forecast.schema";

export interface WhatIfResult {
  now: string;
  base: DemandForecast;
  draft: DemandForecast;
  difference: ForecastDifference;
}

/**
 * The forecast twice over one read of the book: as it stands, and with the draft change
 * applied to a copy (prices, a substitution calendar, a program's unpublished draft, the
 * approval threshold). Nothing is published or written.
 */
export async function getWhatIf(db: Database, input: WhatIfRequest & { currentApprovalThresholdMinor: number }, now: Date): Promise<WhatIfResult> {
  const draft: WhatIfDraft = { prices: input.prices, substitutions: input.substitutions, approvalThresholdMinor: input.approvalThresholdMinor };
  if (input.programRevision) draft.programRevision = await loadDraftProgram(db, input.programRevision.programId);
  const startDate: LocalDate = input.from ?? defaultStartDate(now);
  const clock = new WindowClock({ now, startDate, days: input.weeks * 7 });
  const memo = new CycleDayMemo(clock);
  let base: DemandAccumulator | undefined;
  let changed: DemandAccumulator | undefined;
  let draftCatalog: ForecastCatalog | undefined;
  const catalog = await scanBook(
    db,
    {},
    (chunk, c) => {
      aggregateBook(chunk, c, clock, base!, memo, emptyTally());
      const enrollments = chunk.enrollments.map((e) => applyDraftToEnrollment(e, draft, draftCatalog!));
      // One memo for both: a subscription's order days do not depend on prices or programs.
      aggregateBook({ subscriptions: chunk.subscriptions, enrollments }, draftCatalog!, clock, changed!, memo, emptyTally());
    },
    (c) => {
      draftCatalog = applyDraftToCatalog(c, draft);
      const d = draftCatalog;
      base = new DemandAccumulator(clock, (id) => c.products.get(id)?.priceMinor ?? 0, input.currentApprovalThresholdMinor);
      changed = new DemandAccumulator(
        clock,
        (id) => d.products.get(id)?.priceMinor ?? 0,
        input.approvalThresholdMinor ?? input.currentApprovalThresholdMinor,
      );
    },
  );
  const baseResult = base!.result(catalog.products);
  const draftResult = changed!.result(draftCatalog!.products);
  return { now: now.toISOString(), base: baseResult, draft: draftResult, difference: diffForecasts(baseResult, draftResult) };
}

/** The program's saved editor draft as a runnable Program (its issues if it cannot run). */
async function loadDraftProgram(db: Database, programId: string): Promise<NonNullable<WhatIfDraft["programRevision"]>> {
  const [row] = await db.select({ draft: programs.draft }).from(programs).where(eq(programs.id, programId));
  if (!row) throw notFound("Program");
  const result = validateProgram(programId, row.draft, await loadSubstitutions(db, programId));
  if (!result.ok) throw invalid({ programRevision: `The draft cannot run yet: ${result.issues.map((i) => i.message).join("; ")}` });
  return { programId, program: result.program };
}
