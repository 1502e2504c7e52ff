import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { listSubscribableProducts } from "@/server/subscriptions/list-products";

/** Products a customer can subscribe to. */
export const GET = withAuth("catalog:read", async () => ({ products: await listSubscribableProducts(getDb()) }));
