import { describe, expect, it } from "vitest";
import { retryDelayMs, retryPolicySchema, retrySchedule, type RetryPolicy } from "./retry-policy";

const policy: RetryPolicy = { attempts: 6, initialIntervalMs: 1_000, backoffRate: 2, maxIntervalMs: 10_000 };

describe("retryDelayMs", () => {
  it("grows exponentially from the initial interval and caps at the maximum", () => {
    expect([1, 2, 3, 4, 5].map((n) => retryDelayMs(policy, n))).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect(retryDelayMs(policy, 5_000)).toBe(10_000);
  });

  it("keeps a constant interval with rate 1 and supports fractional rates", () => {
    expect(retryDelayMs({ ...policy, backoffRate: 1 }, 4)).toBe(1_000);
    expect(retryDelayMs({ ...policy, backoffRate: 1.5 }, 3)).toBe(2_250);
  });

  it("rejects attempts below 1", () => {
    expect(() => retryDelayMs(policy, 0)).toThrow(RangeError);
    expect(() => retryDelayMs(policy, 1.5)).toThrow(RangeError);
  });

  it("lists one delay per retry", () => {
    expect(retrySchedule({ ...policy, attempts: 4 })).toEqual([1_000, 2_000, 4_000]);
    expect(retrySchedule({ ...policy, attempts: 1 })).toEqual([]);
  });

  it("schema rejects a cap below the initial interval and a shrinking rate", () => {
    expect(retryPolicySchema.safeParse(policy).success).toBe(true);
    expect(retryPolicySchema.safeParse({ ...policy, maxIntervalMs: 500 }).success).toBe(false);
    expect(retryPolicySchema.safeParse({ ...policy, backoffRate: 0.5 }).success).toBe(false);
  });
});
