import type { EnrollmentClock } from "@/server/continuity/forecast";
import type { BillingPlan, IsPhantom, Program, SubscriberState } from "@/server/continuity/model";
import type { CycleExtras } from "@/server/generation/cycle-lines";
import type { CycleOverride, ScheduleRow } from "@/server/generation/plan-cycle";
import type { LocalDate } from "@/server/schedule";

/**
 * The facts the forecast reads: a copy of the book as generation would see it. The walk never
 * mutates these objects, so a what-if can share everything it does not change.
 */
export interface BookSubscription extends ScheduleRow {
  id: string;
  customerId: string;
  productId: string;
  quantity: number;
  /** Only active and paused subscriptions can still produce orders. */
  status: "active" | "paused";
  /** A paused subscription resumes at the start of this local date (null: paused indefinitely). */
  pausedUntil: LocalDate | null;
  /** The cursor's instant (subscriptions.next_run_at); null when nothing is due any more. */
  nextRunAt: Date | null;
  productSellable: boolean;
  productKind: string;
  /** Cycle overrides at or after the cursor (skip, opt-out, reschedule), keyed by cycle index. */
  overrides: ReadonlyMap<number, CycleOverride>;
  /** "This delivery only" swaps and one-time add-ons at or after the cursor (absent = none). */
  extras?: CycleExtras;
  /** An accepted save offer's discount: `percent` off each of the next `ordersLeft` generated orders. */
  discount?: { percent: number; ordersLeft: number };
}

export interface BookEnrollment {
  subscriptionId: string;
  customerId: string;
  programId: string;
  revision: number;
  quantity: number;
  /** The next occasion's generation instant (subscriptions.next_run_at). */
  nextRunAt: Date | null;
  clock: EnrollmentClock;
  state: SubscriberState;
  billingPlan: BillingPlan;
  optOuts: ReadonlySet<number>;
}

export interface BookProduct {
  id: string;
  sku: string;
  name: string;
  /** Catalog price: what insertOrders prices a generated line at. */
  priceMinor: number;
  onHand: number;
  reserved: number;
}

export interface ForecastCatalog {
  products: ReadonlyMap<string, BookProduct>;
  /** Programs by `programKey(programId, revision)`. */
  programs: ReadonlyMap<string, Program>;
  isPhantom: IsPhantom;
}

export const programKey = (programId: string, revision: number) => `${programId}:${revision}`;

export const NO_OVERRIDES: ReadonlyMap<number, CycleOverride> = new Map();
export const NO_OPT_OUTS: ReadonlySet<number> = new Set();
