/**
 * How a program is stored and edited (pure: the editor in the browser imports it too).
 *
 * A program's definition — type, calendar, lead, billing, series versions, assignment rules —
 * is published as immutable numbered REVISIONS; an enrollment follows the revision it joined
 * on until a merchandiser moves it with the workbench. The substitutions calendar is NOT part
 * of a revision: it is a live, program-wide calendar ("this month's coffee"), applied at
 * generation to every enrollment, so filling next month's substitute never needs the workbench.
 * The model's `Program` is a definition + the live substitutions + the program id.
 */
import { z } from "zod";
import { PAYMENT_SCHEDULES, PROGRAM_TYPES, START_RULES, programSchema, type Program, type Substitution } from "./model";
import { boundedLocalDate } from "@/server/schedule/date-range";
import { FREQUENCIES } from "@/server/schedule/frequencies";
export { PROGRAM_STATUSES, type ProgramStatus } from "@/db/vocabulary/program-status";

export type ProgramDefinition = Omit<Program, "id" | "substitutions">;

/**
 * A draft may break every cross-field rule (it is work in progress) but keeps the shape, so
 * the editor can always load it back. Activation runs the real `programSchema`.
 */
const num = z.number().finite();
export const draftDefinitionSchema = z.object({
  type: z.enum(PROGRAM_TYPES),
  startRule: z.enum(START_RULES),
  seriesStartDate: boundedLocalDate().nullable(),
  period: z.enum(FREQUENCIES).nullable(),
  maxChildOrders: num.nullable(),
  leadDays: num,
  payment: z.object({ schedule: z.enum(PAYMENT_SCHEDULES), installments: num.optional() }),
  versions: z
    .array(
      z.object({
        id: z.string().max(60),
        series: z.array(z.object({ eventNumber: num, productId: z.string(), repeat: num })).max(500),
      }),
    )
    .max(20),
  defaultVersionId: z.string(),
  assignmentRules: z
    .array(
      z.object({
        when: z.object({ attribute: z.string(), equals: z.string() }).optional(),
        versionId: z.string().optional(),
        split: z.array(z.object({ versionId: z.string(), percent: num })).optional(),
      }),
    )
    .max(50),
});
export type DraftDefinition = z.infer<typeof draftDefinitionSchema>;

export const substitutionRowSchema = z.object({
  phantomProductId: z.string(),
  substituteProductId: z.string(),
  from: boundedLocalDate(),
  to: boundedLocalDate(),
});

export interface ProgramIssue {
  path: string;
  message: string;
}

/**
 * Validates draft + substitutions as the model would run them. Returns the parsed program
 * (ready to publish) or the issues with dotted field paths ("versions.0.series.2.productId").
 */
export function validateProgram(
  id: string,
  draft: DraftDefinition,
  substitutions: readonly Substitution[],
): { ok: true; program: Program } | { ok: false; issues: ProgramIssue[] } {
  const payment =
    draft.payment.schedule === "installments"
      ? { schedule: "installments", installments: draft.payment.installments }
      : { schedule: draft.payment.schedule };
  // Rules carry either versionId or split; drop the empty key the editor keeps for the other kind.
  const assignmentRules = draft.assignmentRules.map((r) => {
    const base = r.when ? { when: r.when } : {};
    return r.split ? { ...base, split: r.split } : { ...base, versionId: r.versionId ?? "" };
  });
  const result = programSchema.safeParse({ ...draft, payment, assignmentRules, id, substitutions });
  if (result.success) return { ok: true, program: result.data };
  const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
  return { ok: false, issues };
}

export function definitionOf(program: Program): ProgramDefinition {
  const { id: _id, substitutions: _subs, ...definition } = program;
  return definition;
}

export function toProgram(id: string, definition: ProgramDefinition, substitutions: readonly Substitution[]): Program {
  return { ...definition, id, substitutions: [...substitutions] };
}

/** A new program's starting point: valid except for its (empty) series. */
export function emptyDraft(): DraftDefinition {
  return {
    type: "standing",
    startRule: "current_event",
    seriesStartDate: null,
    period: "monthly",
    maxChildOrders: null,
    leadDays: 5,
    payment: { schedule: "per_shipment" },
    versions: [{ id: "A", series: [] }],
    defaultVersionId: "A",
    assignmentRules: [],
  };
}
