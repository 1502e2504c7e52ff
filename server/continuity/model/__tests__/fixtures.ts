import type { z } from "zod";
import { programSchema, type Program, type SeriesEvent } from "../index";

export type ProgramInput = z.input<typeof programSchema>;

/** Series events numbered 1..n; pass [productId, repeat] for repeats. */
export function events(...items: Array<string | [string, number]>): SeriesEvent[] {
  return items.map((item, i) => {
    const [productId, repeat] = typeof item === "string" ? [item, 1] : item;
    return { eventNumber: i + 1, productId, repeat };
  });
}

export const baseProgram: ProgramInput = {
  id: "prog-1",
  type: "regular",
  startRule: "first_event",
  seriesStartDate: null,
  period: null,
  maxChildOrders: null,
  leadDays: 3,
  payment: { schedule: "per_shipment" },
  versions: [{ id: "v1", series: events("A", "B", "C") }],
  defaultVersionId: "v1",
  assignmentRules: [],
  substitutions: [],
};

/** A valid program (goes through the schema, so fixtures can't drift from the rules). */
export function makeProgram(overrides: Partial<ProgramInput> = {}): Program {
  return programSchema.parse({ ...baseProgram, ...overrides });
}

/** The 6-item standing monthly program of the acceptance scenario. */
export function standingMonthly(overrides: Partial<ProgramInput> = {}): Program {
  return makeProgram({
    type: "standing",
    startRule: "current_event",
    seriesStartDate: "2027-01-01",
    period: "monthly",
    versions: [{ id: "v1", series: events("E1", "E2", "E3", "E4", "E5", "E6") }],
    ...overrides,
  });
}

/** Issue paths of a failed parse, dotted ("versions.0.series"). */
export function issuePaths(input: unknown): string[] {
  const result = programSchema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => issue.path.join("."));
}
