import { describe, expect, it } from "vitest";
import { formatAgo, formatDuration, formatMoney, formatPercent } from "./format";

describe("formatDuration", () => {
  it.each([
    [0, "0s"],
    [45, "45s"],
    [60, "1m"],
    [7_500, "2h 5m"],
    [7_200, "2h"],
    [172_800, "2d"],
    [90_061, "1d 1h"],
    [3_661, "1h 1m"],
    [-1, "–"],
  ])("%i s → %s", (s, text) => expect(formatDuration(s)).toBe(text));
});

describe("formatMoney", () => {
  it("uses the currency's minor unit", () => {
    expect(formatMoney(12_345, "EUR")).toBe("€123.45");
    expect(formatMoney(500, "JPY")).toBe("¥500");
  });
  it("falls back for unknown codes", () => expect(formatMoney(1_000, "ZZZZ")).toBe("10.00 ZZZZ"));
});

describe("formatPercent / formatAgo", () => {
  it("formats ratios", () => expect(formatPercent(0.1234)).toBe("12.3%"));
  it("says how long ago", () => {
    expect(formatAgo(10_000, 10_500)).toBe("just now");
    expect(formatAgo(0, 125_000)).toBe("2m 5s ago");
  });
});
