import { ChartFrame, NoData } from "./chart-frame";
import { linear, niceMax } from "./scale";

export type Bar = { label: string; value: number; alert?: boolean };

const W = 480;
const LABEL_W = 130;
const VALUE_W = 48;
const ROW = 26;

/** Horizontal bars with labels and values; `alert` bars are drawn red. */
export function BarChart({
  title,
  bars,
  unit = "",
  format = String,
  testId,
}: {
  title: string;
  bars: Bar[];
  unit?: string;
  format?: (n: number) => string;
  testId?: string;
}) {
  if (bars.length === 0) return <NoData testId={testId} />;
  const height = bars.length * ROW + 8;
  const x = linear(niceMax(Math.max(...bars.map((b) => b.value))), W - LABEL_W - VALUE_W);
  const summary = `${title}: ${bars.map((b) => `${b.label} ${format(b.value)}${unit}`).join(", ")}`;
  return (
    <ChartFrame
      summary={summary}
      caption={title}
      columns={["", `Value${unit ? ` (${unit.trim()})` : ""}`]}
      testId={testId}
      rows={bars.map((b) => ({ label: b.label, values: [format(b.value)] }))}
      width={W}
      height={height}
    >
      {bars.map((b, i) => {
        const y = 4 + i * ROW;
        const w = Math.max(b.value > 0 ? 2 : 0, x(b.value));
        return (
          <g key={`${b.label}-${i}`}>
            <text x={LABEL_W - 8} y={y + ROW / 2} dy="0.35em" textAnchor="end" className="fill-slate-600 text-[11px]">
              {b.label.length > 20 ? `${b.label.slice(0, 19)}…` : b.label}
            </text>
            <rect x={LABEL_W} y={y + 4} width={W - LABEL_W - VALUE_W} height={ROW - 8} rx={3} className="fill-slate-100" />
            <rect x={LABEL_W} y={y + 4} width={w} height={ROW - 8} rx={3} className={b.alert ? "fill-red-500" : "fill-brand-500"} />
            <text x={LABEL_W + w + 6} y={y + ROW / 2} dy="0.35em" className="fill-slate-800 text-[11px] font-semibold tabular-nums">
              {format(b.value)}
              {unit}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
