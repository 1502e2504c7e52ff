import { describe, expect, it } from "vitest";
import { generationDate, previewShipments } from "../index";
import { makeProgram, standingMonthly } from "./fixtures";

describe("preview dates", () => {
  it("regular/perpetual dates follow the subscriber cadence with month clamping anchored on the join date", () => {
    const program = makeProgram({ type: "perpetual" });
    const rows = previewShipments(program, { joinDate: "2027-01-31", count: 4, frequency: "monthly" });
    expect(rows.map((r) => r.date)).toEqual(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
  });

  it("falls back to the program period, and needs one of them", () => {
    const withPeriod = makeProgram({ period: "quarterly" });
    expect(previewShipments(withPeriod, { joinDate: "2027-01-15", count: 2 }).map((r) => r.date)).toEqual(["2027-01-15", "2027-04-15"]);
    expect(() => previewShipments(makeProgram(), { joinDate: "2027-01-15", count: 2 })).toThrow(/frequency/);
  });

  it("standing ships on the program period only", () => {
    expect(() => previewShipments(standingMonthly(), { joinDate: "2027-01-15", count: 2, frequency: "weekly" })).toThrow(RangeError);
    expect(previewShipments(standingMonthly(), { joinDate: "2027-01-15", count: 1, frequency: "monthly" })).toHaveLength(1);
  });

  it("standing periods anchored on the 31st keep month-end dates", () => {
    const program = standingMonthly({ seriesStartDate: "2027-01-31" });
    const rows = previewShipments(program, { joinDate: "2027-02-28", count: 3 });
    // 2027-02-28 is the first day of period 1 (Jan 31 clamped), so this joiner starts at event 2.
    expect(rows.map((r) => [r.date, r.eventNumber])).toEqual([
      ["2027-02-28", 2],
      ["2027-03-31", 3],
      ["2027-04-30", 4],
    ]);
  });

  it("uses the requested version and rejects unknown ones", () => {
    const program = makeProgram({
      versions: [
        { id: "v1", series: [{ eventNumber: 1, productId: "A", repeat: 1 }] },
        { id: "v2", series: [{ eventNumber: 1, productId: "Z", repeat: 1 }] },
      ],
    });
    expect(previewShipments(program, { joinDate: "2027-01-01", count: 1, frequency: "weekly", versionId: "v2" })[0]?.productId).toBe("Z");
    expect(() => previewShipments(program, { joinDate: "2027-01-01", count: 1, frequency: "weekly", versionId: "nope" })).toThrow(/nope/);
  });
});

describe("generationDate", () => {
  it("is leadDays calendar days before delivery, across a leap day", () => {
    expect(generationDate("2028-03-02", 3)).toBe("2028-02-28");
    expect(generationDate("2027-01-02", 5)).toBe("2026-12-28");
    expect(generationDate("2027-01-02", 0)).toBe("2027-01-02");
    expect(() => generationDate("2027-01-02", -1)).toThrow(RangeError);
  });
});
