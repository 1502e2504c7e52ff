import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/components/ui/fetch-json";
import type { FrequencySuggestionRow } from "@/server/forecast/frequency-suggestions-report";
import type { DemandForecastResult } from "@/server/forecast/get-demand-forecast";
import type { TimeTravelResult } from "@/server/forecast/get-time-travel";
import type { WhatIfResult } from "@/server/forecast/get-what-if";
import type { WhatIfRequest } from "@/server/forecast/forecast.schema";

export type { DemandForecastResult, FrequencySuggestionRow, TimeTravelResult, WhatIfResult, WhatIfRequest };

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
    queryFn: ({ signal }) => fetchJson<{ rows: FrequencySuggestionRow[] }>("/api/v1/admin/forecast/frequency-suggestions", { signal }),
  });

export const runWhatIf = (body: Partial<WhatIfRequest>) => fetchJson<WhatIfResult>("/api/v1/admin/forecast/what-if", { method: "POST", body });
