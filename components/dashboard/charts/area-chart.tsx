import { ChartFrame, NoData } from "./chart-frame";
import { linear, linePath, niceMax, shortNumber, ticks } from "./scale";

export type Point = { label: string; value: number; secondary?: number };

const W = 480;
const H = 200;
const PAD = { top: 22, right: 8, bottom: 24, left: 36 };

/**
 * A filled area (the main series) with an optional dashed line (e.g. created vs finished),
 * y gridlines and every few x labels.
 */
export function AreaChart({
  title,
  points,
  valueLabel,
  secondaryLabel,
  testId,
}: {
  title: string;
  points: Point[];
  valueLabel: string;
  secondaryLabel?: string;
  testId?: string;
}) {
  if (points.length === 0) return <NoData testId={testId} />;
  const hasSecondary = secondaryLabel !== undefined && points.some((p) => p.secondary !== undefined);
  const max = Math.max(...points.flatMap((p) => [p.value, hasSecondary ? (p.secondary ?? 0) : 0]));
  const top = niceMax(max);
  const innerW = W - PAD.left - PAD.right;
  const innerH = H - PAD.top - PAD.bottom;
  const y = linear(top, innerH);
  const step = points.length > 1 ? innerW / (points.length - 1) : 0;
  const xAt = (i: number) => PAD.left + (points.length > 1 ? i * step : innerW / 2);
  const main = points.map((p, i) => ({ x: xAt(i), y: PAD.top + innerH - y(p.value) }));
  const second = points.map((p, i) => ({ x: xAt(i), y: PAD.top + innerH - y(p.secondary ?? 0) }));
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  const total = points.reduce((s, p) => s + p.value, 0);
  const totalSecond = points.reduce((s, p) => s + (p.secondary ?? 0), 0);
  const summary = `${title}: ${total} ${valueLabel.toLowerCase()}${hasSecondary ? `, ${totalSecond} ${secondaryLabel?.toLowerCase()}` : ""} over ${points.length} periods`;
  return (
    <ChartFrame
      summary={summary}
      caption={title}
      columns={["Period", valueLabel, ...(hasSecondary && secondaryLabel ? [secondaryLabel] : [])]}
      testId={testId}
      rows={points.map((p) => ({ label: p.label, values: hasSecondary ? [p.value, p.secondary ?? 0] : [p.value] }))}
      width={W}
      height={H}
    >
      <g className="text-[10px]">
        <rect x={PAD.left} y={4} width={10} height={8} className="fill-brand-500/60" />
        <text x={PAD.left + 14} y={8} dy="0.35em" className="fill-slate-600">
          {valueLabel}
        </text>
        {hasSecondary && (
          <>
            <line x1={PAD.left + 90} x2={PAD.left + 104} y1={8} y2={8} className="stroke-sky-600" strokeWidth={2} strokeDasharray="4 2" />
            <text x={PAD.left + 108} y={8} dy="0.35em" className="fill-slate-600">
              {secondaryLabel}
            </text>
          </>
        )}
      </g>
      {ticks(max, 4, true).map((t) => {
        const ty = PAD.top + innerH - y(t);
        return (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={ty} y2={ty} className="stroke-slate-200" strokeDasharray={t === 0 ? undefined : "3 3"} />
            <text x={PAD.left - 6} y={ty} dy="0.35em" textAnchor="end" className="fill-slate-500 text-[10px] tabular-nums">
              {shortNumber(t)}
            </text>
          </g>
        );
      })}
      {top > 0 && <path d={linePath(main, PAD.top + innerH)} className="fill-brand-500/15" />}
      <path d={linePath(main)} fill="none" className="stroke-brand-600" strokeWidth={2} strokeLinejoin="round" />
      {hasSecondary && (
        <path d={linePath(second)} fill="none" className="stroke-sky-600" strokeWidth={1.5} strokeDasharray="4 2" strokeLinejoin="round" />
      )}
      {main.map((p, i) => (
        <g key={i}>
          {points[i]?.value ? <circle cx={p.x} cy={p.y} r={2.5} className="fill-brand-600" /> : null}
          {i % labelEvery === 0 && (
            <text x={p.x} y={H - 6} textAnchor="middle" className="fill-slate-500 text-[10px]">
              {points[i]?.label}
            </text>
          )}
        </g>
      ))}
    </ChartFrame>
  );
}
