import { z } from "zod";

/** `attempts` counts the first try too, so `attempts: 1` means "never retry". */
export const retryPolicySchema = z
  .strictObject({
    attempts: z.int().min(1).max(50),
    initialIntervalMs: z.int().min(0),
    backoffRate: z.number().min(1),
    maxIntervalMs: z.int().min(0),
  })
  .refine((p) => p.maxIntervalMs >= p.initialIntervalMs, {
    message: "maxIntervalMs must be >= initialIntervalMs",
    path: ["maxIntervalMs"],
  });

export type RetryPolicy = z.infer<typeof retryPolicySchema>;

/**
 * Delay to wait after failed attempt number `attempt` (1-based) before the next one:
 * min(initial × rate^(attempt-1), max). Overflow to Infinity is capped by the min.
 */
export function retryDelayMs(policy: RetryPolicy, attempt: number): number {
  if (!Number.isInteger(attempt) || attempt < 1) {
    throw new RangeError(`attempt must be an integer >= 1, got ${attempt}`);
  }
  return Math.min(policy.initialIntervalMs * policy.backoffRate ** (attempt - 1), policy.maxIntervalMs);
}

/** All delays between attempts, e.g. for the designer's "retries at 1s, 2s, 4s" hint. */
export function retrySchedule(policy: RetryPolicy): number[] {
  return Array.from({ length: policy.attempts - 1 }, (_, i) => retryDelayMs(policy, i + 1));
}
