import "server-only";
import type { Transaction } from "@/db/client";
import { env } from "@/server/env";
import { createNotifications } from "@/server/notifications/create-notification";
import { recordFailureStreaks } from "@/server/subscriptions/transition";

/** Why a subscription's cycle could not be generated. */
export type FailureReason = "product_not_sellable" | "product_not_orderable" | "invalid_schedule" | "generation_error";

export interface GenerationFailure {
  subscriptionId: string;
  customerId: string;
  /** failure_count as read under the row lock. */
  failureCount: number;
  reason: FailureReason;
  detail?: string;
}

export interface FailurePolicy {
  /** Consecutive failures after which the subscription is paused. */
  maxFailures: number;
  /** First retry delay; doubles with each further consecutive failure. */
  retryMinutes: number;
}

export const defaultFailurePolicy = (): FailurePolicy => ({
  maxFailures: env().GENERATION_MAX_FAILURES,
  retryMinutes: env().GENERATION_RETRY_MINUTES,
});

/**
 * A failed cycle keeps its index; the subscription is retried later (next_run_at moved to
 * now + backoff, so the claim query leaves it alone meanwhile) and, after `maxFailures`
 * consecutive failures, paused with an audit row and an in-app notification. A later success
 * resets the streak (advanceCursors). The writes go through server/subscriptions/transition;
 * a subscription no longer active is left alone. Returns the ids that were paused.
 */
export async function recordFailures(
  tx: Transaction,
  failures: readonly GenerationFailure[],
  now: Date,
  policy: FailurePolicy = defaultFailurePolicy(),
): Promise<string[]> {
  if (failures.length === 0) return [];
  const decided = failures.map((f) => {
    const count = f.failureCount + 1;
    const pause = count >= policy.maxFailures;
    const retryAt = pause ? null : new Date(now.getTime() + policy.retryMinutes * 60_000 * 2 ** (count - 1));
    return { ...f, count, pause, retryAt };
  });
  const pausedIds = new Set(
    await recordFailureStreaks(
      tx,
      decided.map((d) => ({
        subscriptionId: d.subscriptionId,
        failureCount: d.count,
        pause: d.pause,
        retryAt: d.retryAt,
        failed: { reason: d.reason, detail: d.detail, failureCount: d.count, retryAt: d.retryAt?.toISOString() },
        paused: { reason: d.reason, failureCount: d.count },
      })),
      now,
    ),
  );

  const paused = decided.filter((d) => pausedIds.has(d.subscriptionId));
  await createNotifications(
    tx,
    paused.map((d) => ({
      customerId: d.customerId,
      kind: "subscription_auto_paused",
      title: "Your subscription is paused",
      body: `We couldn't create your order ${d.count} times in a row (${REASON_TEXT[d.reason]}), so we paused the subscription. Review it and resume when it suits you.`,
      link: `/subscriptions/${d.subscriptionId}`,
      data: { subscriptionId: d.subscriptionId, reason: d.reason },
    })),
  );
  return paused.map((d) => d.subscriptionId);
}

const REASON_TEXT: Record<FailureReason, string> = {
  product_not_sellable: "the product is no longer sold",
  product_not_orderable: "the product can't be ordered directly",
  invalid_schedule: "its schedule is invalid",
  generation_error: "an unexpected error",
};
