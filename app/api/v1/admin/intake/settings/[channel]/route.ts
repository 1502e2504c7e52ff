import { getDb } from "@/db/client";
import { notFound } from "@/server/errors/app-error";
import { parseJson, withAuth } from "@/server/http/handler";
import { channelSchema } from "@/server/intake/adapters/canonical-order";
import { channelSettingsPatchSchema } from "@/server/intake/intake-admin.schema";
import { updateChannelSettings } from "@/server/intake/update-channel-settings";

export const dynamic = "force-dynamic";

/** Tune a channel's validation: totals / customer strict|lenient, test orders ignore|accept. */
export const PUT = withAuth<{ channel: string }>("intake:manage", async ({ req, actor, params }) => {
  const channel = channelSchema.safeParse(params.channel);
  if (!channel.success) throw notFound("Intake channel");
  const patch = await parseJson(req, channelSettingsPatchSchema);
  return { channel: channel.data, settings: await updateChannelSettings(getDb(), channel.data, patch, actor, { now: new Date() }) };
});
