import { getDb } from "@/db/client";
import { previewWorkbench } from "@/server/continuity/workbench-preview";
import { workbenchPreviewSchema } from "@/server/continuity/workbench.schema";
import { parseJson, withAuth } from "@/server/http/handler";
import { uuidParam } from "@/server/http/path-params";

/** Per-subscription effect of moving to the current revision: next 3 shipments before/after. */
export const POST = withAuth<{ id: string }>("subscriptions:bulk_update", async ({ req, params }) => {
  const { subscriptionIds } = await parseJson(req, workbenchPreviewSchema);
  return { previews: await previewWorkbench(getDb(), uuidParam(params.id, "Program"), subscriptionIds) };
});
