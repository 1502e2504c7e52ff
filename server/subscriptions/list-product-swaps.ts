import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { products } from "@/db/schema";
import type { ProductSwapsDto } from "./swap-addons.schema";

/** Every sellable standard product with the products its subscribers may swap to (the staff page). */
export async function listProductSwaps(db: DbOrTx): Promise<ProductSwapsDto[]> {
  return db
    .select({
      id: products.id,
      sku: products.sku,
      name: products.name,
      swapsTo: sql<
        string[]
      >`COALESCE((SELECT array_agg(ps.to_product_id::text ORDER BY ps.to_product_id) FROM product_swaps ps WHERE ps.from_product_id = ${products.id}), '{}')`,
    })
    .from(products)
    .where(sql`${products.sellable} AND ${eq(products.kind, "standard")}`)
    .orderBy(asc(products.name));
}
