import { getDb } from "@/db/client";
import { forecastRoutes } from "@/server/forecast/forecast-routes.schema";
import { getDemandForecast, segmentOf } from "@/server/forecast/get-demand-forecast";
import { demandCsv } from "@/server/forecast/model";
import { parseQuery, withAuth } from "@/server/http/handler";

export const dynamic = "force-dynamic";

/** The demand forecast as CSV: one row per SKU, units per week, stock and the first short week. */
export const GET = withAuth("forecast:read", async ({ req }) => {
  const q = parseQuery(req, forecastRoutes.export.query);
  const forecast = await getDemandForecast(getDb(), { weeks: q.weeks, from: q.from, segment: segmentOf(q) }, new Date());
  // Text, not JSON: reply() checks JSON answers; the contract documents this one as text/csv.
  return new Response(demandCsv(forecast), {
    headers: {
      "content-type": `${forecastRoutes.export.responseMediaType}; charset=utf-8`,
      "content-disposition": `attachment; filename="forecast-${forecast.startDate}-${q.weeks}w.csv"`,
      "cache-control": "no-store",
    },
  });
});
