/** Contracts of the merchandiser's product-swap routes (app/api/v1/admin/product-swaps). */
import { z } from "zod";
import { defineRoute, uuidPath } from "../http/route-contract";
import { productSwapsDto, putProductSwapsSchema } from "./swap-addons.schema";

const tag = "Product swaps";

export const productSwapRoutes = {
  list: defineRoute({
    method: "GET",
    path: "/api/v1/admin/product-swaps",
    summary: "Each sellable product with the products its subscribers may swap to",
    tag,
    response: z.object({ products: z.array(productSwapsDto) }),
    errors: [401, 403],
  }),
  put: defineRoute({
    method: "PUT",
    path: "/api/v1/admin/product-swaps/{productId}",
    summary: "Set the products subscribers of a product may swap to (replaces the list; swaps already made stay)",
    tag,
    params: { productId: uuidPath },
    body: putProductSwapsSchema,
    response: z.object({ product: productSwapsDto }),
    errors: [400, 401, 403, 404, 422],
  }),
};
