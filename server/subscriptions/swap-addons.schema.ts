/**
 * Request and response schemas of product swaps and one-time add-ons (issue #13 items 1, 2).
 * Pure: the portal and the staff page import them too. Checks that need the database (is the
 * swap allowed, is the product sellable, is the delivery still open) are the use-cases' and come
 * back as the same `{ field: reason }` errors.
 */
import { z } from "zod";
import { requestSchemas, responseSchemas } from "../http/named-schemas";
import { productDto } from "./subscription-dto.schema";
import { idSchema, quantitySchema } from "./subscription.schema";

export const SWAP_SCOPES = ["future", "once"] as const;
export type SwapScope = (typeof SWAP_SCOPES)[number];

const cycleIndexField = z
  .number({ error: "Choose a delivery" })
  .int({ error: "Choose a delivery" })
  .min(0, { error: "No such delivery" })
  .max(1_000_000, { error: "No such delivery" });

export const swapProductSchema = z
  .object({
    productId: idSchema("Choose a product"),
    scope: z.enum(SWAP_SCOPES, { error: "Choose this delivery only or this and all future deliveries" }).meta({
      description: "`future`: the subscription's product from the next order on; `once`: one delivery only (`cycleIndex`).",
    }),
    cycleIndex: cycleIndexField.optional().meta({ description: "With scope `once`: which delivery; defaults to the next one." }),
  })
  .register(requestSchemas, { id: "SwapProductRequest" });
export type SwapProductInput = z.infer<typeof swapProductSchema>;

export const addAddonSchema = z
  .object({ productId: idSchema("Choose a product"), quantity: quantitySchema })
  .register(requestSchemas, { id: "AddAddonRequest" });
export type AddAddonInput = z.infer<typeof addAddonSchema>;

export const removeAddonSchema = z
  .object({ cycleIndex: cycleIndexField, productId: idSchema("Choose a product") })
  .register(requestSchemas, { id: "RemoveAddonRequest" });
export type RemoveAddonInput = z.infer<typeof removeAddonSchema>;

/** What the customer may swap a subscription's product to (the merchandiser's list for it). */
export const swapOptionsDto = z.object({ options: z.array(productDto) }).register(responseSchemas, { id: "SwapOptions" });
export type SwapOptionsDto = z.infer<typeof swapOptionsDto>;

export const putProductSwapsSchema = z
  .object({
    toProductIds: z.array(idSchema("Choose products from the list")).max(50, { error: "At most 50 swaps per product" }),
  })
  .register(requestSchemas, { id: "PutProductSwapsRequest" });
export type PutProductSwapsInput = z.infer<typeof putProductSwapsSchema>;

/** A product of the catalog with the products its subscribers may swap to. */
export const productSwapsDto = z
  .object({ id: z.string(), sku: z.string(), name: z.string(), swapsTo: z.array(z.string()) })
  .register(responseSchemas, { id: "ProductSwaps" });
export type ProductSwapsDto = z.infer<typeof productSwapsDto>;
