import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { listCustomerOrders } from "@/server/orders/list-customer-orders";
import { reply } from "@/server/http/reply";
import { orderRoutes } from "@/server/orders/order-routes.schema";

/** The signed-in customer's orders, newest first. */
export const GET = withAuth("subscriptions:own", async ({ req, actor }) =>
  reply(orderRoutes.list.response, {
    orders: await listCustomerOrders(getDb(), customerActorOf(actor).customerId, parseQuery(req, orderRoutes.list.query)),
  }),
);
