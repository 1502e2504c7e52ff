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

export type OrderSample = {
  id: string;
  number: number;
  state: string;
  versionId: number;
  channel: string;
  enteredAt: string;
  lastError: string | null;
};
export type OperationProgress = {
  id: string;
  kind: string;
  status: string;
  total: number;
  processed: number;
  succeeded: number;
  skipped: number;
  createdAt: string;
  updatedAt: string;
};
