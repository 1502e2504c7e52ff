import { describe, expect, it } from "vitest";
import { previewSchedule } from "./preview-schedule";
import { schedulePreviewSchema } from "./subscription.schema";

describe("previewSchedule", () => {
  it("clamps Jan 31 to Feb 28 then returns to Mar 31, with New York instants across DST", () => {
    const input = schedulePreviewSchema.parse({ frequency: "monthly", startDate: "2027-01-31", timeZone: "America/New_York" });
    const { occurrences } = previewSchedule(input);
    expect(occurrences.map((o) => o.localDate)).toEqual(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30", "2027-05-31", "2027-06-30"]);
    expect(occurrences[1]?.at).toBe("2027-02-28T14:00:00.000Z");
    expect(occurrences[2]?.at).toBe("2027-03-31T13:00:00.000Z");
  });

  it("stops at the end condition", () => {
    const input = schedulePreviewSchema.parse({
      frequency: "weekly",
      startDate: "2027-01-01",
      timeZone: "UTC",
      localTime: "07:30",
      end: { kind: "after_cycles", cycles: 2 },
      count: 10,
    });
    expect(previewSchedule(input).occurrences).toEqual([
      { index: 0, localDate: "2027-01-01", at: "2027-01-01T07:30:00.000Z" },
      { index: 1, localDate: "2027-01-08", at: "2027-01-08T07:30:00.000Z" },
    ]);
  });
});
