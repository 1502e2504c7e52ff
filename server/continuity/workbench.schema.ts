/** Request schemas of the continuity updates workbench (pure; the UI imports them). */
import { z } from "zod";
import { boundedLocalDate } from "@/server/schedule/date-range";
import { SUBSCRIPTION_STATUSES } from "@/server/subscriptions/subscription-status";

// A query string reaches SQL through these: a shape-only check let "2027-13-45", a NUL in
// versionId and a revision above int4 through to PostgreSQL (500s in the review, #17).
const date = boundedLocalDate("Use YYYY-MM-DD");
const INT4_MAX = 2_147_483_647;

export const workbenchFilterSchema = z.object({
  versionId: z
    .string()
    .max(60)
    .regex(/^[^\u0000]*$/, { error: "Version id contains a character that is not allowed" })
    .optional(),
  status: z.enum(SUBSCRIPTION_STATUSES).optional(),
  revision: z.coerce
    .number({ error: "Revision must be a whole number" })
    .int({ error: "Revision must be a whole number" })
    .positive({ error: "Revision must be at least 1" })
    .max(INT4_MAX, { error: "No such revision" })
    .optional(),
  joinedAfter: date.optional(),
  joinedBefore: date.optional(),
});
export type WorkbenchFilter = z.infer<typeof workbenchFilterSchema>;

export const workbenchPreviewSchema = z.object({
  subscriptionIds: z.array(z.string().uuid()).min(1, { error: "Select at least one subscription" }).max(50),
});

export const workbenchApplySchema = z.object({
  subscriptionIds: z.array(z.string().uuid()).min(1, { error: "Select at least one subscription" }).max(100_000),
  batchSize: z.number().int().min(1).max(1000).default(100),
});
