import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { selectOrders } from "@/server/workflows/queries/select-orders";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

/** How many orders a bulk operation's filter selects, and the first 20 of them. A non-empty filter is required. */
export const POST = withAuth<P>("workflows:write", async ({ req, params }) => {
  const { filter } = await parseJson(req, workflowRoutes.bulkPreview.body);
  return reply(workflowRoutes.bulkPreview.response, await selectOrders(getDb(), workflowIdParam(params.id), filter, 20));
});
