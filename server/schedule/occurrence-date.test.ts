import { describe, expect, it } from "vitest";
import { FREQUENCIES, FREQUENCY_LABELS, type Frequency } from "./frequencies";
import { daysInMonth, formatLocalDate, parseLocalDate } from "./local-date";
import { indexOnOrBefore, occurrenceDate } from "./occurrence-date";
import { checkProperty } from "@/test/support/schedule/property";

const series = (anchor: string, frequency: Frequency, length: number) => Array.from({ length }, (_, n) => occurrenceDate(anchor, frequency, n));

describe("occurrenceDate", () => {
  // Expected values checked against GNU `date -d "2027-01-15 + N days"` for the day periods.
  const table: Record<Frequency, [n0: string, n1: string, n2: string, n10: string]> = {
    daily: ["2027-01-15", "2027-01-16", "2027-01-17", "2027-01-25"],
    weekly: ["2027-01-15", "2027-01-22", "2027-01-29", "2027-03-26"],
    biweekly: ["2027-01-15", "2027-01-29", "2027-02-12", "2027-06-04"],
    monthly: ["2027-01-15", "2027-02-15", "2027-03-15", "2027-11-15"],
    quarterly: ["2027-01-15", "2027-04-15", "2027-07-15", "2029-07-15"],
    semiannual: ["2027-01-15", "2027-07-15", "2028-01-15", "2032-01-15"],
    annual: ["2027-01-15", "2028-01-15", "2029-01-15", "2037-01-15"],
  };

  it.each(FREQUENCIES)("%s from 2027-01-15", (frequency) => {
    expect([0, 1, 2, 10].map((n) => occurrenceDate("2027-01-15", frequency, n))).toEqual(table[frequency]);
    expect(FREQUENCY_LABELS[frequency]).toBeTruthy();
  });

  it("day periods cross month, year and leap-day boundaries", () => {
    expect(series("2027-12-31", "daily", 2)).toEqual(["2027-12-31", "2028-01-01"]);
    expect(series("2028-02-28", "daily", 3)).toEqual(["2028-02-28", "2028-02-29", "2028-03-01"]);
    expect(series("2028-02-22", "weekly", 2)).toEqual(["2028-02-22", "2028-02-29"]);
    expect(series("2027-12-24", "biweekly", 2)).toEqual(["2027-12-24", "2028-01-07"]);
  });

  it("Jan 31 monthly through non-leap 2027 and leap 2028", () => {
    expect(series("2027-01-31", "monthly", 15)).toEqual([
      "2027-01-31",
      "2027-02-28",
      "2027-03-31",
      "2027-04-30",
      "2027-05-31",
      "2027-06-30",
      "2027-07-31",
      "2027-08-31",
      "2027-09-30",
      "2027-10-31",
      "2027-11-30",
      "2027-12-31",
      "2028-01-31",
      "2028-02-29",
      "2028-03-31",
    ]);
    expect(occurrenceDate("2028-01-31", "monthly", 1)).toBe("2028-02-29");
    expect(occurrenceDate("2028-01-31", "monthly", 13)).toBe("2029-02-28");
  });

  it("anchor on the 30th clamps only in February", () => {
    expect(series("2027-01-30", "monthly", 4)).toEqual(["2027-01-30", "2027-02-28", "2027-03-30", "2027-04-30"]);
    expect(occurrenceDate("2027-01-30", "monthly", 13)).toBe("2028-02-29");
  });

  it("anchor on the 28th stays on the 28th", () => {
    expect(new Set(series("2027-01-28", "monthly", 36).map((d) => d.slice(8)))).toEqual(new Set(["28"]));
  });

  it("quarterly from Nov 30 and semiannual from Aug 31", () => {
    expect(series("2027-11-30", "quarterly", 6)).toEqual(["2027-11-30", "2028-02-29", "2028-05-30", "2028-08-30", "2028-11-30", "2029-02-28"]);
    expect(series("2027-08-31", "semiannual", 3)).toEqual(["2027-08-31", "2028-02-29", "2028-08-31"]);
  });

  it("annual from Feb 29 uses Feb 28 in non-leap years and Feb 29 in leap years", () => {
    expect(series("2028-02-29", "annual", 5)).toEqual(["2028-02-29", "2029-02-28", "2030-02-28", "2031-02-28", "2032-02-29"]);
    expect(occurrenceDate("2028-02-29", "annual", 72)).toBe("2100-02-28"); // century, not leap
    expect(occurrenceDate("2028-02-29", "annual", 372)).toBe("2400-02-29"); // 400-year, leap
  });

  it("rejects bad indexes and anchors", () => {
    for (const n of [-1, 1.5, NaN, Infinity]) expect(() => occurrenceDate("2027-01-15", "monthly", n)).toThrow(RangeError);
    expect(() => occurrenceDate("2027-02-30", "monthly", 1)).toThrow(RangeError);
  });

  it("never drifts: monthly occurrence n is exactly n months on, day = min(anchor day, month length)", () => {
    checkProperty(
      { seed: 31 },
      (rng) => {
        const year = rng.int(1900, 2200);
        const month = rng.int(1, 12);
        const anchor = formatLocalDate({ year, month, day: rng.int(1, daysInMonth(year, month)) });
        return { anchor, n: rng.int(0, 1200) };
      },
      ({ anchor, n }) => {
        const a = parseLocalDate(anchor);
        const d = parseLocalDate(occurrenceDate(anchor, "monthly", n));
        expect((d.year - a.year) * 12 + (d.month - a.month)).toBe(n);
        expect(d.day).toBe(Math.min(a.day, daysInMonth(d.year, d.month)));
      },
    );
  });

  it("never drifts over 120 consecutive monthly occurrences from the 31st", () => {
    series("2027-01-31", "monthly", 120).forEach((date, n) => {
      const { year, month, day } = parseLocalDate(date);
      expect(year * 12 + month - 1).toBe(2027 * 12 + n);
      expect(day).toBe(daysInMonth(year, month));
    });
  });

  it("day periods are exact multiples of the period (UTC Date as an oracle)", () => {
    const days: Partial<Record<Frequency, number>> = { daily: 1, weekly: 7, biweekly: 14 };
    checkProperty(
      { seed: 7 },
      (rng) => ({ frequency: rng.pick(["daily", "weekly", "biweekly"] as const), n: rng.int(0, 5000) }),
      ({ frequency, n }) => {
        const expected = new Date(Date.UTC(2027, 0, 31) + n * (days[frequency] ?? NaN) * 86_400_000);
        expect(occurrenceDate("2027-01-31", frequency, n)).toBe(expected.toISOString().slice(0, 10));
      },
    );
  });
});

