import { describe, expect, it } from "vitest";
import { planCycle, type CycleOverride, type ScheduleRow } from "./plan-cycle";

const monthly: ScheduleRow = {
  frequency: "monthly",
  anchorDate: "2027-01-31",
  anchorIndex: 0,
  localTime: "09:00",
  timeZone: "America/New_York",
  endKind: "until_cancelled",
  endCycles: null,
  endDate: null,
  nextCycleIndex: 0,
};
const none = new Map<number, CycleOverride>();
const overrides = (...list: CycleOverride[]) => new Map(list.map((o) => [o.cycleIndex, o]));
const at = (iso: string) => new Date(iso);

describe("planCycle", () => {
  it("plans the cursor's cycle and the next instant, DST-correct and anchor-clamped", () => {
    expect(planCycle({ ...monthly, nextCycleIndex: 1 }, none, at("2027-02-28T14:00:00Z"))).toEqual({
      kind: "order",
      cycleIndex: 1,
      runAt: at("2027-02-28T14:00:00Z"),
      missed: null,
      next: { index: 2, runAt: at("2027-03-31T13:00:00Z") }, // EDT from Mar 14
    });
  });

  it("plans the cursor even when it is not due yet (first order at once)", () => {
    const plan = planCycle(monthly, none, at("2027-01-01T00:00:00Z"));
    expect(plan).toMatchObject({ kind: "order", cycleIndex: 0, runAt: at("2027-01-31T14:00:00Z"), missed: null });
  });

  it("catches up to the latest due cycle and reports the rest as missed", () => {
    expect(planCycle(monthly, none, at("2027-06-01T00:00:00Z"))).toMatchObject({
      kind: "order",
      cycleIndex: 4,
      missed: { from: 0, to: 3 },
      next: { index: 5, runAt: at("2027-06-30T13:00:00Z") },
    });
  });

  it("a cycle exactly at now is due; one a millisecond later is not", () => {
    expect(planCycle(monthly, none, at("2027-02-28T14:00:00.000Z"))).toMatchObject({ cycleIndex: 1, missed: { from: 0, to: 0 } });
    expect(planCycle(monthly, none, at("2027-02-28T13:59:59.999Z"))).toMatchObject({ cycleIndex: 0, missed: null });
  });

  it("catch-up honours reschedules in both directions", () => {
    const later = overrides({ cycleIndex: 4, kind: "reschedule", localDate: "2027-06-05" });
    expect(planCycle(monthly, later, at("2027-06-01T00:00:00Z"))).toMatchObject({
      cycleIndex: 3,
      missed: { from: 0, to: 2 },
      next: { index: 4, runAt: at("2027-06-05T13:00:00Z") },
    });
    const earlier = overrides({ cycleIndex: 5, kind: "reschedule", localDate: "2027-05-31" });
    expect(planCycle(monthly, earlier, at("2027-06-01T00:00:00Z"))).toMatchObject({ cycleIndex: 5, next: { index: 6 } });
  });

  it("skips and opt-outs produce a skip plan that still advances", () => {
    const plan = planCycle(monthly, overrides({ cycleIndex: 0, kind: "opt_out", localDate: null }), at("2027-01-31T14:00:00Z"));
    expect(plan).toEqual({ kind: "skip", cycleIndex: 0, reason: "opt_out", missed: null, next: { index: 1, runAt: at("2027-02-28T14:00:00Z") } });
  });

  it("ends series: no next after the last cycle; complete once the cursor is past it", () => {
    const three = { ...monthly, endKind: "after_cycles" as const, endCycles: 3 };
    expect(planCycle({ ...three, nextCycleIndex: 2 }, none, at("2027-03-31T13:00:00Z"))).toMatchObject({ kind: "order", cycleIndex: 2, next: null });
    expect(planCycle({ ...three, nextCycleIndex: 3 }, none, at("2027-04-30T13:00:00Z"))).toEqual({ kind: "complete" });
    // Catch-up never runs past the end: the last cycle is the target.
    expect(planCycle(three, none, at("2028-01-01T00:00:00Z"))).toMatchObject({ cycleIndex: 2, missed: { from: 0, to: 1 }, next: null });
  });

  it("maps cycles through anchorIndex after a re-anchor", () => {
    const reanchored = {
      ...monthly,
      frequency: "weekly" as const,
      anchorDate: "2027-03-01",
      anchorIndex: 5,
      nextCycleIndex: 6,
      endKind: "after_cycles" as const,
      endCycles: 2,
    };
    expect(planCycle(reanchored, none, at("2027-03-08T14:00:00Z"))).toMatchObject({
      kind: "order",
      cycleIndex: 6,
      runAt: at("2027-03-08T14:00:00Z"),
      next: null,
    });
  });

  it("throws RangeError for data it cannot interpret", () => {
    expect(() => planCycle({ ...monthly, timeZone: "Nowhere/Else" }, none, at("2027-02-01T00:00:00Z"))).toThrow(RangeError);
    expect(() => planCycle({ ...monthly, anchorIndex: 3, nextCycleIndex: 1 }, none, at("2027-02-01T00:00:00Z"))).toThrow(RangeError);
  });
});
