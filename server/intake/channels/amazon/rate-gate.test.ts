import { describe, expect, it } from "vitest";
import { RateGate } from "./rate-gate";

describe("SP-API rate gate (token bucket)", () => {
  it("lets the burst through, then spaces requests at the rate", () => {
    const gate = new RateGate(0.5, 3);
    expect([gate.take(1000), gate.take(1000), gate.take(1000)]).toEqual([0, 0, 0]);
    expect(gate.take(1000)).toBe(2000); // 0.5 req/s: the 4th waits 2 s
  });

  it("refills over time, never above the burst", () => {
    const gate = new RateGate(1, 2);
    gate.take(0);
    gate.take(0);
    expect(gate.take(60_000)).toBe(0);
    expect(gate.take(60_000)).toBe(0);
    expect(gate.take(60_000)).toBe(1000);
  });

  it("a 429 empties the bucket; the rate header replaces the default", () => {
    const gate = new RateGate(0.5, 30);
    gate.observeLimitHeader("2");
    expect(gate.currentRate).toBe(2);
    gate.drain(5000);
    expect(gate.take(5000)).toBe(500);
  });
});
