import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { products, productSwaps } from "@/db/schema";
import { productDtoColumns } from "./list-products";
import { getSubscriptionOrThrow } from "./list-subscriptions";
import type { SwapOptionsDto } from "./swap-addons.schema";

/** The products this subscription may swap to: the merchandiser's list for its product, still orderable. */
export async function listSwapOptions(db: DbOrTx, customerId: string, id: string): Promise<SwapOptionsDto> {
  const { row } = await getSubscriptionOrThrow(db, customerId, id);
  const options = await db
    .select(productDtoColumns)
    .from(productSwaps)
    .innerJoin(products, eq(products.id, productSwaps.toProductId))
    .where(and(eq(productSwaps.fromProductId, row.productId), eq(products.sellable, true), eq(products.kind, "standard")))
    .orderBy(asc(products.name));
  return { options };
}
