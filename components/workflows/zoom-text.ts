/**
 * Below this zoom a node drops its action rows (and an edge label its guard): even grown to
 * 2.4× they could not be read, and the label gets their room.
 */
export const COMPACT_BELOW = 0.35;

/**
 * Font size in flow pixels that stays at least `minScreenPx` on screen when zoomed out (up to
 * 2.4× the base), so labels stay legible at fit-to-view on a dense graph.
 */
export function legiblePx(basePx: number, zoom: number, minScreenPx: number): number {
  return Math.round(Math.min(basePx * 2.4, Math.max(basePx, minScreenPx / Math.max(zoom, 0.05))));
}
