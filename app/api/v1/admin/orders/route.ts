import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { listOrders } from "@/server/orders/list-orders";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

/** Staff: every customer's orders. */
export const GET = withAuth("orders:read_all", async ({ req }) => {
  const query = parseQuery(req, workflowRoutes.orders.query);
  return reply(workflowRoutes.orders.response, { orders: await listOrders(getDb(), query) });
});
