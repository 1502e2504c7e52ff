import { describe, expect, it } from "vitest";
import { daysInMonth, formatLocalDate } from "./local-date";
import { checkProperty } from "@/test/support/schedule/property";
import { isLocalTime, isValidTimeZone, toLocalDate, toLocalDateTime, zonedInstant } from "./zoned-time";

const iso = (date: string, time: string, timeZone: string) => zonedInstant(date, time, timeZone).toISOString();

// Expected instants cross-checked with GNU `date -u -d 'TZ="<zone>" <date> <time>'`.
describe("zonedInstant", () => {
  it("follows New York DST: 09:00 is 13:00Z in summer, 14:00Z in winter", () => {
    expect(iso("2027-07-15", "09:00", "America/New_York")).toBe("2027-07-15T13:00:00.000Z");
    expect(iso("2027-01-15", "09:00", "America/New_York")).toBe("2027-01-15T14:00:00.000Z");
  });

  it("shifts a nonexistent spring-forward time forward by the gap (02:30 → 03:30 EDT)", () => {
    expect(iso("2027-03-14", "01:59", "America/New_York")).toBe("2027-03-14T06:59:00.000Z");
    expect(iso("2027-03-14", "02:00", "America/New_York")).toBe("2027-03-14T07:00:00.000Z");
    expect(iso("2027-03-14", "02:30", "America/New_York")).toBe("2027-03-14T07:30:00.000Z");
    expect(iso("2027-03-14", "03:30", "America/New_York")).toBe("2027-03-14T07:30:00.000Z");
    expect(toLocalDateTime(zonedInstant("2027-03-14", "02:30", "America/New_York"), "America/New_York")).toEqual({
      date: "2027-03-14",
      time: "03:30",
    });
  });

  it("takes the earlier instant of a repeated fall-back time (01:30 EDT, not EST)", () => {
    expect(iso("2027-11-07", "00:59", "America/New_York")).toBe("2027-11-07T04:59:00.000Z");
    expect(iso("2027-11-07", "01:00", "America/New_York")).toBe("2027-11-07T05:00:00.000Z");
    expect(iso("2027-11-07", "01:30", "America/New_York")).toBe("2027-11-07T05:30:00.000Z");
    expect(iso("2027-11-07", "02:00", "America/New_York")).toBe("2027-11-07T07:00:00.000Z");
  });

  it("handles the southern hemisphere (Australia/Sydney: DST in January)", () => {
    expect(iso("2027-01-15", "09:00", "Australia/Sydney")).toBe("2027-01-14T22:00:00.000Z"); // AEDT +11
    expect(iso("2027-07-15", "09:00", "Australia/Sydney")).toBe("2027-07-14T23:00:00.000Z"); // AEST +10
    expect(iso("2027-10-03", "02:30", "Australia/Sydney")).toBe("2027-10-02T16:30:00.000Z"); // gap → 03:30 AEDT
    expect(iso("2027-04-04", "02:30", "Australia/Sydney")).toBe("2027-04-03T15:30:00.000Z"); // repeat → AEDT
  });

  it("handles a 30-minute offset (Asia/Kolkata, +05:30, no DST)", () => {
    expect(iso("2027-01-15", "09:00", "Asia/Kolkata")).toBe("2027-01-15T03:30:00.000Z");
    expect(iso("2027-07-15", "09:00", "Asia/Kolkata")).toBe("2027-07-15T03:30:00.000Z");
    expect(iso("2027-01-15", "00:15", "Asia/Kolkata")).toBe("2027-01-14T18:45:00.000Z");
  });

  it("handles UTC, a whole skipped day (Samoa 2011) and second-precision historical offsets", () => {
    expect(iso("2027-01-15", "09:00", "UTC")).toBe("2027-01-15T09:00:00.000Z");
    // 2011-12-30 never happened in Apia (UTC−10 → UTC+14): shifted forward by the 24 h gap.
    expect(toLocalDateTime(zonedInstant("2011-12-30", "09:00", "Pacific/Apia"), "Pacific/Apia")).toEqual({
      date: "2011-12-31",
      time: "09:00",
    });
    expect(iso("1850-01-01", "00:00", "America/New_York")).toBe("1850-01-01T04:56:02.000Z"); // LMT −4:56:02
  });

  it("rejects bad input", () => {
    expect(() => zonedInstant("2027-01-15", "09:00", "Mars/Olympus_Mons")).toThrow(/Unknown time zone/);
    expect(() => zonedInstant("2027-01-15", "24:00", "UTC")).toThrow(RangeError);
    expect(() => zonedInstant("2027-02-29", "09:00", "UTC")).toThrow(RangeError);
  });

  it("round-trips every wall time except gap times, which move forward by less than 2 h", () => {
    const zones = ["America/New_York", "Europe/London", "Australia/Sydney", "Asia/Kolkata", "America/Santiago", "Australia/Lord_Howe"];
    checkProperty(
      { seed: 2027, runs: 2000 },
      (rng) => {
        const year = rng.int(1990, 2035);
        const month = rng.int(1, 12);
        return {
          timeZone: rng.pick(zones),
          date: formatLocalDate({ year, month, day: rng.int(1, daysInMonth(year, month)) }),
          time: `${String(rng.int(0, 23)).padStart(2, "0")}:${String(rng.pick([0, 15, 30, 45, rng.int(0, 59)])).padStart(2, "0")}`,
        };
      },
      ({ timeZone, date, time }) => {
        const at = zonedInstant(date, time, timeZone);
        const back = toLocalDateTime(at, timeZone);
        if (back.date === date && back.time === time) {
          // Earliest-instance rule: one hour earlier must not show the same wall time.
          const earlier = toLocalDateTime(new Date(at.getTime() - 3_600_000), timeZone);
          expect(earlier).not.toEqual({ date, time });
          return;
        }
        const shiftMinutes = (Date.parse(`${back.date}T${back.time}Z`) - Date.parse(`${date}T${time}Z`)) / 60_000;
        expect(shiftMinutes).toBeGreaterThan(0);
        expect(shiftMinutes).toBeLessThanOrEqual(120);
      },
    );
  });
});

