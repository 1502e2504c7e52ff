/** Contract of the public liveness/readiness probe (app/api/health). */
import { z } from "zod";
import { defineRoute } from "../http/route-contract";

export const healthReportSchema = z.object({
  status: z.enum(["ok", "degraded", "down"]),
  database: z.object({ reachable: z.boolean(), latencyMs: z.number().optional(), error: z.string().optional() }),
  migrations: z.object({ applied: z.number().int(), expected: z.number().int(), latest: z.string().nullable(), upToDate: z.boolean() }),
  /** Domain checks beside the database; today `intake: { backlog, deadLetters, oldestBacklogAt }` or `{ error: "unavailable" }`. */
  extra: z.record(z.string(), z.unknown()).optional(),
});

export const healthRoutes = {
  health: defineRoute({
    method: "GET",
    path: "/api/health",
    summary: "Liveness and readiness: 200 when ok or degraded, 503 when down (same body)",
    tag: "Health",
    auth: "public",
    response: healthReportSchema,
    alsoStatus: [503],
    errors: [],
  }),
};
