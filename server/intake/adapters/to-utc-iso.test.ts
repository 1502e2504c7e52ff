import { describe, expect, it } from "vitest";
import { toUtcIso } from "./to-utc-iso";

describe("toUtcIso", () => {
  it("converts ISO 8601 with offsets (Shopify) to UTC, across day and year boundaries", () => {
    expect(toUtcIso("2021-12-31T19:00:00-05:00", "iso-offset")).toBe("2022-01-01T00:00:00.000Z");
    expect(toUtcIso("2024-03-14T21:26:53-04:00", "iso-offset")).toBe("2024-03-15T01:26:53.000Z");
    expect(toUtcIso("2024-06-30T23:45:10+02:00", "iso-offset")).toBe("2024-06-30T21:45:10.000Z");
    expect(toUtcIso("2024-01-01T05:30:00+05:30", "iso-offset")).toBe("2024-01-01T00:00:00.000Z");
    expect(toUtcIso("2024-03-15T08:30:00Z", "iso-offset")).toBe("2024-03-15T08:30:00.000Z");
    expect(toUtcIso("2024-03-15T08:30:00.123456Z", "iso-offset")).toBe("2024-03-15T08:30:00.123Z");
  });

  it("refuses a zone-less ISO value where an offset is required (it would be read as local time)", () => {
    expect(toUtcIso("2024-03-15T08:30:00", "iso-offset")).toBeNull();
  });

  it("reads WooCommerce _gmt values as UTC", () => {
    expect(toUtcIso("2017-03-22T19:28:02", "iso-naive-utc")).toBe("2017-03-22T19:28:02.000Z");
    expect(toUtcIso("2017-03-22T19:28:02Z", "iso-naive-utc")).toBe("2017-03-22T19:28:02.000Z");
    expect(toUtcIso("2017-03-22T19:28:02+02:00", "iso-naive-utc")).toBeNull();
  });

  it("parses RFC 2822 (BigCommerce), with and without weekday or seconds", () => {
    expect(toUtcIso("Thu, 07 Mar 2024 15:21:09 +0000", "rfc2822")).toBe("2024-03-07T15:21:09.000Z");
    expect(toUtcIso("Tue, 20 Nov 2012 00:00:00 -0500", "rfc2822")).toBe("2012-11-20T05:00:00.000Z");
    expect(toUtcIso("1 Jan 2024 09:15 +0100", "rfc2822")).toBe("2024-01-01T08:15:00.000Z");
    expect(toUtcIso("Sun, 31 Dec 2023 23:59:59 GMT", "rfc2822")).toBe("2023-12-31T23:59:59.000Z");
  });

  it.each([
    ["Fri, 07 Mar 2024 15:21:09 +0000", "rfc2822"], // 7 Mar 2024 was a Thursday
    ["Thu, 31 Feb 2024 10:00:00 +0000", "rfc2822"],
    ["2024-03-07T15:21:09+0000", "rfc2822"],
    ["2024-02-30T10:00:00Z", "iso-offset"],
    ["2024-13-01T10:00:00Z", "iso-offset"],
    ["2024-01-01T24:00:00Z", "iso-offset"],
    ["2024-01-01 10:00:00Z", "iso-offset"],
    ["0099-01-01T10:00:00Z", "iso-offset"],
    ["", "iso-offset"],
  ] as const)("rejects %j as %s", (value, format) => {
    expect(toUtcIso(value, format)).toBeNull();
  });

  it("rejects non-strings", () => {
    expect(toUtcIso(1710425213, "iso-offset")).toBeNull();
    expect(toUtcIso(null, "rfc2822")).toBeNull();
  });
});
