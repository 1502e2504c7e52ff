import type { CycleLine } from "@/server/generation/cycle-lines";
import type { LocalDate } from "@/server/schedule";

/**
 * One cycle the walk met, as generation will handle it. `order` becomes an order whose first line
 * is `productId` × `quantity` (the cycle's swap applied), then its `addons`; the other outcomes create none: a skipped / opted-out cycle, a
 * program occasion missed, or a program occasion blocked on a phantom without a substitute
 * (generation retries it until the calendar is fixed, so the walk stops there).
 */
export type ForecastOutcome = "order" | "skip" | "opted_out" | "missed" | "blocked";

export interface ForecastOrder {
  subscriptionId: string;
  customerId: string;
  cycleIndex: number;
  outcome: ForecastOutcome;
  /** Local date in the customer's zone (a program's delivery date). */
  date: LocalDate;
  /** The order's scheduled_for. */
  scheduledFor: Date;
  /** When generation creates it: the first run at or after the cycle fell due. */
  generatedAt: Date;
  /** What the line ships (substitution applied for programs). */
  productId: string;
  quantity: number;
  /** The cycle's one-time add-ons: more lines of the same order (absent = none; programs have none). */
  addons?: readonly CycleLine[];
  /** The save-offer percentage generation takes off this order's total (absent = none). */
  discountPercent?: number;
  program: null | {
    programId: string;
    revision: number;
    eventNumber: number;
    seriesProductId: string;
    substituted: boolean;
    /** Payment-schedule ledger entries the occasion books (billing plan), minor units. */
    chargeMinor: number;
    creditMinor: number;
  };
}

/** Receives the walk's cycles in per-subscription order. */
export type ForecastSink = (order: ForecastOrder) => void;
