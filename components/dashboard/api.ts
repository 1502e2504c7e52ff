import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { ResponseOf } from "@/server/http/route-contract";
import type { workflowRoutes } from "@/server/workflows/workflow-routes.schema";

/** GET /api/v1/admin/dashboard, as its contract declares it (server/workflows/workflow-routes.schema.ts). */
export type DashboardData = ResponseOf<typeof workflowRoutes.dashboard>;

export const DASHBOARD_REFRESH_MS = 5_000;

export const dashboardKeys = {
  all: ["dashboard"] as const,
  summary: () => [...dashboardKeys.all, "summary"] as const,
};

export const dashboardQuery = () =>
  queryOptions({
    queryKey: dashboardKeys.summary(),
    queryFn: ({ signal }) => fetchJson<DashboardData>("/api/v1/admin/dashboard", { signal }),
    refetchInterval: DASHBOARD_REFRESH_MS,
    // Keep polling in a background tab: the dashboard is often left open on a wall screen.
    refetchIntervalInBackground: true,
    staleTime: 0,
  });
