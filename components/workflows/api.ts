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

// ── Operate: the Live overlay, drill-down, bulk operations, migrations, restore and version diff ──

export type WorkflowOverlay = ResponseOf<Routes["overlay"]>;
export type OverlayState = WorkflowOverlay["states"][number];
export type OrderSelectionResult = ResponseOf<Routes["stateOrders"]>;
export type OrderFilter = BodyOf<Routes["bulkPreview"]>["filter"];
export type BulkAction = BodyOf<Routes["startOperation"]>["action"];
export type OperationProgress = ResponseOf<Routes["operation"]>;
export type MigrationPlan = ResponseOf<Routes["migrationPreview"]>;
export type MigrationRequest = BodyOf<Routes["migrate"]>;
export type VersionDiff = ResponseOf<Routes["versionDiff"]>;

/** Query string of a filter (undefined fields left out). */
export function filterQuery(f: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v !== undefined && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}

export const operateKeys = {
  overlay: (id: string, hours: number, versionId?: number) => [...workflowKeys.all, "overlay", id, hours, versionId ?? null] as const,
  stateOrders: (id: string, f: object) => [...workflowKeys.all, "state-orders", id, f] as const,
  operation: (id: string, operationId: string) => [...workflowKeys.all, "operation", id, operationId] as const,
  operations: (id: string) => [...workflowKeys.all, "operations", id] as const,
  versionDiff: (id: string, from: number, to: number) => [...workflowKeys.all, "version-diff", id, from, to] as const,
};

/** Live mode refetches every few seconds; a paused tab does not (react-query's default). */
export const LIVE_REFRESH_MS = 5_000;

export const overlayQuery = (id: string, hours: number, versionId?: number) =>
  queryOptions({
    queryKey: operateKeys.overlay(id, hours, versionId),
    queryFn: ({ signal }) => fetchJson<WorkflowOverlay>(`${base(id)}/overlay${filterQuery({ hours, versionId })}`, { signal }),
    refetchInterval: LIVE_REFRESH_MS,
  });

export const stateOrdersQuery = (id: string, f: OrderFilter & { limit?: number }) =>
  queryOptions({
    queryKey: operateKeys.stateOrders(id, f),
    queryFn: ({ signal }) => fetchJson<OrderSelectionResult>(`${base(id)}/orders${filterQuery(f)}`, { signal }),
    refetchInterval: LIVE_REFRESH_MS,
  });

/** Polls until the operation is done, then stops. */
export const operationQuery = (id: string, operationId: string) =>
  queryOptions({
    queryKey: operateKeys.operation(id, operationId),
    queryFn: ({ signal }) => fetchJson<OperationProgress>(`${base(id)}/operations/${encodeURIComponent(operationId)}`, { signal }),
    refetchInterval: (q) => (q.state.data?.status === "done" ? false : 1_000),
  });

export const operationsQuery = (id: string) =>
  queryOptions({
    queryKey: operateKeys.operations(id),
    queryFn: ({ signal }) => fetchJson<ResponseOf<Routes["operations"]>>(`${base(id)}/operations`, { signal }),
  });

export const bulkPreview = (id: string, filter: OrderFilter) =>
  fetchJson<OrderSelectionResult>(`${base(id)}/bulk-preview`, { method: "POST", body: { filter } });

export const startOperation = (id: string, action: BulkAction, filter: OrderFilter) =>
  fetchJson<ResponseOf<Routes["startOperation"]>>(`${base(id)}/operations`, { method: "POST", body: { action, filter } });

export const previewMigration = (id: string, body: MigrationRequest) =>
  fetchJson<MigrationPlan>(`${base(id)}/migrations/preview`, { method: "POST", body });

export const startMigration = (id: string, body: MigrationRequest) =>
  fetchJson<ResponseOf<Routes["migrate"]>>(`${base(id)}/migrations`, { method: "POST", body });

export const restoreVersion = (id: string, versionId: number) =>
  fetchJson<ResponseOf<Routes["restoreVersion"]>>(`${base(id)}/versions/${versionId}/restore`, { method: "POST" });

export const versionDiffQuery = (id: string, from: number, to: number) =>
  queryOptions({
    queryKey: operateKeys.versionDiff(id, from, to),
    queryFn: ({ signal }) => fetchJson<VersionDiff>(`${base(id)}/versions/diff${filterQuery({ from, to })}`, { signal }),
    staleTime: Infinity,
  });
