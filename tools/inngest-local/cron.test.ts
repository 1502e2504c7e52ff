import { describe, expect, it } from "vitest";
import { CronError, parseCron } from "./cron";

const at = (iso: string) => new Date(iso);

describe("parseCron", () => {
  it("matches plain fields, lists, ranges and steps", () => {
    const every15 = parseCron("*/15 * * * *");
    expect(every15.matches(at("2025-03-04T10:30:00Z"))).toBe(true);
    expect(every15.matches(at("2025-03-04T10:31:00Z"))).toBe(false);

    const office = parseCron("0 9-17/4 * * 1-5");
    expect(office.matches(at("2025-03-04T09:00:00Z"))).toBe(true); // Tuesday
    expect(office.matches(at("2025-03-04T13:00:00Z"))).toBe(true);
    expect(office.matches(at("2025-03-04T11:00:00Z"))).toBe(false);
    expect(office.matches(at("2025-03-08T09:00:00Z"))).toBe(false); // Saturday

    const list = parseCron("5,10 0 1 JAN,jul *");
    expect(list.matches(at("2025-07-01T00:10:00Z"))).toBe(true);
    expect(list.matches(at("2025-08-01T00:10:00Z"))).toBe(false);
  });

  it("treats 7 and SUN as Sunday, and ORs day-of-month with day-of-week when both are set", () => {
    expect(parseCron("0 0 * * 7").matches(at("2025-03-09T00:00:00Z"))).toBe(true);
    expect(parseCron("0 0 * * sun").matches(at("2025-03-09T00:00:00Z"))).toBe(true);
    const either = parseCron("0 0 13 * FRI");
    expect(either.matches(at("2025-03-13T00:00:00Z"))).toBe(true); // Thursday the 13th
    expect(either.matches(at("2025-03-14T00:00:00Z"))).toBe(true); // Friday the 14th
    expect(either.matches(at("2025-03-15T00:00:00Z"))).toBe(false);
  });

  it("supports macros and a TZ= prefix", () => {
    expect(parseCron("@daily").matches(at("2025-03-04T00:00:00Z"))).toBe(true);
    const berlin = parseCron("TZ=Europe/Berlin 0 9 * * *");
    expect(berlin.timezone).toBe("Europe/Berlin");
    expect(berlin.matches(at("2025-01-15T08:00:00Z"))).toBe(true); // CET = UTC+1
    expect(berlin.matches(at("2025-07-15T07:00:00Z"))).toBe(true); // CEST = UTC+2
    expect(berlin.matches(at("2025-07-15T09:00:00Z"))).toBe(false);
    expect(parseCron("CRON_TZ=America/New_York 30 6 * * *").matches(at("2025-01-15T11:30:00Z"))).toBe(true);
  });

  it.each([
    ["* * * *", /5 fields/],
    ["60 * * * *", /minute value 60 out of range/],
    ["* * * * MON-", /invalid day-of-week value/],
    ["*/0 * * * *", /invalid step/],
    ["TZ=Mars/Olympus 0 0 * * *", /unknown timezone/],
    ["5-1 * * * *", /descending range/],
  ])("rejects %s", (expr, message) => {
    expect(() => parseCron(expr)).toThrow(CronError);
    expect(() => parseCron(expr)).toThrow(message);
  });
});
