import { describe, expect, it } from "vitest";
import { linear, linePath, niceMax, shortNumber, ticks } from "./scale";

describe("chart scales", () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [48, 50],
    [51, 100],
    [999, 1000],
  ])("niceMax(%i) = %i", (max, nice) => expect(niceMax(max)).toBe(nice));

  it("ticks end on the nice max", () => expect(ticks(7)).toEqual([0, 2.5, 5, 7.5, 10]));
  it("keeps integer ticks for small counts", () => {
    expect(ticks(0, 4, true)).toEqual([0, 1]);
    expect(ticks(2, 4, true)).toEqual([0, 1, 2]);
    expect(ticks(40, 4, true)).toEqual([0, 12.5, 25, 37.5, 50]);
  });

  it("maps linearly and clamps negatives", () => {
    const x = linear(10, 200);
    expect(x(5)).toBe(100);
    expect(x(-1)).toBe(0);
    expect(linear(0, 200)(5)).toBe(0);
  });

  it("draws lines and closed areas", () => {
    const pts = [
      { x: 0, y: 10 },
      { x: 5, y: 2 },
    ];
    expect(linePath(pts)).toBe("M 0,10 L 5,2");
    expect(linePath(pts, 20)).toBe("M 0,10 L 5,2 L 5,20 L 0,20 Z");
    expect(linePath([])).toBe("");
  });

  it("shortens axis labels", () => {
    expect(shortNumber(950)).toBe("950");
    expect(shortNumber(1200)).toBe("1.2k");
    expect(shortNumber(2_000_000)).toBe("2M");
  });
});