describe("indexOnOrBefore", () => {
  it("finds the last occurrence on or before a date", () => {
    expect(indexOnOrBefore("2027-01-31", "monthly", "2027-01-30")).toBe(-1);
    expect(indexOnOrBefore("2027-01-31", "monthly", "2027-01-31")).toBe(0);
    expect(indexOnOrBefore("2027-01-31", "monthly", "2027-02-27")).toBe(0);
    expect(indexOnOrBefore("2027-01-31", "monthly", "2027-02-28")).toBe(1);
    expect(indexOnOrBefore("2027-01-31", "monthly", "2027-03-30")).toBe(1);
    expect(indexOnOrBefore("2027-01-15", "weekly", "2027-01-28")).toBe(1);
  });

  it("brackets the date for every frequency", () => {
    checkProperty(
      { seed: 99 },
      (rng) => {
        const month = rng.int(1, 12);
        const anchor = formatLocalDate({ year: 2027, month, day: rng.int(1, daysInMonth(2027, month)) });
        return { frequency: rng.pick(FREQUENCIES), anchor, offset: rng.int(0, 4000) };
      },
      ({ frequency, anchor, offset }) => {
        const date = occurrenceDate(anchor, "daily", offset);
        const k = indexOnOrBefore(anchor, frequency, date);
        expect(occurrenceDate(anchor, frequency, k) <= date).toBe(true);
        expect(occurrenceDate(anchor, frequency, k + 1) > date).toBe(true);
      },
    );
  });
});
