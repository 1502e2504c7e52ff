import { z } from "zod";
import { getDb } from "@/db/client";
import { parseQuery, withAuth } from "@/server/http/handler";
import { customerActorOf } from "@/server/subscriptions/http-input";
import { listCustomerOrders } from "@/server/orders/list-customer-orders";
import { idSchema } from "@/server/subscriptions/subscription.schema";

const querySchema = z.object({
  subscriptionId: idSchema("Not a subscription id").optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});

/** The signed-in customer's orders, newest first. */
export const GET = withAuth("subscriptions:own", async ({ req, actor }) => ({
  orders: await listCustomerOrders(getDb(), customerActorOf(actor).customerId, parseQuery(req, querySchema)),
}));
