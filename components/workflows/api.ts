import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { DefinitionDiff, OrderFacts, Problem, SimulationOutcomes, SimulationResult, WorkflowDefinition } from "@/server/workflows/model";

/** Client-side view of the staff workflow API (app/api/v1/admin/workflows). */
export type WorkflowSummary = {
  id: number;
  name: string;
  liveVersion: number | null;
  draftUpdatedAt: string | null;
  inFlight: number;
};

export type WorkflowVersionSummary = { versionId: number; version: number; publishedAt: string; inFlight: number };

export type WorkflowDetail = {
  workflow: { id: number; name: string };
  draft: WorkflowDefinition;
  live: { versionId: number; version: number; definition: WorkflowDefinition; publishedAt: string } | null;
  versions: WorkflowVersionSummary[];
  problems: Problem[];
};

export type SimulateRequest = {
  definition: WorkflowDefinition;
  facts?: OrderFacts;
  lastN?: number;
  outcomes?: SimulationOutcomes;
};

export type SimulatedOrder = SimulationResult & { orderId?: string; orderNumber?: number; facts: OrderFacts };

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
    queryFn: ({ signal }) => fetchJson<{ workflows: WorkflowSummary[] }>("/api/v1/admin/workflows", { signal }),
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
    queryFn: ({ signal }) => fetchJson<DefinitionDiff>(`${base(id)}/diff`, { signal }),
    staleTime: 0,
  });

export const saveDraft = (id: string, definition: WorkflowDefinition) =>
  fetchJson<{ problems: Problem[]; draftUpdatedAt: string }>(`${base(id)}/draft`, { method: "PUT", body: { definition } });

export const publishWorkflow = (id: string) => fetchJson<{ versionId: number; version: number }>(`${base(id)}/publish`, { method: "POST" });

export const simulateOnServer = (id: string, body: SimulateRequest) =>
  fetchJson<{ results: SimulatedOrder[] }>(`${base(id)}/simulate`, { method: "POST", body });
