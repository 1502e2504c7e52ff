import "server-only";
import { and, asc, eq, ilike, or } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { products } from "@/db/schema";

/** Sellable products an alias can point to, for the admin's SKU picker. */
export async function listIntakeProducts(db: DbOrTx, q?: string) {
  const term = q?.trim();
  return db
    .select({ sku: products.sku, name: products.name })
    .from(products)
    .where(and(eq(products.sellable, true), term ? or(ilike(products.sku, `%${term}%`), ilike(products.name, `%${term}%`)) : undefined))
    .orderBy(asc(products.sku))
    .limit(200);
}
