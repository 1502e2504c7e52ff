import { describe, expect, it } from "vitest";
import { startOfLocalDay, upcomingTimeline, type TimelineRow } from "./upcoming-timeline";

const base: TimelineRow = {
  anchorDate: "2027-01-31",
  anchorIndex: 0,
  frequency: "monthly",
  localTime: "09:00",
  timeZone: "America/New_York",
  endKind: "until_cancelled",
  endCycles: null,
  endDate: null,
  status: "active",
  nextCycleIndex: 1,
  pausedUntil: null,
};
const now = new Date("2026-11-24T08:00:00Z");
const view = (rows: ReturnType<typeof upcomingTimeline>) => rows.map((c) => `${c.cycleIndex}:${c.localDate}${c.skipped ? " skipped" : ""}`);

describe("upcomingTimeline", () => {
  it("includes the future cycle whose order already exists (created at confirmation)", () => {
    expect(view(upcomingTimeline(base, [], now, 3))).toEqual(["0:2027-01-31", "1:2027-02-28", "2:2027-03-31"]);
  });

  it("shows skipped cycles behind the cursor until their date passes", () => {
    const row = { ...base, nextCycleIndex: 2 };
    const skip = [{ cycleIndex: 1, kind: "skip" as const, localDate: null }];
    expect(view(upcomingTimeline(row, skip, now, 3))).toEqual(["0:2027-01-31", "1:2027-02-28 skipped", "2:2027-03-31"]);
    expect(view(upcomingTimeline(row, skip, new Date("2027-03-01T00:00:00Z"), 2))).toEqual(["2:2027-03-31", "3:2027-04-30"]);
  });

  it("for a paused subscription lists what ships after the pause ends", () => {
    const paused = { ...base, status: "paused" as const, pausedUntil: "2027-04-01" };
    expect(view(upcomingTimeline(paused, [], now, 2))).toEqual(["3:2027-04-30", "4:2027-05-31"]);
    const open = { ...paused, pausedUntil: null };
    expect(view(upcomingTimeline(open, [], now, 2))).toEqual(["1:2027-02-28", "2:2027-03-31"]);
  });

  it("is empty once cancelled or completed", () => {
    expect(upcomingTimeline({ ...base, status: "cancelled" }, [], now)).toEqual([]);
    expect(upcomingTimeline({ ...base, status: "completed" }, [], now)).toEqual([]);
  });

  it("startOfLocalDay is local midnight", () => {
    expect(startOfLocalDay("2027-04-01", "America/New_York").toISOString()).toBe("2027-04-01T04:00:00.000Z");
  });
});
