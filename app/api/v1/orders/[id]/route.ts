import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { getCustomerOrderOrThrow } from "@/server/orders/list-customer-orders";
import { reply } from "@/server/http/reply";
import { orderRoutes } from "@/server/orders/order-routes.schema";

export const GET = withAuth<{ id: string }>("subscriptions:own", async ({ actor, params }) =>
  reply(orderRoutes.get.response, {
    order: await getCustomerOrderOrThrow(getDb(), customerActorOf(actor).customerId, uuidParam(params.id, "Order")),
  }),
);
