/** Workbench API client and query keys. */
import { fetchJson } from "@/components/ui/fetch-json";
import type { ResponseOf } from "@/server/http/route-contract";
import type { programRoutes } from "@/server/continuity/program-routes.schema";
import type { WorkbenchFilter } from "@/server/continuity/workbench.schema";

/** The workbench API's answers, as its contracts declare them (server/continuity/program-routes.schema.ts). */
type Routes = typeof programRoutes;
export type WorkbenchRow = ResponseOf<Routes["workbenchSubscriptions"]>["rows"][number];
export type WorkbenchPreview = ResponseOf<Routes["workbenchPreview"]>["previews"][number];
export type JobView = ResponseOf<Routes["workbenchJob"]>["job"];
export type { WorkbenchFilter };

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
    return fetchJson<ResponseOf<Routes["workbenchSubscriptions"]>>(`${base(programId)}/subscriptions?${q}`);
  },
  preview: (programId: string, subscriptionIds: string[]) =>
    fetchJson<ResponseOf<Routes["workbenchPreview"]>>(`${base(programId)}/workbench/preview`, { method: "POST", body: { subscriptionIds } }),
  apply: (programId: string, subscriptionIds: string[], batchSize: number) =>
    fetchJson<ResponseOf<Routes["workbenchApply"]>>(`${base(programId)}/workbench/jobs`, { method: "POST", body: { subscriptionIds, batchSize } }),
  job: (programId: string, jobId: string) => fetchJson<ResponseOf<Routes["workbenchJob"]>>(`${base(programId)}/workbench/jobs/${jobId}`),
};