describe("toLocalDate / toLocalDateTime", () => {
  it("gives the calendar date in the zone, not in UTC", () => {
    const instant = new Date("2027-01-15T03:00:00Z");
    expect(toLocalDate(instant, "UTC")).toBe("2027-01-15");
    expect(toLocalDate(instant, "America/New_York")).toBe("2027-01-14");
    expect(toLocalDate(new Date("2027-01-14T18:30:00Z"), "Asia/Kolkata")).toBe("2027-01-15");
    expect(toLocalDateTime(new Date("2027-01-14T18:29:59.999Z"), "Asia/Kolkata")).toEqual({ date: "2027-01-14", time: "23:59" });
    expect(toLocalDateTime(new Date("2027-01-14T13:00:00Z"), "Australia/Sydney")).toEqual({ date: "2027-01-15", time: "00:00" });
  });

  it("rejects invalid dates", () => {
    expect(() => toLocalDate(new Date("nope"), "UTC")).toThrow(RangeError);
  });
});

describe("validation helpers", () => {
  it.each(["America/New_York", "Asia/Kolkata", "UTC", "Etc/GMT+5", "US/Eastern"])("accepts time zone %s", (tz) => {
    expect(isValidTimeZone(tz)).toBe(true);
  });

  it.each(["", "Mars/Olympus_Mons", "+05:00", "-0300", "America/New York"])("rejects time zone %j", (tz) => {
    expect(isValidTimeZone(tz)).toBe(false);
  });

  it("rejects non-strings and validates HH:MM", () => {
    expect(isValidTimeZone(undefined)).toBe(false);
    expect(["00:00", "09:05", "23:59"].every(isLocalTime)).toBe(true);
    expect(["24:00", "9:00", "09:60", "09:00:00", ""].some(isLocalTime)).toBe(false);
  });
});
