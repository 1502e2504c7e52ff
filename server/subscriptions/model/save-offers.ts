/**
 * Save offers, pure: what an offer's terms say to a customer, and when a "pause N months"
 * offer resumes. No db, no clock (`today` is passed in); the portal and emails share it.
 */
import type { CancelReason, SaveOfferKind } from "@/db/vocabulary/save-offers";
import { CANCEL_REASONS } from "@/db/vocabulary/save-offers";
import { addMonthsClamped, FREQUENCY_LABELS, type Frequency, type LocalDate } from "../../schedule";
import type { CustomerAction } from "../subscription-status";

export { CANCEL_REASONS, SAVE_OFFER_KINDS, type CancelReason, type SaveOfferKind } from "@/db/vocabulary/save-offers";

/** The customer-facing label of each reason, in the dialog's order. */
export const CANCEL_REASON_LABELS: Readonly<Record<CancelReason, string>> = {
  too_much_product: "I have too much product",
  too_expensive: "It's too expensive",
  switching_product: "I'm switching to another product",
  moving: "I'm moving",
  other: "Another reason",
};

export const cancelReasonOptions = () => CANCEL_REASONS.map((value) => ({ value, label: CANCEL_REASON_LABELS[value] }));

/** An offer's terms: exactly the columns its kind uses (save_offers_kind_columns in SQL says the same). */
export type SaveOfferTerms =
  | { kind: "skip_next" }
  | { kind: "pause"; pauseMonths: number }
  | { kind: "change_frequency"; frequency: Frequency }
  | { kind: "discount"; discountPercent: number; discountOrders: number };

export const MAX_PAUSE_MONTHS = 3;
export const MAX_DISCOUNT_PERCENT = 90;
export const MAX_DISCOUNT_ORDERS = 12;

/** One line for the accept button and the confirmation email, e.g. "20% off your next 3 orders". */
export function describeSaveOffer(terms: SaveOfferTerms): string {
  switch (terms.kind) {
    case "skip_next":
      return "Skip your next delivery instead";
    case "pause":
      return `Pause for ${terms.pauseMonths} month${terms.pauseMonths === 1 ? "" : "s"} instead`;
    case "change_frequency":
      return `Get deliveries ${FREQUENCY_LABELS[terms.frequency].toLowerCase()} instead`;
    case "discount":
      return terms.discountOrders === 1
        ? `Get ${terms.discountPercent}% off your next order`
        : `Get ${terms.discountPercent}% off your next ${terms.discountOrders} orders`;
  }
}

/** The lifecycle action an offer performs (the transition table decides whether it applies now). */
export const OFFER_ACTION: Readonly<Record<SaveOfferKind, CustomerAction>> = {
  skip_next: "skip",
  pause: "pause",
  change_frequency: "change",
  // A discount changes no status; it is worth offering wherever a cancel is.
  discount: "cancel",
};

/** The local date a "pause N months" offer resumes on: N months after today (clamped to month end). */
export function pauseOfferUntil(today: LocalDate, months: number): LocalDate {
  return addMonthsClamped(today, months);
}

/** The discount in minor units of an order of `amountMinor` (rounded half up, never above the amount). */
export function discountMinor(amountMinor: number, percent: number): number {
  return Math.min(amountMinor, Math.floor((amountMinor * percent + 50) / 100));
}
