import { getDb } from "@/db/client";
import { programRoutes } from "@/server/continuity/program-routes.schema";
import { previewWorkbench } from "@/server/continuity/workbench-preview";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";
import { reply } from "@/server/http/reply";

/** Per-subscription effect of moving to the current revision: next 3 shipments before/after. */
export const POST = withAuth<{ id: string }>("subscriptions:bulk_update", async ({ req, params }) => {
  const { subscriptionIds } = await parseJson(req, programRoutes.workbenchPreview.body);
  return reply(programRoutes.workbenchPreview.response, {
    previews: await previewWorkbench(getDb(), uuidParam(params.id, "Program"), subscriptionIds),
  });
});
