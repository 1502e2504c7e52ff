import { describe, expect, it } from "vitest";
import { borderPoint, edgeGeometry } from "./edge-geometry";

const box = (x: number, y: number) => ({ x, y, width: 100, height: 40 });

describe("borderPoint", () => {
  it("leaves through the side facing the other point", () => {
    expect(borderPoint(box(0, 0), { x: 500, y: 20 })).toEqual({ x: 100, y: 20 });
    expect(borderPoint(box(0, 0), { x: 50, y: 400 })).toEqual({ x: 50, y: 40 });
    expect(borderPoint(box(0, 0), { x: -300, y: 20 })).toEqual({ x: 0, y: 20 });
  });
});

describe("edgeGeometry", () => {
  it("draws a straight line between facing borders when alone", () => {
    const g = edgeGeometry(box(0, 0), box(300, 0), 0, false);
    expect(g.path).toBe("M 100,20 L 300,20");
    expect([g.labelX, g.labelY]).toEqual([200, 20]);
  });

  it("bows parallel edges to opposite sides", () => {
    const a = edgeGeometry(box(0, 0), box(300, 0), -0.5, false);
    const b = edgeGeometry(box(0, 0), box(300, 0), 0.5, false);
    expect(a.labelY).toBeLessThan(20);
    expect(b.labelY).toBeGreaterThan(20);
  });

  it("keeps A→B and B→A apart when they have different offsets", () => {
    // Same canonical normal for both directions: flip undoes the reversal.
    const ab = edgeGeometry(box(0, 0), box(300, 0), -0.5, false);
    const ba = edgeGeometry(box(300, 0), box(0, 0), 0.5, true);
    expect(Math.sign(ab.labelY - 20)).toBe(Math.sign(ba.labelY - 20) * -1);
  });

  it("loops over the top for a self transition", () => {
    const r = box(0, 100);
    const g = edgeGeometry(r, r, 0, false);
    expect(g.path.startsWith("M 70,100 C")).toBe(true);
    expect(g.labelY).toBeLessThan(100);
  });
});
