import { describe, expect, it } from "vitest";
import { legiblePx } from "./zoom-text";

describe("legiblePx", () => {
  it("keeps the base size at 1× and beyond", () => {
    expect(legiblePx(17, 1, 13)).toBe(17);
    expect(legiblePx(17, 1.5, 13)).toBe(17);
  });
  it("grows so the text is at least minScreenPx on screen when zoomed out", () => {
    const px = legiblePx(17, 0.45, 13);
    expect(px * 0.45).toBeGreaterThanOrEqual(12.5);
    expect(px).toBe(29);
  });
  it("stops growing at 2.4× the base", () => {
    expect(legiblePx(10, 0.1, 13)).toBe(24);
  });
});
