/** Contracts of the customer order API (app/api/v1/orders). Staff order routes: server/workflows/admin-order-routes.schema.ts. */
import { z } from "zod";
import { defineRoute, uuidPath } from "../http/route-contract";
import { orderDto } from "../subscriptions/subscription-dto.schema";
import { idSchema } from "../subscriptions/subscription.schema";

export const customerOrdersQuery = z.object({
  subscriptionId: idSchema("Not a subscription id").optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

export const orderRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/v1/orders",
    summary: "Your orders, newest first",
    tag: "Orders",
    query: customerOrdersQuery,
    response: z.object({ orders: z.array(orderDto) }),
    errors: [401, 403, 422],
  }),
  get: defineRoute({
    method: "GET",
    path: "/api/v1/orders/{id}",
    summary: "One of your orders",
    tag: "Orders",
    params: { id: uuidPath },
    response: z.object({ order: orderDto }),
    errors: [401, 403, 404],
  }),
};
