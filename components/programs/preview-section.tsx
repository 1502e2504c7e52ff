"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { Card } from "@/components/ui/card";
import { programApi } from "./api";
import type { EditorState } from "./editor-state";
import { PreviewTable } from "./preview-table";

/** Next 12 shipments of the (unsaved) draft for a hypothetical subscriber joining on a date. */
export function PreviewSection({ programId, state, today }: { programId: string; state: EditorState; today: string }) {
  const [joinDate, setJoinDate] = useState(today);
  const [versionId, setVersionId] = useState("");
  const body = { draft: state.draft, substitutions: state.substitutions, joinDate, versionId: versionId || undefined, count: 12 };
  const { data, isFetching, error } = useQuery({
    queryKey: ["programs", "preview", programId, JSON.stringify(body)],
    queryFn: () => programApi.preview(programId, body),
    enabled: /^\d{4}-\d{2}-\d{2}$/.test(joinDate),
    placeholderData: (prev) => prev,
  });
  return (
    <Card title="Preview">
      <div className="mb-3 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          Join date
          <input
            aria-label="Preview join date"
            type="date"
            className="rounded border border-slate-300 px-2 py-1"
            value={joinDate}
            onChange={(e) => setJoinDate(e.target.value)}
          />
        </label>
        <label className="flex flex-col">
          Version
          <select
            aria-label="Preview version"
            className="rounded border border-slate-300 px-2 py-1"
            value={versionId}
            onChange={(e) => setVersionId(e.target.value)}
          >
            <option value="">Default</option>
            {state.draft.versions.map((v) => (
              <option key={v.id} value={v.id}>
                Version {v.id}
              </option>
            ))}
          </select>
        </label>
        {isFetching && <span className="text-xs text-slate-500">Updating…</span>}
      </div>
      {error ? (
        <p role="alert" className="text-sm text-red-600">
          {error.message}
        </p>
      ) : data && data.issues.length > 0 ? (
        <p className="text-sm text-amber-700">Fix the issues listed above to see the preview.</p>
      ) : data ? (
        <PreviewTable rows={data.rows} label="Next shipments preview" />
      ) : null}
    </Card>
  );
}
