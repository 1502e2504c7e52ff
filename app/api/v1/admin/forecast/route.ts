import { getDb } from "@/db/client";
import { forecastQuerySchema } from "@/server/forecast/forecast.schema";
import { getDemandForecast, segmentOf } from "@/server/forecast/get-demand-forecast";
import { parseQuery, withAuth } from "@/server/http/handler";

export const dynamic = "force-dynamic";

/** Units per SKU per week (and day), orders and revenue for the next 1–26 weeks, from the live book. */
export const GET = withAuth("forecast:read", async ({ req }) => {
  const q = parseQuery(req, forecastQuerySchema);
  return getDemandForecast(getDb(), { weeks: q.weeks, from: q.from, segment: segmentOf(q) }, new Date());
});
