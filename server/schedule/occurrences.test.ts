import { describe, expect, it } from "vitest";
import { isFinished, lastIndex } from "./end-condition";
import { FREQUENCIES } from "./frequencies";
import { addDays } from "./local-date";
import { firstIndexAfter, firstIndexOnOrAfter, nextOccurrence, occurrenceAt, occurrences, type ScheduleParams } from "./occurrences";
import { checkProperty } from "@/test/support/schedule/property";

const ny: ScheduleParams = {
  anchorDate: "2027-01-15",
  frequency: "monthly",
  localTime: "09:00",
  timeZone: "America/New_York",
  end: { kind: "until_cancelled" },
};

const summary = (params: Parameters<typeof occurrences>[0]) => occurrences(params).map((o) => `${o.index} ${o.localDate} ${o.at.toISOString()}`);

describe("occurrences", () => {
  it("keeps the local wall time across DST changes", () => {
    expect(summary({ ...ny, anchorDate: "2027-03-07", frequency: "weekly", count: 2 })).toEqual([
      "0 2027-03-07 2027-03-07T14:00:00.000Z",
      "1 2027-03-14 2027-03-14T13:00:00.000Z",
    ]);
  });

  it("applies the gap rule to an occurrence that lands in the spring-forward hour", () => {
    const [, second] = occurrences({ ...ny, anchorDate: "2027-03-13", frequency: "daily", localTime: "02:30", count: 2 });
    expect(second?.localDate).toBe("2027-03-14");
    expect(second?.at.toISOString()).toBe("2027-03-14T07:30:00.000Z");
  });

  it("starts at fromIndex and honours `after` strictly", () => {
    expect(summary({ ...ny, fromIndex: 2, count: 2 })).toEqual(["2 2027-03-15 2027-03-15T13:00:00.000Z", "3 2027-04-15 2027-04-15T13:00:00.000Z"]);
    const after = new Date("2027-03-15T13:00:00.000Z"); // exactly occurrence 2
    expect(occurrences({ ...ny, after, count: 1 })[0]?.index).toBe(3);
    expect(occurrences({ ...ny, after, fromIndex: 5, count: 1 })[0]?.index).toBe(5);
    expect(occurrences({ ...ny, count: 0 })).toEqual([]);
    expect(() => occurrences({ ...ny, count: -1 })).toThrow(RangeError);
  });
});

describe("end conditions", () => {
  it("until_cancelled never ends", () => {
    expect(lastIndex(ny)).toBeNull();
    expect(isFinished(ny, 1_000_000)).toBe(false);
    expect(occurrences({ ...ny, count: 500 })).toHaveLength(500);
  });

  it("after_cycles produces exactly N occurrences", () => {
    const params: ScheduleParams = { ...ny, end: { kind: "after_cycles", cycles: 3 } };
    expect(lastIndex(params)).toBe(2);
    expect(occurrences({ ...params, count: 10 }).map((o) => o.localDate)).toEqual(["2027-01-15", "2027-02-15", "2027-03-15"]);
    expect(isFinished(params, 2)).toBe(false);
    expect(isFinished(params, 3)).toBe(true);
    expect(occurrenceAt(params, 3)).toBeNull();
    expect(occurrences({ ...params, fromIndex: 3, count: 1 })).toEqual([]);
  });

  it("on_date is inclusive of an occurrence on the end date", () => {
    const until = (endDate: string) =>
      occurrences({ ...ny, anchorDate: "2027-01-31", end: { kind: "on_date", endDate }, count: 10 }).map((o) => o.localDate);
    expect(until("2027-04-30")).toEqual(["2027-01-31", "2027-02-28", "2027-03-31", "2027-04-30"]);
    expect(until("2027-04-29")).toEqual(["2027-01-31", "2027-02-28", "2027-03-31"]);
    expect(until("2027-01-31")).toEqual(["2027-01-31"]);
    expect(until("2027-01-30")).toEqual([]);
  });

  it("on_date compares LOCAL dates, not UTC instants", () => {
    // In Sydney, 09:00 local on Apr 1 is still Mar 31 in UTC; it must be excluded.
    const sydney: ScheduleParams = {
      anchorDate: "2027-03-30",
      frequency: "daily",
      localTime: "09:00",
      timeZone: "Australia/Sydney",
      end: { kind: "on_date", endDate: "2027-03-31" },
    };
    expect(summary({ ...sydney, count: 5 })).toEqual(["0 2027-03-30 2027-03-29T22:00:00.000Z", "1 2027-03-31 2027-03-30T22:00:00.000Z"]);
  });
});

describe("firstIndexOnOrAfter", () => {
  it("finds the next occurrence, counting one exactly at `now`", () => {
    expect(firstIndexOnOrAfter(ny, new Date("2026-12-01T00:00:00Z"))).toBe(0);
    expect(firstIndexOnOrAfter(ny, new Date("2027-03-15T13:00:00.000Z"))).toBe(2);
    expect(firstIndexOnOrAfter(ny, new Date("2027-03-15T13:00:00.001Z"))).toBe(3);
    expect(firstIndexAfter(ny, new Date("2027-03-15T13:00:00.000Z"))).toBe(3);
  });

  it("resumes after a pause at the next occurrence, keeping the anchor", () => {
    const next = nextOccurrence(ny, new Date("2027-05-20T12:00:00Z"));
    expect(next).toEqual({ index: 5, localDate: "2027-06-15", at: new Date("2027-06-15T13:00:00.000Z") });
  });

  it("returns null once the series has ended", () => {
    const params: ScheduleParams = { ...ny, end: { kind: "after_cycles", cycles: 3 } };
    expect(firstIndexOnOrAfter(params, new Date("2027-03-15T12:59:00Z"))).toBe(2);
    expect(firstIndexOnOrAfter(params, new Date("2027-03-15T13:01:00Z"))).toBeNull();
    expect(nextOccurrence(params, new Date("2030-01-01T00:00:00Z"))).toBeNull();
  });

  it("walks back when a DST gap pushes an earlier date's occurrence into `today`", () => {
    // Apia skipped 2011-12-30: that day's 09:00 shifts to Dec 31 09:00 (+14), the same instant as index 2.
    const apia: ScheduleParams = { ...ny, anchorDate: "2011-12-29", frequency: "daily", timeZone: "Pacific/Apia" };
    expect(firstIndexOnOrAfter(apia, new Date("2011-12-30T19:00:00Z"))).toBe(1);
  });

  it("agrees with a brute-force scan", () => {
    const zones = ["America/New_York", "Australia/Sydney", "Asia/Kolkata", "Pacific/Kiritimati", "Pacific/Pago_Pago"];
    checkProperty(
      { seed: 5, runs: 150 },
      (rng) => ({
        params: {
          anchorDate: addDays("2027-01-01", rng.int(0, 364)),
          frequency: rng.pick(FREQUENCIES),
          localTime: rng.pick(["00:00", "00:30", "02:30", "09:00", "23:59"]),
          timeZone: rng.pick(zones),
          end: { kind: "until_cancelled" as const },
        },
        now: new Date(Date.UTC(2027, 0, 1) + rng.int(-30, 900) * 86_400_000 + rng.int(0, 86_399_999)),
      }),
      ({ params, now }) => {
        let expected = 0;
        while ((occurrenceAt(params, expected)?.at ?? now) < now) expected++;
        expect(firstIndexOnOrAfter(params, now)).toBe(expected);
      },
    );
  });
});
