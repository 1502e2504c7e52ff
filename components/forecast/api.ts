import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { forecastRoutes } from "@/server/forecast/forecast-routes.schema";
import type { BodyOf, ResponseOf } from "@/server/http/route-contract";

/** The staff forecast API's answers, as its contracts declare them (server/forecast/forecast-routes.schema.ts). */
type Routes = typeof forecastRoutes;
export type DemandForecastResult = ResponseOf<Routes["demand"]>;
export type TimeTravelResult = ResponseOf<Routes["timeTravel"]>;
export type WhatIfResult = ResponseOf<Routes["whatIf"]>;
export type WhatIfRequest = BodyOf<Routes["whatIf"]>;
export type FrequencySuggestionRow = ResponseOf<Routes["frequencySuggestions"]>["rows"][number];

/** A change in the book (a new subscription, a skip) shows on the next refresh. */
export const FORECAST_REFRESH_MS = 30_000;

export const forecastKeys = {
  all: ["forecast"] as const,
  demand: (weeks: number) => [...forecastKeys.all, "demand", weeks] as const,
  timeTravel: (params: string) => [...forecastKeys.all, "time-travel", params] as const,
  suggestions: () => [...forecastKeys.all, "frequency-suggestions"] as const,
};

export const forecastCsvUrl = (weeks: number) => `/api/v1/admin/forecast/export?weeks=${weeks}`;

export const demandQuery = (weeks: number) =>
  queryOptions({
    queryKey: forecastKeys.demand(weeks),
    queryFn: ({ signal }) => fetchJson<DemandForecastResult>(`/api/v1/admin/forecast?weeks=${weeks}`, { signal }),
    refetchInterval: FORECAST_REFRESH_MS,
  });

export const timeTravelQuery = (params: URLSearchParams) =>
  queryOptions({
    queryKey: forecastKeys.timeTravel(params.toString()),
    queryFn: ({ signal }) => fetchJson<TimeTravelResult>(`/api/v1/admin/forecast/time-travel?${params}`, { signal }),
  });

export const suggestionsQuery = () =>
  queryOptions({
    queryKey: forecastKeys.suggestions(),
    queryFn: ({ signal }) => fetchJson<ResponseOf<Routes["frequencySuggestions"]>>("/api/v1/admin/forecast/frequency-suggestions", { signal }),
  });

export const runWhatIf = (body: Partial<WhatIfRequest>) => fetchJson<WhatIfResult>("/api/v1/admin/forecast/what-if", { method: "POST", body });
