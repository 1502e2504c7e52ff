import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { selectOrders } from "@/server/workflows/queries/select-orders";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

export const dynamic = "force-dynamic";

/** A state's orders (the overlay drill-down), with the same filters as bulk operations. */
export const GET = withAuth<P>("orders:read_all", async ({ req, params }) => {
  const { limit, ...filter } = parseQuery(req, workflowRoutes.stateOrders.query);
  return reply(workflowRoutes.stateOrders.response, await selectOrders(getDb(), workflowIdParam(params.id), filter, limit));
});
