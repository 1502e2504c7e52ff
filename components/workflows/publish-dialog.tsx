"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { DefinitionDiff, ElementDiff, Problem } from "@/server/workflows/model";
import { Button } from "@/components/ui/button";
import { ApiError } from "@/components/ui/fetch-json";
import { publishWorkflow, workflowDiffQuery, workflowKeys } from "./api";

function DiffSection<T extends { id: string }>({ title, diff }: { title: string; diff: ElementDiff<T> }) {
  const rows = [
    ...diff.added.map((x) => ({ id: x.id, sign: "+", text: "added", cls: "text-brand-700" })),
    ...diff.removed.map((x) => ({ id: x.id, sign: "−", text: "removed", cls: "text-red-700" })),
    ...diff.changed.map((c) => ({ id: c.id, sign: "~", text: `changed: ${c.fields.join(", ")}`, cls: "text-amber-700" })),
  ];
  return (
    <div>
      <h3 className="text-sm font-semibold">
        {title} <span className="font-normal text-slate-500">({rows.length})</span>
      </h3>
      {rows.length === 0 ? (
        <p className="text-xs text-slate-500">No changes.</p>
      ) : (
        <ul className="mt-1 flex flex-col gap-0.5 font-mono text-xs" data-testid={`diff-${title.toLowerCase()}`}>
          {rows.map((r) => (
            <li key={`${r.sign}${r.id}`} className={r.cls}>
              {r.sign} {r.id} <span className="text-slate-500">{r.text}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function serverProblems(error: unknown): Problem[] {
  if (!(error instanceof ApiError)) return [];
  const problems = (error.body as { problems?: unknown } | null)?.problems;
  return Array.isArray(problems) ? (problems as Problem[]) : [];
}

/**
 * Review-then-confirm: shows what publishing changes compared to the live version (the
 * server's diff of the saved draft), then creates the immutable version.
 */
export function PublishDialog({
  workflowId,
  liveVersion,
  onClose,
  onPublished,
}: {
  workflowId: string;
  liveVersion: number | null;
  onClose: () => void;
  onPublished: (version: number) => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const qc = useQueryClient();
  const diff = useQuery(workflowDiffQuery(workflowId));
  const publish = useMutation({
    mutationFn: () => publishWorkflow(workflowId),
    onSuccess: async ({ version }) => {
      await qc.invalidateQueries({ queryKey: workflowKeys.all });
      onPublished(version);
    },
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const problems = serverProblems(publish.error);
  const d: DefinitionDiff | undefined = diff.data;
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="publish-title"
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-slate-200 p-0 shadow-xl backdrop:bg-slate-900/40"
    >
      <div className="flex flex-col gap-4 p-5">
        <div>
          <h2 id="publish-title" className="text-lg font-semibold">
            Publish workflow
          </h2>
          <p className="text-sm text-slate-600">
            {liveVersion === null
              ? "Nothing is live yet: this becomes version 1."
              : `Changes compared to live version ${liveVersion}. Orders in flight stay on the version they started on.`}
          </p>
        </div>
        {diff.isPending && <p className="text-sm text-slate-500">Comparing with the live version…</p>}
        {diff.isError && (
          <p role="alert" className="text-sm text-red-600">
            Could not load the changes: {diff.error.message}
          </p>
        )}
        {d && (
          <div className="flex max-h-72 flex-col gap-3 overflow-y-auto rounded border border-slate-200 bg-slate-50 p-3">
            {d.isEmpty && (
              <p className="text-sm text-slate-600" data-testid="diff-empty">
                No behaviour changes (layout changes are not counted).
              </p>
            )}
            <DiffSection title="States" diff={d.states} />
            <DiffSection title="Transitions" diff={d.transitions} />
          </div>
        )}
        {publish.isError && (
          <div role="alert" className="rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
            <p className="font-medium">{publish.error.message}</p>
            {problems.length > 0 && (
              <ul className="mt-1 list-disc pl-5 text-xs">
                {problems.map((p, i) => (
                  <li key={i}>
                    {p.message} ({p.elementId ?? "workflow"})
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button variant="secondary" onClick={() => ref.current?.close()}>
            Cancel
          </Button>
          <Button onClick={() => publish.mutate()} disabled={publish.isPending || !d}>
            {publish.isPending ? "Publishing…" : "Confirm publish"}
          </Button>
        </div>
      </div>
    </dialog>
  );
}
