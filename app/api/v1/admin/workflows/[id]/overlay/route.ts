import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowOverlay } from "@/server/workflows/queries/workflow-overlay";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

export const dynamic = "force-dynamic";

/** The designer's Live overlay: orders per state now (and over SLA), time in state, failures/retries and edge counts over the last `hours`. */
export const GET = withAuth<P>("orders:read_all", async ({ req, params }) => {
  const { versionId, hours } = parseQuery(req, workflowRoutes.overlay.query);
  const now = new Date();
  const overlay = await workflowOverlay(getDb(), {
    workflowId: workflowIdParam(params.id),
    versionId,
    from: new Date(now.getTime() - hours * 3_600_000),
    to: now,
    now,
  });
  return reply(workflowRoutes.overlay.response, overlay);
});
