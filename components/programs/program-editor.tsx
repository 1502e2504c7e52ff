"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Button } from "@/components/ui/button";
import { Card, PageHeader } from "@/components/ui/card";
import { ApiError } from "@/components/ui/fetch-json";
import type { ProgramIssue } from "@/server/continuity/program-definition";
import { programApi, programKeys, type ProgramDetail } from "./api";
import { AssignmentSection } from "./assignment-section";
import { BasicsSection } from "./basics-section";
import type { EditorState } from "./editor-state";
import { NeedsAttention } from "./needs-attention";
import { PreviewSection } from "./preview-section";
import { RetentionSection } from "./retention-section";
import { SeriesSection } from "./series-section";
import { SubstitutionsSection } from "./substitutions-section";

export function ProgramEditor({ programId, today }: { programId: string; today: string }) {
  const detail = useQuery({ queryKey: programKeys.detail(programId), queryFn: () => programApi.detail(programId) });
  const products = useQuery({ queryKey: programKeys.products(), queryFn: programApi.products });
  if (detail.error)
    return (
      <p role="alert" className="text-red-600">
        {detail.error.message}
      </p>
    );
  if (!detail.data || !products.data) return <p className="text-sm text-slate-500">Loading…</p>;
  return <Editor key={detail.data.id} detail={detail.data} products={products.data.products} today={today} />;
}

function toState(d: ProgramDetail): EditorState {
  return { name: d.name, description: d.description, priceMinor: d.parent.priceMinor, draft: d.draft, substitutions: d.substitutions };
}

function Editor({ detail, products, today }: { detail: ProgramDetail; products: Parameters<typeof SeriesSection>[0]["products"]; today: string }) {
  const client = useQueryClient();
  const router = useRouter();
  const [state, setState] = useState<EditorState>(() => toState(detail));
  const [dirty, setDirty] = useState(false);
  const [issues, setIssues] = useState<ProgramIssue[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const change = (fn: (s: EditorState) => EditorState) => {
    setState(fn);
    setDirty(true);
    setNotice(null);
  };

  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  const refresh = () =>
    Promise.all([
      client.invalidateQueries({ queryKey: programKeys.detail(detail.id) }),
      client.invalidateQueries({ queryKey: programKeys.list() }),
      client.invalidateQueries({ queryKey: programKeys.flags() }),
    ]);
  const save = useMutation({
    mutationFn: () => programApi.save(detail.id, state),
    onSuccess: async (r) => {
      setIssues(r.issues);
      setDirty(false);
      setNotice(r.issues.length ? "Draft saved — fix the issues below before activating." : "Draft saved.");
      await refresh();
    },
  });
  const activate = useMutation({
    mutationFn: async () => {
      const r = await programApi.save(detail.id, state);
      setDirty(false);
      if (r.issues.length) {
        setIssues(r.issues);
        throw new Error("invalid");
      }
      return programApi.activate(detail.id);
    },
    onSuccess: async (r) => {
      setIssues([]);
      setNotice(
        `Activated: revision ${r.revision} is live for new subscribers. Existing subscribers keep theirs until you apply it in the workbench.`,
      );
      await refresh();
    },
    onError: (e) => {
      if (e instanceof ApiError && e.fields) setIssues(Object.entries(e.fields).map(([path, message]) => ({ path, message })));
    },
  });
  const duplicate = useMutation({
    mutationFn: () =>
      programApi.duplicate(detail.id, { name: `${state.name} (copy)`, sku: `${detail.parent.sku}-COPY-${Date.now().toString(36).toUpperCase()}` }),
    onSuccess: async ({ id }) => {
      await client.invalidateQueries({ queryKey: programKeys.list() });
      router.push(`/programs/${id}`);
    },
  });
  const saveFields =
    save.error instanceof ApiError ? (save.error.fields ?? {}) : activate.error instanceof ApiError ? (activate.error.fields ?? {}) : {};
  const busy = save.isPending || activate.isPending;
  const live = detail.status === "active";

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={state.name || "Untitled program"}
        description={`${detail.parent.sku} · ${detail.status}${detail.currentRevision ? ` · revision ${detail.currentRevision} live` : ""}${dirty ? " · unsaved changes" : ""}`}
        actions={
          <div className="flex gap-2">
            <Link href="/programs" className="self-center text-sm text-slate-600 hover:underline">
              All programs
            </Link>
            {live && (
              <Link href={`/workbench?program=${detail.id}`} className="self-center text-sm text-brand-700 hover:underline">
                Workbench
              </Link>
            )}
            <Button variant="secondary" onClick={() => duplicate.mutate()} disabled={duplicate.isPending}>
              Duplicate
            </Button>
            <Button variant="secondary" onClick={() => save.mutate()} disabled={busy}>
              {save.isPending ? "Saving…" : "Save draft"}
            </Button>
            <Button onClick={() => activate.mutate()} disabled={busy}>
              {activate.isPending ? "Activating…" : live ? "Publish new revision" : "Activate"}
            </Button>
          </div>
        }
      />
      {notice && (
        <p role="status" className="rounded border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {notice}
        </p>
      )}
      {(save.error || activate.error) && !(activate.error?.message === "invalid") && issues.length === 0 && (
        <p role="alert" className="rounded border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700">
          {(save.error ?? activate.error)!.message}
        </p>
      )}
      {issues.length > 0 && (
        <Card
          title={
            <span className="text-red-700">
              {issues.length} issue{issues.length > 1 ? "s" : ""} to fix before activating
            </span>
          }
        >
          <ul aria-label="Validation issues" className="list-disc pl-5 text-sm">
            {issues.map((i, k) => (
              <li key={k}>
                <code className="text-xs text-slate-500">{i.path || "program"}</code> — {i.message}
              </li>
            ))}
          </ul>
        </Card>
      )}
      <BasicsSection state={state} issues={issues} onChange={change} />
      <SeriesSection state={state} issues={issues} products={products} onChange={change} />
      <SubstitutionsSection state={state} products={products} serverErrors={saveFields} today={today} onChange={change} />
      <AssignmentSection state={state} issues={issues} onChange={change} />
      <PreviewSection programId={detail.id} state={state} today={today} />
      <NeedsAttention programId={detail.id} />
      {detail.currentRevision && <RetentionSection programId={detail.id} />}
    </div>
  );
}
