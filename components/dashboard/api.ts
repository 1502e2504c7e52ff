import { queryOptions } from "@tanstack/react-query";
import type { ChannelMetrics } from "@/components/intake/api";
import { fetchJson } from "@/components/ui/fetch-json";

/** GET /api/v1/admin/dashboard. */
export type DashboardData = {
  ordersByState: Array<{ state: string; count: number }>;
  /** `count`: orders that reached a terminal state in the hour; `created`: orders created. */
  throughputPerHour: Array<{ hour: string; count: number; created?: number }>;
  timeInState: Array<{ state: string; avgSeconds: number; p95Seconds: number; bottleneck: boolean }>;
  actions: {
    attempts: number;
    retries: number;
    failures: number;
    retryRate: number;
    failureRate: number;
    byType?: Array<{ actionType: string; attempts: number; retries: number; failures: number }>;
  };
  reviewQueue: { count: number; oldestAgeSeconds: number | null };
  inFlightByVersion: Array<{ workflow: string; version: number; count: number }>;
  deadLetters: { total: number; byChannel: Array<{ channel: string; count: number }> };
  /** Intake per channel over the last 24 h (server/intake/intake-metrics.ts). */
  intake?: { perChannel: ChannelMetrics[]; since: string };
};

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
