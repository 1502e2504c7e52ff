import type { SubscriptionStatus } from "@/db/vocabulary/subscription-status";

// The status, end-kind and override vocabularies live with their pgEnums in db/vocabulary
// (db/ never imports server/); re-exported so the domain keeps one import for them.
export {
  CYCLE_OVERRIDE_KINDS,
  END_KINDS,
  SUBSCRIPTION_STATUSES,
  type CycleOverrideKind,
  type EndKind,
  type SubscriptionStatus,
} from "@/db/vocabulary/subscription-status";

/**
 * What a customer can do to a subscription, and from which statuses. The one table the
 * use-cases guard on (their UPDATE … WHERE status = :from) and the UI enables buttons by.
 */
export const CUSTOMER_ACTIONS = [
  "pause",
  "resume",
  "skip",
  "unskip",
  "reschedule",
  "order_now",
  "change",
  "swap",
  "addon",
  "cancel",
  "change_address",
  "send_delivery_elsewhere",
] as const;
export type CustomerAction = (typeof CUSTOMER_ACTIONS)[number];

export const ACTION_FROM: Readonly<Record<CustomerAction, readonly SubscriptionStatus[]>> = {
  pause: ["active"],
  resume: ["paused"],
  // Skips and date moves act on the next delivery, which only an active series has.
  skip: ["active"],
  unskip: ["active"],
  reschedule: ["active"],
  // An extra order is outside the series, so a paused customer may still ask for one.
  order_now: ["active", "paused"],
  change: ["active", "paused"],
  // "This and all future" works paused too (it is a column); "this delivery only" needs a next
  // delivery, which the use-case checks. An add-on rides on the next delivery: active only.
  swap: ["active", "paused"],
  addon: ["active"],
  cancel: ["active", "paused"],
  // Where deliveries go: a paused series still has deliveries after it resumes.
  change_address: ["active", "paused"],
  send_delivery_elsewhere: ["active", "paused"],
};

export function canPerform(status: SubscriptionStatus, action: CustomerAction): boolean {
  return ACTION_FROM[action].includes(status);
}

/**
 * Every audit `action` written for subscriptions (entity_type = 'subscription'), by whoever
 * writes it; server/subscriptions/transition.ts only accepts these. The transition table
 * (from → to, who, action) is in docs/subscriptions.md.
 */
export const SUBSCRIPTION_AUDIT_ACTIONS = [
  // Customer use-cases (server/subscriptions, server/continuity join/cancel/opt-out).
  "created",
  "paused",
  "resumed",
  "skipped",
  "unskipped",
  "rescheduled",
  "order_now",
  "frequency_changed",
  "quantity_changed",
  "cancelled",
  // Swaps and one-time add-ons (swap-product.ts, cycle-addons.ts): `product_swapped` carries
  // `scope` ("future" = the subscription's product, "once" = one cycle's), `cycleIndex`, from, to.
  "product_swapped",
  "addon_added",
  "addon_removed",
  // Addresses (change-subscription-address.ts, set-/remove-delivery-address.ts): the
  // subscription's own (this and all future), and one delivery sent elsewhere or back.
  "address_changed",
  "delivery_address_set",
  "delivery_address_removed",
  // The cancel flow (cancel-subscription.ts, get-save-offer.ts, accept-save-offer.ts): a save
  // offer shown for a reason, taken (its own action — skipped, paused… — is audited too), or
  // declined with "No thanks, cancel" (then `cancelled` follows, with the reason).
  "save_offer_shown",
  "save_offer_accepted",
  "save_offer_declined",
  // Generation (server/generation): per cycle, end of series, failure streaks.
  "cycle_generated",
  "cycle_skipped",
  "cycles_missed",
  "completed",
  "generation_failed",
  "auto_paused",
  // Continuity programs: generation outcomes, opt-outs, settlement, workbench revision moves.
  "program_shipment_missed",
  "program_shipment_opted_out",
  "program_generation_blocked",
  "program_opted_out",
  "program_opted_in",
  "program_settled",
  "program_revision_applied",
] as const;
export type SubscriptionAuditAction = (typeof SUBSCRIPTION_AUDIT_ACTIONS)[number];
