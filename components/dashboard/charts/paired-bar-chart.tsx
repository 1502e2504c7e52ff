import { ChartFrame, NoData } from "./chart-frame";
import { linear, niceMax } from "./scale";

export type PairedBar = { label: string; a: number; b: number; alert?: boolean };

const W = 480;
const LABEL_W = 120;
const VALUE_W = 92;
const ROW = 34;
const LEGEND = 20;

/** Two bars per row (e.g. average and p95); `alert` rows are red and marked. */
export function PairedBarChart({
  title,
  rows,
  aLabel,
  bLabel,
  format,
  alertLabel,
  testId,
}: {
  title: string;
  rows: PairedBar[];
  aLabel: string;
  bLabel: string;
  format: (n: number) => string;
  alertLabel: string;
  testId?: string;
}) {
  if (rows.length === 0) return <NoData testId={testId} />;
  const height = LEGEND + rows.length * ROW + 4;
  const x = linear(niceMax(Math.max(...rows.flatMap((r) => [r.a, r.b]))), W - LABEL_W - VALUE_W);
  const summary = `${title}: ${rows.map((r) => `${r.label} ${aLabel} ${format(r.a)}, ${bLabel} ${format(r.b)}${r.alert ? ` (${alertLabel})` : ""}`).join("; ")}`;
  return (
    <ChartFrame
      summary={summary}
      caption={title}
      columns={["", aLabel, bLabel, alertLabel]}
      testId={testId}
      rows={rows.map((r) => ({ label: r.label, values: [format(r.a), format(r.b), r.alert ? "yes" : "no"] }))}
      width={W}
      height={height}
    >
      <g className="text-[10px]">
        <rect x={LABEL_W} y={4} width={10} height={8} className="fill-slate-400" />
        <text x={LABEL_W + 14} y={8} dy="0.35em" className="fill-slate-600">
          {aLabel}
        </text>
        <rect x={LABEL_W + 80} y={4} width={10} height={8} className="fill-slate-700" />
        <text x={LABEL_W + 94} y={8} dy="0.35em" className="fill-slate-600">
          {bLabel}
        </text>
        <rect x={LABEL_W + 160} y={4} width={10} height={8} className="fill-red-500" />
        <text x={LABEL_W + 174} y={8} dy="0.35em" className="fill-slate-600">
          {alertLabel}
        </text>
      </g>
      {rows.map((r, i) => {
        const y = LEGEND + i * ROW;
        return (
          <g key={`${r.label}-${i}`}>
            <text
              x={LABEL_W - 8}
              y={y + ROW / 2}
              dy="0.35em"
              textAnchor="end"
              className={`text-[11px] ${r.alert ? "fill-red-700 font-semibold" : "fill-slate-600"}`}
            >
              {r.alert ? "⚠ " : ""}
              {r.label.length > 18 ? `${r.label.slice(0, 17)}…` : r.label}
            </text>
            <rect
              x={LABEL_W}
              y={y + 4}
              width={Math.max(r.a > 0 ? 2 : 0, x(r.a))}
              height={11}
              rx={2}
              className={r.alert ? "fill-red-300" : "fill-slate-400"}
            />
            <rect
              x={LABEL_W}
              y={y + 17}
              width={Math.max(r.b > 0 ? 2 : 0, x(r.b))}
              height={11}
              rx={2}
              className={r.alert ? "fill-red-600" : "fill-slate-700"}
            />
            <text x={W - VALUE_W + 6} y={y + 10} dy="0.3em" className="fill-slate-600 text-[10px] tabular-nums">
              {format(r.a)}
            </text>
            <text x={W - VALUE_W + 6} y={y + 23} dy="0.3em" className="fill-slate-800 text-[10px] font-semibold tabular-nums">
              {format(r.b)}
            </text>
          </g>
        );
      })}
    </ChartFrame>
  );
}
