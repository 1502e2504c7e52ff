import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { env } from "@/server/env";
import { createNotifications } from "@/server/notifications/create-notification";
import { insertSubscriptionAudit } from "./insert-subscription-audit";

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
 * resets the streak (advanceSubscriptions). Returns the ids that were paused.
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
  const input = JSON.stringify(decided.map((d) => ({
    id: d.subscriptionId, count: d.count, pause: d.pause, retry_at: d.retryAt?.toISOString() ?? null,
  })));
  await tx.execute(sql`
    UPDATE subscriptions s
    SET failure_count = v.count, updated_at = now(),
        status = CASE WHEN v.pause THEN 'paused'::subscription_status ELSE s.status END,
        next_run_at = CASE WHEN v.pause THEN s.next_run_at ELSE v.retry_at END
    FROM jsonb_to_recordset(${input}::jsonb) AS v(id uuid, count int, pause boolean, retry_at timestamptz)
    WHERE s.id = v.id AND s.status = 'active'`);

  await insertSubscriptionAudit(tx, decided.flatMap((d) => {
    const failed = {
      subscriptionId: d.subscriptionId, action: "generation_failed",
      data: { reason: d.reason, detail: d.detail, failureCount: d.count, retryAt: d.retryAt?.toISOString() },
    };
    if (!d.pause) return [failed];
    const paused = {
      subscriptionId: d.subscriptionId, action: "auto_paused", fromState: "active", toState: "paused",
      data: { reason: d.reason, failureCount: d.count },
    };
    return [failed, paused];
  }));

  const paused = decided.filter((d) => d.pause);
  await createNotifications(tx, paused.map((d) => ({
    customerId: d.customerId,
    kind: "subscription_auto_paused",
    title: "Your subscription is paused",
    body: `We couldn't create your order ${d.count} times in a row (${REASON_TEXT[d.reason]}), so we paused the subscription. Review it and resume when it suits you.`,
    link: `/subscriptions/${d.subscriptionId}`,
    data: { subscriptionId: d.subscriptionId, reason: d.reason },
  })));
  return paused.map((d) => d.subscriptionId);
}

const REASON_TEXT: Record<FailureReason, string> = {
  product_not_sellable: "the product is no longer sold",
  product_not_orderable: "the product can't be ordered directly",
  invalid_schedule: "its schedule is invalid",
  generation_error: "an unexpected error",
};
