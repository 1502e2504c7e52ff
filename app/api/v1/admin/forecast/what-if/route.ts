import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { forecastRoutes } from "@/server/forecast/forecast-routes.schema";
import { getWhatIf } from "@/server/forecast/get-what-if";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";

export const dynamic = "force-dynamic";

/** The forecast with a draft change applied to a copy, side by side with the current one. Saves nothing. */
export const POST = withAuth("forecast:read", async ({ req }) => {
  const input = await parseJson(req, forecastRoutes.whatIf.body);
  const result = await getWhatIf(getDb(), { ...input, currentApprovalThresholdMinor: env().APPROVAL_THRESHOLD_MINOR }, new Date());
  return reply(forecastRoutes.whatIf.response, result);
});
