import type { LocalDate } from "@/server/schedule";
import { discountMinor } from "@/server/subscriptions/model";
import type { BookProduct } from "./book";
import type { ForecastOrder } from "./forecast-order";

export interface TimeTravelLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number;
  unitPriceMinor: number;
}

export interface TimeTravelEntry {
  subscriptionId: string;
  customerId: string;
  cycleIndex: number;
  outcome: ForecastOrder["outcome"];
  scheduledFor: string;
  generatedAt: string;
  /** Empty unless outcome is "order": the order's one line. */
  lines: TimeTravelLine[];
  amountMinor: number;
  /** Payment-schedule entries the occasion books (programs): charge, and credit for an opt-out. */
  chargeMinor: number;
  creditMinor: number;
  program: ForecastOrder["program"];
}

export interface TimeTravelDay {
  date: LocalDate;
  entries: TimeTravelEntry[];
  orders: number;
  amountMinor: number;
  chargesMinor: number;
}

/** Groups walked cycles by local date (then time, then subscription) and prices each line. */
export function timeTravelDays(orders: readonly ForecastOrder[], products: ReadonlyMap<string, BookProduct>): TimeTravelDay[] {
  const byDate = new Map<LocalDate, TimeTravelEntry[]>();
  const sorted = [...orders].sort(
    (a, b) => a.date.localeCompare(b.date) || a.scheduledFor.getTime() - b.scheduledFor.getTime() || a.subscriptionId.localeCompare(b.subscriptionId),
  );
  for (const o of sorted) {
    const isOrder = o.outcome === "order";
    const lines = isOrder
      ? [{ productId: o.productId, quantity: o.quantity }, ...(o.addons ?? [])].map((l) => {
          const p = products.get(l.productId);
          return { productId: l.productId, sku: p?.sku ?? "", name: p?.name ?? "", quantity: l.quantity, unitPriceMinor: p?.priceMinor ?? 0 };
        })
      : [];
    const amount = lines.reduce((a, l) => a + l.unitPriceMinor * l.quantity, 0);
    const entry: TimeTravelEntry = {
      subscriptionId: o.subscriptionId,
      customerId: o.customerId,
      cycleIndex: o.cycleIndex,
      outcome: o.outcome,
      scheduledFor: o.scheduledFor.toISOString(),
      generatedAt: o.generatedAt.toISOString(),
      lines,
      // The order's total as insertOrders prices it: the lines, less a save-offer discount.
      amountMinor: o.discountPercent ? amount - discountMinor(amount, o.discountPercent) : amount,
      chargeMinor: o.program?.chargeMinor ?? 0,
      creditMinor: o.program?.creditMinor ?? 0,
      program: o.program,
    };
    const list = byDate.get(o.date) ?? [];
    list.push(entry);
    byDate.set(o.date, list);
  }
  return [...byDate].map(([date, entries]) => ({
    date,
    entries,
    orders: entries.filter((e) => e.outcome === "order").length,
    amountMinor: entries.reduce((a, e) => a + e.amountMinor, 0),
    chargesMinor: entries.reduce((a, e) => a + e.chargeMinor - e.creditMinor, 0),
  }));
}
