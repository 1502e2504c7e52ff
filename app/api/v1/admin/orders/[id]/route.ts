import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { getOrderDetail } from "@/server/orders/get-order-detail";
import { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

type P = { id: string };

/** One order with its lines, payment, pinned version, audit timeline and action attempts. */
export const GET = withAuth<P>("orders:read_all", async ({ params }) =>
  reply(workflowRoutes.order.response, await getOrderDetail(getDb(), uuidParam(params.id, "Order"))),
);
