import { parseJson, withAuth } from "@/server/http/handler";
import { previewSchedule } from "@/server/subscriptions/preview-schedule";
import { schedulePreviewSchema } from "@/server/subscriptions/subscription.schema";

/** The next occurrences of a schedule (local dates + UTC instants); what the setup page shows. */
export const POST = withAuth("catalog:read", async ({ req }) => previewSchedule(await parseJson(req, schedulePreviewSchema)));
