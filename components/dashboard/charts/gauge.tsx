import { ChartFrame } from "./chart-frame";

const W = 160;
const H = 96;
const R = 64;
const CX = W / 2;
const CY = 80;

/** Point on the half circle: t = 0 is the left end, 1 the right end. */
function at(t: number) {
  const angle = Math.PI * (1 - t);
  return { x: CX + R * Math.cos(angle), y: CY - R * Math.sin(angle) };
}

export function arc(t: number): string {
  const clamped = Math.min(1, Math.max(0, t));
  const s = at(0);
  const e = at(clamped);
  return `M ${s.x.toFixed(2)},${s.y.toFixed(2)} A ${R},${R} 0 0 1 ${e.x.toFixed(2)},${e.y.toFixed(2)}`;
}

/** Half-circle gauge for a 0–1 rate; turns amber/red past the thresholds. */
export function Gauge({
  title,
  ratio,
  warnAt,
  alertAt,
  detail,
  testId,
}: {
  title: string;
  ratio: number;
  warnAt: number;
  alertAt: number;
  detail: string;
  testId?: string;
}) {
  const safe = Number.isFinite(ratio) ? ratio : 0;
  const pct = `${(safe * 100).toFixed(1)}%`;
  const tone = safe >= alertAt ? "stroke-red-500" : safe >= warnAt ? "stroke-amber-500" : "stroke-brand-500";
  return (
    <ChartFrame
      summary={`${title}: ${pct} (${detail})`}
      caption={title}
      columns={["", "Rate"]}
      rows={[{ label: title, values: [pct] }]}
      width={W}
      height={H}
      testId={testId}
    >
      <path d={arc(1)} fill="none" className="stroke-slate-200" strokeWidth={14} strokeLinecap="round" />
      {safe > 0 && <path d={arc(safe)} fill="none" className={tone} strokeWidth={14} strokeLinecap="round" />}
      <text x={CX} y={CY - 8} textAnchor="middle" className="fill-slate-900 text-[22px] font-semibold tabular-nums">
        {pct}
      </text>
      <text x={CX} y={CY + 12} textAnchor="middle" className="fill-slate-500 text-[10px]">
        {title}
      </text>
    </ChartFrame>
  );
}
