import { describe, expect, it } from "vitest";
import { cycleAt, cyclesFrom, firstShippableCycle, lastCycleIndex, type SubscriptionScheduleRow } from "./subscription-schedule";

const monthly31: SubscriptionScheduleRow = {
  anchorDate: "2027-01-31",
  anchorIndex: 0,
  frequency: "monthly",
  localTime: "09:00",
  timeZone: "America/New_York",
  endKind: "until_cancelled",
  endCycles: null,
  endDate: null,
};
const dates = (cycles: Array<{ localDate: string }>) => cycles.map((c) => c.localDate);

describe("cycleAt", () => {
  it("follows the anchor-clamp rule with DST-correct instants", () => {
    expect(dates(cyclesFrom(monthly31, [], 0, 4))).toEqual(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
    expect(cycleAt(monthly31, [], 0)?.at.toISOString()).toBe("2027-01-31T14:00:00.000Z"); // EST
    expect(cycleAt(monthly31, [], 2)?.at.toISOString()).toBe("2027-03-31T13:00:00.000Z"); // EDT
  });

  it("maps global cycle indexes through a re-anchor (cycle i = occurrence i − anchorIndex)", () => {
    const reanchored = { ...monthly31, anchorDate: "2027-03-31", anchorIndex: 2, frequency: "biweekly" as const };
    expect(cycleAt(reanchored, [], 2)?.localDate).toBe("2027-03-31");
    expect(cycleAt(reanchored, [], 3)?.localDate).toBe("2027-04-14");
    expect(() => cycleAt(reanchored, [], 1)).toThrow(RangeError);
  });

  it("applies a reschedule override to that cycle only and reports skips", () => {
    const overrides = [
      { cycleIndex: 1, kind: "reschedule" as const, localDate: "2027-03-03" },
      { cycleIndex: 2, kind: "skip" as const, localDate: null },
    ];
    const [c0, c1, c2, c3] = cyclesFrom(monthly31, overrides, 0, 4);
    expect(c0).toMatchObject({ localDate: "2027-01-31", skipped: false, rescheduled: false });
    expect(c1).toMatchObject({ localDate: "2027-03-03", nominalDate: "2027-02-28", rescheduled: true });
    expect(c1?.at.toISOString()).toBe("2027-03-03T14:00:00.000Z");
    expect(c2).toMatchObject({ localDate: "2027-03-31", skipped: true });
    expect(c3?.localDate).toBe("2027-04-30");
  });

  it("keeps a moved date on a skipped cycle so unskipping can restore it", () => {
    const c = cycleAt(monthly31, [{ cycleIndex: 1, kind: "skip", localDate: "2027-03-03" }], 1);
    expect(c).toMatchObject({ skipped: true, rescheduled: true, localDate: "2027-03-03" });
  });

  it("returns null past the end condition, counted from the anchor", () => {
    const six = { ...monthly31, endKind: "after_cycles" as const, endCycles: 3, anchorIndex: 4, anchorDate: "2027-05-31" };
    expect(lastCycleIndex(six)).toBe(6);
    expect(cycleAt(six, [], 6)?.localDate).toBe("2027-07-31");
    expect(cycleAt(six, [], 7)).toBeNull();
    const onDate = { ...monthly31, endKind: "on_date" as const, endDate: "2027-03-30" };
    expect(lastCycleIndex(onDate)).toBe(1);
    expect(lastCycleIndex(monthly31)).toBeNull();
  });
});

describe("firstShippableCycle", () => {
  it("passes over skipped cycles", () => {
    const overrides = [
      { cycleIndex: 1, kind: "skip" as const, localDate: null },
      { cycleIndex: 2, kind: "opt_out" as const, localDate: null },
    ];
    expect(firstShippableCycle(monthly31, overrides, 1)?.cycleIndex).toBe(3);
  });

  it("does not make up cycles before notBefore (resume after a pause)", () => {
    const resumeAt = new Date("2027-04-15T12:00:00Z");
    expect(firstShippableCycle(monthly31, [], 1, resumeAt)).toMatchObject({ cycleIndex: 3, localDate: "2027-04-30" });
    // The instant itself counts: 09:00 New York on Apr 30 is still "on or after".
    expect(firstShippableCycle(monthly31, [], 1, new Date("2027-04-30T13:00:00Z"))?.cycleIndex).toBe(3);
    expect(firstShippableCycle(monthly31, [], 1, new Date("2027-04-30T13:00:01Z"))?.cycleIndex).toBe(4);
  });

  it("keeps a cycle whose moved date is after notBefore although its nominal date is before", () => {
    const overrides = [{ cycleIndex: 2, kind: "reschedule" as const, localDate: "2027-04-20" }];
    expect(firstShippableCycle(monthly31, overrides, 1, new Date("2027-04-15T12:00:00Z"))).toMatchObject({ cycleIndex: 2, localDate: "2027-04-20" });
  });

  it("is null when the series ended", () => {
    const three = { ...monthly31, endKind: "after_cycles" as const, endCycles: 3 };
    expect(firstShippableCycle(three, [], 1, new Date("2027-06-01T00:00:00Z"))).toBeNull();
    expect(firstShippableCycle(three, [{ cycleIndex: 2, kind: "skip", localDate: null }], 2)).toBeNull();
  });
});
