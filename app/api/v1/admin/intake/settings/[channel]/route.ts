import { getDb } from "@/db/client";
import { notFound } from "@/server/errors/app-error";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { channelSchema } from "@/server/intake/adapters/canonical-order";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";
import { updateChannelSettings } from "@/server/intake/update-channel-settings";

export const dynamic = "force-dynamic";

/** Tune a channel's validation: totals / customer strict|lenient, test orders ignore|accept. */
export const PUT = withAuth<{ channel: string }>("intake:manage", async ({ req, actor, params }) => {
  const channel = channelSchema.safeParse(params.channel);
  if (!channel.success) throw notFound("Intake channel");
  const patch = await parseJson(req, intakeAdminRoutes.settings.body);
  const settings = await updateChannelSettings(getDb(), channel.data, patch, actor, { now: new Date() });
  return reply(intakeAdminRoutes.settings.response, { channel: channel.data, settings });
});
