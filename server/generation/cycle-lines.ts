/**
 * The lines of one cycle's order: the subscription's product × quantity — or that cycle's
 * "this delivery only" swap — plus the cycle's one-time add-ons. Pure; generation and the
 * forecast both call it, so the forecast lists exactly the lines generation creates.
 */

/** A product as generation checks it (only sellable standard products can be ordered). */
export interface CycleProduct {
  productId: string;
  sellable: boolean;
  kind: string;
}
export interface CycleAddon extends CycleProduct {
  quantity: number;
}

/** A subscription's per-cycle swaps and add-ons (at or after its cursor), keyed by cycle index. */
export interface CycleExtras {
  swaps: ReadonlyMap<number, CycleProduct>;
  addons: ReadonlyMap<number, readonly CycleAddon[]>;
}

export const NO_EXTRAS: CycleExtras = { swaps: new Map(), addons: new Map() };

export interface CycleLine {
  productId: string;
  quantity: number;
}

export type CycleLines =
  | { ok: true; lines: CycleLine[]; swapped: boolean; droppedAddons: string[] }
  /** The product this cycle ships can't be ordered: the cycle fails like an unsellable subscription product. */
  | { ok: false; reason: "product_not_sellable" | "product_not_orderable"; detail?: string };

/**
 * A swapped product that can no longer be ordered fails the cycle exactly as the subscription's
 * own product would (retried, then auto-paused): shipping the old product instead would ignore
 * the customer's choice. An add-on that can no longer be ordered is left out of the order and
 * reported (the delivery itself must not fail for an extra).
 */
export function cycleLines(base: CycleProduct & { quantity: number }, extras: CycleExtras, cycleIndex: number): CycleLines {
  const swap = extras.swaps.get(cycleIndex);
  const product = swap ?? base;
  if (!product.sellable) return { ok: false, reason: "product_not_sellable" };
  if (product.kind !== "standard") return { ok: false, reason: "product_not_orderable", detail: product.kind };
  const lines: CycleLine[] = [{ productId: product.productId, quantity: base.quantity }];
  const droppedAddons: string[] = [];
  for (const a of extras.addons.get(cycleIndex) ?? []) {
    if (a.sellable && a.kind === "standard") lines.push({ productId: a.productId, quantity: a.quantity });
    else droppedAddons.push(a.productId);
  }
  return { ok: true, lines, swapped: swap !== undefined, droppedAddons };
}
