import { z } from "zod";
import { frequencySchema, localDateSchema } from "@/server/schedule";

/**
 * The whole definition of a continuity program, as stored and as edited by merchandisers.
 * Single-field rules live on the fields; rules that relate fields (standing needs a start
 * date, upfront needs a finite series, rules must name real versions…) are in
 * `programIssues`, reported with the path of the field to fix; `programSchema`
 * (validated-program.ts) is this shape with them applied. Rules: docs/continuity.md.
 */

export const PROGRAM_TYPES = ["regular", "perpetual", "standing"] as const;
export type ProgramType = (typeof PROGRAM_TYPES)[number];

export const START_RULES = ["first_event", "current_event"] as const;
export type StartRule = (typeof START_RULES)[number];

export const PAYMENT_SCHEDULES = ["per_shipment", "upfront", "installments"] as const;
export type PaymentScheduleKind = (typeof PAYMENT_SCHEDULES)[number];

const positiveInt = (what: string) => z.number({ error: `${what} must be a whole number` }).int({ error: `${what} must be a whole number` });

export const seriesEventSchema = z.object({
  eventNumber: positiveInt("Event number").min(1, { error: "Event number must be at least 1" }),
  // A product id or SKU: opaque here, the catalog resolves it.
  productId: z.string().min(1, { error: "Choose a product" }),
  repeat: positiveInt("Repeat").min(1, { error: "Repeat must be at least 1" }).max(1000, { error: "Repeat must be at most 1000" }),
});

export const seriesVersionSchema = z.object({
  id: z.string().min(1, { error: "Version id is required" }),
  series: z.array(seriesEventSchema).min(1, { error: "A series needs at least one event" }),
});

export const conditionSchema = z.strictObject({
  attribute: z.string().min(1, { error: "Choose an attribute" }),
  equals: z.string(),
});

// Strict objects so a rule carrying both `versionId` and `split` is rejected, not guessed at.
export const assignmentRuleSchema = z.union([
  z.strictObject({ when: conditionSchema, versionId: z.string().min(1) }),
  z.strictObject({
    when: conditionSchema.optional(),
    split: z
      .array(
        z.strictObject({
          versionId: z.string().min(1),
          // Whole percents: the split bucket is hash mod 100, so finer shares could not be honoured.
          percent: positiveInt("Percent").min(1, { error: "Percent must be 1–100" }).max(100, { error: "Percent must be 1–100" }),
        }),
      )
      .min(1, { error: "A split needs at least one version" }),
  }),
]);

export const substitutionSchema = z.object({
  phantomProductId: z.string().min(1),
  substituteProductId: z.string().min(1),
  /** Inclusive local dates, compared with the shipment's delivery date. */
  from: localDateSchema,
  to: localDateSchema,
});

export const paymentScheduleSchema = z.discriminatedUnion(
  "schedule",
  [
    z.object({ schedule: z.literal("per_shipment") }),
    z.object({ schedule: z.literal("upfront") }),
    z.object({
      schedule: z.literal("installments"),
      installments: positiveInt("Installments").min(2, { error: "Use at least 2 installments (1 is upfront)" }),
    }),
  ],
  { error: "Choose a payment schedule" },
);

export const programShape = z.object({
  id: z.string().min(1),
  type: z.enum(PROGRAM_TYPES, { error: "Choose a program type" }),
  startRule: z.enum(START_RULES, { error: "Choose a start rule" }),
  /** Day 1 of period 0; anchors the "current event" (standing, or current_event start). */
  seriesStartDate: localDateSchema.nullable(),
  /** Length of one event period; required wherever `seriesStartDate` is. */
  period: frequencySchema.nullable(),
  maxChildOrders: positiveInt("Max child orders").min(1, { error: "Max child orders must be at least 1" }).nullable(),
  leadDays: positiveInt("Lead days").min(0, { error: "Lead days cannot be negative" }).max(365, { error: "Lead days must be at most 365" }),
  payment: paymentScheduleSchema,
  versions: z.array(seriesVersionSchema).min(1, { error: "A program needs at least one series version" }),
  defaultVersionId: z.string().min(1, { error: "Choose a default version" }),
  /** Ordered; the first matching rule wins, then `defaultVersionId`. */
  assignmentRules: z.array(assignmentRuleSchema),
  substitutions: z.array(substitutionSchema),
});

export type Program = z.output<typeof programShape>;
export type SeriesEvent = z.output<typeof seriesEventSchema>;
export type SeriesVersion = z.output<typeof seriesVersionSchema>;
export type AssignmentRule = z.output<typeof assignmentRuleSchema>;
export type Substitution = z.output<typeof substitutionSchema>;
export type PaymentSchedule = z.output<typeof paymentScheduleSchema>;
