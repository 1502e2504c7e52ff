import { formatDateTime } from "@/components/ui/format";
import type { AuditRow } from "./api";

const VIA_TEXT: Record<string, string> = {
  transition: "automatic transition",
  on_failure: "fallback after a failed action",
  timeout: "timeout",
  event: "event",
  manual: "manual decision",
};

const str = (v: unknown) => (typeof v === "string" ? v : v === undefined || v === null ? null : JSON.stringify(v));

function Inputs({ inputs }: { inputs: unknown }) {
  if (!inputs || typeof inputs !== "object") return null;
  const entries = Object.entries(inputs as Record<string, unknown>);
  if (entries.length === 0) return null;
  return (
    <dl className="mt-1 flex flex-wrap gap-1 text-[11px]">
      {entries.map(([k, v]) => (
        <div key={k} className="rounded bg-slate-100 px-1.5 py-0.5">
          <dt className="inline text-slate-500">{k}</dt> <dd className="inline font-mono text-slate-800">{JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}

function Attempts({ attempts }: { attempts: unknown }) {
  if (!attempts || typeof attempts !== "object") return null;
  const entries = Object.entries(attempts as Record<string, unknown>).filter(([, n]) => typeof n === "number");
  if (entries.length === 0) return null;
  return <p className="mt-1 text-[11px] text-slate-600">Attempts: {entries.map(([id, n]) => `${id} ×${String(n)}`).join(", ")}</p>;
}

type VersionLabel = (versionId: unknown) => string;

function TransitionEntry({ row, versionLabel }: { row: AuditRow; versionLabel: VersionLabel }) {
  const d = row.data ?? {};
  const via = str(d.via);
  const guard = str(d.guard);
  return (
    <>
      <p className="text-sm font-medium text-slate-900">
        {row.fromState ?? "—"} <span aria-hidden>→</span>
        <span className="sr-only">to</span> {row.toState ?? "—"}
      </p>
      <p className="text-xs text-slate-600">
        {via ? (VIA_TEXT[via] ?? via) : "transition"}
        {str(d.edgeId) && (
          <>
            {" "}
            · <span className="font-mono">{str(d.edgeId)}</span>
          </>
        )}
        {d.versionId !== undefined && <> · {versionLabel(d.versionId)}</>}
        {str(d.decision) && (
          <>
            {" "}
            · decision: <strong>{str(d.decision)}</strong>
          </>
        )}
      </p>
      {guard && (
        <p className="mt-1 text-xs">
          Guard fired: <code className="rounded bg-slate-100 px-1 font-mono text-[11px]">{guard}</code>
        </p>
      )}
      <Inputs inputs={d.inputs} />
      <Attempts attempts={d.attempts} />
      {str(d.note) && <p className="mt-1 text-xs italic text-slate-700">“{str(d.note)}”</p>}
    </>
  );
}

function OtherEntry({ row }: { row: AuditRow }) {
  const data = row.data ?? {};
  const keys = Object.keys(data);
  return (
    <>
      <p className="text-sm font-medium text-slate-900">
        {row.action.replaceAll("_", " ")}
        {row.toState ? <span className="font-normal text-slate-500"> in {row.toState}</span> : null}
      </p>
      {str(data.error) && <p className="text-xs text-red-700">{str(data.error)}</p>}
      {str(data.message) && <p className="text-xs text-slate-600">{str(data.message)}</p>}
      {keys.length > 0 && (
        <details className="mt-1 text-[11px]">
          <summary className="cursor-pointer text-slate-500">Details</summary>
          <pre className="mt-1 overflow-x-auto rounded bg-slate-50 p-2">{JSON.stringify(data, null, 2)}</pre>
        </details>
      )}
    </>
  );
}

/** The order's audit trail as a vertical timeline, oldest first (it reads as the order's story). */
export function OrderTimeline({ rows, pinned }: { rows: AuditRow[]; pinned?: { versionId: number; version: number } | null }) {
  const versionLabel: VersionLabel = (id) => (pinned && id === pinned.versionId ? `workflow v${pinned.version}` : `workflow version id ${str(id)}`);
  if (rows.length === 0) return <p className="text-sm text-slate-500">No events yet.</p>;
  const sorted = [...rows].sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
  return (
    <ol className="relative ml-2 border-l-2 border-slate-200" data-testid="order-timeline">
      {sorted.map((row, i) => {
        const isStart = row.action === "workflow_started";
        const isTransition = !isStart && (row.action === "transition" || (row.fromState !== row.toState && row.toState !== null));
        return (
          <li key={i} className="relative mb-4 pl-5 last:mb-0" data-testid="timeline-entry">
            <span
              aria-hidden
              className={`absolute -left-[7px] top-1.5 h-3 w-3 rounded-full border-2 border-white ${isTransition || isStart ? "bg-brand-600" : row.action.includes("fail") ? "bg-red-500" : "bg-slate-400"}`}
            />
            <p className="text-[11px] text-slate-500">
              <time dateTime={row.at}>{formatDateTime(row.at)}</time> · {row.actorEmail ?? `${row.actorType}${row.actorId ? ` ${row.actorId}` : ""}`}
            </p>
            {isStart ? (
              <p className="text-sm font-medium text-slate-900">
                Started {row.data?.version !== undefined ? `workflow v${str(row.data.version)}` : "its workflow"} in {row.toState ?? "—"}
              </p>
            ) : isTransition ? (
              <TransitionEntry row={row} versionLabel={versionLabel} />
            ) : (
              <OtherEntry row={row} />
            )}
          </li>
        );
      })}
    </ol>
  );
}
