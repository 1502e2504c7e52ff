import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { listSubscribableProducts } from "@/server/subscriptions/list-products";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

/** Products a customer can subscribe to. */
export const GET = withAuth("catalog:read", async () =>
  reply(subscriptionRoutes.products.response, { products: await listSubscribableProducts(getDb()) }),
);
