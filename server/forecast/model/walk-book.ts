import { programKey, type BookEnrollment, type BookSubscription, type ForecastCatalog } from "./book";
import type { ForecastSink } from "./forecast-order";
import { walkEnrollment } from "./walk-enrollment";
import { walkSubscription } from "./walk-subscription";
import type { WindowClock } from "./window";

export interface WalkTally {
  subscriptions: number;
  enrollments: number;
  /** Subscriptions generation would fail on (product not sellable / not orderable). */
  failing: number;
  /** Enrollments whose revision is not in the catalog (not forecast). */
  unknownProgram: number;
}

export const emptyTally = (): WalkTally => ({ subscriptions: 0, enrollments: 0, failing: 0, unknownProgram: 0 });

/** Walks a chunk of the book into `emit`; call it once per streamed chunk with the same tally. */
export function walkBook(
  chunk: { subscriptions?: readonly BookSubscription[]; enrollments?: readonly BookEnrollment[] },
  catalog: ForecastCatalog,
  clock: WindowClock,
  emit: ForecastSink,
  tally: WalkTally = emptyTally(),
): WalkTally {
  for (const sub of chunk.subscriptions ?? []) {
    tally.subscriptions++;
    if (!walkSubscription(sub, clock, emit)) tally.failing++;
  }
  for (const e of chunk.enrollments ?? []) {
    tally.enrollments++;
    const program = catalog.programs.get(programKey(e.programId, e.revision));
    if (!program) {
      tally.unknownProgram++;
      continue;
    }
    walkEnrollment(e, program, catalog.isPhantom, clock, emit);
  }
  return tally;
}
