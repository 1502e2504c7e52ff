import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { overlayQuerySchema } from "@/server/workflows/admin/operate.schema";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { workflowOverlay } from "@/server/workflows/queries/workflow-overlay";

type P = { id: string };

export const dynamic = "force-dynamic";

/** The designer's Live overlay: orders per state now (and over SLA), time in state, failures/retries and edge counts over the last `hours`. */
export const GET = withAuth<P>("orders:read_all", async ({ req, params }) => {
  const { versionId, hours } = parseQuery(req, overlayQuerySchema);
  const now = new Date();
  return workflowOverlay(getDb(), {
    workflowId: workflowIdParam(params.id),
    versionId,
    from: new Date(now.getTime() - hours * 3_600_000),
    to: now,
    now,
  });
});
