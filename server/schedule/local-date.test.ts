import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonthsClamped,
  daysBetween,
  daysInMonth,
  formatLocalDate,
  fromEpochDay,
  isLocalDate,
  monthsBetween,
  toEpochDay,
} from "./local-date";
import { checkProperty } from "@/test/support/schedule/property";

describe("local dates", () => {
  it.each(["2027-01-01", "2028-02-29", "2000-02-29", "0001-01-01", "9999-12-31"])("accepts %s", (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each(["2027-02-29", "1900-02-29", "2027-13-01", "2027-00-10", "2027-04-31", "2027-1-01", "27-01-01", "2027-01-01T00:00", "0000-01-01", ""])(
    "rejects %j",
    (value) => {
      expect(isLocalDate(value)).toBe(false);
    },
  );

  it("knows month lengths and leap years", () => {
    expect([2027, 2028, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29]);
    expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2027, m))).toEqual([31, 30, 30, 30, 30, 31]);
  });

  it("does day and month arithmetic", () => {
    expect(addDays("2027-12-31", 1)).toBe("2028-01-01");
    expect(addDays("2028-03-01", -1)).toBe("2028-02-29");
    expect(daysBetween("2027-01-01", "2028-01-01")).toBe(365);
    expect(daysBetween("2028-01-01", "2027-01-01")).toBe(-365);
    expect(addMonthsClamped("2027-01-31", 1)).toBe("2027-02-28");
    expect(addMonthsClamped("2027-03-31", -1)).toBe("2027-02-28");
    expect(addMonthsClamped("2027-11-15", 14)).toBe("2029-01-15");
    expect(monthsBetween("2027-01-31", "2027-02-01")).toBe(1);
    expect(() => formatLocalDate({ year: 10_000, month: 1, day: 1 })).toThrow(RangeError);
  });

  it("epoch-day math agrees with the UTC calendar (JS Date used only as an oracle here)", () => {
    checkProperty(
      { seed: 1 },
      (rng) => rng.int(toEpochDay({ year: 1, month: 1, day: 1 }), toEpochDay({ year: 9999, month: 12, day: 31 })),
      (epochDay) => {
        const iso = new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
        const parts = fromEpochDay(epochDay);
        expect(formatLocalDate(parts)).toBe(iso);
        expect(toEpochDay(parts)).toBe(epochDay);
      },
    );
  });
});
