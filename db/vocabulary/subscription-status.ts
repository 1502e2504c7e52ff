/**
 * Subscription lifecycle. Allowed transitions (each is a guarded UPDATE … WHERE status = :from):
 *   active → paused → active, active|paused → cancelled, active → completed (end condition reached).
 * cancelled and completed are final. Who may move it from where: server/subscriptions/subscription-status.ts.
 */
export const SUBSCRIPTION_STATUSES = ["active", "paused", "cancelled", "completed"] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export const END_KINDS = ["until_cancelled", "after_cycles", "on_date"] as const;
export type EndKind = (typeof END_KINDS)[number];

/** Per-cycle exceptions to the schedule; none of them moves the anchor (docs/schedule.md). */
export const CYCLE_OVERRIDE_KINDS = ["skip", "opt_out", "reschedule"] as const;
export type CycleOverrideKind = (typeof CYCLE_OVERRIDE_KINDS)[number];
