"use client";

import { formatDateTime } from "@/components/ui/format";
import type { WorkflowDetail } from "./api";

/** Published versions with how many orders still run on each (orders stay on their version). */
export function VersionsPanel({ detail, onRevertToLive }: { detail: WorkflowDetail; onRevertToLive: () => void }) {
  const liveId = detail.live?.versionId ?? null;
  const versions = [...detail.versions].sort((a, b) => b.version - a.version);
  return (
    <div className="flex flex-col gap-3" data-testid="versions-panel">
      {versions.length === 0 ? (
        <p className="text-sm text-slate-600">Not published yet. Publishing creates version 1; versions are immutable.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Published versions</caption>
          <thead>
            <tr className="text-left text-xs text-slate-500">
              <th scope="col" className="py-1 font-medium">
                Version
              </th>
              <th scope="col" className="py-1 font-medium">
                Published
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                In flight
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.versionId} className="border-t border-slate-100" data-testid={`version-${v.version}`}>
                <td className="py-1.5">
                  v{v.version}{" "}
                  {v.versionId === liveId && <span className="rounded bg-brand-100 px-1 text-[10px] font-semibold text-brand-700">live</span>}
                </td>
                <td className="py-1.5 text-xs text-slate-600">{formatDateTime(v.publishedAt)}</td>
                <td className="py-1.5 text-right tabular-nums">{v.inFlight}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {detail.live && (
        <button type="button" onClick={onRevertToLive} className="self-start text-xs font-medium text-red-700 hover:underline">
          Discard draft changes (reset to v{detail.live.version})
        </button>
      )}
    </div>
  );
}
