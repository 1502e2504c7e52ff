/** Request schemas of the continuity updates workbench (pure; the UI imports them). */
import { z } from "zod";
import { SUBSCRIPTION_STATUSES } from "@/server/subscriptions/subscription-status";

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Use YYYY-MM-DD" });

export const workbenchFilterSchema = z.object({
  versionId: z.string().max(60).optional(),
  status: z.enum(SUBSCRIPTION_STATUSES).optional(),
  revision: z.coerce.number().int().positive().optional(),
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
