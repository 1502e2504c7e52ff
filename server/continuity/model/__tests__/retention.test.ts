import { describe, expect, it } from "vitest";
import { retentionByVersion, type SubscriptionOutcome } from "../index";

const sub = (versionId: string, shipmentsReceived: number, status: SubscriptionOutcome["status"]): SubscriptionOutcome => ({
  versionId,
  shipmentsReceived,
  status,
});

describe("retentionByVersion", () => {
  it("counts reaching k as retained, cancelling before k as churn, and leaves out the undecided", () => {
    const result = retentionByVersion(
      [
        sub("A", 6, "active"), // retained
        sub("A", 7, "cancelled"), // retained: cancelled after k
        sub("A", 3, "cancelled"), // churned
        sub("A", 2, "active"), // too young: left out
        sub("A", 2, "paused"), // too young: left out
        sub("A", 4, "completed"), // ran out of series: left out
        sub("B", 1, "active"),
        sub("C", 0, "cancelled"),
        sub("C", 9, "completed"),
      ],
      6,
    );
    expect(result).toEqual({
      A: { eligible: 3, retained: 2, rate: 2 / 3 },
      B: { eligible: 0, retained: 0, rate: null },
      C: { eligible: 2, retained: 1, rate: 0.5 },
    });
  });

  it("rejects k < 1", () => {
    expect(() => retentionByVersion([], 0)).toThrow(RangeError);
  });
});
