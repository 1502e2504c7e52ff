import "server-only";
import { and, asc, eq, gte } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { cycleAddons, cycleSwaps, products } from "@/db/schema";
import type { CycleAddonDto } from "./subscription-dto.schema";

export interface CycleExtrasView {
  /** "This delivery only" product by cycle index. */
  swaps: Map<number, { id: string; name: string }>;
  addons: Map<number, CycleAddonDto[]>;
}

/** One subscription's per-cycle swaps and add-ons at or after `fromIndex` (the portal's timeline). */
export async function loadCycleExtras(db: DbOrTx, subscriptionId: string, fromIndex: number): Promise<CycleExtrasView> {
  const [swapRows, addonRows] = await Promise.all([
    db
      .select({ cycleIndex: cycleSwaps.cycleIndex, id: products.id, name: products.name })
      .from(cycleSwaps)
      .innerJoin(products, eq(products.id, cycleSwaps.productId))
      .where(and(eq(cycleSwaps.subscriptionId, subscriptionId), gte(cycleSwaps.cycleIndex, fromIndex))),
    db
      .select({
        cycleIndex: cycleAddons.cycleIndex,
        productId: products.id,
        sku: products.sku,
        name: products.name,
        quantity: cycleAddons.quantity,
        priceMinor: products.priceMinor,
      })
      .from(cycleAddons)
      .innerJoin(products, eq(products.id, cycleAddons.productId))
      .where(and(eq(cycleAddons.subscriptionId, subscriptionId), gte(cycleAddons.cycleIndex, fromIndex)))
      .orderBy(asc(cycleAddons.cycleIndex), asc(cycleAddons.createdAt), asc(products.name)),
  ]);
  const swaps = new Map(swapRows.map((r) => [r.cycleIndex, { id: r.id, name: r.name }]));
  const addons = new Map<number, CycleAddonDto[]>();
  for (const { cycleIndex, ...a } of addonRows) {
    const list = addons.get(cycleIndex) ?? [];
    list.push(a);
    addons.set(cycleIndex, list);
  }
  return { swaps, addons };
}
