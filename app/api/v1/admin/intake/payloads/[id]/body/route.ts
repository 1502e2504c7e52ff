import { getDb } from "@/db/client";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";
import { correctPayload } from "@/server/intake/correct-payload";
import { intakeAdminRoutes } from "@/server/intake/intake-routes.schema";

export const dynamic = "force-dynamic";

/** "Edit payload": store a corrected copy of a dead letter's body (the raw body is kept). */
export const PUT = withAuth<{ id: string }>("intake:manage", async ({ req, actor, params }) => {
  const id = uuidParam(params.id, "Intake payload");
  const { body } = await parseJson(req, intakeAdminRoutes.correct.body);
  return reply(intakeAdminRoutes.correct.response, await correctPayload(getDb(), id, body, actor, { now: new Date() }));
});
