import type { SubscriptionStatus } from "@/server/subscriptions/subscription-status";

export interface SubscriptionOutcome {
  versionId: string;
  shipmentsReceived: number;
  status: SubscriptionStatus;
}

export interface VersionRetention {
  /** Subscriptions whose fate at shipment k is known. */
  eligible: number;
  /** Of those, the ones that received at least k shipments. */
  retained: number;
  /** retained / eligible; `null` with no eligible subscriptions (no data is not 0%). */
  rate: number | null;
}

/**
 * Share of subscribers still on board after k shipments, per series version — the number
 * that says which version of an A/B split keeps customers.
 *
 * Reaching k shipments counts as retained whatever happened later. Below k, only
 * `cancelled` counts as churn; active or paused subscribers simply haven't had k shipments
 * yet and `completed` ones ran out of series, so both are left out rather than counted as
 * losses (which would punish young or short versions).
 */
export function retentionByVersion(subscriptions: readonly SubscriptionOutcome[], k: number): Record<string, VersionRetention> {
  if (!Number.isSafeInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, got ${k}`);
  const result: Record<string, VersionRetention> = {};
  for (const sub of subscriptions) {
    const entry = (result[sub.versionId] ??= { eligible: 0, retained: 0, rate: null });
    if (sub.shipmentsReceived >= k) {
      entry.eligible++;
      entry.retained++;
    } else if (sub.status === "cancelled") {
      entry.eligible++;
    }
  }
  for (const entry of Object.values(result)) entry.rate = entry.eligible === 0 ? null : entry.retained / entry.eligible;
  return result;
}
