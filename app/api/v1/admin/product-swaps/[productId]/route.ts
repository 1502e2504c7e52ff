import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { putProductSwaps } from "@/server/subscriptions/put-product-swaps";
import { productSwapRoutes } from "@/server/subscriptions/product-swap-routes.schema";

export const PUT = withAuth<{ productId: string }>("product_swaps:write", async ({ req, actor, params }) => {
  const productId = uuidParam(params.productId, "Product");
  const input = await parseJson(req, productSwapRoutes.put.body);
  return reply(productSwapRoutes.put.response, { product: await putProductSwaps(getDb(), actor.userId, productId, input, new Date()) });
});
