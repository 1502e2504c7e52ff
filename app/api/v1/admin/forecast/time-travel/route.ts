import { getDb } from "@/db/client";
import { timeTravelQuerySchema } from "@/server/forecast/forecast.schema";
import { segmentOf } from "@/server/forecast/get-demand-forecast";
import { getTimeTravel } from "@/server/forecast/get-time-travel";
import { parseQuery, withAuth } from "@/server/http/handler";

export const dynamic = "force-dynamic";

/** Day by day, the exact orders and charges generation will create for a customer, program or segment. */
export const GET = withAuth("forecast:read", async ({ req }) => {
  const q = parseQuery(req, timeTravelQuerySchema);
  return getTimeTravel(getDb(), { months: q.months, from: q.from, segment: segmentOf(q) }, new Date());
});
