import { describe, expect, it } from "vitest";
import { scheduleParamsSchema } from "./schedule-params.schema";

const valid = {
  anchorDate: "2027-01-31",
  frequency: "monthly",
  localTime: "09:00",
  timeZone: "America/New_York",
  end: { kind: "until_cancelled" },
};

/** Issues as "path: message" so a test shows exactly which field failed and why. */
function issuesOf(input: unknown): string[] {
  const result = scheduleParamsSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
}

describe("scheduleParamsSchema", () => {
  it("accepts every end condition", () => {
    expect(issuesOf(valid)).toEqual([]);
    expect(issuesOf({ ...valid, end: { kind: "after_cycles", cycles: 12 } })).toEqual([]);
    expect(issuesOf({ ...valid, end: { kind: "on_date", endDate: "2027-01-31" } })).toEqual([]);
  });

  it("reports an unknown time zone on `timeZone`", () => {
    expect(issuesOf({ ...valid, timeZone: "Mars/Olympus_Mons" })).toEqual(["timeZone: Unknown time zone"]);
    expect(issuesOf({ ...valid, timeZone: "+05:00" })).toEqual(["timeZone: Unknown time zone"]);
  });

  it("reports an end date before the anchor on `end.endDate`", () => {
    expect(issuesOf({ ...valid, end: { kind: "on_date", endDate: "2027-01-30" } })).toEqual([
      "end.endDate: End date must be on or after the start date",
    ]);
  });

  it.each([0, -1, 1.5, "3", null])("rejects cycles = %j", (cycles) => {
    expect(issuesOf({ ...valid, end: { kind: "after_cycles", cycles } })).toEqual(["end.cycles: Cycles must be a positive integer"]);
  });

  it("reports each bad field on its own path", () => {
    expect(issuesOf({ ...valid, anchorDate: "2027-02-29" })).toEqual(["anchorDate: Enter a valid date (YYYY-MM-DD)"]);
    expect(issuesOf({ ...valid, localTime: "9:00" })).toEqual(["localTime: Enter a time as HH:MM (00:00–23:59)"]);
    expect(issuesOf({ ...valid, frequency: "fortnightly" })).toEqual(["frequency: Choose a frequency"]);
    expect(issuesOf({ ...valid, end: { kind: "forever" } })).toEqual(["end.kind: Choose how the subscription ends"]);
    expect(issuesOf({ ...valid, end: { kind: "on_date", endDate: "soon" } })).toEqual(["end.endDate: Enter a valid date (YYYY-MM-DD)"]);
  });

  it("does not invent an end-date error when the anchor itself is invalid", () => {
    expect(issuesOf({ ...valid, anchorDate: "bad", end: { kind: "on_date", endDate: "2027-01-01" } })).toEqual([
      "anchorDate: Enter a valid date (YYYY-MM-DD)",
    ]);
  });
});
