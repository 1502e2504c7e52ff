import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { bulkPreviewBodySchema } from "@/server/workflows/admin/operate.schema";
import { workflowIdParam } from "@/server/workflows/admin/workflow-api.schema";
import { selectOrders } from "@/server/workflows/queries/select-orders";

type P = { id: string };

/** How many orders a bulk operation's filter selects, and the first 20 of them. A non-empty filter is required. */
export const POST = withAuth<P>("workflows:write", async ({ req, params }) => {
  const { filter } = await parseJson(req, bulkPreviewBodySchema);
  return selectOrders(getDb(), workflowIdParam(params.id), filter, 20);
});
