import { getDb } from "@/db/client";
import { forecastQuerySchema } from "@/server/forecast/forecast.schema";
import { getDemandForecast, segmentOf } from "@/server/forecast/get-demand-forecast";
import { demandCsv } from "@/server/forecast/model";
import { parseQuery, withAuth } from "@/server/http/handler";

export const dynamic = "force-dynamic";

/** The demand forecast as CSV: one row per SKU, units per week, stock and the first short week. */
export const GET = withAuth("forecast:read", async ({ req }) => {
  const q = parseQuery(req, forecastQuerySchema);
  const forecast = await getDemandForecast(getDb(), { weeks: q.weeks, from: q.from, segment: segmentOf(q) }, new Date());
  return new Response(demandCsv(forecast), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="forecast-${forecast.startDate}-${q.weeks}w.csv"`,
      "cache-control": "no-store",
    },
  });
});
