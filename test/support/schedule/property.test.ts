import { describe, expect, it } from "vitest";
import { checkProperty, createRng } from "./property";

describe("property helper", () => {
  it("is deterministic per seed and stays in range", () => {
    const a = createRng(42);
    const b = createRng(42);
    const xs = Array.from({ length: 50 }, () => a.int(3, 7));
    expect(xs).toEqual(Array.from({ length: 50 }, () => b.int(3, 7)));
    expect(new Set(xs)).toEqual(new Set([3, 4, 5, 6, 7]));
  });

  it("reports the seed and the failing case", () => {
    expect(() =>
      checkProperty(
        { seed: 7, runs: 100 },
        (rng) => rng.int(0, 9),
        (n) => expect(n).toBeLessThan(9),
      ),
    ).toThrow(/seed 7, run \d+\) for 9/);
  });
});
