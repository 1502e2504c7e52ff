import { getDb } from "@/db/client";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { listProductSwaps } from "@/server/subscriptions/list-product-swaps";
import { productSwapRoutes } from "@/server/subscriptions/product-swap-routes.schema";

export const GET = withAuth("product_swaps:write", async () => reply(productSwapRoutes.list.response, { products: await listProductSwaps(getDb()) }));
