import { getDb } from "@/db/client";
import { forecastRoutes } from "@/server/forecast/forecast-routes.schema";
import { segmentOf } from "@/server/forecast/get-demand-forecast";
import { getTimeTravel } from "@/server/forecast/get-time-travel";
import { parseQuery, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";

export const dynamic = "force-dynamic";

/** Day by day, the exact orders and charges generation will create for a customer, program or segment. */
export const GET = withAuth("forecast:read", async ({ req }) => {
  const q = parseQuery(req, forecastRoutes.timeTravel.query);
  const result = await getTimeTravel(getDb(), { months: q.months, from: q.from, segment: segmentOf(q) }, new Date());
  return reply(forecastRoutes.timeTravel.response, result);
});
