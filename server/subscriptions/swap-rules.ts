import "server-only";
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { products, productSwaps } from "@/db/schema";
import { invalid } from "../errors/app-error";

/**
 * Refuses (422 on `productId`) a swap the merchandiser did not allow from `fromProductId`, or to
 * a product that can no longer be ordered: generation would fail on it at the delivery instead.
 */
export async function assertSwapAllowed(db: DbOrTx, fromProductId: string, toProductId: string): Promise<void> {
  const [allowed] = await db
    .select({ id: products.id })
    .from(productSwaps)
    .innerJoin(products, eq(products.id, productSwaps.toProductId))
    .where(
      and(
        eq(productSwaps.fromProductId, fromProductId),
        eq(productSwaps.toProductId, toProductId),
        eq(products.sellable, true),
        eq(products.kind, "standard"),
      ),
    );
  if (!allowed) throw invalid({ productId: "This product isn't offered as a swap for your subscription" });
}

/** Refuses (422 on `productId`) an add-on generation could not ship: unknown, not sellable, not a standard product. */
export async function assertAddable(db: DbOrTx, productId: string): Promise<void> {
  const [p] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.sellable, true), eq(products.kind, "standard")));
  if (!p) throw invalid({ productId: "This product can't be added to a delivery" });
}
