import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { BodyOf, ResponseOf } from "@/server/http/route-contract";
import type { WorkflowDefinition } from "@/server/workflows/model";
import type { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

/** The staff workflow API's answers, as its contracts declare them (server/workflows/workflow-routes.schema.ts). */
type Routes = typeof workflowRoutes;
export type WorkflowSummary = ResponseOf<Routes["list"]>["workflows"][number];
export type WorkflowDetail = ResponseOf<Routes["detail"]>;
export type WorkflowVersionSummary = WorkflowDetail["versions"][number];
export type SimulateRequest = BodyOf<Routes["simulate"]>;
export type SimulatedOrder = ResponseOf<Routes["simulate"]>["results"][number];

const base = (id: string) => `/api/v1/admin/workflows/${encodeURIComponent(id)}`;

export const workflowKeys = {
  all: ["workflows"] as const,
  list: () => [...workflowKeys.all, "list"] as const,
  detail: (id: string) => [...workflowKeys.all, "detail", id] as const,
  diff: (id: string) => [...workflowKeys.all, "diff", id] as const,
};

export const workflowListQuery = () =>
  queryOptions({
    queryKey: workflowKeys.list(),
    queryFn: ({ signal }) => fetchJson<ResponseOf<Routes["list"]>>("/api/v1/admin/workflows", { signal }),
  });

export const workflowDetailQuery = (id: string) =>
  queryOptions({
    queryKey: workflowKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<WorkflowDetail>(base(id), { signal }),
    // The designer owns the draft once loaded; refetching would fight the user's edits.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });

export const workflowDiffQuery = (id: string) =>
  queryOptions({
    queryKey: workflowKeys.diff(id),
    queryFn: ({ signal }) => fetchJson<ResponseOf<Routes["diff"]>>(`${base(id)}/diff`, { signal }),
    staleTime: 0,
  });

export const saveDraft = (id: string, definition: WorkflowDefinition) =>
  fetchJson<ResponseOf<Routes["saveDraft"]>>(`${base(id)}/draft`, { method: "PUT", body: { definition } });

export const publishWorkflow = (id: string) => fetchJson<ResponseOf<Routes["publish"]>>(`${base(id)}/publish`, { method: "POST" });

export const simulateOnServer = (id: string, body: SimulateRequest) =>
  fetchJson<ResponseOf<Routes["simulate"]>>(`${base(id)}/simulate`, { method: "POST", body });
