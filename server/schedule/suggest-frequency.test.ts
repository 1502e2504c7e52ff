import { describe, expect, it } from "vitest";
import { suggestFrequency } from "./suggest-frequency";

describe("suggestFrequency", () => {
  it("needs at least two distinct order days", () => {
    expect(suggestFrequency([])).toBeNull();
    expect(suggestFrequency(["2027-01-15"])).toBeNull();
    expect(suggestFrequency(["2027-01-15", "2027-01-15"])).toBeNull();
  });

  it.each([
    [["2027-01-01", "2027-01-02", "2027-01-03"], "daily"],
    [["2027-01-01", "2027-01-04", "2027-01-07"], "daily"], // 3 days is nearer 1 than 7
    [["2027-01-01", "2027-01-06", "2027-01-11"], "weekly"], // 5 days
    [["2027-01-01", "2027-01-08", "2027-01-15", "2027-01-22"], "weekly"],
    [["2027-01-01", "2027-01-15", "2027-01-29"], "biweekly"],
    [["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"], "monthly"],
    [["2027-01-10", "2027-04-12", "2027-07-09"], "quarterly"],
    [["2027-01-10", "2027-07-12"], "semiannual"],
    [["2027-02-01", "2028-02-01"], "annual"],
  ] as const)("%j → %s", (dates, expected) => {
    expect(suggestFrequency(dates)).toBe(expected);
  });

  it("uses the median, so one outlier gap doesn't change the answer", () => {
    expect(suggestFrequency(["2027-01-01", "2027-01-08", "2027-01-15", "2027-01-22", "2027-05-01"])).toBe("weekly");
  });

  it("sorts its input and counts several orders on one day once", () => {
    expect(suggestFrequency(["2027-03-01", "2027-01-01", "2027-02-01", "2027-02-01"])).toBe("monthly");
  });

  it("rejects invalid dates instead of guessing", () => {
    expect(() => suggestFrequency(["2027-01-01", "2027-02-30"])).toThrow(RangeError);
  });
});
