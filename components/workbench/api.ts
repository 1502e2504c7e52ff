/** Workbench API client and query keys. */
import { fetchJson } from "@/components/ui/fetch-json";
import type { WorkbenchPreview } from "@/server/continuity/workbench-preview";
import type { WorkbenchRow } from "@/server/continuity/workbench-list";
import type { WorkbenchFilter } from "@/server/continuity/workbench.schema";

export type { WorkbenchFilter, WorkbenchPreview, WorkbenchRow };
export interface JobView {
  id: string;
  status: string;
  processed: number;
  applied: number;
  unchanged: number;
  total: number;
  toRevision: number;
}

const base = (programId: string) => `/api/v1/admin/programs/${programId}`;

export const workbenchKeys = {
  all: ["workbench"] as const,
  rows: (programId: string, filter: WorkbenchFilter) => [...workbenchKeys.all, "rows", programId, filter] as const,
  job: (jobId: string) => [...workbenchKeys.all, "job", jobId] as const,
};

export const workbenchApi = {
  rows: (programId: string, filter: WorkbenchFilter) => {
    const q = new URLSearchParams(
      Object.entries(filter)
        .filter(([, v]) => v !== undefined && v !== "")
        .map(([k, v]) => [k, String(v)]),
    );
    return fetchJson<{ currentRevision: number | null; rows: WorkbenchRow[] }>(`${base(programId)}/subscriptions?${q}`);
  },
  preview: (programId: string, subscriptionIds: string[]) =>
    fetchJson<{ previews: WorkbenchPreview[] }>(`${base(programId)}/workbench/preview`, { method: "POST", body: { subscriptionIds } }),
  apply: (programId: string, subscriptionIds: string[], batchSize: number) =>
    fetchJson<{ jobId: string; total: number }>(`${base(programId)}/workbench/jobs`, { method: "POST", body: { subscriptionIds, batchSize } }),
  job: (programId: string, jobId: string) => fetchJson<{ job: JobView }>(`${base(programId)}/workbench/jobs/${jobId}`),
};
