import { parseJson, withAuth } from "@/server/http/handler";
import { previewSchedule } from "@/server/subscriptions/preview-schedule";
import { reply } from "@/server/http/reply";
import { subscriptionRoutes } from "@/server/subscriptions/subscription-routes.schema";

/** The next occurrences of a schedule (local dates + UTC instants); what the setup page shows. */
export const POST = withAuth("catalog:read", async ({ req }) =>
  reply(subscriptionRoutes.schedulePreview.response, previewSchedule(await parseJson(req, subscriptionRoutes.schedulePreview.body))),
);
