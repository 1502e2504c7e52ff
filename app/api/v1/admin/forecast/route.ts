import { getDb } from "@/db/client";
import { forecastRoutes } from "@/server/forecast/forecast-routes.schema";
import { getDemandForecast, segmentOf } from "@/server/forecast/get-demand-forecast";
import { parseQuery, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";

export const dynamic = "force-dynamic";

/** Units per SKU per week (and day), orders and revenue for the next 1–26 weeks, from the live book. */
export const GET = withAuth("forecast:read", async ({ req }) => {
  const q = parseQuery(req, forecastRoutes.demand.query);
  const forecast = await getDemandForecast(getDb(), { weeks: q.weeks, from: q.from, segment: segmentOf(q) }, new Date());
  return reply(forecastRoutes.demand.response, forecast);
});
