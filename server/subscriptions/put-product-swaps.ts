import "server-only";
import { and, eq, inArray, notInArray } from "drizzle-orm";
import type { Database } from "@/db/client";
import { auditLog, products, productSwaps } from "@/db/schema";
import { invalid, notFound } from "../errors/app-error";
import { listProductSwaps } from "./list-product-swaps";
import type { ProductSwapsDto, PutProductSwapsInput } from "./swap-addons.schema";

/**
 * Replaces the list of products subscribers of `productId` may swap to. Swaps customers already
 * made stay (a subscription's product, a delivery's swap): the list governs new swaps only.
 * Audited as entity `product` (`product_swaps_configured`).
 */
export async function putProductSwaps(
  db: Database,
  userId: string,
  productId: string,
  input: PutProductSwapsInput,
  now: Date,
): Promise<ProductSwapsDto> {
  const targets = [...new Set(input.toProductIds)];
  if (targets.includes(productId)) throw invalid({ toProductIds: "A product can't be swapped to itself" });
  await db.transaction(async (tx) => {
    const [from] = await tx
      .select({ id: products.id })
      .from(products)
      .where(and(eq(products.id, productId), eq(products.sellable, true), eq(products.kind, "standard")));
    if (!from) throw notFound("Product");
    if (targets.length > 0) {
      const found = await tx
        .select({ id: products.id })
        .from(products)
        .where(and(inArray(products.id, targets), eq(products.sellable, true), eq(products.kind, "standard")));
      if (found.length !== targets.length) throw invalid({ toProductIds: "Choose sellable products from the list" });
    }
    await tx
      .delete(productSwaps)
      .where(
        targets.length > 0
          ? and(eq(productSwaps.fromProductId, productId), notInArray(productSwaps.toProductId, targets))
          : eq(productSwaps.fromProductId, productId),
      );
    if (targets.length > 0) {
      await tx
        .insert(productSwaps)
        .values(targets.map((to) => ({ fromProductId: productId, toProductId: to, createdAt: now })))
        .onConflictDoNothing();
    }
    await tx.insert(auditLog).values({
      at: now,
      actorType: "user",
      actorId: userId,
      entityType: "product",
      entityId: productId,
      action: "product_swaps_configured",
      data: { swapsTo: targets },
    });
  });
  return (await listProductSwaps(db)).find((p) => p.id === productId)!;
}
