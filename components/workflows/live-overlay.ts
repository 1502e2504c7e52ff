import type { WorkflowDefinition } from "@/server/workflows/model";
import type { WorkflowOverlay } from "./api";

/** What a state node shows in Live mode. */
export type LiveStat = {
  now: number | null;
  arrived: number;
  overdue: number;
  medianMs: number | null;
  p95Ms: number | null;
  failures: number;
  retries: number;
  /** 0…1: orders now relative to the busiest state (final states: arrivals relative to the busiest final state). */
  heat: number;
};

export type LiveOverlay = {
  states: ReadonlyMap<string, LiveStat>;
  /** Transitions taken in the window, keyed by the designer's edge id (the first edge between the two states). */
  edgeCounts: ReadonlyMap<string, number>;
};

export const NO_LIVE: LiveOverlay = { states: new Map(), edgeCounts: new Map() };

/**
 * Maps the overlay answer onto the designer's states and edges. The overlay counts moves per
 * (from, to) pair; where several edges join the same pair the count goes on the first, so it
 * is shown once.
 */
export function toLiveOverlay(
  overlay: WorkflowOverlay,
  def: WorkflowDefinition,
  edgeIds: ReadonlyArray<{ id: string; from: string; to: string }>,
): LiveOverlay {
  const known = new Set(def.states.map((s) => s.id));
  const shown = overlay.states.filter((s) => known.has(s.state));
  const maxNow = Math.max(0, ...shown.map((s) => s.now ?? 0));
  const maxArrived = Math.max(0, ...shown.filter((s) => s.now === null).map((s) => s.arrived));
  const states = new Map<string, LiveStat>();
  for (const s of shown) {
    const heat = s.now === null ? (maxArrived > 0 ? s.arrived / maxArrived : 0) : maxNow > 0 ? s.now / maxNow : 0;
    states.set(s.state, {
      now: s.now,
      arrived: s.arrived,
      overdue: s.overdue,
      medianMs: s.medianMs,
      p95Ms: s.p95Ms,
      failures: s.failures,
      retries: s.retries,
      heat,
    });
  }
  const firstEdge = new Map<string, string>();
  for (const e of edgeIds) if (!firstEdge.has(`${e.from}\u0000${e.to}`)) firstEdge.set(`${e.from}\u0000${e.to}`, e.id);
  const edgeCounts = new Map<string, number>();
  for (const e of overlay.edges) {
    const id = firstEdge.get(`${e.from}\u0000${e.to}`);
    if (id) edgeCounts.set(id, (edgeCounts.get(id) ?? 0) + e.count);
  }
  return { states, edgeCounts };
}

/** Heat-map fill: white → amber → red as a state holds more of the in-flight orders. */
export function heatColor(heat: number): string {
  const h = Math.min(1, Math.max(0, heat));
  if (h === 0) return "#ffffff";
  // Light tints only, so the node's dark text keeps its contrast.
  const stops = [
    [255, 251, 235],
    [254, 215, 170],
    [254, 178, 178],
  ] as const;
  const seg = h < 0.5 ? 0 : 1;
  const t = h < 0.5 ? h / 0.5 : (h - 0.5) / 0.5;
  const a = stops[seg];
  const b = stops[seg + 1] ?? a;
  const mix = (i: number) => Math.round(a[i]! + (b[i]! - a[i]!) * t);
  return `rgb(${mix(0)}, ${mix(1)}, ${mix(2)})`;
}

/** "850 ms", "12.3 s", "4m 10s". */
export function formatMs(ms: number | null): string {
  if (ms === null) return "–";
  if (ms < 1_000) return `${ms} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const s = Math.round(ms / 1_000);
  const d = Math.floor(s / 86_400);
  const h = Math.floor((s % 86_400) / 3_600);
  const m = Math.floor((s % 3_600) / 60);
  if (d > 0) return `${d}d ${h}h`;
  if (h > 0) return `${h}h ${m}m`;
  return `${m}m ${s % 60}s`;
}
