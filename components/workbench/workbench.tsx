"use client";

import { useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { programApi, programKeys } from "@/components/programs/api";
import { Button } from "@/components/ui/button";
import { Card, EmptyState } from "@/components/ui/card";
import { workbenchApi, workbenchKeys, type WorkbenchFilter } from "./api";
import { JobProgress } from "./job-progress";
import { PreviewList } from "./preview-list";

/** Continuity updates workbench: pick subscriptions, preview the effect, apply in batches. */
export function Workbench() {
  const params = useSearchParams();
  const router = useRouter();
  const programId = params.get("program") ?? "";
  const programs = useQuery({ queryKey: programKeys.list(), queryFn: programApi.list });
  const [filter, setFilter] = useState<WorkbenchFilter>({});
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [jobId, setJobId] = useState<string | null>(null);
  const client = useQueryClient();
  const rows = useQuery({
    queryKey: workbenchKeys.rows(programId, filter),
    queryFn: () => workbenchApi.rows(programId, filter),
    enabled: programId !== "",
  });
  const preview = useMutation({ mutationFn: () => workbenchApi.preview(programId, [...selected].slice(0, 50)) });
  const apply = useMutation({
    mutationFn: () => workbenchApi.apply(programId, [...selected], 25),
    onSuccess: (r) => setJobId(r.jobId),
  });
  const list = rows.data?.rows ?? [];
  const current = rows.data?.currentRevision ?? null;
  const allSelected = list.length > 0 && list.every((r) => selected.has(r.subscriptionId));
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  const setF = (patch: Partial<WorkbenchFilter>) => {
    setFilter((f) => ({ ...f, ...patch }));
    setSelected(new Set());
  };
  const active = (programs.data?.programs ?? []).filter((p) => p.currentRevision !== null);

  return (
    <div className="flex flex-col gap-6">
      <Card title="Program and filters">
        <div className="flex flex-wrap items-end gap-3 text-sm">
          <label className="flex flex-col">
            Program
            <select
              aria-label="Program"
              className="rounded border border-slate-300 px-2 py-1"
              value={programId}
              onChange={(e) => {
                router.replace(`/workbench?program=${e.target.value}`);
                setSelected(new Set());
                setJobId(null);
                preview.reset();
              }}
            >
              <option value="">Choose…</option>
              {active.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} (rev {p.currentRevision})
                </option>
              ))}
            </select>
          </label>
          <label className="flex flex-col">
            Version
            <input
              aria-label="Version filter"
              className="w-20 rounded border border-slate-300 px-2 py-1"
              value={filter.versionId ?? ""}
              onChange={(e) => setF({ versionId: e.target.value || undefined })}
            />
          </label>
          <label className="flex flex-col">
            Status
            <select
              aria-label="Status filter"
              className="rounded border border-slate-300 px-2 py-1"
              value={filter.status ?? ""}
              onChange={(e) => setF({ status: (e.target.value || undefined) as WorkbenchFilter["status"] })}
            >
              <option value="">Any</option>
              <option value="active">Active</option>
              <option value="paused">Paused</option>
              <option value="completed">Completed</option>
              <option value="cancelled">Cancelled</option>
            </select>
          </label>
          <label className="flex flex-col">
            Joined after
            <input
              aria-label="Joined after"
              type="date"
              className="rounded border border-slate-300 px-2 py-1"
              value={filter.joinedAfter ?? ""}
              onChange={(e) => setF({ joinedAfter: e.target.value || undefined })}
            />
          </label>
          <label className="flex flex-col">
            Joined before
            <input
              aria-label="Joined before"
              type="date"
              className="rounded border border-slate-300 px-2 py-1"
              value={filter.joinedBefore ?? ""}
              onChange={(e) => setF({ joinedBefore: e.target.value || undefined })}
            />
          </label>
        </div>
      </Card>
      {programId && (
        <Card
          title={`Subscriptions (${list.length})`}
          actions={
            <span className="flex items-center gap-2 text-sm">
              <span>
                {selected.size} selected · current revision {current ?? "—"}
              </span>
              <Button variant="secondary" disabled={selected.size === 0 || preview.isPending} onClick={() => preview.mutate()}>
                Preview effect
              </Button>
              <Button disabled={selected.size === 0 || apply.isPending} onClick={() => apply.mutate()}>
                Apply revision {current ?? ""} to {selected.size}
              </Button>
            </span>
          }
        >
          {list.length === 0 ? (
            <EmptyState title="No subscriptions match" />
          ) : (
            <table className="w-full text-sm" aria-label="Program subscriptions">
              <thead className="text-left text-xs uppercase text-slate-500">
                <tr>
                  <th className="py-1">
                    <input
                      type="checkbox"
                      aria-label="Select all filtered"
                      checked={allSelected}
                      onChange={() => setSelected(allSelected ? new Set() : new Set(list.map((r) => r.subscriptionId)))}
                    />
                  </th>
                  <th>Customer</th>
                  <th>Status</th>
                  <th>Joined</th>
                  <th>Version</th>
                  <th>Revision</th>
                  <th>Shipments</th>
                </tr>
              </thead>
              <tbody>
                {list.map((r) => (
                  <tr key={r.subscriptionId} className="border-t border-slate-100" data-testid="workbench-row">
                    <td className="py-1">
                      <input
                        type="checkbox"
                        aria-label={`Select ${r.customerEmail}`}
                        checked={selected.has(r.subscriptionId)}
                        onChange={() => toggle(r.subscriptionId)}
                      />
                    </td>
                    <td>{r.customerEmail}</td>
                    <td>{r.status}</td>
                    <td>{r.joinedOn}</td>
                    <td>{r.versionId}</td>
                    <td data-testid="row-revision">
                      {r.revision}
                      {current !== null && r.revision < current && (
                        <span className="ml-1 rounded bg-amber-100 px-1 text-xs text-amber-800">behind</span>
                      )}
                    </td>
                    <td>{r.shipmentsProcessed}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {apply.error && (
            <p role="alert" className="mt-2 text-sm text-red-600">
              {apply.error.message}
            </p>
          )}
        </Card>
      )}
      {jobId && <JobProgress programId={programId} jobId={jobId} onDone={() => client.invalidateQueries({ queryKey: workbenchKeys.all })} />}
      {preview.data && <PreviewList previews={preview.data.previews} labels={new Map(list.map((r) => [r.subscriptionId, r.customerEmail]))} />}
      {preview.error && (
        <p role="alert" className="text-sm text-red-600">
          {preview.error.message}
        </p>
      )}
    </div>
  );
}
