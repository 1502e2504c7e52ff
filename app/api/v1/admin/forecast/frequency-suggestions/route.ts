import { getDb } from "@/db/client";
import { forecastRoutes } from "@/server/forecast/forecast-routes.schema";
import { frequencySuggestionsReport } from "@/server/forecast/frequency-suggestions-report";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";

export const dynamic = "force-dynamic";

/** Subscribers whose reorder rhythm (one-off orders of the product) differs from their frequency, with evidence. */
export const GET = withAuth("forecast:read", async () =>
  reply(forecastRoutes.frequencySuggestions.response, { rows: await frequencySuggestionsReport(getDb()) }),
);
