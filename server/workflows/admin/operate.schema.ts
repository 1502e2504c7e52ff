import { z } from "zod";

/** Which orders of a workflow a bulk operation or the state drill-down selects. All given fields must match. */
export const orderSelectionSchema = z.strictObject({
  state: z.string().trim().min(1).max(200).optional(),
  versionId: z.int().positive().optional(),
  /** Text a failed action try's error of the order contains (e.g. "card_declined"). */
  error: z.string().trim().min(1).max(200).optional(),
  channel: z.string().trim().min(1).max(100).optional(),
  /** Orders that entered their current state in [enteredFrom, enteredTo). */
  enteredFrom: z.iso.datetime({ offset: true }).optional(),
  enteredTo: z.iso.datetime({ offset: true }).optional(),
});
export type OrderSelection = z.infer<typeof orderSelectionSchema>;

/** A bulk operation must name at least one filter: "every order" is never one click away. */
export const nonEmptySelectionSchema = orderSelectionSchema.refine((f) => Object.values(f).some((v) => v !== undefined), {
  message: "Choose at least one filter (state, version, error, channel or time range)",
  path: ["filter"],
});

export const BULK_ACTIONS = ["retry", "manual_review", "cancel"] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export const bulkPreviewBodySchema = z.strictObject({ filter: nonEmptySelectionSchema });
export const bulkStartBodySchema = z.strictObject({ action: z.enum(BULK_ACTIONS), filter: nonEmptySelectionSchema });

/** Query string of the state drill-down (GET …/orders?state=…). */
export const stateOrdersQuerySchema = orderSelectionSchema.extend({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  versionId: z.coerce.number().int().positive().optional(),
});

export const overlayQuerySchema = z.strictObject({
  versionId: z.coerce.number().int().positive().optional(),
  /** Window length in hours ending now (default 24 h, at most 90 days). */
  hours: z.coerce.number().int().min(1).max(2_160).default(24),
});

export const migrationBodySchema = z.strictObject({
  fromVersionId: z.int().positive(),
  toVersionId: z.int().positive(),
  /** from-state id → to-state id; states left out map to the same-named state of the target, if any. */
  mapping: z.record(z.string().min(1), z.string().min(1)).default({}),
});
export type MigrationRequest = z.infer<typeof migrationBodySchema>;

export const versionDiffQuerySchema = z.strictObject({ from: z.coerce.number().int().positive(), to: z.coerce.number().int().positive() });

/** An order a selection or migration names (the preview's and the drill-down's rows). */
export const orderSampleSchema = z.object({
  id: z.string(),
  number: z.int(),
  state: z.string(),
  versionId: z.int(),
  channel: z.string(),
  enteredAt: z.string().meta({ format: "date-time" }),
  /** The order's latest failed action try's error (null for none, and in a migration plan's sample). */
  lastError: z.string().nullable(),
});
export type OrderSample = z.infer<typeof orderSampleSchema>;

/** A bulk operation's or migration's progress (the progress bar polls it). */
export const operationProgressSchema = z.object({
  id: z.string(),
  kind: z.string().meta({ description: "retry | manual_review | cancel | migrate" }),
  status: z.string().meta({ description: "queued | running | done" }),
  total: z.int(),
  processed: z.int(),
  succeeded: z.int(),
  skipped: z.int(),
  createdAt: z.string().meta({ format: "date-time" }),
  updatedAt: z.string().meta({ format: "date-time" }),
});
export type OperationProgress = z.infer<typeof operationProgressSchema>;
