import { z } from "zod";

/** Channel health per connected store (GET /api/v1/admin/intake/connections/health). */
export const STORE_HEALTH_STATUSES = ["ok", "quiet", "failing", "missing_webhooks"] as const;
export type StoreHealthStatus = (typeof STORE_HEALTH_STATUSES)[number];

export const storeHealthSchema = z.object({
  connectionId: z.uuid(),
  channel: z.string(),
  slug: z.string(),
  name: z.string(),
  status: z.enum(STORE_HEALTH_STATUSES),
  /** Why the status is not ok, in words an admin can act on. */
  detail: z.string().nullable(),
  lastDeliveryAt: z.string().nullable(),
  /** Seconds since the last webhook delivery (null: none yet, or a polled-only channel). */
  lagSeconds: z.number().nullable(),
  /** Payloads of the store dead-lettered or rejected in the last 24 hours. */
  failures24h: z.number(),
  /** Orders reconciliation created in the last 7 days: no webhook had delivered them. */
  missed7d: z.number(),
  lastReconciledAt: z.string().nullable(),
  lastReconcileError: z.string().nullable(),
});
export type StoreHealth = z.infer<typeof storeHealthSchema>;
export const channelHealthResponseSchema = z.object({ stores: z.array(storeHealthSchema) });
