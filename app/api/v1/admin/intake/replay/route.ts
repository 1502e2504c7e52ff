import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { reply } from "@/server/http/reply";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";
import { replayPayloads } from "@/server/intake/replay-payloads";

export const dynamic = "force-dynamic";

/** Replay one or many dead letters with the current mapping rules and corrections. */
export const POST = withAuth("intake:manage", async ({ req, actor }) => {
  const { ids } = await parseJson(req, intakeAdminRoutes.replay.body);
  return reply(intakeAdminRoutes.replay.response, { results: await replayPayloads(getDb(), ids, actor, { now: new Date() }) });
});
