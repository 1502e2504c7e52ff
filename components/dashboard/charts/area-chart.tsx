import { ChartFrame, NoData } from "./chart-frame";
import { linear, linePath, niceMax, shortNumber, ticks } from "./scale";

export type Point = { label: string; value: number };

const W = 480;
const H = 190;
const PAD = { top: 10, right: 8, bottom: 24, left: 36 };

/** A line with a filled area below it, y gridlines, and every few x labels. */
export function AreaChart({ title, points, valueLabel, testId }: { title: string; points: Point[]; valueLabel: string; testId?: string }) {
  if (points.length === 0) return <NoData />;
  const max = Math.max(...points.map((p) => p.value));
  const top = niceMax(max);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const y = linear(top, innerH);
  const step = points.length > 1 ? innerW / (points.length - 1) : 0;
  const xy = points.map((p, i) => ({ x: PAD.left + (points.length > 1 ? i * step : innerW / 2), y: PAD.top + innerH - y(p.value) }));
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  const total = points.reduce((s, p) => s + p.value, 0);
  const peak = points.reduce((best, p) => (p.value > best.value ? p : best), points[0] ?? { label: "", value: 0 });
  const summary = `${title}: ${total} in total over ${points.length} periods, peak ${peak.value} at ${peak.label}`;
  return (
    <ChartFrame summary={summary} caption={title} columns={["Period", valueLabel]} testId={testId}
      rows={points.map((p) => ({ label: p.label, values: [p.value] }))} width={W} height={H}>
      {ticks(max).map((t) => {
        const ty = PAD.top + innerH - y(t);
        return (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={ty} y2={ty} className="stroke-slate-200" strokeDasharray={t === 0 ? undefined : "3 3"} />
            <text x={PAD.left - 6} y={ty} dy="0.35em" textAnchor="end" className="fill-slate-500 text-[10px] tabular-nums">{shortNumber(t)}</text>
          </g>
        );
      })}
      <path d={linePath(xy, PAD.top + innerH)} className="fill-brand-500/15" />
      <path d={linePath(xy)} fill="none" className="stroke-brand-600" strokeWidth={2} strokeLinejoin="round" />
      {xy.map((p, i) => (
        <g key={i}>
          {points[i]?.value ? <circle cx={p.x} cy={p.y} r={2.5} className="fill-brand-600" /> : null}
          {i % labelEvery === 0 && (
            <text x={p.x} y={H - 6} textAnchor="middle" className="fill-slate-500 text-[10px]">{points[i]?.label}</text>
          )}
        </g>
      ))}
    </ChartFrame>
  );
}
