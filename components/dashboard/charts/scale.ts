/** Tiny scale helpers for the SVG charts (no chart library: a few lines of math suffice). */

/** The smallest 1/2/5 × 10^n that is ≥ max (at least 1), so axes end on round numbers. */
export function niceMax(max: number): number {
  if (!Number.isFinite(max) || max <= 1) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const step of [1, 2, 5, 10]) if (step * exp >= max) return step * exp;
  return 10 * exp;
}

/**
 * Evenly spaced ticks from 0 to niceMax(max): `count` intervals, or fewer for small integer
 * data so counts never get axis labels like 0.25.
 */
export function ticks(max: number, count = 4, integer = false): number[] {
  const top = niceMax(max);
  const n = integer && top < count ? top : count;
  return Array.from({ length: n + 1 }, (_, i) => (top * i) / n);
}

export function linear(domainMax: number, rangeMax: number): (v: number) => number {
  return (v) => (domainMax <= 0 ? 0 : (Math.max(0, v) / domainMax) * rangeMax);
}

/** SVG path through points; `baseline` closes it into an area. */
export function linePath(points: ReadonlyArray<{ x: number; y: number }>, baseline?: number): string {
  if (points.length === 0) return "";
  const line = points.map((p, i) => `${i === 0 ? "M" : "L"} ${round(p.x)},${round(p.y)}`).join(" ");
  if (baseline === undefined) return line;
  const first = points[0];
  const last = points[points.length - 1];
  return `${line} L ${round(last?.x ?? 0)},${round(baseline)} L ${round(first?.x ?? 0)},${round(baseline)} Z`;
}

const round = (n: number) => Math.round(n * 100) / 100;

/** Compact axis numbers: 1200 → "1.2k". */
export function shortNumber(n: number): string {
  if (Math.abs(n) >= 1_000_000) return `${trim(n / 1_000_000)}M`;
  if (Math.abs(n) >= 1_000) return `${trim(n / 1_000)}k`;
  return trim(n);
}

const trim = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1).replace(/\.0$/, ""));
