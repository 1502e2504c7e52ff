import { addDays, type LocalDate } from "@/server/schedule";
import { discountMinor } from "@/server/subscriptions/model";
import type { BookProduct } from "./book";
import type { ForecastOrder, ForecastSink } from "./forecast-order";
import type { WindowClock } from "./window";

export const DAILY_DAYS = 14;

export interface SkuDemand {
  productId: string;
  sku: string;
  name: string;
  /** Stock not yet promised to an existing order (on hand − reserved). */
  available: number;
  onHand: number;
  /** Units per week of the window (week w = days 7w … 7w + 6). */
  weekly: number[];
  /** Units per day for the first 14 days (fewer when the window is shorter). */
  daily: number[];
  total: number;
  /** First week whose cumulative demand exceeds `available`; null when stock lasts. */
  firstShortWeek: number | null;
}

export interface PeriodTotals {
  start: LocalDate;
  orders: number;
  units: number;
  /** Σ catalog price × quantity of the orders (what insertOrders prices them at). */
  revenueMinor: number;
  /** Orders whose total exceeds the approval threshold (they wait in manual review); 0 without one. */
  needApproval: number;
}

export interface DemandForecast {
  startDate: LocalDate;
  weeks: number;
  skus: SkuDemand[];
  weekly: PeriodTotals[];
  daily: PeriodTotals[];
  /** Cycles passed without an order (skips, opt-outs, missed occasions). */
  skipped: number;
  /** Program occasions blocked on a phantom without a substitute. */
  blocked: number;
}

/**
 * Aggregates the walk's orders per SKU and day in typed arrays (one row of `days` counters per
 * product), so a million subscriptions cost one array add per order and no object per cell.
 */
export class DemandAccumulator {
  private readonly rows = new Map<string, Float64Array>();
  private readonly orders: Float64Array;
  private readonly units: Float64Array;
  private readonly revenue: Float64Array;
  private readonly approvals: Float64Array;
  private skipped = 0;
  private blocked = 0;
  readonly sink: ForecastSink = (o) => this.add(o);

  constructor(
    private readonly clock: WindowClock,
    private readonly priceOf: (productId: string) => number,
    /** The default workflow's guard: an order with total > threshold needs approval. */
    private readonly approvalThresholdMinor: number | null = null,
  ) {
    const days = clock.window.days;
    this.orders = new Float64Array(days);
    this.units = new Float64Array(days);
    this.revenue = new Float64Array(days);
    this.approvals = new Float64Array(days);
  }

  add(o: ForecastOrder): void {
    if (o.outcome === "blocked") return void this.blocked++;
    if (o.outcome !== "order") return void this.skipped++;
    const day = this.clock.dayIndex(o.date);
    if (day < 0) return;
    this.orders[day]! += 1;
    let total = this.addLine(day, o.productId, o.quantity);
    for (const a of o.addons ?? []) total += this.addLine(day, a.productId, a.quantity);
    if (o.discountPercent) total -= discountMinor(total, o.discountPercent);
    this.revenue[day]! += total;
    if (this.approvalThresholdMinor !== null && total > this.approvalThresholdMinor) this.approvals[day]! += 1;
  }

  /** One line's units on `day`; returns its amount. */
  private addLine(day: number, productId: string, quantity: number): number {
    let row = this.rows.get(productId);
    if (!row) this.rows.set(productId, (row = new Float64Array(this.clock.window.days)));
    row[day]! += quantity;
    this.units[day]! += quantity;
    return this.priceOf(productId) * quantity;
  }

  /** `days.length` orders of `quantity` × `productId`, one on each day index (the memoized walk). */
  addCycles(productId: string, quantity: number, days: Int32Array): void {
    let row = this.rows.get(productId);
    if (!row) this.rows.set(productId, (row = new Float64Array(this.clock.window.days)));
    const total = this.priceOf(productId) * quantity;
    const approval = this.approvalThresholdMinor !== null && total > this.approvalThresholdMinor ? 1 : 0;
    for (let i = 0; i < days.length; i++) {
      const day = days[i]!;
      row[day]! += quantity;
      this.orders[day]! += 1;
      this.units[day]! += quantity;
      this.revenue[day]! += total;
      this.approvals[day]! += approval;
    }
  }

  result(products: ReadonlyMap<string, BookProduct>): DemandForecast {
    const { startDate, days } = this.clock.window;
    const weeks = Math.ceil(days / 7);
    const skus: SkuDemand[] = [];
    for (const [productId, row] of this.rows) {
      const p = products.get(productId);
      const weekly = perWeek(row, weeks);
      const available = p ? p.onHand - p.reserved : 0;
      skus.push({
        productId,
        sku: p?.sku ?? productId,
        name: p?.name ?? "Unknown product",
        available,
        onHand: p?.onHand ?? 0,
        weekly,
        daily: Array.from(row.subarray(0, DAILY_DAYS)),
        total: weekly.reduce((a, b) => a + b, 0),
        firstShortWeek: firstShortWeek(weekly, available),
      });
    }
    skus.sort((a, b) => a.sku.localeCompare(b.sku));
    const totals = (from: number, to: number): PeriodTotals => ({
      start: addDays(startDate, from),
      orders: sum(this.orders, from, to),
      units: sum(this.units, from, to),
      revenueMinor: sum(this.revenue, from, to),
      needApproval: sum(this.approvals, from, to),
    });
    return {
      startDate,
      weeks,
      skus,
      weekly: Array.from({ length: weeks }, (_, w) => totals(w * 7, Math.min(days, w * 7 + 7))),
      daily: Array.from({ length: Math.min(DAILY_DAYS, days) }, (_, d) => totals(d, d + 1)),
      skipped: this.skipped,
      blocked: this.blocked,
    };
  }
}

function perWeek(row: Float64Array, weeks: number): number[] {
  return Array.from({ length: weeks }, (_, w) => sum(row, w * 7, Math.min(row.length, w * 7 + 7)));
}

function sum(a: Float64Array, from: number, to: number): number {
  let s = 0;
  for (let i = from; i < to; i++) s += a[i]!;
  return s;
}

/** Index of the first week whose running total exceeds what is available. */
export function firstShortWeek(weekly: readonly number[], available: number): number | null {
  let running = 0;
  for (let w = 0; w < weekly.length; w++) {
    running += weekly[w]!;
    if (running > available) return w;
  }
  return null;
}
