import { describe, expect, it } from "vitest";
import { defaultWorkflowDefinition, workflowEdges } from "@/server/workflows/model";
import type { WorkflowOverlay } from "./api";
import { formatMs, heatColor, toLiveOverlay } from "./live-overlay";

const row = (state: string, o: Partial<WorkflowOverlay["states"][number]> = {}): WorkflowOverlay["states"][number] => ({
  state,
  now: 0,
  overdue: 0,
  arrived: 0,
  visits: 0,
  medianMs: null,
  p95Ms: null,
  failures: 0,
  retries: 0,
  ...o,
});

describe("toLiveOverlay", () => {
  const def = defaultWorkflowDefinition({ approvalThresholdMinor: 50_000 });
  const edges = workflowEdges(def);
  const overlay: WorkflowOverlay = {
    versionIds: [1],
    from: "2026-01-01T00:00:00Z",
    to: "2026-01-02T00:00:00Z",
    states: [
      row("processing", { now: 4, overdue: 1, failures: 2, retries: 3, medianMs: 1200, p95Ms: 5000 }),
      row("ready_to_ship", { now: 8 }),
      row("shipped", { now: null, arrived: 5 }),
      row("cancelled", { now: null, arrived: 10 }),
      row("gone_in_a_later_version", { now: 99 }),
    ],
    edges: [
      { from: "processing", to: "ready_to_ship", count: 7 },
      { from: "nowhere", to: "processing", count: 3 },
    ],
  };
  const live = toLiveOverlay(overlay, def, edges);

  it("heats in-flight states against the busiest one, final states against the busiest final state", () => {
    expect(live.states.get("ready_to_ship")?.heat).toBe(1);
    expect(live.states.get("processing")).toMatchObject({ heat: 0.5, overdue: 1, failures: 2, retries: 3, medianMs: 1200, p95Ms: 5000 });
    expect(live.states.get("shipped")?.heat).toBe(0.5);
    expect(live.states.get("cancelled")?.heat).toBe(1);
  });

  it("ignores states the shown definition does not have (they cannot be drawn)", () => {
    expect(live.states.has("gone_in_a_later_version")).toBe(false);
  });

  it("puts an edge count on the first designer edge between the two states", () => {
    const first = edges.find((e) => e.from === "processing" && e.to === "ready_to_ship")!;
    expect(live.edgeCounts.get(first.id)).toBe(7);
    expect([...live.edgeCounts.values()]).toEqual([7]);
  });
});

describe("heatColor and formatMs", () => {
  it("is white when cold and darkens towards red", () => {
    expect(heatColor(0)).toBe("#ffffff");
    expect(heatColor(1)).toBe("rgb(254, 178, 178)");
    expect(heatColor(0.5)).toBe("rgb(254, 215, 170)");
  });
  it("formats durations for the node", () => {
    expect(formatMs(null)).toBe("–");
    expect(formatMs(850)).toBe("850 ms");
    expect(formatMs(12_340)).toBe("12.3 s");
    expect(formatMs(250_000)).toBe("4m 10s");
    expect(formatMs(2 * 86_400_000 + 3 * 3_600_000)).toBe("2d 3h");
  });
});
