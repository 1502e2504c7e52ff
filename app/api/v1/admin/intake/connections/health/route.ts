import { getDb } from "@/db/client";
import { env } from "@/server/env";
import { withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { channelHealth } from "@/server/intake/channel-health";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";

export const dynamic = "force-dynamic";

/** Channel health per connected store (intake page and dashboard, so readable with dashboard:read). */
export const GET = withAuth("dashboard:read", async () => {
  const stores = await channelHealth(getDb(), { now: new Date(), quietAfterMinutes: env().CHANNEL_QUIET_AFTER_MINUTES });
  return reply(intakeAdminRoutes.connectionHealth.response, { stores });
});
