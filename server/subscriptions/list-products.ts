import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { products } from "@/db/schema";
import type { ProductDto } from "./subscription-dto.schema";

/** A ProductDto's columns, for every query that lists products to a customer. */
export const productDtoColumns = {
  id: products.id,
  sku: products.sku,
  name: products.name,
  description: products.description,
  category: products.category,
  priceMinor: products.priceMinor,
  currency: products.currency,
  imageUrl: products.imageUrl,
};

/** What a customer can subscribe to: sellable standard products (see createSubscription). */
export async function listSubscribableProducts(db: DbOrTx): Promise<ProductDto[]> {
  return db
    .select(productDtoColumns)
    .from(products)
    .where(and(eq(products.sellable, true), eq(products.kind, "standard")))
    .orderBy(asc(products.category), asc(products.name));
}
