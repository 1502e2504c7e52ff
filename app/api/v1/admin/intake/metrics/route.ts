import { z } from "zod";
import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { intakeMetrics } from "@/server/intake/intake-metrics";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  windowHours: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .optional(),
});

/** Intake metrics per channel (accepted, rejected, retried, by reason) over a window. */
export const GET = withAuth("intake:manage", async ({ req }) => {
  const { windowHours } = parseQuery(req, querySchema);
  return intakeMetrics(getDb(), { now: new Date(), windowHours });
});
