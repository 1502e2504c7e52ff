"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { formatDateTime } from "@/components/ui/format";
import { restoreVersion, type VersionDiff, versionDiffQuery, type WorkflowDetail } from "./api";
import { SelectField } from "./inspector/fields";

const KIND_STYLE = { added: "text-emerald-800", removed: "text-red-700", changed: "text-amber-800" } as const;
const ELEMENT_LABEL: Record<VersionDiff["changes"][number]["element"], string> = {
  state: "State",
  edge: "Edge",
  guard: "Guard",
  action: "Action",
  retry_policy: "Retry policy",
};

/** The semantic diff between two published versions, one line per change. */
function VersionDiffView({ workflowId, from, to }: { workflowId: string; from: number; to: number }) {
  const q = useQuery(versionDiffQuery(workflowId, from, to));
  if (q.isPending) return <p className="text-xs text-slate-600">Comparing…</p>;
  if (q.isError)
    return (
      <p role="alert" className="text-xs text-red-700">
        {q.error.message}
      </p>
    );
  const d = q.data;
  if (d.changes.length === 0)
    return (
      <p className="text-xs text-slate-700" data-testid="version-diff">
        v{d.from} and v{d.to} are the same.
      </p>
    );
  return (
    <ul className="flex flex-col gap-0.5 text-xs" data-testid="version-diff" aria-label={`Changes from v${d.from} to v${d.to}`}>
      {d.changes.map((c, i) => (
        <li key={`${c.element}:${c.id}:${i}`} className={KIND_STYLE[c.kind]}>
          <span className="font-semibold">{c.kind}</span> {ELEMENT_LABEL[c.element].toLowerCase()} <code>{c.id}</code>
          {c.in && <span className="text-slate-600"> in {c.in}</span>}
          {c.fields && c.fields.length > 0 && <span className="text-slate-600"> ({c.fields.join(", ")})</span>}
        </li>
      ))}
    </ul>
  );
}

/**
 * Published versions with how many orders still run on each (orders stay on their version);
 * restore any of them as the draft, and diff any two.
 */
export function VersionsPanel({
  workflowId,
  detail,
  onRevertToLive,
  beforeRestore,
  onRestored,
}: {
  workflowId: string;
  detail: WorkflowDetail;
  onRevertToLive: () => void;
  /** Saves pending edits first, so the restore is not overwritten by a late autosave. */
  beforeRestore: () => Promise<boolean>;
  onRestored: (version: number) => void;
}) {
  const liveId = detail.live?.versionId ?? null;
  const versions = [...detail.versions].sort((a, b) => b.version - a.version);
  const [confirm, setConfirm] = useState<number | null>(null);
  const [diffFrom, setDiffFrom] = useState(String(versions[1]?.versionId ?? ""));
  const [diffTo, setDiffTo] = useState(String(versions[0]?.versionId ?? ""));
  const [shownDiff, setShownDiff] = useState<{ from: number; to: number } | null>(null);
  const restore = useMutation({
    mutationFn: async (versionId: number) => {
      if (!(await beforeRestore())) throw new Error("The draft could not be saved; not restoring.");
      return restoreVersion(workflowId, versionId);
    },
    onSuccess: (r) => {
      setConfirm(null);
      onRestored(r.version);
    },
  });
  const options = versions.map((v) => ({ value: String(v.versionId), label: `v${v.version}${v.versionId === liveId ? " (live)" : ""}` }));
  return (
    <div className="flex flex-col gap-3" data-testid="versions-panel">
      {versions.length === 0 ? (
        <p className="text-sm text-slate-600">Not published yet. Publishing creates version 1; versions are immutable.</p>
      ) : (
        <table className="w-full text-sm">
          <caption className="sr-only">Published versions</caption>
          <thead>
            <tr className="text-left text-xs text-slate-600">
              <th scope="col" className="py-1 font-medium">
                Version
              </th>
              <th scope="col" className="py-1 font-medium">
                Published
              </th>
              <th scope="col" className="py-1 text-right font-medium">
                In flight
              </th>
              <th scope="col" className="py-1">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.versionId} className="border-t border-slate-100" data-testid={`version-${v.version}`}>
                <td className="py-1.5">
                  v{v.version}{" "}
                  {v.versionId === liveId && <span className="rounded bg-brand-100 px-1 text-[11px] font-semibold text-brand-700">live</span>}
                </td>
                <td className="py-1.5 text-xs text-slate-600">{formatDateTime(v.publishedAt)}</td>
                <td className="py-1.5 text-right tabular-nums">{v.inFlight}</td>
                <td className="py-1.5 text-right">
                  <button
                    type="button"
                    className="text-xs text-blue-700 underline"
                    onClick={() => setConfirm(v.versionId)}
                    aria-label={`Restore v${v.version} as the draft`}
                  >
                    Restore
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirm !== null && (
        <div role="alertdialog" aria-labelledby="restore-title" className="flex flex-col gap-2 rounded border border-amber-300 bg-amber-50 p-2">
          <p id="restore-title" className="text-sm text-amber-950">
            Replace the draft with v{versions.find((v) => v.versionId === confirm)?.version}? The current draft is kept in the audit log. Publish
            afterwards to roll back.
          </p>
          <div className="flex gap-2">
            <Button disabled={restore.isPending} onClick={() => restore.mutate(confirm)} autoFocus>
              Restore as draft
            </Button>
            <Button variant="ghost" onClick={() => setConfirm(null)}>
              Back
            </Button>
          </div>
          {restore.isError && (
            <p role="alert" className="text-xs text-red-700">
              {restore.error.message}
            </p>
          )}
        </div>
      )}
      {versions.length >= 2 && (
        <section aria-labelledby="diff-title" className="flex flex-col gap-2 border-t border-slate-200 pt-2">
          <h3 id="diff-title" className="text-xs font-semibold uppercase tracking-wide text-slate-600">
            Compare versions
          </h3>
          <div className="grid grid-cols-2 gap-2">
            <SelectField label="From" value={diffFrom} onChange={setDiffFrom} options={options} />
            <SelectField label="To" value={diffTo} onChange={setDiffTo} options={options} />
          </div>
          <Button
            variant="secondary"
            disabled={!diffFrom || !diffTo || diffFrom === diffTo}
            onClick={() => setShownDiff({ from: Number(diffFrom), to: Number(diffTo) })}
          >
            Show changes
          </Button>
          {shownDiff && <VersionDiffView workflowId={workflowId} from={shownDiff.from} to={shownDiff.to} />}
        </section>
      )}
      {detail.live && (
        <button type="button" onClick={onRevertToLive} className="self-start text-xs font-medium text-red-700 hover:underline">
          Discard draft changes (reset to v{detail.live.version})
        </button>
      )}
    </div>
  );
}
